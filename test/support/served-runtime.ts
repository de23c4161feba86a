// A simulator runtime without Docker whose revisions still answer HTTP: each active revision is one small HTTP
// server on loopback (its one replica), so the simulator's ingress routes real requests to it. It keeps what
// it served by host name, to tell the revision's own URL (a readiness proof) from the app and label URLs
// (serving). Ready as soon as it listens, like the ARM-only runtime. No jest import here.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
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

export class ServedRuntime implements Runtime {
  private readonly replicas = new Map<string, Replica>();
  private readonly provenAt = new Map<string, number>();
  /** Every request answered, in order. */
  readonly served: Served[] = [];

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
  }

  async stopRevision(revisionName: string): Promise<void> {
    const replica = this.replicas.get(revisionName);
    if (!replica) return;
    this.replicas.delete(revisionName);
    // A revision started again must be proven again.
    this.provenAt.delete(revisionName);
    // As a replica that drains: in-flight requests finish, idle keep-alive connections close.
    const closed = new Promise<void>((resolve) => replica.server.close(() => resolve()));
    replica.server.closeIdleConnections();
    const timer = setTimeout(() => replica.server.closeAllConnections(), 2000);
    await closed;
    clearTimeout(timer);
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
