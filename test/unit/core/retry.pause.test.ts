// The pause a retry takes beside the back-off's: jitter (a random factor, for runs that collided) and the pause an
// attempt asks for (a server's Retry-After), still within the policy's bounds.
import { describe, expect, it } from '@jest/globals';
import { delayMs, nextPause, poll, type RetryPolicy } from '../../../src/core/retry.js';

describe('delayMs with jitter', () => {
  it.each([
    ['no jitter: the random draw is not used', { firstMs: 500 }, 0.99, 500],
    ['jitter 1, the least draw: half', { firstMs: 500, jitter: 1 }, 0, 250],
    ['jitter 1, a middle draw: the pause itself', { firstMs: 500, jitter: 1 }, 0.5, 500],
    ['jitter 1, near the top: one and a half times', { firstMs: 500, jitter: 1 }, 0.999, 749.5],
    ['jitter 0.2 spreads 10% either way', { firstMs: 1000, jitter: 0.2 }, 0, 900],
    ['the cap applies before the spread', { firstMs: 1000, factor: 10, maxMs: 2000, jitter: 1 }, 1, 3000],
  ])('%s', (_what, backoff, draw, want) => {
    expect(delayMs(backoff, 2, () => draw)).toBeCloseTo(want, 6);
  });
});

describe('nextPause with an asked pause', () => {
  const delay = { firstMs: 1000 };
  it.each<[string, RetryPolicy, number | undefined, number | undefined]>([
    ['none asked: the back-off', { delay }, undefined, 1000],
    ['asked: instead of the back-off', { delay }, 3000, 3000],
    ['asked zero', { delay }, 0, 0],
    ['asked, attempts spent: stop', { attempts: 1, delay }, 3000, undefined],
    ['asked, cut at the deadline less the reserve', { delay, deadlineMs: 5000, reserveMs: 0 }, 9000, 4000],
  ])('%s', (_what, policy, asked, want) => {
    expect(nextPause(policy, 1, 1000, asked)).toBe(want);
  });
});

it('poll takes the pause each step asks for, else the back-off', async () => {
  const slept: number[] = [];
  const asked = [1500, undefined, 40];
  const polled = await poll<string, number>(
    async ({ attempt }) =>
      attempt > asked.length
        ? { done: true, value: 'done' }
        : { done: false, state: attempt, pauseMs: asked[attempt - 1] },
    { delay: { firstMs: 100, factor: 2 } },
    { now: () => 0, sleep: async (ms) => void slept.push(ms) },
  );
  expect(polled).toEqual({ done: true, value: 'done', attempts: 4 });
  expect(slept).toEqual([1500, 200, 40]);
});
