// The handover bench's figures (bench/lib/handover-summary.ts): the truth of a handover from the holders' writes,
// its figures against the broker's gaps, orders inside another replica's segment, and the spreads.
import { describe, expect, it } from '@jest/globals';
import {
  atPercentile,
  handoverFigures,
  type HandoverRun,
  handoverTruth,
  type LeaseRelease,
  type MetadataWrite,
  ordersInsideOthers,
  spread,
} from '../../../../bench/lib/handover-summary.js';
import type { TradingGap } from '../../../../sim/trading-report.js';

const A = 'app--a';
const B = 'app--b';
const T = Date.parse('2026-12-07T23:00:00.000Z');
const iso = (ms: number) => new Date(T + ms).toISOString();
const write = (
  revision: string,
  epoch: number,
  state: MetadataWrite['state'],
  since: number,
  done: number,
  leaseId = `${revision}-${epoch}`,
): MetadataWrite => ({
  holder: `${revision}-replica-1`,
  revision,
  epoch,
  state,
  sinceMs: T + since,
  doneAt: T + done,
  leaseId,
});
const release = (leaseId: string, done: number): LeaseRelease => ({ leaseId, doneAt: T + done });

// A held under epoch 1 (an earlier stop of A under epoch 1 at -5 s is not this handover's); the pipeline designates
// B (epoch 2) at 0..10 ms; A stops at 110 (answered 115), releases at 120; B acquires at 300 and trades at 340
// (answered 345); the pipeline sees it at 380.
const run: HandoverRun = {
  from: A,
  to: B,
  epoch: 2,
  writeSentAt: T,
  designatedAt: T + 10,
  sawTradingAt: T + 380,
  reads: 9,
  gapMs: 230,
  outputReleasedAt: T + 110,
};
const writes: MetadataWrite[] = [
  write(A, 1, 'stopped', -5_000, -4_990, 'old'),
  write(A, 1, 'acquired', -4_000, -3_990),
  write(A, 1, 'trading', -3_900, -3_890),
  write(A, 1, 'stopped', 110, 115),
  write(B, 2, 'acquired', 300, 305),
  write(B, 2, 'trading', 340, 345),
  write(B, 2, 'trading', 340, 900), // a repeated state keeps its since
];
const releases = [release('old', -4_980), release(`${A}-1`, 120)];
const gap = (over: Partial<TradingGap> = {}): TradingGap => ({
  from: `${A}-replica-1`,
  to: `${B}-replica-1`,
  fromRevision: A,
  toRevision: B,
  fromEpoch: 1,
  toEpoch: 2,
  lastOrderAt: iso(50),
  firstOrderAt: iso(540),
  gapMs: 490,
  ...over,
});

describe('handoverTruth', () => {
  it("takes A's first stop after the write was sent, that lease's release, and B's first writes under the epoch", () => {
    expect(handoverTruth(run, writes, releases)).toEqual({
      stoppedSince: T + 110,
      releasedAt: T + 120,
      acquiredSince: T + 300,
      tradingSince: T + 340,
      tradingVisibleAt: T + 345,
    });
  });

  it('leaves out what did not happen: B never traded, A released nothing', () => {
    const truth = handoverTruth(
      run,
      writes.filter((w) => w.state !== 'trading'),
      [],
    );
    expect(truth).toEqual({ stoppedSince: T + 110, acquiredSince: T + 300 });
  });

  it("does not take B's writes under another epoch", () => {
    expect(handoverTruth({ ...run, epoch: 3 }, writes, releases)).toEqual({
      stoppedSince: T + 110,
      releasedAt: T + 120,
    });
  });
});

describe('handoverFigures', () => {
  it("puts the pipeline's time against stop + acquire and splits the rest", () => {
    const f = handoverFigures(run, handoverTruth(run, writes, releases), [gap({ toEpoch: 1 }), gap()]);
    expect(f).toEqual({
      epoch: 2,
      pipelineMs: 370,
      stopMs: 100,
      acquireMs: 220,
      floorMs: 320,
      ratio: 370 / 320,
      beyondFloorMs: 50,
      visibleMs: 335,
      visibleRatio: 370 / 335,
      stopToReleaseMs: 10,
      tradingWriteMs: 5,
      detectMs: 35,
      brokerGapMs: 490,
      lastOrderToStopMs: 60,
      tradingToFirstOrderMs: 200,
      outputGapMs: 230,
      metadataGapMs: 230,
      brokerMinusOutputMs: 260,
      outputSawStop: true,
      reads: 9,
    });
    // The pipeline's time is the floor plus what lies beyond it.
    expect(f.floorMs! + f.stopToReleaseMs! + f.tradingWriteMs! + f.detectMs!).toBe(f.pipelineMs);
    // The broker's gap is the holders' gap plus the order cadence on both sides.
    expect(f.lastOrderToStopMs! + f.metadataGapMs! + f.tradingToFirstOrderMs!).toBe(f.brokerGapMs);
  });

  it("an output that fell back to B's acquired, no broker gap, no sight of trading", () => {
    const bare: HandoverRun = { ...run, outputReleasedAt: T + 300, gapMs: 40 };
    delete bare.sawTradingAt;
    const f = handoverFigures(bare, handoverTruth(bare, writes, releases), [gap({ toRevision: A })]);
    expect(f.outputSawStop).toBe(false);
    expect(f.pipelineMs).toBeUndefined();
    expect(f.ratio).toBeUndefined();
    expect(f.detectMs).toBeUndefined();
    expect(f.visibleMs).toBe(335);
    expect(f.visibleRatio).toBeUndefined();
    expect(f.brokerGapMs).toBeUndefined();
    expect(f.brokerMinusOutputMs).toBeUndefined();
    expect(f.floorMs).toBe(320);
  });
});

describe('ordersInsideOthers', () => {
  const seg = (replica: string, start: number, end: number) => ({
    replica,
    startMs: T + start,
    endMs: T + end,
  });
  it.each([
    [
      'disjoint segments',
      [seg('a', 0, 100), seg('b', 200, 300)],
      [
        ['a', 100],
        ['b', 200],
      ],
      0,
    ],
    [
      'an order of b inside a',
      [seg('a', 0, 100), seg('b', 50, 300)],
      [
        ['a', 0],
        ['b', 50],
      ],
      1,
    ],
    [
      'the same instant counts',
      [seg('a', 0, 100), seg('b', 100, 300)],
      [
        ['a', 100],
        ['b', 100],
      ],
      2,
    ],
    ['own segment does not count', [seg('a', 0, 100)], [['a', 50]], 0],
  ] as const)('%s', (_name, segments, orders, expected) => {
    const list = orders.map(([replica, t]) => ({ replica, time: iso(t) }));
    expect(ordersInsideOthers(list, segments)).toBe(expected);
  });
});

describe('spread and atPercentile', () => {
  it('nearest-rank p50, p95 and max of the defined values', () => {
    const values = [...Array.from({ length: 20 }, (_, i) => (20 - i) * 10), undefined];
    expect(spread(values)).toEqual({ n: 20, p50: 100, p95: 190, max: 200 });
    expect(spread([])).toEqual({ n: 0, p50: NaN, p95: NaN, max: NaN });
  });

  it('the item at a percentile of its key', () => {
    const items = [{ r: 1.3 }, { r: undefined }, { r: 1.1 }, { r: 1.2 }, { r: 2 }];
    expect(atPercentile(items, (i) => i.r, 50)).toEqual({ r: 1.2 });
    expect(atPercentile(items, (i) => i.r, 95)).toEqual({ r: 2 });
    expect(atPercentile([], (i: { r: number }) => i.r, 50)).toBeUndefined();
  });
});
