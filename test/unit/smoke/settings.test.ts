import { describe, expect, it } from '@jest/globals';
import {
  parseErrorRate,
  parseHeaders,
  readCheckSettings,
  readSmokeSettings,
  SMOKE_DEFAULTS,
} from '../../../src/smoke/settings.js';
import { inputErrorOf } from '../../support/errors.js';

function settings(inputs: Record<string, string>, files: Record<string, string> = {}) {
  return readSmokeSettings((name) => inputs[name] ?? '', {
    env: { RUNNER_TEMP: '/runner/tmp', GITHUB_WORKSPACE: '/ws' },
    readFile: (p) => files[p],
    fileExists: (p) => p in files,
  });
}

describe('readSmokeSettings', () => {
  it('fills every default', () => {
    const s = settings({ url: 'https://app.example.com/healthz?deep=1' });
    expect(s).toEqual({
      url: new URL('https://app.example.com/healthz?deep=1'),
      checks: [
        expect.objectContaining({ name: 'GET /healthz?deep=1', path: '/healthz?deep=1', status: ['2xx'] }),
      ],
      headers: {},
      resolve: [],
      caFile: undefined,
      waitReadyMs: SMOKE_DEFAULTS.waitReadyMs,
      timeoutMs: 10_000,
      load: { durationMs: 10_000, rate: 10, concurrency: 10 },
      thresholds: { maxErrorRate: 0.01, maxP95Ms: 5000 },
      expectVersion: undefined,
      versionPath: '/version',
      versionSource: { kind: 'json', path: 'version' },
      reportPath: '/runner/tmp/smoke-test-report.json',
      reportRoot: '/runner/tmp',
      secrets: [],
    });
  });

  it('reads every input', () => {
    const s = settings(
      {
        url: 'https://alc-algo-agents---green.env.example.com',
        checks: 'smoke/checks.yml',
        headers: 'Authorization: Bearer abc\nX-Env: prod',
        resolve: '*.env.example.com:443:127.0.0.1:8443',
        'ca-file': 'sim/ca.pem',
        'wait-ready': '5m',
        timeout: '2500ms',
        duration: '30s',
        rate: '12.5',
        concurrency: '3',
        'max-error-rate': '2.5%',
        'max-p95-ms': '750',
        'expect-version': 'v1.2.3',
        'version-path': '/about',
        'version-source': 'header:x-version',
        report: 'out/r.json',
      },
      {
        '/ws/smoke/checks.yml':
          '- path: /healthz\n- path: /orders\n  headers: { X-Api-Key: k3y, Accept: text/plain }',
        '/ws/sim/ca.pem': 'PEM',
      },
    );
    expect(s.checks.map((c) => c.path)).toEqual(['/healthz', '/orders']);
    expect(s.headers).toEqual({ Authorization: 'Bearer abc', 'X-Env': 'prod' });
    expect(s.resolve).toEqual([
      { host: '*.env.example.com', port: 443, address: '127.0.0.1', connectPort: 8443 },
    ]);
    expect(s.caFile).toBe('/ws/sim/ca.pem');
    expect([s.waitReadyMs, s.timeoutMs]).toEqual([300_000, 2500]);
    expect(s.load).toEqual({ durationMs: 30_000, rate: 12.5, concurrency: 3 });
    expect(s.thresholds).toEqual({ maxErrorRate: 0.025, maxP95Ms: 750 });
    expect([s.expectVersion, s.versionPath, s.versionSource]).toEqual([
      'v1.2.3',
      '/about',
      { kind: 'header', name: 'x-version' },
    ]);
    expect(s.reportPath).toBe('/ws/out/r.json');
    // Every value of the headers input, and credential-like check headers, are secrets; plain ones are not.
    expect(s.secrets).toEqual(['Bearer abc', 'prod', 'k3y']);
  });

  it('turns the load phase off with duration 0 and waiting off with wait-ready 0', () => {
    const s = settings({ url: 'http://a.test', duration: '0', 'wait-ready': '0s' });
    expect(s.load).toBeUndefined();
    expect(s.waitReadyMs).toBe(0);
  });

  it.each([
    ['url', { url: '' }, ''],
    ['url', { url: 'app.example.com/healthz' }, 'app.example.com/healthz'],
    ['url', { url: 'ftp://app.example.com' }, 'ftp://app.example.com'],
    ['checks', { checks: '- path: [' }, '- path: ['],
    ['checks', { checks: 'missing.yml' }, 'missing.yml'],
    ['checks', { checks: '- path: /a\n  status: 999' }, 'check 1: status 999'],
    ['headers', { headers: 'Authorization Bearer abc' }, 'line 1 (value hidden)'],
    ['resolve', { resolve: 'app.example.com:127.0.0.1' }, 'app.example.com:127.0.0.1'],
    ['resolve', { resolve: 'app.example.com::127.0.0.1' }, 'app.example.com::127.0.0.1'],
    ['ca-file', { 'ca-file': 'nope.pem' }, 'nope.pem'],
    ['wait-ready', { 'wait-ready': '-1m' }, '-1m'],
    ['duration', { duration: '-5' }, '-5'],
    ['duration', { duration: 'ten' }, 'ten'],
    ['timeout', { timeout: '0' }, '0'],
    ['rate', { rate: '0' }, '0'],
    ['rate', { rate: '-3' }, '-3'],
    ['concurrency', { concurrency: '0' }, '0'],
    ['concurrency', { concurrency: '2.5' }, '2.5'],
    ['max-error-rate', { 'max-error-rate': '2' }, '2'],
    ['max-error-rate', { 'max-error-rate': '150%' }, '150%'],
    ['max-p95-ms', { 'max-p95-ms': '0' }, '0'],
    ['max-p95-ms', { 'max-p95-ms': '5s' }, '5s'],
    ['version-path', { 'version-path': 'version' }, 'version'],
    ['version-source', { 'version-source': 'xml:v' }, 'xml:v'],
  ])('rejects %s %p', (input, bad, value) => {
    const e = inputErrorOf(() => settings({ url: 'https://app.example.com', ...bad }));
    expect(e.input).toBe(input);
    expect(e.value).toBe(value);
    expect(e.allowed).toMatch(/allowed/);
  });

  it('never puts a header value in an error', () => {
    const e = inputErrorOf(() => settings({ url: 'https://a.test', headers: 'X-Ok: 1\nBearer-only-s3cret' }));
    expect(e.message).not.toContain('s3cret');
    expect(e.value).toBe('line 2 (value hidden)');
  });
});

describe('parseErrorRate / parseHeaders', () => {
  it.each([
    ['', 0.01],
    ['0', 0],
    ['0.05', 0.05],
    ['1', 1],
    ['5%', 0.05],
    ['0.5%', 0.005],
    ['100%', 1],
  ])('parseErrorRate(%p) = %p', (raw, want) =>
    expect(parseErrorRate('max-error-rate', raw, 0.01)).toBeCloseTo(want, 12),
  );
  it('parseHeaders keeps colons in values and skips comments', () => {
    expect(parseHeaders('headers', '# auth\nX-Url: https://a:b@c\n\nAccept:text/plain')).toEqual({
      'X-Url': 'https://a:b@c',
      Accept: 'text/plain',
    });
  });
});

describe('readCheckSettings: the checks without a URL (blue-green gates)', () => {
  const env = { RUNNER_TEMP: '/runner/tmp', GITHUB_WORKSPACE: '/ws' };
  const checks = '- path: /healthz?token=t0k3n\n  headers:\n    Authorization: Bearer s3cret';
  const inputs: Record<string, string> = {
    checks,
    resolve: 'app.example:443:127.0.0.1',
    // Inputs of the action that runs the gates, not of the gates: never read.
    url: 'https://elsewhere.example/',
    headers: 'X-Other: 1',
    timeout: '1s',
    duration: '5s',
    'wait-ready': '5s',
  };
  it('reads only checks, resolve and ca-file; no URL, no wait, no load, the defaults for the rest', () => {
    const asked: string[] = [];
    const masked: string[] = [];
    const s = readCheckSettings(
      (name) => {
        asked.push(name);
        return inputs[name] ?? '';
      },
      { env, mask: (x) => masked.push(x) },
    );
    expect(asked.sort()).toEqual(['ca-file', 'checks', 'resolve']);
    expect(s).not.toHaveProperty('url');
    expect(s).toMatchObject({
      headers: {},
      waitReadyMs: 0,
      timeoutMs: SMOKE_DEFAULTS.timeoutMs,
      versionPath: SMOKE_DEFAULTS.versionPath,
    });
    expect(s.load).toBeUndefined();
    expect(s.checks.map((c) => c.path)).toEqual(['/healthz?token=t0k3n']);
    expect(masked).toEqual(expect.arrayContaining(['t0k3n', 'Bearer s3cret']));
    expect(s.secrets).toEqual(['t0k3n', 'Bearer s3cret']);
  });
  it("is what smoke-test reads for the same checks with duration and wait-ready 0, but for the URL's fields", () => {
    const gate = { checks, resolve: inputs.resolve };
    const { url, reportPath, reportRoot, ...smoke } = readSmokeSettings(
      (name) => ({ ...gate, url: 'https://app.example/', duration: '0', 'wait-ready': '0' })[name] ?? '',
      { env },
    );
    expect([url.href, reportPath, reportRoot]).toEqual([
      'https://app.example/',
      expect.any(String),
      '/runner/tmp',
    ]);
    expect(readCheckSettings((name) => gate[name as keyof typeof gate] ?? '', { env })).toEqual(smoke);
  });
  it('without checks: a GET of / expecting 2xx', () => {
    expect(readCheckSettings(() => '', { env }).checks).toEqual([
      expect.objectContaining({ method: 'GET', path: '/' }),
    ]);
  });
  it.each([
    ['checks', { checks: '- bogus: 1' }],
    ['resolve', { resolve: 'host-without-port' }],
    ['ca-file', { 'ca-file': 'missing.pem' }],
  ])('a bad %s fails naming the input', (input, values: Record<string, string>) => {
    const read = () => readCheckSettings((name) => values[name] ?? '', { env, fileExists: () => false });
    expect(inputErrorOf(read).input).toBe(input);
  });
});
