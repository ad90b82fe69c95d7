import { Component, Input } from '@angular/core';

// One labelled form control in Clarity's layout, with its problem (from the
// rules as the user types, or from the server on Next) or a hint under it.
// The control is projected; give it id = `for` and the class clr-input,
// clr-select or clr-textarea.
@Component({
  selector: 'vic-field',
  template: `
    <div class="clr-form-control clr-row" [class.clr-error]="!!error">
      <label class="clr-control-label clr-col-12 clr-col-md-3" [for]="for">{{ label }}</label>
      <div class="clr-control-container clr-col-12 clr-col-md-9" [class.clr-error]="!!error">
        <div class="vic-field-controls"><ng-content /></div>
        @if (error) {
          <span class="clr-subtext" role="alert" [id]="for + '-error'">{{ error }}</span>
        } @else if (hint) {
          <span class="clr-subtext" [id]="for + '-hint'">{{ hint }}</span>
        }
      </div>
    </div>
  `,
  styles: ['.vic-field-controls { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }'],
})
export class FieldComponent {
  @Input({ required: true }) label = '';
  @Input({ required: true }) for = '';
  @Input() error = '';
  @Input() hint = '';
}
