// Traffic planning: pure functions from an app's traffic list (configuration.ingress.traffic) to the next list.
//
// Blue-green model: two labels, `blue` and `green`. The production label is the one whose weight is 100; the
// other is the candidate slot. State is read from the list only. Every plan keeps unrelated entries exactly (and
// in order), is validated (integer weights summing to 100, unique labels) and never mutates its input.
//
// Preview app: one label `pr-<N>` per pull request. The app's 100% rides on one preview entry (the first
// preview deployed into an app with no weight on a named revision carries it); when that entry's label is
// removed the weight moves to the newest remaining labelled entry (the last in the list, since re-pointing a
// label keeps its place), or to `latestRevision: true` when no labelled entry remains. Every other preview
// label sits at weight 0, so closing a PR frees its revision for deactivation.

import type { ContainerApp, TrafficWeight } from '@azure/arm-appcontainers';
import { InputError } from '../core/inputs.js';
import { labelProblem, previewLabel, validateLabel } from '../core/naming.js';
import {
  alreadyProductionMessage,
  deployIntoProductionMessage,
  newerThanProductionMessage,
  noProductionSlotMessage,
  noSecondSlotMessage,
  notUnderBlueGreenMessage,
  sameRevisionMessage,
  weightOutsideSlotsMessage,
} from './messages.js';

export type TrafficEntry = TrafficWeight;
export type Traffic = readonly TrafficEntry[];

export const SLOT_LABELS = ['blue', 'green'] as const;
export type SlotLabel = (typeof SLOT_LABELS)[number];

/** A traffic state the blue-green model cannot handle, or a plan that would break it. */
export class TrafficPlanError extends Error {
  override name = 'TrafficPlanError';
}

export interface Slots {
  /** The label at weight 100. */
  productionLabel: SlotLabel;
  productionRevision: string;
  /** The other label: where the next release deploys. */
  candidateLabel: SlotLabel;
  /**
   * The revision the candidate label points at: the previous production after a promote (what `rollback`
   * returns to), or the release awaiting promotion after a deploy. Undefined when only one label exists.
   */
  previousRevision?: string;
}

export function isSlotLabel(label: string | undefined): label is SlotLabel {
  return label === 'blue' || label === 'green';
}

/**
 * The `label` input where only a slot label is allowed (`when`: `in mode production`, `for promote`): a valid
 * traffic label for `app`, and blue or green. Pure.
 */
export function validateSlotLabel(input: string, raw: string, app: string, when: string): SlotLabel {
  const label = validateLabel(input, raw, app);
  if (!isSlotLabel(label)) throw new InputError(input, raw, `allowed ${when}: blue or green`);
  return label;
}

export function otherSlot(label: SlotLabel): SlotLabel {
  return label === 'blue' ? 'green' : 'blue';
}

const weightOf = (e: TrafficEntry): number => e.weight ?? 0;
const copy = (traffic: Traffic): TrafficEntry[] => traffic.map((e) => ({ ...e }));
const find = (traffic: Traffic, label: string): TrafficEntry | undefined =>
  traffic.find((e) => e.label === label);

/** `blue=app--v1@100, green=app--v2@0, latest@0` */
export function describeTraffic(traffic: Traffic): string {
  if (traffic.length === 0) return '(empty)';
  return traffic
    .map(
      (e) =>
        `${e.label ? `${e.label}=` : ''}${e.latestRevision ? 'latest' : e.revisionName}@${e.weight ?? 0}`,
    )
    .join(', ');
}

/**
 * Only the fields the traffic model uses (ACA adds none, but a read-back may carry nulls): what the client reads
 * and writes and what blue-green's `traffic` output prints. Pure.
 */
export function normalizeTraffic(traffic: Traffic | undefined): TrafficEntry[] {
  return (traffic ?? []).map((e) => ({
    ...(e.revisionName ? { revisionName: e.revisionName } : {}),
    ...(e.latestRevision ? { latestRevision: true } : {}),
    ...(e.label ? { label: e.label } : {}),
    weight: e.weight ?? 0,
  }));
}

/** The app's traffic list (configuration.ingress.traffic), normalized. Pure. */
export function trafficOf(app: ContainerApp): TrafficEntry[] {
  return normalizeTraffic(app.configuration?.ingress?.traffic);
}

function entryKey(e: TrafficEntry): string {
  return `${e.latestRevision ? '(latest)' : (e.revisionName ?? '')}|${e.label ?? ''}|${e.weight ?? 0}`;
}

/** The same entries (revision or latest, label, weight), in any order. Pure. */
export function sameTraffic(a: Traffic, b: Traffic): boolean {
  const ka = a.map(entryKey).sort();
  const kb = b.map(entryKey).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** Throws TrafficPlanError unless `traffic` is a list ACA accepts. Returns it for chaining. */
export function assertValidTraffic<T extends Traffic>(traffic: T): T {
  const fail = (why: string): never => {
    throw new TrafficPlanError(`Invalid traffic list [${describeTraffic(traffic)}]: ${why}`);
  };
  if (traffic.length === 0) fail('it is empty; the weights must sum to 100');
  const labels = new Set<string>();
  for (const e of traffic) {
    const named = typeof e.revisionName === 'string' && e.revisionName !== '';
    if (named === (e.latestRevision === true))
      fail('each entry names a revision or sets latestRevision, not both');
    if (!Number.isInteger(e.weight) || weightOf(e) < 0 || weightOf(e) > 100) {
      fail(`weight ${e.weight} is not a whole number from 0 to 100`);
    }
    if (e.label !== undefined) {
      const problem = labelProblem(e.label);
      if (problem) fail(`label '${e.label}' must be ${problem}`);
      if (labels.has(e.label)) fail(`label '${e.label}' appears twice`);
      labels.add(e.label);
    }
  }
  const sum = traffic.reduce((n, e) => n + weightOf(e), 0);
  if (sum !== 100) fail(`the weights sum to ${sum}, not 100`);
  return traffic;
}

/** Production and candidate slots, or undefined when no blue/green label exists yet (first deploy). */
export function slots(traffic: Traffic): Slots | undefined {
  const labelled = SLOT_LABELS.map((l) => find(traffic, l)).filter((e) => e !== undefined);
  if (labelled.length === 0) return undefined;
  const production = labelled.find((e) => weightOf(e) === 100);
  if (!production) {
    throw new TrafficPlanError(noProductionSlotMessage(describeTraffic(traffic)));
  }
  const productionLabel = production.label as SlotLabel;
  const candidateLabel = otherSlot(productionLabel);
  return {
    productionLabel,
    productionRevision: namedRevision(production),
    candidateLabel,
    previousRevision: find(traffic, candidateLabel)?.revisionName,
  };
}

/**
 * The production revision, the one rule behind both actions' `production-revision` output: the revision serving
 * the most of the app URL's weight (the first in the list on a tie). A `latestRevision: true` entry's weight
 * belongs to the app's `latestRevisionName`; without that name it counts for no revision. With a blue/green
 * label at 100 this is that label's revision. Undefined when no revision carries weight (empty traffic, all 0).
 */
export function productionRevision(traffic: Traffic, latestRevisionName?: string): string | undefined {
  const weights = new Map<string, number>();
  for (const e of traffic) {
    const name = e.latestRevision ? latestRevisionName : e.revisionName;
    if (name) weights.set(name, (weights.get(name) ?? 0) + weightOf(e));
  }
  let best: string | undefined;
  let most = 0;
  for (const [name, weight] of weights) {
    if (weight > most) [best, most] = [name, weight];
  }
  return best;
}

/** Revision name -> creation time (ISO or Date), from the revisions list. */
export type CreatedTimes = Readonly<Record<string, string | Date>>;

/** When the entry's revision was created, in ms; undefined when unknown. */
function createdAt(created: CreatedTimes | undefined, e: TrafficEntry | undefined): number | undefined {
  const t = e?.revisionName === undefined ? undefined : created?.[e.revisionName];
  return t === undefined ? undefined : new Date(t).getTime();
}

/**
 * The blue-green view of a traffic list, computed once: what the plans read (the two slot entries, the slots
 * when one carries 100, the slots by age) and what the operations below take. Pure; never throws.
 */
export interface SlotView {
  readonly traffic: Traffic;
  /** The revisions' creation times the view was made with. */
  readonly times: CreatedTimes;
  readonly blue?: TrafficEntry;
  readonly green?: TrafficEntry;
  /** When each slot's revision was created, in ms (absent when unknown). */
  readonly created: { readonly [L in SlotLabel]?: number };
  /** Production and candidate; undefined with no slot label, or when no slot carries 100 (split). */
  readonly slots?: Slots;
  /** Both slot entries, on different revisions with known creation times, newer first. */
  readonly byAge?: { newer: TrafficEntry; older: TrafficEntry };
}

export function slotsOf(traffic: Traffic, times: CreatedTimes = {}): SlotView {
  const [blue, green] = SLOT_LABELS.map((l) => find(traffic, l));
  let known: Slots | undefined;
  try {
    known = slots(traffic);
  } catch {
    known = undefined;
  }
  const [tb, tg] = [createdAt(times, blue), createdAt(times, green)];
  const byAge =
    !blue || !green || blue.revisionName === green.revisionName || tb === undefined || tg === undefined
      ? undefined
      : tb >= tg
        ? { newer: blue, older: green }
        : { newer: green, older: blue };
  const created = { ...(tb === undefined ? {} : { blue: tb }), ...(tg === undefined ? {} : { green: tg }) };
  return { traffic, times, blue, green, created, slots: known, byAge };
}

/**
 * The "already rolled back" rule: production (the slot at 100) is older than the other slot's revision, which is
 * then an unpromoted candidate or the release a rollback already left. Returns that newer slot's entry. Pure.
 */
export function newerThanProduction(view: SlotView): TrafficEntry | undefined {
  const s = view.slots;
  if (!s) return undefined;
  const [production, candidate] = [view.created[s.productionLabel], view.created[s.candidateLabel]];
  return production !== undefined && candidate !== undefined && candidate > production
    ? view[s.candidateLabel]
    : undefined;
}

function namedRevision(e: TrafficEntry): string {
  if (!e.revisionName) {
    throw new TrafficPlanError(`Label '${e.label}' must point at a named revision, not at latestRevision`);
  }
  return e.revisionName;
}

function requireSlots(traffic: Traffic): Slots {
  const s = slots(traffic);
  if (!s)
    throw new TrafficPlanError(
      `No blue or green label in [${describeTraffic(traffic)}]: nothing is deployed yet`,
    );
  return s;
}

function requireSlotLabel(label: string): SlotLabel {
  if (!isSlotLabel(label))
    throw new TrafficPlanError(`Label '${label}' is not a blue-green slot (blue or green)`);
  return label;
}

/** A copy where `label` points at `revisionName` with `weight`, in place when the label exists, else appended. */
function pointLabel(traffic: Traffic, label: string, revisionName: string, weight: number): TrafficEntry[] {
  const entry = { revisionName, label, weight };
  const at = traffic.findIndex((e) => e.label === label);
  return at < 0 ? [...copy(traffic), entry] : traffic.map((e, i) => (i === at ? entry : { ...e }));
}

/**
 * Deploy `revisionName` into the candidate slot (or `label`) at weight 0, keeping every other entry. The first
 * deploy (no blue/green label, no named revision carrying weight) gives the new revision `label ?? 'blue'` at 100.
 */
export function planDeploy(traffic: Traffic, revisionName: string, label?: string): TrafficEntry[] {
  if (label !== undefined) requireSlotLabel(label);
  const s = slots(traffic);
  if (!s) {
    const carriers = traffic.filter((e) => weightOf(e) > 0 && !e.latestRevision);
    if (carriers.length > 0) {
      throw new TrafficPlanError(notUnderBlueGreenMessage(describeTraffic(carriers)));
    }
    const kept = traffic.filter((e) => !(e.latestRevision && weightOf(e) > 0));
    return assertValidTraffic([...copy(kept), { revisionName, label: label ?? 'blue', weight: 100 }]);
  }
  const target = label ?? s.candidateLabel;
  if (target === s.productionLabel) {
    throw new TrafficPlanError(deployIntoProductionMessage(target, s.productionRevision, s.candidateLabel));
  }
  if (revisionName === s.productionRevision) {
    throw new TrafficPlanError(alreadyProductionMessage(revisionName, s.productionLabel));
  }
  return assertValidTraffic(pointLabel(traffic, target, revisionName, 0));
}

/**
 * One promotion step: the candidate label gets `percent`, the other slot label 100 - percent. At 100 the old
 * production label stays on its revision at weight 0, so a rollback is one write.
 */
export function planStep(traffic: Traffic, candidateLabel: string, percent: number): TrafficEntry[] {
  const candidate = requireSlotLabel(candidateLabel);
  const production = otherSlot(candidate);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new TrafficPlanError(`A promotion step is a whole percentage from 0 to 100, not ${percent}`);
  }
  const [c, p] = [find(traffic, candidate), find(traffic, production)];
  if (!c || !p) {
    throw new TrafficPlanError(noSecondSlotMessage(candidate, production, describeTraffic(traffic)));
  }
  if (namedRevision(c) === namedRevision(p)) {
    throw new TrafficPlanError(sameRevisionMessage(candidate, production, c.revisionName!));
  }
  const outside = traffic.filter((e) => e !== c && e !== p && weightOf(e) > 0);
  if (outside.length > 0) {
    throw new TrafficPlanError(weightOutsideSlotsMessage(describeTraffic(outside)));
  }
  const weights: Record<string, number> = { [candidate]: percent, [production]: 100 - percent };
  return assertValidTraffic(
    traffic.map((e) => (e === c || e === p ? { ...e, weight: weights[e.label!] } : { ...e })),
  );
}

/**
 * The lists of a stepped promotion, one per step still ahead of the candidate's current weight (so a re-run
 * resumes). The candidate defaults to the slot at weight 0; pass the label deploy-app returned so that a re-run
 * after a finished promotion is a no-op rather than a swap back.
 */
export function planPromoteSteps(
  traffic: Traffic,
  steps: readonly number[],
  candidateLabel?: string,
): TrafficEntry[][] {
  const label = candidateLabel ?? requireSlots(traffic).candidateLabel;
  const current = weightOf(find(traffic, label) ?? { weight: 0 });
  const ahead = steps.filter((p) => p > current);
  if (ahead.length === 0) planStep(traffic, label, current); // still refuse states the model cannot handle
  return ahead.map((p) => planStep(traffic, label, p));
}

export interface RollbackOptions {
  /** The slot to return all traffic to. Default: the slot at weight 0 (or, when split, the older revision). */
  label?: string;
  /** Revision creation times (from the revisions list): refuse to "roll back" onto a newer, unpromoted revision. */
  created?: CreatedTimes;
}

/** Rollback: the slot that was production before gets 100 again (a swap); the other stays at 0. */
export function planRollback(traffic: Traffic, options: RollbackOptions = {}): TrafficEntry[] {
  if (options.label !== undefined) return planStep(traffic, options.label, 100);
  const time = (e: TrafficEntry | undefined) => createdAt(options.created, e);
  const [blue, green] = SLOT_LABELS.map((l) => find(traffic, l));
  const full = [blue, green].find((e) => e !== undefined && weightOf(e) === 100);
  const [tb, tg] = [time(blue), time(green)];
  const known = tb !== undefined && tg !== undefined;
  if (!full && !known) {
    throw new TrafficPlanError(
      `Traffic is split [${describeTraffic(traffic)}]: name the slot to return to (blue or green)`,
    );
  }
  const newer = newerThanProduction(slotsOf(traffic, options.created));
  if (newer) throw new TrafficPlanError(newerThanProductionMessage(newer.label!, newer.revisionName));
  const target: SlotLabel = full ? otherSlot(full.label as SlotLabel) : tb! <= tg! ? 'blue' : 'green';
  return planStep(traffic, target, 100);
}

/**
 * A given revision gets 100%: through the slot label already pointing at it, else by pointing the candidate
 * slot label at it. The old production label stays at weight 0. Converges when it already has 100%.
 */
export function planRollbackTo(traffic: Traffic, revisionName: string): TrafficEntry[] {
  const carrying = SLOT_LABELS.find((l) => find(traffic, l)?.revisionName === revisionName);
  if (carrying) return planStep(traffic, carrying, 100);
  const s = requireSlots(traffic);
  const pointed = pointLabel(traffic, s.candidateLabel, revisionName, 100);
  return assertValidTraffic(pointed.map((e) => (e.label === s.productionLabel ? { ...e, weight: 0 } : e)));
}

/** Preview app: label `pr-<N>` points at `revisionName` (see the header for where the 100% rides). */
export function planPreviewAdd(traffic: Traffic, prNumber: number, revisionName: string): TrafficEntry[] {
  const label = previewLabel(prNumber);
  const carried = traffic.some((e) => weightOf(e) > 0 && !e.latestRevision);
  if (carried)
    return assertValidTraffic(pointLabel(traffic, label, revisionName, weightOf(find(traffic, label) ?? {})));
  const kept = traffic.filter((e) => !(e.latestRevision && weightOf(e) > 0));
  return assertValidTraffic(pointLabel(kept, label, revisionName, 100));
}

/** Preview app: remove label `pr-<N>`; weight it carried moves as described in the header. Converges. */
export function planPreviewRemove(traffic: Traffic, prNumber: number): TrafficEntry[] {
  const label = previewLabel(prNumber);
  const removed = find(traffic, label);
  const rest = copy(traffic.filter((e) => e !== removed));
  const weight = removed ? weightOf(removed) : 0;
  if (weight > 0) {
    const heir =
      rest.findLast((e) => e.label !== undefined && e.revisionName) ?? rest.find((e) => e.latestRevision);
    if (heir) heir.weight = weightOf(heir) + weight;
    else rest.push({ latestRevision: true, weight });
  }
  return assertValidTraffic(rest);
}

/**
 * Of `revisions` (active revision names), those the traffic list gives neither a label nor weight: safe to
 * deactivate. `latestRevisionName` is spared while a `latestRevision` entry carries weight.
 */
export function unlabelledIdle(
  traffic: Traffic,
  revisions: readonly string[],
  latestRevisionName?: string,
): string[] {
  const busy = new Set(
    traffic.filter((e) => e.label !== undefined || weightOf(e) > 0).map((e) => e.revisionName),
  );
  if (latestRevisionName && traffic.some((e) => e.latestRevision && weightOf(e) > 0))
    busy.add(latestRevisionName);
  return revisions.filter((r) => !busy.has(r));
}

const STEPS_ALLOWED =
  'allowed: a comma list of whole percentages from 1 to 100, strictly increasing, ending at 100 (e.g. 10,50,100)';

/** The `steps` input: `10,50,100` -> [10, 50, 100]; empty -> [100]. */
export function parseSteps(input: string, raw: string): number[] {
  const text = raw.trim() === '' ? '100' : raw;
  const parts = text.split(',').map((p) => p.trim().replace(/%$/, ''));
  if (parts.some((p) => !/^\d{1,3}$/.test(p))) throw new InputError(input, raw, STEPS_ALLOWED);
  const steps = parts.map(Number);
  const ordered = steps.every((n, i) => n >= 1 && n <= 100 && (i === 0 || n > steps[i - 1]));
  if (!ordered || steps.at(-1) !== 100) throw new InputError(input, raw, STEPS_ALLOWED);
  return steps;
}
