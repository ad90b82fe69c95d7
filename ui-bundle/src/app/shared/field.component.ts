import { AfterViewChecked, Component, ElementRef, Input, inject } from '@angular/core';
import { ClrIconModule } from '@clr/angular';

// One labelled form control in Clarity's layout, with its problem (from the
// rules as the user types, or from the server on Next) or a hint under it.
// The control is projected; give it id = `for` and the class clr-input,
// clr-select or clr-textarea. The control is told what the field shows
// (aria-invalid, aria-describedby, aria-required), so that a screen reader
// reads the problem with it.
@Component({
  selector: 'vic-field',
  imports: [ClrIconModule],
  template: `
    <div class="clr-form-control clr-row" [class.clr-error]="!!error">
      <label class="clr-control-label clr-col-12 clr-col-md-3" [for]="for">
        {{ label }}@if (required) {<span class="vic-required" aria-hidden="true"> *</span>}
      </label>
      <div class="clr-control-container clr-col-12 clr-col-md-9" [class.clr-error]="!!error">
        <div class="vic-field-controls"><ng-content /></div>
        @if (error) {
          <div class="clr-subtext-wrapper">
            <cds-icon class="clr-validate-icon" shape="exclamation-circle" status="danger" aria-hidden="true" />
            <span class="clr-subtext error" role="alert" [id]="for + '-error'">{{ error }}</span>
          </div>
        } @else if (hint) {
          <span class="clr-subtext" [id]="for + '-hint'">{{ hint }}</span>
        }
      </div>
    </div>
  `,
  styles: [
    '.vic-field-controls { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }',
    '.clr-subtext-wrapper { align-items: flex-start; gap: 0.2rem; }',
    '.clr-subtext-wrapper .clr-subtext { margin-top: 0; }',
  ],
})
export class FieldComponent implements AfterViewChecked {
  @Input({ required: true }) label = '';
  @Input({ required: true }) for = '';
  @Input() error = '';
  @Input() hint = '';
  @Input() required = false;
  private readonly host = inject(ElementRef<HTMLElement>);

  ngAfterViewChecked(): void {
    const control = (this.host.nativeElement as HTMLElement).querySelector<HTMLElement>(`[id="${this.for}"]`);
    if (!control) return;
    const describedBy = this.error ? `${this.for}-error` : this.hint ? `${this.for}-hint` : '';
    set(control, 'aria-invalid', this.error ? 'true' : '');
    set(control, 'aria-describedby', describedBy);
    set(control, 'aria-required', this.required ? 'true' : '');
  }
}

// Only when it differs, so that checking does not churn the DOM.
function set(el: HTMLElement, name: string, value: string): void {
  if ((el.getAttribute(name) ?? '') === value) return;
  if (value) el.setAttribute(name, value);
  else el.removeAttribute(name);
}
