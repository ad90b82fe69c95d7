import { PluginBackend } from '../sdk/client-sdk';
import { Registration, VcenterRegistration } from './models';

// The vCenter this view belongs to among those the appliance registered
// with: the context object's, else the one whose host the vSphere Client is
// served from, else the only one.
export function pickVcenter(
  vcenters: VcenterRegistration[],
  guid: string | undefined,
  uiOrigin: string,
): VcenterRegistration | undefined {
  if (guid) {
    const byGuid = vcenters.find((v) => v.guid === guid);
    if (byGuid) return byGuid;
  }
  const host = hostOf(uiOrigin);
  return vcenters.find((v) => hostOf('https://' + v.target) === host) ?? vcenters[0];
}

// Where to reach the appliance the registration chose, through the vSphere
// Client's proxy: the backend whose type names it. Undefined when the chosen
// one is this view's own appliance or is not proxied.
export function backendFor(registration: Registration, backends: PluginBackend[]): string | undefined {
  const chosen = registration.chosen;
  if (!chosen) return undefined;
  const me = registration.appliances.find((a) => a.this);
  if (me && me.id === chosen) return undefined;
  const backend = backends.find((b) => b.type === 'VIC_APPLIANCE-' + chosen);
  return backend ? withSlash(backend.proxiedBaseUrl) : undefined;
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : url + '/';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
