// wait-ready's configuration rule, table-driven on a fake clock: which request errors are configuration (and what
// the hint names), and when a run of them ends the wait.
import { describe, expect, it } from '@jest/globals';
import { configurationHint, HttpError, type HttpErrorKind } from '../../../src/smoke/http-client.js';
import {
  CONFIG_GRACE_MS,
  describeReady,
  pollUntilReady,
  type ProbeOutcome,
} from '../../../src/smoke/ready.js';

describe('configurationHint', () => {
  it.each<[HttpErrorKind, string | undefined, RegExp | undefined]>([
    [
      'dns',
      'ENOTFOUND',
      /DNS does not know this host \(ENOTFOUND\): give it a resolve entry \(the resolve input/,
    ],
    ['dns', 'EAI_AGAIN', /\(EAI_AGAIN\).*resolve input/],
    ['connect', 'ECONNREFUSED', /nothing accepts connections .*resolve input/],
    ['tls', 'ERR_TLS_CERT_ALTNAME_INVALID', /resolve input.*ca-file input or NODE_EXTRA_CA_CERTS/],
    ['tls', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', /ca-file input or NODE_EXTRA_CA_CERTS/],
    ['tls', 'SELF_SIGNED_CERT_IN_CHAIN', /ca-file/],
    ['tls', 'DEPTH_ZERO_SELF_SIGNED_CERT', /ca-file/],
    ['tls', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', /ca-file/],
    // Not configuration: a retry may well succeed.
    ['tls', 'EPROTO', undefined],
    ['tls', 'ERR_SSL_WRONG_VERSION_NUMBER', undefined],
    ['connect', 'EHOSTUNREACH', undefined],
    ['timeout', 'ETIMEDOUT', undefined],
    ['reset', 'ECONNRESET', undefined],
    ['protocol', undefined, undefined],
  ])('%s %s', (kind, code, hint) => {
    const h = configurationHint(new HttpError(kind, 'message', code));
    if (hint) expect(h).toMatch(hint);
    else expect(h).toBeUndefined();
  });
});

const dns: ProbeOutcome = {
  ok: false,
  seen: 'dns (ENOTFOUND)',
  detail: 'Request to https://x failed: getaddrinfo ENOTFOUND x',
  configuration: 'give it a resolve entry (the resolve input)',
};
const refused: ProbeOutcome = {
  ...dns,
  seen: 'connect (ECONNREFUSED)',
  configuration: 'check its resolve entry',
};
const http503: ProbeOutcome = { ok: false, seen: 'HTTP 503' };
const ok: ProbeOutcome = { ok: true, seen: 'HTTP 200' };

/** A fake clock: each probe takes `probeMs`; sleeping advances it. */
function fake(script: (attempt: number) => ProbeOutcome, probeMs = 10) {
  let now = 0;
  let attempt = 0;
  const deps = { now: () => now, sleep: async (ms: number) => void (now += ms), log: () => undefined };
  const probe = async () => {
    now += probeMs;
    attempt += 1;
    return script(attempt);
  };
  return { deps, probe, clock: () => now };
}

describe('pollUntilReady and configuration errors', () => {
  it.each<
    [
      string,
      (n: number) => ProbeOutcome,
      number,
      { ready: boolean; config: boolean; minS: number; maxS: number },
    ]
  >([
    [
      'DNS unknown throughout: stops after the grace window',
      () => dns,
      600_000,
      { ready: false, config: true, minS: 15, maxS: 21 },
    ],
    [
      'refused throughout: the same',
      () => refused,
      600_000,
      { ready: false, config: true, minS: 15, maxS: 21 },
    ],
    [
      'DNS then refused: still configuration, one run',
      (n) => (n % 2 ? dns : refused),
      600_000,
      { ready: false, config: true, minS: 15, maxS: 21 },
    ],
    [
      'refused, then ready within the window: a slow start',
      (n) => (n < 6 ? refused : ok),
      600_000,
      { ready: true, config: false, minS: 0, maxS: 15 },
    ],
    [
      'a 503 breaks the run: it starts again after it',
      (n) => (n === 7 ? http503 : dns),
      600_000,
      { ready: false, config: true, minS: 25, maxS: 40 },
    ],
    [
      '503 throughout: the deadline',
      () => http503,
      30_000,
      { ready: false, config: false, minS: 29, maxS: 30 },
    ],
    [
      'a deadline shorter than the window: the deadline',
      () => dns,
      8000,
      { ready: false, config: false, minS: 7, maxS: 8 },
    ],
  ])('%s', async (_name, script, deadline, want) => {
    const f = fake(script);
    const r = await pollUntilReady(f.probe, deadline, f.deps);
    expect(r.ready).toBe(want.ready);
    expect(r.configuration !== undefined).toBe(want.config);
    expect(f.clock() / 1000).toBeGreaterThanOrEqual(want.minS);
    expect(f.clock() / 1000).toBeLessThanOrEqual(want.maxS);
    if (want.config)
      expect(describeReady(r)).toMatch(
        /^not reachable: a configuration error for \d+\.\ds, not a slow start \(\d+ attempts: .*\); last: .*; .*resolve/,
      );
  });

  it(`the default window is ${CONFIG_GRACE_MS / 1000} s and a caller may set another`, async () => {
    const f = fake(() => dns);
    const r = await pollUntilReady(f.probe, 600_000, f.deps, undefined, 2000);
    expect(r.configuration).toBe(dns.configuration);
    expect(f.clock()).toBeLessThan(6000);
  });
});
