import { describe, expect, it } from '@jest/globals';
import { throttleDelay, type Throttled } from '../../../src/azure/blob.js';

const NOW = Date.parse('2026-12-08T02:00:00.000Z');
const base: Throttled = {
  status: 429,
  attempt: 1,
  now: NOW,
  maxTries: 3,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 2_000,
};

describe('throttleDelay (429: the storage SDK hands it back untried)', () => {
  it.each<[string, Partial<Throttled>, number | undefined]>([
    ['Retry-After in seconds', { retryAfter: '1' }, 1_000],
    ['Retry-After as an HTTP date', { retryAfter: new Date(NOW + 1_500).toUTCString() }, 1_000],
    ['no Retry-After: the exponential delay of the try', { attempt: 2 }, 400],
    ['a Retry-After past the longest delay waits the longest delay', { retryAfter: '30' }, 2_000],
    ['a Retry-After not understood: the exponential delay', { retryAfter: 'soon' }, 200],
    ['the last try: given up', { attempt: 3, retryAfter: '1' }, undefined],
    ['a wait that ends past the deadline: given up', { retryAfter: '1', deadline: NOW + 999 }, undefined],
    ['a wait that ends at the deadline', { retryAfter: '1', deadline: NOW + 1_000 }, 1_000],
    ['503 is the SDK policy’s (not this one’s)', { status: 503, retryAfter: '1' }, undefined],
    ['500 is the SDK policy’s', { status: 500 }, undefined],
    ['a success', { status: 201 }, undefined],
    ['a lost condition', { status: 412 }, undefined],
  ])('%s', (_, over, want) => expect(throttleDelay({ ...base, ...over })).toBe(want));
});
