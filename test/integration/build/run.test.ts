// build-push against a real Docker engine and a real distribution registry (auth none).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuildPush, type BuildPushDeps } from '../../../src/build/run.js';
import { RegistryClient } from '../../../src/registry/client.js';
import { describeWithDocker, uniqueName } from '../../support/docker.js';
import {
  gitFor,
  makeContext,
  type PlainRegistry,
  quietDocker,
  removeImages,
  removeRepositories,
  seedImage,
  settingsFor,
  startPlainRegistry,
} from '../../support/build-push.js';

describeWithDocker('build-push with a plain registry', () => {
  let registry: PlainRegistry;
  let context: ReturnType<typeof makeContext>;
  let dockerConfig: string;
  const repository = `${uniqueName('bpt')}/agents`;
  const messages: string[] = [];
  const deps = (over: Partial<BuildPushDeps> = {}): BuildPushDeps => ({
    docker: quietDocker(),
    registry: (credentials) => new RegistryClient(registry.server, credentials),
    log: {
      info: (m) => messages.push(m),
      warning: (m) => messages.push(`warning: ${m}`),
      setSecret: () => undefined,
    },
    retry: { attempts: 3, delay: { firstMs: 50 } },
    ...over,
  });
  const inputs = (over: Record<string, string> = {}) => ({
    registry: registry.server,
    repository,
    context: context.dir,
    auth: 'none',
    'build-args': 'APP_VERSION={{version}}',
    ...over,
  });
  const tagsIn = async (client: RegistryClient) =>
    (await client.listTags(repository)).map((t) => t.tag).sort();

  beforeAll(async () => {
    dockerConfig = mkdtempSync(join(tmpdir(), 'bpt-docker-config-'));
    process.env.DOCKER_CONFIG = dockerConfig;
    registry = await startPlainRegistry();
    context = makeContext();
  });

  afterAll(async () => {
    if (registry)
      removeRepositories(['', '-retention', '-norev'].map((x) => `${registry.server}/${repository}${x}`));
    await registry?.stop();
    context?.cleanup();
    rmSync(dockerConfig, { recursive: true, force: true });
  });

  it('builds and pushes a release, reads the digest back and pulls it by digest', async () => {
    const settings = settingsFor(inputs({ keep: '0' }), gitFor('refs/tags/v1.2.3'), context.dir);
    const result = await runBuildPush(settings, deps());
    const client = new RegistryClient(registry.server);

    expect(result.builder).toBe('docker');
    expect(result.refs).toEqual(
      ['1.2.3', '1.2', '1', 'latest', 'sha-5eed000'].map((t) => `${registry.server}/${repository}:${t}`),
    );
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.image).toBe(`${registry.server}/${repository}@${result.digest}`);
    for (const tag of ['1.2.3', 'latest', 'sha-5eed000'])
      expect(await client.digestOf(repository, tag)).toBe(result.digest);
    expect(await tagsIn(client)).toEqual(['1', '1.2', '1.2.3', 'buildcache', 'latest', 'sha-5eed000']);
    expect(result.sizes[0].bytes).toBeGreaterThan(500_000); // busybox is in there
    expect(result.retention).toEqual({ ran: false, reason: 'keep is 0: retention is off' });

    removeImages(result.refs);
    execFileSync('docker', ['pull', result.image], { env: process.env, stdio: 'ignore' });
    const labels = JSON.parse(
      execFileSync('docker', ['image', 'inspect', '--format', '{{json .Config.Labels}}', result.image], {
        env: process.env,
        encoding: 'utf8',
      }),
    ) as Record<string, string>;
    expect(labels).toMatchObject({
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.revision': '5eed0000c0ffee00112233445566778899aabbcc',
      'org.opencontainers.image.source': 'https://github.com/alc/alc-algo',
    });
    expect(Date.parse(labels['org.opencontainers.image.created'])).toBeGreaterThan(Date.now() - 600_000);
    removeImages([result.image]);
  });

  it.each([
    ['a pre-release', gitFor('refs/tags/v2.0.0-rc.1'), ['2.0.0-rc.1', 'sha-5eed000'], '2.0.0-rc.1'],
    [
      'a pull request',
      gitFor('refs/pull/12/merge', { prNumber: 12, prHeadSha: 'abc1234abc1234abc1234abc1234abc1234abc12' }),
      ['pr-12', 'pr-12-abc1234', 'sha-abc1234'],
      'pr-12-abc1234',
    ],
    [
      'a branch',
      gitFor('refs/heads/feature/Fast-Path'),
      ['feature-fast-path', 'sha-5eed000'],
      'feature-fast-path',
    ],
  ])('pushes the tags of %s', async (_name, git, tags, version) => {
    const result = await runBuildPush(settingsFor(inputs(), git, context.dir), deps());
    const client = new RegistryClient(registry.server);
    expect(result.version).toBe(version);
    expect(result.retention).toMatchObject({
      ran: false,
      reason: expect.stringMatching(/not a release build/),
    });
    for (const tag of tags) expect(await client.digestOf(repository, tag)).toBe(result.digest);
  });

  it('keeps exactly the newest 10 releases, spares the image a revision runs and every non-release tag', async () => {
    const repo = `${repository}-retention`;
    const base = `http://${registry.server}`;
    const digests = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      digests.set(
        `1.${i}.0`,
        await seedImage(base, repo, [`1.${i}.0`, `sha-${(0xa000000 + i).toString(16)}`], `r${i}`),
      );
    }
    const pr = await seedImage(base, repo, ['pr-7', 'main'], 'pr');
    const running = `${registry.server}/${repo}@${digests.get('1.1.0')}`;
    const settings = settingsFor(
      inputs({
        repository: repo,
        keep: '10',
        'resource-group': 'rg',
        app: 'alc-algo-agents',
        'subscription-id': '11111111-2222-3333-4444-555555555555',
      }),
      gitFor('refs/tags/v2.0.0'),
      context.dir,
    );
    const result = await runBuildPush(
      settings,
      deps({ listRunningImages: async () => [{ revision: 'alc-algo-agents--v1-1-0', image: running }] }),
    );

    const client = new RegistryClient(registry.server);
    const left = await client.listTags(repo);
    const releases = left.filter((t) => /^\d+\.\d+\.\d+$/.test(t.tag)).map((t) => t.tag);
    expect(releases.sort()).toEqual([
      '1.1.0',
      '1.10.0',
      '1.11.0',
      '1.3.0',
      '1.4.0',
      '1.5.0',
      '1.6.0',
      '1.7.0',
      '1.8.0',
      '1.9.0',
      '2.0.0',
    ]);
    expect(left.filter((t) => ['pr-7', 'main'].includes(t.tag)).map((t) => t.digest)).toEqual([pr, pr]);
    expect(await client.digestOf(repo, '1.1.0')).toBe(digests.get('1.1.0'));
    expect(await client.digestOf(repo, '1.0.0')).toBeUndefined();
    expect(await client.digestOf(repo, 'sha-a000000')).toBeUndefined(); // went with its release
    if (!result.retention.ran) throw new Error('retention did not run');
    expect(result.retention.deleted.map((i) => i.version)).toEqual(['1.2.0', '1.0.0']);
    expect(result.retention.plan.spared).toEqual([
      {
        image: expect.objectContaining({ version: '1.1.0' }),
        reason: 'run by active revision alc-algo-agents--v1-1-0',
      },
    ]);
    expect(result.retention.plan.kept.map((i) => i.version)[0]).toBe('2.0.0');
  });

  it('deletes nothing when it cannot know the app, or cannot read its revisions', async () => {
    const repo = `${repository}-norev`;
    const base = `http://${registry.server}`;
    for (let i = 0; i < 3; i++) await seedImage(base, repo, [`0.${i}.0`], `n${i}`);
    // No app input and no spec in the workspace: which images production runs cannot be known.
    const noApp = await runBuildPush(
      settingsFor(inputs({ repository: repo, keep: '2' }), gitFor('refs/tags/v0.9.0'), context.dir),
      deps(),
    );
    expect(noApp.retention).toEqual({
      ran: false,
      warning: true,
      reason: expect.stringMatching(
        /the app whose active revisions' images it must spare is unknown: no app input, and no spec names the app \(deploy\/containerapp\.yaml does not exist\); nothing was deleted/,
      ),
    });
    expect(messages).toContainEqual(
      expect.stringMatching(/^warning: Retention skipped: the app .* is unknown/),
    );
    expect((await new RegistryClient(registry.server).listTags(repo)).map((t) => t.tag)).toEqual(
      expect.arrayContaining(['0.0.0', '0.1.0', '0.2.0', '0.9.0']),
    );

    const failing = await runBuildPush(
      settingsFor(
        inputs({
          repository: repo,
          keep: '1',
          'resource-group': 'rg',
          app: 'agents',
          'subscription-id': '11111111-2222-3333-4444-555555555555',
        }),
        gitFor('refs/tags/v0.9.1'),
        context.dir,
      ),
      deps({
        listRunningImages: async () => {
          throw new Error('ARM said no');
        },
      }),
    );
    expect(failing.retention).toEqual({
      ran: false,
      warning: true,
      reason: expect.stringMatching(/ARM said no.*nothing was deleted/),
    });
    expect((await new RegistryClient(registry.server).listTags(repo)).map((t) => t.tag)).toContain('0.2.0');
  });

  it('retries a push the registry answers with 503, then succeeds', async () => {
    // A proxy in front of the registry that refuses the first manifest upload with 503 Service Unavailable.
    let refusals = 1;
    const proxy = http.createServer((req, res) => {
      if (req.method === 'PUT' && req.url?.includes('/manifests/') && refusals > 0) {
        refusals--;
        res.writeHead(503).end('busy');
        return;
      }
      const [host, port] = registry.server.split(':');
      const up = http.request(
        { host, port, method: req.method, path: req.url, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => res.destroy());
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const server = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const before = messages.length;
      const result = await runBuildPush(
        settingsFor(
          inputs({ registry: server, tags: 'retry', cache: 'none' }),
          gitFor('refs/heads/main'),
          context.dir,
        ),
        deps(),
      );
      expect(refusals).toBe(0);
      expect(
        messages.slice(before).filter((m) => /^warning: Attempt \d failed, retrying/.test(m)).length,
      ).toBeGreaterThanOrEqual(1);
      expect(await new RegistryClient(registry.server).digestOf(repository, 'retry')).toBe(result.digest);
      removeImages(result.refs);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });
});
