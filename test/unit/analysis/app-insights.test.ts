// The agents' health: Application Insights metrics per revision, the container app's memory per replica, lower
// bounds (a stall), the watch's comparison with the previous revision, and the component the run reads.
import { describe, expect, it } from '@jest/globals';
import type { MonitorClient } from '@azure/arm-monitor';
import {
  appInsightsQuery,
  appInsightsSampleOf,
  monitorProvider,
  type AppInsightsMetric,
} from '../../../src/analysis/app-insights.js';
import {
  metricsQuery,
  sampleOf,
  type MetricsAnswer,
  type MetricsProvider,
} from '../../../src/analysis/azure-monitor.js';
import { parseAnalysisConfig, type MetricConfig } from '../../../src/analysis/config.js';
import { analyzePhase, type AnalysisContext } from '../../../src/analysis/run.js';
import { judge, type Sample } from '../../../src/analysis/verdict.js';
import { readAppInsights } from '../../../src/bluegreen/settings.js';
import { InputError } from '../../../src/core/inputs.js';
import { errorOf } from '../../support/errors.js';

const W = { start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z' };
const MIN = 60_000;
const SUB = '11111111-2222-3333-4444-555555555555';
const config = (yaml: string) => parseAnalysisConfig('analysis', yaml);
const metric = (yaml: string): MetricConfig => config(`metrics:\n  - ${yaml}`).metrics[0];
const insights = (yaml: string) => metric(`{name: m, provider: app-insights, ${yaml}}`) as AppInsightsMetric;
const value = (v: number): Sample => ({ kind: 'value', value: v });
const noData: Sample = { kind: 'no-data', why: 'no agent_runs telemetry from app--v2 in the window' };

describe('app-insights metrics in the config', () => {
  it.each<[string, Partial<AppInsightsMetric>]>([
    ['metric: exceptions/count, max: 1', { metric: 'exceptions/count', aggregation: 'Count' }],
    ['metric: Requests/Duration, max: 5s', { metric: 'requests/duration', aggregation: 'Average' }],
    ['metric: requests/duration, aggregation: maximum, max: 5s', { aggregation: 'Maximum' }],
    [
      'metric: agent_runs, namespace: azure.applicationinsights, min: 0.5x stable',
      { metric: 'agent_runs', namespace: 'azure.applicationinsights', aggregation: 'Total' },
    ],
    [
      'metric: orders_sent, namespace: azure.applicationinsights, aggregation: sum, max: 9',
      { aggregation: 'Total' },
    ],
  ])('%s', (yaml, expected) => {
    expect(insights(yaml)).toMatchObject({ provider: 'app-insights', ...expected });
  });
});

describe('lower bounds: judge', () => {
  const stall = metric(
    '{name: runs, provider: app-insights, metric: agent_runs, namespace: x.y, min: 1/minute scaled}',
  );
  const relative = metric(
    '{name: runs, provider: app-insights, metric: agent_runs, namespace: x.y, min: 0.5x stable}',
  );
  it.each<[string, MetricConfig, Sample, Sample | undefined, number, object]>([
    [
      'at the floor passes',
      stall,
      value(1),
      undefined,
      MIN,
      { verdict: 'pass', threshold: '>= 1 (1/minute scaled)' },
    ],
    ['a stall fails', stall, value(0), undefined, MIN, { verdict: 'fail', reason: '0 is under 1' }],
    [
      'scaled to a 3 s window',
      stall,
      value(0.2),
      undefined,
      3000,
      { verdict: 'pass', threshold: '>= 0.05 (1/minute scaled)' },
    ],
    ['no data is inconclusive', stall, noData, undefined, MIN, { verdict: 'inconclusive', value: null }],
    [
      'half the stable revision passes',
      relative,
      value(30),
      value(60),
      MIN,
      { verdict: 'pass', stable: 60, threshold: '>= 30 (>= 0.5x stable)' },
    ],
    [
      'under half fails, naming value, bound and stable',
      relative,
      value(12),
      value(60),
      MIN,
      { verdict: 'fail', value: 12, reason: '12 is under 30 (stable 60)' },
    ],
    [
      'a stable revision without telemetry: inconclusive',
      relative,
      value(12),
      noData,
      MIN,
      {
        verdict: 'inconclusive',
        stable: null,
        reason: `stable revision: ${noData.kind === 'no-data' ? noData.why : ''}`,
      },
    ],
  ])('%s', (_what, m, candidate, stable, windowMs, expected) => {
    expect(judge(m, candidate, stable, windowMs, 'watch', W)).toMatchObject(expected);
  });
});

const series = (instance: string, points: object[]) => ({
  metadatavalues: [{ name: { value: 'cloud/roleInstance' }, value: instance }],
  data: points,
});

describe('Application Insights queries and answers', () => {
  it('asks for every instance of the component, the custom namespace when there is one', () => {
    expect(
      appInsightsQuery(
        insights('metric: exceptions/count, max: 0'),
        Date.parse(W.start),
        Date.parse(W.end),
        'PT1M',
      ),
    ).toEqual({
      metricnames: 'exceptions/count',
      timespan: `${W.start}/${W.end}`,
      interval: 'PT1M',
      aggregation: 'Count',
      filter: "cloud/roleInstance eq '*'",
      top: 1000,
    });
    expect(
      appInsightsQuery(
        insights('metric: agent_runs, namespace: azure.applicationinsights, min: 1'),
        0,
        1,
        'PT1S',
      ),
    ).toMatchObject({ metricnamespace: 'azure.applicationinsights', aggregation: 'Total' });
  });
  const answer = (...timeseries: object[]): MetricsAnswer => ({
    value: [{ errorCode: 'Success', timeseries }],
  });
  const both = answer(
    series('app--v2-abc12', [{ count: 2 }, { count: 1 }]),
    series('app--v2-def34', [{ count: 3 }]),
    series('app--v1-xyz99', [{ count: 40 }]),
    // a revision whose name extends the candidate's: never counted as its replica
    series('app--v2x-aaa11', [{ count: 7 }]),
  );
  it.each<[string, string, MetricsAnswer, Sample]>([
    ['counts: the sum of the revision replicas', 'metric: exceptions/count, max: 0', both, value(6)],
    [
      'averages: the mean of the replicas per grain',
      'metric: requests/duration, max: 5s',
      answer(series('app--v2-a', [{ average: 100 }, {}]), series('app--v2-b', [{ average: 300 }])),
      value(200),
    ],
    [
      'maximum: the largest',
      'metric: requests/duration, aggregation: Maximum, max: 5s',
      answer(series('app--v2-a', [{ maximum: 100 }]), series('app--v2-b', [{ maximum: 300 }])),
      value(300),
    ],
    [
      "a revision whose name extends the candidate's: its replicas (<hash>-<id>) are not the candidate's",
      'metric: agent_runs, namespace: azure.applicationinsights, min: 1',
      answer(
        series('app--v2-7fdbf895c6-rh65t', [{ total: 2 }]),
        series('app--v2-rc-1-7fdbf895c6-ab12c', [{ total: 50 }]),
        series('app--v2-rc-1-zz9yx', [{ total: 70 }]),
      ),
      value(2),
    ],
    [
      'only other revisions: no data',
      'metric: exceptions/count, max: 0',
      answer(series('app--v1-xyz99', [{ count: 4 }])),
      { kind: 'no-data', why: 'no exceptions/count telemetry from app--v2 in the window' },
    ],
    [
      'an unknown metric: the error, never a value',
      'metric: agent_runs, namespace: azure.applicationinsights, min: 1',
      {
        value: [
          { errorCode: 'BadRequest', errorMessage: 'Failed to find metric configuration', timeseries: [] },
        ],
      },
      { kind: 'error', why: 'agent_runs: BadRequest Failed to find metric configuration' },
    ],
    [
      'as many series as the query asks for (top): some may be missing, never a value',
      'metric: exceptions/count, max: 0',
      answer(...Array.from({ length: 1000 }, (_, i) => series(`app--v2-r${i}`, [{ count: 0 }]))),
      { kind: 'error', why: 'exceptions/count: 1000 series, the most one query reads; some may be missing' },
    ],
  ])('%s', (_what, yaml, a, expected) => {
    expect(appInsightsSampleOf(insights(yaml), 'app--v2', a)).toEqual(expected);
  });
});

describe('MemoryPercentage per replica (podName)', () => {
  const memory = metric('{name: memory, metric: MemoryPercentage, max: 80}') as Extract<
    MetricConfig,
    { provider: 'azure-monitor' }
  >;
  it('asks for every pod, keeps the revision replicas, the largest maximum', () => {
    expect(metricsQuery(memory, 'app--v2', 0, 1, 'PT1M')).toMatchObject({
      metricnames: 'MemoryPercentage',
      aggregation: 'Maximum',
      filter: "podName eq '*'",
      top: 1000,
    });
    const pod = (name: string, maxima: number[]) => ({
      metadatavalues: [{ name: { value: 'podName' }, value: name }],
      data: maxima.map((maximum) => ({ maximum })),
    });
    const a = {
      value: [{ timeseries: [pod('app--v2-a', [40, 85]), pod('app--v2-b', [50]), pod('app--v1-c', [99])] }],
    };
    expect(sampleOf(memory, 'app--v2', a)).toEqual(value(85));
    expect(sampleOf(memory, 'app--v3', a)).toMatchObject({ kind: 'no-data' });
  });
});

describe('the provider: zero while alive, no data otherwise', () => {
  /** A metrics client answering from a table of metric name -> series (the SDK's shape); asks recorded. */
  const client = (table: Record<string, object[]>, asked: string[] = []) =>
    ({
      metrics: {
        list: async (scope: string, q: { metricnames: string }) => {
          asked.push(`${scope} ${q.metricnames}`);
          if (q.metricnames === 'boom')
            throw Object.assign(new Error('throttled'), { code: 'TooManyRequests' });
          return { value: [{ timeseries: table[q.metricnames] ?? [] }] };
        },
      },
    }) as unknown as MonitorClient;
  const component = `/subscriptions/${SUB}/resourceGroups/rg/providers/microsoft.insights/components/ai`;
  const provider = (table: Record<string, object[]>, asked?: string[]) =>
    monitorProvider(client(table, asked), '/subscriptions/s/app', 'PT1M', {
      componentId: component,
      heartbeat: 'agent_runs',
    });
  const exceptions = insights('metric: exceptions/count, max: 0');
  it.each<[string, Record<string, object[]>, Sample]>([
    ['exceptions counted', { 'exceptions/count': [series('app--v2-a', [{ count: 2 }])] }, value(2)],
    [
      'no exception while the agents run: 0',
      { agent_runs: [series('app--v2-a', [{ total: 60 }])] },
      value(0),
    ],
    [
      'no exception and no heartbeat: no data',
      { agent_runs: [series('app--v1-a', [{ total: 60 }])] },
      {
        kind: 'no-data',
        why: 'no exceptions/count telemetry from app--v2 in the window, nor any agent_runs (the heartbeat): no sign of its agents',
      },
    ],
  ])('%s', async (_what, table, expected) => {
    const asked: string[] = [];
    expect(await provider(table, asked).sample(exceptions, 'app--v2', 0, MIN)).toEqual(expected);
    expect(asked[0]).toBe(`${component.slice(1)} exceptions/count`);
  });
  it('an average without data stays no data (nothing to judge a latency on)', async () => {
    const p = provider({ agent_runs: [series('app--v2-a', [{ total: 60 }])] });
    expect(await p.sample(insights('metric: requests/duration, max: 5s'), 'app--v2', 0, MIN)).toMatchObject({
      kind: 'no-data',
    });
  });
  it('a failed query is an error Sample', async () => {
    const p = provider({});
    expect(await p.sample(insights('metric: boom, namespace: a.b, max: 1'), 'app--v2', 0, MIN)).toEqual({
      kind: 'error',
      why: 'Azure Monitor query failed: TooManyRequests: throttled',
    });
  });
  it('without a component, an app-insights metric is an error, never a value', async () => {
    const p = monitorProvider(client({}), '/subscriptions/s/app', 'PT1M');
    expect(await p.sample(exceptions, 'app--v2', 0, MIN)).toMatchObject({ kind: 'error' });
  });
});

describe('the watch: the agents compare with the previous revision', () => {
  it('app-insights relative thresholds read the previous revision; Requests shares are left out', async () => {
    const asked: string[] = [];
    const monitor: MetricsProvider = {
      sample: async (m, revision) => {
        asked.push(`${m.name} ${revision}`);
        return revision === 'app--v1' ? value(60) : value(10);
      },
    };
    let t = Date.parse(W.start);
    const ctx: AnalysisContext = {
      config: config(
        [
          'interval: 1m',
          'metrics:',
          '  - {name: share, metric: Requests, status: 5xx, relative: 2x stable}',
          '  - {name: stall, provider: app-insights, metric: agent_runs, namespace: azure.applicationinsights, min: 0.5x stable}',
        ].join('\n'),
      ),
      mode: 'enforce',
      monitor,
      rounds: [],
      now: () => t,
      sleep: async (ms) => void (t += ms),
      log: () => undefined,
    };
    const d = await analyzePhase(ctx, {
      name: 'watch',
      durationMs: MIN,
      candidate: 'app--v2',
      previous: 'app--v1',
    });
    expect(asked.sort()).toEqual(['stall app--v1', 'stall app--v2']);
    expect(d).toMatchObject({ kind: 'fail', measurement: { metric: 'stall', value: 10, stable: 60 } });
    expect(d.kind === 'fail' && d.message).toMatch(
      /stall = 10 \(threshold >= 30 \(>= 0.5x stable\)\).*during watch/,
    );
  });
});

describe('the component: input, config key, or refused', () => {
  const id = (name: string) =>
    `/subscriptions/${SUB}/resourceGroups/rg/providers/microsoft.insights/components/${name}`;
  const withKey = config(
    'app-insights: from-config\nmetrics:\n  - {name: e, provider: app-insights, metric: exceptions/count, max: 0}',
  );
  const without = config('metrics:\n  - {name: e, provider: app-insights, metric: exceptions/count, max: 0}');
  const platform = config('metrics:\n  - {name: r, metric: RestartCount, max: 0}');
  it.each<[string, string, ReturnType<typeof config> | undefined, string | undefined]>([
    ['the config key, in the run resource group', '', withKey, id('from-config')],
    ['the input overrides it', 'from-input', withKey, id('from-input')],
    ['a full resource id as is', id('elsewhere'), without, id('elsewhere')],
    ['no app-insights metric, no component: none', '', platform, undefined],
    ['no analysis, no input: none', '', undefined, undefined],
  ])('%s', (_what, raw, analysis, expected) => {
    expect(readAppInsights(raw, analysis, SUB, 'rg')).toBe(expected);
  });
  it.each<[string, string, ReturnType<typeof config> | undefined, RegExp]>([
    [
      'app-insights metrics without a component',
      '',
      without,
      /required by the analysis's Application Insights metrics \(e\)/,
    ],
    ['the input without analysis', 'ai', undefined, /allowed only with analysis/],
    [
      'a resource id of something else',
      '/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z',
      without,
      /resource id/,
    ],
  ])('refuses %s, naming the input', (_what, raw, analysis, why) => {
    const e = errorOf(InputError, () => readAppInsights(raw, analysis, SUB, 'rg'));
    expect(e.input).toBe('app-insights');
    expect(e.message).toMatch(why);
  });
});
