// How long deploy-app takes to fail a crash-looping release, against the simulator with real containers: the
// sample app's BROKEN build (its /health and /ready answer 404, so its liveness probe fails and the runtime
// restarts it, as ACA does) deployed with the default inputs (wait-timeout 10m, the seed's probes from
// deploy/containerapp.yaml, the actions' 2 s poll interval) beside a live v1. The simulator runs the probes as
// ACA does, at the template's initialDelaySeconds, periodSeconds and failureThreshold (probe timing 'template';
// 'fixed' is the tests' fast timing: every probe each second).
//
//   new: runDeploy as the action runs it (revision states + replicas, judged by src/revisions/readiness.ts);
//   old: the wait before this change, the revision's states only (revisionReadiness until the deadline), run with
//        a shorter wait-timeout: it never sees a state it calls failed, so it always waits the whole timeout, and
//        with the default 10m it would wait 600 s.
//
//   DOCKER_HOST=unix:///run/alc-deploy/docker.sock npx tsx bench/readiness-detect.ts [rounds=3] [old-timeout-s=90] [template|fixed]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeRevisionState, revisionReadiness } from '../src/revisions/state.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../src/core/inputs.js';
import { graceWindowMs, RESTART_LIMIT } from '../src/revisions/readiness.js';
import { ROOT, startDeploySim, type DeploySim } from '../test/support/deploy-sim.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 3);
const oldTimeoutS = Number(process.argv[3] ?? 90);
const probeTiming = process.argv[4] === 'fixed' ? 'fixed' : 'template';
const APP = 'alc-algo-agents';
const POLL_MS = 2000; // the actions' default (src/azure/aca.ts)

interface Run {
  seconds: number;
  /** Seconds from the start to the first poll that showed the revision Degraded/Unhealthy. */
  firstUnhealthy?: number;
  error: string;
}

/** The log of one run with the seconds since its start, to find when the revision first looked unhealthy. */
function timedLog(start: number, lines: string[]) {
  return (line: string) => lines.push(`${((performance.now() - start) / 1000).toFixed(1)} ${line}`);
}

function firstUnhealthy(lines: string[]): number | undefined {
  const hit = lines.find((l) => /healthState Unhealthy|runningState Degraded/.test(l));
  return hit ? Number(hit.split(' ')[0]) : undefined;
}

async function newPath(t: DeploySim, suffix: string): Promise<Run> {
  const lines: string[] = [];
  const start = performance.now();
  const aca = t.aca(timedLog(start, lines), { pollMs: POLL_MS });
  const error = await t.deploy({ image: t.images.broken, 'revision-suffix': suffix }, aca).then(
    () => 'deployed (unexpected)',
    (e: unknown) => (e as Error).message,
  );
  if (process.env.BENCH_LOG) console.log(lines.join('\n'));
  return { seconds: (performance.now() - start) / 1000, firstUnhealthy: firstUnhealthy(lines), error };
}

/** The wait as it was: write the revision (the deploy's own PATCH), then poll its states only until the deadline. */
async function oldPath(t: DeploySim, suffix: string, timeoutMs: number): Promise<Run> {
  const lines: string[] = [];
  const start = performance.now();
  const aca = t.aca(timedLog(start, lines), { pollMs: POLL_MS });
  const deadline = Date.now() + timeoutMs; // as runDeploy set it: before its write
  const app = (await aca.getApp(APP))!;
  const template = structuredClone(app.template!);
  template.containers![0].image = t.images.broken;
  template.revisionSuffix = suffix;
  await aca.patchTemplate({ ...app, name: APP }, template);
  const revision = `${APP}--${suffix}`;
  let error = 'ready (unexpected)';
  for (;;) {
    const r = await aca.getRevision(APP, revision);
    if (r) lines.push(`${((performance.now() - start) / 1000).toFixed(1)} ${describeRevisionState(r)}`);
    const readiness = r ? revisionReadiness(r) : 'waiting';
    if (readiness === 'ready') break;
    if (readiness === 'failed') {
      error = `failed (${r && describeRevisionState(r)})`;
      break;
    }
    if (Date.now() >= deadline) {
      error = `did not become Provisioned, Running and Healthy in time (${r && describeRevisionState(r)})`;
      break;
    }
    await sleep(Math.min(POLL_MS, deadline - Date.now()));
  }
  const seconds = (performance.now() - start) / 1000;
  await aca.deactivate(APP, revision).catch(() => undefined);
  return { seconds, firstUnhealthy: firstUnhealthy(lines), error };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const s1 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));

async function main(): Promise<void> {
  process.env.DOCKER_HOST ??= execFileSync(`${ROOT}/scripts/docker-up.sh`, { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  const t = await startDeploySim({ lroDelayMs: 1000, probeTiming });
  try {
    await t.deploy(
      { image: t.images.v1, 'revision-suffix': 'v1-0-0' },
      t.aca(undefined, { pollMs: POLL_MS }),
    );
    const grace = graceWindowMs((await t.aca().getApp(APP))!.template);
    const fresh: Run[] = [];
    for (let i = 1; i <= rounds; i += 1) fresh.push(await newPath(t, `crash-new-${i}`));
    const old = await oldPath(t, 'crash-old-1', oldTimeoutS * 1000);

    const rows = [
      ['path', 'wait-timeout', 'failed after (s)', 'first Degraded/Unhealthy (s)', 'error'],
      ...fresh.map((r, i) => [
        `new, round ${i + 1}`,
        '10m (default)',
        s1(r.seconds),
        s1(r.firstUnhealthy),
        r.error,
      ]),
      [`old (measured)`, `${oldTimeoutS}s`, s1(old.seconds), s1(old.firstUnhealthy), old.error],
      [
        `old (its default)`,
        '10m (default)',
        s1(DEFAULT_WAIT_TIMEOUT_MS / 1000 + (old.seconds - oldTimeoutS)),
        '',
        'the whole wait-timeout, as measured above',
      ],
    ];
    const newMedian = median(fresh.map((r) => r.seconds));
    const oldDefault = DEFAULT_WAIT_TIMEOUT_MS / 1000 + (old.seconds - oldTimeoutS);
    console.log(
      `probe timing ${probeTiming}, restart limit ${RESTART_LIMIT}, grace window from the seed's probes ${grace / 1000} s, poll ${POLL_MS / 1000} s\n`,
    );
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(
      `\nnew median ${newMedian.toFixed(1)} s vs old ${oldDefault.toFixed(1)} s with the default wait-timeout: ${(oldDefault / newMedian).toFixed(1)}x faster; goal (< 60 s) ${newMedian < 60 ? 'met' : 'NOT met'}`,
    );
    // Floor: the grace window the seed's probes give a new revision before a failure counts.
    benchFigure({
      operation: 'deploy-app: a crash-looping release failed',
      figure: newMedian,
      unit: 's',
      floor: grace / 1000,
      goal: '< 60 s',
    });
  } finally {
    await t.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
