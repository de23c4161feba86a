// The handover loop over a scripted store and an injected clock (the store's answers are a function of the time);
// the real store, replicas and broker: test/integration/trading/handover.test.ts.
import { describe, expect, it } from '@jest/globals';
import {
  DESIGNATION_CHECK_MS,
  DesignationChangedError,
  handOver,
  HandoverError,
  handoverJson,
} from '../../../src/trading/handover.js';
import { DesignationConflictError } from '../../../src/trading/errors.js';
import type { Designation, LeaseView, TradingStore } from '../../../src/trading/types.js';

const A = 'app--a';
const B = 'app--b';
const T0 = Date.parse('2026-12-07T23:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const free: LeaseView = { leaseState: 'available', leaseStatus: 'unlocked', leased: false };
const held = (m: Partial<LeaseView>): LeaseView => ({
  leaseState: 'leased',
  leaseStatus: 'locked',
  leased: true,
  ...m,
});

function rig(o: {
  designation?: { revision: string; epoch: number };
  lease: (t: number, restarts: string[]) => LeaseView;
  conflict?: boolean;
  /** Another writer's designation, in force from this time on. */
  other?: { at: number; revision: string; epoch: number };
}) {
  let t = 0;
  const restarts: Array<{ revision: string; at: number; withinMs: number }> = [];
  const writes: Array<{ next: { revision: string; epoch: number }; etag: string | undefined }> = [];
  let ensured = 0;
  let failing = false;
  let current: Designation | undefined = o.designation && { ...o.designation, etag: '"0"' };
  const notes: string[] = [];
  const store: TradingStore = {
    readDesignation: async () =>
      o.other && t >= o.other.at
        ? { revision: o.other.revision, epoch: o.other.epoch, etag: '"x"' }
        : current,
    writeDesignation: async (next, etag) => {
      writes.push({ next, etag });
      if (o.conflict) throw new DesignationConflictError('u', 412, etag);
      current = { ...next, etag: `"${writes.length}"` };
      return current;
    },
    ensureLeaseBlob: async () => {
      ensured += 1;
    },
    readLease: async () =>
      o.lease(
        t,
        restarts.map((r) => r.revision),
      ),
  };
  const run = (
    to: string,
    extra: {
      boundMs?: number;
      from?: string;
      designatedAt?: number;
      expected?: { revision: string; epoch: number };
    } = {},
  ) =>
    handOver(
      {
        store,
        restart: async (revision, withinMs) => {
          restarts.push({ revision, at: t, withinMs });
          if (failing) throw new Error('ContainerAppRevisionNotActive');
        },
        now: () => t,
        sleep: async (ms) => {
          t += ms;
        },
        note: (line) => notes.push(line),
      },
      {
        to,
        boundMs: extra.boundMs ?? 60_000,
        graceSeconds: 30,
        ...(extra.from ? { from: extra.from } : {}),
        ...(extra.designatedAt !== undefined ? { designatedAt: extra.designatedAt } : {}),
        ...(extra.expected ? { expected: extra.expected } : {}),
      },
    );
  const failRestarts = () => {
    failing = true;
  };
  return { run, restarts, writes, notes, ensured: () => ensured, now: () => t, failRestarts, store };
}

/** A trades (7) until `stopAt`, is stopped and released until `acquireAt`, then B acquires (8) and trades 300 ms later. */
const orderly =
  (stopAt: number, acquireAt: number) =>
  (t: number): LeaseView => {
    if (t < stopAt)
      return held({ holder: 'a-1', revision: A, epoch: 7, state: 'trading', since: iso(-60_000) });
    if (t < acquireAt)
      return { ...free, holder: 'a-1', revision: A, epoch: 7, state: 'stopped', since: iso(stopAt) };
    if (t < acquireAt + 300)
      return held({ holder: 'b-1', revision: B, epoch: 8, state: 'acquired', since: iso(acquireAt) });
    return held({ holder: 'b-1', revision: B, epoch: 8, state: 'trading', since: iso(acquireAt + 300) });
  };

describe('handOver', () => {
  it('writes (B, n+1) over (A, n) If-Match its ETag, waits for the release and for B to trade', async () => {
    const r = rig({ designation: { revision: A, epoch: 7 }, lease: orderly(1_000, 1_600) });
    const out = await r.run(B);
    expect(r.writes).toEqual([{ next: { revision: B, epoch: 8 }, etag: '"0"' }]);
    expect(out.designation).toEqual({ revision: B, epoch: 8, etag: '"1"' });
    expect(out.handover).toEqual({
      from: A,
      to: B,
      epoch: 8,
      releasedAt: iso(1_000),
      acquiredAt: iso(1_900),
      gapMs: 900,
    });
    expect(JSON.parse(handoverJson(out.handover))).toEqual({
      from: A,
      to: B,
      epoch: 8,
      'released-at': iso(1_000),
      'acquired-at': iso(1_900),
      'gap-ms': 900,
    });
    expect(r.restarts).toEqual([]);
    expect(r.notes[0]).toBe(`designated ${B} (epoch 8) over ${A} (epoch 7)`);
    expect(r.notes.at(-1)).toBe(`${B} trades (epoch 8), gap 900 ms`);
    // One line per change: A trading, A stopped, released, B acquired, B trading, done.
    expect(r.notes).toHaveLength(7);
  });

  it('polls fast after the designation write: a 100 ms stopped and a 60 ms acquired are both seen', async () => {
    // A stops at `at` + 10 ms, between two polls 200 ms apart.
    const quick =
      (at: number) =>
      (t: number): LeaseView => {
        if (t < at + 10) return held({ revision: A, epoch: 7, state: 'trading' });
        if (t < at + 110) return { ...free, revision: A, epoch: 7, state: 'stopped', since: iso(at + 10) };
        if (t < at + 170) return held({ revision: B, epoch: 8, state: 'acquired', since: iso(at + 110) });
        return held({ revision: B, epoch: 8, state: 'trading', since: iso(at + 170) });
      };
    const r = rig({ designation: { revision: A, epoch: 7 }, lease: quick(1_000) });
    expect((await r.run(B)).handover).toMatchObject({ releasedAt: iso(1_010), gapMs: 160 });
    // After the fast window the polls are 200 ms apart again.
    const slow = rig({ designation: { revision: A, epoch: 7 }, lease: quick(5_000) });
    const out = await slow.run(B);
    expect(out.handover.gapMs).toBeUndefined();
    expect(slow.notes.at(-1)).toBe(
      `${B} trades (epoch 8) (the release passed between two polls: no gap observed)`,
    );
  });

  it("without A's stopped: released-at is B's acquired since", async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: (t) =>
        t < 15_000
          ? held({ revision: A, epoch: 7, state: 'trading' })
          : t < 15_400
            ? held({ revision: B, epoch: 8, state: 'acquired', since: iso(15_000) })
            : held({ revision: B, epoch: 8, state: 'trading', since: iso(15_300) }),
    });
    expect((await r.run(B)).handover).toMatchObject({
      releasedAt: iso(15_000),
      acquiredAt: iso(15_300),
      gapMs: 300,
    });
    expect(r.restarts).toEqual([]);
  });

  it('a re-run that finds the handover done writes nothing and goes on from there', async () => {
    const r = rig({
      designation: { revision: B, epoch: 8 },
      lease: () => held({ revision: B, epoch: 8, state: 'trading', since: iso(-5_000) }),
    });
    const out = await r.run(B, { from: A });
    expect(r.writes).toEqual([]);
    expect(out.handover).toEqual({ from: A, to: B, epoch: 8, acquiredAt: iso(-5_000) });
    expect(r.notes[0]).toMatch(/already names app--b \(epoch 8\): going on without a new epoch/);
  });

  it('a re-run that finds it half done (A still holding) waits without a new epoch; from is the holder', async () => {
    const r = rig({ designation: { revision: B, epoch: 8 }, lease: orderly(2_000, 2_500) });
    const out = await r.run(B);
    expect(r.writes).toEqual([]);
    expect(out.handover).toMatchObject({ from: A, epoch: 8, releasedAt: iso(2_000), gapMs: 800 });
  });

  it('restarts A when it has not released 20 s after the designation write, once', async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: (t, restarts) => {
        if (!restarts.includes(A)) return held({ revision: A, epoch: 7, state: 'trading' });
        return t < 22_000 ? free : held({ revision: B, epoch: 8, state: 'trading', since: iso(22_000) });
      },
    });
    await r.run(B);
    expect(r.restarts).toEqual([{ revision: A, at: 20_000, withinMs: 40_000 }]);
    expect(r.notes).toContain(`the lease was not released 20 s after the designation: restarting ${A}`);
  });

  it("counts the release wait from the caller's own designation write when it gives one", async () => {
    const ignoring = (t: number, restarts: string[]) =>
      !restarts.includes(A)
        ? held({ revision: A, epoch: 7, state: 'trading' })
        : held({ revision: B, epoch: 8, state: 'trading', since: iso(t) });
    const caller = rig({ designation: { revision: B, epoch: 8 }, lease: ignoring });
    await caller.run(B, { from: A, designatedAt: -15_000 });
    expect(caller.restarts).toEqual([{ revision: A, at: 5_000, withinMs: 55_000 }]);
    const rerun = rig({ designation: { revision: B, epoch: 8 }, lease: ignoring });
    await rerun.run(B, { from: A });
    expect(rerun.restarts).toEqual([{ revision: A, at: 20_000, withinMs: 40_000 }]);
  });

  it('a failed restart is noted and the wait goes on within the bound', async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: (t) =>
        t < 21_000
          ? held({ revision: A, epoch: 7, state: 'trading' })
          : held({ revision: B, epoch: 8, state: 'trading', since: iso(t) }),
    });
    r.failRestarts();
    await r.run(B);
    expect(r.notes).toContain(`the restart of ${A} failed: ContainerAppRevisionNotActive`);
  });

  it('restarts the revision designated before B when B is refused with 326 for 10 s (a hung A)', async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: (t, restarts) => {
        if (t < 15_000) return held({ revision: A, epoch: 7, state: 'trading' });
        if (t < 15_400) return { ...free, leaseState: 'expired', revision: A, epoch: 7, state: 'trading' };
        if (!restarts.includes(A))
          return held({ revision: B, epoch: 8, state: 'refused', code: 326, since: iso(15_400) });
        return held({ revision: B, epoch: 8, state: 'trading', since: iso(27_000) });
      },
    });
    const out = await r.run(B);
    expect(r.restarts).toEqual([{ revision: A, at: 25_400, withinMs: 34_600 }]);
    expect(out.handover).toMatchObject({ acquiredAt: iso(27_000) });
  });

  it('restarts nothing for another refusal code and fails at the bound with what it saw', async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: (t) =>
        t < 1_000
          ? held({ revision: A, epoch: 7, state: 'trading' })
          : held({ holder: 'b-1', revision: B, epoch: 8, state: 'refused', code: 502, since: iso(1_000) }),
    });
    const error = await r.run(B, { boundMs: 30_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoverError);
    const e = error as HandoverError;
    expect(e.message).toBe(
      `The trading handover to ${B} (epoch 8) did not complete within 30 s waiting for ${B} to trade: the old holder ` +
        `released; last seen: lease leased: b-1 of ${B}, epoch 8, refused 502 since ${iso(1_000)}`,
    );
    expect(e.seen).toMatchObject({ state: 'refused', code: 502 });
    expect(e.designation).toMatchObject({ revision: B, epoch: 8 });
    expect(r.restarts).toEqual([]);
    expect(r.now()).toBeGreaterThanOrEqual(30_000);
    expect(r.now()).toBeLessThan(30_400);
  });

  it("to '' designates nobody and waits for the release only", async () => {
    const r = rig({ designation: { revision: A, epoch: 7 }, lease: orderly(3_000, 999_999) });
    const out = await r.run('');
    expect(r.writes).toEqual([{ next: { revision: '', epoch: 8 }, etag: '"0"' }]);
    expect(out.handover).toEqual({ from: A, to: '', epoch: 8, releasedAt: iso(3_000) });
    expect(r.notes.at(-1)).toBe('nobody trades (epoch 8)');
  });

  it('creates the designation (and the lease blob) when missing', async () => {
    const r = rig({
      lease: (t) => (t < 1_000 ? free : held({ revision: B, epoch: 1, state: 'trading', since: iso(1_000) })),
    });
    const out = await r.run(B);
    expect(r.ensured()).toBe(1);
    expect(r.writes).toEqual([{ next: { revision: B, epoch: 1 }, etag: undefined }]);
    expect(out.handover).toMatchObject({ from: '', to: B, epoch: 1 });
  });

  it("bounds a restart by the handover's remaining bound (an ARM busy retry must not outlast it)", async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: (t, restarts) =>
        !restarts.includes(A)
          ? held({ revision: A, epoch: 7, state: 'trading' })
          : held({ revision: B, epoch: 8, state: 'trading', since: iso(t) }),
    });
    await r.run(B, { boundMs: 55_000 });
    expect(r.restarts).toEqual([{ revision: A, at: 20_000, withinMs: 35_000 }]);
  });

  it('stops within a few polls when another writer changes the designation meanwhile, restarting nothing', async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      // A never releases (it would be restarted at 20 s); another run designates C at 5 s.
      lease: () => held({ holder: 'a-1', revision: A, epoch: 7, state: 'trading' }),
      other: { at: 5_000, revision: 'app--c', epoch: 9 },
    });
    const error = await r.run(B).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesignationChangedError);
    const e = error as DesignationChangedError;
    expect(e.message).toContain(
      `changed under this run: it waited for the handover to ${B} (epoch 8), and another writer designated app--c (epoch 9)`,
    );
    expect(e.handover).toEqual({ from: A, to: B, epoch: 8 });
    expect(r.now()).toBeGreaterThanOrEqual(5_000);
    expect(r.now()).toBeLessThan(5_000 + DESIGNATION_CHECK_MS + 200 + 1);
    expect(r.writes).toHaveLength(1);
    expect(r.restarts).toEqual([]);
  });

  it('a failed read of the designation while waiting is noted and tried again; the handover goes on', async () => {
    const r = rig({ designation: { revision: A, epoch: 7 }, lease: orderly(1_000, 1_600) });
    const store = r.store;
    const read = store.readDesignation.bind(store);
    let reads = 0;
    store.readDesignation = async () => {
      reads += 1;
      if (reads === 2) throw new Error('HTTP 503 ServerBusy');
      return read();
    };
    const out = await r.run(B);
    expect(out.handover).toMatchObject({ to: B, epoch: 8 });
    expect(r.notes).toContain(
      'the designation could not be read again (HTTP 503 ServerBusy); trying at the next check',
    );
  });

  it('reads the designation again before a restart: no restart under another designation', async () => {
    const r = rig({
      designation: { revision: A, epoch: 7 },
      lease: () => held({ holder: 'a-1', revision: A, epoch: 7, state: 'trading' }),
      other: { at: 19_990, revision: 'app--c', epoch: 9 },
    });
    await expect(r.run(B)).rejects.toBeInstanceOf(DesignationChangedError);
    expect(r.restarts).toEqual([]);
  });

  it("with `expected`, another writer's designation found at the start is never written over", async () => {
    const r = rig({ designation: { revision: 'app--c', epoch: 9 }, lease: orderly(1_000, 1_600) });
    const error = await r.run(B, { expected: { revision: A, epoch: 7 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesignationChangedError);
    expect((error as Error).message).toContain(
      `it last saw ${A} (epoch 7), and another writer designated app--c (epoch 9)`,
    );
    expect(r.writes).toEqual([]);
    const same = rig({ designation: { revision: A, epoch: 7 }, lease: orderly(1_000, 1_600) });
    await same.run(B, { expected: { revision: A, epoch: 7 } });
    expect(same.writes).toHaveLength(1);
  });

  it('a lost race throws DesignationConflictError and polls nothing', async () => {
    const r = rig({ designation: { revision: A, epoch: 7 }, conflict: true, lease: () => free });
    await expect(r.run(B)).rejects.toBeInstanceOf(DesignationConflictError);
    expect(r.notes).toEqual([]);
  });
});
