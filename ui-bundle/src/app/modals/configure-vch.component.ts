import { Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';

import { ApiError } from '../api/api-error';
import { Issue, Task } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { FieldComponent } from '../shared/field.component';
import { messageFor } from '../shared/issues';
import { vchParams } from '../shared/modal-params';
import { TaskProgressComponent } from '../shared/task-progress.component';
import { isHost, limit, port } from '../wizard/field-rules';

interface Quantity {
  value: number;
  units: string;
}

// Changing what can change on a running VCH: its limits, debug level and
// syslog server. Sent as a merge patch of the fields changed.
@Component({
  selector: 'vic-configure-vch',
  imports: [FormsModule, FieldComponent, TaskProgressComponent],
  template: `
    <div class="vic-page">
      <h3>Configure {{ vch.name }}</h3>
      @if (!uri()) {
        <form class="clr-form clr-form-horizontal" (submit)="$event.preventDefault()">
          <vic-field label="CPU limit (MHz)" for="cpu-limit" [error]="problem('cpu', 'compute.cpu.limit', 'The CPU limit')">
            <input id="cpu-limit" name="cpu" class="clr-input" [(ngModel)]="cpu" />
          </vic-field>
          <vic-field label="Memory limit (MB)" for="memory-limit" [error]="problem('memory', 'compute.memory.limit', 'The memory limit')">
            <input id="memory-limit" name="memory" class="clr-input" [(ngModel)]="memory" />
          </vic-field>
          <vic-field label="Debug level" for="debug">
            <div class="clr-select-wrapper"><select id="debug" name="debug" class="clr-select" [(ngModel)]="debug">
              <option [ngValue]="0">0</option><option [ngValue]="1">1</option>
              <option [ngValue]="2">2</option><option [ngValue]="3">3</option>
            </select></div>
          </vic-field>
          <vic-field label="Syslog server" for="syslog-host" [error]="problem('syslog', 'syslog_addr', 'The syslog address')">
            <div class="clr-select-wrapper"><select id="syslog-transport" name="transport" class="clr-select" aria-label="Syslog transport" [(ngModel)]="transport">
              <option value="tcp">tcp</option><option value="udp">udp</option>
            </select></div>
            <input id="syslog-host" name="host" class="clr-input" aria-label="Syslog host" [(ngModel)]="host" />
            <input id="syslog-port" name="port" class="clr-input" aria-label="Syslog port" size="6" [(ngModel)]="syslogPort" />
          </vic-field>
        </form>
        @if (error()) {
          <p class="vic-error" role="alert">{{ error() }}</p>
        }
        <button class="btn btn-outline" (click)="close()">Cancel</button>
        <button class="btn btn-primary" [disabled]="!loaded()" (click)="save()">Save</button>
      } @else {
        <vic-task-progress [uri]="uri()" (finished)="finished($event)" />
        @if (failed()) {
          <button class="btn btn-outline" (click)="close()">Close</button>
        }
      }
    </div>
  `,
  styles: ['.vic-error { color: var(--cds-alias-status-danger, #c21d00); }'],
})
export class ConfigureVchComponent implements OnInit {
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  readonly vch = vchParams(inject(ActivatedRoute));
  readonly loaded = signal(false);
  readonly error = signal('');
  readonly uri = signal('');
  readonly failed = signal(false);
  issues: Issue[] = [];
  tried = false;
  cpu = 'Unlimited';
  memory = 'Unlimited';
  debug = 0;
  transport = 'tcp';
  host = '';
  syslogPort = '';
  private original: Record<string, unknown> = {};

  async ngOnInit(): Promise<void> {
    try {
      const v = (await this.api.vch(this.vch.id)) as Record<string, any>;
      const cpu = v['compute']?.['cpu']?.['limit'] as Quantity | undefined;
      const memory = v['compute']?.['memory']?.['limit'] as Quantity | undefined;
      this.cpu = cpu ? String(cpu.value) : 'Unlimited';
      this.memory = memory ? String(memory.value) : 'Unlimited';
      this.debug = v['debug'] ?? 0;
      const syslog = /^(tcp|udp):\/\/([^:]+)(?::(\d+))?$/.exec(v['syslog_addr'] ?? '');
      if (syslog) [, this.transport, this.host, this.syslogPort] = [syslog[0], syslog[1], syslog[2], syslog[3] ?? ''];
      this.original = this.patch();
      this.loaded.set(true);
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  problem(field: 'cpu' | 'memory' | 'syslog', path: string, label: string): string {
    const own =
      field === 'cpu'
        ? limit(this.cpu, 'CPU limit', 'MHz')
        : field === 'memory'
          ? limit(this.memory, 'Memory limit', 'MB')
          : (this.host && !isHost(this.host) ? 'Syslog host is not a valid IP address or FQDN' : '') || port(this.syslogPort);
    return (this.tried && own) || messageFor(this.issues, path, label);
  }

  private patch(): Record<string, unknown> {
    const quantity = (v: string, units: string) => (/^unlimited$/i.test(v.trim()) ? null : { value: Number(v), units });
    return {
      compute: { cpu: { limit: quantity(this.cpu, 'MHz') }, memory: { limit: quantity(this.memory, 'MiB') } },
      debug: this.debug,
      syslog_addr: this.host ? `${this.transport}://${this.host}${this.syslogPort ? ':' + this.syslogPort : ''}` : null,
    };
  }

  async save(): Promise<void> {
    this.tried = true;
    if (this.problem('cpu', '', '') || this.problem('memory', '', '') || this.problem('syslog', '', '')) return;
    const patch = this.patch();
    if (JSON.stringify(patch) === JSON.stringify(this.original)) {
      void this.sdk.closeModal();
      return;
    }
    try {
      this.uri.set((await this.api.reconfigure(this.vch.id, patch)).task);
    } catch (e) {
      this.issues = e instanceof ApiError ? e.issues : [];
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  finished(task: Task): void {
    if (task.state === 'succeeded') void this.sdk.closeModal(`${this.vch.name} was reconfigured.`);
    else this.failed.set(true);
  }

  close(): void {
    void this.sdk.closeModal();
  }
}
