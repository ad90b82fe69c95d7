import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { ClrAlertModule, ClrCheckboxModule, ClrSpinnerModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { ContainerVm, Task } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { count } from '../shared/format';
import { dialogVch, vchParams } from '../shared/modal-params';
import { TaskProgressComponent } from '../shared/task-progress.component';

// Deleting a VCH: what it manages, whether its running containers and its
// volume stores go with it, then the deletion step by step.
@Component({
  selector: 'vic-delete-vch',
  imports: [FormsModule, ClrAlertModule, ClrCheckboxModule, ClrSpinnerModule, TaskProgressComponent],
  template: `
    <div class="vic-page">
      <h3 i18n>Delete {{ vch.name }}</h3>
      @if (!uri()) {
        @if (loading()) {
          <clr-spinner clrInline i18n>Looking at its containers</clr-spinner>
        } @else if (found()) {
          <p i18n>
            {{ vch.name }} manages {{ count(containers().length, 'container VM') }} ({{ running() }} running,
            {{ containers().length - running() }} stopped). Deleting it deletes them too.
          </p>
          @if (running() > 0 && !withRunning) {
            <clr-alert clrAlertType="warning" [clrAlertClosable]="false">
              <clr-alert-item>
                <span class="alert-text" i18n>
                  {running(), plural, =1 {1 container VM is running.} other {{{ running() }} container VMs are running.}} Stop them
                  first, or delete them with the VCH.
                </span>
              </clr-alert-item>
            </clr-alert>
          }
          <clr-checkbox-wrapper>
            <input type="checkbox" clrCheckbox id="with-running" [(ngModel)]="withRunning" />
            <label for="with-running" i18n>Also delete running container VMs</label>
          </clr-checkbox-wrapper>
          <clr-checkbox-wrapper>
            <input type="checkbox" clrCheckbox id="with-volumes" [(ngModel)]="withVolumes" />
            <label for="with-volumes" i18n>Delete persistent and anonymous volumes</label>
          </clr-checkbox-wrapper>
        }
        @if (error()) {
          <p class="vic-error" role="alert">{{ error() }}</p>
        }
        <div class="vic-buttons">
          <button class="btn btn-outline" (click)="cancel()" i18n>Cancel</button>
          <button class="btn btn-danger" [disabled]="loading() || !found() || (running() > 0 && !withRunning)" (click)="confirm()" i18n>
            Delete
          </button>
        </div>
      } @else {
        <vic-task-progress [uri]="uri()" (finished)="finished($event)" />
        @if (failed()) {
          <button class="btn btn-outline" (click)="cancel()" i18n>Close</button>
        }
      }
    </div>
  `,
  styles: ['.vic-buttons { margin-top: 1rem; }', '.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class DeleteVchComponent implements OnInit {
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  readonly vch = vchParams(inject(ActivatedRoute));
  readonly containers = signal<ContainerVm[]>([]);
  readonly running = computed(() => this.containers().filter((c) => c.power_state === 'poweredOn').length);
  readonly loading = signal(true);
  readonly error = signal('');
  readonly uri = signal('');
  readonly failed = signal(false);
  readonly found = signal(false);
  readonly count = count;
  withRunning = false;
  withVolumes = false;

  async ngOnInit(): Promise<void> {
    try {
      await dialogVch(this.vch, this.sdk, this.api);
      this.containers.set((await this.api.containers()).filter((c) => c.vch_id === this.vch.id));
      this.found.set(true);
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }

  async confirm(): Promise<void> {
    try {
      const { task } = await this.api.remove(this.vch.id, this.withRunning ? 'all' : 'off', this.withVolumes ? 'all' : 'none');
      this.uri.set(task);
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  finished(task: Task): void {
    if (task.state === 'succeeded') void this.sdk.closeModal($localize`${this.vch.name}:name: was deleted.`);
    else this.failed.set(true);
  }

  cancel(): void {
    void this.sdk.closeModal();
  }
}
