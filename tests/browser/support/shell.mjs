// Starts the test shell (vcsim + this appliance registered with it + the
// page that plays the vSphere Client) and a headless Debian chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

export function shellBinary() {
  return process.env.VIC_SHELL || path.join(repoRoot, 'build/debug/tests/shell/vsphere-client-shell');
}

export function artifactsDir() {
  const dir = process.env.VIC_BROWSER_ARTIFACTS || path.join(repoRoot, 'tests/browser/artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// Resolves with the shell's "ready" facts once it has printed them.
export function startShell() {
  const work = mkdtempSync(path.join(tmpdir(), 'vic-browser-'));
  const child = spawn(shellBinary(), ['--listen', '127.0.0.1:0', '--work-dir', work], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the shell did not start in 60 s:\n${output}`)), 60_000);
    const take = (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('VIC shell ready: '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('VIC shell ready: '.length)));
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the shell exited with ${code}:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(work, { recursive: true, force: true });
  };
  return { ready, stop, output: () => output };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.VIC_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}
