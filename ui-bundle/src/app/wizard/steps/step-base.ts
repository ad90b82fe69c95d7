import { Directive, Input } from '@angular/core';

import { Issue } from '../../api/models';
import { messageFor, unplaced } from '../../shared/issues';
import { WizardState } from '../wizard-state';

// What every step shares: the wizard's state, the server's issues for the
// step, which fields the user has touched (their problems show from then
// on, or all of them once Next was tried).
@Directive()
export abstract class StepBase {
  @Input({ required: true }) state!: WizardState;
  @Input() issues: Issue[] = [];
  @Input() tried = false;
  private readonly touched = new Set<string>();

  // The rules' problems by field id; empty when the step can go on.
  abstract problems(): Record<string, string>;
  // JSON paths this step shows beside its fields.
  abstract placed(): string[];

  valid(): boolean {
    return Object.values(this.problems()).every((p) => !p);
  }

  touch(id: string): void {
    this.touched.add(id);
  }

  // A field's message: its rule's problem once touched, else the server's.
  error(id: string, path?: string, label?: string): string {
    const own = this.problems()[id];
    if (own && (this.tried || this.touched.has(id))) return own;
    return path ? messageFor(this.issues, path, label ?? '') : '';
  }

  others(): Issue[] {
    return unplaced(this.issues, this.placed());
  }
}
