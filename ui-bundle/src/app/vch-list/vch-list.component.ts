import { Component, DestroyRef, ElementRef, OnInit, ViewChild, inject, signal } from '@angular/core';
import { NgFor } from '@angular/common';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  ClrAlertModule,
  ClrConditionalModule,
  ClrDatagridModule,
  ClrDatagridStateInterface,
  ClrIconModule,
  ClrSpinnerModule,
} from '@clr/angular';
import { exhaustMap, from, interval } from 'rxjs';

import { ApiError } from '../api/api-error';
import { VchListItem } from '../api/models';
import { ConnectionService } from '../api/connection.service';
import { ListPageQuery, VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { count, upgradeLabel, vchStatus } from '../shared/format';
import { DatagridFilterLabelsDirective } from '../shared/datagrid-filter-labels.directive';
import { dockerCommand, saveFile } from '../shared/download';
import { VchLogComponent } from './vch-log.component';
import { aria } from '../shared/aria-labels';

// The Virtual Container Hosts pane: every VCH with its state, version and
// addresses; new, configure, upgrade, delete and the certificate; each row's
// operation log.
@Component({
  selector: 'vic-vch-list',
  imports: [
    NgFor,
    ClrAlertModule,
    ClrConditionalModule,
    ClrDatagridModule,
    ClrIconModule,
    ClrSpinnerModule,
    DatagridFilterLabelsDirective,
    VchLogComponent,
  ],
  template: `
    @if (error()) {
      <clr-alert clrAlertType="danger" (clrAlertClosedChange)="error.set('')">
        <clr-alert-item><span class="alert-text" role="alert">{{ error() }}</span></clr-alert-item>
      </clr-alert>
    }
    @if (notice()) {
      <clr-alert clrAlertType="info" (clrAlertClosedChange)="notice.set('')">
        <clr-alert-item><span class="alert-text" role="status">{{ notice() }}</span></clr-alert-item>
      </clr-alert>
    }
    <div class="btn-group">
      <button #newVch class="btn btn-primary" (click)="openWizard()">
        <cds-icon shape="plus"></cds-icon> <ng-container i18n>New Virtual Container Host</ng-container>
      </button>
      <button class="btn btn-outline" (click)="load()" aria-label="Refresh the list" i18n-aria-label>
        <cds-icon shape="refresh"></cds-icon> <ng-container i18n>Refresh</ng-container>
      </button>
    </div>
    <clr-datagrid vicFilterLabels (clrDgRefresh)="refresh($event)" [clrDgLoading]="loading()" role="region" aria-label="Virtual Container Hosts" i18n-aria-label>
      <clr-dg-column [clrDgField]="'name'" i18n>Name</clr-dg-column>
      <clr-dg-column [clrDgField]="'power_state'" i18n>Status</clr-dg-column>
      <clr-dg-column [clrDgField]="'version'" i18n>Version</clr-dg-column>
      <!-- In a narrow client these start hidden (the column toggle shows them),
           so that the Name column stays in view without scrolling. -->
      <clr-dg-column [clrDgField]="'upgrade_status'">
        <ng-container *clrDgHideableColumn="{ hidden: narrow }" i18n>Upgrade status</ng-container>
      </clr-dg-column>
      <clr-dg-column>
        <ng-container *clrDgHideableColumn="{ hidden: narrow }" i18n>Endpoint daemon</ng-container>
      </clr-dg-column>
      <clr-dg-column>
        <ng-container *clrDgHideableColumn="{ hidden: narrow }" i18n>Admin portal</ng-container>
      </clr-dg-column>
      <!-- Last, so that when the others are hidden its edge is the grid's. -->
      <clr-dg-column i18n>Docker API endpoint</clr-dg-column>
      <clr-dg-placeholder i18n>No Virtual Container Host yet: create one with New Virtual Container Host.</clr-dg-placeholder>
      <clr-dg-row *ngFor="let vch of vchs(); trackBy: byId" [clrDgItem]="vch" [attr.data-vch]="vch.name" [attr.data-vch-id]="vch.id"
                  clrDgDetailOpenLabel="Show the operation log of {{ vch.name }}" i18n-clrDgDetailOpenLabel
                  clrDgDetailCloseLabel="Hide the operation log of {{ vch.name }}" i18n-clrDgDetailCloseLabel>
        <clr-dg-action-overflow clrDgActionOverflowButtonLabel="Actions for {{ vch.name }}" i18n-clrDgActionOverflowButtonLabel>
          <button class="action-item" (click)="openModal('configure-vch', vch, titles.configure(vch.name), 760, 620)" i18n>
            Configure
          </button>
          @if (vch.upgrade_status.startsWith('Upgradeable')) {
            <button class="action-item" (click)="openModal('upgrade-vch', vch, titles.upgrade(vch.name), 600, 360)" i18n>Upgrade</button>
          } @else {
            <!-- Disabled, with the reason in its name. -->
            <button class="action-item" disabled i18n>Upgrade ({{ upgrade(vch.upgrade_status) }})</button>
          }
          @if (vch.rollback_version) {
            <button class="action-item" (click)="openModal('upgrade-vch', vch, titles.rollback(vch.name), 600, 360, 'mode=rollback')" i18n>
              Roll back to {{ vch.rollback_version }}
            </button>
          }
          <button class="action-item" (click)="openModal('delete-vch', vch, titles.delete(vch.name), 600, 420)" i18n>Delete</button>
          <button class="action-item" (click)="downloadCertificate(vch)" i18n>Download server certificate</button>
          @if (vch.client_bundle) {
            <button class="action-item" (click)="downloadClientBundle(vch)" i18n>Download client certificate (once)</button>
          }
        </clr-dg-action-overflow>
        <clr-dg-cell>
          <a href="" (click)="showVm($event, vch.id)" [attr.aria-label]="aria.endpointVm(vch.name)">{{ vch.name }}</a>
        </clr-dg-cell>
        <clr-dg-cell [attr.data-status]="vch.endpoint_answering === false ? 'not-answering' : vch.power_state">
          @if (vch.endpoint_answering === false) {
            <cds-icon shape="exclamation-triangle" status="warning" aria-hidden="true" />
          }
          {{ status(vch.power_state, vch.endpoint_answering) }}
        </clr-dg-cell>
        <clr-dg-cell>{{ vch.version }}</clr-dg-cell>
        <clr-dg-cell [title]="vch.upgrade_status">{{ upgrade(vch.upgrade_status) }}</clr-dg-cell>
        <clr-dg-cell [attr.data-daemon-version]="vch.daemon_version ?? ''">{{ vch.daemon_version ?? notStarted }}</clr-dg-cell>
        <clr-dg-cell>
          @if (vch.admin_portal) {
            <a [href]="vch.admin_portal" target="_blank" rel="noopener">{{ vch.admin_portal }}</a>
          } @else {
            -
          }
        </clr-dg-cell>
        <!-- Broken only after "=", never inside the address. -->
        <clr-dg-cell class="vic-mono vic-nowrap-parts">
          @if (vch.docker_host) {<span>DOCKER_HOST=</span><wbr /><span>{{ vch.docker_host }}</span>} @else {<span i18n>Waiting for an address</span>}
        </clr-dg-cell>
      </clr-dg-row>
      <!-- A side pane, not a row inside the row: the log is no table cell. -->
      <ng-template [(clrIfDetail)]="detail" let-vch>
        <clr-dg-detail [attr.aria-label]="aria.logPane(vch.name)">
          <clr-dg-detail-header>{{ vch.name }}</clr-dg-detail-header>
          <clr-dg-detail-body>
            <vic-vch-log [vchId]="vch.id" [vchName]="vch.name" [stamp]="loads()" />
          </clr-dg-detail-body>
        </clr-dg-detail>
      </ng-template>
      <clr-dg-footer>
        {{ count(total(), 'Virtual Container Host') }}
        <clr-dg-pagination [clrDgPageSize]="pageSize" [clrDgTotalItems]="total()" />
      </clr-dg-footer>
    </clr-datagrid>
  `,
})
export class VchListComponent implements OnInit {
  readonly aria = aria;
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  private readonly connection = inject(ConnectionService);
  readonly vchs = signal<VchListItem[]>([]);
  // The appliance filters, sorts and pages (a large inventory is neither sent
  // nor probed whole): this is how many match, on all pages.
  readonly total = signal(0);
  readonly pageSize = 50;
  private query: ListPageQuery = { page: 1, size: this.pageSize, filter: {} };
  readonly loading = signal(true);
  readonly loads = signal(0);
  readonly notStarted = $localize`Not started`;
  // The dialogs' titles, as the client shows them above each.
  readonly titles = {
    configure: (name: string) => $localize`Configure ${name}:name:`,
    upgrade: (name: string) => $localize`Upgrade ${name}:name:`,
    rollback: (name: string) => $localize`Roll back ${name}:name:`,
    delete: (name: string) => $localize`Delete ${name}:name:`,
  };
  detail: VchListItem | null = null;
  // The view's width as it opens: a 1024-pixel client leaves it about 750.
  readonly narrow = window.innerWidth < 1000;
  readonly error = signal('');
  readonly notice = signal('');
  readonly status = vchStatus;
  readonly upgrade = upgradeLabel;
  readonly count = count;
  @ViewChild('newVch') newVch?: ElementRef<HTMLButtonElement>;
  private opener: HTMLElement | null = null;
  private readonly destroyRef = inject(DestroyRef);

  ngOnInit(): void {
    // The grid asks for its first page itself (clrDgRefresh).
    void this.sdk.onGlobalRefresh(() => void this.load()).catch(() => undefined);
    // VCHs change under other users' hands too: keep the list fresh.
    interval(15000)
      .pipe(
        exhaustMap(() => from(this.load(true))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe();
  }

  byId(_: number, vch: VchListItem): string {
    return vch.id;
  }

  async load(quiet = false): Promise<void> {
    if (!quiet) this.loading.set(true);
    try {
      const page = await this.api.vchPage(this.query);
      this.vchs.set(page.vchs);
      this.total.set(page.total);
      this.loads.update((n) => n + 1);
      if (!quiet) this.error.set('');
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }

  // The grid's page, sort or filters changed.
  refresh(state: ClrDatagridStateInterface<VchListItem>): void {
    const filter: Record<string, string> = {};
    for (const f of state.filters ?? []) {
      if (typeof f.property === 'string' && typeof f.value === 'string' && f.value) filter[f.property] = f.value;
    }
    this.query = {
      page: state.page?.current ?? 1,
      size: state.page?.size ?? this.pageSize,
      sort: typeof state.sort?.by === 'string' ? state.sort.by : undefined,
      descending: state.sort?.reverse ?? false,
      filter,
    };
    void this.load();
  }

  openWizard(): void {
    this.opener = document.activeElement as HTMLElement | null;
    void this.sdk
      .openModal({
        url: 'index.html#/create-vch',
        // The wizard shows its own title.
        accessibilityTitle: $localize`Create Virtual Container Host`,
        size: { width: 960, height: 600 }, // fits a 1024×700 vSphere Client window
        closable: false,
        onClosed: (data) => this.closed(data),
      })
      .catch((e) => this.error.set(String(e)));
  }

  openModal(view: string, vch: VchListItem, title: string, width: number, height: number, more = ''): void {
    this.opener = document.activeElement as HTMLElement | null;
    void this.sdk
      .openModal({
        url: `index.html#/${view}?id=${encodeURIComponent(vch.id)}&name=${encodeURIComponent(vch.name)}${more ? '&' + more : ''}`,
        title,
        size: { width, height },
        onClosed: (data) => this.closed(data),
      })
      .catch((e) => this.error.set(String(e)));
  }

  // The name leads to the endpoint VM in the vSphere Client, as in 1.5.
  async showVm(event: Event, vm: string): Promise<void> {
    event.preventDefault();
    await this.sdk.showVm(vm, (await this.connection.get()).guid);
  }

  private closed(data: unknown): void {
    if (typeof data === 'string' && data) this.notice.set(data);
    void this.load();
    // Focus goes back to what opened the dialog, or, when that is gone (a
    // deleted VCH's row), to New Virtual Container Host.
    const back = this.opener?.isConnected ? this.opener : this.newVch?.nativeElement;
    back?.focus();
    this.opener = null;
  }

  async downloadCertificate(vch: VchListItem): Promise<void> {
    try {
      const pem = await this.api.certificate(vch.id);
      saveFile(new Blob([pem], { type: 'application/x-pem-file' }), `${vch.name}-certificate.pem`);
    } catch (e) {
      this.error.set($localize`The certificate of ${vch.name}:name: could not be downloaded: ${e instanceof ApiError ? e.message : e}:reason:`);
    }
  }

  // The creator's one chance at the generated client certificate, from the row.
  async downloadClientBundle(vch: VchListItem): Promise<void> {
    if (!vch.client_bundle) return;
    try {
      saveFile(await this.api.clientBundle(vch.client_bundle), `${vch.name}-client.zip`);
      this.notice.set($localize`The client certificate of ${vch.name}:name: was downloaded; use it with: ${dockerCommand(vch.docker_host)}:command:`);
      void this.load();
    } catch (e) {
      this.error.set($localize`The client certificate of ${vch.name}:name: could not be downloaded: ${e instanceof ApiError ? e.message : e}:reason:`);
    }
  }
}
