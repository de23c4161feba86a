// Fault injection per route, through the startSimulator API and the admin endpoint: 429 with Retry-After,
// 500/503, latency, connection reset and failed long-running operations, with the real SDK recovering
// through its retry policies (every attempt is recorded at the pipeline).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import type { FaultRule } from '../../../sim/types.js';
import { httpsRequest } from '../../../sim/http.js';
import {
  RG,
  appSpec,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';

let s: ControlPlaneSim;
let client: ContainerAppsAPIClient;
/** HTTP status of every attempt at the flaky app (-1: no answer). */
let attempts: number[] = [];
const recorder: PipelinePolicy = {
  name: 'record-attempts',
  async sendRequest(req, next) {
    const mine = /\/containerApps\/flaky(\?|$)/.test(req.url) || req.url.includes('/oauth2/v2.0/token');
    try {
      const res = await next(req);
      if (mine) attempts.push(res.status);
      return res;
    } catch (e) {
      if (mine) attempts.push(-1);
      throw e;
    }
  },
};
const poll = { updateIntervalInMs: 25 };

beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false });
  client = sdkClient(s.sim, [recorder]);
  await client.containerApps.beginCreateOrUpdateAndWait(
    RG,
    'flaky',
    appSpec(s.envId, 'example.invalid/a:1'),
    poll,
  );
  await client.containerApps.get(RG, 'flaky'); // a token in the cache
});
afterAll(async () => s?.stop());
beforeEach(() => {
  attempts = [];
  s.sim.faults.clear();
});

const flaky = (rule: Partial<FaultRule>): FaultRule =>
  ({ method: 'GET', path: '/containerApps/flaky$', ...rule }) as FaultRule;

describe('the SDK recovers from injected faults', () => {
  it.each([
    [
      '429 with Retry-After: 1',
      flaky({ kind: 'status', status: 429, retryAfter: 1, times: 1 }),
      [429, 200],
      1000,
    ],
    ['503 twice', flaky({ kind: 'status', status: 503, times: 2 }), [503, 503, 200], 0],
    ['500 once', flaky({ kind: 'status', status: 500, times: 1 }), [500, 200], 0],
    [
      '503 with Retry-After',
      flaky({ kind: 'status', status: 503, retryAfter: 1, times: 1 }),
      [503, 200],
      1000,
    ],
    ['a connection reset', flaky({ kind: 'reset', times: 1 }), [-1, 200], 0],
    ['400 ms of latency', flaky({ kind: 'latency', latencyMs: 400, times: 1 }), [200], 400],
  ])('%s', async (_name, rule, expected, minMs) => {
    s.sim.faults.add(rule);
    const t0 = Date.now();
    const app = await client.containerApps.get(RG, 'flaky');
    expect(app.name).toBe('flaky');
    expect(attempts).toEqual(expected);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(minMs);
    expect(s.sim.faults.list()).toEqual([]);
  });

  it('a fault that outlasts the retries surfaces as the error ARM sent', async () => {
    s.sim.faults.add(flaky({ kind: 'status', status: 503 }));
    await expect(client.containerApps.get(RG, 'flaky')).rejects.toMatchObject({
      statusCode: 503,
      code: 'ServiceUnavailable',
    });
    expect(attempts).toEqual([503, 503, 503, 503]);
    expect(s.sim.faults.list()).toMatchObject([{ hits: 4, remaining: null }]);
  });

  it('matches method and path: other routes are untouched', async () => {
    s.sim.faults.add({ method: 'PUT', path: '/containerApps/flaky$', kind: 'status', status: 500 });
    s.sim.faults.add({ method: '*', path: '/containerApps/other$', kind: 'reset' });
    await client.containerApps.get(RG, 'flaky');
    expect(attempts).toEqual([200]);
  });

  it('a 503 on the token endpoint: the credential retries', async () => {
    const fresh = sdkClient(s.sim, [recorder]);
    s.sim.faults.add({ method: 'POST', path: '/oauth2/v2.0/token$', kind: 'status', status: 503, times: 1 });
    await expect(fresh.containerApps.get(RG, 'flaky')).resolves.toMatchObject({ name: 'flaky' });
    expect(s.sim.faults.list()).toEqual([]);
  });

  it('503 while polling an operation: the LRO still completes', async () => {
    s.sim.faults.add({
      method: 'GET',
      path: '/containerappOperationStatuses/',
      kind: 'status',
      status: 503,
      times: 2,
    });
    const app = await client.containerApps.beginUpdateAndWait(
      RG,
      'flaky',
      { location: 'eastus', tags: { polled: 'yes' } },
      poll,
    );
    expect(app.tags).toEqual({ polled: 'yes' });
    expect(s.sim.faults.list()).toEqual([]);
  });
});

describe('failed long-running operations', () => {
  it('lro-fail: the PUT is accepted, the operation ends Failed, a retry converges', async () => {
    s.sim.faults.add({ method: 'PUT', path: '/containerApps/lro-app$', kind: 'lro-fail', times: 1 });
    const spec = appSpec(s.envId, 'example.invalid/a:1', { suffix: 'v1' });
    await expect(client.containerApps.beginCreateOrUpdateAndWait(RG, 'lro-app', spec, poll)).rejects.toThrow(
      /long-running operation has failed\. ContainerAppOperationError\. .*Injected fault/,
    );
    expect(await client.containerApps.get(RG, 'lro-app')).toMatchObject({ provisioningState: 'Failed' });
    const again = await client.containerApps.beginCreateOrUpdateAndWait(RG, 'lro-app', spec, poll);
    expect(again).toMatchObject({ provisioningState: 'Succeeded', latestRevisionName: 'lro-app--v1' });
  });

  it('lro-fail on PATCH and DELETE', async () => {
    s.sim.faults.add({ method: 'PATCH', path: '/containerApps/lro-app$', kind: 'lro-fail', times: 1 });
    s.sim.faults.add({ method: 'DELETE', path: '/containerApps/lro-app$', kind: 'lro-fail', times: 1 });
    await expect(
      client.containerApps.beginUpdateAndWait(RG, 'lro-app', { location: 'eastus', tags: { a: 'b' } }, poll),
    ).rejects.toThrow(/has failed/);
    await expect(client.containerApps.beginDeleteAndWait(RG, 'lro-app', poll)).rejects.toThrow(/has failed/);
    await expect(client.containerApps.get(RG, 'lro-app')).resolves.toMatchObject({ name: 'lro-app' });
  });
});

describe('the admin endpoint (/_sim/faults)', () => {
  const admin = (method: string, path = '', body?: unknown, token: string | null = s.sim.ids.adminToken) =>
    httpsRequest(`${s.sim.endpoints.admin}/faults${path}`, {
      ca: s.sim.ca,
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('refuses a client without the admin token', async () => {
    expect((await admin('GET', '', undefined, null)).status).toBe(403);
    expect((await admin('POST', '', flaky({ kind: 'reset' }), 'wrong-token')).status).toBe(403);
    expect(s.sim.faults.list()).toEqual([]);
  });

  it('adds, lists and removes faults that a separately running client then meets', async () => {
    const added = await admin('POST', '', [
      flaky({ kind: 'status', status: 429, retryAfter: 1, times: 1 }),
      flaky({ kind: 'latency', latencyMs: 50 }),
    ]);
    expect(added.status).toBe(201);
    const { ids } = JSON.parse(added.body) as { ids: number[] };
    expect(JSON.parse((await admin('GET')).body).value).toHaveLength(2);
    await client.containerApps.get(RG, 'flaky');
    expect(attempts).toEqual([429, 200]);
    expect((await admin('DELETE', `/${ids[1]}`)).status).toBe(200);
    expect((await admin('DELETE', `/${ids[1]}`)).status).toBe(404);
    expect(JSON.parse((await admin('DELETE')).body).value).toEqual([]);
  });

  it('rejects an invalid rule with 400', async () => {
    for (const bad of [
      { method: 'GET', path: '(', kind: 'reset' },
      { method: 'GET', path: 'x', kind: 'status', status: 200 },
      { kind: 'boom' },
    ]) {
      expect((await admin('POST', '', bad)).status).toBe(400);
    }
  });
});
