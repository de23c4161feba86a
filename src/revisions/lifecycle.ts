// A revision's lifecycle, as deploy-app and blue-green both run it: wait until it is Provisioned + Running +
// Healthy (wait.ts), prove it serves (a request to its revision URL, on its readiness probe's path, through the
// proof the caller gives: smoke's HTTP readiness, src/smoke/prove.ts), and retire the revisions nothing routes to
// any more.
//
// Requests: a revision the list already shows ready (and that this run did not just activate or create) is not
// polled again; the retirement works from the revision list the run already read when it has one.
import type { ContainerApp, Revision, Template } from '@azure/arm-appcontainers';
import type { Aca, RevisionInfo } from '../azure/aca.js';
import { urlOnOrigin } from '../core/request-path.js';
import { type ResolveEntry } from '../core/inputs.js';
import { revisionUrl } from '../core/naming.js';
import { systemClock } from '../core/retry.js';
import { isActive, revisionReadiness } from './state.js';
import { unlabelledIdle, type TrafficEntry } from './traffic.js';
import { waitRevisionReady, type RevisionSource } from './wait.js';

export interface ProofRequest {
  url: URL;
  deadlineMs: number;
  resolve: readonly ResolveEntry[];
  caFile?: string;
}

/** Requests the URL until it answers 2xx or the deadline; resolves to what it saw, rejects when never ready. */
export type Prove = (req: ProofRequest) => Promise<string>;

/** The path the readiness proof requests: the revision's readiness probe, else `/`. */
export function readinessPath(template: Template | undefined): string {
  const probe = template?.containers?.[0]?.probes?.find((p) => p.type?.toLowerCase() === 'readiness');
  return probe?.httpGet?.path ?? '/';
}

export interface ReadyRequest {
  app: string;
  revision: string;
  domain: string;
  /** wait-timeout's deadline (epoch ms). */
  deadline: number;
  resolve: readonly ResolveEntry[];
  caFile?: string;
  prove: Prove;
  now?: () => number;
  /**
   * The revision as the list this run read shows it, when nothing since (an activation, a new template) can have
   * changed it: already ready, it is not polled again.
   */
  listed?: RevisionInfo;
  /**
   * This run activated the revision (from the state `from`, when known): the wait activates it again if a poll
   * finds it not active (e.g. it was still Deprovisioning from an earlier deactivation, and went on to Stopped).
   */
  activated?: { from?: Revision };
}

/**
 * Waits until the revision is Provisioned + Running + Healthy (waitRevisionReady, unless `listed` shows it so), then
 * proves it serves on its revision URL. Resolves to the revision and what the proof saw; rejects as either does.
 */
export async function readyAndServing(
  aca: RevisionSource,
  r: ReadyRequest,
): Promise<{ revision: RevisionInfo; proof: string }> {
  const now = r.now ?? systemClock.now;
  const revision =
    r.listed && revisionReadiness(r.listed) === 'ready'
      ? r.listed
      : await waitRevisionReady(
          aca,
          r.app,
          r.revision,
          r.deadline,
          {},
          r.activated ? { keepActive: r.activated } : {},
        );
  const url = urlOnOrigin(
    readinessPath(revision.template),
    new URL(revisionUrl(r.app, r.revision, r.domain)),
  );
  const proof = await r.prove({
    url,
    deadlineMs: Math.max(1000, r.deadline - now()),
    resolve: r.resolve,
    caFile: r.caFile,
  });
  return { revision, proof };
}

/** A scope for deactivateIdle on a preview app: every revision except those of other pull requests. */
export function notAnotherPullRequest(app: string, label: string): (revision: string) => boolean {
  return (r) => !r.startsWith(`${app}--pr-`) || r.startsWith(`${app}--${label}-`);
}

export interface IdleOptions {
  /** Revisions never deactivated here (e.g. the one this run deployed). */
  keep?: readonly string[];
  /** Which revisions are this run's to consider (default: all). */
  scope?: (revision: string) => boolean;
  /**
   * The active revisions as this run knows them (the list it read, less what it deactivated, plus what it
   * activated or created); without it the list is read.
   */
  active?: readonly string[];
}

/**
 * Revisions with no label and no weight, active, other than `keep`, and within `scope`: deactivated so the
 * active set stays small. Returns those deactivated.
 */
export async function deactivateIdle(
  aca: Pick<Aca, 'listRevisions' | 'deactivate'>,
  app: ContainerApp & { name: string },
  traffic: readonly TrafficEntry[],
  o: IdleOptions = {},
): Promise<string[]> {
  const scope = o.scope ?? (() => true);
  const active = o.active ?? (await aca.listRevisions(app.name)).filter(isActive).map((r) => r.name);
  const idle = unlabelledIdle(traffic, active.filter(scope), app.latestRevisionName).filter(
    (r) => !(o.keep ?? []).includes(r),
  );
  for (const r of idle) await aca.deactivate(app.name, r);
  return idle;
}
