import { Component, OnInit, inject, signal } from '@angular/core';
import { ClrAlertModule, ClrDatagridModule, ClrIconModule, ClrSpinnerModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { ConnectionService } from '../api/connection.service';
import { RegisteredAppliance, Versions } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { count } from '../shared/format';

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
      <clr-spinner clrMedium>Loading the versions</clr-spinner>
    }
    @if (versions(); as v) {
      @for (warning of v.warnings; track warning) {
        <clr-alert clrAlertType="warning" [clrAlertClosable]="false">
          <clr-alert-item><span class="alert-text">{{ warning }}</span></clr-alert-item>
        </clr-alert>
      }
      <section class="card" aria-labelledby="this-appliance">
        <div class="card-header" id="this-appliance">This appliance</div>
        <div class="card-block">
          <dl class="vic-facts">
            <dt>Address</dt>
            <dd>
              @if (v.appliance.address) {
                <a [href]="page(v.appliance.address)" target="_blank" rel="noopener" data-test="appliance-page">{{ v.appliance.address }}</a>
                (the appliance's page)
              } @else {
                {{ v.appliance.address_error }}
              }
            </dd>
            <dt>Appliance version</dt>
            <dd data-test="appliance-version">{{ v.appliance.version }}</dd>
            <dt>Plug-in version</dt>
            <dd data-test="plugin-version">{{ v.appliance.plugin_version }}</dd>
            <dt>Registered plug-in</dt>
            <dd>{{ v.registration.plugin_version ?? 'not registered' }}</dd>
            <dt>Endpoint daemon it deploys</dt>
            <dd data-test="endpoint-version">{{ v.appliance.endpoint_version }}</dd>
            <dt>Virtual Container Hosts</dt>
            <dd>{{ v.vchs.length }}</dd>
            <dt>Container VMs</dt>
            <dd data-test="container-count">{{ containers() ?? '…' }}</dd>
          </dl>
        </div>
      </section>
      <h3>Appliances registered with this vCenter</h3>
      <clr-datagrid role="region" aria-label="Registered appliances">
        <clr-dg-column>Address</clr-dg-column>
        <clr-dg-column>Version</clr-dg-column>
        <clr-dg-column>Plug-in</clr-dg-column>
        <clr-dg-column>Reachable</clr-dg-column>
        <clr-dg-column>Serves the plug-in</clr-dg-column>
        <clr-dg-column>Plug-in talks to</clr-dg-column>
        @for (a of v.registration.appliances; track a.id) {
          <clr-dg-row [attr.data-appliance]="a.address">
            <clr-dg-cell><a [href]="page(a.address)" target="_blank" rel="noopener">{{ a.address }}</a>@if (a.this) { (this one)}</clr-dg-cell>
            <clr-dg-cell>{{ a.running_version ?? a.version }}</clr-dg-cell>
            <clr-dg-cell>{{ a.plugin_version }}</clr-dg-cell>
            <clr-dg-cell>
              @if (a.reachable) { Yes } @else { <span [title]="a.error ?? ''">No</span> }
            </clr-dg-cell>
            <clr-dg-cell>{{ a.serves_plugin ? 'Yes' : '' }}</clr-dg-cell>
            <clr-dg-cell>
              @if (a.chosen) {
                <strong>Yes</strong>@if (a.preferred) { (chosen by you)}
              } @else if (a.reachable) {
                <button class="btn btn-sm btn-link" (click)="prefer(a)" [attr.aria-label]="'Use appliance ' + a.address">
                  Use this one
                </button>
              }
            </clr-dg-cell>
          </clr-dg-row>
        }
        <clr-dg-footer>{{ count(v.registration.appliances.length, 'appliance') }}</clr-dg-footer>
      </clr-datagrid>
      <h3>Virtual Container Hosts and their endpoint daemons</h3>
      <clr-datagrid role="region" aria-label="Virtual Container Hosts and their endpoint daemons">
        <clr-dg-column>Name</clr-dg-column>
        <clr-dg-column>VCH version</clr-dg-column>
        <clr-dg-column>Endpoint daemon it runs</clr-dg-column>
        <clr-dg-column>This appliance ships</clr-dg-column>
        <clr-dg-placeholder>This vCenter has no Virtual Container Host.</clr-dg-placeholder>
        @for (h of v.vchs; track h.id) {
          <clr-dg-row [attr.data-vch]="h.name">
            <clr-dg-cell>{{ h.name }}</clr-dg-cell>
            <clr-dg-cell>{{ h.version }}</clr-dg-cell>
            <clr-dg-cell [attr.data-daemon-version]="h.daemon_version ?? ''">
              {{ h.daemon_version ?? 'Not reported yet' }}
              @if (h.daemon_version && h.daemon_version !== v.appliance.endpoint_version) {
                <cds-icon shape="exclamation-triangle" status="warning" aria-label="Differs from what this appliance ships"></cds-icon>
              }
            </clr-dg-cell>
            <clr-dg-cell>{{ v.appliance.endpoint_version }}</clr-dg-cell>
          </clr-dg-row>
        }
        <clr-dg-footer>{{ count(v.vchs.length, 'Virtual Container Host') }}</clr-dg-footer>
      </clr-datagrid>
      @if (v.registration.preferred) {
        <button class="btn btn-sm btn-outline" (click)="prefer(null)">Choose automatically</button>
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
  private readonly api = inject(VicApiService);
  private readonly connection = inject(ConnectionService);
  private readonly sdk = inject(ClientSdkService);
  readonly versions = signal<Versions | undefined>(undefined);
  readonly error = signal('');
  readonly containers = signal<number | undefined>(undefined);
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
