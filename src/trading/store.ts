// The storage side of the trading lease protocol (DESIGN "One trading revision") on @azure/storage-blob, with the
// run's TokenCredential (scope https://storage.azure.com/.default): the designation read and its conditional
// writes, the lease blob's creation and its lease view. The pipeline never acquires, breaks or renews the lease.
import type { TokenCredential } from '@azure/core-auth';
import type { ContainerClient } from '@azure/storage-blob';
import { blobService, statusOf, textOf, throttleRetry, type BlobServiceOptions } from '../azure/blob.js';
import { DesignationConflictError } from './errors.js';
import type { Designation, HolderState, LeaseView, ManagedTradingLease, TradingStore } from './types.js';

/** The store's options: TLS and retries of the run's blob client (src/azure/blob.ts). */
export type TradingStoreOptions = BlobServiceOptions;

const STATES: readonly HolderState[] = ['acquired', 'trading', 'refused', 'stopped'];

/** The lease view of a blob's properties (Azure's metadata keys are case-insensitive; read them so). Pure. */
export function leaseViewOf(p: {
  leaseState?: string;
  leaseStatus?: string;
  metadata?: Record<string, string>;
}): LeaseView {
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.metadata ?? {})) meta[k.toLowerCase()] = v;
  const leaseState = p.leaseState ?? 'available';
  const view: LeaseView = {
    leaseState,
    leaseStatus: p.leaseStatus ?? 'unlocked',
    leased: leaseState === 'leased',
  };
  if (meta.holder) view.holder = meta.holder;
  if (meta.revision) view.revision = meta.revision;
  if (meta.epoch !== undefined && /^\d+$/.test(meta.epoch.trim())) view.epoch = Number(meta.epoch);
  if (STATES.includes(meta.state as HolderState)) view.state = meta.state as HolderState;
  if (meta.code !== undefined && /^-?\d+$/.test(meta.code.trim())) view.code = Number(meta.code);
  if (meta.since) view.since = meta.since;
  return view;
}

/** The designation blob's JSON, or an error naming the blob and what it holds. Pure. */
export function parseDesignation(url: string, text: string, etag: string): Designation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const o = json as { revision?: unknown; epoch?: unknown } | undefined;
  if (!o || typeof o.revision !== 'string' || !Number.isSafeInteger(o.epoch) || (o.epoch as number) < 0) {
    throw new Error(
      `The trading designation ${url} does not hold {"revision": "<revision>" or "", "epoch": <integer>}: ${text.slice(0, 200)}`,
    );
  }
  return { revision: o.revision, epoch: o.epoch as number, etag };
}

/**
 * Whether the designation found after a lost conditional write is that write itself (an SDK retry of a write that
 * had landed): the same revision and epoch. Another writer that wrote the very same pair reached the same state,
 * which this run may go on from as its own. Pure.
 */
export function isOwnWrite(
  found: Pick<Designation, 'revision' | 'epoch'>,
  wrote: Pick<Designation, 'revision' | 'epoch'>,
): boolean {
  return found.revision === wrote.revision && found.epoch === wrote.epoch;
}

export function tradingStore(
  setting: ManagedTradingLease,
  credential: TokenCredential,
  options: TradingStoreOptions = {},
): TradingStore {
  const container: ContainerClient = blobService(setting.serviceUrl, credential, options).getContainerClient(
    setting.container,
  );
  const designation = container.getBlockBlobClient(`${setting.prefix}/designation`);
  const lease = container.getBlockBlobClient(`${setting.prefix}/lease`);
  const designationUrl = `${setting.url}/designation`;
  const call = throttleRetry(options);

  const store: TradingStore = {
    async readDesignation() {
      try {
        // One GET: the body and the ETag of the same version.
        const r = await call(() => designation.download());
        return parseDesignation(designationUrl, await textOf(r.readableStreamBody), r.etag ?? '');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async writeDesignation(next, etag) {
      const body = JSON.stringify({ revision: next.revision, epoch: next.epoch });
      try {
        const r = await call(() =>
          designation.upload(body, Buffer.byteLength(body), {
            conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
            blobHTTPHeaders: { blobContentType: 'application/json' },
          }),
        );
        return { revision: next.revision, epoch: next.epoch, etag: r.etag ?? '' };
      } catch (error) {
        const status = statusOf(error);
        if (status !== 412 && status !== 409) throw error;
        // The SDK retries a write whose answer was lost (a reset, a 500/503 after it landed): the retry's condition
        // then fails on our own write. Read the blob again: holding what we wrote, the write is ours.
        let found: Designation | undefined;
        try {
          found = await store.readDesignation();
        } catch (readError) {
          throw new DesignationConflictError(designationUrl, status, etag, undefined, { cause: readError });
        }
        if (found && isOwnWrite(found, next)) return found;
        throw new DesignationConflictError(designationUrl, status, etag, found);
      }
    },
    async ensureLeaseBlob() {
      try {
        await call(() => lease.upload('', 0, { conditions: { ifNoneMatch: '*' } }));
      } catch (error) {
        const status = statusOf(error);
        if (status === 409 || status === 412) return;
        throw error;
      }
    },
    async readLease() {
      try {
        return leaseViewOf(await call(() => lease.getProperties()));
      } catch (error) {
        if (statusOf(error) === 404) return leaseViewOf({});
        throw error;
      }
    },
  };
  return store;
}
