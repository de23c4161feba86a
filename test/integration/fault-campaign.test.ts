// The fault campaign: for each operation of the pipeline (first deploy, next deploy, promote in steps, rollback
// to previous, rollback to a version, preview deploy, teardown), a fault at each of its ARM writes in turn:
// the action killed right after the write was sent (nothing more is sent, as after a SIGKILL), a persistent
// 500, a connection reset, the long-running operation ending Failed, a 429 storm. Then the same command is run
// again without faults. Every cell must converge on the state a fault-free run reaches, and no revision may
// hold weight before this pipeline proved it. Against the simulator's ARM (no containers: the readiness proof
// and the gates are recorded instead of sent, each checking the weight its revision holds). Prints the table.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { Aca, trafficOf } from '../../src/azure/aca.js';
import { readBlueGreenSettings, runBlueGreen } from '../../src/bluegreen/run.js';
import { deployApp, readDeploySettings, type DeployDeps } from '../../src/deploy/run.js';
import type { SmokeReport } from '../../src/smoke/run.js';
import type { FaultRule } from '../../sim/types.js';
import { RG, sdkClient, startControlPlaneSim, type ControlPlaneSim } from '../support/control-plane-sim.js';
import { ROOT } from '../support/deploy-sim.js';
import { simAzure, simAzureInputs } from '../support/sim-azure.js';

let s: ControlPlaneSim;
let plain: Aca;

beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false, lroDelayMs: 10 });
  plain = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 10 });
}, 60_000);
afterAll(async () => s?.stop());

class Killed extends Error {
  override name = 'Killed';
}

const FAULTS = ['SIGKILL', '500', 'reset', 'LRO Failed', '429 storm'] as const;
type Fault = (typeof FAULTS)[number];
const WRITES = ['PUT', 'PATCH', 'POST', 'DELETE'];

/** A run's view of Azure: counts its writes; at write `at` injects `fault`; after each write checks weights. */
interface Run {
  aca: Aca;
  writes: string[];
  killed: boolean;
}

/** Revisions allowed to hold weight: proven by this pipeline, or serving before the operation started. */
interface Watch {
  app: string;
  allowed: Set<string>;
  violations: string[];
}

async function checkServing(w: Watch, when: string): Promise<void> {
  for (const r of await plain.listRevisions(w.app)) {
    if ((r.trafficWeight ?? 0) > 0 && !w.allowed.has(r.name))
      w.violations.push(`${when}: ${r.name} holds ${r.trafficWeight}% unproven`);
  }
}

function runView(w: Watch, at?: number, fault?: Fault): Run {
  const run: Run = { aca: undefined as unknown as Aca, writes: [], killed: false };
  const policy: PipelinePolicy = {
    name: 'fault-campaign',
    async sendRequest(req, next) {
      if (run.killed) throw new Killed('the action was killed');
      const path = new URL(req.url).pathname;
      const write = WRITES.includes(req.method) && path.includes('/providers/Microsoft.App/');
      const index = write
        ? run.writes.push(`${req.method} ${path.replace(/.*\/containerApps\//, '')}`) - 1
        : -1;
      if (write && index === at && fault !== 'SIGKILL') {
        const exact = `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
        const rule: Partial<FaultRule> =
          fault === '500'
            ? { kind: 'status', status: 500, times: 10 }
            : fault === 'reset'
              ? { kind: 'reset', times: 10 }
              : fault === 'LRO Failed'
                ? { kind: 'lro-fail', times: 1 }
                : { kind: 'status', status: 429, retryAfter: 0, times: 10 };
        s.sim.faults.add({ ...rule, method: req.method, path: exact } as FaultRule);
      }
      const res = await next(req);
      if (write && index === at && fault === 'SIGKILL') {
        run.killed = true;
        throw new Killed('the action was killed right after sending this write');
      }
      if (write && res.status < 300) await checkServing(w, `after ${req.method} ${path.split('/').pop()}`);
      return res;
    },
  };
  const { client } = simAzure(s.sim.env, s.sim.ca, {
    clientOptions: {
      retryOptions: { maxRetries: 3, retryDelayInMs: 10, maxRetryDelayInMs: 50 },
      additionalPolicies: [{ policy, position: 'perCall' }],
    },
  });
  run.aca = new Aca(client, { resourceGroup: RG, pollMs: 10, busyWaitMs: 2000 });
  return run;
}

const digest = (n: number) =>
  `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${n.toString(16).padStart(64, '0')}`;
const base = () => ({ ...simAzureInputs(s.sim.env), 'resource-group': RG });
const env = { env: { GITHUB_WORKSPACE: ROOT } };
const okReport = { passed: true, failures: [], checks: [] } as unknown as SmokeReport;

function deps(w: Watch, aca: Aca) {
  const prove: DeployDeps['prove'] = async (req) => {
    const revision = req.url.hostname.split('.')[0];
    const r = await plain.getRevision(w.app, revision);
    if ((r?.trafficWeight ?? 0) > 0 && !w.allowed.has(revision))
      w.violations.push(`${revision} held ${r?.trafficWeight}% while being proven`);
    w.allowed.add(revision);
    return 'answered 200 (recorded)';
  };
  return { aca, prove, smoke: async () => okReport, trafficDelayMs: 5, sleep: async () => undefined };
}

type Step = (app: string, w: Watch, aca: Aca) => Promise<unknown>;
const deploy =
  (values: Record<string, string>): Step =>
  (app, w, aca) =>
    deployApp(
      readDeploySettings((n) => ({ ...base(), app, ...values })[n] ?? '', env),
      deps(w, aca),
    );
const blueGreen =
  (values: Record<string, string>): Step =>
  (app, w, aca) =>
    runBlueGreen(
      readBlueGreenSettings((n) => ({ ...base(), app, ...values })[n] ?? '', env),
      deps(w, aca),
    );

const v = (n: number) => ({ image: digest(n), 'revision-suffix': `v${n}-0-0` });
const pr = (n: number) => ({
  mode: 'preview',
  image: digest(100 + n),
  label: `pr-${n}`,
  'revision-suffix': `pr-${n}-${String(n).padStart(7, '0')}`,
});

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
}

const SCENARIOS: Scenario[] = [
  { name: 'first deploy', setup: [], operation: deploy(v(1)), exempt: ['v1-0-0'] },
  { name: 'next deploy', setup: [deploy(v(1))], operation: deploy(v(2)) },
  {
    name: 'promote in steps',
    setup: [deploy(v(1)), deploy(v(2))],
    operation: blueGreen({ command: 'promote', steps: '10,50,100' }),
  },
  {
    name: 'rollback to previous',
    setup: [deploy(v(1)), deploy(v(2)), blueGreen({ command: 'promote' })],
    operation: blueGreen({ command: 'rollback' }),
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
  },
  { name: 'preview deploy', setup: [deploy(pr(1))], operation: deploy(pr(2)) },
  {
    name: 'teardown',
    setup: [deploy(pr(1)), deploy(pr(2))],
    operation: blueGreen({ command: 'teardown', label: 'pr-2' }),
  },
];

let appCount = 0;

/** The app's state with its name taken out: traffic and the set of active revisions. */
async function stateOf(app: string): Promise<string> {
  const a = await plain.getApp(app);
  const active = (await plain.listRevisions(app))
    .filter((r) => r.active !== false)
    .map((r) => r.name)
    .sort();
  return JSON.stringify({ traffic: a ? trafficOf(a) : null, active })
    .split(app)
    .join('APP');
}

async function prepare(sc: Scenario): Promise<Watch> {
  const app = `fc-${++appCount}`;
  const w: Watch = { app, allowed: new Set((sc.exempt ?? []).map((x) => `${app}--${x}`)), violations: [] };
  for (const step of sc.setup) await step(app, w, plain);
  // The setup's own first deploy serves from the app's creation (see exempt); the watch starts here.
  w.violations.length = 0;
  for (const r of await plain.listRevisions(app).catch(() => []))
    if ((r.trafficWeight ?? 0) > 0) w.allowed.add(r.name);
  return w;
}

interface Cell {
  scenario: string;
  write: string;
  fault: Fault;
  first: string;
  outcome: string;
}

it('every cell converges on a re-run, and no revision holds weight before it is proven', async () => {
  const cells: Cell[] = [];
  for (const sc of SCENARIOS) {
    // The reference: a fault-free run, its writes and the state it reaches.
    const ref = await prepare(sc);
    const refRun = runView(ref);
    await sc.operation(ref.app, ref, refRun.aca);
    const expected = await stateOf(ref.app);
    expect([sc.name, ref.violations]).toEqual([sc.name, []]);
    for (let at = 0; at < refRun.writes.length; at++) {
      for (const fault of FAULTS) {
        if (fault === 'LRO Failed' && refRun.writes[at].startsWith('POST')) {
          // activate and deactivate answer 200 at once: there is no long-running operation to end Failed.
          cells.push({
            scenario: sc.name,
            write: `${at + 1}. ${refRun.writes[at]}`,
            fault,
            first: 'n/a',
            outcome: 'n/a (not a long-running operation)',
          });
          continue;
        }
        s.sim.faults.clear();
        const w = await prepare(sc);
        const faulty = runView(w, at, fault);
        const first = await sc.operation(w.app, w, faulty.aca).then(
          () => 'succeeded',
          (e: unknown) => `failed (${(e as Error).name})`,
        );
        s.sim.faults.clear();
        let outcome: string;
        try {
          await sc.operation(w.app, w, runView(w).aca);
          const got = await stateOf(w.app);
          outcome = got === expected ? 'converged' : `DIFFERS: ${got} vs ${expected}`;
        } catch (e) {
          const message = (e as Error).message;
          // The app create ending Failed leaves its revision failed under the suffix: no run can provision it
          // again there, and the re-run says so and how to go on. That is the converged answer for this cell.
          outcome =
            sc.name === 'first deploy' &&
            fault === 'LRO Failed' &&
            /failed .*a revision cannot be provisioned again under its suffix: deploy a new version or give a new revision-suffix/.test(
              message,
            )
              ? 'refused: the revision failed under this suffix; a new version or revision-suffix deploys'
              : `RE-RUN FAILED: ${message}`;
        }
        await checkServing(w, 'at the end');
        if (w.violations.length) outcome += `; UNPROVEN WEIGHT: ${w.violations.join(', ')}`;
        cells.push({ scenario: sc.name, write: `${at + 1}. ${refRun.writes[at]}`, fault, first, outcome });
      }
    }
  }
  const rows = cells.map((c) => `| ${c.scenario} | ${c.write} | ${c.fault} | ${c.first} | ${c.outcome} |`);
  process.stdout.write(
    ['| operation | write | fault | faulty run | re-run |', '|---|---|---|---|---|', ...rows].join('\n') +
      '\n',
  );
  expect(cells.filter((c) => !/^(converged|n\/a|refused: )/.test(c.outcome))).toEqual([]);
  expect(
    cells.filter((c) => c.outcome.startsWith('refused: ')).map((c) => `${c.scenario} ${c.write} ${c.fault}`),
  ).toEqual(['first deploy 1. PUT fc-1 LRO Failed']);
}, 1_200_000);
