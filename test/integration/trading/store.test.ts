// The trading store on the simulator's Azurite (HTTPS with the simulator's CA, bearer tokens of its Entra through
// the run's OIDC credential): designation reads and conditional writes, the lease view as a holder leaves it
// (metadata, lease state), a missing blob; and through the storage proxy's faults: a write that landed but whose
// answer was lost (the SDK's retry then fails its condition on our own write), another writer's designation between
// the read and the write, throttling (429, 503 ServerBusy, 500) retried within the tries and the deadline.
import { afterEach, describe, expect, it } from '@jest/globals';
import { parseTradingLease } from '../../../src/trading/lease-url.js';
import { DesignationConflictError } from '../../../src/trading/errors.js';
import { handOver } from '../../../src/trading/handover.js';
import { tradingStore, type TradingStoreOptions } from '../../../src/trading/store.js';
import { readTradingStatus } from '../../../src/trading/status.js';
import type { ManagedTradingLease, TradingStore } from '../../../src/trading/types.js';
import type { FaultRule } from '../../../sim/types.js';
import { useSimStorage } from '../../support/sim-storage.js';

const azurite = useSimStorage();

const setting = (app: string) => parseTradingLease(azurite.sim.tradingLeaseUrl(app)) as ManagedTradingLease;
const storeOf = (app: string, o: TradingStoreOptions = {}) =>
  tradingStore(setting(app), azurite.credential, { ...azurite.tls, ...o });
/** The designation blob as another writer (another run) writes it. */
const otherWriter = (app: string) =>
  azurite.service.getContainerClient('trading').getBlockBlobClient(`${app}/designation`);
const designationPath = (app: string) =>
  `^${new URL(azurite.sim.tradingLeaseUrl(app)).pathname}/designation$`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Storage rules on the designation's PUTs; returns a function that tells how many PUTs reached the proxy. */
function onDesignationPuts(app: string, rules: Array<Partial<FaultRule>>): () => number {
  const path = designationPath(app);
  const ids = rules.map((r) =>
    azurite.sim.faults.add({ service: 'storage', method: 'PUT', path, ...r } as FaultRule),
  );
  const counter = azurite.sim.faults.add({
    service: 'storage',
    method: 'PUT',
    path,
    kind: 'latency',
    latencyMs: 1,
  });
  added.push(...ids, counter);
  return () => azurite.sim.faults.list('storage').find((r) => r.id === counter)?.hits ?? 0;
}
const added: number[] = [];
afterEach(() => {
  for (const id of added.splice(0)) azurite.sim.faults.remove(id);
});

/**
 * A write that reaches Azurite, whose answer is then lost: the connection is reset (storage unreachable for a
 * moment) before the answer leaves. The SDK tries again; its retry's condition fails on the write that landed.
 */
const answerLost: Partial<FaultRule> = {
  kind: 'kill',
  times: 1,
  kill: async () => {
    azurite.sim.faults.add({
      service: 'storage',
      method: '*',
      path: '',
      kind: 'unreachable',
      durationMs: 30,
    });
    await sleep(100);
  },
};
/** Retries enough to outlast the moment of unreachable storage (the SDK's first retry is immediate). */
const RETRIES: TradingStoreOptions = { retry: { maxTries: 4, retryDelayInMs: 100 } };

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

describe('a retried write that had landed is ours', () => {
  it('an update (If-Match) whose answer was lost: the retry gets 412, the blob holds our write', async () => {
    const store = storeOf('landed-update', RETRIES);
    const first = await store.writeDesignation({ revision: 'app--a', epoch: 1 }, undefined);
    const puts = onDesignationPuts('landed-update', [answerLost]);
    const wrote = await store.writeDesignation({ revision: 'app--b', epoch: 2 }, first.etag);
    expect(puts()).toBe(2); // the write that landed, and the SDK's retry that failed its condition
    expect(wrote).toMatchObject({ revision: 'app--b', epoch: 2 });
    expect(await store.readDesignation()).toEqual(wrote);
  });

  it('a create (If-None-Match *) whose answer was lost: the retry gets 409, the blob holds our write', async () => {
    const store = storeOf('landed-create', RETRIES);
    const puts = onDesignationPuts('landed-create', [answerLost]);
    const wrote = await store.writeDesignation({ revision: 'app--a', epoch: 1 }, undefined);
    expect(puts()).toBe(2);
    expect(wrote).toMatchObject({ revision: 'app--a', epoch: 1 });
    expect(await store.readDesignation()).toEqual(wrote);
  });

  it('a lost answer over another writer: still a conflict, naming what the blob holds', async () => {
    const store = storeOf('landed-other', RETRIES);
    const first = await store.writeDesignation({ revision: 'app--a', epoch: 1 }, undefined);
    // The write lands; before our retry another writer designates over it.
    onDesignationPuts('landed-other', [
      {
        kind: 'kill',
        times: 1,
        kill: async () => {
          const body = JSON.stringify({ revision: 'app--c', epoch: 3 });
          await otherWriter('landed-other').upload(body, body.length);
          await answerLost.kill!();
        },
      },
    ]);
    const lost = await store
      .writeDesignation({ revision: 'app--b', epoch: 2 }, first.etag)
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(DesignationConflictError);
    expect(lost).toMatchObject({ status: 412, found: { revision: 'app--c', epoch: 3 } });
  });
});

describe('another writer between the read and the write', () => {
  it("a create that finds the blob created meanwhile names the other writer's designation", async () => {
    const store = storeOf('appeared');
    expect(await store.readDesignation()).toBeUndefined();
    const body = JSON.stringify({ revision: 'app--x', epoch: 1 });
    await otherWriter('appeared').upload(body, body.length);
    const lost = await store
      .writeDesignation({ revision: 'app--b', epoch: 1 }, undefined)
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(DesignationConflictError);
    expect(lost).toMatchObject({ status: 409, found: { revision: 'app--x', epoch: 1 } });
    expect((lost as Error).message).toMatch(
      /was created by another writer meanwhile \(HTTP 409\): it now designates app--x \(epoch 1\); nothing was written\. This run touches nothing more/,
    );
    expect(await store.readDesignation()).toMatchObject({ revision: 'app--x', epoch: 1 });
  });

  it('handOver stops there: no restart, nothing written over the other designation', async () => {
    const real = storeOf('appeared-handover');
    // The other writer creates the designation after handOver read "none", before its create.
    const store: TradingStore = {
      ...real,
      ensureLeaseBlob: async () => {
        await real.ensureLeaseBlob();
        const body = JSON.stringify({ revision: 'app--x', epoch: 1 });
        await otherWriter('appeared-handover').upload(body, body.length);
      },
    };
    const restarts: string[] = [];
    const notes: string[] = [];
    const lost = await handOver(
      {
        store,
        restart: async (revision) => void restarts.push(revision),
        now: Date.now,
        sleep,
        note: (line) => notes.push(line),
      },
      { to: 'app--b', boundMs: 30_000, graceSeconds: 30 },
    ).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(DesignationConflictError);
    expect(lost).toMatchObject({ found: { revision: 'app--x', epoch: 1 } });
    expect(restarts).toEqual([]);
    expect(await real.readDesignation()).toMatchObject({ revision: 'app--x', epoch: 1 });
  });
});

describe('throttling is retried within the tries and the deadline', () => {
  it.each<[string, Partial<FaultRule>]>([
    ['503 ServerBusy', { kind: 'status', status: 503, times: 2 }],
    ['500 OperationTimedOut', { kind: 'status', status: 500, times: 2 }],
    ['a reset connection', { kind: 'reset', times: 2 }],
    ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: 1, times: 2 }],
  ])('%s, twice: the write succeeds', async (name, rule) => {
    const app = `throttled-${name.split(' ')[0].toLowerCase()}`;
    const store = storeOf(app);
    const puts = onDesignationPuts(app, [rule]);
    const started = Date.now();
    expect(await store.writeDesignation({ revision: 'app--a', epoch: 1 }, undefined)).toMatchObject({
      revision: 'app--a',
      epoch: 1,
    });
    expect(puts()).toBe(3);
    if (rule.status === 429) expect(Date.now() - started).toBeGreaterThanOrEqual(1_900); // Retry-After honoured
  });

  it('429 is not waited on past the deadline: the caller sees it at once', async () => {
    const store = storeOf('throttled-deadline', { deadline: Date.now() + 500 });
    onDesignationPuts('throttled-deadline', [{ kind: 'status', status: 429, retryAfter: 1 }]);
    const started = Date.now();
    const failed = await store
      .writeDesignation({ revision: 'app--a', epoch: 1 }, undefined)
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ statusCode: 429 });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('429 past the tries: the caller sees it, after the tries', async () => {
    const store = storeOf('throttled-always');
    const puts = onDesignationPuts('throttled-always', [{ kind: 'status', status: 429, retryAfter: 0 }]);
    const failed = await store
      .writeDesignation({ revision: 'app--a', epoch: 1 }, undefined)
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ statusCode: 429 });
    expect(puts()).toBe(3);
  });
});
