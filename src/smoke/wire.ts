// The load phase's HTTP/1.1 client: kept connections over plain `net` / `tls` sockets, one request in flight
// on each, a request written as one prepared buffer and its response read by a small parser (wire-format.ts).
// It reaches an app exactly as src/smoke/http-client.ts does (the same routes: resolve entries, Host header,
// SNI and certificate check of the original name, the same trust, deadline and error kinds) for about half
// the CPU per request of Node's `http`.
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import * as tls from 'node:tls';
import {
  classifyError,
  HttpError,
  IDEMPOTENT,
  routeCache,
  timeoutError,
  trustedContext,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type Route,
} from './http-client.js';
import { requestBytes, ResponseParser, WireError, type ParsedResponse } from './wire-format.js';

/** A request in flight or waiting for a connection. */
interface Exchange {
  url: URL;
  route: Route;
  method: string;
  bytes: Buffer;
  deadlineMs: number;
  start: number;
  ttfbMs?: number;
  retry: boolean;
  resolve(res: HttpResponse): void;
  reject(e: HttpError): void;
}

/** The connections to one address (one route's target and, over TLS, its name). */
interface Pool {
  idle: Connection[];
  open: number;
  waiting: Exchange[];
  session?: Buffer;
}

interface Connection {
  socket: net.Socket;
  parser: ResponseParser;
  pool: Pool;
  /** Requests it answered: a reused connection the server closed as a request left may send it again. */
  served: number;
  current?: Exchange;
  /**
   * The deadline timer and its duration: refreshed, not made again, for each request that has all of it left.
   */
  timer?: NodeJS.Timeout;
  timerMs?: number;
  closed: boolean;
}

/**
 * An HttpClient over kept connections; maxSockets per address, requests beyond wait inside their deadline.
 */
export function createWireClient(options: HttpClientOptions = {}): HttpClient {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxSockets = options.maxSockets ?? 16;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const secureContext = trustedContext(env, options.caFile);
  const routeOf = routeCache(options.resolve ?? []);
  const pools = new Map<string, Pool>();
  const prepared = new WeakMap<HttpRequest, Buffer>();
  const connections = new Set<Connection>();
  let closing = false;

  /** The pool of each route, found once per route object (the route cache hands out the same one per URL). */
  const poolOfRoute = new WeakMap<Route, Pool>();

  function poolOf(route: Route): Pool {
    const known = poolOfRoute.get(route);
    if (known) return known;
    // A TLS connection is for one name (its SNI and certificate check); a plain one carries any Host.
    const { target, secure, host } = route;
    const key = `${target.address} ${target.port}${secure ? ` tls ${host}` : ''}`;
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { idle: [], open: 0, waiting: [] }));
    poolOfRoute.set(route, pool);
    return pool;
  }

  function connect(pool: Pool, route: Route): Connection {
    const { address: host, port } = route.target;
    const socket = route.secure
      ? tls.connect({
          host,
          port,
          ...route.tls,
          ...(secureContext ? { secureContext } : {}),
          ...(pool.session ? { session: pool.session } : {}),
        })
      : net.connect({ host, port });
    socket.setNoDelay(true);
    const conn: Connection = {
      socket,
      parser: new ResponseParser(maxBodyBytes),
      pool,
      served: 0,
      closed: false,
    };
    pool.open += 1;
    connections.add(conn);
    if (route.secure) socket.on('session', (session: Buffer) => (pool.session = session));
    socket.on('data', (data: Buffer) => onData(conn, data));
    socket.on('error', (e) => drop(conn, e));
    socket.on('close', () => drop(conn));
    return conn;
  }

  function onData(conn: Connection, data: Buffer): void {
    const x = conn.current;
    if (!x)
      return drop(conn, new WireError('HPE_UNEXPECTED', 'bytes from the server with no request in flight'));
    x.ttfbMs ??= performance.now() - x.start;
    let parsed: ParsedResponse | undefined;
    try {
      parsed = conn.parser.feed(data);
    } catch (e) {
      return drop(conn, e);
    }
    if (parsed) finish(conn, x, parsed);
  }

  function finish(conn: Connection, x: Exchange, parsed: ParsedResponse): void {
    conn.current = undefined;
    conn.served += 1;
    const latencyMs = performance.now() - x.start;
    const { status, headers, body, truncated } = parsed;
    x.resolve({ url: x.url, status, headers, body, truncated, latencyMs, ttfbMs: x.ttfbMs ?? latencyMs });
    if (parsed.close) {
      close(conn);
      next(conn.pool);
    } else release(conn);
  }

  /** A connection is free: the oldest waiting request gets it, else it waits idle. */
  function release(conn: Connection): void {
    const x = conn.pool.waiting.shift();
    if (x) return send(conn, x);
    conn.pool.idle.push(conn);
    // An idle connection does not keep the process alive.
    conn.socket.unref();
  }

  /** A connection closed: a waiting request may open another. */
  function next(pool: Pool): void {
    const x = closing ? undefined : pool.waiting.shift();
    if (x) dispatch(x);
  }

  function send(conn: Connection, x: Exchange): void {
    const left = x.deadlineMs - (performance.now() - x.start);
    if (left <= 0) {
      x.reject(timeoutError(x.method, x.url, x.deadlineMs));
      return release(conn);
    }
    conn.current = x;
    conn.parser.expect(x.method);
    conn.socket.ref();
    // A timer that fires with no request in flight does nothing, so a finished request leaves it running.
    if (conn.timer && left === x.deadlineMs && conn.timerMs === left) conn.timer.refresh();
    else {
      clearTimeout(conn.timer);
      conn.timer = setTimeout(() => expire(conn), left).unref();
      conn.timerMs = left;
    }
    conn.socket.write(x.bytes);
  }

  function expire(conn: Connection): void {
    const x = conn.current;
    if (!x) return;
    conn.current = undefined;
    x.reject(timeoutError(x.method, x.url, x.deadlineMs));
    close(conn);
    next(conn.pool);
  }

  function close(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    clearTimeout(conn.timer);
    connections.delete(conn);
    conn.pool.open -= 1;
    const i = conn.pool.idle.indexOf(conn);
    if (i >= 0) conn.pool.idle.splice(i, 1);
    conn.socket.destroy();
  }

  /** The connection failed or closed: its request fails (or goes again once), another may take its place. */
  function drop(conn: Connection, error?: unknown): void {
    const x = conn.current;
    const started = conn.parser.started;
    const parsed = !error && x ? conn.parser.end() : undefined;
    conn.current = undefined;
    close(conn);
    if (x && parsed) finish(conn, x, parsed);
    else if (x) {
      const reset = error === undefined || (error as NodeJS.ErrnoException).code === 'ECONNRESET';
      if (x.retry && conn.served > 0 && !started && reset && IDEMPOTENT.has(x.method)) {
        x.retry = false;
        return dispatch(x);
      }
      const cut = error ?? hangUp(started);
      x.reject(classifyError(cut, x.url, x.route.target, performance.now() - x.start));
    }
    next(conn.pool);
  }

  function dispatch(x: Exchange): void {
    if (closing) return x.reject(classifyError(hangUp(false), x.url, x.route.target));
    const pool = poolOf(x.route);
    const idle = pool.idle.shift();
    if (idle) send(idle, x);
    else if (pool.open < maxSockets) send(connect(pool, x.route), x);
    else pool.waiting.push(x);
  }

  function bytesOf(req: HttpRequest, route: Route, method: string): Buffer {
    const known = prepared.get(req);
    if (known) return known;
    const bytes = requestBytes(route, method, req.headers, req.body);
    if (typeof req.url !== 'string') prepared.set(req, bytes);
    return bytes;
  }

  return {
    request(req) {
      const start = performance.now();
      return new Promise<HttpResponse>((resolve, reject) => {
        const url = typeof req.url === 'string' ? new URL(req.url) : req.url;
        const route = routeOf(url);
        const method = (req.method ?? 'GET').toUpperCase();
        const bytes = bytesOf(req, route, method);
        const deadlineMs = req.timeoutMs ?? timeoutMs;
        dispatch({ url, route, method, bytes, deadlineMs, start, retry: true, resolve, reject });
      });
    },
    close() {
      closing = true;
      for (const pool of pools.values())
        for (const x of pool.waiting.splice(0))
          x.reject(classifyError(hangUp(false), x.url, x.route.target, performance.now() - x.start));
      for (const conn of [...connections]) drop(conn, hangUp(false));
      pools.clear();
    },
  };
}

/** The error of a connection closed before its response ended, as Node's `http` names it. */
function hangUp(started: boolean): Error {
  return Object.assign(new Error('socket hang up'), started ? {} : { code: 'ECONNRESET' });
}
