// A simulator runtime without Docker whose revisions still answer HTTP: each active revision is one small HTTP
// server on loopback (its one replica), so the simulator's ingress routes real requests to it. It keeps what
// it served by host name, to tell the revision's own URL (a readiness proof) from the app and label URLs
// (serving). Ready as soon as it listens, like the ARM-only runtime. With `trading` set, a revision whose
// environment names a trading lease (ALC_TRADING_LEASE, as deploy-app sets it) also runs `replicas` in-process
// replicas of protocol v1 (trading-replica.ts) with the environment a container would get: they follow the lease,
// trade on the broker stand-in, end on a restart (SIGTERM; a hung one killed after the grace period) or a
// deactivation. No jest import here.
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenCredential } from '@azure/core-auth';
import { parseTradingLease } from '../../src/trading/lease-url.js';
import type { ManagedTradingLease } from '../../src/trading/types.js';
import { TradingReplica } from './trading-replica.js';
import type {
  Endpoint,
  Runtime,
  RuntimeReplicaStatus,
  RuntimeRevisionSpec,
  RuntimeRevisionStatus,
} from '../../sim/types.js';

/** One request a revision answered: the host it was asked for, its status, when. */
export interface Served {
  revision: string;
  host: string;
  status: number;
  at: number;
  /** Whether the revision had been proven (since it last started) when it answered. */
  provenThen: boolean;
}

interface Replica {
  server: http.Server;
  port: number;
  spec: RuntimeRevisionSpec;
  createdTime: string;
}

/** What the revisions' trading replicas need from the simulator (set once it runs). */
export interface ServedTrading {
  /** The replicas' storage token (a container's managed identity). */
  credential: TokenCredential;
  /** The simulator's CA (a container's trust store). */
  ca: string;
  /** The broker stand-in: IBKR_PORT 7496 dials the live port, 7497 the paper port. */
  broker: { host: string; livePort: number; paperPort: number };
  /**
   * IBKR_CLIENT_ID of an app's replicas. Many apps share one broker stand-in here (each cell its own app), so that
   * each app gets its own client ID (in ACA each app has its own gateway session; the spec's value is 1).
   */
  clientIdOf(app: string): number;
  /** The replicas' tick (default 250 ms). */
  tickMs?: number;
}

/** Test hooks of a revision's agents (the sample agent's AGENT_NEVER_ACQUIRE / AGENT_IGNORE_DESIGNATION). */
export interface AgentBehaviour {
  neverAcquire?: boolean;
  ignoreDesignation?: boolean;
}

export class ServedRuntime implements Runtime {
  private readonly replicas = new Map<string, Replica>();
  private readonly provenAt = new Map<string, number>();
  /** Every request answered, in order. */
  readonly served: Served[] = [];
  /** With it, revisions with ALC_TRADING_LEASE run trading replicas. */
  trading?: ServedTrading;
  private readonly agentsOf = new Map<string, TradingReplica[]>();
  private readonly behaviours = new Map<string, AgentBehaviour>();
  private readonly specs = new Map<string, RuntimeRevisionSpec>();

  /** The trading replicas of a revision now running (empty when none). */
  agents(revisionName: string): TradingReplica[] {
    return this.agentsOf.get(revisionName) ?? [];
  }

  /**
   * Sets a revision's agent hooks; its running agents are replaced (stopped as by SIGTERM, new ones started with the
   * hooks), as a fixed or broken image would run after a restart.
   */
  async setBehaviour(revisionName: string, behaviour: AgentBehaviour): Promise<void> {
    this.behaviours.set(revisionName, behaviour);
    const spec = this.specs.get(revisionName);
    if (!spec || !this.agentsOf.has(revisionName)) return;
    await this.stopAgents(revisionName, 0);
    this.startAgents(spec);
  }

  /** A hung revision: its agents freeze (no tick, no renew; their broker sessions stay open). */
  async hang(revisionName: string): Promise<string[]> {
    const agents = this.agents(revisionName);
    for (const a of agents) a.hang();
    return agents.map((a) => a.name);
  }

  private startAgents(spec: RuntimeRevisionSpec): void {
    const t = this.trading;
    const url = spec.env.ALC_TRADING_LEASE;
    if (!t || !url) return;
    const lease = parseTradingLease(url) as ManagedTradingLease;
    const port = spec.env.IBKR_PORT === '7497' ? t.broker.paperPort : t.broker.livePort;
    const agents = Array.from({ length: Math.max(1, spec.replicas) }, () =>
      new TradingReplica({
        lease,
        credential: t.credential,
        tlsOptions: { ca: t.ca },
        revision: spec.revisionName,
        replica: `${spec.revisionName}-${randomBytes(4).toString('hex')}`,
        broker: { host: t.broker.host, port },
        clientId: t.clientIdOf(spec.appName),
        tickMs: t.tickMs ?? 250,
        ...this.behaviours.get(spec.revisionName),
      }).start(),
    );
    this.agentsOf.set(spec.revisionName, agents);
  }

  /** SIGTERM to each agent; a hung one (it cannot handle it) is killed after `graceSeconds`. */
  private async stopAgents(revisionName: string, graceSeconds: number): Promise<void> {
    const agents = this.agentsOf.get(revisionName) ?? [];
    this.agentsOf.delete(revisionName);
    await Promise.all(
      agents.map(async (a) => {
        if (a.phase === 'hung') {
          await new Promise((r) => setTimeout(r, graceSeconds * 1000));
          a.kill();
        } else await a.stop().catch(() => a.kill());
      }),
    );
  }

  /** Whether `revision` had answered on its own URL (`<revision>.<domain>`) at `at`: proven by a readiness proof. */
  proven(revision: string, at = Date.now()): boolean {
    return (this.provenAt.get(revision) ?? Infinity) <= at;
  }

  /** Requests answered on a URL other than the revision's own by a revision not proven then. */
  unproven(): Served[] {
    return this.served.filter((s) => !ownUrl(s) && !s.provenThen);
  }

  async ensureRevision(spec: RuntimeRevisionSpec): Promise<void> {
    if (this.replicas.has(spec.revisionName)) return;
    this.specs.set(spec.revisionName, spec);
    const server = http.createServer((req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const at = Date.now();
      const provenThen = this.proven(spec.revisionName, at);
      const served = { revision: spec.revisionName, host, status: 200, at, provenThen };
      this.served.push(served);
      if (ownUrl(served) && !this.provenAt.has(served.revision))
        this.provenAt.set(served.revision, served.at);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ revision: spec.revisionName, image: spec.image, status: 'healthy' }));
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.replicas.set(spec.revisionName, {
      server,
      port: (server.address() as AddressInfo).port,
      spec,
      createdTime: new Date().toISOString(),
    });
    this.startAgents(spec);
  }

  async stopRevision(revisionName: string, options: { graceSeconds?: number } = {}): Promise<void> {
    const replica = this.replicas.get(revisionName);
    if (!replica) return;
    this.replicas.delete(revisionName);
    // A deactivation (no grace) ends a hung agent at once; a restart after the grace period.
    const agents = this.stopAgents(revisionName, options.graceSeconds ?? 0);
    // A revision started again must be proven again.
    this.provenAt.delete(revisionName);
    // As a replica that drains: in-flight requests finish, idle keep-alive connections close.
    const closed = new Promise<void>((resolve) => replica.server.close(() => resolve()));
    replica.server.closeIdleConnections();
    const timer = setTimeout(() => replica.server.closeAllConnections(), 2000);
    await closed;
    clearTimeout(timer);
    await agents;
  }

  status(revisionName: string): RuntimeRevisionStatus | undefined {
    return this.replicas.has(revisionName)
      ? {
          provisioningState: 'Provisioned',
          runningState: 'Running',
          healthState: 'Healthy',
          readyReplicas: 1,
        }
      : undefined;
  }

  replicaStatus(revisionName: string): RuntimeReplicaStatus[] {
    const r = this.replicas.get(revisionName);
    if (!r) return [];
    return [
      {
        name: `${revisionName}-served-0`,
        createdTime: r.createdTime,
        container: {
          name: r.spec.containerName ?? r.spec.appName,
          containerId: `served://${revisionName}`,
          ready: true,
          started: true,
          restartCount: 0,
          runningState: 'Running',
        },
      },
    ];
  }

  endpoints(revisionName: string): Endpoint[] {
    const r = this.replicas.get(revisionName);
    return r ? [{ host: '127.0.0.1', port: r.port }] : [];
  }

  async close(): Promise<void> {
    await Promise.all([...this.replicas.keys()].map((name) => this.stopRevision(name)));
  }
}

/** A request to the revision's own URL: host `<revision>.<domain>`. */
export const ownUrl = (s: Pick<Served, 'revision' | 'host'>): boolean => s.host.startsWith(`${s.revision}.`);
