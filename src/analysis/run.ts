// The measurement loop of one phase (a promote stage's wait, or the watch after 100%): one round per
// interval, each metric of the config over the interval just past, the candidate (and the stable revision for
// relative thresholds), then the run's decision over every round so far. The loop itself never writes
// anything: the caller acts on the decision (abort, rollback) unless the mode is dry-run.
import type { MetricsProvider } from './azure-monitor.js';
import { isRelative, type AnalysisConfig, type MetricConfig } from './config.js';
import { decide, judge, roundVerdict, type Decision, type Measurement, type Sample } from './verdict.js';

export type AnalysisMode = 'enforce' | 'dry-run';

export interface AnalysisContext {
  config: AnalysisConfig;
  mode: AnalysisMode;
  monitor: MetricsProvider;
  /** The probe's average latency (ms) over a window (the gates' synthetic requests to the candidate). */
  probe?: (startMs: number, endMs: number) => Promise<Sample>;
  /** Every round so far (the limits count over the whole run); appended to. */
  rounds: Measurement[][];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  log: (line: string) => void;
}

export interface Phase {
  /** `step 10%`, `watch` (the `analysis` output's phase names: public). */
  name: string;
  durationMs: number;
  candidate: string;
  /** The revision that carries the rest of the traffic (relative thresholds). */
  stable?: string;
  /**
   * The watch: the revision production had before, still active, its agents idle but alive. The agents' metrics
   * (Application Insights, memory) compare with it; the Requests shares do not (it serves no traffic).
   */
  previous?: string;
}

/** The revision a relative threshold compares with in a phase, if any. */
export function stableFor(m: MetricConfig, phase: Phase): string | undefined {
  if (phase.stable) return phase.stable;
  const agents =
    m.provider === 'app-insights' || (m.provider === 'azure-monitor' && m.metric === 'MemoryPercentage');
  return agents ? phase.previous : undefined;
}

/** Rounds in a phase: one per interval, at least one. */
export function roundsIn(durationMs: number, intervalMs: number): number {
  return Math.max(1, Math.ceil(durationMs / intervalMs));
}

/** Measures one round over [startMs, endMs]. */
export async function measureRound(
  ctx: AnalysisContext,
  phase: Phase,
  startMs: number,
  endMs: number,
): Promise<Measurement[]> {
  const window = { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
  const windowMs = endMs - startMs;
  // Relative thresholds need a stable revision: at 100% and during the watch none carries traffic; the
  // agents' metrics compare with the previous revision while it is active.
  const metrics = ctx.config.metrics.filter((m) => !isRelative(m.threshold) || stableFor(m, phase));
  return Promise.all(
    metrics.map(async (m) => {
      if (m.provider === 'probe') {
        const s = ctx.probe
          ? await ctx.probe(startMs, endMs)
          : ({ kind: 'no-data', why: 'no probe ran in the window' } as const);
        return judge(m, s, undefined, windowMs, phase.name, window);
      }
      const stableRevision = isRelative(m.threshold) ? stableFor(m, phase) : undefined;
      const [candidate, stable] = await Promise.all([
        ctx.monitor.sample(m, phase.candidate, startMs, endMs),
        stableRevision ? ctx.monitor.sample(m, stableRevision, startMs, endMs) : Promise.resolve(undefined),
      ]);
      return judge(m, candidate, stable, windowMs, phase.name, window);
    }),
  );
}

const line = (m: Measurement) =>
  `${m.metric}=${m.value ?? '-'} (${m.threshold}) ${m.verdict}${m.reason ? `: ${m.reason}` : ''}`;

/**
 * Runs a phase; returns the first decision that is not `continue` (enforce), or `continue` at its end. In
 * dry-run every round is measured and logged, and the decision is only reported.
 */
export async function analyzePhase(ctx: AnalysisContext, phase: Phase): Promise<Decision> {
  const n = roundsIn(phase.durationMs, ctx.config.intervalMs);
  let reported = false;
  let start = ctx.now();
  for (let i = 0; i < n; i++) {
    // Windows follow each other; each is read `delay` after its end (Azure Monitor's data arrives late).
    const end = start + ctx.config.intervalMs;
    await ctx.sleep(Math.max(0, end + ctx.config.delayMs - ctx.now()));
    const round = await measureRound(ctx, phase, start, end);
    start = end;
    ctx.rounds.push(round);
    ctx.log(`analysis ${phase.name} ${i + 1}/${n}: ${roundVerdict(round)} — ${round.map(line).join('; ')}`);
    const decision = decide(ctx.config, ctx.rounds);
    if (decision.kind === 'continue') continue;
    if (ctx.mode === 'enforce') return decision;
    if (!reported) ctx.log(`analysis dry-run: would halt the release — ${decision.message}`);
    reported = true;
  }
  return { kind: 'continue' };
}
