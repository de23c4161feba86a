import { describe, expect, it } from '@jest/globals';
import { DesignationConflictError } from '../../../src/trading/errors.js';
import { isOwnWrite, leaseViewOf, parseDesignation } from '../../../src/trading/store.js';

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

describe('isOwnWrite (a lost condition on a blob that holds what was written: the SDK retried a landed write)', () => {
  it.each([
    ['the same revision and epoch', { revision: 'app--b', epoch: 4 }, true],
    ['nobody, same epoch', { revision: '', epoch: 4 }, false],
    ['another revision, same epoch', { revision: 'app--c', epoch: 4 }, false],
    ['the same revision, another epoch', { revision: 'app--b', epoch: 5 }, false],
  ])('%s', (_, found, want) => expect(isOwnWrite(found, { revision: 'app--b', epoch: 4 })).toBe(want));
});

describe('DesignationConflictError', () => {
  const url = 'https://x/c/app/designation';
  it('names the other writer and says the run touches nothing more', () =>
    expect(
      new DesignationConflictError(url, 409, undefined, { revision: 'app--c', epoch: 1, etag: '"f"' })
        .message,
    ).toBe(
      `The trading designation ${url} was created by another writer meanwhile (HTTP 409): it now designates ` +
        'app--c (epoch 1); nothing was written. This run touches nothing more (no restart, no designation write, ' +
        'no traffic restore): find who else deploys or rolls back this app, then check the designation and the ' +
        'lease (blue-green status)',
    ));
  it('a changed designation names the ETag read and what it designates now', () =>
    expect(
      new DesignationConflictError(url, 412, '"e"', { revision: '', epoch: 7, etag: '"f"' }).message,
    ).toMatch(
      /changed since it was read \(ETag "e", HTTP 412\): it now designates nobody \(''\) \(epoch 7\); nothing was written\. /,
    ));
  it('without a read after the lost write, it says what it knows', () =>
    expect(new DesignationConflictError(url, 412, '"e"').message).toMatch(
      /changed since it was read \(ETag "e", HTTP 412\); nothing was written\. /,
    ));
});
