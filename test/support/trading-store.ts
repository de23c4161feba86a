// An in-memory TradingStore for unit tests of the pipeline's trading steps (no storage, no HTTP): the designation
// blob with ETags that honour If-Match / If-None-Match * (a lost race throws DesignationConflictError, as the real
// store does), the lease blob, and a lease that is scripted: a fixed view, a function of the store, or
// `agentsFollow`, replicas that follow protocol v1 with given timings on the test's clock.
import { DesignationConflictError } from '../../src/trading/errors.js';
import type { Designation, LeaseView, TradingStore } from '../../src/trading/types.js';

export const URL_OF_TEST_LEASE = 'https://acct.blob.core.windows.net/trading/app';

export const NOT_LEASED: LeaseView = { leaseState: 'available', leaseStatus: 'unlocked', leased: false };

/** A leased view with the holder's metadata. */
export function held(
  revision: string,
  epoch: number,
  state: LeaseView['state'],
  since = '2026-12-07T23:00:00.000Z',
  extra: Partial<LeaseView> = {},
): LeaseView {
  return {
    leaseState: 'leased',
    leaseStatus: 'locked',
    leased: true,
    holder: `${revision}-replica-1`,
    revision,
    epoch,
    state,
    since,
    ...extra,
  };
}

export class MemoryTradingStore implements TradingStore {
  designation?: Designation;
  leaseBlob = false;
  /** Every designation write that succeeded, in order, with the clock's time when one is given. */
  readonly writes: Array<{ revision: string; epoch: number; at?: number }> = [];
  /** Every call, e.g. `write app--v2@3 if-match "1"`, `read-lease`. */
  readonly calls: string[] = [];
  lease: LeaseView | ((store: MemoryTradingStore) => LeaseView) = NOT_LEASED;
  /** Another writer: runs before this store's n-th designation write (1-based), e.g. to change it under us. */
  beforeWrite?: (n: number, store: MemoryTradingStore) => void;
  private etags = 0;

  constructor(
    initial?: { revision: string; epoch: number },
    readonly clock?: () => number,
  ) {
    if (initial) this.put(initial);
  }

  /** Sets the designation as another writer would (a new ETag). */
  put(next: { revision: string; epoch: number }): Designation {
    this.etags += 1;
    this.designation = { ...next, etag: `"${this.etags}"` };
    return { ...this.designation };
  }

  async readDesignation(): Promise<Designation | undefined> {
    this.calls.push('read-designation');
    return this.designation ? { ...this.designation } : undefined;
  }

  async writeDesignation(
    next: { revision: string; epoch: number },
    etag: string | undefined,
  ): Promise<Designation> {
    this.calls.push(
      `write ${next.revision || "''"}@${next.epoch} ${etag ? `if-match ${etag}` : 'if-none-match *'}`,
    );
    this.beforeWrite?.(this.writes.length + 1, this);
    const url = `${URL_OF_TEST_LEASE}/designation`;
    if (etag === undefined && this.designation)
      throw new DesignationConflictError(url, 409, undefined, { ...this.designation });
    if (etag !== undefined && this.designation?.etag !== etag)
      throw new DesignationConflictError(url, 412, etag, this.designation && { ...this.designation });
    const written = this.put(next);
    this.writes.push({ ...next, ...(this.clock ? { at: this.clock() } : {}) });
    return written;
  }

  async ensureLeaseBlob(): Promise<void> {
    this.calls.push('ensure-lease');
    this.leaseBlob = true;
  }

  async readLease(): Promise<LeaseView> {
    this.calls.push('read-lease');
    return { ...(typeof this.lease === 'function' ? this.lease(this) : this.lease) };
  }
}

export interface AgentTimings {
  /** The revision trading before the first designation write of the test, and its epoch. */
  initial?: { revision: string; epoch: number };
  /** From a designation write until the old holder has stopped and released (ms). */
  releaseMs?: number;
  /** From the release until the designated revision holds the lease (`acquired`), then until it trades. */
  acquireMs?: number;
  tradeMs?: number;
  /** Revisions whose agents never take the lease (AGENT_NEVER_ACQUIRE). */
  neverAcquire?: string[];
  /** Revisions whose holder ignores the designation: it releases only when restarted (AGENT_IGNORE_DESIGNATION). */
  ignoreDesignation?: string[];
  /** Revisions refused by the broker with this code while they hold the lease. */
  refused?: Record<string, number>;
  /** The revision restart's stop time (SIGTERM to exit). */
  restartMs?: number;
}

/**
 * A lease that follows the protocol's replicas on `clock`: after each designation write of `store` (to, epoch)
 * the old holder stops after `releaseMs` (or, ignoring the designation, only after a restart), then `to` acquires
 * and trades. `restart(revision)` (the handover's escalation) is what the test passes as the restart dependency.
 */
export function agentsFollow(store: MemoryTradingStore, clock: () => number, t: AgentTimings = {}) {
  const releaseMs = t.releaseMs ?? 1_000;
  const acquireMs = t.acquireMs ?? 500;
  const tradeMs = t.tradeMs ?? 500;
  const restarts: Array<{ revision: string; at: number }> = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  // The holder when the test started: trading under the initial designation since time 0.
  let holder: { revision: string; epoch: number; tradingAt: number } | undefined = t.initial
    ? { ...t.initial, tradingAt: clock() }
    : undefined;
  let seenWrites = 0;
  let pending: { to: string; epoch: number; at: number; releaseAt?: number } | undefined;
  const restartedAt = (revision: string) => restarts.find((r) => r.revision === revision)?.at;

  store.lease = () => {
    const now = clock();
    if (store.writes.length > seenWrites) {
      const w = store.writes[store.writes.length - 1];
      seenWrites = store.writes.length;
      const at = w.at ?? now;
      // A handover started while another one was under way: whoever trades by now is the old holder.
      if (pending && pending.to && pending.releaseAt !== undefined && !t.neverAcquire?.includes(pending.to)) {
        const trading = pending.releaseAt + acquireMs + tradeMs;
        if (at >= trading) holder = { revision: pending.to, epoch: pending.epoch, tradingAt: trading };
      }
      pending = { to: w.revision, epoch: w.epoch, at };
    }
    if (!pending) {
      return holder ? held(holder.revision, holder.epoch, 'trading', iso(holder.tradingAt)) : NOT_LEASED;
    }
    // The old holder's release.
    if (pending.releaseAt === undefined) {
      const ignores = holder && t.ignoreDesignation?.includes(holder.revision);
      const restarted = holder ? restartedAt(holder.revision) : undefined;
      const releaseAt = !holder
        ? pending.at
        : ignores
          ? restarted !== undefined
            ? restarted + (t.restartMs ?? 1_000)
            : undefined
          : pending.at + releaseMs;
      if (releaseAt === undefined || now < releaseAt)
        return holder ? held(holder.revision, holder.epoch, 'trading', iso(holder.tradingAt)) : NOT_LEASED;
      pending.releaseAt = releaseAt;
    }
    const releaseAt = pending.releaseAt;
    if (now < releaseAt + acquireMs || !pending.to || t.neverAcquire?.includes(pending.to)) {
      // Stopped, then expired/released; nobody takes it yet.
      return holder && now < releaseAt + acquireMs
        ? {
            ...held(holder.revision, holder.epoch, 'stopped', iso(releaseAt)),
            leaseState: 'available',
            leased: false,
          }
        : NOT_LEASED;
    }
    const code = t.refused?.[pending.to];
    if (code !== undefined)
      return held(pending.to, pending.epoch, 'refused', iso(releaseAt + acquireMs), { code });
    if (now < releaseAt + acquireMs + tradeMs)
      return held(pending.to, pending.epoch, 'acquired', iso(releaseAt + acquireMs));
    return held(pending.to, pending.epoch, 'trading', iso(releaseAt + acquireMs + tradeMs));
  };

  return {
    restarts,
    restart: async (revision: string) => {
      restarts.push({ revision, at: clock() });
    },
  };
}
