// The handover (DESIGN "One trading revision"): designate `to` (only when that changes the revision), wait for the
// old holder's release, then for `to` to trade, escalating with revision restarts as protocol.ts decides.
import type { Designation, Handover, LeaseView, TradingStore } from './types.js';

export interface HandoverDeps {
  store: TradingStore;
  /** Restarts a revision (ACA's revision restart: SIGTERM, then a kill after terminationGracePeriodSeconds). */
  restart(revision: string): Promise<void>;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** One line per change the handover observes (for the job log). */
  note(line: string): void;
  /** The pause between polls of the lease (default 200 ms). */
  pollMs?: number;
}

export interface HandoverOptions {
  /** The revision to designate; '' designates nobody (waits for the release only). */
  to: string;
  /** The bound (handoverBoundMs). */
  boundMs: number;
  /** The app's terminationGracePeriodSeconds. */
  graceSeconds: number;
  /**
   * The revision the caller knows traded before (e.g. blue-green's production), used as `from` when the designation
   * already names `to` (a re-run) or is missing. Optional: without it the lease's holder is taken.
   */
  from?: string;
}

/** The bound ran out: what the handover saw. */
export class HandoverError extends Error {
  constructor(
    message: string,
    /** The last lease view. */
    readonly seen: LeaseView,
    /** The designation the handover waited on. */
    readonly designation: Designation,
    /** The notes of the handover, in order. */
    readonly lines: readonly string[],
    readonly handover: Handover,
  ) {
    super(message);
    this.name = 'HandoverError';
  }
}

export async function handOver(
  deps: HandoverDeps,
  o: HandoverOptions,
): Promise<{ handover: Handover; designation: Designation }> {
  void deps;
  void o;
  throw new Error('not implemented');
}

/** The `handover` output: JSON with kebab-case keys (from, to, epoch, released-at, acquired-at, gap-ms). */
export function handoverJson(h: Handover): string {
  return JSON.stringify({
    from: h.from,
    to: h.to,
    epoch: h.epoch,
    ...(h.releasedAt !== undefined ? { 'released-at': h.releasedAt } : {}),
    ...(h.acquiredAt !== undefined ? { 'acquired-at': h.acquiredAt } : {}),
    ...(h.gapMs !== undefined ? { 'gap-ms': h.gapMs } : {}),
  });
}

export { handoverBoundMs } from './protocol.js';
