// Debian's docker-registry on a loopback port, and an image pushed to it
// through the Registry HTTP API alone (no docker daemon).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const sha256 = (data) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startRegistry() {
  const dir = mkdtempSync(path.join(tmpdir(), 'vic-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  writeFileSync(path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\n` +
    `http:\n  addr: ${host}\n  secret: test-only\n`);
  const child = spawn('/usr/bin/docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://${host}/v2/`)).ok) break;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const upload = async (repo, data) => {
    const digest = sha256(data);
    const started = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' });
    const location = new URL(started.headers.get('location'), `http://${host}`);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, { method: 'PUT', body: data, headers: { 'content-type': 'application/octet-stream' } });
    if (put.status !== 201) throw new Error(`the registry refused blob ${digest}: ${put.status}`);
    return digest;
  };
  // One layer of random bytes, a config, a manifest: enough for a pull.
  const push = async (repo, tag) => {
    const layer = randomBytes(4096);
    const layerDigest = await upload(repo, layer);
    const config = Buffer.from(JSON.stringify({
      architecture: 'amd64', os: 'linux', created: '2026-11-01T00:00:00Z',
      config: { Cmd: ['/bin/sh'] }, rootfs: { type: 'layers', diff_ids: [layerDigest] },
    }));
    const configDigest = await upload(repo, config);
    const manifest = JSON.stringify({
      schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: configDigest },
      layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: layerDigest }],
    });
    const res = await fetch(`http://${host}/v2/${repo}/manifests/${tag}`, {
      method: 'PUT', body: manifest, headers: { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    if (res.status !== 201) throw new Error(`the registry refused the manifest: ${res.status}`);
    return `${host}/${repo}:${tag}`;
  };
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  return { host, port, push, stop };
}
