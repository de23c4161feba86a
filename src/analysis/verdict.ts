// Verdicts (pure): one metric over one window -> pass | fail | inconclusive, and the run's decision from the
// measurements so far. Fail closed: no data or a query error is inconclusive, never a pass.
import type { AnalysisConfig, MetricConfig, Threshold } from './config.js';
import { analysisFailed, analysisInconclusive } from './messages.js';

export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** What a provider read for one revision over one window. */
export type Sample =
  /** `value`: the metric (a count, a maximum, ms); `total`: all requests of the revision (Requests only). */
  | { kind: 'value'; value: number; total?: number }
  | { kind: 'no-data'; why: string }
  | { kind: 'error'; why: string };

export interface Window {
  start: string;
  end: string;
}

/** One row of the `analysis` output. */
export interface Measurement {
  metric: string;
  /** `step 10%`, `watch` (the `analysis` output's phase names: public). */
  phase: string;
  window: Window;
  /** The candidate's value (a share in [0,1] for relative thresholds over Requests), or null without data. */
  value: number | null;
  /** The bound in force for this window, e.g. `<= 0.0139 (5/hour scaled)`. */
  threshold: string;
  verdict: Verdict;
  /** Why, for inconclusive and fail. */
  reason?: string;
  /** The stable revision's value, for relative thresholds. */
  stable?: number | null;
}

const round = (n: number) => (Number.isInteger(n) ? n : Number(n.toPrecision(4)));

/** The absolute bound over a window of `windowMs` (per-hour bounds scaled to the window). */
export function scaledMax(t: { max: number; perMs?: number }, windowMs: number): number {
  return t.perMs ? (t.max * windowMs) / t.perMs : t.max;
}

/** Share of a Requests sample (its count over its revision's requests), for relative thresholds. */
function share(s: Extract<Sample, { kind: 'value' }>, config: MetricConfig): number {
  if (
    config.provider === 'azure-monitor' &&
    config.metric === 'Requests' &&
    config.status &&
    s.total !== undefined
  )
    return s.total > 0 ? s.value / s.total : 0;
  return s.value;
}

/**
 * The verdict of one metric over one window. `stable` is required by relative thresholds (`relative`, and
 * `min: <f>x stable`): without it (or without its data) the verdict is inconclusive.
 */
export function judge(
  config: MetricConfig,
  candidate: Sample,
  stable: Sample | undefined,
  windowMs: number,
  phase: string,
  window: Window,
): Measurement {
  const t: Threshold = config.threshold;
  const base = { metric: config.name, phase, window };
  const unknown = (reason: string, threshold: string, stableValue?: number | null): Measurement => ({
    ...base,
    value: null,
    threshold,
    verdict: 'inconclusive',
    reason,
    ...(stableValue !== undefined ? { stable: stableValue } : {}),
  });
  if (t.kind === 'max') {
    const bound = scaledMax(t, windowMs);
    const threshold = `<= ${round(bound)} (${t.text})`;
    if (candidate.kind !== 'value') return unknown(candidate.why, threshold);
    return bounded(base, candidate.value, bound, threshold, 'max');
  }
  if (t.kind === 'min') {
    const bound = scaledMax({ max: t.min, perMs: t.perMs }, windowMs);
    const threshold = `>= ${round(bound)} (${t.text})`;
    if (candidate.kind !== 'value') return unknown(candidate.why, threshold);
    return bounded(base, candidate.value, bound, threshold, 'min');
  }
  if (!stable || stable.kind !== 'value') {
    const why = !stable ? 'no stable revision to compare with' : `stable revision: ${stable.why}`;
    return unknown(candidate.kind !== 'value' ? candidate.why : why, t.text, null);
  }
  const stableValue = share(stable, config);
  if (candidate.kind !== 'value') return unknown(candidate.why, t.text, round(stableValue));
  if (t.kind === 'relative-min') {
    const bound = t.factor * stableValue;
    // Both sides are shares for Requests of a status category (as with `relative`), counts otherwise.
    const value = share(candidate, config);
    return bounded(base, value, bound, `>= ${round(bound)} (${t.text})`, 'min', round(stableValue));
  }
  const floor = t.floor ? scaledMax(t.floor, windowMs) : 0;
  // A floor (max) is a count; relative bounds of Requests are shares: the floor becomes a share of this
  // traffic.
  const floorShare =
    config.provider === 'azure-monitor' && config.metric === 'Requests' && config.status && candidate.total
      ? floor / candidate.total
      : floor;
  const bound = Math.max(t.factor * stableValue, floorShare);
  const threshold = `<= ${round(bound)} (${t.text})`;
  return bounded(base, share(candidate, config), bound, threshold, 'max', round(stableValue));
}

/** A value against an upper (max) or lower (min) bound: pass, or fail saying by how much. */
function bounded(
  base: Pick<Measurement, 'metric' | 'phase' | 'window'>,
  value: number,
  bound: number,
  threshold: string,
  side: 'max' | 'min',
  stable?: number,
): Measurement {
  const fail = side === 'max' ? !(value <= bound) : !(value >= bound);
  const withStable = stable !== undefined ? ` (stable ${stable})` : '';
  return {
    ...base,
    value: round(value),
    threshold,
    verdict: fail ? 'fail' : 'pass',
    ...(stable !== undefined ? { stable } : {}),
    ...(fail
      ? { reason: `${round(value)} is ${side === 'max' ? 'over' : 'under'} ${round(bound)}${withStable}` }
      : {}),
  };
}

/** A round (every metric at one interval) fails when any metric fails, else is inconclusive when any is. */
export function roundVerdict(round: readonly Measurement[]): Verdict {
  if (round.some((m) => m.verdict === 'fail')) return 'fail';
  if (round.some((m) => m.verdict === 'inconclusive')) return 'inconclusive';
  return 'pass';
}

export type Decision =
  | { kind: 'continue' }
  | { kind: 'fail'; measurement: Measurement; message: string }
  | { kind: 'inconclusive'; measurement: Measurement; message: string };

/**
 * The run's decision from every round so far: more failed rounds than failure-limit fails; more inconclusive
 * rounds than inconclusive-limit halts (fail closed: the release never passes on missing data).
 */
export function decide(
  config: Pick<AnalysisConfig, 'failureLimit' | 'inconclusiveLimit'>,
  rounds: readonly Measurement[][],
): Decision {
  const verdicts = rounds.map(roundVerdict);
  const failed = verdicts.filter((v) => v === 'fail').length;
  const unknown = verdicts.filter((v) => v === 'inconclusive').length;
  const last = rounds.at(-1) ?? [];
  if (failed > config.failureLimit) {
    const m = last.find((x) => x.verdict === 'fail') ?? rounds.flat().find((x) => x.verdict === 'fail')!;
    return {
      kind: 'fail',
      measurement: m,
      message: analysisFailed(m, failed, config.failureLimit),
    };
  }
  if (unknown > config.inconclusiveLimit) {
    const m =
      last.find((x) => x.verdict === 'inconclusive') ??
      rounds.flat().find((x) => x.verdict === 'inconclusive')!;
    return {
      kind: 'inconclusive',
      measurement: m,
      message: analysisInconclusive(m, unknown, config.inconclusiveLimit),
    };
  }
  return { kind: 'continue' };
}
