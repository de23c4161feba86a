// The smoke report: one JSON document with every result and the verdict, and the job summary a person
// reads at a glance. Both are built by pure functions.
import type { LoadResult } from './load.js';
import { describeReady, type ReadyResult } from './ready.js';
import {
  histogramChart,
  judgeThresholds,
  summarize,
  type ThresholdResult,
  type Thresholds,
} from './stats.js';

export interface CheckResult {
  name: string;
  method: string;
  url: string;
  status?: number;
  latencyMs?: number;
  passed: boolean;
  problems: string[];
}

export interface VersionResult {
  expected: string;
  actual?: string;
  source: string;
  url: string;
  passed: boolean;
  problem?: string;
}

export interface Metrics {
  /** Which requests the figures come from: the load phase, or the checks when there was none. */
  from: 'load' | 'checks' | 'none';
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
}

export interface SmokeReport {
  passed: boolean;
  url: string;
  startedAt: string;
  finishedAt: string;
  ready?: ReadyResult;
  checks: CheckResult[];
  version?: VersionResult;
  load?: LoadResult;
  /** Why the load phase did not run, when it was asked for and did not. */
  loadSkipped?: string;
  metrics: Metrics;
  thresholds: ThresholdResult[];
  failures: string[];
}

export interface ReportParts {
  url: string;
  startedAt: string;
  finishedAt: string;
  thresholds: Thresholds;
  ready?: ReadyResult;
  checks: CheckResult[];
  version?: VersionResult;
  load?: LoadResult;
  loadSkipped?: string;
}

/** Figures for the outputs and thresholds: the load phase's, else the checks' own requests. */
export function metricsOf(checks: readonly CheckResult[], load?: LoadResult): Metrics {
  if (load) {
    const { p50, p95, p99 } = load.latency;
    return {
      from: 'load',
      requests: load.sent,
      p50Ms: p50,
      p95Ms: p95,
      p99Ms: p99,
      errorRate: load.errorRate,
    };
  }
  if (checks.length === 0)
    return { from: 'none', requests: 0, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, errorRate: NaN };
  const s = summarize(checks.map((c) => c.latencyMs).filter((l): l is number => l !== undefined));
  const errorRate = checks.filter((c) => !c.passed).length / checks.length;
  return { from: 'checks', requests: checks.length, p50Ms: s.p50, p95Ms: s.p95, p99Ms: s.p99, errorRate };
}

export const pct = (r: number) => (Number.isNaN(r) ? '–' : `${(r * 100).toFixed(r * 100 < 10 ? 2 : 1)}%`);
export const ms = (n: number | undefined) =>
  n === undefined || Number.isNaN(n) ? '–' : `${Math.round(n * 10) / 10} ms`;

function thresholdFailure(t: ThresholdResult): string {
  return t.name === 'error-rate'
    ? `error rate ${pct(t.actual)} is over max-error-rate ${pct(t.limit)}`
    : `p95 latency ${ms(t.actual)} is over max-p95-ms ${ms(t.limit)}`;
}

/** The verdict: every failure, in the order a person should read them. Pure. */
export function buildReport(p: ReportParts): SmokeReport {
  const metrics = metricsOf(p.checks, p.load);
  const thresholds =
    metrics.from === 'none' ? [] : judgeThresholds(p.thresholds, metrics.errorRate, metrics.p95Ms);
  const failures = [
    ...(p.ready && !p.ready.ready ? [`wait-ready: ${describeReady(p.ready)}`] : []),
    ...p.checks.filter((c) => !c.passed).map((c) => `check '${c.name}': ${c.problems.join('; ')}`),
    ...(p.version && !p.version.passed ? [`expect-version: ${p.version.problem}`] : []),
    ...thresholds.filter((t) => !t.passed).map(thresholdFailure),
  ];
  const { thresholds: _limits, ...parts } = p;
  return { ...parts, passed: failures.length === 0, metrics, thresholds, failures };
}

/** The action outputs, as text. Figures that were not measured are empty. */
export function smokeOutputs(r: SmokeReport, reportPath: string): Record<string, string> {
  const num = (n: number) => (Number.isNaN(n) ? '' : String(Math.round(n * 100) / 100));
  return {
    passed: String(r.passed),
    report: reportPath,
    'p50-ms': num(r.metrics.p50Ms),
    'p95-ms': num(r.metrics.p95Ms),
    'p99-ms': num(r.metrics.p99Ms),
    'error-rate': Number.isNaN(r.metrics.errorRate)
      ? ''
      : String(Math.round(r.metrics.errorRate * 10_000) / 10_000),
  };
}

/** Replaces every secret inside every string of a value (a server may echo a credential back). Pure. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  const live = secrets.filter((x) => x.length > 0);
  if (live.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return live.reduce((text, secret) => text.split(secret).join('***'), v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** One Markdown table row of cells already escaped. */
const row = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
const icon = (passed: boolean) => (passed ? '✅' : '❌');

function checksTable(checks: readonly CheckResult[]): string[] {
  if (checks.length === 0) return [];
  return [
    '### Checks',
    '',
    '| | Check | Request | Status | Latency | Result |',
    '|---|---|---|---|---|---|',
    ...checks.map((c) => {
      const path = new URL(c.url).pathname + new URL(c.url).search;
      const result = c.passed ? 'passed' : c.problems.map(cell).join('<br>');
      const request = `\`${c.method} ${cell(path)}\``;
      return row([icon(c.passed), cell(c.name), request, c.status ?? '–', ms(c.latencyMs), result]);
    }),
    '',
  ];
}

function loadSection(load: LoadResult, thresholds: readonly ThresholdResult[]): string[] {
  const l = load.latency;
  const problems = Object.entries(load.problems).map(([k, n]) => `${k} ×${n}`);
  return [
    `### Load: ${load.sent} requests over ${(load.asked.durationMs / 1000).toFixed(1)} s`,
    '',
    '| Asked rate | Achieved rate | Connections | Answered | Errors | p50 | p95 | p99 | max |',
    '|---|---|---|---|---|---|---|---|---|',
    row([
      `${load.asked.rate} req/s`,
      `${load.achievedRate} req/s`,
      load.asked.concurrency,
      load.answered,
      `${load.errors} (${pct(load.errorRate)})`,
      ...[l.p50, l.p95, l.p99, l.max].map(ms),
    ]),
    '',
    ...thresholdRows(thresholds),
    ...(problems.length ? [`Errors seen: ${problems.map(cell).join(', ')}`, ''] : []),
    ...(load.histogram.length
      ? ['Latency histogram (requests per band):', '', '```text', histogramChart(load.histogram), '```', '']
      : []),
  ];
}

function thresholdRows(thresholds: readonly ThresholdResult[]): string[] {
  if (thresholds.length === 0) return [];
  return [
    '| | Threshold | Limit | Measured |',
    '|---|---|---|---|',
    ...thresholds.map((t) => {
      const [limit, actual] =
        t.name === 'error-rate' ? [pct(t.limit), pct(t.actual)] : [ms(t.limit), ms(t.actual)];
      return row([icon(t.passed), t.name === 'error-rate' ? 'max-error-rate' : 'max-p95-ms', limit, actual]);
    }),
    '',
  ];
}

/** The job summary: verdict, failures, readiness, a table of checks, the load figures and a histogram. */
export function smokeSummary(r: SmokeReport): string {
  const lines = [
    `## ${r.passed ? '✅ Smoke test passed' : '❌ Smoke test failed'}: ${r.url}`,
    '',
    ...(r.failures.length ? [...r.failures.map((f) => `- ${cell(f)}`), ''] : []),
    ...(r.ready ? [`**Readiness:** ${cell(describeReady(r.ready))}`, ''] : []),
    ...checksTable(r.checks),
    ...(r.version
      ? [
          `**Version:** ${icon(r.version.passed)} expected \`${r.version.expected}\`, ` +
            `${r.version.actual === undefined ? 'none announced' : `got \`${cell(r.version.actual)}\``} ` +
            `(${r.version.source} of ${r.version.url})`,
          '',
        ]
      : []),
    ...(r.load ? loadSection(r.load, r.thresholds) : []),
    ...(!r.load && r.loadSkipped ? [`**Load:** skipped (${r.loadSkipped})`, ''] : []),
    ...(!r.load && r.thresholds.length
      ? [`Thresholds on the checks' own requests (no load phase):`, '', ...thresholdRows(r.thresholds)]
      : []),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
