// The load phase's wire client against real servers: what only kept connections of its own do (reconnects,
// queueing, a timed-out connection closed, chunked bodies) and runLoad over HTTPS through a resolve entry.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpError } from '../../../src/smoke/http-client.js';
import { parseResolve } from '../../../src/core/inputs.js';
import { type LoadSample, runLoad, SEND_SLACK_MS } from '../../../src/smoke/load.js';
import { createWireClient } from '../../../src/smoke/wire.js';
import { rejectionOf } from '../../support/errors.js';
import { makePki, startApp, type Pki, type TestApp } from '../../support/smoke-servers.js';

/** A server whose handler the test picks, counting connections. */
async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

describe('createWireClient', () => {
  it('opens a new connection for each answer that says Connection: close', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { connection: 'close' }).end('bye'));
    const c = createWireClient({ env: {} });
    try {
      for (let i = 0; i < 3; i += 1)
        expect((await c.request({ url: `${s.url}/` })).body.toString()).toBe('bye');
      expect(s.connections()).toBe(3);
    } finally {
      c.close();
      await s.close();
    }
  });

  it('reconnects after the server closed an idle kept-alive connection', async () => {
    // The server ends each connection a little after answering, without saying so in the answer.
    const s = await serve((req, res) => res.end('ok', () => setTimeout(() => req.socket.end(), 20)));
    const c = createWireClient({ env: {} });
    try {
      expect((await c.request({ url: `${s.url}/` })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await c.request({ url: `${s.url}/` })).status).toBe(200);
      expect(s.connections()).toBe(2);
    } finally {
      c.close();
      await s.close();
    }
  });

  it('reads a chunked body and a body that runs until the server closes', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/raw') {
        req.socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n\r\nto the end');
        return;
      }
      res.write('one,');
      setTimeout(() => res.end('two'), 20);
    });
    const c = createWireClient({ env: {} });
    try {
      const chunked = await c.request({ url: `${s.url}/` });
      expect(chunked.headers['transfer-encoding']).toBe('chunked');
      expect(chunked.body.toString()).toBe('one,two');
      expect((await c.request({ url: `${s.url}/raw` })).body.toString()).toBe('to the end');
    } finally {
      c.close();
      await s.close();
    }
  });

  it('queues requests beyond maxSockets over that many connections', async () => {
    const s = await serve((_req, res) => setTimeout(() => res.end('ok'), 20));
    const c = createWireClient({ env: {}, maxSockets: 2 });
    try {
      const all = await Promise.all(Array.from({ length: 8 }, () => c.request({ url: `${s.url}/` })));
      expect(all.map((r) => r.status)).toEqual(Array(8).fill(200));
      expect(s.connections()).toBe(2);
    } finally {
      c.close();
      await s.close();
    }
  });

  it('closes a connection whose request timed out and answers the next over a new one', async () => {
    const app = await startApp();
    const c = createWireClient({ env: {}, maxSockets: 1 });
    try {
      const e = await rejectionOf(
        HttpError,
        c.request({ url: `http://127.0.0.1:${app.port}/slow?ms=600`, timeoutMs: 100 }),
      );
      expect([e.kind, e.code, e.latencyMs]).toEqual(['timeout', 'ETIMEDOUT', 100]);
      expect((await c.request({ url: `http://127.0.0.1:${app.port}/healthz` })).status).toBe(200);
      expect(app.connections).toBe(2);
    } finally {
      c.close();
      await app.close();
    }
  });

  it('fails a malformed answer as a protocol error', async () => {
    const s = await serve((req) => req.socket.end('SSH-2.0-not-http\r\n\r\n'));
    const c = createWireClient({ env: {} });
    try {
      const e = await rejectionOf(HttpError, c.request({ url: `${s.url}/` }));
      expect([e.kind, e.code]).toEqual(['protocol', 'HPE_INVALID_CONSTANT']);
    } finally {
      c.close();
      await s.close();
    }
  });
});

describe('runLoad over the wire client', () => {
  let pki: Pki;
  let app: TestApp;
  beforeAll(async () => {
    pki = makePki(['app.smoke.test']);
    app = await startApp({ tls: pki, delayMs: 5 });
  });
  afterAll(async () => {
    await app.close();
    pki.cleanup();
  });
  /** A wire client that reaches the app under `name` (resolved to its port), trusting the test CA. */
  const appClient = (name: string, maxSockets: number) =>
    createWireClient({
      resolve: parseResolve('resolve', `${name}:443:127.0.0.1:${app.port}`),
      caFile: pki.caFile,
      env: {},
      maxSockets,
    });

  it('reaches an HTTPS app through a resolve entry with SNI and Host of the name, over at most `concurrency` connections', async () => {
    const client = appClient('app.smoke.test', 3);
    const before = app.connections;
    try {
      const target = {
        name: 'GET /healthz',
        request: { url: 'https://app.smoke.test/healthz' },
        judge: (res: { status: number; body: Buffer }) =>
          res.status === 200 && res.body.toString().includes('"ok"') ? [] : ['wrong answer'],
      };
      const r = await runLoad(client, [target], { durationMs: 1000, rate: 50, concurrency: 3 });
      expect([r.sent, r.answered, r.errors]).toEqual([50, 50, 0]);
      expect(app.connections - before).toBeLessThanOrEqual(3);
      expect([app.lastSni, app.lastHost]).toEqual(['app.smoke.test', 'app.smoke.test']);
    } finally {
      client.close();
    }
  });

  it('the schedule: no request leaves more than SEND_SLACK_MS before its due time, and the last one leaves on time', async () => {
    const client = appClient('app.smoke.test', 4);
    try {
      const samples: LoadSample[] = [];
      const target = { name: 'GET /', request: { url: 'https://app.smoke.test/' }, judge: () => [] };
      const started = performance.now();
      const r = await runLoad(client, [target], { durationMs: 600, rate: 200, concurrency: 4 }, (x) =>
        samples.push(x),
      );
      expect(r.sent).toBe(120);
      expect(Math.min(...samples.map((x) => x.lagMs))).toBeGreaterThanOrEqual(-SEND_SLACK_MS);
      // Early sends do not shorten the run: the last request is due at 595 ms and leaves no sooner than 590 ms.
      expect(performance.now() - started).toBeGreaterThanOrEqual(595 - SEND_SLACK_MS);
      expect(samples.some((x) => x.lagMs < 0)).toBe(true);
    } finally {
      client.close();
    }
  });

  it('counts a certificate for another name as failed samples', async () => {
    const client = appClient('other.smoke.test', 2);
    try {
      const target = { name: 'GET /', request: { url: 'https://other.smoke.test/' }, judge: () => [] };
      const r = await runLoad(client, [target], { durationMs: 200, rate: 20, concurrency: 2 });
      expect(r.problems).toEqual({ 'tls (ERR_TLS_CERT_ALTNAME_INVALID)': 4 });
    } finally {
      client.close();
    }
  });
});
