// The release critical path against its unavoidable waits, on the simulator with real containers: v1 serves,
// then the bundled actions run one after another as reusable-release.yml runs them (each its own node process,
// dist/index.js, as a runner starts it): deploy-app (v2 into the candidate slot at 0%), smoke-test on the label
// URL, blue-green promote in steps, smoke-test on the app URL. The waits no action can shorten: the new revision's
// provisioning and readiness (from the deploy's start until ARM first reports it ready, seen by a watcher polling
// every 100 ms), every step's step-wait, and each smoke test's duration. The build is not in it (no wait bounds a
// build; bench/build-cache.ts has its figures). Goal: the whole path at most 1.2x its waits.
// Run: DOCKER_HOST=unix:///run/alc-deploy/docker.sock npx tsx bench/release-path.ts [rounds=2] [step-wait-s=5] [smoke-s=3]
// BUNDLES=<dir>: the bundles in <dir>/<action>/index.js (built aside with ncc, e.g. to compare two trees) instead
// of actions/<action>/dist. TRACE=1: every ARM request and every action log line, in seconds from the stage's
// start (the watcher's revision reads left out), where the time beyond the waits goes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { revisionReadiness } from '../src/revisions/state.js';
import { ROOT, startDeploySim, startEntry, type DeploySim } from '../test/support/deploy-sim.js';
import { errorLines } from '../test/support/entry.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 2);
const stepWaitS = Number(process.argv[3] ?? 5);
const smokeS = Number(process.argv[4] ?? 3);
const STEPS = '10,50,100';
const APP = 'alc-algo-agents';
process.env.DOCKER_HOST ??= 'unix:///run/alc-deploy/docker.sock';
const node24 = execFileSync(join(ROOT, 'scripts/ensure-node24.sh'), { encoding: 'utf8' }).trim();
const bundles = process.env.BUNDLES;
const tracing = process.env.TRACE === '1';
let stageStart = performance.now();
const trace = (line: string) => {
  if (tracing) console.log(`  +${((performance.now() - stageStart) / 1000).toFixed(2)}s ${line}`);
};

interface Stage {
  name: string;
  seconds: number;
  wait: number;
}

/** Runs one action's bundle; its outputs, or an error with its ::error:: lines. */
async function action(t: DeploySim, name: string, values: Record<string, string>) {
  const distDir = bundles ? join(bundles, name) : undefined;
  const { child, done } = startEntry(name, values, t.sim, {}, { source: 'dist', node: node24, distDir });
  child.stdout?.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) if (line.trim()) trace(`${name}: ${line}`);
  });
  const run = await done;
  if (run.status !== 0) throw new Error(`${name} failed: ${errorLines(run.stdout).join('\n') || run.log}`);
  return run.outputs;
}

/** Seconds from now until ARM first reports `revision` ready (Provisioned, Running, Healthy), polled every 100 ms. */
async function readyAfter(t: DeploySim, revision: string, until: () => boolean): Promise<number | undefined> {
  const aca = t.aca();
  const start = performance.now();
  while (!until()) {
    const r = await aca.getRevision(APP, revision).catch(() => undefined);
    if (r && revisionReadiness(r) === 'ready') return (performance.now() - start) / 1000;
    await sleep(100);
  }
  return undefined;
}

async function release(t: DeploySim, image: string, suffix: string, version: string): Promise<Stage[]> {
  const stages: Stage[] = [];
  const timed = async <T>(name: string, wait: number, body: () => Promise<T>): Promise<T> => {
    const t0 = (stageStart = performance.now());
    if (tracing) console.log(name);
    const out = await body();
    stages.push({ name, seconds: (performance.now() - t0) / 1000, wait });
    return out;
  };
  let deployed = false;
  const watcher = readyAfter(t, `${APP}--${suffix}`, () => deployed);
  const t0 = (stageStart = performance.now());
  if (tracing) console.log('deploy-app');
  const deploy = await action(t, 'deploy-app', { ...t.common, app: APP, image, 'revision-suffix': suffix });
  deployed = true;
  const provisioning = (await watcher) ?? (performance.now() - t0) / 1000;
  stages.push({ name: 'deploy-app', seconds: (performance.now() - t0) / 1000, wait: provisioning });
  const smoke = (url: string) => ({
    url,
    resolve: t.common.resolve,
    'ca-file': t.common['ca-file'],
    duration: `${smokeS}s`,
    rate: '10',
    'expect-version': version,
  });
  await timed('smoke-test, label URL', smokeS, () => action(t, 'smoke-test', smoke(deploy['label-url'])));
  await timed('blue-green promote', stepWaitS * STEPS.split(',').length, () =>
    action(t, 'blue-green', {
      ...t.common,
      command: 'promote',
      app: APP,
      label: deploy.label,
      steps: STEPS,
      'step-wait': `${stepWaitS}s`,
    }),
  );
  await timed('smoke-test, app URL', smokeS, () => action(t, 'smoke-test', smoke(deploy['app-url'])));
  return stages;
}

const watched = new RegExp(`GET /.*/revisions/${APP}--[^/]+ `);
const t = await startDeploySim(
  tracing ? { trace: (line) => (watched.test(line) ? undefined : trace(line)) } : {},
);
try {
  await action(t, 'deploy-app', { ...t.common, app: APP, image: t.images.v1, 'revision-suffix': 'v1-0-0' });
  const all: Stage[][] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate the versions, so that each round is a release of another build than the one serving.
    const [image, version] = i % 2 === 0 ? [t.images.v2, '2.0.0'] : [t.images.v1, '1.0.0'];
    all.push(await release(t, image, `r${i}-${version.replaceAll('.', '-')}`, version));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const s1 = (x: number) => x.toFixed(1);
  console.log(
    `release critical path, steps ${STEPS}, step-wait ${stepWaitS} s, smoke duration ${smokeS} s, ${rounds} rounds (median; all rounds)\n`,
  );
  console.log('| stage | seconds | unavoidable wait | beyond the wait |');
  console.log('|---|---|---|---|');
  const names = all[0].map((s) => s.name);
  const cell = (pick: (s: Stage) => number, i: number) =>
    `${s1(median(all.map((r) => pick(r[i]))))} (${all.map((r) => s1(pick(r[i]))).join(', ')})`;
  names.forEach((name, i) =>
    console.log(
      `| ${name} | ${cell((s) => s.seconds, i)} | ${cell((s) => s.wait, i)} | ${cell((s) => s.seconds - s.wait, i)} |`,
    ),
  );
  const total = all.map((r) => r.reduce((n, s) => n + s.seconds, 0));
  const waits = all.map((r) => r.reduce((n, s) => n + s.wait, 0));
  console.log(
    `| whole path | ${s1(median(total))} | ${s1(median(waits))} | ${s1(median(total) - median(waits))} |`,
  );
  names.forEach((name, i) =>
    benchFigure({
      operation: `release path: ${name}`,
      figure: median(all.map((r) => r[i].seconds)),
      unit: 's',
      floor: median(all.map((r) => r[i].wait)),
    }),
  );
  benchFigure({
    operation: 'release path: deploy -> smoke -> promote -> smoke',
    figure: median(total),
    unit: 's',
    floor: median(waits),
    goal: '<= 1.2x',
  });
} finally {
  await t.stop();
}
