import { Component, Input, computed, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { splitList } from '../field-rules';
import { Os, cliCommand } from '../cli-command';
import { WizardState } from '../wizard-state';

interface Row {
  label: string;
  value: string;
}

// The review step: everything chosen, and the vic-machine command that
// would create the same VCH.
@Component({
  selector: 'vic-summary-step',
  imports: [FormsModule],
  template: `
    @for (section of sections(); track section.title) {
      <section class="vic-summary" [attr.aria-label]="section.title">
        <h4>{{ section.title }}</h4>
        <dl>
          @for (row of section.rows; track row.label) {
            <dt>{{ row.label }}</dt>
            <dd [attr.data-summary]="row.label">{{ row.value }}</dd>
          }
        </dl>
      </section>
    }
    <section aria-label="Command line">
      <h4>Copy the CLI command</h4>
      <label for="cli-os">Operating system</label>
      <div class="clr-select-wrapper"><select id="cli-os" class="clr-select" [ngModel]="os()" (ngModelChange)="os.set($event)">
        <option value="linux">Linux</option>
        <option value="macos">macOS</option>
        <option value="windows">Windows</option>
      </select></div>
      <button type="button" class="btn btn-sm btn-outline" (click)="copy()">Copy</button>
      <span role="status">{{ copied() }}</span>
      <textarea class="clr-textarea vic-mono" aria-label="vic-machine command" readonly rows="5">{{ command() }}</textarea>
    </section>
  `,
  styles: [
    '.vic-summary dl { display: grid; grid-template-columns: 14rem 1fr; gap: 0.15rem 1rem; margin: 0 0 0.6rem; }',
    '.vic-summary dd { margin: 0; word-break: break-all; }',
    'textarea { width: 100%; }',
  ],
})
export class SummaryStepComponent {
  @Input({ required: true }) set state(s: WizardState) {
    this.current.set(s);
  }
  @Input() target = '';
  @Input() thumbprint = '';
  @Input() user = '';
  private readonly current = signal<WizardState | undefined>(undefined);
  readonly os = signal<Os>(navigator.userAgent.includes('Windows') ? 'windows' : navigator.userAgent.includes('Mac') ? 'macos' : 'linux');
  readonly copied = signal('');

  // Recomputed whenever the wizard shows this step (the state object is
  // changed in place by the other steps).
  refresh(): void {
    const s = this.current();
    if (s) this.current.set({ ...s });
  }

  readonly command = computed(() => {
    const s = this.current();
    return s ? cliCommand(s, this.target, this.thumbprint, this.user, this.os()) : '';
  });

  readonly sections = computed(() => {
    const s = this.current();
    if (!s) return [];
    const unlimited = (v: string, unit: string) => (/^unlimited$/i.test(v) ? 'Unlimited' : `${v} ${unit}`);
    const role = (title: string, r: WizardState['networks']['public']): Row[] =>
      r.portGroup
        ? [
            { label: title, value: r.portGroup },
            { label: `${title} address`, value: r.static ? `${r.ip}, gateway ${r.gateway}` : 'DHCP' },
          ]
        : [];
    const g = s.general;
    const c = s.compute;
    const st = s.storage;
    const n = s.networks;
    const sec = s.security;
    const volumes = [...(st.anonymousVolumes ? [st.defaultVolume] : []), ...st.volumes].filter((v) => v.datastore);
    return [
      {
        title: 'General',
        rows: [
          { label: 'Name', value: g.name },
          { label: 'Container VM name template', value: g.namePrefix + g.nameToken + g.nameSuffix },
          { label: 'Debug', value: String(g.debug) },
          { label: 'Syslog', value: g.syslogHost ? `${g.syslogTransport}://${g.syslogHost}${g.syslogPort ? ':' + g.syslogPort : ''}` : '-' },
        ],
      },
      {
        title: 'Compute capacity',
        rows: [
          { label: 'Compute resource', value: c.resourceName },
          { label: 'CPU', value: unlimited(c.cpuLimit, 'MHz') + (c.advanced ? `, reservation ${c.cpuReservation} MHz, ${c.cpuShares} shares` : '') },
          { label: 'Memory', value: unlimited(c.memoryLimit, 'MB') + (c.advanced ? `, reservation ${c.memoryReservation} MB, ${c.memoryShares} shares` : '') },
          { label: 'Endpoint VM', value: c.advanced ? `${c.endpointCpus} CPU(s) / ${c.endpointMemory} MB` : '1 CPU(s) / 2048 MB' },
        ],
      },
      {
        title: 'Storage capacity',
        rows: [
          { label: 'Image datastore', value: st.imageDatastore + (st.imageFolder ? '/' + st.imageFolder.replace(/^\/+/, '') : '') },
          { label: 'Max container VM image size', value: `${st.baseImageSize} ${st.baseImageUnit === 'GiB' ? 'GB' : 'MB'}` },
          ...volumes.map((v, i) => ({ label: `Volume datastore ${i + 1}`, value: `${v.label}: ${v.datastore}${v.folder ? '/' + v.folder : ''}` })),
        ],
      },
      {
        title: 'Networks',
        rows: [
          { label: 'Bridge network', value: `${n.bridge}, ${n.bridgeRange}${n.bridgeWidth ? ', width ' + n.bridgeWidth : ''}` },
          ...role('Public network', n.public),
          { label: 'DNS servers', value: splitList(n.public.dns).join(', ') || (n.public.static ? '8.8.8.8, 8.8.4.4' : 'DHCP') },
          ...(n.advanced ? [...role('Client network', n.client), ...role('Management network', n.management)] : []),
          ...n.containers.filter((x) => x.portGroup).map((x, i) => ({ label: `Container network ${i + 1}`, value: `${x.label}: ${x.portGroup} (${x.firewall})` })),
        ],
      },
      {
        title: 'Security',
        rows: [
          { label: 'Client verification', value: sec.clientVerify ? (sec.clientCas.length ? sec.clientCas.map((f) => f.name).join(', ') : 'A CA and client certificate made for you') : 'Disabled' },
          { label: 'Server certificate', value: sec.serverSource === 'generate' ? `Generated for ${sec.cn || g.name}, ${sec.keySize} bits` : sec.serverCert?.name ?? '' },
        ],
      },
      {
        title: 'Registry access',
        rows: [
          { label: 'Registries', value: s.registry.whitelistMode ? s.registry.whitelist.filter((w) => w.address).map((w) => `${w.address} (${w.secure ? 'secure' : 'insecure'})`).join(', ') || '-' : 'All secure registries' + (s.registry.insecure.some((i) => i.host) ? '; insecure: ' + s.registry.insecure.filter((i) => i.host).map((i) => i.host + (i.port ? ':' + i.port : '')).join(', ') : '') },
        ],
      },
      { title: 'Operations user', rows: [{ label: 'Operations user', value: s.operations.user + (s.operations.grant ? ' (permissions granted)' : '') }] },
    ];
  });

  async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.command());
      this.copied.set('Copied to the clipboard');
    } catch {
      this.copied.set('Could not copy to the clipboard; select the text instead');
    }
    setTimeout(() => this.copied.set(''), 1500);
  }
}
