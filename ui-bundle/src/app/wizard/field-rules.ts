// Checks made as the administrator types, with the original's messages;
// the server's validation on Next has the last word. Each returns the
// problem, or '' when the value is fine.

export const NAME_FORBIDDEN = /[%&*$#@!\\/:?"<>;'|]/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const FQDN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export function isIpv4(v: string): boolean {
  return IPV4.test(v.trim());
}

export function isCidr(v: string): boolean {
  const [ip, mask, ...rest] = v.trim().split('/');
  return rest.length === 0 && isIpv4(ip ?? '') && /^\d{1,2}$/.test(mask ?? '') && Number(mask) <= 32;
}

export function isHost(v: string): boolean {
  const s = v.trim();
  return isIpv4(s) || FQDN.test(s) || /^\[?[0-9a-fA-F:]+\]?$/.test(s);
}

export function vchName(v: string): string {
  if (!v.trim()) return $localize`Name cannot be empty`;
  if (NAME_FORBIDDEN.test(v)) return $localize`Name contains characters that are not allowed`;
  if (v.length > 31) return $localize`Name cannot be longer than 31 characters`;
  return '';
}

export function port(v: string): string {
  if (!v) return '';
  if (!/^\d+$/.test(v)) return $localize`Port should be numeric`;
  if (v.length > 5) return $localize`Port cannot be more than 5 digits long`;
  if (Number(v) < 1 || Number(v) > 65535) return $localize`Port must be from 1 to 65535`;
  return '';
}

// A limit in MHz or MB: "Unlimited" or a whole number from 1 to `max`.
export function limit(v: string, what: string, unit: string, max?: number): string {
  const s = v.trim();
  if (!s) return $localize`${what}:what: cannot be empty`;
  if (/^unlimited$/i.test(s)) return '';
  if (!/^\d+$/.test(s)) return $localize`${what}:what: should either be 'Unlimited' or a number`;
  if (Number(s) < 1) return $localize`${what}:what: should be bigger than 0`;
  if (max !== undefined && Number(s) > max) return $localize`${what}:what: cannot be bigger than ${max}:max: ${unit}:unit:`;
  return '';
}

export function wholeNumber(v: string, what: string, min = 1, max?: number): string {
  const s = v.trim();
  if (!s) return $localize`${what}:what: cannot be empty`;
  if (!/^\d+$/.test(s)) return $localize`${what}:what: should be a number`;
  if (Number(s) < min) return $localize`${what}:what: should be at least ${min}:min:`;
  if (max !== undefined && Number(s) > max) return $localize`${what}:what: cannot be bigger than ${max}:max:`;
  return '';
}

export function cidr(v: string, what: string): string {
  if (!v.trim()) return $localize`${what}:what: cannot be empty`;
  return isCidr(v) ? '' : $localize`${what}:what: is not valid, please input it in CIDR format (e.g. 172.28.64.0/22)`;
}

export function ip(v: string, what: string): string {
  if (!v.trim()) return $localize`${what}:what: cannot be empty`;
  return isIpv4(v) ? '' : $localize`${what}:what: is not a valid IP address`;
}

export function ipList(v: string, what: string, required = false): string {
  const items = splitList(v);
  if (!items.length) return required ? $localize`${what}:what: cannot be empty` : '';
  const bad = items.find((i) => !isIpv4(i));
  return bad ? $localize`${what}:what:: ${bad}:value: is not a valid IP address` : '';
}

export function cidrList(v: string, what: string): string {
  const bad = splitList(v).find((i) => !isCidr(i));
  return bad ? $localize`${what}:what:: ${bad}:value: is not in CIDR format` : '';
}

// An IP range a.b.c.d-e.f.g.h or a CIDR.
export function ipRange(v: string): string {
  const s = v.trim();
  if (!s) return $localize`IP range cannot be empty`;
  if (isCidr(s)) return '';
  const [a, b, ...rest] = s.split('-');
  return rest.length === 0 && isIpv4(a ?? '') && isIpv4(b ?? '') ? '' : $localize`IP range must be a CIDR or a-b range`;
}

export function label(v: string, what: string): string {
  if (!v.trim()) return $localize`${what}:what: cannot be empty`;
  return NAME_FORBIDDEN.test(v) ? $localize`${what}:what: contains characters that are not allowed` : '';
}

// IP, FQDN or CIDR, with an optional port, or a wildcard domain.
export function registry(v: string): string {
  const s = v.trim();
  if (!s) return $localize`Whitelist registry cannot be empty`;
  const host = s.replace(/:\d{1,5}$/, '');
  if (isCidr(s) || isHost(host) || /^\*\.[a-zA-Z0-9.-]+$/.test(s)) return '';
  return $localize`IP address, FQDN, CIDR, or Wildcard domain is not valid`;
}

export function pem(text: string, kind: 'CERTIFICATE' | 'PRIVATE KEY'): boolean {
  const normal = text.replace(/\r\n/g, '\n');
  if (kind === 'CERTIFICATE') return /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(normal);
  return /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----/.test(normal);
}

export function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
