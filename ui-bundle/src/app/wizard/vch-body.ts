import { splitList } from './field-rules';
import { NetworkRole, WizardState } from './wizard-state';

type Json = Record<string, unknown>;

export function folderPath(datastore: string, folder: string): string {
  const f = folder.trim().replace(/^\/+/, '');
  return `ds://${datastore}${f ? '/' + f : ''}`;
}

function quantity(value: string, units: string): Json | undefined {
  const s = value.trim();
  if (!s || /^unlimited$/i.test(s)) return undefined;
  return { value: Number(s), units };
}

// The address part of a CIDR gateway ("10.0.0.1/24" -> "10.0.0.1").
function addressOf(cidr: string): string {
  return cidr.split('/')[0].trim();
}

function role(r: NetworkRole, withRouting: boolean): Json {
  const out: Json = { port_group: { name: r.portGroup } };
  if (r.static && r.ip.trim()) out['static'] = r.ip.trim();
  if (r.static && r.gateway.trim()) {
    const gateway: Json = { address: r.gateway.trim() };
    const routes = splitList(r.routing);
    if (withRouting && routes.length) gateway['routing_destinations'] = routes;
    out['gateway'] = gateway;
  }
  const dns = splitList(r.dns);
  if (dns.length) out['nameservers'] = dns;
  return out;
}

// The VCH body the appliance's API takes, from what the wizard collected.
// Unlike the 1.5 plug-in it sends the client network's own port group,
// static addresses as CIDR strings, and a gateway's routing destinations
// only when there are some.
export function vchBody(s: WizardState): Json {
  const g = s.general;
  const body: Json = { name: g.name.trim(), debug: g.debug };
  if (g.syslogHost.trim())
    body['syslog_addr'] = `${g.syslogTransport}://${g.syslogHost.trim()}${g.syslogPort ? ':' + g.syslogPort : ''}`;
  if (g.namePrefix.trim() || g.nameSuffix.trim())
    body['container'] = { name_convention: g.namePrefix.trim() + g.nameToken + g.nameSuffix.trim() };

  const c = s.compute;
  const cpu: Json = {};
  const memory: Json = {};
  const cpuLimit = quantity(c.cpuLimit, 'MHz');
  const memoryLimit = quantity(c.memoryLimit, 'MiB');
  if (cpuLimit) cpu['limit'] = cpuLimit;
  if (memoryLimit) memory['limit'] = memoryLimit;
  const compute: Json = { resource: c.resourceId ? { id: c.resourceId } : undefined, cpu, memory };
  const endpoint: Json = {};
  if (c.advanced) {
    cpu['reservation'] = quantity(c.cpuReservation, 'MHz');
    cpu['shares'] = { level: c.cpuShares };
    memory['reservation'] = quantity(c.memoryReservation, 'MiB');
    memory['shares'] = { level: c.memoryShares };
    endpoint['cpu'] = { sockets: Number(c.endpointCpus) };
    endpoint['memory'] = quantity(c.endpointMemory, 'MiB');
    if (c.resourceType === 'ClusterComputeResource') compute['affinity'] = { use_vm_group: c.vmGroup };
  }
  body['compute'] = compute;

  const st = s.storage;
  const storage: Json = {};
  if (st.imageDatastore) storage['image_stores'] = [folderPath(st.imageDatastore, st.imageFolder)];
  storage['base_image_size'] = { value: Number(st.baseImageSize), units: st.baseImageUnit };
  const volumes = [...(st.anonymousVolumes ? [st.defaultVolume] : []), ...st.volumes]
    .filter((v) => v.datastore)
    .map((v) => ({ datastore: folderPath(v.datastore, v.folder), label: v.label.trim() }));
  if (volumes.length) storage['volume_stores'] = volumes;
  body['storage'] = storage;

  const n = s.networks;
  const network: Json = {};
  if (n.bridge) {
    const bridge: Json = { port_group: { name: n.bridge }, ip_range: n.bridgeRange.trim() };
    if (n.bridgeWidth.trim()) bridge['network_width'] = Number(n.bridgeWidth);
    network['bridge'] = bridge;
  }
  if (n.public.portGroup) network['public'] = role(n.public, false);
  if (n.advanced) {
    if (n.client.portGroup) network['client'] = role(n.client, true);
    if (n.management.portGroup) network['management'] = role(n.management, true);
  }
  const containerNetworks = n.containers
    .filter((cn) => cn.portGroup)
    .map((cn) => {
      const out: Json = { port_group: { name: cn.portGroup }, alias: cn.label.trim(), firewall: cn.firewall };
      if (cn.mode === 'range') {
        if (cn.range.trim()) out['ip_ranges'] = [cn.range.trim()];
        if (cn.gateway.trim())
          out['gateway'] = { address: addressOf(cn.gateway), routing_destinations: [cn.gateway.trim()] };
        const dns = splitList(cn.dns);
        if (dns.length) out['nameservers'] = dns;
      }
      return out;
    });
  if (containerNetworks.length) network['container'] = containerNetworks;
  body['network'] = network;

  const sec = s.security;
  const auth: Json = {};
  if (!sec.clientVerify) auth['client'] = { no_tls_verify: true };
  else if (sec.clientCas.length) auth['client'] = { certificate_authorities: sec.clientCas.map((f) => ({ pem: f.pem })) };
  // Verification on without a CA: the appliance generates one and a client
  // certificate, handed out once with the task.
  if (sec.serverSource === 'existing' && sec.serverCert && sec.serverKey) {
    auth['server'] = { certificate: { pem: sec.serverCert.pem }, private_key: { pem: sec.serverKey.pem } };
  } else {
    const generate: Json = {
      cname: (sec.cn || g.name).trim(),
      size: { value: Number(sec.keySize || '2048'), units: 'bit' },
    };
    if (sec.organization.trim()) generate['organization'] = [sec.organization.trim()];
    auth['server'] = { generate };
  }
  body['auth'] = auth;

  const r = s.registry;
  const registry: Json = {};
  const insecure: string[] = [];
  const whitelist: string[] = [];
  if (r.whitelistMode) {
    for (const w of r.whitelist)
      if (w.address.trim()) (w.secure ? whitelist : insecure).push(w.address.trim());
  } else {
    for (const i of r.insecure) if (i.host.trim()) insecure.push(i.host.trim() + (i.port ? ':' + i.port : ''));
  }
  if (whitelist.length) registry['whitelist'] = whitelist;
  if (insecure.length) registry['insecure'] = insecure;
  if (r.cas.length) registry['certificate_authorities'] = r.cas.map((f) => ({ pem: f.pem }));
  const proxy: Json = {};
  if (n.httpProxy.trim()) proxy['http'] = n.httpProxy.trim();
  if (n.httpsProxy.trim()) proxy['https'] = n.httpsProxy.trim();
  if (Object.keys(proxy).length) registry['image_fetch_proxy'] = proxy;
  if (Object.keys(registry).length) body['registry'] = registry;

  const o = s.operations;
  if (o.user.trim() || o.password) {
    const credentials: Json = { user: o.user.trim(), password: o.password };
    if (o.grant) credentials['grant_permissions'] = true;
    endpoint['operations_credentials'] = credentials;
  }
  if (Object.keys(endpoint).length) body['endpoint'] = endpoint;
  return prune(body) as Json;
}

// Drops undefined members so that the body says only what was chosen.
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (v && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = prune(x);
    return out;
  }
  return v;
}
