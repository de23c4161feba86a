// ARM requests and wall time of blue-green's rollback to previous and promote (steps 100), this tree's code side by
// side with a baseline commit's, in one run against one simulator (real containers), with `latency` ms added to
// every ARM request (the simulator's latency fault) and every long-running operation lasting `lro-delay` ms. The
// ACA operations run with the actions' own defaults (2 s longest poll interval).
//
// The floor of an operation: one ARM round trip (measured: the median of a few app reads) per request it cannot do
// without, in sequence (rollback and a promote step: the app and its revisions read together, the app read again
// just before the write, the PATCH, one status poll, the read-back), plus the operation's own duration, plus the
// time of the work that is not ARM (the readiness proof and the gates, timed as they run).
//
//   DOCKER_HOST=unix:///run/alc-deploy/docker.sock npx tsx bench/arm-calls.ts \
//     [rounds=3] [lro-delay-ms=1000] [latency-ms=50] [baseline=f4fc727]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { inputs, RG, ROOT, startDeploySim, type DeploySim } from '../test/support/deploy-sim.js';
import { runBlueGreen } from '../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../src/bluegreen/settings.js';
import { runSmoke } from '../src/smoke/run.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 3);
const lroDelayMs = Number(process.argv[3] ?? 1000);
const latencyMs = Number(process.argv[4] ?? 50);
const baseline = process.argv[5] ?? 'f4fc727';
const APP = 'alc-algo-agents';
/** Sequential ARM round trips rollback to previous and a promote step cannot do without (see the header). */
const FLOOR_ROUND_TRIPS = 5;

type Run = (values: Record<string, string>) => Promise<unknown>;

interface Figure {
  calls: number;
  requests: string[];
  ms: number;
  /** Time in the readiness proof and the gates (not ARM). */
  otherMs: number;
}

const round = (n: number, to = 1) => Math.round(n * to) / to;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The baseline's src/ under sim/.state/ (git-ignored), so that it resolves this tree's node_modules. */
function checkoutBaseline(rev: string): string {
  const dir = join(ROOT, 'sim/.state', `bench-baseline-${rev}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${rev}" src | tar -x -C "${dir}"`]);
  return dir;
}

async function main(): Promise<void> {
  process.env.DOCKER_HOST ??= execFileSync(`${ROOT}/scripts/docker-up.sh`, { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  const dir = checkoutBaseline(baseline);
  const load = (path: string) => import(pathToFileURL(join(dir, path)).href);
  const old = {
    aca: (await load('src/azure/aca.ts')) as typeof import('../src/azure/aca.js'),
    blueGreen: (await load('src/bluegreen/run.ts')) as typeof import('../src/bluegreen/run.js'),
    blueGreenSettings: (await load(
      'src/bluegreen/settings.ts',
    )) as typeof import('../src/bluegreen/settings.js'),
  };
  const t: DeploySim = await startDeploySim({ lroDelayMs });
  try {
    let otherMs = 0;
    const timed =
      <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
      async (...a: A): Promise<R> => {
        const start = performance.now();
        try {
          return await f(...a);
        } finally {
          otherMs += performance.now() - start;
        }
      };
    const prove = timed(t.prove);
    const smoke = timed(runSmoke);
    const settingsEnv = { env: { GITHUB_WORKSPACE: ROOT } };
    const values = (v: Record<string, string>) => inputs({ ...t.common, app: APP, ...v });
    // Both through the same client (so counted alike), the same timed proof and gates, 2 s poll interval.
    const runs: Record<'before' | 'after', Run> = {
      before: (v) =>
        old.blueGreen.runBlueGreen(old.blueGreenSettings.readBlueGreenSettings(values(v), settingsEnv), {
          aca: new old.aca.Aca(t.client, { resourceGroup: RG, pollMs: 2000 }),
          prove,
          smoke,
        }),
      after: (v) =>
        runBlueGreen(readBlueGreenSettings(values(v), settingsEnv), {
          aca: t.aca(undefined, { pollMs: 2000 }),
          prove,
          smoke,
        }),
    };
    const measure = async (run: Run, v: Record<string, string>): Promise<Figure> => {
      t.calls.length = 0;
      otherMs = 0;
      const start = performance.now();
      await run(v);
      const ms = performance.now() - start;
      return { calls: t.calls.length, requests: [...t.calls], ms, otherMs };
    };

    await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0' });
    await t.deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0' });
    await runs.after({ command: 'promote' });
    t.sim.faults.add({ method: '*', path: '^/subscriptions/', kind: 'latency', latencyMs });
    const trips: number[] = [];
    const probe = t.aca();
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await probe.getApp(APP);
      trips.push(performance.now() - start);
    }
    const rtt = median(trips);

    const figures: Record<string, Figure[]> = {};
    const add = (key: string, f: Figure) => (figures[key] ??= []).push(f);
    for (let i = 0; i < rounds; i++) {
      for (const side of ['before', 'after'] as const) {
        add(`rollback ${side}`, await measure(runs[side], { command: 'rollback' }));
        add(`promote ${side}`, await measure(runs[side], { command: 'promote' }));
      }
    }

    console.log(
      `ARM requests and wall time, ${latencyMs} ms added per ARM request (round trip measured ${round(rtt)} ms), each operation lasting ${lroDelayMs} ms, ${rounds} rounds; before = ${baseline}, after = this tree`,
    );
    console.log('');
    console.log('| operation | code | ARM requests | wall s (median) | floor s | wall / floor | not ARM s |');
    console.log('|---|---|---|---|---|---|---|');
    for (const op of ['rollback', 'promote'] as const) {
      for (const side of ['before', 'after'] as const) {
        const fs = figures[`${op} ${side}`];
        const wall = median(fs.map((f) => f.ms));
        const other = median(fs.map((f) => f.otherMs));
        const floor = FLOOR_ROUND_TRIPS * rtt + lroDelayMs + other;
        const what = op === 'rollback' ? 'rollback to previous' : 'promote, steps 100 (gated)';
        console.log(
          `| ${what} | ${side} | ${fs.map((f) => f.calls).join(', ')} | ${round(wall / 1000, 100)} | ${round(floor / 1000, 100)} | ${round(wall / floor, 100)} | ${round(other / 1000, 100)} |`,
        );
        if (side === 'after') {
          const calls = Math.max(...fs.map((f) => f.calls));
          benchFigure({ operation: `ARM requests: ${what}`, figure: calls, unit: '', goal: '<= 6' });
          benchFigure({
            operation: `${what} (median)`,
            figure: wall / 1000,
            unit: 's',
            floor: floor / 1000,
            goal: '<= 1.3x',
          });
        }
      }
    }
    for (const op of ['rollback', 'promote']) {
      for (const side of ['before', 'after']) {
        console.log('');
        console.log(`${op} ${side}, the requests of the first round:`);
        for (const c of figures[`${op} ${side}`][0].requests)
          console.log(`  ${c.replace(/^(\w+) \/subscriptions\/[^/]+/, '$1 ')}`);
      }
    }
  } finally {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
