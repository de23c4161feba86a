// blue-green's core, as a state machine in two halves:
//
//  - planning (pure): from the app's traffic list and its revisions, each command (promote, rollback, abort,
//    status, teardown) becomes a declarative plan: the traffic before, the target traffic, and the ordered
//    actions that get there (make a revision ready, write a traffic list, pause, gate on smoke checks,
//    deactivate revisions). A plan for a state the model cannot handle, or a bad target, throws before any write.
//  - execution: each action in turn, every traffic write read back; when an action fails after traffic moved,
//    the exact list read before the command is written back (and read back) before the run fails.
//
// State lives only in the app's traffic list: a re-run plans again from what it reads, so a finished command
// plans nothing and a half-finished one plans the rest.
import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { ContainerApp } from '@azure/arm-appcontainers';
import { environmentIdOf, sameTraffic, trafficOf, type Aca, type RevisionInfo } from './aca.js';
import { readAzureSettings, type AzureSettings } from './azure.js';
import { deactivateIdle, readinessPath, revisionTemplate, type DeployDeps } from './deploy.js';
import {
  activeFreeze,
  freezeDecision,
  parseFreeze,
  type FreezeDecision,
  type FreezeWindow,
} from './guards.js';
import {
  InputError,
  parseBoolean,
  parseChoice,
  parseDuration,
  required,
  type InputSource,
} from './inputs.js';
import {
  appUrl,
  labelUrl,
  revisionName,
  revisionUrl,
  suffixFromVersion,
  suffixOf,
  suffixProblem,
  validateAppName,
  validateLabel,
} from './naming.js';
import { parseSpec } from './spec.js';
import { readSmokeSettings, runSmoke, type SmokeSettings } from './smoke/index.js';
import {
  describeTraffic,
  isSlotLabel,
  planPreviewRemove,
  planPromoteSteps,
  planRollback,
  planRollbackTo,
  planStep,
  parseSteps,
  slots,
  SLOT_LABELS,
  TrafficPlanError,
  type TrafficEntry,
} from './traffic.js';
import { parseSemver } from './versions.js';

export const COMMANDS = ['promote', 'rollback', 'abort', 'status', 'teardown'] as const;
export type Command = (typeof COMMANDS)[number];

export type RollbackTarget =
  | { kind: 'previous' }
  | { kind: 'revision'; revision: string }
  | { kind: 'version'; version: string; revision: string };

export interface BlueGreenSettings {
  azure: AzureSettings;
  resourceGroup: string;
  command: Command;
  app: string;
  /** promote: the candidate slot; rollback: the slot to return to; teardown: pr-<N>. */
  label?: string;
  prNumber?: number;
  to: RollbackTarget;
  steps: number[];
  stepWaitMs: number;
  /** The gate: smoke-test settings (checks, resolve, CA); the URL is set per gate. */
  smoke: SmokeSettings;
  checksGiven: boolean;
  freeze: FreezeWindow[];
  overrideFreeze: string;
  keepPreviousActive: boolean;
  waitTimeoutMs: number;
}

export interface BlueGreenSettingsDeps {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  fileExists?: (path: string) => boolean;
}

const TO_ALLOWED = 'allowed: previous, a revision name (<app>--<suffix>), or a version such as v1.4.0';

/** The `to` input. */
export function parseTarget(input: string, raw: string, app: string): RollbackTarget {
  const v = raw.trim();
  if (v === '' || v.toLowerCase() === 'previous') return { kind: 'previous' };
  if (v.includes('--')) {
    const [owner, ...rest] = v.split('--');
    const suffix = rest.join('--');
    if (owner !== app || suffixProblem(suffix, app)) {
      throw new InputError(
        input,
        raw,
        `${TO_ALLOWED}; a revision name must be ${app}--<suffix> with a valid suffix`,
      );
    }
    return { kind: 'revision', revision: v };
  }
  if (parseSemver(v)) {
    const suffix = suffixFromVersion(v.startsWith('v') || v.startsWith('V') ? v : `v${v}`);
    if (suffixProblem(suffix, app))
      throw new InputError(input, raw, `${TO_ALLOWED}; ${suffixProblem(suffix, app)}`);
    return { kind: 'version', version: v, revision: revisionName(app, suffix) };
  }
  throw new InputError(input, raw, TO_ALLOWED);
}

/** Reads and checks every blue-green input; throws InputError before anything is read or written in Azure. */
export function readBlueGreenSettings(get: InputSource, deps: BlueGreenSettingsDeps = {}): BlueGreenSettings {
  const env = deps.env ?? process.env;
  const readFile = deps.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const fileExists = deps.fileExists ?? existsSync;
  const command = parseChoice(
    'command',
    required('command', get('command'), `allowed: ${COMMANDS.join(', ')}`),
    COMMANDS,
  );
  const azure = readAzureSettings(get);
  const resourceGroup = required(
    'resource-group',
    get('resource-group'),
    'required: the resource group of the app',
  );
  let appRaw = get('app');
  if (appRaw === '') {
    const specFile = get('spec') || 'deploy/containerapp.yaml';
    const path = resolvePath(env.GITHUB_WORKSPACE ?? '.', specFile);
    if (!fileExists(path))
      throw new InputError('app', '', `required when the spec '${specFile}' does not exist`);
    try {
      appRaw = parseSpec(readFile(path), specFile).name;
    } catch (error) {
      throw new InputError(
        'spec',
        specFile,
        `allowed: a valid app spec to take the app name from; ${(error as Error).message}`,
      );
    }
  }
  const app = validateAppName('app', appRaw);
  const labelRaw = get('label');
  let label: string | undefined;
  let prNumber: number | undefined;
  if (command === 'teardown') {
    const m = /^pr-([1-9]\d*)$/.exec(labelRaw);
    if (!m) throw new InputError('label', labelRaw, 'required for teardown: pr-<N>, the pull request label');
    label = labelRaw;
    prNumber = Number(m[1]);
  } else if (labelRaw !== '') {
    label = validateLabel('label', labelRaw, app);
    if (!isSlotLabel(label)) throw new InputError('label', labelRaw, `allowed for ${command}: blue or green`);
  }
  const checksRaw = get('checks');
  const smoke = readSmokeSettings(
    (name) =>
      ({
        url: 'https://gate.invalid/',
        checks: checksRaw,
        resolve: get('resolve'),
        'ca-file': get('ca-file'),
        duration: '0',
        'wait-ready': '0',
      })[name] ?? '',
    { env, readFile, fileExists },
  );
  const freezeRaw = get('freeze');
  return {
    azure,
    resourceGroup,
    command,
    app,
    label,
    prNumber,
    to: parseTarget('to', get('to'), app),
    steps: parseSteps('steps', get('steps')),
    stepWaitMs: parseDuration('step-wait', get('step-wait'), 0),
    smoke,
    checksGiven: checksRaw.trim() !== '',
    freeze: parseFreeze('freeze', freezeRaw),
    overrideFreeze: get('override-freeze'),
    keepPreviousActive: parseBoolean('keep-previous-active', get('keep-previous-active'), true),
    waitTimeoutMs: parseDuration('wait-timeout', get('wait-timeout'), 10 * 60_000, { allowZero: false }),
  };
}

// ---- planning (pure) ----

export type Action =
  /** Activate when inactive, wait Provisioned + Running + Healthy, prove it serves, run the checks on its URL. */
  | { kind: 'ready'; revision: string; activate: boolean }
  /** Redeploy an image as a revision (rollback to a version whose revision is gone). */
  | { kind: 'redeploy'; revision: string; image: string }
  | { kind: 'traffic'; traffic: TrafficEntry[]; note: string }
  | { kind: 'pause'; ms: number }
  /** Run the checks against the candidate's label URL and the app URL. */
  | { kind: 'gate'; label: string; note: string }
  | { kind: 'deactivate'; revisions: string[]; note: string };

export interface Plan {
  command: Command;
  before: TrafficEntry[];
  /** The traffic the plan ends with. */
  after: TrafficEntry[];
  actions: Action[];
  /** Restore `before` when an action fails after traffic moved. */
  restore: boolean;
  notes: string[];
}

/** What planning knows about the app's revisions. */
export interface RevisionFacts {
  /** Revision name -> creation time (ISO or Date). */
  created: Record<string, string | Date>;
  /** Names of active revisions. */
  active: string[];
  /** Names of every revision ACA still knows. */
  known: string[];
  /** The app's latest revision (what a `latestRevision` entry routes to). */
  latest?: string;
}

export function revisionFacts(revisions: readonly RevisionInfo[]): RevisionFacts {
  return {
    created: Object.fromEntries(revisions.filter((r) => r.createdTime).map((r) => [r.name, r.createdTime!])),
    active: revisions.filter((r) => r.active !== false).map((r) => r.name),
    known: revisions.map((r) => r.name),
  };
}

const entryOf = (traffic: readonly TrafficEntry[], label: string) => traffic.find((e) => e.label === label);
const time = (facts: RevisionFacts, revision?: string) =>
  revision && facts.created[revision] !== undefined ? new Date(facts.created[revision]).getTime() : undefined;

/** The two slot entries, newer first by creation time; undefined unless both exist with known times. */
function bySlotAge(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
): { newer: TrafficEntry; older: TrafficEntry } | undefined {
  const [a, b] = SLOT_LABELS.map((l) => entryOf(traffic, l));
  if (!a || !b || a.revisionName === b.revisionName) return undefined;
  const [ta, tb] = [time(facts, a.revisionName), time(facts, b.revisionName)];
  if (ta === undefined || tb === undefined) return undefined;
  return ta >= tb ? { newer: a, older: b } : { newer: b, older: a };
}

/** The slot a promote moves traffic to: the given label, else the newer of the two slot revisions. */
export function promoteLabel(traffic: readonly TrafficEntry[], facts: RevisionFacts, label?: string): string {
  if (label) return label;
  const ages = bySlotAge(traffic, facts);
  if (!ages) {
    const s = slots(traffic);
    if (!s?.previousRevision) {
      throw new TrafficPlanError(
        `Nothing to promote: the app has no candidate slot [${describeTraffic(traffic)}]; deploy a release first`,
      );
    }
    return s.candidateLabel;
  }
  return ages.newer.label!;
}

function withChecks(actions: Action[], label: string, stepWaitMs: number, note: string): Action[] {
  return [
    ...actions,
    ...(stepWaitMs > 0 ? [{ kind: 'pause' as const, ms: stepWaitMs }] : []),
    { kind: 'gate', label, note },
  ];
}

export interface PromoteOptions {
  steps: readonly number[];
  stepWaitMs: number;
  label?: string;
  keepPreviousActive: boolean;
}

/** Promote: one traffic write per step ahead of the candidate's weight, each followed by a gate. */
export function planPromote(traffic: readonly TrafficEntry[], facts: RevisionFacts, o: PromoteOptions): Plan {
  const label = promoteLabel(traffic, facts, o.label);
  const candidate = entryOf(traffic, label);
  const old = SLOT_LABELS.map((l) => entryOf(traffic, l)).find((e) => e && e.label !== label);
  if (candidate?.revisionName && !facts.active.includes(candidate.revisionName)) {
    throw new TrafficPlanError(
      `The candidate ${candidate.revisionName} (label '${label}') is inactive; deploy it again before promoting`,
    );
  }
  const lists = planPromoteSteps(traffic, o.steps, label);
  let actions: Action[] = [];
  for (const list of lists) {
    const weight = entryOf(list, label)?.weight ?? 0;
    actions.push({
      kind: 'traffic',
      traffic: list,
      note: `${label} ${candidate?.revisionName} at ${weight}%`,
    });
    actions = withChecks(actions, label, o.stepWaitMs, `checks at ${weight}%`);
  }
  const after = lists.at(-1) ?? traffic.map((e) => ({ ...e }));
  const oldRevision = old?.revisionName;
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
  return { command: 'promote', before: [...traffic], after, actions, restore: true, notes };
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
    { kind: 'ready', revision, activate: !facts.active.includes(revision) },
    { kind: 'traffic', traffic: list, note },
  ];
  return { command, before: [...traffic], after: list, actions, restore: true, notes: [] };
}

/** Rollback to the previous slot, a revision, or a version (redeployed from `image` when its revision is gone). */
export function planRollbackCommand(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  to: RollbackTarget,
  o: { label?: string; versionImage?: string } = {},
): Plan {
  if (to.kind === 'previous') {
    const s = o.label ? undefined : safeSlots(traffic);
    const other = s ? entryOf(traffic, s.candidateLabel) : undefined;
    const [tp, to_] = [time(facts, s?.productionRevision), time(facts, other?.revisionName)];
    if (s && other && tp !== undefined && to_ !== undefined && to_ > tp) {
      return {
        command: 'rollback',
        before: [...traffic],
        after: [...traffic],
        actions: [],
        restore: false,
        notes: [
          `Production ${s.productionRevision} is older than the other slot (${other.revisionName}): already rolled back, nothing to do; to go further back, name a version in 'to'`,
        ],
      };
    }
    const list = planRollback(traffic, { label: o.label, created: facts.created });
    const target = list.find((e) => (e.weight ?? 0) === 100)?.revisionName;
    if (!target)
      throw new TrafficPlanError(`Rollback found no revision to return to in [${describeTraffic(traffic)}]`);
    return readyThenSwitch('rollback', traffic, facts, target, list, `back to ${target}`);
  }
  const revision = to.revision;
  const list = planRollbackTo(traffic, revision);
  if (facts.known.includes(revision))
    return readyThenSwitch('rollback', traffic, facts, revision, list, `to ${revision}`);
  if (to.kind === 'revision') {
    throw new InputError(
      'to',
      revision,
      `allowed: a revision the app has (${facts.known.join(', ') || 'none'}), previous, or a version`,
    );
  }
  if (!o.versionImage) {
    throw new InputError(
      'to',
      to.version,
      `allowed: a version the app ran or the registry still holds; no revision ${revision} and no image for ${to.version}`,
    );
  }
  return {
    command: 'rollback',
    before: [...traffic],
    after: list,
    actions: [
      { kind: 'redeploy', revision, image: o.versionImage },
      { kind: 'ready', revision, activate: false },
      { kind: 'traffic', traffic: list, note: `to ${revision} (redeployed ${o.versionImage})` },
    ],
    restore: true,
    notes: [],
  };
}

function safeSlots(traffic: readonly TrafficEntry[]) {
  try {
    return slots(traffic);
  } catch {
    return undefined;
  }
}

/** Abort: the older of the two slot revisions (what the last promote found at 100%) gets 100% again. */
export function planAbort(traffic: readonly TrafficEntry[], facts: RevisionFacts): Plan {
  const ages = bySlotAge(traffic, facts);
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
  const list = planStep(traffic, ages.older.label!, 100);
  return readyThenSwitch(
    'abort',
    traffic,
    facts,
    ages.older.revisionName!,
    list,
    `back to ${ages.older.revisionName}`,
  );
}

/** Teardown of a preview: label pr-<N> removed, and its revisions (`<app>--pr-<N>-...`) deactivated. Converges. */
export function planTeardown(
  traffic: readonly TrafficEntry[],
  facts: RevisionFacts,
  app: string,
  prNumber: number,
): Plan {
  const label = `pr-${prNumber}`;
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
    ...(spared
      ? [
          `${spared} stays active: it is the latest revision and serves the app URL now that no preview label remains`,
        ]
      : []),
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

// ---- execution ----

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
  /** A failure after traffic moved: the traffic was restored to `before`. */
  restored?: boolean;
}

export interface BlueGreenDeps {
  aca: Aca;
  /** Readiness proof of a revision URL (deploy-app's). */
  prove: DeployDeps['prove'];
  /** The image of a version in the registry (by digest), or undefined when the registry does not hold it. */
  findVersionImage?: (version: string, productionImage: string | undefined) => Promise<string | undefined>;
  /** Runs smoke checks (the smoke-test core); replaceable in tests. */
  smoke?: typeof runSmoke;
  log?: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The revision that carries 100% (or the most), for outputs. */
export function productionOf(traffic: readonly TrafficEntry[]): string | undefined {
  const top = [...traffic].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
  return top && (top.weight ?? 0) > 0 ? top.revisionName : undefined;
}

export class GateFailedError extends Error {
  override name = 'GateFailedError';
}

export async function runBlueGreen(s: BlueGreenSettings, deps: BlueGreenDeps): Promise<BlueGreenResult> {
  const { aca } = deps;
  const now = deps.now ?? Date.now;
  const say = deps.log ?? (() => undefined);
  const lines: string[] = [];
  const note = (line: string) => {
    lines.push(line);
    say(line);
  };
  const app = await aca.getApp(s.app);
  if (!app) throw new Error(`Container app '${s.app}' was not found in resource group '${s.resourceGroup}'`);
  const named = { ...app, name: s.app } as ContainerApp & { name: string };
  const before = trafficOf(app);
  const result = (after: TrafficEntry[], extra: Partial<BlueGreenResult> = {}): BlueGreenResult => {
    const productionBefore = productionOf(before);
    const productionAfter = productionOf(after);
    const previous =
      productionBefore !== productionAfter ? productionBefore : safeSlots(after)?.previousRevision;
    return {
      command: s.command,
      app: s.app,
      before,
      after,
      productionRevision: productionAfter,
      previousRevision: previous,
      log: lines,
      deactivated: [],
      ...extra,
    };
  };
  if (s.command === 'status') return result(before);

  let freeze: FreezeDecision | undefined;
  if (s.command === 'promote') {
    freeze = freezeDecision(activeFreeze(s.freeze, new Date(now())), s.overrideFreeze);
    if (!freeze.allowed) throw new Error(freeze.message);
    if (freeze.overridden) note(freeze.message);
  }
  const revisions = await aca.listRevisions(s.app);
  const facts = { ...revisionFacts(revisions), latest: app.latestRevisionName };
  const plan = await planFor(s, before, facts, revisions, deps);
  plan.notes.forEach(note);

  const envId = environmentIdOf(app);
  const domain =
    plan.actions.length > 0 && envId ? (await aca.getEnvironment(envId)).defaultDomain : undefined;
  const deadline = now() + s.waitTimeoutMs;
  let moved = false;
  /** Revisions this run activated or created, deactivated again when it fails before traffic moved. */
  const prepared: string[] = [];
  let current = before;
  const deactivated: string[] = [];
  try {
    for (const action of plan.actions) {
      switch (action.kind) {
        case 'ready':
          if (action.activate) {
            prepared.push(action.revision);
            await aca.activate(s.app, action.revision);
            note(`activated ${action.revision}`);
          }
          await makeReady(s, deps, action.revision, domain!, deadline, note);
          break;
        case 'redeploy':
          note(`redeploying ${action.image} as ${action.revision}`);
          prepared.push(action.revision);
          await redeployRevision(aca, s.app, action.revision, action.image);
          break;
        case 'traffic':
          moved = true;
          current = await aca.writeTraffic(named, action.traffic);
          note(`traffic: ${action.note} [${describeTraffic(current)}]`);
          break;
        case 'pause':
          note(`watching for ${action.ms / 1000}s`);
          await (deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))))(action.ms);
          break;
        case 'gate':
          await gate(
            s,
            deps,
            [labelUrl(s.app, action.label, domain!), appUrl(s.app, domain!)],
            action.note,
            note,
          );
          break;
        case 'deactivate':
          for (const r of action.revisions) await aca.deactivate(s.app, r);
          deactivated.push(...action.revisions);
          note(`deactivated ${action.revisions.join(', ')} (${action.note})`);
          break;
      }
    }
  } catch (error) {
    if (!moved) throw await retirePrepared(aca, s.app, prepared, error, note);
    if (!plan.restore) throw error;
    const why = (error as Error).message;
    try {
      const back = await aca.writeTraffic(named, before);
      note(`restored traffic [${describeTraffic(back)}]`);
    } catch (restoreError) {
      throw new Error(
        `${why}; restoring the traffic [${describeTraffic(before)}] FAILED too: ${(restoreError as Error).message}`,
        { cause: restoreError },
      );
    }
    throw new Error(
      `${s.command} failed and the traffic was restored to [${describeTraffic(before)}]: ${why}`,
      { cause: error },
    );
  }
  if (plan.actions.some((a) => a.kind === 'traffic')) {
    const latest = (await aca.getApp(s.app)) ?? app;
    const idle = await deactivateIdle(aca, { ...latest, name: s.app }, current);
    if (idle.length) note(`deactivated ${idle.join(', ')} (no label, no traffic)`);
    deactivated.push(...idle);
  }
  return result(current, { freeze, deactivated, appUrl: domain ? appUrl(s.app, domain) : undefined });
}

/** A revision from the live template with another image (rollback to a version whose revision is gone). */
async function redeployRevision(aca: Aca, appName: string, revision: string, image: string): Promise<void> {
  const app = await aca.getApp(appName);
  if (!app?.template) throw new Error(`App ${appName} has no template to redeploy ${image} from`);
  const { template } = revisionTemplate(app.template, {
    image,
    suffix: suffixOf(revision),
    envVars: [],
    mode: 'production',
    liveSource: `app ${appName}`,
  });
  await aca.patchTemplate({ ...app, name: appName }, template);
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
      });
    case 'rollback': {
      let versionImage: string | undefined;
      if (s.to.kind === 'version' && !facts.known.includes(s.to.revision) && deps.findVersionImage) {
        const production = revisions.find((r) => r.name === productionOf(traffic));
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
  revision: string,
  domain: string,
  deadline: number,
  note: (line: string) => void,
): Promise<void> {
  const ready = await deps.aca.waitReady(s.app, revision, deadline);
  const url = new URL(readinessPath(ready.template), revisionUrl(s.app, revision, domain));
  note(
    await deps.prove({
      url,
      deadlineMs: Math.max(1000, deadline - (deps.now ?? Date.now)()),
      resolve: s.smoke.resolve,
      caFile: s.smoke.caFile,
    }),
  );
  if (s.checksGiven)
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
