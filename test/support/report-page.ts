// A realistic report of the demo, without running it: ten scenarios as the demo plays them (demo/scenarios.ts), a load of
// 4 requests every 40 ms that moves 1.0.0 -> 1.1.0 -> 1.0.0 -> 1.3.0 (failing) -> 1.0.0 -> 1.4.0 -> 1.0.0, and
// job summaries written by the project's own builders (trafficMermaid, analysisSection, errorPicture).
import { analysisSection } from '../../src/analysis/report.js';
import { trafficMermaid, trafficTable } from '../../src/revisions/traffic-picture.js';
import { errorPicture } from '../../demo/report.js';
import type { LoadSample, PageData, PageScenario, PageTrading } from '../../demo/report-html.js';

const T0 = Date.parse('2026-12-02T02:00:00Z');

/** Seconds [from, to) of the load and the version(s) serving them: a split is [version, share]. */
const TIMELINE: Array<{ from: number; to: number; serve: Array<[string, number]>; failing?: number }> = [
  { from: 0, to: 30, serve: [['1.0.0', 1]] },
  {
    from: 30,
    to: 34,
    serve: [
      ['1.0.0', 0.9],
      ['1.1.0', 0.1],
    ],
  },
  {
    from: 34,
    to: 38,
    serve: [
      ['1.0.0', 0.5],
      ['1.1.0', 0.5],
    ],
  },
  { from: 38, to: 70, serve: [['1.1.0', 1]] },
  { from: 70, to: 80, serve: [['1.0.0', 1]] },
  {
    from: 80,
    to: 84,
    serve: [
      ['1.0.0', 0.9],
      ['1.3.0', 0.1],
    ],
    failing: 0.05,
  },
  { from: 84, to: 110, serve: [['1.0.0', 1]] },
  {
    from: 110,
    to: 114,
    serve: [
      ['1.0.0', 0.5],
      ['1.4.0', 0.5],
    ],
  },
  { from: 114, to: 125, serve: [['1.4.0', 1]], failing: 0.08 },
  { from: 125, to: 140, serve: [['1.0.0', 1]] },
];

export function fixtureSamples(): LoadSample[] {
  const samples: LoadSample[] = [];
  let n = 0;
  for (const span of TIMELINE)
    for (let ms = span.from * 1000; ms < span.to * 1000; ms += 10) {
      n++;
      const r = (n * 0.618034) % 1;
      if (span.failing && r < span.failing) {
        samples.push({ at: T0 + ms });
        continue;
      }
      let acc = 0;
      const pick = span.serve.find(([, share]) => (acc += share) > (n * 0.381966) % 1) ?? span.serve[0];
      samples.push({ at: T0 + ms, version: pick[0] });
    }
  return samples;
}

const step = (name: string, outcome = 'success', summary = '', errors: string[] = []) => ({
  name,
  outcome,
  durationMs: 1200 + name.length * 37,
  summary,
  errors,
});

const promoteSummary = (from: string, to: string) =>
  [
    '### blue-green promote',
    '',
    trafficTable([
      { revisionName: `alc-algo-agents--${to}`, label: 'blue', weight: 100 },
      { revisionName: `alc-algo-agents--${from}`, label: 'green', weight: 0 },
    ]),
    '',
    trafficMermaid(
      [
        { revisionName: `alc-algo-agents--${from}`, label: 'blue', weight: 100 },
        { revisionName: `alc-algo-agents--${to}`, label: 'green', weight: 0 },
      ],
      [
        { revisionName: `alc-algo-agents--${to}`, label: 'blue', weight: 100 },
        { revisionName: `alc-algo-agents--${from}`, label: 'green', weight: 0 },
      ],
    ),
  ].join('\n');

const measurements = (phase: string) =>
  analysisSection(
    [
      {
        metric: 'server-errors',
        phase,
        window: { start: '2026-12-02T02:01:20Z', end: '2026-12-02T02:01:23Z' },
        value: 7,
        threshold: '<= 0.0042 (5/hour scaled)',
        verdict: 'fail',
        reason: 'value 7 above <= 0.0042',
      },
      {
        metric: 'restarts',
        phase,
        window: { start: '2026-12-02T02:01:20Z', end: '2026-12-02T02:01:23Z' },
        value: 0,
        threshold: '<= 0',
        verdict: 'pass',
      },
    ],
    'enforce',
  );

function releaseRun(tag: string, result: string, promote?: { summary: string; errors?: string[] }) {
  // A release that fails without a promote is the broken one: it never turns healthy, the switch never runs.
  const broken = result === 'failure' && !promote;
  return {
    workflow: 'release.yml',
    result,
    durationMs: 41_000,
    jobs: [
      {
        id: 'release',
        name: 'release',
        result,
        steps: [],
        workflow: 'reusable-release.yml',
        jobs: [
          {
            id: 'release/build',
            name: 'build',
            result: 'success',
            steps: [
              step('checkout'),
              step('build-push', 'success', `### build-push\n\nimage \`acr/alc:${tag}\``),
            ],
          },
          {
            id: 'release/release',
            name: 'release',
            result,
            environment: { url: 'https://alc-algo-agents.sim.local' },
            steps: [
              step(
                'deploy',
                'success',
                `### deploy-app\n\n| | |\n|---|---|\n| **revision** | alc-algo-agents--${tag} |`,
              ),
              broken
                ? step('smoke', 'failure', '', [`${tag} never turned healthy: production never served it`])
                : step('smoke', 'success', '### smoke-test\n\n- 60 requests, 0 failed'),
              step(
                'promote',
                broken ? 'skipped' : promote?.errors ? 'failure' : 'success',
                promote?.summary ?? '',
                promote?.errors,
              ),
            ],
          },
        ],
      },
    ],
  };
}

const ok = (what: string, detail?: string) => ({ what, ok: true, detail });

/** The app's traffic before and after a scenario, as the demo reads it from the simulator: [tag, label, weight]. */
const traffic = (before: Array<[string, string, number]>, after: Array<[string, string, number]>) => {
  const rows = (t: Array<[string, string, number]>) =>
    t.map(([tag, label, weight]) => ({ revisionName: `alc-algo-agents--${tag}`, label, weight }));
  return { before: rows(before), after: rows(after) };
};

/** The page's data as `npm run demo` gives it when every scenario passes. */
export function fixtureReport(): PageData {
  const samples = fixtureSamples();
  const at = (s: number) => T0 + s * 1000;
  const ingress = samples.map((s) => ({
    revision: `alc-algo-agents--${s.version ?? '1.3.0'}`,
    status: s.version ? 200 : 503,
    at: s.at,
  }));
  const scenarios: PageScenario[] = [
    {
      title: 'release v1.0.0',
      workflow: 'release.yml',
      event: 'push refs/tags/v1.0.0',
      expected: 'success',
      startedAt: at(-20),
      run: releaseRun('v1.0.0', 'success'),
      traffic: traffic([], [['v1.0.0', 'blue', 100]]),
      checks: [ok('the run ends success', 'success'), ok('alc-algo-agents serves v1.0.0', '1.0.0')],
    },
    {
      title: 'release v1.1.0',
      workflow: 'release.yml',
      event: 'push refs/tags/v1.1.0',
      expected: 'success',
      startedAt: at(20),
      run: releaseRun('v1.1.0', 'success', { summary: promoteSummary('v1.0.0', 'v1.1.0') }),
      traffic: traffic(
        [
          ['v1.0.0', 'blue', 100],
          ['v1.1.0', 'green', 0],
        ],
        [
          ['v1.1.0', 'blue', 100],
          ['v1.0.0', 'green', 0],
        ],
      ),
      checks: [
        ok('the run ends success', 'success'),
        ok('deployed into the candidate slot green, then promoted', 'green'),
      ],
    },
    {
      title: 'release v1.2.0',
      workflow: 'release.yml',
      event: 'push refs/tags/v1.2.0',
      expected: 'failure',
      startedAt: at(45),
      run: releaseRun('v1.2.0', 'failure'),
      checks: [
        ok('the run ends failure', 'failure'),
        ok('the switch never happened (promote did not run)', 'skipped'),
      ],
    },
    {
      title: 'rollback to v1.0.0',
      workflow: 'rollback.yml',
      event: 'workflow_dispatch refs/heads/main',
      expected: 'success',
      startedAt: at(65),
      run: releaseRun('v1.0.0', 'success'),
      checks: [ok('alc-algo-agents serves v1.0.0', '1.0.0')],
    },
    ...['opened', 'pushed again', 'closed'].map((what, i) => ({
      title: `preview: PR #42 ${what}`,
      workflow: 'preview.yml',
      event: 'pull_request refs/pull/42/merge',
      expected: 'success',
      startedAt: at(71 + i * 2),
      checks: [ok('one sticky comment with the preview URL <https://pr-42>')],
    })),
    {
      title: 'preview: PR #43 from a fork',
      workflow: 'preview.yml',
      event: 'pull_request refs/pull/43/merge',
      expected: 'success',
      startedAt: at(77),
      checks: [ok('only the fork job ran: no Azure access', 'preview/fork')],
    },
    {
      title: 'release v1.3.0',
      workflow: 'release.yml',
      event: 'push refs/tags/v1.3.0',
      expected: 'failure',
      startedAt: at(78),
      run: releaseRun('v1.3.0', 'failure', {
        summary: measurements('step 10%'),
        errors: [
          'promote failed and the traffic was restored: analysis failed: server-errors = 7 during step 10%',
        ],
      }),
      checks: [
        ok('the run ends failure', 'failure'),
        ok('users saw few failed requests (under 5% of this release)', '12 of 900'),
      ],
      extra: [
        '### What the ingress served during release v1.3.0',
        '',
        errorPicture(ingress, at(78), at(90)),
      ].join('\n'),
    },
    {
      title: 'release v1.4.0',
      workflow: 'release.yml',
      event: 'push refs/tags/v1.4.0',
      expected: 'failure',
      startedAt: at(105),
      run: releaseRun('v1.4.0', 'failure', {
        summary: measurements('watch'),
        errors: [
          'watch failed; rolled back to the previous revision: analysis failed: server-errors = 9 during watch',
        ],
      }),
      checks: [ok('the run ends failure', 'failure'), ok('no failed request once the run ended', '0')],
      extra: [
        '### What the ingress served during release v1.4.0',
        '',
        errorPicture(ingress, at(105), at(130)),
      ].join('\n'),
    },
  ];
  const failed = samples.filter((s) => !s.version).length;
  return {
    generatedAt: '2026-12-02T02:03:00.000Z',
    passed: true,
    scenarios,
    load: {
      requests: samples.length,
      failed,
      p50Ms: 4,
      p99Ms: 31,
      phases: scenarios.map((s, i) => {
        const from = Math.max(0, ((s.startedAt ?? T0) - T0) / 1000);
        const to = i + 1 < scenarios.length ? ((scenarios[i + 1].startedAt ?? T0) - T0) / 1000 : 140;
        const mine = samples.filter((x) => x.at >= T0 + from * 1000 && x.at < T0 + to * 1000);
        return {
          phase: s.title,
          requests: mine.length,
          failed: mine.filter((x) => !x.version).length,
          versions: [...new Set(mine.flatMap((x) => x.version ?? []))],
        };
      }),
      samples,
    },
    loadChecks: [
      ok(
        'zero failed requests on the app URL, but during the releases the analysis caught',
        `0 of ${samples.length}`,
      ),
      ok('the app URL never served v1.2.0', '{"1.0.0":9000}'),
    ],
    trading: {
      figures: fixtureTrading(),
      checks: [ok('one trader at a time on the live port: overlap 0 ms', 'overlap 0 ms')],
    },
  };
}

/** The revisions that traded on the live port in the fixture, in the order they first traded. */
export const FIXTURE_TRADERS = [
  'alc-algo-agents--v1-0-0',
  'alc-algo-agents--v1-1-0',
  'alc-algo-agents--v1-4-0',
];

/**
 * Who traded on the live port: 5 orders a second from 1.0.0, handed over to 1.1.0 at 38 s (a 1.2 s gap), back to
 * 1.0.0 at 70 s, to 1.4.0 at 114 s and back at 125 s.
 */
export function fixtureTrading(): PageTrading {
  const spans: Array<[number, number, string]> = [
    [0, 38, FIXTURE_TRADERS[0]],
    [40, 70, FIXTURE_TRADERS[1]],
    [71, 114, FIXTURE_TRADERS[0]],
    [115, 125, FIXTURE_TRADERS[2]],
    [127, 140, FIXTURE_TRADERS[0]],
  ];
  const buckets = Array.from({ length: 140 }, (_, i) => {
    const span = spans.find(([from, to]) => i >= from && i < to);
    return { t: T0 + i * 1000, byRevision: span ? { [span[2]]: 5 } : {} };
  });
  const gap = (from: string, to: string, gapMs: number) => ({ from, to, gapMs });
  const handover = (from: string, to: string, epoch: number, gapMs: number) => ({
    step: 'release/release/promote',
    handover: JSON.stringify({ from, to, epoch, 'gap-ms': gapMs }),
  });
  const [a, b, d] = FIXTURE_TRADERS;
  return {
    orders: buckets.reduce((n, x) => n + Object.values(x.byRevision).reduce((m, v) => m + v, 0), 0),
    revisions: FIXTURE_TRADERS,
    overlapMs: 0,
    bucketMs: 1000,
    buckets,
    scenarios: [
      { title: 'release v1.0.0', gaps: [], handovers: [] },
      { title: 'release v1.1.0', gaps: [gap(a, b, 1210)], handovers: [handover(a, b, 2, 1180)] },
      { title: 'release v1.2.0', gaps: [], handovers: [] },
      { title: 'rollback to v1.0.0', gaps: [gap(b, a, 980)], handovers: [handover(b, a, 3, 950)] },
      { title: 'release v1.3.0', gaps: [], handovers: [] },
      {
        title: 'release v1.4.0',
        gaps: [gap(a, d, 1020), gap(d, a, 1630)],
        handovers: [handover(a, d, 4, 1000), handover(d, a, 5, 1600)],
      },
    ],
  };
}

/** The versions the fixture's load saw, as the chart's series are named. */
export const FIXTURE_SERIES = ['1.0.0', '1.1.0', '1.3.0', '1.4.0', 'failed'];
