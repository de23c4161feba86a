import { describe, expect, it } from '@jest/globals';
import { checkTrading, handoverText, tradingFigures, tradingMarkdown } from '../../../demo/report.js';
import type { ReportOrder } from '../../../sim/trading-report.js';

const T = Date.parse('2026-12-07T23:00:00Z');
const rev = (v: string) => `alc-algo-agents--${v}`;

/** Orders every 200 ms from `revision`'s replica over [from, to) seconds. */
const orders = (revision: string, from: number, to: number, epoch = 1): ReportOrder[] =>
  Array.from({ length: (to - from) * 5 }, (_, i) => ({
    time: new Date(T + from * 1000 + i * 200).toISOString(),
    kind: 'live' as const,
    clientId: 1,
    revision: rev(revision),
    replica: `${rev(revision)}-a`,
    epoch,
  }));

const scenario = (title: string, at: number, workflow = 'release.yml') => ({
  title,
  workflow,
  startedAt: T + at * 1000,
  handovers: [],
});

describe('tradingFigures: who traded, by scenario', () => {
  const log = [...orders('v1', 0, 10), ...orders('v2', 12, 20, 2), ...orders('v1', 31, 40, 3)];
  const figures = tradingFigures(log, [
    scenario('release v1', -5),
    scenario('release v2', 5),
    scenario('a preview beside it', 6, 'preview.yml'),
    scenario('rollback to v1', 25),
  ]);

  it('gives each gap to the production scenario during which trading resumed (previews have none)', () => {
    expect(figures.scenarios.map((s) => [s.title, s.gaps.map((g) => [g.from, g.to, g.gapMs])])).toEqual([
      ['release v1', []],
      ['release v2', [[rev('v1'), rev('v2'), 2200]]],
      ['rollback to v1', [[rev('v2'), rev('v1'), 11200]]],
    ]);
    expect(figures.overlapMs).toBe(0);
    expect(figures.buckets).toHaveLength(40);
    expect(figures.buckets[0].byRevision).toEqual({ [rev('v1')]: 5 });
  });

  it.each([
    ['one trader at a time', log, [true, true]],
    ['two replicas at once', [...orders('v1', 0, 10), ...orders('v2', 8, 12, 2)], [true, false]],
    ['nobody traded', [], [false, true]],
  ])('checks: %s', (_what, l, oks) => {
    expect(checkTrading(tradingFigures(l, [scenario('release v1', 0)])).map((c) => c.ok)).toEqual(oks);
  });

  it('reports the overlap, each gap and a picture of orders per second by revision', () => {
    const md = tradingMarkdown(figures, checkTrading(figures));
    expect(md).toContain('**overlap 0 ms**');
    expect(md).toContain(`| release v2 | ${rev('v1')} → ${rev('v2')}: **2200 ms** |`);
    expect(md).toMatch(/xychart-beta[\s\S]*line \[5, 5/);
  });
});

describe('handoverText', () => {
  it.each([
    [JSON.stringify({ from: 'a', to: 'b', epoch: 2, 'gap-ms': 900 }), 'a → b, epoch 2, gap 900 ms'],
    [JSON.stringify({ from: 'a', to: '', epoch: 3 }), "a → '' (nobody), epoch 3"],
    ['not json', 'not json'],
  ])('%s', (raw, text) => expect(handoverText(raw)).toBe(text));
});
