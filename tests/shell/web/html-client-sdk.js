// htmlClientSdk for plug-in views, as the vSphere Client serves it at
// /api/ui/htmlClientSdk.js: the same namespaces and calls, answered by the
// test shell that hosts the frame.
(() => {
  const shell = window.parent && window.parent.vicShell;
  if (!shell) return;
  const me = window;
  const later = (fn) => setTimeout(fn, 0);
  window.htmlClientSdk = {
    initialize(callback) {
      shell.attach(me);
      later(callback);
    },
    app: {
      getClientInfo: () => ({ type: 'HTML', version: '8.0.3' }),
      getClientLocale: () => shell.locale,
      getContextObjects: () => shell.contextOf(me),
      getSessionInfo: (callback) => shell.sessionInfo(callback),
      getApiEndpoints: () => ({ uiApiEndpoint: { fullUrl: shell.state.uiApiEndpoint } }),
      getPluginBackendInfo: (callback) => shell.backendInfo(callback),
      getTheme: () => ({ name: shell.theme }),
      getNavigationData: () => null,
      navigateTo: (request) => shell.navigateTo(request),
    },
    event: {
      onGlobalRefresh: (callback) => shell.on(me, 'refresh', callback),
      onThemeChanged: (callback) => shell.on(me, 'theme', callback),
      onDateTimeFormatChanged: () => undefined,
    },
    modal: {
      open: (config) => shell.openModal(me, config),
      close: (data) => shell.closeModal(me, data),
      getCustomData: () => shell.customDataOf(me),
    },
  };
})();
