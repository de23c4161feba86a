import { describe, expect, it } from '@jest/globals';
import {
  dueTime,
  plannedRequests,
  problemKey,
  summarizeLoad,
  type LoadSample,
} from '../../../src/smoke/load.js';
import {
  DEFAULT_BACKOFF,
  describeReady,
  pollUntilReady,
  tally,
  type ProbeOutcome,
} from '../../../src/smoke/ready.js';
import { defaultCheck, parseChecks } from '../../../src/smoke/checks.js';
import { readinessCheck } from '../../../src/smoke/run.js';
import { delayMs } from '../../../src/core/retry.js';
import {
  buildReport,
  metricsOf,
  redact,
  smokeOutputs,
  smokeSummary,
  type CheckResult,
  type ReportParts,
} from '../../../src/smoke/summary.js';

const asked = { durationMs: 1000, rate: 10, concurrency: 2 };

function samples(latencies: number[], problems: Array<string | undefined> = []): LoadSample[] {
  return latencies.map((latencyMs, i) => ({
    target: 'GET /',
    dueMs: dueTime(i, asked.rate),
    lagMs: i === 9 ? 100 : 0.5,
    latencyMs,
    status: problems[i]?.startsWith('status 503') ? 503 : 200,
    problem: problems[i],
  }));
}

describe('load phase numbers', () => {
  it.each([
    [{ rate: 10, durationMs: 1000 }, 10],
    [{ rate: 12.5, durationMs: 2000 }, 25],
    [{ rate: 0.5, durationMs: 1000 }, 1],
    [{ rate: 1000, durationMs: 30_000 }, 30_000],
  ])('plannedRequests(%p) = %p', (o, want) => expect(plannedRequests(o)).toBe(want));
  it('dueTime spaces requests evenly', () =>
    expect([0, 1, 2, 7].map((i) => dueTime(i, 4))).toEqual([0, 250, 500, 1750]));
  it.each([
    ['status 503, expected 2xx: warming', 'HTTP 503'],
    ['timeout (ETIMEDOUT)', 'timeout (ETIMEDOUT)'],
    ["body does not contain 'ok'", "body does not contain 'ok'"],
    ['json version is "1", expected "2"', 'json version is "1", expected "2"'],
    ['reset: socket hang up', 'reset'],
  ])('problemKey(%p) = %p', (p, want) => expect(problemKey(p)).toBe(want));

  it('summarizes samples: rate, errors, lag, percentiles, problems', () => {
    const problems = [
      undefined,
      'status 503, expected 2xx',
      undefined,
      'status 503, expected 2xx: x',
      'timeout (ETIMEDOUT)',
    ];
    const s = samples([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], problems);
    const r = summarizeLoad(asked, s, 1234.4);
    expect(r).toMatchObject({
      sent: 10,
      answered: 10,
      errors: 3,
      errorRate: 0.3,
      maxLagMs: 100,
      elapsedMs: 1234,
      problems: { 'HTTP 503': 2, 'timeout (ETIMEDOUT)': 1 },
      latency: { count: 10, p50: 50, p95: 100, p99: 100 },
    });
    // 10 requests, the last one 100 ms late: sent over 900 + 100 + one interval of 100 ms.
    expect(r.achievedRate).toBe(9.09);
  });
  it('leaves requests without an answer out of the latencies but counts them as errors', () => {
    const s: LoadSample[] = [
      { target: 'a', dueMs: 0, lagMs: 0, latencyMs: 5, status: 200 },
      { target: 'a', dueMs: 100, lagMs: 0, problem: 'reset (ECONNRESET)' },
    ];
    const r = summarizeLoad(asked, s, 200);
    expect(r).toMatchObject({
      sent: 2,
      answered: 1,
      errors: 1,
      errorRate: 0.5,
      latency: { count: 1, p95: 5 },
    });
  });
});

describe('wait-ready polling', () => {
  it.each([
    [1, 250],
    [2, 400],
    [3, 640],
    [10, 5000],
  ])('the pause after attempt %p is %p ms', (n, want) => expect(delayMs(DEFAULT_BACKOFF, n)).toBe(want));

  it('tallies outcomes in the order first seen', () => {
    const t = ['HTTP 503', 'connect (ECONNREFUSED)', 'HTTP 503'].reduce(tally, []);
    expect(t).toEqual([
      { seen: 'HTTP 503', count: 2 },
      { seen: 'connect (ECONNREFUSED)', count: 1 },
    ]);
  });

  /** A fake clock: sleeping advances it; each probe takes 10 ms. */
  function fake(outcomes: ProbeOutcome[]) {
    let now = 0;
    const log: string[] = [];
    const remaining: number[] = [];
    const deps = {
      now: () => now,
      sleep: async (ms: number) => void (now += ms),
      log: (l: string) => void log.push(l),
    };
    const probe = async (left: number) => {
      remaining.push(left);
      now += 10;
      return outcomes.shift() ?? { ok: false, seen: 'HTTP 502', detail: 'HTTP 502: bad gateway' };
    };
    return { deps, probe, log, remaining, clock: () => now };
  }

  it('stops at the first success and logs each change of what it saw', async () => {
    const f = fake([
      { ok: false, seen: 'connect (ECONNREFUSED)' },
      { ok: false, seen: 'HTTP 503' },
      { ok: false, seen: 'HTTP 503' },
      { ok: true, seen: 'HTTP 200' },
    ]);
    const r = await pollUntilReady(f.probe, 60_000, f.deps);
    expect(r).toMatchObject({ ready: true, attempts: 4, elapsedMs: 40 + 250 + 400 + 640 });
    expect(f.log).toEqual([
      'wait-ready: attempt 1 at 0.0s: connect (ECONNREFUSED)',
      'wait-ready: attempt 2 at 0.3s: HTTP 503',
      'wait-ready: attempt 4 at 1.3s: HTTP 200',
    ]);
    expect(describeReady(r)).toBe(
      'ready after 1.3s (4 attempts: connect (ECONNREFUSED) ×1, HTTP 503 ×2, HTTP 200 ×1)',
    );
  });

  it('never passes the deadline, gives every attempt time to answer, and says what it saw last', async () => {
    const f = fake([]);
    const r = await pollUntilReady(f.probe, 3000, f.deps);
    expect(r.ready).toBe(false);
    expect(f.clock()).toBeLessThanOrEqual(3000);
    expect(Math.min(...f.remaining)).toBeGreaterThanOrEqual(200);
    expect(describeReady(r)).toBe(
      `not ready within 3.0s (${r.attempts} attempts: HTTP 502 ×${r.attempts}); last: HTTP 502: bad gateway`,
    );
  });

  it('makes one attempt even with no time', async () => {
    const f = fake([]);
    const r = await pollUntilReady(f.probe, 0, f.deps);
    expect(r.attempts).toBe(1);
  });
});

describe('report', () => {
  const check = (name: string, passed: boolean, latencyMs?: number): CheckResult => ({
    name,
    method: 'GET',
    url: `https://app.test/${name}`,
    status: latencyMs === undefined ? undefined : passed ? 200 : 500,
    latencyMs,
    passed,
    problems: passed ? [] : ['status 500, expected 2xx | boom'],
  });
  const parts = (extra: Partial<ReportParts>): ReportParts => ({
    url: 'https://app.test/',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    thresholds: { maxErrorRate: 0.01, maxP95Ms: 100 },
    checks: [],
    ...extra,
  });
  const load = summarizeLoad(asked, samples([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]), 1000);

  it('takes the figures from the load phase, else from the checks', () => {
    expect(metricsOf([check('a', true, 10)], load)).toEqual({
      from: 'load',
      requests: 10,
      p50Ms: 14,
      p95Ms: 19,
      p99Ms: 19,
      errorRate: 0,
    });
    expect(metricsOf([check('a', true, 10), check('b', false, 30)])).toEqual({
      from: 'checks',
      requests: 2,
      p50Ms: 10,
      p95Ms: 30,
      p99Ms: 30,
      errorRate: 0.5,
    });
    expect(metricsOf([]).from).toBe('none');
  });

  it('passes when everything passes', () => {
    const r = buildReport(parts({ checks: [check('a', true, 10)], load }));
    expect(r.passed).toBe(true);
    expect(r.failures).toEqual([]);
    expect(r.thresholds.map((t) => t.passed)).toEqual([true, true]);
    expect(smokeOutputs(r, '/tmp/r.json')).toEqual({
      passed: 'true',
      report: '/tmp/r.json',
      'p50-ms': '14',
      'p95-ms': '19',
      'p99-ms': '19',
      'error-rate': '0',
    });
  });

  it('lists every failure in reading order', () => {
    const ready = {
      ready: true,
      attempts: 1,
      elapsedMs: 5,
      seen: [{ seen: 'HTTP 200', count: 1 }],
      deadlineMs: 1000,
    };
    const version = {
      expected: '2.0.0',
      actual: '1.0.0',
      source: 'JSON field version',
      url: 'https://app.test/version',
      passed: false,
      problem: "expected '2.0.0', got '1.0.0'",
    };
    const r = buildReport(parts({ ready, checks: [check('a', false, 150), check('b', true, 120)], version }));
    expect(r.passed).toBe(false);
    expect(r.failures).toEqual([
      "check 'a': status 500, expected 2xx | boom",
      "expect-version: expected '2.0.0', got '1.0.0'",
      'error rate 50.0% is over max-error-rate 1.00%',
      'p95 latency 150 ms is over max-p95-ms 100 ms',
    ]);
  });

  it('does not judge thresholds when nothing was measured, and leaves the figures empty', () => {
    const ready = {
      ready: false,
      attempts: 3,
      elapsedMs: 900,
      seen: [{ seen: 'HTTP 503', count: 3 }],
      deadlineMs: 1000,
    };
    const r = buildReport(parts({ ready, loadSkipped: 'the app never became ready' }));
    expect(r.thresholds).toEqual([]);
    expect(r.failures).toEqual(['wait-ready: not ready within 1.0s (3 attempts: HTTP 503 ×3)']);
    expect(smokeOutputs(r, 'r.json')).toMatchObject({
      passed: 'false',
      'p50-ms': '',
      'p95-ms': '',
      'error-rate': '',
    });
  });

  it('writes a summary with a table per check, the load figures, thresholds and a histogram', () => {
    const md = smokeSummary(
      buildReport(parts({ checks: [check('a', true, 10), check('b', false, 12)], load })),
    );
    expect(md).toContain('## ❌ Smoke test failed: https://app.test/');
    expect(md).toContain('| ✅ | a | `GET /a` | 200 | 10 ms | passed |');
    // A pipe in a problem must not break the table.
    expect(md).toContain('| ❌ | b | `GET /b` | 500 | 12 ms | status 500, expected 2xx \\| boom |');
    expect(md).toContain('| 10 req/s | 9.09 req/s | 2 | 10 | 0 (0.00%) | 14 ms | 19 ms | 19 ms | 19 ms |');
    expect(md).toMatch(/\| ✅ \| max-p95-ms \| 100 ms \| 19 ms \|/);
    expect(md).toMatch(/```text\n10–11 ms │█+ 1 \(10\.0%\)\n/);
  });

  it('says why the load was skipped and judges the checks when there was no load', () => {
    const md = smokeSummary(
      buildReport(parts({ checks: [check('a', false, 10)], loadSkipped: 'a check failed' })),
    );
    expect(md).toContain('**Load:** skipped (a check failed)');
    expect(md).toContain("Thresholds on the checks' own requests (no load phase):");
  });
});

describe('redact / readinessCheck', () => {
  it('replaces every secret in every string, deep, and leaves the rest', () => {
    const value = { a: 'Bearer t0k and t0k', b: [{ c: 'x t0k' }, 3, null], d: true };
    expect(redact(value, ['t0k', ''])).toEqual({
      a: 'Bearer *** and ***',
      b: [{ c: 'x ***' }, 3, null],
      d: true,
    });
    expect(redact(value, [])).toBe(value);
  });
  const url = new URL('https://app.test/healthz?x=1');
  it.each([
    ['- method: POST\n  path: /orders\n- path: /ready', '/ready'],
    ['- method: HEAD\n  path: /ping', '/ping'],
    ['- method: POST\n  path: /orders', '/healthz?x=1'],
  ])('wait-ready never posts: %p -> %p', (yaml, path) => {
    expect(readinessCheck({ url, checks: parseChecks('checks', yaml) }).path).toBe(path);
  });
  it('falls back to a GET of the URL', () => {
    expect(readinessCheck({ url, checks: [] })).toEqual(defaultCheck('/healthz?x=1'));
  });
});
