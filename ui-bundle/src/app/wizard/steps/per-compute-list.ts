import { signal } from '@angular/core';

import { ApiError } from '../../api/api-error';

// A picker's choices depend on the compute resource chosen earlier (which
// datastores its hosts reach, which networks they have). They are loaded
// again only when that choice changed, and the caller is told so that it can
// drop picks made from the old list.
export class PerComputeList<T> {
  readonly items = signal<T[]>([]);
  readonly loading = signal(true);
  readonly error = signal('');
  private loadedFor = '';

  constructor(private readonly fetch: (datacenter: string, compute: string) => Promise<T[]>) {}

  async load(compute: { datacenter: string; resourceId: string }, changed: () => void): Promise<void> {
    const key = compute.datacenter + '/' + compute.resourceId;
    if (!compute.resourceId || key === this.loadedFor) {
      this.loading.set(false);
      return;
    }
    this.loading.set(true);
    try {
      this.items.set(await this.fetch(compute.datacenter, compute.resourceId));
      if (this.loadedFor) changed();
      this.loadedFor = key;
      this.error.set('');
    } catch (e) {
      this.error.set(e instanceof ApiError ? e.message : String(e));
    } finally {
      this.loading.set(false);
    }
  }
}
