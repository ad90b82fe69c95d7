import { describe, expect, it } from 'vitest';

import { messageFor, unplaced } from '../shared/issues';
import { backendFor, pickVcenter } from './appliance-choice';
import { Registration } from './models';

const appliance = (id: string, chosen: boolean, self: boolean) => ({
  id, address: id + ':8443', url: `https://${id}:8443/`, version: 'v1.6.0-1-abc', plugin_version: '1.6.0.1', reachable: true,
  this: self, serves_plugin: false, preferred: false, chosen, registered: '',
});

describe('which vCenter and which appliance', () => {
  const vcenters = [
    { target: 'vc1.example.com', thumbprint: 'AA', guid: 'g1' },
    { target: 'vc2.example.com:443', thumbprint: 'BB', guid: 'g2' },
  ];

  it('the context object\'s vCenter, else the one the client is served from, else the first', () => {
    expect(pickVcenter(vcenters, 'g2', 'https://vc1.example.com')?.target).toBe('vc2.example.com:443');
    expect(pickVcenter(vcenters, undefined, 'https://vc2.example.com')?.target).toBe('vc2.example.com:443');
    expect(pickVcenter(vcenters, 'unknown', 'https://elsewhere')?.target).toBe('vc1.example.com');
    expect(pickVcenter([], undefined, 'https://x')).toBeUndefined();
  });

  it('the chosen appliance through the proxy, unless it is this one', () => {
    const registration: Registration = { registered: true, appliances: [appliance('a', false, true), appliance('b', true, false)], chosen: 'b' };
    const backends = [{ type: 'VIC_APPLIANCE-a', proxiedBaseUrl: 'https://vc/proxy/a' }, { type: 'VIC_APPLIANCE-b', proxiedBaseUrl: 'https://vc/proxy/b' }];
    expect(backendFor(registration, backends)).toBe('https://vc/proxy/b/');
    expect(backendFor({ ...registration, chosen: 'a' }, backends)).toBeUndefined();
    expect(backendFor({ ...registration, chosen: undefined }, backends)).toBeUndefined();
    expect(backendFor(registration, [])).toBeUndefined();
  });
});

describe('server issues beside their fields', () => {
  const issues = [
    { path: 'name', message: 'is 40 characters long; the limit is 31' },
    { path: 'storage.image_stores[0]', message: 'the datastore "x" was not found' },
    { path: 'network.public.gateway', message: 'A gateway needs a static address' },
  ];

  it('phrases a field message after its label and places issues under their paths', () => {
    expect(messageFor(issues, 'name', 'The name')).toBe('The name is 40 characters long; the limit is 31');
    expect(messageFor(issues, 'storage.image_stores', 'The image datastore')).toBe('The datastore "x" was not found');
    expect(messageFor(issues, 'network.public', 'x')).toBe('A gateway needs a static address');
    expect(messageFor(issues, 'network.bridge', 'x')).toBe('');
    expect(unplaced(issues, ['name', 'storage'])).toEqual([issues[2]]);
  });
});
