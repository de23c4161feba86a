// Start-up of an action as a runner starts it: `node24 actions/blue-green/dist/index.js` with INPUT_* variables
// (command status, GitHub OIDC inputs for the simulator) against the simulator's ARM and Entra stand-in (ARM-only
// mode, loopback). Figures per run, median of the rounds: time from spawn to the GitHub OIDC token request, to the
// first ARM request arriving at the stand-in, to the process's exit (total wall), its CPU time and max RSS, and the
// GitHub OIDC and Entra token requests it made. Floor: node's empty start (`node24 -e ''`, spawn to exit), both run
// through /usr/bin/time; and the toolkit floor, bench/startup-floor/main.ts bundled with ncc: the same run on
// @actions/core and @azure/arm-appcontainers alone (the first ARM figure's floor column). Goal: the first ARM
// request at most 0.12 s after spawn. On a shared machine the wall
// times swing with its load; the CPU times less so. Bundles given as arguments (e.g. one built aside with ncc into
// a temporary directory) run in interleaved rounds, so that they compare under the same load.
// Run: npx tsx bench/startup.ts [rounds=10] [bundle dir ...] (default actions/blue-green/dist); PROFILE=<dir> writes a
// CPU profile of each run there.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appPath, appSpec, RG, startControlPlaneSim } from '../test/support/control-plane-sim.js';
import { startEntry } from '../test/support/entry.js';
import { simAzureInputs } from '../test/support/sim-azure.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 10);
const ROOT = join(import.meta.dirname, '..');
const dists = (process.argv.length > 3 ? process.argv.slice(3) : ['actions/blue-green/dist']).map((d) =>
  resolve(ROOT, d),
);
// The toolkit floor (bench/startup-floor/main.ts): the same run on @actions/core and @azure/arm-appcontainers
// with nothing of the product's own, bundled here as the actions are, and run in the same interleaved rounds.
const floorDir = mkdtempSync(join(tmpdir(), 'alc-startup-floor-'));
execFileSync(
  'npx',
  [
    'ncc',
    'build',
    join(ROOT, 'bench/startup-floor/main.ts'),
    '-o',
    floorDir,
    '--quiet',
    '--target',
    'es2022',
  ],
  { cwd: ROOT, stdio: 'inherit' },
);
writeFileSync(join(floorDir, 'package.json'), '{"type":"module"}\n');
const FLOOR = dists.length;
dists.push(floorDir);
const nameOf = (j: number) =>
  j === FLOOR ? 'toolkit floor' : dists.length > 2 ? dists[j] : 'blue-green status';
const APP = 'alc-algo-agents';
const node24 = execFileSync(join(ROOT, 'scripts/ensure-node24.sh'), { encoding: 'utf8' }).trim();
const TIME = ['/usr/bin/time', '-f', 'BENCH_TIME %M %U %S'];
/** Max RSS (MiB) and CPU time (s) from /usr/bin/time's line. */
function usage(stderr: string): { rss: number; cpu: number } {
  const m = /BENCH_TIME (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  return m ? { rss: Number(m[1]) / 1024, cpu: Number(m[2]) + Number(m[3]) } : { rss: NaN, cpu: NaN };
}
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

interface Usage {
  wall: number;
  rss: number;
  cpu: number;
}

function emptyStart(): Promise<Usage> {
  return new Promise((done, fail) => {
    const t0 = Date.now();
    const child = spawn(TIME[0], [...TIME.slice(1), node24, '-e', ''], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', () => done({ wall: (Date.now() - t0) / 1000, ...usage(stderr) }));
  });
}

interface Run extends Usage {
  oidc: number;
  firstArm: number;
  githubTokens: number;
  entraTokens: number;
  armRequests: number;
}

async function statusRun(dist: string): Promise<Run> {
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
    distDir: dist,
    node: node24,
    wrapper: TIME,
    inputs: { ...simAzureInputs(s.sim.env), command: 'status', 'resource-group': RG, app: APP },
    env: {
      NODE_EXTRA_CA_CERTS: s.sim.caPath,
      ACTIONS_ID_TOKEN_REQUEST_URL: s.sim.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
      // PROFILE=<dir>: a CPU profile of every run (node --cpu-prof), to see where its start-up goes.
      ...(process.env.PROFILE
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-interval=100 --cpu-prof-dir=${process.env.PROFILE}` }
        : {}),
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
    ...usage(run.stderr),
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
  for (const dist of dists) await statusRun(dist);
  const empty: Usage[] = [];
  const runs = dists.map(() => [] as Run[]);
  for (let i = 0; i < rounds; i++) {
    empty.push(await emptyStart());
    for (const [j, dist] of dists.entries()) runs[j].push(await statusRun(dist));
  }
  const version = execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim();
  const floor = (pick: (u: Usage) => number) => median(empty.map(pick));
  const s3 = (x: number) => x.toFixed(3);
  const row = (name: string, xs: number[], f = s3) =>
    console.log(`| ${name} | ${f(median(xs))} | ${xs.map(f).join(', ')} |`);
  console.log(`node ${version}, ${rounds} rounds (median; all runs)\n`);
  console.log('| measure | median | runs |');
  console.log('|---|---|---|');
  row(
    'empty start (node -e ""): wall, s',
    empty.map((e) => e.wall),
  );
  row(
    'empty start: CPU, s',
    empty.map((e) => e.cpu),
  );
  row(
    'empty start: max RSS, MiB',
    empty.map((e) => e.rss),
    (x) => x.toFixed(0),
  );
  for (const j of dists.keys()) {
    const r = runs[j];
    const name = nameOf(j);
    row(
      `${name}: spawn -> GitHub OIDC token request, s`,
      r.map((x) => x.oidc),
    );
    row(
      `${name}: spawn -> first ARM request, s`,
      r.map((x) => x.firstArm),
    );
    row(
      `${name}: spawn -> exit (total wall), s`,
      r.map((x) => x.wall),
    );
    row(
      `${name}: CPU (user + sys), s`,
      r.map((x) => x.cpu),
    );
    row(
      `${name}: max RSS, MiB`,
      r.map((x) => x.rss),
      (x) => x.toFixed(0),
    );
    row(
      `${name}: GitHub OIDC token requests`,
      r.map((x) => x.githubTokens),
      String,
    );
    row(
      `${name}: Entra token requests`,
      r.map((x) => x.entraTokens),
      String,
    );
    row(
      `${name}: ARM requests`,
      r.map((x) => x.armRequests),
      String,
    );
  }
  const toolkitFirstArm = median(runs[FLOOR].map((r) => r.firstArm));
  benchFigure({
    operation:
      'toolkit floor (node 24, @actions/core + @azure/arm-appcontainers, OIDC, one token POST, one GET): spawn -> first ARM request',
    figure: toolkitFirstArm,
    unit: 's',
    floor: floor((e) => e.wall),
  });
  for (const j of dists.keys()) {
    if (j === FLOOR) continue;
    const m = (pick: (r: Run) => number) => median(runs[j].map(pick));
    const op = `blue-green status (node 24${dists.length > 2 ? `, ${dists[j]}` : ''})`;
    benchFigure({
      operation: `${op}: spawn -> first ARM request (floor: the toolkit floor)`,
      figure: m((r) => r.firstArm),
      unit: 's',
      floor: toolkitFirstArm,
      goal: '<= 0.12 s',
    });
    benchFigure({
      operation: `${op}: spawn -> exit`,
      figure: m((r) => r.wall),
      unit: 's',
      floor: floor((e) => e.wall),
    });
    benchFigure({ operation: `${op}: CPU`, figure: m((r) => r.cpu), unit: 's', floor: floor((e) => e.cpu) });
    benchFigure({
      operation: `${op}: max RSS`,
      figure: m((r) => r.rss),
      unit: 'MiB',
      floor: floor((e) => e.rss),
    });
    benchFigure({
      operation: `${op}: GitHub OIDC token requests per Entra token`,
      figure: m((r) => r.githubTokens / r.entraTokens),
      unit: '',
      goal: '<= 1',
    });
  }
} finally {
  await s.stop();
  rmSync(floorDir, { recursive: true, force: true });
}
