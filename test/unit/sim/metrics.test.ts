// The simulator's Azure Monitor metrics, computed from the requests its ingress served (no HTTP here: the
// answers of MetricsService.query; the HTTPS side, with the SDK and a token, is in test/integration/analysis).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { emptyState, type SimState } from '../../../sim/arm/model.js';
import { durationMs, MetricsService, parseFilter, RequestLog } from '../../../sim/metrics.js';
import { JsonStore } from '../../../sim/state.js';
import { errorOf } from '../../support/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'alc-sim-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const store = new JsonStore<SimState>(dir, 'arm.json', emptyState);
store.data.revisions['rg/app/app--v2'] = {
  name: 'app--v2',
  app: 'rg/app',
  createdTime: '',
  template: {},
  active: true,
};
const log = new RequestLog();
// v1: 4 x 200 in second 0, 1 x 500 in second 1; v2: 1 x 503 in second 2.
for (const [rev, status, ms] of [
  ['app--v1', 200, 100],
  ['app--v1', 200, 200],
  ['app--v1', 200, 300],
  ['app--v1', 200, 400],
  ['app--v1', 500, 1500],
  ['app--v2', 503, 2500],
] as const)
  log.record({ revision: rev, status, latencyMs: 5, at: T0 + ms });
const service = new MetricsService({
  subscriptionId: 's',
  tenantId: 't',
  verifier: { verify: () => undefined },
  store,
  log,
  timeGrain: 'PT1S',
  replicas: (rev) => (rev === 'app--v2' ? [{ name: 'app--v2-r1', restarts: 2 }] : []),
  now: () => T0 + 3000,
});
const q = (params: Record<string, string>) =>
  service.query(
    '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/containerApps/app',
    'eastus',
    new URLSearchParams({
      timespan: `${new Date(T0).toISOString()}/${new Date(T0 + 3000).toISOString()}`,
      interval: 'PT1S',
      ...params,
    }),
  );

describe('MetricsService.query', () => {
  it('Requests split by status category, one point per grain, in Azure shape', () => {
    const a = q({
      metricnames: 'Requests',
      aggregation: 'Total',
      $filter: "revisionName eq 'app--v1' and statusCodeCategory eq '*'",
    });
    expect(a).toMatchObject({
      interval: 'PT1S',
      namespace: 'Microsoft.App/containerApps',
      resourceregion: 'eastus',
    });
    const [m] = a.value;
    expect(m).toMatchObject({
      name: { value: 'Requests' },
      unit: 'Count',
      type: 'Microsoft.Insights/metrics',
    });
    const series = Object.fromEntries(
      m.timeseries.map((s) => [
        s.metadatavalues.find((v) => v.name.value === 'statuscodecategory')?.value,
        s.data.map((d) => d.total),
      ]),
    );
    expect(series).toEqual({ '2xx': [4, 0, 0], '5xx': [0, 1, 0] });
    expect(m.timeseries[0].metadatavalues[0]).toEqual({
      name: { value: 'revisionname', localizedValue: 'revisionName' },
      value: 'app--v1',
    });
    expect(m.timeseries[0].data.map((d) => d.timeStamp)).toEqual(
      [0, 1, 2].map((s) => new Date(T0 + s * 1000).toISOString()),
    );
  });

  it('FULL: one point over the whole timespan; no filter: one series over every revision', () => {
    const [m] = q({ metricnames: 'Requests', aggregation: 'Total,Count', interval: 'FULL' }).value;
    expect(m.timeseries).toEqual([
      { metadatavalues: [], data: [{ timeStamp: new Date(T0).toISOString(), total: 6, count: 6 }] },
    ]);
  });

  it('top: a filtered query answers at most `top` series (Azure: 10 by default), the rest dropped', () => {
    const split = { metricnames: 'Requests', aggregation: 'Total', $filter: "statusCodeCategory eq '*'" };
    expect(q(split).value[0].timeseries).toHaveLength(2);
    expect(q({ ...split, top: '1' }).value[0].timeseries).toHaveLength(1);
    expect(() => q({ ...split, top: '0' })).toThrow(/Invalid top '0'/);
  });

  it('no series for a revision that served nothing in the window (filtered)', () => {
    const [m] = q({
      metricnames: 'Requests',
      $filter: "revisionName eq 'app--v3' and statusCodeCategory eq '*'",
    }).value;
    expect(m.timeseries).toEqual([]);
  });

  it('RestartCount from the runtime replicas of active revisions', () => {
    const [m] = q({
      metricnames: 'RestartCount',
      aggregation: 'Maximum',
      $filter: "revisionName eq 'app--v2'",
    }).value;
    expect(m.timeseries).toHaveLength(1);
    expect(m.timeseries[0].data.map((d) => d.maximum)).toEqual([2, 2, 2]);
  });

  it.each([
    [
      { metricnames: 'Bogus' },
      /Failed to find metric configuration for provider: Microsoft.App, resource Type: containerApps, metric: Bogus, Valid metrics: Requests, RestartCount/,
    ],
    [{ metricnames: '' }, /metricnames parameter is required/],
    [
      { metricnames: 'RestartCount', $filter: "statusCode eq '500'" },
      /invalid dimensions .*statusCode. Valid dimensions of RestartCount: revisionName, podName/,
    ],
    [{ metricnames: 'Requests', $filter: 'revisionName eq app--v1' }, /Failed to parse the \$filter/],
    [
      { metricnames: 'Requests', interval: 'PT2S' },
      /does not support requested time grain: PT2S. Supported time grains: PT1S, PT1M/,
    ],
    [{ metricnames: 'Requests', timespan: 'yesterday' }, /Invalid timespan/],
    [{ metricnames: 'Requests', aggregation: 'p95' }, /Invalid aggregation 'p95'/],
  ])('refuses %j with BadRequest', (params, message) => {
    const err: { status?: number; code?: string; message?: string } = errorOf(Error, () => q(params));
    expect([err.status, err.code]).toEqual([400, 'BadRequest']);
    expect(err.message).toMatch(message);
  });
});

describe('parseFilter and durations', () => {
  it('reads and, or within one dimension, and *', () => {
    expect([
      ...parseFilter("revisionName eq 'a' or revisionName eq 'b' and statusCodeCategory eq '*'", 'Requests'),
    ]).toEqual([
      ['revisionname', ['a', 'b']],
      ['statuscodecategory', ['*']],
    ]);
  });
  it.each([
    ['PT1S', 1000],
    ['PT1M', 60_000],
    ['PT1H', 3_600_000],
    ['P1D', 86_400_000],
    ['PT', undefined],
    ['1m', undefined],
  ])('%s = %s ms', (iso, ms) => expect(durationMs(iso)).toBe(ms));
});

describe('RequestLog', () => {
  it('drops records older than its retention', () => {
    const l = new RequestLog(1000);
    l.record({ revision: 'a', status: 200, latencyMs: 1, at: 0 });
    l.record({ revision: 'a', status: 200, latencyMs: 1, at: 500 });
    l.record({ revision: 'a', status: 200, latencyMs: 1, at: 1600 });
    expect(l.all().map((r) => r.at)).toEqual([1600]);
  });
});
