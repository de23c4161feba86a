// `npm run demo`: the pipeline end to end on this machine. Starts the simulator, then runs the repository's own
// workflows (.github/workflows/release.yml, rollback.yml, preview.yml, thin callers of reusable-release.yml,
// reusable-rollback.yml and reusable-preview.yml) with scripts/run-workflow.ts, whose steps start the bundled
// actions exactly as a runner does, with repository variables pointing at the simulator:
//
//   1. release v1.0.0  (first deploy: the app is created, blue at 100 %)
//   2. release v1.1.0  (blue-green: green deployed at 0 %, smoke-tested, promoted in steps)
//   3. release v1.2.0  built from a broken commit: it never turns healthy, the run fails, production never serves it
//   4. rollback to v1.0.0 by hand (workflow_dispatch with a reason)
//   5. pull request #42 opened, pushed again (the sticky comment is updated), a fork's pull request (no Azure),
//      and #42 closed (teardown)
//   6. release v1.3.0 that fails real requests as soon as it carries traffic: the metric analysis (Azure Monitor
//      metrics of the simulator) catches it at its first step and the promote aborts: production back on v1.0.0
//   7. release v1.4.0 that holds out through every step and fails during the watch after 100%: rolled back by
//      itself to v1.0.0
//
// A load runs against the app URL from the first deploy to the end and counts every failed request.
// Every job summary goes into one report (.demo/report.md, or $ALC_DEMO_OUT/report.md), and the same as a page
// beside it (report.html: the versions that served the app URL second by second, the scenarios, their checks).
//
//   npm run demo -- [--src] [--out DIR] [--verbose]     (--src, or ALC_DEMO_SOURCE=src: actions from src/ through tsx)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator, type Simulator } from '../sim/index.js';
import { REPO_ROOT } from '../runner/action.js';
import { pullRequestEvent, pushEvent, workflowDispatchEvent, type RunnerEvent } from '../runner/events.js';
import { flatJobs, runSummary, runWorkflow, type ActionHandler, type WorkflowRun } from '../runner/workflow.js';
import { reportHtml, type LoadSample } from './report-html.js';
import {
  startGitHubApi,
  type GitHubApiStandIn,
  type StandInComment,
  type StandInDeployment,
} from './github-api.js';

const REPOSITORY = 'alc-algo/alc-algo';
const APP = 'alc-algo-agents';
const PREVIEW_APP = 'alc-algo-agents-preview';
const ACTIONS = ['build-push', 'deploy-app', 'blue-green', 'smoke-test'];

export interface DemoOptions {
  source?: 'dist' | 'src';
  /** Directory of the report (default .demo, or $ALC_DEMO_OUT). */
  out?: string;
  log?: (line: string) => void;
  verbose?: boolean;
}

export interface Scenario {
  title: string;
  workflow: string;
  event: string;
  expected: 'success' | 'failure';
  run?: WorkflowRun;
  checks: Array<{ what: string; ok: boolean; detail?: string }>;
  /** Markdown the report adds under the scenario (the analysis scenarios' picture of errors by revision). */
  extra?: string;
  /** When it began (epoch ms): a marker on the page's chart. */
  startedAt?: number;
}

/** The releases the metric analysis must catch: failed requests on the app URL are expected only there. */
export const ANALYSIS_SCENARIOS = ['release v1.3.0', 'release v1.4.0'];

export interface DemoResult {
  passed: boolean;
  scenarios: Scenario[];
  load: LoadFigures;
  comments: DemoComment[];
  deployments: DemoDeployment[];
  reportPath: string;
  /** Why the demo stopped early, when it did. */
  stopped?: string;
}

// ---------------------------------------------------------------------------------------------------
// The workspace: a checkout of the repository at the commit being released

/** A checkout whose sample app fails half its real requests once it has served `after` (DEGRADE_AFTER). */
function prepareDegradedWorkspace(after: number): string {
  const ws = prepareWorkspace(false);
  const file = join(ws, 'sample-app', 'Dockerfile');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('ARG DEGRADE_AFTER=\n'))
    throw new Error('sample-app/Dockerfile has no ARG DEGRADE_AFTER= to degrade');
  writeFileSync(file, text.replace('ARG DEGRADE_AFTER=\n', `ARG DEGRADE_AFTER=${after}\n`));
  return ws;
}

/**
 * A picture of what the ingress served by revision, second by second, over [start, end]: the 5xx share per
 * revision (mermaid xychart, one line per revision, in the order of the table below it).
 */
export function errorPicture(
  records: ReadonlyArray<{ revision: string; status: number; at: number }>,
  start: number,
  end: number,
): string {
  const inWindow = records.filter((r) => r.at >= start && r.at <= end);
  const revisions = [...new Set(inWindow.map((r) => r.revision))].sort();
  if (revisions.length === 0) return '_The ingress served no request in this window._';
  const seconds = Math.max(1, Math.ceil((end - start) / 1000));
  const step = Math.max(1, Math.ceil(seconds / 60));
  const buckets = Array.from({ length: Math.ceil(seconds / step) }, (_, i) => i * step);
  const share = (rev: string, b: number) => {
    const rs = inWindow.filter(
      (r) => r.revision === rev && r.at >= start + b * 1000 && r.at < start + (b + step) * 1000,
    );
    return rs.length ? Math.round((100 * rs.filter((r) => r.status >= 500).length) / rs.length) : 0;
  };
  const totals = revisions.map((rev) => {
    const rs = inWindow.filter((r) => r.revision === rev);
    return `| ${rev} | ${rs.length} | ${rs.filter((r) => r.status >= 500).length} |`;
  });
  return [
    '```mermaid',
    'xychart-beta',
    '  title "5xx share per revision (%), by second, as the ingress served it"',
    `  x-axis "seconds" [${buckets.join(', ')}]`,
    '  y-axis "5xx %" 0 --> 100',
    ...revisions.map((rev) => `  line [${buckets.map((b) => share(rev, b)).join(', ')}]`),
    '```',
    '',
    '| line | revision | requests served | 5xx |',
    '|---|---|---|---|',
    ...totals.map((t, i) => `| ${i + 1} ${t}`),
  ].join('\n');
}

function prepareWorkspace(broken: boolean): string {
  const ws = mkdtempSync(join(tmpdir(), 'alc-demo-ws-'));
  for (const entry of ['.github', 'actions', 'src', 'node_modules', 'package.json', 'scripts']) {
    symlinkSync(join(REPO_ROOT, entry), join(ws, entry));
  }
  // Files the actions read as path inputs are copied, as a checkout has them: a path input is confined to the
  // workspace, symlinks that lead out of it included.
  for (const entry of ['sample-app', 'deploy']) {
    cpSync(join(REPO_ROOT, entry), join(ws, entry), { recursive: true });
  }
  if (broken) {
    const file = join(ws, 'sample-app', 'Dockerfile');
    const text = readFileSync(file, 'utf8');
    if (!text.includes('ARG BROKEN=false'))
      throw new Error('sample-app/Dockerfile has no ARG BROKEN=false to break');
    writeFileSync(file, text.replace('ARG BROKEN=false', 'ARG BROKEN=true'));
  }
  return ws;
}

// ---------------------------------------------------------------------------------------------------
// GitHub's API: the stand-in of the tests (test/support/github-api.ts), a real local HTTP server that deploy-app and
// blue-green reach with the real Octokit through GITHUB_API_URL, as on a runner.

export type DemoComment = StandInComment;
export type DemoDeployment = StandInDeployment;

// ---------------------------------------------------------------------------------------------------
// The load against the app URL

export interface LoadFigures {
  requests: number;
  failed: number;
  byVersion: Record<string, number>;
  failures: Array<{ at: string; phase: string; error: string }>;
  phases: Array<{ phase: string; requests: number; failed: number; versions: string[] }>;
  p50Ms: number;
  p99Ms: number;
  /** Every request: when it ended and the version that answered (none: it failed), for the page's chart. */
  samples: LoadSample[];
}

class Load {
  phase = 'start';
  private stopped = false;
  private loops: Promise<void>[] = [];
  private latencies: number[] = [];
  private figures: LoadFigures = {
    requests: 0,
    failed: 0,
    byVersion: {},
    failures: [],
    phases: [],
    p50Ms: 0,
    p99Ms: 0,
    samples: [],
  };
  private readonly agent: Agent;

  constructor(
    private readonly host: string,
    private readonly port: number,
    ca: string,
  ) {
    this.agent = new Agent({ keepAlive: true, ca, servername: host, maxSockets: 8 });
  }

  start(concurrency = 4, pauseMs = 40): void {
    for (let i = 0; i < concurrency; i++) this.loops.push(this.loop(pauseMs));
  }

  async stop(): Promise<LoadFigures> {
    this.stopped = true;
    await Promise.all(this.loops);
    this.agent.destroy();
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
    return { ...this.figures, p50Ms: Math.round(at(0.5)), p99Ms: Math.round(at(0.99)) };
  }

  /** Failed requests so far, and those of one phase. */
  failuresOf(phase?: string): LoadFigures['failures'] {
    return this.figures.failures.filter((f) => phase === undefined || f.phase === phase);
  }

  /** Requests of one phase. */
  requestsOf(phase: string): number {
    return this.figures.phases.filter((p) => p.phase === phase).reduce((n, p) => n + p.requests, 0);
  }

  private phaseEntry() {
    let p = this.figures.phases.at(-1);
    if (!p || p.phase !== this.phase) {
      p = { phase: this.phase, requests: 0, failed: 0, versions: [] };
      this.figures.phases.push(p);
    }
    return p;
  }

  private async loop(pauseMs: number): Promise<void> {
    while (!this.stopped) {
      const t0 = performance.now();
      const phase = this.phaseEntry();
      try {
        const version = await getVersion(this.host, this.port, this.agent);
        this.latencies.push(performance.now() - t0);
        this.figures.byVersion[version] = (this.figures.byVersion[version] ?? 0) + 1;
        if (!phase.versions.includes(version)) phase.versions.push(version);
        this.figures.samples.push({ at: Date.now(), version });
      } catch (e) {
        this.figures.samples.push({ at: Date.now() });
        this.figures.failed++;
        phase.failed++;
        this.figures.failures.push({ at: new Date().toISOString(), phase: this.phase, error: String(e) });
      }
      this.figures.requests++;
      phase.requests++;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}

/** GET /version of a host through the simulator's ingress; the version the app announces. */
function getVersion(host: string, port: number, agent: Agent): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/version',
        headers: { host },
        agent,
        servername: host,
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode} from ${host}`));
          try {
            resolvePromise(String((JSON.parse(body) as { version?: unknown }).version));
          } catch {
            reject(new Error(`not JSON from ${host}: ${body.slice(0, 80)}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout from ${host}`)));
    req.on('error', reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------------
// The sequence

const fakeSha = () => randomBytes(20).toString('hex');

export async function runDemo(o: DemoOptions = {}): Promise<DemoResult> {
  const log = o.log ?? ((line: string) => console.log(line));
  const out = resolve(o.out ?? process.env.ALC_DEMO_OUT ?? join(REPO_ROOT, '.demo'));
  mkdirSync(out, { recursive: true });
  const reportPath = join(out, 'report.md');
  const source = o.source ?? (process.env.ALC_DEMO_SOURCE === 'src' ? 'src' : 'dist');
  for (const name of ACTIONS) {
    const entry = source === 'dist' ? 'dist/index.js' : 'src/main.ts';
    const path = join(REPO_ROOT, 'actions', name, entry);
    try {
      readFileSync(path);
    } catch {
      throw new Error(
        `actions/${name}/${entry} is missing: ${source === 'dist' ? 'run npm run bundle' : 'not written yet'}`,
      );
    }
  }
  const dockerHost = execFileSync(join(REPO_ROOT, 'scripts', 'docker-up.sh'), { encoding: 'utf8' }).trim();
  execFileSync(join(REPO_ROOT, 'scripts', 'ensure-node24.sh'), { stdio: ['ignore', 'ignore', 'inherit'] });

  const stateDir = mkdtempSync(join(tmpdir(), 'alc-demo-sim-'));
  // The federated credentials of docs/pipeline.md: production's name only its protected environments (no tag
  // subject: a build outside production-build would be refused), the preview's names pull requests.
  const subjects = [
    `repo:${REPOSITORY}:environment:production`,
    `repo:${REPOSITORY}:environment:production-build`,
    `repo:${REPOSITORY}:pull_request`,
  ];
  log(`demo: starting the simulator (state ${stateDir})`);
  const sim: Simulator = await startSimulator({
    stateDir,
    dockerHost,
    lroDelayMs: 500,
    seed: [
      { resourceGroup: 'alc-algo-production', environment: 'alc-algo-env', location: 'eastus' },
      // The preview app lives in its own resource group, the only one the preview identity may write.
      { resourceGroup: 'alc-algo-preview', environment: 'alc-algo-env', location: 'eastus' },
    ],
    federatedSubjects: subjects,
    log: o.verbose ? (m) => log(`sim: ${m}`) : undefined,
    // Azure Monitor's grain is PT1M; one second here, so that the analysis runs in seconds.
    metricsTimeGrain: 'PT1S',
  });
  const interrupted = (signal: NodeJS.Signals) => {
    log(`demo: ${signal}: stopping the simulator`);
    void sim.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const ingressPort = sim.endpoints.ingressPort!;
  const appHost = `${APP}.${sim.domain}`;
  const vars: Record<string, string> = {
    AZURE_CLIENT_ID: sim.ids.clientId,
    // The simulator has one app registration; in Azure these are two (docs/pipeline.md).
    AZURE_PREVIEW_CLIENT_ID: sim.ids.clientId,
    AZURE_TENANT_ID: sim.ids.tenantId,
    AZURE_SUBSCRIPTION_ID: sim.ids.subscriptionId,
    AZURE_CLOUD: 'Custom',
    AZURE_ARM_ENDPOINT: sim.endpoints.arm,
    AZURE_AUTHORITY_HOST: sim.endpoints.authorityHost,
    ACR_REGISTRY: sim.endpoints.registry!,
    PREVIEW_ACR_REGISTRY: sim.endpoints.registry!,
    APP_RESOLVE: sim.env.ALC_SIM_RESOLVE,
    APP_URL: `https://${appHost}`,
    BUILDX: 'false',
    DEPLOY_WAIT_TIMEOUT: '40s',
    PROMOTE_STEPS: '10,50,100',
    PROMOTE_STEP_WAIT: '2s',
    SMOKE_DURATION: '3s',
    SMOKE_RATE: '20',
    // release.yml measures every release by default (deploy/analysis.yaml: a 1m interval read 2m late, as Azure's
    // metrics arrive); the demo turns it on with a fast spec for the releases the analysis must catch.
    ANALYSIS: 'none',
  };
  const runnerEnv = { NODE_EXTRA_CA_CERTS: sim.caPath, DOCKER_HOST: dockerHost };
  const github = await startGitHubApi({ repository: REPOSITORY });
  const githubApi = { apiUrl: github.url, token: `ghs_demo${randomBytes(8).toString('hex')}` };
  const handlers: Record<string, ActionHandler> = {
    // The workspace is the checkout; a checkout into a path (alc-deploy beside the caller's tree, as the
    // reusable workflows do) is this repository, linked there.
    'actions/checkout': async (ctx) => {
      const path = ctx.with.path?.replace(/^\.\//, '');
      if (path && !existsSync(join(ctx.workspace, path))) symlinkSync(REPO_ROOT, join(ctx.workspace, path));
      return { outcome: 'success' };
    },
    'docker/setup-buildx-action': async () => ({ outcome: 'success' }),
  };
  const workspaces = {
    good: prepareWorkspace(false),
    broken: prepareWorkspace(true),
    // Bad as soon as it carries traffic; and bad only once it has served far more than every step gives it.
    degradedAtOnce: prepareDegradedWorkspace(5),
    degradedLater: prepareDegradedWorkspace(800),
  };
  const scenarios: Scenario[] = [];
  const load = new Load(appHost, ingressPort, sim.ca);
  let loadStarted = false;
  let stopped: string | undefined;
  const agent = new Agent({ keepAlive: false, ca: sim.ca });
  const versionOf = (host: string) =>
    getVersion(host, ingressPort, agent).catch((e: unknown) => `unreachable (${String(e)})`);

  const play = async (
    title: string,
    workflow: string,
    event: RunnerEvent,
    expected: 'success' | 'failure',
    workspace: string,
    verify: (run: WorkflowRun) => Promise<Scenario['checks']>,
  ): Promise<boolean> => {
    load.phase = title;
    log(`\n== ${title} (${workflow}, ${event.name} ${event.ref}) — expected: ${expected}`);
    const scenario: Scenario = {
      title,
      workflow,
      event: `${event.name} ${event.ref}`,
      expected,
      checks: [],
      startedAt: Date.now(),
    };
    scenarios.push(scenario);
    scenario.run = await runWorkflow({
      workflow: join(workspace, '.github', 'workflows', workflow),
      workspace,
      event,
      vars,
      repository: REPOSITORY,
      oidc: { url: sim.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: sim.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN },
      github: githubApi,
      env: runnerEnv,
      source,
      handlers,
      verbose: o.verbose,
      log,
      beforeJob: ({ oidcSubject, jobWorkflowRef }) => {
        if (!oidcSubject) return;
        sim.identity.config.githubClaims = {
          sub: oidcSubject,
          job_workflow_ref: jobWorkflowRef ?? '',
          repository: REPOSITORY,
          repository_owner: REPOSITORY.split('/')[0],
          ref: event.ref,
          event_name: event.name,
        };
      },
    });
    const unimplemented = scenario.run.jobs
      .flatMap((j) => j.steps.flatMap((s) => s.errors))
      .find((e) => /is not implemented/.test(e));
    if (unimplemented) {
      stopped = unimplemented;
      scenario.checks.push({ what: 'every action it uses is implemented', ok: false, detail: unimplemented });
      log(`demo: STOP — ${unimplemented}`);
      return false;
    }
    scenario.checks.push({
      what: `the run ends ${expected}`,
      ok: scenario.run.result === expected,
      detail: scenario.run.result,
    });
    const called = scenario.run.jobs.flatMap((j) => j.workflow ?? []);
    scenario.checks.push({
      what: 'it ran through its reusable workflow',
      ok: called.length > 0,
      detail: called.join(', '),
    });
    scenario.checks.push(...(await verify(scenario.run)));
    for (const c of scenario.checks)
      log(`   ${c.ok ? 'ok  ' : 'FAIL'} ${c.what}${c.detail ? ` — ${c.detail}` : ''}`);
    const passed = scenario.checks.every((c) => c.ok);
    if (!passed)
      stopped = `${title}: ${scenario.checks
        .filter((c) => !c.ok)
        .map((c) => c.what)
        .join('; ')}`;
    return passed;
  };
  const serves = async (host: string, version: string) => {
    const seen = await versionOf(host);
    return {
      what: `${host.split('.')[0]} serves ${version}`,
      ok: seen.replace(/^v/, '') === version.replace(/^v/, ''),
      detail: seen,
    };
  };
  const release = (
    tag: string,
    expected: 'success' | 'failure',
    ws: string,
    verify: Parameters<typeof play>[5],
  ) => play(`release ${tag}`, 'release.yml', pushEvent(`refs/tags/${tag}`, fakeSha()), expected, ws, verify);
  const pr = (action: 'opened' | 'synchronize' | 'closed', headSha: string, headRepository?: string) =>
    pullRequestEvent({
      number: headRepository ? 43 : 42,
      action,
      headSha,
      headRepository,
      repository: REPOSITORY,
    });
  // Jobs by id; a job of a reusable workflow is `<calling job>/<job>` (release/release, preview/deploy).
  const job = (run: WorkflowRun, id: string) => flatJobs(run.jobs).find((j) => j.id === id);
  const stepOf = (run: WorkflowRun, jobId: string, stepId: string) =>
    job(run, jobId)?.steps.find((s) => s.id === stepId);

  /**
   * The releases the metric analysis catches, on the Azure Monitor metrics the simulator computes from what its
   * ingress served: the analysis runs from repository variables, as release.yml reads them.
   */
  const analysisScenarios = (): Array<() => Promise<boolean>> => {
    const analysis = [
      'interval: 3s',
      'time-grain: PT1S',
      'inconclusive-limit: 2',
      'metrics:',
      '  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}',
      '  - {name: restarts, metric: RestartCount, max: 0}',
      '  - {name: response-time, provider: probe, metric: average, max: 5s}',
    ].join('\n');
    const caught =
      (tag: string, ws: string, watch: string, expect: { phase: RegExp; message: RegExp; what: string }) =>
      async () => {
        Object.assign(vars, { ANALYSIS: analysis, ANALYSIS_WATCH: watch });
        const title = `release ${tag}`;
        const start = Date.now();
        try {
          return await release(tag, 'failure', ws, async (run) => {
            const ended = Date.now();
            const promote = stepOf(run, 'release/release', 'promote');
            const measured = JSON.parse(promote?.outputs.analysis || '[]') as Array<{
              phase: string;
              verdict: string;
              metric: string;
            }>;
            const failed = measured.filter((m) => m.verdict === 'fail');
            // The traffic is back before the run ends: two more seconds of load must see no failure.
            await new Promise((r) => setTimeout(r, 2000));
            const after = load.failuresOf(title).filter((f) => Date.parse(f.at) > ended);
            const saw = load.failuresOf(title).length;
            scenarios.at(-1)!.extra = [
              `### What the ingress served during ${title}`,
              '',
              errorPicture(sim.requests.all(), start, Date.now()),
              '',
              `Failed requests users saw on the app URL during this release: **${saw}** of ${load.requestsOf(title)}; after the ${watch ? 'rollback' : 'abort'}: ${after.length}.`,
            ].join('\n');
            return [
              await serves(appHost, 'v1.0.0'),
              {
                what: expect.what,
                ok: (promote?.errors ?? []).some((e) => expect.message.test(e)),
                detail: promote?.errors.join(' | ').slice(0, 300),
              },
              {
                what: 'the analysis output shows the failed measurement',
                ok: failed.length > 0 && failed.every((m) => expect.phase.test(m.phase)),
                detail: failed.map((m) => `${m.metric} ${m.phase}`).join(', '),
              },
              {
                what: 'users saw few failed requests (under 5% of this release)',
                ok: saw > 0 && saw < 0.05 * load.requestsOf(title),
                detail: `${saw} of ${load.requestsOf(title)}`,
              },
              {
                what: 'no failed request once the run ended',
                ok: after.length === 0,
                detail: String(after.length),
              },
            ];
          });
        } finally {
          Object.assign(vars, { ANALYSIS: 'none', ANALYSIS_WATCH: '' });
        }
      };
    return [
      caught('v1.3.0', workspaces.degradedAtOnce, '', {
        phase: /^step 10%$/,
        message:
          /promote failed and the traffic was restored .*analysis failed: server-errors = \d+ .*during step 10%(25)?/,
        what: 'caught at its first step: the promote aborted, naming the metric, its value and the threshold',
      }),
      caught('v1.4.0', workspaces.degradedLater, '45s', {
        phase: /^watch$/,
        message:
          /watch failed; rolled back to the previous revision .*analysis failed: server-errors = \d+ .*during watch/,
        what: 'caught during the watch after 100%: rolled back to the previous revision by itself',
      }),
    ];
  };

  let result: DemoResult | undefined;
  try {
    const steps: Array<() => Promise<boolean>> = [
      () =>
        release('v1.0.0', 'success', workspaces.good, async (run) => {
          load.start();
          loadStarted = true;
          return [
            await serves(appHost, 'v1.0.0'),
            {
              what: 'the app was created by this run',
              ok: stepOf(run, 'release/release', 'deploy')?.outputs.created === 'true',
            },
            {
              what: 'the build ran as environment production-build, the deploy as production (their OIDC subjects)',
              ok:
                job(run, 'release/build')?.oidcSubject ===
                  `repo:${REPOSITORY}:environment:production-build` &&
                job(run, 'release/release')?.oidcSubject === `repo:${REPOSITORY}:environment:production`,
              detail: `${job(run, 'release/build')?.oidcSubject}, ${job(run, 'release/release')?.oidcSubject}`,
            },
            {
              what: 'the environment production carries the app URL',
              ok: job(run, 'release/release')?.environment?.url === `https://${appHost}`,
              detail: job(run, 'release/release')?.environment?.url,
            },
          ];
        }),
      () =>
        release('v1.1.0', 'success', workspaces.good, async (run) => [
          await serves(appHost, 'v1.1.0'),
          {
            what: 'deployed into the candidate slot green, then promoted',
            ok: stepOf(run, 'release/release', 'deploy')?.outputs.label === 'green',
            detail: stepOf(run, 'release/release', 'deploy')?.outputs.label,
          },
        ]),
      () =>
        release('v1.2.0', 'failure', workspaces.broken, async (run) => {
          const promote = stepOf(run, 'release/release', 'promote');
          return [
            await serves(appHost, 'v1.1.0'),
            {
              what: 'the switch never happened (promote did not run)',
              ok: promote?.outcome === 'skipped',
              detail: promote?.outcome,
            },
            {
              what: 'the run says loudly that production never served it',
              ok: (job(run, 'release/release')?.steps.at(-1)?.errors ?? []).some((e) =>
                /production never served it/.test(e),
              ),
            },
          ];
        }),
      () =>
        play(
          'rollback to v1.0.0',
          'rollback.yml',
          workflowDispatchEvent('refs/heads/main', {
            to: 'v1.0.0',
            reason: 'demo: v1.1.0 misprices options',
          }),
          'success',
          workspaces.good,
          async () => [await serves(appHost, 'v1.0.0')],
        ),
      () =>
        play(
          'preview: PR #42 opened',
          'preview.yml',
          pr('opened', fakeSha()),
          'success',
          workspaces.good,
          async (run) => {
            const url = job(run, 'preview/deploy')?.outputs['label-url'] ?? '';
            return [
              await serves(
                `${PREVIEW_APP}---pr-42.${sim.domain}`,
                job(run, 'preview/build')?.outputs.version ?? 'pr-42-?',
              ),
              {
                what: 'every preview job that asked for a token ran as pull_request, none as production',
                ok: flatJobs(run.jobs)
                  .filter((j) => j.oidcSubject)
                  .every((j) => j.oidcSubject === `repo:${REPOSITORY}:pull_request`),
                detail: [...new Set(flatJobs(run.jobs).flatMap((j) => j.oidcSubject ?? []))].join(', '),
              },
              {
                what: 'one sticky comment with the preview URL',
                ok: github.comments.length === 1 && github.comments[0].body.includes(url) && url !== '',
                detail: url,
              },
              {
                what: 'a GitHub deployment preview/pr-42, success, with the URL',
                ok: github.deployments.some(
                  (d) =>
                    d.environment === 'preview/pr-42' &&
                    d.statuses.at(-1)?.state === 'success' &&
                    d.statuses.at(-1)?.environment_url === url,
                ),
              },
            ];
          },
        ),
      () =>
        play(
          'preview: PR #42 pushed again',
          'preview.yml',
          pr('synchronize', fakeSha()),
          'success',
          workspaces.good,
          async () => [
            {
              what: 'the same comment was updated, not a second one',
              ok: github.comments.length === 1 && github.comments[0].edits === 1,
            },
          ],
        ),
      () =>
        play(
          'preview: PR #43 from a fork',
          'preview.yml',
          pr('opened', fakeSha(), 'someone/alc-algo'),
          'success',
          workspaces.good,
          async (run) => [
            {
              what: 'only the fork job ran: no Azure access',
              ok:
                flatJobs(run.jobs)
                  .filter((j) => j.result !== 'skipped')
                  .map((j) => j.id)
                  .join() === 'preview/fork',
              detail: flatJobs(run.jobs)
                .filter((j) => j.result !== 'skipped')
                .map((j) => j.id)
                .join(', '),
            },
            {
              what: 'it says why in the job summary',
              ok: /fork/.test(job(run, 'preview/fork')?.steps[0]?.summary ?? ''),
            },
          ],
        ),
      () =>
        play(
          'preview: PR #42 closed',
          'preview.yml',
          pr('closed', fakeSha()),
          'success',
          workspaces.good,
          async () => {
            const label = await versionOf(`${PREVIEW_APP}---pr-42.${sim.domain}`);
            return [
              { what: 'the label URL no longer serves', ok: label.startsWith('unreachable'), detail: label },
              { what: 'the comment says torn down', ok: /torn down/.test(github.comments[0]?.body ?? '') },
              {
                what: 'the deployments of preview/pr-42 are inactive',
                ok: github.deployments
                  .filter((d) => d.environment === 'preview/pr-42')
                  .every((d) => d.statuses.at(-1)?.state === 'inactive'),
              },
            ];
          },
        ),
    ];
    steps.push(...analysisScenarios());
    for (const step of steps) if (!(await step())) break;
  } finally {
    const figures = loadStarted ? await load.stop() : emptyFigures();
    agent.destroy();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    log(`\ndemo: stopping the simulator`);
    await sim.stop();
    await github.close();
    removeImages(dockerHost, sim.endpoints.registry!);
    rmSync(stateDir, { recursive: true, force: true });
    for (const ws of Object.values(workspaces)) rmSync(ws, { recursive: true, force: true });
    result = finish(scenarios, figures, github, reportPath, stopped, log);
  }
  return result;
}

function emptyFigures(): LoadFigures {
  return { requests: 0, failed: 0, byVersion: {}, failures: [], phases: [], p50Ms: 0, p99Ms: 0, samples: [] };
}

function removeImages(dockerHost: string, registry: string): void {
  try {
    const images = execFileSync(
      'docker',
      ['images', '--format', '{{.Repository}}:{{.Tag}}', '--filter', `reference=${registry}/*`],
      {
        encoding: 'utf8',
        env: { ...process.env, DOCKER_HOST: dockerHost },
      },
    )
      .split('\n')
      .filter(Boolean);
    if (images.length)
      execFileSync('docker', ['rmi', '-f', ...images], {
        stdio: 'ignore',
        env: { ...process.env, DOCKER_HOST: dockerHost },
      });
  } catch {
    // Images are only a cache; a failure to remove them changes nothing.
  }
}

function finish(
  scenarios: Scenario[],
  load: LoadFigures,
  github: GitHubApiStandIn,
  reportPath: string,
  stopped: string | undefined,
  log: (line: string) => void,
): DemoResult {
  const neverBroken = !Object.keys(load.byVersion).some((v) => v.replace(/^v/, '') === '1.2.0');
  const unexpected = load.failures.filter((f) => !ANALYSIS_SCENARIOS.includes(f.phase));
  const loadChecks = [
    {
      what: 'zero failed requests on the app URL, but during the releases the analysis caught',
      ok: unexpected.length === 0 && load.requests > 0,
      detail: `${unexpected.length} of ${load.requests} (${load.failed - unexpected.length} while the analysis caught a bad release)`,
    },
    { what: 'the app URL never served v1.2.0', ok: neverBroken, detail: JSON.stringify(load.byVersion) },
  ];
  const complete = scenarios.length === 10 && !stopped;
  const passed =
    complete && scenarios.every((s) => s.checks.every((c) => c.ok)) && loadChecks.every((c) => c.ok);
  writeFileSync(reportPath, report(scenarios, load, loadChecks, github, passed, stopped));
  const htmlPath = join(dirname(reportPath), 'report.html');
  writeFileSync(
    htmlPath,
    reportHtml({ generatedAt: new Date().toISOString(), passed, stopped, scenarios, load, loadChecks }),
  );
  log(
    `\ndemo: load on the app URL: ${load.requests} requests, ${load.failed} failed, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, versions ${JSON.stringify(load.byVersion)}`,
  );
  for (const c of loadChecks) log(`   ${c.ok ? 'ok  ' : 'FAIL'} ${c.what} — ${c.detail}`);
  log(`demo: report ${reportPath}, page ${htmlPath}`);
  log(passed ? 'demo: PASSED' : `demo: FAILED${stopped ? ` — ${stopped}` : ''}`);
  return {
    passed,
    scenarios,
    load,
    comments: github.comments,
    deployments: github.deployments,
    reportPath,
    stopped,
  };
}

function report(
  scenarios: Scenario[],
  load: LoadFigures,
  loadChecks: Scenario['checks'],
  github: GitHubApiStandIn,
  passed: boolean,
  stopped: string | undefined,
): string {
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const lines = [
    '# alc-deploy pipeline demo',
    '',
    `${new Date().toISOString()} — ${passed ? '**passed**' : `**failed**${stopped ? `: ${stopped}` : ''}`}`,
    '',
    "The repository's own workflows, run against the local simulator; every action started as a runner starts it.",
    'The same as a page, with a chart of the versions that served the app URL: `report.html` beside this file.',
    '',
    '| # | scenario | workflow | event | expected | result | time | checks |',
    '|---|---|---|---|---|---|---|---|',
    ...scenarios.map(
      (s, i) =>
        `| ${i + 1} | ${s.title} | ${s.workflow} | ${s.event} | ${s.expected} | ${s.run?.result ?? '—'} | ${((s.run?.durationMs ?? 0) / 1000).toFixed(0)} s | ${mark(s.checks.every((c) => c.ok))} |`,
    ),
    '',
    '## Load on the app URL, through the whole demo',
    '',
    `${load.requests} requests, **${load.failed} failed**, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms.`,
    '',
    '| phase | requests | failed | versions served |',
    '|---|---|---|---|',
    ...load.phases.map((p) => `| ${p.phase} | ${p.requests} | ${p.failed} | ${p.versions.join(', ')} |`),
    '',
    ...loadChecks.map((c) => `- ${mark(c.ok)} ${c.what} (${c.detail})`),
    ...(load.failures.length
      ? [
          '',
          '| at | phase | error |',
          '|---|---|---|',
          ...load.failures.slice(0, 20).map((f) => `| ${f.at} | ${f.phase} | ${f.error} |`),
        ]
      : []),
    '',
    '## Checks',
    '',
    ...scenarios.flatMap((s) => [
      `**${s.title}**`,
      '',
      ...s.checks.map((c) => `- ${mark(c.ok)} ${c.what}${c.detail ? ` (${c.detail})` : ''}`),
      '',
    ]),
    '## The pull request comment (one, updated in place)',
    '',
    ...github.comments.flatMap((c) => [
      `_comment ${c.id}, edited ${c.edits} times_`,
      '',
      ...c.body.split('\n').map((l) => `> ${l}`),
      '',
    ]),
    '## GitHub deployments',
    '',
    '| id | environment | statuses |',
    '|---|---|---|',
    ...github.deployments.map(
      (d) => `| ${d.id} | ${d.environment} | ${d.statuses.map((s) => s.state).join(' → ')} |`,
    ),
    '',
    '## Job summaries',
    '',
    ...scenarios.flatMap((s) => [
      `## ${s.title}`,
      '',
      s.run ? runSummary(s.run) : '_not run_',
      '',
      ...(s.extra ? [s.extra, ''] : []),
    ]),
  ];
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const result = await runDemo({
    source: argv.includes('--src') ? 'src' : undefined,
    out: argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined,
    verbose: argv.includes('--verbose'),
  });
  return result.passed ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
