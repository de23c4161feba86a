// wait-ready (smoke-test's, and deploy-app's readiness proof over it) against real servers: an error of
// configuration that persists (a host DNS does not know, a closed port, a certificate for another name or from
// a CA nobody trusts) ends the wait after a short grace window with what to fix, instead of retrying until the
// deadline; a slow start (a port that opens late, a 503) is still waited for.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import { proveServing } from '../../../src/smoke/prove.js';
import { parseResolve } from '../../../src/core/inputs.js';
import { runSmoke, waitReady } from '../../../src/smoke/run.js';
import { readSmokeSettings } from '../../../src/smoke/settings.js';
import { CONFIG_GRACE_MS } from '../../../src/smoke/ready.js';
import { makePki, startApp, type Pki, type TestApp } from '../../support/smoke-servers.js';

/** A port on 127.0.0.1 that nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const v = await f();
  return [v, performance.now() - start];
};

describe('wait-ready stops on a persistent configuration error', () => {
  let pki: Pki;
  let app: TestApp;
  let closed: number;
  beforeAll(async () => {
    pki = makePki(['other.test']); // a certificate for another name than the one requested
    app = await startApp({ tls: pki });
    closed = await closedPort();
  });
  afterAll(async () => {
    await app.close();
    pki.cleanup();
  });

  const GRACE = 1500;
  it.each<[string, () => { url: string; resolve: string; caFile?: string }, RegExp, RegExp]>([
    [
      'a host DNS does not know (no resolve entry)',
      () => ({ url: 'https://alc-nowhere.invalid/ready', resolve: '' }),
      /^dns \((ENOTFOUND|EAI_AGAIN)\)$/,
      /DNS does not know this host .*give it a resolve entry \(the resolve input/,
    ],
    [
      'a resolve entry that points at a closed port',
      () => ({ url: 'https://app.test/ready', resolve: `app.test:443:127.0.0.1:${closed}` }),
      /^connect \(ECONNREFUSED\)$/,
      /nothing accepts connections .*check its resolve entry \(the resolve input/,
    ],
    [
      'a certificate for another name (its CA trusted)',
      () => ({
        url: 'https://app.test/ready',
        resolve: `app.test:443:127.0.0.1:${app.port}`,
        caFile: pki.caFile,
      }),
      /^tls \(ERR_TLS_CERT_ALTNAME_INVALID\)$/,
      /certificate .*ERR_TLS_CERT_ALTNAME_INVALID.*resolve input.*ca-file input or NODE_EXTRA_CA_CERTS/,
    ],
    [
      'a certificate from a CA nobody here trusts',
      () => ({ url: 'https://other.test/ready', resolve: `other.test:443:127.0.0.1:${app.port}` }),
      /^tls \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)$/,
      /ca-file input or NODE_EXTRA_CA_CERTS/,
    ],
  ])('%s', async (_name, target, seen, hint) => {
    const t = target();
    const [r, ms] = await timed(() =>
      waitReady({
        url: new URL(t.url),
        resolve: parseResolve('resolve', t.resolve),
        caFile: t.caFile,
        deadlineMs: 60_000,
        configGraceMs: GRACE,
      }),
    );
    expect(r.ready).toBe(false);
    expect(r.seen.map((s) => s.seen)).toEqual([expect.stringMatching(seen)]);
    expect(r.configuration).toMatch(hint);
    expect(ms).toBeGreaterThanOrEqual(GRACE);
    expect(ms).toBeLessThan(GRACE + 6000);
  });

  it('a port that opens within the grace window is waited for (a slow start, not a configuration error)', async () => {
    const port = await closedPort();
    const late = new Promise<net.Server>((resolve) =>
      setTimeout(() => {
        const s = net.createServer((c) =>
          c.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok'),
        );
        s.listen(port, '127.0.0.1', () => resolve(s));
      }, 1500),
    );
    try {
      const r = await waitReady({
        url: new URL(`http://late.test:${port}/`),
        resolve: parseResolve('resolve', `late.test:${port}:127.0.0.1`),
        deadlineMs: 30_000,
        configGraceMs: 6000,
      });
      expect(r.ready).toBe(true);
      expect(r.seen[0].seen).toBe('connect (ECONNREFUSED)');
    } finally {
      (await late).close();
    }
  });

  it('an HTTP error is no configuration error: it is retried until the deadline', async () => {
    const plain = await startApp();
    try {
      const [r, ms] = await timed(() =>
        waitReady({
          url: new URL(`http://app.test:${plain.port}/fail`),
          resolve: parseResolve('resolve', `app.test:${plain.port}:127.0.0.1`),
          deadlineMs: 3000,
          configGraceMs: 500,
        }),
      );
      expect([r.ready, r.configuration]).toEqual([false, undefined]);
      expect(ms).toBeGreaterThan(2500);
    } finally {
      await plain.close();
    }
  });
});

describe(`the default grace window (${CONFIG_GRACE_MS / 1000} s)`, () => {
  it("smoke-test's wait-ready (default 2m) gives up on a closed port after the grace window, naming resolve", async () => {
    const port = await closedPort();
    const inputs: Record<string, string> = {
      url: `http://app.test:${port}/healthz`,
      resolve: `app.test:${port}:127.0.0.1`,
      duration: '0',
    };
    const [r, ms] = await timed(() => runSmoke(readSmokeSettings((n) => inputs[n] ?? '', { env: {} })));
    expect(r.passed).toBe(false);
    expect(r.failures).toEqual([
      expect.stringMatching(
        /^wait-ready: not reachable: a configuration error for 1\d\.\ds, not a slow start \(\d+ attempts: connect \(ECONNREFUSED\) ×\d+\).*check its resolve entry \(the resolve input/,
      ),
    ]);
    expect(ms).toBeGreaterThanOrEqual(CONFIG_GRACE_MS);
    expect(ms).toBeLessThan(CONFIG_GRACE_MS + 6000);
  }, 40_000);

  it("deploy-app's readiness proof (deadline: the wait-timeout left) fails on a certificate for another name", async () => {
    const pki = makePki(['somewhere-else.test']);
    const app = await startApp({ tls: pki });
    try {
      const url = new URL(`https://alc-algo-agents--v1.env.test/ready`);
      const [error, ms] = await timed(() =>
        proveServing()({
          url,
          deadlineMs: 600_000,
          resolve: parseResolve('resolve', `*.env.test:443:127.0.0.1:${app.port}`),
          caFile: pki.caFile,
        }).then(
          () => undefined,
          (e: unknown) => e as Error,
        ),
      );
      expect(error?.message).toMatch(
        /^https:\/\/alc-algo-agents--v1\.env\.test\/ready is not reachable: a configuration error .*ERR_TLS_CERT_ALTNAME_INVALID.*the resolve input.*ca-file input or NODE_EXTRA_CA_CERTS/,
      );
      expect(ms).toBeLessThan(CONFIG_GRACE_MS + 6000);
    } finally {
      await app.close();
      pki.cleanup();
    }
  }, 40_000);
});
