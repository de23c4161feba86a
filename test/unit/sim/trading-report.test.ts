// The trading report from the broker's order log: segments per session, overlap of different replicas, gaps
// between consecutive segments, orders per second by revision.
import { describe, expect, it } from '@jest/globals';
import type { PortKind } from '../../../sim/broker.js';
import { tradingReport, type ReportOrder, type TradingReport } from '../../../sim/trading-report.js';

const T0 = Date.parse('2026-12-07T22:00:00.000Z');

/** An order `ms` after T0 by `replica` (its revision is the name before the last '-'). */
function order(
  ms: number,
  replica: string,
  session: number | undefined,
  o: { epoch?: number; kind?: PortKind; clientId?: number; unbound?: boolean } = {},
): ReportOrder {
  return {
    time: new Date(T0 + ms).toISOString(),
    kind: o.kind ?? 'live',
    clientId: o.clientId ?? 1,
    revision: replica.slice(0, replica.lastIndexOf('-')),
    replica,
    epoch: o.epoch ?? 1,
    ...(session !== undefined ? { session } : {}),
    ...(o.unbound ? { unbound: true } : {}),
  };
}

/** The report in short: segments [replica, start, end, orders] (ms after T0), overlapMs, exclusive, gaps. */
function short(r: TradingReport) {
  return {
    segments: r.segments.map((s) => [s.replica, s.startMs - T0, s.endMs - T0, s.orders]),
    overlapMs: r.overlapMs,
    exclusive: r.exclusive,
    gaps: r.gaps.map((g) => [g.from, g.to, g.gapMs]),
  };
}

const A = 'app--a-1';
const B = 'app--b-1';
const C = 'app--c-1';

describe('tradingReport', () => {
  it.each<[string, ReportOrder[], { clientId?: number; kind?: PortKind }, ReturnType<typeof short>]>([
    ['no orders', [], {}, { segments: [], overlapMs: 0, exclusive: true, gaps: [] }],
    [
      'an exclusive handover: A, then B after a gap',
      [order(0, A, 1), order(200, A, 1), order(400, A, 1), order(1400, B, 2), order(1600, B, 2)],
      {},
      {
        segments: [
          [A, 0, 400, 3],
          [B, 1400, 1600, 2],
        ],
        overlapMs: 0,
        exclusive: true,
        gaps: [[A, B, 1000]],
      },
    ],
    [
      'overlapping replicas: B starts while A still trades',
      [
        order(0, A, 1),
        order(500, A, 1),
        order(1000, A, 1),
        order(600, B, 2),
        order(1200, B, 2),
        order(1600, B, 2),
      ],
      {},
      {
        segments: [
          [A, 0, 1000, 3],
          [B, 600, 1600, 3],
        ],
        overlapMs: 400,
        exclusive: false,
        gaps: [[A, B, -400]],
      },
    ],
    [
      'one order of B inside A: no time overlaps, yet not exclusive',
      [order(0, A, 1), order(1000, A, 1), order(500, B, 2)],
      {},
      {
        segments: [
          [A, 0, 1000, 2],
          [B, 500, 500, 1],
        ],
        overlapMs: 0,
        exclusive: false,
        gaps: [[A, B, -500]],
      },
    ],
    [
      'the same replica reconnecting: two sessions, a gap, no overlap',
      [order(0, A, 1), order(100, A, 1), order(2100, A, 3), order(2200, A, 3)],
      {},
      {
        segments: [
          [A, 0, 100, 2],
          [A, 2100, 2200, 2],
        ],
        overlapMs: 0,
        exclusive: true,
        gaps: [[A, A, 2000]],
      },
    ],
    [
      'a nested segment: the next gap counts from the segment that traded last',
      [order(0, A, 1), order(3000, A, 1), order(1000, B, 2), order(1500, B, 2), order(3500, C, 3)],
      {},
      {
        segments: [
          [A, 0, 3000, 2],
          [B, 1000, 1500, 2],
          [C, 3500, 3500, 1],
        ],
        overlapMs: 500,
        exclusive: false,
        gaps: [
          [A, B, -2000],
          [A, C, 500],
        ],
      },
    ],
    [
      'three replicas overlapping at once count the time once',
      [
        order(0, A, 1),
        order(1000, A, 1),
        order(0, B, 2),
        order(1000, B, 2),
        order(500, C, 3),
        order(1000, C, 3),
      ],
      {},
      {
        segments: [
          [A, 0, 1000, 2],
          [B, 0, 1000, 2],
          [C, 500, 1000, 2],
        ],
        overlapMs: 1000,
        exclusive: false,
        gaps: [
          [A, B, -1000],
          [B, C, -500],
        ],
      },
    ],
    [
      'the other port and other client IDs are left out',
      [
        order(0, A, 1),
        order(100, A, 1),
        order(50, B, 2, { kind: 'paper' }),
        order(60, C, 3, { clientId: 7 }),
        order(900, B, 4),
      ],
      { clientId: 1 },
      {
        segments: [
          [A, 0, 100, 2],
          [B, 900, 900, 1],
        ],
        overlapMs: 0,
        exclusive: true,
        gaps: [[A, B, 800]],
      },
    ],
    [
      'without session ids: grouped by replica, revision and epoch',
      [
        order(0, A, undefined, { epoch: 1 }),
        order(100, A, undefined, { epoch: 1 }),
        order(300, B, undefined, { epoch: 2 }),
        order(700, A, undefined, { epoch: 3 }),
      ],
      {},
      {
        segments: [
          [A, 0, 100, 2],
          [B, 300, 300, 1],
          [A, 700, 700, 1],
        ],
        overlapMs: 0,
        exclusive: true,
        gaps: [
          [A, B, 200],
          [B, A, 400],
        ],
      },
    ],
  ])('%s', (_name, orders, o, expected) => {
    expect(short(tradingReport(orders, o.kind ?? 'live', { clientId: o.clientId }))).toEqual(expected);
  });

  it('reports gaps with revisions, epochs and order times, and the longest gap', () => {
    const r = tradingReport(
      [order(0, A, 1), order(1200, B, 2, { epoch: 2 }), order(1500, C, 3, { epoch: 3 })],
      'live',
    );
    expect(r.gaps[0]).toEqual({
      from: A,
      to: B,
      fromRevision: 'app--a',
      toRevision: 'app--b',
      fromEpoch: 1,
      toEpoch: 2,
      lastOrderAt: '2026-12-07T22:00:00.000Z',
      firstOrderAt: '2026-12-07T22:00:01.200Z',
      gapMs: 1200,
    });
    expect(r.maxGapMs).toBe(1200);
    expect(r.revisions).toEqual(['app--a', 'app--b', 'app--c']);
  });

  it('counts unbound orders per segment', () => {
    const r = tradingReport(
      [order(0, B, 2, { unbound: true }), order(100, B, 2, { unbound: true }), order(200, B, 2)],
      'live',
    );
    expect(r.segments.map((s) => [s.orders, s.unbound])).toEqual([[3, 2]]);
  });

  it('buckets orders per second by revision, empty seconds included', () => {
    const r = tradingReport(
      [order(0, A, 1), order(100, A, 1), order(900, A, 1), order(2500, B, 2), order(2600, A, 1)],
      'live',
    );
    expect(r.bucketMs).toBe(1000);
    expect(r.ordersPerSecond.map((b) => [b.t - T0, b.byRevision])).toEqual([
      [0, { 'app--a': 3 }],
      [1000, {}],
      [2000, { 'app--b': 1, 'app--a': 1 }],
    ]);
    expect(r.ordersPerSecond[0].at).toBe('2026-12-07T22:00:00.000Z');
    const half = tradingReport([order(0, A, 1), order(600, A, 1)], 'live', { bucketMs: 500 });
    expect(half.ordersPerSecond.map((b) => b.byRevision)).toEqual([{ 'app--a': 1 }, { 'app--a': 1 }]);
  });
});
