import { Component, OnInit, inject, signal } from '@angular/core';
import { ClrAlertModule, ClrDatagridModule, ClrIconModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { ContainerVm } from '../api/models';
import { ConnectionService } from '../api/connection.service';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { DatagridFilterLabelsDirective } from '../shared/datagrid-filter-labels.directive';
import { bytes, count, powerState } from '../shared/format';

// The Containers pane, with the original's columns.
@Component({
  selector: 'vic-containers',
  imports: [ClrAlertModule, ClrDatagridModule, ClrIconModule, DatagridFilterLabelsDirective],
  template: `
    @if (error()) {
      <clr-alert clrAlertType="danger" [clrAlertClosable]="false">
        <clr-alert-item><span class="alert-text">{{ error() }}</span></clr-alert-item>
      </clr-alert>
    }
    <div class="btn-group">
      <button class="btn btn-outline" (click)="load()" aria-label="Refresh the containers" i18n-aria-label>
        <cds-icon shape="refresh"></cds-icon> <ng-container i18n>Refresh</ng-container>
      </button>
    </div>
    <clr-datagrid vicFilterLabels [clrDgLoading]="loading()" role="region" aria-label="Containers" i18n-aria-label>
      <clr-dg-column [clrDgField]="'name'" i18n>Name</clr-dg-column>
      <clr-dg-column [clrDgField]="'power_state'" i18n>State</clr-dg-column>
      <clr-dg-column [clrDgField]="'memory_mb'" i18n>Memory Usage</clr-dg-column>
      <clr-dg-column [clrDgField]="'cpu_mhz'" i18n>CPU Usage</clr-dg-column>
      <clr-dg-column [clrDgField]="'storage_bytes'" i18n>Storage Usage</clr-dg-column>
      <clr-dg-column i18n>Port Mapping</clr-dg-column>
      <clr-dg-column [clrDgField]="'vch_name'" i18n>VCH</clr-dg-column>
      <clr-dg-column [clrDgField]="'vm_name'" i18n>VM</clr-dg-column>
      <clr-dg-column [clrDgField]="'image'" i18n>Image</clr-dg-column>
      <clr-dg-placeholder i18n>No container VMs.</clr-dg-placeholder>
      <clr-dg-row *clrDgItems="let c of containers()" [clrDgItem]="c">
        <clr-dg-cell><a href="" (click)="showVm($event, c.id)">{{ c.name }}</a></clr-dg-cell>
        <clr-dg-cell>{{ state(c.power_state) }}</clr-dg-cell>
        <clr-dg-cell>{{ c.memory_mb }} MB</clr-dg-cell>
        <clr-dg-cell>{{ c.cpu_mhz }} MHz</clr-dg-cell>
        <clr-dg-cell>{{ size(c.storage_bytes) }}</clr-dg-cell>
        <clr-dg-cell>{{ c.ports || '-' }}</clr-dg-cell>
        <clr-dg-cell>
          @if (c.vch_id) {<a href="" (click)="showVm($event, c.vch_id)">{{ c.vch_name }}</a>} @else {-}
        </clr-dg-cell>
        <clr-dg-cell>{{ c.vm_name }}</clr-dg-cell>
        <clr-dg-cell>{{ c.image }}</clr-dg-cell>
      </clr-dg-row>
      <clr-dg-footer>
        <clr-dg-pagination #pagination [clrDgPageSize]="10">
          @if (pagination.totalItems === 0) {
            <ng-container i18n>No container VMs</ng-container>
          } @else {
            <ng-container i18n>{{ pagination.firstItem + 1 }} - {{ pagination.lastItem + 1 }} of {{ count(pagination.totalItems, 'container VM') }}</ng-container>
          }
        </clr-dg-pagination>
      </clr-dg-footer>
    </clr-datagrid>
  `,
})
export class ContainersComponent implements OnInit {
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  private readonly connection = inject(ConnectionService);
  readonly count = count;
  readonly containers = signal<ContainerVm[]>([]);
  readonly loading = signal(true);
  readonly error = signal('');
  readonly state = powerState;
  readonly size = bytes;

  ngOnInit(): void {
    void this.load();
    void this.sdk.onGlobalRefresh(() => void this.load()).catch(() => undefined);
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.containers.set(await this.api.containers());
      this.error.set('');
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }

  // A container's or a VCH's name leads to its VM in the vSphere Client.
  async showVm(event: Event, vm: string): Promise<void> {
    event.preventDefault();
    await this.sdk.showVm(vm, (await this.connection.get()).guid);
  }
}
