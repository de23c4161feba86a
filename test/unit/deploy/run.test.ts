// deploy-app's settings and pure decisions: table-driven.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Template } from '@azure/arm-appcontainers';
import { deployOutputs, deploySummary } from '../../../src/deploy/summary.js';
import { createBody, planDeployTraffic, registriesFor, revisionTemplate } from '../../../src/deploy/plan.js';
import type { DeployResult } from '../../../src/deploy/run.js';
import { parseImage, readDeploySettings } from '../../../src/deploy/settings.js';
import { readinessPath } from '../../../src/revisions/lifecycle.js';
import { inputErrorOf } from '../../support/errors.js';
import type { GitContext } from '../../../src/core/versions.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const IMAGE = `alcalgoregistry.azurecr.io/alc-algo-agents@${DIGEST}`;
const PREVIEW_IMAGE = `alcalgopreview.azurecr.io/alc-algo-agents-preview@${DIGEST}`;
const SUB = '00000000-0000-0000-0000-000000000001';
const ROOT = resolve('.');
const BASE: Record<string, string> = {
  'subscription-id': SUB,
  'resource-group': 'alc-algo-production',
  image: IMAGE,
  'revision-suffix': 'v1-2-3',
  version: '1.2.3',
  spec: 'deploy/containerapp.yaml',
  'preview-spec': 'deploy/containerapp.preview.yaml',
  // The seed trades live (IBKR_PORT 7496): a production deploy names its lease or says unmanaged.
  'trading-lease': 'unmanaged',
};
const TAG: GitContext = { eventName: 'push', ref: 'refs/tags/v1.2.3', sha: 'f'.repeat(40) };
const PR: GitContext = {
  eventName: 'pull_request',
  ref: 'refs/pull/12/merge',
  sha: 'f'.repeat(40),
  prNumber: 12,
  prHeadSha: 'abc1234def5678abc1234def5678abc1234def56',
};

const files: Record<string, string> = {
  'bad.yaml': 'name: Bad_Name\nproperties: {}\n',
  'live-preview.yaml': readFileSync('deploy/containerapp.preview.yaml', 'utf8').replace(
    "value: '7497'",
    "value: '7496'",
  ),
};
const read = (values: Record<string, string>, git?: GitContext) =>
  readDeploySettings((n) => (values[n] ?? '').trim(), {
    env: { GITHUB_WORKSPACE: ROOT },
    git,
    readFile: (p) => files[p.slice(ROOT.length + 1)] ?? readFileSync(p, 'utf8'),
    fileExists: (p) => p.slice(ROOT.length + 1) in files || p.startsWith(join(ROOT, 'deploy/containerapp')),
  });

describe('parseImage', () => {
  it.each([
    [IMAGE, 'alcalgoregistry.azurecr.io'],
    [`127.0.0.1:5000/alc/agents:1.2.3@${DIGEST}`, '127.0.0.1:5000'],
    [`localhost:5000/agents@${DIGEST}`, 'localhost:5000'],
  ])('accepts %s', (raw, registry) => {
    expect(parseImage('image', raw).ref.registry).toBe(registry);
  });
  it.each([
    ['', /required/],
    ['alcalgoregistry.azurecr.io/alc-algo-agents:1.2.3', /by digest/],
    ['alcalgoregistry.azurecr.io/alc-algo-agents:latest', /by digest/],
    [`alc-algo-agents@${DIGEST}`, /by digest/],
    ['alcalgoregistry.azurecr.io/alc-algo-agents@sha256:abc', /by digest/],
  ])('refuses %p', (raw, message) => {
    expect(() => parseImage('image', raw)).toThrow(message);
  });
});

describe('readDeploySettings', () => {
  it('reads a production deploy: app from the spec, suffix given, candidate slot by default', () => {
    const s = read(BASE);
    expect([s.mode, s.app, s.revision, s.label, s.environment, s.waitTimeoutMs]).toEqual([
      'production',
      'alc-algo-agents',
      'alc-algo-agents--v1-2-3',
      undefined,
      'alc-algo-env',
      600_000,
    ]);
  });

  it.each([
    ['alc-algo-env', 'alc-algo-env'],
    [
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env-2',
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env-2',
    ],
    ['', 'alc-algo-env'],
  ])('environment %p is %p', (environment, expected) => {
    expect(read({ ...BASE, environment }).environment).toBe(expected);
  });

  it.each([['eastus'], ['East US'], ['westeurope']])('location %p is accepted', (location) => {
    expect(read({ ...BASE, location }).location).toBe(location);
  });

  it.each([
    ['tag v1.2.3', TAG, 'production', 'alc-algo-agents--v1-2-3'],
    ['pull request 12', PR, 'preview', 'alc-algo-agents-preview--pr-12-abc1234'],
  ])('computes the suffix for a %s', (_name, git, mode, revision) => {
    const image = mode === 'preview' ? PREVIEW_IMAGE : IMAGE;
    const s = read({ ...BASE, image, 'revision-suffix': '', mode }, git);
    expect(s.revision).toBe(revision);
  });

  it('preview: the preview app, label pr-<N>, paper trading forced', () => {
    const s = read({
      ...BASE,
      image: PREVIEW_IMAGE,
      mode: 'preview',
      label: 'pr-7',
      'revision-suffix': 'pr-7-abc1234',
    });
    expect([s.app, s.label, s.prNumber]).toEqual(['alc-algo-agents-preview', 'pr-7', 7]);
    const env = s.spec.template!.containers![0].env!;
    expect(env.filter((e) => ['ALC_ENVIRONMENT', 'IBKR_PORT'].includes(e.name!))).toEqual([
      { name: 'ALC_ENVIRONMENT', value: 'preview' },
      { name: 'IBKR_PORT', value: '7497' },
    ]);
  });

  it.each([
    ['subscription-id', { 'subscription-id': '' }],
    ['subscription-id', { 'subscription-id': 'not-a-guid' }],
    ['resource-group', { 'resource-group': '' }],
    ['resource-group', { 'resource-group': 'bad/group' }],
    ['image', { image: '' }],
    ['image', { image: 'alcalgoregistry.azurecr.io/alc-algo-agents:latest' }],
    ['mode', { mode: 'staging' }],
    ['spec', { spec: 'deploy/missing.yaml' }],
    ['spec', { spec: 'bad.yaml' }],
    ['app', { app: 'Alc_Algo' }],
    ['app', { app: 'a'.repeat(33) }],
    ['revision-suffix', { 'revision-suffix': 'V1.2.3' }],
    ['revision-suffix', { 'revision-suffix': '1-2-3' }],
    ['revision-suffix', { 'revision-suffix': 'v1--2' }],
    ['revision-suffix', { 'revision-suffix': 'v1-2-3-' }],
    ['revision-suffix', { 'revision-suffix': `v${'1'.repeat(40)}` }],
    ['revision-suffix', { 'revision-suffix': '' }],
    ['label', { label: 'purple' }],
    ['label', { label: 'Blue!' }],
    ['label', { mode: 'preview', label: 'blue' }],
    ['label', { mode: 'preview', label: '' }],
    ['env-vars', { 'env-vars': 'no equals sign' }],
    ['env-vars', { mode: 'preview', label: 'pr-3', 'env-vars': 'IBKR_PORT=7496' }],
    ['env-vars', { mode: 'preview', label: 'pr-3', 'env-vars': 'IBKR_GATEWAY=gw:7496' }],
    ['wait-timeout', { 'wait-timeout': '0' }],
    ['wait-timeout', { 'wait-timeout': 'soon' }],
    ['resolve', { resolve: 'no-port-here' }],
    ['ca-file', { 'ca-file': 'missing.pem' }],
    ['cloud', { cloud: 'Mars' }],
    ['arm-endpoint', { cloud: 'Custom', 'authority-host': 'https://login.example' }],
    ['tenant-id', { 'client-id': '00000000-0000-0000-0000-000000000002' }],
    ['audience', { audience: 'api://two words' }],
    ['environment', { environment: '/subscriptions/x/resourceGroups' }],
    [
      'environment',
      { environment: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.App/containerApps/a' },
    ],
    ['environment', { environment: 'env with spaces' }],
    ['location', { location: 'eastus;rm' }],
    ['preview-spec', { 'preview-spec': 'deploy/missing.yaml' }],
    ['preview-spec', { 'preview-spec': 'package.json' }],
  ])('a bad %s fails naming the input: %j', (input, change) => {
    expect(inputErrorOf(() => read({ ...BASE, ...change })).input).toBe(input);
  });

  it.each([
    [
      'the production app as the preview target',
      { mode: 'preview', label: 'pr-3', app: 'alc-algo-agents' },
      /refuses to write to 'alc-algo-agents'/,
    ],
    [
      'a preview spec with the live port',
      { mode: 'preview', label: 'pr-3', 'preview-spec': 'live-preview.yaml' },
      /7496/,
    ],
  ])('preview guards refuse %s', (_name, change, message) => {
    expect(() => read({ ...BASE, ...change })).toThrow(message);
  });
});

describe('registry rule', () => {
  const spec = [{ server: 'alcalgoregistry.azurecr.io', identity: 'system' }];
  it.each([
    ['the same registry keeps the entry', IMAGE, spec],
    [
      'another registry replaces the one entry, identity kept',
      `127.0.0.1:5000/a@${DIGEST}`,
      [{ server: '127.0.0.1:5000', identity: 'system' }],
    ],
    ['no registries stay none', IMAGE, []],
  ])('%s', (_name, image, expected) => {
    expect(registriesFor(image, _name.startsWith('no') ? [] : spec)).toEqual(expected);
  });
  it('two entries, none matching: no rule applies', () => {
    expect(registriesFor(IMAGE, [{ server: 'a.io' }, { server: 'b.io' }])).toBeUndefined();
  });
});

describe('createBody', () => {
  it('the spec with the image, suffix, env-vars, environment ID, registry of the image and traffic on latest', () => {
    const s = read({
      ...BASE,
      image: `127.0.0.1:5000/alc-algo-agents@${DIGEST}`,
      registry: '127.0.0.1:5000',
      'env-vars': 'LOG_LEVEL=DEBUG\nNEW=1',
    });
    const body = createBody(
      s,
      '/subscriptions/x/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/alc-algo-env',
    );
    expect(body.template?.revisionSuffix).toBe('v1-2-3');
    expect(body.template?.containers?.[0].image).toBe(`127.0.0.1:5000/alc-algo-agents@${DIGEST}`);
    expect(body.configuration?.registries).toEqual([{ server: '127.0.0.1:5000', identity: 'system' }]);
    expect(body.configuration?.ingress?.traffic).toEqual([{ latestRevision: true, weight: 100 }]);
    expect(body.environmentId).toMatch(/managedEnvironments\/alc-algo-env$/);
    const env = body.template?.containers?.[0].env ?? [];
    expect(env.find((e) => e.name === 'LOG_LEVEL')?.value).toBe('DEBUG');
    expect(env.at(-1)).toEqual({ name: 'NEW', value: '1' });
    expect(env.find((e) => e.name === 'OPENAI_API_KEY')).toEqual({
      name: 'OPENAI_API_KEY',
      secretRef: 'openai-api-key',
    });
    expect(body.location).toBe('eastus');
    expect('name' in body || 'resourceGroup' in body).toBe(false);
  });
});

describe('revisionTemplate', () => {
  const live: Template = {
    revisionSuffix: 'v1-0-0',
    containers: [
      {
        name: 'app',
        image: 'old',
        env: [
          { name: 'A', value: '1' },
          { name: 'S', secretRef: 'sec' },
        ],
        probes: [{ type: 'Readiness', httpGet: { path: '/ready', port: 8080 } }],
      },
    ],
    scale: {
      minReplicas: 1,
      maxReplicas: 10,
      rules: [{ name: 'cpu-70', custom: { type: 'cpu', metadata: { value: '70' } } }],
    },
  };
  it('changes only the image, the suffix and the given env vars', () => {
    const { template } = revisionTemplate(live, {
      image: IMAGE,
      suffix: 'v2-0-0',
      envVars: [{ name: 'A', value: '2' }],
      mode: 'production',
      liveSource: 'app',
    });
    expect(template).toEqual({
      ...live,
      revisionSuffix: 'v2-0-0',
      containers: [
        {
          ...live.containers![0],
          image: IMAGE,
          env: [
            { name: 'A', value: '2' },
            { name: 'S', secretRef: 'sec' },
          ],
        },
      ],
    });
    expect(live.containers![0].image).toBe('old');
  });
  it('preview forces paper trading and says what it forced', () => {
    const { template, forced } = revisionTemplate(live, {
      image: IMAGE,
      suffix: 'pr-1-abc1234',
      envVars: [],
      mode: 'preview',
      liveSource: 'app',
    });
    expect(template.containers![0].env).toContainEqual({ name: 'IBKR_PORT', value: '7497' });
    expect(forced).toEqual(['ALC_ENVIRONMENT: (unset) -> preview', 'IBKR_PORT: (unset) -> 7497']);
  });
  it('preview refuses a live app carrying the live port', () => {
    const bad = {
      ...live,
      containers: [{ ...live.containers![0], env: [{ name: 'IBKR_PORT', value: '7496' }] }],
    };
    expect(() =>
      revisionTemplate(bad, { image: IMAGE, suffix: 's', envVars: [], mode: 'preview', liveSource: 'app x' }),
    ).toThrow(/app x.*7496/);
  });
});

describe('planDeployTraffic', () => {
  const blue = { revisionName: 'app--v1', label: 'blue', weight: 100 };
  const green = { revisionName: 'app--v2', label: 'green', weight: 0 };
  it.each([
    ['first deploy', [{ latestRevision: true, weight: 100 }], { revision: 'app--v1' }, [blue]],
    ['second deploy into green', [blue], { revision: 'app--v2' }, [blue, green]],
    ['a re-run converges', [blue, green], { revision: 'app--v2' }, [blue, green]],
    [
      'a re-run after promotion converges',
      [
        { ...blue, weight: 0 },
        { ...green, weight: 100 },
      ],
      { revision: 'app--v2' },
      [
        { ...blue, weight: 0 },
        { ...green, weight: 100 },
      ],
    ],
    [
      'next release repoints the candidate',
      [
        { ...blue, weight: 0 },
        { ...green, weight: 100 },
      ],
      { revision: 'app--v3' },
      [
        { revisionName: 'app--v3', label: 'blue', weight: 0 },
        { ...green, weight: 100 },
      ],
    ],
    [
      'preview pr-4 beside pr-3',
      [{ revisionName: 'p--pr-3-a', label: 'pr-3', weight: 100 }],
      { mode: 'preview' as const, revision: 'p--pr-4-b', prNumber: 4 },
      [
        { revisionName: 'p--pr-3-a', label: 'pr-3', weight: 100 },
        { revisionName: 'p--pr-4-b', label: 'pr-4', weight: 0 },
      ],
    ],
  ])('%s', (_name, traffic, s, expected) => {
    expect(planDeployTraffic(traffic, { mode: 'production', label: undefined, ...s })).toEqual(expected);
  });
  it('refuses the production label', () => {
    expect(() =>
      planDeployTraffic([blue, green], { mode: 'production', revision: 'app--v3', label: 'blue' }),
    ).toThrow(/carries production/);
  });
});

describe('small decisions', () => {
  it.each([
    [
      {
        containers: [
          {
            probes: [
              { type: 'Liveness', httpGet: { path: '/health' } },
              { type: 'Readiness', httpGet: { path: '/ready' } },
            ],
          },
        ],
      },
      '/ready',
    ],
    [{ containers: [{}] }, '/'],
    [undefined, '/'],
  ])('readinessPath %#', (template, expected) => {
    expect(readinessPath(template as Template | undefined)).toBe(expected);
  });
});

describe('outputs and summary', () => {
  const result: DeployResult = {
    app: 'app',
    revision: 'app--v2',
    label: 'green',
    labelUrl: 'https://app---green.d',
    revisionUrl: 'https://app--v2.d',
    appUrl: 'https://app.d',
    productionRevision: 'app--v1',
    created: false,
    reused: false,
    image: IMAGE,
    trafficBefore: [{ revisionName: 'app--v1', label: 'blue', weight: 100 }],
    trafficAfter: [
      { revisionName: 'app--v1', label: 'blue', weight: 100 },
      { revisionName: 'app--v2', label: 'green', weight: 0 },
    ],
    deactivated: [],
    forced: [],
    verified: 'r.io/alc-algo-agents: the locked release tag of 2.0.0 points at sha256:...',
    proof: 'ready after 0.1s',
  };
  it('outputs every contract name as text', () => {
    expect(deployOutputs(result)).toEqual({
      revision: 'app--v2',
      label: 'green',
      'label-url': 'https://app---green.d',
      'revision-url': 'https://app--v2.d',
      'app-url': 'https://app.d',
      'production-revision': 'app--v1',
      created: 'false',
      'trading-revision': '',
      'trading-epoch': '',
      handover: '',
    });
  });
  it('summarises with tables and a mermaid picture', () => {
    const md = deploySummary(result);
    expect(md).toContain('| app--v2 | green | 0% |');
    expect(md).toContain('```mermaid');
  });
});
