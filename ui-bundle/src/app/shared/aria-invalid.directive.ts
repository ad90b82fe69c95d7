import { Directive, inject } from '@angular/core';
import { NgControl } from '@angular/forms';

// A field whose problem shows is marked invalid for screen readers too;
// Clarity links the message (aria-describedby) but leaves this out.
@Directive({
  selector: '[formControlName],[formControl]',
  host: { '[attr.aria-invalid]': 'shown() ? "true" : null' },
})
export class AriaInvalidDirective {
  private readonly control = inject(NgControl, { self: true });

  shown(): boolean {
    return !!this.control.invalid && !!this.control.touched;
  }
}
