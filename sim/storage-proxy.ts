// The storage's public endpoint: an HTTPS reverse proxy in the simulator's process in front of Azurite (which
// listens on 127.0.0.1 only). It streams requests and answers both ways over kept-alive connections, and applies the
// simulator's fault rules of service 'storage' (path: the storage request path, e.g.
// `/devstoreaccount1/trading/<app>/designation`): latency, a status answer in Storage's error shape (XML,
// x-ms-error-code, Retry-After), a connection reset, a kill (the request reaches Azurite, its answer is held until the
// test's kill ran) and 'unreachable' (every connection reset as it arrives, open ones dropped, while the rule lasts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { FaultInjector } from './arm/faults.js';
import type { FaultRule } from './types.js';
import type { CertPair } from './tls.js';

export interface StorageProxyOptions {
  /** Where the public endpoint listens (the Docker network's gateway IP, or 127.0.0.1) and its port (0: free). */
  host: string;
  port: number;
  tls: CertPair;
  /** Azurite: 127.0.0.1 and its port, HTTPS with a certificate of `ca`. */
  upstream: { host: string; port: number };
  ca: string;
  faults: FaultInjector;
  log?: (message: string) => void;
}

export interface StorageProxy {
  host: string;
  port: number;
  /** Requests forwarded to Azurite, and answered by a fault, since the start. */
  stats: { forwarded: number; faulted: number; refusedConnections: number };
  stop(): Promise<void>;
}

/** Storage's error codes for the injected statuses. */
const STORAGE_CODES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServerBusy',
  504: 'OperationTimedOut',
};

/** Headers of one hop only, not forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function forwardable(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

/** A status answer as Storage gives one: XML body, x-ms-error-code, x-ms-request-id, Retry-After for 429. Pure. */
export function storageErrorAnswer(
  rule: Pick<FaultRule, 'status' | 'retryAfter'>,
  method: string,
  path: string,
  requestId: string,
  now: Date,
): { status: number; headers: Record<string, string>; body: string } {
  const status = rule.status ?? 500;
  const code = STORAGE_CODES[status] ?? 'InjectedFault';
  const body =
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>Injected fault: ${status} ${code} ` +
    `for ${method} ${path}.\nRequestId:${requestId}\nTime:${now.toISOString()}</Message></Error>`;
  const headers: Record<string, string> = {
    'content-type': 'application/xml',
    'content-length': String(Buffer.byteLength(body)),
    'x-ms-error-code': code,
    'x-ms-request-id': requestId,
    date: now.toUTCString(),
  };
  if (status === 429 || rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter ?? 1);
  return { status, headers, body };
}

/** A TCP RST where the socket allows it, else an abrupt close (no TLS close_notify). */
function reset(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

export async function startStorageProxy(o: StorageProxyOptions): Promise<StorageProxy> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo', ca: o.ca });
  const raw = new Set<Socket>();
  const stats = { forwarded: 0, faulted: 0, refusedConnections: 0 };
  const unreachable = () => o.faults.active('storage', 'unreachable');

  const handle = async (req: IncomingMessage, res: ServerResponse, rawSocket: Socket | undefined) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const target = req.url ?? '/';
    const path = target.split('?')[0];
    if (unreachable()) return reset(rawSocket ?? req.socket);
    const take = (kinds: FaultRule['kind'][]) => o.faults.take(method, path, kinds, 'storage');
    const kills = take(['kill']);
    const latency = take(['latency']).reduce((s, r) => s + (r.latencyMs ?? 0), 0);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const [fault] = take(['status', 'reset']);
    if (fault) {
      stats.faulted += 1;
      if (fault.kind === 'reset') return reset(rawSocket ?? req.socket);
      const a = storageErrorAnswer(fault, method, path, randomUUID(), new Date());
      const version = req.headers['x-ms-version'];
      res.writeHead(a.status, {
        ...a.headers,
        ...(typeof version === 'string' ? { 'x-ms-version': version } : {}),
      });
      res.end(a.body);
      return;
    }
    stats.forwarded += 1;
    const up = https.request({
      host: o.upstream.host,
      port: o.upstream.port,
      method,
      path: target,
      headers: forwardable(req.headers),
      agent,
    });
    up.on('response', (upRes) => {
      const send = () => {
        if (res.destroyed) return upRes.destroy();
        res.writeHead(upRes.statusCode ?? 502, forwardable(upRes.headers));
        upRes.pipe(res);
      };
      if (kills.length === 0) return send();
      // Azurite has done the work; the client dies before it hears so.
      upRes.pause();
      void Promise.all(kills.map((k) => k.kill?.()))
        .catch(() => undefined)
        .finally(send);
    });
    up.on('error', (e) => {
      o.log?.(`storage proxy: ${method} ${path}: Azurite: ${e.message}`);
      if (!res.headersSent) {
        const a = storageErrorAnswer({ status: 502 }, method, path, randomUUID(), new Date());
        res.writeHead(a.status, a.headers);
        res.end(a.body);
      } else res.destroy();
    });
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  };

  const server = https.createServer({ cert: o.tls.cert, key: o.tls.key }, (req, res) => {
    const rawSocket = rawOf.get(req.socket);
    handle(req, res, rawSocket).catch((e: unknown) => {
      o.log?.(`storage proxy: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  // The TLS socket of a request -> its TCP socket (a reset needs the TCP handle).
  const rawOf = new WeakMap<object, Socket>();
  server.on('connection', (socket: Socket) => {
    if (unreachable()) {
      stats.refusedConnections += 1;
      return reset(socket);
    }
    raw.add(socket);
    socket.once('close', () => raw.delete(socket));
  });
  server.on('secureConnection', (tlsSocket: Socket & { _parent?: Socket }) => {
    // Node keeps the TCP socket as the TLS socket's parent on the server side; else find it by its remote port.
    const parent =
      tlsSocket._parent ??
      [...raw].find(
        (s) => s.remotePort === tlsSocket.remotePort && s.remoteAddress === tlsSocket.remoteAddress,
      );
    if (parent) rawOf.set(tlsSocket, parent);
  });
  server.on('tlsClientError', () => undefined);
  server.keepAliveTimeout = 30_000;
  const previousOnAdd = o.faults.onAdd;
  o.faults.onAdd = (rule) => {
    previousOnAdd?.(rule);
    if (rule.kind === 'unreachable' && rule.service === 'storage') for (const s of raw) reset(s);
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host: o.host,
    port,
    stats,
    stop: () =>
      new Promise<void>((resolve) => {
        o.faults.onAdd = previousOnAdd;
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
