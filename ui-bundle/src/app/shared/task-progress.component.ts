import { Component, EventEmitter, Input, OnDestroy, OnInit, Output, inject, signal } from '@angular/core';
import { ClrProgressBarModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { Task } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { aria } from './aria-labels';

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
export class TaskProgressComponent implements OnInit, OnDestroy {
  readonly aria = aria;
  @Input({ required: true }) uri = '';
  @Output() finished = new EventEmitter<Task>();
  private readonly api = inject(VicApiService);
  readonly task = signal<Task | undefined>(undefined);
  readonly error = signal('');
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  ngOnInit(): void {
    void this.poll();
  }

  ngOnDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    try {
      const t = await this.api.task(this.uri);
      this.task.set(t);
      this.error.set('');
      if (t.state !== 'queued' && t.state !== 'running') {
        this.finished.emit(t);
        return;
      }
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
    this.timer = setTimeout(() => void this.poll(), 700);
  }
}
