// Readiness of a new revision, decided from what ACA reports: the revision's states and its replicas' containers
// (the replica API: ready, restartCount, runningState, runningStateDetails). Pure: the wait loop in wait.ts reads
// the revision and its replicas at each poll and asks judgeReadiness what to do. The shapes are live Azure's, as
// its recorded answers show them (test/fixtures/azure/ and the cases in test/unit/revisions/readiness.test.ts):
//
//   ready  Provisioned + Running + Healthy, and no container at the restart limit;
//   fail   at once: the revision Failed (or ActivationFailed), e.g. Failed/Failed/Unhealthy with provisioningError
//          `Container crashing: <container>`, or a container restarted `restartLimit` times (default 3) while this
//          wait watched it (restarts from before, of a revision re-proven, do not count);
//          after the grace window: trouble that lasted `graceMs` from when the revision started (the first poll
//          that saw a container running or in trouble): the revision Degraded/Unhealthy, a container Waiting or
//          Terminated with a reason that is not a normal start (CrashLoopBackOff, ImagePullBackOff, ...), a
//          container running but never ready (Activating, healthState None), or a runningStateDetails that names a
//          configuration error (`The TargetPort 8080 does not match the listening port 80.`); the grace window is
//          the one its probes give a container (initialDelaySeconds + periodSeconds x failureThreshold);
//          at the deadline (wait-timeout): anything not ready yet, e.g. a revision still provisioning, or an image
//          still being pulled (`Container is waiting with reason: PullingImage`): a normal start, however long;
//   wait   otherwise.
import type { ContainerAppProbe, Replica, ReplicaContainer, Template } from '@azure/arm-appcontainers';
import type { RevisionState } from '../azure/aca.js';
import { crashLoopingMessage, pastGraceMessage } from './messages.js';

/** Restarts of one container that fail the deploy at once (a crash loop). */
export const RESTART_LIMIT = 3;
/** The grace window when the template has no probes. */
export const DEFAULT_GRACE_MS = 60_000;
/** The least grace window, whatever the probes say (a few polls' worth). */
export const MIN_GRACE_MS = 10_000;
/** Probe fields ACA (Kubernetes) defaults when the template leaves them out. */
export const PROBE_DEFAULTS = { initialDelaySeconds: 0, periodSeconds: 10, failureThreshold: 3 } as const;

/** How long one probe lets a container fail before it counts: initialDelaySeconds + periodSeconds x failureThreshold. */
export function probeWindowMs(p: ContainerAppProbe): number {
  const delay = p.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds;
  const period = p.periodSeconds ?? PROBE_DEFAULTS.periodSeconds;
  const failures = p.failureThreshold ?? PROBE_DEFAULTS.failureThreshold;
  return (delay + period * failures) * 1000;
}

/**
 * The grace window of a template: for each container, its startup probe's window (liveness and readiness start
 * after it) plus the longer of its liveness and readiness windows; the longest container wins. No probes at
 * all: DEFAULT_GRACE_MS. Never below MIN_GRACE_MS.
 */
export function graceWindowMs(template: Template | undefined): number {
  const containers = template?.containers ?? [];
  const windows = containers
    .filter((c) => (c.probes ?? []).length > 0)
    .map((c) => {
      const of = (type: string) =>
        Math.max(0, ...(c.probes ?? []).filter((p) => p.type?.toLowerCase() === type).map(probeWindowMs));
      return of('startup') + Math.max(of('liveness'), of('readiness'));
    });
  if (windows.length === 0) return DEFAULT_GRACE_MS;
  return Math.max(MIN_GRACE_MS, ...windows);
}

/** One container of one replica, as the replica API reports it. */
export interface ContainerFinding {
  replica: string;
  /** When its replica was created (epoch ms), when ACA says. */
  replicaCreated?: number;
  container: string;
  init: boolean;
  state: string;
  ready: boolean;
  restartCount: number;
  details?: string;
}

export function containerFindings(replicas: readonly Replica[] | undefined): ContainerFinding[] {
  const of = (r: Replica, c: ReplicaContainer, init: boolean): ContainerFinding => ({
    replica: r.name ?? '(unnamed)',
    ...(r.createdTime ? { replicaCreated: new Date(r.createdTime).getTime() } : {}),
    container: c.name ?? '(unnamed)',
    init,
    state: c.runningState ?? 'Unknown',
    ready: c.ready === true,
    restartCount: c.restartCount ?? 0,
    ...(c.runningStateDetails ? { details: c.runningStateDetails } : {}),
  });
  return (replicas ?? []).flatMap((r) => [
    ...(r.initContainers ?? []).map((c) => of(r, c, true)),
    ...(r.containers ?? []).map((c) => of(r, c, false)),
  ]);
}

/**
 * The waiting reasons of a normal start: the image being pulled (live Azure: `Container is waiting with reason:
 * PullingImage on <node>.`, for as long as the pull takes), the container being created, the pod initialising.
 * Bounded by wait-timeout only, never by the probes' grace window.
 */
const NORMAL_WAIT = /PullingImage|Pulling image|ContainerCreating|PodInitializing/i;
/** An init container that ran to completion. */
const NORMAL_END = /Completed|exit(ed)? (with )?code 0\b/i;

/** A container still starting: Waiting with a normal-start reason (or no reason yet). Pure. */
export function isStarting(f: ContainerFinding): boolean {
  return f.state === 'Waiting' && (!f.details || NORMAL_WAIT.test(f.details));
}

/** A container in trouble: Waiting or Terminated with a reason that is not part of a normal start. */
export function inTrouble(f: ContainerFinding): boolean {
  if (f.state === 'Waiting') return !isStarting(f);
  if (f.state === 'Terminated') return !(f.init && (!f.details || NORMAL_END.test(f.details)));
  return false;
}

/** A (non-init) container that runs but is not ready: its probes have not passed (yet). Pure. */
export function runningNotReady(f: ContainerFinding): boolean {
  return !f.init && f.state === 'Running' && !f.ready;
}

/**
 * A revision runningStateDetails that names a configuration error rather than progress: live Azure answers
 * `The TargetPort 8080 does not match the listening port 80.` (Activating, healthState None, for minutes),
 * `Deployment Progress Deadline Exceeded. 0/1 replicas ready.`, `1/1 Container crashing: app`. Pure.
 */
export function namesConfigError(details: string | undefined): boolean {
  return !!details && CONFIG_ERROR.test(details);
}
const CONFIG_ERROR =
  /does not match|TargetPort|Deadline Exceeded|crash|fail|error|invalid|not found|denied|unauthori[sz]ed/i;

/** The container to name in an error: most restarts, then in trouble, then not ready. */
export function worstContainer(findings: readonly ContainerFinding[]): ContainerFinding | undefined {
  const score = (f: ContainerFinding) => [f.restartCount, inTrouble(f) ? 1 : 0, f.ready ? 0 : 1];
  return [...findings].sort((a, b) => {
    const [x, y] = [score(a), score(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  })[0];
}

/** `container app (replica r): Waiting, not ready, restartCount 3, last reason: CrashLoopBackOff`. Pure. */
export function describeContainer(f: ContainerFinding): string {
  const kind = f.init ? 'init container' : 'container';
  const reason = f.details ? `, last reason: ${f.details}` : ', no reason reported';
  const state = `${f.state}, ${f.ready ? 'ready' : 'not ready'}, restartCount ${f.restartCount}`;
  return `${kind} ${f.container} (replica ${f.replica}): ${state}${reason}`;
}

export interface ReadinessPolicy {
  /** Restarts of one container that fail at once; default RESTART_LIMIT. */
  restartLimit?: number;
  /** Override of the grace window; default graceWindowMs(revision template). */
  graceMs?: number;
  /**
   * Replicas created at or after this time (epoch ms) are this run's: all their restarts count, even those the
   * first read already shows (the write's own wait may have taken a while). Default: none.
   */
  freshSince?: number;
}

/** What the wait loop carries from one poll to the next (times in ms, as the loop's clock gives them). */
export interface ReadinessWatch {
  /** The first poll that saw a container running, or trouble: the grace window starts there. */
  startedAt?: number;
  /** The first poll of the current unbroken run of trouble (Degraded, Unhealthy, a container in trouble). */
  troubleSince?: number;
  /**
   * Each container's restartCount when this wait first read the replicas (`<replica>/<container>`): restarts from
   * before the wait (a revision that has run for days, re-proven by a re-run or a rollback) do not count; a replica
   * that appears later, or was created since policy.freshSince, counts from 0.
   */
  baseline?: Record<string, number>;
}

const keyOf = (f: ContainerFinding) => `${f.replica}/${f.init ? 'init:' : ''}${f.container}`;

/** Restarts of a container since the wait first read the replicas. Pure. */
export function restartsDuringWait(
  f: ContainerFinding,
  baseline: Record<string, number> | undefined,
): number {
  return Math.max(0, f.restartCount - (baseline?.[keyOf(f)] ?? 0));
}

export interface ReadinessInput {
  now: number;
  /** wait-timeout's deadline: the upper bound of the whole wait. */
  deadline: number;
  /** The revision, undefined while ARM does not show it yet. */
  revision?: RevisionState;
  /** Its replicas, undefined when they could not be read this time (then only the revision states count). */
  replicas?: readonly Replica[];
  policy?: ReadinessPolicy;
  watch: ReadinessWatch;
}

export type ReadinessVerdict =
  | { kind: 'ready'; watch: ReadinessWatch }
  | { kind: 'wait'; watch: ReadinessWatch }
  | {
      kind: 'fail';
      /** Why, after `Revision <name> `: `failed`, `is crash-looping: ...`, `did not become ... in time`. */
      why: string;
      /** The container to name, described. */
      detail?: string;
      watch: ReadinessWatch;
    };

const isRunning = (s: string | undefined) => s === 'Running' || s === 'RunningAtMaxScale';

/** Keep waiting, ready, or fail with the reason: one poll's decision. Pure. */
export function judgeReadiness(input: ReadinessInput): ReadinessVerdict {
  const { now, revision: r, policy = {} } = input;
  const limit = policy.restartLimit ?? RESTART_LIMIT;
  const findings = containerFindings(input.replicas);
  const worst = worstContainer(findings);
  const detail = worst ? describeContainer(worst) : undefined;
  const fail = (why: string, d = detail, watch = input.watch): ReadinessVerdict => ({
    kind: 'fail',
    why,
    ...(d ? { detail: d } : {}),
    watch,
  });
  const timedOut = now >= input.deadline;
  if (!r) return timedOut ? fail('did not appear in time') : { kind: 'wait', watch: input.watch };

  const provisioned = r.provisioningState === 'Provisioned';
  const ready = provisioned && isRunning(r.runningState) && r.healthState === 'Healthy';
  // Containers still pulling their image or being created: the revision's own state says nothing yet.
  const starting = findings.some((f) => !f.init && isStarting(f));
  const configError = namesConfigError(r.runningStateDetails);
  const troubled =
    (provisioned && !starting && (r.runningState === 'Degraded' || r.healthState === 'Unhealthy')) ||
    findings.some(inTrouble) ||
    (!ready && findings.some(runningNotReady)) ||
    configError;
  // The grace window starts when a container first runs (its probes start then) or trouble first shows: an image
  // that takes minutes to pull does not eat into it.
  const started = troubled || findings.some((f) => !f.init && f.state === 'Running');
  const startedAt = input.watch.startedAt ?? (started ? now : undefined);
  const fresh = (f: ContainerFinding) =>
    policy.freshSince !== undefined &&
    f.replicaCreated !== undefined &&
    f.replicaCreated >= policy.freshSince;
  const baseline =
    input.watch.baseline ??
    (input.replicas
      ? Object.fromEntries(findings.map((f) => [keyOf(f), fresh(f) ? 0 : f.restartCount]))
      : undefined);
  const watch: ReadinessWatch = {
    ...(startedAt !== undefined ? { startedAt } : {}),
    ...(troubled ? { troubleSince: input.watch.troubleSince ?? now } : {}),
    ...(baseline ? { baseline } : {}),
  };

  // ActivationFailed: ACA gave up on the revision (e.g. "Deployment Progress Deadline Exceeded").
  if (
    r.provisioningState === 'Failed' ||
    r.runningState === 'Failed' ||
    r.runningState === 'ActivationFailed'
  )
    return fail('failed', detail, watch);
  const looping = findings.filter((f) => restartsDuringWait(f, baseline) >= limit);
  if (looping.length > 0) {
    const f = worstContainer(looping)!;
    return fail(
      crashLoopingMessage(
        f.init ? 'init container' : 'container',
        f.container,
        restartsDuringWait(f, baseline),
        limit,
      ),
      describeContainer(f),
      watch,
    );
  }
  if (ready) return { kind: 'ready', watch };

  const graceMs = policy.graceMs ?? graceWindowMs(r.template);
  const pastGrace = startedAt !== undefined && now - startedAt >= graceMs;
  // Two polls at least: one glitch is not a state.
  if (troubled && pastGrace && watch.troubleSince! < now) {
    const state = [r.runningState, r.healthState].filter((s) => s === 'Degraded' || s === 'Unhealthy');
    const what = state.length ? state.join(' and ') : 'not ready';
    return fail(pastGraceMessage(what, graceMs), detail, watch);
  }
  if (timedOut) return fail('did not become Provisioned, Running and Healthy in time', detail, watch);
  return { kind: 'wait', watch };
}
