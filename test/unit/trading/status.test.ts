import { describe, expect, it } from '@jest/globals';
import { tradingStatusLines } from '../../../src/trading/status.js';

describe('tradingStatusLines', () => {
  it('designation, epoch, holder, state and lease state', () =>
    expect(
      tradingStatusLines({
        designation: { revision: 'app--b', epoch: 8, etag: 'e' },
        lease: {
          leaseState: 'leased',
          leaseStatus: 'locked',
          leased: true,
          holder: 'app--b-x',
          revision: 'app--b',
          epoch: 8,
          state: 'trading',
          since: '2026-12-07T23:00:00.000Z',
        },
      }),
    ).toEqual([
      'designation: app--b, epoch 8',
      'lease: leased (locked)',
      'holder: app--b-x of app--b, epoch 8, state trading since 2026-12-07T23:00:00.000Z',
    ]));
  it('no designation, no holder', () =>
    expect(
      tradingStatusLines({ lease: { leaseState: 'available', leaseStatus: 'unlocked', leased: false } }),
    ).toEqual([
      'designation: none (the designation blob does not exist)',
      'lease: available (unlocked)',
      'holder: none',
    ]));
  it('nobody designated, the last holder stopped; a holder not matching the designation is flagged', () => {
    expect(
      tradingStatusLines({
        designation: { revision: '', epoch: 9, etag: 'e' },
        lease: {
          leaseState: 'expired',
          leaseStatus: 'unlocked',
          leased: false,
          holder: 'h',
          revision: 'app--b',
          epoch: 8,
          state: 'stopped',
        },
      }),
    ).toEqual([
      "designation: nobody (''), epoch 9",
      'lease: expired (unlocked)',
      'last holder: h of app--b, epoch 8, state stopped',
    ]);
    expect(
      tradingStatusLines({
        designation: { revision: 'app--b', epoch: 8, etag: 'e' },
        lease: {
          leaseState: 'leased',
          leaseStatus: 'locked',
          leased: true,
          holder: 'h',
          revision: 'app--a',
          epoch: 7,
          state: 'refused',
          code: 502,
        },
      }).slice(2),
    ).toEqual([
      'holder: h of app--a, epoch 7, state refused 502',
      'warning: the lease is held under app--a epoch 7, not the designation',
    ]);
  });
});
