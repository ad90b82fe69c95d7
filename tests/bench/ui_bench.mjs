// The plug-in UI's weight and speed, as figures (never pass/fail):
//  - the gzipped size of the JavaScript a view loads before it runs (the
//    scripts and module preloads in index.html), against the 400 KB budget;
//  - on localhost, the time from a click on New Virtual Container Host to
//    the wizard's first step being usable (its name field editable and Next
//    enabled), first open and warm opens, as medians.
// Usage: node tests/bench/ui_bench.mjs [--opens N]; VIC_SHELL names the
// test shell binary (default: the release build's).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchBrowser, repoRoot, startShell } from '../browser/support/shell.mjs';

const BUDGET_KB = 400;
const opens = Number(process.argv[process.argv.indexOf('--opens') + 1]) || 7;
process.env.VIC_SHELL ||= path.join(repoRoot, 'build/release/tests/shell/vsphere-client-shell');

function initialJavaScript() {
  const dist = path.join(repoRoot, 'ui-bundle/dist/vic-ui/browser');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = new Set();
  // Absolute paths are the vSphere Client's own (its htmlClientSdk.js).
  const ours = (src) => !src.startsWith('/') && !/^[a-z]+:/.test(src);
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) if (ours(m[1])) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) if (ours(m[1])) files.add(m[1]);
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(dist, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

// A figure for tests/bench/run's table (see figures.h).
const figure = (what, value, unit, goal = '') => console.log(['figure', what, value.toFixed(3), unit, goal].join('\t'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);

const js = initialJavaScript();
console.log(`initial JavaScript: ${js.files.length} files, ${kb(js.raw)} KB, ${kb(js.gzip)} KB gzipped ` +
  `(${((100 * js.gzip) / (BUDGET_KB * 1024)).toFixed(0)}% of the ${BUDGET_KB} KB budget: ` +
  `${js.gzip <= BUDGET_KB * 1024 ? 'within' : 'OVER'})`);
figure('initial JavaScript, gzipped', js.gzip / 1024, 'KB', `<= ${BUDGET_KB}`);

const shell = startShell();
let browser;
try {
  const facts = await shell.ready;
  browser = await launchBrowser();
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const view = page.frameLocator('#view');
  const modal = page.frameLocator('#modal-frame');

  let t0 = performance.now();
  await page.goto(facts.shell);
  await view.getByRole('button', { name: 'New Virtual Container Host' }).waitFor();
  const globalView = performance.now() - t0;

  const times = [];
  for (let i = 0; i < opens; i++) {
    t0 = performance.now();
    await view.getByRole('button', { name: 'New Virtual Container Host' }).click();
    const name = modal.getByRole('textbox', { name: 'VCH name' });
    await name.waitFor();
    await name.fill('bench');
    await modal.getByRole('button', { name: 'Next', exact: true }).and(modal.locator(':enabled')).waitFor();
    times.push(performance.now() - t0);
    await modal.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.locator('#modal').waitFor({ state: 'hidden' });
  }
  const warm = times.slice(1);
  console.log(`shell opened to the VCH list usable: ${globalView.toFixed(0)} ms`);
  console.log(`New VCH clicked to the wizard's first step usable: first ${times[0].toFixed(0)} ms, ` +
    `then median ${median(warm).toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, ` +
    `max ${Math.max(...warm).toFixed(0)}) over ${warm.length} opens`);
  console.log(`first open / warm median: ${(times[0] / median(warm)).toFixed(2)}`);
  figure('shell opened to a usable VCH list', globalView, 'ms');
  figure('wizard usable: first open', times[0], 'ms');
  figure('wizard usable: warm median', median(warm), 'ms');
} finally {
  await browser?.close();
  await shell.stop();
}
