// The trading lease, protocol v1 (docs/trading-lease.md; DESIGN "One trading revision"): the types the
// pipeline's trading modules share. Two block blobs under the `trading-lease` prefix URL:
//   <prefix>/designation  JSON {"revision": "<app>--<suffix>" | "", "epoch": n}, written only by the pipeline,
//                         always conditionally (If-Match the ETag read; If-None-Match * to create)
//   <prefix>/lease        leased (15 s) by the replica that trades; its metadata written by the holder only

/** The `trading-lease` input (environment fallback ALC_DEPLOY_TRADING_LEASE). */
export type TradingLeaseSetting =
  /** No input: a spec that trades live is refused in production mode (deploy-app). */
  | { kind: 'none' }
  /** `unmanaged`: the firm says on purpose that this app's trading is not fenced by the pipeline. */
  | { kind: 'unmanaged' }
  | {
      kind: 'managed';
      /** The prefix URL as given, without a trailing slash: what deploy-app sets as ALC_TRADING_LEASE. */
      url: string;
      /** The storage account's service URL (`https://<account>.blob.core.windows.net` or, path style for an
       * emulator, `https://<host>:<port>/<account>`). */
      serviceUrl: string;
      container: string;
      /** The blob name prefix inside the container (usually the app's name; may contain `/`). */
      prefix: string;
    };

/** The designation blob as read: its JSON and the ETag a conditional write must match. */
export interface Designation {
  /** `<app>--<suffix>`, or '' when nobody may trade. */
  revision: string;
  epoch: number;
  etag: string;
}

/** The lease's metadata states, in protocol order. */
export type HolderState = 'acquired' | 'trading' | 'refused' | 'stopped';

/** The lease blob as read (properties and metadata; never its lease id, which the pipeline never holds). */
export interface LeaseView {
  /** Azure's x-ms-lease-state: available, leased, expired, breaking, broken. */
  leaseState: string;
  /** Azure's x-ms-lease-status: locked or unlocked. */
  leaseStatus: string;
  /** leaseState 'leased' (a holder renews or the 15 s have not run out). */
  leased: boolean;
  holder?: string;
  revision?: string;
  epoch?: number;
  state?: HolderState;
  /** The broker's refusal code with state `refused` (326: client id in use). */
  code?: number;
  /** ISO time the state began. */
  since?: string;
}

/** The storage side of the protocol, through @azure/storage-blob with the run's credential. */
export interface TradingStore {
  /** The designation, or undefined when the blob does not exist. */
  readDesignation(): Promise<Designation | undefined>;
  /**
   * Writes the designation conditionally: If-Match `etag`, or If-None-Match * when `etag` is undefined (create).
   * A lost race (412, or 409 on create) throws DesignationConflictError naming what the blob holds now; nothing is
   * retried blindly. A failed condition on a blob that holds exactly `next` (the SDK's retry of a write that had
   * landed) is this write: it resolves to the blob as read.
   */
  writeDesignation(next: { revision: string; epoch: number }, etag: string | undefined): Promise<Designation>;
  /** Creates the empty lease blob when missing (If-None-Match *; an existing one is left as it is). */
  ensureLeaseBlob(): Promise<void>;
  /** The lease blob's lease state and metadata; a missing blob reads as not leased, no metadata. */
  readLease(): Promise<LeaseView>;
}

/** The `handover` output (JSON with these keys, in kebab case: from, to, epoch, released-at, acquired-at, gap-ms). */
export interface Handover {
  from: string;
  to: string;
  epoch: number;
  /** A's `stopped` since, or B's `acquired` since when A never said so. */
  releasedAt?: string;
  /** B's `trading` since. */
  acquiredAt?: string;
  /** acquiredAt - releasedAt, what the pipeline can observe. */
  gapMs?: number;
}

/** The managed form of the setting: the prefix URL and its parts. */
export type ManagedTradingLease = Extract<TradingLeaseSetting, { kind: 'managed' }>;
