// blue-green's plans (pure): from the app's traffic list and its revisions, each command (promote, rollback,
// abort, status, teardown) becomes a declarative plan: the traffic before, the target traffic, and the
// ordered actions that get there. A plan for a state the model cannot handle, or a bad target, throws before
// any write.
import type { RevisionInfo } from '../azure/aca.js';
import { InputError } from '../core/inputs.js';
import { previewLabel } from '../core/naming.js';
import { isActive } from '../revisions/state.js';
import {
  describeTraffic,
  newerThanProduction,
  planPreviewRemove,
  planPromoteSteps,
  planRollback,
  planRollbackTo,
  planStep,
  sameTraffic,
  slots,
  slotsOf,
  TrafficPlanError,
  type SlotView,
  type TrafficEntry,
} from '../revisions/traffic.js';
import {
  alreadyRolledBack,
  candidateInactive,
  latestSpared,
  nothingToPromote,
  resumingPromotion,
  revisionAllowed,
  versionAllowed,
} from './messages.js';

export type Command = 'promote' | 'rollback' | 'abort' | 'status' | 'teardown';

export type RollbackTarget =
  | { kind: 'previous' }
  | { kind: 'revision'; revision: string }
  | { kind: 'version'; version: string; revision: string };

export type Action =
  /**
   * Activate when inactive, wait Provisioned + Running + Healthy, prove it serves; with `checks`, run the
   * checks on its revision URL too (a rollback target is checked before it gets traffic; a promote checks at
   * each stage).
   */
  | { kind: 'ready'; revision: string; activate: boolean; checks: boolean }
  /** Redeploy an image as a revision (rollback to a version whose revision is gone). */
  | { kind: 'redeploy'; revision: string; image: string }
  | { kind: 'traffic'; traffic: TrafficEntry[]; note: string }
  | { kind: 'pause'; ms: number }
  /**
   * Measure the metric analysis for `ms` (at least one interval): a promote stage's wait (`watch` false: a
   * failure aborts to where the promote started) or the watch after 100% (a failure rolls back to the
   * previous revision).
   */
  | {
      kind: 'analyze';
      phase: string;
      ms: number;
      watch: boolean;
      candidate: string;
      /** The candidate's label: the probe's URL. */
      label: string;
      stable?: string;
      /** The watch: the previous production revision, still active (the agents' relative thresholds). */
      previous?: string;
    }
  /** Run the checks against the candidate's label URL and the app URL. */
  | { kind: 'gate'; label: string; note: string }
  | { kind: 'deactivate'; revisions: string[]; note: string }
  /**
   * Trading lease: the candidate must not hold the lease while the designation names another revision (an agent
   * that does not follow the protocol); checked before any traffic moves.
   */
  | { kind: 'lease-check'; revision: string }
  /** Trading lease: the designation names `to` (written only when that changes the revision). */
  | { kind: 'designate'; to: string }
  /**
   * Trading lease: designate `to` (unless done) and wait until it trades, with the escalations; `from` is the
   * revision designated before (as planned). When it cannot complete within the bound, `fallback` says what the
   * one recovery path does: `back` designates `revision` again and restores `traffic` (a promote), `nobody`
   * designates '' and keeps the traffic (a rollback, an abort).
   */
  | { kind: 'handover'; to: string; from?: string; fallback: HandoverFallback };

export type HandoverFallback =
  { kind: 'back'; revision: string; traffic: TrafficEntry[] } | { kind: 'nobody' };

/** What planning knows of the trading lease (undefined: no managed lease, nothing of it is planned). */
export interface TradingFacts {
  /** The revision the designation names ('' nobody), undefined when there is no designation blob. */
  designated?: string;
}

export interface Plan {
  command: Command;
  before: TrafficEntry[];
  /** The traffic the plan ends with. */
  after: TrafficEntry[];
  actions: Action[];
  /** Restore `before` when an action fails after traffic moved. */
  restore: boolean;
  /**
   * What a restore writes when it is not `before`: a promote resumed from a split (a re-run after a kill)
   * goes back to where the promotion started, the old production at 100%, not to the split it found.
   */
  restoreTo?: TrafficEntry[];
  notes: string[];
}

/** What planning knows about the app's revisions. */
export interface RevisionFacts {
  /** Revision name -> creation time (ISO or Date). */
  created: Record<string, string | Date>;
  /** Names of active revisions (isActive: a revision still Deprovisioning is not). */
  active: string[];
  /** Names of every revision ACA still knows. */
  known: string[];
  /** The app's latest revision (what a `latestRevision` entry routes to). */
  latest?: string;
}

export function revisionFacts(revisions: readonly RevisionInfo[]): RevisionFacts {
  return {
    created: Object.fromEntries(revisions.filter((r) => r.createdTime).map((r) => [r.name, r.createdTime!])),
    active: revisions.filter(isActive).map((r) => r.name),
    known: revisions.map((r) => r.name),
  };
}

const entryOf = (traffic: readonly TrafficEntry[], label: string) => traffic.find((e) => e.label === label);

/** The slot a promote moves traffic to: the given label, else the newer of the two slot revisions. */
function labelToPromote(view: SlotView, label?: string): string {
  if (label) return label;
  if (view.byAge) return view.byAge.newer.label!;
  const s = slots(view.traffic); // a split with no slot at 100 is refused here, with what to do
  if (!s?.previousRevision) {
    throw new TrafficPlanError(nothingToPromote(view.traffic));
  }
  return s.candidateLabel;
}

function withChecks(
  actions: Action[],
  label: string,
  waitMs: number,
  note: string,
  analyze?: Extract<Action, { kind: 'analyze' }>,
): Action[] {
  const wait: Action[] = analyze ? [analyze] : waitMs > 0 ? [{ kind: 'pause' as const, ms: waitMs }] : [];
  return [...actions, ...wait, { kind: 'gate', label, note }];
}

export interface PromoteOptions {
  /** The candidate's weight at each stage, ending at 100 (the `steps` input). */
  stages: readonly number[];
  /** The wait after each stage's traffic write (the `step-wait` input). */
  stageWaitMs: number;
  label?: string;
  keepPreviousActive: boolean;
  /** Metric analysis during every stage's wait (at least one interval per stage). */
  analysis?: boolean;
  /** With analysis: measure this long after 100%, before anything is deactivated. */
  watchMs?: number;
  /** With a managed trading lease: the lease check before traffic moves, the handover before the watch. */
  trading?: TradingFacts;
}

/** Promote: one traffic write per stage ahead of the candidate's weight, each followed by a gate. */
export function planPromote(traffic: readonly TrafficEntry[], facts: RevisionFacts, o: PromoteOptions): Plan {
  const view = slotsOf(traffic, facts.created);
  const label = labelToPromote(view, o.label);
  const candidate = entryOf(traffic, label);
  const old = [view.blue, view.green].find((e) => e && e.label !== label);
  if (candidate?.revisionName && !facts.active.includes(candidate.revisionName)) {
    throw new TrafficPlanError(candidateInactive(candidate.revisionName, label));
  }
  const lists = planPromoteSteps(view.traffic, o.stages, label);
  // The candidate must be ready (its states, and an answer on its revision URL) before it gets any traffic.
  let actions: Action[] =
    lists.length > 0 && candidate?.revisionName
      ? [{ kind: 'ready', revision: candidate.revisionName, activate: false, checks: false }]
      : [];
  for (const list of lists) {
    const weight = entryOf(list, label)?.weight ?? 0;
    actions.push({
      kind: 'traffic',
      traffic: list,
      note: `${label} ${candidate?.revisionName} at ${weight}%`,
    });
    const stable = weight < 100 ? old?.revisionName : undefined;
    const analyze =
      o.analysis && candidate?.revisionName
        ? {
            kind: 'analyze' as const,
            phase: `step ${weight}%`, // the public phase name in the analysis output
            ms: o.stageWaitMs,
            watch: false,
            candidate: candidate.revisionName,
            label,
            ...(stable ? { stable } : {}),
          }
        : undefined;
    actions = withChecks(actions, label, o.stageWaitMs, `checks at ${weight}%`, analyze);
  }
  const after = lists.at(-1) ?? traffic.map((e) => ({ ...e }));
  const oldRevision = old?.revisionName;
  const resumed = lists.length > 0 && (candidate?.weight ?? 0) > 0;
  const restoreTo = resumed && old ? planStep(view.traffic, old.label!, 100) : undefined;
  if (o.trading && candidate?.revisionName) {
    const to = candidate.revisionName;
    // Before any traffic moves: the candidate must not trade undesignated (right after its readiness).
    if (lists.length > 0 && o.trading.designated !== to)
      actions.splice(actions[0]?.kind === 'ready' ? 1 : 0, 0, { kind: 'lease-check', revision: to });
    // Where the promote started: the list before (or where a resumed one started); a re-run that finds the
    // traffic at 100% already goes back to the old slot at 100%.
    const back =
      old?.revisionName && old.revisionName !== to
        ? (restoreTo ?? (lists.length > 0 ? [...traffic] : planStep(view.traffic, old.label!, 100)))
        : undefined;
    actions.push({
      kind: 'handover',
      to,
      ...(o.trading.designated !== undefined ? { from: o.trading.designated } : {}),
      fallback: back ? { kind: 'back', revision: old!.revisionName!, traffic: back } : { kind: 'nobody' },
    });
  }
  if (o.analysis && (o.watchMs ?? 0) > 0 && lists.length > 0 && candidate?.revisionName) {
    actions.push({
      kind: 'analyze',
      phase: 'watch',
      ms: o.watchMs!,
      watch: true,
      candidate: candidate.revisionName,
      label,
      ...(oldRevision && oldRevision !== candidate.revisionName && facts.active.includes(oldRevision)
        ? { previous: oldRevision }
        : {}),
    });
  }
  if (
    !o.keepPreviousActive &&
    oldRevision &&
    oldRevision !== candidate?.revisionName &&
    facts.active.includes(oldRevision)
  ) {
    actions.push({ kind: 'deactivate', revisions: [oldRevision], note: 'keep-previous-active is false' });
  }
  const notes =
    lists.length === 0
      ? [`${label} (${candidate?.revisionName}) already carries 100%: nothing to promote`]
      : [];
  if (restoreTo) notes.push(resumingPromotion(candidate?.weight, restoreTo));
  return { command: 'promote', before: [...traffic], after, actions, restore: true, restoreTo, notes };
}

/** Makes `revision` ready (activating it when inactive) then switches to `list`. */
function readyThenSwitch(
  command: Command,
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  revision: string,
  list: TrafficEntry[],
  note: string,
): Plan {
  if (sameTraffic(list, traffic)) {
    return {
      command,
      before: [...traffic],
      after: list,
      actions: [],
      restore: false,
      notes: [`${revision} already carries production traffic: nothing to do`],
    };
  }
  const actions: Action[] = [
    { kind: 'ready', revision, activate: !facts.active.includes(revision), checks: true },
    { kind: 'traffic', traffic: list, note },
  ];
  return { command, before: [...traffic], after: list, actions, restore: true, notes: [] };
}

/**
 * Rollback to the previous slot, a revision, or a version (redeployed from `image` when its revision is
 * gone).
 */
export function planRollbackCommand(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  to: RollbackTarget,
  o: { label?: string; versionImage?: string; trading?: TradingFacts } = {},
): Plan {
  const plan = planRollbackTraffic(traffic, facts, to, o);
  return o.trading ? withTrading(plan, facts, o.trading) : plan;
}

function planRollbackTraffic(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  to: RollbackTarget,
  o: { label?: string; versionImage?: string },
): Plan {
  const view = slotsOf(traffic, facts.created);
  if (to.kind === 'previous') {
    const other = o.label ? undefined : newerThanProduction(view);
    if (other) {
      return {
        command: 'rollback',
        before: [...traffic],
        after: [...traffic],
        actions: [],
        restore: false,
        notes: [alreadyRolledBack(view.slots!.productionRevision, other.revisionName)],
      };
    }
    const list = planRollback(view.traffic, { label: o.label, created: view.times });
    const target = list.find((e) => (e.weight ?? 0) === 100)?.revisionName;
    if (!target)
      throw new TrafficPlanError(`Rollback found no revision to return to in [${describeTraffic(traffic)}]`);
    return readyThenSwitch('rollback', traffic, facts, target, list, `back to ${target}`);
  }
  const revision = to.revision;
  const list = planRollbackTo(view.traffic, revision);
  if (facts.known.includes(revision))
    return readyThenSwitch('rollback', traffic, facts, revision, list, `to ${revision}`);
  if (to.kind === 'revision') {
    throw new InputError('to', revision, revisionAllowed(facts.known));
  }
  if (!o.versionImage) {
    throw new InputError('to', to.version, versionAllowed(revision, to.version));
  }
  return {
    command: 'rollback',
    before: [...traffic],
    after: list,
    actions: [
      { kind: 'redeploy', revision, image: o.versionImage },
      { kind: 'ready', revision, activate: false, checks: true },
      { kind: 'traffic', traffic: list, note: `to ${revision} (redeployed ${o.versionImage})` },
    ],
    restore: true,
    notes: [],
  };
}

/** The revision a list gives 100% (a rollback's or an abort's target). */
const fullWeight = (list: readonly TrafficEntry[]) =>
  list.find((e) => (e.weight ?? 0) === 100 && e.revisionName)?.revisionName;

/**
 * Trading follows a rollback's (or an abort's) target: once the target is ready and proven, the designation is
 * written to it first, the traffic moves at once, then the handover is waited for (fallback: nobody trades).
 * An abort that finds the designation on its target (a promote stopped during its steps) leaves trading alone;
 * a rollback waits for its target to trade (a re-run of a half-done one goes on without a new epoch). Pure.
 */
export function withTrading(plan: Plan, facts: RevisionFacts, trading: TradingFacts): Plan {
  const target = fullWeight(plan.after);
  if (!target) return plan;
  const unmoved = trading.designated === target;
  if (unmoved && plan.command !== 'rollback') return plan;
  const actions = [...plan.actions];
  const handover: Action = {
    kind: 'handover',
    to: target,
    ...(trading.designated !== undefined ? { from: trading.designated } : {}),
    fallback: { kind: 'nobody' },
  };
  const shift = actions.findIndex((a) => a.kind === 'traffic');
  if (shift >= 0) {
    actions.splice(shift + 1, 0, handover);
    if (!unmoved) actions.splice(shift, 0, { kind: 'designate', to: target });
  } else {
    // The traffic is there already (a re-run, or an earlier rollback without the lease): trading follows it.
    if (!unmoved && !actions.some((a) => a.kind === 'ready' && a.revision === target))
      actions.push({
        kind: 'ready',
        revision: target,
        activate: !facts.active.includes(target),
        checks: false,
      });
    if (!unmoved) actions.push({ kind: 'designate', to: target });
    actions.push(handover);
  }
  const notes = unmoved ? plan.notes : [...plan.notes, `trading: the designation moves to ${target}`];
  return { ...plan, actions, notes };
}

/** The slots, or undefined with no slot label or a split (slotsOf). */
export const safeSlots = (traffic: readonly TrafficEntry[]) => slotsOf(traffic).slots;

/** Abort: the older of the two slot revisions (what the last promote found at 100%) gets 100% again. */
export function planAbort(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  trading?: TradingFacts,
): Plan {
  const plan = planAbortTraffic(traffic, facts);
  return trading ? withTrading(plan, facts, trading) : plan;
}

function planAbortTraffic(traffic: readonly TrafficEntry[], facts: RevisionFacts): Plan {
  const view = slotsOf(traffic, facts.created);
  const ages = view.byAge;
  const nothing = (why: string): Plan => ({
    command: 'abort',
    before: [...traffic],
    after: [...traffic],
    actions: [],
    restore: false,
    notes: [why],
  });
  if (!ages) return nothing('No promotion to abort: the app has no two slot revisions');
  if ((ages.older.weight ?? 0) === 100)
    return nothing(
      `${ages.older.revisionName} (label '${ages.older.label}') already carries 100%: nothing to abort`,
    );
  const list = planStep(view.traffic, ages.older.label!, 100);
  return readyThenSwitch(
    'abort',
    traffic,
    facts,
    ages.older.revisionName!,
    list,
    `back to ${ages.older.revisionName}`,
  );
}

/**
 * Teardown of a preview: label pr-<N> removed, and its revisions (`<app>--pr-<N>-...`) deactivated.
 * Converges.
 */
export function planTeardown(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  app: string,
  prNumber: number,
): Plan {
  const label = previewLabel(prNumber);
  const pointed = entryOf(traffic, label)?.revisionName;
  const list = entryOf(traffic, label)
    ? planPreviewRemove(traffic, prNumber)
    : traffic.map((e) => ({ ...e }));
  const stillUsed = new Set(list.filter((e) => e.label || (e.weight ?? 0) > 0).map((e) => e.revisionName));
  const latestServes = list.some((e) => e.latestRevision && (e.weight ?? 0) > 0);
  const mine = (r: string) => r === pointed || r.startsWith(`${app}--${label}-`);
  const spared = latestServes && facts.latest && mine(facts.latest) ? facts.latest : undefined;
  if (spared) stillUsed.add(spared);
  const ours = facts.active.filter((r) => mine(r) && !stillUsed.has(r));
  const actions: Action[] = [];
  if (!sameTraffic(list, traffic))
    actions.push({ kind: 'traffic', traffic: list, note: `remove label ${label}` });
  if (ours.length > 0) actions.push({ kind: 'deactivate', revisions: ours, note: `revisions of ${label}` });
  const notes = [
    ...(spared ? [latestSpared(spared)] : []),
    ...(actions.length === 0
      ? [`Label ${label} is gone and none of its revisions is active: nothing to do`]
      : []),
  ];
  return { command: 'teardown', before: [...traffic], after: list, actions, restore: false, notes };
}

export function planStatus(traffic: readonly TrafficEntry[]): Plan {
  return {
    command: 'status',
    before: [...traffic],
    after: [...traffic],
    actions: [],
    restore: false,
    notes: [],
  };
}

/**
 * The Azure CLI command that sets `traffic` on an app by hand (labelled entries by label, the rest by
 * revision or `latest`), for an error that leaves the traffic somewhere else. Pure.
 */
export function trafficSetCommand(
  app: string,
  resourceGroup: string,
  traffic: readonly TrafficEntry[],
): string {
  const byLabel = traffic.filter((e) => e.label).map((e) => `${e.label}=${e.weight ?? 0}`);
  const byRevision = traffic
    .filter((e) => !e.label)
    .map((e) => `${e.latestRevision ? 'latest' : e.revisionName}=${e.weight ?? 0}`);
  return [
    `az containerapp ingress traffic set --name ${app} --resource-group ${resourceGroup}`,
    ...(byLabel.length ? [`--label-weight ${byLabel.join(' ')}`] : []),
    ...(byRevision.length ? [`--revision-weight ${byRevision.join(' ')}`] : []),
  ].join(' ');
}

/**
 * What a failed action leaves to do, the one recovery path of every failure:
 *
 *   stop          another writer changed the traffic: touch nothing (a restore would undo their change);
 *   retire        no traffic moved yet: deactivate what this run activated or created;
 *   housekeeping  a deactivation after the traffic reached its target: the traffic stays as written;
 *   keep          traffic moved but the plan restores nothing (teardown), or every action was done and
 *                 only the idle housekeeping after failed: the error as it is;
 *   restore       write `to` back (the list before, or where a resumed promotion started); `watch` when the
 *                 watch after 100% failed (that restore is a rollback to the previous revision); `trading` when
 *                 this run's handover had moved trading: the revision designated first (then the traffic, then
 *                 the wait; failing that, nobody trades);
 *   trading-back  a promote's handover did not complete: designate `revision` again, restore `to`, wait until
 *                 it trades, and fail saying what was seen;
 *   trading-nobody a rollback's (or an abort's) handover did not complete: designate '' (nobody trades), keep
 *                 the traffic on the target, and fail loudly. Pure.
 */
export type Recovery =
  | { kind: 'stop' }
  | { kind: 'retire' }
  | { kind: 'housekeeping'; revisions: string[] }
  | { kind: 'keep' }
  | { kind: 'restore'; to: TrafficEntry[]; watch: boolean; trading?: string }
  | { kind: 'trading-back'; revision: string; to: TrafficEntry[] }
  | { kind: 'trading-nobody' };

export function recoveryOf(f: {
  plan: Plan;
  /** Whether any traffic write was started. */
  moved: boolean;
  failing?: Action;
  /** Another writer changed the traffic under this run. */
  changed: boolean;
  /** The failure is the watch after 100% (an analysis of the watch phase). */
  watchFailed: boolean;
  /**
   * Every action was done: the failure is the idle housekeeping after (the traffic is where the plan put it).
   */
  finished?: boolean;
  /** A handover of this run completed (trading moved to the plan's target). */
  handedOver?: boolean;
}): Recovery {
  if (f.changed) return { kind: 'stop' };
  if (f.finished) return { kind: 'keep' };
  if (f.failing?.kind === 'handover') {
    const back = f.failing.fallback;
    return back.kind === 'back'
      ? { kind: 'trading-back', revision: back.revision, to: back.traffic }
      : { kind: 'trading-nobody' };
  }
  if (!f.moved) return { kind: 'retire' };
  if (f.failing?.kind === 'deactivate') return { kind: 'housekeeping', revisions: f.failing.revisions };
  if (!f.plan.restore) return { kind: 'keep' };
  const to = f.plan.restoreTo ?? f.plan.before;
  const trading = f.handedOver ? fullWeight(to) : undefined;
  return { kind: 'restore', to, watch: f.watchFailed, ...(trading ? { trading } : {}) };
}
