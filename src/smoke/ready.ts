// wait-ready: poll until the first success or the deadline, backing off, and say what was seen.

export interface BackoffOptions {
  initialMs: number;
  factor: number;
  maxMs: number;
}

/** The least time an attempt gets before the deadline; with less left, polling stops. */
export const MIN_ATTEMPT_MS = 200;

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, factor: 1.6, maxMs: 5000 };

/** Delay after attempt n (1-based) failed: initial x factor^(n-1), capped. Pure. */
export function backoffDelay(attempt: number, o: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(o.maxMs, Math.round(o.initialMs * o.factor ** Math.max(0, attempt - 1)));
}

export interface ProbeOutcome {
  ok: boolean;
  /** What was seen, short and countable: `HTTP 503`, `connect (ECONNREFUSED)`, `HTTP 200`. */
  seen: string;
  /** A longer description of the last answer (an error message, the start of a body). */
  detail?: string;
}

export interface ReadyResult {
  ready: boolean;
  attempts: number;
  elapsedMs: number;
  /** Each distinct outcome and how often it was seen, in the order first seen. */
  seen: Array<{ seen: string; count: number }>;
  last?: ProbeOutcome;
  deadlineMs: number;
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
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): Promise<ReadyResult> {
  const start = deps.now();
  let seen: ReadyResult['seen'] = [];
  let last: ProbeOutcome | undefined;
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await probe(Math.max(1, deadlineMs - (deps.now() - start)));
    if (outcome.seen !== last?.seen)
      deps.log(
        `wait-ready: attempt ${attempt} at ${((deps.now() - start) / 1000).toFixed(1)}s: ${outcome.seen}`,
      );
    seen = tally(seen, outcome.seen);
    last = outcome;
    const elapsed = deps.now() - start;
    const result = (ready: boolean): ReadyResult => ({
      ready,
      attempts: attempt,
      elapsedMs: elapsed,
      seen,
      last,
      deadlineMs,
    });
    if (outcome.ok) return result(true);
    // Another attempt only when it has time to get an answer before the deadline.
    const wait = Math.min(backoffDelay(attempt, backoff), deadlineMs - elapsed - MIN_ATTEMPT_MS);
    if (wait < 0) return result(false);
    await deps.sleep(wait);
  }
}
