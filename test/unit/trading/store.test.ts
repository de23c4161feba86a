import { describe, expect, it } from '@jest/globals';
import { leaseViewOf, parseDesignation } from '../../../src/trading/store.js';

describe('leaseViewOf', () => {
  it('a missing blob reads as not leased, no metadata', () =>
    expect(leaseViewOf({})).toEqual({ leaseState: 'available', leaseStatus: 'unlocked', leased: false }));
  it('reads the metadata whatever the key casing', () =>
    expect(
      leaseViewOf({
        leaseState: 'leased',
        leaseStatus: 'locked',
        metadata: {
          Holder: 'app--b-7d9f',
          REVISION: 'app--b',
          epoch: '8',
          State: 'refused',
          code: '326',
          since: '2026-12-07T23:00:00.000Z',
        },
      }),
    ).toEqual({
      leaseState: 'leased',
      leaseStatus: 'locked',
      leased: true,
      holder: 'app--b-7d9f',
      revision: 'app--b',
      epoch: 8,
      state: 'refused',
      code: 326,
      since: '2026-12-07T23:00:00.000Z',
    }));
  it.each(['expired', 'broken', 'breaking', 'available'])('%p is not leased', (leaseState) =>
    expect(leaseViewOf({ leaseState, leaseStatus: 'unlocked' }).leased).toBe(false),
  );
  it('drops an unknown state and a non-numeric epoch', () =>
    expect(
      leaseViewOf({ leaseState: 'leased', metadata: { state: 'dancing', epoch: 'x', revision: 'r' } }),
    ).toEqual({
      leaseState: 'leased',
      leaseStatus: 'unlocked',
      leased: true,
      revision: 'r',
    }));
});

describe('parseDesignation', () => {
  it.each([
    ['{"revision":"app--b","epoch":8}', { revision: 'app--b', epoch: 8, etag: '"e"' }],
    ['{"revision":"","epoch":0}', { revision: '', epoch: 0, etag: '"e"' }],
  ])('%p', (text, want) => expect(parseDesignation('u', text, '"e"')).toEqual(want));
  it.each([
    '',
    'null',
    '{"revision":"a"}',
    '{"revision":1,"epoch":1}',
    '{"revision":"a","epoch":1.5}',
    '{"revision":"a","epoch":-1}',
  ])('%p is refused, naming the blob', (text) =>
    expect(() => parseDesignation('https://x/c/app/designation', text, '"e"')).toThrow(
      /^The trading designation https:\/\/x\/c\/app\/designation does not hold/,
    ),
  );
});
