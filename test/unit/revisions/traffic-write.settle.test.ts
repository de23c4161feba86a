// updateTraffic's settle counts from the end of this run's write: a run that read the list while the write's
// operation ran (ARM answers the list from before it) and lands its write just after the operation ends must be
// seen and this run's change planned again on top of it, however long the operation took.
import { describe, expect, it } from '@jest/globals';
import { updateTraffic } from '../../../src/revisions/traffic-write.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

const APP = 'alc-algo-agents-preview';
const ours: TrafficEntry = { revisionName: `${APP}--pr-2-bbbbbbb`, label: 'pr-2', weight: 0 };
const theirs: TrafficEntry = { revisionName: `${APP}--pr-3-ccccccc`, label: 'pr-3', weight: 0 };
const base: TrafficEntry[] = [{ revisionName: `${APP}--pr-1-aaaaaaa`, label: 'pr-1', weight: 100 }];

/**
 * The in-memory app on a fake clock: each traffic write's operation lasts operationMs; the first one lets another run that
 * read the list during it write its own list (from before ours, with its label) lateMs after the operation ends.
 */
function contended(operationMs: number, lateMs: number) {
  let clock = 0;
  const fx = newAcaFixture({ name: APP, traffic: base });
  const pending: Array<{ at: number; traffic: TrafficEntry[] }> = [];
  const settle = () => {
    for (const p of pending.splice(0).sort((a, b) => a.at - b.at)) {
      if (p.at <= clock) fx.setTraffic(p.traffic);
      else pending.push(p);
    }
  };
  let seenDuring: TrafficEntry[] = [];
  fx.on('patchTraffic', () => {
    seenDuring = fx.traffic();
    clock += operationMs;
  });
  fx.after('patchTraffic', (_c, n) => {
    if (n === 1) pending.push({ at: clock + lateMs, traffic: [...seenDuring, theirs] });
  });
  const aca = fx.aca;
  return {
    aca,
    sleep: async (ms: number) => {
      clock += ms;
      settle();
    },
    now: () => clock,
    live: () => {
      clock += 60_000;
      settle();
      return fx.traffic();
    },
  };
}

const addOurs = (live: TrafficEntry[]) =>
  live.some((e) => e.label === 'pr-2') ? live : [...live, structuredClone(ours)];

describe('updateTraffic against a write that lands just after its operation', () => {
  it.each([
    ['a short operation', 100, 300],
    ['an operation longer than the settle', 2000, 300],
    ['a long operation', 8000, 400],
  ])(
    '%s (%p ms, the other write %p ms after it): both labels survive',
    async (_what, operationMs, lateMs) => {
      const t = contended(operationMs, lateMs);
      const r = await updateTraffic(t.aca, APP, addOurs, { sleep: t.sleep, now: t.now, delayMs: 500 });
      expect(r.attempts).toBe(2);
      expect(t.live().map((e) => e.label)).toEqual(['pr-1', 'pr-3', 'pr-2']);
    },
  );
});
