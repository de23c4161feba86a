// The simulator's ARM through the real @azure/arm-appcontainers client and @azure/identity
// ClientAssertionCredential over HTTPS: apps, revisions, labels and traffic, every validation error,
// 401/404, long-running operations, and state surviving a restart. (ARM-only mode: no containers.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ContainerApp, Secret, TrafficWeight } from '@azure/arm-appcontainers';
import {
  API,
  ENV,
  RG,
  appPath,
  appSpec,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';

let s: ControlPlaneSim;
const poll = { updateIntervalInMs: 25 };

beforeAll(async () => {
  s = await startControlPlaneSim();
  await s.push('alc-algo', '1.0.0');
  await s.push('alc-algo', '2.0.0');
});
afterAll(async () => s?.stop());

const create = (name: string, app: ContainerApp) =>
  s.client.containerApps.beginCreateOrUpdateAndWait(RG, name, app, poll);
const update = (name: string, app: ContainerApp) =>
  s.client.containerApps.beginUpdateAndWait(RG, name, app, poll);
const revisions = async (name: string) => {
  const out = [];
  for await (const r of s.client.containerAppsRevisions.listRevisions(RG, name)) out.push(r);
  return out;
};

describe('managed environments and resource groups', () => {
  it('GET returns the seeded environment with its default domain', async () => {
    const env = await s.client.managedEnvironments.get(RG, ENV);
    expect(env).toMatchObject({
      name: ENV,
      location: 'eastus',
      provisioningState: 'Succeeded',
      defaultDomain: s.sim.domain,
    });
    expect(env.id).toBe(s.envId);
  });

  it('PUT creates an environment in an existing resource group', async () => {
    const res = await s.arm(
      'PUT',
      `/subscriptions/${s.sim.ids.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.App/managedEnvironments/alc-preview-env`,
      {
        body: { location: 'eastus', properties: {} },
      },
    );
    expect(res.status).toBe(201);
    expect(res.headers['azure-asyncoperation']).toContain('/containerappOperationStatuses/');
    await expect(s.client.managedEnvironments.get(RG, 'alc-preview-env')).resolves.toMatchObject({
      defaultDomain: s.sim.domain,
    });
  });

  it.each([
    [
      'an unknown app',
      () => s.client.containerApps.get(RG, 'no-such-app'),
      404,
      'ResourceNotFound',
      /Microsoft\.App\/containerApps\/no-such-app' under resource group/,
    ],
    [
      'an unknown resource group',
      () => s.client.containerApps.get('no-such-rg', 'x'),
      404,
      'ResourceGroupNotFound',
      /Resource group 'no-such-rg' could not be found/,
    ],
    [
      'an unknown environment',
      () => s.client.managedEnvironments.get(RG, 'nope'),
      404,
      'ResourceNotFound',
      /managedEnvironments\/nope/,
    ],
    [
      'an unknown revision',
      () => s.client.containerAppsRevisions.getRevision(RG, 'no-such-app', 'no-such-app--x'),
      404,
      'ResourceNotFound',
      /containerApps\/no-such-app/,
    ],
  ])('404 for %s, with the ARM error envelope', async (_name, call, statusCode, code, message) => {
    await expect(call()).rejects.toMatchObject({ statusCode, code, message: expect.stringMatching(message) });
  });
});

describe('authentication', () => {
  const path = () => `${appPath(s.sim.ids.subscriptionId, 'x')}`;
  it.each([
    ['no Authorization header', null, 'AuthenticationFailed'],
    ['a token that is not ours', 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'InvalidAuthenticationToken'],
  ])('401 with %s', async (_name, token, code) => {
    const res = await s.arm('GET', path(), { token });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code } });
    expect(res.headers['www-authenticate']).toMatch(
      /^Bearer authorization_uri="https:\/\/localhost:\d+\/[0-9a-f-]+", error="invalid_token"/,
    );
  });

  it('401 for a token issued for another audience', async () => {
    const res = await s.arm('GET', path(), {
      token: s.sim.identity.issueAccessToken('https://vault.azure.net'),
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('InvalidAuthenticationTokenAudience');
  });

  it('400 without api-version, 404 for another subscription', async () => {
    const noVersion = await s.arm('GET', `${path()}?api-version=`);
    expect(JSON.parse(noVersion.body).error.code).toBe('MissingApiVersionParameter');
    const other = await s.arm(
      'GET',
      `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/${RG}`,
    );
    expect([other.status, JSON.parse(other.body).error.code]).toEqual([404, 'SubscriptionNotFound']);
  });
});

describe('apps, revisions, labels and traffic', () => {
  const name = 'alc-algo-agents';
  const rev = (suffix: string) => `${name}--${suffix}`;

  it('creates an app with a first revision labelled blue at 100%', async () => {
    const app = await create(
      name,
      appSpec(s.envId, s.image('1.0.0'), {
        suffix: 'v1-0-0',
        traffic: [{ revisionName: rev('v1-0-0'), label: 'blue', weight: 100 }],
      }),
    );
    expect(app).toMatchObject({
      provisioningState: 'Succeeded',
      latestRevisionName: rev('v1-0-0'),
      latestReadyRevisionName: rev('v1-0-0'),
      outboundIpAddresses: ['127.0.0.1'],
      configuration: { activeRevisionsMode: 'Multiple', ingress: { fqdn: `${name}.${s.sim.domain}` } },
    });
  });

  it('deploys a second revision into the green slot at weight 0, keeping blue', async () => {
    const traffic: TrafficWeight[] = [
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 0 },
    ];
    const app = await update(name, {
      template: {
        revisionSuffix: 'v2-0-0',
        containers: [{ name: 'app', image: s.image('2.0.0'), resources: { cpu: 0.5, memory: '1Gi' } }],
      },
      configuration: { ingress: { traffic } },
    } as ContainerApp);
    expect(app.latestRevisionName).toBe(rev('v2-0-0'));
    const list = await revisions(name);
    expect(
      list.map((r) => [
        r.name,
        r.active,
        r.trafficWeight,
        r.provisioningState,
        r.runningState,
        r.healthState,
      ]),
    ).toEqual([
      [rev('v1-0-0'), true, 100, 'Provisioned', 'Running', 'Healthy'],
      [rev('v2-0-0'), true, 0, 'Provisioned', 'Running', 'Healthy'],
    ]);
    expect(list[1]).toMatchObject({
      fqdn: `${rev('v2-0-0')}.${s.sim.domain}`,
      replicas: 1,
      template: { revisionSuffix: 'v2-0-0' },
    });
    expect(s.sim.routes.route(`${name}---green.${s.sim.domain}`)).toEqual({
      kind: 'revision',
      revisionName: rev('v2-0-0'),
    });
    expect(s.sim.routes.route(`${name}.${s.sim.domain}`)).toEqual({
      kind: 'weighted',
      entries: [{ revisionName: rev('v1-0-0'), weight: 100 }],
    });
    expect(s.sim.routes.route(`${rev('v1-0-0')}.${s.sim.domain}`)).toEqual({
      kind: 'revision',
      revisionName: rev('v1-0-0'),
    });
  });

  it('shifts traffic in steps; the app FQDN follows the weights', async () => {
    for (const green of [10, 50, 100]) {
      await update(name, {
        configuration: {
          ingress: {
            traffic: [
              { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 - green },
              { revisionName: rev('v2-0-0'), label: 'green', weight: green },
            ],
          },
        },
      } as ContainerApp);
      const route = s.sim.routes.route(`${name}.${s.sim.domain}`);
      expect(route).toEqual({
        kind: 'weighted',
        entries: [
          { revisionName: rev('v1-0-0'), weight: 100 - green },
          { revisionName: rev('v2-0-0'), weight: green },
        ].filter((e) => e.weight > 0),
      });
    }
    const green = await s.client.containerAppsRevisions.getRevision(RG, name, rev('v2-0-0'));
    expect(green.trafficWeight).toBe(100);
    expect((await revisions(name)).length).toBe(2);
  });

  it('an unchanged template creates no revision; a PATCH keeps the suffix; an empty suffix gets a generated name', async () => {
    const same = await s.client.containerApps.get(RG, name);
    await create(name, same);
    expect((await revisions(name)).length).toBe(2);
    const containers = [{ name: 'app', image: s.image('2.0.0'), resources: { cpu: 1, memory: '2Gi' } }];
    // JSON merge patch: the stored revisionSuffix stays, so a new template under it conflicts.
    await expect(update(name, { template: { containers } } as ContainerApp)).rejects.toMatchObject({
      code: 'ContainerAppRevisionAlreadyExists',
    });
    const changed = await update(name, { template: { revisionSuffix: '', containers } } as ContainerApp);
    // Seven lower-case alphanumerics that may start with a digit, as ACA's own names do (`--5vkvuta`, `--0jfo06b`).
    expect(changed.latestRevisionName).toMatch(new RegExp(`^${name}--[a-z0-9]{7}$`));
    expect((await revisions(name)).length).toBe(3);
  });

  it('deactivates, activates and restarts revisions (plain 200)', async () => {
    await s.client.containerAppsRevisions.deactivateRevision(RG, name, rev('v1-0-0'));
    expect(await s.client.containerAppsRevisions.getRevision(RG, name, rev('v1-0-0'))).toMatchObject({
      active: false,
      runningState: 'Stopped',
      healthState: 'Healthy',
      replicas: 0,
    });
    expect(s.sim.routes.route(`${rev('v1-0-0')}.${s.sim.domain}`)).toBeUndefined();
    await s.client.containerAppsRevisions.activateRevision(RG, name, rev('v1-0-0'));
    await s.client.containerAppsRevisions.restartRevision(RG, name, rev('v1-0-0'));
    await s.sim.settle();
    expect(await s.client.containerAppsRevisions.getRevision(RG, name, rev('v1-0-0'))).toMatchObject({
      active: true,
      runningState: 'Running',
    });
    const raw = await s.arm(
      'POST',
      `${appPath(s.sim.ids.subscriptionId, name)}/revisions/${rev('v1-0-0')}/restart`,
    );
    expect([raw.status, raw.body]).toEqual([200, '']);
  });

  it('the replica API: the replicas of an active revision with their containers; none of an inactive one', async () => {
    await s.sim.settle(); // the restart above
    const replicas = s.client.containerAppsRevisionReplicas;
    const { value } = await replicas.listReplicas(RG, name, rev('v1-0-0'));
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      type: 'Microsoft.App/containerApps/revisions/replicas',
      runningState: 'Running',
      containers: [{ ready: true, started: true, restartCount: 0, runningState: 'Running' }],
      initContainers: [],
    });
    expect(await replicas.getReplica(RG, name, rev('v1-0-0'), value[0].name!)).toEqual(value[0]);
    await expect(replicas.getReplica(RG, name, rev('v1-0-0'), 'nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
    await expect(replicas.listReplicas(RG, name, `${name}--none`)).rejects.toMatchObject({ statusCode: 404 });
    const post = await s.arm(
      'POST',
      `${appPath(s.sim.ids.subscriptionId, name)}/revisions/${rev('v1-0-0')}/replicas`,
    );
    expect(post.status).toBe(405);
    await s.client.containerAppsRevisions.deactivateRevision(RG, name, rev('v1-0-0'));
    expect((await replicas.listReplicas(RG, name, rev('v1-0-0'))).value).toEqual([]);
    await s.client.containerAppsRevisions.activateRevision(RG, name, rev('v1-0-0'));
    await s.sim.settle();
  });

  it('Single mode: a new revision replaces the previous one', async () => {
    await create('single-app', appSpec(s.envId, s.image('1.0.0'), { mode: 'Single', suffix: 'a' }));
    await update('single-app', {
      template: {
        revisionSuffix: 'b',
        containers: [{ name: 'app', image: s.image('2.0.0'), resources: { cpu: 0.5, memory: '1Gi' } }],
      },
    } as ContainerApp);
    const list = await revisions('single-app');
    expect(list.map((r) => [r.name, r.active, r.trafficWeight])).toEqual([
      ['single-app--a', false, 0],
      ['single-app--b', true, 100],
    ]);
  });

  it('listSecrets returns secret values; GET never does', async () => {
    const app = appSpec(s.envId, s.image('1.0.0'), { suffix: 's1' });
    app.configuration!.secrets = [{ name: 'api-key', value: 's3cr3t' }];
    app.template!.containers![0].env = [{ name: 'API_KEY', secretRef: 'api-key' }];
    await create('secret-app', app);
    const got = await s.client.containerApps.get(RG, 'secret-app');
    expect(got.configuration?.secrets).toEqual([{ name: 'api-key' }]);
    expect((await s.client.containerApps.listSecrets(RG, 'secret-app')).value).toEqual([
      { name: 'api-key', value: 's3cr3t' },
    ]);
    await create('secret-app', got);
    expect((await s.client.containerApps.listSecrets(RG, 'secret-app')).value).toEqual([
      { name: 'api-key', value: 's3cr3t' },
    ]);
  });

  it('lists apps by resource group and by subscription, and environments', async () => {
    const names = async (it: AsyncIterable<{ name?: string }>) => {
      const out: string[] = [];
      for await (const x of it) out.push(x.name as string);
      return out;
    };
    expect(await names(s.client.containerApps.listByResourceGroup(RG))).toContain(name);
    expect(await names(s.client.containerApps.listBySubscription())).toContain(name);
    expect(await names(s.client.managedEnvironments.listBySubscription())).toContain(ENV);
    expect(await names(s.client.managedEnvironments.listByResourceGroup(RG))).toContain(ENV);
  });

  it('DELETE is a long-running operation; the app is gone afterwards', async () => {
    await create('doomed', appSpec(s.envId, s.image('1.0.0')));
    await s.client.containerApps.beginDeleteAndWait(RG, 'doomed', poll);
    await expect(s.client.containerApps.get(RG, 'doomed')).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('validation, as ARM answers it', () => {
  const name = 'val';
  const base = () =>
    appSpec(s.envId, s.image('2.0.0'), { suffix: 'v1', traffic: [{ revisionName: 'val--v1', weight: 100 }] });
  const KV_URL = 'https://alc-algo-secrets.vault.azure.net/secrets/OPENAI-API-KEY';
  const withSecret = (secret: Secret) => {
    const a = base();
    a.configuration!.secrets = [secret];
    return a;
  };
  const withTraffic = (traffic: unknown[]) => appSpec(s.envId, s.image('2.0.0'), { suffix: 'v1', traffic });

  beforeAll(async () => {
    await create(name, appSpec(s.envId, s.image('1.0.0'), { suffix: 'old' }));
    await create(name, base());
    await s.client.containerAppsRevisions.deactivateRevision(RG, name, 'val--old');
  });

  const cases: Array<[string, string, () => ContainerApp]> = [
    [
      'an upper-case suffix',
      'ContainerAppInvalidRevisionName',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: 'V2' }),
    ],
    [
      'a suffix starting with a digit',
      'ContainerAppInvalidRevisionName',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: '2x' }),
    ],
    [
      "a suffix with '--'",
      'ContainerAppInvalidRevisionName',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: 'a--b' }),
    ],
    [
      'a revision name over 54 characters',
      'ContainerAppInvalidRevisionName',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: `a${'b'.repeat(49)}` }),
    ],
    [
      'an existing suffix with another template',
      'ContainerAppRevisionAlreadyExists',
      () => appSpec(s.envId, s.image('1.0.0'), { suffix: 'v1' }),
    ],
    [
      'weights summing to 90',
      'ContainerAppInvalidTrafficWeight',
      () => withTraffic([{ revisionName: 'val--v1', weight: 90 }]),
    ],
    [
      'a fractional weight',
      'ContainerAppInvalidTrafficWeight',
      () =>
        withTraffic([
          { revisionName: 'val--v1', weight: 99.5 },
          { latestRevision: true, weight: 0.5 },
        ]),
    ],
    [
      'duplicate labels',
      'ContainerAppDuplicateLabel',
      () =>
        withTraffic([
          { revisionName: 'val--v1', weight: 100, label: 'blue' },
          { latestRevision: true, weight: 0, label: 'blue' },
        ]),
    ],
    [
      'an invalid label',
      'ContainerAppInvalidLabelName',
      () => withTraffic([{ revisionName: 'val--v1', weight: 100, label: 'Blue' }]),
    ],
    [
      'traffic to an unknown revision',
      'ContainerAppRevisionNotFound',
      () => withTraffic([{ revisionName: 'val--nope', weight: 100 }]),
    ],
    [
      'traffic to a revision of another app',
      'ContainerAppInvalidRevisionName',
      () => withTraffic([{ revisionName: 'other--v1', weight: 100 }]),
    ],
    [
      'weights in Single mode',
      'ContainerAppInvalidTrafficForSingleRevisionMode',
      () =>
        appSpec(s.envId, s.image('2.0.0'), {
          suffix: 'v1',
          mode: 'Single',
          traffic: [{ revisionName: 'val--v1', weight: 100 }],
        }),
    ],
    [
      '1 vCPU with 1Gi',
      'ContainerAppInvalidResourceTotal',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: 'v1', cpu: 1, memory: '1Gi' }),
    ],
    [
      '2.25 vCPU with 4.5Gi',
      'ContainerAppInvalidResourceTotal',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: 'v1', cpu: 2.25, memory: '4.5Gi' }),
    ],
    [
      'memory not in Gi',
      'ContainerAppInvalidResourceTotal',
      () => appSpec(s.envId, s.image('2.0.0'), { suffix: 'v1', cpu: 0.5, memory: '1024Mi' }),
    ],
    [
      'a secretRef that is not declared',
      'ContainerAppSecretRefNotFound',
      () => {
        const a = base();
        a.template!.containers![0].env = [{ name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }];
        return a;
      },
    ],
    [
      'a Key Vault reference on an app without identity',
      'ContainerAppSecretKeyVaultIdentityNotFound',
      () => withSecret({ name: 'openai-api-key', keyVaultUrl: KV_URL, identity: 'system' }),
    ],
    [
      'a Key Vault reference that names no identity',
      'ContainerAppSecretInvalid',
      () => withSecret({ name: 'openai-api-key', keyVaultUrl: KV_URL }),
    ],
    ['a secret without value', 'ContainerAppSecretInvalid', () => withSecret({ name: 'new-secret' })],
  ];

  it.each(cases)('refuses %s (400 %s) and leaves the app as it was', async (_name, code, spec) => {
    const before = await s.arm('GET', appPath(s.sim.ids.subscriptionId, name));
    await expect(create(name, spec())).rejects.toMatchObject({ statusCode: 400, code });
    const after = await s.arm('GET', appPath(s.sim.ids.subscriptionId, name));
    expect(after.body).toBe(before.body);
  });

  it('accepts a 54-character revision name and a Key Vault reference with the app identity', async () => {
    const a = appSpec(s.envId, s.image('2.0.0'), { suffix: `a${'b'.repeat(48)}`, cpu: 2, memory: '4Gi' });
    a.identity = { type: 'SystemAssigned' };
    a.configuration!.secrets = [
      {
        name: 'openai-api-key',
        keyVaultUrl: 'https://alc-algo-secrets.vault.azure.net/secrets/OPENAI-API-KEY',
        identity: 'system',
      },
    ];
    a.template!.containers![0].env = [{ name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }];
    const app = await create('val', a);
    expect(app.latestRevisionName).toHaveLength(54);
    expect(app.identity).toMatchObject({
      type: 'SystemAssigned',
      principalId: expect.any(String),
      tenantId: s.sim.ids.tenantId,
    });
  });

  it('an image the registry does not hold: the operation ends Failed, the revision is Failed', async () => {
    const ready = (await s.client.containerApps.get(RG, 'val')).latestReadyRevisionName;
    const promise = create('val', appSpec(s.envId, s.image('9.9.9'), { suffix: 'missing' }));
    await expect(promise).rejects.toThrow(
      /long-running operation has failed\. ContainerAppOperationError\. .*MANIFEST_UNKNOWN/,
    );
    const app = await s.client.containerApps.get(RG, 'val');
    expect(app).toMatchObject({
      provisioningState: 'Failed',
      latestRevisionName: 'val--missing',
      latestReadyRevisionName: ready,
    });
    expect(ready).toMatch(/^val--ab+$/);
    expect(await s.client.containerAppsRevisions.getRevision(RG, 'val', 'val--missing')).toMatchObject({
      provisioningState: 'Failed',
      runningState: 'Failed',
      provisioningError: expect.stringContaining('9.9.9'),
    });
  });
});

describe('long-running operations at the HTTP level, and a restart', () => {
  let slow: ControlPlaneSim;
  beforeAll(async () => {
    slow = await startControlPlaneSim({ registry: false, lroDelayMs: 1500 });
  });
  afterAll(async () => slow?.stop());

  it('PUT: 201 + Azure-AsyncOperation, status InProgress then Succeeded; PATCH: 202 + Location', async () => {
    const path = appPath(slow.sim.ids.subscriptionId, 'lro');
    const put = await slow.arm('PUT', path, {
      body: {
        location: 'eastus',
        properties: {
          managedEnvironmentId: slow.envId,
          template: { containers: [{ name: 'a', image: 'example.invalid/a:1' }] },
        },
      },
    });
    expect(put.status).toBe(201);
    expect(JSON.parse(put.body).properties.provisioningState).toBe('InProgress');
    const status = new URL(String(put.headers['azure-asyncoperation']));
    expect(status.pathname).toMatch(
      /\/providers\/Microsoft\.App\/locations\/eastus\/containerappOperationStatuses\/[0-9a-f-]+$/,
    );
    const first = JSON.parse((await slow.arm('GET', `${status.pathname}${status.search}`)).body);
    expect(first).toMatchObject({
      status: 'InProgress',
      name: expect.any(String),
      startTime: expect.any(String),
    });
    const busy = await slow.arm('PATCH', path, { body: { properties: {} } });
    expect([busy.status, JSON.parse(busy.body).error.code]).toEqual([409, 'ContainerAppOperationInProgress']);
    await slow.sim.settle();
    expect(JSON.parse((await slow.arm('GET', `${status.pathname}${status.search}`)).body)).toMatchObject({
      status: 'Succeeded',
      endTime: expect.any(String),
    });

    const patch = await slow.arm('PATCH', path, { body: { tags: { a: 'b' } } });
    expect(patch.status).toBe(202);
    const location = new URL(String(patch.headers.location));
    expect((await slow.arm('GET', `${location.pathname}${location.search}`)).status).toBe(202);
    await slow.sim.settle();
    const done = await slow.arm('GET', `${location.pathname}${location.search}`);
    expect([done.status, JSON.parse(done.body).tags]).toEqual([200, { a: 'b' }]);
  });

  it('state survives a restart of the simulator', async () => {
    const before = await slow.arm('GET', appPath(slow.sim.ids.subscriptionId, 'lro'));
    await slow.restart();
    const after = await slow.arm('GET', appPath(slow.sim.ids.subscriptionId, 'lro'));
    expect(after.status).toBe(200);
    expect(JSON.parse(after.body)).toEqual(JSON.parse(before.body));
    const list = [];
    for await (const r of slow.client.containerAppsRevisions.listRevisions(RG, 'lro')) list.push(r);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ active: true, runningState: 'Running' });
    expect(slow.sim.routes.route(`lro.${slow.sim.domain}`)).toBeUndefined();
  });

  it('answers any api-version the client sends', async () => {
    const res = await slow.arm(
      'GET',
      `${appPath(slow.sim.ids.subscriptionId, 'lro')}?api-version=2024-03-01`,
    );
    expect(res.status).toBe(200);
    expect(API).toBe('2026-07-01');
  });
});

// Azure as its recorded traffic shows it (issue 21): each case names the recording it mirrors.
describe('Azure as recorded: names, answers and traffic it accepts', () => {
  let az: ControlPlaneSim;
  const app = 'recorded';
  const rev = (n: number) => `${app}--${String(n).padStart(7, '0')}`;
  const image = (tag: string) => `example.invalid/a:${tag}`;
  const revision = (name: string) => az.client.containerAppsRevisions.getRevision(RG, app, name);
  const traffic = (entries: TrafficWeight[]) =>
    az.client.containerApps.beginUpdateAndWait(
      RG,
      app,
      { location: 'eastus', configuration: { ingress: { traffic: entries } } },
      poll,
    );
  beforeAll(async () => {
    az = await startControlPlaneSim({ registry: false, revisionSuffixes: 'sequence', deprovisionMs: 1500 });
  });
  afterAll(async () => az?.stop());

  it('PUT answers 201 for a new and for an existing app, naming the revisions as before the write', async () => {
    // test_containerapp_replica_commands.yaml, the PUT of `containerapp create`: 201, latestRevisionName "".
    const path = appPath(az.sim.ids.subscriptionId, app);
    const put = await az.arm('PUT', path, {
      body: { location: 'eastus', properties: appSpec(az.envId, image('1')) },
    });
    expect(put.status).toBe(201);
    expect(JSON.parse(put.body).properties).toMatchObject({
      latestRevisionName: '',
      latestReadyRevisionName: '',
      latestRevisionFqdn: '',
    });
    await az.sim.settle();
    const again = await az.arm('PUT', path, {
      body: { location: 'eastus', properties: appSpec(az.envId, image('2')) },
    });
    expect(again.status).toBe(201);
    expect(JSON.parse(again.body).properties).toMatchObject({
      latestRevisionName: rev(1),
      latestReadyRevisionName: rev(1),
    });
    await az.sim.settle();
  });

  it('names the revisions it generates digit-first (<app>--0000001) and accepts traffic naming them', async () => {
    const names = [];
    for await (const r of az.client.containerAppsRevisions.listRevisions(RG, app)) names.push(r.name);
    expect(names).toEqual([rev(1), rev(2)]);
    const done = await traffic([
      { revisionName: rev(1), weight: 50, label: 'blue' },
      { revisionName: rev(2), weight: 50, label: 'green' },
    ]);
    expect(done.configuration?.ingress?.traffic).toHaveLength(2);
  });

  it('deactivating a weighted revision: 200, active + Deprovisioning, then Stopped/Healthy; its weight stays', async () => {
    // test_containerapp_revision_label_e2e.yaml: active true + Deprovisioning, later active false, Stopped, Healthy.
    await az.client.containerAppsRevisions.deactivateRevision(RG, app, rev(1));
    expect(await revision(rev(1))).toMatchObject({ active: true, runningState: 'Deprovisioning' });
    await az.sim.settle();
    expect(await revision(rev(1))).toMatchObject({
      active: false,
      runningState: 'Stopped',
      healthState: 'Healthy',
      provisioningState: 'Provisioned',
      trafficWeight: 50,
    });
    // The weight stays on the inactive revision: that share of the app's requests finds no replica.
    expect(az.sim.routes.route(`${app}.${az.sim.domain}`)).toEqual({
      kind: 'weighted',
      entries: [
        { revisionName: rev(1), weight: 50 },
        { revisionName: rev(2), weight: 50 },
      ],
    });
  });

  it('accepts a weight on an inactive revision', async () => {
    const done = await traffic([{ revisionName: rev(1), weight: 100, label: 'blue' }]);
    expect(done.configuration?.ingress?.traffic).toEqual([
      { revisionName: rev(1), weight: 100, label: 'blue' },
    ]);
    expect(await revision(rev(1))).toMatchObject({ active: false, trafficWeight: 100 });
  });

  it('activate during Deprovisioning calls the deactivation off', async () => {
    await az.client.containerAppsRevisions.deactivateRevision(RG, app, rev(2));
    expect(await revision(rev(2))).toMatchObject({ active: true, runningState: 'Deprovisioning' });
    await az.client.containerAppsRevisions.activateRevision(RG, app, rev(2));
    await az.sim.settle();
    expect(await revision(rev(2))).toMatchObject({ active: true, runningState: 'Running' });
  });
});

describe('Location-only long-running operations (the 2024-03-01 recordings)', () => {
  let loc: ControlPlaneSim;
  beforeAll(async () => {
    loc = await startControlPlaneSim({ registry: false, lroStyle: 'location', lroDelayMs: 300 });
  });
  afterAll(async () => loc?.stop());

  it('PUT and PATCH answer with Location only; the SDK follows it to the result', async () => {
    const path = appPath(loc.sim.ids.subscriptionId, 'located');
    const put = await loc.arm('PUT', path, {
      body: { location: 'eastus', properties: appSpec(loc.envId, 'example.invalid/a:1') },
    });
    expect(put.status).toBe(201);
    expect(put.headers['azure-asyncoperation']).toBeUndefined();
    expect(String(put.headers.location)).toMatch(/\/containerappOperationResults\//);
    await loc.sim.settle();
    const app = await loc.client.containerApps.beginUpdateAndWait(
      RG,
      'located',
      { location: 'eastus', tags: { a: 'b' } },
      poll,
    );
    expect([app.provisioningState, app.tags]).toEqual(['Succeeded', { a: 'b' }]);
  });
});
