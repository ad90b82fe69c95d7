import { Component, Input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ClrFormsModule } from '@clr/angular';

import { PemFile } from '../wizard/wizard-state';
import { aria } from './aria-labels';
import { AriaInvalidDirective } from './aria-invalid.directive';
import { problemOf } from './control-rules';
import { PemFileDirective } from './pem-file.directive';

// Certificates given as PEM files: a file input that adds each file it can
// read, and the list so far, each with Remove.
@Component({
  selector: 'vic-pem-list',
  imports: [ReactiveFormsModule, ClrFormsModule, PemFileDirective, AriaInvalidDirective],
  template: `
    <clr-control-container>
      <label [for]="for">{{ label }}</label>
      <input type="file" clrControl [id]="for" accept=".pem,.crt,.cer" vicPemFile="CERTIFICATE" [append]="true" [formControl]="control" />
      @if (hint) {
        <clr-control-helper>{{ hint }}</clr-control-helper>
      }
      <clr-control-error role="alert">{{ problem() }}</clr-control-error>
    </clr-control-container>
    @for (file of control.value; track $index; let i = $index) {
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
  @Input({ required: true }) control!: FormControl<PemFile[]>;
  @Input() hint = '';

  problem(): string {
    return problemOf(this.control);
  }

  remove(index: number): void {
    this.control.setValue(this.control.value.filter((_, i) => i !== index));
    this.control.markAsTouched();
  }
}
