import { AbstractControl, FormArray, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';

// A field's rule reads its whole group and the step around it: a volume
// store's name is needed only once its datastore is chosen, a limit is
// bounded by the chosen resource, a whitelist row counts only in whitelist
// mode. It returns the problem in words, or '' when the value is fine.
export type Rule<G, S> = (group: G, step: S) => string;

// Gives the controls of `group` their rules, and checks them again whenever
// anything in `step` changes (a neighbour can make a field right or wrong).
export function applyRules<G, S>(
  group: FormGroup,
  step: AbstractControl<unknown, S>,
  rules: Partial<Record<keyof G & string, Rule<G, S>>>,
): void {
  const named = Object.entries(rules) as Array<[string, Rule<G, S>]>;
  for (const [name, rule] of named) {
    const validator: ValidatorFn = () => {
      const problem = rule(group.getRawValue() as G, step.getRawValue());
      return problem ? { rule: problem } : null;
    };
    control(group, name).addValidators(validator);
  }
  const sub = step.valueChanges.subscribe(() => {
    // A row removed from its list is done with.
    if (group !== step && !group.parent) {
      sub.unsubscribe();
      return;
    }
    // Only the field itself: its group and step are being updated already.
    for (const [name] of named) control(group, name).updateValueAndValidity({ onlySelf: true });
    group.updateValueAndValidity({ emitEvent: false });
  });
}

function control(group: FormGroup, name: string): AbstractControl {
  const c = group.get(name);
  if (!c) throw new Error(`no control ${name}`);
  return c;
}

// The appliance's word on a field holds while the field is as it saw it:
// the first edit takes it away, without waiting for the next check.
interface Mark {
  message: string;
  value: string;
}
const marks = new WeakMap<AbstractControl, Mark>();

const serverMark: ValidatorFn = (c: AbstractControl): ValidationErrors | null => {
  const mark = marks.get(c);
  if (!mark) return null;
  if (mark.value === JSON.stringify(c.value)) return { server: mark.message };
  marks.delete(c); // edited: gone, even if the old value comes back
  return null;
};

export function markFromServer(c: AbstractControl, message: string): void {
  if (message) {
    c.addValidators(serverMark);
    marks.set(c, { message, value: JSON.stringify(c.value) });
    c.markAsTouched();
  } else if (!marks.delete(c)) {
    return;
  }
  c.updateValueAndValidity();
}

// Before the rules are tried again on Next: the appliance will speak anew.
export function clearServerMarks(c: AbstractControl): void {
  marks.delete(c);
  each(c, (child) => marks.delete(child));
}

// Every field checked and shown as touched, so that each problem shows at
// once, as when the administrator presses Next.
export function touchAll(c: AbstractControl): void {
  c.markAllAsTouched();
  each(c, (child) => child.updateValueAndValidity({ onlySelf: true }));
  c.updateValueAndValidity();
}

function each(c: AbstractControl, visit: (child: AbstractControl) => void): void {
  const children = c instanceof FormGroup ? Object.values(c.controls) : c instanceof FormArray ? c.controls : [];
  // Children first: a group's status is made from theirs.
  for (const child of children) {
    each(child, visit);
    visit(child);
  }
}

// What a field shows: its rule's problem first, else the appliance's.
export function problemOf(c: AbstractControl | null | undefined): string {
  const errors = c?.errors;
  return (errors?.['rule'] as string | undefined) ?? (errors?.['server'] as string | undefined) ?? '';
}
