// How fast the metric analysis catches a release that fails under real traffic, on the simulator with real
// containers: v1 serves, a DEGRADE_AFTER build (half its real requests answered 500 once it has served 5) is
// promoted in steps 10,50,100 while a load of 20 req/s runs on the app URL. Figures per interval: the time from the
// candidate's first failed request to the end of the abort (traffic restored and read back), the failed requests
// users saw, and those after the abort (goal: none). Goal: detection within two intervals. Then the same with a
// build that holds out through every step (DEGRADE_AFTER set past the steps' share of the load) and fails during
// the watch after 100%: the time to the rollback.
// The agent case (--cases agents): v1 trades live through the trading lease; a release whose agents throw and whose
// orders the broker rejects once it trades (AGENT_FAIL=throw+reject) while its HTTP answers 200 is promoted; the
// watch reads the agents' Application Insights telemetry (the simulator's ingestion, 2 s batches) after the
// handover. Figures per interval, from the broker's order log: the time from the bad revision's first order to its
// last (it lost the lease: trading handed back) in intervals, and the orders it sent. Goal: within two intervals.
// Loopback only; bounded (a few trials of about 30 s).
// Run: npx tsx bench/analysis-detect.ts [--intervals 3,5,10] [--rate 20] [--steps 10,50,100] [--cases http,agents]
import { parseArgs } from 'node:util';
import { trafficOf } from '../src/revisions/traffic.js';
import { startDeploySim } from '../test/support/deploy-sim.js';
import { benchFigure } from './figure.js';

const { values } = parseArgs({
  options: {
    intervals: { type: 'string', default: '3,5,10' },
    rate: { type: 'string', default: '20' },
    steps: { type: 'string', default: '10,50,100' },
    cases: { type: 'string', default: 'http,agents' },
  },
});
const cases = new Set(values.cases.split(','));
const intervals = values.intervals.split(',').map(Number);
const rate = Number(values.rate);
const APP = 'alc-algo-agents';

process.env.DOCKER_HOST ??= 'unix:///run/alc-deploy/docker.sock';
const t = await startDeploySim({
  ...(cases.has('agents') ? { storage: true, appInsights: 'alc-algo-insights' } : {}),
});
const lease = cases.has('agents') ? t.sim.tradingLeaseUrl(APP) : 'unmanaged';
const host = `${APP}.${t.sim.domain}`;
interface Seen {
  at: number;
  status: number;
}

/** An open-loop load of `rate` req/s on the app URL (each request on its own schedule), until stopped. */
function load() {
  const seen: Seen[] = [];
  const pending: Promise<void>[] = [];
  const timer = setInterval(() => {
    pending.push(
      t
        .get(host)
        .then((r) => void seen.push({ at: Date.now(), status: r.status }))
        .catch(() => void seen.push({ at: Date.now(), status: 0 })),
    );
  }, 1000 / rate);
  return {
    seen,
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
    },
  };
}

const rows: string[] = [];
const agentRows: string[] = [];
try {
  await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0', 'trading-lease': lease });
  const share = values.steps.split(',').reduce((n, w) => n + Number(w) / 100, 0);
  const httpCases = cases.has('http')
    ? [
        ...intervals.map((interval) => ({ interval, watch: 0 })),
        ...intervals.map((interval) => ({ interval, watch: 10 * interval })),
      ]
    : [];
  for (const [i, { interval, watch }] of httpCases.entries()) {
    // In the watch cases the build holds out for the steps' requests and about one more interval at 100%.
    const holdOut = watch ? Math.round(rate * 2 * interval * share + rate * interval) : 0;
    await t.deploy({
      image: t.images.degraded,
      'revision-suffix': `v4-0-${i}`,
      label: 'green',
      'trading-lease': lease,
      ...(holdOut ? { 'env-vars': `DEGRADE_AFTER=${holdOut}` } : {}),
    });
    const traffic = load();
    const started = Date.now();
    const message = await promote(interval, watch, []);
    const finished = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    await traffic.stop();
    const blue = trafficOf((await t.aca().getApp(APP))!).find((e) => e.label === 'blue');
    const failed = traffic.seen.filter((s) => s.status !== 200);
    const first = failed[0]?.at;
    const after = failed.filter((s) => s.at > finished).length;
    const detect = first ? (finished - first) / 1000 : NaN;
    const phase = /during (step \d+%|watch)/.exec(message)?.[1] ?? '?';
    rows.push(
      `| ${values.steps}${watch ? `, watch ${watch} s` : ''} | ${interval} s | ${rate} | ${phase} | ${detect.toFixed(1)} s (${(detect / interval).toFixed(2)} intervals) | ${failed.length} of ${traffic.seen.length} | ${after} | ${blue?.weight === 100 ? 'v1 at 100%' : `blue at ${blue?.weight}%`} |`,
    );
    console.log(rows.at(-1), `(promote ran ${((finished - started) / 1000).toFixed(1)} s)`);
    // Floor: one interval (the analysis cannot judge sooner); goal: within two.
    const operation = `analysis, interval ${interval} s${watch ? `, watch ${watch} s` : ''}`;
    benchFigure({
      operation: `${operation}: first failed request -> abort done`,
      figure: detect,
      unit: 's',
      floor: interval,
      goal: '<= 2x',
    });
    benchFigure({
      operation: `${operation}: failed requests after the abort`,
      figure: after,
      unit: '',
      goal: '<= 0',
    });
  }
  if (cases.has('agents')) await agentCases();
} finally {
  await t.stop();
}

/**
 * Promotes the green candidate in `values.steps` with the analysis (5xx of the container app, then `more` config
 * lines: keys, then metrics after a `metrics:` line), a watch of `watch` s (0: none); the run's error, or NOT CAUGHT.
 */
async function promote(interval: number, watch: number, more: string[]): Promise<string> {
  const at = more.indexOf('metrics:');
  const [keys, metrics] = at < 0 ? [more, []] : [more.slice(0, at), more.slice(at + 1)];
  try {
    await t.blueGreen({
      command: 'promote',
      app: APP,
      label: 'green',
      steps: values.steps,
      'step-wait': `${2 * interval}s`,
      'trading-lease': lease,
      ...(watch ? { watch: `${watch}s` } : {}),
      analysis: [
        `interval: ${interval}s`,
        'time-grain: PT1S',
        ...keys,
        'metrics:',
        '  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}',
        ...metrics,
      ].join('\n'),
    });
    return 'NOT CAUGHT';
  } catch (e) {
    return (e as Error).message;
  }
}

/** The agent case: a release whose agents fail once they trade, caught by the watch after the handover. */
async function agentCases(): Promise<void> {
  const revision = (suffix: string) => `${APP}--${suffix}`;
  for (const [i, interval] of intervals.entries()) {
    const suffix = `v7-0-${i}`;
    await t.deploy({
      image: t.images.v1,
      'revision-suffix': suffix,
      label: 'green',
      'trading-lease': lease,
      'env-vars': 'AGENT_FAIL=throw+reject',
    });
    const traffic = load();
    const message = await promote(interval, 10 * interval, [
      // The sample agent flushes its telemetry every 2 s: a window is read 2 s after it ends.
      'delay: 2s',
      'app-insights: alc-algo-insights',
      'metrics:',
      '  - {name: agent-failures, provider: app-insights, metric: exceptions/count, max: 5/hour scaled}',
      '  - {name: orders-rejected, provider: app-insights, metric: orders_rejected, namespace: azure.applicationinsights, relative: 2x stable, max: 1/minute scaled}',
    ]);
    const finished = Date.now();
    await new Promise((r) => setTimeout(r, 2000));
    await traffic.stop();
    const bad = t.sim.broker.orders({ kind: 'live' }).filter((o) => o.revision === revision(suffix));
    const [first, last] = [bad[0], bad.at(-1)].map((o) => (o ? Date.parse(o.time) : NaN));
    const exposure = (last - first) / 1000;
    const failed = traffic.seen.filter((s) => s.status !== 200).length;
    const metric = /analysis failed: ([\w-]+) = ([\d.]+) \(threshold (.+?)\) over /.exec(message);
    const back = t.sim.broker.orders({ kind: 'live', since: finished }).map((o) => o.revision);
    agentRows.push(
      `| ${interval} s | ${metric ? `${metric[1]} = ${metric[2]} (threshold ${metric[3]})` : message.slice(0, 80)} | ${exposure.toFixed(1)} s (${(exposure / interval).toFixed(2)} intervals) | ${bad.length} (${bad.filter((o) => o.status === 'Rejected').length} rejected) | ${failed} of ${traffic.seen.length} | ${[...new Set(back)].join(', ') || 'nobody'} |`,
    );
    console.log(
      agentRows.at(-1),
      `(run ended ${((finished - last) / 1000).toFixed(1)} s after its last order)`,
    );
    const operation = `agent analysis, interval ${interval} s`;
    benchFigure({
      operation: `${operation}: bad revision's first order -> its last (trading handed back)`,
      figure: exposure,
      unit: 's',
      floor: interval,
      goal: '<= 2x',
    });
    benchFigure({ operation: `${operation}: orders the bad revision sent`, figure: bad.length, unit: '' });
  }
}
const table = (header: string, lines: string[]) =>
  lines.length ? ['', header, header.replace(/[^|]+/g, '---'), ...lines] : [];
console.log(
  [
    ...table(
      '| steps | interval | req/s | caught at | first failed request -> abort/rollback done | failed requests users saw | failed after it | production after |',
      rows,
    ),
    ...table(
      '| interval | caught by | bad revision first order -> last (lost the lease) | orders it sent | failed HTTP requests | trading after |',
      agentRows,
    ),
  ].join('\n'),
);
