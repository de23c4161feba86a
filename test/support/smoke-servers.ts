// Real local HTTP and HTTPS servers for the smoke-test tests: a private CA and a server certificate
// made with the openssl CLI, for names that only a resolve entry makes reachable.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';

export interface Pki {
  dir: string;
  caFile: string;
  key: string;
  cert: string;
  cleanup(): void;
}

/** A private CA and a certificate for the given DNS names (or IPv4 addresses), signed by it. */
export function makePki(names: string[]): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'smoke-pki-'));
  const p = (f: string) => join(dir, f);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    p('ca.key'),
    '-out',
    p('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=smoke test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  run(['req', ...ec, '-keyout', p('srv.key'), '-out', p('srv.csr'), '-subj', `/CN=${names[0]}`]);
  writeFileSync(
    p('ext.cnf'),
    `subjectAltName=${names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}\nextendedKeyUsage=serverAuth\n`,
  );
  run([
    'x509',
    '-req',
    '-in',
    p('srv.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-out',
    p('srv.pem'),
    '-days',
    '2',
    '-extfile',
    p('ext.cnf'),
  ]);
  return {
    dir,
    caFile: p('ca.pem'),
    key: readFileSync(p('srv.key'), 'utf8'),
    cert: readFileSync(p('srv.pem'), 'utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface AppOptions {
  version?: string;
  /** Answers 503 to this many requests before serving (a cold start). */
  coldRequests?: number;
  /** Added to every answer, ms. */
  delayMs?: number;
  /** Random extra delay up to this many ms. */
  jitterMs?: number;
  tls?: { key: string; cert: string };
}

export interface TestApp {
  port: number;
  hits: number;
  /** TCP (or TLS) connections accepted. */
  connections: number;
  /** Host and SNI name of the last request. */
  lastHost?: string;
  lastSni?: string;
  lastHeaders?: http.IncomingHttpHeaders;
  close(): Promise<void>;
}

/**
 * Routes: /healthz (JSON status and build), /version, /slow?ms=N, /fail (500), /flap (every other one 503),
 * /reset (destroys the connection), /echo (method, headers and body back), /headers (a custom header).
 */
export async function startApp(o: AppOptions = {}): Promise<TestApp> {
  const app: TestApp = { port: 0, hits: 0, connections: 0, close: async () => undefined };
  let flap = 0;
  const handler: http.RequestListener = (req, res) => {
    app.hits += 1;
    app.lastHost = req.headers.host;
    app.lastSni = (req.socket as TLSSocket).servername || undefined;
    app.lastHeaders = req.headers;
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-app-version': o.version ?? '1.0.0' });
      res.end(JSON.stringify(body));
    };
    if (o.coldRequests && app.hits <= o.coldRequests) return json(503, { status: 'starting' });
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = () => {
        switch (url.pathname) {
          case '/reset':
            return req.socket.destroy();
          case '/fail':
            return json(500, { error: 'boom' });
          case '/flap':
            flap += 1;
            return flap % 2 ? json(200, { status: 'ok' }) : json(503, { status: 'flapping' });
          case '/version':
            return json(200, { version: o.version ?? '1.0.0' });
          case '/echo':
            return json(200, {
              method: req.method,
              headers: req.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          case '/slow':
            return setTimeout(() => json(200, { status: 'ok' }), Number(url.searchParams.get('ms') ?? 100));
          case '/':
          case '/healthz':
            return json(200, { status: 'ok', build: { version: o.version ?? '1.0.0', items: [1, 2] } });
          default:
            return json(404, { error: 'not found' });
        }
      };
      const wait = (o.delayMs ?? 0) + Math.random() * (o.jitterMs ?? 0);
      if (wait > 0) setTimeout(answer, wait);
      else answer();
    });
  };
  const server = o.tls
    ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, handler)
    : http.createServer(handler);
  server.keepAliveTimeout = 30_000;
  server.on(o.tls ? 'secureConnection' : 'connection', () => (app.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  app.port = (server.address() as AddressInfo).port;
  app.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return app;
}

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RecordingServer {
  /** https://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Every request received, body included. */
  requests: Recorded[];
  /** TLS connections accepted (a client that only connected shows here). */
  connections: number;
  close(): Promise<void>;
}

/**
 * An HTTPS server on 127.0.0.1 (the certificate of `tls` must name that address) that records every request and
 * answers with `answer` (default 404).
 */
export async function startRecorder(
  tls: { key: string; cert: string },
  answer: (
    request: Recorded,
    origin: string,
  ) => { status: number; headers?: Record<string, string>; body?: string } = () => ({
    status: 404,
  }),
): Promise<RecordingServer> {
  const recorder: RecordingServer = {
    origin: '',
    port: 0,
    requests: [],
    connections: 0,
    close: async () => undefined,
  };
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: Recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      recorder.requests.push(request);
      const a = answer(request, recorder.origin);
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body ?? '');
    });
  });
  server.on('secureConnection', () => (recorder.connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder.port = (server.address() as AddressInfo).port;
  recorder.origin = `https://127.0.0.1:${recorder.port}`;
  recorder.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return recorder;
}
