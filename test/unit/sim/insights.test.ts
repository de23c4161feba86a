// The simulator's Application Insights without HTTP: the track API's decisions (envelopes, keys, partial
// answers), what each metric reads from an item, and the component's metrics in Azure Monitor's shape.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  InsightsService,
  parseBatch,
  parseDuration,
  performanceBucket,
  readEnvelope,
  track,
  type Component,
} from '../../../sim/insights.js';
import { parseBytes } from '../../../sim/docker.js';
import { memoryBytes } from '../../../sim/memory.js';
import { errorOf } from '../../support/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'alc-sim-insights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const IKEY = '11111111-2222-3333-4444-555555555555';
const at = (ms: number) => new Date(T0 + ms).toISOString();
const tags = (instance: string) => ({ 'ai.cloud.role': 'app', 'ai.cloud.roleInstance': instance });
const envelope = (type: string, baseData: Record<string, unknown>, ms = 0, instance = 'app--v1-a1') => ({
  name: `Microsoft.ApplicationInsights.${IKEY.replace(/-/g, '')}.${type}`,
  time: at(ms),
  iKey: IKEY,
  tags: tags(instance),
  data: { baseType: `${type}Data`, baseData: { ver: 2, ...baseData } },
});
const exception = (ms: number, instance?: string) =>
  envelope(
    'Exception',
    {
      exceptions: [{ typeName: 'RuntimeError', message: 'boom', hasFullStack: false }],
      problemId: 'RuntimeError at tick',
    },
    ms,
    instance,
  );
const metric = (name: string, value: number, ms: number, instance?: string) =>
  envelope('Metric', { metrics: [{ name, value, count: 1, kind: 0 }] }, ms, instance);
const request = (code: string, duration: string, ms: number) =>
  envelope(
    'Request',
    { id: 'r1', name: 'GET /', duration, responseCode: code, success: Number(code) < 400 },
    ms,
  );

describe('readEnvelope', () => {
  it.each([
    ['no name', { ...exception(0), name: '' }, /Field 'name' on type 'Envelope' is required/],
    ['no time', { ...exception(0), time: undefined }, /Field 'time'/],
    ['a bad time', { ...exception(0), time: 'yesterday' }, /not a valid date time/],
    ['no iKey', { ...exception(0), iKey: '' }, /Field 'iKey'/],
    ['an unknown baseType', envelope('Dependency', { id: 'x' }), /Unknown baseType 'DependencyData'/],
    [
      'an exception without exceptions',
      envelope('Exception', { problemId: 'p' }),
      /'exceptions' on type 'ExceptionData'/,
    ],
    [
      'a metric without a value',
      envelope('Metric', { metrics: [{ name: 'x' }] }),
      /'value' on type 'DataPoint'/,
    ],
    [
      'a request without a duration',
      envelope('Request', { id: 'r', responseCode: '200' }),
      /'duration' on type 'RequestData'/,
    ],
    [
      'a request with a bad duration',
      envelope('Request', { id: 'r', responseCode: '200', duration: '5s' }),
      /not a valid time span/,
    ],
    [
      'a message without message',
      envelope('Message', { severityLevel: 1 }),
      /'message' on type 'MessageData'/,
    ],
  ])('refuses %s', (_, raw, message) => {
    const read = readEnvelope(raw, T0 + 10_000);
    expect(typeof read).toBe('string');
    expect(read).toMatch(message);
  });
  it('reads the role tags, the exception type and problemId, and one item per metric', () => {
    expect(readEnvelope(exception(5), T0 + 10_000)).toEqual({
      iKey: IKEY,
      items: [
        {
          type: 'Exception',
          at: T0 + 5,
          roleName: 'app',
          roleInstance: 'app--v1-a1',
          typeName: 'RuntimeError',
          message: 'boom',
          problemId: 'RuntimeError at tick',
        },
      ],
    });
    const two = envelope('Metric', {
      metrics: [
        { name: 'a', value: 2 },
        { name: 'b', value: 3, count: 3 },
      ],
    });
    const read = readEnvelope(two, T0 + 10_000);
    expect(typeof read !== 'string' && read.items.map((i) => [i.name, i.value, i.count])).toEqual([
      ['a', 2, 1],
      ['b', 3, 3],
    ]);
  });
  it('counts an item stamped in the future when it arrived', () => {
    const read = readEnvelope(exception(60_000), T0 + 1000);
    expect(typeof read !== 'string' && read.items[0].at).toBe(T0 + 1000);
  });
});

describe('track', () => {
  const known = (k: string) => (k === IKEY ? ({ appId: 'app-id' } as Component) : undefined);
  it('accepts a good batch: 200 with itemsReceived = itemsAccepted and no errors', () => {
    const a = track([exception(0), metric('agent_runs', 1, 0)], known, T0 + 1000);
    expect([a.status, a.body]).toEqual([
      200,
      { itemsReceived: 2, itemsAccepted: 2, appId: 'app-id', errors: [] },
    ]);
  });
  it('answers 206 with the index of each refused envelope', () => {
    const a = track([exception(0), { ...exception(0), name: '' }, 'x'], known, T0 + 1000);
    expect(a.status).toBe(206);
    expect(a.body.itemsAccepted).toBe(1);
    expect(a.body.errors.map((e) => [e.index, e.statusCode])).toEqual([
      [1, 400],
      [2, 400],
    ]);
  });
  it('refuses every item of an unknown instrumentation key with 400', () => {
    const a = track(
      [
        { ...exception(0), iKey: 'ffffffff-0000-0000-0000-000000000000' },
        { ...exception(1), iKey: 'x' },
      ],
      known,
      T0,
    );
    expect(a.status).toBe(400);
    expect(a.body.errors).toEqual([
      { index: 0, statusCode: 400, message: 'Invalid instrumentation key' },
      { index: 1, statusCode: 400, message: 'Invalid instrumentation key' },
    ]);
  });
  it('reads a JSON array, one object, or newline-delimited envelopes', () => {
    expect(parseBatch(JSON.stringify([exception(0), exception(1)]))).toMatchObject({ envelopes: [{}, {}] });
    expect(parseBatch(JSON.stringify(exception(0)))).toMatchObject({ envelopes: [{}] });
    expect(parseBatch(`${JSON.stringify(exception(0))}\n${JSON.stringify(exception(1))}\n`)).toMatchObject({
      envelopes: [{}, {}],
    });
    expect(parseBatch('   ')).toEqual({ error: expect.stringMatching(/empty/) });
  });
});

describe('durations and units', () => {
  it.each([
    ['00:00:00.123', 123],
    ['00:00:01.5000000', 1500],
    ['1.00:00:00', 86_400_000],
    [250, 250],
    ['5s', undefined],
  ])('duration %p = %p ms', (raw, ms) => expect(parseDuration(raw)).toBe(ms));
  it.each([
    [10, '<250ms'],
    [250, '250ms-500ms'],
    [2999, '1sec-3sec'],
    [400_000, '>=5min'],
  ])('%p ms is in bucket %p', (ms, bucket) => expect(performanceBucket(ms)).toBe(bucket));
  it.each([
    [[12.5, 'MiB'], 13_107_200],
    [[1, 'GiB'], 1024 ** 3],
    [[2, 'kB'], 2000],
    [[512, 'B'], 512],
  ] as const)('docker stats %p = %p bytes', ([v, u], bytes) => expect(parseBytes(v, u)).toBe(bytes));
  it.each([
    ['4Gi', 4 * 1024 ** 3],
    ['0.5Gi', 0.5 * 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['lots', undefined],
  ])('template memory %p = %p bytes', (raw, bytes) => expect(memoryBytes(raw)).toBe(bytes));
});

describe('InsightsService.query', () => {
  const service = new InsightsService({
    stateDir: dir,
    subscriptionId: 's',
    tenantId: 't',
    verifier: { verify: () => undefined },
    timeGrain: 'PT1S',
    now: () => T0 + 3000,
  });
  const c = service.seed('rg', 'ins', 'eastus');
  const ikey = c.instrumentationKey;
  const mine = <T extends { iKey: string }>(e: T) => ({ ...e, iKey: ikey });
  // v1: an exception in second 0, two in second 1; runs in seconds 0-2; v2 (another replica) only runs.
  service.ingest(
    JSON.stringify(
      [
        exception(100),
        exception(1100),
        exception(1200),
        metric('agent_runs', 1, 100),
        metric('agent_runs', 1, 1100),
        metric('agent_runs', 1, 2100),
        metric('orders_rejected', 3, 1100),
        metric('agent_runs', 1, 100, 'app--v2-b1'),
        request('200', '00:00:00.100', 200),
        request('500', '00:00:00.300', 300),
      ].map(mine),
    ),
  );
  const q = (params: Record<string, string>) =>
    service.query(c, new URLSearchParams({ timespan: `${at(0)}/${at(3000)}`, interval: 'PT1S', ...params }));

  it('exceptions/count per replica, in Azure shape', () => {
    const a = q({
      metricnames: 'exceptions/count',
      aggregation: 'Count',
      $filter: "cloud/roleInstance eq '*'",
    });
    expect(a.namespace).toBe('microsoft.insights/components');
    expect(a.value[0]).toMatchObject({ name: { value: 'exceptions/count' }, unit: 'Count' });
    expect(a.value[0].timeseries).toEqual([
      {
        metadatavalues: [
          {
            name: { value: 'cloud/roleinstance', localizedValue: 'cloud/roleInstance' },
            value: 'app--v1-a1',
          },
        ],
        data: [0, 1, 2].map((s, i) => ({ timeStamp: at(s * 1000), count: [1, 2, 0][i] })),
      },
    ]);
  });
  it('custom metrics under azure.applicationinsights: Total per replica', () => {
    const a = q({
      metricnames: 'agent_runs',
      metricnamespace: 'azure.applicationinsights',
      aggregation: 'Total',
      $filter: "cloud/roleInstance eq '*'",
    });
    expect(a.namespace).toBe('azure.applicationinsights');
    expect(
      a.value[0].timeseries.map((s) => [
        s.metadatavalues[0].value,
        s.data.map((d) => (d as { total?: number }).total),
      ]),
    ).toEqual([
      ['app--v1-a1', [1, 1, 1]],
      ['app--v2-b1', [1, undefined, undefined]],
    ]);
  });
  it('requests: failed counts unsuccessful ones, duration averages', () => {
    const failed = q({
      metricnames: 'requests/failed,requests/duration',
      aggregation: 'Count,Average',
      interval: 'FULL',
    });
    expect(failed.value.map((v) => v.timeseries[0].data[0])).toEqual([
      { timeStamp: at(0), count: 1, average: 1 },
      { timeStamp: at(0), count: 2, average: 200 },
    ]);
  });
  it('a filtered window without telemetry has no series', () => {
    const a = q({
      metricnames: 'exceptions/count',
      aggregation: 'Count',
      $filter: "cloud/roleInstance eq 'app--v2-b1'",
    });
    expect(a.value[0].timeseries).toEqual([]);
  });
  it.each([
    [
      { metricnames: 'orders_sent', metricnamespace: 'azure.applicationinsights' },
      /Failed to find metric configuration.*orders_sent/,
    ],
    [
      { metricnames: 'agent_runs' },
      /Failed to find metric configuration for provider: microsoft.insights, resource Type: components, metric: agent_runs/,
    ],
    [{ metricnames: 'exceptions/count', $filter: "revisionName eq 'x'" }, /invalid dimensions.*revisionName/],
    [{ metricnames: 'exceptions/count', metricnamespace: 'Microsoft.App/containerApps' }, /Metric namespace/],
    [{ metricnames: 'exceptions/count', interval: 'PT7S' }, /does not support requested time grain: PT7S/],
  ])('refuses %j with BadRequest', (params, message) => {
    const err: { status?: number; code?: string; message?: string } = errorOf(Error, () => q(params));
    expect([err.status, err.code]).toEqual([400, 'BadRequest']);
    expect(err.message).toMatch(message);
  });
  it('lists the custom metrics it received as metric definitions', () => {
    const d = service.definitions(c, new URLSearchParams({ metricnamespace: 'azure.applicationinsights' }));
    expect(d.value.map((x) => x.name.value).sort()).toEqual(['agent_runs', 'orders_rejected']);
    expect(d.value[0].dimensions.map((x) => x.value)).toEqual(['cloud/roleInstance', 'cloud/roleName']);
  });
  it('keeps the component keys across restarts and names its ingestion endpoint in the connection string', () => {
    service.ingestionEndpoint = 'https://10.0.0.1:7448/';
    const again = new InsightsService({
      stateDir: dir,
      subscriptionId: 's',
      tenantId: 't',
      verifier: { verify: () => undefined },
      timeGrain: 'PT1M',
    });
    again.ingestionEndpoint = 'https://10.0.0.1:7448/';
    expect(again.component('RG', 'INS')?.instrumentationKey).toBe(ikey);
    expect(again.connectionString(again.component('rg', 'ins')!)).toBe(
      `InstrumentationKey=${ikey};IngestionEndpoint=https://10.0.0.1:7448/;LiveEndpoint=https://10.0.0.1:7448/;ApplicationId=${c.appId}`,
    );
  });
});
