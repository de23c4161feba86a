// runSmoke against real local servers: every check and threshold passes and fails when it should.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runSmoke } from '../../../src/smoke/run.js';
import { readSmokeSettings } from '../../../src/smoke/settings.js';
import type { SmokeReport } from '../../../src/smoke/summary.js';
import { makePki, startApp, type Pki, type TestApp } from '../../support/smoke-servers.js';

/** Runs the smoke test with action-style inputs against http://app.test:<port> reached through resolve. */
async function smoke(app: TestApp, inputs: Record<string, string>, workspace?: string): Promise<SmokeReport> {
  const all: Record<string, string> = {
    url: `http://app.test:${app.port}/healthz`,
    resolve: `app.test:${app.port}:127.0.0.1`,
    'wait-ready': '0',
    duration: '0',
    timeout: '3s',
    ...inputs,
  };
  return runSmoke(
    readSmokeSettings((name) => all[name] ?? '', { env: workspace ? { GITHUB_WORKSPACE: workspace } : {} }),
  );
}

describe('runSmoke checks', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ version: '1.4.0' });
  });
  afterAll(() => app.close());

  it('passes every kind of check, the version and a short load', async () => {
    const checks = [
      '- name: health',
      '  path: /healthz',
      '  status: [200, 204]',
      '  contains: [ok, build]',
      '  json: { status: ok, build.version: "1.4.0", build.items.1: 2 }',
      "  response-headers: { content-type: application/json, x-app-version: '/^1\\.4\\./' }",
      '  max-latency-ms: 2000',
      '- name: order echo',
      '  method: POST',
      '  path: /echo',
      '  body: { symbol: MSFT, qty: 1 }',
      '  status: 2xx',
      '  json: { method: POST, headers.content-type: application/json }',
      '  contains: MSFT',
    ].join('\n');
    const r = await smoke(app, {
      checks,
      'expect-version': 'v1.4.0',
      duration: '1s',
      rate: '30',
      concurrency: '4',
    });
    expect(r.failures).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.checks.map((c) => [c.name, c.passed, c.status])).toEqual([
      ['health', true, 200],
      ['order echo', true, 200],
    ]);
    expect(r.version).toMatchObject({ expected: 'v1.4.0', actual: '1.4.0', passed: true });
    expect(r.load?.sent).toBe(30);
    expect(r.load?.errors).toBe(0);
    expect(r.metrics.from).toBe('load');
    expect(r.metrics.p95Ms).toBeGreaterThan(0);
    expect(r.thresholds.every((t) => t.passed)).toBe(true);
  });

  it.each([
    ['status', '- path: /fail', /status 500, expected 2xx/],
    ['status list', '- path: /healthz\n  status: [201, 4xx]', /status 200, expected 201 or 4xx/],
    ['contains', '- path: /healthz\n  contains: [ok, degraded]', /body does not contain 'degraded'/],
    [
      'json field',
      '- path: /healthz\n  json: { build.version: "9.9.9" }',
      /json build\.version is "1\.4\.0", expected "9\.9\.9"/,
    ],
    [
      'json missing field',
      '- path: /healthz\n  json: { build.commit: abc }',
      /json build\.commit is missing/,
    ],
    [
      'json on a non-JSON body',
      '- path: /nowhere\n  status: 404\n  json: { a: 1 }\n- path: /reset',
      /reset|socket hang up/,
    ],
    [
      'header exact',
      '- path: /healthz\n  response-headers: { content-type: text/html }',
      /header content-type is 'application\/json', expected 'text\/html'/,
    ],
    [
      'header regex',
      '- path: /healthz\n  response-headers: { x-app-version: "/^2\\\\./" }',
      /header x-app-version is '1\.4\.0', expected \/\^2\\\./,
    ],
    [
      'header missing',
      '- path: /healthz\n  response-headers: { x-request-id: "/./" }',
      /header x-request-id is missing/,
    ],
    ['max latency', '- path: /slow?ms=300\n  max-latency-ms: 100', /latency \d+ ms over 100 ms/],
    ['timeout', '- path: /slow?ms=3000', /timed out after 500 ms/],
    ['reset connection', '- path: /reset', /socket hang up|ECONNRESET/],
  ])('fails on %s', async (_what, checks, problem) => {
    const r = await smoke(app, { checks, timeout: '500ms' });
    expect(r.passed).toBe(false);
    expect(r.failures.join('\n')).toMatch(problem);
  });

  it('never reports a credential the app echoes back', async () => {
    const r = await smoke(app, {
      checks: '- path: /echo\n  contains: nothing-like-this',
      headers: 'Authorization: Bearer 7op-s3cret',
    });
    expect(app.lastHeaders?.authorization).toBe('Bearer 7op-s3cret');
    expect(r.passed).toBe(false);
    expect(JSON.stringify(r)).not.toContain('7op-s3cret');
  });

  it('fails on the wrong version and skips the load', async () => {
    const r = await smoke(app, { 'expect-version': '1.5.0', duration: '5s' });
    expect(r.passed).toBe(false);
    expect(r.failures).toEqual([expect.stringMatching(/expect-version: expected '1\.5\.0', got '1\.4\.0'/)]);
    expect(r.load).toBeUndefined();
    expect(r.loadSkipped).toBe('a check failed');
  });

  it('reads the version from a header', async () => {
    const r = await smoke(app, {
      'expect-version': '1.4.0',
      'version-path': '/healthz',
      'version-source': 'header:x-app-version',
    });
    expect(r.version).toMatchObject({ passed: true, actual: '1.4.0', source: 'header x-app-version' });
  });

  it('applies the thresholds to the checks themselves when there is no load phase', async () => {
    const checks = '- path: /slow?ms=200\n- path: /healthz';
    const slow = await smoke(app, { checks, 'max-p95-ms': '100' });
    expect(slow.metrics.from).toBe('checks');
    expect(slow.failures).toEqual([expect.stringMatching(/p95 latency .* is over max-p95-ms 100 ms/)]);
    const fine = await smoke(app, { checks, 'max-p95-ms': '1000' });
    expect(fine.passed).toBe(true);
  });
});

describe('runSmoke wait-ready', () => {
  it('waits through a cold start and says what it saw', async () => {
    const app = await startApp({ coldRequests: 3 });
    try {
      const r = await smoke(app, { 'wait-ready': '20s' });
      expect(r.passed).toBe(true);
      expect(r.ready).toMatchObject({
        ready: true,
        attempts: 4,
        seen: [
          { seen: 'HTTP 503', count: 3 },
          { seen: 'HTTP 200', count: 1 },
        ],
      });
    } finally {
      await app.close();
    }
  });

  it('gives up at the deadline, naming what it saw, and skips checks and load', async () => {
    const app = await startApp();
    try {
      const started = Date.now();
      const r = await smoke(app, {
        url: `http://app.test:${app.port}/fail`,
        'wait-ready': '1500ms',
        duration: '5s',
      });
      expect(Date.now() - started).toBeLessThan(4000);
      expect(r.passed).toBe(false);
      expect(r.ready?.attempts).toBeGreaterThan(2);
      expect(r.failures).toEqual([
        expect.stringMatching(
          /not ready within 1\.5s \(\d+ attempts: HTTP 500 ×\d+\); last: HTTP 500: \{"error":"boom"\}/,
        ),
      ]);
      expect(r.checks).toEqual([]);
      expect(r.loadSkipped).toBe('the app never became ready');
      expect(r.thresholds).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('counts refused connections while nothing listens', async () => {
    const gone = await startApp();
    await gone.close();
    const r = await smoke(gone, { 'wait-ready': '800ms' });
    expect(r.ready?.seen[0].seen).toBe('connect (ECONNREFUSED)');
    expect(r.passed).toBe(false);
  });
});

describe('runSmoke load thresholds', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ delayMs: 60 });
  });
  afterAll(() => app.close());
  const load = { duration: '1s', rate: '20', concurrency: '4' };

  it.each([
    ['max-p95-ms', { 'max-p95-ms': '40' }, false, /p95 latency .* is over max-p95-ms 40 ms/],
    ['max-p95-ms', { 'max-p95-ms': '1000' }, true, undefined],
  ])('%s %p passes=%p', async (_name, limits, passed, failure) => {
    const r = await smoke(app, { ...load, ...limits });
    expect(r.passed).toBe(passed);
    expect(r.metrics.p50Ms).toBeGreaterThanOrEqual(60);
    if (failure) expect(r.failures).toEqual([expect.stringMatching(failure)]);
  });

  it.each([
    ['10%', false],
    ['0.6', true],
  ])('a flapping app at max-error-rate %s passes=%p', async (limit, passed) => {
    const flapping = await startApp({ delayMs: 5 });
    const r = await smoke(flapping, {
      ...load,
      url: `http://app.test:${flapping.port}/flap`,
      'max-error-rate': limit,
    });
    await flapping.close();
    expect(r.load?.errorRate).toBeGreaterThan(0.4);
    expect(r.load?.errorRate).toBeLessThan(0.6);
    expect(r.load?.problems).toEqual({ 'HTTP 503': r.load?.errors });
    expect(r.passed).toBe(passed);
  });

  it('keeps its open-loop schedule while the app is slow (requests do not wait for answers)', async () => {
    const r = await smoke(app, {
      duration: '1s',
      rate: '40',
      concurrency: '10',
      url: `http://app.test:${app.port}/slow?ms=400`,
    });
    expect(r.load?.sent).toBe(40);
    expect(r.load?.achievedRate).toBeGreaterThan(36);
    expect(r.load?.latency.p50).toBeGreaterThanOrEqual(400);
  });
});

describe('runSmoke over TLS with a private CA', () => {
  let pki: Pki;
  let app: TestApp;
  beforeAll(async () => {
    pki = makePki(['alc-algo-agents--v1-4-0.env.smoke.test']);
    app = await startApp({ tls: pki, version: '1.4.0' });
  });
  afterAll(async () => {
    await app.close();
    pki.cleanup();
  });
  const inputs = () => ({
    url: 'https://alc-algo-agents--v1-4-0.env.smoke.test/healthz',
    resolve: `*.env.smoke.test:443:127.0.0.1:${app.port}`,
    'expect-version': '1.4.0',
  });

  it('passes with the CA given as ca-file', async () => {
    // the CA file lies in the workspace (ca-file is confined to it)
    const r = await smoke(
      app,
      { ...inputs(), 'ca-file': pki.caFile, duration: '500ms', rate: '20' },
      pki.dir,
    );
    expect(r.failures).toEqual([]);
    expect(app.lastSni).toBe('alc-algo-agents--v1-4-0.env.smoke.test');
  });

  it('fails clearly without the CA', async () => {
    const r = await smoke(app, { ...inputs(), 'wait-ready': '300ms' });
    expect(r.passed).toBe(false);
    expect(r.ready?.seen[0].seen).toMatch(/^tls \(/);
    expect(r.failures[0]).toMatch(/TLS to https:\/\/alc-algo-agents--v1-4-0\.env\.smoke\.test .*ca-file/);
  });
});
