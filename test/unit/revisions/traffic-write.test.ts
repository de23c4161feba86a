// updateTraffic's bounds on a fake clock: ARM's "another operation in progress" re-plans after a fixed pause until
// busyWaitMs over the whole update; a list another writer keeps changing re-plans after a randomised pause, up to
// `attempts` times, then fails naming them.
import { describe, expect, it } from '@jest/globals';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';
import { TrafficContendedError, updateTraffic } from '../../../src/revisions/traffic-write.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

const APP = 'app';
const base: TrafficEntry[] = [{ revisionName: 'app--v1', label: 'pr-1', weight: 100 }];
const ours: TrafficEntry = { revisionName: 'app--v2', label: 'pr-2', weight: 0 };
const theirs: TrafficEntry = { revisionName: 'app--v3', label: 'pr-3', weight: 0 };
const addOurs = (live: TrafficEntry[]) => (live.some((e) => e.label === 'pr-2') ? live : [...live, ours]);

type Answer = 'ok' | 'busy' | 'undone';

/** The in-memory app on a fake clock; each traffic write answers from `answers` (the last repeats). */
function app(answers: Answer[], initial: TrafficEntry[] = base) {
  let now = 0;
  const slept: number[] = [];
  const log: string[] = [];
  const fx = newAcaFixture({ name: APP, traffic: initial });
  const answer = (n: number) => answers[Math.min(n, answers.length) - 1];
  fx.on('patchTraffic', (_c, n) => {
    if (answer(n) === 'busy') {
      throw Object.assign(new Error('Another operation is in progress'), {
        statusCode: 409,
        code: 'ContainerAppOperationInProgress',
      });
    }
  });
  // Another writer, from the list before this write: this run's label is gone again.
  fx.after('patchTraffic', (_c, n) => {
    if (answer(n) === 'undone') fx.setTraffic([...structuredClone(base), theirs]);
  });
  const aca = fx.aca;
  const options = {
    delayMs: 500,
    busyWaitMs: 1200,
    attempts: 3,
    log: (line: string) => log.push(line),
    now: () => now,
    sleep: async (ms: number) => void (slept.push(ms), (now += ms)),
  };
  return { aca, options, slept, log, writes: () => fx.count('patchTraffic') };
}

describe('updateTraffic', () => {
  it.each<[string, Answer[], number, number[]]>([
    ['written at once, checked a settle after', ['ok'], 1, [500]],
    ['busy twice: re-planned after a fixed pause each time', ['busy', 'busy', 'ok'], 3, [500, 500, 500]],
  ])('%s', async (_what, answers, attempts, sleeps) => {
    const t = app(answers);
    const r = await updateTraffic(t.aca, APP, addOurs, t.options);
    expect(r).toMatchObject({ before: base, after: [...base, ours], written: true, attempts });
    expect(t.slept).toEqual(sleeps);
    expect(t.log.filter((l) => /in progress; re-planning after it/.test(l))).toHaveLength(answers.length - 1);
  });

  it('a list that already carries the change is not written', async () => {
    const t = app(['ok'], [...base, ours]);
    const r = await updateTraffic(t.aca, APP, addOurs, t.options);
    expect(r).toMatchObject({ written: false, attempts: 1 });
    expect(t.writes()).toBe(0);
  });

  it('busy past busyWaitMs (over the whole update): the 409 is thrown', async () => {
    const t = app(['busy']);
    await expect(updateTraffic(t.aca, APP, addOurs, t.options)).rejects.toThrow(/in progress/);
    expect(t.slept).toEqual([500, 500, 500]);
    expect(t.writes()).toBe(4);
  });

  it('a list changed under every attempt: TrafficContendedError after `attempts`, randomised pauses between', async () => {
    const t = app(['undone']);
    const error = await updateTraffic(t.aca, APP, addOurs, t.options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrafficContendedError);
    expect((error as Error).message).toMatch(
      /^The traffic of app kept changing while this run wrote its change \(3 attempts, another run or a manual change each time\): Traffic of app changed right after this run wrote it/,
    );
    expect(t.writes()).toBe(3);
    // settle, pause, settle, pause, settle: each pause from half to one and a half times delayMs.
    const [s1, p1, s2, p2, s3] = t.slept;
    expect([s1, s2, s3, t.slept.length]).toEqual([500, 500, 500, 5]);
    for (const p of [p1, p2]) expect(p >= 250 && p < 750).toBe(true);
    expect(
      t.log.filter((l) => /changed under this run .* re-planning on the fresh list/.test(l)),
    ).toHaveLength(2);
  });
});
