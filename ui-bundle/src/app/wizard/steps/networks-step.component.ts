import { Component, OnInit, inject } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ClrRadioModule, ClrSpinnerModule } from '@clr/angular';

import { Network } from '../../api/models';
import { VicApiService } from '../../api/vic-api.service';
import { FieldComponent } from '../../shared/field.component';
import { cidr, cidrList, ip, ipList, ipRange, label, wholeNumber } from '../field-rules';
import { ContainerNetwork, NetworkRole } from '../wizard-state';
import { PerComputeList } from './per-compute-list';

// The names the rules give each role network's fields.
interface RoleWords {
  title: string;
  ip: string;
  gateway: string;
  addressing: string;
  routing: string;
  hint: string;
  cidr: () => string;
}
const roleWords = (): Record<string, RoleWords> => ({
  public: {
    title: $localize`Public network`,
    ip: $localize`Public network IP (CIDR)`,
    gateway: $localize`Public network gateway`,
    addressing: $localize`Public network addressing`,
    routing: $localize`Public network routing destinations`,
    hint: '',
    cidr: () => $localize`Public network CIDR`,
  },
  client: {
    title: $localize`Client network`,
    ip: $localize`Client network IP (CIDR)`,
    gateway: $localize`Client network gateway`,
    addressing: $localize`Client network addressing`,
    routing: $localize`Client network routing destinations`,
    hint: $localize`If not configured, it shares the public network`,
    cidr: () => $localize`Client network CIDR`,
  },
  management: {
    title: $localize`Management network`,
    ip: $localize`Management network IP (CIDR)`,
    gateway: $localize`Management network gateway`,
    addressing: $localize`Management network addressing`,
    routing: $localize`Management network routing destinations`,
    hint: $localize`If not configured, it shares the client network`,
    cidr: () => $localize`Management network CIDR`,
  },
});
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-networks-step',
  imports: [StepIssuesComponent, FormsModule, NgTemplateOutlet, FieldComponent, ClrRadioModule, ClrSpinnerModule],
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
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <h4 i18n>Required VCH networks</h4>
      <vic-field label="Bridge network" i18n-label for="bridge-network"
                 [error]="error('bridge-network', 'network.bridge.port_group', 'The bridge network')"
                 hint="A distributed port group only this VCH uses" i18n-hint>
        <div class="clr-select-wrapper"><select id="bridge-network" name="bridge" class="clr-select" [(ngModel)]="state.networks.bridge"
                (change)="touch('bridge-network')">
          <option value="" i18n>Not configured</option>
          @for (n of networks(); track n.id) {
            <option [value]="n.name">{{ n.name }} ({{ n.kind }})</option>
          }
        </select></div>
      </vic-field>
      <vic-field label="Bridge network range" i18n-label for="bridge-range"
                 [error]="error('bridge-range', 'network.bridge.ip_range', 'The bridge network range')">
        <input id="bridge-range" name="bridgeRange" class="clr-input" [(ngModel)]="state.networks.bridgeRange"
               (blur)="touch('bridge-range')" />
      </vic-field>
      <vic-field label="Bridge network width" i18n-label for="bridge-width"
                 [error]="error('bridge-width', 'network.bridge.network_width', 'The bridge network width')"
                 hint="Optional: the prefix length of each bridge network, 1 to 30" i18n-hint>
        <input id="bridge-width" name="bridgeWidth" class="clr-input" size="4" [(ngModel)]="state.networks.bridgeWidth"
               (blur)="touch('bridge-width')" />
      </vic-field>
      <ng-container *ngTemplateOutlet="roleFields; context: { r: state.networks.public, key: 'public', w: words['public'], routing: false }" />
      <vic-field label="DNS servers" i18n-label for="public-dns" [error]="error('public-dns', 'network.public.nameservers', 'The DNS servers')"
                 hint="Comma-separated IP addresses" i18n-hint>
        <input id="public-dns" name="publicDns" class="clr-input" [(ngModel)]="state.networks.public.dns" (blur)="touch('public-dns')" />
      </vic-field>

      <button type="button" class="btn btn-link" (click)="state.networks.advanced = !state.networks.advanced"
              [attr.aria-expanded]="state.networks.advanced">
        <ng-container i18n>Advanced</ng-container> {{ state.networks.advanced ? '▴' : '▾' }}
      </button>
      @if (state.networks.advanced) {
        <p class="vic-muted" i18n>The advanced settings are used only while this section is open.</p>
        <h4 i18n>Optional VCH networks</h4>
        <ng-container *ngTemplateOutlet="roleFields; context: { r: state.networks.client, key: 'client', w: words['client'], routing: true }" />
        <ng-container *ngTemplateOutlet="roleFields; context: { r: state.networks.management, key: 'management', w: words['management'], routing: true }" />
        <vic-field label="HTTP proxy" i18n-label for="http-proxy" [error]="error('', 'registry.image_fetch_proxy.http', 'The HTTP proxy')"
                   hint="http://host:port, used only to pull images" i18n-hint>
          <input id="http-proxy" name="httpProxy" class="clr-input" [(ngModel)]="state.networks.httpProxy" />
        </vic-field>
        <vic-field label="HTTPS proxy" i18n-label for="https-proxy" [error]="error('', 'registry.image_fetch_proxy.https', 'The HTTPS proxy')">
          <input id="https-proxy" name="httpsProxy" class="clr-input" [(ngModel)]="state.networks.httpsProxy" />
        </vic-field>
        <h4 i18n>Container networks</h4>
        @for (c of state.networks.containers; track $index; let i = $index) {
          <fieldset class="vic-row" [attr.aria-label]="aria.containerNetwork(i + 1)">
            <vic-field label="Container network {{ i + 1 }}" i18n-label [for]="'cn-pg-' + i"
                       [error]="error('cn-label-' + i, 'network.container[' + i + ']', 'The container network')">
              <div class="clr-select-wrapper"><select [id]="'cn-pg-' + i" [name]="'cnPg' + i" class="clr-select" [(ngModel)]="c.portGroup">
                <option value="" i18n>Not selected</option>
                @for (n of networks(); track n.id) {
                  <option [value]="n.name">{{ n.name }}</option>
                }
              </select></div>
              <input [id]="'cn-label-' + i" [name]="'cnLabel' + i" class="clr-input" placeholder="Label" i18n-placeholder
                     [attr.aria-label]="aria.containerNetworkLabel(i + 1)" [(ngModel)]="c.label"
                     [disabled]="!c.portGroup" (blur)="touch('cn-label-' + i)" />
              <div class="clr-select-wrapper"><select [id]="'cn-fw-' + i" [name]="'cnFw' + i" class="clr-select" [(ngModel)]="c.firewall"
                      [attr.aria-label]="aria.containerNetworkFirewall(i + 1)" [disabled]="!c.portGroup">
                <option value="closed" i18n>Closed</option><option value="outbound" i18n>Outbound</option>
                <option value="peers" i18n>Peers</option><option value="published" i18n>Published</option><option value="open" i18n>Open</option>
              </select></div>
              <div class="clr-select-wrapper"><select [id]="'cn-mode-' + i" [name]="'cnMode' + i" class="clr-select" [(ngModel)]="c.mode"
                      [attr.aria-label]="aria.containerNetworkAddressing(i + 1)" [disabled]="!c.portGroup">
                <option value="dhcp" i18n>DHCP</option><option value="range" i18n>IP range</option>
              </select></div>
              <button type="button" class="btn btn-icon btn-sm" [attr.aria-label]="aria.removeContainerNetwork(i + 1)"
                      (click)="state.networks.containers.splice(i, 1)">−</button>
            </vic-field>
            @if (c.portGroup && c.mode === 'range') {
              <vic-field label="IP range {{ i + 1 }}" i18n-label [for]="'cn-range-' + i" [error]="error('cn-range-' + i)">
                <input [id]="'cn-range-' + i" [name]="'cnRange' + i" class="clr-input" placeholder="10.2.0.10-10.2.0.99"
                       [(ngModel)]="c.range" (blur)="touch('cn-range-' + i)" />
              </vic-field>
              <vic-field label="Gateway {{ i + 1 }}" i18n-label [for]="'cn-gw-' + i" [error]="error('cn-gw-' + i)" hint="CIDR, e.g. 10.2.0.1/24" i18n-hint>
                <input [id]="'cn-gw-' + i" [name]="'cnGw' + i" class="clr-input" [(ngModel)]="c.gateway" (blur)="touch('cn-gw-' + i)" />
              </vic-field>
              <vic-field label="DNS {{ i + 1 }}" i18n-label [for]="'cn-dns-' + i" [error]="error('cn-dns-' + i)">
                <input [id]="'cn-dns-' + i" [name]="'cnDns' + i" class="clr-input" [(ngModel)]="c.dns" (blur)="touch('cn-dns-' + i)" />
              </vic-field>
            }
          </fieldset>
        }
        <button type="button" class="btn btn-sm btn-link" (click)="addContainerNetwork()" i18n>Add a container network</button>
      }
    </form>

    <ng-template #roleFields let-r="r" let-key="key" let-w="w" let-routing="routing">
      <vic-field [label]="w.title" [for]="key + '-network'"
                 [error]="error(key + '-network', 'network.' + key + '.port_group', 'The ' + key + ' network')"
                 [hint]="w.hint">
        <div class="clr-select-wrapper"><select [id]="key + '-network'" [name]="key + 'Network'" class="clr-select" [(ngModel)]="r.portGroup" (change)="touch(key + '-network')">
          <option value="" i18n>Not configured</option>
          @for (n of networks(); track n.id) {
            <option [value]="n.name">{{ n.name }} ({{ n.kind }})</option>
          }
        </select></div>
        <div class="clr-select-wrapper"><select [id]="key + '-addressing'" [name]="key + 'Addressing'" class="clr-select" [attr.aria-label]="w.addressing"
                [ngModel]="r.static ? 'static' : 'dhcp'" (ngModelChange)="r.static = $event === 'static'" [disabled]="!r.portGroup">
          <option value="dhcp" i18n>DHCP</option>
          <option value="static" i18n>Static IP</option>
        </select></div>
      </vic-field>
      @if (r.portGroup && r.static) {
        <vic-field [label]="w.ip" [for]="key + '-ip'" [error]="error(key + '-ip', 'network.' + key + '.static', 'The address')"
                   hint="The address and its subnet, e.g. 10.0.0.22/24" i18n-hint>
          <input [id]="key + '-ip'" [name]="key + 'Ip'" class="clr-input" [(ngModel)]="r.ip" (blur)="touch(key + '-ip')" />
        </vic-field>
        <vic-field [label]="w.gateway" [for]="key + '-gateway'"
                   [error]="error(key + '-gateway', 'network.' + key + '.gateway', 'The gateway')">
          <input [id]="key + '-gateway'" [name]="key + 'Gateway'" class="clr-input" [(ngModel)]="r.gateway" (blur)="touch(key + '-gateway')" />
        </vic-field>
        @if (routing) {
          <vic-field [label]="w.routing" [for]="key + '-routing'" [error]="error(key + '-routing')"
                     hint="Comma-separated CIDRs reached through this gateway" i18n-hint>
            <input [id]="key + '-routing'" [name]="key + 'Routing'" class="clr-input" [(ngModel)]="r.routing" (blur)="touch(key + '-routing')" />
          </vic-field>
        }
      }
    </ng-template>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }', '.vic-row { border: 0; padding: 0; margin: 0; }'],
})
export class NetworksStepComponent extends StepBase implements OnInit {
  private readonly api = inject(VicApiService);
  readonly list = new PerComputeList<Network>((dc, compute) => this.api.networks(dc, compute));
  readonly networks = this.list.items;
  readonly loading = this.list.loading;
  readonly loadError = this.list.error;
  readonly words = roleWords();

  ngOnInit(): void {
    void this.load();
  }

  load(): Promise<void> {
    return this.list.load(this.state.compute, () => {
      this.state.networks.bridge = '';
      this.state.networks.public.portGroup = '';
    });
  }

  addContainerNetwork(): void {
    const row: ContainerNetwork = { portGroup: '', mode: 'dhcp', range: '', gateway: '', dns: '', label: '', firewall: 'published' };
    this.state.networks.containers.push(row);
  }

  problems(): Record<string, string> {
    const n = this.state.networks;
    const out: Record<string, string> = {
      'bridge-network': n.bridge ? '' : $localize`Bridge network should be selected`,
      'bridge-range': cidr(n.bridgeRange, $localize`Bridge network range`),
      'bridge-width': n.bridgeWidth ? wholeNumber(n.bridgeWidth, $localize`Bridge network width`, 1, 30) : '',
      'public-network': n.public.portGroup ? '' : $localize`Public network should be selected`,
      'public-dns': ipList(n.public.dns, $localize`DNS servers`, n.public.static),
    };
    const role = (key: string, r: NetworkRole, routing: boolean) => {
      if (!r.portGroup || !r.static) return;
      out[key + '-ip'] = cidr(r.ip, this.words[key].cidr());
      out[key + '-gateway'] = ip(r.gateway, this.words[key].gateway);
      if (routing) out[key + '-routing'] = cidrList(r.routing, $localize`Routing destinations`);
    };
    role('public', n.public, false);
    if (n.advanced) {
      role('client', n.client, true);
      role('management', n.management, true);
      n.containers.forEach((c, i) => {
        if (!c.portGroup) return;
        out['cn-label-' + i] = label(c.label, $localize`Container network label`);
        if (c.mode === 'range') {
          out['cn-range-' + i] = ipRange(c.range);
          out['cn-gw-' + i] = cidr(c.gateway, $localize`Container network gateway`);
          out['cn-dns-' + i] = ipList(c.dns, $localize`Container network DNS`, true);
        }
      });
    }
    return out;
  }

  placed(): string[] {
    return ['network', 'registry.image_fetch_proxy'];
  }
}
