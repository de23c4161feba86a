// wait-ready: poll until the first success or the deadline, backing off, and say what was seen. An error of
// configuration (DNS, connection refused, a certificate for another name or CA) that persists for
// CONFIG_GRACE_MS ends the wait early: waiting longer cannot fix it. The loop is src/core/retry.ts's.
import { type Backoff, poll } from '../core/retry.js';
import { attemptLine, notReachable } from './messages.js';

/** The least time an attempt gets before the deadline; with less left, polling stops. */
export const MIN_ATTEMPT_MS = 200;

/** How long the same kind of configuration error may persist before the wait stops (a fresh DNS name, a port
 * that opens a little late are allowed for). */
export const CONFIG_GRACE_MS = 15_000;

export const DEFAULT_BACKOFF: Backoff = { firstMs: 250, factor: 1.6, maxMs: 5000 };

export interface ProbeOutcome {
  ok: boolean;
  /** What was seen, short and countable: `HTTP 503`, `connect (ECONNREFUSED)`, `HTTP 200`. */
  seen: string;
  /** A longer description of the last answer (an error message, the start of a body). */
  detail?: string;
  /** Set when the failure is one of configuration: what to fix (it names the input). */
  configuration?: string;
}

export interface ReadyResult {
  ready: boolean;
  attempts: number;
  elapsedMs: number;
  /** Each distinct outcome and how often it was seen, in the order first seen. */
  seen: Array<{ seen: string; count: number }>;
  last?: ProbeOutcome;
  deadlineMs: number;
  /** The wait stopped early: every attempt for CONFIG_GRACE_MS was this configuration error (what to fix). */
  configuration?: string;
}

/** Adds one outcome to the ordered tally. Pure. */
export function tally(seen: ReadyResult['seen'], outcome: string): ReadyResult['seen'] {
  const hit = seen.find((s) => s.seen === outcome);
  return hit
    ? seen.map((s) => (s === hit ? { ...s, count: s.count + 1 } : s))
    : [...seen, { seen: outcome, count: 1 }];
}

/** One line a person reads: ready or not, after how long, and everything seen on the way. */
export function describeReady(r: ReadyResult): string {
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
  const seen = r.seen.map((s) => `${s.seen} ×${s.count}`).join(', ');
  if (r.ready)
    return `ready after ${secs(r.elapsedMs)} (${r.attempts} attempt${r.attempts === 1 ? '' : 's'}: ${seen})`;
  const last = r.last?.detail ? `; last: ${r.last.detail}` : '';
  if (r.configuration) {
    return notReachable(secs(r.elapsedMs), r.attempts, seen, last, r.configuration);
  }
  return `not ready within ${secs(r.deadlineMs)} (${r.attempts} attempts: ${seen})${last}`;
}

export interface PollDeps {
  now(): number;
  sleep(ms: number): Promise<void>;
  log(line: string): void;
}

/**
 * Calls probe until it succeeds or deadlineMs has passed (at least one attempt). The probe gets the
 * time left so that its request never outlives the deadline. Logs each change of what is seen.
 */
export async function pollUntilReady(
  probe: (remainingMs: number) => Promise<ProbeOutcome>,
  deadlineMs: number,
  deps: PollDeps,
  backoff: Backoff = DEFAULT_BACKOFF,
  configGraceMs: number = CONFIG_GRACE_MS,
): Promise<ReadyResult> {
  let seen: ReadyResult['seen'] = [];
  let last: ProbeOutcome | undefined;
  /** When the current unbroken run of configuration errors began. */
  let configSince: number | undefined;
  const polled = await poll<ReadyResult, ReadyResult>(
    async ({ attempt, startedAt, remainingMs }) => {
      const outcome = await probe(Math.max(1, remainingMs));
      if (outcome.seen !== last?.seen) deps.log(attemptLine(attempt, deps.now() - startedAt, outcome.seen));
      seen = tally(seen, outcome.seen);
      last = outcome;
      const elapsed = deps.now() - startedAt;
      const result = (ready: boolean, configuration?: string): ReadyResult => ({
        ready,
        attempts: attempt,
        elapsedMs: elapsed,
        seen,
        last,
        deadlineMs,
        ...(configuration ? { configuration } : {}),
      });
      if (outcome.ok) return { done: true, value: result(true) };
      configSince = outcome.configuration ? (configSince ?? elapsed) : undefined;
      if (outcome.configuration && elapsed - configSince! >= configGraceMs)
        return { done: true, value: result(false, outcome.configuration) };
      return { done: false, state: result(false) };
    },
    // Another attempt only when it has time to get an answer before the deadline.
    { delay: backoff, deadlineMs, reserveMs: MIN_ATTEMPT_MS },
    deps,
  );
  return polled.done ? polled.value : polled.state;
}
