// deploy-app's core: the deploy itself, as one straight list of named steps over one context, run by the one
// executor (runSteps, src/core/steps.ts). Its inputs are read in settings.ts (every one checked before any
// write) and its decisions are pure functions in plan.ts:
//
//   verify        the image is the configured repository's (production: the release's locked digest);
//   read          the app (absent: it is created from the spec, traffic on latestRevision, as ACA does);
//   guard         revisions mode, the live preview guard, the registry rule, and the traffic plan (candidate
//                 slot or label at weight 0) computed BEFORE any write, so a bad state fails clean;
//   prepare       the environment's domain and the write: the app's body (a new app), the live template
//                 with only the image, the suffix and the env-vars changed (a PATCH of the template:
//                 configuration, secrets, registries, probes and scale stay as they are), or the revision
//                 as it is (a re-run);
//   pin           weight carried by latestRevision pinned by name: the new revision gets none before it is
//                 proven;
//   write         the template (or the app, or the activation of the revision);
//   ready         Provisioned + Running + Healthy (wait-timeout), proven with a request to the revision URL;
//   lease-check   production with a managed trading lease: the new revision must not hold the lease while the
//                 designation names another (it is retired like a revision that failed);
//   designate     a first deploy (the app created by this run, or no designation blob yet): both blobs made, the
//                 new revision designated (taking over an existing designation with If-Match) and waited for
//                 until it trades;
//   traffic       the whole traffic list written once (read back);
//   housekeeping  revisions left with no label and no weight deactivated.
//
// One recovery path (recoveryOf in plan.ts): a revision that fails in pin, write or ready is deactivated
// and never gets a label or weight; a failed traffic write says what the app routes now. Every step converges
// when re-run: an existing revision with the same image is reused, a traffic list that already matches is
// not written again.
import type { ContainerApp } from '@azure/arm-appcontainers';
import {
  appDomain,
  EnvironmentNotFound,
  environmentIdOf,
  isResourceGroupMissing,
  type Aca,
  type RevisionInfo,
} from '../azure/aca.js';
import { specEnvironment } from '../core/app-spec.js';
import { describeRevisionState, isActive, revisionReadiness } from '../revisions/state.js';
import { liveTrafficText, updateTraffic } from '../revisions/traffic-write.js';
import { RevisionFailedError } from '../revisions/wait.js';
import { systemClock } from '../core/retry.js';
import {
  assertRegistry,
  createBody,
  latestServing,
  latestWeight,
  pinLatest,
  planDeployTraffic,
  recoveryOf,
  revisionTemplate,
  templateDifferences,
  unpinLatest,
  type DeployStepName,
} from './plan.js';
import type { DeploySettings } from './settings.js';
import type { VerifyImage } from './verify.js';
import { guardLivePreview } from './guards.js';
import { graceSecondsOf, handoverBound, managedUrl } from '../core/trading-inputs.js';
import { DesignationChangedError, handOver, HandoverError } from '../trading/handover.js';
import { DesignationConflictError } from '../trading/errors.js';
import type { Designation, Handover, LeaseView, TradingStore } from '../trading/types.js';
import {
  guardLiveTrading,
  heldUndesignated,
  holdsUndesignated,
  isFirstDeploy,
  refuseLeaseVariable,
} from './trading.js';
import * as m from './messages.js';
import { InputError } from '../core/inputs.js';
import { appUrl, labelUrl, revisionUrl } from '../core/naming.js';
import { runSteps, type Step as StepOf } from '../core/steps.js';
import {
  deactivateIdle,
  notAnotherPullRequest,
  readyAndServing,
  type Prove,
} from '../revisions/lifecycle.js';
import {
  describeTraffic,
  productionRevision,
  sameTraffic,
  trafficOf,
  type TrafficEntry,
} from '../revisions/traffic.js';

export interface DeployResult {
  app: string;
  revision: string;
  label: string;
  labelUrl: string;
  revisionUrl: string;
  appUrl: string;
  productionRevision?: string;
  created: boolean;
  /** The revision existed already with this image (a re-run). */
  reused: boolean;
  image: string;
  trafficBefore: TrafficEntry[];
  trafficAfter: TrafficEntry[];
  deactivated: string[];
  forced: string[];
  /** What the readiness proof saw. */
  proof: string;
  /** What the image verification saw (the configured repository; production: the locked release tag). */
  verified: string;
  /** Production with a managed trading lease: the designation and lease after the run, and the handover made. */
  trading?: DeployTrading;
  /** `trading-lease: unmanaged` on an app that trades live: the summary's warning. */
  tradingWarning?: string;
}

export interface DeployTrading {
  designation?: Designation;
  lease?: LeaseView;
  /** The first deploy's handover (the new revision designated and trading). */
  handover?: Handover;
}

export interface DeployDeps {
  aca: Aca;
  /** Checks the image before anything is read or written in Azure (verify.ts); throws to refuse it. */
  verifyImage: VerifyImage;
  /** Requests the URL until it answers 2xx or the deadline; resolves to what it saw, else rejects. */
  prove: Prove;
  log?: (line: string) => void;
  /** Told each step's name as the run enters it (e.g. the action's debug log). */
  trace?: (step: string) => void;
  now?: () => number;
  /** Pause between traffic write attempts under contention (and the settle before the final check). */
  trafficDelayMs?: number;
  /** The trading lease's blobs (production with a managed `trading-lease`). */
  trading?: TradingStore;
  sleep?: (ms: number) => Promise<void>;
  /** The handover's poll interval (tests). */
  pollMs?: number;
}

/** The write that makes the revision exist (and run); none when it exists and is active. */
type Write =
  | { kind: 'create'; body: ContainerApp; environment: string }
  | { kind: 'template'; next: ReturnType<typeof revisionTemplate> }
  | { kind: 'activate' };

/** What the steps of one deploy share: the settings, what was read and planned, and what the run did. */
interface DeployContext {
  s: DeploySettings;
  deps: DeployDeps;
  aca: Aca;
  log: (line: string) => void;
  now: () => number;
  /** The deadline of the readiness wait and proof, set before anything else. */
  deadline: number;
  /** The step being run (what a failure is about). */
  step?: DeployStepName;
  verified: string;
  /** The app as read, then as the write left it. */
  app?: ContainerApp;
  created: boolean;
  reused: boolean;
  forced: string[];
  domain: string;
  trafficBefore: TrafficEntry[];
  write?: Write;
  /** This run activates an existing revision (from this state): the wait keeps it active. */
  activated?: { from?: RevisionInfo };
  /** Entries this run pinned from latestRevision to a revision by name before its template write. */
  pinned: TrafficEntry[];
  proof: string;
  /** The traffic list the traffic step planned last (what a failed write was writing). */
  planned: TrafficEntry[];
  trafficAfter: TrafficEntry[];
  /** The app after the traffic write. */
  latest?: ContainerApp;
  deactivated: string[];
  /** The trading store when this run manages the lease (production, managed). */
  store?: TradingStore;
  /** The designation as read before any write (prepare), then as the designate step left it. */
  designation?: Designation;
  /** The handover bound (ms) and the grace seconds of the template written. */
  handoverMs: number;
  graceSeconds: number;
  trading?: DeployTrading;
  tradingWarning?: string;
}

type Step = StepOf<DeployContext, DeployStepName>;

export async function runDeploy(s: DeploySettings, deps: DeployDeps): Promise<DeployResult> {
  const now = deps.now ?? systemClock.now;
  const ctx: DeployContext = {
    s,
    deps,
    aca: deps.aca,
    log: deps.log ?? (() => undefined),
    now,
    deadline: now() + s.waitTimeoutMs,
    verified: '',
    created: false,
    reused: false,
    forced: s.forced,
    domain: '',
    trafficBefore: [],
    pinned: [],
    proof: '',
    planned: [],
    trafficAfter: [],
    deactivated: [],
    handoverMs: 0,
    graceSeconds: 0,
    tradingWarning: s.tradingWarning,
    store: s.mode === 'production' && s.trading.lease.kind === 'managed' ? deps.trading : undefined,
  };
  if (ctx.store === undefined && s.mode === 'production' && s.trading.lease.kind === 'managed')
    throw new Error('trading-lease is set but no trading store was given');
  try {
    await runSteps(ctx, stepsOf(ctx), {
      trace: (name) => {
        ctx.step = name as DeployStepName;
        deps.trace?.(name);
      },
      recover: (error) => recover(ctx, error),
    });
  } catch (error) {
    // A failed deploy still reports what it saw of trading (the designation, the lease, the warning).
    const trading = { ...ctx.trading, ...(ctx.tradingWarning ? { warning: ctx.tradingWarning } : {}) };
    if ((ctx.store || ctx.tradingWarning) && error && typeof error === 'object')
      Object.assign(error, { trading });
    throw error;
  }
  return resultOf(ctx);
}

/** The steps: guard only an app that exists, pin only before a template write, write only if needed. */
function* stepsOf(ctx: DeployContext): Iterable<Step> {
  yield verifyStep;
  yield readStep;
  if (ctx.app) yield guardStep;
  yield prepareStep;
  if (ctx.write?.kind === 'template') yield pinStep;
  if (ctx.write) yield writeStep;
  yield readyStep;
  if (ctx.store) yield leaseCheckStep;
  if (ctx.store && isFirstDeploy(ctx.created, ctx.designation)) yield designateStep;
  yield trafficStep;
  yield housekeepingStep;
}

const verifyStep: Step = {
  name: 'verify',
  async run(ctx) {
    const { s } = ctx;
    ctx.verified = await ctx.deps.verifyImage(s.image, s.imageRef, s.expected);
    ctx.log(`image verified: ${ctx.verified}`);
  },
};

const readStep: Step = {
  name: 'read',
  async run(ctx) {
    const { s } = ctx;
    ctx.app = await ctx.aca.getApp(s.app).catch((error: unknown) => {
      if (!isResourceGroupMissing(error)) throw error;
      const allowed = m.resourceGroupMissing(
        s.resourceGroup,
        s.azure.subscriptionId,
        s.specFile,
        s.spec.resourceGroup,
      );
      throw new InputError('resource-group', s.resourceGroup, allowed);
    });
    ctx.created = !ctx.app;
  },
};

/** What an existing app must be before any write; the traffic plan refuses a state it cannot handle. */
const guardStep: Step = {
  name: 'guard',
  async run(ctx) {
    const { s } = ctx;
    const app = ctx.app!;
    const mode = app.configuration?.activeRevisionsMode ?? 'Single';
    if (mode.toLowerCase() !== 'multiple') throw new Error(m.singleRevisionMode(s.app, mode));
    if (s.mode === 'preview' && s.production) guardLivePreview(app, s.app, s.production, s.rules);
    if (s.mode === 'preview') refuseLeaseVariable(app.template, `app ${s.app} (live)`, []);
    assertRegistry(s.image, app);
    ctx.trafficBefore = trafficOf(app);
    planDeployTraffic(ctx.trafficBefore, s);
    if (!environmentIdOf(app)) throw new Error(`App ${s.app} names no managed environment`);
  },
};

/** The environment's domain (for the URLs) and the write: a new app, a new revision, or the existing one. */
const prepareStep: Step = {
  name: 'prepare',
  async run(ctx) {
    const { s, aca, app } = ctx;
    const leaseUrl = managedUrl(s.trading.lease);
    if (ctx.store) ctx.designation = await ctx.store.readDesignation();
    if (!app) {
      const env = await aca.getEnvironment(s.environment).catch((error: unknown) => {
        if (!(error instanceof EnvironmentNotFound)) throw error;
        const spec = specEnvironment(s.spec);
        throw new Error(
          m.environmentMissing(error.environment, error.resourceGroup, s.specFile, spec.id || spec.name),
          { cause: error },
        );
      });
      ctx.domain = env.defaultDomain;
      ctx.write = {
        kind: 'create',
        body: createBody(s, env.id, env.location, leaseUrl),
        environment: env.name,
      };
      tradingBounds(ctx, ctx.write.body.template);
      return;
    }
    ctx.domain = (await appDomain(aca, s.app, app)) as string;
    const revision = await aca.getRevision(s.app, s.revision);
    const base = app.template ?? revision?.template;
    if (!base) throw new Error(`App ${s.app} has no template to build the new revision from`);
    const next = revisionTemplate(base, {
      image: s.image,
      suffix: s.suffix,
      envVars: s.envVars,
      mode: s.mode,
      liveSource: `app ${s.app}`,
      leaseUrl,
      rules: s.rules,
    });
    if (s.mode === 'preview') ctx.forced = next.forced;
    else {
      // The live template decides, not the spec: it may trade live where the spec does not.
      ctx.tradingWarning =
        guardLiveTrading(s.trading.lease, next.template, `app ${s.app}`, ['template'], s.rules) ??
        ctx.tradingWarning;
      tradingBounds(ctx, next.template);
    }
    if (!revision) {
      ctx.write = { kind: 'template', next };
      return;
    }
    // A revision cannot change: converge on it only when it runs exactly what this run would write.
    const differences = templateDifferences(revision.template, next.template);
    if (differences.length > 0)
      throw new InputError('revision-suffix', s.suffix, m.suffixTaken(s.revision, differences));
    ctx.reused = true;
    // A write of the same template creates nothing (ARM keeps the revision as it is), so a revision that
    // failed is provisioned again by activating it; if it fails again, the run fails with its state.
    // Not active includes a revision ACA is still taking down (active: true, Deprovisioning): it is
    // activated, and activated again should it go on to Stopped while this run waits.
    const active = isActive(revision);
    const failed = active && revisionReadiness(revision) === 'failed';
    ctx.log(m.convergingOn(s.revision, describeRevisionState(revision), { active, failed }));
    if (!active || failed) {
      ctx.activated = { from: revision };
      ctx.write = { kind: 'activate' };
    }
  },
};

/**
 * Before a template write: weight carried by latestRevision is pinned to the revision it really serves now
 * (latestServing: latestRevisionName, never a Failed revision, never ""), by name, so the new revision gets
 * none until it is proven. Nothing serving it (no such name, or only Failed revisions): nothing to protect.
 */
const pinStep: Step = {
  name: 'pin',
  async run(ctx) {
    const { s, aca, deps } = ctx;
    const app = await aca.getApp(s.app);
    if (!app || latestWeight(trafficOf(app)) === 0) return;
    const states: Record<string, RevisionInfo | undefined> = {};
    for (const name of new Set([app.latestRevisionName, app.latestReadyRevisionName])) {
      if (name?.trim()) states[name] = await aca.getRevision(s.app, name);
    }
    const target = latestServing(app, states);
    if (!target) {
      ctx.log(m.nothingToPin(app.latestRevisionName ?? '', app.latestReadyRevisionName ?? ''));
      return;
    }
    const update = await updateTraffic(
      aca,
      s.app,
      (live, now) => {
        const pin = latestServing(now, states);
        return pin ? pinLatest(live, pin, s.mode) : live.map((e) => ({ ...e }));
      },
      { log: deps.log, delayMs: deps.trafficDelayMs },
    );
    ctx.log(`latestRevision weight pinned before the new revision: [${describeTraffic(update.after)}]`);
    ctx.pinned = update.after.filter((e) => e.revisionName === target && (e.weight ?? 0) > 0);
  },
};

const writeStep: Step = {
  name: 'write',
  async run(ctx) {
    const { s, aca } = ctx;
    const write = ctx.write!;
    if (write.kind === 'create') {
      ctx.log(`creating app ${s.app} in ${write.environment} with revision ${s.revision}`);
      ctx.app = (await aca.putApp(s.app, write.body)) ?? ctx.app;
    } else if (write.kind === 'template') {
      ctx.app = (await aca.patchTemplate({ ...ctx.app!, name: s.app }, write.next.template)) ?? ctx.app;
    } else {
      await aca.activate(s.app, s.revision);
    }
  },
};

const readyStep: Step = {
  name: 'ready',
  async run(ctx) {
    const { s, deps } = ctx;
    ({ proof: ctx.proof } = await readyAndServing(ctx.aca, {
      app: s.app,
      revision: s.revision,
      domain: ctx.domain,
      deadline: ctx.deadline,
      resolve: s.resolve,
      caFile: s.caFile,
      prove: deps.prove,
      now: ctx.now,
      activated: ctx.activated,
    }));
    ctx.log(`${s.revision} serves: ${ctx.proof}`);
  },
};

/** The handover bound, checked against the grace period of the template this run writes (before any write). */
function tradingBounds(ctx: DeployContext, template: ContainerApp['template']): void {
  if (!ctx.store) return;
  ctx.graceSeconds = graceSecondsOf(template);
  const t = ctx.s.trading;
  ctx.handoverMs = handoverBound(t.handoverTimeoutMs, t.handoverTimeoutRaw, ctx.graceSeconds);
}

/** The new revision, ready, must not hold the trading lease unless the designation names it. */
const leaseCheckStep: Step = {
  name: 'lease-check',
  async run(ctx) {
    const store = ctx.store!;
    const [designation, lease] = await Promise.all([store.readDesignation(), store.readLease()]);
    ctx.designation = designation;
    ctx.trading = { designation, lease };
    if (holdsUndesignated(ctx.s.revision, lease, designation))
      throw new Error(heldUndesignated(ctx.s.revision, lease, designation));
  },
};

/**
 * A first deploy: both blobs made if missing, the new revision designated (an existing designation taken over
 * with If-Match unless it names the revision already) and waited for until it trades.
 */
const designateStep: Step = {
  name: 'designate',
  async run(ctx) {
    const { s, aca } = ctx;
    const store = ctx.store!;
    // handOver creates the lease blob with the designation; an existing designation may lack its lease blob.
    if (ctx.designation) await store.ensureLeaseBlob();
    ctx.log(`trading: designating ${s.revision} (first deploy) and waiting until it trades`);
    const seen = ctx.designation;
    const { handover, designation } = await handOver(
      {
        store,
        restart: (revision, withinMs) => aca.restartRevision(s.app, revision, withinMs),
        now: ctx.now,
        sleep: ctx.deps.sleep ?? systemClock.sleep,
        note: (line) => ctx.log(`trading: ${line}`),
        ...(ctx.deps.pollMs !== undefined ? { pollMs: ctx.deps.pollMs } : {}),
      },
      {
        to: s.revision,
        boundMs: ctx.handoverMs,
        graceSeconds: ctx.graceSeconds,
        // The designation the lease check read: another writer's since then is never written over.
        ...(seen ? { expected: { revision: seen.revision, epoch: seen.epoch } } : {}),
      },
    ).catch(async (error: unknown) => {
      // A handover that did not complete (or met another writer, also at its designation write) still reports what
      // it wrote and saw.
      if (
        error instanceof HandoverError ||
        error instanceof DesignationChangedError ||
        error instanceof DesignationConflictError
      ) {
        const designation = error instanceof HandoverError ? error.designation : error.found;
        const lease = error instanceof HandoverError ? error.seen : ctx.trading?.lease;
        const handover = error instanceof DesignationConflictError ? undefined : error.handover;
        ctx.trading = {
          ...(designation ? { designation } : {}),
          ...(lease ? { lease } : {}),
          ...(handover ? { handover } : {}),
        };
      }
      throw error;
    });
    ctx.designation = designation;
    ctx.trading = { designation, lease: await store.readLease(), handover };
  },
};

const trafficStep: Step = {
  name: 'traffic',
  async run(ctx) {
    const { s } = ctx;
    const update = await updateTraffic(
      ctx.aca,
      s.app,
      (live) => {
        const from = s.mode === 'preview' ? unpinLatest(live, ctx.pinned) : live;
        ctx.planned = planDeployTraffic(from, s);
        return s.mode === 'preview' && sameTraffic(ctx.planned, from) ? live : ctx.planned;
      },
      { log: ctx.log, delayMs: ctx.deps.trafficDelayMs },
    );
    if (ctx.created) ctx.trafficBefore = update.before;
    ctx.trafficAfter = update.after;
  },
};

const housekeepingStep: Step = {
  name: 'housekeeping',
  async run(ctx) {
    const { s } = ctx;
    ctx.latest = await ctx.aca.getApp(s.app);
    const app = { ...(ctx.latest ?? ctx.app!), name: s.app };
    ctx.deactivated = await deactivateIdle(ctx.aca, app, ctx.trafficAfter, {
      keep: [s.revision],
      // Previews: only this pull request's revisions. Another pull request's deploy may be waiting for its
      // new revision to turn healthy before labelling it; it is not idle, and not this run's to deactivate.
      ...(s.mode === 'preview' ? { scope: notAnotherPullRequest(s.app, s.label!) } : {}),
    });
  },
};

function resultOf(ctx: DeployContext): DeployResult {
  const { s, domain, trafficAfter } = ctx;
  const label =
    trafficAfter.find((e) => e.revisionName === s.revision && e.label)?.label ?? s.label ?? 'blue';
  return {
    app: s.app,
    revision: s.revision,
    label,
    labelUrl: labelUrl(s.app, label, domain),
    revisionUrl: revisionUrl(s.app, s.revision, domain),
    appUrl: appUrl(s.app, domain),
    productionRevision: productionRevision(trafficAfter, ctx.latest?.latestRevisionName),
    created: ctx.created,
    reused: ctx.reused,
    image: s.image,
    trafficBefore: ctx.trafficBefore,
    trafficAfter,
    deactivated: ctx.deactivated,
    forced: ctx.forced,
    proof: ctx.proof,
    verified: ctx.verified,
    ...(ctx.trading ? { trading: ctx.trading } : {}),
    ...(ctx.tradingWarning ? { tradingWarning: ctx.tradingWarning } : {}),
  };
}

/** The one recovery path: what failed decides whether the revision is retired or the traffic reported. */
async function recover(ctx: DeployContext, error: unknown): Promise<unknown> {
  switch (recoveryOf(ctx.step)) {
    case 'retire-revision':
      return failedRevision(ctx, error);
    case 'report-traffic':
      return trafficWriteFailed(ctx, error);
    case 'none':
      return error;
  }
}

/** Deactivates a revision that failed, so it holds no replicas; a failure to do so is logged, not thrown. */
async function retire(ctx: DeployContext, revision: string): Promise<void> {
  try {
    await ctx.aca.deactivate(ctx.s.app, revision);
  } catch (error) {
    ctx.log(`could not deactivate ${revision}: ${(error as Error).message}`);
  }
}

/**
 * After a revision failed (its write, its states, or its URL): deactivate it unless it carries weight, and
 * build the error with its provisioning error and states.
 */
async function failedRevision(ctx: DeployContext, error: unknown): Promise<Error> {
  const { s, aca } = ctx;
  const app = await aca.getApp(s.app).catch(() => undefined);
  const state = await aca.getRevision(s.app, s.revision).catch(() => undefined);
  const carries = trafficOf(app ?? ({} as ContainerApp)).some(
    (e) => e.revisionName === s.revision && (e.weight ?? 0) > 0,
  );
  if (state && isActive(state) && !carries) await retire(ctx, s.revision);
  const message = m.revisionFailed(s.revision, {
    readiness: error instanceof RevisionFailedError ? error.message : undefined,
    state: state ? describeRevisionState(state) : undefined,
    message: (error as Error).message,
    carries,
  });
  return new Error(message, { cause: error });
}

/** The revision serves, but the traffic write that labels it failed: what the app routes now, what to do. */
async function trafficWriteFailed(ctx: DeployContext, error: unknown): Promise<Error> {
  const { s } = ctx;
  const now = await liveTrafficText(ctx.aca, s.app);
  const message = m.trafficWriteFailed(
    s.revision,
    describeTraffic(ctx.planned),
    (error as Error).message,
    now,
  );
  return new Error(message, { cause: error });
}
