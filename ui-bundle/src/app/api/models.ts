// The JSON of the appliance's API (plugin-server/api/openapi.json).
export interface Issue {
  path: string;
  message: string;
  code?: string; // conflict, type, firewall
  expected?: string;
}

export interface VchListItem {
  id: string;
  name: string;
  version: string;
  power_state: string;
  upgrade_status: string;
  parent?: { id: string; name: string };
  admin_portal?: string;
  docker_host?: string;
  daemon_version?: string;
  // Where its creator collects the generated client certificate, while it waits.
  client_bundle?: string;
  datacenter?: string;
  // What the last upgrade replaced: a rollback returns to it.
  rollback_version?: string;
  // Asked for with health=1: whether its Docker API accepts connections.
  endpoint_answering?: boolean;
}

export interface Task {
  id: string;
  uri: string;
  kind: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted';
  step: string;
  step_description?: string;
  step_index: number;
  steps_total: number;
  progress: number;
  error?: string;
  rollback?: string;
  vch_id?: string;
  vch_name?: string;
  log?: string[];
  result?: { vch_id?: string; warnings?: string[]; client_certificates?: string };
}

export interface RegisteredAppliance {
  id: string;
  address: string;
  url: string;
  version: string;
  plugin_version: string;
  reachable: boolean;
  error?: string;
  running_version?: string;
  this: boolean;
  serves_plugin: boolean;
  preferred: boolean;
  chosen: boolean;
  registered: string;
}

export interface Registration {
  registered: boolean;
  plugin_version?: string;
  client_type?: string;
  host?: string;
  preferred?: string;
  chosen?: string;
  appliances: RegisteredAppliance[];
}

export interface Versions {
  appliance: {
    id: string;
    address?: string;
    address_error?: string;
    version: string;
    plugin_version: string;
    endpoint_version: string;
  };
  registration: Registration;
  vchs: Array<{
    id: string;
    name: string;
    version: string;
    upgrade_status: string;
    newer_than_appliance: boolean;
    daemon_version: string | null;
  }>;
  warnings: string[];
}

export interface VcenterRegistration {
  target: string;
  thumbprint: string;
  guid: string;
}

export interface InventoryNode {
  id: string;
  type: string;
  name: string;
  path: string;
  selectable: boolean;
  vch?: boolean;
  cpu_max_mhz?: number;
  memory_max_mb?: number;
  children?: InventoryNode[];
}

export interface Datastore {
  id: string;
  name: string;
  free_bytes: number;
  capacity_bytes: number;
  type: string;
  accessible: boolean;
}

export interface Network {
  id: string;
  type: string;
  name: string;
  kind: 'standard' | 'distributed' | 'opaque';
  switch?: string;
}

export interface ContainerVm {
  id: string;
  name: string;
  vm_name: string;
  power_state: string;
  memory_mb: number;
  cpu_mhz: number;
  storage_bytes: number;
  ports: string;
  image: string;
  vch_id: string;
  vch_name: string;
}

export interface Validation {
  valid: boolean;
  issues: Issue[];
}
