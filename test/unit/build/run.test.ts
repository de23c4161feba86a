// The orchestration of build-push with a recording docker CLI and a registry in a function: which
// commands run in which order, what is masked, and that a bad input stops everything before a build.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DockerCli, DockerResult } from '../../../src/build/docker.js';
import { runBuildPush, type BuildPushDeps } from '../../../src/build/run.js';
import { ReleaseTagMovedError } from '../../../src/build/locked.js';
import { readBuildPushSettings } from '../../../src/build/settings.js';
import { InputError } from '../../../src/core/inputs.js';
import { type FetchFn, RegistryClient } from '../../../src/registry/client.js';
import type { GitContext } from '../../../src/core/versions.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-run-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Call {
  args: string[];
  input?: string;
}

function fakeDocker(o: { buildx?: boolean; failPush?: string[] } = {}) {
  const calls: Call[] = [];
  const failures = [...(o.failPush ?? [])];
  const docker: DockerCli = async (args, options = {}) => {
    calls.push({ args, input: options.input });
    const ok = (stdout = ''): DockerResult => ({ exitCode: 0, stdout, stderr: '' });
    if (args[0] === 'buildx') {
      if (!o.buildx) return { exitCode: 1, stdout: '', stderr: "docker: 'buildx' is not a docker command." };
      if (args[1] === 'inspect') return ok('Name: builder\nDriver: docker-container\n');
      return ok();
    }
    if (args[0] === 'push' && failures.length) return { exitCode: 1, stdout: '', stderr: failures.shift()! };
    if (args[0] === 'pull') return { exitCode: 1, stdout: '', stderr: 'manifest unknown' };
    return ok();
  };
  return { docker, calls };
}

/** A registry that knows every tag as DIGEST and hands out refresh tokens. */
const registryFetch: FetchFn = async (url, init = {}) => {
  const path = new URL(url).pathname;
  if (path === '/oauth2/exchange') {
    const form = new URLSearchParams(String(init.body));
    return form.get('access_token') === 'entra-token'
      ? Response.json({ refresh_token: 'refresh-token' })
      : new Response('{}', { status: 401 });
  }
  if (path.includes('/manifests/')) {
    const body = JSON.stringify({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { size: 3 },
      layers: [{ size: 7 }],
    });
    return new Response(init.method === 'HEAD' ? null : body, {
      headers: { 'docker-content-digest': DIGEST },
    });
  }
  return new Response('{}');
};

/** The registry client of a run, over `fetch`. */
const registryOver =
  (fetch: FetchFn): BuildPushDeps['registry'] =>
  (credentials) =>
    new RegistryClient('r.azurecr.io', credentials, { fetch });

function settings(inputs: Record<string, string>, ref = 'refs/heads/main', git: Partial<GitContext> = {}) {
  const all: Record<string, string> = {
    registry: 'r.azurecr.io',
    repository: 'agents',
    context: dir,
    keep: '0',
    ...inputs,
  };
  return readBuildPushSettings((n) => all[n] ?? '', {
    git: { eventName: 'push', ref, sha: 'abcdef0123', ...git },
    workspace: dir,
  });
}

function deps(docker: DockerCli, secrets: string[] = [], warnings: string[] = []): BuildPushDeps {
  return {
    docker,
    log: { info: () => undefined, warning: (m) => warnings.push(m), setSecret: (s) => secrets.push(s) },
    registry: registryOver(registryFetch),
    credential: {
      getToken: async () => ({ token: 'entra-token', expiresOnTimestamp: Date.now() + 3600_000 }),
    },
    retry: { attempts: 3, delay: { firstMs: 0 } },
    clock: { now: () => 0, sleep: async () => undefined },
    created: () => new Date(0),
  };
}

describe('runBuildPush', () => {
  it('oidc: exchanges the Entra token, logs in with the refresh token on stdin, masks both, logs out', async () => {
    const { docker, calls } = fakeDocker();
    const secrets: string[] = [];
    const result = await runBuildPush(settings({ auth: 'oidc', cache: 'none' }), deps(docker, secrets));
    expect(secrets).toEqual(['entra-token', 'refresh-token']);
    const login = calls.find((c) => c.args[0] === 'login')!;
    expect(login).toEqual({
      args: [
        'login',
        'r.azurecr.io',
        '--username',
        '00000000-0000-0000-0000-000000000000',
        '--password-stdin',
      ],
      input: 'refresh-token',
    });
    expect(calls.flatMap((c) => c.args).join(' ')).not.toContain('refresh-token');
    expect(calls.map((c) => c.args[0])).toEqual(['buildx', 'login', 'build', 'push', 'push', 'logout']);
    expect(result).toMatchObject({
      digest: DIGEST,
      image: `r.azurecr.io/agents@${DIGEST}`,
      sizes: [{ bytes: 10 }],
    });
  });

  it("oidc asks Entra for ACR's audience, never ARM's", async () => {
    const { docker } = fakeDocker();
    const scopes: string[] = [];
    const d = deps(docker);
    d.credential = {
      getToken: async (scope) => {
        scopes.push(String(scope));
        return { token: 'entra-token', expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    await runBuildPush(settings({ auth: 'oidc', cache: 'none' }), d);
    expect(scopes).toEqual(['https://containerregistry.azure.net/.default']);
  });

  it('oidc with a registry that is not ACR: one InputError, before any token is requested or sent', async () => {
    const { docker, calls } = fakeDocker();
    let asked = 0;
    const d = deps(docker);
    d.credential = {
      getToken: async () => {
        asked += 1;
        return { token: 'entra-token', expiresOnTimestamp: Date.now() + 3600_000 };
      },
    };
    const s = { ...settings({ auth: 'oidc', cache: 'none' }), registry: 'ghcr.io' };
    await expect(runBuildPush(s, d)).rejects.toThrow(/^Input 'registry' has the invalid value 'ghcr.io'/);
    expect(asked).toBe(0);
    expect(calls.map((c) => c.args[0])).not.toContain('login');
  });

  it('a release makes its exact version tag immutable (ACR writeEnabled=false, deleteEnabled true), only that tag', async () => {
    const { docker } = fakeDocker();
    const patches: Array<{ path: string; body: unknown }> = [];
    const d = deps(docker);
    d.registry = registryOver(async (url, init = {}) => {
      const path = new URL(url).pathname;
      if (init.method === 'PATCH') {
        patches.push({ path, body: JSON.parse(String(init.body)) });
        return Response.json({ tag: { name: path.split('/').pop(), digest: DIGEST } });
      }
      if (path.startsWith('/acr/v1/') && path.includes('/_tags/')) return new Response('{}', { status: 404 });
      return registryFetch(url, init);
    });
    const result = await runBuildPush(settings({ auth: 'none', cache: 'none' }, 'refs/tags/v1.2.3'), d);
    expect(patches).toEqual([
      { path: '/acr/v1/agents/_tags/1.2.3', body: { writeEnabled: false, deleteEnabled: true } },
    ]);
    expect(result.locked).toEqual(['1.2.3']);
  });

  it('a branch build locks nothing', async () => {
    const { docker } = fakeDocker();
    let patched = 0;
    const d = deps(docker);
    d.registry = registryOver(async (url, init = {}) => {
      if (init.method === 'PATCH') patched += 1;
      return registryFetch(url, init);
    });
    await runBuildPush(settings({ auth: 'none', cache: 'none' }), d);
    expect(patched).toBe(0);
  });

  it('a re-run of a release already locked converges on its digest: nothing is built or pushed', async () => {
    const { docker, calls } = fakeDocker();
    const d = deps(docker);
    const locked = `sha256:${'cd'.repeat(32)}`;
    d.registry = registryOver(async (url, init = {}) => {
      const path = new URL(url).pathname;
      if (path === '/acr/v1/agents/_tags/1.2.3')
        return Response.json({
          tag: { name: '1.2.3', digest: locked, changeableAttributes: { writeEnabled: false } },
        });
      return registryFetch(url, init);
    });
    const result = await runBuildPush(settings({ auth: 'none', cache: 'none' }, 'refs/tags/v1.2.3'), d);
    expect(result).toMatchObject({ image: `r.azurecr.io/agents@${locked}`, digest: locked, pushed: false });
    expect(calls.map((c) => c.args[0])).not.toContain('build');
    expect(calls.map((c) => c.args[0])).not.toContain('push');
  });

  describe('a release whose version tag is already locked', () => {
    const locked = `sha256:${'cd'.repeat(32)}`;
    const other = `sha256:${'ef'.repeat(32)}`;
    const config = `sha256:${'0c'.repeat(32)}`;
    /** 1.2.3 locked at `locked` (built from `revision`), 1.2 and 1 there too, latest moved on, no sha- tag. */
    function lockedRegistry(revision: string) {
      const storage: Array<{ url: string; headers: unknown }> = [];
      const fetch: FetchFn = async (url, init = {}) => {
        const u = new URL(url);
        if (u.host === 'storage.example') {
          storage.push({ url, headers: init.headers });
          return Response.json({ config: { Labels: { 'org.opencontainers.image.revision': revision } } });
        }
        const path = u.pathname;
        if (path === '/acr/v1/agents/_tags/1.2.3')
          return Response.json({
            tag: { name: '1.2.3', digest: locked, changeableAttributes: { writeEnabled: false } },
          });
        if (path === `/v2/agents/blobs/${config}`)
          return new Response(null, {
            status: 307,
            headers: { location: 'https://storage.example/c?sig=s' },
          });
        const tag = /\/manifests\/(.+)$/.exec(path)?.[1];
        if (tag === locked)
          return Response.json({
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            config: { digest: config, size: 3 },
            layers: [],
          });
        if (tag === undefined) return new Response('{}');
        const at = { '1.2.3': locked, '1.2': locked, '1': locked, latest: other }[tag];
        if (!at) return new Response(null, { status: 404 });
        return new Response(null, { headers: { 'docker-content-digest': at } });
      };
      return { fetch, storage };
    }

    it('a re-run at the commit it was built from converges on its digest: nothing is built or pushed', async () => {
      const { docker, calls } = fakeDocker();
      const warnings: string[] = [];
      const d = deps(docker, [], warnings);
      const registry = lockedRegistry('abcdef0123');
      d.registry = registryOver(registry.fetch);
      const result = await runBuildPush(settings({ auth: 'none', cache: 'none' }, 'refs/tags/v1.2.3'), d);
      expect(result).toMatchObject({ image: `r.azurecr.io/agents@${locked}`, digest: locked, pushed: false });
      expect(result.reused).toBe('1.2.3');
      // Only the tags at the locked image: latest moved on, sha-abcdef0 was never pushed.
      expect(result.refs).toEqual([
        'r.azurecr.io/agents:1.2.3',
        'r.azurecr.io/agents:1.2',
        'r.azurecr.io/agents:1',
      ]);
      expect(calls.map((c) => c.args[0])).not.toContain('build');
      expect(calls.map((c) => c.args[0])).not.toContain('push');
      expect(warnings).toEqual([]);
      // The config blob was read where the registry redirected, without the registry's credentials.
      expect(registry.storage).toEqual([{ url: 'https://storage.example/c?sig=s', headers: undefined }]);
    });

    it('a release tag moved to another commit is refused before anything is built or pushed', async () => {
      const { docker, calls } = fakeDocker();
      const d = deps(docker);
      d.registry = registryOver(lockedRegistry('0123456789abcdef').fetch);
      const run = runBuildPush(settings({ auth: 'none', cache: 'none' }, 'refs/tags/v1.2.3'), d);
      await expect(run).rejects.toThrow(ReleaseTagMovedError);
      await expect(run).rejects.toThrow(
        `v1.2.3's locked image ${locked} was built from 0123456, this run is at abcdef0: ` +
          'a release tag must not move; tag a new version',
      );
      expect(calls.map((c) => c.args[0])).not.toContain('build');
      expect(calls.map((c) => c.args[0])).not.toContain('push');
    });
  });

  it('auth docker-config without a login for the registry: warns that it goes on anonymously', async () => {
    const { docker } = fakeDocker();
    const warnings: string[] = [];
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = join(dir, 'no-docker-config');
    try {
      await runBuildPush(settings({ auth: 'docker-config', cache: 'none' }), deps(docker, [], warnings));
    } finally {
      if (saved === undefined) delete process.env.DOCKER_CONFIG;
      else process.env.DOCKER_CONFIG = saved;
    }
    expect(warnings).toEqual([
      'auth docker-config: the docker config holds no login for r.azurecr.io, so the registry is used anonymously; ' +
        'log in with docker login in an earlier step, or use auth oidc (an ACR) or none (a registry that takes ' +
        'pushes without a login)',
    ]);
  });

  it('logs out even when the build fails', async () => {
    const { calls } = fakeDocker();
    const failing: DockerCli = async (args, o) => {
      calls.push({ args, input: o?.input });
      if (args[0] === 'build') return { exitCode: 1, stdout: '', stderr: 'Dockerfile parse error' };
      return { exitCode: args[0] === 'buildx' ? 1 : 0, stdout: '', stderr: '' };
    };
    await expect(runBuildPush(settings({ auth: 'oidc', cache: 'none' }), deps(failing))).rejects.toThrow(
      /docker build failed.*parse error/,
    );
    expect(calls.at(-1)?.args).toEqual(['logout', 'r.azurecr.io']);
  });

  it('classic builder with the registry cache: pulls buildcache first, pushes it last', async () => {
    const { docker, calls } = fakeDocker();
    await runBuildPush(settings({ auth: 'none' }), deps(docker));
    expect(calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual([
      'buildx version',
      'pull r.azurecr.io/agents:buildcache',
      `build --file`,
      'push r.azurecr.io/agents:main',
      'push r.azurecr.io/agents:sha-abcdef0',
      'tag r.azurecr.io/agents:main',
      'push r.azurecr.io/agents:buildcache',
    ]);
  });

  it('buildx: one build that pushes, with the registry cache exported', async () => {
    const { docker, calls } = fakeDocker({ buildx: true });
    const result = await runBuildPush(
      settings({ auth: 'none', platforms: 'linux/amd64,linux/arm64' }),
      deps(docker),
    );
    const build = calls.find((c) => c.args[1] === 'build')!.args;
    expect(build).toEqual(expect.arrayContaining(['--platform', 'linux/amd64,linux/arm64', '--push']));
    expect(build.join(' ')).toContain('--cache-to type=registry,ref=r.azurecr.io/agents:buildcache,mode=max');
    expect(calls.some((c) => c.args[0] === 'push')).toBe(false);
    expect(result.builder).toBe('buildx');
  });

  it('retries a transient push failure and says so', async () => {
    const { docker, calls } = fakeDocker({ failPush: ['received unexpected HTTP status: 502 Bad Gateway'] });
    const warnings: string[] = [];
    await runBuildPush(settings({ auth: 'none', cache: 'none' }), deps(docker, [], warnings));
    expect(calls.filter((c) => c.args[0] === 'push').map((c) => c.args[1])).toEqual([
      'r.azurecr.io/agents:main',
      'r.azurecr.io/agents:main',
      'r.azurecr.io/agents:sha-abcdef0',
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(/^Attempt 1 failed, retrying: docker push .* 502 Bad Gateway/),
    ]);
  });

  it('fails on a refused push at once', async () => {
    const { docker, calls } = fakeDocker({
      failPush: ['denied: requested access to the resource is denied'],
    });
    await expect(runBuildPush(settings({ auth: 'none', cache: 'none' }), deps(docker))).rejects.toThrow(
      /denied/,
    );
    expect(calls.filter((c) => c.args[0] === 'push')).toHaveLength(1);
  });

  it('refuses platforms without buildx before logging in or building', async () => {
    const { docker, calls } = fakeDocker();
    await expect(
      runBuildPush(settings({ auth: 'oidc', platforms: 'linux/arm64' }), deps(docker)),
    ).rejects.toBeInstanceOf(InputError);
    expect(calls.map((c) => c.args[0])).toEqual(['buildx']);
  });

  it('without push: builds only, no login, no digest', async () => {
    const { docker, calls } = fakeDocker();
    const result = await runBuildPush(settings({ auth: 'oidc', push: 'false', cache: 'none' }), deps(docker));
    expect(calls.map((c) => c.args[0])).toEqual(['buildx', 'build', 'image']);
    expect(result).toMatchObject({
      pushed: false,
      image: '',
      digest: '',
      retention: { ran: false, reason: 'nothing was pushed' },
    });
  });

  it('a pull request build names the commit it built, the PR head, in its sha- tag and OCI revision label', async () => {
    const head = 'feedbee1234567890feedbee1234567890feedbee';
    const merge = 'cafe0000cafe0000cafe0000cafe0000cafe0000';
    const { docker, calls } = fakeDocker();
    const s = settings({ auth: 'none', cache: 'none' }, 'refs/pull/12/merge', {
      eventName: 'pull_request',
      sha: merge,
      prNumber: 12,
      prHeadSha: head,
    });
    const result = await runBuildPush(s, deps(docker));
    expect(s.tags).toEqual(['pr-12', 'pr-12-feedbee', 'sha-feedbee']);
    expect(result.refs).toEqual(s.tags.map((t) => `r.azurecr.io/agents:${t}`));
    const build = calls.find((c) => c.args[0] === 'build')!.args;
    const labels = build.flatMap((a, i) => (build[i - 1] === '--label' ? [a] : []));
    expect(labels).toContain(`org.opencontainers.image.revision=${head}`);
    expect(labels.join(' ')).not.toContain(merge.slice(0, 7));
  });
});
