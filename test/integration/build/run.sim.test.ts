// build-push against the simulator: the sample app built and pushed with auth=oidc through the ACR
// facade (GitHub OIDC -> Entra -> /oauth2/exchange -> docker login), pulled back by digest, and
// retention keeping exactly the newest 10 releases while sparing the image an active revision runs.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACR_TOKEN_USER, RegistryClient } from '../../../src/registry/client.js';
import { describeWithDocker, ROOT } from '../../support/docker.js';
import { runBuildPush } from '../../../src/build/run.js';
import { ReleaseTagMovedError } from '../../../src/build/locked.js';
import {
  fetchWithCa,
  gitFor,
  quietDocker,
  removeImages,
  removeRepositories,
  runBuildPushEntry,
  settingsFor,
} from '../../support/build-push.js';
import { errorLines } from '../../support/entry.js';
import { appSpec, type ControlPlaneSim, RG, startControlPlaneSim } from '../../support/control-plane-sim.js';

const REPO = 'alc-algo-agents';
const APP = 'alc-algo-agents';

describeWithDocker('build-push through the simulator (auth oidc)', () => {
  let cp: ControlPlaneSim;
  let dir: string;
  let registry: string;
  let client: RegistryClient;
  const seeded = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bpt-sim-'));
    execFileSync(join(ROOT, 'sample-app/prepare.sh'), { env: process.env, stdio: 'ignore' });
    cp = await startControlPlaneSim();
    registry = cp.sim.endpoints.registry!;
    client = new RegistryClient(registry, { kind: 'anonymous' }, { fetch: fetchWithCa(cp.sim.ca) });
    await client.exchangeAadToken(cp.sim.identity.issueAccessToken('https://containerregistry.azure.net'));
    // Twelve older releases, and the app running one of the oldest.
    for (let i = 0; i < 12; i++) {
      await cp.push(REPO, `1.${i}.0`);
      seeded.set(`1.${i}.0`, (await client.digestOf(REPO, `1.${i}.0`))!);
    }
    // The releases retention will delete were locked by their own release (writeEnabled=false, ACR refuses to
    // delete a locked tag): retention must unlock them first.
    for (const v of ['1.0.0', '1.2.0'])
      await client.setTagAttributes(REPO, v, { writeEnabled: false, deleteEnabled: true });
    await cp.push(REPO, 'main');
    await cp.client.containerApps.beginCreateOrUpdateAndWait(
      RG,
      APP,
      appSpec(cp.envId, `${registry}/${REPO}@${seeded.get('1.1.0')}`, { suffix: 'v1-1-0' }),
    );
  });

  afterAll(async () => {
    if (registry) removeRepositories([`${registry}/${REPO}`]);
    await cp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A docker CLI with a config dir of its own, logged in with a fresh ACR refresh token. */
  async function loggedInDocker() {
    const config = mkdtempSync(join(dir, 'docker-'));
    // Asynchronous: the registry answers from this very process.
    const run = (args: string[], input?: string) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn('docker', args, { env: { ...process.env, DOCKER_CONFIG: config } });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (code) =>
          code === 0 ? resolve(out) : reject(new Error(`docker ${args[0]}: ${out}`)),
        );
        child.stdin.end(input);
      });
    const refreshToken = await client.exchangeAadToken(
      cp.sim.identity.issueAccessToken('https://containerregistry.azure.net'),
    );
    await run(['login', registry, '--username', ACR_TOKEN_USER, '--password-stdin'], refreshToken);
    return { config, run };
  }

  it('builds the sample app, pushes it with OIDC, keeps the newest 10 releases and the running one', async () => {
    const sim = cp.sim;
    const inputs = {
      registry,
      repository: REPO,
      context: 'sample-app',
      'build-args': 'APP_VERSION={{version}}',
      auth: 'oidc',
      keep: '10',
      'client-id': sim.ids.clientId,
      'tenant-id': sim.ids.tenantId,
      'subscription-id': sim.ids.subscriptionId,
      cloud: 'Custom',
      'arm-endpoint': sim.endpoints.arm,
      'authority-host': sim.endpoints.authorityHost,
      'resource-group': RG,
      app: APP,
    };
    const env = {
      GITHUB_WORKSPACE: ROOT,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/tags/v1.12.0',
      ACTIONS_ID_TOKEN_REQUEST_URL: sim.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sim.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      NODE_EXTRA_CA_CERTS: sim.caPath,
    };
    const githubTokens = sim.identity.requests.github;
    const entraTokens = sim.identity.requests.entra;
    const r = await runBuildPushEntry(dir, inputs, env);
    expect({ code: r.status, errors: errorLines(r.log) }).toEqual({
      code: 0,
      errors: [],
    });
    // One Entra token per audience (ACR's for the registry exchange, ARM's for the revision reads), each from
    // exactly one GitHub OIDC token: two of each for the run, never more.
    expect([sim.identity.requests.github - githubTokens, sim.identity.requests.entra - entraTokens]).toEqual([
      2, 2,
    ]);

    // The outputs name the image by the digest the registry serves.
    const digest = await client.digestOf(REPO, '1.12.0');
    expect(r.outputs.digest).toBe(digest);
    expect(r.outputs.image).toBe(`${registry}/${REPO}@${digest}`);
    expect(r.outputs.version).toBe('1.12.0');
    expect(r.outputs.tags.split('\n')).toEqual(
      ['1.12.0', '1.12', '1', 'latest', 'sha-feedfac'].map((t) => `${registry}/${REPO}:${t}`),
    );
    // Tokens never reach the log: each one is masked (::add-mask::) before anything could print it.
    expect(r.log).toMatch(/Logged in to .* with an ACR refresh token/);
    const jwt = /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]*/g;
    const lines = r.log.split('\n');
    expect(lines.filter((l) => !l.startsWith('::add-mask::') && jwt.test(l))).toEqual([]);
    const masked = lines
      .filter((l) => l.startsWith('::add-mask::'))
      .map(
        (l) =>
          JSON.parse(Buffer.from(l.split('.')[1], 'base64url').toString()) as { typ?: string; aud?: string },
      );
    expect(masked.map((c) => c.typ)).toContain('refresh'); // the ACR refresh token
    expect(masked.map((c) => c.aud)).toContain('https://containerregistry.azure.net'); // the Entra token it was exchanged for, ACR's audience
    expect(masked.map((c) => c.aud)).not.toContain(sim.endpoints.arm);

    // Retention: exactly the newest 10 releases, plus 1.1.0 that the active revision runs.
    const left = await client.listTags(REPO);
    const releases = left
      .filter((t) => /^\d+\.\d+\.\d+$/.test(t.tag))
      .map((t) => t.tag)
      .sort();
    expect(releases).toEqual(
      [
        '1.1.0',
        '1.10.0',
        '1.11.0',
        '1.12.0',
        '1.3.0',
        '1.4.0',
        '1.5.0',
        '1.6.0',
        '1.7.0',
        '1.8.0',
        '1.9.0',
      ].sort(),
    );
    expect(await client.digestOf(REPO, '1.1.0')).toBe(seeded.get('1.1.0'));
    expect(left.map((t) => t.tag)).toContain('main');
    // The release's exact version tag is now immutable; its moving tags are not.
    expect(await client.tagAttributes(REPO, '1.12.0')).toMatchObject({
      writeEnabled: false,
      deleteEnabled: true,
    });
    expect(await client.tagAttributes(REPO, '1.12')).toMatchObject({ writeEnabled: true });
    expect(r.summary).toMatch(/\| deleted \| 1\.2\.0 \|/);
    expect(r.summary).toMatch(/\| deleted \| 1\.0\.0 \|/);
    expect(r.summary).toMatch(/\| kept \| 1\.1\.0 \| run by active revision alc-algo-agents--v1-1-0 \|/);
    expect(r.summary).not.toContain('did not check');

    // Pull it back by digest with a login of our own (the action logged out).
    const docker = await loggedInDocker();
    removeRepositories([`${registry}/${REPO}`]);
    await docker.run(['pull', r.outputs.image]);
    const version = await docker.run([
      'image',
      'inspect',
      '--format',
      '{{index .Config.Labels "org.opencontainers.image.version"}}',
      r.outputs.image,
    ]);
    expect(version.trim()).toBe('1.12.0');
    const env2 = await docker.run(['image', 'inspect', '--format', '{{json .Config.Env}}', r.outputs.image]);
    expect(env2).toContain('APP_VERSION=1.12.0');
    removeImages([r.outputs.image]);
  });

  it("app '' (reusable-release.yml's default): the spec's app in the workflow's resource group, and the image it runs survives", async () => {
    // As reusable-release.yml's build runs it: no app input (its `app` defaults to ''), the resource group from the
    // job's ALC_DEPLOY_RESOURCE_GROUP, the caller's checkout holding deploy/containerapp.yaml (which names APP).
    // Production runs 1.1.0, as after a rollback, beyond the newest 10 releases.
    const sim = cp.sim;
    const inputs = {
      registry,
      repository: REPO,
      context: 'sample-app',
      'build-args': 'APP_VERSION={{version}}',
      auth: 'oidc',
      keep: '10',
      app: '',
    };
    const env = {
      GITHUB_WORKSPACE: ROOT,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/tags/v1.13.0',
      AZURE_CLIENT_ID: sim.ids.clientId,
      AZURE_TENANT_ID: sim.ids.tenantId,
      AZURE_SUBSCRIPTION_ID: sim.ids.subscriptionId,
      ALC_DEPLOY_CLOUD: 'Custom',
      ALC_DEPLOY_ARM_ENDPOINT: sim.endpoints.arm,
      ALC_DEPLOY_AUTHORITY_HOST: sim.endpoints.authorityHost,
      ALC_DEPLOY_RESOURCE_GROUP: RG,
      ACTIONS_ID_TOKEN_REQUEST_URL: sim.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sim.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      NODE_EXTRA_CA_CERTS: sim.caPath,
    };
    expect(readFileSync(join(ROOT, 'deploy/containerapp.yaml'), 'utf8')).toMatch(
      new RegExp(`^name: ${APP}$`, 'm'),
    );
    const before = (await client.listTags(REPO)).filter((t) => /^\d+\.\d+\.\d+$/.test(t.tag)).length;
    expect(before).toBeGreaterThan(10);
    const r = await runBuildPushEntry(dir, inputs, env);
    expect({ code: r.status, errors: errorLines(r.log) }).toEqual({ code: 0, errors: [] });
    expect(await client.digestOf(REPO, '1.1.0')).toBe(seeded.get('1.1.0'));
    expect(r.summary).toMatch(/\| kept \| 1\.1\.0 \| run by active revision alc-algo-agents--v1-1-0 \|/);
    expect(r.summary).toMatch(/\| deleted \| 1\.\d+\.0 \|/);
  });

  it('auth docker-config: pushes with an existing docker login and reads the digest with its credentials', async () => {
    const docker = await loggedInDocker();
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = docker.config;
    try {
      const settings = settingsFor(
        {
          registry,
          repository: REPO,
          context: join(ROOT, 'sample-app'),
          auth: 'docker-config',
          'build-args': 'APP_VERSION={{version}}',
        },
        gitFor('refs/heads/main'),
        ROOT,
      );
      const result = await runBuildPush(settings, {
        docker: quietDocker(),
        log: { info: () => undefined, warning: () => undefined, setSecret: () => undefined },
        registry: (credentials) =>
          new RegistryClient(registry, credentials, { fetch: fetchWithCa(cp.sim.ca) }),
      });
      expect(result.digest).toBe(await client.digestOf(REPO, 'main'));
      expect(result.retention).toEqual({ ran: false, reason: expect.stringMatching(/not a release build/) });
    } finally {
      process.env.DOCKER_CONFIG = saved;
    }
  });
  it('a release tag moved to another commit is refused; a re-run at its commit reuses the locked image', async () => {
    const docker = await loggedInDocker();
    const saved = process.env.DOCKER_CONFIG;
    process.env.DOCKER_CONFIG = docker.config;
    const first = '1a2b3c4d00000000000000000000000000000000';
    const moved = '9f8e7d6c00000000000000000000000000000000';
    const run = (sha: string, warnings: string[] = []) =>
      runBuildPush(
        settingsFor(
          {
            registry,
            repository: REPO,
            context: join(ROOT, 'sample-app'),
            auth: 'docker-config',
            keep: '0',
            'build-args': 'APP_VERSION={{version}}',
          },
          gitFor('refs/tags/v2.0.0', { sha }),
          ROOT,
        ),
        {
          docker: quietDocker(),
          log: { info: () => undefined, warning: (w) => warnings.push(w), setSecret: () => undefined },
          registry: (credentials) =>
            new RegistryClient(registry, credentials, { fetch: fetchWithCa(cp.sim.ca) }),
        },
      );
    try {
      const released = await run(first);
      expect(released.locked).toEqual(['2.0.0']);
      expect((await client.tagAttributes(REPO, '2.0.0'))?.writeEnabled).toBe(false);

      // A re-run at the same commit: the locked image, and only the tags that point at it.
      const warnings: string[] = [];
      const again = await run(first, warnings);
      expect(again).toMatchObject({ digest: released.digest, pushed: false, reused: '2.0.0' });
      expect(again.refs).toEqual(released.refs);
      expect(warnings).toEqual([]);

      // The tag moved to a fix commit: refused, and nothing of the new commit reaches the registry.
      await expect(run(moved)).rejects.toThrow(
        new ReleaseTagMovedError(
          `v2.0.0's locked image ${released.digest} was built from 1a2b3c4, this run is at 9f8e7d6: ` +
            'a release tag must not move; tag a new version',
        ),
      );
      expect(await client.digestOf(REPO, 'sha-9f8e7d6')).toBeUndefined();
      expect(await client.digestOf(REPO, '2.0.0')).toBe(released.digest);

      // As a runner runs the action (auth oidc): one error line, no outputs to deploy.
      const sim = cp.sim;
      const entry = await runBuildPushEntry(
        dir,
        { registry, repository: REPO, context: 'sample-app', keep: '0', cloud: 'Custom' },
        {
          GITHUB_WORKSPACE: ROOT,
          GITHUB_EVENT_NAME: 'push',
          GITHUB_REF: 'refs/tags/v2.0.0',
          GITHUB_SHA: moved,
          AZURE_CLIENT_ID: sim.ids.clientId,
          AZURE_TENANT_ID: sim.ids.tenantId,
          ALC_DEPLOY_ARM_ENDPOINT: sim.endpoints.arm,
          ALC_DEPLOY_AUTHORITY_HOST: sim.endpoints.authorityHost,
          ACTIONS_ID_TOKEN_REQUEST_URL: sim.env.ACTIONS_ID_TOKEN_REQUEST_URL,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: sim.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
          NODE_EXTRA_CA_CERTS: sim.caPath,
        },
      );
      expect({ code: entry.status, errors: errorLines(entry.log), image: entry.outputs.image }).toEqual({
        code: 1,
        errors: [
          `::error::v2.0.0's locked image ${released.digest} was built from 1a2b3c4, this run is at 9f8e7d6: ` +
            'a release tag must not move; tag a new version',
        ],
        image: undefined,
      });
    } finally {
      process.env.DOCKER_CONFIG = saved;
    }
  });
});
