import { describe, expect, it } from '@jest/globals';
import { classifyError, extraCaPaths, HttpError, resolveTarget } from '../../../src/smoke/http-client.js';
import { parseResolve } from '../../../src/core/inputs.js';

const entries = parseResolve(
  'resolve',
  [
    'app.example.com:443:10.0.0.1',
    '*.example.com:443:10.0.0.2:8443',
    '*.env.example.com:443:[::1]:9443',
    'app.example.com:80:10.0.0.3',
  ].join(','),
);

describe('resolveTarget', () => {
  it.each([
    ['app.example.com', 443, '10.0.0.1', 443],
    ['APP.example.com', 443, '10.0.0.1', 443],
    ['app.example.com', 80, '10.0.0.3', 80],
    ['other.example.com', 443, '10.0.0.2', 8443],
    ['a.b.example.com', 443, '10.0.0.2', 8443],
    ['blue.env.example.com', 443, '::1', 9443],
    ['example.com', 443, 'example.com', 443],
    ['other.example.com', 80, 'other.example.com', 80],
    ['notexample.com', 443, 'notexample.com', 443],
    ['[::1]', 443, '::1', 443],
  ])('%s:%p -> %s:%p', (host, port, address, connectPort) => {
    const t = resolveTarget(entries, host, port);
    expect([t.address, t.port]).toEqual([address, connectPort]);
  });
});

describe('extraCaPaths', () => {
  it.each([
    [{}, undefined, []],
    [{ NODE_EXTRA_CA_CERTS: '/etc/sim-ca.pem' }, undefined, ['/etc/sim-ca.pem']],
    [{ NODE_EXTRA_CA_CERTS: '/a.pem' }, '/b.pem', ['/a.pem', '/b.pem']],
    [{ NODE_EXTRA_CA_CERTS: ' ' }, '/b.pem', ['/b.pem']],
  ])('%p + %p', (env, file, want) => expect(extraCaPaths(env, file)).toEqual(want));
});

describe('classifyError', () => {
  const url = new URL('https://app.example.com/healthz');
  const via = resolveTarget(entries, 'app.example.com', 443);
  const err = (code: string, message = code) => Object.assign(new Error(message), { code });
  it.each([
    [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'tls',
      /TLS to https:\/\/app\.example\.com \(resolved to 10\.0\.0\.1:443\).*ca-file/,
    ],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', /valid for app\.example\.com/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', /NODE_EXTRA_CA_CERTS/],
    ['CERT_HAS_EXPIRED', 'tls', /CERT_HAS_EXPIRED/],
    [
      'ECONNREFUSED',
      'connect',
      /Request to https:\/\/app\.example\.com \(resolved to 10\.0\.0\.1:443\) failed: ECONNREFUSED/,
    ],
    ['ECONNRESET', 'reset', /ECONNRESET/],
    ['ENOTFOUND', 'dns', /add a resolve entry/],
    ['EWHATEVER', 'protocol', /EWHATEVER/],
  ])('%s -> %s', (code, kind, message) => {
    const e = classifyError(err(code), url, via, 12);
    expect(e).toBeInstanceOf(HttpError);
    expect([e.kind, e.code, e.latencyMs]).toEqual([kind, code, 12]);
    expect(e.message).toMatch(message);
  });
  it('calls a hang-up without a code a reset, and keeps an HttpError as it is', () => {
    expect(
      classifyError(new Error('socket hang up'), url, { address: 'app.example.com', port: 443 }).kind,
    ).toBe('reset');
    const same = new HttpError('timeout', 'late');
    expect(classifyError(same, url, via)).toBe(same);
  });
});
