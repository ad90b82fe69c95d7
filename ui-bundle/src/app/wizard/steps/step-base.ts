import { Directive, HostListener, Input, OnChanges, SimpleChanges } from '@angular/core';

import { Issue } from '../../api/models';
import { messageFor, unplaced } from '../../shared/issues';
import { WizardState } from '../wizard-state';
import { aria } from '../../shared/aria-labels';

// What every step shares: the wizard's state, the server's issues for the
// step, which fields the user has touched (their problems show from then
// on, or all of them once Next was tried), and which fields changed since
// the server spoke (its word on them is stale, and goes at once).
@Directive()
export abstract class StepBase implements OnChanges {
  readonly aria = aria;
  @Input({ required: true }) state!: WizardState;
  @Input() issues: Issue[] = [];
  @Input() tried = false;
  private readonly touched = new Set<string>();
  private readonly edited = new Set<string>();

  ngOnChanges(changes: SimpleChanges): void {
    if (changes['issues']) this.edited.clear();
  }

  @HostListener('input', ['$event'])
  @HostListener('change', ['$event'])
  onEdit(event: Event): void {
    const id = (event.target as HTMLElement | null)?.id;
    if (id) this.edited.add(id);
  }

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

  // A field's message: its rule's problem once touched, else the server's
  // while the field is as the server saw it.
  error(id: string, path?: string, label?: string): string {
    const own = this.problems()[id];
    if (own && (this.tried || this.touched.has(id))) return own;
    if (this.edited.has(id)) return '';
    return path ? messageFor(this.issues, path, label ?? '') : '';
  }

  others(): Issue[] {
    return unplaced(this.issues, this.placed());
  }
}
