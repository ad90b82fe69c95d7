import { folderPath } from '../../wizard/vch-body';
import { splitList } from '../../wizard/field-rules';
import { PemFile } from '../../wizard/wizard-state';

type Json = Record<string, any>;

export interface AddedStore {
  datastore: string; // its name
  folder: string;
  label: string;
}

export interface AddedNetwork {
  portGroup: string; // its name
  alias: string;
}

// What Configure shows and edits: everything a VCH's configure can change
// (1.5's vic-machine configure, as far as the engine goes).
export interface ConfigureForm {
  cpuLimit: string;
  cpuReservation: string;
  cpuShares: string; // low, normal, high, or a number of shares
  memoryLimit: string;
  memoryReservation: string;
  memoryShares: string;
  dns: string; // comma-separated
  debug: number;
  syslogTransport: string;
  syslogHost: string;
  syslogPort: string;
  insecure: string;
  whitelist: string;
  registryCas: PemFile[];
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  opsUser: string;
  opsPassword: string; // empty: unchanged
  renewServer: boolean;
  renewClient: boolean;
  serverCert?: PemFile;
  serverKey?: PemFile;
  addedStores: AddedStore[];
  addedNetworks: AddedNetwork[];
}

function text(q: { value: number } | undefined, none: string): string {
  return q ? String(q.value) : none;
}

function shares(s: { level?: string; number?: number } | undefined): string {
  return s?.number !== undefined ? String(s.number) : (s?.level ?? 'normal');
}

// The form as the VCH is now (`v`: the VCH as GET /vch/{id} gives it).
export function formOf(v: Json): ConfigureForm {
  const cpu = v['compute']?.['cpu'] ?? {};
  const memory = v['compute']?.['memory'] ?? {};
  const registry = v['registry'] ?? {};
  const proxy = registry['image_fetch_proxy'] ?? {};
  const syslog = /^(tcp|udp):\/\/([^:]+)(?::(\d+))?$/.exec(v['syslog_addr'] ?? '');
  return {
    cpuLimit: text(cpu['limit'], 'Unlimited'),
    cpuReservation: text(cpu['reservation'], '0'),
    cpuShares: shares(cpu['shares']),
    memoryLimit: text(memory['limit'], 'Unlimited'),
    memoryReservation: text(memory['reservation'], '0'),
    memoryShares: shares(memory['shares']),
    dns: (v['network']?.['public']?.['nameservers'] ?? []).join(', '),
    debug: v['debug'] ?? 0,
    syslogTransport: syslog?.[1] ?? 'tcp',
    syslogHost: syslog?.[2] ?? '',
    syslogPort: syslog?.[3] ?? '',
    insecure: (registry['insecure'] ?? []).join(', '),
    whitelist: (registry['whitelist'] ?? []).join(', '),
    registryCas: (registry['certificate_authorities'] ?? []).map((c: Json, i: number) => ({
      name: $localize`Certificate ${i + 1}:number:`,
      pem: c['pem'],
    })),
    httpProxy: proxy['http'] ?? '',
    httpsProxy: proxy['https'] ?? '',
    noProxy: (proxy['no_proxy'] ?? []).join(', '),
    opsUser: v['endpoint']?.['operations_credentials']?.['user'] ?? '',
    opsPassword: '',
    renewServer: false,
    renewClient: false,
    addedStores: [],
    addedNetworks: [],
  };
}

function quantity(value: string, units: string, none: string): Json | null {
  const s = value.trim();
  if (!s || s.toLowerCase() === none.toLowerCase()) return null;
  return { value: Number(s), units };
}

function sharesJson(v: string): Json {
  return /^\d+$/.test(v.trim()) ? { number: Number(v) } : { level: v };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// A merge patch (RFC 7386) of what `form` changes of `before` (the form as
// the VCH was) on the VCH `v`; {} when nothing changed.
export function patchOf(form: ConfigureForm, before: ConfigureForm, v: Json): Json {
  const patch: Json = {};
  const changed = (...keys: (keyof ConfigureForm)[]) => keys.some((k) => !same(form[k], before[k]));

  if (changed('cpuLimit', 'cpuReservation', 'cpuShares', 'memoryLimit', 'memoryReservation', 'memoryShares'))
    patch['compute'] = {
      cpu: {
        limit: quantity(form.cpuLimit, 'MHz', 'Unlimited'),
        reservation: quantity(form.cpuReservation, 'MHz', '0'),
        shares: sharesJson(form.cpuShares),
      },
      memory: {
        limit: quantity(form.memoryLimit, 'MiB', 'Unlimited'),
        reservation: quantity(form.memoryReservation, 'MiB', '0'),
        shares: sharesJson(form.memoryShares),
      },
    };

  const network: Json = {};
  if (changed('dns') && v['network']?.['public']) network['public'] = { nameservers: splitList(form.dns) };
  const networks = form.addedNetworks.filter((n) => n.portGroup);
  if (networks.length)
    network['container'] = [
      ...(v['network']?.['container'] ?? []),
      ...networks.map((n) => ({ port_group: { name: n.portGroup }, alias: n.alias.trim() })),
    ];
  if (Object.keys(network).length) patch['network'] = network;

  const stores = form.addedStores.filter((s) => s.datastore);
  if (stores.length)
    patch['storage'] = {
      volume_stores: [
        ...(v['storage']?.['volume_stores'] ?? []),
        ...stores.map((s) => ({ datastore: folderPath(s.datastore, s.folder), label: s.label.trim() })),
      ],
    };

  if (changed('insecure', 'whitelist', 'registryCas', 'httpProxy', 'httpsProxy', 'noProxy')) {
    const proxy: Json = {};
    if (form.httpProxy.trim()) proxy['http'] = form.httpProxy.trim();
    if (form.httpsProxy.trim()) proxy['https'] = form.httpsProxy.trim();
    if (splitList(form.noProxy).length) proxy['no_proxy'] = splitList(form.noProxy);
    patch['registry'] = {
      insecure: splitList(form.insecure),
      whitelist: splitList(form.whitelist),
      certificate_authorities: form.registryCas.map((c) => ({ pem: c.pem })),
      image_fetch_proxy: Object.keys(proxy).length ? proxy : null,
    };
  }

  if (changed('opsUser') || form.opsPassword) {
    const ops: Json = { user: form.opsUser.trim() };
    if (form.opsPassword) ops['password'] = form.opsPassword;
    patch['endpoint'] = { operations_credentials: ops };
  }

  const auth: Json = {};
  if (form.serverCert && form.serverKey) {
    auth['server'] = { certificate: { pem: form.serverCert.pem }, private_key: { pem: form.serverKey.pem } };
  } else if (form.renewServer) {
    // Without a certificate the engine generates one, as create did.
    auth['server'] = { certificate: null, generate: v['auth']?.['server']?.['generate'] ?? {} };
    // Without client CAs it makes a new CA and client certificate too.
    if (form.renewClient) auth['client'] = { certificate_authorities: null };
  }
  if (Object.keys(auth).length) patch['auth'] = auth;

  if (changed('debug')) patch['debug'] = form.debug;
  if (changed('syslogTransport', 'syslogHost', 'syslogPort'))
    patch['syslog_addr'] = form.syslogHost.trim()
      ? `${form.syslogTransport}://${form.syslogHost.trim()}${form.syslogPort ? ':' + form.syslogPort : ''}`
      : null;
  return patch;
}

// Whether applying `patch` restarts the endpoint VM: everything but the
// resource pool's settings is read by the endpoint when it starts.
export function restartsEndpoint(patch: Json): boolean {
  return Object.keys(patch).some((k) => k !== 'compute');
}
