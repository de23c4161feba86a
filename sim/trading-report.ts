// The trading report (pure): from the broker's order log of one port, who traded when. Per-replica trading
// segments (first..last order of a broker session), the time two different replicas traded at once (must be 0
// when trading is exclusive), the gaps between consecutive segments (a handover's cost), and orders per second by
// revision for a picture.
import type { BrokerOrder, PortKind } from './broker.js';

/** What the report reads of an order (BrokerOrder has it all). */
export type ReportOrder = Pick<
  BrokerOrder,
  'time' | 'kind' | 'clientId' | 'revision' | 'replica' | 'epoch'
> & {
  /** The broker session that sent it; without it, orders group by replica, revision and epoch. */
  session?: number;
  unbound?: boolean;
};

export interface TradingSegment {
  replica: string;
  revision: string;
  epoch: number;
  clientId: number;
  session?: number;
  /** First and last order (ISO) and the same in ms since epoch. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  orders: number;
  /** Orders sent before the session re-bound the client ID's open orders. */
  unbound: number;
}

/** Two segments of different replicas that share time (a point counts: ms may be 0). */
export interface TradingOverlap {
  a: { replica: string; revision: string; session?: number };
  b: { replica: string; revision: string; session?: number };
  from: string;
  to: string;
  ms: number;
}

/** From the end of the segment that traded last to the start of the next one. */
export interface TradingGap {
  /** Replica names. */
  from: string;
  to: string;
  fromRevision: string;
  toRevision: string;
  fromEpoch: number;
  toEpoch: number;
  /** The last order before the gap and the first after it (ISO). */
  lastOrderAt: string;
  firstOrderAt: string;
  /** Negative when the next segment started before the previous one ended (an overlap). */
  gapMs: number;
}

export interface RateBucket {
  /** Bucket start (ISO) and ms since epoch. */
  at: string;
  t: number;
  /** Orders in the bucket by revision (revisions without orders there are left out). */
  byRevision: Record<string, number>;
}

export interface TradingReport {
  kind: PortKind;
  clientId?: number;
  orders: number;
  /** Revisions in the order they first traded. */
  revisions: string[];
  segments: TradingSegment[];
  /** Total time during which segments of two or more different replicas ran at once. */
  overlapMs: number;
  overlaps: TradingOverlap[];
  /** No two different replicas' segments share any time (not even one instant). */
  exclusive: boolean;
  gaps: TradingGap[];
  /** The longest gap (0 without gaps). */
  maxGapMs: number;
  bucketMs: number;
  /** From the first order's bucket to the last one's, empty buckets included. */
  ordersPerSecond: RateBucket[];
}

export interface TradingReportOptions {
  /** Only this client ID's orders (several apps may share a port). */
  clientId?: number;
  /** Bucket width of ordersPerSecond, ms (default 1000). */
  bucketMs?: number;
}

const segmentKey = (o: ReportOrder) =>
  o.session !== undefined ? `s${o.session}` : `r${o.clientId}|${o.replica}|${o.revision}|${o.epoch}`;

export function tradingReport(
  log: readonly ReportOrder[],
  kind: PortKind,
  options: TradingReportOptions = {},
): TradingReport {
  const bucketMs = options.bucketMs ?? 1000;
  const orders = log
    .filter((o) => o.kind === kind && (options.clientId === undefined || o.clientId === options.clientId))
    .map((o) => ({ o, t: Date.parse(o.time) }))
    .sort((x, y) => x.t - y.t);

  const byKey = new Map<string, TradingSegment>();
  const revisions: string[] = [];
  for (const { o, t } of orders) {
    if (!revisions.includes(o.revision)) revisions.push(o.revision);
    const k = segmentKey(o);
    const s = byKey.get(k);
    if (s) {
      s.end = o.time;
      s.endMs = t;
      s.orders += 1;
      s.unbound += o.unbound ? 1 : 0;
    } else {
      byKey.set(k, {
        replica: o.replica,
        revision: o.revision,
        epoch: o.epoch,
        clientId: o.clientId,
        ...(o.session !== undefined ? { session: o.session } : {}),
        start: o.time,
        end: o.time,
        startMs: t,
        endMs: t,
        orders: 1,
        unbound: o.unbound ? 1 : 0,
      });
    }
  }
  const segments = [...byKey.values()].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);

  const who = (s: TradingSegment) => ({
    replica: s.replica,
    revision: s.revision,
    ...(s.session !== undefined ? { session: s.session } : {}),
  });
  const overlaps: TradingOverlap[] = [];
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const [a, b] = [segments[i], segments[j]];
      if (a.replica === b.replica) continue;
      const from = Math.max(a.startMs, b.startMs);
      const to = Math.min(a.endMs, b.endMs);
      if (from <= to)
        overlaps.push({
          a: who(a),
          b: who(b),
          from: new Date(from).toISOString(),
          to: new Date(to).toISOString(),
          ms: to - from,
        });
    }
  }

  // Union of the times at which two or more different replicas had a segment running.
  const times = [...new Set(segments.flatMap((s) => [s.startMs, s.endMs]))].sort((a, b) => a - b);
  let overlapMs = 0;
  for (let i = 0; i + 1 < times.length; i++) {
    const [t0, t1] = [times[i], times[i + 1]];
    const replicas = new Set(segments.filter((s) => s.startMs <= t0 && s.endMs >= t1).map((s) => s.replica));
    if (replicas.size >= 2) overlapMs += t1 - t0;
  }

  const gaps: TradingGap[] = [];
  let last: TradingSegment | undefined;
  for (const s of segments) {
    if (last) {
      gaps.push({
        from: last.replica,
        to: s.replica,
        fromRevision: last.revision,
        toRevision: s.revision,
        fromEpoch: last.epoch,
        toEpoch: s.epoch,
        lastOrderAt: last.end,
        firstOrderAt: s.start,
        gapMs: s.startMs - last.endMs,
      });
    }
    if (!last || s.endMs >= last.endMs) last = s;
  }

  const ordersPerSecond: RateBucket[] = [];
  if (orders.length > 0) {
    const first = Math.floor(orders[0].t / bucketMs) * bucketMs;
    const lastT = orders[orders.length - 1].t;
    for (let t = first; t <= lastT; t += bucketMs)
      ordersPerSecond.push({ at: new Date(t).toISOString(), t, byRevision: {} });
    for (const { o, t } of orders) {
      const b = ordersPerSecond[Math.floor((t - first) / bucketMs)];
      b.byRevision[o.revision] = (b.byRevision[o.revision] ?? 0) + 1;
    }
  }

  return {
    kind,
    ...(options.clientId !== undefined ? { clientId: options.clientId } : {}),
    orders: orders.length,
    revisions,
    segments,
    overlapMs,
    overlaps,
    exclusive: overlaps.length === 0,
    gaps,
    maxGapMs: Math.max(0, ...gaps.map((g) => g.gapMs)),
    bucketMs,
    ordersPerSecond,
  };
}
