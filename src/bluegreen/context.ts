// What the steps of one blue-green run share: its dependencies, its context, its result, and the errors that
// steer the one recovery path (run.ts lists the steps, actions.ts carries out the plan's actions, recovery.ts
// recovers).
import type { ContainerApp } from '@azure/arm-appcontainers';
import type { MetricsProvider } from '../analysis/azure-monitor.js';
import type { Decision, Measurement } from '../analysis/verdict.js';
import type { Aca, RevisionInfo } from '../azure/aca.js';
import type { Step as StepOf } from '../core/steps.js';
import type { Prove } from '../revisions/lifecycle.js';
import type { TrafficEntry } from '../revisions/traffic.js';
import type { runSmoke } from '../smoke/run.js';
import type { FreezeDecision } from './freeze.js';
import type { TradingFacts as TradingReport } from '../core/trading-summary.js';
import type { Designation, TradingStore } from '../trading/types.js';
import type { Action, Command, Plan } from './plan.js';
import type { AuditRecord } from '../audit/record.js';
import type { BlueGreenSettings } from './settings.js';

export interface BlueGreenResult {
  command: Command;
  app: string;
  before: TrafficEntry[];
  after: TrafficEntry[];
  productionRevision?: string;
  /** The image digest of the production revision (its template image `...@sha256:...`); none for a tag. */
  productionDigest?: string;
  previousRevision?: string;
  appUrl?: string;
  /** One line per action done, and the plan's notes. */
  log: string[];
  freeze?: FreezeDecision;
  /** The reason the line is stopped (the stop-the-line input), when it is. */
  stopTheLine?: string;
  /** status, with a calendar, freeze windows or a stopped line: the next window in which promote may run. */
  nextWindow?: string;
  deactivated: string[];
  /** Every measurement of the metric analysis (empty or absent without analysis). */
  analysis?: Measurement[];
  /** With a managed trading lease: the designation and lease after the run, its handover, the fleet check. */
  trading?: TradingReport;
  /** status with `audit`: the trail's last records, oldest first. */
  audit?: AuditRecord[];
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
  /** The trading lease's blobs (with a managed `trading-lease`). */
  trading?: TradingStore;
  /** The handover's poll interval (tests). */
  pollMs?: number;
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
  | 'analyze'
  | 'gate'
  | 'deactivate'
  | 'lease-check'
  | 'designate'
  | 'handover'
  | 'trading-status'
  | 'fleet'
  | 'housekeeping';

/**
 * One step of a run over the run's one context. Every step is idempotent in the sense that matters: the only
 * state is the app's traffic list, so a run stopped after any step is finished by running the command again
 * (it reads, plans the rest, and does only that).
 */
export type Step = StepOf<RunContext, StepName>;

/** What the steps of one run share: the settings, what was read, the plan, and what the run did so far. */
export interface RunContext {
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
  /** The trading store when the lease is managed. */
  store?: TradingStore;
  /** The designation as this run read or wrote it last. */
  designation?: Designation;
  /** The revision designated before this run's designate step (the handover's `from`). */
  designatedFrom?: string;
  /**
   * This run's last designation write: what it named, its epoch and when (ctx.now), from which the handover's
   * 20 s release wait counts (a rollback designates, moves the traffic, then waits).
   */
  designatedWrite?: { revision: string; epoch: number; at: number };
  /** This run moved trading (a designation written, or a handover completed). */
  tradingMoved: boolean;
  /** The handover bound (ms) and the app's terminationGracePeriodSeconds. */
  handoverMs: number;
  graceSeconds: number;
  /** What the run reports of trading (designation, lease, handover, fleet). */
  trading: TradingReport;
}
