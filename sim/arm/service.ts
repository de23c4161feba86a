// The simulator's Azure Resource Manager for Microsoft.App: resource groups, managed environments,
// container apps (PUT/PATCH/DELETE as long-running operations), revisions and their actions. Revisions
// run on the Runtime; the ingress asks routeTable which revision(s) serve a host name.
import type { Route as IngressRoute, RouteTable, Runtime, TokenVerifier } from '../types.js';
import { sendJson, type RequestContext, type Route } from '../http.js';
import type { JsonStore } from '../state.js';
import { busy, isBusy, planWrite } from './apps.js';
import { ArmError, groupNotFound, invalid, notFound } from './errors.js';
import type { FaultInjector } from './faults.js';
import { Operations } from './lro.js';
import {
  type ContainerApp,
  type Json,
  type Revision,
  type SimState,
  appRevisions,
  arr,
  key,
  now,
  obj,
  str,
} from './model.js';
import {
  type Reply,
  type Target,
  SUBSCRIPTION_PATH,
  allow,
  authenticate,
  locationRequired,
  parsePath,
  readJson,
  requestIds,
} from './protocol.js';
import { buildRoutes } from './revisions.js';
import { revisionsMode } from './validate.js';
import {
  appId,
  appView,
  envId,
  environmentView,
  groupId,
  revisionState,
  replicaView,
  revisionView,
  runtimeSpec,
  terminationGraceSeconds,
} from './views.js';

export interface ImageCatalog {
  /** Whether the registry holds the image; `detail` is the registry's answer otherwise. */
  check(image: string): Promise<{ exists: boolean; detail: string }>;
  /** Credentials the runtime pulls the image with (undefined: anonymous). */
  pullCredentials(image: string): Promise<{ server: string; username: string; password: string } | undefined>;
}

export interface ArmOptions {
  subscriptionId: string;
  tenantId: string;
  store: JsonStore<SimState>;
  verifier: TokenVerifier;
  /** Token audiences ARM accepts besides its own origin (e.g. https://management.azure.com). */
  audiences?: string[];
  runtime: Runtime;
  faults: FaultInjector;
  /** The environments' default domain (the ingress certificate's wildcard domain). */
  domain: string;
  /** Minimum duration of a long-running operation. */
  lroDelayMs: number;
  /** How long an operation waits for a new revision to be provisioned. */
  readyTimeoutMs?: number;
  /** Location-only long-running operations (Operations' style). */
  lroStyle?: 'azure-async-operation' | 'location';
  /**
   * How long a deactivated revision stays `active: true` with runningState Deprovisioning before it is Stopped and
   * inactive. Azure: tens of seconds (test_containerapp_revision_label_e2e.yaml); default 0 (at once).
   */
  deprovisionMs?: number;
  /** How revisions without a revisionSuffix are named: ACA's random 7 characters (default) or 0000001, 0000002... */
  revisionSuffixes?: 'random' | 'sequence';
  /** Checks images against the registry; without it, images are not checked. */
  images?: ImageCatalog;
  /** The value a Key Vault secret reference resolves to (there is no Key Vault here). */
  keyVaultValue?: (secretName: string, url: string) => string;
  log?: (message: string) => void;
}

type ResourceTarget = Extract<Target, { kind: 'resource' }>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ArmService {
  private readonly runtime: Runtime;
  private readonly ops: Operations;
  private readonly pending = new Set<Promise<unknown>>();
  private routeCache: Map<string, IngressRoute> | undefined;
  private closing = false;
  /** Deactivations in their Deprovisioning time: ends each one now (activate cancels it first). */
  private readonly deprovisioning = new Map<string, () => void>();

  constructor(private readonly o: ArmOptions) {
    this.runtime = o.runtime;
    this.ops = new Operations({
      subscriptionId: o.subscriptionId,
      state: () => this.state,
      changed: () => this.changed(),
      delayMs: o.lroDelayMs,
      style: o.lroStyle,
      track: (p) => this.track(p),
      closing: () => this.closing,
      result: (id) => {
        const app = Object.values(this.state.apps).find((a) => appId(o.subscriptionId, a) === id);
        return app && this.appJson(app);
      },
    });
  }

  private get state(): SimState {
    return this.o.store.data;
  }

  /** The persisted state (read-only use: the metrics API looks up apps here). */
  get store(): JsonStore<SimState> {
    return this.o.store;
  }

  /** Persists the state and invalidates the route table. */
  private changed(): void {
    this.o.store.save();
    this.routeCache = undefined;
  }

  readonly routeTable: RouteTable = {
    route: (host: string) => {
      this.routeCache ??= buildRoutes(
        Object.values(this.state.apps),
        Object.values(this.state.revisions),
        this.o.domain,
      );
      return this.routeCache.get(host.toLowerCase());
    },
  };

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((e: unknown) => this.o.log?.(`background work failed: ${message(e)}`));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  /** Waits for the background work in flight (operations, runtime calls). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /** Ends the operations in flight quickly (a revision still provisioning fails) and waits for them. */
  async close(): Promise<void> {
    this.closing = true;
    for (const end of [...this.deprovisioning.values()]) end();
    await this.settle();
  }

  /** Start-up: converges the runtime with the persisted state (runs every active revision again). */
  resume(): void {
    this.ops.interrupt();
    for (const [k, app] of Object.entries(this.state.apps)) {
      if (app.provisioningState === 'Deleting') this.removeApp(k);
      else if (app.provisioningState === 'InProgress') app.provisioningState = 'Failed';
    }
    for (const rev of Object.values(this.state.revisions)) {
      if (rev.deprovisioningUntil) Object.assign(rev, { active: false, deprovisioningUntil: undefined });
    }
    this.changed();
    for (const rev of Object.values(this.state.revisions)) {
      const app = this.state.apps[rev.app];
      if (app && rev.active && !rev.provisioningError) this.track(this.run(app, rev));
    }
  }

  /** Creates a resource group directly (an existing one keeps its location): the seed of a fresh simulator. */
  seedResourceGroup(rg: string, location: string): void {
    this.state.resourceGroups[key(rg)] ??= { name: rg, location };
    this.changed();
  }

  /** Creates a resource group and a managed environment directly: the seed of a fresh simulator. */
  seedEnvironment(rg: string, name: string, location: string): void {
    this.state.resourceGroups[key(rg)] ??= { name: rg, location };
    this.putEnvironment(rg, name, location, {}, {});
  }

  // -----------------------------------------------------------------------------------------------
  // HTTP

  readonly route: Route = async (ctx) => {
    if (!SUBSCRIPTION_PATH.test(ctx.url.pathname)) return false;
    const ids = requestIds(ctx);
    try {
      authenticate(ctx, this.o.verifier, this.o.tenantId, this.o.audiences ?? []);
      if (!ctx.url.searchParams.get('api-version')) {
        throw new ArmError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        );
      }
      const sub = SUBSCRIPTION_PATH.exec(ctx.url.pathname)?.[1] ?? '';
      if (sub.toLowerCase() !== this.o.subscriptionId.toLowerCase()) {
        throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
      }
      const { status, body, headers } = await this.dispatch(ctx);
      sendJson(ctx.res, status, body, { ...ids, ...headers });
    } catch (e) {
      const err = e instanceof ArmError ? e : new ArmError(500, 'InternalServerError', message(e));
      sendJson(ctx.res, err.status, err.body, { ...ids, ...err.headers });
    }
    return true;
  };

  private async dispatch(ctx: RequestContext): Promise<Reply> {
    const t = parsePath(ctx.url.pathname);
    if (t.kind === 'operation') return this.ops.answer(ctx, t.view, t.id);
    if (t.kind === 'subscription') return allow(ctx.method, ['GET'], () => this.listAll(t.type));
    const { method } = ctx;
    const body = await readJson(ctx);
    if (!t.type) return this.resourceGroup(method, t.rg, body);
    if (t.type === 'managedenvironments') return this.environment(ctx, t, body);
    if (!t.name)
      return allow(method, ['GET'], () => ({
        status: 200,
        body: { value: this.appsIn(t.rg).map((a) => this.appJson(a)) },
      }));
    if (t.child === 'listsecrets') return allow(method, ['POST'], () => this.listSecrets(t));
    if (t.child === 'revisions') return this.revisions(method, t);
    if (method === 'GET') return { status: 200, body: this.appJson(this.requireApp(t)) };
    if (method === 'PUT' || method === 'PATCH') return this.writeApp(ctx, t, body);
    return allow(method, ['DELETE'], () => this.deleteApp(ctx, t));
  }

  private listAll(type: 'containerapps' | 'managedenvironments'): Reply {
    const value =
      type === 'containerapps'
        ? Object.values(this.state.apps).map((a) => this.appJson(a))
        : Object.values(this.state.environments).map((e) => environmentView(this.o.subscriptionId, e));
    return { status: 200, body: { value } };
  }

  // -----------------------------------------------------------------------------------------------
  // Resource groups and managed environments

  private requireGroup(rg: string) {
    const group = this.state.resourceGroups[key(rg)];
    if (!group) throw groupNotFound(rg);
    return group;
  }

  private resourceGroup(method: string, rg: string, body: Json): Reply {
    const view = (g: { name: string; location: string }) => ({
      id: groupId(this.o.subscriptionId, g.name),
      name: g.name,
      type: 'Microsoft.Resources/resourceGroups',
      location: g.location,
      properties: { provisioningState: 'Succeeded' },
    });
    if (method === 'PUT') {
      const existing = this.state.resourceGroups[key(rg)];
      const location = str(body.location);
      if (!location && !existing) throw locationRequired();
      this.state.resourceGroups[key(rg)] = existing ?? { name: rg, location: location as string };
      this.changed();
      return { status: existing ? 200 : 201, body: view(this.state.resourceGroups[key(rg)]) };
    }
    return allow(method, ['GET', 'HEAD'], () => {
      const group = this.requireGroup(rg);
      return method === 'HEAD' ? { status: 204 } : { status: 200, body: view(group) };
    });
  }

  private putEnvironment(rg: string, name: string, location: string, props: Json, tags: Json) {
    const k = key(rg, name);
    const existing = this.state.environments[k];
    this.state.environments[k] = {
      name: existing?.name ?? name,
      resourceGroup: this.requireGroup(rg).name,
      location: existing?.location ?? location,
      tags: { ...existing?.tags, ...tags },
      createdAt: existing?.createdAt ?? now(),
      properties: {
        ...props,
        provisioningState: 'Succeeded',
        defaultDomain: this.o.domain,
        staticIp: '127.0.0.1',
        zoneRedundant: false,
        workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }],
      },
    };
    this.changed();
    return this.state.environments[k];
  }

  private environment(ctx: RequestContext, t: ResourceTarget, body: Json): Reply {
    const sub = this.o.subscriptionId;
    this.requireGroup(t.rg);
    if (!t.name) {
      const inGroup = Object.values(this.state.environments).filter(
        (e) => key(e.resourceGroup) === key(t.rg),
      );
      return allow(ctx.method, ['GET'], () => ({
        status: 200,
        body: { value: inGroup.map((e) => environmentView(sub, e)) },
      }));
    }
    if (ctx.method === 'PUT') {
      const location = str(body.location);
      if (!location) throw locationRequired();
      const created = !this.state.environments[key(t.rg, t.name)];
      const env = this.putEnvironment(t.rg, t.name, location, obj(body.properties), obj(body.tags));
      const op = this.ops.start(
        'put',
        envId(sub, env),
        env.location,
        async () => undefined,
        () => undefined,
      );
      return {
        status: created ? 201 : 200,
        body: environmentView(sub, env),
        headers: this.ops.headers(ctx, op, false),
      };
    }
    const env = this.state.environments[key(t.rg, t.name)];
    if (!env) throw notFound('Microsoft.App/managedEnvironments', t.name, t.rg);
    return allow(ctx.method, ['GET'], () => ({ status: 200, body: environmentView(sub, env) }));
  }

  // -----------------------------------------------------------------------------------------------
  // Container apps

  private appsIn(rg: string): ContainerApp[] {
    this.requireGroup(rg);
    return Object.values(this.state.apps).filter((a) => key(a.resourceGroup) === key(rg));
  }

  private requireApp(t: ResourceTarget): ContainerApp {
    this.requireGroup(t.rg);
    const app = this.state.apps[key(t.rg, t.name as string)];
    if (!app) throw notFound('Microsoft.App/containerApps', t.name as string, t.rg);
    return app;
  }

  private status(rev: Revision) {
    return revisionState(
      rev,
      rev.active && !rev.provisioningError ? this.runtime.status(rev.name) : undefined,
    );
  }

  private appJson(app: ContainerApp): Json {
    return appView(app, {
      sub: this.o.subscriptionId,
      tenantId: this.o.tenantId,
      domain: this.o.domain,
      environmentId: String(app.properties.managedEnvironmentId ?? ''),
    });
  }

  private writeApp(ctx: RequestContext, t: ResourceTarget, body: Json): Reply {
    const patch = ctx.method === 'PATCH';
    const group = this.requireGroup(t.rg);
    const sub = this.o.subscriptionId;
    const plan = planWrite({
      state: this.state,
      subscriptionId: sub,
      group,
      name: t.name as string,
      patch,
      body,
      suffixes: this.o.revisionSuffixes,
    });
    const { appKey, app, revision } = plan;
    const before = this.state.apps[appKey];
    this.state.apps[appKey] = app;
    if (revision) this.state.revisions[key(appKey, revision.name)] = revision;
    const injected = this.o.faults.take(ctx.method, ctx.url.pathname, ['lro-fail']).length > 0;
    const op = this.ops.start(
      patch ? 'patch' : 'put',
      appId(sub, app),
      app.location,
      () => this.provision(appKey, revision, injected),
      (error) => {
        const current = this.state.apps[appKey];
        if (current) current.provisioningState = error ? 'Failed' : 'Succeeded';
      },
    );
    if (patch) return { status: 202, headers: this.ops.headers(ctx, op, true) };
    // 201 for a new app and for an existing one alike, and the revision names as they were before this write
    // ("" for a new app): test_containerapp_replica_commands.yaml, the PUT of `containerapp create` (201,
    // latestRevisionName "", latestReadyRevisionName "", latestRevisionFqdn ""); PUTs of `containerapp update`
    // answer 201 too in those recordings.
    const answer = this.appJson(app);
    const names = {
      latestRevisionName: before?.latestRevisionName ?? '',
      latestReadyRevisionName: before?.latestReadyRevisionName ?? '',
      latestRevisionFqdn: before ? obj(answer.properties).latestRevisionFqdn : '',
    };
    return {
      status: 201,
      body: { ...answer, properties: { ...obj(answer.properties), ...names } },
      headers: this.ops.headers(ctx, op, false),
    };
  }

  /** The work of a write: check the image, run the new revision, wait until it is provisioned. */
  private async provision(appKey: string, rev: Revision | undefined, injected: boolean): Promise<void> {
    const app = this.state.apps[appKey];
    const fail = (details: string) => {
      if (rev) rev.provisioningError = details;
      return new ArmError(
        400,
        'ContainerAppOperationError',
        `Failed to provision revision for container app '${app?.name}'. Error details: ${details}`,
      );
    };
    if (injected) throw fail('Injected fault: the operation failed.');
    if (!rev || !app) return;
    const container = arr(rev.template.containers)[0];
    const image = String(container.image);
    const found = await this.o.images
      ?.check(image)
      .catch((e: unknown) => ({ exists: false, detail: message(e) }));
    if (found && !found.exists) {
      throw fail(
        `The following field(s) are either invalid or missing. Field 'template.containers.${String(container.name)}.image' is invalid with details: 'Invalid value: "${image}": ${found.detail}';.`,
      );
    }
    // Multiple mode: the operation ends once the revision is provisioned, while its image may still be pulled
    // (test_containerapp_replica_commands.yaml: the create's operation Succeeded while every replica was still
    // NotRunning). Single mode waits for the containers, which replace the previous revision's.
    const single = revisionsMode({ props: app.properties }) === 'Single';
    let failed: unknown;
    const running = this.run(app, rev).catch((e: unknown) => {
      failed = e ?? new Error('the runtime failed');
    });
    if (single) await running;
    else this.track(running.then(() => failed !== undefined && this.revisionFailed(rev, failed)));
    const st = await this.untilProvisioned(rev, () => failed !== undefined);
    if (failed !== undefined) throw fail(message(failed));
    if (st.provisioningState === 'Failed') throw fail(st.message ?? 'the revision failed to provision');
    app.latestReadyRevisionName = rev.name;
    this.changed();
    if (single) {
      for (const other of appRevisions(this.state, appKey)) {
        if (other.name !== rev.name && other.active) await this.deactivate(other);
      }
    }
  }

  private async untilProvisioned(rev: Revision, stop: () => boolean = () => false) {
    const deadline = Date.now() + (this.o.readyTimeoutMs ?? 120_000);
    for (;;) {
      const st = this.status(rev);
      if (st.provisioningState !== 'Provisioning' || stop()) return st;
      const why = this.closing
        ? 'The simulator stopped.'
        : Date.now() > deadline
          ? 'The revision was not provisioned in time.'
          : undefined;
      if (why) return { ...st, provisioningState: 'Failed' as const, message: why };
      await sleep(100);
    }
  }

  /** Runs a revision's containers (image pulled with ACR credentials, secrets resolved). */
  private async run(app: ContainerApp, rev: Revision): Promise<void> {
    const keyVault = this.o.keyVaultValue ?? ((name: string) => `simulated-key-vault-value-of-${name}`);
    const spec = runtimeSpec(app, rev, this.o.domain, (s) =>
      s.keyVaultUrl ? keyVault(String(s.name), String(s.keyVaultUrl)) : String(s.value ?? ''),
    );
    const registryAuth = await this.o.images?.pullCredentials(spec.image);
    await this.runtime.ensureRevision({ ...spec, ...(registryAuth ? { registryAuth } : {}) });
  }

  /** Deactivates a revision: at once, or after `deprovisionMs` of Deprovisioning while still `active: true`. */
  private async deactivate(rev: Revision): Promise<void> {
    const delay = this.closing ? 0 : (this.o.deprovisionMs ?? 0);
    if (delay <= 0) {
      Object.assign(rev, { active: false, deprovisioningUntil: undefined });
      this.changed();
      await this.runtime.stopRevision(rev.name);
      return;
    }
    if (rev.deprovisioningUntil) return;
    rev.deprovisioningUntil = new Date(Date.now() + delay).toISOString();
    this.changed();
    const k = key(rev.app, rev.name);
    const ended = new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.deprovisioning.delete(k);
        resolve();
      };
      const timer = setTimeout(end, delay);
      this.deprovisioning.set(k, end);
    });
    this.track(
      ended.then(async () => {
        if (!rev.deprovisioningUntil) return; // activated again meanwhile
        Object.assign(rev, { active: false, deprovisioningUntil: undefined });
        this.changed();
        await this.runtime.stopRevision(rev.name);
      }),
    );
  }

  /** Activate during Deprovisioning: the deactivation is called off, the containers keep running. */
  private cancelDeprovisioning(rev: Revision): boolean {
    if (!rev.deprovisioningUntil) return false;
    rev.deprovisioningUntil = undefined;
    this.deprovisioning.get(key(rev.app, rev.name))?.();
    this.changed();
    return true;
  }

  private deleteApp(ctx: RequestContext, t: ResourceTarget): Reply {
    this.requireGroup(t.rg);
    const appKey = key(t.rg, t.name as string);
    const app = this.state.apps[appKey];
    if (!app) return { status: 204 };
    if (isBusy(app)) throw busy(app, 'delete');
    const injected = this.o.faults.take(ctx.method, ctx.url.pathname, ['lro-fail']).length > 0;
    app.provisioningState = 'Deleting';
    const op = this.ops.start(
      'delete',
      appId(this.o.subscriptionId, app),
      app.location,
      async () => {
        if (injected)
          throw new ArmError(
            500,
            'ContainerAppOperationError',
            'Injected fault: the delete operation failed.',
          );
        await Promise.all(appRevisions(this.state, appKey).map((r) => this.runtime.stopRevision(r.name)));
        this.removeApp(appKey);
      },
      (error) => {
        if (error && this.state.apps[appKey]) this.state.apps[appKey].provisioningState = 'Failed';
      },
    );
    return { status: 202, headers: this.ops.headers(ctx, op, true) };
  }

  private removeApp(appKey: string): void {
    delete this.state.apps[appKey];
    for (const r of appRevisions(this.state, appKey)) delete this.state.revisions[key(appKey, r.name)];
    this.changed();
  }

  private listSecrets(t: ResourceTarget): Reply {
    const app = this.requireApp(t);
    const value = arr(obj(app.properties.configuration).secrets).map((s) => ({
      name: s.name,
      ...(s.value !== undefined ? { value: s.value } : {}),
      ...(s.keyVaultUrl ? { keyVaultUrl: s.keyVaultUrl, identity: s.identity } : {}),
    }));
    return { status: 200, body: { value } };
  }

  // -----------------------------------------------------------------------------------------------
  // Revisions

  private async revisions(method: string, t: ResourceTarget): Promise<Reply> {
    const app = this.requireApp(t);
    const appKey = key(app.resourceGroup, app.name);
    const view = (r: Revision) => revisionView(this.o.subscriptionId, this.o.domain, app, r, this.status(r));
    if (!t.revision) {
      return allow(method, ['GET'], () => ({
        status: 200,
        body: { value: appRevisions(this.state, appKey).map(view) },
      }));
    }
    const rev = this.state.revisions[key(appKey, t.revision)];
    if (!rev)
      throw notFound('Microsoft.App/containerApps/revisions', `${app.name}/revisions/${t.revision}`, t.rg);
    if (!t.action) return allow(method, ['GET'], () => ({ status: 200, body: view(rev) }));
    if (t.action === 'replicas') return allow(method, ['GET'], () => this.replicas(app, rev, t));
    if (t.replica !== undefined) {
      throw new ArmError(
        404,
        'InvalidResourceType',
        `The resource type of '${t.action}/${t.replica}' is not served by this simulator.`,
      );
    }
    allow(method, ['POST'], () => undefined);
    if (t.action === 'activate' && this.cancelDeprovisioning(rev)) {
      this.track(this.run(app, rev).catch((e: unknown) => this.revisionFailed(rev, e)));
    } else if (t.action === 'activate' && (!rev.active || rev.provisioningError)) {
      Object.assign(rev, { active: true, lastActiveTime: now(), provisioningError: undefined });
      this.changed();
      this.track(this.run(app, rev).catch((e: unknown) => this.revisionFailed(rev, e)));
    } else if (t.action === 'deactivate') {
      // Azure deactivates a revision that still has traffic weight; its share then finds no replica.
      if (rev.active) await this.deactivate(rev);
    } else if (t.action === 'restart') {
      if (!rev.active) {
        throw invalid(
          `Revision '${rev.name}' is not active; only active revisions can be restarted.`,
          'ContainerAppRevisionNotActive',
        );
      }
      // ACA ends the replicas as Kubernetes ends pods: SIGTERM, then a kill after terminationGracePeriodSeconds.
      const restart = async () => {
        await this.runtime.stopRevision(rev.name, { graceSeconds: terminationGraceSeconds(rev.template) });
        await this.run(app, rev);
      };
      this.track(restart().catch((e: unknown) => this.revisionFailed(rev, e)));
    }
    return { status: 200 };
  }

  /** The replica API: the replicas of an active revision with their containers, or one of them by name. */
  private replicas(app: ContainerApp, rev: Revision, t: ResourceTarget): Reply {
    const live = rev.active && !rev.provisioningError ? this.runtime.replicaStatus(rev.name) : [];
    const views = live.map((r) => replicaView(this.o.subscriptionId, app, rev.name, r));
    if (t.replica === undefined) return { status: 200, body: { value: views } };
    const one = views.find((v) => String(v.name).toLowerCase() === t.replica!.toLowerCase());
    if (!one) {
      throw notFound(
        'Microsoft.App/containerApps/revisions/replicas',
        `${app.name}/revisions/${rev.name}/replicas/${t.replica}`,
        t.rg,
      );
    }
    return { status: 200, body: one };
  }

  private revisionFailed(rev: Revision, e: unknown): void {
    rev.provisioningError = message(e);
    this.changed();
  }
}
