// The wait for a revision to be Provisioned + Running + Healthy: its states and its replicas read at each poll of
// the client's schedule (a short first pause, each next one POLL_FACTOR times the last, up to pollMs), judged by
// judgeReadiness (readiness.ts), the loop poll from src/core/retry.ts.
import type { Replica, Revision } from '@azure/arm-appcontainers';
import type { Aca, RevisionInfo } from '../azure/aca.js';
import { poll, type Step } from '../core/retry.js';
import {
  containerFindings,
  describeContainer,
  judgeReadiness,
  type ReadinessInput,
  type ReadinessPolicy,
  type ReadinessWatch,
} from './readiness.js';
import { describeRevisionState, isActive } from './state.js';

/**
 * How far back a replica's createdTime makes it this run's (a deploy's write and its wait take minutes at most); an
 * older replica's restarts from before the wait do not count against the restart limit.
 */
export const FRESH_REPLICA_MS = 10 * 60_000;

/**
 * A revision that failed or did not become ready in time; it carries its state and, when its replicas showed
 * one, the container that explains it (state, restartCount, last reason) for the ::error:: line.
 */
export class RevisionFailedError extends Error {
  override name = 'RevisionFailedError';
  constructor(
    readonly revision: string,
    readonly state: Revision | undefined,
    why: string,
    readonly container?: string,
  ) {
    const described = state ? ` (${describeRevisionState(state)})` : '';
    super(`Revision ${revision} ${why}${described}${container ? `; ${container}` : ''}`);
  }
}

export interface WaitOptions {
  /** This run activated the revision (from the state `from`, when known): keep it active while waiting. */
  keepActive?: { from?: Revision };
}

/** What the wait reads and writes through: the client's reads, its activation, its poll schedule, clock and log. */
export type RevisionSource = Pick<
  Aca,
  'getRevision' | 'listReplicas' | 'activate' | 'schedule' | 'clock' | 'log'
>;

/** The state of an inactive revision, to tell one inactive state from the next. */
function inactiveState(r: Revision): string {
  return `${r.active}|${r.provisioningState}|${r.runningState}`;
}

/**
 * Polls the revision and its replicas until judgeReadiness says ready (returns the revision) or fail (throws
 * RevisionFailedError with the revision's states and the container that explains it): a Failed revision or a
 * container at the restart limit at once, Degraded/Unhealthy past the probes' grace window, anything else at
 * the deadline (epoch ms, wait-timeout). Replicas that cannot be read are logged; the revision states still count.
 * Replicas created in the last FRESH_REPLICA_MS are this run's (policy.freshSince): all their restarts count.
 * With keepActive (a revision this run activated), a poll that finds it not active (isActive: still Deprovisioning
 * from an earlier deactivation, or Stopped since) activates it again, once per state it is found in.
 */
export async function waitRevisionReady(
  aca: RevisionSource,
  app: string,
  revision: string,
  deadline: number,
  policy: ReadinessPolicy = {},
  { keepActive }: WaitOptions = {},
): Promise<RevisionInfo> {
  const { clock, log } = aca;
  let watch: ReadinessWatch = {};
  let seen = '';
  let unreadable = '';
  // The inactive state this run last activated the revision from: activated again only when it changes (a
  // revision that was Deprovisioning when activated may go on to Stopped, active false, and need it again).
  let activatedFrom = keepActive?.from ? inactiveState(keepActive.from) : undefined;
  // Wall-clock time, as ACA's createdTime is.
  const judged = { freshSince: Date.now() - FRESH_REPLICA_MS, ...policy };
  type Judged = ReadinessInput & { revision?: RevisionInfo };
  const judge = (input: Judged): Step<RevisionInfo, Judged> => {
    const verdict = judgeReadiness(input);
    if (verdict.kind === 'fail')
      throw new RevisionFailedError(revision, input.revision, verdict.why, verdict.detail);
    watch = verdict.watch;
    return verdict.kind === 'ready' ? { done: true, value: input.revision! } : { done: false, state: input };
  };
  const polled = await poll<RevisionInfo, Judged>(
    async () => {
      const last = await aca.getRevision(app, revision);
      if (keepActive && last && !isActive(last) && inactiveState(last) !== activatedFrom) {
        activatedFrom = inactiveState(last);
        log(`${revision} is not active (${describeRevisionState(last)}): activating it again`);
        await aca.activate(app, revision);
      }
      let replicas: Replica[] | undefined = [];
      if (last && isActive(last)) {
        replicas = await aca.listReplicas(app, revision).catch((e: unknown) => {
          const why = (e as Error).message;
          if (why !== unreadable) log(`${revision}: its replicas could not be read: ${why}`);
          unreadable = why;
          return undefined;
        });
      }
      const containers = containerFindings(replicas).map(describeContainer);
      const state = last ? [describeRevisionState(last), ...containers].join('; ') : 'not found yet';
      if (state !== seen) log(`${revision}: ${state}`);
      seen = state;
      return judge({ now: clock.now(), deadline, revision: last, replicas, policy: judged, watch });
    },
    // The poll schedule (a revision ready in seconds is seen within POLL_FACTOR of that); pauses end at the
    // deadline, where judgeReadiness fails the wait.
    { delay: aca.schedule, deadlineMs: deadline - clock.now(), reserveMs: 0 },
    clock,
  );
  if (polled.done) return polled.value;
  // The deadline passed between the last judgement and its pause: judged at the deadline, the wait fails.
  const final = judge({ ...polled.state, now: Math.max(deadline, clock.now()), watch });
  if (final.done) return final.value;
  throw new RevisionFailedError(revision, polled.state.revision, 'did not become ready in time');
}
