// The plug-in as an administrator uses it: the info panel, the Create VCH
// wizard end to end with the wrong inputs tried on every step, the new VCH in
// the list, its deletion, and the dark theme. A screenshot of every step is
// kept in the artifacts directory.
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';

import { request } from 'playwright-core';

import { startRegistry } from './support/registry.mjs';
import { artifactsDir, launchBrowser, startShell } from './support/shell.mjs';
import { unzip } from './support/unzip.mjs';

const VCH = 'vch-browser';
// The loopback address the VCH's certificate names, so that the endpoint
// runner puts its daemon there.
const VCH_ADDRESS = '127.0.0.77';
// A second VCH, made with client certificates, where its daemon listens.
const VCH_TLS = 'vch-browser-tls';
const VCH_TLS_ADDRESS = '127.0.0.78';
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
const TIMEOUT = 30_000;

describe('the plug-in in the test shell', () => {
  let shell, facts, browser, page, view, modal, registry;
  // Where the client bundle the wizard handed out was unzipped.
  let wizardBundle;
  const shots = artifactsDir();
  const shoot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  // The message shown for a field (by its id) in the wizard.
  const fieldError = (id) => modal.locator(`[id="${id}-error"]`);
  // Clarity keeps every page in the DOM; only the current one is visible.
  const currentPage = () => modal.locator('clr-wizard-page.active');
  const next = () => modal.getByRole('button', { name: 'Next', exact: true }).click();
  const expectTitle = (title) => modal.locator('.modal-title').filter({ hasText: title }).first().waitFor();
  // The operation log pane's own close button.
  const closeLog = () => view.locator('clr-dg-detail-header button').click();
  const alertsOfPage = async () => (await currentPage().getByRole('alert').allInnerTexts()).join('\n');

  // axe-core in the frame with that id: no serious or critical violation.
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const accessible = async (frameId, where) => {
    const frame = await (await page.locator(`#${frameId}`).elementHandle()).contentFrame();
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ content: axeSource });
    const found = await frame.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 2).map((n) => `${n.html} ${n.failureSummary}`).join(' | ')}`);
    });
    assert.deepEqual(found, [], `accessibility of ${where}`);
  };

  // The appliance's API as the signed-in user, with HTTP Basic.
  const applianceApi = () =>
    request.newContext({
      baseURL: facts.appliance,
      ignoreHTTPSErrors: true,
      extraHTTPHeaders: { Authorization: `Basic ${Buffer.from(`${facts.user}:${facts.password}`).toString('base64')}` },
    });
  const vchBody = (name, cname, extra = {}) => ({
    name,
    compute: { resource: { name: 'DC0_C0' } },
    storage: { image_stores: ['ds://LocalDS_0'] },
    network: { bridge: { ip_range: '172.16.0.0/12', port_group: { name: 'DC0_DVPG0' } }, public: { port_group: { name: 'VM Network' } } },
    auth: { server: { generate: { cname, organization: ['VIC tests'], size: { value: 2048, units: 'bit' } } } },
    ...extra,
  });
  // Follows a task the API handed back until it ends.
  const finished = async (api, uri) => {
    for (let i = 0; i < 120; i++) {
      const task = await (await api.get(uri.replace(/^\//, ''))).json();
      if (task.state !== 'queued' && task.state !== 'running') return task;
      await page.waitForTimeout(500);
    }
    throw new Error(`the task ${uri} did not end`);
  };

  before(async () => {
    shell = startShell();
    registry = await startRegistry();
    facts = await shell.ready;
    browser = await launchBrowser();
    const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
    context.setDefaultTimeout(TIMEOUT);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    view = page.frameLocator('#view');
    modal = page.frameLocator('#modal-frame');
    await page.goto(facts.shell);
  });

  after(async () => {
    await browser?.close();
    await shell?.stop();
    registry?.stop();
  });

  test('the info panel shows this appliance, its versions and the registered appliances', async () => {
    await view.getByRole('tab', { name: 'Summary' }).click();
    const version = view.locator('[data-test="appliance-version"]');
    await version.waitFor();
    assert.match(await version.innerText(), /^v?\d+\.\d+\.\d+/);
    assert.match(await view.locator('[data-test="plugin-version"]').innerText(), /^\d+\.\d+\.\d+\.\d+$/);
    assert.match(await view.locator('[data-test="endpoint-version"]').innerText(), /\d+\.\d+\.\d+/);
    const appliances = view.getByRole('region', { name: 'Registered appliances' });
    const port = new URL(facts.appliance).port;
    const mine = appliances.getByRole('row').filter({ hasText: `:${port}` });
    await mine.waitFor();
    const cells = await mine.getByRole('gridcell').allInnerTexts();
    assert.match(cells[0], /\(this one\)/);
    assert.equal(cells[3].trim(), 'Yes', 'this appliance is reachable');
    assert.match(cells[5], /Yes/, 'the plug-in talks to this appliance');
    // Counted in the singular when there is one ("1 appliance", not "1 appliances").
    assert.equal((await appliances.locator('clr-dg-footer').innerText()).trim(), '1 appliance');
    // The appliance's own page, linked as 1.5 linked its Getting Started page.
    const own = await view.locator('[data-test="appliance-page"]').getAttribute('href');
    assert.match(own, new RegExp(`^https://[^/]+:${port}/register$`));
    const ownPage = await page.request.get(own);
    assert.equal(ownPage.status(), 200);
    assert.match(await ownPage.text(), /vCenter/);
    assert.match(await view.locator('[data-test="container-count"]').innerText(), /^\d+$/);
    await shoot('01-info-panel');
    await accessible('view', 'the info panel');
  });

  test('the wizard refuses wrong inputs on every step, then creates the VCH', async () => {
    await view.getByRole('tab', { name: 'Virtual Container Hosts' }).click();
    await view.getByRole('button', { name: 'New Virtual Container Host' }).click();
    const name = modal.getByLabel('VCH name');
    await name.waitFor();

    // General: the rules as the user types, then the appliance's own check.
    await name.fill('bad/name');
    await fieldError('vch-name').filter({ hasText: 'characters that are not allowed' }).waitFor();
    await name.fill('x'.repeat(32));
    await fieldError('vch-name').filter({ hasText: 'longer than 31' }).waitFor();
    await modal.getByLabel('Syslog port').fill('abc');
    await modal.getByLabel('Syslog port').blur();
    await modal.locator('#syslog-host-error').filter({ hasText: 'Port should be numeric' }).waitFor();
    await modal.getByLabel('Syslog port').fill('');
    await name.fill('DC0_H0_VM0'); // vcsim's own VM: the name is taken
    await next();
    await fieldError('vch-name').filter({ hasText: 'already exists' }).waitFor();
    // The problem is the field's, for eyes and screen readers alike.
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.ok((await name.getAttribute('aria-describedby')).split(' ').includes('vch-name-error'), 'the message describes the field');
    assert.equal(await name.getAttribute('aria-required'), 'true');
    assert.match(await fieldError('vch-name').getAttribute('class'), /\berror\b/, 'the message is red');
    await currentPage().locator('clr-input-container .clr-validate-icon').first().waitFor();
    await shoot('02-general-errors');
    await accessible('modal-frame', 'General with its problems');
    await name.fill(VCH);
    assert.equal(await fieldError('vch-name').count(), 0, 'a changed name loses the stale problem at once');
    assert.equal(await name.getAttribute('aria-invalid'), null);
    await shoot('03-general');
    await accessible('modal-frame', 'General');
    await name.press('Enter'); // Enter moves on, as Next does

    // Compute capacity: nothing chosen, then a limit that is not a number.
    await expectTitle('Compute capacity');
    await modal.getByRole('button', { name: 'DC0_C0', exact: true }).waitFor();
    await next();
    await currentPage().getByRole('alert').filter({ hasText: 'choose a valid compute resource' }).waitFor();
    await modal.getByLabel('CPU limit (MHz)').fill('abc');
    await modal.getByLabel('CPU limit (MHz)').blur();
    await fieldError('cpu-limit').filter({ hasText: "either be 'Unlimited' or a number" }).waitFor();
    await shoot('04-compute-errors');
    await modal.getByLabel('CPU limit (MHz)').fill('Unlimited');
    await modal.getByRole('button', { name: 'DC0_C0', exact: true }).click();
    // The limits say how far the chosen cluster goes, and refuse more.
    await modal.locator('#memory-limit-helper').filter({ hasText: /1 to \d+ MB/ }).waitFor();
    await modal.getByLabel('Memory limit (MB)').fill('99999999999');
    await modal.getByLabel('Memory limit (MB)').blur();
    await fieldError('memory-limit').filter({ hasText: 'cannot be bigger than' }).waitFor();
    await shoot('05a-compute-bounds');
    await accessible('modal-frame', 'Compute capacity');
    await modal.getByLabel('Memory limit (MB)').fill('Unlimited');
    // The hosts' firewalls closed: the problem comes with its remedy, in place.
    {
      const api = await applianceApi();
      const closed = await api.post(`container/target/${facts.vcenter}?action=firewall:deny&thumbprint=${facts.thumbprint}`);
      assert.equal(closed.status(), 204, await closed.text());
      await api.dispose();
    }
    await next();
    const allow = modal.getByRole('button', { name: "Allow VCH traffic through the hosts' firewalls" });
    await allow.waitFor();
    const said = await currentPage().getByRole('alert').allInnerTexts();
    assert.ok(said.some((t) => t.includes('2377')), said.join('\n'));
    assert.ok(!said.some((t) => t.includes('firewall:allow')), 'no API words for the administrator');
    await shoot('05-compute-firewall');
    await allow.click(); // opens them, checks again and moves on
    await expectTitle('Storage capacity');

    // Storage capacity: no datastore, then a size that is not a number.
    await expectTitle('Storage capacity');
    await modal.locator('#image-datastore option[value="LocalDS_0"]').waitFor({ state: 'attached' });
    await next();
    await fieldError('image-datastore').filter({ hasText: 'Image store should be selected' }).waitFor();
    await modal.getByLabel('Max container VM image size').fill('eight');
    await modal.getByLabel('Max container VM image size').blur();
    await fieldError('base-image-size').filter({ hasText: 'Image size should be a number' }).waitFor();
    await shoot('06-storage-errors');
    await modal.getByLabel('Max container VM image size').fill('8');
    await modal.getByLabel('Image datastore', { exact: true }).selectOption('LocalDS_0');
    await shoot('07-storage');
    await accessible('modal-frame', 'Storage capacity');
    await next();

    // Networks: neither required network, a bad DNS server, a bad range.
    await expectTitle('Configure networks');
    await modal.locator('#bridge-network option[value="DC0_DVPG0"]').waitFor({ state: 'attached' });
    await next();
    await fieldError('bridge-network').filter({ hasText: 'Bridge network should be selected' }).waitFor();
    await fieldError('public-network').filter({ hasText: 'Public network should be selected' }).waitFor();
    await modal.getByLabel('DNS servers').fill('10.0.0.1, not-an-ip');
    await modal.getByLabel('DNS servers').blur();
    await fieldError('public-dns').filter({ hasText: 'not-an-ip is not a valid IP address' }).waitFor();
    await modal.getByLabel('Bridge network range').fill('172.16.0.0/99');
    await modal.getByLabel('Bridge network range').blur();
    await fieldError('bridge-range').filter({ hasText: 'CIDR format' }).waitFor();
    await shoot('08-networks-errors');
    await modal.getByLabel('DNS servers').fill('');
    await modal.getByLabel('Bridge network range').fill('172.16.0.0/12');
    await modal.getByLabel('Bridge network', { exact: true }).selectOption('DC0_DVPG0');
    await modal.getByLabel('Public network', { exact: true }).selectOption('VM Network');
    await shoot('09-networks');
    await accessible('modal-frame', 'Networks');
    await next();

    // Security: a key size out of range.
    await expectTitle('Security');
    await modal.getByLabel('Certificate key size (bits)').fill('512');
    await modal.getByLabel('Certificate key size (bits)').blur();
    await fieldError('key-size').filter({ hasText: 'Key size should be at least 1024' }).waitFor();
    await shoot('10-security-errors');
    await modal.getByLabel('Certificate key size (bits)').fill('2048');
    await modal.getByLabel('Common name (CN)').fill(VCH_ADDRESS);
    // Client verification stays on: the appliance makes the client certificate.
    assert.ok(await modal.getByLabel('Verify clients with certificates').isChecked());
    await shoot('11-security');
    await accessible('modal-frame', 'Security');
    await next();

    // Registry access: a whitelist entry that is no address, a bad port.
    await expectTitle('Registry access');
    await modal.getByLabel('Whitelist registry mode').check();
    await modal.getByLabel('Whitelist registry 1', { exact: true }).fill('not a registry!');
    await modal.getByLabel('Whitelist registry 1', { exact: true }).blur();
    await fieldError('whitelist-0').filter({ hasText: 'is not valid' }).waitFor();
    await shoot('12-registry-errors');
    await modal.getByLabel('Whitelist registry mode').uncheck();
    await modal.getByLabel('Insecure registry 1 port').fill('99999');
    await modal.getByLabel('Insecure registry 1 port').blur();
    await fieldError('insecure-0').filter({ hasText: 'Port must be from 1 to 65535' }).waitFor();
    await modal.getByLabel('Insecure registry 1', { exact: true }).fill('127.0.0.1');
    await modal.getByLabel('Insecure registry 1 port').fill(String(registry.port));
    await shoot('13-registry');
    await accessible('modal-frame', 'Registry access');
    await next();

    // Operations user: empty, then a password vCenter refuses.
    await expectTitle('Operations user');
    await next();
    await fieldError('ops-user').filter({ hasText: 'Operations user cannot be empty' }).waitFor();
    await modal.getByRole('textbox', { name: 'Operations user', exact: true }).fill(facts.user);
    await modal.getByLabel('Operations user password').fill('not-the-password');
    await next();
    await currentPage().getByRole('alert').filter({ hasText: 'refused' }).first().waitFor();
    await shoot('14-operations-errors');
    await modal.getByLabel('Operations user password').fill(facts.password);
    await shoot('15-operations');
    await accessible('modal-frame', 'Operations user');
    await next();

    // Summary: the review, then Finish and the operation step by step.
    await expectTitle('Summary');
    const review = await currentPage().innerText();
    for (const shown of [VCH, 'DC0_C0', 'LocalDS_0', 'DC0_DVPG0', 'VM Network', facts.user])
      assert.ok(review.includes(shown), `the summary shows ${shown}`);
    assert.ok(!review.includes(facts.password), 'the summary does not show the password');
    // The vic-machine line runs as shown: the caller as --user, the password left to its prompt.
    const line = await modal.getByLabel('vic-machine command').inputValue();
    assert.match(line, /--user \S+/, line);
    assert.ok(line.includes('--compute-resource DC0_C0'), `the cluster as the administrator names it: ${line}`);
    assert.ok(!line.includes(facts.password), 'the command line does not carry a password');
    await shoot('16-summary');
    await accessible('modal-frame', 'Summary');

    // The name is taken while the wizard is open: Finish goes back to
    // General, which is no longer marked done, with the problem beside the name.
    const api = await applianceApi();
    const rival = await api.post(`container/target/${facts.vcenter}/vch?thumbprint=${facts.thumbprint}`, {
      data: vchBody(VCH, '127.0.0.79'),
    });
    assert.equal(rival.status(), 201, await rival.text());
    const rivalTask = await finished(api, (await rival.json()).task);
    assert.equal(rivalTask.state, 'succeeded');
    await modal.getByRole('button', { name: 'Finish', exact: true }).click();
    await expectTitle('General settings');
    await fieldError('vch-name').filter({ hasText: 'already exists' }).waitFor();
    const steps = modal.locator('[clr-wizard-stepnav-item]');
    assert.doesNotMatch(await steps.first().getAttribute('class'), /\bcomplete\b/, 'General is not shown as done');
    assert.doesNotMatch(await steps.last().getAttribute('class'), /\bcomplete\b/);
    await shoot('16b-finish-reopens-general');
    const gone = await api.delete(`container/target/${facts.vcenter}/vch/${rivalTask.vch_id}?thumbprint=${facts.thumbprint}`);
    assert.equal(gone.status(), 202, await gone.text());
    assert.equal((await finished(api, (await gone.json()).task)).state, 'succeeded');
    await api.dispose();
    // Each step's help, shipped with the plug-in, opens at that step's section.
    const helps = { 'Compute capacity': 'compute', 'Storage capacity': 'storage', 'Configure networks': 'networks', Security: 'security', 'Registry access': 'registry', 'Operations user': 'operations' };
    const opens = async (link, section) => {
      const href = await link.getAttribute('href');
      assert.ok(href.endsWith(`#${section}`), href);
      const frame = await (await page.locator('#modal-frame').elementHandle()).contentFrame();
      const answer = await page.request.get(new URL(href, frame.url()).href);
      assert.equal(answer.status(), 200);
      assert.ok((await answer.text()).includes(`id="${section}"`), `the help has a section ${section}`);
    };
    for (const title of ['Compute capacity', 'Storage capacity', 'Configure networks', 'Security', 'Registry access', 'Operations user', 'Summary']) {
      await next();
      await expectTitle(title);
      if (helps[title]) await opens(modal.getByRole('link', { name: `Help: ${title}` }), helps[title]);
      if (title === 'Configure networks')
        await opens(modal.getByRole('link', { name: 'View network requirements' }), 'network-requirements');
    }
    await modal.getByRole('button', { name: 'Finish', exact: true }).click();
    await modal.getByText(`Creating ${VCH}`).waitFor();
    await modal.locator('[data-test="task-step"]').waitFor();
    // The step in words, not the engine's step id (such as endpoint_vm).
    assert.doesNotMatch(await modal.locator('[data-test="task-step"]').innerText(), /\b[a-z]+_[a-z_]+\b/);
    await shoot('17-progress');
    // The wizard's last state hands out the client certificate, once, with
    // the docker line that uses it.
    const offer = modal.getByRole('button', { name: 'Download the client certificate (zip)' });
    await offer.waitFor({ timeout: 120_000 });
    await modal.locator('[aria-label="docker command"]').filter({ hasText: `${VCH_ADDRESS}:2376` }).waitFor();
    assert.match(await modal.locator('[aria-label="docker command"]').innerText(), /--tlsverify --tlscacert=ca\.pem --tlscert=cert\.pem --tlskey=key\.pem/);
    const download = page.waitForEvent('download');
    await offer.click();
    wizardBundle = mkdtempSync(`${tmpdir()}/vic-wizard-bundle-`);
    await (await download).saveAs(`${wizardBundle}/bundle.zip`);
    for (const [name, data] of Object.entries(unzip(readFileSync(`${wizardBundle}/bundle.zip`))))
      writeFileSync(`${wizardBundle}/${name}`, data, { mode: 0o600 });
    assert.ok(await offer.isDisabled(), 'handed out once');
    await shoot('17b-client-bundle-offered');
    await accessible('modal-frame', 'the end of the wizard');
    await modal.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('#modal').waitFor({ state: 'hidden', timeout: 120_000 });
    // Focus is back where the wizard was opened from.
    await view.locator('button:focus').filter({ hasText: 'New Virtual Container Host' }).waitFor();

    const row = view.locator(`clr-dg-row[data-vch="${VCH}"]`);
    await row.waitFor();
    const cells = await row.locator('clr-dg-cell').allInnerTexts();
    assert.match(cells.join(' | '), /v?\d+\.\d+\.\d+/, 'the row shows the VCH version');
    await shoot('18-vch-list');
  });

  test('the row detail shows the operation log', async () => {
    const row = view.locator(`clr-dg-row[data-vch="${VCH}"]`);
    await row.getByRole('button', { name: `Show the operation log of ${VCH}` }).click();
    const log = view.getByLabel(`Operation log of ${VCH}`, { exact: true });
    await log.waitFor();
    assert.match(await log.innerText(), /create/i);
    await shoot('19-vch-log');
    await accessible('view', 'the operation log pane');
    await closeLog();
    await log.waitFor({ state: 'detached' });
  });

  test('the VCH answers the docker CLI, and its container shows in the Containers pane', async () => {
    // The runner starts the VCH's daemon; the list shows where it answers.
    const row = view.locator(`clr-dg-row[data-vch="${VCH}"]`);
    for (let i = 0; i < 40 && !(await row.innerText()).includes(`DOCKER_HOST=${VCH_ADDRESS}:2376`); i++) {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await page.waitForTimeout(500);
    }
    assert.match(await row.innerText(), new RegExp(`DOCKER_HOST=${VCH_ADDRESS.replaceAll('.', '\\.')}:2376`));
    const daemon = await row.locator('[data-daemon-version]').getAttribute('data-daemon-version');
    const shipped = await (async () => {
      await view.getByRole('tab', { name: 'Summary' }).click();
      const v = await view.locator('[data-test="endpoint-version"]').innerText();
      const line = view.getByRole('region', { name: 'Virtual Container Hosts and their endpoint daemons' })
        .locator(`[data-vch="${VCH}"] [data-daemon-version]`);
      await line.waitFor();
      assert.equal(await line.getAttribute('data-daemon-version'), v, 'the info panel shows the daemon beside what ships');
      return v;
    })();
    assert.equal(daemon, shipped, 'the list shows the daemon version the VCH runs');

    // The server certificate from the list; the CLI uses the client bundle
    // the wizard handed out, with --tlsverify.
    await view.getByRole('tab', { name: 'Virtual Container Hosts' }).click();
    await view.getByRole('button', { name: `Actions for ${VCH}` }).click();
    const download = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Download server certificate', exact: true }).click();
    const certDir = mkdtempSync(`${tmpdir()}/vic-docker-`);
    await (await download).saveAs(`${certDir}/server.pem`);
    assert.match(readFileSync(`${certDir}/server.pem`, 'utf8'), /BEGIN CERTIFICATE/);
    const image = await registry.push('test/tiny', '1.0');
    const docker = (...args) =>
      execFileSync(DOCKER, ['--tlsverify', '--tlscacert', `${wizardBundle}/ca.pem`, '--tlscert', `${wizardBundle}/cert.pem`,
        '--tlskey', `${wizardBundle}/key.pem`, '-H', `tcp://${VCH_ADDRESS}:2376`, ...args], {
        env: { ...process.env, DOCKER_CONFIG: certDir },
        encoding: 'utf8',
      }).trim();
    docker('pull', image);
    docker('create', '--name', 'web', '-p', '8080:80', image);
    docker('start', 'web');

    // Its status says the endpoint answers; its name leads to its VM, whose
    // card counts its containers.
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await row.locator('[data-status="poweredOn"]').filter({ hasText: 'Powered on, Docker API answering' }).waitFor();
    await row.getByRole('link', { name: `${VCH}, its endpoint VM` }).click();
    await view.getByRole('heading', { name: 'Virtual Container Host' }).waitFor();
    assert.equal(await view.locator('[data-test="container-count"]').innerText(), '1');
    assert.match(await view.locator('[data-test="vch-status"]').innerText(), /Docker API answering/);
    await shoot('19g-vm-summary');
    await accessible('view', 'the VM summary card');
    await page.getByRole('button', { name: 'vSphere Integrated Containers', exact: true }).click();

    await view.getByRole('tab', { name: 'Containers' }).click();
    await view.getByRole('button', { name: 'Refresh the containers' }).click();
    const container = view.getByRole('region', { name: 'Containers' }).getByRole('row').filter({ hasText: 'web' });
    await container.waitFor();
    const cells = (await container.getByRole('gridcell').allInnerTexts()).join(' | ');
    for (const shown of [image, '8080:80', VCH, 'Powered on'])
      assert.ok(cells.includes(shown), `the Containers pane shows ${shown}: ${cells}`);
    assert.match(await view.getByRole('region', { name: 'Containers' }).locator('clr-dg-footer').innerText(), /1 - 1 of 1 container VM$/);
    await shoot('19c2-containers');
    await accessible('view', 'Containers');
    docker('rm', '-f', 'web');
    await view.getByRole('tab', { name: 'Virtual Container Hosts' }).click();
  });

  test('Configure changes what 1.5 could, warns before a restart, and the open log shows the change', async () => {
    const row = view.locator(`clr-dg-row[data-vch="${VCH}"]`);
    // From a VM's own Actions menu in the client too; a VM that is no VCH says so.
    await page.getByRole('button', { name: 'Actions for DC0_H0_VM0', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delete Virtual Container Host...' }).click();
    await modal.getByText('The VM vm-').filter({ hasText: 'is not a Virtual Container Host' }).waitFor();
    assert.ok(await modal.getByRole('button', { name: 'Delete', exact: true }).isDisabled());
    await modal.getByRole('button', { name: 'Cancel', exact: true }).click();
    // The VM's entry, not its resource pool's of the same name.
    await page.locator('li').filter({ has: page.locator('button[title^="VirtualMachine "]', { hasText: new RegExp(`^${VCH}$`) }) })
      .getByRole('button', { name: `Actions for ${VCH}`, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Upgrade Virtual Container Host...' }).click();
    await modal.getByText(`${VCH} cannot be upgraded: Up to date.`).waitFor();
    await accessible('modal-frame', 'the Upgrade dialog');
    await modal.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.locator('#modal').waitFor({ state: 'hidden' });

    await view.getByRole('button', { name: `Actions for ${VCH}` }).click();
    // Never upgraded, up to date: nothing to roll back, and Upgrade says why it is off.
    assert.equal(await view.getByRole('button', { name: /^Roll back/ }).count(), 0);
    assert.ok(await view.getByRole('button', { name: /^Upgrade \(Up to date\)/ }).isDisabled());
    await view.getByRole('button', { name: 'Configure', exact: true }).click();
    await modal.getByRole('heading', { name: `Configure ${VCH}` }).waitFor();
    const form = modal.locator('form');
    await form.getByLabel('Memory limit (MB)').fill('4096');
    assert.equal(await modal.locator('[data-test="restart-warning"]').count(), 0, 'limits alone do not restart the endpoint');
    const levels = await modal.locator('#debug option').allInnerTexts();
    assert.ok(levels.some((l) => l.includes('Extra verbosity')), `debug levels are named: ${levels}`);
    await modal.locator('#debug').selectOption({ label: levels.find((l) => l.includes('Extra verbosity')) });
    await modal.locator('[data-test="restart-warning"]').waitFor();
    await form.getByLabel('DNS servers').fill('10.0.0.53, 10.0.0.54');
    await modal.getByRole('button', { name: 'Add a volume store' }).click();
    await modal.locator('#store-datastore-0 option', { hasText: 'LocalDS_0' }).waitFor({ state: 'attached' });
    await modal.locator('#store-datastore-0').selectOption('LocalDS_0');
    await modal.getByLabel('New volume store 1 folder').fill('browser-more');
    await modal.getByLabel('New volume store 1 name').fill('more');
    await modal.getByRole('button', { name: 'Add a container network' }).click();
    await modal.locator('#network-pg-0 option', { hasText: 'DC0_DVPG1' }).waitFor({ state: 'attached' });
    assert.equal(await modal.locator('#network-pg-0 option', { hasText: 'DC0_DVPG0' }).count(), 0, 'the bridge is not offered');
    await modal.locator('#network-pg-0').selectOption('DC0_DVPG1');
    await modal.getByLabel('New container network 1 name').fill('lan');
    await form.getByLabel('HTTP proxy').fill('ftp://nowhere');
    await modal.getByRole('button', { name: 'Save and restart' }).click();
    await modal.locator('[id="http-proxy-error"]').filter({ hasText: 'http://host:port' }).waitFor();
    await form.getByLabel('HTTP proxy').fill('http://proxy.example.com:3128');
    await shoot('19e-configure');
    await accessible('modal-frame', 'the Configure dialog');
    await modal.getByRole('button', { name: 'Save and restart' }).click();
    await page.locator('#modal').waitFor({ state: 'hidden', timeout: 120_000 });
    await view.getByText(`${VCH} was reconfigured.`).waitFor();

    // What the API now says; the log shows the change.
    const api = await applianceApi();
    const vch = await (await api.get(`container/target/${facts.vcenter}/vch/${await row.getAttribute('data-vch-id')}?thumbprint=${facts.thumbprint}`)).json();
    await api.dispose();
    assert.equal(vch.compute.memory.limit.value, 4096);
    assert.equal(vch.debug, 1);
    assert.deepEqual(vch.network.public.nameservers, ['10.0.0.53', '10.0.0.54']);
    assert.ok(vch.storage.volume_stores.some((s) => s.label === 'more'), JSON.stringify(vch.storage));
    assert.ok(vch.network.container.some((n) => n.alias === 'lan'), JSON.stringify(vch.network));
    assert.equal(vch.registry.image_fetch_proxy.http, 'http://proxy.example.com:3128');
    const log = view.getByLabel(`Operation log of ${VCH}`, { exact: true });
    await row.getByRole('button', { name: `Show the operation log of ${VCH}` }).click();
    await view.getByText('Create the folders of the volume stores added').first().waitFor();
    const writes = async () => (await log.innerText()).split('Write the new configuration to the endpoint VM').length - 1;
    assert.equal(await writes(), 1);

    // Changed by someone else while the log is open: the list's next refresh shows it there.
    const other = await applianceApi();
    const patched = await other.patch(`container/target/${facts.vcenter}/vch/${vch.id}?thumbprint=${facts.thumbprint}`, {
      data: { debug: 0 },
      headers: { 'Content-Type': 'application/merge-patch+json' },
    });
    assert.equal(patched.status(), 202, await patched.text());
    assert.equal((await finished(other, (await patched.json()).task)).state, 'succeeded');
    await other.dispose();
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    for (let i = 0; i < 20 && (await writes()) < 2; i++) await page.waitForTimeout(500);
    assert.equal(await writes(), 2, 'the open log shows the second change');
    await shoot('19f-configured-log');
    await closeLog();
  });

  test('a VCH made with client certificates hands its creator the bundle once, and it opens the Docker API', async () => {
    // Made through the appliance's API as the signed-in user, with client
    // verification on, so that a client certificate is generated.
    const api = await applianceApi();
    const created = await api.post(`container/target/${facts.vcenter}/vch?thumbprint=${facts.thumbprint}`, {
      data: vchBody(VCH_TLS, VCH_TLS_ADDRESS),
    });
    assert.equal(created.status(), 201, await created.text());
    const task = await finished(api, (await created.json()).task);
    assert.equal(task.state, 'succeeded', JSON.stringify(task));

    await view.getByRole('tab', { name: 'Virtual Container Hosts' }).click();
    const actions = view.getByRole('button', { name: `Actions for ${VCH_TLS}` });
    for (let i = 0; i < 20 && !(await actions.count()); i++) {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await page.waitForTimeout(500);
    }
    await actions.click();
    await shoot('19d-client-bundle-offered');
    await page.keyboard.press('Escape');
    await accessible('view', 'the Virtual Container Hosts list');
    await actions.click();
    const download = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Download client certificate (once)', exact: true }).click();
    const dir = mkdtempSync(`${tmpdir()}/vic-bundle-`);
    await (await download).saveAs(`${dir}/bundle.zip`);
    const files = unzip(readFileSync(`${dir}/bundle.zip`));
    assert.deepEqual(Object.keys(files).sort(), ['ca.pem', 'cert.pem', 'key.pem']);
    for (const [name, data] of Object.entries(files)) writeFileSync(`${dir}/${name}`, data, { mode: 0o600 });

    // The files open a mutually authenticated connection to the VCH's daemon.
    const docker = (...args) =>
      execFileSync(DOCKER, ['--tlsverify', '--tlscacert', `${dir}/ca.pem`, '--tlscert', `${dir}/cert.pem`,
        '--tlskey', `${dir}/key.pem`, '-H', `tcp://${VCH_TLS_ADDRESS}:2376`, ...args], {
        env: { ...process.env, DOCKER_CONFIG: dir },
        encoding: 'utf8',
      }).trim();
    let answered = '';
    for (let i = 0; i < 60 && !answered; i++) {
      try {
        answered = docker('version', '--format', '{{.Server.Version}}');
      } catch {
        await page.waitForTimeout(500);
      }
    }
    assert.ok(answered, 'the VCH answers the docker CLI with the downloaded client certificate');

    // Handed out once: the row no longer offers it.
    await view.getByRole('button', { name: `Actions for ${VCH_TLS}` }).click();
    assert.equal(await view.getByRole('button', { name: 'Download client certificate (once)', exact: true }).count(), 0);
    await page.keyboard.press('Escape');
    const removed = await api.delete(`container/target/${facts.vcenter}/vch/${task.vch_id}?thumbprint=${facts.thumbprint}`);
    assert.equal(removed.status(), 202, await removed.text());
    await api.dispose();
  });

  test("the wizard opened from a cluster's Actions menu starts on that cluster", async () => {
    await page.getByRole('button', { name: 'Actions for DC0_C0', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New Virtual Container Host...' }).click();
    await modal.getByLabel('VCH name').fill('vch-from-cluster');
    await next();
    await expectTitle('Compute capacity');
    const cluster = modal.getByRole('button', { name: 'DC0_C0', exact: true });
    await page.waitForFunction(() => {
      const doc = document.getElementById('modal-frame').contentDocument;
      return [...doc.querySelectorAll('button[aria-pressed="true"]')].some((b) => b.textContent.trim() === 'DC0_C0');
    });
    assert.equal(await cluster.getAttribute('aria-pressed'), 'true');
    await shoot('19b-wizard-from-cluster');
    await modal.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.locator('#modal').waitFor({ state: 'hidden' });

    // Opened on a VCH's own resource pool, which it cannot offer, it says why nothing is chosen.
    await page.locator('li').filter({ has: page.locator('button[title^="ResourcePool "]', { hasText: new RegExp(`^${VCH}$`) }) })
      .getByRole('button', { name: `Actions for ${VCH}`, exact: true }).click();
    await page.getByRole('menuitem', { name: 'New Virtual Container Host...' }).click();
    await modal.getByLabel('VCH name').fill('vch-from-pool');
    await next();
    await expectTitle('Compute capacity');
    await modal.locator('[data-test="not-offered"]').filter({ hasText: `opened on ${VCH}, the resource pool of a VCH` }).waitFor();
    await shoot('19c-wizard-from-vch-pool');
    await modal.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.locator('#modal').waitFor({ state: 'hidden' });
  });

  test("the client's global refresh reloads the list", async () => {
    // The list also polls every 15 s: two refreshes within 1.5 s must give
    // two loads, which polling alone cannot.
    let loads = 0;
    const count = (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname.endsWith('/vch')) loads++;
    };
    page.on('request', count);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.waitForTimeout(700);
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await page.waitForTimeout(800);
    page.off('request', count);
    assert.ok(loads >= 2, `the list was loaded ${loads} times after two refreshes`);
    await view.locator(`clr-dg-row[data-vch="${VCH}"]`).waitFor();
  });

  test('Delete from the list removes the VCH', async () => {
    await view.getByRole('button', { name: `Actions for ${VCH}` }).click();
    await view.getByRole('menuitem', { name: 'Delete' }).or(view.getByRole('button', { name: 'Delete', exact: true })).first().click();
    await modal.getByRole('heading', { name: `Delete ${VCH}` }).waitFor();
    await modal.getByText('manages 0 container VMs').waitFor();
    await shoot('20-delete');
    await accessible('modal-frame', 'the Delete dialog');
    await modal.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.locator('#modal').waitFor({ state: 'hidden', timeout: 120_000 });
    await view.locator(`clr-dg-row[data-vch="${VCH}"]`).waitFor({ state: 'detached' });
    await shoot('21-deleted');
  });

  test('the wizard fits a 1024×700 vSphere Client window, its buttons in view', async () => {
    const small = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1024, height: 700 } });
    small.setDefaultTimeout(TIMEOUT);
    const p = await small.newPage();
    await p.goto(facts.shell);
    const v = p.frameLocator('#view');
    await v.getByRole('tab', { name: 'Virtual Container Hosts' }).click();
    await v.getByRole('button', { name: 'New Virtual Container Host' }).click();
    const m = p.frameLocator('#modal-frame');
    await m.getByLabel('VCH name').waitFor();
    for (const name of ['Next', 'Cancel']) {
      const box = await m.getByRole('button', { name, exact: true }).boundingBox();
      assert.ok(box && box.y + box.height <= 700 && box.x + box.width <= 1024, `${name} is in view: ${JSON.stringify(box)}`);
    }
    await p.screenshot({ path: path.join(shots, '23-wizard-1024x700.png') });
    await m.getByRole('button', { name: 'Cancel', exact: true }).click();

    // The list keeps its Name column in view without scrolling sideways;
    // the columns it starts without are in the column toggle.
    const api = await applianceApi();
    const created = await api.post(`container/target/${facts.vcenter}/vch?thumbprint=${facts.thumbprint}`, {
      data: vchBody('vch-narrow', 'vch-narrow.example.com'),
    });
    const task = await finished(api, (await created.json()).task);
    assert.equal(task.state, 'succeeded', JSON.stringify(task));
    await v.getByRole('button', { name: 'Refresh the list' }).click();
    const name = v.locator('clr-dg-row[data-vch="vch-narrow"] a').first();
    await name.waitFor();
    const grid = v.locator('.datagrid');
    const [nameBox, gridBox] = [await name.boundingBox(), await grid.boundingBox()];
    assert.ok(nameBox.x >= gridBox.x && nameBox.x + nameBox.width <= gridBox.x + gridBox.width, 'Name is in view');
    await p.screenshot({ path: path.join(shots, '23b-list-1024x700.png') });
    const overflow = await grid.evaluate((g) => g.scrollWidth - g.clientWidth);
    assert.ok(overflow <= 1, `the list scrolls sideways by ${overflow} px`);
    await api.delete(`container/target/${facts.vcenter}/vch/${task.vch_id}?thumbprint=${facts.thumbprint}`);
    await api.dispose();
    await small.close();
  });

  test("the plug-in speaks the vSphere Client's language: German and French", async () => {
    const words = {
      'de-DE': { summary: 'Übersicht', create: 'Neuer Virtual Container Host', title: 'Allgemeine Einstellungen', next: 'Weiter', badName: 'Der Name enthält nicht erlaubte Zeichen' },
      'fr-FR': { summary: 'Résumé', create: 'Nouveau Virtual Container Host', title: 'Paramètres généraux', next: 'Suivant', badName: 'Le nom contient des caractères non autorisés' },
    };
    for (const [locale, w] of Object.entries(words)) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
      context.setDefaultTimeout(TIMEOUT);
      const p = await context.newPage();
      const url = new URL(facts.shell);
      url.searchParams.set('locale', locale);
      await p.goto(url.href);
      const v = p.frameLocator('#view');
      await v.getByRole('tab', { name: w.summary }).waitFor();
      assert.equal(await v.locator('html').getAttribute('lang'), locale.slice(0, 2));
      await v.getByRole('tab', { name: 'Virtual Container Hosts' }).click();
      await v.getByRole('button', { name: w.create }).click();
      const m = p.frameLocator('#modal-frame');
      await m.locator('.modal-title').filter({ hasText: w.title }).first().waitFor();
      await m.locator('#vch-name').fill('bad/name');
      await m.locator('[id="vch-name-error"]').filter({ hasText: w.badName }).waitFor();
      await m.getByRole('button', { name: w.next, exact: true }).waitFor();
      await p.screenshot({ path: path.join(shots, `24-wizard-${locale}.png`) });
      const frame = await (await p.locator('#modal-frame').elementHandle()).contentFrame();
      await frame.addScriptTag({ content: axeSource });
      const found = await frame.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ['violations'] })).violations
          .filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => x.id));
      assert.deepEqual(found, [], `accessibility of the wizard in ${locale}`);
      await context.close();
    }
  });

  test('the views follow the client into the dark theme and back', async () => {
    const body = view.locator('body');
    assert.equal(await body.getAttribute('cds-theme'), 'light');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.waitForFunction(() =>
      document.getElementById('view').contentDocument.body.getAttribute('cds-theme') === 'dark');
    const background = await body.evaluate((b) => getComputedStyle(b).backgroundColor);
    await shoot('22-dark-theme');
    await accessible('view', 'the list in the dark theme');
    await page.getByRole('button', { name: 'Light theme' }).click();
    await page.waitForFunction(() =>
      document.getElementById('view').contentDocument.body.getAttribute('cds-theme') === 'light');
    assert.notEqual(await body.evaluate((b) => getComputedStyle(b).backgroundColor), background);
  });
});
