// Helpers of the build-push integration tests: a plain distribution registry of our own on an
// ephemeral loopback port (no auth), small sample-app-like build contexts, and registry seeding.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DockerCli, execDocker } from '../../src/build/docker.js';
import type { BuildPushSettings } from '../../src/build/settings.js';
import type { FetchFn } from '../../src/registry/client.js';
import { readBuildPushSettings } from '../../src/build/settings.js';
import type { GitContext } from '../../src/core/versions.js';
import { type EntryRun, runEntry } from './entry.js';

export interface PlainRegistry {
  server: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Debian's docker-registry on 127.0.0.1:<free port>, storage in a temp dir, deletes enabled. */
export async function startPlainRegistry(): Promise<PlainRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'bpt-registry-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      [
        'version: 0.1',
        'log:',
        '  level: error',
        '  accesslog:',
        '    disabled: true',
        'storage:',
        '  filesystem:',
        `    rootdirectory: ${JSON.stringify(join(dir, 'data'))}`,
        '  delete:',
        '    enabled: true',
        'http:',
        `  addr: 127.0.0.1:${port}`,
        '',
      ].join('\n'),
    );
    const child: ChildProcess = spawn('/usr/bin/docker-registry', ['serve', config], { stdio: 'ignore' });
    const server = `127.0.0.1:${port}`;
    const up = await waitUp(`http://${server}/v2/`, child);
    if (up) {
      return {
        server,
        async stop() {
          if (child.exitCode === null) {
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          }
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    if (attempt >= 2) throw new Error('the plain registry did not start');
  }
}

async function waitUp(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * A sample-app-like build context: FROM scratch with the static busybox, an HTTP root with the
 * version in it (ARG APP_VERSION), serving on 8080.
 */
export function makeContext(extraLine = ''): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bpt-context-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'index.html'), 'ok\n');
  writeFileSync(
    join(dir, 'Dockerfile'),
    [
      'FROM scratch',
      'ARG APP_VERSION=dev',
      'COPY busybox /bin/busybox',
      'COPY www /www',
      'RUN ["/bin/busybox", "sh", "-c", "echo $APP_VERSION > /www/version"]',
      extraLine,
      'EXPOSE 8080',
      'ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]',
      '',
    ].join('\n'),
  );
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const SHA = '5eed0000c0ffee00112233445566778899aabbcc';

export function gitFor(ref: string, over: Partial<GitContext> = {}): GitContext {
  return { eventName: ref.startsWith('refs/pull/') ? 'pull_request' : 'push', ref, sha: SHA, ...over };
}

/** Settings read through the real input parser, as the entry does. */
export function settingsFor(
  inputs: Record<string, string>,
  git: GitContext,
  workspace: string,
): BuildPushSettings {
  return readBuildPushSettings((name) => inputs[name] ?? '', {
    git,
    workspace,
    source: 'https://github.com/alc/alc-algo',
  });
}

/** Pushes a tiny image straight through the registry API (no docker): one config blob, no layers. */
export async function seedImage(
  base: string,
  repository: string,
  tags: string[],
  marker: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { marker } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers });
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status}`);
  const location = new URL(start.headers.get('location')!, base);
  location.searchParams.set('digest', configDigest);
  const put = await fetch(location, {
    method: 'PUT',
    body: config,
    headers: { ...headers, 'content-type': 'application/octet-stream' },
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: config.length,
      digest: configDigest,
    },
    layers: [],
  });
  for (const tag of tags) {
    const res = await fetch(`${base}/v2/${repository}/manifests/${tag}`, {
      method: 'PUT',
      body: manifest,
      headers: { ...headers, 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' },
    });
    if (res.status !== 201) throw new Error(`manifest put: ${res.status} ${await res.text()}`);
  }
  return `sha256:${createHash('sha256').update(manifest).digest('hex')}`;
}

/** Removes local images by reference, ignoring those already gone. */
export function removeImages(refs: string[]): void {
  if (refs.length === 0) return;
  try {
    execFileSync('docker', ['rmi', '--force', ...refs], { env: process.env, stdio: 'ignore' });
  } catch {
    // some were not there
  }
}

/**
 * Removes every local image of the repositories: tagged references, then untagged images (pulled by
 * digest, or left when a tag moved) by ID, without force, so an image another repository shares stays.
 */
export function removeRepositories(repositoryRefs: string[]): void {
  for (const repo of repositoryRefs) {
    removeImages(localRefs(repo));
    const ids = execFileSync('docker', ['images', '--format', '{{.ID}}', repo], {
      env: process.env,
      encoding: 'utf8',
    });
    for (const id of new Set(ids.split('\n').filter(Boolean))) {
      try {
        execFileSync('docker', ['rmi', id], { env: process.env, stdio: 'ignore' });
      } catch {
        // shared with another repository, or already gone
      }
    }
  }
}

/** Local image references of a repository (to clean up after a test). */
export function localRefs(repositoryRef: string): string[] {
  const out = execFileSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}', repositoryRef], {
    env: process.env,
    encoding: 'utf8',
  });
  return out.split('\n').filter((l) => l && !l.endsWith(':<none>'));
}

/** A fetch over node's http/https that trusts `ca` (jest's process cannot take NODE_EXTRA_CA_CERTS late). */
export function fetchWithCa(ca: string): FetchFn {
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const u = new URL(url);
      const request = u.protocol === 'https:' ? https.request : http.request;
      const req = request(
        u,
        { method: init.method ?? 'GET', headers: init.headers as Record<string, string>, ca },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) headers.set(k, ([] as string[]).concat(v).join(', '));
            const status = res.statusCode ?? 0;
            const empty = init.method === 'HEAD' || [204, 205, 304].includes(status);
            resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }));
          });
        },
      );
      req.on('error', reject);
      req.end(init.body === undefined || init.body === null ? undefined : String(init.body));
    });
}

/**
 * Runs actions/build-push/src/main.ts as a runner runs a step (test/support/entry.ts), with the event payload,
 * its own docker config under `workDir`, and only the environment given.
 */
export function runBuildPushEntry(
  workDir: string,
  inputs: Record<string, string>,
  env: Record<string, string | undefined>,
  payload: object = {},
): Promise<EntryRun> {
  const runDir = mkdtempSync(join(workDir, 'run-'));
  return runEntry({
    action: 'build-push',
    inputs,
    event: payload,
    env: {
      HOME: runDir,
      DOCKER_HOST: process.env.DOCKER_HOST,
      DOCKER_CONFIG: join(runDir, 'docker'),
      GITHUB_REPOSITORY: 'alc/alc-algo',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: 'feedface00112233445566778899aabbccddeeff',
      RUNNER_TEMP: runDir,
      npm_config_update_notifier: 'false',
      ...env,
    },
  });
}

/** The docker CLI of the action, with its output kept out of the test log (still returned on failure). */
export function quietDocker(): DockerCli {
  const docker = execDocker();
  return (args, options = {}) => docker(args, { ...options, silent: true });
}
