import { FormBuilder, FormGroup } from '@angular/forms';

import { applyRules } from '../shared/control-rules';
import { cidr, cidrList, ip, ipList, ipRange, isHost, label, limit, port, registry, vchName, wholeNumber } from './field-rules';
import { roleWords } from './network-words';
import { ContainerNetwork, NetworkRole, PemFile, VolumeStore, WizardState, initialState } from './wizard-state';

// The wizard's fields as one reactive form, a group per step, with the
// original's defaults (initialState) and each field's rule. The form's raw
// value is the WizardState the request body, the Summary and the
// vic-machine line are made from.

const fb = new FormBuilder().nonNullable;

type Step<K extends keyof WizardState> = ReturnType<(typeof build)[K]>;

const build = {
  general: (g: WizardState['general']) => fb.group({ ...g, nameToken: fb.control(g.nameToken), syslogTransport: fb.control(g.syslogTransport) }),
  compute: (c: WizardState['compute']) =>
    fb.group({
      ...c,
      cpuMaxMhz: fb.control<number | undefined>(c.cpuMaxMhz),
      memoryMaxMb: fb.control<number | undefined>(c.memoryMaxMb),
      cpuShares: fb.control(c.cpuShares),
      memoryShares: fb.control(c.memoryShares),
    }),
  storage: (s: WizardState['storage']) =>
    fb.group({
      ...s,
      baseImageUnit: fb.control(s.baseImageUnit),
      defaultVolume: volumeRow(s.defaultVolume),
      volumes: fb.array(s.volumes.map(volumeRow)),
    }),
  networks: (n: WizardState['networks']) =>
    fb.group({
      ...n,
      public: roleGroup(n.public),
      client: roleGroup(n.client),
      management: roleGroup(n.management),
      containers: fb.array(n.containers.map(containerNetworkRow)),
    }),
  security: (s: WizardState['security']) =>
    fb.group({
      ...s,
      clientCas: fb.control<PemFile[]>(s.clientCas),
      serverSource: fb.control(s.serverSource),
      serverCert: fb.control<PemFile | undefined>(s.serverCert),
      serverKey: fb.control<PemFile | undefined>(s.serverKey),
    }),
  registry: (r: WizardState['registry']) =>
    fb.group({
      whitelistMode: r.whitelistMode,
      insecure: fb.array(r.insecure.map(insecureRow)),
      whitelist: fb.array(r.whitelist.map(whitelistRow)),
      cas: fb.control<PemFile[]>(r.cas),
    }),
  operations: (o: WizardState['operations']) => fb.group(o),
};

export function volumeRow(v: VolumeStore = { datastore: '', folder: '', label: '' }) {
  return fb.group(v);
}

export function roleGroup(r: NetworkRole) {
  return fb.group(r);
}

export function containerNetworkRow(
  c: ContainerNetwork = { portGroup: '', mode: 'dhcp', range: '', gateway: '', dns: '', label: '', firewall: 'published' },
) {
  return fb.group({ ...c, mode: fb.control(c.mode), firewall: fb.control(c.firewall) });
}

export function insecureRow(r = { host: '', port: '' }) {
  return fb.group(r);
}

export function whitelistRow(w = { address: '', secure: true }) {
  return fb.group(w);
}

export type GeneralForm = Step<'general'>;
export type ComputeForm = Step<'compute'>;
export type StorageForm = Step<'storage'>;
export type NetworksForm = Step<'networks'>;
export type SecurityForm = Step<'security'>;
export type RegistryForm = Step<'registry'>;
export type OperationsForm = Step<'operations'>;
export type VolumeRow = ReturnType<typeof volumeRow>;
export type RoleGroup = ReturnType<typeof roleGroup>;
export type ContainerNetworkRow = ReturnType<typeof containerNetworkRow>;
export type InsecureRow = ReturnType<typeof insecureRow>;
export type WhitelistRow = ReturnType<typeof whitelistRow>;

export function wizardForm(state: WizardState = initialState()) {
  const form = fb.group({
    general: build.general(state.general),
    compute: build.compute(state.compute),
    storage: build.storage(state.storage),
    networks: build.networks(state.networks),
    security: build.security(state.security),
    registry: build.registry(state.registry),
    operations: build.operations(state.operations),
  });
  const c = form.controls;
  generalRules(c.general);
  computeRules(c.compute);
  storageRules(c.storage);
  networksRules(c.networks);
  securityRules(c.security);
  registryRules(c.registry);
  operationsRules(c.operations);
  form.updateValueAndValidity();
  return form;
}
export type WizardForm = ReturnType<typeof wizardForm>;

export function wizardValue(form: WizardForm): WizardState {
  const v = form.getRawValue();
  // A control holds null where the state has nothing: no known maximum, no file chosen.
  const c = v.compute;
  const s = v.security;
  return {
    ...v,
    compute: { ...c, cpuMaxMhz: c.cpuMaxMhz ?? undefined, memoryMaxMb: c.memoryMaxMb ?? undefined },
    security: { ...s, serverCert: s.serverCert ?? undefined, serverKey: s.serverKey ?? undefined },
  };
}

// The rules of each step, given once the step's rows exist; rows added later
// get theirs from the same functions.
type V<F extends FormGroup> = ReturnType<F['getRawValue']>;

export function generalRules(g: GeneralForm): void {
  applyRules<V<GeneralForm>, V<GeneralForm>>(g, g, {
    name: (v) => vchName(v.name),
    // Host and port make one address; either's problem is the address's.
    syslogHost: (v) =>
      (v.syslogHost && !isHost(v.syslogHost) ? $localize`Syslog host is not a valid IP address or FQDN` : '') || port(v.syslogPort),
  });
}

export function computeRules(c: ComputeForm): void {
  const advanced = (v: V<ComputeForm>, rule: () => string) => (v.advanced ? rule() : '');
  applyRules<V<ComputeForm>, V<ComputeForm>>(c, c, {
    resourceId: (v) => (v.resourceId ? '' : $localize`Please choose a valid compute resource`),
    cpuLimit: (v) => limit(v.cpuLimit, $localize`CPU limit`, 'MHz', v.cpuMaxMhz ?? undefined),
    memoryLimit: (v) => limit(v.memoryLimit, $localize`Memory limit`, 'MB', v.memoryMaxMb ?? undefined),
    cpuReservation: (v) => advanced(v, () => wholeNumber(v.cpuReservation, $localize`CPU reservation`)),
    memoryReservation: (v) => advanced(v, () => wholeNumber(v.memoryReservation, $localize`Memory reservation`)),
    endpointCpus: (v) => advanced(v, () => wholeNumber(v.endpointCpus, $localize`Endpoint VM CPUs`)),
    endpointMemory: (v) => advanced(v, () => wholeNumber(v.endpointMemory, $localize`Endpoint VM memory`)),
  });
}

export function storageRules(s: StorageForm): void {
  applyRules<V<StorageForm>, V<StorageForm>>(s, s, {
    imageDatastore: (v) => (v.imageDatastore ? '' : $localize`Image store should be selected`),
    baseImageSize: (v) => wholeNumber(v.baseImageSize, $localize`Image size`),
  });
  applyRules<VolumeStore, V<StorageForm>>(s.controls.defaultVolume, s, {
    datastore: (d, v) => (v.anonymousVolumes && !d.datastore ? $localize`Default volume datastore should be selected` : ''),
  });
  s.controls.volumes.controls.forEach((row) => volumeRules(row, s));
}

export function volumeRules(row: VolumeRow, s: StorageForm): void {
  // The name's problem shows on the row's datastore, where its label is.
  applyRules<VolumeStore, V<StorageForm>>(row, s, {
    datastore: (r) => (r.datastore ? label(r.label, $localize`Docker volume name`) : ''),
  });
}

export function networksRules(n: NetworksForm): void {
  const words = roleWords();
  applyRules<V<NetworksForm>, V<NetworksForm>>(n, n, {
    bridge: (v) => (v.bridge ? '' : $localize`Bridge network should be selected`),
    bridgeRange: (v) => cidr(v.bridgeRange, $localize`Bridge network range`),
    bridgeWidth: (v) => (v.bridgeWidth ? wholeNumber(v.bridgeWidth, $localize`Bridge network width`, 1, 30) : ''),
  });
  const role = (key: 'public' | 'client' | 'management', routing: boolean) =>
    applyRules<NetworkRole, V<NetworksForm>>(n.controls[key], n, {
      // The client and management networks count only while Advanced is open.
      portGroup: (r) => (key === 'public' && !r.portGroup ? $localize`Public network should be selected` : ''),
      ip: (r, v) => (r.portGroup && r.static && (key === 'public' || v.advanced) ? cidr(r.ip, words[key].cidr()) : ''),
      gateway: (r, v) => (r.portGroup && r.static && (key === 'public' || v.advanced) ? ip(r.gateway, words[key].gateway) : ''),
      routing: (r, v) => (routing && r.portGroup && r.static && v.advanced ? cidrList(r.routing, $localize`Routing destinations`) : ''),
      dns: (r) => (key === 'public' ? ipList(r.dns, $localize`DNS servers`, r.static) : ''),
    });
  role('public', false);
  role('client', true);
  role('management', true);
  n.controls.containers.controls.forEach((row) => containerNetworkRules(row, n));
}

export function containerNetworkRules(row: ContainerNetworkRow, n: NetworksForm): void {
  const used = (c: ContainerNetwork, v: V<NetworksForm>) => v.advanced && !!c.portGroup;
  const ranged = (c: ContainerNetwork, v: V<NetworksForm>) => used(c, v) && c.mode === 'range';
  applyRules<ContainerNetwork, V<NetworksForm>>(row, n, {
    // The label's problem shows on the row's port group, where its label is.
    portGroup: (c, v) => (used(c, v) ? label(c.label, $localize`Container network label`) : ''),
    range: (c, v) => (ranged(c, v) ? ipRange(c.range) : ''),
    gateway: (c, v) => (ranged(c, v) ? cidr(c.gateway, $localize`Container network gateway`) : ''),
    dns: (c, v) => (ranged(c, v) ? ipList(c.dns, $localize`Container network DNS`, true) : ''),
  });
}

export function securityRules(s: SecurityForm): void {
  const generate = (v: V<SecurityForm>) => v.serverSource === 'generate';
  applyRules<V<SecurityForm>, V<SecurityForm>>(s, s, {
    keySize: (v) => (generate(v) ? wholeNumber(v.keySize, $localize`Key size`, 1024, 8192) : ''),
    serverCert: (v) => (generate(v) || v.serverCert ? '' : $localize`A server certificate is required`),
    serverKey: (v) => (generate(v) || v.serverKey ? '' : $localize`The server private key is required`),
  });
}

export function registryRules(r: RegistryForm): void {
  r.controls.insecure.controls.forEach((row) => insecureRules(row, r));
  r.controls.whitelist.controls.forEach((row) => whitelistRules(row, r));
}

export function insecureRules(row: InsecureRow, r: RegistryForm): void {
  // The port's problem shows on the row's registry, where its label is.
  applyRules<{ host: string; port: string }, V<RegistryForm>>(row, r, {
    host: (x, v) => (v.whitelistMode ? '' : port(x.port)),
  });
}

export function whitelistRules(row: WhitelistRow, r: RegistryForm): void {
  // The first row is needed; a later one left empty is skipped.
  applyRules<{ address: string; secure: boolean }, V<RegistryForm>>(row, r, {
    address: (w, v) => (v.whitelistMode && (r.controls.whitelist.at(0) === row || w.address) ? registry(w.address) : ''),
  });
}

export function operationsRules(o: OperationsForm): void {
  applyRules<V<OperationsForm>, V<OperationsForm>>(o, o, {
    user: (v) => (v.user.trim() ? '' : $localize`Operations user cannot be empty`),
    password: (v) => (v.password ? '' : $localize`Operations user password cannot be empty`),
  });
}

// Rows added in a step come with their rules.
export const newRow = {
  volume: (s: StorageForm) => withRules(volumeRow(), (row) => volumeRules(row, s)),
  containerNetwork: (n: NetworksForm) => withRules(containerNetworkRow(), (row) => containerNetworkRules(row, n)),
  insecure: (r: RegistryForm) => withRules(insecureRow(), (row) => insecureRules(row, r)),
  whitelist: (r: RegistryForm) => withRules(whitelistRow(), (row) => whitelistRules(row, r)),
};

function withRules<R>(row: R, rules: (row: R) => void): R {
  rules(row);
  return row;
}
