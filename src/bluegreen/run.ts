// blue-green's core, as a state machine in two halves:
//
//  - planning (pure, plan.ts): from the app's traffic list and its revisions, each command (promote, rollback,
//    abort, status, teardown) becomes a declarative plan: the traffic before, the target traffic, and the ordered
//    actions that get there (make a revision ready, write a traffic list, pause, gate on smoke checks,
//    deactivate revisions). A plan for a state the model cannot handle, or a bad target, throws before any write.
//  - execution (here): one straight list of named steps over one context, run by one executor (runSteps):
//    read, freeze-check (promote), plan, prepare, one step per action (ready, redeploy, shift, pause, analyse,
//    gate, deactivate), housekeeping. Every traffic write is read back; every failure goes to the one recovery
//    path (recoveryOf in plan.ts, carried out by recover here).
//
// The inputs live in settings.ts (re-exported here with the plans).
//
// State lives only in the app's traffic list: a re-run plans again from what it reads, so a finished command
// plans nothing and a half-finished one plans the rest.
import type { ContainerApp } from '@azure/arm-appcontainers';
import type { MetricsProvider } from '../analysis/azure-monitor.js';
import { analyzePhase, type AnalysisContext } from '../analysis/run.js';
import type { Decision, Measurement, Sample } from '../analysis/verdict.js';
import {
  domainFromFqdn,
  environmentIdOf,
  isActive,
  liveTrafficText,
  sameTraffic,
  trafficOf,
  type Aca,
  type RevisionInfo,
} from '../azure/aca.js';
import {
  planAbort,
  planPromote,
  planRollbackCommand,
  planStatus,
  planTeardown,
  recoveryOf,
  revisionFacts,
  safeSlots,
  trafficSetCommand,
  type Action,
  type Command,
  type Plan,
  type Recovery,
  type RevisionFacts,
} from './plan.js';
import type { BlueGreenSettings } from './settings.js';
import { revisionTemplate } from '../deploy/plan.js';
import {
  deactivateIdle,
  notAnotherPullRequest,
  readyAndServing,
  type Prove,
} from '../revisions/lifecycle.js';
import { activeFreeze, freezeDecision, type FreezeDecision } from './freeze.js';
import { appUrl, labelUrl, revisionUrl, suffixOf } from '../core/naming.js';
import { runSmoke } from '../smoke/run.js';
import { describeTraffic, productionRevision, type TrafficEntry } from '../revisions/traffic.js';
import { runSteps, type Step as StepOf } from '../core/steps.js';
import { systemClock } from '../core/retry.js';

export * from './plan.js';
export * from './settings.js';

export interface BlueGreenResult {
  command: Command;
  app: string;
  before: TrafficEntry[];
  after: TrafficEntry[];
  productionRevision?: string;
  previousRevision?: string;
  appUrl?: string;
  /** One line per action done, and the plan's notes. */
  log: string[];
  freeze?: FreezeDecision;
  deactivated: string[];
  /** Every measurement of the metric analysis (empty or absent without analysis). */
  analysis?: Measurement[];
}

export interface BlueGreenDeps {
  aca: Aca;
  /** Readiness proof of a revision URL (deploy-app's). */
  prove: Prove;
  /** The image of a version in the registry (by digest), or undefined when the registry does not hold it. */
  findVersionImage?: (version: string, productionImage: string | undefined) => Promise<string | undefined>;
  /** Runs smoke checks (the smoke-test core); replaceable in tests. */
  smoke?: typeof runSmoke;
  /** Azure Monitor metrics of the app, per revision (required with the analysis input). */
  monitor?: MetricsProvider;
  log?: (line: string) => void;
  /** Told each step's name as the run enters it (e.g. the action's debug log). */
  trace?: (step: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The metric analysis stopped the promotion; `decision` names the metric, its value and the threshold. */
export class AnalysisFailedError extends Error {
  override name = 'AnalysisFailedError';
  constructor(
    readonly decision: Exclude<Decision, { kind: 'continue' }>,
    readonly watch: boolean,
  ) {
    super(decision.message);
  }
}

/** An error of a run that measured: its measurements, for the `analysis` output of a failed run. */
export function measurementsOf(error: unknown): Measurement[] {
  return ((error as { analysis?: Measurement[] } | undefined)?.analysis ?? []).slice();
}

export class GateFailedError extends Error {
  override name = 'GateFailedError';
}

/** Another run (or a person) changed the traffic while this one was working: it is theirs now. */
export class TrafficChangedError extends Error {
  override name = 'TrafficChangedError';
}

/**
 * Every traffic write is planned from the list this run read or wrote last; when the app's list is no longer
 * that one, writing (or restoring) would silently undo someone else's change: stop, and touch nothing.
 */
async function assertUnchanged(
  aca: Aca,
  s: BlueGreenSettings,
  expected: readonly TrafficEntry[],
): Promise<void> {
  const app = await aca.getApp(s.app);
  const live = app ? trafficOf(app) : [];
  if (sameTraffic(live, expected)) return;
  throw new TrafficChangedError(
    `${s.command} stopped: the traffic of ${s.app} changed while this run was working (another run or a manual change): expected [${describeTraffic(expected)}], found [${describeTraffic(live)}]. Nothing was written over it; check the other run, then run ${s.command} again`,
  );
}

export async function runBlueGreen(s: BlueGreenSettings, deps: BlueGreenDeps): Promise<BlueGreenResult> {
  const rounds: Measurement[][] = [];
  try {
    return await runCommand(s, deps, rounds);
  } catch (error) {
    if (rounds.length && error && typeof error === 'object')
      Object.assign(error, { analysis: rounds.flat() });
    throw error;
  }
}

/** The names of the steps, in the order a run takes them (the plan's actions expand into the middle ones). */
export type StepName =
  | 'read'
  | 'freeze-check'
  | 'plan'
  | 'prepare'
  | 'ready'
  | 'redeploy'
  | 'shift'
  | 'pause'
  | 'analyse'
  | 'gate'
  | 'deactivate'
  | 'housekeeping';

/**
 * One step of a run over the run's one context. Every step is idempotent in the sense that matters: the only
 * state is the app's traffic list, so a run stopped after any step is finished by running the command again
 * (it reads, plans the rest, and does only that).
 */
type Step = StepOf<RunContext, StepName>;

/** What the steps of one run share: the settings, what was read, the plan, and what the run did so far. */
interface RunContext {
  s: BlueGreenSettings;
  deps: BlueGreenDeps;
  aca: Aca;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  note: (line: string) => void;
  lines: string[];
  rounds: Measurement[][];
  /** The revisions, read alongside the app (status needs only the app). */
  listing?: Promise<RevisionInfo[]>;
  app: ContainerApp;
  named: ContainerApp & { name: string };
  before: TrafficEntry[];
  freeze?: FreezeDecision;
  revisions: RevisionInfo[];
  plan?: Plan;
  domain?: string;
  deadline: number;
  /** Whether any traffic write was started. */
  moved: boolean;
  /** Revisions this run activated or created, deactivated again when it fails before traffic moved. */
  prepared: string[];
  /** The traffic as this run last read or wrote it. */
  current: TrafficEntry[];
  deactivated: string[];
  /** The app as this run's last template write left it (its latest revision), else as read at the start. */
  latest: ContainerApp;
  /** The plan's action being carried out (what a failure is about). */
  failing?: Action;
  /** Every action of the plan is done. */
  finished: boolean;
}

/** The one recovery path of a run: what failed decides stop, keep, retire, housekeeping or restore. */
function recoverRun(ctx: RunContext, error: unknown): Promise<unknown> {
  const recovery = recoveryOf({
    plan: ctx.plan!,
    moved: ctx.moved,
    failing: ctx.failing,
    changed: error instanceof TrafficChangedError,
    watchFailed: error instanceof AnalysisFailedError && error.watch,
    finished: ctx.finished,
  });
  return recover(ctx.s, ctx.aca, recovery, { ...ctx, error });
}

/** A run's steps: read; then, unless it is status, the freeze check, the plan, its actions and housekeeping. */
function* stepsOf(ctx: RunContext): Iterable<Step> {
  yield readStep;
  if (ctx.s.command === 'status') return;
  if (ctx.s.command === 'promote') yield freezeStep;
  yield planningStep;
  yield prepareStep;
  for (const action of ctx.plan!.actions) yield actionStep(action);
  ctx.failing = undefined;
  ctx.finished = true;
  yield housekeepingStep;
}

async function runCommand(
  s: BlueGreenSettings,
  deps: BlueGreenDeps,
  rounds: Measurement[][],
): Promise<BlueGreenResult> {
  const say = deps.log ?? (() => undefined);
  const lines: string[] = [];
  const ctx = {
    s,
    deps,
    aca: deps.aca,
    now: deps.now ?? systemClock.now,
    sleep: deps.sleep ?? systemClock.sleep,
    note: (line: string) => {
      lines.push(line);
      say(line);
    },
    lines,
    rounds,
    revisions: [],
    deadline: 0,
    moved: false,
    prepared: [],
    current: [],
    deactivated: [],
    finished: false,
  } as unknown as RunContext;
  await runSteps(ctx, stepsOf(ctx), {
    trace: ctx.deps.trace,
    recover: (error) => recoverRun(ctx, error),
  });
  return resultOf(ctx);
}

function resultOf(ctx: RunContext): BlueGreenResult {
  const { s, app, before } = ctx;
  const after = ctx.current;
  const productionBefore = productionRevision(before, app.latestRevisionName);
  const productionAfter = productionRevision(after, app.latestRevisionName);
  const previous =
    productionBefore !== productionAfter ? productionBefore : safeSlots(after)?.previousRevision;
  return {
    command: s.command,
    app: s.app,
    before,
    after,
    productionRevision: productionAfter,
    previousRevision: previous,
    log: ctx.lines,
    deactivated: [],
    analysis: ctx.rounds.flat(),
    ...(s.command === 'status'
      ? {}
      : {
          freeze: ctx.freeze,
          deactivated: ctx.deactivated,
          appUrl: ctx.domain ? appUrl(s.app, ctx.domain) : undefined,
        }),
  };
}

/**
 * The app and its revisions are read together (status needs only the app); the list's states, creation times and
 * active flags serve the plan, the readiness of a revision already running, and the idle revisions after.
 */
const readStep: Step = {
  name: 'read',
  async run(ctx) {
    const { s, aca } = ctx;
    ctx.listing = s.command === 'status' ? undefined : aca.listRevisions(s.app);
    ctx.listing?.catch(() => undefined); // an app that is not found: the error below, not the list's
    const app = await aca.getApp(s.app);
    if (!app)
      throw new Error(`Container app '${s.app}' was not found in resource group '${s.resourceGroup}'`);
    ctx.app = app;
    ctx.latest = app;
    ctx.named = { ...app, name: s.app } as ContainerApp & { name: string };
    ctx.before = trafficOf(app);
    ctx.current = ctx.before;
  },
};

const freezeStep: Step = {
  name: 'freeze-check',
  async run(ctx) {
    ctx.freeze = freezeDecision(activeFreeze(ctx.s.freeze, new Date(ctx.now())), ctx.s.overrideFreeze);
    if (!ctx.freeze.allowed) throw new Error(ctx.freeze.message);
    if (ctx.freeze.overridden) ctx.note(ctx.freeze.message);
  },
};

const planningStep: Step = {
  name: 'plan',
  async run(ctx) {
    ctx.revisions = await ctx.listing!;
    const facts = { ...revisionFacts(ctx.revisions), latest: ctx.app.latestRevisionName };
    ctx.plan = await planFor(ctx.s, ctx.before, facts, ctx.revisions, ctx.deps);
    ctx.plan.notes.forEach(ctx.note);
    if (ctx.plan.actions.some((a) => a.kind === 'analyze') && !ctx.deps.monitor)
      throw new Error('analysis needs an Azure Monitor metrics provider; none was given');
  },
};

/** The environment's domain (for the URLs of checks and proofs) and the deadline of the readiness waits. */
const prepareStep: Step = {
  name: 'prepare',
  async run(ctx) {
    const { s, aca, app } = ctx;
    const envId = environmentIdOf(app);
    ctx.domain =
      ctx.plan!.actions.length === 0
        ? undefined
        : (domainFromFqdn(s.app, app.configuration?.ingress?.fqdn) ??
          (envId ? (await aca.getEnvironment(envId)).defaultDomain : undefined));
    ctx.deadline = ctx.now() + s.waitTimeoutMs;
  },
};

const ACTION_STEPS: { [K in Action['kind']]: StepName } = {
  ready: 'ready',
  redeploy: 'redeploy',
  traffic: 'shift',
  pause: 'pause',
  analyze: 'analyse',
  gate: 'gate',
  deactivate: 'deactivate',
};

/** A plan's action as a step (every traffic write checked against the list last read or written, and read back). */
function actionStep(action: Action): Step {
  return {
    name: ACTION_STEPS[action.kind],
    async run(ctx) {
      ctx.failing = action;
      await runAction(ctx, action);
    },
  };
}

async function runAction(ctx: RunContext, action: Action): Promise<void> {
  const { s, deps, aca, note } = ctx;
  const domain = ctx.domain!;
  switch (action.kind) {
    case 'ready':
      if (action.activate) {
        ctx.prepared.push(action.revision);
        await aca.activate(s.app, action.revision);
        note(`activated ${action.revision}`);
      }
      await makeReady(s, deps, action, domain, ctx.deadline, note, {
        // A revision this run did not activate or create is as the list showed it: ready there, not polled.
        listed: ctx.prepared.includes(action.revision)
          ? undefined
          : ctx.revisions.find((r) => r.name === action.revision),
        // One this run activated is kept active while it waits (it may have been Deprovisioning).
        activated: action.activate
          ? { from: ctx.revisions.find((r) => r.name === action.revision) }
          : undefined,
      });
      return;
    case 'redeploy':
      note(`redeploying ${action.image} as ${action.revision}`);
      ctx.prepared.push(action.revision);
      ctx.latest = await redeployRevision(aca, ctx.app, s.app, action.revision, action.image);
      return;
    case 'traffic':
      if (s.command === 'promote') assertNoFreeze(s, ctx.now());
      await assertUnchanged(aca, s, ctx.current);
      ctx.moved = true;
      ctx.current = await aca.writeTraffic(ctx.named, action.traffic);
      note(`traffic: ${action.note} [${describeTraffic(ctx.current)}]`);
      return;
    case 'pause':
      note(`watching for ${action.ms / 1000}s`);
      await ctx.sleep(action.ms);
      return;
    case 'analyze': {
      const analysis: AnalysisContext = {
        spec: s.analysis!,
        mode: s.analysisMode,
        monitor: deps.monitor!,
        probe: probeOf(s, deps, labelUrl(s.app, action.label, domain)),
        rounds: ctx.rounds,
        now: ctx.now,
        sleep: ctx.sleep,
        log: note,
      };
      note(
        `analysis ${action.phase}: measuring ${action.candidate} every ${s.analysis!.intervalMs / 1000}s for ${Math.max(action.ms, s.analysis!.intervalMs) / 1000}s${s.analysisMode === 'dry-run' ? ' (dry-run: reports only)' : ''}`,
      );
      const decision = await analyzePhase(analysis, {
        name: action.phase,
        durationMs: action.ms,
        candidate: action.candidate,
        stable: action.stable,
      });
      if (decision.kind !== 'continue') throw new AnalysisFailedError(decision, action.watch);
      return;
    }
    case 'gate':
      await gate(s, deps, [labelUrl(s.app, action.label, domain), appUrl(s.app, domain)], action.note, note);
      return;
    case 'deactivate':
      for (const r of action.revisions) await aca.deactivate(s.app, r);
      ctx.deactivated.push(...action.revisions);
      note(`deactivated ${action.revisions.join(', ')} (${action.note})`);
      return;
  }
}

/**
 * After traffic moved, and on a re-run with nothing left to do (the run before may have stopped after its traffic
 * write, before its housekeeping): revisions with no label and no weight are deactivated.
 */
const housekeepingStep: Step = {
  name: 'housekeeping',
  async run(ctx) {
    const { s, plan, revisions, deactivated, prepared } = ctx;
    if (!(plan!.actions.length === 0 || plan!.actions.some((a) => a.kind === 'traffic'))) return;
    // Active as this run knows them: the list read at the start, less what it deactivated, plus what it
    // activated or created. A revision another run creates meanwhile is not in it, so never deactivated here.
    const active = [
      ...revisions.filter((r) => isActive(r) && !deactivated.includes(r.name)).map((r) => r.name),
      ...prepared.filter((r) => !revisions.some((x) => x.name === r && isActive(x))),
    ];
    const idle = await deactivateIdle(ctx.aca, { ...ctx.latest, name: s.app }, ctx.current, {
      active,
      // Teardown: never another pull request's revisions; one may be mid-deploy, not yet labelled.
      ...(s.command === 'teardown' ? { scope: notAnotherPullRequest(s.app, s.label!) } : {}),
    });
    if (idle.length) ctx.note(`deactivated ${idle.join(', ')} (no label, no traffic)`);
    deactivated.push(...idle);
  },
};

/** Carries out a recovery (recoveryOf) and resolves to the error the run fails with. */
async function recover(
  s: BlueGreenSettings,
  aca: Aca,
  recovery: Recovery,
  c: {
    error: unknown;
    named: ContainerApp & { name: string };
    prepared: readonly string[];
    current: readonly TrafficEntry[];
    note: (line: string) => void;
  },
): Promise<unknown> {
  switch (recovery.kind) {
    case 'stop':
    case 'keep':
      return c.error;
    case 'retire':
      return retirePrepared(aca, s.app, c.prepared, c.error, c.note);
    case 'housekeeping':
      return housekeepingFailed(s, c.current, recovery.revisions, c.error);
    case 'restore': {
      const why = (c.error as Error).message;
      const restore = recovery.to;
      try {
        const back = await aca.writeTraffic(c.named, restore);
        c.note(`${recovery.watch ? 'rolled back' : 'restored'} traffic [${describeTraffic(back)}]`);
      } catch (restoreError) {
        return restoreFailed(s, aca, restore, why, restoreError);
      }
      if (recovery.watch) {
        return new Error(
          `${s.command} reached 100% but the watch failed; rolled back to the previous revision ${productionRevision(restore, c.named.latestRevisionName)} [${describeTraffic(restore)}]: ${why}`,
          { cause: c.error },
        );
      }
      return new Error(
        `${s.command} failed and the traffic was restored to [${describeTraffic(restore)}]: ${why}`,
        { cause: c.error },
      );
    }
  }
}

/** The restore itself failed: the error says what the app serves now and how to put the earlier list back. */
async function restoreFailed(
  s: BlueGreenSettings,
  aca: Aca,
  before: readonly TrafficEntry[],
  why: string,
  restoreError: unknown,
): Promise<Error> {
  const now = await liveTrafficText(aca, s.app);
  return new Error(
    `${s.command} failed: ${why}; restoring the traffic [${describeTraffic(before)}] FAILED too: ${(restoreError as Error).message}. The traffic now in force: ${now}. Put it back by hand: ${trafficSetCommand(s.app, s.resourceGroup, before)}`,
    { cause: restoreError },
  );
}

/**
 * A deactivation after the traffic reached its target failed (the old production after a finished promotion, a
 * torn-down preview's revisions): the traffic stays as written (every gate passed). Writing the earlier list back
 * could send traffic to a revision whose deactivation half happened.
 */
function housekeepingFailed(
  s: BlueGreenSettings,
  current: readonly TrafficEntry[],
  revisions: readonly string[],
  error: unknown,
): Error {
  return new Error(
    `${s.command} finished and the traffic stays [${describeTraffic(current)}], but deactivating ${revisions.join(', ')} failed: ${(error as Error).message}; it carries no traffic; run the ${s.command} again: it retries the deactivation`,
    { cause: error },
  );
}

/**
 * Promote checks the freeze windows again before every traffic write: waiting for the candidate and each
 * step-wait can carry a promotion that started outside a window into one. A refusal here restores the traffic.
 */
function assertNoFreeze(s: BlueGreenSettings, at: number): void {
  const decision = freezeDecision(activeFreeze(s.freeze, new Date(at)), s.overrideFreeze);
  if (!decision.allowed) throw new Error(decision.message);
}

/**
 * A revision from the live template (the app as this run read it) with another image (rollback to a version
 * whose revision is gone). Resolves to the app as the write left it.
 */
async function redeployRevision(
  aca: Aca,
  app: ContainerApp,
  appName: string,
  revision: string,
  image: string,
): Promise<ContainerApp> {
  if (!app.template) throw new Error(`App ${appName} has no template to redeploy ${image} from`);
  const { template } = revisionTemplate(app.template, {
    image,
    suffix: suffixOf(revision),
    envVars: [],
    mode: 'production',
    liveSource: `app ${appName}`,
  });
  return aca.patchTemplate({ ...app, name: appName }, template);
}

/**
 * Latency from the gates' synthetic probe (Azure Monitor documents no per-revision response-time metric for
 * container apps): the checks run against the candidate's label URL at the end of the window, and their average.
 */
function probeOf(s: BlueGreenSettings, deps: BlueGreenDeps, url: string): AnalysisContext['probe'] {
  if (!s.analysis?.metrics.some((m) => m.provider === 'probe')) return undefined;
  const smoke = deps.smoke ?? runSmoke;
  return async (): Promise<Sample> => {
    try {
      const report = await smoke({ ...s.smoke, url: new URL(url) }, {});
      const ms = report.checks.map((c) => c.latencyMs).filter((l): l is number => l !== undefined);
      if (ms.length === 0) return { kind: 'no-data', why: `the probe got no answer from ${url}` };
      return { kind: 'value', value: ms.reduce((a, b) => a + b, 0) / ms.length };
    } catch (e) {
      return { kind: 'error', why: `the probe failed: ${(e as Error).message}` };
    }
  };
}

async function planFor(
  s: BlueGreenSettings,
  traffic: TrafficEntry[],
  facts: RevisionFacts,
  revisions: readonly RevisionInfo[],
  deps: BlueGreenDeps,
): Promise<Plan> {
  switch (s.command) {
    case 'promote':
      return planPromote(traffic, facts, {
        steps: s.steps,
        stepWaitMs: s.stepWaitMs,
        label: s.label,
        keepPreviousActive: s.keepPreviousActive,
        analysis: s.analysis !== undefined,
        watchMs: s.watchMs,
      });
    case 'rollback': {
      let versionImage: string | undefined;
      if (s.to.kind === 'version' && !facts.known.includes(s.to.revision) && deps.findVersionImage) {
        const production = revisions.find((r) => r.name === productionRevision(traffic, facts.latest));
        versionImage = await deps.findVersionImage(
          s.to.version,
          production?.template?.containers?.[0]?.image,
        );
      }
      return planRollbackCommand(traffic, facts, s.to, { label: s.label, versionImage });
    }
    case 'abort':
      return planAbort(traffic, facts);
    case 'teardown':
      return planTeardown(traffic, facts, s.app, s.prNumber!);
    default:
      return planStatus(traffic);
  }
}

/** A failure before any traffic moved: what this run activated or created is deactivated again. */
async function retirePrepared(
  aca: Aca,
  app: string,
  prepared: readonly string[],
  error: unknown,
  note: (line: string) => void,
): Promise<unknown> {
  const retired: string[] = [];
  for (const r of prepared) {
    try {
      await aca.deactivate(app, r);
      retired.push(r);
    } catch (e) {
      note(`could not deactivate ${r}: ${(e as Error).message}`);
    }
  }
  if (retired.length === 0) return error;
  note(`deactivated ${retired.join(', ')} again`);
  return new Error(
    `${(error as Error).message}; no traffic moved, and ${retired.join(', ')} was deactivated again`,
    {
      cause: error,
    },
  );
}

async function makeReady(
  s: BlueGreenSettings,
  deps: BlueGreenDeps,
  { revision, checks }: { revision: string; checks: boolean },
  domain: string,
  deadline: number,
  note: (line: string) => void,
  { listed, activated }: { listed?: RevisionInfo; activated?: { from?: RevisionInfo } },
): Promise<void> {
  const { proof } = await readyAndServing(deps.aca, {
    app: s.app,
    revision,
    domain,
    deadline,
    resolve: s.smoke.resolve,
    caFile: s.smoke.caFile,
    prove: deps.prove,
    now: deps.now,
    listed,
    activated,
  });
  note(proof);
  if (checks && s.checksGiven)
    await gate(s, deps, [revisionUrl(s.app, revision, domain)], `checks on ${revision}`, note);
}

/** Runs the checks against each URL; throws GateFailedError naming every failure. */
async function gate(
  s: BlueGreenSettings,
  deps: BlueGreenDeps,
  urls: string[],
  what: string,
  note: (line: string) => void,
): Promise<void> {
  const smoke = deps.smoke ?? runSmoke;
  for (const url of urls) {
    const report = await smoke({ ...s.smoke, url: new URL(url) }, { log: deps.log });
    if (!report.passed) throw new GateFailedError(`${what} failed on ${url}: ${report.failures.join('; ')}`);
    note(`${what} passed on ${url} (${report.checks.length} check${report.checks.length === 1 ? '' : 's'})`);
  }
}
