import { describe, expect, it } from '@jest/globals';
import {
  type HandoverObservation,
  handoverBoundMs,
  hasReleased,
  isTrading,
  nextHandoverMove,
  refusedInUseSince,
} from '../../../src/trading/protocol.js';
import type { LeaseView } from '../../../src/trading/types.js';

const A = 'app--a';
const B = 'app--b';
const free: LeaseView = { leaseState: 'available', leaseStatus: 'unlocked', leased: false };
const held = (m: Partial<LeaseView>): LeaseView => ({
  leaseState: 'leased',
  leaseStatus: 'locked',
  leased: true,
  ...m,
});
const expired = (m: Partial<LeaseView>): LeaseView => ({ ...free, leaseState: 'expired', ...m });

describe('hasReleased (designation B, 8 written over A, 7)', () => {
  it.each<[string, LeaseView, boolean]>([
    ['not leased, no metadata', free, true],
    [
      'expired with A trading metadata (a hung A)',
      expired({ revision: A, epoch: 7, state: 'trading' }),
      true,
    ],
    ['A stopped and released', { ...free, revision: A, epoch: 7, state: 'stopped' }, true],
    ['leased by A, stopped (B about to take it)', held({ revision: A, epoch: 7, state: 'stopped' }), true],
    ['leased by B under epoch 8', held({ revision: B, epoch: 8, state: 'acquired' }), true],
    ['leased by A trading under epoch 7', held({ revision: A, epoch: 7, state: 'trading' }), false],
    [
      'leased by A refused under epoch 7',
      held({ revision: A, epoch: 7, state: 'refused', code: 502 }),
      false,
    ],
    ['leased by A acquired under epoch 7', held({ revision: A, epoch: 7, state: 'acquired' }), false],
    ['leased by another revision, stopped', held({ revision: 'app--x', epoch: 6, state: 'stopped' }), false],
    ['leased by B under an old epoch', held({ revision: B, epoch: 5, state: 'trading' }), false],
    ['leased, no metadata', held({}), false],
  ])('%s -> %p', (_, lease, want) => expect(hasReleased(lease, A, 8)).toBe(want));

  it('from nobody: any stopped holder has released', () =>
    expect(hasReleased(held({ revision: 'app--x', epoch: 7, state: 'stopped' }), '', 8)).toBe(true));
});

describe('isTrading (B, 8)', () => {
  it.each<[string, LeaseView, boolean]>([
    ['leased, B, 8, trading', held({ revision: B, epoch: 8, state: 'trading' }), true],
    ['not leased, B, 8, trading (expired)', expired({ revision: B, epoch: 8, state: 'trading' }), false],
    ['leased, B, 7, trading', held({ revision: B, epoch: 7, state: 'trading' }), false],
    ['leased, A, 8, trading', held({ revision: A, epoch: 8, state: 'trading' }), false],
    ['leased, B, 8, acquired', held({ revision: B, epoch: 8, state: 'acquired' }), false],
    ['leased, B, 8, refused', held({ revision: B, epoch: 8, state: 'refused', code: 326 }), false],
  ])('%s -> %p', (_, lease, want) => expect(isTrading(lease, B, 8)).toBe(want));
});

describe('handoverBoundMs', () => {
  it.each<[number | undefined, number, number]>([
    [undefined, 30, 60_000],
    [undefined, 0, 60_000],
    [undefined, 60, 85_000],
    [120_000, 30, 120_000],
    [30_000, 30, 55_000],
    [10_000, 0, 25_000],
    [25_000, 0, 25_000],
  ])('input %p, grace %p s -> %p ms', (input, grace, want) =>
    expect(handoverBoundMs(input, grace)).toBe(want),
  );
});

describe('refusedInUseSince', () => {
  const refused = held({ revision: B, epoch: 8, state: 'refused', code: 326 });
  it.each<[string, number | undefined, LeaseView, number | undefined]>([
    ['first sight starts the clock', undefined, refused, 1000],
    ['a lasting refusal keeps it', 400, refused, 400],
    ['another code is not it', 400, held({ revision: B, epoch: 8, state: 'refused', code: 502 }), undefined],
    ['trading ends it', 400, held({ revision: B, epoch: 8, state: 'trading' }), undefined],
    [
      'an old epoch is not it',
      undefined,
      held({ revision: B, epoch: 7, state: 'refused', code: 326 }),
      undefined,
    ],
    ['not leased is not it', 400, { ...refused, leased: false, leaseState: 'expired' }, undefined],
  ])('%s', (_, prev, lease, want) => expect(refusedInUseSince(prev, lease, B, 8, 1000)).toBe(want));
});

describe('nextHandoverMove', () => {
  const base: HandoverObservation = {
    now: 0,
    from: A,
    to: B,
    epoch: 8,
    lease: held({ revision: A, epoch: 7, state: 'trading' }),
    designatedAt: 0,
    startedAt: 0,
    boundMs: 60_000,
    released: false,
    restartedOld: false,
    restartedPrevious: false,
  };
  const at = (now: number, o: Partial<HandoverObservation> = {}) => nextHandoverMove({ ...base, now, ...o });
  const trading = held({ revision: B, epoch: 8, state: 'trading' });
  const refused326 = held({ revision: B, epoch: 8, state: 'refused', code: 326 });

  it.each<[string, number, Partial<HandoverObservation>, string]>([
    ['A still trades at 1 s: wait', 1_000, {}, 'wait'],
    ['A still trades at 19.9 s: wait', 19_900, {}, 'wait'],
    ['A still trades 20 s after the designation write: restart A', 20_000, {}, 'restart-old'],
    ['the release wait counts from the write, not the start', 20_000, { designatedAt: 1_000 }, 'wait'],
    ['A restarted once: not again', 30_000, { restartedOld: true }, 'wait'],
    [
      'released at an earlier poll (B acquiring): no restart',
      25_000,
      { released: true, lease: held({ revision: A, epoch: 7, state: 'trading' }) },
      'wait',
    ],
    ['not leased at 25 s: released, wait for B', 25_000, { lease: free }, 'wait'],
    ['B trades: done', 3_000, { lease: trading }, 'done'],
    ['B trades after the bound would have run out: still done', 70_000, { lease: trading }, 'done'],
    ['bound runs out: timeout', 60_000, { lease: free, released: true }, 'timeout'],
    ['bound counts from the start', 60_000, { lease: free, released: true, startedAt: 5_000 }, 'wait'],
    ['B refused 326 for 9.9 s: wait', 19_900, { lease: refused326, refusedInUseSince: 10_000 }, 'wait'],
    [
      'B refused 326 for 10 s: restart the previous revision',
      20_000,
      { lease: refused326, refusedInUseSince: 10_000 },
      'restart-previous',
    ],
    [
      'B refused 326, previous already restarted: wait',
      40_000,
      { lease: refused326, refusedInUseSince: 10_000, restartedPrevious: true },
      'wait',
    ],
    ['B refused 326 but the clock not started: wait', 40_000, { lease: refused326 }, 'wait'],
    [
      'B refused 502 (gateway down) for 30 s: no restart',
      40_000,
      { lease: held({ revision: B, epoch: 8, state: 'refused', code: 502 }), refusedInUseSince: 10_000 },
      'wait',
    ],
    [
      'B refused 502 until the bound: timeout',
      60_000,
      { lease: held({ revision: B, epoch: 8, state: 'refused', code: 502 }) },
      'timeout',
    ],
    ['B acquired: wait', 5_000, { lease: held({ revision: B, epoch: 8, state: 'acquired' }) }, 'wait'],
    ['to nobody: A trading -> wait', 5_000, { to: '' }, 'wait'],
    [
      'to nobody: A stopped -> done',
      5_000,
      { to: '', lease: held({ revision: A, epoch: 7, state: 'stopped' }) },
      'done',
    ],
    ['to nobody: lease free -> done', 5_000, { to: '', lease: free }, 'done'],
    ['to nobody: A ignores for 20 s -> restart A', 20_000, { to: '' }, 'restart-old'],
    ['to nobody: bound -> timeout', 60_000, { to: '', restartedOld: true }, 'timeout'],
    ['re-run finding the handover done: done', 0, { lease: trading }, 'done'],
    [
      're-run finding B acquired (half done): wait',
      0,
      { lease: held({ revision: B, epoch: 8, state: 'acquired' }) },
      'wait',
    ],
  ])('%s', (_, now, o, want) => expect(at(now, o)).toBe(want));
});
