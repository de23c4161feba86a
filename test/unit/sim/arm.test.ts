// Pure decisions of the simulator's control plane: validation rules, revision planning, traffic
// resolution and routes, JSON merge patch, fault rules, scopes and image references.
import { describe, expect, it } from '@jest/globals';
import { ArmError } from '../../../sim/arm/errors.js';
import { FaultInjector, checkRule } from '../../../sim/arm/faults.js';
import { parseImage } from '../../../sim/arm/images.js';
import { type ContainerApp, type Json, type Revision, mergePatch } from '../../../sim/arm/model.js';
import {
  buildRoutes,
  generateSuffix,
  planRevision,
  resolvedTraffic,
  sameTemplate,
  sequenceSuffix,
} from '../../../sim/arm/revisions.js';
import {
  RESOURCE_PAIRS,
  isGeneratedName,
  isValidRevisionName,
  validateWrite,
} from '../../../sim/arm/validate.js';
import { revisionState } from '../../../sim/arm/views.js';
import { resourceOfScope } from '../../../sim/identity.js';
import type { FaultRule } from '../../../sim/types.js';

const container = (cpu: number, memory: string) => ({
  name: 'c',
  image: 'r.io/a:1',
  resources: { cpu, memory },
});
const props = (o: { containers?: Json[]; traffic?: Json[]; mode?: string } = {}): Json => ({
  configuration: {
    activeRevisionsMode: o.mode ?? 'Multiple',
    ingress: { targetPort: 8080, traffic: o.traffic },
  },
  template: { containers: o.containers ?? [container(0.5, '1Gi')] },
});
const check = (
  p: Json,
  revisions: Array<{ name: string; active: boolean }> = [],
  newRevisionName?: string,
  generatedName?: boolean,
) => validateWrite({ appName: 'app', props: p, newRevisionName, generatedName, revisions })?.code;

describe('CPU and memory', () => {
  it.each(RESOURCE_PAIRS.map((p): [number, string] => [p.cpu, `${p.memoryGi}Gi`]))(
    'accepts %p vCPU with %s',
    (cpu, memory) => {
      expect(check(props({ containers: [container(cpu, memory)] }))).toBeUndefined();
    },
  );

  it.each([
    [1, '1Gi'],
    [2.25, '4.5Gi'],
    [0.5, '1024Mi'],
    [0.3, '0.6Gi'],
    [4, '8Gi'],
  ])('refuses %p vCPU with %s', (cpu, memory) => {
    expect(check(props({ containers: [container(cpu, memory)] }))).toBe('ContainerAppInvalidResourceTotal');
  });

  it('adds up every container: 0.75 + 0.25 vCPU with 1.5Gi + 0.5Gi is 1/2Gi', () => {
    expect(
      check(props({ containers: [container(0.75, '1.5Gi'), container(0.25, '0.5Gi')] })),
    ).toBeUndefined();
  });
});

describe('revision names', () => {
  it.each([
    ['app--v1', true],
    ['app--v1-2-3', true],
    ['app--pr-12-abc1234', true],
    ['app--V1', false],
    ['app--1a', false],
    ['app--a--b', false],
    ['app--a-', false],
    ['other--v1', false],
    [`app--a${'b'.repeat(48)}`, true],
    [`app--a${'b'.repeat(49)}`, false],
  ])('%s -> %p', (name, ok) => {
    expect(isValidRevisionName('app', name)).toBe(ok);
  });
});

describe('traffic', () => {
  const revs = [
    { name: 'app--a', active: true },
    { name: 'app--old', active: false },
  ];
  it.each([
    ['100 on one revision', [{ revisionName: 'app--a', weight: 100 }], undefined],
    [
      'a label at 0 on an inactive revision',
      [
        { revisionName: 'app--a', weight: 100 },
        { revisionName: 'app--old', weight: 0, label: 'old' },
      ],
      undefined,
    ],
    [
      'the new revision at 0',
      [
        { revisionName: 'app--a', weight: 100 },
        { revisionName: 'app--new', weight: 0, label: 'green' },
      ],
      undefined,
    ],
    ['sum 99', [{ revisionName: 'app--a', weight: 99 }], 'ContainerAppInvalidTrafficWeight'],
    [
      'sum 101',
      [
        { revisionName: 'app--a', weight: 100 },
        { latestRevision: true, weight: 1 },
      ],
      'ContainerAppInvalidTrafficWeight',
    ],
    [
      'a negative weight',
      [
        { revisionName: 'app--a', weight: 110 },
        { latestRevision: true, weight: -10 },
      ],
      'ContainerAppInvalidTrafficWeight',
    ],
    [
      'both revisionName and latestRevision',
      [{ revisionName: 'app--a', latestRevision: true, weight: 100 }],
      'ContainerAppInvalidTrafficWeight',
    ],
    [
      'a duplicate label',
      [
        { revisionName: 'app--a', weight: 100, label: 'x' },
        { latestRevision: true, weight: 0, label: 'x' },
      ],
      'ContainerAppDuplicateLabel',
    ],
    [
      "a label with '--'",
      [{ revisionName: 'app--a', weight: 100, label: 'x--y' }],
      'ContainerAppInvalidLabelName',
    ],
    ['an unknown revision', [{ revisionName: 'app--zz', weight: 100 }], 'ContainerAppRevisionNotFound'],
    // Azure accepts a weight on an inactive revision (issue 21, from the azure-cli-extensions recordings).
    ['weight on an inactive revision', [{ revisionName: 'app--old', weight: 100 }], undefined],
    [
      'a digit-first revision ACA named itself',
      [
        { revisionName: 'app--a', weight: 90 },
        { revisionName: 'app--0000001', weight: 10 },
      ],
      undefined,
    ],
    [
      'an unknown digit-first revision',
      [{ revisionName: 'app--0zz0000', weight: 100 }],
      'ContainerAppRevisionNotFound',
    ],
    [
      'a name of no revision shape',
      [{ revisionName: 'app--A_b', weight: 100 }],
      'ContainerAppInvalidRevisionName',
    ],
  ])('%s -> %p', (_name, traffic, code) => {
    const revisions = [...revs, { name: 'app--0000001', active: true }];
    expect(check(props({ traffic }), revisions, 'app--new')).toBe(code);
  });

  it.each([
    ['a generated digit-first name', 'app--0jfo06b', true, undefined],
    ['a digit-first revisionSuffix the user gave', 'app--0jfo06b', false, 'ContainerAppInvalidRevisionName'],
  ])('%s', (_name, revisionName, generated, code) => {
    expect(check(props(), [], revisionName, generated)).toBe(code);
  });

  it('Single mode accepts latestRevision at 100 and refuses weights on named revisions', () => {
    expect(
      check(props({ mode: 'Single', traffic: [{ latestRevision: true, weight: 100 }] }), revs),
    ).toBeUndefined();
    expect(check(props({ mode: 'Single', traffic: [{ revisionName: 'app--a', weight: 100 }] }), revs)).toBe(
      'ContainerAppInvalidTrafficForSingleRevisionMode',
    );
  });
});

describe('secrets and identities', () => {
  const withSecrets = (secrets: Json[], env: Json[] = [], identity?: Json) =>
    validateWrite({
      appName: 'app',
      identity,
      revisions: [],
      props: { configuration: { secrets }, template: { containers: [{ ...container(0.5, '1Gi'), env }] } },
    })?.code;
  const kv = { name: 'k', keyVaultUrl: 'https://v.vault.azure.net/secrets/K', identity: 'system' };
  it.each([
    [
      'a declared secretRef',
      [{ name: 's', value: 'x' }],
      [{ name: 'S', secretRef: 's' }],
      undefined,
      undefined,
    ],
    [
      'an undeclared secretRef',
      [],
      [{ name: 'S', secretRef: 's' }],
      undefined,
      'ContainerAppSecretRefNotFound',
    ],
    [
      'an upper-case secret name',
      [{ name: 'S', value: 'x' }],
      [],
      undefined,
      'ContainerAppSecretInvalidName',
    ],
    [
      'a duplicate secret',
      [
        { name: 's', value: 'x' },
        { name: 's', value: 'y' },
      ],
      [],
      undefined,
      'ContainerAppDuplicateSecretName',
    ],
    [
      'Key Vault without identity',
      [{ ...kv, identity: undefined }],
      [],
      { type: 'SystemAssigned' },
      'ContainerAppSecretInvalid',
    ],
    [
      'Key Vault with an identity the app lacks',
      [kv],
      [],
      undefined,
      'ContainerAppSecretKeyVaultIdentityNotFound',
    ],
    ['Key Vault with the system identity', [kv], [], { type: 'SystemAssigned' }, undefined],
    [
      'Key Vault with a missing user identity',
      [{ ...kv, identity: '/x/id1' }],
      [],
      { type: 'UserAssigned', userAssignedIdentities: { '/x/id2': {} } },
      'ContainerAppSecretKeyVaultIdentityNotFound',
    ],
    [
      'Key Vault with its user identity',
      [{ ...kv, identity: '/x/id1' }],
      [],
      { type: 'UserAssigned', userAssignedIdentities: { '/X/ID1': {} } },
      undefined,
    ],
  ])('%s -> %p', (_name, secrets, env, identity, code) => {
    expect(withSecrets(secrets, env, identity)).toBe(code);
  });
});

describe('planRevision', () => {
  const tpl = (image: string, suffix?: string): Json => ({
    ...(suffix !== undefined ? { revisionSuffix: suffix } : {}),
    containers: [{ name: 'c', image }],
  });
  const rev = (name: string, template: Json): Revision => ({
    name,
    app: 'rg/app',
    createdTime: '',
    template,
    active: true,
  });
  const existing = [rev('app--v1', tpl('a:1', 'v1'))];
  it.each([
    ['a first revision with its suffix', [], undefined, tpl('a:1', 'v1'), 'app--v1'],
    ['the same template', existing, 'app--v1', tpl('a:1', 'v1'), undefined],
    ['the same template without a suffix', existing, 'app--v1', tpl('a:1'), undefined],
    ['a new suffix, same containers', existing, 'app--v1', tpl('a:1', 'v2'), 'app--v2'],
    ['a new image without suffix', existing, 'app--v1', tpl('a:2'), 'app--gen1234'],
    ['a new image with an empty suffix', existing, 'app--v1', tpl('a:2', ''), 'app--gen1234'],
    [
      'an older suffix with its own template (converges)',
      [...existing, rev('app--v2', tpl('a:2', 'v2'))],
      'app--v2',
      tpl('a:1', 'v1'),
      undefined,
    ],
  ])('%s -> %p', (_name, revisions, latest, template, expected) => {
    const plan = planRevision('app', template, revisions, latest, () => 'gen1234');
    expect(plan).toEqual({ ...(expected ? { newRevisionName: expected } : {}) });
  });

  it('generates suffixes as ACA does: 7 lower-case alphanumerics, digit-first ones included', () => {
    const many = Array.from({ length: 400 }, generateSuffix);
    expect(many.every((x) => /^[a-z0-9]{7}$/.test(x))).toBe(true);
    expect(many.some((x) => /^[0-9]/.test(x))).toBe(true);
    expect(many.every((x) => isGeneratedName('app', `app--${x}`))).toBe(true);
  });

  it('a sequence gives 0000001, 0000002... and skips names that exist', () => {
    const revisions = [rev('app--0000002', tpl('a:1'))];
    expect(planRevision('app', tpl('a:2'), revisions, 'app--0000002', sequenceSuffix(revisions))).toEqual({
      newRevisionName: 'app--0000003',
    });
    expect(planRevision('app', tpl('a:2'), [], undefined, sequenceSuffix([]))).toEqual({
      newRevisionName: 'app--0000001',
    });
  });

  it('refuses an existing suffix with another template', () => {
    const plan = planRevision('app', tpl('a:2', 'v1'), existing, 'app--v1');
    expect(plan).toBeInstanceOf(ArmError);
    expect((plan as ArmError).code).toBe('ContainerAppRevisionAlreadyExists');
  });

  it('compares templates canonically (key order, nulls)', () => {
    expect(sameTemplate({ a: 1, b: { c: 2, d: null } }, { b: { c: 2 }, a: 1, revisionSuffix: 'x' })).toBe(
      true,
    );
    expect(sameTemplate({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

describe('traffic resolution and routes', () => {
  const app = (traffic: Json[] | undefined, mode = 'Multiple'): ContainerApp => ({
    name: 'web',
    resourceGroup: 'rg',
    location: 'eastus',
    provisioningState: 'Succeeded',
    latestRevisionName: 'web--v2',
    createdAt: '',
    properties: { configuration: { activeRevisionsMode: mode, ingress: { targetPort: 80, traffic } } },
  });
  const revisions: Revision[] = ['v1', 'v2', 'v0'].map((s) => ({
    name: `web--${s}`,
    app: 'rg/web',
    createdTime: '',
    template: {},
    active: s !== 'v0',
  }));

  it('resolves latestRevision and keeps labels', () => {
    expect(
      resolvedTraffic(
        app([
          { revisionName: 'web--v1', weight: 60, label: 'blue' },
          { latestRevision: true, weight: 40 },
        ]),
      ),
    ).toEqual([
      { revisionName: 'web--v1', weight: 60, label: 'blue' },
      { revisionName: 'web--v2', weight: 40 },
    ]);
  });

  it('latestRevision means the latest ready revision once there is one', () => {
    const provisioning = {
      ...app([{ latestRevision: true, weight: 100 }]),
      latestReadyRevisionName: 'web--v1',
    };
    expect(resolvedTraffic(provisioning)).toEqual([{ revisionName: 'web--v1', weight: 100 }]);
  });

  it('defaults to the latest revision at 100; Single mode ignores other weights', () => {
    expect(resolvedTraffic(app(undefined))).toEqual([{ revisionName: 'web--v2', weight: 100 }]);
    expect(resolvedTraffic(app([{ revisionName: 'web--v1', weight: 0, label: 'old' }], 'Single'))).toEqual([
      { revisionName: 'web--v2', weight: 100 },
      { revisionName: 'web--v1', weight: 0, label: 'old' },
    ]);
  });

  it('routes app, label and active revision host names', () => {
    const routes = buildRoutes(
      [
        app([
          { revisionName: 'web--v1', weight: 100, label: 'blue' },
          { revisionName: 'web--v2', weight: 0, label: 'green' },
        ]),
      ],
      revisions,
      'd.io',
    );
    expect(Object.fromEntries(routes)).toEqual({
      'web.d.io': { kind: 'weighted', entries: [{ revisionName: 'web--v1', weight: 100 }] },
      'web---blue.d.io': { kind: 'revision', revisionName: 'web--v1' },
      'web---green.d.io': { kind: 'revision', revisionName: 'web--v2' },
      'web--v1.d.io': { kind: 'revision', revisionName: 'web--v1' },
      'web--v2.d.io': { kind: 'revision', revisionName: 'web--v2' },
    });
  });
});

describe('revisionState', () => {
  const rev = (o: Partial<Revision>): Revision => ({
    name: 'a--b',
    app: 'rg/a',
    createdTime: '',
    template: {},
    active: true,
    ...o,
  });
  it.each([
    [
      'a failed provisioning',
      rev({ provisioningError: 'pull failed' }),
      undefined,
      ['Failed', 'Failed', 'Unhealthy', 0],
    ],
    // Azure: Provisioned/Stopped/Healthy once deactivated (test_containerapp_revision_label_e2e.yaml).
    ['an inactive revision', rev({ active: false }), undefined, ['Provisioned', 'Stopped', 'Healthy', 0]],
    [
      'deactivated, still deprovisioning (active: true)',
      rev({ deprovisioningUntil: '2030-01-01T00:00:00.000Z' }),
      { provisioningState: 'Provisioned', runningState: 'Running', healthState: 'Healthy', readyReplicas: 1 },
      ['Provisioned', 'Deprovisioning', 'None', 1],
    ],
    ['not seen by the runtime yet', rev({}), undefined, ['Provisioning', 'Processing', 'None', 0]],
    [
      'running',
      rev({}),
      { provisioningState: 'Provisioned', runningState: 'Running', healthState: 'Healthy', readyReplicas: 2 },
      ['Provisioned', 'Running', 'Healthy', 2],
    ],
  ] as const)('%s', (_name, r, observed, expected) => {
    const st = revisionState(r, observed);
    expect([st.provisioningState, st.runningState, st.healthState, st.replicas]).toEqual(expected);
  });
});

describe('mergePatch (RFC 7396)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: ['b'] }, { a: ['c', 'd'] }, { a: ['c', 'd'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: 'b' }, ['c'], ['c']],
  ])('%j + %j -> %j', (target, patch, result) => {
    expect(mergePatch(target, patch)).toEqual(result);
  });
});

describe('fault rules', () => {
  it.each([
    [{ method: 'GET', path: 'x', kind: 'reset' }, undefined],
    [{ method: 'GET', path: 'x', kind: 'status', status: 429, retryAfter: 2 }, undefined],
    [{ method: 'GET', path: '(', kind: 'reset' }, "path '(' is not a valid RegExp"],
    [{ method: 'GET', path: 'x', kind: 'status', status: 302 }, 'a status fault needs status 400-599'],
    [{ method: 'GET', path: 'x', kind: 'latency' }, 'a latency fault needs latencyMs > 0'],
    [{ method: 'GET', path: 'x', kind: 'reset', times: 0 }, 'times must be a whole number > 0'],
    [{ method: 'GET', path: 'x', kind: 'explode' }, "unknown kind 'explode'"],
    [
      { method: 'PUT', path: 'x', kind: 'kill' },
      'a kill fault needs a kill callback (in-process rules only)',
    ],
    [{ method: 'PUT', path: 'x', kind: 'kill', kill: () => undefined, skip: 2 }, undefined],
    [{ method: 'GET', path: 'x', kind: 'reset', skip: -1 }, 'skip must be a whole number >= 0'],
  ])('%j -> %p', (rule, problem) => {
    expect(checkRule(rule as FaultRule)).toBe(problem);
  });

  it('takes matching rules by method, path and kind, `times` times', () => {
    const f = new FaultInjector();
    f.add({ method: 'GET', path: '/apps/a$', kind: 'status', status: 503, times: 2 });
    f.add({ method: '*', path: '/apps/', kind: 'latency', latencyMs: 5 });
    expect(f.take('PUT', '/apps/a', ['status'])).toEqual([]);
    expect(f.take('GET', '/apps/b', ['status'])).toEqual([]);
    expect(f.take('GET', '/apps/a', ['status'])).toHaveLength(1);
    expect(f.take('GET', '/apps/a', ['status'])).toHaveLength(1);
    expect(f.take('GET', '/apps/a', ['status'])).toEqual([]);
    expect(f.take('DELETE', '/apps/z', ['latency'])).toHaveLength(1);
    expect(f.list()).toMatchObject([{ kind: 'latency', hits: 1, remaining: null }]);
  });

  it('lets `skip` matching requests through before the rule applies', () => {
    const f = new FaultInjector();
    f.add({ method: 'PATCH', path: '/apps/a$', kind: 'status', status: 500, skip: 2, times: 1 });
    const hits = ['/apps/a', '/apps/b', '/apps/a', '/apps/a', '/apps/a'].map(
      (path) => f.take('PATCH', path, ['status']).length,
    );
    expect(hits).toEqual([0, 0, 0, 1, 0]);
  });
});

describe('scopes and image references', () => {
  it.each([
    ['https://localhost:8443/.default', 'https://localhost:8443'],
    ['https://management.azure.com//.default', 'https://management.azure.com'],
    ['openid profile', undefined],
  ])('resourceOfScope(%p) -> %p', (scope, resource) => {
    expect(resourceOfScope(scope)).toBe(resource);
  });

  it.each([
    [
      '127.0.0.1:5000/alc-algo:1.2.3',
      { server: '127.0.0.1:5000', repository: 'alc-algo', reference: '1.2.3' },
    ],
    ['localhost:5000/team/app', { server: 'localhost:5000', repository: 'team/app', reference: 'latest' }],
    [
      `reg.azurecr.io/app@sha256:${'a'.repeat(64)}`,
      { server: 'reg.azurecr.io', repository: 'app', reference: `sha256:${'a'.repeat(64)}` },
    ],
    ['busybox:1', undefined],
  ])('parseImage(%p)', (image, ref) => {
    expect(parseImage(image)).toEqual(ref);
  });
});
