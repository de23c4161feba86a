// The trading store on the simulator's Azurite (HTTPS with the simulator's CA, bearer tokens of its Entra through
// the run's OIDC credential): designation reads and conditional writes, the lease view as a holder leaves it
// (metadata, lease state), a missing blob.
import { describe, expect, it } from '@jest/globals';
import { parseTradingLease } from '../../../src/trading/lease-url.js';
import { DesignationConflictError } from '../../../src/trading/errors.js';
import { tradingStore } from '../../../src/trading/store.js';
import { readTradingStatus } from '../../../src/trading/status.js';
import type { ManagedTradingLease } from '../../../src/trading/types.js';
import { useSimStorage } from '../../support/sim-storage.js';

const azurite = useSimStorage();

const setting = (app: string) => parseTradingLease(azurite.sim.tradingLeaseUrl(app)) as ManagedTradingLease;
const storeOf = (app: string) => tradingStore(setting(app), azurite.credential, azurite.tls);

describe("tradingStore on the simulator's Azurite", () => {
  it('a missing designation reads undefined and a missing lease blob reads not leased', async () => {
    const store = storeOf('missing');
    expect(await store.readDesignation()).toBeUndefined();
    expect(await store.readLease()).toEqual({
      leaseState: 'available',
      leaseStatus: 'unlocked',
      leased: false,
    });
  });

  it('trusts the emulator only through tlsOptions (no TLS option: the certificate is refused)', async () => {
    const untrusting = tradingStore(setting('tls'), azurite.credential, { retry: { maxTries: 1 } });
    await expect(untrusting.readDesignation()).rejects.toThrow(/certificate/i);
  });

  it('creates the designation once (If-None-Match *), then writes only If-Match the ETag read', async () => {
    const store = storeOf('writes');
    const first = await store.writeDesignation({ revision: 'app--a', epoch: 1 }, undefined);
    expect(await store.readDesignation()).toEqual(first);
    await expect(store.writeDesignation({ revision: 'app--x', epoch: 1 }, undefined)).rejects.toBeInstanceOf(
      DesignationConflictError,
    );
    const second = await store.writeDesignation({ revision: 'app--b', epoch: 2 }, first.etag);
    expect(second.etag).not.toBe(first.etag);
    // A writer that read before the second write loses, and overwrites nothing.
    const lost = await store
      .writeDesignation({ revision: 'app--c', epoch: 2 }, first.etag)
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(DesignationConflictError);
    expect((lost as DesignationConflictError).status).toBe(412);
    expect(await store.readDesignation()).toEqual({ revision: 'app--b', epoch: 2, etag: second.etag });
  });

  it('reads the lease state and the holder metadata; ensureLeaseBlob leaves an existing blob alone', async () => {
    const store = storeOf('lease');
    await store.ensureLeaseBlob();
    const blob = azurite.service.getContainerClient('trading').getBlockBlobClient('lease/lease');
    const lease = blob.getBlobLeaseClient();
    await lease.acquireLease(15);
    await blob.setMetadata(
      {
        holder: 'app--b-r1',
        revision: 'app--b',
        epoch: '2',
        state: 'refused',
        code: '326',
        since: '2026-12-07T23:00:00.000Z',
      },
      { conditions: { leaseId: lease.leaseId } },
    );
    await store.ensureLeaseBlob();
    expect(await store.readLease()).toEqual({
      leaseState: 'leased',
      leaseStatus: 'locked',
      leased: true,
      holder: 'app--b-r1',
      revision: 'app--b',
      epoch: 2,
      state: 'refused',
      code: 326,
      since: '2026-12-07T23:00:00.000Z',
    });
    expect(await readTradingStatus(store)).toMatchObject({ lease: { leased: true, state: 'refused' } });
    expect((await readTradingStatus(store)).designation).toBeUndefined();
    await lease.releaseLease();
    expect(await store.readLease()).toMatchObject({
      leaseState: 'available',
      leased: false,
      state: 'refused',
    });
  });
});
