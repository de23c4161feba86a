// The resolve-aware clients (src/smoke/http-client.ts, and the load phase's src/smoke/wire.ts) against real HTTP and HTTPS
// servers (private CA, names only resolve knows): both must reach an app the same way.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createHttpClient,
  HttpError,
  type HttpClient,
  type HttpClientOptions,
} from '../../../src/smoke/http-client.js';
import { parseResolve } from '../../../src/core/inputs.js';
import { createWireClient } from '../../../src/smoke/wire.js';
import { rejectionOf } from '../../support/errors.js';
import { makePki, startApp, type Pki, type TestApp } from '../../support/smoke-servers.js';

const failure = (p: Promise<unknown>): Promise<HttpError> => rejectionOf(HttpError, p);

const CLIENTS: Array<[string, (o: HttpClientOptions) => HttpClient]> = [
  ['createHttpClient', createHttpClient],
  ['createWireClient', createWireClient],
];

describe.each(CLIENTS)('%s', (_name, createClient) => {
  describe('over TLS with a private CA', () => {
    let pki: Pki;
    let app: TestApp;
    beforeAll(async () => {
      pki = makePki(['app.smoke.test', '*.apps.smoke.test']);
      app = await startApp({ tls: pki, version: '2.0.0' });
    });
    afterAll(async () => {
      await app.close();
      pki.cleanup();
    });

    it('reaches a name DNS does not know through resolve, with SNI and Host of the original name', async () => {
      const client = createClient({
        resolve: parseResolve('resolve', `app.smoke.test:443:127.0.0.1:${app.port}`),
        caFile: pki.caFile,
        env: {},
      });
      try {
        const res = await client.request({ url: 'https://app.smoke.test/version' });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.body.toString())).toEqual({ version: '2.0.0' });
        expect(app.lastSni).toBe('app.smoke.test');
        expect(app.lastHost).toBe('app.smoke.test');
        expect(res.latencyMs).toBeGreaterThan(0);
        expect(res.ttfbMs).toBeLessThanOrEqual(res.latencyMs);
      } finally {
        client.close();
      }
    });

    it('matches a wildcard entry and trusts the CA from NODE_EXTRA_CA_CERTS', async () => {
      const client = createClient({
        resolve: parseResolve('resolve', `*.apps.smoke.test:443:127.0.0.1:${app.port}`),
        env: { NODE_EXTRA_CA_CERTS: pki.caFile },
      });
      try {
        const res = await client.request({ url: 'https://blue.apps.smoke.test/healthz' });
        expect(res.status).toBe(200);
        expect(app.lastSni).toBe('blue.apps.smoke.test');
      } finally {
        client.close();
      }
    });

    it('gives each URL its own name when one client alternates between them', async () => {
      const client = createClient({
        resolve: parseResolve('resolve', `*.apps.smoke.test:443:127.0.0.1:${app.port}`),
        caFile: pki.caFile,
        env: {},
      });
      try {
        const seen: Array<[string, string | undefined, string | undefined]> = [];
        for (const name of ['blue', 'green', 'blue', 'green']) {
          const res = await client.request({ url: new URL(`https://${name}.apps.smoke.test/healthz`) });
          expect(res.status).toBe(200);
          seen.push([name, app.lastHost, app.lastSni]);
        }
        expect(seen).toEqual([
          ['blue', 'blue.apps.smoke.test', 'blue.apps.smoke.test'],
          ['green', 'green.apps.smoke.test', 'green.apps.smoke.test'],
          // The second round goes over each name's own kept-alive connection.
          ['blue', 'blue.apps.smoke.test', 'blue.apps.smoke.test'],
          ['green', 'green.apps.smoke.test', 'green.apps.smoke.test'],
        ]);
      } finally {
        client.close();
      }
    });

    it('refuses the server without its CA, with a clear TLS error', async () => {
      const client = createClient({
        resolve: parseResolve('resolve', `app.smoke.test:443:127.0.0.1:${app.port}`),
        env: {},
      });
      try {
        const e = await failure(client.request({ url: 'https://app.smoke.test/healthz' }));
        expect(e.kind).toBe('tls');
        expect(e.message).toMatch(/app\.smoke\.test.*resolved to 127\.0\.0\.1/);
        expect(e.message).toMatch(/ca-file|NODE_EXTRA_CA_CERTS/);
      } finally {
        client.close();
      }
    });

    it('refuses a name the certificate does not cover, even though the CA is trusted', async () => {
      const client = createClient({
        resolve: parseResolve('resolve', `other.smoke.test:443:127.0.0.1:${app.port}`),
        caFile: pki.caFile,
        env: {},
      });
      try {
        const e = await failure(client.request({ url: 'https://other.smoke.test/healthz' }));
        expect(e.kind).toBe('tls');
        expect(e.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      } finally {
        client.close();
      }
    });
  });

  it('connects to an IPv6 address given as [::1] with another port, keeping the Host name', async () => {
    const server = http.createServer((req, res) => res.end(`host=${req.headers.host}`));
    await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = createClient({
      resolve: parseResolve('resolve', `app.v6.test:80:[::1]:${port}`),
      env: {},
    });
    try {
      const res = await client.request({ url: 'http://app.v6.test/' });
      expect(res.body.toString()).toBe('host=app.v6.test');
    } finally {
      client.close();
      server.close();
    }
  });

  it('names an unreadable CA file', () => {
    expect(() => createClient({ env: { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' } })).toThrow(
      /Cannot read the CA certificate file \/nonexistent\/ca\.pem \(ca-file or NODE_EXTRA_CA_CERTS\)/,
    );
  });

  describe('over plain HTTP', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startApp();
    });
    afterAll(() => app.close());

    const client = () =>
      createClient({
        resolve: parseResolve('resolve', `app.test:${app.port}:127.0.0.1`),
        timeoutMs: 2000,
        env: {},
      });

    it('sends method, headers and body, and keeps the connection alive', async () => {
      const c = client();
      try {
        const res = await c.request({
          url: `http://app.test:${app.port}/echo`,
          method: 'POST',
          headers: { 'x-a': '1' },
          body: 'hello',
        });
        const echo = JSON.parse(res.body.toString());
        expect(echo).toMatchObject({
          method: 'POST',
          body: 'hello',
          headers: { 'x-a': '1', host: `app.test:${app.port}` },
        });
        const before = app.connections;
        for (let i = 0; i < 3; i += 1) await c.request({ url: `http://app.test:${app.port}/echo` });
        expect(app.connections).toBe(before);
      } finally {
        c.close();
      }
    });

    it.each([
      ['/slow?ms=800', 'timeout', { timeoutMs: 200 }],
      ['/reset', 'reset', {}],
    ])('%s fails as %s', async (path, kind, extra) => {
      const c = client();
      try {
        const e = await failure(c.request({ url: `http://app.test:${app.port}${path}`, ...extra }));
        expect(e.kind).toBe(kind);
      } finally {
        c.close();
      }
    });

    it('says that DNS does not know a host without a resolve entry', async () => {
      const c = createClient({ env: {}, timeoutMs: 5000 });
      try {
        const e = await failure(c.request({ url: 'http://no-such-host.invalid/' }));
        expect(['dns', 'timeout']).toContain(e.kind);
        if (e.kind === 'dns') expect(e.message).toMatch(/resolve entry/);
      } finally {
        c.close();
      }
    });

    it('reports a refused connection', async () => {
      const closed = await startApp();
      const port = closed.port;
      await closed.close();
      const c = createClient({ env: {} });
      try {
        const e = await failure(c.request({ url: `http://127.0.0.1:${port}/` }));
        expect(e.kind).toBe('connect');
        expect(e.code).toBe('ECONNREFUSED');
      } finally {
        c.close();
      }
    });

    it('keeps at most maxBodyBytes of a body', async () => {
      const c = createClient({ env: {}, maxBodyBytes: 10 });
      try {
        const res = await c.request({ url: `http://127.0.0.1:${app.port}/healthz` });
        expect(res.body.length).toBe(10);
        expect(res.truncated).toBe(true);
      } finally {
        c.close();
      }
    });
  });
});
