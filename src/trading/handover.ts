// The handover (DESIGN "One trading revision"): designate `to` (only when that changes the revision), wait for the
// old holder's release, then for `to` to trade, escalating with revision restarts as protocol.ts decides.
import {
  CLIENT_ID_IN_USE,
  hasReleased,
  nextHandoverMove,
  REFUSED_IN_USE_WAIT_MS,
  refusedInUseSince,
  RELEASE_WAIT_MS,
} from './protocol.js';
import type { Designation, Handover, LeaseView, TradingStore } from './types.js';

export interface HandoverDeps {
  store: TradingStore;
  /**
   * Restarts a revision (ACA's revision restart: SIGTERM, then a kill after terminationGracePeriodSeconds), within
   * `withinMs` (what is left of the handover's bound: an ARM answer "another operation in progress" is retried no
   * longer than that).
   */
  restart(revision: string, withinMs: number): Promise<void>;
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
  /**
   * When the caller wrote the designation itself before (a rollback designates, moves traffic, then waits): the
   * time of that write on the same clock as deps.now, from which the release wait counts. Without it, and when
   * handOver writes, the wait counts from handOver's own write (a re-run that finds the designation: from its start).
   */
  designatedAt?: number;
  /**
   * The designation as the caller wrote or read it last (e.g. blue-green's read before its traffic moved). When
   * the designation is no longer that (and names another revision than `to`), another writer changed it meanwhile:
   * DesignationChangedError, and nothing is written.
   */
  expected?: Pick<Designation, 'revision' | 'epoch'>;
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

/**
 * Another writer changed the designation while this handover waited: this run touches nothing more (no restart,
 * no write) and fails saying what the designation names now.
 */
export class DesignationChangedError extends Error {
  constructor(
    /** The designation this run wrote or read last. */
    readonly expected: Pick<Designation, 'revision' | 'epoch'>,
    /** What the designation names now (undefined: the blob is gone). */
    readonly found: Designation | undefined,
    /** The handover under way, if any. */
    readonly handover?: Handover,
    /** The notes of the handover, in order. */
    readonly lines: readonly string[] = [],
  ) {
    super(
      `The trading designation changed under this run: it ${handover ? 'waited for the handover to' : 'last saw'} ` +
        `${expected.revision || "nobody ('')"} (epoch ${expected.epoch}), and another writer ` +
        (found
          ? `designated ${found.revision || "nobody ('')"} (epoch ${found.epoch})`
          : 'deleted the designation blob') +
        '. This run touches nothing more (no restart, no designation write, no traffic restore): find who else ' +
        'deploys or rolls back this app, then check the designation and the lease (blue-green status)',
    );
    this.name = 'DesignationChangedError';
  }
}

/**
 * How often the handover reads the designation again while it waits (and always before a restart): a few of the
 * slow polls, whatever the fast polls around the release do.
 */
export const DESIGNATION_CHECK_MS = 500;

/**
 * The pause between polls around the release (see handOver). 20 ms: bench/handover.ts measured the pipeline's lag
 * from B's `trading` write to its read showing it at p50 34 / p95 55 ms with 50 ms, 12 / 21 ms with 20 ms (reads per
 * handover p50 7 -> about 15, within the 2 s windows only).
 */
export const FAST_POLL_MS = 20;
/** How long the fast polls last after the designation write and after the release was first seen. */
export const FAST_WINDOW_MS = 2_000;

/** The lease in words, for the notes and the failure message. Pure. */
export function describeLease(lease: LeaseView): string {
  const who =
    lease.revision !== undefined || lease.holder !== undefined
      ? `${lease.holder ?? '?'} of ${lease.revision ?? '?'}, epoch ${lease.epoch ?? '?'}, ` +
        `${lease.state ?? 'no state'}${lease.code !== undefined ? ` ${lease.code}` : ''}` +
        `${lease.since ? ` since ${lease.since}` : ''}`
      : 'no holder metadata';
  return lease.leased ? `lease leased: ${who}` : `lease ${lease.leaseState}; last metadata: ${who}`;
}

/**
 * Designates `o.to` (only when the designation names another revision: a re-run goes on from what it finds), then
 * polls the lease until the old holder released and `to` trades (for `to` '': until the release), with the
 * escalations of nextHandoverMove. The bound runs from the start; when it runs out, HandoverError says what was seen.
 * A lost designation race throws DesignationConflictError (store.ts) and writes nothing.
 */
export async function handOver(
  deps: HandoverDeps,
  o: HandoverOptions,
): Promise<{ handover: Handover; designation: Designation }> {
  const { store, note } = deps;
  const pollMs = deps.pollMs ?? 200;
  // The release and the new holder's first states pass within a tick of the replicas (A's `stopped` lasts until a B
  // replica acquires; B's `acquired` until it trades): polled faster for FAST_WINDOW_MS after the designation write
  // and after the release is first seen, so that released-at and gap-ms are observed.
  const fastMs = Math.min(FAST_POLL_MS, pollMs);
  let releasedSeenAt: number | undefined;
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    note(line);
  };
  const startedAt = deps.now();
  const current = await store.readDesignation();
  let designation: Designation;
  let from: string;
  let wrote = false;
  const expected = o.expected;
  if (
    expected &&
    !(current && current.revision === o.to) &&
    !(current && current.revision === expected.revision && current.epoch === expected.epoch)
  ) {
    say(
      `the designation changed meanwhile: ${current ? `${current.revision || "''"} (epoch ${current.epoch})` : 'deleted'}`,
    );
    throw new DesignationChangedError(expected, current);
  }
  if (current && current.revision === o.to) {
    designation = current;
    const first = await store.readLease();
    from = o.from ?? (first.revision !== undefined && first.revision !== o.to ? first.revision : '');
    say(
      `designation already names ${o.to || "nobody ('')"} (epoch ${current.epoch}): going on without a new epoch`,
    );
  } else {
    if (!current) await store.ensureLeaseBlob();
    const epoch = current ? current.epoch + 1 : 1;
    designation = await store.writeDesignation({ revision: o.to, epoch }, current?.etag);
    wrote = true;
    from = current ? current.revision : (o.from ?? '');
    say(
      `designated ${o.to || "nobody ('')"} (epoch ${epoch})` +
        (current
          ? ` over ${current.revision || "nobody ('')"} (epoch ${current.epoch})`
          : ' (designation created)'),
    );
  }
  const designatedAt = wrote ? deps.now() : (o.designatedAt ?? startedAt);
  const { epoch } = designation;
  const handover: Handover = { from, to: o.to, epoch };
  let released = false;
  let refusedSince: number | undefined;
  let restartedOld = false;
  let restartedPrevious = false;
  let described = '';
  let checkedAt = deps.now();
  // Another writer's designation ends this run's part at once: it must neither restart nor write over it.
  // A read that fails (storage unsteady) is tried again at the next check: the check is a guard beside the lease
  // polls, not a new way to fail; before a restart it must succeed.
  const checkDesignation = async (strict: boolean) => {
    let found: Designation | undefined;
    try {
      found = await store.readDesignation();
    } catch (error) {
      if (strict) throw error;
      say(`the designation could not be read again (${(error as Error).message}); trying at the next check`);
      return;
    }
    if (found && found.revision === designation.revision && found.epoch === designation.epoch) return;
    say(
      `the designation changed meanwhile: ${found ? `${found.revision || "''"} (epoch ${found.epoch})` : 'deleted'}`,
    );
    throw new DesignationChangedError(designation, found, handover, lines);
  };
  const escalate = async (revision: string, why: string) => {
    await checkDesignation(true);
    if (!revision) {
      say(`${why}; no revision to restart`);
      return;
    }
    const withinMs = Math.max(0, startedAt + o.boundMs - deps.now());
    say(`${why}: restarting ${revision}`);
    try {
      await deps.restart(revision, withinMs);
    } catch (error) {
      // The escalation is the last resort, not a reason to stop watching: the bound decides and reports.
      say(`the restart of ${revision} failed: ${(error as Error).message}`);
    }
  };

  for (;;) {
    if (deps.now() - checkedAt >= DESIGNATION_CHECK_MS) {
      await checkDesignation(false);
      checkedAt = deps.now();
    }
    const lease = await store.readLease();
    const now = deps.now();
    const text = describeLease(lease);
    if (text !== described) {
      say(`${((now - startedAt) / 1000).toFixed(1)}s ${text}`);
      described = text;
    }
    // The observable times: A's `stopped`, else B's `acquired`; B's `trading`.
    if (lease.state === 'stopped' && lease.revision === from && lease.epoch !== epoch && lease.since) {
      handover.releasedAt ??= lease.since;
    }
    if (lease.revision === o.to && lease.epoch === epoch && lease.since) {
      if (lease.state === 'acquired' && !handover.releasedAt) handover.releasedAt = lease.since;
      if (lease.state === 'trading') handover.acquiredAt = lease.since;
    }
    refusedSince = refusedInUseSince(refusedSince, lease, o.to, epoch, now);
    const move = nextHandoverMove({
      now,
      from,
      to: o.to,
      epoch,
      lease,
      designatedAt,
      startedAt,
      boundMs: o.boundMs,
      released,
      refusedInUseSince: refusedSince,
      restartedOld,
      restartedPrevious,
    });
    if (!released && hasReleased(lease, from, epoch)) {
      released = true;
      releasedSeenAt = now;
      say(`${((now - startedAt) / 1000).toFixed(1)}s released${from ? ` by ${from}` : ''}`);
    }
    if (move === 'done') {
      if (handover.releasedAt && handover.acquiredAt) {
        handover.gapMs = Date.parse(handover.acquiredAt) - Date.parse(handover.releasedAt);
      }
      say(
        o.to === ''
          ? `nobody trades (epoch ${epoch})`
          : `${o.to} trades (epoch ${epoch})` +
              (handover.gapMs !== undefined
                ? `, gap ${handover.gapMs} ms`
                : handover.acquiredAt && !handover.releasedAt && from
                  ? ` (the release passed between two polls: no gap observed)`
                  : ''),
      );
      return { handover, designation };
    }
    if (move === 'timeout') {
      const target = o.to === '' ? 'the old holder to release' : `${o.to} to trade`;
      throw new HandoverError(
        `The trading handover to ${o.to || "nobody ('')"} (epoch ${epoch}) did not complete within ` +
          `${Math.round(o.boundMs / 1000)} s waiting for ${target}: ` +
          `${released ? 'the old holder released' : `the old holder${from ? ` (${from})` : ''} never released`}` +
          `${restartedOld || restartedPrevious ? ', after a restart' : ''}; last seen: ${describeLease(lease)}`,
        lease,
        designation,
        lines,
        handover,
      );
    }
    if (move === 'restart-old') {
      restartedOld = true;
      const holder = lease.revision !== undefined && lease.revision !== o.to ? lease.revision : from;
      await escalate(holder, `the lease was not released ${RELEASE_WAIT_MS / 1000} s after the designation`);
      continue;
    }
    if (move === 'restart-previous') {
      restartedPrevious = true;
      await escalate(
        from,
        `${o.to} was refused by the broker with ${CLIENT_ID_IN_USE} (client id in use) for ` +
          `${REFUSED_IN_USE_WAIT_MS / 1000} s`,
      );
      continue;
    }
    const fast =
      now - designatedAt < FAST_WINDOW_MS ||
      (releasedSeenAt !== undefined && now - releasedSeenAt < FAST_WINDOW_MS);
    await deps.sleep(fast ? fastMs : pollMs);
  }
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
