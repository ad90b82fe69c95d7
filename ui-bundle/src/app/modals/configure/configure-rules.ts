import { isHost, ipList, label, limit, port, registry, splitList, wholeNumber } from '../../wizard/field-rules';
import { ConfigureForm } from './configure-form';

function shares(v: string, what: string): string {
  return /^(low|normal|high)$/.test(v) || /^\d+$/.test(v.trim()) ? '' : $localize`${what}:what: should be low, normal, high or a number`;
}

function reservation(v: string, what: string): string {
  return wholeNumber(v, what, 0);
}

function proxy(v: string, scheme: 'http' | 'https'): string {
  const s = v.trim();
  if (!s) return '';
  return new RegExp(`^${scheme}://[^\\s/]+(:\\d{1,5})?/?$`).test(s) ? '' : $localize`The ${scheme.toUpperCase()}:scheme: proxy should be ${scheme}:lower:://host:port`;
}

// What is wrong with each field of Configure before anything is sent, by
// the field's id; '' where nothing is.
export function configureProblems(f: ConfigureForm, hadOpsUser: boolean): Record<string, string> {
  const out: Record<string, string> = {
    'cpu-limit': limit(f.cpuLimit, $localize`CPU limit`, 'MHz'),
    'cpu-reservation': reservation(f.cpuReservation, $localize`CPU reservation`),
    'cpu-shares': shares(f.cpuShares, $localize`CPU shares`),
    'memory-limit': limit(f.memoryLimit, $localize`Memory limit`, 'MB'),
    'memory-reservation': reservation(f.memoryReservation, $localize`Memory reservation`),
    'memory-shares': shares(f.memoryShares, $localize`Memory shares`),
    dns: ipList(f.dns, $localize`DNS server`),
    'syslog-host': (f.syslogHost && !isHost(f.syslogHost) ? $localize`Syslog host is not a valid IP address or FQDN` : '') || port(f.syslogPort),
    whitelist: splitList(f.whitelist).map(registry).find((p) => p) ?? '',
    'http-proxy': proxy(f.httpProxy, 'http'),
    'https-proxy': proxy(f.httpsProxy, 'https'),
    'ops-user': hadOpsUser && !f.opsUser.trim() ? $localize`Operations user cannot be empty: the VCH acts as this user` : '',
    'server-key': f.serverCert && !f.serverKey ? $localize`Choose the private key of the new server certificate` : '',
  };
  f.addedStores.forEach((s, i) => {
    out['store-datastore-' + i] = s.datastore ? '' : $localize`Choose a datastore for the volume store`;
    out['store-label-' + i] = label(s.label, $localize`Volume store name`);
  });
  f.addedNetworks.forEach((n, i) => {
    out['network-pg-' + i] = n.portGroup ? '' : $localize`Choose a port group for the container network`;
    out['network-alias-' + i] = label(n.alias, $localize`Container network name`);
  });
  return out;
}
