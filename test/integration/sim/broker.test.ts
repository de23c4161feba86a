// The broker stand-in with real TCP clients: sessions per client ID and port (326), open orders kept and re-bound,
// the unbound flag, the gateway switch (502), garbage and vanishing clients; its admin routes through the
// simulator's admin API; and a hung container (docker pause) that keeps its session open.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IB, startBroker, type Broker } from '../../../sim/broker.js';
import { DockerCli } from '../../../sim/docker.js';
import { httpsRequest } from '../../../sim/http.js';
import { startSimulator, type Simulator } from '../../../sim/index.js';
import { DockerRuntime } from '../../../sim/runtime.js';
import { BrokerClient } from '../../support/broker-client.js';
import { describeWithDocker, eventually, uniqueName } from '../../support/docker.js';

const HOST = '127.0.0.1';
const CLIENT_ID_IN_USE =
  'Unable to connect as the client id is already in use. Retry with a unique client id.';

describe('the broker stand-in', () => {
  let broker: Broker;
  const clients: BrokerClient[] = [];
  const connect = async (kind: 'live' | 'paper' = 'live') => {
    const c = await BrokerClient.connect(HOST, kind === 'live' ? broker.livePort : broker.paperPort);
    clients.push(c);
    return c;
  };
  let nextClientId = 100;
  /** A client ID no earlier test used. */
  const fresh = () => nextClientId++;

  beforeAll(async () => {
    broker = await startBroker({ host: HOST, livePort: 0, paperPort: 0 });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.destroy();
    broker.setGatewayDown(false);
  });
  afterAll(() => broker.stop());

  it('accepts a session and records it', async () => {
    const id = fresh();
    const c = await connect();
    expect(await c.hello(id, 'app--a-x1', 4)).toEqual({ ok: true, openOrders: [] });
    const [s] = broker.sessions({ clientId: id });
    expect(s).toMatchObject({
      port: broker.livePort,
      kind: 'live',
      clientId: id,
      revision: 'app--a',
      replica: 'app--a-x1',
      epoch: 4,
    });
    expect(s.connectedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(s.closedAt).toBeUndefined();
  });

  it('takes a hello without revision, replica or epoch (null epoch too) as empty names and epoch 0', async () => {
    const id = fresh();
    const c = await connect('paper');
    expect(await c.ask({ op: 'hello', clientId: id, epoch: null })).toEqual({ ok: true, openOrders: [] });
    expect(broker.sessions({ clientId: id })[0]).toMatchObject({ revision: '', replica: '', epoch: 0 });
  });

  it('refuses a second session with the same client ID on the same port (326), none across ports', async () => {
    const id = fresh();
    const first = await connect();
    expect((await first.hello(id, 'app--a-1')).ok).toBe(true);
    const second = await connect();
    expect(await second.hello(id, 'app--b-1', 2)).toEqual({
      ok: false,
      code: 326,
      message: CLIENT_ID_IN_USE,
    });
    await second.closed; // the broker closes a refused connection
    expect(IB.clientIdInUse.message).toBe(CLIENT_ID_IN_USE);
    const refused = broker.sessions({ clientId: id }).find((s) => s.replica === 'app--b-1');
    expect(refused).toMatchObject({ refused: 326, epoch: 2 });
    expect(refused?.closedAt).toBe(refused?.connectedAt);
    // The same client ID on the paper port is another account's session; another client ID is fine too.
    const paper = await connect('paper');
    expect((await paper.hello(id, 'app--b-1')).ok).toBe(true);
    const other = await connect();
    expect((await other.hello(id + 1000, 'app--b-1')).ok).toBe(true);
    // The first session goes on.
    expect(await first.ask({ op: 'order', orderId: `${id}-1`, symbol: 'SPY', side: 'BUY', qty: 1 })).toEqual({
      ok: true,
      orderId: `${id}-1`,
      status: 'Filled',
    });
  });

  it('frees the client ID when the session ends (TCP close or bye)', async () => {
    const id = fresh();
    const first = await connect();
    await first.hello(id, 'app--a-1');
    await first.close();
    await eventually(() => broker.sessions({ clientId: id })[0].closedAt);
    expect(broker.sessions({ clientId: id })[0].closedBy).toBe('close');
    const second = await connect();
    expect((await second.hello(id, 'app--b-1')).ok).toBe(true);
    expect(await second.ask({ op: 'bye' })).toEqual({ ok: true });
    await second.closed;
    expect(broker.sessions({ clientId: id })[1]).toMatchObject({ replica: 'app--b-1', closedBy: 'bye' });
    const third = await connect();
    expect((await third.hello(id, 'app--c-1')).ok).toBe(true);
  });

  it('keeps every 10th order open for the client ID; the next session re-binds them (unbound before)', async () => {
    const id = fresh();
    const a = await connect();
    await a.hello(id, 'app--a-1', 1);
    const statuses: string[] = [];
    for (let i = 1; i <= 25; i++)
      statuses.push(
        String((await a.ask({ op: 'order', orderId: `o${i}`, symbol: 'SPY', side: 'BUY', qty: 1 })).status),
      );
    expect(statuses.filter((s) => s === 'Submitted')).toHaveLength(2);
    expect(statuses[9]).toBe('Submitted');
    expect(statuses[19]).toBe('Submitted');
    expect(broker.openOrders('live', id)).toEqual(['o10', 'o20']);
    // A's own open orders do not make its orders unbound.
    expect(broker.orders({ clientId: id }).some((o) => o.unbound)).toBe(false);
    await a.close();

    const b = await connect();
    expect(await b.hello(id, 'app--b-1', 2)).toEqual({ ok: true, openOrders: ['o10', 'o20'] });
    // An order before the re-bind is accepted but flagged.
    expect(await b.ask({ op: 'order', orderId: 'b1', symbol: 'SPY', side: 'SELL', qty: 1 })).toEqual({
      ok: true,
      orderId: 'b1',
      status: 'Filled',
      unbound: true,
    });
    expect(await b.ask({ op: 'rebind', orderIds: ['o10', 'o20', 'nope'] })).toEqual({
      ok: true,
      bound: ['o10', 'o20'],
      unknown: ['nope'],
    });
    const after = [];
    for (let i = 2; i <= 5; i++) after.push(await b.ask({ op: 'order', orderId: `b${i}` }));
    expect(after.map((x) => x.unbound)).toEqual([undefined, undefined, undefined, undefined]);
    // The count runs per client ID across sessions: its 30th order stays open.
    expect(after[3].status).toBe('Submitted');
    expect(broker.openOrders('live', id)).toEqual(['o10', 'o20', 'b5']);
    // The paper port keeps its own open orders.
    expect(broker.openOrders('paper', id)).toEqual([]);

    const log = broker.orders({ clientId: id });
    expect(log).toHaveLength(30);
    expect(log[25]).toMatchObject({
      port: broker.livePort,
      kind: 'live',
      clientId: id,
      revision: 'app--b',
      replica: 'app--b-1',
      epoch: 2,
      orderId: 'b1',
      status: 'Filled',
      unbound: true,
    });
    expect(log[25].time).toMatch(/\.\d{3}Z$/);
    expect(log[25].session).toBe(broker.sessions({ clientId: id })[1].id);
    expect(log[26].unbound).toBeUndefined();
  });

  it('leaves orders not re-bound unbound', async () => {
    const id = fresh();
    const a = await connect();
    await a.hello(id, 'app--a-1');
    for (let i = 1; i <= 20; i++) await a.ask({ op: 'order', orderId: `p${i}` });
    await a.close();
    const b = await connect();
    await b.hello(id, 'app--b-1');
    expect((await b.ask({ op: 'rebind', orderIds: ['p10'] })).bound).toEqual(['p10']);
    expect((await b.ask({ op: 'order', orderId: 'q1' })).unbound).toBe(true);
  });

  it('answers an error line for garbage and keeps the session', async () => {
    const id = fresh();
    const c = await connect();
    const beforeHello = await c.ask({ op: 'order', orderId: 'x' });
    expect(beforeHello).toMatchObject({ ok: false, code: 504, message: 'Not connected' });
    expect(await c.ask('this is not json')).toMatchObject({ ok: false, code: 321 });
    expect(await c.ask({ op: 'hello', clientId: 'one' })).toMatchObject({ ok: false, code: 321 });
    expect((await c.hello(id)).ok).toBe(true);
    for (const garbage of [
      '[1,2]',
      '"op"',
      '{"op":"dance"}',
      '{"op":"order"}',
      '{"op":"order","orderId":"g","qty":-1}',
      '{"op":"rebind","orderIds":"o1"}',
    ]) {
      const answer = await c.ask(garbage);
      expect(answer).toMatchObject({ ok: false, code: 321 });
      expect(String(answer.message)).toMatch(/^Error validating request: /);
    }
    expect(await c.ask({ op: 'hello', clientId: id })).toMatchObject({ ok: false, code: 321 });
    // A line longer than the broker reads is skipped with one error; the next line is read again.
    c.write(`{"op":"order","orderId":"${'z'.repeat(70_000)}"}`);
    expect(await c.next()).toMatchObject({ ok: false, code: 321 });
    // Also when it comes in pieces: the error as soon as it is too long, its rest skipped.
    c.socket.write(`{"op":"order","orderId":"${'y'.repeat(70_000)}`);
    expect(await c.next()).toMatchObject({ ok: false, code: 321, message: /longer than 65536 bytes/ });
    c.socket.write(`${'y'.repeat(1000)}"}\n`);
    expect(await c.ask({ op: 'order', orderId: 'g1' })).toEqual({
      ok: true,
      orderId: 'g1',
      status: 'Filled',
    });
    expect(await c.ask({ op: 'order', orderId: 'g1' })).toEqual({
      ok: false,
      code: 103,
      message: 'Duplicate order id',
      orderId: 'g1',
    });
    expect(c.isClosed).toBe(false);
    expect(broker.sessions({ clientId: id })).toHaveLength(1);
    expect(broker.orders({ clientId: id }).map((o) => o.orderId)).toEqual(['g1']);
  });

  it('survives clients that vanish mid-line or before saying anything', async () => {
    const id = fresh();
    const c = await connect();
    await c.hello(id);
    c.socket.write('{"op":"order","orderI');
    c.socket.destroy();
    const silent = await connect();
    silent.socket.destroy();
    await eventually(() => broker.sessions({ clientId: id })[0].closedAt);
    const again = await connect();
    expect((await again.hello(id)).ok).toBe(true);
    expect(broker.orders({ clientId: id })).toEqual([]);
  });

  it('gateway down: drops the sessions and refuses every hello with 502 until it is up again', async () => {
    const id = fresh();
    const c = await connect();
    await c.hello(id);
    broker.setGatewayDown(true);
    expect(broker.gatewayDown).toBe(true);
    expect(await c.next()).toEqual({ ok: false, code: 502, message: "Couldn't connect to TWS." });
    await c.closed;
    expect(broker.sessions({ clientId: id })[0]).toMatchObject({ closedBy: 'gateway' });
    const d = await connect('paper');
    expect(await d.hello(id)).toEqual({ ok: false, code: 502, message: "Couldn't connect to TWS." });
    await d.closed;
    expect(broker.sessions({ clientId: id, kind: 'paper' })[0]).toMatchObject({ refused: 502 });
    broker.setGatewayDown(false);
    const e = await connect();
    expect((await e.hello(id)).ok).toBe(true);
  });

  it('filters its logs by port kind, client ID and time', async () => {
    const id = fresh();
    const c = await connect('paper');
    await c.hello(id);
    await c.ask({ op: 'order', orderId: 'f1' });
    const mid = Date.now();
    await new Promise((r) => setTimeout(r, 5));
    await c.ask({ op: 'order', orderId: 'f2' });
    expect(broker.orders({ clientId: id, kind: 'paper' }).map((o) => o.orderId)).toEqual(['f1', 'f2']);
    expect(broker.orders({ clientId: id, kind: 'live' })).toEqual([]);
    expect(broker.orders({ clientId: id, since: mid + 1 }).map((o) => o.orderId)).toEqual(['f2']);
    expect(broker.orders({ clientId: id })[0]).toMatchObject({ kind: 'paper', port: broker.paperPort });
  });

  it('listens on 7496 / 7497 by default, and on other ports when those are taken', async () => {
    const a = await startBroker({ host: HOST });
    const b = await startBroker({ host: HOST });
    try {
      expect(new Set([a.livePort, a.paperPort, b.livePort, b.paperPort]).size).toBe(4);
      for (const x of [a, b]) {
        const c = await BrokerClient.connect(HOST, x.livePort);
        clients.push(c);
        expect((await c.hello(1)).ok).toBe(true);
      }
      // Whoever holds 7496 on this host (this broker a, or another one), a second broker did not fail.
      const holder = await new Promise<boolean>((resolve) => {
        const s = net.connect({ host: HOST, port: 7496 }, () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
      expect(holder).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('the broker in the simulator (ARM-only)', () => {
  let sim: Simulator;
  let stateDir: string;
  const admin = (method: string, path: string, body?: unknown, token = sim.ids.adminToken) =>
    httpsRequest(`${sim.endpoints.admin}${path}`, {
      ca: sim.ca,
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'alc-sim-broker-'));
    sim = await startSimulator({
      stateDir,
      docker: false,
      registry: false,
      brokerLivePort: 0,
      brokerPaperPort: 0,
    });
  });
  afterAll(async () => {
    await sim.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('serves the broker on loopback and names it in the environment', async () => {
    expect(sim.broker.host).toBe(HOST);
    expect(sim.env.ALC_SIM_BROKER_LIVE).toBe(`${HOST}:${sim.broker.livePort}`);
    expect(sim.env.ALC_SIM_BROKER_PAPER).toBe(`${HOST}:${sim.broker.paperPort}`);
    const c = await BrokerClient.connect(HOST, sim.broker.livePort);
    try {
      expect((await c.hello(3, 'app--a-1', 1)).ok).toBe(true);
      await c.ask({ op: 'order', orderId: 'a1' });
      await new Promise((r) => setTimeout(r, 20));
      await c.ask({ op: 'order', orderId: 'a2' });
    } finally {
      await c.close();
    }
  });

  it('shows orders, sessions and the report through the admin API, only to the admin', async () => {
    const orders = await admin('GET', '/broker/orders?kind=live&clientId=3');
    expect(orders.status).toBe(200);
    expect((JSON.parse(orders.body) as { value: unknown[] }).value).toMatchObject([
      { orderId: 'a1', replica: 'app--a-1', kind: 'live' },
      { orderId: 'a2', replica: 'app--a-1', kind: 'live' },
    ]);
    expect(JSON.parse((await admin('GET', '/broker/orders?kind=paper')).body)).toEqual({ value: [] });
    const sessions = JSON.parse((await admin('GET', '/broker/sessions')).body) as {
      value: Array<{ closedAt?: string }>;
    };
    expect(sessions.value).toHaveLength(1);
    expect(sessions.value[0].closedAt).toBeDefined();
    const report = JSON.parse((await admin('GET', '/broker/report?kind=live')).body) as Record<
      string,
      unknown
    >;
    expect(report).toMatchObject({ kind: 'live', orders: 2, overlapMs: 0, exclusive: true, gaps: [] });
    expect((await admin('GET', '/broker/orders?kind=demo')).status).toBe(400);
    expect((await admin('GET', '/broker/orders', undefined, 'wrong')).status).toBe(403);
    expect((await admin('GET', '/broker/nothing')).status).toBe(404);
  });

  it('switches the gateway down and up through the admin API', async () => {
    expect((await admin('POST', '/broker/gateway', { down: 'yes' })).status).toBe(400);
    const down = await admin('POST', '/broker/gateway', { down: true });
    expect([down.status, JSON.parse(down.body)]).toEqual([200, { down: true }]);
    expect(sim.broker.gatewayDown).toBe(true);
    expect(JSON.parse((await admin('GET', '/broker/gateway')).body)).toEqual({ down: true });
    const c = await BrokerClient.connect(HOST, sim.broker.paperPort);
    expect(await c.hello(3)).toMatchObject({ ok: false, code: 502 });
    await c.closed;
    await admin('POST', '/broker/gateway', { down: false });
    expect(sim.broker.gatewayDown).toBe(false);
  });

  it('cannot hang a revision without containers', async () => {
    const res = await admin('POST', '/revisions/app--a/hang');
    expect(res.status).toBe(409);
    await expect(sim.hangRevision('app--a')).rejects.toThrow(/ARM-only/);
  });
});

describeWithDocker('a hung revision and its broker session', () => {
  const docker = new DockerCli();
  const tag = `${uniqueName('alc-broker-test')}:1`;
  let contextDir: string;
  let runtime: DockerRuntime;
  let sim: Simulator;
  let stateDir: string;

  beforeAll(async () => {
    contextDir = mkdtempSync(join(tmpdir(), 'alc-broker-image-'));
    copyFileSync('/bin/busybox', join(contextDir, 'busybox'));
    writeFileSync(
      join(contextDir, 'Dockerfile'),
      'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n',
    );
    await docker.build(contextDir, { tag });
    runtime = new DockerRuntime({ pullPolicy: 'missing', probeIntervalMs: 500 });
    stateDir = mkdtempSync(join(tmpdir(), 'alc-sim-broker-'));
    // Default ports: 7496 and 7497 on this simulator's own network gateway, what containers dial.
    sim = await startSimulator({ stateDir, runtime, registry: false, storage: false });
  }, 120_000);
  afterAll(async () => {
    await sim?.stop();
    await docker.rmi([tag]);
    rmSync(contextDir, { recursive: true, force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }, 60_000);

  it("listens on 7496 and 7497 on the containers' network gateway", async () => {
    expect(sim.broker.host).toBe(await docker.networkGateway(runtime.network));
    expect(sim.broker.host).not.toBe(HOST);
    expect([sim.broker.livePort, sim.broker.paperPort]).toEqual([7496, 7497]);
    expect(sim.env.ALC_SIM_BROKER_LIVE).toBe(`${sim.broker.host}:7496`);
  });

  it('keeps the session of a paused container open (326 for the next one) until the container is gone', async () => {
    const revision = 'hangapp--v1';
    const hello = (epoch: number) =>
      `{"op":"hello","clientId":9,"revision":"'"$CONTAINER_APP_REVISION"'","replica":"'"$CONTAINER_APP_REPLICA_NAME"'","epoch":${epoch}}`;
    // The container's process: hello to ib-gateway:7496 (the simulator's --add-host), then hold the connection.
    const script = `(printf '%s\\n' '${hello(5)}'; sleep 3600) | nc ib-gateway 7496`;
    await runtime.ensureRevision({
      revisionName: revision,
      appName: 'hangapp',
      image: tag,
      env: {},
      targetPort: 8080,
      replicas: 1,
      command: ['/bin/sh', '-c', script],
    });
    const session = await eventually(() => sim.broker.sessions({ clientId: 9 })[0], 30_000);
    expect(session).toMatchObject({ revision, epoch: 5, kind: 'live' });
    expect(session.replica).toMatch(/^hangapp--v1-[0-9a-f]{6}$/);
    expect(session.refused).toBeUndefined();

    const res = await httpsRequest(`${sim.endpoints.admin}/revisions/${revision}/hang`, {
      ca: sim.ca,
      method: 'POST',
      headers: { authorization: `Bearer ${sim.ids.adminToken}` },
    });
    expect(res.status).toBe(200);
    const [id] = runtime.replicas(revision).map((r) => r.id);
    expect(JSON.parse(res.body)).toEqual({ revision, paused: [id] });
    expect((await docker.inspect(id))?.status).toBe('paused');
    expect(
      (
        await httpsRequest(`${sim.endpoints.admin}/revisions/nope--x/hang`, {
          ca: sim.ca,
          method: 'POST',
          headers: { authorization: `Bearer ${sim.ids.adminToken}` },
        })
      ).status,
    ).toBe(404);

    // Hung: its TCP session stays, so the next instance with the same client ID is refused.
    await new Promise((r) => setTimeout(r, 2000));
    expect(sim.broker.sessions({ clientId: 9 })[0].closedAt).toBeUndefined();
    const next = await BrokerClient.connect(sim.broker.host, sim.broker.livePort);
    expect(await next.hello(9, 'hangapp--v2-abcdef', 6)).toMatchObject({ ok: false, code: 326 });
    await next.closed;

    // Resumed, it still holds the session; gone, the session ends.
    await docker.unpause([id]);
    await new Promise((r) => setTimeout(r, 500));
    expect(sim.broker.sessions({ clientId: 9 })[0].closedAt).toBeUndefined();
    await docker.pause([id]);
    await runtime.stopRevision(revision); // docker rm -f of the paused container
    const closed = await eventually(() => sim.broker.sessions({ clientId: 9 })[0].closedAt, 15_000);
    expect(Date.parse(closed)).toBeGreaterThan(Date.parse(session.connectedAt));
    expect(sim.broker.sessions({ clientId: 9 })[0].closedBy).toBe('close');
    const after = await BrokerClient.connect(sim.broker.host, sim.broker.livePort);
    expect((await after.hello(9, 'hangapp--v2-abcdef', 6)).ok).toBe(true);
    await after.close();
  }, 90_000);
});
