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
    <section aria-label="Command line" i18n-aria-label>
      <h4 i18n>Copy the CLI command</h4>
      <label for="cli-os" i18n>Operating system</label>
      <div class="clr-select-wrapper"><select id="cli-os" class="clr-select" [ngModel]="os()" (ngModelChange)="os.set($event)">
        <option value="linux" i18n>Linux</option>
        <option value="macos">macOS</option>
        <option value="windows" i18n>Windows</option>
      </select></div>
      <button type="button" class="btn btn-sm btn-outline" (click)="copy()" i18n>Copy</button>
      <span role="status">{{ copied() }}</span>
      <textarea class="clr-textarea vic-mono" aria-label="vic-machine command" i18n-aria-label readonly rows="5">{{ command() }}</textarea>
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

  readonly command = computed(() => {
    const s = this.current();
    return s ? cliCommand(s, this.target, this.thumbprint, this.user, this.os()) : '';
  });

  readonly sections = computed(() => {
    const s = this.current();
    if (!s) return [];
    const unlimited = (v: string, unit: string) => (/^unlimited$/i.test(v) ? $localize`Unlimited` : `${v} ${unit}`);
    const role = (title: string, r: WizardState['networks']['public']): Row[] =>
      r.portGroup
        ? [
            { label: title, value: r.portGroup },
            { label: $localize`${title}:network: address`, value: r.static ? $localize`${r.ip}:address:, gateway ${r.gateway}:gateway:` : $localize`DHCP` },
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
        title: $localize`General`,
        rows: [
          { label: $localize`Name`, value: g.name },
          { label: $localize`Container VM name template`, value: g.namePrefix + g.nameToken + g.nameSuffix },
          { label: $localize`Debug`, value: String(g.debug) },
          { label: $localize`Syslog`, value: g.syslogHost ? `${g.syslogTransport}://${g.syslogHost}${g.syslogPort ? ':' + g.syslogPort : ''}` : '-' },
        ],
      },
      {
        title: $localize`Compute capacity`,
        rows: [
          { label: $localize`Compute resource`, value: c.resourceName },
          { label: $localize`CPU`, value: unlimited(c.cpuLimit, 'MHz') + (c.advanced ? $localize`, reservation ${c.cpuReservation}:reservation: MHz, ${c.cpuShares}:shares: shares` : '') },
          { label: $localize`Memory`, value: unlimited(c.memoryLimit, 'MB') + (c.advanced ? $localize`, reservation ${c.memoryReservation}:reservation: MB, ${c.memoryShares}:shares: shares` : '') },
          { label: $localize`Endpoint VM`, value: c.advanced ? $localize`${c.endpointCpus}:cpus: CPU(s) / ${c.endpointMemory}:memory: MB` : $localize`1 CPU(s) / 2048 MB` },
        ],
      },
      {
        title: $localize`Storage capacity`,
        rows: [
          { label: $localize`Image datastore`, value: st.imageDatastore + (st.imageFolder ? '/' + st.imageFolder.replace(/^\/+/, '') : '') },
          { label: $localize`Max container VM image size`, value: `${st.baseImageSize} ${st.baseImageUnit === 'GiB' ? 'GB' : 'MB'}` },
          ...volumes.map((v, i) => ({ label: $localize`Volume datastore ${i + 1}:number:`, value: `${v.label}: ${v.datastore}${v.folder ? '/' + v.folder : ''}` })),
        ],
      },
      {
        title: $localize`Networks`,
        rows: [
          { label: $localize`Bridge network`, value: `${n.bridge}, ${n.bridgeRange}${n.bridgeWidth ? $localize`, width ${n.bridgeWidth}:width:` : ''}` },
          ...role($localize`Public network`, n.public),
          { label: $localize`DNS servers`, value: splitList(n.public.dns).join(', ') || (n.public.static ? '8.8.8.8, 8.8.4.4' : $localize`DHCP`) },
          ...(n.advanced ? [...role($localize`Client network`, n.client), ...role($localize`Management network`, n.management)] : []),
          ...n.containers.filter((x) => x.portGroup).map((x, i) => ({ label: $localize`Container network ${i + 1}:number:`, value: `${x.label}: ${x.portGroup} (${x.firewall})` })),
        ],
      },
      {
        title: $localize`Security`,
        rows: [
          { label: $localize`Client verification`, value: sec.clientVerify ? (sec.clientCas.length ? sec.clientCas.map((f) => f.name).join(', ') : $localize`A CA and client certificate made for you`) : $localize`Disabled` },
          { label: $localize`Server certificate`, value: sec.serverSource === 'generate' ? $localize`Generated for ${sec.cn || g.name}:name:, ${sec.keySize}:bits: bits` : sec.serverCert?.name ?? '' },
        ],
      },
      {
        title: $localize`Registry access`,
        rows: [
          { label: $localize`Registries`, value: s.registry.whitelistMode ? s.registry.whitelist.filter((w) => w.address).map((w) => (w.secure ? $localize`${w.address}:address: (secure)` : $localize`${w.address}:address: (insecure)`)).join(', ') || '-' : $localize`All secure registries` + (s.registry.insecure.some((i) => i.host) ? $localize`; insecure: ` + s.registry.insecure.filter((i) => i.host).map((i) => i.host + (i.port ? ':' + i.port : '')).join(', ') : '') },
        ],
      },
      { title: $localize`Operations user`, rows: [{ label: $localize`Operations user`, value: s.operations.user + (s.operations.grant ? $localize` (permissions granted)` : '') }] },
    ];
  });

  async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.command());
      this.copied.set($localize`Copied to the clipboard`);
    } catch {
      this.copied.set($localize`Could not copy to the clipboard; select the text instead`);
    }
    setTimeout(() => this.copied.set(''), 1500);
  }
}
