// The shell's side of the vSphere Client: the navigator, the frames plug-in
// views load in, and what htmlClientSdk calls ask of the client. Plug-in
// frames are on this origin (through /proxy/), so the SDK script in them
// reaches this object as window.parent.vicShell.
(() => {
  const $ = (id) => document.getElementById(id);
  const listeners = new Map(); // frame window -> {theme: [], refresh: []}
  let state = null;
  let modal = null; // {opener, onClosed}

  const shell = {
    theme: 'light',
    // The client's language: en-US, or as the shell's URL asks (?locale=de-DE).
    locale: new URLSearchParams(location.search).get('locale') || 'en-US',
    get state() { return state; },

    attach(win) {
      if (!listeners.has(win)) listeners.set(win, { theme: [], refresh: [] });
    },
    on(win, kind, callback) {
      this.attach(win);
      listeners.get(win)[kind].push(callback);
    },
    frameOf(win) {
      for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === win) return f;
      return null;
    },
    contextOf(win) {
      const f = this.frameOf(win);
      return f && f.dataset.context ? JSON.parse(f.dataset.context) : [];
    },
    customDataOf(win) {
      const f = this.frameOf(win);
      return f && f.dataset.custom ? JSON.parse(f.dataset.custom) : undefined;
    },
    sessionInfo(callback) {
      setTimeout(() => callback({ sessionToken: state.sessionToken }), 0);
    },
    backendInfo(callback) {
      const backends = (state.plugin && state.plugin.backends) || [];
      setTimeout(() => callback({ allPluginBackendServers: backends, backendServersPerVc: { [state.vcGuid]: backends } }), 0);
    },
    openModal(opener, config) {
      const url = new URL(config.url, state.plugin.base).href;
      const frame = $('modal-frame');
      frame.dataset.context = JSON.stringify(config.contextObjects || []);
      frame.dataset.custom = JSON.stringify(config.customData === undefined ? null : config.customData);
      frame.title = config.accessibilityTitle || config.title || 'Dialog';
      frame.style.width = `${config.size?.width || 800}px`;
      frame.style.height = `${config.size?.height || 600}px`;
      $('modal-title').textContent = config.title || '';
      $('modal-close').hidden = config.closable === false;
      modal = { opener, onClosed: config.onClosed };
      frame.src = url;
      $('modal').hidden = false;
    },
    closeModal(_from, data) {
      const done = modal;
      modal = null;
      $('modal').hidden = true;
      const frame = $('modal-frame');
      listeners.delete(frame.contentWindow);
      frame.src = 'about:blank';
      if (done && done.onClosed) done.onClosed(data);
    },
    setTheme(name) {
      this.theme = name;
      document.body.dataset.theme = name;
      $('theme').textContent = name === 'dark' ? 'Light theme' : 'Dark theme';
      for (const l of listeners.values()) for (const cb of l.theme) cb({ name });
    },
    refresh() {
      for (const l of listeners.values()) for (const cb of l.refresh) cb();
    },
    // As the client does for the views it knows: a VM's summary, here the
    // plug-in's VM card, which is all the shell shows of a VM.
    navigateTo(request) {
      if (request?.targetViewId !== 'vsphere.core.vm.summary' || !state.plugin.vmSummary) return;
      show(state.plugin.vmSummary, [{ id: request.objectId }]);
    },
  };
  window.vicShell = shell;

  function show(url, context) {
    const view = $('view');
    listeners.delete(view.contentWindow);
    view.dataset.context = JSON.stringify(context || []);
    view.hidden = false;
    $('message').hidden = true;
    view.src = url;
  }

  function closeMenus() {
    for (const m of document.querySelectorAll('nav .menu')) m.remove();
  }

  function render() {
    $('user').textContent = state.user;
    const plugins = $('plugins');
    plugins.replaceChildren();
    if (!state.plugin) {
      $('message').textContent = `No plug-in: ${state.pluginError || 'none is registered'}`;
      return;
    }
    const li = document.createElement('li');
    const open = document.createElement('button');
    open.className = 'link';
    open.textContent = state.plugin.name;
    open.addEventListener('click', () => show(state.plugin.globalView, []));
    li.appendChild(open);
    plugins.appendChild(li);

    const inventory = $('inventory');
    inventory.replaceChildren();
    for (const item of state.inventory) {
      const actions = state.plugin.actions[item.type] || [];
      const viewable = item.type === 'VirtualMachine' && state.plugin.vmSummary;
      if (!actions.length && !viewable) continue;
      const row = document.createElement('li');
      const name = document.createElement('button');
      name.className = 'link';
      name.textContent = item.name;
      name.title = `${item.type} ${item.path}`;
      if (viewable) name.addEventListener('click', () => show(state.plugin.vmSummary, [{ id: item.id }]));
      row.appendChild(name);
      if (actions.length) {
        const more = document.createElement('button');
        more.className = 'actions';
        more.type = 'button';
        more.textContent = 'Actions';
        more.setAttribute('aria-label', `Actions for ${item.name}`);
        more.addEventListener('click', (event) => {
          event.stopPropagation();
          closeMenus();
          const menu = document.createElement('div');
          menu.className = 'menu';
          menu.setAttribute('role', 'menu');
          for (const a of actions) {
            const b = document.createElement('button');
            b.setAttribute('role', 'menuitem');
            b.textContent = a.label;
            b.addEventListener('click', () => {
              closeMenus();
              shell.openModal(null, { url: a.url, title: a.title, size: a.size, contextObjects: [{ id: item.id }] });
            });
            menu.appendChild(b);
          }
          row.appendChild(menu);
        });
        row.appendChild(more);
      }
      inventory.appendChild(row);
    }
  }

  async function load() {
    state = await (await fetch('/shell/state')).json();
    render();
  }

  document.addEventListener('click', closeMenus);
  $('theme').addEventListener('click', () => shell.setTheme(shell.theme === 'dark' ? 'light' : 'dark'));
  $('refresh').addEventListener('click', async () => {
    await load();
    shell.refresh();
  });
  $('modal-close').addEventListener('click', () => shell.closeModal(null, undefined));
  load().then(() => {
    if (state.plugin) show(state.plugin.globalView, []);
  }).catch((e) => ($('message').textContent = `The shell could not start: ${e}`));
})();
