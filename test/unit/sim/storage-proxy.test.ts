// The storage proxy's pure parts: Storage's error answer for an injected status, and the rules' service checks.
import { describe, expect, it } from '@jest/globals';
import { storageErrorAnswer } from '../../../sim/storage-proxy.js';
import { checkRule, FaultInjector, normalizeRule } from '../../../sim/arm/faults.js';
import type { FaultRule } from '../../../sim/types.js';

const now = new Date('2026-12-07T23:00:00.000Z');

describe('storageErrorAnswer', () => {
  it.each([
    [429, undefined, 'TooManyRequests', '1'],
    [429, 5, 'TooManyRequests', '5'],
    [500, undefined, 'InternalError', undefined],
    [503, 2, 'ServerBusy', '2'],
    [418, undefined, 'InjectedFault', undefined],
  ])('%i (retryAfter %p) -> %s, Retry-After %p', (status, retryAfter, code, header) => {
    const a = storageErrorAnswer(
      { status, retryAfter },
      'PUT',
      '/devstoreaccount1/trading/a/designation',
      'rid',
      now,
    );
    expect(a.status).toBe(status);
    expect(a.headers['x-ms-error-code']).toBe(code);
    expect(a.headers['retry-after']).toBe(header);
    expect(a.headers['content-length']).toBe(String(Buffer.byteLength(a.body)));
    expect(a.body).toMatch(
      new RegExp(
        `^<\\?xml .*<Error><Code>${code}</Code><Message>.*RequestId:rid\\nTime:2026-12-07T23:00:00.000Z</Message></Error>$`,
        's',
      ),
    );
  });
});

describe('fault rules by service', () => {
  it.each<[string, Partial<FaultRule>, string | undefined]>([
    ['storage status', { service: 'storage', method: '*', path: '', kind: 'status', status: 429 }, undefined],
    ['arm by default', { method: 'GET', path: 'x', kind: 'reset' }, undefined],
    [
      'unknown service',
      { service: 'queue' as 'arm', method: '*', path: '', kind: 'reset' },
      "unknown service 'queue' (allowed: arm, storage)",
    ],
    [
      'unreachable on ARM',
      { kind: 'unreachable', method: '*', path: '' },
      "an unreachable fault applies to service 'storage' only",
    ],
    [
      'lro-fail on storage',
      { service: 'storage', method: 'PUT', path: '', kind: 'lro-fail' },
      'lro-fail applies to ARM only',
    ],
    [
      'durationMs 0',
      { service: 'storage', method: '*', path: '', kind: 'reset', durationMs: 0 },
      'durationMs must be > 0',
    ],
  ])('%s', (_name, rule, problem) => {
    expect(checkRule(normalizeRule(rule as FaultRule))).toBe(problem);
  });

  it("'unreachable' matches everything unless told; take() keeps services apart; durationMs ends a rule", async () => {
    expect(normalizeRule({ service: 'storage', kind: 'unreachable' } as FaultRule)).toMatchObject({
      method: '*',
      path: '',
    });
    const f = new FaultInjector();
    f.add({ service: 'storage', method: '*', path: '/designation$', kind: 'status', status: 500 });
    f.add({ method: '*', path: '/designation$', kind: 'status', status: 503 });
    expect(f.take('PUT', '/a/designation', ['status'], 'storage').map((r) => r.status)).toEqual([500]);
    expect(f.take('PUT', '/a/designation', ['status']).map((r) => r.status)).toEqual([503]);
    f.clear('arm');
    expect(f.list().map((r) => r.service)).toEqual(['storage']);
    f.add({ service: 'storage', kind: 'unreachable', durationMs: 30 } as FaultRule);
    expect(f.active('storage', 'unreachable')).toBe(true);
    expect(f.active('arm', 'unreachable')).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    expect(f.active('storage', 'unreachable')).toBe(false);
  });
});
