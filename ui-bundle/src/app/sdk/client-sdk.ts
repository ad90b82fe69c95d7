// The vSphere Client's JavaScript API for remote plug-in views
// (htmlClientSdk), as far as this plug-in uses it. The vSphere Client serves
// it at /api/ui/htmlClientSdk.js; the test shell serves the same contract.
export interface ContextObject {
  id: string;
}

export interface PluginBackend {
  proxiedBaseUrl: string;
  type: string;
}

export interface ModalConfig {
  url: string;
  title?: string;
  accessibilityTitle?: string;
  size: { width: number; height: number };
  closable?: boolean;
  onClosed?: (data?: unknown) => void;
  contextObjects?: ContextObject[];
  customData?: unknown;
}

export interface HtmlClientSdk {
  initialize(callback: () => void): void;
  app: {
    getClientInfo(): { type: string; version: string };
    getClientLocale?(): string;
    getContextObjects(): ContextObject[];
    getSessionInfo(callback: (info: { sessionToken: string }) => void): void;
    getApiEndpoints(): { uiApiEndpoint: { fullUrl: string } };
    getPluginBackendInfo(callback: (info: { allPluginBackendServers: PluginBackend[] }) => void): void;
    getTheme(): { name: string };
    navigateTo?(request: { targetViewId: string; objectId?: string }): void;
  };
  event: {
    onGlobalRefresh(callback: () => void): void;
    onThemeChanged(callback: (theme: { name: string }) => void): void;
  };
  modal: {
    open(config: ModalConfig): void;
    close(data?: unknown): void;
    getCustomData?(): unknown;
  };
}

declare global {
  interface Window {
    htmlClientSdk?: HtmlClientSdk;
  }
}

// The vCenter a context object belongs to: its id ends with ":<vcGuid>".
export function vcenterGuidOf(id: string): string | undefined {
  const parts = id.split(':');
  return parts.length >= 3 ? parts[parts.length - 1] : undefined;
}

// "VirtualMachine:vm-42:<guid>" -> {type: "VirtualMachine", value: "vm-42"}.
export function morefOf(id: string): { type: string; value: string } | undefined {
  const parts = id.split(':');
  return parts.length >= 2 ? { type: parts[0], value: parts[1] } : undefined;
}
