import { splitList } from './field-rules';
import { WizardState } from './wizard-state';

export type Os = 'linux' | 'macos' | 'windows';

// Backslash-escapes what a shell would split or expand.
function quote(v: string, os: Os): string {
  if (os === 'windows') return /[\s"]/.test(v) ? `"${v.replace(/"/g, '\\"')}"` : v;
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

// The vic-machine command that creates the same VCH, for the Summary step.
// The operations password is left out on purpose; vic-machine asks for it.
export function cliCommand(s: WizardState, target: string, thumbprint: string, user: string, os: Os): string {
  const args: Array<[string, string?]> = [];
  const add = (flag: string, value?: string) => {
    if (value === undefined || value === '') return;
    args.push([flag, value]);
  };
  add('--target', target);
  add('--user', user);
  add('--thumbprint', thumbprint);
  const g = s.general;
  add('--name', g.name);
  if (g.debug) add('--debug', String(g.debug));
  if (g.syslogHost) add('--syslog-address', `${g.syslogTransport}://${g.syslogHost}${g.syslogPort ? ':' + g.syslogPort : ''}`);
  if (g.namePrefix || g.nameSuffix) add('--container-name-convention', g.namePrefix + g.nameToken + g.nameSuffix);
  const c = s.compute;
  add('--compute-resource', c.resourceName);
  if (!/^unlimited$/i.test(c.cpuLimit)) add('--cpu', c.cpuLimit);
  if (!/^unlimited$/i.test(c.memoryLimit)) add('--memory', c.memoryLimit);
  if (c.advanced) {
    add('--cpu-reservation', c.cpuReservation);
    add('--cpu-shares', c.cpuShares);
    add('--memory-reservation', c.memoryReservation);
    add('--memory-shares', c.memoryShares);
    add('--endpoint-cpu', c.endpointCpus);
    add('--endpoint-memory', c.endpointMemory);
    if (c.vmGroup) args.push(['--affinity-vm-group']);
  }
  const st = s.storage;
  add('--image-store', st.imageDatastore + (st.imageFolder ? '/' + st.imageFolder.replace(/^\/+/, '') : ''));
  add('--base-image-size', st.baseImageSize + (st.baseImageUnit === 'GiB' ? 'GB' : 'MB'));
  for (const v of [...(st.anonymousVolumes ? [st.defaultVolume] : []), ...st.volumes])
    if (v.datastore) add('--volume-store', `${v.datastore}${v.folder ? '/' + v.folder.replace(/^\/+/, '') : ''}:${v.label}`);
  const n = s.networks;
  add('--bridge-network', n.bridge);
  add('--bridge-network-range', n.bridgeRange);
  add('--bridge-network-width', n.bridgeWidth);
  add('--public-network', n.public.portGroup);
  if (n.public.static) {
    add('--public-network-ip', n.public.ip);
    add('--public-network-gateway', n.public.gateway);
  }
  for (const dns of splitList(n.public.dns)) add('--dns-server', dns);
  if (n.advanced) {
    for (const [name, r] of [['client', n.client], ['management', n.management]] as const) {
      add(`--${name}-network`, r.portGroup);
      if (r.portGroup && r.static) {
        add(`--${name}-network-ip`, r.ip);
        const routes = splitList(r.routing);
        add(`--${name}-network-gateway`, routes.length ? `${routes.join(',')}:${r.gateway}` : r.gateway);
      }
    }
  }
  for (const cn of n.containers) {
    if (!cn.portGroup) continue;
    add('--container-network', `${cn.portGroup}:${cn.label}`);
    if (cn.mode === 'range') {
      add('--container-network-ip-range', `${cn.portGroup}:${cn.range}`);
      add('--container-network-gateway', `${cn.portGroup}:${cn.gateway}`);
      for (const dns of splitList(cn.dns)) add('--container-network-dns', `${cn.portGroup}:${dns}`);
    }
    add('--container-network-firewall', `${cn.portGroup}:${cn.firewall}`);
  }
  add('--http-proxy', n.httpProxy);
  add('--https-proxy', n.httpsProxy);
  const sec = s.security;
  if (!sec.clientVerify) args.push(['--no-tlsverify']);
  for (const ca of sec.clientCas) add('--tls-ca', ca.name);
  if (sec.serverSource === 'existing') {
    add('--tls-server-cert', sec.serverCert?.name);
    add('--tls-server-key', sec.serverKey?.name);
  } else {
    add('--tls-cname', sec.cn || g.name);
    add('--organization', sec.organization);
    if (sec.keySize && sec.keySize !== '2048') add('--certificate-key-size', sec.keySize);
  }
  const r = s.registry;
  if (r.whitelistMode) {
    for (const w of r.whitelist) if (w.address) add(w.secure ? '--whitelist-registry' : '--insecure-registry', w.address);
  } else {
    for (const i of r.insecure) if (i.host) add('--insecure-registry', i.host + (i.port ? ':' + i.port : ''));
  }
  for (const ca of r.cas) add('--registry-ca', ca.name);
  add('--ops-user', s.operations.user);
  if (s.operations.grant) args.push(['--ops-grant-perms']);

  const program = os === 'windows' ? 'vic-machine-windows.exe' : `./vic-machine-${os === 'macos' ? 'darwin' : 'linux'}`;
  const parts = args.map(([f, v]) => (v === undefined ? f : `${f} ${quote(v, os)}`));
  return [program, 'create', ...parts].join(' ');
}
