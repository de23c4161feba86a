// The demo's scenarios, in the order it plays them: which workflow, on which event, in which checkout, the result
// expected, and what must hold afterwards (checks on the run, on what the app URLs serve, on the GitHub API).
//
//   1. release v1.0.0  (first deploy: the app is created, blue at 100 %)
//   2. release v1.1.0  (blue-green: green deployed at 0 %, smoke-tested, promoted in steps)
//   3. release v1.2.0  built from a broken commit: it never turns healthy, the run fails, production never serves it
//   4. rollback to v1.0.0 by hand (workflow_dispatch with a reason)
//   5. release v1.3.0 that fails real requests as soon as it carries traffic: the metric analysis (Azure Monitor
//      metrics of the simulator) catches it at its first step and the promote aborts: production back on v1.0.0
//   6. release v1.4.0 that holds out through every step and fails during the watch after 100%: rolled back by
//      itself to v1.0.0
//   7. release v1.5.0 whose agent never takes the trading lease: the promote's handover runs out its bound, trading
//      and traffic go back to v1.0.0, the run fails saying what it saw
//   8. pull request #42 opened, pushed again (the sticky comment is updated), a fork's pull request (no Azure),
//      and #42 closed (teardown), played beside 7 (another app; runs that wait on other things than its own)
//   9. release v1.6.0 while v1.0.0 hangs just before the handover (its containers paused: no release, its broker
//      session kept): the lease expires, v1.6.0 is refused with 326, the pipeline restarts v1.0.0, v1.6.0 trades
//  10. release v1.7.0 whose agents throw and whose orders the broker rejects once it trades, while every HTTP
//      request succeeds: the watch reads the agents' Application Insights telemetry after the handover, hands
//      trading back to v1.6.0 and rolls back by itself, naming the metric, its value and the threshold
//
// Trading: the demo's app trades live through the trading lease (ALC_TRADING_LEASE, the simulator's storage); after
// every production scenario a check on the broker's order log says who trades now.
import type { Simulator } from '../sim/index.js';
import {
  pullRequestEvent,
  pushEvent,
  randomSha,
  REPOSITORY,
  workflowDispatchEvent,
  type RunnerEvent,
} from '../runner/events.js';
import { flatJobs, type WorkflowRun } from '../runner/workflow.js';
import type { GitHubApiStandIn } from './github-api.js';
import type { Load } from './load.js';
import { errorPicture } from './report.js';
import type { ScenarioTraffic } from './report-html.js';
import type { TrafficRow } from '../src/revisions/traffic-picture.js';
import type { WorkspaceName } from './workspace.js';

export const APP = 'alc-algo-agents';
export const PREVIEW_APP = 'alc-algo-agents-preview';

/** The app a workflow writes and its resource group: the preview app for preview.yml, else production's. */
export function appOfWorkflow(workflow: string): { resourceGroup: string; app: string } {
  return workflow === 'preview.yml'
    ? { resourceGroup: 'alc-algo-preview', app: PREVIEW_APP }
    : { resourceGroup: 'alc-algo-production', app: APP };
}

export interface Check {
  what: string;
  ok: boolean;
  detail?: string;
}

/** A scenario as played: the run and its checks. */
export interface Scenario {
  title: string;
  workflow: string;
  event: string;
  expected: 'success' | 'failure';
  run?: WorkflowRun;
  checks: Check[];
  /** The traffic of the app its workflow writes (appOfWorkflow), before and after its run. */
  traffic?: ScenarioTraffic;
  /** Markdown the report adds under the scenario (the analysis scenarios' picture of errors by revision). */
  extra?: string;
  /** When it began (epoch ms): a marker on the page's chart. */
  startedAt?: number;
  /** When its run ended (epoch ms). */
  endedAt?: number;
  /** The `handover` outputs of its steps (deploy-app's, blue-green's), by step id. */
  handovers?: Array<{ step: string; handover: string }>;
  /** A release's window decision (allowed, override, refused, none), as its audit record states it. */
  window?: string;
}

/** What a scenario's checks look at once its run has ended. */
export interface Stage {
  sim: Simulator;
  github: GitHubApiStandIn;
  load: Load;
  /** The version a host serves now, or `unreachable (why)`. */
  versionOf(host: string): Promise<string>;
  /** The production app's traffic now, as the simulator's control plane holds it. */
  traffic(): Promise<TrafficRow[] | undefined>;
}

export interface ScenarioSpec {
  title: string;
  /** A file of .github/workflows. */
  workflow: string;
  /** The event of the run; `head` is the commit the workspace's default branch is at (what a release tags). */
  event: (head: string) => RunnerEvent;
  expected: 'success' | 'failure';
  workspace: WorkspaceName;
  /** Repository variables of this run over the demo's. */
  vars?: Record<string, string>;
  /** The load on the app URL starts once this run has ended (the first release creates the app). */
  startsLoad?: boolean;
  /** Failed requests on the app URL are expected while it runs (a bad release the analysis catches). */
  failuresExpected?: boolean;
  /**
   * Played beside the scenario of this title (started with it, one after the other): runs of another app, whose
   * waits do not depend on that scenario's.
   */
  alongside?: string;
  /**
   * Something done while the run goes on (a fault at the right moment), started before it with the app's traffic;
   * the function it answers is called once the run has ended, and its checks join the scenario's.
   */
  during?: (stage: Stage, before: TrafficRow[]) => () => Promise<Check[]>;
  /** The checks beyond the result and the reusable workflow; may add `extra` to the scenario. */
  verify(run: WorkflowRun, stage: Stage, scenario: Scenario): Promise<Check[]>;
}

// Jobs by id; a job of a reusable workflow is `<calling job>/<job>` (release/release, preview/deploy).
const job = (run: WorkflowRun, id: string) => flatJobs(run.jobs).find((j) => j.id === id);
const stepOf = (run: WorkflowRun, jobId: string, stepId: string) =>
  job(run, jobId)?.steps.find((s) => s.id === stepId);

/** A step's `handover` output names the revisions from and to (blue-green's promote and rollback). */
function handedOver(
  run: WorkflowRun,
  from: string,
  to: string,
  jobId = 'release/release',
  stepId = 'promote',
): Check {
  const raw = stepOf(run, jobId, stepId)?.outputs.handover ?? '';
  let h: { from?: string; to?: string; 'gap-ms'?: number } = {};
  try {
    h = JSON.parse(raw || '{}') as typeof h;
  } catch {
    // not JSON: the check fails with the raw output as its detail
  }
  return {
    what: `${stepId} handed trading over from ${from} to ${to} (its handover output)`,
    ok: h.from === revisionOf(from) && h.to === revisionOf(to),
    detail: raw || 'no handover output',
  };
}

const appHost = (stage: Stage) => `${APP}.${stage.sim.domain}`;

/** The revision of a release tag: alc-algo-agents--v1-2-3. */
export const revisionOf = (tag: string) => `${APP}--${tag.replace(/\./g, '-')}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Who trades on the broker's live port now: the orders sent from now on (a few, about 5 per second) all come from
 * `tag`'s revision. The runs wait until the designated revision trades, so they come at once.
 */
async function trades(stage: Stage, tag: string): Promise<Check> {
  const revision = revisionOf(tag);
  const since = Date.now();
  let seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const orders = stage.sim.broker.orders({ kind: 'live', since });
    seen = [...new Set(orders.map((o) => o.revision))];
    if (orders.length >= 5) break;
    await sleep(250);
  }
  return {
    what: `${revision} trades on the live port (the broker's order log)`,
    ok: seen.length === 1 && seen[0] === revision,
    detail: seen.length ? `orders from ${seen.join(', ')}` : 'nobody trades',
  };
}

/** `tag`'s revision sent orders on the live port since `since` (it was handed trading). */
function tradedSince(stage: Stage, tag: string, since: number): Check {
  const revision = revisionOf(tag);
  const orders = stage.sim.broker.orders({ kind: 'live', since }).filter((o) => o.revision === revision);
  return {
    what: `${revision} traded on the live port after its last step (the handover before the watch)`,
    ok: orders.length > 0,
    detail: `${orders.length} orders`,
  };
}

/** `tag`'s revision never sent an order on the live port. */
function neverTraded(stage: Stage, tag: string): Check {
  const revision = revisionOf(tag);
  const orders = stage.sim.broker.orders({ kind: 'live' }).filter((o) => o.revision === revision);
  return {
    what: `${revision} never sent an order on the live port`,
    ok: orders.length === 0,
    detail: `${orders.length} orders`,
  };
}
const previewHost = (stage: Stage) => `${PREVIEW_APP}---pr-42.${stage.sim.domain}`;

async function serves(stage: Stage, host: string, version: string): Promise<Check> {
  const seen = await stage.versionOf(host);
  return {
    what: `${host.split('.')[0]} serves ${version}`,
    ok: seen.replace(/^v/, '') === version.replace(/^v/, ''),
    detail: seen,
  };
}

const release = (
  tag: string,
  expected: ScenarioSpec['expected'],
  workspace: WorkspaceName,
  verify: ScenarioSpec['verify'],
  more: Partial<ScenarioSpec> = {},
): ScenarioSpec => ({
  title: `release ${tag}`,
  workflow: 'release.yml',
  // The tag is on a commit of the default branch: the release checks that before anything builds.
  event: (head) => pushEvent(`refs/tags/${tag}`, head),
  expected,
  workspace,
  verify,
  ...more,
});

const preview = (
  title: string,
  action: 'opened' | 'synchronize' | 'closed',
  verify: ScenarioSpec['verify'],
  headRepository?: string,
): ScenarioSpec => ({
  title,
  workflow: 'preview.yml',
  event: () =>
    pullRequestEvent({
      number: headRepository ? 43 : 42,
      action,
      headSha: randomSha(),
      headRepository,
      repository: REPOSITORY,
    }),
  expected: 'success',
  workspace: 'good',
  verify,
  alongside: NEVER_TRADES,
});

/** The release the previews play beside. */
const NEVER_TRADES = 'release v1.5.0';

/**
 * The analysis the releases it must catch run with, from repository variables as release.yml reads them: on the
 * Azure Monitor metrics the simulator computes from what its ingress served, every 3 s.
 */
const ANALYSIS = [
  'interval: 3s',
  'time-grain: PT1S',
  'inconclusive-limit: 2',
  'metrics:',
  '  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}',
  '  - {name: restarts, metric: RestartCount, max: 0}',
  '  - {name: response-time, provider: probe, metric: average, max: 5s}',
].join('\n');

/**
 * The analysis of the agents' release: the container app's 5xx and the agents' Application Insights telemetry (the
 * exceptions they track, the broker's rejections they count) every 3 s; each window is read 2 s after it ends (the
 * sample agent flushes every 2 s). A standby revision trades nothing: zero exceptions, zero rejections.
 */
const AGENTS_ANALYSIS = [
  'interval: 3s',
  'time-grain: PT1S',
  'delay: 2s',
  'inconclusive-limit: 2',
  'app-insights: alc-algo-insights',
  'heartbeat: agent_runs',
  'metrics:',
  '  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}',
  '  - {name: agent-failures, provider: app-insights, metric: exceptions/count, max: 5/hour scaled}',
  '  - name: orders-rejected',
  '    provider: app-insights',
  '    metric: orders_rejected',
  '    namespace: azure.applicationinsights',
  '    relative: 2x stable',
  '    max: 1/minute scaled',
].join('\n');

/**
 * A release whose agents fail while its HTTP answers 200: after the handover the watch catches the agents, hands
 * trading back to `previous` and rolls back. No user request fails.
 */
const agentsCaught = (tag: string, previous: string): ScenarioSpec =>
  release(
    tag,
    'failure',
    'agentsFail',
    async (run, stage, scenario) => {
      const { load, sim } = stage;
      const promote = stepOf(run, 'release/release', 'promote');
      const errors = (promote?.errors ?? []).join(' | ');
      const bad = sim.broker.orders({ kind: 'live' }).filter((o) => o.revision === revisionOf(tag));
      const rejected = bad.filter((o) => o.status === 'Rejected').length;
      const failed = load.failuresOf(scenario.title).length;
      scenario.extra = [
        `### What ${revisionOf(tag)} did while it traded`,
        '',
        `Orders it sent before it lost the lease: **${bad.length}** (${rejected} rejected by the broker), from ${bad[0]?.time ?? '-'} to ${bad.at(-1)?.time ?? '-'}.`,
        `Requests on the app URL during this release: ${load.requestsOf(scenario.title)}, failed: **${failed}**.`,
      ].join('\n');
      return [
        await serves(stage, appHost(stage), previous),
        {
          what: 'the watch caught the agents (exceptions or rejected orders), naming the metric, its value and the threshold',
          ok: /watch failed; rolled back to the previous revision .*analysis failed: (agent-failures|orders-rejected) = [\d.]+ \(threshold .+\) over \S+ during watch/.test(
            errors,
          ),
          detail: errors.slice(0, 400),
        },
        tradedSince(stage, tag, scenario.startedAt ?? Date.now()),
        handedOver(run, tag, previous),
        await trades(stage, previous),
        {
          what: `the broker rejected the orders of ${revisionOf(tag)} (its agents' bad orders)`,
          ok: bad.length > 0 && rejected === bad.length,
          detail: `${rejected} of ${bad.length} rejected`,
        },
        {
          what: 'every HTTP request on the app URL succeeded during this release',
          ok: failed === 0 && load.requestsOf(scenario.title) > 0,
          detail: `${failed} failed of ${load.requestsOf(scenario.title)}`,
        },
      ];
    },
    { vars: { ANALYSIS: AGENTS_ANALYSIS, ANALYSIS_WATCH: '40s' } },
  );

/** A bad release the analysis catches: the promote aborts or the watch rolls back, production back on v1.0.0. */
const caught = (
  tag: string,
  workspace: WorkspaceName,
  watch: string,
  expect: { phase: RegExp; message: RegExp; what: string },
): ScenarioSpec =>
  release(
    tag,
    'failure',
    workspace,
    async (run, stage, scenario) => {
      const { load, sim } = stage;
      const { title } = scenario;
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
      scenario.extra = [
        `### What the ingress served during ${title}`,
        '',
        errorPicture(sim.requests.all(), scenario.startedAt ?? ended, Date.now()),
        '',
        `Failed requests users saw on the app URL during this release: **${saw}** of ${load.requestsOf(title)}; after the ${watch ? 'rollback' : 'abort'}: ${after.length}.`,
      ].join('\n');
      return [
        await serves(stage, appHost(stage), 'v1.0.0'),
        // Caught during the steps, the promote never handed trading over; caught during the watch, after the
        // handover, the rollback handed it back.
        // (The promote's own rollback after a failed watch: its handover output is the last, the one back.)
        ...(watch
          ? [tradedSince(stage, tag, scenario.startedAt ?? ended), handedOver(run, tag, 'v1.0.0')]
          : [neverTraded(stage, tag)]),
        await trades(stage, 'v1.0.0'),
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
    },
    { vars: { ANALYSIS, ANALYSIS_WATCH: watch }, failuresExpected: true },
  );

export const SCENARIOS: ScenarioSpec[] = [
  release(
    'v1.0.0',
    'success',
    'good',
    async (run, stage) => [
      await serves(stage, appHost(stage), 'v1.0.0'),
      {
        what: 'the app was created by this run',
        ok: stepOf(run, 'release/release', 'deploy')?.outputs.created === 'true',
      },
      {
        what: 'the build ran as environment production-build, the deploy as production (their OIDC subjects)',
        ok:
          job(run, 'release/build')?.oidcSubject === `repo:${REPOSITORY}:environment:production-build` &&
          job(run, 'release/release')?.oidcSubject === `repo:${REPOSITORY}:environment:production`,
        detail: `${job(run, 'release/build')?.oidcSubject}, ${job(run, 'release/release')?.oidcSubject}`,
      },
      {
        what: 'the environment production carries the app URL',
        ok: job(run, 'release/release')?.environment?.url === `https://${appHost(stage)}`,
        detail: job(run, 'release/release')?.environment?.url,
      },
      {
        what: 'the first deploy designated its revision (trading-revision)',
        ok: stepOf(run, 'release/release', 'deploy')?.outputs['trading-revision'] === revisionOf('v1.0.0'),
        detail: stepOf(run, 'release/release', 'deploy')?.outputs['trading-revision'],
      },
      await trades(stage, 'v1.0.0'),
    ],
    { startsLoad: true },
  ),
  release('v1.1.0', 'success', 'good', async (run, stage) => [
    await serves(stage, appHost(stage), 'v1.1.0'),
    {
      what: 'deployed into the candidate slot green, then promoted',
      ok: stepOf(run, 'release/release', 'deploy')?.outputs.label === 'green',
      detail: stepOf(run, 'release/release', 'deploy')?.outputs.label,
    },
    handedOver(run, 'v1.0.0', 'v1.1.0'),
    await trades(stage, 'v1.1.0'),
  ]),
  release('v1.2.0', 'failure', 'broken', async (run, stage) => {
    const promote = stepOf(run, 'release/release', 'promote');
    return [
      await serves(stage, appHost(stage), 'v1.1.0'),
      await trades(stage, 'v1.1.0'),
      neverTraded(stage, 'v1.2.0'),
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
  {
    title: 'rollback to v1.0.0',
    workflow: 'rollback.yml',
    event: () =>
      workflowDispatchEvent('refs/heads/main', { to: 'v1.0.0', reason: 'demo: v1.1.0 misprices options' }),
    expected: 'success',
    workspace: 'good',
    verify: async (run, stage) => [
      await serves(stage, appHost(stage), 'v1.0.0'),
      handedOver(run, 'v1.1.0', 'v1.0.0', 'rollback/rollback', 'rollback'),
      await trades(stage, 'v1.0.0'),
    ],
  },
  caught('v1.3.0', 'degradedAtOnce', '', {
    phase: /^step 10%$/,
    message:
      /promote failed and the traffic was restored .*analysis failed: server-errors = \d+ .*during step 10%(25)?/,
    what: 'caught at its first step: the promote aborted, naming the metric, its value and the threshold',
  }),
  caught('v1.4.0', 'degradedLater', '45s', {
    phase: /^watch$/,
    message:
      /watch failed; rolled back to the previous revision .*analysis failed: server-errors = \d+ .*during watch/,
    what: 'caught during the watch after 100%: rolled back to the previous revision by itself',
  }),
  release(
    'v1.5.0',
    'failure',
    'neverTrades',
    async (run, stage) => {
      const promote = stepOf(run, 'release/release', 'promote');
      const errors = (promote?.errors ?? []).join(' | ');
      return [
        await serves(stage, appHost(stage), 'v1.0.0'),
        {
          what: "the promote's handover ran out its bound, handed trading back to v1.0.0 and failed saying what it saw",
          ok: new RegExp(
            `trading handover to ${revisionOf('v1.5.0')} did not complete.*within \\d+ s.*` +
              `designated ${revisionOf('v1.0.0')} again.*restored the traffic.*${revisionOf('v1.0.0')} trades again`,
          ).test(errors),
          detail: errors.slice(0, 400),
        },
        neverTraded(stage, 'v1.5.0'),
        await trades(stage, 'v1.0.0'),
      ];
    },
    // The bound's floor: 25 s plus the demo spec's terminationGracePeriodSeconds (5 s).
    { vars: { HANDOVER_TIMEOUT: '30s' } },
  ),
  preview('preview: PR #42 opened', 'opened', async (run, stage) => {
    const { github } = stage;
    const url = job(run, 'preview/deploy')?.outputs['label-url'] ?? '';
    return [
      await serves(stage, previewHost(stage), job(run, 'preview/build')?.outputs.version ?? 'pr-42-?'),
      {
        what: 'the preview build ran as environment preview-build, the other preview jobs as pull_request, none as production',
        ok: flatJobs(run.jobs)
          .filter((j) => j.oidcSubject)
          .every(
            (j) =>
              j.oidcSubject ===
              `repo:${REPOSITORY}:${j.id === 'preview/build' ? 'environment:preview-build' : 'pull_request'}`,
          ),
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
  }),
  preview('preview: PR #42 pushed again', 'synchronize', async (_run, { github }) => [
    {
      what: 'the same comment was updated, not a second one',
      ok: github.comments.length === 1 && github.comments[0].edits === 1,
    },
  ]),
  preview(
    'preview: PR #43 from a fork',
    'opened',
    async (run) => {
      const ran = flatJobs(run.jobs)
        .filter((j) => j.result !== 'skipped')
        .map((j) => j.id);
      return [
        {
          what: 'only the fork job ran: no Azure access',
          ok: ran.join() === 'preview/fork',
          detail: ran.join(', '),
        },
        {
          what: 'it says why in the job summary',
          ok: /fork/.test(job(run, 'preview/fork')?.steps[0]?.summary ?? ''),
        },
      ];
    },
    'someone/alc-algo',
  ),
  preview('preview: PR #42 closed', 'closed', async (_run, stage) => {
    const { github } = stage;
    const label = await stage.versionOf(previewHost(stage));
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
  }),
  release(
    'v1.6.0',
    'success',
    'good',
    async (run, stage) => {
      const old = revisionOf('v1.0.0');
      const refused = stage.sim.broker
        .sessions({ kind: 'live' })
        .filter((x) => x.revision === revisionOf('v1.6.0') && x.refused === 326);
      const promote = stepOf(run, 'release/release', 'promote');
      return [
        await serves(stage, appHost(stage), 'v1.6.0'),
        {
          what: `the broker refused ${revisionOf('v1.6.0')} with 326 (client id in use) while the hung ${old} kept its session`,
          ok: refused.length > 0,
          detail: `${refused.length} refused sessions`,
        },
        {
          what: `the promote's handover restarted ${old} (326 for 10 s), then handed trading over`,
          ok: new RegExp(`restarting ${old}`).test(promote?.summary ?? '') && promote?.outcome === 'success',
          detail: /[^\n]*restarting [^\n]*/.exec(promote?.summary ?? '')?.[0],
        },
        handedOver(run, 'v1.0.0', 'v1.6.0'),
        await trades(stage, 'v1.6.0'),
      ];
    },
    { during: hangBeforeHandover },
  ),
  agentsCaught('v1.7.0', 'v1.6.0'),
];

/**
 * Hangs the revision that carries production when the run starts (docker pause of its containers: no lease renewal,
 * no release, its broker session kept) once the candidate carries all the traffic: just before the handover.
 */
function hangBeforeHandover(stage: Stage, before: TrafficRow[]): () => Promise<Check[]> {
  const old = before.find((r) => (r.weight ?? 0) === 100)?.revisionName;
  let hungAt: number | undefined;
  let problem: string | undefined;
  let stop = false;
  const watching = (async () => {
    while (!stop && old) {
      const now = await stage.traffic().catch(() => undefined);
      if (now?.some((r) => r.revisionName !== old && r.weight === 100)) {
        try {
          await stage.sim.hangRevision(old);
          hungAt = Date.now();
        } catch (e) {
          problem = (e as Error).message;
        }
        return;
      }
      await sleep(200);
    }
  })();
  return async () => {
    stop = true;
    await watching;
    return [
      {
        what: `${old ?? 'the production revision'} hung once the candidate carried 100%, before the handover`,
        ok: hungAt !== undefined,
        detail: hungAt ? `at ${new Date(hungAt).toISOString()}` : (problem ?? 'never hung'),
      },
    ];
  };
}

/** The releases the metric analysis must catch: failed requests on the app URL are expected only there. */
export const ANALYSIS_SCENARIOS = SCENARIOS.filter((s) => s.failuresExpected).map((s) => s.title);
