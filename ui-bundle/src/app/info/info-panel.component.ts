import { Component, OnInit, inject, signal } from '@angular/core';
import { ClrAlertModule, ClrDatagridModule, ClrIconModule, ClrSpinnerModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { ConnectionService } from '../api/connection.service';
import { RegisteredAppliance, Versions } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { count } from '../shared/format';
import { aria } from '../shared/aria-labels';

// Every version that matters, and where they disagree: this appliance and
// the endpoint daemon it deploys, every appliance registered with this
// vCenter (reachable or not, which one the plug-in talks to), and the VCHs.
@Component({
  selector: 'vic-info-panel',
  imports: [ClrAlertModule, ClrDatagridModule, ClrIconModule, ClrSpinnerModule],
  template: `
    @if (error()) {
      <clr-alert clrAlertType="danger" [clrAlertClosable]="false">
        <clr-alert-item><span class="alert-text">{{ error() }}</span></clr-alert-item>
      </clr-alert>
    }
    @if (!versions() && !error()) {
      <clr-spinner clrMedium i18n>Loading the versions</clr-spinner>
    }
    @if (versions(); as v) {
      @for (warning of v.warnings; track warning) {
        <clr-alert clrAlertType="warning" [clrAlertClosable]="false">
          <clr-alert-item><span class="alert-text">{{ warning }}</span></clr-alert-item>
        </clr-alert>
      }
      <section class="card" aria-labelledby="this-appliance">
        <div class="card-header" id="this-appliance" i18n>This appliance</div>
        <div class="card-block">
          <dl class="vic-facts">
            <dt i18n>Address</dt>
            <dd>
              @if (v.appliance.address) {
                <a [href]="page(v.appliance.address)" target="_blank" rel="noopener" data-test="appliance-page">{{ v.appliance.address }}</a>
                <span i18n>(the appliance's page)</span>
              } @else {
                {{ v.appliance.address_error }}
              }
            </dd>
            <dt i18n>Appliance version</dt>
            <dd data-test="appliance-version">{{ v.appliance.version }}</dd>
            <dt i18n>Plug-in version</dt>
            <dd data-test="plugin-version">{{ v.appliance.plugin_version }}</dd>
            <dt i18n>Registered plug-in</dt>
            <dd>{{ v.registration.plugin_version ?? notRegistered }}</dd>
            <dt i18n>Endpoint daemon it deploys</dt>
            <dd data-test="endpoint-version">{{ v.appliance.endpoint_version }}</dd>
            <dt i18n>Virtual Container Hosts</dt>
            <dd>{{ v.vchs.length }}</dd>
            <dt i18n>Container VMs</dt>
            <dd data-test="container-count">{{ containers() ?? '…' }}</dd>
          </dl>
        </div>
      </section>
      <h3 i18n>Appliances registered with this vCenter</h3>
      <clr-datagrid role="region" aria-label="Registered appliances" i18n-aria-label>
        <clr-dg-column i18n>Address</clr-dg-column>
        <clr-dg-column i18n>Version</clr-dg-column>
        <clr-dg-column i18n>Plug-in</clr-dg-column>
        <clr-dg-column i18n>Reachable</clr-dg-column>
        <clr-dg-column i18n>Serves the plug-in</clr-dg-column>
        <clr-dg-column i18n>Plug-in talks to</clr-dg-column>
        @for (a of v.registration.appliances; track a.id) {
          <clr-dg-row [attr.data-appliance]="a.address">
            <clr-dg-cell><a [href]="page(a.address)" target="_blank" rel="noopener">{{ a.address }}</a>@if (a.this) {<span i18n> (this one)</span>}</clr-dg-cell>
            <clr-dg-cell>{{ a.running_version ?? a.version }}</clr-dg-cell>
            <clr-dg-cell>{{ a.plugin_version }}</clr-dg-cell>
            <clr-dg-cell>
              @if (a.reachable) {<span i18n>Yes</span>} @else {<span [title]="a.error ?? ''" i18n>No</span>}
            </clr-dg-cell>
            <clr-dg-cell>@if (a.serves_plugin) {<span i18n>Yes</span>}</clr-dg-cell>
            <clr-dg-cell>
              @if (a.chosen) {
                <strong i18n>Yes</strong>@if (a.preferred) {<span i18n> (chosen by you)</span>}
              } @else if (a.reachable) {
                <button class="btn btn-sm btn-link" (click)="prefer(a)" [attr.aria-label]="aria.useAppliance(a.address)" i18n>
                  Use this one
                </button>
              }
            </clr-dg-cell>
          </clr-dg-row>
        }
        <clr-dg-footer>{{ count(v.registration.appliances.length, 'appliance') }}</clr-dg-footer>
      </clr-datagrid>
      <h3 i18n>Virtual Container Hosts and their endpoint daemons</h3>
      <clr-datagrid role="region" aria-label="Virtual Container Hosts and their endpoint daemons" i18n-aria-label>
        <clr-dg-column i18n>Name</clr-dg-column>
        <clr-dg-column i18n>VCH version</clr-dg-column>
        <clr-dg-column i18n>Endpoint daemon it runs</clr-dg-column>
        <clr-dg-column i18n>This appliance ships</clr-dg-column>
        <clr-dg-placeholder i18n>This vCenter has no Virtual Container Host.</clr-dg-placeholder>
        @for (h of v.vchs; track h.id) {
          <clr-dg-row [attr.data-vch]="h.name">
            <clr-dg-cell>{{ h.name }}</clr-dg-cell>
            <clr-dg-cell>{{ h.version }}</clr-dg-cell>
            <clr-dg-cell [attr.data-daemon-version]="h.daemon_version ?? ''">
              {{ h.daemon_version ?? notReported }}
              @if (h.daemon_version && h.daemon_version !== v.appliance.endpoint_version) {
                <cds-icon shape="exclamation-triangle" status="warning" aria-label="Differs from what this appliance ships" i18n-aria-label></cds-icon>
              }
            </clr-dg-cell>
            <clr-dg-cell>{{ v.appliance.endpoint_version }}</clr-dg-cell>
          </clr-dg-row>
        }
        <clr-dg-footer>{{ count(v.vchs.length, 'Virtual Container Host') }}</clr-dg-footer>
      </clr-datagrid>
      @if (v.registration.preferred) {
        <button class="btn btn-sm btn-outline" (click)="prefer(null)" i18n>Choose automatically</button>
      }
    }
  `,
  styles: [
    `
      .vic-facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1.2rem;
        margin: 0;
      }
      .vic-facts dt {
        font-weight: 600;
      }
      .vic-facts dd {
        margin: 0;
      }
    `,
  ],
})
export class InfoPanelComponent implements OnInit {
  readonly aria = aria;
  private readonly api = inject(VicApiService);
  private readonly connection = inject(ConnectionService);
  private readonly sdk = inject(ClientSdkService);
  readonly versions = signal<Versions | undefined>(undefined);
  readonly error = signal('');
  readonly containers = signal<number | undefined>(undefined);
  readonly notRegistered = $localize`not registered`;
  readonly notReported = $localize`Not reported yet`;
  readonly count = count;

  // The appliance's own page, where it is registered with vCenter.
  page(address: string): string {
    return `https://${address}/register`;
  }

  ngOnInit(): void {
    void this.load();
    void this.sdk.onGlobalRefresh(() => void this.load()).catch(() => undefined);
  }

  async load(): Promise<void> {
    try {
      const [versions, containers] = await Promise.all([this.api.versions(), this.api.containers().catch(() => undefined)]);
      this.versions.set(versions);
      this.containers.set(containers?.length);
      this.error.set('');
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  async prefer(a: RegisteredAppliance | null): Promise<void> {
    try {
      await this.api.prefer(a ? a.id : null);
      this.connection.reset();
      await this.load();
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }
}
