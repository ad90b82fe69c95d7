import { Directive, Input, OnChanges, SimpleChanges } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';

import { Issue } from '../../api/models';
import { aria } from '../../shared/aria-labels';
import { clearServerMarks, markFromServer, problemOf, touchAll } from '../../shared/control-rules';
import { messageFor, unplaced } from '../../shared/issues';

// A field the appliance may have something to say about: the JSON path its
// value goes to, and its name in the appliance's message.
export interface Placement {
  control: AbstractControl;
  path: string;
  label: string;
}

// What every step shares: its part of the wizard's form, and the
// appliance's issues with it, each shown beside its field (or, when no
// field takes it, in the step's own alert).
@Directive()
export abstract class StepBase<F extends FormGroup = FormGroup> implements OnChanges {
  readonly aria = aria;
  @Input({ required: true }) form!: F;
  @Input() issues: Issue[] = [];

  ngOnChanges(changes: SimpleChanges): void {
    if (changes['issues'] && this.form) {
      for (const p of this.placements()) markFromServer(p.control, messageFor(this.issues, p.path, p.label));
    }
  }

  protected abstract placements(): Placement[];
  // JSON paths whose issues this step shows beside its fields.
  abstract placed(): string[];

  // Next: every field's rule, shown at once; the appliance's earlier word
  // gives way to the check that follows.
  valid(): boolean {
    clearServerMarks(this.form);
    touchAll(this.form);
    return this.form.valid;
  }

  problem(c: AbstractControl | null | undefined): string {
    return problemOf(c);
  }

  others(): Issue[] {
    return unplaced(this.issues, this.placed());
  }
}
