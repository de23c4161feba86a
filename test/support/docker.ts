// Shared helpers for tests that need the Docker engine: start it (scripts/docker-up.sh), skip only when
// CI is not 'true' and there is no engine (saying why), build the sample app, and unique names.
import { describe, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT as ROOT } from '../../runner/action.js';
import { DockerCli } from '../../sim/docker.js';
import { httpsRequest } from '../../sim/http.js';
import { IdentityService } from '../../sim/identity.js';
import { ACR_TOKEN_USER, startRegistry } from '../../sim/registry.js';
import { ensureCertificates, type SimCertificates } from '../../sim/tls.js';

export { ROOT };
export const PROJECT_DOCKER_HOST = 'unix:///run/alc-deploy/docker.sock';

let engine: { available: boolean; reason?: string } | undefined;

/** Starts the project's Docker engine when needed (idempotent) and sets DOCKER_HOST for this process. */
export function dockerEngine(): { available: boolean; reason?: string } {
  if (engine) return engine;
  try {
    if (!process.env.DOCKER_HOST || process.env.DOCKER_HOST === PROJECT_DOCKER_HOST) {
      const out = execFileSync(join(ROOT, 'scripts/docker-up.sh'), {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      process.env.DOCKER_HOST = out.trim().split('\n').pop() || PROJECT_DOCKER_HOST;
    }
    // Jest gives tests their own process.env: hand it to the child explicitly.
    execFileSync('docker', ['version', '--format', '{{.Server.Version}}'], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    engine = { available: true };
  } catch (e) {
    const stderr = (e as { stderr?: Buffer | string }).stderr?.toString().trim();
    engine = { available: false, reason: stderr || (e instanceof Error ? e.message : String(e)) };
  }
  return engine;
}

/**
 * `describe` for suites that need Docker. Without an engine the suite is skipped with a printed reason,
 * except under CI=true, where it fails.
 */
export function describeWithDocker(name: string, body: () => void): void {
  const { available, reason } = dockerEngine();
  if (available) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs the Docker engine', () => {
        throw new Error(`Docker is required under CI=true: ${reason}`);
      });
    });
  } else {
    console.warn(`Skipping "${name}": no Docker engine (${reason})`);
    describe.skip(name, body);
  }
}

/** A name no other test run uses: `<prefix>-<random>`, lower-case. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** Builds the sample app (offline, classic builder) and returns the tag. */
export async function buildSampleApp(
  docker: DockerCli,
  tag: string,
  { version = '0.0.0-test', broken = false } = {},
): Promise<string> {
  execFileSync(join(ROOT, 'sample-app/prepare.sh'), { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  await docker.build(join(ROOT, 'sample-app'), {
    tag,
    buildArgs: { APP_VERSION: version, BROKEN: String(broken) },
  });
  return tag;
}

/** Polls `check` until it returns a value (not undefined) or the time is up. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The simulator's certificates for a test: CA, control-plane (localhost, 127.0.0.1) and `*.<domain>`. */
export function testCertificates(domain: string): SimCertificates & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'alc-sim-test-'));
  return {
    ...ensureCertificates(dir, [domain]),
    dir,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestRegistry {
  server: string;
  identity: IdentityService;
  certs: ReturnType<typeof testCertificates>;
  /** A docker CLI with its own config dir, logged in to the registry. */
  docker: DockerCli;
  /** An ACR refresh token from /oauth2/exchange with a fresh Entra token. */
  refreshToken(): Promise<string>;
  /** Tags a local image into the registry and pushes it; returns `server/repo:tag`. */
  push(localImage: string, repoTag: string): Promise<string>;
  stop(): Promise<void>;
}

/** The registry with ACR token auth, an Entra token service to feed it, and a logged-in docker CLI. */
export async function startTestRegistry(): Promise<TestRegistry> {
  const certs = testCertificates('test.local');
  const identity = new IdentityService(join(certs.dir, 'keys'), {
    tenantId: '11111111-1111-1111-1111-111111111111',
    clientId: '22222222-2222-2222-2222-222222222222',
    clientSecret: 'test-secret',
    githubRequestToken: 'test-request-token',
  });
  identity.origin = 'https://localhost:1';
  const handle = await startRegistry({
    stateDir: join(certs.dir, 'registry'),
    tls: certs.controlPlane,
    verifier: identity,
  });
  const configDir = join(certs.dir, 'docker-config');
  const docker = new DockerCli({ configDir });
  const pushed: string[] = [];
  const refreshToken = async () => {
    const res = await httpsRequest(`https://${handle.server}/oauth2/exchange`, {
      ca: certs.ca,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'access_token',
        service: handle.server,
        access_token: identity.issueAccessToken('https://containerregistry.azure.net'),
      }).toString(),
    });
    if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${res.body}`);
    return (JSON.parse(res.body) as { refresh_token: string }).refresh_token;
  };
  await docker.login(handle.server, ACR_TOKEN_USER, await refreshToken());
  return {
    server: handle.server,
    identity,
    certs,
    docker,
    refreshToken,
    async push(localImage, repoTag) {
      const ref = `${handle.server}/${repoTag}`;
      await docker.tag(localImage, ref);
      pushed.push(ref);
      await docker.push(ref);
      return ref;
    },
    async stop() {
      await docker.rmi(pushed);
      await handle.stop();
      certs.cleanup();
    },
  };
}
