import { Component, OnInit, inject, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { ClrAlertModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { Task } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { upgradeLabel } from '../shared/format';
import { dialogVch, vchParams } from '../shared/modal-params';
import { TaskProgressComponent } from '../shared/task-progress.component';

// Upgrading a VCH to this appliance's version (its endpoint restarts; its
// containers keep running), or rolling the last upgrade back.
@Component({
  selector: 'vic-upgrade-vch',
  imports: [ClrAlertModule, TaskProgressComponent],
  template: `
    <div class="vic-page">
      <h3>@if (rollback) {<ng-container i18n>Roll back {{ vch.name }}</ng-container>} @else {<ng-container i18n>Upgrade {{ vch.name }}</ng-container>}</h3>
      @if (!uri()) {
        @if (rollback) {
          <p i18n>
            Rolling back returns {{ vch.name }} to {{ to() || '…' }}, the version its last upgrade replaced, from the
            snapshot that upgrade kept. Its endpoint VM restarts; container VMs keep running.
          </p>
        } @else {
          <p i18n>
            {{ vch.name }} is at {{ from() || '…' }}. Upgrading it moves it to {{ to() || '…' }}, this appliance's
            version. Its endpoint VM restarts; container VMs keep running. A snapshot is kept so that the upgrade can
            be rolled back.
          </p>
        }
        @if (error()) {
          <p class="vic-error" role="alert">{{ error() }}</p>
        }
        <div class="vic-buttons">
          <button class="btn btn-outline" (click)="close()" i18n>Cancel</button>
          <button class="btn btn-primary" [disabled]="rollback ? !to() : !upgradeable()" (click)="start()">
            @if (rollback) {<ng-container i18n>Roll back</ng-container>} @else {<ng-container i18n>Upgrade</ng-container>}
          </button>
        </div>
      } @else {
        <vic-task-progress [uri]="uri()" (finished)="finished($event)" />
        @if (failed()) {
          <button class="btn btn-outline" (click)="close()" i18n>Close</button>
        }
      }
    </div>
  `,
  styles: ['.vic-buttons { margin-top: 1rem; }', '.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class UpgradeVchComponent implements OnInit {
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  private readonly route = inject(ActivatedRoute);
  readonly vch = vchParams(this.route);
  // Opened as "Roll back to ..." from the list.
  readonly rollback = this.route.snapshot.queryParamMap.get('mode') === 'rollback';
  readonly from = signal('');
  readonly to = signal('');
  readonly error = signal('');
  readonly uri = signal('');
  readonly failed = signal(false);
  readonly upgradeable = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      const item = await dialogVch(this.vch, this.sdk, this.api);
      this.from.set(item.version);
      if (this.rollback) {
        this.to.set(item.rollback_version ?? '');
        return;
      }
      const v = await this.api.versions();
      this.to.set(v.appliance.version);
      this.upgradeable.set(item.upgrade_status.startsWith('Upgradeable'));
      if (!this.upgradeable()) this.error.set($localize`${item.name}:name: cannot be upgraded: ${upgradeLabel(item.upgrade_status)}:status:.`);
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  async start(): Promise<void> {
    try {
      this.uri.set((await this.api.upgrade(this.vch.id, this.rollback)).task);
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  finished(task: Task): void {
    if (task.state === 'succeeded')
      void this.sdk.closeModal(this.rollback ? $localize`${this.vch.name}:name: was rolled back.` : $localize`${this.vch.name}:name: was upgraded.`);
    else this.failed.set(true);
  }

  close(): void {
    void this.sdk.closeModal();
  }
}
