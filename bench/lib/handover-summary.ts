// The handover bench's figures (bench/handover.ts), pure: per handover, what the pipeline did (its designation
// write, its first read that showed the new revision trading, its `handover` output) against the truth (the holders'
// lease metadata writes and lease releases as they happened; the broker's order log), and the spreads of them.
import { percentile } from '../../src/smoke/stats.js';
import type { HolderState } from '../../src/trading/types.js';
import type { TradingGap, TradingSegment } from '../../sim/trading-report.js';

/** One successful write of the lease's holder metadata (with the lease), as a replica made it. */
export interface MetadataWrite {
  holder: string;
  revision: string;
  epoch: number;
  state: HolderState;
  /** The metadata's `since`, ms since epoch. */
  sinceMs: number;
  /** When the write's answer came back (the new state is visible from about then), ms. */
  doneAt: number;
  leaseId?: string;
}

/** One successful release of the lease, ms. */
export interface LeaseRelease {
  leaseId: string;
  doneAt: number;
}

/** One handOver call as the bench saw it (all ms since epoch, one clock). */
export interface HandoverRun {
  from: string;
  to: string;
  epoch: number;
  /** Just before the pipeline's designation write was sent. */
  writeSentAt: number;
  /** Its answer: handOver's designatedAt, from which its release wait counts. */
  designatedAt: number;
  /** The answer of the pipeline's first lease read that showed `to` trading under `epoch`. */
  sawTradingAt?: number;
  /** The pipeline's lease reads in this handover. */
  reads?: number;
  /** The `handover` output's gap-ms (acquired-at - released-at), when it observed both. */
  gapMs?: number;
  /** The output's released-at (A's `stopped` since, or B's `acquired` since when it missed A's), ms. */
  outputReleasedAt?: number;
}

/** What happened in one handover, from the holders' own writes. */
export interface HandoverTruth {
  /** The old holder's `stopped` since, and its lease release (answer). */
  stoppedSince?: number;
  releasedAt?: number;
  /** The new holder's `acquired` and `trading` since; when the `trading` write was answered. */
  acquiredSince?: number;
  tradingSince?: number;
  tradingVisibleAt?: number;
}

/**
 * The truth of one handover: the first `stopped` write of `from` after the designation write was sent (its since),
 * that lease's release after it, and `to`'s first `acquired` and `trading` writes under the run's epoch.
 */
export function handoverTruth(
  run: HandoverRun,
  writes: readonly MetadataWrite[],
  releases: readonly LeaseRelease[],
): HandoverTruth {
  const first = <T>(list: readonly T[], by: (t: T) => number) => [...list].sort((a, b) => by(a) - by(b))[0];
  const stopped = first(
    writes.filter((w) => w.revision === run.from && w.state === 'stopped' && w.sinceMs >= run.writeSentAt),
    (w) => w.sinceMs,
  );
  const release = stopped
    ? first(
        releases.filter((r) => r.leaseId === stopped.leaseId && r.doneAt >= stopped.doneAt),
        (r) => r.doneAt,
      )
    : undefined;
  const mine = (state: HolderState) =>
    first(
      writes.filter((w) => w.revision === run.to && w.epoch === run.epoch && w.state === state),
      (w) => w.sinceMs,
    );
  const acquired = mine('acquired');
  const trading = mine('trading');
  return {
    ...(stopped ? { stoppedSince: stopped.sinceMs } : {}),
    ...(release ? { releasedAt: release.doneAt } : {}),
    ...(acquired ? { acquiredSince: acquired.sinceMs } : {}),
    ...(trading ? { tradingSince: trading.sinceMs, tradingVisibleAt: trading.doneAt } : {}),
  };
}

/** The figures of one handover (ms); undefined where a part was not seen. */
export interface HandoverFigures {
  epoch: number;
  /** The pipeline's own time: from its designation write to its seeing `to` trade. */
  pipelineMs?: number;
  /** The old holder's stop: from the designation write to A's `stopped` since. */
  stopMs?: number;
  /** The new holder's acquire: from A's release to B's `trading` since. */
  acquireMs?: number;
  /** stopMs + acquireMs: what the pipeline's time cannot go below. */
  floorMs?: number;
  ratio?: number;
  /** pipelineMs - floorMs. */
  beyondFloorMs?: number;
  /**
   * From the designation write to B's `trading` write answered: the soonest the pipeline could see B trade; and the
   * pipeline's time against it (only the pipeline's own detection lag above 1).
   */
  visibleMs?: number;
  visibleRatio?: number;
  /** Between the floor's parts: A's `stopped` since -> its release answered (a metadata write and the release). */
  stopToReleaseMs?: number;
  /** After the floor: B's `trading` since -> that write answered (the pipeline cannot see it sooner). */
  tradingWriteMs?: number;
  /**
   * From B's `trading` write's answer to the pipeline's read showing it: the pipeline's own detection lag (poll pause
   * and read). pipelineMs = stopMs + stopToReleaseMs + acquireMs + tradingWriteMs + detectMs.
   */
  detectMs?: number;
  /** The broker's gap (A's last order to B's first), the truth. */
  brokerGapMs?: number;
  /** The `handover` output's gap-ms, and the same from the holders' writes (B's trading since - A's stopped since). */
  outputGapMs?: number;
  metadataGapMs?: number;
  /**
   * The rest of the broker's gap: A's last order -> its `stopped` since, and B's `trading` since -> its first order
   * (brokerGapMs = lastOrderToStopMs + metadataGapMs + tradingToFirstOrderMs).
   */
  lastOrderToStopMs?: number;
  tradingToFirstOrderMs?: number;
  /** brokerGapMs - outputGapMs: how much of the real gap the pipeline's observation misses. */
  brokerMinusOutputMs?: number;
  /** The pipeline's lease reads in the handover. */
  reads?: number;
  /** The output's released-at is A's `stopped` since (false: it fell back to B's `acquired`, or had none). */
  outputSawStop: boolean;
}

/** The figures of one handover from the run, its truth and the broker's gaps (the gap into `run.epoch`). */
export function handoverFigures(
  run: HandoverRun,
  truth: HandoverTruth,
  gaps: readonly TradingGap[],
): HandoverFigures {
  const f: HandoverFigures = {
    epoch: run.epoch,
    outputSawStop: run.outputReleasedAt !== undefined && run.outputReleasedAt === truth.stoppedSince,
  };
  if (run.reads !== undefined) f.reads = run.reads;
  if (run.sawTradingAt !== undefined) f.pipelineMs = run.sawTradingAt - run.designatedAt;
  if (truth.stoppedSince !== undefined) f.stopMs = truth.stoppedSince - run.designatedAt;
  if (truth.releasedAt !== undefined && truth.tradingSince !== undefined)
    f.acquireMs = truth.tradingSince - truth.releasedAt;
  if (f.stopMs !== undefined && f.acquireMs !== undefined) f.floorMs = f.stopMs + f.acquireMs;
  if (f.pipelineMs !== undefined && f.floorMs !== undefined && f.floorMs > 0)
    f.ratio = f.pipelineMs / f.floorMs;
  if (f.pipelineMs !== undefined && f.floorMs !== undefined) f.beyondFloorMs = f.pipelineMs - f.floorMs;
  if (truth.stoppedSince !== undefined && truth.releasedAt !== undefined)
    f.stopToReleaseMs = truth.releasedAt - truth.stoppedSince;
  if (truth.tradingSince !== undefined && truth.tradingVisibleAt !== undefined)
    f.tradingWriteMs = truth.tradingVisibleAt - truth.tradingSince;
  if (truth.tradingVisibleAt !== undefined) f.visibleMs = truth.tradingVisibleAt - run.designatedAt;
  if (f.pipelineMs !== undefined && f.visibleMs !== undefined && f.visibleMs > 0)
    f.visibleRatio = f.pipelineMs / f.visibleMs;
  if (run.sawTradingAt !== undefined && truth.tradingVisibleAt !== undefined)
    f.detectMs = run.sawTradingAt - truth.tradingVisibleAt;
  const gap = gaps.find((g) => g.toEpoch === run.epoch && g.toRevision === run.to);
  if (gap) {
    f.brokerGapMs = gap.gapMs;
    if (truth.stoppedSince !== undefined)
      f.lastOrderToStopMs = truth.stoppedSince - Date.parse(gap.lastOrderAt);
    if (truth.tradingSince !== undefined)
      f.tradingToFirstOrderMs = Date.parse(gap.firstOrderAt) - truth.tradingSince;
  }
  if (run.gapMs !== undefined) f.outputGapMs = run.gapMs;
  if (truth.tradingSince !== undefined && truth.stoppedSince !== undefined)
    f.metadataGapMs = truth.tradingSince - truth.stoppedSince;
  if (f.brokerGapMs !== undefined && f.outputGapMs !== undefined)
    f.brokerMinusOutputMs = f.brokerGapMs - f.outputGapMs;
  return f;
}

/** Orders sent while a segment of another replica ran (its first order <= the order's time <= its last). */
export function ordersInsideOthers(
  orders: ReadonlyArray<{ time: string; replica: string }>,
  segments: ReadonlyArray<Pick<TradingSegment, 'replica' | 'startMs' | 'endMs'>>,
): number {
  return orders.filter((o) => {
    const t = Date.parse(o.time);
    return segments.some((s) => s.replica !== o.replica && s.startMs <= t && t <= s.endMs);
  }).length;
}

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank p50, p95 and the max of the defined values (NaN for none). */
export function spread(values: ReadonlyArray<number | undefined>): Spread {
  const sorted = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** The item at the nearest-rank p-th percentile of `key` among those where it is defined. */
export function atPercentile<T>(
  items: readonly T[],
  key: (t: T) => number | undefined,
  p: number,
): T | undefined {
  const sorted = items.filter((t) => key(t) !== undefined).sort((a, b) => key(a)! - key(b)!);
  if (!sorted.length) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
