import { Component, DestroyRef, EventEmitter, Input, OnInit, Output, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ClrProgressBarModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { Task } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { aria } from './aria-labels';
import { follow } from './follow';

// An operation followed step by step until it ends: the step being run,
// the progress, and the log as it grows.
@Component({
  selector: 'vic-task-progress',
  imports: [ClrProgressBarModule],
  template: `
    <div role="status" aria-live="polite" class="vic-task">
      @if (task(); as t) {
        <p data-test="task-step">
          @switch (t.state) {
            @case ('queued') {<ng-container i18n>Waiting to start</ng-container>}
            @case ('running') {<ng-container i18n>Step {{ t.step_index + 1 }} of {{ t.steps_total }}: {{ t.step_description ?? t.step }}</ng-container>}
            @case ('succeeded') {<ng-container i18n>Done</ng-container>}
            @default {
              @if (t.state === 'interrupted') {<ng-container i18n>Interrupted: {{ t.error }}</ng-container>}
              @else {<ng-container i18n>Failed: {{ t.error }}</ng-container>}
            }
          }
        </p>
        <clr-progress-bar [clrValue]="t.progress" clrMax="100" [attr.aria-label]="aria.progressOf(t.kind)" />
        <pre class="vic-mono" aria-label="Operation log" i18n-aria-label>{{ (t.log ?? []).join('\n') }}</pre>
      } @else {
        <p i18n>Starting…</p>
      }
      @if (error()) {
        <p class="vic-error" role="alert">{{ error() }}</p>
      }
    </div>
  `,
  styles: [
    '.vic-task pre { max-height: 14rem; overflow: auto; white-space: pre-wrap; font-size: 0.7rem; }',
    '.vic-error { color: var(--cds-alias-status-danger, #c21d00); }',
  ],
})
export class TaskProgressComponent implements OnInit {
  readonly aria = aria;
  @Input({ required: true }) uri = '';
  @Output() finished = new EventEmitter<Task>();
  private readonly api = inject(VicApiService);
  private readonly destroyRef = inject(DestroyRef);
  readonly task = signal<Task | undefined>(undefined);
  readonly error = signal('');

  ngOnInit(): void {
    follow(() => this.api.task(this.uri), 700, (t) => t.state !== 'queued' && t.state !== 'running')
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (read) => {
          if (read.error !== undefined) {
            this.error.set(read.error instanceof ApiError ? read.error.message : String(read.error));
            return;
          }
          this.task.set(read.value);
          this.error.set('');
        },
        complete: () => {
          const t = this.task();
          if (t) this.finished.emit(t);
        },
      });
  }
}
