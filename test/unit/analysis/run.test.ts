import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { metricsQuery, sampleOf, type MetricsProvider } from '../../../src/analysis/azure-monitor.js';
import { analysisTable } from '../../../src/analysis/report.js';
import { analyzePhase, roundsIn, type AnalysisContext } from '../../../src/analysis/run.js';
import { parseAnalysisConfig, type MetricConfig } from '../../../src/analysis/config.js';
import { decide, judge, type Measurement, type Sample } from '../../../src/analysis/verdict.js';
import { readAnalysis } from '../../../src/bluegreen/settings.js';
import { InputError } from '../../../src/core/inputs.js';
import { errorOf } from '../../support/errors.js';

const W = { start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z' };
const MIN = 60_000;
const config = (yaml: string) => parseAnalysisConfig('analysis', yaml);
const metric = (yaml: string): MetricConfig =>
  config(`metrics:\n  - ${yaml.replace(/\n/g, '\n    ')}`).metrics[0];
const value = (v: number, total?: number): Sample => ({
  kind: 'value',
  value: v,
  ...(total !== undefined ? { total } : {}),
});
const noData: Sample = { kind: 'no-data', why: 'no Requests data for x in the window' };
const error: Sample = { kind: 'error', why: 'Azure Monitor query failed: 503' };

describe('parseAnalysisConfig', () => {
  it('reads the production defaults (deploy/analysis.yaml)', () => {
    const s = config(readFileSync('deploy/analysis.yaml', 'utf8'));
    expect(s).toMatchObject({
      intervalMs: MIN,
      timeGrain: 'PT1M',
      delayMs: 2 * MIN,
      failureLimit: 0,
      inconclusiveLimit: 2,
    });
    expect(s).toMatchObject({ appInsights: 'alc-algo-insights', heartbeat: 'agent_runs' });
    expect(s.metrics.map((m) => [m.name, m.provider, m.metric, m.threshold.kind])).toEqual([
      ['server-errors', 'azure-monitor', 'Requests', 'max'],
      ['restarts', 'azure-monitor', 'RestartCount', 'max'],
      ['agent-failures', 'app-insights', 'exceptions/count', 'max'],
      ['response-time', 'probe', 'average', 'max'],
      ['memory', 'azure-monitor', 'MemoryPercentage', 'max'],
      ['orders-rejected', 'app-insights', 'orders_rejected', 'relative'],
      ['agent-stall', 'app-insights', 'agent_runs', 'relative-min'],
      ['agent-runs', 'app-insights', 'agent_runs', 'min'],
    ]);
    expect(s.metrics[0].threshold).toMatchObject({ max: 5, perMs: 3_600_000 });
    expect(s.metrics[2]).toMatchObject({ aggregation: 'Count', threshold: { max: 5, perMs: 3_600_000 } });
    expect(s.metrics[3]).toMatchObject({ provider: 'probe', threshold: { max: 5000 } });
    expect(s.metrics[5]).toMatchObject({
      namespace: 'azure.applicationinsights',
      aggregation: 'Total',
      threshold: { factor: 2, floor: { max: 1, perMs: 60_000 } },
    });
    expect(s.metrics[6].threshold).toEqual({ kind: 'relative-min', factor: 0.5, text: '>= 0.5x stable' });
    expect(s.metrics[7].threshold).toEqual({ kind: 'min', min: 1, perMs: 60_000, text: '1/minute scaled' });
  });

  it.each([
    ['not YAML at all: [', /does not parse/],
    ['interval: 1m', /metrics: a list/],
    ['interval: soon\nmetrics: [{name: a, metric: Requests, max: 1}]', /duration/],
    ['bogus: 1\nmetrics: [{name: a, metric: Requests, max: 1}]', /unknown key/],
    ['metrics: [{name: a, metric: CpuPercentage, max: 1}]', /Requests, RestartCount, MemoryPercentage/],
    ['metrics: [{name: a, metric: Requests, min: 1, max: 2}]', /min is a bound of its own/],
    ['metrics: [{name: a, metric: Requests, min: few}]', /min takes .*or <factor>x stable/],
    ['metrics: [{name: a, metric: Requests, min: 0x stable}]', /factor over 0/],
    ['metrics: [{name: a, provider: probe, min: 1}]', /max only/],
    [
      'metrics: [{name: a, metric: Requests, aggregation: Average, max: 1}]',
      /aggregation is for provider app-insights/,
    ],
    [
      'metrics: [{name: a, provider: app-insights, metric: exceptions/browser, max: 1}]',
      /no cloud\/roleInstance dimension/,
    ],
    [
      'metrics: [{name: a, provider: app-insights, metric: pageViews/count, max: 1}]',
      /cannot be split per revision/,
    ],
    [
      'metrics: [{name: a, provider: app-insights, metric: agent_runs, max: 1}]',
      /custom metric with namespace/,
    ],
    [
      'metrics: [{name: a, provider: app-insights, metric: exceptions/count, aggregation: Average, max: 1}]',
      /aggregation of exceptions\/count is one of Count/,
    ],
    [
      'metrics: [{name: a, provider: app-insights, metric: x, namespace: "a b", max: 1}]',
      /namespace is a metric namespace/,
    ],
    [
      'metrics: [{name: a, provider: app-insights, metric: requests/failed, status: 5xx, max: 1}]',
      /status is for Requests/,
    ],
    [
      'app-insights: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Web/sites/z"\nmetrics: [{name: a, metric: Requests, max: 1}]',
      /component name, or a resource id/,
    ],
    ['app-insights: "two words"\nmetrics: [{name: a, metric: Requests, max: 1}]', /component name/],
    [
      'heartbeat: "-"\nmetrics: [{name: a, metric: Requests, max: 1}]',
      /heartbeat: the name of a custom metric/,
    ],
    ['metrics: [{name: a, metric: Requests}]', /needs max, relative or min/],
    ['metrics: [{name: a, metric: Requests, max: lots}]', /max takes/],
    ['metrics: [{name: a, metric: Requests, relative: twice}]', /relative takes/],
    ['metrics: [{name: a, metric: RestartCount, status: 5xx, max: 0}]', /for Requests/],
    ['metrics: [{name: a, metric: Requests, status: 6xx, max: 0}]', /status is one of/],
    ['metrics: [{name: a, metric: Requests, max: 1}, {name: a, metric: Requests, max: 2}]', /once/],
    ['metrics: [{name: a, provider: web, max: 1}]', /azure-monitor \(default\), app-insights or probe/],
    ['metrics: [{name: a, provider: probe, relative: 2x stable}]', /max only/],
    ['failure-limit: -1\nmetrics: [{name: a, metric: Requests, max: 1}]', /whole number/],
    ['time-grain: 1 minute\nmetrics: [{name: a, metric: Requests, max: 1}]', /ISO 8601/],
  ])('refuses %j, naming the input', (yaml, why) => {
    const err = errorOf(InputError, () => config(yaml));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).input).toBe('analysis');
    expect((err as Error).message).toMatch(why);
  });

  it('takes inline YAML, or the path of a file in the workspace', () => {
    const files: Record<string, string> = {
      '/ws/deploy/a.yaml': 'metrics: [{name: a, metric: Requests, max: 1}]',
    };
    const read = (p: string) => files[p];
    const exists = (p: string) => p in files;
    expect(readAnalysis('', '/ws', read, exists)).toBeUndefined();
    expect(readAnalysis('deploy/a.yaml', '/ws', read, exists)?.metrics[0].name).toBe('a');
    expect(
      readAnalysis('metrics: [{name: b, metric: Requests, max: 1}]', '/ws', read, exists)?.metrics[0].name,
    ).toBe('b');
    expect(() => readAnalysis('deploy/missing.yaml', '/ws', read, exists)).toThrow(/no such file/);
  });
});

describe('judge: one metric over one window', () => {
  const errors = metric('name: errors\nmetric: Requests\nstatus: 5xx\nmax: 5/hour scaled');
  const restarts = metric('name: restarts\nmetric: RestartCount\nmax: 0');
  const relative = metric('name: share\nmetric: Requests\nstatus: 5xx\nrelative: 1.5x stable');
  const relativeFloor = metric('name: share\nmetric: Requests\nstatus: 5xx\nrelative: 2x stable\nmax: 3');
  const latency = metric('name: latency\nprovider: probe\nmax: 5s');
  const successShare = metric('name: ok\nmetric: Requests\nstatus: 2xx\nmin: 0.9x stable');
  it.each<[string, MetricConfig, Sample, Sample | undefined, number, Partial<Measurement>]>([
    [
      'no errors: pass',
      errors,
      value(0, 120),
      undefined,
      MIN,
      { verdict: 'pass', value: 0, threshold: '<= 0.08333 (5/hour scaled)' },
    ],
    [
      'one 5xx in a minute is over 5/hour scaled',
      errors,
      value(1, 120),
      undefined,
      MIN,
      { verdict: 'fail', value: 1 },
    ],
    [
      '5 in an hour is within 5/hour',
      errors,
      value(5, 9000),
      undefined,
      60 * MIN,
      { verdict: 'pass', threshold: '<= 5 (5/hour scaled)' },
    ],
    ['6 in an hour is over', errors, value(6, 9000), undefined, 60 * MIN, { verdict: 'fail' }],
    [
      'no data is inconclusive, never a pass',
      errors,
      noData,
      undefined,
      MIN,
      { verdict: 'inconclusive', value: null },
    ],
    [
      'a query error is inconclusive',
      errors,
      error,
      undefined,
      MIN,
      { verdict: 'inconclusive', reason: error.why },
    ],
    ['no restart: pass', restarts, value(0), undefined, MIN, { verdict: 'pass' }],
    ['a restart fails', restarts, value(1), undefined, MIN, { verdict: 'fail', threshold: '<= 0 (0)' }],
    [
      'latency under 5 s',
      latency,
      value(120),
      undefined,
      MIN,
      { verdict: 'pass', threshold: '<= 5000 (5s)' },
    ],
    ['latency over 5 s', latency, value(5200), undefined, MIN, { verdict: 'fail' }],
    // relative: shares of 5xx, so that the split of traffic does not bias the comparison
    [
      'relative: same share as stable passes',
      relative,
      value(1, 100),
      value(9, 900),
      MIN,
      { verdict: 'pass', value: 0.01, stable: 0.01 },
    ],
    [
      'relative: 1.5x the share of stable passes',
      relative,
      value(3, 200),
      value(10, 1000),
      MIN,
      { verdict: 'pass', value: 0.015 },
    ],
    ['relative: over 1.5x fails', relative, value(4, 200), value(10, 1000), MIN, { verdict: 'fail' }],
    [
      'relative: stable has no errors, any error fails',
      relative,
      value(1, 200),
      value(0, 1000),
      MIN,
      { verdict: 'fail' },
    ],
    [
      'relative: stable without data is inconclusive',
      relative,
      value(0, 200),
      noData,
      MIN,
      { verdict: 'inconclusive', stable: null },
    ],
    [
      'relative: no stable at all is inconclusive',
      relative,
      value(0, 200),
      undefined,
      MIN,
      { verdict: 'inconclusive' },
    ],
    [
      'relative: candidate without data is inconclusive',
      relative,
      noData,
      value(1, 100),
      MIN,
      { verdict: 'inconclusive' },
    ],
    [
      'relative with a floor: 3 errors tolerated',
      relativeFloor,
      value(3, 100),
      value(0, 900),
      MIN,
      { verdict: 'pass' },
    ],
    [
      'relative with a floor: 4 errors fail',
      relativeFloor,
      value(4, 100),
      value(0, 900),
      MIN,
      { verdict: 'fail' },
    ],
    [
      'min x stable over Requests compares shares: 50 of 100 is under 0.9 of 900 of 1000',
      successShare,
      value(50, 100),
      value(900, 1000),
      MIN,
      { verdict: 'fail', value: 0.5, stable: 0.9, reason: '0.5 is under 0.81 (stable 0.9)' },
    ],
    [
      'min x stable over Requests: 95 of 100 passes against 900 of 1000',
      successShare,
      value(95, 100),
      value(900, 1000),
      MIN,
      { verdict: 'pass', value: 0.95 },
    ],
  ])('%s', (_what, m, candidate, stable, windowMs, expected) => {
    expect(judge(m, candidate, stable, windowMs, 'step 10%', W)).toMatchObject({
      metric: m.name,
      phase: 'step 10%',
      window: W,
      ...expected,
    });
  });
});

describe('decide: the run over its rounds', () => {
  const row = (verdict: Measurement['verdict'], metricName = 'errors'): Measurement => ({
    metric: metricName,
    phase: 'step 10%',
    window: W,
    value: verdict === 'inconclusive' ? null : 1,
    threshold: '<= 0',
    verdict,
  });
  it.each<[string, { failureLimit: number; inconclusiveLimit: number }, Measurement['verdict'][][], string]>([
    [
      'every round passes',
      { failureLimit: 0, inconclusiveLimit: 0 },
      [
        ['pass', 'pass'],
        ['pass', 'pass'],
      ],
      'continue',
    ],
    [
      'one failure past failure-limit 0',
      { failureLimit: 0, inconclusiveLimit: 2 },
      [['pass', 'fail']],
      'fail',
    ],
    [
      'one failure within failure-limit 1',
      { failureLimit: 1, inconclusiveLimit: 2 },
      [['fail', 'pass']],
      'continue',
    ],
    [
      'two failures past failure-limit 1',
      { failureLimit: 1, inconclusiveLimit: 2 },
      [['fail'], ['pass'], ['fail']],
      'fail',
    ],
    [
      'inconclusive within the limit',
      { failureLimit: 0, inconclusiveLimit: 2 },
      [['inconclusive'], ['pass', 'inconclusive']],
      'continue',
    ],
    [
      'inconclusive past the limit halts',
      { failureLimit: 0, inconclusiveLimit: 2 },
      [['inconclusive'], ['inconclusive'], ['inconclusive', 'pass']],
      'inconclusive',
    ],
    [
      'inconclusive-limit 0: the first missing data halts',
      { failureLimit: 0, inconclusiveLimit: 0 },
      [['inconclusive']],
      'inconclusive',
    ],
    [
      'a round with a failure and no data counts as failed',
      { failureLimit: 0, inconclusiveLimit: 5 },
      [['inconclusive', 'fail']],
      'fail',
    ],
  ])('%s', (_what, limits, rounds, expected) => {
    const d = decide(
      limits,
      rounds.map((r) => r.map((v, i) => row(v, `m${i}`))),
    );
    expect(d.kind).toBe(expected);
    if (d.kind !== 'continue') expect(d.message).toMatch(/m\d = (1|no value) \(threshold <= 0\)/);
  });
});

describe('analyzePhase', () => {
  const yaml =
    'interval: 10s\ninconclusive-limit: 1\nmetrics:\n  - {name: errors, metric: Requests, status: 5xx, max: 0}';
  const ctx = (samples: Sample[], mode: 'enforce' | 'dry-run', log: string[] = []): AnalysisContext => {
    let t = Date.parse(W.start);
    const queue = [...samples];
    const monitor: MetricsProvider = { sample: async () => queue.shift() ?? value(0, 10) };
    return {
      config: config(yaml),
      mode,
      monitor,
      rounds: [],
      now: () => t,
      sleep: async (ms) => void (t += ms),
      log: (l) => void log.push(l),
    };
  };
  const phase = { name: 'step 10%', durationMs: 30_000, candidate: 'app--v2', stable: 'app--v1' };

  it('one round per interval, at least one', () => {
    expect([roundsIn(0, 10_000), roundsIn(10_000, 10_000), roundsIn(25_000, 10_000)]).toEqual([1, 1, 3]);
  });

  it('enforce: passes when every round passes', async () => {
    const c = ctx([value(0, 10), value(0, 10), value(0, 10)], 'enforce');
    expect((await analyzePhase(c, phase)).kind).toBe('continue');
    expect(c.rounds.flat().map((m) => m.window.end)).toEqual([
      '2026-01-01T00:00:10.000Z',
      '2026-01-01T00:00:20.000Z',
      '2026-01-01T00:00:30.000Z',
    ]);
  });

  it('with a delay: windows follow each other, each read that long after its end', async () => {
    const c = ctx([], 'enforce');
    c.config = { ...c.config, delayMs: 5000 };
    const reads: number[] = [];
    const monitor = c.monitor;
    c.monitor = { sample: async (...a) => (reads.push(c.now()), monitor.sample(...a)) };
    await analyzePhase(c, phase);
    const t0 = Date.parse(W.start);
    expect(
      c.rounds.flat().map((m) => [Date.parse(m.window.start) - t0, Date.parse(m.window.end) - t0]),
    ).toEqual([
      [0, 10_000],
      [10_000, 20_000],
      [20_000, 30_000],
    ]);
    expect(reads.map((t) => t - t0)).toEqual([15_000, 25_000, 35_000]);
  });

  it('enforce: stops at the first failed round', async () => {
    const c = ctx([value(0, 10), value(2, 10), value(0, 10)], 'enforce');
    const d = await analyzePhase(c, phase);
    expect(d).toMatchObject({ kind: 'fail', measurement: { metric: 'errors', value: 2, verdict: 'fail' } });
    expect(c.rounds).toHaveLength(2);
  });

  it('enforce: no data past the inconclusive limit halts (fail closed)', async () => {
    const c = ctx([noData, error], 'enforce');
    expect((await analyzePhase(c, phase)).kind).toBe('inconclusive');
  });

  it('dry-run: measures every round, reports what it would do, never stops', async () => {
    const log: string[] = [];
    const c = ctx([value(3, 10), value(3, 10), value(3, 10)], 'dry-run', log);
    expect((await analyzePhase(c, phase)).kind).toBe('continue');
    expect(c.rounds.flat().map((m) => m.verdict)).toEqual(['fail', 'fail', 'fail']);
    expect(log.filter((l) => /dry-run: would halt/.test(l))).toHaveLength(1);
  });

  it('relative thresholds are left out where no stable revision carries traffic (100%, the watch)', async () => {
    const c = ctx([], 'enforce');
    c.config = config(
      'metrics:\n  - {name: share, metric: Requests, status: 5xx, relative: 2x stable}\n  - {name: errors, metric: Requests, status: 5xx, max: 0}',
    );
    await analyzePhase(c, { name: 'watch', durationMs: 0, candidate: 'app--v2' });
    expect(c.rounds.flat().map((m) => m.metric)).toEqual(['errors']);
  });
});

describe('Azure Monitor queries and answers', () => {
  const errors = metric('name: errors\nmetric: Requests\nstatus: 5xx\nmax: 0') as Extract<
    MetricConfig,
    { provider: 'azure-monitor' }
  >;
  const restarts = metric('name: r\nmetric: RestartCount\nmax: 0') as Extract<
    MetricConfig,
    { provider: 'azure-monitor' }
  >;
  it('asks for Requests split by status-code category of one revision', () => {
    expect(metricsQuery(errors, 'app--v2', Date.parse(W.start), Date.parse(W.end), 'PT1M')).toEqual({
      metricnames: 'Requests',
      timespan: `${W.start}/${W.end}`,
      interval: 'PT1M',
      aggregation: 'Total',
      filter: "revisionName eq 'app--v2' and statusCodeCategory eq '*'",
      top: 1000,
    });
    expect(metricsQuery(restarts, 'app--v2', 0, 1, 'PT1M')).toMatchObject({
      aggregation: 'Maximum',
      filter: "revisionName eq 'app--v2'",
    });
  });
  const series = (category: string, totals: number[]) => ({
    metadatavalues: [{ name: { value: 'statuscodecategory' }, value: category }],
    data: totals.map((total) => ({ total })),
  });
  it.each<[string, Parameters<typeof sampleOf>[2], Sample]>([
    [
      'counts the category, and the revision traffic',
      { value: [{ errorCode: 'Success', timeseries: [series('2xx', [5, 4]), series('5xx', [1, 2])] }] },
      value(3, 12),
    ],
    [
      'no 5xx series: zero errors of real traffic',
      { value: [{ timeseries: [series('2xx', [5])] }] },
      value(0, 5),
    ],
    ['no series at all: no data', { value: [{ timeseries: [] }] }, noData],
    [
      'series without requests: no data',
      { value: [{ timeseries: [series('2xx', [0, 0])] }] },
      { kind: 'no-data', why: 'app--v2 served no request in the window' },
    ],
    [
      'a per-metric error code',
      { value: [{ errorCode: 'Throttled', errorMessage: 'slow down', timeseries: [] }] },
      { kind: 'error', why: 'Requests: Throttled slow down' },
    ],
    [
      'no metric in the answer',
      { value: [] },
      { kind: 'error', why: 'Azure Monitor returned no Requests metric' },
    ],
  ])('%s', (_what, answer, expected) => {
    expect(sampleOf(errors, 'app--v2', answer)).toEqual(
      expected.kind === 'no-data' && expected.why.startsWith('no Requests')
        ? { ...expected, why: 'no Requests data for app--v2 in the window' }
        : expected,
    );
  });
  it('RestartCount: the largest maximum', () => {
    expect(
      sampleOf(restarts, 'x', { value: [{ timeseries: [{ data: [{ maximum: 0 }, { maximum: 2 }] }] }] }),
    ).toEqual(value(2));
  });
});

describe('analysisTable', () => {
  it('one row per measurement, with the stable value of relative thresholds', () => {
    const t = analysisTable([
      {
        metric: 'errors',
        phase: 'step 10%',
        window: W,
        value: 2,
        threshold: '<= 0 (0)',
        verdict: 'fail',
        reason: '2 is over 0',
      },
      {
        metric: 'share',
        phase: 'step 10%',
        window: W,
        value: null,
        threshold: '2x stable',
        verdict: 'inconclusive',
        stable: null,
      },
    ]);
    expect(t).toContain('| step 10% | 00:00:00–00:01:00 | errors | 2 | <= 0 (0) | ❌ fail | 2 is over 0 |');
    expect(t).toContain('| no data | 2x stable (stable no data) | ❔ inconclusive |');
    expect(analysisTable([])).toBe('');
  });
});
