import { Component, Input, OnInit, inject } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ClrSpinnerModule } from '@clr/angular';

import { Network } from '../../api/models';
import { VicApiService } from '../../api/vic-api.service';
import { RowListComponent } from '../../shared/row-list.component';
import { roleWords } from '../network-words';
import { ComputeForm, NetworksForm, RoleGroup, newRow } from '../wizard-form';
import { PerComputeList } from './per-compute-list';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

type Role = 'public' | 'client' | 'management';

@Component({
  selector: 'vic-networks-step',
  imports: [...STEP_IMPORTS, NgTemplateOutlet, RowListComponent, ClrSpinnerModule],
  template: `
    <p i18n>Connect the VCH: the bridge network for its containers and the public network it reaches the world on.</p>
    @if (loading()) {
      <clr-spinner clrInline i18n>Loading the networks</clr-spinner>
    }
    @if (loadError()) {
      <p class="vic-error" role="alert">{{ loadError() }}</p>
    }
    <p>
      <a href="assets/help.html#network-requirements" target="_blank" rel="noopener" i18n>View network requirements</a>
    </p>
    <ng-template #networkOptions let-kind="kind" let-none="none">
      <option value="">{{ none }}</option>
      @for (n of networks(); track n.id) {
        <option [value]="n.name">{{ n.name }}@if (kind) { ({{ n.kind }})}</option>
      }
    </ng-template>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      <!-- Declared inside the form: its labels take the form's layout. -->
    <ng-template #roleFields let-r="r" let-key="key" let-routing="routing">
      <clr-control-container [formGroup]="r">
        <label [for]="key + '-network'">{{ words[key].title }}</label>
        <div class="clr-select-wrapper"><select clrControl [id]="key + '-network'" class="clr-select" formControlName="portGroup">
          <ng-container *ngTemplateOutlet="networkOptions; context: { kind: true, none: notConfigured }" />
        </select></div>
        <div class="clr-select-wrapper"><select [id]="key + '-addressing'" class="clr-select" [attr.aria-label]="words[key].addressing"
                [value]="r.value.static ? 'static' : 'dhcp'" (change)="setStatic(r, $any($event.target).value)"
                [attr.disabled]="r.value.portGroup ? null : ''">
          <option value="dhcp" i18n>DHCP</option>
          <option value="static" i18n>Static IP</option>
        </select></div>
        @if (words[key].hint) {
          <clr-control-helper>{{ words[key].hint }}</clr-control-helper>
        }
        <clr-control-error role="alert">{{ problem(r.controls.portGroup) }}</clr-control-error>
      </clr-control-container>
      @if (r.value.portGroup && r.value.static) {
        <clr-input-container [formGroup]="r">
          <label>{{ words[key].ip }}</label>
          <input clrInput [id]="key + '-ip'" formControlName="ip" />
          <clr-control-helper i18n>The address and its subnet, e.g. 10.0.0.22/24</clr-control-helper>
          <clr-control-error role="alert">{{ problem(r.controls.ip) }}</clr-control-error>
        </clr-input-container>
        <clr-input-container [formGroup]="r">
          <label>{{ words[key].gateway }}</label>
          <input clrInput [id]="key + '-gateway'" formControlName="gateway" />
          <clr-control-error role="alert">{{ problem(r.controls.gateway) }}</clr-control-error>
        </clr-input-container>
        @if (routing) {
          <clr-input-container [formGroup]="r">
            <label>{{ words[key].routing }}</label>
            <input clrInput [id]="key + '-routing'" formControlName="routing" />
            <clr-control-helper i18n>Comma-separated CIDRs reached through this gateway</clr-control-helper>
            <clr-control-error role="alert">{{ problem(r.controls.routing) }}</clr-control-error>
          </clr-input-container>
        }
      }
    </ng-template>
      <h4 i18n>Required VCH networks</h4>
      <clr-select-container>
        <label i18n>Bridge network</label>
        <select clrSelect id="bridge-network" formControlName="bridge">
          <ng-container *ngTemplateOutlet="networkOptions; context: { kind: true, none: notConfigured }" />
        </select>
        <clr-control-helper i18n>A distributed port group only this VCH uses</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.bridge) }}</clr-control-error>
      </clr-select-container>
      <clr-input-container>
        <label i18n>Bridge network range</label>
        <input clrInput id="bridge-range" formControlName="bridgeRange" />
        <clr-control-error role="alert">{{ problem(c.bridgeRange) }}</clr-control-error>
      </clr-input-container>
      <clr-input-container>
        <label i18n>Bridge network width</label>
        <input clrInput id="bridge-width" formControlName="bridgeWidth" size="4" />
        <clr-control-helper i18n>Optional: the prefix length of each bridge network, 1 to 30</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.bridgeWidth) }}</clr-control-error>
      </clr-input-container>
      <ng-container *ngTemplateOutlet="roleFields; context: { r: c.public, key: 'public', routing: false }" />
      <clr-input-container [formGroup]="c.public">
        <label i18n>DNS servers</label>
        <input clrInput id="public-dns" formControlName="dns" />
        <clr-control-helper i18n>Comma-separated IP addresses</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.public.controls.dns) }}</clr-control-error>
      </clr-input-container>

      <button type="button" class="btn btn-link" (click)="c.advanced.setValue(!c.advanced.value)" [attr.aria-expanded]="c.advanced.value">
        <ng-container i18n>Advanced</ng-container> {{ c.advanced.value ? '▴' : '▾' }}
      </button>
      @if (c.advanced.value) {
        <p class="vic-muted" i18n>The advanced settings are used only while this section is open.</p>
        <h4 i18n>Optional VCH networks</h4>
        <ng-container *ngTemplateOutlet="roleFields; context: { r: c.client, key: 'client', routing: true }" />
        <ng-container *ngTemplateOutlet="roleFields; context: { r: c.management, key: 'management', routing: true }" />
        <clr-input-container>
          <label i18n>HTTP proxy</label>
          <input clrInput id="http-proxy" formControlName="httpProxy" />
          <clr-control-helper i18n>http://host:port, used only to pull images</clr-control-helper>
          <clr-control-error role="alert">{{ problem(c.httpProxy) }}</clr-control-error>
        </clr-input-container>
        <clr-input-container>
          <label i18n>HTTPS proxy</label>
          <input clrInput id="https-proxy" formControlName="httpsProxy" />
          <clr-control-error role="alert">{{ problem(c.httpsProxy) }}</clr-control-error>
        </clr-input-container>
        <h4 i18n>Container networks</h4>
        <vic-row-list [rows]="c.containers" [newRow]="addContainerNetwork" [removeLabel]="aria.removeContainerNetwork"
                      addLabel="Add a container network" i18n-addLabel>
          <ng-template let-row let-i="index">
            <fieldset class="vic-row" [attr.aria-label]="aria.containerNetwork(i + 1)" [formGroup]="row">
              <clr-control-container>
                <label [for]="'cn-pg-' + i" i18n>Container network {{ i + 1 }}</label>
                <div class="clr-select-wrapper"><select clrControl [id]="'cn-pg-' + i" class="clr-select" formControlName="portGroup">
                  <ng-container *ngTemplateOutlet="networkOptions; context: { kind: false, none: notSelected }" />
                </select></div>
                <input [id]="'cn-label-' + i" formControlName="label" class="clr-input" placeholder="Label" i18n-placeholder
                       [attr.aria-label]="aria.containerNetworkLabel(i + 1)" [attr.disabled]="row.value.portGroup ? null : ''"
                       (blur)="row.controls.portGroup.markAsTouched()" />
                <div class="clr-select-wrapper"><select [id]="'cn-fw-' + i" formControlName="firewall" class="clr-select"
                        [attr.aria-label]="aria.containerNetworkFirewall(i + 1)" [attr.disabled]="row.value.portGroup ? null : ''">
                  <option value="closed" i18n>Closed</option><option value="outbound" i18n>Outbound</option>
                  <option value="peers" i18n>Peers</option><option value="published" i18n>Published</option><option value="open" i18n>Open</option>
                </select></div>
                <div class="clr-select-wrapper"><select [id]="'cn-mode-' + i" formControlName="mode" class="clr-select"
                        [attr.aria-label]="aria.containerNetworkAddressing(i + 1)" [attr.disabled]="row.value.portGroup ? null : ''">
                  <option value="dhcp" i18n>DHCP</option><option value="range" i18n>IP range</option>
                </select></div>
                <clr-control-error role="alert">{{ problem(row.controls.portGroup) }}</clr-control-error>
              </clr-control-container>
              @if (row.value.portGroup && row.value.mode === 'range') {
                <clr-input-container>
                  <label i18n>IP range {{ i + 1 }}</label>
                  <input clrInput [id]="'cn-range-' + i" formControlName="range" placeholder="10.2.0.10-10.2.0.99" />
                  <clr-control-error role="alert">{{ problem(row.controls.range) }}</clr-control-error>
                </clr-input-container>
                <clr-input-container>
                  <label i18n>Gateway {{ i + 1 }}</label>
                  <input clrInput [id]="'cn-gw-' + i" formControlName="gateway" />
                  <clr-control-helper i18n>CIDR, e.g. 10.2.0.1/24</clr-control-helper>
                  <clr-control-error role="alert">{{ problem(row.controls.gateway) }}</clr-control-error>
                </clr-input-container>
                <clr-input-container>
                  <label i18n>DNS {{ i + 1 }}</label>
                  <input clrInput [id]="'cn-dns-' + i" formControlName="dns" />
                  <clr-control-error role="alert">{{ problem(row.controls.dns) }}</clr-control-error>
                </clr-input-container>
              }
            </fieldset>
          </ng-template>
        </vic-row-list>
      }
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }', '.vic-row { border: 0; padding: 0; margin: 0; }'],
})
export class NetworksStepComponent extends StepBase<NetworksForm> implements OnInit {
  private readonly api = inject(VicApiService);
  @Input({ required: true }) compute!: ComputeForm;
  readonly list = new PerComputeList<Network>((dc, compute) => this.api.networks(dc, compute));
  readonly networks = this.list.items;
  readonly loading = this.list.loading;
  readonly loadError = this.list.error;
  readonly words = roleWords();
  readonly notConfigured = $localize`Not configured`;
  readonly notSelected = $localize`Not selected`;
  readonly addContainerNetwork = () => newRow.containerNetwork(this.form);

  get c() {
    return this.form.controls;
  }

  ngOnInit(): void {
    void this.load();
  }

  load(): Promise<void> {
    return this.list.load(this.compute.getRawValue(), () => this.form.patchValue({ bridge: '', public: { portGroup: '' } }));
  }

  setStatic(r: RoleGroup, mode: string): void {
    r.controls.static.setValue(mode === 'static');
  }

  protected placements(): Placement[] {
    const role = (key: Role): Placement[] => {
      const r = this.c[key].controls;
      return [
        { control: r.portGroup, path: `network.${key}.port_group`, label: `The ${key} network` },
        { control: r.ip, path: `network.${key}.static`, label: 'The address' },
        { control: r.gateway, path: `network.${key}.gateway`, label: 'The gateway' },
      ];
    };
    return [
      { control: this.c.bridge, path: 'network.bridge.port_group', label: 'The bridge network' },
      { control: this.c.bridgeRange, path: 'network.bridge.ip_range', label: 'The bridge network range' },
      { control: this.c.bridgeWidth, path: 'network.bridge.network_width', label: 'The bridge network width' },
      { control: this.c.public.controls.dns, path: 'network.public.nameservers', label: 'The DNS servers' },
      ...role('public'),
      ...role('client'),
      ...role('management'),
      { control: this.c.httpProxy, path: 'registry.image_fetch_proxy.http', label: 'The HTTP proxy' },
      { control: this.c.httpsProxy, path: 'registry.image_fetch_proxy.https', label: 'The HTTPS proxy' },
      ...this.c.containers.controls.map((row, i) => ({
        control: row.controls.portGroup,
        path: `network.container[${i}]`,
        label: 'The container network',
      })),
    ];
  }

  placed(): string[] {
    return ['network', 'registry.image_fetch_proxy'];
  }
}
