// The fault campaign: for each operation of the pipeline (first deploy, next deploy, promote in steps, rollback
// to previous, rollback to a version, preview deploy, teardown), a fault at each of its ARM writes in turn:
// a real SIGKILL of the action's process (the entry started as a runner starts it) while the write is in
// flight, a persistent 500, a connection reset, the long-running operation ending Failed, a 429 storm. Then
// the same command is run again without faults. Every cell must converge on the state a fault-free run
// reaches; no revision may hold weight, or serve anything but its own URL, before a request to its own URL
// proved it; and a load loop through the simulator's ingress (the app URL; for previews another pull
// request's label URL) must see no failed request. The writes come from a fault-free run of each operation,
// never from fixed counts. Against the simulator's ARM and ingress, each revision a small HTTP server (no
// Docker); a second test plays the production operations with real containers. Prints the tables.
// Trading cells: promote and rollback with a managed trading-lease, each revision's replicas in-process replicas of
// protocol v1 that the served runtime runs per replica: each designation write x (SIGKILL of the entry while the
// write is in flight, a persistent 500, a reset, a 429 storm) at the simulator's storage proxy, plus a hung old
// holder, a revision that never takes the lease, storage unreachable during the handover (the holder stops within
// 10 s, the run fails, the designation stays) and 3 replicas of each revision; every cell converges on a re-run and
// the broker's order log shows no two traders at any instant.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Aca } from '../../../src/azure/aca.js';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { runBlueGreen } from '../../../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { runDeploy, type DeployDeps } from '../../../src/deploy/run.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { proveServing } from '../../../src/smoke/prove.js';
import { createHttpClient, type HttpClient } from '../../../src/smoke/http-client.js';
import { parseResolve } from '../../../src/core/inputs.js';
import { runSmoke } from '../../../src/smoke/run.js';
import type { Simulator } from '../../../sim/index.js';
import { tradingReport } from '../../../sim/trading-report.js';
import { parseTradingLease } from '../../../src/trading/lease-url.js';
import { tradingStore } from '../../../src/trading/store.js';
import type { ManagedTradingLease, TradingStore } from '../../../src/trading/types.js';
import type { FaultRule } from '../../../sim/types.js';
import {
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import {
  errorLines,
  registerRelease,
  releaseInputs,
  ROOT,
  simVerifier,
  startDeploySim,
  startEntry,
  workspaceCa,
  type DeploySim,
} from '../../support/deploy-sim.js';
import { describeWithDocker } from '../../support/docker.js';
import { startLoad } from '../../support/load-loop.js';
import { ServedRuntime } from '../../support/served-runtime.js';
import { simAzure, simAzureInputs } from '../../support/sim-azure.js';

const FAULTS = ['SIGKILL', '500', 'reset', 'LRO Failed', '429 storm'] as const;
type Fault = (typeof FAULTS)[number];
const WRITES = ['PUT', 'PATCH', 'POST', 'DELETE'];

/** One command of the pipeline: an action and its inputs (app and the common inputs added). */
interface Step {
  action: 'deploy-app' | 'blue-green';
  values: Record<string, string>;
}
const deploy = (values: Record<string, string>): Step => ({ action: 'deploy-app', values });
const blueGreen = (values: Record<string, string>): Step => ({ action: 'blue-green', values });

/** Where a campaign runs: the simulator, its inputs, the images, and how it knows a revision was proven. */
interface Arena {
  sim: Simulator;
  /** The common inputs (Azure, resource group, resolve, ca-file). */
  inputs: Record<string, string>;
  image(n: number): string;
  /** Whether a revision answered on its own URL (its readiness proof), as seen by the revision itself. */
  proven?: (revision: string) => boolean;
  /** Requests answered off the revision's own URL by a revision not proven then. */
  unproven?: () => Array<{ revision: string; host: string }>;
  http: HttpClient;
  /** Poll interval of the campaign's own Aca. */
  pollMs: number;
}

/** Revisions allowed to hold weight: serving before the operation started, proven since, or exempt. */
interface Watch {
  app: string;
  allowed: Set<string>;
  violations: string[];
}

interface Write {
  method: string;
  /** The path with the app's name as `{app}`. */
  path: string;
}

const inApp = (path: string, app: string) =>
  path
    .split('/')
    .map((seg) =>
      seg === app ? '{app}' : seg.startsWith(`${app}--`) ? `{app}${seg.slice(app.length)}` : seg,
    )
    .join('/');
const ofApp = (path: string, app: string) => path.split('{app}').join(app);
const exact = (path: string) => `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
const shown = (w: Write) =>
  `${w.method} ${w.path
    .replace(/.*\/containerApps\//, '')
    .split('{app}')
    .join('app')}`;

function campaign(arena: () => Arena) {
  const a = () => arena();
  let plain: Aca | undefined;
  const plainAca = () => (plain ??= new Aca(sdkClient(a().sim), { resourceGroup: RG, pollMs: a().pollMs }));

  const isProven = (w: Watch, revision: string) =>
    w.allowed.has(revision) || (a().proven?.(revision) ?? false);

  async function checkServing(w: Watch, when: string): Promise<void> {
    for (const r of await plainAca().listRevisions(w.app)) {
      if ((r.trafficWeight ?? 0) > 0 && !isProven(w, r.name))
        w.violations.push(`${when}: ${r.name} holds ${r.trafficWeight}% unproven`);
    }
  }

  /** The campaign's view of Azure: records the writes; at write `at` injects `fault`; after each write checks weights. */
  function runView(
    w: Watch,
    at?: number,
    fault?: Fault,
    rules: number[] = [],
  ): { aca: Aca; writes: Write[] } {
    const writes: Write[] = [];
    const policy: PipelinePolicy = {
      name: 'fault-campaign',
      async sendRequest(req, next) {
        const path = new URL(req.url).pathname;
        const write = WRITES.includes(req.method) && path.includes('/providers/Microsoft.App/');
        const index = write ? writes.push({ method: req.method, path: inApp(path, w.app) }) - 1 : -1;
        if (write && index === at && fault) {
          const rule: Partial<FaultRule> =
            fault === '500'
              ? { kind: 'status', status: 500, times: 10 }
              : fault === 'reset'
                ? { kind: 'reset', times: 10 }
                : fault === 'LRO Failed'
                  ? { kind: 'lro-fail', times: 1 }
                  : { kind: 'status', status: 429, retryAfter: 0, times: 10 };
          rules.push(a().sim.faults.add({ ...rule, method: req.method, path: exact(path) } as FaultRule));
        }
        const res = await next(req);
        if (write && res.status < 300) await checkServing(w, `after ${req.method} ${path.split('/').pop()}`);
        return res;
      },
    };
    const { client } = simAzure(a().sim.env, a().sim.ca, {
      clientOptions: {
        retryOptions: { maxRetries: 3, retryDelayInMs: 10, maxRetryDelayInMs: 50 },
        additionalPolicies: [{ policy, position: 'perCall' }],
      },
    });
    return { aca: new Aca(client, { resourceGroup: RG, pollMs: a().pollMs, busyWaitMs: 60_000 }), writes };
  }

  const inputsOf = (app: string, step: Step) =>
    step.action === 'deploy-app'
      ? releaseInputs({ ...a().inputs, app, ...step.values })
      : { ...a().inputs, app, ...step.values };
  const env = { env: { GITHUB_WORKSPACE: ROOT } };

  /**
   * A step run in this process through `aca`, the readiness proof and the gates real (through the ingress). With a
   * trading store (a managed `trading-lease`), the run waits in real time (the handover polls the lease).
   */
  async function run(step: Step, app: string, aca: Aca, w?: Watch, trading?: TradingStore): Promise<unknown> {
    const get = (n: string) => (inputsOf(app, step) as Record<string, string>)[n] ?? '';
    const real = proveServing();
    // Without a runtime that sees the proof itself, a proof that answered is what proves the revision.
    const prove: DeployDeps['prove'] = async (req) => {
      const seen = await real(req);
      if (w && !a().proven) w.allowed.add(req.url.hostname.split('.')[0]);
      return seen;
    };
    // The gates run for real; only their latency bound is loose (a loaded machine answers slowly, not wrongly).
    const smoke: typeof runSmoke = (settings, d) =>
      runSmoke({ ...settings, thresholds: { ...settings.thresholds, maxP95Ms: 60_000 } }, d);
    const deps = {
      aca,
      prove,
      smoke,
      verifyImage: simVerifier(a().sim),
      trafficDelayMs: 5,
      ...(trading ? { trading } : { sleep: async () => undefined }),
    };
    return step.action === 'deploy-app'
      ? runDeploy(readDeploySettings(get, env), deps)
      : runBlueGreen(readBlueGreenSettings(get, env), deps);
  }

  /**
   * The step's entry started as a runner starts it, SIGKILLed when the simulator has applied write `at` (the
   * write, as the fault-free run sent it) and before its answer leaves. What the faulty run did.
   */
  async function runKilled(
    step: Step,
    app: string,
    writes: Write[],
    at: number,
    rules: number[],
    service: FaultRule['service'] = 'arm',
  ): Promise<string> {
    const target = writes[at];
    const skip = writes
      .slice(0, at)
      .filter((x) => x.method === target.method && x.path === target.path).length;
    const { child, done } = startEntry(step.action, inputsOf(app, step), a().sim);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let killed = false;
    const rule = a().sim.faults.add({
      service,
      kind: 'kill',
      method: target.method,
      path: exact(ofApp(target.path, app)),
      skip,
      times: 1,
      kill: async () => {
        killed = true;
        child.kill('SIGKILL');
        await exited;
      },
    });
    rules.push(rule);
    const r = await done;
    return killed
      ? `killed (${r.status === null ? 'SIGKILL' : `exit ${r.status}`})`
      : `NOT KILLED: the write never came (exit ${r.status}: ${errorLines(r.stdout).join(' ')})`;
  }

  /** The app's state with its name taken out: traffic and the set of active revisions. */
  async function stateOf(app: string): Promise<string> {
    const aca = plainAca();
    const got = await aca.getApp(app);
    const active = (await aca.listRevisions(app))
      .filter((r) => r.active !== false)
      .map((r) => r.name)
      .sort();
    return JSON.stringify({ traffic: got ? trafficOf(got) : null, active })
      .split(app)
      .join('APP');
  }

  return { plainAca, checkServing, runView, run, runKilled, stateOf };
}

interface Scenario {
  name: string;
  /** Brings a fresh app to the state the operation starts from (no faults). */
  setup: Step[];
  operation: Step;
  /**
   * Revisions allowed weight before their proof: only the first deploy's, which serves the new app from its
   * creation (ACA routes a new app's traffic to its only revision; there is no production to protect yet).
   */
  exempt?: string[];
  /** What the load loop requests while the cell runs (none for the first deploy: no production exists yet). */
  load: (app: string, domain: string) => string[];
}

interface Cell {
  scenario: string;
  write: string;
  fault: Fault;
  first: string;
  outcome: string;
  requests: number;
  /** Wall time of the cell (its preparation, the faulty run, the re-run). */
  seconds: number;
}

function scenarios(v: (n: number) => Record<string, string>, pr: (n: number) => Record<string, string>) {
  const appUrl = (app: string, domain: string) => [`https://${app}.${domain}/`];
  const otherPreview = (app: string, domain: string) => [`https://${app}---pr-1.${domain}/`];
  const all: Scenario[] = [
    { name: 'first deploy', setup: [], operation: deploy(v(1)), exempt: ['v1-0-0'], load: () => [] },
    { name: 'next deploy', setup: [deploy(v(1))], operation: deploy(v(2)), load: appUrl },
    {
      name: 'promote in steps',
      setup: [deploy(v(1)), deploy(v(2))],
      operation: blueGreen({ command: 'promote', steps: '10,50,100' }),
      load: appUrl,
    },
    {
      name: 'rollback to previous',
      setup: [deploy(v(1)), deploy(v(2)), blueGreen({ command: 'promote' })],
      operation: blueGreen({ command: 'rollback' }),
      load: appUrl,
    },
    {
      name: 'rollback to a version',
      setup: [
        deploy(v(1)),
        deploy(v(2)),
        blueGreen({ command: 'promote' }),
        deploy(v(3)),
        blueGreen({ command: 'promote' }),
      ],
      operation: blueGreen({ command: 'rollback', to: 'v1.0.0' }),
      load: appUrl,
    },
    { name: 'preview deploy', setup: [deploy(pr(1))], operation: deploy(pr(2)), load: otherPreview },
    {
      name: 'teardown',
      setup: [deploy(pr(1)), deploy(pr(2))],
      operation: blueGreen({ command: 'teardown', label: 'pr-2' }),
      load: otherPreview,
    },
  ];
  return all;
}

const PRODUCTION_OPERATIONS = [
  'next deploy',
  'promote in steps',
  'rollback to previous',
  'rollback to a version',
];

/**
 * Plays every cell of `list` (each scenario's writes x `faults`, narrowed by `pick`) in `arena`; returns the
 * cells. Each cell gets a fresh app brought to the scenario's start, a load loop, the faulty run, the re-run.
 */
async function play(
  arena: () => Arena,
  list: Scenario[],
  o: {
    faults?: readonly Fault[];
    pick?: (sc: Scenario, writes: Write[], at: number) => boolean;
    /** Cells played at the same time. */
    lanes?: number;
  } = {},
): Promise<Cell[]> {
  const c = campaign(arena);
  const a = arena();
  const prefix = `fc${randomBytes(2).toString('hex')}`;
  let count = 0;

  async function prepare(sc: Scenario): Promise<Watch> {
    const app = `${prefix}-${++count}`;
    const w: Watch = { app, allowed: new Set((sc.exempt ?? []).map((x) => `${app}--${x}`)), violations: [] };
    const aca = c.plainAca();
    for (const step of sc.setup) await c.run(step, app, aca, w);
    // The setup's own first deploy serves from the app's creation (see exempt); the watch starts here.
    w.violations.length = 0;
    for (const r of await aca.listRevisions(app).catch(() => []))
      if ((r.trafficWeight ?? 0) > 0) w.allowed.add(r.name);
    return w;
  }

  async function playCell(sc: Scenario, writes: Write[], at: number, fault: Fault, expected: string) {
    const t0 = Date.now();
    const base = { scenario: sc.name, write: `${at + 1}. ${shown(writes[at])}`, fault };
    if (fault === 'LRO Failed' && writes[at].method === 'POST') {
      // activate and deactivate answer 200 at once: there is no long-running operation to end Failed.
      return {
        ...base,
        first: 'n/a',
        outcome: 'n/a (not a long-running operation)',
        requests: 0,
        seconds: 0,
      };
    }
    const w = await prepare(sc);
    const load = startLoad(a.http, sc.load(w.app, a.sim.domain), { pauseMs: 5 });
    // This cell's rules only (other cells run at the same time, each on its own app).
    const rules: number[] = [];
    const first =
      fault === 'SIGKILL'
        ? await c.runKilled(sc.operation, w.app, writes, at, rules)
        : await c.run(sc.operation, w.app, c.runView(w, at, fault, rules).aca, w).then(
            () => 'succeeded',
            (e: unknown) => `failed (${(e as Error).name})`,
          );
    for (const id of rules) a.sim.faults.remove(id);
    let outcome: string;
    try {
      await c.run(sc.operation, w.app, c.runView(w).aca, w);
      const got = await c.stateOf(w.app);
      outcome = got === expected ? 'converged' : `DIFFERS: ${got} vs ${expected}`;
    } catch (e) {
      outcome = `RE-RUN FAILED: ${(e as Error).message}`;
    }
    await c.checkServing(w, 'at the end');
    const { sent, failures } = await load.stop();
    const offOwnUrl = (a.unproven?.() ?? []).filter(
      (x) => x.revision.startsWith(`${w.app}--`) && !w.allowed.has(x.revision),
    );
    if (w.violations.length) outcome += `; UNPROVEN WEIGHT: ${w.violations.join(', ')}`;
    if (offOwnUrl.length)
      outcome += `; SERVED UNPROVEN: ${[...new Set(offOwnUrl.map((x) => `${x.revision} on ${x.host}`))].join(', ')}`;
    if (failures.length)
      outcome += `; ${failures.length} FAILED REQUESTS: ${[...new Set(failures.map((f) => `${f.what} (${f.revision ?? 'no revision'})`))].join(', ')}`;
    if (first.startsWith('NOT KILLED')) outcome += `; ${first}`;
    return { ...base, first, outcome, requests: sent, seconds: (Date.now() - t0) / 1000 };
  }

  const tasks: Array<() => Promise<Cell>> = [];
  for (const sc of list) {
    // The reference: a fault-free run, its writes and the state it reaches.
    const ref = await prepare(sc);
    const refRun = c.runView(ref);
    await c.run(sc.operation, ref.app, refRun.aca, ref);
    const expected = await c.stateOf(ref.app);
    expect([sc.name, ref.violations]).toEqual([sc.name, []]);
    const writes = refRun.writes;
    for (let at = 0; at < writes.length; at++) {
      if (o.pick && !o.pick(sc, writes, at)) continue;
      for (const fault of o.faults ?? FAULTS) tasks.push(() => playCell(sc, writes, at, fault, expected));
    }
  }
  // A few cells at a time: the killed entries and the long-running operations mostly wait.
  const cells: Cell[] = new Array<Cell>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: o.lanes ?? 1 }, async () => {
      while (next < tasks.length) {
        const i = next++;
        cells[i] = await tasks[i]();
      }
    }),
  );
  return cells;
}

function table(title: string, cells: Cell[]): string {
  const rows = cells.map(
    (c) =>
      `| ${c.scenario} | ${c.write} | ${c.fault} | ${c.first} | ${c.outcome} | ${c.requests || '-'} | ${c.seconds.toFixed(1)} |`,
  );
  return [
    `${title}`,
    '',
    '| operation | write | fault | faulty run | re-run | requests through the ingress | s |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** A client that reaches the simulator's ingress (its resolve mapping, its CA). */
const ingressClient = (sim: Simulator) =>
  createHttpClient({ resolve: parseResolve('resolve', sim.env.ALC_SIM_RESOLVE), caFile: sim.caPath });

/** The campaign's images, pushed to the simulator's registry as releases (1..3) and previews (101..102). */
const pushed = new Map<number, string>();
const digest = (n: number) => pushed.get(n)!;

// ---- without Docker: every cell, each revision a small HTTP server behind the simulator's ingress ----

const runtime = new ServedRuntime();
let s: ControlPlaneSim;
let arena: Arena;
let caCopy: string;
const specCopies: string[] = [];

beforeAll(async () => {
  s = await startControlPlaneSim({
    lroDelayMs: 10,
    runtime,
    ingress: true,
    storage: true,
    brokerLivePort: 0,
    brokerPaperPort: 0,
  });
  // The revisions' trading replicas (apps with a managed trading-lease): a container's identity, trust and broker.
  const storageToken = () => s.sim.identity.issueAccessToken('https://storage.azure.com');
  const clientIds = new Map<string, number>();
  runtime.trading = {
    credential: {
      getToken: async () => ({ token: storageToken(), expiresOnTimestamp: Date.now() + 3_600_000 }),
    },
    ca: s.sim.ca,
    broker: s.sim.broker,
    clientIdOf: (app) => {
      if (!clientIds.has(app)) clientIds.set(app, 100 + clientIds.size);
      return clientIds.get(app)!;
    },
  };
  // deploy-app verifies the image (registry, repository, the locked version tag): the images are real releases.
  for (const [n, repository, version] of [
    [1, 'alc-algo-agents', '1.0.0'],
    [2, 'alc-algo-agents', '2.0.0'],
    [3, 'alc-algo-agents', '3.0.0'],
    [101, 'alc-algo-agents-preview', '0.0.101'],
    [102, 'alc-algo-agents-preview', '0.0.102'],
  ] as const) {
    const image = await s.pushRelease(repository, version);
    pushed.set(n, image);
    registerRelease(image, { registry: s.sim.endpoints.registry!, repository, version });
  }
  caCopy = workspaceCa(s.sim.caPath, `fault-campaign-${randomBytes(3).toString('hex')}`);
  arena = {
    sim: s.sim,
    inputs: {
      ...simAzureInputs(s.sim.env),
      'resource-group': RG,
      resolve: s.sim.env.ALC_SIM_RESOLVE,
      'ca-file': caCopy,
    },
    image: digest,
    proven: (r) => runtime.proven(r),
    unproven: () => runtime.unproven(),
    http: ingressClient(s.sim),
    pollMs: 10,
  };
}, 60_000);
afterAll(async () => {
  arena?.http.close();
  await s?.stop();
  if (caCopy) rmSync(join(ROOT, caCopy), { force: true });
  for (const spec of specCopies) rmSync(join(ROOT, spec), { force: true });
});

it('every cell converges on a re-run; no revision serves or holds weight unproven; no request fails', async () => {
  const v = (n: number) => ({ image: digest(n), 'revision-suffix': `v${n}-0-0` });
  const pr = (n: number) => ({
    mode: 'preview',
    image: digest(100 + n),
    label: `pr-${n}`,
    'revision-suffix': `pr-${n}-${String(n).padStart(7, '0')}`,
  });
  // FC_ONLY=<operation name> plays one operation (while working on it).
  const only = process.env.FC_ONLY;
  const cells = await play(
    () => arena,
    scenarios(v, pr).filter((sc) => !only || sc.name === only),
    { lanes: 4 },
  );
  process.stdout.write(
    table('Fault campaign (no Docker: the ingress in front of one HTTP server per revision)', cells),
  );
  expect(cells.filter((c) => !/^(converged|n\/a)/.test(c.outcome) || c.outcome.includes('; '))).toEqual([]);
  if (!only) expect(cells.filter((c) => c.outcome === 'converged').length).toBeGreaterThan(60);
}, 1_200_000);

// ---- trading cells (no Docker): promote and rollback with a managed trading-lease, each revision's replicas the
// in-process replicas of protocol v1 (test/support/trading-replica.ts) that the served runtime runs per replica with
// a container's environment; faults on the storage (the simulator's proxy in front of Azurite) and on the agents.
// The broker's order log is the oracle: no two replicas trade at once, in any cell ----

const TRADING_FAULTS = ['SIGKILL', '500', 'reset', '429 storm'] as const;
const TRADING_SPECIALS = [
  'hung old holder',
  'never takes the lease',
  'storage unreachable',
  'replica surge (3 each)',
] as const;
type TradingFault = (typeof TRADING_FAULTS)[number] | (typeof TRADING_SPECIALS)[number];

/** How long storage stays unreachable in its cell; the holder must stop within 10 s (+ a tick and an order). */
const UNREACHABLE_MS = 15_000;
const STOPS_WITHIN_MS = 10_000 + 1_000;

interface TradingScenario {
  name: 'promote' | 'rollback';
  setup: Step[];
  operation: Step;
  /** The revision trading before the operation, and the one after (suffixes). */
  from: string;
  to: string;
}

interface TradingCell {
  scenario: string;
  write: string;
  fault: TradingFault;
  first: string;
  outcome: string;
  overlapMs: number;
  maxGapMs: number;
  orders: number;
  seconds: number;
}

/** The campaign's app spec with the trading cells' timing: a short grace period, `replicas` replicas. */
function tradingSpec(replicas: number): string {
  const text = readFileSync(join(ROOT, 'deploy/containerapp.yaml'), 'utf8')
    .replace(/^(\s+)minReplicas: 1$/m, `$1minReplicas: ${replicas}`)
    .replace(/^(\s+)template:$/m, `$1template:\n$1  terminationGracePeriodSeconds: 3`);
  if (!text.includes(`minReplicas: ${replicas}`) || !text.includes('terminationGracePeriodSeconds: 3'))
    throw new Error('the campaign could not derive its trading spec from deploy/containerapp.yaml');
  const path = `sim/.state/test-ca/fault-campaign-${randomBytes(3).toString('hex')}-${replicas}.yaml`;
  writeFileSync(join(ROOT, path), text);
  specCopies.push(path);
  return path;
}

async function playTrading(
  arena: () => Arena,
  runtime: ServedRuntime,
  v: (n: number) => Record<string, string>,
  o: { lanes?: number; only?: string } = {},
): Promise<TradingCell[]> {
  const c = campaign(arena);
  const a = arena();
  const sim = a.sim;
  const prefix = `ft${randomBytes(2).toString('hex')}`;
  let count = 0;
  const specs = { 1: tradingSpec(1), 3: tradingSpec(3) };
  const credential = simAzure(sim.env, sim.ca).credential;
  const storeOf = (app: string) =>
    tradingStore(parseTradingLease(sim.tradingLeaseUrl(app)) as ManagedTradingLease, credential, {
      tlsOptions: { ca: sim.ca },
    });
  const designationPath = (app: string) => `${new URL(sim.tradingLeaseUrl(app)).pathname}/designation`;
  const clientId = (app: string) => runtime.trading!.clientIdOf(app);
  // Every step of a trading cell names the app's lease, a handover bound that fits the escalations (25 s + grace)
  // with room, and the spec (grace period 3 s; 1 or 3 replicas).
  const leased = (step: Step, app: string, replicas: 1 | 3): Step => ({
    ...step,
    values: {
      ...step.values,
      'trading-lease': sim.tradingLeaseUrl(app),
      'handover-timeout': '40s',
      spec: specs[replicas],
    },
  });
  const promote = blueGreen({ command: 'promote' });
  const list: TradingScenario[] = [
    {
      name: 'promote',
      setup: [deploy(v(1)), deploy(v(2))],
      operation: promote,
      from: 'v1-0-0',
      to: 'v2-0-0',
    },
    {
      name: 'rollback',
      setup: [deploy(v(1)), deploy(v(2)), promote],
      operation: blueGreen({ command: 'rollback' }),
      from: 'v2-0-0',
      to: 'v1-0-0',
    },
  ];

  async function prepare(sc: TradingScenario, replicas: 1 | 3): Promise<{ w: Watch; store: TradingStore }> {
    const app = `${prefix}-${++count}`;
    const w: Watch = { app, allowed: new Set(), violations: [] };
    const store = storeOf(app);
    const aca = c.plainAca();
    for (const step of sc.setup) await c.run(leased(step, app, replicas), app, aca, w, store);
    w.violations.length = 0;
    for (const r of await aca.listRevisions(app)) if ((r.trafficWeight ?? 0) > 0) w.allowed.add(r.name);
    return { w, store };
  }

  /** The app's state (traffic, active revisions), its designation and who holds the lease, app name taken out. */
  async function stateOf(app: string, store: TradingStore): Promise<string> {
    const [d, lease] = await Promise.all([store.readDesignation(), store.readLease()]);
    const trading = {
      designation: d?.revision,
      holder: lease.leased ? lease.revision : undefined,
      state: lease.state,
    };
    return `${await c.stateOf(app)} ${JSON.stringify(trading).split(app).join('APP')}`;
  }

  async function playCell(
    sc: TradingScenario,
    at: number,
    writes: number,
    fault: TradingFault,
    expected: string,
  ) {
    const t0 = Date.now();
    const base = { scenario: sc.name, write: at < 0 ? '-' : `designation PUT ${at + 1} of ${writes}`, fault };
    const { w, store } = await prepare(sc, fault === 'replica surge (3 each)' ? 3 : 1);
    const app = w.app;
    const from = `${app}--${sc.from}`;
    const to = `${app}--${sc.to}`;
    const op = leased(sc.operation, app, fault === 'replica surge (3 each)' ? 3 : 1);
    const before = await store.readDesignation();
    const fromAgents = runtime.agents(from).length;
    const load = startLoad(a.http, [`https://${app}.${sim.domain}/`], { pauseMs: 5 });
    const opStart = Date.now();
    const rules: number[] = [];
    const path = exact(designationPath(app));
    let checks = '';
    const inProcess = (s: TradingStore = store) =>
      c.run(op, app, c.plainAca(), w, s).then(
        () => 'succeeded',
        (e: unknown) => `failed (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 110)}...)`,
      );
    let first: string;
    if (fault === 'SIGKILL') {
      // The at-th designation PUT of the run (runKilled skips the identical writes before it).
      const puts = Array.from({ length: at + 1 }, () => ({ method: 'PUT', path: designationPath(app) }));
      first = await c.runKilled(op, app, puts, at, rules, 'storage');
    } else if (fault === '500' || fault === 'reset' || fault === '429 storm') {
      const rule: Partial<FaultRule> =
        fault === '500'
          ? { kind: 'status', status: 500, times: 10 }
          : fault === 'reset'
            ? { kind: 'reset', times: 10 }
            : { kind: 'status', status: 429, retryAfter: 1, times: 10 };
      rules.push(sim.faults.add({ ...rule, service: 'storage', method: 'PUT', path, skip: at } as FaultRule));
      first = await inProcess();
    } else if (fault === 'hung old holder') {
      await runtime.hang(from);
      first = await inProcess();
    } else if (fault === 'never takes the lease') {
      await runtime.setBehaviour(to, { neverAcquire: true });
      first = await inProcess();
      await runtime.setBehaviour(to, {}); // the fix: its agents take the lease again
    } else if (fault === 'storage unreachable') {
      // Unreachable from the moment the run writes the designation (the write never lands), for 15 s.
      let since = 0;
      const cut: TradingStore = {
        readDesignation: () => store.readDesignation(),
        ensureLeaseBlob: () => store.ensureLeaseBlob(),
        readLease: () => store.readLease(),
        writeDesignation: (next, etag) => {
          if (!since) {
            since = Date.now();
            rules.push(
              sim.faults.add({
                service: 'storage',
                method: '*',
                path: '',
                kind: 'unreachable',
                durationMs: UNREACHABLE_MS,
              }),
            );
          }
          return store.writeDesignation(next, etag);
        },
      };
      first = await inProcess(cut);
      if (!since) first += '; STORAGE NEVER CUT';
      await new Promise((r) => setTimeout(r, Math.max(0, since + UNREACHABLE_MS + 200 - Date.now())));
      // Nobody trades 10 s (and a tick) after storage went away, until it is back.
      const late = sim.broker
        .orders({ kind: 'live', clientId: clientId(app), since: since + STOPS_WITHIN_MS })
        .filter((x) => Date.parse(x.time) < since + UNREACHABLE_MS);
      const last = sim.broker
        .orders({ kind: 'live', clientId: clientId(app), since })
        .filter((x) => Date.parse(x.time) < since + UNREACHABLE_MS)
        .at(-1);
      checks += late.length ? `; ${late.length} ORDERS MORE THAN 10 s INTO THE OUTAGE` : '';
      first += `; last order ${last ? Date.parse(last.time) - since : '-'} ms into the outage`;
      const after = await store.readDesignation();
      if (after?.revision !== before?.revision)
        checks += `; DESIGNATION ${after?.revision} (was ${before?.revision}) after the failed run`;
    } else {
      first = await inProcess();
      if (fault === 'replica surge (3 each)') {
        const agents = [fromAgents, runtime.agents(to).length];
        if (agents.some((n) => n !== 3)) checks += `; REPLICAS ${agents.join('/')} (3 each expected)`;
      }
    }
    for (const id of rules) sim.faults.remove(id);
    let outcome: string;
    try {
      await c.run(op, app, c.runView(w).aca, w, store);
      const got = await stateOf(app, store);
      outcome = got === expected ? 'converged' : `DIFFERS: ${got} vs ${expected}`;
    } catch (e) {
      outcome = `RE-RUN FAILED: ${(e as Error).message}`;
    }
    // Some orders of the new holder after the re-run, so that its segment is in the log.
    await new Promise((r) => setTimeout(r, 600));
    // The whole cell's log (this app's client ID): the setup's handovers too must be exclusive; the gap is the
    // operation's (its handovers and the re-run's).
    const report = tradingReport(sim.broker.orders({ kind: 'live' }), 'live', { clientId: clientId(app) });
    const gaps = report.gaps.filter((g) => Date.parse(g.firstOrderAt) >= opStart).map((g) => g.gapMs);
    const { failures } = await load.stop();
    outcome += checks;
    if (!report.exclusive) outcome += `; OVERLAP: ${JSON.stringify(report.overlaps)}`;
    if (report.segments.at(-1)?.revision !== to)
      outcome += `; LAST TRADER ${report.segments.at(-1)?.revision ?? 'none'}`;
    if (failures.length) outcome += `; ${failures.length} FAILED REQUESTS`;
    if (first.startsWith('NOT KILLED')) outcome += `; ${first}`;
    if (w.violations.length) outcome += `; UNPROVEN WEIGHT: ${w.violations.join(', ')}`;
    // Stop this app's agents: the cells after it need the machine.
    for (const r of await c.plainAca().listRevisions(app)) await runtime.stopRevision(r.name);
    return {
      ...base,
      first,
      outcome,
      overlapMs: report.overlapMs,
      maxGapMs: Math.max(0, ...gaps),
      orders: report.orders,
      seconds: (Date.now() - t0) / 1000,
    };
  }

  type Task = { fault: TradingFault; (): Promise<TradingCell> };
  const task = (fault: TradingFault, play: () => Promise<TradingCell>): Task =>
    Object.assign(play, { fault });
  const tasks: Task[] = [];
  const alone: Task[] = [];
  for (const sc of list) {
    if (o.only && o.only !== sc.name) continue;
    // The reference: a fault-free run; its designation writes counted at the storage, the state it reaches.
    const ref = await prepare(sc, 1);
    const counter = sim.faults.add({
      service: 'storage',
      method: 'PUT',
      path: exact(designationPath(ref.w.app)),
      kind: 'latency',
      latencyMs: 1,
    });
    await c.run(leased(sc.operation, ref.w.app, 1), ref.w.app, c.runView(ref.w).aca, ref.w, ref.store);
    const writes = sim.faults.list('storage').find((r) => r.id === counter)?.hits ?? 0;
    sim.faults.remove(counter);
    const expected = await stateOf(ref.w.app, ref.store);
    expect([sc.name, writes, ref.w.violations]).toEqual([sc.name, 1, []]);
    for (const r of await c.plainAca().listRevisions(ref.w.app)) await runtime.stopRevision(r.name);
    for (let at = 0; at < writes; at++)
      for (const fault of TRADING_FAULTS)
        tasks.push(task(fault, () => playCell(sc, at, writes, fault, expected)));
    for (const fault of TRADING_SPECIALS) {
      // Storage unreachable is unreachable for every app: that cell plays alone, after the others.
      (fault === 'storage unreachable' ? alone : tasks).push(
        task(fault, () => playCell(sc, -1, writes, fault, expected)),
      );
    }
  }
  // The long cells (a hung holder, a revision that never takes the lease: the escalations and the bound) first.
  const long = (f: TradingFault) => f === 'hung old holder' || f === 'never takes the lease';
  tasks.sort((x, y) => Number(long(y.fault)) - Number(long(x.fault)));
  const cells: TradingCell[] = new Array<TradingCell>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: o.lanes ?? 1 }, async () => {
      while (next < tasks.length) {
        const i = next++;
        cells[i] = await tasks[i]();
      }
    }),
  );
  for (const play of alone) cells.push(await play());
  // The table in the campaign's order: by operation, then write and fault.
  const order: readonly TradingFault[] = [...TRADING_FAULTS, ...TRADING_SPECIALS];
  const rank = (c: TradingCell) =>
    list.findIndex((sc) => sc.name === c.scenario) * 100 + order.indexOf(c.fault);
  return cells.sort((x, y) => rank(x) - rank(y));
}

function tradingTable(title: string, cells: TradingCell[]): string {
  const rows = cells.map(
    (c) =>
      `| ${c.scenario} | ${c.write} | ${c.fault} | ${c.first} | ${c.outcome} | ${c.overlapMs} | ${c.maxGapMs} | ${c.orders} | ${c.seconds.toFixed(1)} |`,
  );
  return [
    title,
    '',
    '| operation | write | fault | faulty run | re-run | overlap ms | max gap ms | orders | s |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

it('trading cells: every cell converges on a re-run and the broker never sees two traders', async () => {
  const v = (n: number) => ({ image: digest(n), 'revision-suffix': `v${n}-0-0` });
  // FC_TRADING_ONLY=promote|rollback plays one operation (while working on it).
  const t0 = Date.now();
  // Six at a time: the cells mostly wait (the lease, the escalations, the bound).
  const cells = await playTrading(() => arena, runtime, v, { lanes: 6, only: process.env.FC_TRADING_ONLY });
  process.stdout.write(
    tradingTable(
      `Fault campaign, trading cells (in-process replicas of protocol v1 per revision; ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
      cells,
    ),
  );
  expect(cells.filter((c) => c.outcome !== 'converged')).toEqual([]);
  expect(cells.every((c) => c.overlapMs === 0)).toBe(true);
  expect(cells.length).toBe(process.env.FC_TRADING_ONLY ? 8 : 16);
}, 900_000);

// ---- with real containers (a subset, for time): the production operations, at the write that moves production,
// with the faults that leave that write half done (SIGKILL of the entry, connection reset) ----

describeWithDocker('the fault campaign with real containers', () => {
  let t: DeploySim;
  let live: Arena;
  beforeAll(async () => {
    t = await startDeploySim({ lroDelayMs: 50 });
    const images = [t.images.v1, t.images.v2, t.images.v3];
    live = {
      sim: t.sim,
      inputs: { ...t.common, 'wait-timeout': '60s' },
      image: (n) => images[n - 1],
      http: ingressClient(t.sim),
      pollMs: 100,
    };
  }, 300_000);
  afterAll(async () => {
    live?.http.close();
    await t?.stop();
  }, 60_000);

  it('the production operations converge with zero failed requests on the app URL', async () => {
    const v = (n: number) => ({ image: live.image(n), 'revision-suffix': `v${n}-0-0` });
    const list = scenarios(v, () => ({})).filter((sc) => PRODUCTION_OPERATIONS.includes(sc.name));
    // The write that moves production (or, for a deploy, labels the candidate): the last traffic PATCH.
    const movesTraffic = (_sc: Scenario, writes: Write[], at: number) =>
      writes[at].method === 'PATCH' && writes.slice(at + 1).every((x) => x.method !== 'PATCH');
    const cells = await play(() => live, list, {
      faults: ['SIGKILL', 'reset'],
      pick: movesTraffic,
      lanes: 2,
    });
    process.stdout.write(table('Fault campaign with real containers (production operations)', cells));
    expect(cells.filter((c) => c.outcome !== 'converged')).toEqual([]);
    expect(cells.every((c) => c.requests > 0)).toBe(true);
  }, 900_000);
});
