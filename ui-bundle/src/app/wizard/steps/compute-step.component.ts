import { Component, EventEmitter, OnInit, Output, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ClrCheckboxModule, ClrSpinnerModule, ClrTreeViewModule } from '@clr/angular';

import { ApiError } from '../../api/api-error';
import { InventoryNode } from '../../api/models';
import { VicApiService } from '../../api/vic-api.service';
import { FieldComponent } from '../../shared/field.component';
import { limit, wholeNumber } from '../field-rules';
import { adminName } from '../compute-name';
import { StepBase } from './step-base';
import { StepIssuesComponent } from './step-issues.component';

@Component({
  selector: 'vic-compute-step',
  imports: [StepIssuesComponent, FormsModule, FieldComponent, ClrCheckboxModule, ClrSpinnerModule, ClrTreeViewModule],
  template: `
    <p i18n>Choose the cluster, host or resource pool the VCH runs in, and its limits.</p>
    @if (datacenters().length > 1) {
      <vic-field label="Datacenter" i18n-label for="datacenter">
        <div class="clr-select-wrapper"><select id="datacenter" name="datacenter" class="clr-select" [ngModel]="state.compute.datacenter"
                (ngModelChange)="chooseDatacenter($event)">
          @for (dc of datacenters(); track dc.id) {
            <option [value]="dc.id">{{ dc.name }}</option>
          }
        </select></div>
      </vic-field>
    }
    <div class="clr-form-control" role="group" aria-labelledby="compute-label">
      <span class="clr-control-label" id="compute-label" i18n>Compute resource</span>
      @if (loading()) {
        <clr-spinner clrInline i18n>Loading the inventory</clr-spinner>
      }
      @if (notOffered(); as name) {
        <p class="vic-muted" role="status" data-test="not-offered" i18n>
          The wizard was opened on {{ name }}, the resource pool of a VCH, where no other VCH can go: choose its cluster,
          a host or another resource pool.
        </p>
      }
      <clr-tree aria-label="Compute resources" i18n-aria-label>
        <clr-tree-node *clrRecursiveFor="let node of tree(); getChildren: children" [clrExpanded]="true">
          @if (node.selectable) {
            <button type="button" class="clr-treenode-link" [class.active]="node.id === state.compute.resourceId"
                    [attr.aria-pressed]="node.id === state.compute.resourceId" (click)="choose(node)">
              {{ node.name }}
            </button>
          } @else {
            <span class="vic-muted" [title]="node.vch ? ownPool : partOfCluster">{{ node.name }}</span>
          }
        </clr-tree-node>
      </clr-tree>
      @if (error('compute', 'compute.resource', 'The compute resource'); as e) {
        <span class="clr-subtext vic-error" role="alert">{{ e }}</span>
      }
      @if (firewallClosed()) {
        <div class="vic-firewall">
          <button type="button" class="btn btn-sm btn-outline" (click)="allowFirewall()" [disabled]="opening()">
            Allow VCH traffic through the hosts' firewalls
          </button>
          @if (firewallError()) {
            <span class="clr-subtext vic-error" role="alert">{{ firewallError() }}</span>
          }
        </div>
      }
      @if (loadError()) {
        <span class="clr-subtext vic-error" role="alert">{{ loadError() }}</span>
      }
    </div>
    <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
      <vic-field label="CPU limit (MHz)" i18n-label for="cpu-limit" [error]="error('cpu-limit', 'compute.cpu.limit', 'The CPU limit')"
                 [hint]="cpuHint()">
        <input id="cpu-limit" name="cpuLimit" class="clr-input" [(ngModel)]="state.compute.cpuLimit" (blur)="touch('cpu-limit')" />
      </vic-field>
      <vic-field label="Memory limit (MB)" i18n-label for="memory-limit"
                 [error]="error('memory-limit', 'compute.memory.limit', 'The memory limit')" [hint]="bound('MB', state.compute.memoryMaxMb)">
        <input id="memory-limit" name="memoryLimit" class="clr-input" [(ngModel)]="state.compute.memoryLimit"
               (blur)="touch('memory-limit')" />
      </vic-field>
      <button type="button" class="btn btn-link" (click)="state.compute.advanced = !state.compute.advanced"
              [attr.aria-expanded]="state.compute.advanced">
        <ng-container i18n>Advanced</ng-container> {{ state.compute.advanced ? '▴' : '▾' }}
      </button>
      @if (state.compute.advanced) {
        <p class="vic-muted" i18n>The advanced settings are used only while this section is open.</p>
        <vic-field label="CPU reservation (MHz)" i18n-label for="cpu-reservation"
                   [error]="error('cpu-reservation', 'compute.cpu.reservation', 'The CPU reservation')">
          <input id="cpu-reservation" name="cpuReservation" class="clr-input" [(ngModel)]="state.compute.cpuReservation"
                 (blur)="touch('cpu-reservation')" />
        </vic-field>
        <vic-field label="CPU shares" i18n-label for="cpu-shares">
          <div class="clr-select-wrapper"><select id="cpu-shares" name="cpuShares" class="clr-select" [(ngModel)]="state.compute.cpuShares">
            <option value="low" i18n>Low</option><option value="normal" i18n>Normal</option><option value="high" i18n>High</option>
          </select></div>
        </vic-field>
        <vic-field label="Memory reservation (MB)" i18n-label for="memory-reservation"
                   [error]="error('memory-reservation', 'compute.memory.reservation', 'The memory reservation')">
          <input id="memory-reservation" name="memoryReservation" class="clr-input"
                 [(ngModel)]="state.compute.memoryReservation" (blur)="touch('memory-reservation')" />
        </vic-field>
        <vic-field label="Memory shares" i18n-label for="memory-shares">
          <div class="clr-select-wrapper"><select id="memory-shares" name="memoryShares" class="clr-select" [(ngModel)]="state.compute.memoryShares">
            <option value="low" i18n>Low</option><option value="normal" i18n>Normal</option><option value="high" i18n>High</option>
          </select></div>
        </vic-field>
        <vic-field label="Endpoint VM CPUs" i18n-label for="endpoint-cpus" [error]="error('endpoint-cpus', 'endpoint.cpu', 'The endpoint CPUs')">
          <input id="endpoint-cpus" name="endpointCpus" class="clr-input" [(ngModel)]="state.compute.endpointCpus"
                 (blur)="touch('endpoint-cpus')" />
        </vic-field>
        <vic-field label="Endpoint VM memory (MB)" i18n-label for="endpoint-memory"
                   [error]="error('endpoint-memory', 'endpoint.memory', 'The endpoint memory')">
          <input id="endpoint-memory" name="endpointMemory" class="clr-input" [(ngModel)]="state.compute.endpointMemory"
                 (blur)="touch('endpoint-memory')" />
        </vic-field>
        @if (state.compute.resourceType === 'ClusterComputeResource') {
          <clr-checkbox-wrapper>
            <input type="checkbox" clrCheckbox id="vm-group" name="vmGroup" [(ngModel)]="state.compute.vmGroup" />
            <label for="vm-group" i18n>Create a DRS VM group for this VCH</label>
          </clr-checkbox-wrapper>
          @if (error('', 'compute.affinity', 'The VM group'); as e) {
            <span class="clr-subtext vic-error" role="alert">{{ e }}</span>
          }
        }
      }
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class ComputeStepComponent extends StepBase implements OnInit {
  private readonly api = inject(VicApiService);
  readonly datacenters = signal<InventoryNode[]>([]);
  readonly tree = signal<InventoryNode[]>([]);
  readonly loading = signal(true);
  readonly loadError = signal('');
  readonly opening = signal(false);
  readonly firewallError = signal('');
  // The VCH pool the wizard was opened on, which it cannot offer.
  readonly notOffered = signal('');
  // After the firewalls are opened, the step is checked again.
  @Output() recheck = new EventEmitter<void>();
  readonly children = (n: InventoryNode) => n.children ?? [];

  async ngOnInit(): Promise<void> {
    try {
      this.datacenters.set(await this.api.datacenters());
      const dc = this.state.compute.datacenter || this.datacenters()[0]?.id || '';
      await this.chooseDatacenter(dc);
    } catch (e) {
      this.loadError.set(e instanceof ApiError ? e.message : String(e));
      this.loading.set(false);
    }
  }

  async chooseDatacenter(dc: string): Promise<void> {
    if (dc !== this.state.compute.datacenter) {
      this.state.compute.resourceId = '';
      this.state.compute.resourceName = '';
    }
    this.state.compute.datacenter = dc;
    if (!dc) return;
    this.loading.set(true);
    try {
      this.tree.set(await this.api.compute(dc));
      this.loadError.set('');
    } catch (e) {
      this.loadError.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }

  // Preselects what the wizard was opened on (a cluster, host or pool).
  preselect(type: string, value: string): void {
    const find = (nodes: InventoryNode[]): InventoryNode | undefined => {
      for (const n of nodes) {
        if (n.id === value && n.selectable) return n;
        const inner = find(n.children ?? []);
        if (inner) return inner;
      }
      return undefined;
    };
    const node = find(this.tree());
    if (node && (!type || node.type === type || type === 'HostSystem')) this.choose(node);
    // A VCH's own pool is in the tree but not offered: say why nothing is chosen.
    const all = (nodes: InventoryNode[]): InventoryNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
    const vchPool = all(this.tree()).find((n) => n.id === value && n.vch);
    if (vchPool) this.notOffered.set(vchPool.name);
  }

  choose(node: InventoryNode): void {
    this.state.compute.resourceId = node.id;
    this.state.compute.resourceName = adminName(node);
    this.state.compute.resourceType = node.type;
    this.state.compute.cpuMaxMhz = node.cpu_max_mhz;
    this.state.compute.memoryMaxMb = node.memory_max_mb;
    this.touch('compute');
  }

  problems(): Record<string, string> {
    const c = this.state.compute;
    const out: Record<string, string> = {
      compute: c.resourceId ? '' : $localize`Please choose a valid compute resource`,
      'cpu-limit': limit(c.cpuLimit, $localize`CPU limit`, 'MHz', c.cpuMaxMhz),
      'memory-limit': limit(c.memoryLimit, $localize`Memory limit`, 'MB', c.memoryMaxMb),
    };
    if (c.advanced) {
      out['cpu-reservation'] = wholeNumber(c.cpuReservation, $localize`CPU reservation`);
      out['memory-reservation'] = wholeNumber(c.memoryReservation, $localize`Memory reservation`);
      out['endpoint-cpus'] = wholeNumber(c.endpointCpus, $localize`Endpoint VM CPUs`);
      out['endpoint-memory'] = wholeNumber(c.endpointMemory, $localize`Endpoint VM memory`);
    }
    return out;
  }

  placed(): string[] {
    return ['compute', 'endpoint.cpu', 'endpoint.memory'];
  }

  // The appliance said the hosts' firewalls block the VCH's traffic.
  firewallClosed(): boolean {
    return this.issues.some((i) => i.code === 'firewall');
  }

  async allowFirewall(): Promise<void> {
    this.opening.set(true);
    this.firewallError.set('');
    try {
      await this.api.allowFirewall(this.state.compute.datacenter, this.state.compute.resourceName);
      this.recheck.emit();
    } catch (e) {
      this.firewallError.set($localize`The firewalls could not be opened: ${e instanceof ApiError ? e.message : e}:reason:`);
    } finally {
      this.opening.set(false);
    }
  }

  // "Unlimited, or 1 to 4121 MHz" once a resource with a known maximum is chosen.
  readonly ownPool = $localize`A VCH's own resource pool`;
  readonly partOfCluster = $localize`Part of its cluster`;

  bound(unit: string, max: number | undefined): string {
    return max ? $localize`Unlimited, or 1 to ${max}:max: ${unit}:unit:` : $localize`Unlimited, or at least 1 ${unit}:unit:`;
  }

  cpuHint(): string {
    return $localize`${this.bound('MHz', this.state.compute.cpuMaxMhz)}:bound:; applies to the VCH's resource pool`;
  }
}
