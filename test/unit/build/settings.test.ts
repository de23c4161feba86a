import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBuilder, readBuildPushSettings } from '../../../src/build/settings.js';
import type { GitContext } from '../../../src/core/versions.js';
import { inputErrorOf } from '../../support/errors.js';
import { withEnvironmentFallbacks } from '../../../src/core/inputs.js';

let workspace: string;
const git: GitContext = { eventName: 'push', ref: 'refs/tags/v1.2.3', sha: 'abcdef0123456789' };
const SUB = '11111111-2222-3333-4444-555555555555';

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'bp-settings-'));
  mkdirSync(join(workspace, 'app'));
  writeFileSync(join(workspace, 'app', 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(workspace, 'Other.Dockerfile'), 'FROM scratch\n');
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** The inputs every case starts from: a registry, a repository, the context folder, no login. */
const BASE: Readonly<Record<string, string>> = {
  registry: 'r.azurecr.io',
  repository: 'alc-algo-agents',
  context: 'app',
  auth: 'none',
};

function read(inputs: Record<string, string>, ctx: GitContext = git) {
  const all: Record<string, string> = { ...BASE, ...inputs };
  return readBuildPushSettings((name) => all[name] ?? '', {
    git: ctx,
    workspace,
    source: 'https://github.com/o/r',
  });
}

describe('readBuildPushSettings', () => {
  it('reads the defaults', () => {
    const s = read({});
    expect(s).toMatchObject({
      registry: 'r.azurecr.io',
      repository: 'alc-algo-agents',
      context: join(workspace, 'app'),
      dockerfile: join(workspace, 'app', 'Dockerfile'),
      tags: ['1.2.3', '1.2', '1', 'latest', 'sha-abcdef0'],
      tagsComputed: true,
      version: '1.2.3',
      platforms: [],
      push: true,
      cache: 'registry',
      auth: 'none',
      keep: 10,
      buildArgs: [],
      azure: undefined,
      app: undefined,
    });
  });

  it('takes given tags, build args, platforms and a Dockerfile path', () => {
    const s = read({
      tags: 'stable, v1\nedge',
      'build-args': 'VERSION={{version}}\nBROKEN=true\nTEXT=v{{ version }}-x',
      platforms: 'linux/amd64,linux/arm64/v8',
      dockerfile: 'Other.Dockerfile',
      push: 'false',
      cache: 'none',
      keep: '0',
    });
    expect(s).toMatchObject({
      tags: ['stable', 'v1', 'edge'],
      tagsComputed: false,
      version: '1.2.3',
      buildArgs: [
        { name: 'VERSION', value: '1.2.3' },
        { name: 'BROKEN', value: 'true' },
        { name: 'TEXT', value: 'v1.2.3-x' },
      ],
      platforms: ['linux/amd64', 'linux/arm64/v8'],
      dockerfile: join(workspace, 'Other.Dockerfile'),
      push: false,
      cache: 'none',
      keep: 0,
    });
  });

  it('reads the Azure inputs for auth oidc without asking for a subscription', () => {
    const s = read({ auth: 'oidc', 'client-id': SUB, 'tenant-id': SUB });
    expect(s.azure).toMatchObject({ clientId: SUB, tenantId: SUB, cloud: 'AzureCloud' });
  });

  it.each([
    [
      'app given: the environment supplies the resource group',
      { app: 'alc-algo-agents' },
      { resourceGroup: 'rg-env', name: 'alc-algo-agents' },
    ],
    ['no app: a resource group from the environment asks for no retention check', {}, undefined],
  ])('ALC_DEPLOY_RESOURCE_GROUP, %s', (_name, inputs, app) => {
    const all: Record<string, string> = { ...BASE, ...inputs };
    const get = withEnvironmentFallbacks((name) => all[name] ?? '', {
      ALC_DEPLOY_RESOURCE_GROUP: 'rg-env',
      AZURE_SUBSCRIPTION_ID: SUB,
    });
    expect(readBuildPushSettings(get, { git, workspace, source: 'https://github.com/o/r' }).app).toEqual(app);
  });

  describe('the app retention spares: the app input, else the name in the spec', () => {
    const production = readFileSync('deploy/containerapp.yaml', 'utf8');
    let withSpec: string;
    beforeAll(() => {
      withSpec = mkdtempSync(join(tmpdir(), 'bp-settings-spec-'));
      mkdirSync(join(withSpec, 'app'));
      writeFileSync(join(withSpec, 'app', 'Dockerfile'), 'FROM scratch\n');
      mkdirSync(join(withSpec, 'deploy'));
      writeFileSync(join(withSpec, 'deploy', 'containerapp.yaml'), production);
      writeFileSync(
        join(withSpec, 'deploy', 'other.yaml'),
        production.replace('name: alc-algo-agents', 'name: other-agents'),
      );
      writeFileSync(join(withSpec, 'deploy', 'broken.yaml'), 'name: [');
    });
    afterAll(() => rmSync(withSpec, { recursive: true, force: true }));

    const branch: GitContext = { eventName: 'push', ref: 'refs/heads/main', sha: 'abcdef0123456789' };
    const settingsIn = (
      dir: 'spec' | 'none',
      inputs: Record<string, string>,
      env: Record<string, string>,
      ctx: GitContext = git,
    ) => {
      const all: Record<string, string> = { ...BASE, ...inputs };
      const get = withEnvironmentFallbacks((name) => all[name] ?? '', { AZURE_SUBSCRIPTION_ID: SUB, ...env });
      return readBuildPushSettings(get, {
        git: ctx,
        workspace: dir === 'spec' ? withSpec : workspace,
        source: 'https://github.com/o/r',
      });
    };
    const RG_ENV = { ALC_DEPLOY_RESOURCE_GROUP: 'rg-env' };

    it.each<
      [string, 'spec' | 'none', Record<string, string>, Record<string, string>, GitContext, unknown, unknown]
    >([
      [
        "a release with app '' (reusable-release.yml's default): the spec's name, the workflow's resource group",
        'spec',
        {},
        RG_ENV,
        git,
        { resourceGroup: 'rg-env', name: 'alc-algo-agents' },
        undefined,
      ],
      [
        'a resource-group input and the spec',
        'spec',
        { 'resource-group': 'rg' },
        {},
        git,
        { resourceGroup: 'rg', name: 'alc-algo-agents' },
        undefined,
      ],
      [
        'the spec input',
        'spec',
        { spec: 'deploy/other.yaml' },
        RG_ENV,
        git,
        { resourceGroup: 'rg-env', name: 'other-agents' },
        undefined,
      ],
      [
        'the app input over the spec',
        'spec',
        { app: 'given-app' },
        RG_ENV,
        git,
        { resourceGroup: 'rg-env', name: 'given-app' },
        undefined,
      ],
      [
        'a spec but no resource group anywhere: unknown',
        'spec',
        {},
        {},
        git,
        undefined,
        'the spec deploy/containerapp.yaml names the app alc-algo-agents, but no resource-group (the input, or ALC_DEPLOY_RESOURCE_GROUP) says where it runs',
      ],
      [
        'the default spec as the runner fills it in, absent: unknown, no error',
        'none',
        { spec: 'deploy/containerapp.yaml' },
        RG_ENV,
        git,
        undefined,
        'no app input, and no spec names the app (deploy/containerapp.yaml does not exist)',
      ],
      [
        'no spec and no app: unknown',
        'none',
        {},
        RG_ENV,
        git,
        undefined,
        'no app input, and no spec names the app (deploy/containerapp.yaml does not exist)',
      ],
      [
        'a branch build prunes nothing: the default spec is not read',
        'spec',
        {},
        RG_ENV,
        branch,
        undefined,
        undefined,
      ],
      ['keep 0 prunes nothing', 'spec', { keep: '0' }, RG_ENV, git, undefined, undefined],
      ['push false prunes nothing', 'spec', { push: 'false' }, RG_ENV, git, undefined, undefined],
    ])('%s', (_name, dir, inputs, env, ctx, app, unknown) => {
      const s = settingsIn(dir, inputs, env, ctx);
      expect(s.app).toEqual(app);
      expect(s.appUnknown).toEqual(unknown);
    });

    it.each<[string, 'spec' | 'none', Record<string, string>, GitContext, string, RegExp]>([
      [
        'a spec input that does not exist',
        'spec',
        { spec: 'deploy/nope.yaml' },
        branch,
        'spec',
        /existing app spec/,
      ],
      [
        'a spec input that does not parse',
        'spec',
        { spec: 'deploy/broken.yaml' },
        branch,
        'spec',
        /valid app spec/,
      ],
      [
        'a resource-group input, no app and no spec',
        'none',
        { 'resource-group': 'rg' },
        git,
        'app',
        /together with resource-group \(or a spec that names the app; deploy\/containerapp\.yaml does not exist\)/,
      ],
    ])('%s: an input error', (_name, dir, inputs, ctx, input, message) => {
      const error = inputErrorOf(() => settingsIn(dir, inputs, RG_ENV, ctx));
      expect(error.input).toBe(input);
      expect(error.message).toMatch(message);
    });
  });

  it('takes resource-group and app together, with the subscription', () => {
    const s = read({ 'resource-group': 'rg', app: 'alc-algo-agents', 'subscription-id': SUB });
    expect(s.app).toEqual({ resourceGroup: 'rg', name: 'alc-algo-agents' });
    expect(s.azure?.subscriptionId).toBe(SUB);
  });

  it.each<[string, Record<string, string>, string, RegExp]>([
    ['missing registry', { registry: '' }, 'registry', /required: .*e\.g\. myregistry\.azurecr\.io$/],
    [
      'registry with scheme',
      { registry: 'https://r.azurecr.io' },
      'registry',
      /no scheme, e\.g\. myregistry\.azurecr\.io or/,
    ],
    [
      'invalid repository',
      { repository: 'My_App:latest' },
      'repository',
      /lower-case.*e\.g\. my-app or team\/my-app/,
    ],
    ['missing repository', { repository: '' }, 'repository', /required: .*e\.g\. my-app$/],
    ['missing context', { context: 'nope' }, 'context', /directory/],
    ['missing Dockerfile', { dockerfile: 'app/Nope.Dockerfile' }, 'dockerfile', /existing Dockerfile/],
    ['context without Dockerfile', { context: '.' }, 'dockerfile', /existing Dockerfile/],
    ['bad tag', { tags: 'ok,-bad' }, 'tags', /not starting with/],
    ['full reference as tag', { tags: 'r.azurecr.io/x:1' }, 'tags', /tag names only/],
    ['bad platform', { platforms: 'amd64' }, 'platforms', /os\/arch/],
    ['keep below 0', { keep: '-1' }, 'keep', /0 to 1000/],
    ['keep not a number', { keep: 'ten' }, 'keep', /whole number/],
    ['bad push', { push: 'yes' }, 'push', /true or false/],
    ['bad cache', { cache: 'gha' }, 'cache', /registry, none/],
    ['bad auth', { auth: 'password' }, 'auth', /oidc, docker-config, none/],
    ['bad build arg', { 'build-args': 'NOEQUALS' }, 'build-args', /KEY=value/],
    ['app without resource group', { app: 'a' }, 'resource-group', /together/],
    ['resource group without app', { 'resource-group': 'rg' }, 'app', /together/],
    ['app without subscription', { app: 'agents', 'resource-group': 'rg' }, 'subscription-id', /required/],
    ['a bad app name', { app: 'Agents_1', 'resource-group': 'rg' }, 'app', /container app name/],
    ['a bad resource group', { app: 'agents', 'resource-group': 'rg/x' }, 'resource-group', /1 to 90/],
    ['auth none, a bad client id all the same', { auth: 'none', 'client-id': 'x' }, 'client-id', /GUID/],
    ['oidc with a bad client id', { auth: 'oidc', 'client-id': 'x' }, 'client-id', /GUID/],
    [
      'oidc with GitHub Packages',
      { auth: 'oidc', registry: 'ghcr.io' },
      'registry',
      /only with Azure Container/,
    ],
    [
      'oidc with Docker Hub',
      { auth: 'oidc', registry: 'docker.io' },
      'registry',
      /only with Azure Container/,
    ],
    ['oidc with a port on ACR', { auth: 'oidc', registry: 'r.azurecr.io:8443' }, 'registry', /no port/],
    ['oidc with a look-alike', { auth: 'oidc', registry: 'r.azurecr.io.evil.example' }, 'registry', /ACR/],
    [
      'oidc with another cloud',
      { auth: 'oidc', registry: 'r.azurecr.io', cloud: 'AzureUSGovernment' },
      'registry',
      /azurecr\.us/,
    ],
  ])('%s fails on input %p', (_name, inputs, input, message) => {
    const e = inputErrorOf(() => read(inputs));
    expect(e.input).toBe(input);
    expect(e.message).toMatch(message);
  });

  it('computes pull request tags from the head commit', () => {
    const s = read(
      {},
      {
        eventName: 'pull_request',
        ref: 'refs/pull/12/merge',
        sha: 'ffff000',
        prNumber: 12,
        prHeadSha: 'abc1234ffff',
      },
    );
    expect(s.tags).toEqual(['pr-12', 'pr-12-abc1234', 'sha-abc1234']);
    expect(s.version).toBe('pr-12-abc1234');
  });
});

describe('checkBuilder', () => {
  it('refuses platforms without buildx, before building', () => {
    const s = read({ platforms: 'linux/amd64' });
    const e = inputErrorOf(() => checkBuilder(s, { buildx: false }));
    expect(e.input).toBe('platforms');
    expect(e.message).toMatch(/docker buildx/);
  });
  it.each([
    [{}, { buildx: false }],
    [{ platforms: 'linux/amd64' }, { buildx: true, driver: 'docker-container' }],
  ])('accepts %j with %j', (inputs, builder) => {
    expect(() => checkBuilder(read(inputs), builder)).not.toThrow();
  });
});
