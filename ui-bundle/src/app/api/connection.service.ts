import { Injectable, inject } from '@angular/core';

import { ClientSdkService } from '../sdk/client-sdk.service';
import { vcenterGuidOf } from '../sdk/client-sdk';
import { ApiError } from './api-error';
import { backendFor, pickVcenter } from './appliance-choice';
import { Registration, VcenterRegistration } from './models';

// How this view reaches the appliance it should talk to: which vCenter
// (target and trusted thumbprint), which appliance (the registration's
// choice, through the vSphere Client's proxy), and the caller's session
// token. Re-resolved when the appliance stops answering.
export interface Connection {
  base: string;  // ends with "/"; "container/..." and "plugin/..." go after it
  target: string;
  thumbprint: string;
  guid: string; // the vCenter's instance UUID, the last part of its objects' ids
  headers: Record<string, string>;
}

@Injectable({ providedIn: 'root' })
export class ConnectionService {
  private readonly sdk = inject(ClientSdkService);
  private current?: Promise<Connection>;
  // The appliance this view was served by: /ui/index.html is under its base.
  readonly ownBase = new URL('../', location.href).href;

  get(): Promise<Connection> {
    this.current ??= this.resolve();
    return this.current;
  }

  // Forget the choice: the next call asks again which appliance to use.
  reset(): void {
    this.current = undefined;
  }

  private async resolve(): Promise<Connection> {
    const [token, uiOrigin, context] = await Promise.all([
      this.sdk.sessionToken(),
      this.sdk.uiEndpoint(),
      this.sdk.contextObjects(),
    ]);
    const headers = { 'vmware-api-session-id': token, 'vmware-api-ui-endpoint': uiOrigin };
    // The appliance tells its vCenters only to a caller one of them accepts.
    const vcenters = await this.fetchJson<VcenterRegistration[]>(this.ownBase + 'plugin/vcenters', headers);
    const guid = context.length ? vcenterGuidOf(context[0].id) : undefined;
    const vcenter = pickVcenter(vcenters, guid, uiOrigin);
    if (!vcenter) throw new ApiError(404, $localize`This appliance is not registered with any vCenter.`);
    const query = vcenter.thumbprint ? '?thumbprint=' + encodeURIComponent(vcenter.thumbprint) : '';
    let base = this.ownBase;
    try {
      // The registration alone (not /versions, which lists every VCH too).
      const registration = await this.fetchJson<Registration>(
        `${this.ownBase}plugin/target/${encodeURIComponent(vcenter.target)}/registration${query}`,
        headers,
      );
      base = backendFor(registration, await this.sdk.backends()) ?? this.ownBase;
    } catch (e) {
      // Without the registration's view, this view's own appliance serves.
      if (!(e instanceof ApiError) || !e.unreachable) throw e;
    }
    return { base, target: vcenter.target, thumbprint: vcenter.thumbprint, guid: vcenter.guid, headers };
  }

  private async fetchJson<T>(url: string, headers: Record<string, string>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, { headers });
    } catch (e) {
      throw new ApiError(0, $localize`The appliance at ${new URL(url).origin}:origin: cannot be reached: ${(e as Error).message}:reason:`);
    }
    if (!response.ok) throw await ApiError.from(response);
    return response.json() as Promise<T>;
  }
}
