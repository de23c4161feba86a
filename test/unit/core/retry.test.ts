// The one retry loop, table-driven on a fake clock: the pure decisions (delayMs, nextPause) and the loops over
// them (retry for thrown errors, poll for steps that say whether they are done).
import { describe, expect, it } from '@jest/globals';
import { PUSH_RETRY } from '../../../src/build/plan.js';
import { delayMs, nextPause, poll, retry, type RetryPolicy } from '../../../src/core/retry.js';
import { DEFAULT_BACKOFF } from '../../../src/smoke/ready.js';

describe('delayMs', () => {
  it.each([
    ['constant', { firstMs: 2000 }, [2000, 2000, 2000]],
    ['doubling (a push)', PUSH_RETRY.delay, [2000, 4000, 8000]],
    ['rounded, capped (wait-ready)', DEFAULT_BACKOFF, [250, 400, 640, 1024, 1638, 2621, 4194, 5000, 5000]],
    ['zero', { firstMs: 0, factor: 2 }, [0, 0]],
  ])('%s', (_name, backoff, want) => {
    expect(want.map((_, i) => delayMs(backoff, i + 1))).toEqual(want);
  });
});

describe('nextPause', () => {
  const delay = { firstMs: 1000 };
  it.each<[string, RetryPolicy, number, number, number | undefined]>([
    ['attempts left', { attempts: 3, delay }, 1, 0, 1000],
    ['attempts left, the second', { attempts: 3, delay }, 2, 0, 1000],
    ['attempts spent', { attempts: 3, delay }, 3, 0, undefined],
    ['one attempt only', { attempts: 1, delay }, 1, 0, undefined],
    ['no bound at all', { delay }, 99, 1e9, 1000],
    ['before the deadline, not shortened', { delay, deadlineMs: 5000 }, 4, 4999, 1000],
    ['at the deadline: stop', { delay, deadlineMs: 5000 }, 5, 5000, undefined],
    ['attempts spent before the deadline', { attempts: 2, delay, deadlineMs: 5000 }, 2, 10, undefined],
    [
      'reserve: the pause ends at the deadline less it',
      { delay, deadlineMs: 5000, reserveMs: 200 },
      3,
      4000,
      800,
    ],
    ['reserve: exactly the reserve left', { delay, deadlineMs: 5000, reserveMs: 200 }, 3, 4800, 0],
    ['reserve: less than it left, stop', { delay, deadlineMs: 5000, reserveMs: 200 }, 3, 4801, undefined],
    ['reserve 0: the pause ends at the deadline', { delay, deadlineMs: 5000, reserveMs: 0 }, 3, 4500, 500],
    ['reserve 0: at the deadline, no pause', { delay, deadlineMs: 5000, reserveMs: 0 }, 3, 5000, 0],
    ['reserve 0: past it, stop', { delay, deadlineMs: 5000, reserveMs: 0 }, 3, 5001, undefined],
  ])('%s', (_name, policy, attempt, elapsed, want) => {
    expect(nextPause(policy, attempt, elapsed)).toBe(want);
  });
});

/** A fake clock: sleeping advances it, each attempt takes `attemptMs`. */
function fakeClock(attemptMs = 10) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    clock: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)) },
    work: () => (now += attemptMs),
    sleeps,
  };
}

class Transient extends Error {}

describe('retry', () => {
  const delay = { firstMs: 100, factor: 2 };
  it.each<[string, RetryPolicy, Array<'ok' | 'transient' | 'refusal'>, string, number, number[]]>([
    ['succeeds at once', { attempts: 3, delay }, ['ok'], 'ok', 1, []],
    ['retries a transient failure', { attempts: 3, delay }, ['transient', 'ok'], 'ok', 2, [100]],
    [
      'retries twice, backing off',
      { attempts: 3, delay },
      ['transient', 'transient', 'ok'],
      'ok',
      3,
      [100, 200],
    ],
    [
      'gives up after the attempts',
      { attempts: 3, delay },
      ['transient', 'transient', 'transient', 'ok'],
      'Transient',
      3,
      [100, 200],
    ],
    ['never retries a refusal', { attempts: 5, delay }, ['refusal', 'ok'], 'Refusal', 1, []],
    // Deadline without a reserve: stop once it has passed; the last pause may run past it.
    [
      'gives up at the deadline',
      { delay: { firstMs: 40 }, deadlineMs: 100 },
      Array(9).fill('transient'),
      'Transient',
      3,
      [40, 40],
    ],
    [
      'every error retries without retryOn',
      { attempts: 2, delay, retryOn: undefined },
      ['refusal', 'ok'],
      'ok',
      2,
      [100],
    ],
  ])('%s', async (_name, policy, script, want, calls, sleeps) => {
    const c = fakeClock(10);
    const heard: string[] = [];
    let n = 0;
    const run = retry(
      async ({ attempt }) => {
        expect(attempt).toBe(n + 1);
        c.work();
        const next = script[n++];
        if (next === 'transient') throw new Transient('Transient');
        if (next === 'refusal') throw new Error('Refusal');
        return 'ok';
      },
      { retryOn: (e) => e instanceof Transient, ...policy },
      c.clock,
      (e, attempt, pause) => heard.push(`${attempt} ${pause} ${e.message}`),
    );
    if (want === 'ok') await expect(run).resolves.toBe('ok');
    else await expect(run).rejects.toThrow(want);
    expect(n).toBe(calls);
    expect(c.sleeps).toEqual(sleeps);
    expect(heard).toEqual(
      sleeps.map((ms, i) => `${i + 1} ${ms} ${script[i] === 'refusal' ? 'Refusal' : 'Transient'}`),
    );
  });
});

describe('poll', () => {
  it.each<
    [string, RetryPolicy, number, { done: boolean; attempts: number; sleeps: number[]; remaining: number[] }]
  >([
    [
      'done on the third step',
      { delay: { firstMs: 100 } },
      3,
      { done: true, attempts: 3, sleeps: [100, 100], remaining: [Infinity, Infinity, Infinity] },
    ],
    [
      'never done: the last state at the deadline',
      { delay: { firstMs: 100 }, deadlineMs: 250, reserveMs: 0 },
      99,
      { done: false, attempts: 4, sleeps: [100, 100, 20], remaining: [250, 140, 30, 0] },
    ],
    [
      'never done: the reserve ends it early',
      { delay: { firstMs: 100 }, deadlineMs: 250, reserveMs: 50 },
      99,
      { done: false, attempts: 3, sleeps: [100, 80], remaining: [250, 140, 50] },
    ],
  ])('%s', async (_name, policy, doneAt, want) => {
    const c = fakeClock(10);
    const remaining: number[] = [];
    const polled = await poll(
      async ({ attempt, startedAt, remainingMs }) => {
        expect(startedAt).toBe(1_000_000);
        remaining.push(remainingMs);
        c.work();
        return attempt >= doneAt
          ? { done: true, value: `done ${attempt}` }
          : { done: false, state: `wait ${attempt}` };
      },
      policy,
      c.clock,
    );
    expect(polled).toEqual(
      want.done
        ? { done: true, value: `done ${want.attempts}`, attempts: want.attempts }
        : { done: false, state: `wait ${want.attempts}`, attempts: want.attempts },
    );
    expect(c.sleeps).toEqual(want.sleeps);
    expect(remaining.slice(0, want.attempts)).toEqual(want.remaining);
  });

  it('a step that throws ends the poll with its error', async () => {
    const c = fakeClock();
    await expect(
      poll(async () => Promise.reject(new Error('revision failed')), { delay: { firstMs: 1 } }, c.clock),
    ).rejects.toThrow('revision failed');
    expect(c.sleeps).toEqual([]);
  });
});
