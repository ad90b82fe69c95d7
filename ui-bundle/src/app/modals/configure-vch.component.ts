import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { ClrAlertModule, ClrCheckboxModule, ClrFormsModule } from '@clr/angular';

import { ApiError } from '../api/api-error';
import { Datastore, Issue, Network, Task } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { ClientBundleOfferComponent } from '../shared/client-bundle-offer.component';
import { debugLevels } from '../shared/debug-levels';
import { certificatesUri } from '../shared/download';
import { PemFile } from '../wizard/wizard-state';
import { FieldComponent } from '../shared/field.component';
import { HelpLinkComponent } from '../shared/help-link.component';
import { messageFor, under } from '../shared/issues';
import { markFromServer } from '../shared/control-rules';
import { dialogVch, vchParams } from '../shared/modal-params';
import { TaskProgressComponent } from '../shared/task-progress.component';
import { PemListComponent } from '../shared/pem-list.component';
import { readPem } from '../wizard/steps/pem-files';
import { ConfigureForm, formOf, patchOf, restartsEndpoint } from './configure/configure-form';
import { configureProblems } from './configure/configure-rules';
import { aria } from '../shared/aria-labels';

type Json = Record<string, any>;

// Changing a running VCH: what 1.5's vic-machine configure could change and
// the engine supports, sent as a merge patch of what changed. A change the
// endpoint only reads when it starts is announced before it is saved.
@Component({
  selector: 'vic-configure-vch',
  imports: [
    FormsModule,
    ClrAlertModule,
    ClrCheckboxModule,
    ClrFormsModule,
    FieldComponent,
    PemListComponent,
    TaskProgressComponent,
    ClientBundleOfferComponent,
    HelpLinkComponent,
  ],
  templateUrl: './configure/configure-vch.component.html',
  styles: [
    '.vic-error { color: var(--cds-alias-status-danger, #c21d00); }',
    '.vic-configure form { max-height: calc(100vh - 12rem); overflow: auto; padding-right: 0.5rem; }',
    '.vic-configure h4 { margin-top: 1rem; }',
    '.vic-buttons { margin-top: 0.75rem; }',
  ],
})
export class ConfigureVchComponent implements OnInit {
  readonly aria = aria;
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  private readonly destroyRef = inject(DestroyRef);
  readonly vch = vchParams(inject(ActivatedRoute));
  readonly debugLevels = debugLevels();
  readonly loaded = signal(false);
  readonly error = signal('');
  readonly uri = signal('');
  readonly failed = signal(false);
  readonly bundleUri = signal('');
  readonly dockerHost = signal<string | undefined>(undefined);
  readonly datastores = signal<Datastore[]>([]);
  readonly networks = signal<Network[]>([]);
  // Bumped on every edit, so that what depends on the form is recomputed.
  readonly edits = signal(0);
  readonly restarts = computed(() => {
    this.edits();
    return this.running && restartsEndpoint(this.patch());
  });
  form!: ConfigureForm;
  // The registry certificates as the shared PEM list edits them.
  readonly registryCas = new FormControl<PemFile[]>([], { nonNullable: true });
  issues: Issue[] = [];
  tried = false;
  // A server certificate or key file that holds no PEM, by field.
  readonly fileProblem: Record<string, string> = {};
  private before!: ConfigureForm;
  current: Json = {};
  private running = false;
  private datacenter = '';

  async ngOnInit(): Promise<void> {
    try {
      const item = await dialogVch(this.vch, this.sdk, this.api);
      const v = (await this.api.vch(this.vch.id)) as Json;
      this.current = v;
      this.running = item.power_state === 'poweredOn';
      this.datacenter = item.datacenter ?? '';
      this.dockerHost.set(item.docker_host);
      this.form = formOf(v);
      this.before = formOf(v);
      this.registryCas.setValue(this.form.registryCas, { emitEvent: false });
      this.registryCas.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((files) => {
        this.form.registryCas = files;
        this.edited();
      });
      this.loaded.set(true);
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  // The stores and networks there are now, for the lists above what is added.
  existingStores(): Json[] {
    return this.current['storage']?.['volume_stores'] ?? [];
  }
  existingNetworks(): Json[] {
    return this.current['network']?.['container'] ?? [];
  }
  generated(): boolean {
    return !!this.current['auth']?.['server']?.['generate'] || !this.current['auth']?.['server']?.['certificate'];
  }
  clientVerified(): boolean {
    return !this.current['auth']?.['client']?.['no_tls_verify'] && !this.current['auth']?.['no_tls'];
  }

  edited(): void {
    this.edits.update((n) => n + 1);
    this.issues = [];
  }

  problem(id: string, path = '', label = ''): string {
    const own = configureProblems(this.form, !!this.before.opsUser)[id] ?? '';
    return (this.tried && own) || (path ? messageFor(this.issues, path, label) : '');
  }

  // Issues no field shows, said in the alert under the form.
  others(): Issue[] {
    const placed = ['compute', 'network', 'storage', 'registry', 'endpoint', 'auth', 'debug', 'syslog_addr'];
    return this.issues.filter((i) => !placed.some((p) => under(i, p)) || i.code === 'conflict');
  }

  async addStore(): Promise<void> {
    this.form.addedStores.push({ datastore: '', folder: '', label: '' });
    this.edited();
    if (!this.datastores().length) this.datastores.set(await this.picker((dc, cr) => this.api.datastores(dc, cr)));
  }

  async addNetwork(): Promise<void> {
    this.form.addedNetworks.push({ portGroup: '', alias: '' });
    this.edited();
    if (!this.networks().length) {
      const all = await this.picker((dc, cr) => this.api.networks(dc, cr));
      const used = new Set(this.usedPortGroups());
      this.networks.set(all.filter((n) => n.kind !== 'standard' && !used.has(n.name)));
    }
  }

  private usedPortGroups(): string[] {
    const n = this.current['network'] ?? {};
    return [n['bridge'], n['public'], n['client'], n['management'], ...(n['container'] ?? [])]
      .filter((x) => x)
      .map((x: Json) => x['port_group']?.['name'] ?? '');
  }

  private async picker<T>(load: (dc: string, compute: string) => Promise<T[]>): Promise<T[]> {
    try {
      return await load(this.datacenter, this.current['compute']?.['resource']?.['id'] ?? '');
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
      return [];
    }
  }

  async setServer(event: Event, kind: 'CERTIFICATE' | 'PRIVATE KEY'): Promise<void> {
    const { file, problem } = await readPem(event, kind);
    this.fileProblem[kind === 'CERTIFICATE' ? 'server-cert' : 'server-key'] = problem;
    if (kind === 'CERTIFICATE') this.form.serverCert = file;
    else this.form.serverKey = file;
    this.edited();
  }

  patch(): Json {
    return this.loaded() ? patchOf(this.form, this.before, this.current) : {};
  }

  async save(): Promise<void> {
    this.tried = true;
    this.edits.update((n) => n + 1);
    if (Object.values(configureProblems(this.form, !!this.before.opsUser)).some((p) => p)) return;
    const patch = this.patch();
    if (!Object.keys(patch).length) {
      void this.sdk.closeModal();
      return;
    }
    this.error.set('');
    try {
      this.uri.set((await this.api.reconfigure(this.vch.id, patch)).task);
    } catch (e) {
      this.issues = e instanceof ApiError ? e.issues : [];
      markFromServer(this.registryCas, messageFor(this.issues, 'registry.certificate_authorities', 'The registry certificate'));
      this.error.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  finished(task: Task): void {
    if (task.state !== 'succeeded') this.failed.set(true);
    else if (task.result?.client_certificates) this.bundleUri.set(certificatesUri(task.uri));
    else this.done();
  }

  done(): void {
    void this.sdk.closeModal($localize`${this.vch.name}:name: was reconfigured.`);
  }

  close(): void {
    void this.sdk.closeModal();
  }
}
