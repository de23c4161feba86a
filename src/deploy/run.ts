// deploy-app's core: the deploy itself. Its inputs are read in settings.ts (every one checked before any
// write) and its decisions are pure functions in plan.ts (both re-exported here):
//
//   1. read the app (absent: create it from the spec, traffic on latestRevision, as ACA does by default);
//   2. compute the traffic plan (candidate slot or label at weight 0) BEFORE any write, so a bad state fails clean;
//   3. new revision = the live template with only the image, the suffix and the env-vars changed (PATCH of the
//      template: configuration, secrets, registries, probes and scale stay exactly as they are);
//   4. wait Provisioned + Running + Healthy (wait-timeout) and prove it with a request to the revision URL;
//      a revision that fails is deactivated and never gets a label or weight;
//   5. write the whole traffic list once (read back), then deactivate revisions left with no label and no weight.
//
// Every step converges when re-run: an existing revision with the same image is reused, a traffic list that
// already matches is not written again.
import type { ContainerApp } from '@azure/arm-appcontainers';
import {
  describeRevisionState,
  domainFromFqdn,
  environmentIdOf,
  isActive,
  liveTrafficText,
  RevisionFailedError,
  revisionReadiness,
  sameTraffic,
  trafficOf,
  updateTraffic,
  type Aca,
  type RevisionInfo,
} from '../azure/aca.js';
import {
  assertRegistry,
  createBody,
  latestServing,
  latestWeight,
  pinLatest,
  planDeployTraffic,
  revisionTemplate,
  templateDifferences,
  unpinLatest,
} from './plan.js';
import type { DeploySettings } from './settings.js';
import type { VerifyImage } from './verify.js';
import { guardLivePreview } from './guards.js';
import { InputError } from '../core/inputs.js';
import { appUrl, labelUrl, revisionUrl } from '../core/naming.js';
import { systemClock } from '../core/retry.js';
import {
  deactivateIdle,
  notAnotherPullRequest,
  readyAndServing,
  type Prove,
} from '../revisions/lifecycle.js';
import { describeTraffic, productionRevision, type TrafficEntry } from '../revisions/traffic.js';

export * from './plan.js';
export * from './settings.js';
export type { ExpectedImage, VerifyImage } from './verify.js';
export type { ProofRequest } from '../revisions/lifecycle.js';

// ---- the deploy ----

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
}

export interface DeployDeps {
  aca: Aca;
  /** Checks the image before anything is read or written in Azure (src/deploy/verify.ts); throws to refuse it. */
  verifyImage: VerifyImage;
  /** Requests the URL until it answers 2xx or the deadline; resolves to what it saw, rejects when never ready. */
  prove: Prove;
  log?: (line: string) => void;
  now?: () => number;
  /** Pause between traffic write attempts under contention (and the settle before the final check). */
  trafficDelayMs?: number;
}

/** Deactivates a revision that failed, so it holds no replicas; a failure to do so is logged, not thrown. */
async function retire(deps: DeployDeps, app: string, revision: string): Promise<void> {
  try {
    await deps.aca.deactivate(app, revision);
  } catch (error) {
    deps.log?.(`could not deactivate ${revision}: ${(error as Error).message}`);
  }
}

/**
 * After a revision failed (its write, its states, or its URL): deactivate it unless it carries weight, and
 * build the error with its provisioning error and states.
 */
async function failedRevision(deps: DeployDeps, s: DeploySettings, error: unknown): Promise<Error> {
  const { aca } = deps;
  const app = await aca.getApp(s.app).catch(() => undefined);
  const state = await aca.getRevision(s.app, s.revision).catch(() => undefined);
  const carries = trafficOf(app ?? ({} as ContainerApp)).some(
    (e) => e.revisionName === s.revision && (e.weight ?? 0) > 0,
  );
  if (state && isActive(state) && !carries) await retire(deps, s.app, s.revision);
  const why =
    error instanceof RevisionFailedError
      ? error.message
      : state
        ? `Revision ${s.revision} failed (${describeRevisionState(state)}): ${(error as Error).message}`
        : `Revision ${s.revision} could not be created: ${(error as Error).message}`;
  const after = carries ? '' : state ? ' and was deactivated' : '';
  return new Error(`${why}; it received no traffic${after}`, { cause: error });
}

/** The revision serves, but the traffic write that labels it failed: what the app routes now and what to do. */
async function trafficWriteFailed(
  aca: Aca,
  s: DeploySettings,
  planned: readonly TrafficEntry[],
  error: unknown,
): Promise<Error> {
  const now = await liveTrafficText(aca, s.app);
  return new Error(
    `${s.revision} is ready and proven on its revision URL, but writing the traffic [${describeTraffic(planned)}] failed: ${(error as Error).message}. The traffic now in force: ${now}. Run deploy-app again with the same image and revision-suffix: it converges on ${s.revision} and writes the traffic again`,
    { cause: error },
  );
}

/**
 * Before a template write: weight carried by latestRevision is pinned to the revision it really serves now
 * (latestServing: latestRevisionName, never a Failed revision, never ""), by name, so the new revision gets none
 * until it is proven. Nothing serving it (no such name, or only Failed revisions): nothing to protect, no pin.
 * Returns the entries pinned (empty when nothing was).
 */
async function pinLatestTraffic(deps: DeployDeps, s: DeploySettings): Promise<TrafficEntry[]> {
  const { aca } = deps;
  const app = await aca.getApp(s.app);
  if (!app || latestWeight(trafficOf(app)) === 0) return [];
  const states: Record<string, RevisionInfo | undefined> = {};
  for (const name of new Set([app.latestRevisionName, app.latestReadyRevisionName])) {
    if (name?.trim()) states[name] = await aca.getRevision(s.app, name);
  }
  const target = latestServing(app, states);
  if (!target) {
    deps.log?.(
      `latestRevision carries weight but serves no revision (latestRevisionName '${app.latestRevisionName ?? ''}', latestReadyRevisionName '${app.latestReadyRevisionName ?? ''}', neither serving): nothing to pin`,
    );
    return [];
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
  deps.log?.(`latestRevision weight pinned before the new revision: [${describeTraffic(update.after)}]`);
  return update.after.filter((e) => e.revisionName === target && (e.weight ?? 0) > 0);
}

export async function deployApp(s: DeploySettings, deps: DeployDeps): Promise<DeployResult> {
  const { aca } = deps;
  const log = deps.log ?? (() => undefined);
  const now = deps.now ?? systemClock.now;
  const deadline = now() + s.waitTimeoutMs;
  const verified = await deps.verifyImage(s.image, s.imageRef, s.expected);
  log(`image verified: ${verified}`);
  let app = await aca.getApp(s.app);
  const created = !app;
  let reused = false;
  let forced = s.forced;
  let domain: string;
  let trafficBefore: TrafficEntry[] = [];
  /** Entries this run pinned from latestRevision to a revision by name before its template write. */
  let pinned: TrafficEntry[] = [];
  /** This run activates an existing revision (from this state): the wait keeps it active. */
  let activated: { from?: RevisionInfo } | undefined;
  /** The write that makes the revision exist (and run); undefined when it exists and is active. */
  let write: (() => Promise<ContainerApp | undefined>) | undefined;

  if (!app) {
    const env = await aca.getEnvironment(s.environment);
    domain = env.defaultDomain;
    const body = createBody(s, env.id, env.location);
    write = () => {
      log(`creating app ${s.app} in ${env.name} with revision ${s.revision}`);
      return aca.putApp(s.app, body);
    };
  } else {
    const mode = app.configuration?.activeRevisionsMode ?? 'Single';
    if (mode.toLowerCase() !== 'multiple') {
      throw new Error(
        `App ${s.app} runs in ${mode} revisions mode; blue-green needs Multiple (set configuration.activeRevisionsMode: Multiple)`,
      );
    }
    if (s.mode === 'preview' && s.production) guardLivePreview(app, s.app, s.production);
    assertRegistry(s.image, app);
    trafficBefore = trafficOf(app);
    planDeployTraffic(trafficBefore, s); // refuses a state the model cannot handle, before any write
    const envId = environmentIdOf(app);
    if (!envId) throw new Error(`App ${s.app} names no managed environment`);
    domain =
      domainFromFqdn(s.app, app.configuration?.ingress?.fqdn) ??
      (await aca.getEnvironment(envId)).defaultDomain;
    const revision = await aca.getRevision(s.app, s.revision);
    const base = app.template ?? revision?.template;
    if (!base) throw new Error(`App ${s.app} has no template to build the new revision from`);
    const next = revisionTemplate(base, {
      image: s.image,
      suffix: s.suffix,
      envVars: s.envVars,
      mode: s.mode,
      liveSource: `app ${s.app}`,
    });
    forced = s.mode === 'preview' ? next.forced : forced;
    if (revision) {
      // A revision cannot change: converge on it only when it runs exactly what this run would write.
      const differences = templateDifferences(revision.template, next.template);
      if (differences.length > 0) {
        throw new InputError(
          'revision-suffix',
          s.suffix,
          `allowed: a suffix not yet used, or the same template: revision ${s.revision} exists and runs another template than this run would write (${differences.join('; ')}); a revision cannot change: deploy a new version or give a new revision-suffix`,
        );
      }
      reused = true;
      // A write of the same template creates nothing (ARM keeps the revision as it is), so a revision that
      // failed is provisioned again by activating it; if it fails again, the run fails with its state.
      // Not active includes a revision ACA is still taking down (active: true, Deprovisioning): it is activated,
      // and activated again should it go on to Stopped while this run waits.
      const failed = isActive(revision) && revisionReadiness(revision) === 'failed';
      log(
        failed
          ? `${s.revision} exists with this template but failed (${describeRevisionState(revision)}): activating it again`
          : isActive(revision)
            ? `${s.revision} exists with this template: converging on it`
            : `${s.revision} exists with this template but is not active (${describeRevisionState(revision)}): activating it`,
      );
      if (!isActive(revision) || failed) {
        activated = { from: revision };
        write = () => aca.activate(s.app, s.revision).then(() => undefined);
      }
    } else {
      const live = { ...app, name: s.app };
      write = async () => {
        pinned = await pinLatestTraffic(deps, s);
        return aca.patchTemplate(live, next.template);
      };
    }
  }

  let proof: string;
  try {
    const written = write ? await write() : undefined;
    app = written ?? app;
    ({ proof } = await readyAndServing(aca, {
      app: s.app,
      revision: s.revision,
      domain,
      deadline,
      resolve: s.resolve,
      caFile: s.caFile,
      prove: deps.prove,
      now,
      activated,
    }));
  } catch (error) {
    throw await failedRevision(deps, s, error);
  }
  const named = { ...app!, name: s.app };
  log(`${s.revision} serves: ${proof}`);

  let planned: TrafficEntry[] = [];
  const update = await updateTraffic(
    aca,
    s.app,
    (live) => {
      const from = s.mode === 'preview' ? unpinLatest(live, pinned) : live;
      planned = planDeployTraffic(from, s);
      return s.mode === 'preview' && sameTraffic(planned, from) ? live : planned;
    },
    { log, delayMs: deps.trafficDelayMs },
  ).catch(async (error: unknown) => {
    throw await trafficWriteFailed(aca, s, planned, error);
  });
  if (created) trafficBefore = update.before;
  const trafficAfter = update.after;
  const latest = await aca.getApp(s.app);
  const deactivated = await deactivateIdle(aca, { ...(latest ?? named), name: s.app }, trafficAfter, {
    keep: [s.revision],
    // Previews: only this pull request's revisions. Another pull request's deploy may be waiting for its new
    // revision to turn healthy before labelling it; it is not idle, and it is not this run's to deactivate.
    ...(s.mode === 'preview' ? { scope: notAnotherPullRequest(s.app, s.label!) } : {}),
  });
  const label =
    trafficAfter.find((e) => e.revisionName === s.revision && e.label)?.label ?? s.label ?? 'blue';
  return {
    app: s.app,
    revision: s.revision,
    label,
    labelUrl: labelUrl(s.app, label, domain),
    revisionUrl: revisionUrl(s.app, s.revision, domain),
    appUrl: appUrl(s.app, domain),
    productionRevision: productionRevision(trafficAfter, latest?.latestRevisionName),
    created,
    reused,
    image: s.image,
    trafficBefore,
    trafficAfter,
    deactivated,
    forced,
    proof,
    verified,
  };
}
