import { describe, expect, it } from 'vitest';

import { formOf, patchOf, restartsEndpoint } from './configure-form';
import { configureProblems } from './configure-rules';

const vch = {
  name: 'vch-1',
  debug: 1,
  compute: { cpu: { limit: { value: 3000, units: 'MHz' }, shares: { level: 'normal' } }, memory: {} },
  network: {
    public: { port_group: { id: 'network-7', name: 'VM Network' }, nameservers: ['10.0.0.53'] },
    container: [{ alias: 'lan', port_group: { id: 'dvportgroup-1', name: 'DC0_DVPG1' } }],
  },
  storage: { volume_stores: [{ datastore: 'ds://LocalDS_0/vols', label: 'default' }] },
  registry: { insecure: ['r.example.com:5000'] },
  endpoint: { operations_credentials: { user: 'ops@vsphere.local' } },
  auth: { server: { generate: { cname: 'vch-1' }, certificate: { pem: 'x' } } },
  syslog_addr: 'udp://logs.example.com:514',
};

describe('configure form', () => {
  it('reads the VCH as it is and changes nothing when nothing is edited', () => {
    const f = formOf(vch);
    expect(f.cpuLimit).toBe('3000');
    expect(f.memoryLimit).toBe('Unlimited');
    expect(f.dns).toBe('10.0.0.53');
    expect(f.syslogTransport).toBe('udp');
    expect(f.syslogPort).toBe('514');
    expect(patchOf(f, formOf(vch), vch)).toEqual({});
  });

  it('sends only what changed; the pool alone does not restart the endpoint', () => {
    const f = formOf(vch);
    f.memoryLimit = '4096';
    const p = patchOf(f, formOf(vch), vch);
    expect(Object.keys(p)).toEqual(['compute']);
    expect(p['compute'].memory.limit).toEqual({ value: 4096, units: 'MiB' });
    expect(p['compute'].cpu.limit).toEqual({ value: 3000, units: 'MHz' });
    expect(restartsEndpoint(p)).toBe(false);
  });

  it('adds stores and networks after those there are, and restarts the endpoint for them', () => {
    const f = formOf(vch);
    f.addedStores.push({ datastore: 'LocalDS_1', folder: 'more', label: 'more' });
    f.addedNetworks.push({ portGroup: 'DC0_DVPG2', alias: 'dmz' });
    f.debug = 3;
    const p = patchOf(f, formOf(vch), vch);
    expect(p['storage'].volume_stores.map((s: { label: string }) => s.label)).toEqual(['default', 'more']);
    expect(p['storage'].volume_stores[1].datastore).toBe('ds://LocalDS_1/more');
    expect(p['network'].container[1]).toEqual({ port_group: { name: 'DC0_DVPG2' }, alias: 'dmz' });
    expect(p['debug']).toBe(3);
    expect(restartsEndpoint(p)).toBe(true);
  });

  it('renews certificates by leaving them out, the client CA too when asked', () => {
    const f = formOf(vch);
    f.renewServer = true;
    f.renewClient = true;
    const p = patchOf(f, formOf(vch), vch);
    expect(p['auth']).toEqual({
      server: { certificate: null, generate: { cname: 'vch-1' } },
      client: { certificate_authorities: null },
    });
  });

  it('clears syslog, proxies and keeps a password it was not given', () => {
    const f = formOf(vch);
    f.syslogHost = '';
    f.opsUser = 'other@vsphere.local';
    const p = patchOf(f, formOf(vch), vch);
    expect(p['syslog_addr']).toBeNull();
    expect(p['endpoint']).toEqual({ operations_credentials: { user: 'other@vsphere.local' } });
  });

  it('names what is wrong before anything is sent', () => {
    const f = formOf(vch);
    f.cpuReservation = '-5';
    f.httpProxy = 'ftp://proxy';
    f.opsUser = '';
    f.addedStores.push({ datastore: '', folder: '', label: '' });
    const p = configureProblems(f, true);
    expect(p['cpu-reservation']).toContain('CPU reservation');
    expect(p['http-proxy']).toBe('The HTTP proxy should be http://host:port');
    expect(p['ops-user']).toContain('cannot be empty');
    expect(p['store-datastore-0']).toBe('Choose a datastore for the volume store');
    expect(p['store-label-0']).toContain('cannot be empty');
  });
});
