// Start-up of an action as a runner starts it: `node24 actions/blue-green/dist/index.js` with INPUT_* variables
// (command status, GitHub OIDC inputs for the simulator) against the simulator's ARM and Entra stand-in (ARM-only
// mode, loopback). Figures per run, median of the rounds: time from spawn to the GitHub OIDC token request, to the
// first ARM request arriving at the stand-in, to the process's exit (total wall), its max RSS, and the GitHub
// OIDC and Entra token requests it made. Floor: node's empty start (`node24 -e ''`, spawn to exit), both run
// through /usr/bin/time for the max RSS. Goal: the first ARM request at most 0.12 s after spawn.
// Run: npx tsx bench/startup.ts [rounds=10] [action dist dir=actions/blue-green/dist]
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { appPath, appSpec, RG, startControlPlaneSim } from '../test/support/control-plane-sim.js';
import { startEntry } from '../test/support/entry.js';
import { simAzureInputs } from '../test/support/sim-azure.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 10);
const ROOT = join(import.meta.dirname, '..');
const dist = resolve(ROOT, process.argv[3] ?? 'actions/blue-green/dist');
const APP = 'alc-algo-agents';
const node24 = execFileSync(join(ROOT, 'scripts/ensure-node24.sh'), { encoding: 'utf8' }).trim();
const TIME = ['/usr/bin/time', '-f', 'BENCH_MAXRSS_KB %M'];
const maxRssMiB = (stderr: string) => Number(/BENCH_MAXRSS_KB (\d+)/.exec(stderr)?.[1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Arrival times (Date.now()) of the control plane's requests, from its trace (logged when each one ends). */
const arrivals: Array<{ at: number; method: string; path: string; status: number }> = [];
const s = await startControlPlaneSim({
  registry: false,
  trace: true,
  log: (message) => {
    const m = /^(\w+) (\S+) -> (\d+) \((\d+) ms\)$/.exec(message);
    if (m) arrivals.push({ at: Date.now() - Number(m[4]), method: m[1], path: m[2], status: Number(m[3]) });
  },
});

function emptyStart(): Promise<{ wall: number; rss: number }> {
  return new Promise((done, fail) => {
    const t0 = Date.now();
    const child = spawn(TIME[0], [...TIME.slice(1), node24, '-e', ''], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', () => done({ wall: (Date.now() - t0) / 1000, rss: maxRssMiB(stderr) }));
  });
}

interface Run {
  oidc: number;
  firstArm: number;
  wall: number;
  rss: number;
  githubTokens: number;
  entraTokens: number;
  armRequests: number;
}

async function statusRun(): Promise<Run> {
  const { token } = s.sim.identity.registerGithubJob({
    repository: 'alc-algo/alc-algo',
    eventName: 'push',
    ref: 'refs/tags/v1.0.0',
  });
  const entra = s.sim.identity.requests.entra;
  arrivals.length = 0;
  const t0 = Date.now();
  const { done } = startEntry({
    action: 'blue-green',
    source: 'dist',
    node: node24,
    wrapper: TIME,
    inputs: { ...simAzureInputs(s.sim.env), command: 'status', 'resource-group': RG, app: APP },
    env: {
      NODE_EXTRA_CA_CERTS: s.sim.caPath,
      ACTIONS_ID_TOKEN_REQUEST_URL: s.sim.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
    },
  });
  const run = await done;
  const wall = (Date.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`blue-green status failed (${run.status}):\n${run.log}`);
  const arm = arrivals.filter((a) => a.path.startsWith('/subscriptions/'));
  const oidcPath = new URL(s.sim.env.ACTIONS_ID_TOKEN_REQUEST_URL).pathname;
  const oidc = arrivals.find((a) => a.path === oidcPath);
  if (!arm.length || !oidc) throw new Error(`no ARM or OIDC request seen: ${JSON.stringify(arrivals)}`);
  return {
    oidc: (oidc.at - t0) / 1000,
    firstArm: (Math.min(...arm.map((a) => a.at)) - t0) / 1000,
    wall,
    rss: maxRssMiB(run.stderr),
    githubTokens: s.sim.identity.githubTokensIssued(token),
    entraTokens: s.sim.identity.requests.entra - entra,
    armRequests: arm.length,
  };
}

try {
  const { location, ...properties } = appSpec(
    s.envId,
    `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'0'.repeat(64)}`,
    { suffix: 'v1-0-0' },
  );
  const put = await s.arm('PUT', appPath(s.sim.ids.subscriptionId, APP), { body: { location, properties } });
  if (put.status >= 300) throw new Error(put.body);
  await s.sim.settle();

  // One of each first: the file cache warm, as on a runner that has just checked the action out.
  await emptyStart();
  await statusRun();
  const empty: Array<{ wall: number; rss: number }> = [];
  const runs: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    empty.push(await emptyStart());
    runs.push(await statusRun());
  }
  const m = (pick: (r: Run) => number) => median(runs.map(pick));
  const floor = median(empty.map((e) => e.wall));
  const floorRss = median(empty.map((e) => e.rss));
  const s3 = (x: number) => x.toFixed(3);
  console.log(
    `blue-green status from ${dist}/index.js on node ${execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim()}, ${rounds} rounds (median; all runs)`,
  );
  console.log('| measure | median | runs |');
  console.log('|---|---|---|');
  const row = (name: string, xs: number[], f = s3) =>
    console.log(`| ${name} | ${f(median(xs))} | ${xs.map(f).join(', ')} |`);
  row(
    'empty start (node -e ""), s',
    empty.map((e) => e.wall),
  );
  row(
    'spawn -> GitHub OIDC token request, s',
    runs.map((r) => r.oidc),
  );
  row(
    'spawn -> first ARM request, s',
    runs.map((r) => r.firstArm),
  );
  row(
    'spawn -> exit (total wall), s',
    runs.map((r) => r.wall),
  );
  row(
    'max RSS, MiB (empty start)',
    empty.map((e) => e.rss),
    (x) => x.toFixed(0),
  );
  row(
    'max RSS, MiB',
    runs.map((r) => r.rss),
    (x) => x.toFixed(0),
  );
  row(
    'GitHub OIDC token requests',
    runs.map((r) => r.githubTokens),
    String,
  );
  row(
    'Entra token requests',
    runs.map((r) => r.entraTokens),
    String,
  );
  row(
    'ARM requests',
    runs.map((r) => r.armRequests),
    String,
  );

  const op = 'blue-green status (node 24, dist)';
  benchFigure({
    operation: `${op}: spawn -> first ARM request`,
    figure: m((r) => r.firstArm),
    unit: 's',
    floor,
    goal: '<= 0.12 s',
  });
  benchFigure({ operation: `${op}: spawn -> exit`, figure: m((r) => r.wall), unit: 's', floor });
  benchFigure({ operation: `${op}: max RSS`, figure: m((r) => r.rss), unit: 'MiB', floor: floorRss });
  benchFigure({
    operation: `${op}: GitHub OIDC token requests per Entra token`,
    figure: m((r) => r.githubTokens / r.entraTokens),
    unit: '',
    goal: '<= 1',
  });
} finally {
  await s.stop();
}
