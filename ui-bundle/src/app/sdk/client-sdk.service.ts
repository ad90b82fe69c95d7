import { Injectable, NgZone, inject } from '@angular/core';

import { ContextObject, HtmlClientSdk, ModalConfig, PluginBackend } from './client-sdk';
import { sdkReady } from './sdk-ready';

// The SDK behind promises, with every callback brought back into Angular's
// zone (the SDK calls back from postMessage handlers outside it).
@Injectable({ providedIn: 'root' })
export class ClientSdkService {
  private readonly zone = inject(NgZone);

  ready(): Promise<HtmlClientSdk> {
    return sdkReady();
  }

  async sessionToken(): Promise<string> {
    const sdk = await this.ready();
    return new Promise((resolve) => sdk.app.getSessionInfo((info) => this.zone.run(() => resolve(info.sessionToken))));
  }

  async backends(): Promise<PluginBackend[]> {
    const sdk = await this.ready();
    return new Promise((resolve) =>
      sdk.app.getPluginBackendInfo((info) => this.zone.run(() => resolve(info?.allPluginBackendServers ?? []))),
    );
  }

  async uiEndpoint(): Promise<string> {
    const sdk = await this.ready();
    return new URL(sdk.app.getApiEndpoints().uiApiEndpoint.fullUrl, location.href).origin;
  }

  async contextObjects(): Promise<ContextObject[]> {
    return (await this.ready()).app.getContextObjects() ?? [];
  }

  async theme(): Promise<string> {
    return (await this.ready()).app.getTheme()?.name ?? 'light';
  }

  async onThemeChanged(callback: (name: string) => void): Promise<void> {
    (await this.ready()).event.onThemeChanged((t) => this.zone.run(() => callback(t.name)));
  }

  async onGlobalRefresh(callback: () => void): Promise<void> {
    (await this.ready()).event.onGlobalRefresh(() => this.zone.run(callback));
  }

  async openModal(config: ModalConfig): Promise<void> {
    const sdk = await this.ready();
    const onClosed = config.onClosed;
    sdk.modal.open({ ...config, onClosed: (data) => this.zone.run(() => onClosed?.(data)) });
  }

  // The VM's summary in the vSphere Client; `guid` is its vCenter's.
  async showVm(vm: string, guid: string): Promise<void> {
    (await this.ready()).app.navigateTo?.({ targetViewId: 'vsphere.core.vm.summary', objectId: `VirtualMachine:${vm}:${guid}` });
  }

  async closeModal(data?: unknown): Promise<void> {
    (await this.ready()).modal.close(data);
  }
}
