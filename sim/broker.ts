// The broker stand-in for the IB Gateway: a live port and a paper port speaking newline-delimited JSON (one
// object per line, one answer line per request; protocol in sim/README.md, "Broker stand-in"). It keeps IB's
// rules that matter to a handover: one session per client ID per port (error 326 otherwise), open orders that
// belong to the client ID and must be re-bound by the next session. Its order and session logs are the oracle
// of the tests, the benches and the demo.
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { HttpError, readBody, sendJson, type Route } from './http.js';
import { tradingReport } from './trading-report.js';

export type PortKind = 'live' | 'paper';

/** The ports IB Gateway listens on (live account, paper account); the spec's IBKR_PORT values. */
export const DEFAULT_PORTS: Record<PortKind, number> = { live: 7496, paper: 7497 };

/** IB's codes and messages the stand-in answers with. */
export const IB = {
  /** TWS API error 326. */
  clientIdInUse: {
    code: 326,
    message: 'Unable to connect as the client id is already in use. Retry with a unique client id.',
  },
  /** TWS API error 502 (the gateway is down). */
  cannotConnect: { code: 502, message: "Couldn't connect to TWS." },
  /** TWS API error 504: a request before the session's hello. */
  notConnected: { code: 504, message: 'Not connected' },
  /** TWS API error 103. */
  duplicateOrderId: { code: 103, message: 'Duplicate order id' },
  /** TWS API error 321: a request the broker cannot read (garbage, unknown op, bad fields). */
  invalid: { code: 321, message: 'Error validating request' },
  /** TWS API error 200: an order for a contract the broker does not know (the order is rejected). */
  noSecurity: { code: 200, message: 'No security definition has been found for the request' },
} as const;

/** A symbol the stand-in has a contract for: 1 to 5 capital letters (SPY, AAPL); anything else is rejected (200). */
export const KNOWN_SYMBOL = /^[A-Z]{1,5}$/;

/** One order as the broker recorded it. */
export interface BrokerOrder {
  /** ISO time with milliseconds. */
  time: string;
  port: number;
  kind: PortKind;
  clientId: number;
  revision: string;
  replica: string;
  epoch: number;
  orderId: string;
  /** Rejected: the broker refused the order (its code and message are in the answer, 200 here). */
  status: 'Filled' | 'Submitted' | 'Rejected';
  /** Sent before the session re-bound the client ID's open orders. */
  unbound?: true;
  /** The id of the session that sent it (BrokerSession.id). */
  session: number;
}

/** One session (accepted or refused) as the broker recorded it. */
export interface BrokerSession {
  /** Sequence number of the session in this broker (1, 2, ...). */
  id: number;
  port: number;
  kind: PortKind;
  clientId: number;
  revision: string;
  replica: string;
  epoch: number;
  /** ISO times with milliseconds. A refused session is closed when it is refused. */
  connectedAt: string;
  closedAt?: string;
  /** The refusal's code (326 client ID in use, 502 gateway down). */
  refused?: number;
  /** How it ended: `bye`, the client's TCP close, the gateway going down, the broker stopping. */
  closedBy?: 'bye' | 'close' | 'gateway' | 'stop';
}

export interface BrokerFilter {
  kind?: PortKind;
  clientId?: number;
  /** Only records at or after this time (ISO or ms since epoch). */
  since?: string | number;
}

export interface BrokerOptions {
  /** Address to listen on (the Docker network's gateway IP, or 127.0.0.1). Default 127.0.0.1. */
  host?: string;
  /**
   * Ports. Undefined: 7496 / 7497 when free, else a free one is picked (and logged). A number: exactly that
   * port; 0 picks one.
   */
  livePort?: number;
  paperPort?: number;
  /** Every n-th order of a client ID stays open (Submitted). Default 10. */
  openEvery?: number;
  /** Open orders kept per client ID and port; beyond that the oldest one fills. Default 100. */
  maxOpenOrders?: number;
  log?: (message: string) => void;
}

export interface Broker {
  host: string;
  livePort: number;
  paperPort: number;
  /** Copies of the order log (oldest first). */
  orders(filter?: BrokerFilter): BrokerOrder[];
  /** Copies of the session log (in connection order). */
  sessions(filter?: BrokerFilter): BrokerSession[];
  /** The open orders of a client ID on a port, oldest first. */
  openOrders(kind: PortKind, clientId: number): string[];
  /** Gateway down: every hello is refused with 502 and the open sessions are dropped (502, then closed). */
  setGatewayDown(down: boolean): void;
  readonly gatewayDown: boolean;
  stop(): Promise<void>;
}

/** The longest line the broker reads; a longer one is answered with an error and skipped. */
export const MAX_LINE_BYTES = 64 * 1024;

interface Account {
  /** Orders placed so far (the every-n-th rule counts them). */
  placed: number;
  /** Open order id -> id of the session it belongs to (0: nobody's since its session ended). */
  open: Map<string, number>;
  seen: Set<string>;
}

interface Connection {
  socket: net.Socket;
  kind: PortKind;
  port: number;
  session?: BrokerSession;
  buffer: string;
  /** Skipping the rest of an over-long line. */
  skipping: boolean;
  /** No more answers (refused, bye, dropped). */
  done: boolean;
}

type Answer = Record<string, unknown>;
const fail = (e: { code: number; message: string }, extra: Answer = {}): Answer => ({
  ok: false,
  code: e.code,
  message: e.message,
  ...extra,
});
const invalid = (detail: string): Answer =>
  fail({ code: IB.invalid.code, message: `${IB.invalid.message}: ${detail}` });

const iso = (ms = Date.now()) => new Date(ms).toISOString();

function matches(
  filter: BrokerFilter | undefined,
  r: { kind: PortKind; clientId: number },
  time: string,
): boolean {
  if (!filter) return true;
  if (filter.kind && r.kind !== filter.kind) return false;
  if (filter.clientId !== undefined && r.clientId !== filter.clientId) return false;
  if (filter.since !== undefined) {
    const since = typeof filter.since === 'number' ? filter.since : Date.parse(filter.since);
    if (Date.parse(time) < since) return false;
  }
  return true;
}

/** Listens on `port` (0 picks); `fallback`: when the port is taken, pick one instead. */
function listen(server: net.Server, host: string, port: number, fallback: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (fallback && e.code === 'EADDRINUSE') {
        server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
      } else reject(e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startBroker(o: BrokerOptions = {}): Promise<Broker> {
  const host = o.host ?? '127.0.0.1';
  const openEvery = o.openEvery ?? 10;
  const maxOpen = o.maxOpenOrders ?? 100;
  const log = o.log ?? (() => undefined);
  const orderLog: BrokerOrder[] = [];
  const sessionLog: BrokerSession[] = [];
  const accounts = new Map<string, Account>();
  /** `<kind>:<clientId>` -> the connection holding that client ID's session. */
  const active = new Map<string, Connection>();
  const connections = new Set<Connection>();
  let down = false;
  let stopped = false;

  const key = (kind: PortKind, clientId: number) => `${kind}:${clientId}`;
  const account = (kind: PortKind, clientId: number): Account => {
    const k = key(kind, clientId);
    let a = accounts.get(k);
    if (!a) accounts.set(k, (a = { placed: 0, open: new Map(), seen: new Set() }));
    return a;
  };

  const send = (c: Connection, answer: Answer) => {
    if (!c.socket.destroyed && c.socket.writable) c.socket.write(`${JSON.stringify(answer)}\n`);
  };

  /** Ends the connection's session (if any) and closes the connection after `last`. */
  const finish = (c: Connection, by: BrokerSession['closedBy'], last?: Answer) => {
    if (c.done) return;
    c.done = true;
    endSession(c, by);
    if (last) send(c, last);
    c.socket.end();
    // A client that never closes its side (a paused process) must not keep the socket here.
    setTimeout(() => c.socket.destroy(), 2000).unref();
  };

  const endSession = (c: Connection, by: BrokerSession['closedBy']) => {
    const s = c.session;
    if (!s || s.closedAt) return;
    s.closedAt = iso();
    s.closedBy = by;
    log(`broker ${s.kind}: session ${s.id} of client id ${s.clientId} (${s.replica || '?'}) closed (${by})`);
    const k = key(s.kind, s.clientId);
    if (active.get(k) === c) active.delete(k);
    // Its open orders stay with the client ID, nobody's until the next session re-binds them.
    for (const [id, owner] of account(s.kind, s.clientId).open)
      if (owner === s.id) account(s.kind, s.clientId).open.set(id, 0);
  };

  const hello = (c: Connection, msg: Answer): void => {
    if (c.session)
      return send(c, invalid(`this connection already has a session (client id ${c.session.clientId})`));
    const { clientId, revision = '', replica = '' } = msg;
    const epoch = msg.epoch ?? 0;
    if (typeof clientId !== 'number' || !Number.isInteger(clientId) || clientId < 0)
      return send(
        c,
        invalid(`hello needs "clientId", a non-negative integer (got ${JSON.stringify(clientId)})`),
      );
    if (typeof revision !== 'string' || typeof replica !== 'string')
      return send(c, invalid('"revision" and "replica" must be strings'));
    if (typeof epoch !== 'number' || !Number.isFinite(epoch))
      return send(c, invalid(`"epoch" must be a number (got ${JSON.stringify(epoch)})`));
    const now = iso();
    const session: BrokerSession = {
      id: sessionLog.length + 1,
      port: c.port,
      kind: c.kind,
      clientId,
      revision,
      replica,
      epoch,
      connectedAt: now,
    };
    sessionLog.push(session);
    const refuse = down ? IB.cannotConnect : active.has(key(c.kind, clientId)) ? IB.clientIdInUse : undefined;
    if (refuse) {
      Object.assign(session, { closedAt: now, refused: refuse.code });
      log(`broker ${c.kind}: refused client id ${clientId} of ${replica || '?'} with ${refuse.code}`);
      c.done = true;
      send(c, fail(refuse));
      c.socket.end();
      setTimeout(() => c.socket.destroy(), 2000).unref();
      return;
    }
    c.session = session;
    active.set(key(c.kind, clientId), c);
    log(
      `broker ${c.kind}: session ${session.id} of client id ${clientId} (${replica || '?'}, epoch ${epoch})`,
    );
    send(c, { ok: true, openOrders: [...account(c.kind, clientId).open.keys()] });
  };

  const rebind = (c: Connection, s: BrokerSession, msg: Answer): void => {
    const ids = msg.orderIds;
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string' || typeof x === 'number'))
      return send(c, invalid('rebind needs "orderIds", an array of order ids'));
    const open = account(s.kind, s.clientId).open;
    const bound: string[] = [];
    const unknown: string[] = [];
    for (const id of ids.map(String)) {
      if (open.has(id)) {
        open.set(id, s.id);
        bound.push(id);
      } else unknown.push(id);
    }
    send(c, { ok: true, bound, ...(unknown.length ? { unknown } : {}) });
  };

  const order = (c: Connection, s: BrokerSession, msg: Answer): void => {
    const raw = msg.orderId;
    if (!((typeof raw === 'string' && raw !== '') || typeof raw === 'number'))
      return send(c, invalid('an order needs "orderId", a non-empty string'));
    const orderId = String(raw);
    if (msg.side !== undefined && msg.side !== 'BUY' && msg.side !== 'SELL')
      return send(c, invalid(`"side" must be BUY or SELL (got ${JSON.stringify(msg.side)})`));
    if (msg.qty !== undefined && !(typeof msg.qty === 'number' && msg.qty > 0))
      return send(c, invalid(`"qty" must be a positive number (got ${JSON.stringify(msg.qty)})`));
    const a = account(s.kind, s.clientId);
    if (a.seen.has(orderId)) return send(c, fail(IB.duplicateOrderId, { orderId }));
    a.seen.add(orderId);
    const unbound = [...a.open.values()].some((owner) => owner !== s.id);
    const rejected =
      msg.symbol !== undefined && !(typeof msg.symbol === 'string' && KNOWN_SYMBOL.test(msg.symbol));
    if (!rejected) a.placed += 1;
    const status = rejected ? 'Rejected' : a.placed % openEvery === 0 ? 'Submitted' : 'Filled';
    if (status === 'Submitted') {
      a.open.set(orderId, s.id);
      // The oldest open order fills once too many are open.
      if (a.open.size > maxOpen) a.open.delete(a.open.keys().next().value as string);
    }
    orderLog.push({
      time: iso(),
      port: s.port,
      kind: s.kind,
      clientId: s.clientId,
      revision: s.revision,
      replica: s.replica,
      epoch: s.epoch,
      orderId,
      status,
      ...(unbound ? { unbound: true as const } : {}),
      session: s.id,
    });
    if (rejected) return send(c, fail(IB.noSecurity, { orderId, status }));
    send(c, { ok: true, orderId, status, ...(unbound ? { unbound: true } : {}) });
  };

  const handle = (c: Connection, line: string): void => {
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      return send(c, invalid(`not a JSON line: ${JSON.stringify(line.slice(0, 80))}`));
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg))
      return send(c, invalid('each line must be a JSON object with "op"'));
    const m = msg as Answer;
    const op = m.op;
    if (op === 'bye') return finish(c, 'bye', { ok: true });
    if (op === 'hello') return hello(c, m);
    if (op !== 'order' && op !== 'rebind')
      return send(c, invalid(`unknown op ${JSON.stringify(op)}; ops: hello, rebind, order, bye`));
    const s = c.session;
    if (!s)
      return send(c, fail(IB.notConnected, { detail: 'the first line of a session is {"op":"hello",...}' }));
    return op === 'order' ? order(c, s, m) : rebind(c, s, m);
  };

  const tooLong = (c: Connection) =>
    send(c, invalid(`a line longer than ${MAX_LINE_BYTES} bytes was skipped`));

  const onData = (c: Connection, chunk: string) => {
    let text = chunk;
    if (c.skipping) {
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      c.skipping = false;
      text = text.slice(nl + 1);
    }
    c.buffer += text;
    let nl: number;
    while (!c.done && (nl = c.buffer.indexOf('\n')) >= 0) {
      const line = c.buffer.slice(0, nl).replace(/\r$/, '');
      c.buffer = c.buffer.slice(nl + 1);
      if (Buffer.byteLength(line) > MAX_LINE_BYTES) tooLong(c);
      else if (line.trim()) handle(c, line);
    }
    if (c.done) c.buffer = '';
    else if (Buffer.byteLength(c.buffer) > MAX_LINE_BYTES) {
      tooLong(c);
      c.buffer = '';
      c.skipping = true;
    }
  };

  const server = (kind: PortKind) =>
    net.createServer((socket) => {
      const c: Connection = {
        socket,
        kind,
        port: (socket.address() as AddressInfo).port,
        buffer: '',
        skipping: false,
        done: stopped,
      };
      if (stopped) return void socket.destroy();
      connections.add(c);
      socket.setEncoding('utf8');
      socket.setNoDelay(true);
      // A peer that vanished without a FIN ends in time; a hung (paused) process still answers keep-alives.
      socket.setKeepAlive(true, 10_000);
      socket.on('data', (d: string) => onData(c, d));
      // A vanished client: its session ends with the connection.
      socket.on('error', () => undefined);
      socket.on('close', () => {
        connections.delete(c);
        c.done = true;
        endSession(c, 'close');
      });
    });

  const servers = { live: server('live'), paper: server('paper') };
  const ports = {} as Record<PortKind, number>;
  try {
    for (const kind of ['live', 'paper'] as const) {
      const wanted = kind === 'live' ? o.livePort : o.paperPort;
      ports[kind] = await listen(servers[kind], host, wanted ?? DEFAULT_PORTS[kind], wanted === undefined);
      if (wanted === undefined && ports[kind] !== DEFAULT_PORTS[kind])
        log(`broker ${kind}: ${host}:${DEFAULT_PORTS[kind]} is taken; listening on ${host}:${ports[kind]}`);
    }
  } catch (e) {
    for (const s of Object.values(servers)) s.close();
    throw e;
  }

  return {
    host,
    livePort: ports.live,
    paperPort: ports.paper,
    orders: (filter) => orderLog.filter((r) => matches(filter, r, r.time)).map((r) => ({ ...r })),
    sessions: (filter) => sessionLog.filter((r) => matches(filter, r, r.connectedAt)).map((r) => ({ ...r })),
    openOrders: (kind, clientId) => [...(accounts.get(key(kind, clientId))?.open.keys() ?? [])],
    setGatewayDown(value) {
      if (value && !down) {
        log('broker: gateway down: dropping every session');
        for (const c of active.values()) finish(c, 'gateway', fail(IB.cannotConnect));
      }
      down = value;
    },
    get gatewayDown() {
      return down;
    },
    async stop() {
      stopped = true;
      for (const c of connections) {
        endSession(c, 'stop');
        c.done = true;
        c.socket.destroy();
      }
      await Promise.all(
        Object.values(servers).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      );
    },
  };
}

const KINDS = new Set(['live', 'paper']);

/** Filters from a query string: kind, clientId, since. */
function filterOf(url: URL): BrokerFilter {
  const kind = url.searchParams.get('kind') ?? undefined;
  if (kind !== undefined && !KINDS.has(kind))
    throw new HttpError(400, `kind '${kind}': allowed are live, paper`);
  const clientIdRaw = url.searchParams.get('clientId');
  const clientId = clientIdRaw === null ? undefined : Number(clientIdRaw);
  if (clientId !== undefined && !Number.isInteger(clientId))
    throw new HttpError(400, `clientId '${clientIdRaw}': allowed is an integer`);
  const since = url.searchParams.get('since') ?? undefined;
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    throw new HttpError(400, `since '${since}': allowed is an ISO time`);
  return { kind: kind as PortKind | undefined, clientId, since };
}

/**
 * The broker's admin routes (behind the control plane's admin check): GET /_sim/broker/orders and
 * /_sim/broker/sessions (`?kind=live|paper&clientId=N&since=<ISO>`), GET /_sim/broker/report?kind=live|paper
 * (the trading report of that port), GET and POST /_sim/broker/gateway (`{"down": true|false}`).
 */
export function brokerAdminRoute(broker: Broker): Route {
  return async ({ method, url, req, res }) => {
    const path = url.pathname;
    if (!path.startsWith('/_sim/broker/')) return false;
    if (path === '/_sim/broker/orders' && method === 'GET') {
      sendJson(res, 200, { value: broker.orders(filterOf(url)) });
      return true;
    }
    if (path === '/_sim/broker/sessions' && method === 'GET') {
      sendJson(res, 200, { value: broker.sessions(filterOf(url)) });
      return true;
    }
    if (path === '/_sim/broker/report' && method === 'GET') {
      const f = filterOf(url);
      sendJson(res, 200, tradingReport(broker.orders(f), f.kind ?? 'live', { clientId: f.clientId }));
      return true;
    }
    if (path === '/_sim/broker/gateway' && method === 'GET') {
      sendJson(res, 200, { down: broker.gatewayDown });
      return true;
    }
    if (path === '/_sim/broker/gateway' && method === 'POST') {
      let down: unknown;
      try {
        down = (JSON.parse(await readBody(req)) as { down?: unknown }).down;
      } catch {
        down = undefined;
      }
      if (typeof down !== 'boolean')
        throw new HttpError(400, 'the body must be {"down": true} or {"down": false}');
      broker.setGatewayDown(down);
      sendJson(res, 200, { down });
      return true;
    }
    throw new HttpError(404, `no admin route ${method} ${path}`);
  };
}
