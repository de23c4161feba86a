// The Azure Container Apps client deploy-app and blue-green need, over the client from src/azure/connection.ts:
// the app (404 -> undefined), its environment and default domain, revisions and their replicas, app create (PUT),
// template and traffic updates (PATCH), activate/deactivate. What is done with them lives above: the wait for a
// revision to be ready in src/revisions/wait.ts, the traffic write and its lost-update protocol in
// src/revisions/traffic-write.ts, the rules a revision and a traffic list are read by in src/revisions/.
//
// Long-running writes (PUT, PATCH) are polled the way ARM documents it: the first poll after the Retry-After
// the write answered with, else on the poll schedule; each later poll after the Retry-After of the status answer
// before it, when ARM sends one. The operation's result (the app as the write left it) is the write's read-back:
// no further GET. The poll schedule (LRO polls and the readiness wait alike): a short first pause, each next one
// POLL_FACTOR times the last, up to pollMs, so that a poll sees a change at most POLL_FACTOR times the time it
// took (plus the first pause) until the pauses reach pollMs. Every loop is poll/retry from src/core/retry.ts.
import type {
  ContainerApp,
  ContainerAppsAPIClient,
  ManagedEnvironment,
  Replica,
  Revision,
  Template,
  TrafficWeight,
} from '@azure/arm-appcontainers';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { domainFromFqdn, environmentIdParts } from '../core/naming.js';
import { type Backoff, type Clock, poll, retry, systemClock } from '../core/retry.js';

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
 * A revision as ACA reports it, with `runningStateDetails` (Azure's words: `The TargetPort 8080 does not match the
 * listening port 80.`), which ARM answers but the SDK's Revision model leaves out (getRevision reads it from the
 * raw body).
 */
export type RevisionState = Revision & { runningStateDetails?: string };

/**
 * What the actions read of a revision: its name, whether it is active, its states and its template; and, when read
 * one by one (getRevision), Azure's runningStateDetails.
 */
export type RevisionInfo = RevisionState & { name: string };

/** `Retry-After` (seconds, or an HTTP date) in ms; undefined when absent or not understood. Pure. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
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

/** ARM's answer to any read under a resource group that does not exist: not an absent app or environment. */
export function isResourceGroupMissing(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ResourceGroupNotFound';
}

function isNotFound(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string };
  if (isResourceGroupMissing(error)) return false;
  return e?.statusCode === 404 || e?.code === 'ResourceNotFound' || e?.code === 'ContainerAppNotFound';
}

/** A managed environment ARM does not find in a resource group that exists. */
export class EnvironmentNotFound extends Error {
  override name = 'EnvironmentNotFound';
  constructor(
    readonly environment: string,
    readonly resourceGroup: string,
    options?: ErrorOptions,
  ) {
    super(`Managed environment '${environment}' was not found in resource group '${resourceGroup}'`, options);
  }
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

/** The operations, bound to one resource group. */
export class Aca {
  readonly resourceGroup: string;
  /** The pause after poll n: firstPollMs x POLL_FACTOR^(n-1), at most pollMs (LRO polls, the readiness wait). */
  readonly schedule: Backoff;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  private readonly pollMs: number;
  private readonly retryAfter: Map<string, string>;
  private readonly busyWaitMs: number;

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
    this.clock = { now: options.now ?? systemClock.now, sleep: options.sleep ?? systemClock.sleep };
  }

  /** Runs a write, retrying while ARM reports another operation on the app in progress. */
  private async write<T>(what: string, call: () => Promise<T>, busyWaitMs = this.busyWaitMs): Promise<T> {
    return retry(
      call,
      { delay: { firstMs: this.pollMs }, deadlineMs: busyWaitMs, retryOn: isBusy },
      this.clock,
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
    const polled = await poll<T, undefined>(
      async ({ attempt }) => {
        if (attempt > 1) {
          await poller.poll();
          hint = status ? this.retryAfter.get(new URL(status).pathname.toLowerCase()) : undefined;
        }
        return poller.isDone()
          ? { done: true, value: poller.getResult() as T }
          : { done: false, state: undefined, pauseMs: retryAfterMs(hint) };
      },
      // No bound: the operation ends when ARM says so, or fails as the poller does.
      { delay: this.schedule },
      this.clock,
    );
    return (polled as { value: T }).value;
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
      throw new EnvironmentNotFound(name, group, { cause: error });
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
   * One PATCH carrying the whole traffic list (labels live only there), configuration and template untouched.
   * Returns the app the operation ended with (read when its result lacks it). Without retryBusy a 409 (another
   * operation in progress) is thrown: the caller re-plans on the list that operation leaves, instead of sending a
   * body planned from the list before it. The checked write is writeTraffic (src/revisions/traffic-write.ts).
   */
  async patchTraffic(
    app: ContainerApp & { name: string },
    traffic: TrafficWeight[],
    { retryBusy = true }: { retryBusy?: boolean } = {},
  ): Promise<ContainerApp | undefined> {
    const body = { location: app.location, configuration: { ingress: { traffic } } };
    const patch = () =>
      this.operation((o) => this.client.containerApps.beginUpdate(this.resourceGroup, app.name, body, o));
    const result = await (retryBusy ? this.write(`PATCH ${app.name}`, patch) : patch());
    // An operation that ends without the app in its result: read it.
    return result?.configuration ? result : await this.getApp(app.name);
  }

  async activate(app: string, revision: string): Promise<void> {
    this.log(`activate ${revision}`);
    await this.write(`activate ${revision}`, () =>
      this.client.containerAppsRevisions.activateRevision(this.resourceGroup, app, revision),
    );
  }

  /**
   * ACA's revision restart (POST .../revisions/<revision>/restart): its replicas get SIGTERM, then a kill after the
   * template's terminationGracePeriodSeconds, and come up again. The trading handover's escalation.
   */
  /** `withinMs` bounds the retries while another operation on the app is in progress (default busyWaitMs). */
  async restartRevision(app: string, revision: string, withinMs?: number): Promise<void> {
    this.log(`restart ${revision}`);
    await this.write(
      `restart ${revision}`,
      () => this.client.containerAppsRevisions.restartRevision(this.resourceGroup, app, revision),
      withinMs === undefined ? this.busyWaitMs : Math.min(withinMs, this.busyWaitMs),
    );
  }

  async deactivate(app: string, revision: string): Promise<void> {
    this.log(`deactivate ${revision}`);
    await this.write(`deactivate ${revision}`, () =>
      this.client.containerAppsRevisions.deactivateRevision(this.resourceGroup, app, revision),
    );
  }
}

/**
 * The environment's default domain an app's URLs are on, the one rule both actions use: as the app's ingress FQDN
 * carries it (domainFromFqdn, no read), else the environment's defaultDomain (one read); undefined when the app
 * names no environment.
 */
export async function appDomain(
  aca: Pick<Aca, 'getEnvironment'>,
  name: string,
  app: ContainerApp,
): Promise<string | undefined> {
  const fromFqdn = domainFromFqdn(name, app.configuration?.ingress?.fqdn);
  if (fromFqdn) return fromFqdn;
  const envId = environmentIdOf(app);
  return envId ? (await aca.getEnvironment(envId)).defaultDomain : undefined;
}
