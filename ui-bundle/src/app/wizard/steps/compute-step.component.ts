import { Component, EventEmitter, OnInit, Output, inject, signal } from '@angular/core';
import { ClrSpinnerModule, ClrTreeViewModule } from '@clr/angular';

import { ApiError } from '../../api/api-error';
import { InventoryNode } from '../../api/models';
import { VicApiService } from '../../api/vic-api.service';
import { adminName } from '../compute-name';
import { ComputeForm } from '../wizard-form';
import { Placement, StepBase } from './step-base';
import { STEP_IMPORTS } from './step-imports';

@Component({
  selector: 'vic-compute-step',
  imports: [...STEP_IMPORTS, ClrSpinnerModule, ClrTreeViewModule],
  template: `
    <p i18n>Choose the cluster, host or resource pool the VCH runs in, and its limits.</p>
    <form clrForm clrLayout="horizontal" clrLabelSize="3" [formGroup]="form">
      @if (datacenters().length > 1) {
        <clr-select-container>
          <label i18n>Datacenter</label>
          <select clrSelect id="datacenter" [formControl]="c.datacenter" (change)="chooseDatacenter($any($event.target).value)">
            @for (dc of datacenters(); track dc.id) {
              <option [value]="dc.id">{{ dc.name }}</option>
            }
          </select>
        </clr-select-container>
      }
      <div class="clr-form-control clr-row" role="group" aria-labelledby="compute-label">
        <span class="clr-control-label clr-col-12 clr-col-md-3" id="compute-label" i18n>Compute resource</span>
        <div class="clr-col-12 clr-col-md-9">
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
                <button type="button" class="clr-treenode-link" [class.active]="node.id === c.resourceId.value"
                        [attr.aria-pressed]="node.id === c.resourceId.value" (click)="choose(node)">
                  {{ node.name }}
                </button>
              } @else {
                <span class="vic-muted" [title]="node.vch ? ownPool : partOfCluster">{{ node.name }}</span>
              }
            </clr-tree-node>
          </clr-tree>
          @if (c.resourceId.touched && problem(c.resourceId); as e) {
            <span class="clr-subtext vic-error" id="compute-error" role="alert">{{ e }}</span>
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
      </div>
      <clr-input-container>
        <label i18n>CPU limit (MHz)</label>
        <input clrInput id="cpu-limit" formControlName="cpuLimit" />
        <clr-control-helper>{{ cpuHint() }}</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.cpuLimit) }}</clr-control-error>
      </clr-input-container>
      <clr-input-container>
        <label i18n>Memory limit (MB)</label>
        <input clrInput id="memory-limit" formControlName="memoryLimit" />
        <clr-control-helper>{{ bound('MB', c.memoryMaxMb.value) }}</clr-control-helper>
        <clr-control-error role="alert">{{ problem(c.memoryLimit) }}</clr-control-error>
      </clr-input-container>
      <button type="button" class="btn btn-link" (click)="c.advanced.setValue(!c.advanced.value)" [attr.aria-expanded]="c.advanced.value">
        <ng-container i18n>Advanced</ng-container> {{ c.advanced.value ? '▴' : '▾' }}
      </button>
      @if (c.advanced.value) {
        <p class="vic-muted" i18n>The advanced settings are used only while this section is open.</p>
        <clr-input-container>
          <label i18n>CPU reservation (MHz)</label>
          <input clrInput id="cpu-reservation" formControlName="cpuReservation" />
          <clr-control-error role="alert">{{ problem(c.cpuReservation) }}</clr-control-error>
        </clr-input-container>
        <clr-select-container>
          <label i18n>CPU shares</label>
          <select clrSelect id="cpu-shares" formControlName="cpuShares">
            <option value="low" i18n>Low</option><option value="normal" i18n>Normal</option><option value="high" i18n>High</option>
          </select>
        </clr-select-container>
        <clr-input-container>
          <label i18n>Memory reservation (MB)</label>
          <input clrInput id="memory-reservation" formControlName="memoryReservation" />
          <clr-control-error role="alert">{{ problem(c.memoryReservation) }}</clr-control-error>
        </clr-input-container>
        <clr-select-container>
          <label i18n>Memory shares</label>
          <select clrSelect id="memory-shares" formControlName="memoryShares">
            <option value="low" i18n>Low</option><option value="normal" i18n>Normal</option><option value="high" i18n>High</option>
          </select>
        </clr-select-container>
        <clr-input-container>
          <label i18n>Endpoint VM CPUs</label>
          <input clrInput id="endpoint-cpus" formControlName="endpointCpus" />
          <clr-control-error role="alert">{{ problem(c.endpointCpus) }}</clr-control-error>
        </clr-input-container>
        <clr-input-container>
          <label i18n>Endpoint VM memory (MB)</label>
          <input clrInput id="endpoint-memory" formControlName="endpointMemory" />
          <clr-control-error role="alert">{{ problem(c.endpointMemory) }}</clr-control-error>
        </clr-input-container>
        @if (c.resourceType.value === 'ClusterComputeResource') {
          <clr-checkbox-wrapper>
            <input type="checkbox" clrCheckbox id="vm-group" formControlName="vmGroup" />
            <label for="vm-group" i18n>Create a DRS VM group for this VCH</label>
          </clr-checkbox-wrapper>
          @if (problem(c.vmGroup); as e) {
            <span class="clr-subtext vic-error" role="alert">{{ e }}</span>
          }
        }
      }
    </form>
    <vic-step-issues [issues]="others()" />
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class ComputeStepComponent extends StepBase<ComputeForm> implements OnInit {
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
  private loadedDatacenter = '';

  async ngOnInit(): Promise<void> {
    try {
      this.datacenters.set(await this.api.datacenters());
      const dc = this.c.datacenter.value || this.datacenters()[0]?.id || '';
      await this.chooseDatacenter(dc);
    } catch (e) {
      this.loadError.set(e instanceof ApiError ? e.message : String(e));
      this.loading.set(false);
    }
  }

  get c() {
    return this.form.controls;
  }

  async chooseDatacenter(dc: string): Promise<void> {
    if (dc !== this.loadedDatacenter) this.form.patchValue({ resourceId: '', resourceName: '' });
    this.loadedDatacenter = dc;
    this.c.datacenter.setValue(dc);
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
    this.form.patchValue({
      resourceId: node.id,
      resourceName: adminName(node),
      resourceType: node.type,
      cpuMaxMhz: node.cpu_max_mhz,
      memoryMaxMb: node.memory_max_mb,
    });
    this.c.resourceId.markAsTouched();
  }

  protected placements(): Placement[] {
    return [
      { control: this.c.resourceId, path: 'compute.resource', label: 'The compute resource' },
      { control: this.c.cpuLimit, path: 'compute.cpu.limit', label: 'The CPU limit' },
      { control: this.c.memoryLimit, path: 'compute.memory.limit', label: 'The memory limit' },
      { control: this.c.cpuReservation, path: 'compute.cpu.reservation', label: 'The CPU reservation' },
      { control: this.c.memoryReservation, path: 'compute.memory.reservation', label: 'The memory reservation' },
      { control: this.c.endpointCpus, path: 'endpoint.cpu', label: 'The endpoint CPUs' },
      { control: this.c.endpointMemory, path: 'endpoint.memory', label: 'The endpoint memory' },
      { control: this.c.vmGroup, path: 'compute.affinity', label: 'The VM group' },
    ];
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
      await this.api.allowFirewall(this.c.datacenter.value, this.c.resourceName.value);
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
    return $localize`${this.bound('MHz', this.c.cpuMaxMhz.value)}:bound:; applies to the VCH's resource pool`;
  }
}
