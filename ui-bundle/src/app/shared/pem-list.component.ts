import { Component, EventEmitter, Input, Output } from '@angular/core';

import { PemFile } from '../wizard/wizard-state';
import { readPem } from '../wizard/steps/pem-files';
import { aria } from './aria-labels';
import { FieldComponent } from './field.component';

// Certificates given as PEM files: a file input that adds each file it can
// read, and the list so far, each with Remove. A file that holds no
// certificate is said at once, before `error` (the rules' or the server's).
@Component({
  selector: 'vic-pem-list',
  imports: [FieldComponent],
  template: `
    <vic-field [label]="label" [for]="for" [error]="problem || error" [hint]="hint">
      <input type="file" [id]="for" [name]="for" accept=".pem,.crt,.cer" (change)="add($event)" />
    </vic-field>
    @for (file of files; track $index; let i = $index) {
      <p>
        {{ file.name }}
        <button type="button" class="btn btn-sm btn-link" [attr.aria-label]="aria.remove(file.name)" (click)="remove(i)" i18n>Remove</button>
      </p>
    }
  `,
})
export class PemListComponent {
  readonly aria = aria;
  @Input({ required: true }) label = '';
  @Input({ required: true }) for = '';
  @Input({ required: true }) files: PemFile[] = [];
  @Input() error = '';
  @Input() hint = '';
  @Output() changed = new EventEmitter<void>();
  problem = '';

  async add(event: Event): Promise<void> {
    const { file, problem } = await readPem(event, 'CERTIFICATE');
    this.problem = problem;
    if (file) this.files.push(file);
    this.changed.emit();
  }

  remove(index: number): void {
    this.files.splice(index, 1);
    this.changed.emit();
  }
}
