// The one retry and back-off loop: every loop that tries again (a push, a write ARM refuses while another
// operation runs, an ARM long-running operation, a revision's readiness poll, the traffic write's re-plan,
// wait-ready) states its policy as data and runs here. The decisions (delayMs, nextPause) are pure; poll and retry
// are the loop, with the clock injected.
import { setTimeout as sleep } from 'node:timers/promises';

/** Pause after failed attempt n (1-based): firstMs x factor^(n-1), rounded, at most maxMs. */
export interface Backoff {
  firstMs: number;
  /** Default 1: the same pause every time. */
  factor?: number;
  maxMs?: number;
  /**
   * Spread, so that runs that collided do not collide again: each pause times a random factor from 1 - jitter/2
   * to 1 + jitter/2 (1: from half to one and a half times). Default 0.
   */
  jitter?: number;
}

export interface RetryPolicy {
  /** Most attempts in all; unset: the deadline alone bounds the loop. */
  attempts?: number;
  delay: Backoff;
  /** The overall bound, ms from the first attempt; unset: the attempts alone bound the loop. */
  deadlineMs?: number;
  /**
   * With a deadline: the least time an attempt needs. Set, a pause ends at the deadline less this reserve and the
   * loop stops when less than the reserve is left. Unset, pauses are never shortened and the loop stops once the
   * deadline has passed (the attempt after the last pause may start past it).
   */
  reserveMs?: number;
  /** Which errors `retry` tries again after; default every error. */
  retryOn?: (error: unknown) => boolean;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: Date.now,
  sleep: (ms) => sleep(ms).then(() => undefined),
};

/** The pause after failed attempt n (1-based). Pure without jitter (`random` draws it). */
export function delayMs(backoff: Backoff, attempt: number, random: () => number = Math.random): number {
  const ms = Math.round(backoff.firstMs * (backoff.factor ?? 1) ** Math.max(0, attempt - 1));
  const capped = Math.min(backoff.maxMs ?? Infinity, ms);
  return backoff.jitter ? capped * (1 + backoff.jitter * (random() - 0.5)) : capped;
}

/**
 * The pause after failed attempt n, `elapsedMs` after the first began; undefined: stop, the bounds are spent.
 * `askedMs`: the pause the attempt asked for (a server's Retry-After), instead of the back-off's. Pure.
 */
export function nextPause(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  askedMs?: number,
): number | undefined {
  if (policy.attempts !== undefined && attempt >= policy.attempts) return undefined;
  const pause = askedMs ?? delayMs(policy.delay, attempt);
  if (policy.deadlineMs === undefined) return pause;
  if (policy.reserveMs === undefined) return elapsedMs >= policy.deadlineMs ? undefined : pause;
  const fits = Math.min(pause, policy.deadlineMs - elapsedMs - policy.reserveMs);
  return fits < 0 ? undefined : fits;
}

export interface AttemptContext {
  /** 1-based. */
  attempt: number;
  /** clock.now() when the first attempt began. */
  startedAt: number;
  /** Time left before the deadline as this attempt begins (Infinity without one). */
  remainingMs: number;
}

/**
 * One attempt of a poll: done with a value, or not yet with what the loop ends on if the bounds are spent (and,
 * when the answer said when to ask again, e.g. ARM's Retry-After, that pause instead of the back-off's).
 */
export type Step<T, S> = { done: true; value: T } | { done: false; state: S; pauseMs?: number };

export type Polled<T, S> = Step<T, S> & { attempts: number };

/**
 * Runs `step` until it is done or the policy's bounds are spent; then the last state is returned (never thrown).
 * `onPause` hears of each pause before it is taken.
 */
export async function poll<T, S>(
  step: (context: AttemptContext) => Promise<Step<T, S>>,
  policy: RetryPolicy,
  clock: Clock,
  onPause?: (state: S, pauseMs: number, attempt: number) => void,
): Promise<Polled<T, S>> {
  const startedAt = clock.now();
  for (let attempt = 1; ; attempt += 1) {
    const remainingMs = (policy.deadlineMs ?? Infinity) - (clock.now() - startedAt);
    const outcome = await step({ attempt, startedAt, remainingMs });
    if (outcome.done) return { ...outcome, attempts: attempt };
    const pause = nextPause(policy, attempt, clock.now() - startedAt, outcome.pauseMs);
    if (pause === undefined) return { ...outcome, attempts: attempt };
    onPause?.(outcome.state, pause, attempt);
    await clock.sleep(pause);
  }
}

/** Runs `attempt` until it resolves; an error `policy.retryOn` accepts is tried again within the bounds, then thrown. */
export async function retry<T>(
  attempt: (context: AttemptContext) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  onRetry?: (error: Error, attempt: number, pauseMs: number) => void,
): Promise<T> {
  const retryOn = policy.retryOn ?? (() => true);
  const polled = await poll<T, unknown>(
    async (context) => {
      try {
        return { done: true, value: await attempt(context) };
      } catch (error) {
        if (!retryOn(error)) throw error;
        return { done: false, state: error };
      }
    },
    policy,
    clock,
    (error, pause, n) => onRetry?.(error as Error, n, pause),
  );
  if (polled.done) return polled.value;
  throw polled.state;
}
