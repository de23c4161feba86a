// blue-green's core, as a state machine in two halves:
//
//  - planning (pure, plan.ts): from the app's traffic list and its revisions, each command (promote,
//    rollback, abort, status, teardown) becomes a declarative plan: the traffic before, the target traffic,
//    and the ordered actions that get there (make a revision ready, write a traffic list, pause, gate on
//    smoke checks, deactivate revisions). A plan for a state the model cannot handle, or a bad target,
//    throws before any write.
//  - execution (here): one straight list of named steps over one context (context.ts), run by one
//    executor (runSteps): read, freeze-check (promote), plan, prepare, one step per action (actions.ts:
//    ready, redeploy, shift, pause, analyze, gate, deactivate), housekeeping. Every traffic write is read
//    back; every failure goes to the one recovery path (recoveryOf in plan.ts, carried out by recovery.ts).
//
// State lives only in the app's traffic list: a re-run plans again from what it reads, so a finished command
// plans nothing and a half-finished one plans the rest.
import type { ContainerApp } from '@azure/arm-appcontainers';
import type { Measurement } from '../analysis/verdict.js';
import { appDomain, type RevisionInfo } from '../azure/aca.js';
import { isActive } from '../revisions/state.js';
import { appUrl } from '../core/naming.js';
import { runSteps } from '../core/steps.js';
import { systemClock } from '../core/retry.js';
import { deactivateIdle, notAnotherPullRequest } from '../revisions/lifecycle.js';
import { productionRevision, trafficOf, type TrafficEntry } from '../revisions/traffic.js';
import { actionStep } from './actions.js';
import type { BlueGreenDeps, BlueGreenResult, RunContext, Step } from './context.js';
import { assertPromoteAllowed } from './change-control.js';
import { describeNextWindow } from './calendar.js';
import {
  planAbort,
  planPromote,
  planRollbackCommand,
  planStatus,
  planTeardown,
  revisionFacts,
  safeSlots,
  type Plan,
  type RevisionFacts,
  type TradingFacts,
} from './plan.js';
import { recoverRun } from './recovery.js';
import type { BlueGreenSettings } from './settings.js';
import { checkFleet, readStatus } from './trading.js';
import { digestOf } from '../trading/fleet.js';
import { graceSecondsOf, handoverBound } from '../core/trading-inputs.js';

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

/**
 * A run's steps: read; then, unless it is status, the freeze check, the plan, its actions and housekeeping.
 */
function* stepsOf(ctx: RunContext): Iterable<Step> {
  yield readStep;
  if (ctx.s.command === 'status') {
    if (ctx.store) yield* [tradingStatusStep, fleetStep];
    return;
  }
  if (ctx.s.command === 'promote') yield freezeStep;
  yield planningStep;
  yield prepareStep;
  for (const action of ctx.plan!.actions) yield actionStep(action);
  ctx.failing = undefined;
  ctx.finished = true;
  yield housekeepingStep;
  if (ctx.store) {
    yield tradingStatusStep;
    if (ctx.s.command === 'promote' || ctx.s.command === 'rollback') yield fleetStep;
  }
}

/** The designation and the lease as they are: status reports them, every other run's summary too. */
const tradingStatusStep: Step = {
  name: 'trading-status',
  async run(ctx) {
    await readStatus(ctx);
  },
};

/** After promote and rollback, and in status: every active revision accounted for (a deviation fails). */
const fleetStep: Step = {
  name: 'fleet',
  async run(ctx) {
    await checkFleet(ctx);
  },
};

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
    tradingMoved: false,
    handoverMs: 0,
    graceSeconds: 0,
    trading: {},
    // Teardown acts on a preview app: never on a trading lease.
    store: s.trading.lease.kind === 'managed' && s.command !== 'teardown' ? deps.trading : undefined,
  } as unknown as RunContext;
  if (s.trading.lease.kind === 'managed' && s.command !== 'teardown' && !deps.trading)
    throw new Error('trading-lease is set but no trading store was given');
  try {
    await runSteps(ctx, stepsOf(ctx), { trace: ctx.deps.trace, recover: (error) => recoverRun(ctx, error) });
  } catch (error) {
    // A failed run still reports trading (the designation it left, the lease, what the fleet check found).
    if (ctx.store && error && typeof error === 'object') Object.assign(error, { trading: ctx.trading });
    // And the window decision it took (the audit record's window, an override's own record).
    if (ctx.freeze && error && typeof error === 'object') Object.assign(error, { freeze: ctx.freeze });
    throw error;
  }
  return resultOf(ctx);
}

function resultOf(ctx: RunContext): BlueGreenResult {
  const { s, app, before } = ctx;
  const after = ctx.current;
  const productionBefore = productionRevision(before, app.latestRevisionName);
  const productionAfter = productionRevision(after, app.latestRevisionName);
  const previous =
    productionBefore !== productionAfter ? productionBefore : safeSlots(after)?.previousRevision;
  const digest = productionAfter ? revisionDigest(ctx, productionAfter) : undefined;
  return {
    command: s.command,
    app: s.app,
    before,
    after,
    productionRevision: productionAfter,
    ...(digest ? { productionDigest: digest } : {}),
    previousRevision: previous,
    log: ctx.lines,
    deactivated: [],
    analysis: ctx.rounds.flat(),
    ...(ctx.store ? { trading: ctx.trading } : {}),
    ...(s.stopTheLine ? { stopTheLine: s.stopTheLine } : {}),
    ...(s.command === 'status'
      ? s.calendar || s.freeze.length || s.stopTheLine
        ? { nextWindow: nextWindowOf(s, new Date(ctx.now())) }
        : {}
      : {
          freeze: ctx.freeze,
          deactivated: ctx.deactivated,
          appUrl: ctx.domain ? appUrl(s.app, ctx.domain) : undefined,
        }),
  };
}

/** The digest of a revision's image, from the revisions read (or the app's template, for its latest revision). */
function revisionDigest(ctx: RunContext, revision: string): string | undefined {
  const listed = ctx.revisions.find((r) => r.name === revision)?.template;
  const template = listed ?? (revision === ctx.latest?.latestRevisionName ? ctx.latest?.template : undefined);
  const image = template?.containers?.[0]?.image;
  return image ? digestOf(image) : undefined;
}

/** status: the next window in which promote may run (none while the line is stopped). */
function nextWindowOf(s: BlueGreenSettings, at: Date): string {
  if (s.stopTheLine) return `none while the line is stopped (${s.stopTheLine})`;
  return describeNextWindow(s.freeze, s.calendar, at);
}

/**
 * The app and its revisions are read together (status needs only the app); the list's states, creation times
 * and active flags serve the plan, the readiness of a revision already running, and the idle revisions after.
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
    ctx.freeze = assertPromoteAllowed(ctx.s, new Date(ctx.now()));
    if (ctx.freeze.overridden) ctx.note(ctx.freeze.message);
  },
};

const planningStep: Step = {
  name: 'plan',
  async run(ctx) {
    ctx.revisions = await ctx.listing!;
    const facts = { ...revisionFacts(ctx.revisions), latest: ctx.app.latestRevisionName };
    if (ctx.store) {
      // The bound against the app's grace period, before any write; the designation the plan starts from.
      const t = ctx.s.trading;
      ctx.graceSeconds = graceSecondsOf(ctx.app.template);
      ctx.handoverMs = handoverBound(t.handoverTimeoutMs, t.handoverTimeoutRaw, ctx.graceSeconds);
      ctx.designation = await ctx.store.readDesignation();
      ctx.trading.designation = ctx.designation;
    }
    const trading = ctx.store ? { designated: ctx.designation?.revision } : undefined;
    ctx.plan = await planFor(ctx.s, ctx.before, facts, ctx.revisions, ctx.deps, trading);
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
    ctx.domain = ctx.plan!.actions.length === 0 ? undefined : await appDomain(aca, s.app, app);
    ctx.deadline = ctx.now() + s.waitTimeoutMs;
  },
};

const TRADING_ACTIONS: readonly string[] = ['lease-check', 'designate', 'handover'];

/**
 * After traffic moved, and on a re-run with nothing left to do (the run before may have stopped after its
 * traffic write, before its housekeeping): revisions with no label and no weight are deactivated.
 */
const housekeepingStep: Step = {
  name: 'housekeeping',
  async run(ctx) {
    const { s, plan, revisions, deactivated, prepared } = ctx;
    // Trading's own steps (the lease check, the designation, the handover) move no traffic and retire nothing.
    const actions = plan!.actions.filter((a) => !TRADING_ACTIONS.includes(a.kind));
    if (!(actions.length === 0 || actions.some((a) => a.kind === 'traffic'))) return;
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

async function planFor(
  s: BlueGreenSettings,
  traffic: TrafficEntry[],
  facts: RevisionFacts,
  revisions: readonly RevisionInfo[],
  deps: BlueGreenDeps,
  trading?: TradingFacts,
): Promise<Plan> {
  switch (s.command) {
    case 'promote':
      return planPromote(traffic, facts, {
        stages: s.stages,
        stageWaitMs: s.stageWaitMs,
        label: s.label,
        keepPreviousActive: s.keepPreviousActive,
        analysis: s.analysis !== undefined,
        watchMs: s.watchMs,
        ...(trading ? { trading } : {}),
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
      return planRollbackCommand(traffic, facts, s.to, { label: s.label, versionImage, trading });
    }
    case 'abort':
      return planAbort(traffic, facts, trading);
    case 'teardown':
      return planTeardown(traffic, facts, s.app, s.prNumber!);
    default:
      return planStatus(traffic);
  }
}
