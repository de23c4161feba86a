// The trading tests' storage and broker when no simulator serves them: Azurite (blob service, HTTPS with a CA of
// sim/tls.ts, --oauth basic) on a free port, a storage token credential (Azurite in basic mode checks the token's
// issuer, audience and times, not its signature), and a broker stand-in speaking TRADING-SPEC §2.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { ensureCertificates } from '../../sim/tls.js';
import { loadOrCreateKey, signJwt } from '../../sim/jwt.js';

export const ACCOUNT = 'devstoreaccount1';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface AzuriteRig {
  /** Path-style service URL https://127.0.0.1:<port>/devstoreaccount1. */
  serviceUrl: string;
  /** The CA (PEM) to trust. */
  ca: string;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<AzuriteRig> {
  const dir = mkdtempSync(join(tmpdir(), 'alc-azurite-'));
  const certs = ensureCertificates(dir, ['trading.test']);
  writeFileSync(join(dir, 'blob.crt'), certs.controlPlane.cert);
  writeFileSync(join(dir, 'blob.key'), certs.controlPlane.key);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/azurite/dist/src/blob/main.js',
      ...['--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', join(dir, 'data')],
      ...['--cert', join(dir, 'blob.crt'), '--key', join(dir, 'blob.key'), '--oauth', 'basic'],
      ...['--skipApiVersionCheck', '--disableTelemetry', '--silent'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!/successfully listens/i.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`Azurite did not start: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    serviceUrl: `https://127.0.0.1:${port}/${ACCOUNT}`,
    ca: certs.ca,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A storage token as Entra issues it (v1 issuer, audience https://storage.azure.com), signed by a test key. */
export function storageTokenCredential(tenant = '00000000-0000-0000-0000-0000000000aa'): TokenCredential {
  const dir = mkdtempSync(join(tmpdir(), 'alc-storage-key-'));
  const key = loadOrCreateKey(join(dir, 'key.pem'), 'test');
  rmSync(dir, { recursive: true, force: true });
  return {
    async getToken(): Promise<AccessToken> {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + 3600;
      const token = signJwt(
        {
          iss: `https://sts.windows.net/${tenant}/`,
          aud: 'https://storage.azure.com',
          tid: tenant,
          oid: '00000000-0000-0000-0000-0000000000bb',
          iat: now - 60,
          nbf: now - 60,
          exp,
        },
        key,
      );
      return { token, expiresOnTimestamp: exp * 1000 };
    },
  };
}

// ---- broker stand-in (TRADING-SPEC §2), until the simulator's sim/broker.ts serves the tests ----

export interface BrokerOrder {
  time: string;
  port: number;
  clientId: number;
  revision: string;
  replica: string;
  epoch: number;
  orderId: string;
  status: 'Filled' | 'Submitted';
  unbound?: boolean;
}

export interface BrokerSession {
  port: number;
  clientId: number;
  revision: string;
  replica: string;
  epoch: number;
  connectedAt: string;
  closedAt?: string;
  refused?: number;
}

export interface BrokerStandIn {
  port: number;
  orders(): BrokerOrder[];
  sessions(): BrokerSession[];
  setGatewayDown(down: boolean): void;
  stop(): Promise<void>;
}

export async function startBrokerStandIn(): Promise<BrokerStandIn> {
  const orders: BrokerOrder[] = [];
  const sessions: BrokerSession[] = [];
  const active = new Map<number, Socket>();
  const open = new Map<number, string[]>();
  const count = new Map<number, number>();
  const sockets = new Set<Socket>();
  let down = false;
  let port = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let session: BrokerSession | undefined;
    let bound = false;
    let buffer = '';
    const send = (o: unknown) => socket.write(`${JSON.stringify(o)}\n`);
    const close = () => {
      sockets.delete(socket);
      if (session && !session.refused && active.get(session.clientId) === socket) {
        active.delete(session.clientId);
        session.closedAt = new Date().toISOString();
      }
    };
    socket.on('close', close);
    socket.on('error', () => undefined);
    socket.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        const m = JSON.parse(line) as Record<string, unknown>;
        if (m.op === 'hello') {
          const clientId = Number(m.clientId);
          session = {
            port,
            clientId,
            revision: String(m.revision),
            replica: String(m.replica),
            epoch: Number(m.epoch),
            connectedAt: new Date().toISOString(),
          };
          sessions.push(session);
          if (down || active.has(clientId)) {
            session.refused = down ? 502 : 326;
            send(
              down
                ? { ok: false, code: 502, message: "Couldn't connect to TWS." }
                : {
                    ok: false,
                    code: 326,
                    message:
                      'Unable to connect as the client id is already in use. Retry with a unique client id.',
                  },
            );
            socket.end();
            return;
          }
          active.set(clientId, socket);
          bound = (open.get(clientId) ?? []).length === 0;
          send({ ok: true, openOrders: open.get(clientId) ?? [] });
        } else if (m.op === 'rebind' && session) {
          bound = true;
          send({ ok: true, bound: open.get(session.clientId) ?? [] });
        } else if (m.op === 'order' && session) {
          const n = (count.get(session.clientId) ?? 0) + 1;
          count.set(session.clientId, n);
          const status = n % 10 === 0 ? 'Submitted' : 'Filled';
          if (status === 'Submitted')
            open.set(session.clientId, [...(open.get(session.clientId) ?? []), String(m.orderId)]);
          const { clientId, revision, replica, epoch } = session;
          orders.push({
            time: new Date().toISOString(),
            port,
            clientId,
            revision,
            replica,
            epoch,
            orderId: String(m.orderId),
            status,
            ...(bound ? {} : { unbound: true }),
          });
          send({ ok: true, orderId: m.orderId, status });
        } else if (m.op === 'bye') {
          close();
          socket.end();
        }
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    orders: () => [...orders],
    sessions: () => [...sessions],
    setGatewayDown: (v) => {
      down = v;
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
