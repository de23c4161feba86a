// The pipeline's decisions of the trading lease protocol v1 (DESIGN "One trading revision"), pure: when the old
// revision has released, when the new one trades, and the handover's next move with its clocks and escalations.
import type { LeaseView } from './types.js';

/** How long the pipeline waits for the old holder's release, from its designation write (15 s lease + tick + renew). */
export const RELEASE_WAIT_MS = 20_000;
/** How long the new holder may stay `refused` with 326 (client id in use), from the pipeline's first sight of it. */
export const REFUSED_IN_USE_WAIT_MS = 10_000;
/** The broker's refusal code for a client ID already in use. */
export const CLIENT_ID_IN_USE = 326;
/** The handover bound's default. */
export const DEFAULT_HANDOVER_BOUND_MS = 60_000;
/** The bound's floor without the app's terminationGracePeriodSeconds: the release wait plus the refused wait (+5 s). */
export const HANDOVER_FLOOR_BASE_MS = 25_000;
/** ACA's terminationGracePeriodSeconds when the template says none. */
export const DEFAULT_GRACE_SECONDS = 30;

/**
 * After designation (to, epoch) was written over (from, epoch - 1): the old holder has released when the lease is not
 * leased, or its metadata says epoch `epoch` (a holder that acquired under the new designation), or says `from`
 * stopped (a replica of the new revision is about to take it).
 */
export function hasReleased(lease: LeaseView, from: string, epoch: number): boolean {
  if (!lease.leased) return true;
  if (lease.epoch === epoch) return true;
  return lease.state === 'stopped' && (from === '' || lease.revision === from);
}

/** The designated revision trades: the lease is leased with metadata revision `to`, epoch `epoch`, state trading. */
export function isTrading(lease: LeaseView, to: string, epoch: number): boolean {
  return lease.leased && lease.revision === to && lease.epoch === epoch && lease.state === 'trading';
}

/** The handover bound: the input (default 60 s), never less than 25 s + terminationGracePeriodSeconds. */
export function handoverBoundMs(input: number | undefined, graceSeconds: number): number {
  return Math.max(input ?? DEFAULT_HANDOVER_BOUND_MS, handoverFloorMs(graceSeconds));
}

/** The least bound the escalations fit in: 25 s + terminationGracePeriodSeconds. */
export function handoverFloorMs(graceSeconds: number): number {
  return HANDOVER_FLOOR_BASE_MS + Math.max(0, graceSeconds) * 1000;
}

/** What the handover loop knows at one poll. Times are the pipeline's own clock (ms). */
export interface HandoverObservation {
  now: number;
  /** The revision designated before `to` ('' when nobody, or unknown). */
  from: string;
  /** The designated revision ('' designates nobody: the handover ends at the release). */
  to: string;
  /** The designation epoch the handover waits for. */
  epoch: number;
  lease: LeaseView;
  /** When the designation was written (a re-run that wrote nothing: when it started). */
  designatedAt: number;
  /** When the bound started (the start of the handover). */
  startedAt: number;
  boundMs: number;
  /** The release was seen at an earlier poll (it stays seen). */
  released: boolean;
  /** The first poll that saw `to` refused with 326, while it still is; undefined otherwise. */
  refusedInUseSince?: number;
  /** Escalations already done in this handover (each at most once). */
  restartedOld: boolean;
  restartedPrevious: boolean;
}

export type HandoverMove = 'wait' | 'restart-old' | 'restart-previous' | 'done' | 'timeout';

/**
 * The next move: done when `to` trades (or, for to '', when the old holder released); restart-old when the old
 * holder has not released RELEASE_WAIT_MS after the designation write; restart-previous when `to` holds the lease
 * refused with 326 for REFUSED_IN_USE_WAIT_MS from the first sight; timeout when the bound ran out; else wait.
 */
export function nextHandoverMove(obs: HandoverObservation): HandoverMove {
  const released = obs.released || hasReleased(obs.lease, obs.from, obs.epoch);
  if (obs.to === '' ? released : isTrading(obs.lease, obs.to, obs.epoch)) return 'done';
  if (obs.now - obs.startedAt >= obs.boundMs) return 'timeout';
  if (!released && !obs.restartedOld && obs.now - obs.designatedAt >= RELEASE_WAIT_MS) return 'restart-old';
  if (
    obs.to !== '' &&
    !obs.restartedPrevious &&
    obs.refusedInUseSince !== undefined &&
    isRefusedInUse(obs.lease, obs.to, obs.epoch) &&
    obs.now - obs.refusedInUseSince >= REFUSED_IN_USE_WAIT_MS
  ) {
    return 'restart-previous';
  }
  return 'wait';
}

/** `to` holds the lease under `epoch` and the broker refuses its session with 326 (client id in use). */
export function isRefusedInUse(lease: LeaseView, to: string, epoch: number): boolean {
  return (
    lease.leased &&
    lease.revision === to &&
    lease.epoch === epoch &&
    lease.state === 'refused' &&
    lease.code === CLIENT_ID_IN_USE
  );
}

/**
 * The pipeline's first sight of `to` refused with 326, carried from poll to poll: kept while the refusal lasts, set at
 * `now` when it begins, cleared when it ends.
 */
export function refusedInUseSince(
  previous: number | undefined,
  lease: LeaseView,
  to: string,
  epoch: number,
  now: number,
): number | undefined {
  if (!isRefusedInUse(lease, to, epoch)) return undefined;
  return previous ?? now;
}
