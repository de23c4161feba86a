// How fast the metric analysis catches a release that fails under real traffic, on the simulator with real
// containers: v1 serves, a DEGRADE_AFTER build (half its real requests answered 500 once it has served 5) is
// promoted in steps 10,50,100 while a load of 20 req/s runs on the app URL. Figures per interval: the time from the
// candidate's first failed request to the end of the abort (traffic restored and read back), the failed requests
// users saw, and those after the abort (goal: none). Goal: detection within two intervals. Then the same with a
// build that holds out through every step (DEGRADE_AFTER set past the steps' share of the load) and fails during
// the watch after 100%: the time to the rollback.
// Loopback only; bounded (a few trials of about 30 s).
// Run: npx tsx bench/analysis-detect.ts [--intervals 3,5,10] [--rate 20] [--steps 10,50,100]
import { parseArgs } from 'node:util';
import { trafficOf } from '../src/revisions/traffic.js';
import { startDeploySim } from '../test/support/deploy-sim.js';
import { benchFigure } from './figure.js';

const { values } = parseArgs({
  options: {
    intervals: { type: 'string', default: '3,5,10' },
    rate: { type: 'string', default: '20' },
    steps: { type: 'string', default: '10,50,100' },
  },
});
const intervals = values.intervals.split(',').map(Number);
const rate = Number(values.rate);
const APP = 'alc-algo-agents';

process.env.DOCKER_HOST ??= 'unix:///run/alc-deploy/docker.sock';
const t = await startDeploySim();
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
try {
  await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0' });
  const share = values.steps.split(',').reduce((n, w) => n + Number(w) / 100, 0);
  const cases = [
    ...intervals.map((interval) => ({ interval, watch: 0 })),
    ...intervals.map((interval) => ({ interval, watch: 10 * interval })),
  ];
  for (const [i, { interval, watch }] of cases.entries()) {
    // In the watch cases the build holds out for the steps' requests and about one more interval at 100%.
    const holdOut = watch ? Math.round(rate * 2 * interval * share + rate * interval) : 0;
    await t.deploy({
      image: t.images.degraded,
      'revision-suffix': `v4-0-${i}`,
      label: 'green',
      ...(holdOut ? { 'env-vars': `DEGRADE_AFTER=${holdOut}` } : {}),
    });
    const traffic = load();
    const started = Date.now();
    let finished = 0;
    let message = '';
    try {
      await t.blueGreen({
        command: 'promote',
        app: APP,
        label: 'green',
        steps: values.steps,
        'step-wait': `${2 * interval}s`,
        ...(watch ? { watch: `${watch}s` } : {}),
        analysis: [
          `interval: ${interval}s`,
          'time-grain: PT1S',
          'metrics:',
          '  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}',
        ].join('\n'),
      });
      message = 'NOT CAUGHT';
    } catch (e) {
      message = (e as Error).message;
    }
    finished = Date.now();
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
} finally {
  await t.stop();
}
console.log(
  [
    '',
    '| steps | interval | req/s | caught at | first failed request -> abort/rollback done | failed requests users saw | failed after it | production after |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n'),
);
