import { Component, OnInit, inject, signal } from '@angular/core';

import { ApiError } from '../api/api-error';
import { ContainerVm, VchListItem } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { morefOf, vcenterGuidOf } from '../sdk/client-sdk';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { upgradeLabel, vchStatus } from '../shared/format';

// A VM's summary card: what VIC knows of it when it is a VCH's endpoint VM
// or a container VM.
@Component({
  selector: 'vic-vm-summary',
  template: `
    <div class="vic-page">
      @if (vch(); as v) {
        <h4 i18n>Virtual Container Host</h4>
        <dl>
          <dt i18n>Docker API endpoint</dt>
          <dd class="vic-mono">{{ v.docker_host ? 'DOCKER_HOST=tcp://' + v.docker_host : '-' }}</dd>
          <dt i18n>Admin portal</dt>
          <dd>
            @if (v.admin_portal && v.power_state === 'poweredOn') {
              <a [href]="v.admin_portal" target="_blank" rel="noopener">{{ v.admin_portal }}</a>
            } @else {
              -
            }
          </dd>
          <dt i18n>Status</dt>
          <dd data-test="vch-status">{{ status(v.power_state, v.endpoint_answering) }}</dd>
          <dt i18n>Container VMs</dt>
          <dd data-test="container-count">{{ containers().length }}</dd>
          <dt i18n>Version</dt>
          <dd>{{ v.version }} ({{ upgrade(v.upgrade_status) }})</dd>
        </dl>
      } @else if (container()) {
        @let c = container()!;
        <h4 i18n>Container</h4>
        <dl>
          <dt i18n>Name</dt>
          <dd>{{ c.name }}</dd>
          <dt i18n>Image</dt>
          <dd>{{ c.image }}</dd>
          @if (c.ports) {
            <dt i18n>Port mapping</dt>
            <dd>{{ c.ports }}</dd>
          }
          <dt i18n>Virtual Container Host</dt>
          <dd><a href="" (click)="showVm($event, c.vch_id)">{{ c.vch_name }}</a></dd>
        </dl>
      } @else {
        <p class="vic-muted">{{ message() }}</p>
      }
    </div>
  `,
  styles: ['dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dd { margin: 0; }'],
})
export class VmSummaryComponent implements OnInit {
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  readonly vch = signal<VchListItem | undefined>(undefined);
  readonly container = signal<ContainerVm | undefined>(undefined);
  // The VCH's own container VMs, when the VM is a VCH.
  readonly containers = signal<ContainerVm[]>([]);
  readonly status = vchStatus;
  private guid = '';
  readonly message = signal($localize`Loading…`);
  readonly upgrade = upgradeLabel;

  async ngOnInit(): Promise<void> {
    try {
      const [context] = await this.sdk.contextObjects();
      const ref = context ? morefOf(context.id) : undefined;
      if (!ref) {
        this.message.set($localize`No VM is selected.`);
        return;
      }
      this.guid = vcenterGuidOf(context.id) ?? '';
      const [vchs, containers] = await Promise.all([this.api.vchs(true), this.api.containers()]);
      this.vch.set(vchs.find((v) => v.id === ref.value));
      this.containers.set(containers.filter((c) => c.vch_id === ref.value));
      this.container.set(containers.find((c) => c.id === ref.value));
      this.message.set($localize`This VM is neither a Virtual Container Host nor a container.`);
    } catch (e) {
      this.message.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  showVm(event: Event, vm: string): void {
    event.preventDefault();
    void this.sdk.showVm(vm, this.guid);
  }
}
