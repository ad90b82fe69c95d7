import { Component, ContentChild, Input, TemplateRef } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { AbstractControl, FormArray } from '@angular/forms';

export interface RowContext<R> {
  $implicit: R;
  index: number;
}

// A list of like rows (registries, volume stores, container networks): each
// row from the template given, a Remove beside it, and Add under them. At
// least `min` rows stay.
@Component({
  selector: 'vic-row-list',
  imports: [NgTemplateOutlet],
  template: `
    @for (row of rows.controls; track row; let i = $index) {
      <div class="vic-row">
        <div class="vic-row-fields"><ng-container *ngTemplateOutlet="row$; context: { $implicit: row, index: i }" /></div>
        <button type="button" class="btn btn-icon btn-sm vic-row-remove" [attr.aria-label]="removeLabel(i + 1)"
                (click)="rows.removeAt(i)" [disabled]="rows.length <= min">−</button>
      </div>
    }
    <button type="button" class="btn btn-sm btn-link" (click)="rows.push(newRow())">{{ addLabel }}</button>
  `,
  styles: [
    '.vic-row { display: flex; align-items: flex-start; gap: 0.3rem; }',
    '.vic-row-fields { flex: 1; min-width: 0; }',
    '.vic-row-remove { margin-top: 0.9rem; }',
  ],
})
export class RowListComponent<R extends AbstractControl> {
  @Input({ required: true }) rows!: FormArray<R>;
  @Input({ required: true }) newRow!: () => R;
  @Input({ required: true }) addLabel = '';
  @Input({ required: true }) removeLabel!: (n: number) => string;
  @Input() min = 0;
  @ContentChild(TemplateRef) row$!: TemplateRef<RowContext<R>>;
}
