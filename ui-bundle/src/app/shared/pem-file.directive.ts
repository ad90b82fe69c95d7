import { Directive, Input, forwardRef } from '@angular/core';
import { AbstractControl, ControlValueAccessor, NG_VALIDATORS, NG_VALUE_ACCESSOR, ValidationErrors, Validator } from '@angular/forms';

import { PemFile } from '../wizard/wizard-state';
import { readPem } from '../wizard/steps/pem-files';

// A file input as a form control whose value is the PEM file chosen (or,
// with `append`, the list of them so far). A file that holds no PEM of the
// kind asked is the control's problem until a good one is chosen.
@Directive({
  selector: 'input[type=file][vicPemFile]',
  host: { '(change)': 'read($event)', '(blur)': 'touched()' },
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => PemFileDirective), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => PemFileDirective), multi: true },
  ],
})
export class PemFileDirective implements ControlValueAccessor, Validator {
  @Input({ required: true }) vicPemFile: 'CERTIFICATE' | 'PRIVATE KEY' = 'CERTIFICATE';
  @Input() append = false;
  private value: PemFile | PemFile[] | undefined;
  private problem = '';
  private changed: (v: unknown) => void = () => undefined;
  touched: () => void = () => undefined;
  private revalidate: () => void = () => undefined;

  async read(event: Event): Promise<void> {
    const { file, problem } = await readPem(event, this.vicPemFile);
    this.problem = problem;
    if (file) {
      this.value = this.append ? [...((this.value as PemFile[] | undefined) ?? []), file] : file;
      this.changed(this.value);
    } else {
      this.revalidate();
    }
    this.touched();
  }

  writeValue(value: PemFile | PemFile[] | undefined): void {
    this.value = value;
  }

  registerOnChange(fn: (v: unknown) => void): void {
    this.changed = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.touched = fn;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.revalidate = fn;
  }

  validate(_: AbstractControl): ValidationErrors | null {
    return this.problem ? { rule: this.problem } : null;
  }
}
