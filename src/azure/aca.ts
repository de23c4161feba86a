// The Azure Container Apps operations deploy-app and blue-green need, over the client from src/azure/connection.ts:
// the app (404 -> undefined), its environment and default domain, revisions, traffic writes (one PATCH with the
// whole list, read back), app create (PUT) and template update (PATCH), activate/deactivate, and the wait for a
// revision to be Provisioned + Running + Healthy (its replicas read at each poll, judged in readiness.ts). The
// decisions (is a revision ready, failed, are two traffic lists the same) are pure functions exported for tests.
//
// Long-running writes (PUT, PATCH) are polled the way ARM documents it: the first poll after the Retry-After
// the write answered with, else on the poll schedule; each later poll after the Retry-After of the status answer
// before it, when ARM sends one. The operation's result (the app as the write left it) is the write's read-back:
// no further GET. The poll schedule (LRO polls and the readiness wait alike): a short first pause, each next one
// POLL_FACTOR times the last, up to pollMs, so that a poll sees a change at most POLL_FACTOR times the time it
// took (plus the first pause) until the pauses reach pollMs.
import type {
  ContainerApp,
  ContainerAppsAPIClient,
  ManagedEnvironment,
  Replica,
  Revision,
  Template,
} from '@azure/arm-appcontainers';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import {
  containerFindings,
  describeContainer,
  judgeReadiness,
  type ReadinessInput,
  type ReadinessPolicy,
  type ReadinessWatch,
  type RevisionState,
} from '../revisions/readiness.js';
import {
  assertValidTraffic,
  describeTraffic,
  normaliseTraffic,
  type Traffic,
  type TrafficEntry,
} from '../revisions/traffic.js';
import { environmentIdParts } from '../core/naming.js';
import { type Backoff, delayMs, poll, retry, type Step, systemClock } from '../core/retry.js';

/**
 * Growth of the pauses between polls of a state that changes once (an operation's end, a revision's readiness):
 * the poll that sees the change comes at most this many times the time the change took (the release path's goal
 * is 1.2x its waits), with requests growing with the log of the wait, not linearly.
 */
export const POLL_FACTOR = 1.2;

export interface EnvironmentInfo {
  id: string;
  name: string;
  location?: string;
  defaultDomain: string;
}

/**
 * What the actions read of a revision: its name, whether it is active, its states and its template; and, when read
 * one by one (getRevision), Azure's runningStateDetails.
 */
export type RevisionInfo = RevisionState & { name: string };

export type Readiness = 'ready' | 'waiting' | 'failed';

/** Ready is Provisioned + Running + Healthy; a Failed provisioning or running state is final. Pure. */
export function revisionReadiness(r: Revision): Readiness {
  if (r.provisioningState === 'Failed' || r.runningState === 'Failed') return 'failed';
  const running = r.runningState === 'Running' || r.runningState === 'RunningAtMaxScale';
  return r.provisioningState === 'Provisioned' && running && r.healthState === 'Healthy'
    ? 'ready'
    : 'waiting';
}

/** ACA is taking the revision down: `active` may still say true (for tens of seconds), then it turns false, Stopped. */
const DEACTIVATING = /^Deprovision/i;

/**
 * Whether a revision is active, the one rule every action uses: `active` is not false and ACA is not taking it down.
 * Live Azure answers `active: true` with runningState `Deprovisioning` for tens of seconds after a deactivation,
 * then `active: false`, `Stopped` (recorded in Azure/azure-cli-extensions, test_containerapp_revision_label_e2e):
 * such a revision serves nothing and will not come back by itself, so it counts as inactive (to be activated). Pure.
 */
export function isActive(r: Revision): boolean {
  return (
    r.active !== false &&
    !DEACTIVATING.test(r.runningState ?? '') &&
    !DEACTIVATING.test(r.provisioningState ?? '')
  );
}

/**
 * Azure's own words about a revision: its provisioningError and runningStateDetails (e.g. `Container crashing: app`,
 * `The TargetPort 8080 does not match the listening port 80.`), each once. Pure.
 */
export function azureWords(r: RevisionState): string[] {
  const words = [r.provisioningError, r.runningStateDetails].map((w) => w?.trim()).filter((w) => !!w);
  return [...new Set(words)] as string[];
}

/**
 * `provisioningState Failed, runningState Failed, healthState Unhealthy, active, 0 replicas: <provisioningError>;
 * <runningStateDetails>`. Pure.
 */
export function describeRevisionState(r: RevisionState): string {
  const parts = [
    `provisioningState ${r.provisioningState ?? 'unknown'}`,
    `runningState ${r.runningState ?? 'unknown'}`,
    `healthState ${r.healthState ?? 'unknown'}`,
    r.active === false ? 'inactive' : isActive(r) ? 'active' : 'deactivating',
    `${r.replicas ?? 0} replica${r.replicas === 1 ? '' : 's'}`,
  ];
  const words = azureWords(r);
  return `${parts.join(', ')}${words.length ? `: ${words.join('; ')}` : ''}`;
}

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
    super(
      `Revision ${revision} ${why}${state ? ` (${describeRevisionState(state)})` : ''}${container ? `; ${container}` : ''}`,
    );
  }
}

/**
 * How far back a replica's createdTime makes it this run's (a deploy's write and its wait take minutes at most); an
 * older replica's restarts from before the wait do not count against the restart limit.
 */
export const FRESH_REPLICA_MS = 10 * 60_000;

/** Traffic read back after a write differs from what was written. */
export class TrafficReadBackError extends Error {
  override name = 'TrafficReadBackError';
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

export function trafficOf(app: ContainerApp): TrafficEntry[] {
  return normaliseTraffic(app.configuration?.ingress?.traffic);
}

/**
 * The environment's default domain as the app's ingress FQDN carries it (`<app>.<defaultDomain>`), so that the
 * URLs need no read of the environment; undefined when the FQDN does not have that shape (no external ingress, or
 * an internal one: `<app>.internal.<domain>`). Pure.
 */
export function domainFromFqdn(app: string, fqdn: string | undefined): string | undefined {
  const host = fqdn?.trim().toLowerCase().replace(/\.$/, '');
  const prefix = `${app.toLowerCase()}.`;
  if (!host?.startsWith(prefix)) return undefined;
  const domain = host.slice(prefix.length);
  return domain.includes('.') && !domain.startsWith('internal.') ? domain : undefined;
}

/** `Retry-After` (seconds, or an HTTP date) in ms; undefined when absent or not understood. Pure. */
export function retryAfterMs(value: string | undefined, now = systemClock.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Retry-After of the last answer from each ARM path, per client (one policy per client, added once). */
const retryAfterSeen = new WeakMap<ContainerAppsAPIClient, Map<string, string>>();

function retryAfterOf(client: ContainerAppsAPIClient): Map<string, string> {
  let seen = retryAfterSeen.get(client);
  if (seen) return seen;
  const map = new Map<string, string>();
  const policy: PipelinePolicy = {
    name: 'alc-retry-after',
    sendRequest: async (req, next) => {
      const res = await next(req);
      const key = new URL(req.url).pathname.toLowerCase();
      const value = res.headers.get('retry-after');
      if (value) map.set(key, value);
      else map.delete(key);
      return res;
    },
  };
  // A client without a pipeline (a test double) polls on the schedule alone.
  client.pipeline?.addPolicy(policy);
  seen = map;
  retryAfterSeen.set(client, seen);
  return seen;
}

/** What a long-running write's poller offers (the SDK's simple poller). */
interface Lro<T> {
  isDone(): boolean;
  poll(): Promise<unknown>;
  getResult(): T | undefined;
}

type LroStart<T> = (options: {
  onResponse: (raw: { headers: { get(name: string): string | undefined } }) => void;
}) => Promise<Lro<T>>;

/** The environment resource ID an app points at. */
export function environmentIdOf(app: ContainerApp): string | undefined {
  return app.environmentId ?? app.managedEnvironmentId;
}

function isNotFound(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string };
  return e?.statusCode === 404 || e?.code === 'ResourceNotFound' || e?.code === 'ContainerAppNotFound';
}

async function orUndefined<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** ARM refuses a write while another operation on the app runs (e.g. one a cancelled run left behind). */
export function isBusy(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string };
  return e?.statusCode === 409 && (e.code === undefined || /InProgress|Conflict/i.test(e.code));
}

export interface AcaOptions {
  resourceGroup: string;
  /** The longest pause between polls (revision states, long-running writes); default 2000 ms. */
  pollMs?: number;
  /** The first pause of a poll (a long-running write without Retry-After, the revision's states); default 250 ms. */
  firstPollMs?: number;
  /** How long a write waits for another operation on the app to finish (409 in progress). */
  busyWaitMs?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface WaitOptions {
  /** This run activated the revision (from the state `from`, when known): keep it active while waiting. */
  keepActive?: { from?: Revision };
}

/** The state of an inactive revision, to tell one inactive state from the next. */
function inactiveState(r: Revision): string {
  return `${r.active}|${r.provisioningState}|${r.runningState}`;
}

/** The operations, bound to one resource group. */
export class Aca {
  readonly resourceGroup: string;
  private readonly pollMs: number;
  /** The pause after poll n: firstPollMs x POLL_FACTOR^(n-1), at most pollMs. */
  private readonly schedule: Backoff;
  private readonly retryAfter: Map<string, string>;
  private readonly busyWaitMs: number;
  private readonly log: (line: string) => void;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly client: ContainerAppsAPIClient,
    options: AcaOptions,
  ) {
    this.resourceGroup = options.resourceGroup;
    this.pollMs = options.pollMs ?? 2000;
    const firstMs = Math.min(options.firstPollMs ?? 250, this.pollMs);
    this.schedule = { firstMs, factor: POLL_FACTOR, maxMs: this.pollMs };
    this.retryAfter = retryAfterOf(client);
    this.busyWaitMs = options.busyWaitMs ?? 5 * 60_000;
    this.log = options.log ?? (() => undefined);
    this.sleep = options.sleep ?? systemClock.sleep;
    this.now = options.now ?? systemClock.now;
  }

  /** Runs a write, retrying while ARM reports another operation on the app in progress. */
  private async write<T>(what: string, call: () => Promise<T>): Promise<T> {
    return retry(
      call,
      { delay: { firstMs: this.pollMs }, deadlineMs: this.busyWaitMs, retryOn: isBusy },
      { now: this.now, sleep: this.sleep },
      () => this.log(`${what}: another operation on the app is in progress; retrying`),
    );
  }

  /**
   * A long-running write to its end: poll n after the Retry-After of the answer before it, else after the
   * schedule's pause n. Resolves to the operation's result; a failed operation rejects as the SDK's poller does.
   */
  private async operation<T>(start: LroStart<T>): Promise<T> {
    let status: string | undefined;
    let hint: string | undefined;
    const poller = await start({
      onResponse: (raw) => {
        status = raw.headers.get('azure-asyncoperation');
        hint = raw.headers.get('retry-after');
      },
    });
    for (let n = 1; !poller.isDone(); n++) {
      await this.sleep(retryAfterMs(hint) ?? delayMs(this.schedule, n));
      await poller.poll();
      hint = status ? this.retryAfter.get(new URL(status).pathname.toLowerCase()) : undefined;
    }
    return poller.getResult() as T;
  }

  getApp(app: string): Promise<ContainerApp | undefined> {
    return orUndefined(this.client.containerApps.get(this.resourceGroup, app));
  }

  /** The managed environment by name (in this resource group) or by full resource ID. */
  async getEnvironment(nameOrId: string): Promise<EnvironmentInfo> {
    const id = environmentIdParts(nameOrId);
    const [group, name] = id ? [id.resourceGroup, id.name] : [this.resourceGroup, nameOrId];
    let env: ManagedEnvironment | undefined;
    try {
      env = await this.client.managedEnvironments.get(group, name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      throw new Error(`Managed environment '${name}' was not found in resource group '${group}'`, {
        cause: error,
      });
    }
    if (!env.defaultDomain) throw new Error(`Managed environment '${name}' reports no defaultDomain`);
    return {
      id: env.id ?? nameOrId,
      name: env.name ?? name,
      location: env.location,
      defaultDomain: env.defaultDomain,
    };
  }

  async listRevisions(app: string): Promise<RevisionInfo[]> {
    const out: RevisionInfo[] = [];
    for await (const r of this.client.containerAppsRevisions.listRevisions(this.resourceGroup, app)) {
      if (r.name) out.push(r as RevisionInfo);
    }
    return out;
  }

  /** The revision, with the runningStateDetails of the raw answer (the SDK's model drops it); undefined on 404. */
  async getRevision(app: string, revision: string): Promise<RevisionInfo | undefined> {
    let details: unknown;
    const read = await orUndefined(
      this.client.containerAppsRevisions.getRevision(this.resourceGroup, app, revision, {
        onResponse: (raw) => {
          details = (raw.parsedBody as { properties?: { runningStateDetails?: unknown } } | undefined)
            ?.properties?.runningStateDetails;
        },
      }) as Promise<RevisionInfo>,
    );
    if (!read) return undefined;
    return typeof details === 'string' && details.trim() ? { ...read, runningStateDetails: details } : read;
  }

  /** The replicas of a revision and their containers (the replica API); none for a revision ARM does not show. */
  async listReplicas(app: string, revision: string): Promise<Replica[]> {
    const list = await orUndefined(
      this.client.containerAppsRevisionReplicas.listReplicas(this.resourceGroup, app, revision),
    );
    return list?.value ?? [];
  }

  /** Creates (or replaces) the whole app: PUT, a long-running operation. */
  async putApp(app: string, body: ContainerApp): Promise<ContainerApp> {
    this.log(`PUT ${app} (create or replace the app)`);
    return this.write(`PUT ${app}`, () =>
      this.operation((o) => this.client.containerApps.beginCreateOrUpdate(this.resourceGroup, app, body, o)),
    );
  }

  /** A new revision from a template: PATCH of the template only (configuration, secrets and traffic untouched). */
  async patchTemplate(app: ContainerApp & { name: string }, template: Template): Promise<ContainerApp> {
    this.log(`PATCH ${app.name} template (revision suffix ${template.revisionSuffix})`);
    return this.write(`PATCH ${app.name}`, () =>
      this.operation((o) =>
        this.client.containerApps.beginUpdate(
          this.resourceGroup,
          app.name,
          { location: app.location, template },
          o,
        ),
      ),
    );
  }

  /**
   * One PATCH carrying the whole traffic list (labels live only there); the app the operation ends with must
   * carry the same list (the read-back). Returns the traffic read back.
   */
  async writeTraffic(
    app: ContainerApp & { name: string },
    traffic: Traffic,
    { retryBusy = true }: { retryBusy?: boolean } = {},
  ): Promise<TrafficEntry[]> {
    assertValidTraffic(traffic);
    this.log(`PATCH ${app.name} traffic [${describeTraffic(traffic)}]`);
    const body = {
      location: app.location,
      configuration: { ingress: { traffic: normaliseTraffic(traffic) } },
    };
    const patch = () =>
      this.operation((o) => this.client.containerApps.beginUpdate(this.resourceGroup, app.name, body, o));
    // Without retryBusy a 409 (another operation in progress) is thrown: the caller re-plans on the list that
    // operation leaves, instead of sending a body planned from the list before it.
    const result = await (retryBusy ? this.write(`PATCH ${app.name}`, patch) : patch());
    // An operation that ends without the app in its result: read it.
    const read = result?.configuration ? result : await this.getApp(app.name);
    const back = read ? trafficOf(read) : [];
    if (!sameTraffic(back, traffic)) {
      throw new TrafficReadBackError(
        `Traffic of ${app.name} read back as [${describeTraffic(back)}] after writing [${describeTraffic(traffic)}]`,
      );
    }
    return back;
  }

  async activate(app: string, revision: string): Promise<void> {
    this.log(`activate ${revision}`);
    await this.write(`activate ${revision}`, () =>
      this.client.containerAppsRevisions.activateRevision(this.resourceGroup, app, revision),
    );
  }

  async deactivate(app: string, revision: string): Promise<void> {
    this.log(`deactivate ${revision}`);
    await this.write(`deactivate ${revision}`, () =>
      this.client.containerAppsRevisions.deactivateRevision(this.resourceGroup, app, revision),
    );
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
  async waitReady(
    app: string,
    revision: string,
    deadline: number,
    policy: ReadinessPolicy = {},
    { keepActive }: WaitOptions = {},
  ): Promise<RevisionInfo> {
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
      return verdict.kind === 'ready'
        ? { done: true, value: input.revision! }
        : { done: false, state: input };
    };
    const polled = await poll<RevisionInfo, Judged>(
      async () => {
        const last = await this.getRevision(app, revision);
        if (keepActive && last && !isActive(last) && inactiveState(last) !== activatedFrom) {
          activatedFrom = inactiveState(last);
          this.log(`${revision} is not active (${describeRevisionState(last)}): activating it again`);
          await this.activate(app, revision);
        }
        let replicas: Replica[] | undefined = [];
        if (last && isActive(last)) {
          replicas = await this.listReplicas(app, revision).catch((e: unknown) => {
            const why = (e as Error).message;
            if (why !== unreadable) this.log(`${revision}: its replicas could not be read: ${why}`);
            unreadable = why;
            return undefined;
          });
        }
        const containers = containerFindings(replicas).map(describeContainer);
        const state = last ? [describeRevisionState(last), ...containers].join('; ') : 'not found yet';
        if (state !== seen) this.log(`${revision}: ${state}`);
        seen = state;
        return judge({ now: this.now(), deadline, revision: last, replicas, policy: judged, watch });
      },
      // The poll schedule (a revision ready in seconds is seen within POLL_FACTOR of that); pauses end at the
      // deadline, where judgeReadiness fails the wait.
      { delay: this.schedule, deadlineMs: deadline - this.now(), reserveMs: 0 },
      { now: this.now, sleep: this.sleep },
    );
    if (polled.done) return polled.value;
    // The deadline passed between the last judgement and its pause: judged at the deadline, the wait fails.
    const final = judge({ ...polled.state, now: Math.max(deadline, this.now()), watch });
    if (final.done) return final.value;
    throw new RevisionFailedError(revision, polled.state.revision, 'did not become ready in time');
  }
}

/** `[blue=app--v1@100, ...]` as the app routes now, for an error after a failed write; never throws. */
export function liveTrafficText(aca: Pick<Aca, 'getApp'>, app: string): Promise<string> {
  return aca.getApp(app).then(
    (a) => (a ? `[${describeTraffic(trafficOf(a))}]` : 'unknown (the app could not be read)'),
    (e: unknown) => `unknown (reading the app failed: ${(e as Error).message})`,
  );
}

/** Another writer kept changing the traffic list: this run's change could not be made without undoing theirs. */
export class TrafficContendedError extends Error {
  override name = 'TrafficContendedError';
}

export interface TrafficUpdateOptions {
  /** Attempts when the list changed under this run (read back differs, or changed right after). Default 8. */
  attempts?: number;
  /** How long to keep re-planning while ARM reports another operation on the app in progress. Default 5 min. */
  busyWaitMs?: number;
  /**
   * Base of the randomised pause between attempts, and the settle between the end of this run's write and the final
   * check. Default 500.
   */
  delayMs?: number;
  log?: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface TrafficUpdate {
  /** The list the plan was last made from. */
  before: TrafficEntry[];
  /** The list in force when the update returned (this run's change in it). */
  after: TrafficEntry[];
  /** Whether this run wrote (false: the list already carried the change). */
  written: boolean;
  attempts: number;
}

/**
 * Lost-update protection for a traffic write. ACA has no ETag/If-Match on container apps (the REST spec and
 * @azure/arm-appcontainers carry neither an etag nor an ifMatch parameter), so this is read-compare-write: read
 * the list, plan this run's change on it (`plan` must be idempotent and touch only this run's entries), write
 * the whole list, read it back, and read it again after a short settle; whenever the list is not what was
 * planned (another run wrote in between) or ARM reports another operation in progress, re-read and re-plan on
 * the fresh list. A body planned from an older list is never re-sent. Bounded: `attempts` changes, `busyWaitMs`.
 */
export async function updateTraffic(
  aca: Pick<Aca, 'getApp' | 'writeTraffic'>,
  appName: string,
  plan: (live: TrafficEntry[], app: ContainerApp) => TrafficEntry[],
  o: TrafficUpdateOptions = {},
): Promise<TrafficUpdate> {
  const attempts = o.attempts ?? 8;
  const delayMs = o.delayMs ?? 500;
  const log = o.log ?? (() => undefined);
  const pause = o.sleep ?? systemClock.sleep;
  const now = o.now ?? systemClock.now;
  const busyUntil = now() + (o.busyWaitMs ?? 5 * 60_000);
  const read = async () => {
    const app = await aca.getApp(appName);
    if (!app) throw new Error(`Container app '${appName}' was not found`);
    return app;
  };
  let changes = 0;
  let written = false;
  let last: unknown;
  for (let attempt = 1; ; attempt++) {
    const app = await read();
    const before = trafficOf(app);
    const planned = plan(before, app);
    if (sameTraffic(planned, before)) return { before, after: before, written, attempts: attempt };
    try {
      await aca.writeTraffic({ ...app, name: appName }, planned, { retryBusy: false });
      written = true;
      // While this write's operation runs, another run's write is refused with 409 and that run re-plans. A run
      // that read the list during the operation (GET answers the list from before it) may land its write just after
      // it ends: look again a settle after the end, not after the send, so that write is seen however long the
      // operation took.
      await pause(delayMs);
      const again = await read();
      const now2 = trafficOf(again);
      if (sameTraffic(plan(now2, again), now2)) return { before, after: now2, written, attempts: attempt };
      last = new TrafficReadBackError(
        `Traffic of ${appName} changed right after this run wrote it: [${describeTraffic(now2)}]`,
      );
    } catch (error) {
      if (!(error instanceof TrafficReadBackError) && !isBusy(error)) throw error;
      last = error;
      if (isBusy(error)) {
        if (now() >= busyUntil) throw error;
        log(`traffic of ${appName}: another operation on the app is in progress; re-planning after it`);
        await pause(delayMs);
        continue;
      }
    }
    changes += 1;
    if (changes >= attempts) {
      throw new TrafficContendedError(
        `The traffic of ${appName} kept changing while this run wrote its change (${changes} attempts, another run or a manual change each time): ${(last as Error).message}`,
        { cause: last },
      );
    }
    log(
      `traffic of ${appName} changed under this run (${(last as Error).message}); re-planning on the fresh list`,
    );
    await pause(delayMs * (0.5 + Math.random()));
  }
}
