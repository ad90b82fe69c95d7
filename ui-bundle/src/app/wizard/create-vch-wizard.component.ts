import { Component, DestroyRef, HostListener, OnInit, QueryList, ViewChild, ViewChildren, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ClrAlertModule, ClrWizard, ClrWizardModule, ClrWizardPage } from '@clr/angular';
import { lastValueFrom, map, take, takeWhile, tap, timer } from 'rxjs';

import { ApiError } from '../api/api-error';
import { ConnectionService } from '../api/connection.service';
import { Issue, Task, VchListItem } from '../api/models';
import { VicApiService } from '../api/vic-api.service';
import { morefOf } from '../sdk/client-sdk';
import { ClientSdkService } from '../sdk/client-sdk.service';
import { ClientBundleOfferComponent } from '../shared/client-bundle-offer.component';
import { HelpLinkComponent } from '../shared/help-link.component';
import { certificatesUri } from '../shared/download';
import { follow } from '../shared/follow';
import { TaskProgressComponent } from '../shared/task-progress.component';
import { ComputeStepComponent } from './steps/compute-step.component';
import { GeneralStepComponent } from './steps/general-step.component';
import { NetworksStepComponent } from './steps/networks-step.component';
import { OperationsStepComponent } from './steps/operations-step.component';
import { RegistryStepComponent } from './steps/registry-step.component';
import { SecurityStepComponent } from './steps/security-step.component';
import { StepBase } from './steps/step-base';
import { StorageStepComponent } from './steps/storage-step.component';
import { SummaryStepComponent } from './steps/summary-step.component';
import { vchBody } from './vch-body';
import { wizardForm, wizardValue } from './wizard-form';
import { STEP_PATHS } from './wizard-state';
import { under } from '../shared/issues';

type Step = 'general' | 'compute' | 'storage' | 'networks' | 'security' | 'registry' | 'operations';
const STEPS: Step[] = ['general', 'compute', 'storage', 'networks', 'security', 'registry', 'operations'];

// The Create Virtual Container Host wizard: eight steps, each checked by the
// appliance on Next, a review, then the creation followed step by step until
// the VCH is in the list.
@Component({
  selector: 'vic-create-vch-wizard',
  imports: [
    ClrWizardModule,
    ClrAlertModule,
    TaskProgressComponent,
    ClientBundleOfferComponent,
    HelpLinkComponent,
    GeneralStepComponent,
    ComputeStepComponent,
    StorageStepComponent,
    NetworksStepComponent,
    SecurityStepComponent,
    RegistryStepComponent,
    OperationsStepComponent,
    SummaryStepComponent,
  ],
  template: `
    <clr-wizard #wizard [clrWizardOpen]="true" [clrWizardClosable]="false" clrWizardSize="xl"
                class="clr-wizard--inline clr-wizard--no-shadow" [clrWizardForceForwardNavigation]="true"
                [clrWizardPreventDefaultCancel]="true" (clrWizardOnCancel)="cancel()"
                clrWizardStepnavAriaLabel="Create Virtual Container Host steps" i18n-clrWizardStepnavAriaLabel>
      <clr-wizard-title i18n>Create Virtual Container Host</clr-wizard-title>
      <clr-wizard-button [type]="'cancel'" [clrWizardButtonDisabled]="!!taskUri() && !failed()" i18n>Cancel</clr-wizard-button>
      <clr-wizard-button [type]="'previous'" [clrWizardButtonDisabled]="!!taskUri()" i18n>Back</clr-wizard-button>
      <clr-wizard-button [type]="'next'" i18n>Next</clr-wizard-button>
      <clr-wizard-button [type]="'finish'" [clrWizardButtonDisabled]="!!taskUri()" i18n>Finish</clr-wizard-button>

      @if (loadError()) {
        <clr-alert clrAlertType="danger" [clrAlertClosable]="false">
          <clr-alert-item><span class="alert-text" role="alert">{{ loadError() }}</span></clr-alert-item>
        </clr-alert>
      }

      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('general')"
                       [clrWizardPageNextDisabled]="checking()">
        <ng-template clrPageTitle><ng-container i18n>General settings</ng-container><vic-help-link topic="general" label="General settings" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>General</ng-container></ng-template>
        <vic-general-step #general [form]="form.controls.general" [issues]="issuesOf('general')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('compute')"
                       [clrWizardPageNextDisabled]="checking()">
        <ng-template clrPageTitle><ng-container i18n>Compute capacity</ng-container><vic-help-link topic="compute" label="Compute capacity" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Compute Capacity</ng-container></ng-template>
        <vic-compute-step #compute [form]="form.controls.compute" [issues]="issuesOf('compute')"
                          (recheck)="commit('compute')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('storage')"
                       [clrWizardPageNextDisabled]="checking()" (clrWizardPageOnLoad)="storage?.load()">
        <ng-template clrPageTitle><ng-container i18n>Storage capacity</ng-container><vic-help-link topic="storage" label="Storage capacity" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Storage Capacity</ng-container></ng-template>
        <vic-storage-step #storage [form]="form.controls.storage" [compute]="form.controls.compute" [issues]="issuesOf('storage')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('networks')"
                       [clrWizardPageNextDisabled]="checking()" (clrWizardPageOnLoad)="networks?.load()">
        <ng-template clrPageTitle><ng-container i18n>Configure networks</ng-container><vic-help-link topic="networks" label="Configure networks" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Networks</ng-container></ng-template>
        <vic-networks-step #networks [form]="form.controls.networks" [compute]="form.controls.compute" [issues]="issuesOf('networks')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('security')"
                       [clrWizardPageNextDisabled]="checking()">
        <ng-template clrPageTitle><ng-container i18n>Security</ng-container><vic-help-link topic="security" label="Security" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Security</ng-container></ng-template>
        <vic-security-step #security [form]="form.controls.security" [vchName]="value().general.name" [issues]="issuesOf('security')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('registry')"
                       [clrWizardPageNextDisabled]="checking()">
        <ng-template clrPageTitle><ng-container i18n>Registry access</ng-container><vic-help-link topic="registry" label="Registry access" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Registry Access</ng-container></ng-template>
        <vic-registry-step #registry [form]="form.controls.registry" [issues]="issuesOf('registry')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="commit('operations')"
                       [clrWizardPageNextDisabled]="checking()">
        <ng-template clrPageTitle><ng-container i18n>Operations user</ng-container><vic-help-link topic="operations" label="Operations user" i18n-label /></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Operations User</ng-container></ng-template>
        <vic-operations-step #operations [form]="form.controls.operations" [issues]="issuesOf('operations')" />
      </clr-wizard-page>
      <clr-wizard-page [clrWizardPagePreventDefaultNext]="true" (clrWizardPageOnCommit)="finish()"
                       [clrWizardPageNextDisabled]="checking() || !!taskUri()">
        <ng-template clrPageTitle><ng-container i18n>Summary</ng-container></ng-template>
        <ng-template clrPageNavTitle><ng-container i18n>Summary</ng-container></ng-template>
        @if (!taskUri()) {
          <vic-summary-step [state]="value()" [target]="target()" [thumbprint]="thumbprint()" [user]="user()" />
          @for (i of finalIssues(); track i.path + i.message) {
            <p class="vic-step-issue" role="alert">{{ i.path }}: {{ i.message }}</p>
          }
        } @else {
          <h4 i18n>Creating {{ value().general.name }}</h4>
          <vic-task-progress [uri]="taskUri()" (finished)="created($event)" />
          @if (outcome()) {
            <p role="status">{{ outcome() }}</p>
          }
          @if (bundleUri()) {
            <vic-client-bundle-offer [uri]="bundleUri()" [vchName]="value().general.name" [dockerHost]="dockerHost()"
                                     (closed)="close()" />
          }
        }
      </clr-wizard-page>
    </clr-wizard>
    @if (checking()) {
      <span class="vic-hidden" role="status" i18n>Checking with the appliance…</span>
    }
  `,
  styles: ['.vic-step-issue { color: var(--cds-alias-status-danger, #c21d00); }', '.vic-hidden { position: absolute; left: -9999px; }'],
})
export class CreateVchWizardComponent implements OnInit {
  private readonly api = inject(VicApiService);
  private readonly sdk = inject(ClientSdkService);
  private readonly connection = inject(ConnectionService);
  private readonly destroyRef = inject(DestroyRef);
  @ViewChild('wizard') wizard!: ClrWizard;
  @ViewChildren(ClrWizardPage) pages!: QueryList<ClrWizardPage>;
  @ViewChild('general') general?: GeneralStepComponent;
  @ViewChild('compute') compute?: ComputeStepComponent;
  @ViewChild('storage') storage?: StorageStepComponent;
  @ViewChild('networks') networks?: NetworksStepComponent;
  @ViewChild('security') security?: SecurityStepComponent;
  @ViewChild('registry') registry?: RegistryStepComponent;
  @ViewChild('operations') operations?: OperationsStepComponent;

  readonly form = wizardForm();
  // The form's raw value, for the Summary, the request and the names shown.
  readonly value = toSignal(this.form.valueChanges.pipe(map(() => wizardValue(this.form))), {
    initialValue: wizardValue(this.form),
  });
  issues: Record<string, Issue[]> = {};
  readonly checking = signal(false);
  readonly loadError = signal('');
  readonly finalIssues = signal<Issue[]>([]);
  readonly taskUri = signal('');
  readonly failed = signal(false);
  readonly outcome = signal('');
  readonly target = signal('');
  readonly thumbprint = signal('');
  readonly user = signal('');
  readonly bundleUri = signal('');
  readonly dockerHost = signal<string | undefined>(undefined);

  async ngOnInit(): Promise<void> {
    try {
      const c = await this.connection.get();
      this.target.set(c.target);
      this.thumbprint.set(c.thumbprint);
      // For the Summary's vic-machine line; without it the line still shows.
      void this.api.session().then((s) => this.user.set(s.user)).catch(() => undefined);
      // Opened on a cluster, host or resource pool: start from it.
      const [context] = await this.sdk.contextObjects();
      const ref = context ? morefOf(context.id) : undefined;
      if (ref) this.preselect(ref.type, ref.value);
    } catch (e) {
      this.loadError.set(e instanceof ApiError ? e.message : String(e));
    }
  }

  // Once the Compute step has its datacenter's tree (for up to 5 s).
  private preselect(type: string, value: string): void {
    timer(0, 250)
      .pipe(
        take(21),
        takeWhile(() => !this.form.controls.compute.controls.resourceId.value),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => {
        if (this.compute && this.form.controls.compute.controls.datacenter.value) this.compute.preselect(type, value);
      });
  }

  issuesOf(name: Step): Issue[] {
    return this.issues[name] ?? [];
  }

  private step(name: Step): StepBase | undefined {
    return { general: this.general, compute: this.compute, storage: this.storage, networks: this.networks,
      security: this.security, registry: this.registry, operations: this.operations }[name];
  }

  // Next: the rules first, then the appliance's own check of this step's
  // fields (a name taken, a datastore gone, credentials vCenter refuses).
  async commit(name: Step): Promise<void> {
    const step = this.step(name);
    if (!step || !step.valid()) return;
    this.checking.set(true);
    try {
      const state = wizardValue(this.form);
      const result = await this.api.validate(state.compute.datacenter, vchBody(state), STEP_PATHS[name]);
      this.issues[name] = result.issues;
      if (result.valid) this.wizard.forceNext();
    } catch (e) {
      this.issues[name] = [{ path: '', message: e instanceof ApiError ? e.message : String(e) }];
    } finally {
      this.checking.set(false);
    }
  }

  // Enter in a field moves on, as Next does (with its checks); not in a
  // text area, on a button, or on the Summary, where Finish stays a click.
  @HostListener('keydown.enter', ['$event'])
  onEnter(event: Event): void {
    const target = event.target as HTMLElement;
    if (!target.matches('input, select') || !this.wizard || this.wizard.isLast || this.taskUri()) return;
    event.preventDefault();
    this.wizard.next(false);
  }

  // What the appliance refuses at Finish belongs to a step: the wizard goes
  // back to it, and it and every step after it are not done any more.
  private reopen(issues: Issue[]): boolean {
    const first = STEPS.findIndex((s) => issues.some((i) => STEP_PATHS[s].some((p) => under(i, p))));
    if (first < 0) return false;
    for (const s of STEPS) this.issues[s] = issues.filter((i) => STEP_PATHS[s].some((p) => under(i, p)));
    const page = this.pages.toArray()[first].id;
    // Once the check is over: while it runs no page counts as complete, and
    // Clarity refuses to move. Going back with forward-only navigation marks
    // the pages passed over as not done.
    setTimeout(() => this.wizard.goTo(page), 0);
    return true;
  }

  async finish(): Promise<void> {
    this.checking.set(true);
    this.finalIssues.set([]);
    try {
      const state = wizardValue(this.form);
      const body = vchBody(state);
      const result = await this.api.validate(state.compute.datacenter, body, []);
      if (!result.valid) {
        if (!this.reopen(result.issues)) this.finalIssues.set(result.issues);
        return;
      }
      this.taskUri.set((await this.api.createIn(state.compute.datacenter, body)).task);
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues : [];
      if (issues.length && this.reopen(issues)) return;
      this.finalIssues.set(issues.length ? issues : [{ path: 'create', message: e instanceof ApiError ? e.message : String(e) }]);
    } finally {
      this.checking.set(false);
    }
  }

  // The task has ended: once the VCH shows in the list, the wizard closes.
  async created(task: Task): Promise<void> {
    if (task.state !== 'succeeded') {
      this.failed.set(true);
      this.outcome.set(
        task.rollback === 'complete'
          ? $localize`The creation failed: ${task.error}:error:. Everything it made was removed.`
          : $localize`The creation failed: ${task.error}:error:.`,
      );
      return;
    }
    // With a generated client certificate the wizard stays open: it is the
    // one place the administrator is sure to see that it must be collected.
    const bundle = !!task.result?.client_certificates;
    if (bundle) this.bundleUri.set(certificatesUri(task.uri));
    const name = this.value().general.name;
    this.outcome.set(bundle ? $localize`${name}:name: was created.` : $localize`${name}:name: was created; waiting for it in the list…`);
    const listed = (vchs?: VchListItem[]) => vchs?.find((v) => v.id === task.vch_id);
    // With a bundle to hand out, the docker line waits (up to 30 s) for the
    // address the endpoint reports once it has started.
    await lastValueFrom(
      follow(() => this.api.vchs(), 500, (vchs) => {
        const v = listed(vchs);
        return !!v && (!bundle || !!v.docker_host);
      }).pipe(
        take(60),
        tap((r) => {
          const v = listed(r.value);
          if (v) this.dockerHost.set(v.docker_host);
        }),
        takeUntilDestroyed(this.destroyRef),
      ),
      { defaultValue: undefined },
    );
    if (!bundle) await this.close();
  }

  async close(): Promise<void> {
    await this.sdk.closeModal($localize`${this.value().general.name}:name: was created.`);
  }

  cancel(): void {
    void this.sdk.closeModal();
  }
}
