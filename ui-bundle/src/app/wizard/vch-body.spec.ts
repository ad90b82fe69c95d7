import { describe, expect, it } from 'vitest';

import { cliCommand } from './cli-command';
import { vchBody } from './vch-body';
import { WizardState, initialState } from './wizard-state';

function filled(): WizardState {
  const s = initialState();
  s.general.name = 'vch-1';
  s.compute.datacenter = 'datacenter-2';
  s.compute.resourceId = 'domain-c7';
  s.compute.resourceName = 'DC0_C0';
  s.compute.resourceType = 'ClusterComputeResource';
  s.storage.imageDatastore = 'LocalDS_0';
  s.networks.bridge = 'DC0_DVPG0';
  s.networks.public.portGroup = 'VM Network';
  s.security.clientVerify = false;
  s.operations.user = 'ops@vsphere.local';
  s.operations.password = 'secret';
  return s;
}

describe('the VCH body', () => {
  it('holds what the minimal create needs, with the defaults', () => {
    const body = vchBody(filled());
    expect(body).toEqual({
      name: 'vch-1',
      debug: 0,
      compute: { resource: { id: 'domain-c7' }, cpu: {}, memory: {} },
      storage: { image_stores: ['ds://LocalDS_0'], base_image_size: { value: 8, units: 'GiB' } },
      network: { bridge: { port_group: { name: 'DC0_DVPG0' }, ip_range: '172.16.0.0/12' }, public: { port_group: { name: 'VM Network' } } },
      auth: { client: { no_tls_verify: true }, server: { generate: { cname: 'vch-1', size: { value: 2048, units: 'bit' } } } },
      endpoint: { operations_credentials: { user: 'ops@vsphere.local', password: 'secret' } },
    });
  });

  it('sends the client network its own port group and static addresses as CIDR strings (1.5 bugs)', () => {
    const s = filled();
    s.networks.advanced = true;
    s.networks.client = { portGroup: 'Client PG', static: true, ip: '10.1.0.5/24', gateway: '10.1.0.1', routing: '10.2.0.0/16, 10.3.0.0/16', dns: '' };
    s.networks.management = { portGroup: 'Mgmt PG', static: true, ip: '10.9.0.5/24', gateway: '10.9.0.1', routing: '', dns: '' };
    const network = vchBody(s)['network'] as Record<string, Record<string, unknown>>;
    expect(network['client']).toEqual({
      port_group: { name: 'Client PG' },
      static: '10.1.0.5/24',
      gateway: { address: '10.1.0.1', routing_destinations: ['10.2.0.0/16', '10.3.0.0/16'] },
    });
    // No routing destinations: none are sent.
    expect(network['management']['gateway']).toEqual({ address: '10.9.0.1' });
  });

  it('limits, advanced compute, volumes, naming, syslog and registries', () => {
    const s = filled();
    s.general.namePrefix = 'web-';
    s.general.syslogHost = 'logs.example.com';
    s.general.syslogPort = '601';
    s.compute.cpuLimit = '3000';
    s.compute.advanced = true;
    s.compute.vmGroup = true;
    s.storage.imageFolder = '/images';
    s.storage.anonymousVolumes = true;
    s.storage.defaultVolume.datastore = 'LocalDS_0';
    s.storage.volumes = [{ datastore: 'LocalDS_0', folder: 'vols', label: 'data' }];
    s.registry.insecure = [{ host: 'registry.local', port: '5000' }];
    s.networks.httpsProxy = 'https://proxy:3128';
    const b = vchBody(s) as Record<string, any>;
    expect(b['container']).toEqual({ name_convention: 'web-{name}' });
    expect(b['syslog_addr']).toBe('tcp://logs.example.com:601');
    expect(b['compute']['cpu']).toEqual({ limit: { value: 3000, units: 'MHz' }, reservation: { value: 1, units: 'MHz' }, shares: { level: 'normal' } });
    expect(b['compute']['affinity']).toEqual({ use_vm_group: true });
    expect(b['endpoint']['memory']).toEqual({ value: 2048, units: 'MiB' });
    expect(b['storage']['image_stores']).toEqual(['ds://LocalDS_0/images']);
    expect(b['storage']['volume_stores']).toEqual([
      { datastore: 'ds://LocalDS_0', label: 'default' },
      { datastore: 'ds://LocalDS_0/vols', label: 'data' },
    ]);
    expect(b['registry']).toEqual({ insecure: ['registry.local:5000'], image_fetch_proxy: { https: 'https://proxy:3128' } });
  });

  it('without a CA of the user\'s own, client verification lets the appliance make one', () => {
    const s = filled();
    s.security.clientVerify = true;
    expect((vchBody(s) as Record<string, any>)['auth']['client']).toBeUndefined();
    s.security.clientCas = [{ name: 'ca.pem', pem: 'PEM' }];
    expect((vchBody(s) as Record<string, any>)['auth']['client']).toEqual({ certificate_authorities: [{ pem: 'PEM' }] });
  });
});

describe('the vic-machine command', () => {
  it('repeats the choices as flags and never the password', () => {
    const s = filled();
    s.storage.volumes = [{ datastore: 'LocalDS_0', folder: '', label: 'default' }];
    const cmd = cliCommand(s, 'vc.example.com', 'AA:BB', 'admin@vsphere.local', 'linux');
    expect(cmd.startsWith('./vic-machine-linux create --target vc.example.com --user admin@vsphere.local --thumbprint AA:BB')).toBe(true);
    expect(cmd).toContain('--compute-resource DC0_C0');
    expect(cmd).toContain("--public-network 'VM Network'");
    expect(cmd).toContain('--volume-store LocalDS_0:default');
    expect(cmd).toContain('--no-tlsverify');
    expect(cmd).toContain('--ops-user ops@vsphere.local');
    expect(cmd).not.toContain('secret');
    expect(cliCommand(s, 'vc', '', '', 'windows')).toContain('--public-network "VM Network"');
  });
});
