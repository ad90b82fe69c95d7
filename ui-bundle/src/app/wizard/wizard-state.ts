// Everything the Create VCH wizard collects, step by step, with the
// original's defaults.

export interface PemFile {
  name: string;
  pem: string;
}

export interface NetworkRole {
  portGroup: string;
  static: boolean;
  ip: string; // CIDR: the address and its subnet
  gateway: string;
  routing: string; // comma-separated CIDRs reached through the gateway
  dns: string; // comma-separated
}

export interface ContainerNetwork {
  portGroup: string;
  mode: 'dhcp' | 'range';
  range: string;
  gateway: string; // CIDR
  dns: string;
  label: string;
  firewall: 'closed' | 'outbound' | 'peers' | 'published' | 'open';
}

export interface VolumeStore {
  datastore: string;
  folder: string;
  label: string;
}

export interface WizardState {
  general: {
    name: string;
    namePrefix: string;
    nameToken: '{name}' | '{id}';
    nameSuffix: string;
    debug: number;
    syslogTransport: 'tcp' | 'udp';
    syslogHost: string;
    syslogPort: string;
  };
  compute: {
    datacenter: string;
    resourceId: string;
    resourceName: string;
    resourceType: string;
    // What the chosen resource's pool can give at most, when vCenter says.
    cpuMaxMhz?: number;
    memoryMaxMb?: number;
    cpuLimit: string;
    memoryLimit: string;
    advanced: boolean;
    cpuReservation: string;
    cpuShares: 'low' | 'normal' | 'high';
    memoryReservation: string;
    memoryShares: 'low' | 'normal' | 'high';
    endpointCpus: string;
    endpointMemory: string;
    vmGroup: boolean;
  };
  storage: {
    imageDatastore: string;
    imageFolder: string;
    baseImageSize: string;
    baseImageUnit: 'MiB' | 'GiB';
    anonymousVolumes: boolean;
    defaultVolume: VolumeStore;
    volumes: VolumeStore[];
  };
  networks: {
    bridge: string;
    bridgeRange: string;
    bridgeWidth: string;
    public: NetworkRole;
    advanced: boolean;
    client: NetworkRole;
    management: NetworkRole;
    httpProxy: string;
    httpsProxy: string;
    containers: ContainerNetwork[];
  };
  security: {
    clientVerify: boolean;
    clientCas: PemFile[];
    serverSource: 'generate' | 'existing';
    cn: string;
    organization: string;
    keySize: string;
    serverCert?: PemFile;
    serverKey?: PemFile;
  };
  registry: {
    whitelistMode: boolean;
    insecure: Array<{ host: string; port: string }>;
    whitelist: Array<{ address: string; secure: boolean }>;
    cas: PemFile[];
  };
  operations: {
    user: string;
    password: string;
    grant: boolean;
  };
}

export function emptyRole(): NetworkRole {
  return { portGroup: '', static: false, ip: '', gateway: '', routing: '', dns: '' };
}

export function initialState(): WizardState {
  return {
    general: {
      name: 'virtual-container-host',
      namePrefix: '',
      nameToken: '{name}',
      nameSuffix: '',
      debug: 0,
      syslogTransport: 'tcp',
      syslogHost: '',
      syslogPort: '',
    },
    compute: {
      datacenter: '',
      resourceId: '',
      resourceName: '',
      resourceType: '',
      cpuLimit: 'Unlimited',
      memoryLimit: 'Unlimited',
      advanced: false,
      cpuReservation: '1',
      cpuShares: 'normal',
      memoryReservation: '1',
      memoryShares: 'normal',
      endpointCpus: '1',
      endpointMemory: '2048',
      vmGroup: false,
    },
    storage: {
      imageDatastore: '',
      imageFolder: '',
      baseImageSize: '8',
      baseImageUnit: 'GiB',
      anonymousVolumes: false,
      defaultVolume: { datastore: '', folder: '', label: 'default' },
      volumes: [{ datastore: '', folder: '', label: '' }],
    },
    networks: {
      bridge: '',
      bridgeRange: '172.16.0.0/12',
      bridgeWidth: '',
      public: emptyRole(),
      advanced: false,
      client: emptyRole(),
      management: emptyRole(),
      httpProxy: '',
      httpsProxy: '',
      containers: [],
    },
    security: {
      clientVerify: true,
      clientCas: [],
      serverSource: 'generate',
      cn: '',
      organization: '',
      keySize: '2048',
    },
    registry: { whitelistMode: false, insecure: [{ host: '', port: '' }], whitelist: [{ address: '', secure: true }], cas: [] },
    operations: { user: '', password: '', grant: false },
  };
}

// The JSON paths each step's fields live at, for the server's per-step check.
export const STEP_PATHS: Record<string, string[]> = {
  general: ['name', 'debug', 'syslog_addr', 'container'],
  compute: ['compute', 'endpoint.cpu', 'endpoint.memory'],
  storage: ['storage'],
  networks: ['network', 'registry.image_fetch_proxy'],
  security: ['auth'],
  registry: ['registry.whitelist', 'registry.insecure', 'registry.certificate_authorities'],
  operations: ['endpoint.operations_credentials'],
};
