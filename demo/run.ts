// `npm run demo` (demo/main.ts): the pipeline end to end on this machine. Starts the simulator, then plays the
// scenarios of demo/scenarios.ts: the repository's own workflows (.github/workflows/release.yml, rollback.yml,
// preview.yml, thin callers of reusable-release.yml, reusable-rollback.yml and reusable-preview.yml) run by the
// local runner (runner/workflow.ts), whose steps start the bundled actions exactly as a runner does, with
// repository variables pointing at the simulator and GitHub's API stood in for (demo/github-api.ts, a real local
// HTTP server that deploy-app and blue-green reach with the real Octokit through GITHUB_API_URL, as on a runner).
//
// A load runs against the app URL from the first deploy to the end and counts every failed request
// (demo/load.ts). Every job summary goes into one report (.demo/report.md, or $ALC_DEMO_OUT/report.md), and the
// same as a page beside it (report.html: the versions that served the app URL second by second, the scenarios,
// their checks).
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startSimulator, type Simulator } from '../sim/index.js';
import { httpsRequest } from '../sim/http.js';
import type { TrafficRow } from '../src/revisions/traffic-picture.js';
import { REPO_ROOT } from '../runner/action.js';
import { REPOSITORY } from '../runner/events.js';
import { flatJobs, runWorkflow } from '../runner/workflow.js';
import {
  startGitHubApi,
  type GitHubApiStandIn,
  type StandInComment,
  type StandInDeployment,
} from './github-api.js';
import { emptyFigures, Load, versionNow, type Ingress, type LoadFigures } from './load.js';
import { checkLoad, checkTrading, markdownReport, tradingFigures, type TradingFigures } from './report.js';
import { reportHtml } from './report-html.js';
import {
  auditChecks,
  auditUrl,
  createAuditContainer,
  readAuditTrail,
  recordsOf,
  windowDecision,
} from './audit.js';
import type { AuditRecord } from '../src/audit/record.js';
import {
  ANALYSIS_SCENARIOS,
  APP,
  appOfWorkflow,
  SCENARIOS,
  type Check,
  type Scenario,
  type ScenarioSpec,
  type Stage,
} from './scenarios.js';
import { headOf, prepareWorkspaces, removeWorkspaces, STAND_INS, type Workspaces } from './workspace.js';

const ACTIONS = ['build-push', 'deploy-app', 'blue-green', 'smoke-test'];

export interface DemoOptions {
  source?: 'dist' | 'src';
  /** Directory of the report (default .demo, or $ALC_DEMO_OUT). */
  out?: string;
  log?: (line: string) => void;
  verbose?: boolean;
}

export type DemoComment = StandInComment;
export type DemoDeployment = StandInDeployment;

export interface DemoResult {
  passed: boolean;
  scenarios: Scenario[];
  load: LoadFigures;
  comments: DemoComment[];
  deployments: DemoDeployment[];
  reportPath: string;
  /** Why the demo stopped early, when it did. */
  stopped?: string;
  /** Who traded on the live port (the broker's order log), and the demo's checks on it. */
  trading: TradingFigures;
  tradingChecks: Check[];
  /** The audit trail as the demo read it after its scenarios, and its checks on it. */
  audit: AuditRecord[];
  auditChecks: Check[];
}

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
  // The four identities of docs/pipeline.md, each an app registration whose one federated credential names its
  // subject: production's only environment:production (the simulator's own app), the release build's
  // environment:production-build, the preview build's environment:preview-build, the preview's pull_request. A job
  // given another job's client id is refused by Entra (AADSTS700213), as in Azure.
  const subject = (s: string) => [{ subject: `repo:${REPOSITORY}:${s}` }];
  const clients = { build: randomUUID(), preview: randomUUID(), previewBuild: randomUUID() };
  log(`demo: starting the simulator (state ${stateDir})`);
  const sim: Simulator = await startSimulator({
    stateDir,
    dockerHost,
    storage: true,
    lroDelayMs: 500,
    seed: [
      {
        resourceGroup: 'alc-algo-production',
        environment: 'alc-algo-env',
        location: 'eastus',
        appInsights: 'alc-algo-insights',
      },
      // The preview app lives in its own resource group, the only one the preview identity may write.
      { resourceGroup: 'alc-algo-preview', environment: 'alc-algo-env', location: 'eastus' },
    ],
    federatedSubjects: [`repo:${REPOSITORY}:environment:production`],
    applications: [
      { clientId: clients.build, federatedCredentials: subject('environment:production-build') },
      { clientId: clients.previewBuild, federatedCredentials: subject('environment:preview-build') },
      { clientId: clients.preview, federatedCredentials: subject('pull_request') },
    ],
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
  const ingress: Ingress = { resolve: sim.env.ALC_SIM_RESOLVE, caPath: sim.caPath };
  const appHost = `${APP}.${sim.domain}`;
  const vars: Record<string, string> = {
    AZURE_CLIENT_ID: sim.ids.clientId,
    AZURE_BUILD_CLIENT_ID: clients.build,
    AZURE_PREVIEW_CLIENT_ID: clients.preview,
    AZURE_PREVIEW_BUILD_CLIENT_ID: clients.previewBuild,
    AZURE_TENANT_ID: sim.ids.tenantId,
    AZURE_SUBSCRIPTION_ID: sim.ids.subscriptionId,
    AZURE_CLOUD: 'Custom',
    AZURE_ARM_ENDPOINT: sim.endpoints.arm,
    AZURE_AUTHORITY_HOST: sim.endpoints.authorityHost,
    ACR_REGISTRY: sim.endpoints.registry!,
    PREVIEW_ACR_REGISTRY: sim.endpoints.registry!,
    APP_RESOLVE: ingress.resolve,
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
    // The seed trades live: one revision at a time, through the trading lease in the simulator's storage (its
    // Azurite); the sample app's agent follows it on the broker stand-in's live port.
    ALC_TRADING_LEASE: sim.tradingLeaseUrl(APP),
    // The audit trail (docs/audit.md): one append blob in the simulator's storage, its container made here.
    ALC_AUDIT: auditUrl(sim),
  };
  const runnerEnv = { NODE_EXTRA_CA_CERTS: sim.caPath, DOCKER_HOST: dockerHost };
  const github = await startGitHubApi({ repository: REPOSITORY });
  const githubApi = { apiUrl: github.url, token: `ghs_demo${randomBytes(8).toString('hex')}` };
  const workspaces: Workspaces = prepareWorkspaces();
  const scenarios: Scenario[] = [];
  const load = new Load(ingress, appHost);
  let loadStarted = false;
  let stopped: string | undefined;
  const stage: Stage = {
    sim,
    github,
    load,
    versionOf: (host) => versionNow(ingress, host),
    traffic: () => trafficNow(sim, appOfWorkflow('release.yml')),
  };

  const play = async (spec: ScenarioSpec): Promise<boolean> => {
    const { title, workflow, expected } = spec;
    const event = spec.event(headOf(workspaces[spec.workspace]));
    const written = appOfWorkflow(workflow);
    // The load's phases are the production app's scenarios (a preview played beside one writes another app).
    if (written.app === APP) load.phase = title;
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
    const workspace = workspaces[spec.workspace];
    const before = await trafficNow(sim, written);
    const during = spec.during?.(stage, before ?? []);
    scenario.run = await runWorkflow({
      workflow: join(workspace, '.github', 'workflows', workflow),
      workspace,
      event,
      vars: { ...vars, ...spec.vars },
      repository: REPOSITORY,
      oidc: { url: sim.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: sim.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN },
      github: githubApi,
      env: runnerEnv,
      source,
      handlers: STAND_INS,
      verbose: o.verbose,
      log,
      // Each job its own token request endpoint, whose tokens carry its claims (runs may play side by side).
      beforeJob: ({ oidcSubject, jobWorkflowRef, environment }) =>
        oidcSubject
          ? {
              oidc: sim.identity.registerGithubJob({
                repository: REPOSITORY,
                eventName: event.name,
                ref: event.ref,
                ...(environment ? { environment } : {}),
                ...(jobWorkflowRef ? { jobWorkflowRef } : {}),
              }),
            }
          : undefined,
    });
    scenario.endedAt = Date.now();
    scenario.handovers = flatJobs(scenario.run.jobs).flatMap((j) =>
      j.steps.flatMap((st) =>
        st.outputs.handover ? [{ step: `${j.id}/${st.id}`, handover: st.outputs.handover }] : [],
      ),
    );
    const after = await trafficNow(sim, written);
    if (before && after) scenario.traffic = { before, after };
    const unimplemented = scenario.run.jobs
      .flatMap((j) => j.steps.flatMap((s) => s.errors))
      .find((e) => /is not implemented/.test(e));
    if (unimplemented) {
      stopped = unimplemented;
      scenario.checks.push({ what: 'every action it uses is implemented', ok: false, detail: unimplemented });
      log(`demo: STOP — ${unimplemented}`);
      return false;
    }
    if (spec.startsLoad) {
      load.start();
      loadStarted = true;
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
    if (during) scenario.checks.push(...(await during()));
    scenario.checks.push(...(await spec.verify(scenario.run, stage, scenario)));
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

  let result: DemoResult | undefined;
  try {
    await createAuditContainer(sim);
    // Each scenario in turn; those played alongside one start with it, one after the other.
    for (const spec of SCENARIOS.filter((s) => !s.alongside)) {
      const side = SCENARIOS.filter((s) => s.alongside === spec.title);
      const lane = async () => {
        for (const s of side) if (!(await play(s))) return false;
        return true;
      };
      const passed = await Promise.all([play(spec), lane()]);
      if (!passed.every(Boolean)) break;
    }
    scenarios.sort((a, b) => index(a.title) - index(b.title));
  } finally {
    const figures = loadStarted ? await load.stop() : emptyFigures();
    const trading = tradingFigures(sim.broker.orders({ kind: 'live' }), scenarios);
    const audit = await readAuditTrail(sim).catch((e: Error) => e);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    log(`\ndemo: stopping the simulator`);
    await sim.stop();
    await github.close();
    removeImages(dockerHost, sim.endpoints.registry!);
    rmSync(stateDir, { recursive: true, force: true });
    removeWorkspaces(workspaces);
    result = finish(scenarios, figures, trading, audit, github, reportPath, stopped, log);
  }
  return result;
}

const index = (title: string) => SCENARIOS.findIndex((s) => s.title === title);

/** The api-version the demo reads the simulator's ARM with (that of @azure/arm-appcontainers). */
const ARM_API_VERSION = '2026-07-01';

/**
 * The traffic of `app` as the simulator's control plane holds it, read over ARM: [] while the app does not exist,
 * undefined when it cannot be read (the page then shows no traffic for the scenario).
 */
async function trafficNow(
  sim: Simulator,
  at: { resourceGroup: string; app: string },
): Promise<TrafficRow[] | undefined> {
  const path = `/subscriptions/${sim.ids.subscriptionId}/resourceGroups/${at.resourceGroup}/providers/Microsoft.App/containerApps/${at.app}`;
  try {
    const res = await httpsRequest(`${sim.endpoints.arm}${path}?api-version=${ARM_API_VERSION}`, {
      ca: sim.ca,
      headers: { authorization: `Bearer ${sim.identity.issueAccessToken(sim.endpoints.arm)}` },
    });
    if (res.status === 404) return [];
    if (res.status !== 200) return undefined;
    const app = JSON.parse(res.body) as {
      properties?: { configuration?: { ingress?: { traffic?: TrafficRow[] } } };
    };
    return (app.properties?.configuration?.ingress?.traffic ?? []).map(
      ({ revisionName, latestRevision, label, weight }) => ({ revisionName, latestRevision, label, weight }),
    );
  } catch {
    return undefined;
  }
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
  trading: TradingFigures,
  trail: AuditRecord[] | Error,
  github: GitHubApiStandIn,
  reportPath: string,
  stopped: string | undefined,
  log: (line: string) => void,
): DemoResult {
  const loadChecks = checkLoad(load, ANALYSIS_SCENARIOS);
  const tradingChecks = checkTrading(trading);
  const audit = trail instanceof Error ? [] : trail;
  const auditTrailChecks =
    trail instanceof Error
      ? [{ what: 'the audit trail can be read', ok: false, detail: trail.message }]
      : auditChecks(scenarios, audit);
  for (const s of scenarios) if (s.workflow === 'release.yml') s.window = windowDecision(recordsOf(s, audit));
  const complete = scenarios.length === SCENARIOS.length && !stopped;
  const passed =
    complete &&
    scenarios.every((s) => s.checks.every((c) => c.ok)) &&
    loadChecks.every((c) => c.ok) &&
    tradingChecks.every((c) => c.ok) &&
    auditTrailChecks.every((c) => c.ok);
  writeFileSync(
    reportPath,
    markdownReport(scenarios, load, loadChecks, github, passed, stopped, trading, tradingChecks, {
      records: audit,
      checks: auditTrailChecks,
    }),
  );
  const htmlPath = join(dirname(reportPath), 'report.html');
  writeFileSync(
    htmlPath,
    reportHtml({
      generatedAt: new Date().toISOString(),
      passed,
      stopped,
      scenarios,
      load,
      loadChecks,
      trading: { figures: trading, checks: tradingChecks },
      audit: { records: audit, checks: auditTrailChecks },
    }),
  );
  log(
    `\ndemo: load on the app URL: ${load.requests} requests, ${load.failed} failed, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, versions ${JSON.stringify(load.byVersion)}`,
  );
  for (const c of loadChecks) log(`   ${c.ok ? 'ok  ' : 'FAIL'} ${c.what} — ${c.detail}`);
  log(`demo: trading on the live port: ${trading.orders} orders, overlap ${trading.overlapMs} ms`);
  for (const s of trading.scenarios)
    for (const g of s.gaps) log(`   ${s.title}: ${g.from} -> ${g.to}, gap ${g.gapMs} ms`);
  for (const c of tradingChecks) log(`   ${c.ok ? 'ok  ' : 'FAIL'} ${c.what} — ${c.detail}`);
  log(`demo: audit trail: ${audit.length} records`);
  for (const c of auditTrailChecks) log(`   ${c.ok ? 'ok  ' : 'FAIL'} ${c.what} — ${c.detail}`);
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
    trading,
    tradingChecks,
    audit,
    auditChecks: auditTrailChecks,
  };
}
