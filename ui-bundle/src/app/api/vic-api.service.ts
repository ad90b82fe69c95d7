import { Injectable, inject } from '@angular/core';

import { Connection, ConnectionService } from './connection.service';
import { sendWithFailover } from './failover';
import {
  ContainerVm,
  Datastore,
  InventoryNode,
  Network,
  Task,
  Validation,
  VchListItem,
  Versions,
} from './models';

type Body = Record<string, unknown>;

export interface ListPageQuery {
  page: number;
  size: number;
  sort?: string;
  descending?: boolean;
  filter: Record<string, string>;
}

// The appliance's API as the views use it. Every call goes to the chosen
// appliance; one that stops answering is replaced by the next choice, and a
// read is made once more there (never a write: see failover.ts).
@Injectable({ providedIn: 'root' })
export class VicApiService {
  private readonly connection = inject(ConnectionService);

  // The user vCenter knows this session as.
  session(): Promise<{ user: string; target: string }> {
    return this.json('GET', (c) => this.plugin(c, '/session'));
  }

  versions(): Promise<Versions> {
    return this.json('GET', (c) => this.plugin(c, '/versions'));
  }
  // With `health`, whether each endpoint answers too (the appliance connects to them).
  vchs(health = false): Promise<VchListItem[]> {
    return this.json<{ vchs: VchListItem[] }>('GET', (c) => this.container(c, '/vch', health ? 'health=1' : '')).then(
      (r) => r.vchs,
    );
  }
  // One page of the list, filtered and sorted by the appliance (the grid's
  // server-driven mode), with how many VCHs match in all.
  vchPage(page: ListPageQuery): Promise<{ vchs: VchListItem[]; total: number }> {
    const parts = ['health=1', `page=${page.page}`, `page_size=${page.size}`];
    if (page.sort) parts.push('sort=' + encodeURIComponent((page.descending ? '-' : '') + page.sort));
    if (Object.keys(page.filter).length) parts.push('filter=' + encodeURIComponent(JSON.stringify(page.filter)));
    return this.json('GET', (c) => this.container(c, '/vch', parts.join('&')));
  }
  vch(id: string): Promise<Body> {
    return this.json('GET', (c) => this.container(c, `/vch/${id}`));
  }
  reconfigure(id: string, patch: Body): Promise<{ task: string }> {
    return this.json('PATCH', (c) => this.container(c, `/vch/${id}`), patch, 'application/merge-patch+json');
  }
  upgrade(id: string, rollback = false): Promise<{ task: string }> {
    return this.json('POST', (c) => this.container(c, `/vch/${id}`, 'action=upgrade'), rollback ? { rollback } : undefined);
  }
  remove(id: string, containers: 'off' | 'all', volumeStores: 'none' | 'all'): Promise<{ task: string }> {
    return this.json('DELETE', (c) => this.container(c, `/vch/${id}`), { containers, volume_stores: volumeStores });
  }
  task(uri: string): Promise<Task> {
    // A URI handed back with its thumbprint is followed as given.
    return this.json('GET', (c) => c.base + uri.replace(/^\//, '') + (uri.includes('?') ? '' : this.query(c)));
  }
  // The client certificate bundle (a zip) at `uri`, a task's /certificates
  // as the list or the task hands it out; it is given once.
  async clientBundle(uri: string): Promise<Blob> {
    const response = await this.send('GET', (c) => {
      const base = c.base + uri.replace(/^\//, '') + (uri.includes('?') ? '' : this.query(c));
      return base + (base.includes('?') ? '&' : '?') + 'format=zip';
    });
    return response.blob();
  }
  certificate(id: string): Promise<string> {
    return this.text((c) => this.container(c, `/vch/${id}/certificate`));
  }
  log(id: string): Promise<string> {
    return this.text((c) => this.container(c, `/vch/${id}/log`));
  }
  containers(): Promise<ContainerVm[]> {
    return this.json('GET', (c) => this.plugin(c, '/containers'));
  }
  datacenters(): Promise<InventoryNode[]> {
    return this.json('GET', (c) => this.plugin(c, '/datacenters'));
  }
  compute(dc: string): Promise<InventoryNode[]> {
    return this.json('GET', (c) => this.plugin(c, `/datacenter/${dc}/compute`));
  }
  datastores(dc: string, compute: string): Promise<Datastore[]> {
    return this.json('GET', (c) => this.plugin(c, `/datacenter/${dc}/datastores`, 'compute-resource=' + compute));
  }
  networks(dc: string, compute: string): Promise<Network[]> {
    return this.json('GET', (c) => this.plugin(c, `/datacenter/${dc}/networks`, 'compute-resource=' + compute));
  }
  validate(dc: string, body: Body, paths: string[]): Promise<Validation> {
    return this.json('POST', (c) => this.plugin(c, `/datacenter/${dc}/validate`, 'paths=' + paths.join(',')), body);
  }
  // Opens the hosts' firewalls of a compute resource (a path) to the VCH's traffic.
  allowFirewall(dc: string, compute: string): Promise<void> {
    return this.json('POST', (c) => this.container(c, '', 'action=firewall:allow&compute-resource=' + encodeURIComponent(compute), dc));
  }
  // Create in the wizard's datacenter, as the 1.5 plug-in did.
  createIn(dc: string, body: Body): Promise<{ task: string }> {
    return this.json('POST', (c) => this.container(c, '/vch', '', dc), body);
  }
  prefer(applianceId: string | null): Promise<void> {
    return this.json('PUT', (c) => this.plugin(c, '/registration/preferred'), { appliance: applianceId });
  }

  private query(c: Connection, extra = ''): string {
    const parts = [];
    if (c.thumbprint) parts.push('thumbprint=' + encodeURIComponent(c.thumbprint));
    if (extra) parts.push(extra);
    return parts.length ? '?' + parts.join('&') : '';
  }
  private container(c: Connection, suffix: string, extra = '', dc?: string): string {
    const scope = dc ? `/datacenter/${dc}` : '';
    return `${c.base}container/target/${encodeURIComponent(c.target)}${scope}${suffix}${this.query(c, extra)}`;
  }
  private plugin(c: Connection, suffix: string, extra = ''): string {
    return `${c.base}plugin/target/${encodeURIComponent(c.target)}${suffix}${this.query(c, extra)}`;
  }

  private async json<T>(
    method: string,
    url: (c: Connection) => string,
    body?: unknown,
    type = 'application/json',
  ): Promise<T> {
    const response = await this.send(method, url, body, type);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  private async text(url: (c: Connection) => string): Promise<string> {
    return (await this.send('GET', url)).text();
  }

  private async send(method: string, url: (c: Connection) => string, body?: unknown, type = 'application/json') {
    return sendWithFailover(
      method,
      async () => {
        const c = await this.connection.get();
        const headers: Record<string, string> = { ...c.headers };
        if (body !== undefined) headers['Content-Type'] = type;
        return fetch(url(c), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      },
      () => this.connection.reset(),
    );
  }
}
