// An in-process replica of the trading lease protocol v1 (DESIGN "One trading revision"; the same rules as the
// sample app's agent), over @azure/storage-blob and the broker stand-in's TCP protocol (TRADING-SPEC §2): for the
// integration tests and the bench, many replicas in one process.
//
// Each tick (at most 1 s apart) it reads the designation; designated and not holding, it tries to acquire the lease
// (15 s); after acquiring it writes its metadata (`acquired`), reads the designation again, and only if it still
// names its revision with the same epoch connects with the client ID, re-binds the open orders and writes
// `trading`. A refused session keeps the lease, writes `refused` with the code and retries each tick. Holding, it
// renews every tick. It stops sending at once, disconnects, writes `stopped` and releases when the designation
// names another revision or epoch, a renew fails, its last successful renew (from that renew's send time) is 10 s
// old, its last successful designation read is 10 s old, or on stop() (SIGTERM).
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import { type BlobLeaseClient, BlobServiceClient, type BlockBlobClient } from '@azure/storage-blob';
import { parseDesignation } from '../../src/trading/store.js';
import type { Designation, HolderState, ManagedTradingLease } from '../../src/trading/types.js';

/** The lease duration (Azure: 15-60 s). */
export const LEASE_SECONDS = 15;
/** A holder stops when its last successful renew, or designation read, is this old. */
export const STALE_MS = 10_000;

export interface ReplicaOptions {
  lease: ManagedTradingLease;
  credential: TokenCredential;
  tlsOptions?: PipelineRequest['tlsSettings'];
  /** CONTAINER_APP_REVISION. */
  revision: string;
  /** CONTAINER_APP_REPLICA_NAME. */
  replica: string;
  broker: { host: string; port: number };
  /** IBKR_CLIENT_ID (default 1). */
  clientId?: number;
  /** The tick (default 500 ms; the protocol allows at most 1 s). */
  tickMs?: number;
  /** The pause between orders while trading (default 200 ms: 5 orders/s). */
  orderEveryMs?: number;
  /** A revision that never takes the lease (AGENT_NEVER_ACQUIRE). */
  neverAcquire?: boolean;
  /** A holder that renews but ignores the designation (AGENT_IGNORE_DESIGNATION). */
  ignoreDesignation?: boolean;
  log?: (line: string) => void;
}

export type ReplicaPhase = 'standby' | HolderState | 'hung' | 'dead';

interface Pending {
  resolve: (line: Record<string, unknown>) => void;
  reject: (e: Error) => void;
}

/** One broker session: newline-delimited JSON, one answer per request, in order. */
class BrokerSession {
  private buffer = '';
  private readonly pending: Pending[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (d: Buffer) => {
      this.buffer += d.toString();
      for (let i = this.buffer.indexOf('\n'); i >= 0; i = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 1);
        this.pending.shift()?.resolve(JSON.parse(line) as Record<string, unknown>);
      }
    });
    const end = () => {
      this.closed = true;
      for (const p of this.pending.splice(0)) p.reject(new Error('broker session closed'));
    };
    socket.on('close', end);
    socket.on('error', end);
  }

  static open(host: string, port: number): Promise<BrokerSession> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => resolve(new BrokerSession(socket)));
      socket.once('error', reject);
    });
  }

  request(o: unknown): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.reject(new Error('broker session closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.socket.write(`${JSON.stringify(o)}\n`);
    });
  }

  bye(): void {
    if (this.closed) return;
    this.socket.end(`${JSON.stringify({ op: 'bye' })}\n`);
    this.closed = true;
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

const statusOf = (e: unknown) => (e as { statusCode?: number }).statusCode;

export class TradingReplica {
  phase: ReplicaPhase = 'standby';
  /** Orders the broker accepted from this replica. */
  sent = 0;
  readonly events: string[] = [];
  private readonly o: Required<Pick<ReplicaOptions, 'clientId' | 'tickMs' | 'orderEveryMs'>> & ReplicaOptions;
  private readonly designationBlob: BlockBlobClient;
  private readonly leaseBlob: BlockBlobClient;
  private leaseClient?: BlobLeaseClient;
  private epoch?: number;
  private state?: HolderState;
  private since?: string;
  private lastRenewMs = 0;
  private lastReadMs = 0;
  private designation?: Pick<Designation, 'revision' | 'epoch'>;
  private session?: BrokerSession;
  private tickTimer?: NodeJS.Timeout;
  private orderTimer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private running = false;
  private orderSeq = 0;
  private orderInFlight = false;

  constructor(options: ReplicaOptions) {
    this.o = { clientId: 1, tickMs: 500, orderEveryMs: 200, ...options };
    const service = new BlobServiceClient(options.lease.serviceUrl, options.credential, {
      retryOptions: { maxTries: 2, tryTimeoutInMs: 5_000 },
      ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    } as ConstructorParameters<typeof BlobServiceClient>[2]);
    const container = service.getContainerClient(options.lease.container);
    this.designationBlob = container.getBlockBlobClient(`${options.lease.prefix}/designation`);
    this.leaseBlob = container.getBlockBlobClient(`${options.lease.prefix}/lease`);
  }

  get revision(): string {
    return this.o.revision;
  }

  get name(): string {
    return this.o.replica;
  }

  private note(line: string): void {
    const text = `${new Date().toISOString()} ${this.o.replica}: ${line}`;
    this.events.push(text);
    this.o.log?.(text);
  }

  start(): this {
    this.running = true;
    this.schedule(0);
    return this;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.tickTimer = setTimeout(() => {
      this.ticking = this.tick()
        .catch((e: unknown) => this.note(`tick failed: ${(e as Error).message}`))
        .finally(() => this.schedule(this.o.tickMs));
    }, ms);
  }

  /**
   * Reads the designation: a success records the pair and the read's send time (a missing blob reads as nobody,
   * revision ''); a failure keeps the previous pair (the 10 s rule decides). Returns the pair in force.
   */
  private async readDesignation(): Promise<Pick<Designation, 'revision' | 'epoch'> | undefined> {
    const sentAt = Date.now();
    try {
      const r = await this.designationBlob.download();
      const chunks: Buffer[] = [];
      for await (const c of r.readableStreamBody ?? []) chunks.push(Buffer.from(c as Buffer));
      this.designation = parseDesignation(
        this.designationBlob.url,
        Buffer.concat(chunks).toString('utf8'),
        r.etag ?? '',
      );
      this.lastReadMs = sentAt;
    } catch (e) {
      if (statusOf(e) === 404) {
        this.designation = { revision: '', epoch: -1 };
        this.lastReadMs = sentAt;
      } else {
        this.note(`designation read failed: ${(e as Error).message}`);
      }
    }
    return this.designation;
  }

  /** The stop rules of a holder, in the protocol's order; undefined when none holds. */
  private stopReason(d: Pick<Designation, 'revision' | 'epoch'> | undefined): string | undefined {
    const now = Date.now();
    if (now - this.lastRenewMs >= STALE_MS) return 'last renew is 10 s old';
    if (now - this.lastReadMs >= STALE_MS) return 'last designation read is 10 s old';
    const moved = d !== undefined && (d.revision !== this.o.revision || d.epoch !== this.epoch);
    if (moved && !this.o.ignoreDesignation) return `designation is ${d.revision || "''"} ${d.epoch}`;
    return undefined;
  }

  private async tick(): Promise<void> {
    const d = await this.readDesignation();
    if (!this.running) return;
    if (this.leaseClient) {
      const why = this.stopReason(d);
      if (why) return this.relinquish(why);
      const sentAt = Date.now();
      try {
        await this.leaseClient.renewLease();
        this.lastRenewMs = sentAt;
      } catch (e) {
        return this.relinquish(`renew failed: ${(e as Error).message}`);
      }
      if (!this.running) return;
      if (this.state === 'refused' || (this.state === 'trading' && this.session?.closed))
        await this.connect();
      return;
    }
    const fresh = Date.now() - this.lastReadMs < STALE_MS;
    if (this.o.neverAcquire || !d || !fresh || d.revision !== this.o.revision) return;
    const lease = this.leaseBlob.getBlobLeaseClient(randomUUID());
    const sentAt = Date.now();
    try {
      await lease.acquireLease(LEASE_SECONDS);
    } catch (e) {
      if (statusOf(e) !== 409 && statusOf(e) !== 404) this.note(`acquire failed: ${(e as Error).message}`);
      return;
    }
    this.leaseClient = lease;
    this.lastRenewMs = sentAt;
    this.epoch = d.epoch;
    this.state = undefined;
    this.note(`acquired under ${d.revision} ${d.epoch}`);
    if (!(await this.writeState('acquired'))) return this.relinquish('metadata write failed');
    const readBefore = this.lastReadMs;
    const again = await this.readDesignation();
    const confirmed = this.lastReadMs !== readBefore; // a failed read confirms nothing
    if (!confirmed || !again || again.revision !== this.o.revision || again.epoch !== this.epoch) {
      return this.relinquish('designation moved before connecting');
    }
    if (!this.running) return;
    await this.connect();
  }

  /** Connects, re-binds the open orders, writes `trading`; a refusal writes `refused` with the code. */
  private async connect(): Promise<void> {
    this.session?.destroy();
    this.session = undefined;
    let session: BrokerSession;
    try {
      session = await BrokerSession.open(this.o.broker.host, this.o.broker.port);
    } catch (e) {
      this.note(`broker unreachable: ${(e as Error).message}`);
      await this.writeState('refused', 502);
      return;
    }
    const hello = await session
      .request({
        op: 'hello',
        clientId: this.o.clientId,
        revision: this.o.revision,
        replica: this.o.replica,
        epoch: this.epoch,
      })
      .catch((e: Error): Record<string, unknown> => ({ ok: false, code: 0, message: e.message }));
    if (hello.ok !== true) {
      session.destroy();
      this.note(`refused ${String(hello.code)}`);
      await this.writeState('refused', Number(hello.code));
      return;
    }
    this.session = session;
    const open = (hello.openOrders as string[] | undefined) ?? [];
    if (open.length) await session.request({ op: 'rebind', orderIds: open });
    // Stopped meanwhile (a designation change handled by stop(), a hang): no trading.
    if (!this.leaseClient || this.phase === 'hung' || !this.running) return;
    if (!(await this.writeState('trading'))) return this.relinquish('metadata write failed');
    this.note(`trading (re-bound ${open.length} open orders)`);
    this.startOrders();
  }

  private startOrders(): void {
    clearInterval(this.orderTimer);
    this.orderTimer = setInterval(() => {
      if (this.state !== 'trading' || this.orderInFlight || !this.session || this.session.closed) return;
      // Between ticks too: no order once a stop rule holds (the clocks run between ticks).
      if (this.stopReason(this.designation)) return;
      this.orderInFlight = true;
      this.orderSeq += 1;
      const orderId = `${this.o.replica}.${this.epoch}.${this.orderSeq}`;
      this.session
        .request({ op: 'order', orderId, symbol: 'SPY', side: this.orderSeq % 2 ? 'BUY' : 'SELL', qty: 1 })
        .then((r) => {
          if (r.ok === true) this.sent += 1;
        })
        .catch(() => undefined)
        .finally(() => {
          this.orderInFlight = false;
        });
    }, this.o.orderEveryMs);
  }

  /** Writes the holder metadata with the lease; a repeated state keeps its first `since`. */
  private async writeState(state: HolderState, code?: number): Promise<boolean> {
    if (!this.leaseClient) return false;
    if (state !== this.state) this.since = new Date().toISOString();
    this.state = state;
    if (state !== 'stopped' && this.phase !== 'hung' && this.phase !== 'dead') this.phase = state;
    try {
      await this.leaseBlob.setMetadata(
        {
          holder: this.o.replica,
          revision: this.o.revision,
          epoch: String(this.epoch),
          state,
          ...(state === 'refused' && code !== undefined ? { code: String(code) } : {}),
          since: this.since as string,
        },
        { conditions: { leaseId: this.leaseClient.leaseId } },
      );
      return true;
    } catch (e) {
      this.note(`metadata ${state} failed: ${(e as Error).message}`);
      return false;
    }
  }

  /** Stops sending at once, disconnects, writes `stopped` and releases the lease. */
  private async relinquish(why: string): Promise<void> {
    clearInterval(this.orderTimer);
    this.orderTimer = undefined;
    if (this.state === 'trading') this.state = 'acquired'; // no order goes out from here on
    this.session?.bye();
    this.session = undefined;
    this.note(`stopping: ${why}`);
    if (this.leaseClient) {
      await this.writeState('stopped');
      await this.leaseClient.releaseLease().catch(() => undefined);
    }
    this.leaseClient = undefined;
    this.state = undefined;
    this.epoch = undefined;
    if (this.phase !== 'hung' && this.phase !== 'dead') this.phase = 'standby';
  }

  /** SIGTERM: stop ticking, stop sending, disconnect, write `stopped`, release. */
  async stop(): Promise<void> {
    if (this.phase === 'dead') return;
    this.running = false;
    clearTimeout(this.tickTimer);
    await this.ticking;
    await this.relinquish('stop (SIGTERM)');
    this.phase = 'dead';
  }

  /** A hung process: no tick, no renew, no order; its broker session stays up (the TCP connection stays open). */
  hang(): void {
    this.running = false;
    this.phase = 'hung';
    clearTimeout(this.tickTimer);
    clearInterval(this.orderTimer);
    this.note('hung');
  }

  /** A killed process: the TCP connection drops; nothing is written or released. */
  kill(): void {
    this.running = false;
    clearTimeout(this.tickTimer);
    clearInterval(this.orderTimer);
    this.session?.destroy();
    this.session = undefined;
    this.phase = 'dead';
    this.note('killed');
  }

  /** ACA's restart of this replica's process: a hung one is killed (after the grace period), else SIGTERM. */
  async terminate(): Promise<void> {
    if (this.phase === 'hung') this.kill();
    else await this.stop();
  }
}
