// The simulator's Azure Resource Manager for Microsoft.App: resource groups, managed environments,
// container apps (PUT/PATCH/DELETE as long-running operations), revisions and their actions, with
// ARM's authentication, errors and LRO protocol. Revisions run on the Runtime; the ingress asks
// routeTable which revision(s) serve a host name.
import { randomUUID } from 'node:crypto';
import type { Route as IngressRoute, RouteTable, Runtime, TokenVerifier } from '../types.js';
import { readBody, sendJson, type RequestContext, type Route } from '../http.js';
import type { JsonStore } from '../state.js';
import { ArmError, groupNotFound, invalid, notFound } from './errors.js';
import type { FaultInjector } from './faults.js';
import {
  type ContainerApp,
  type Json,
  type Operation,
  type Revision,
  type SimState,
  appRevisions,
  key,
} from './model.js';
import { buildRoutes, planRevision, trafficWeightOf } from './revisions.js';
import { revisionsMode, validateWrite } from './validate.js';
import {
  appId,
  appView,
  arr,
  envId,
  environmentView,
  groupId,
  obj,
  operationView,
  revisionState,
  revisionView,
  runtimeSpec,
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
  /** Checks images against the registry; without it, images are not checked. */
  images?: ImageCatalog;
  /** The value a Key Vault secret reference resolves to (there is no Key Vault here). */
  keyVaultValue?: (secretName: string, url: string) => string;
  log?: (message: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => new Date().toISOString();
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** RFC 7396 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Json = { ...obj(target) };
  for (const [k, v] of Object.entries(patch as Json)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

const ARM_PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)(?:\/providers\/microsoft\.app\/(containerapps|managedenvironments)(?:\/([^/]+)(?:\/(listsecrets|revisions)(?:\/([^/]+)(?:\/(activate|deactivate|restart))?)?)?)?)?\/?$/i;
const OP_PATH =
  /^\/subscriptions\/([^/]+)\/providers\/microsoft\.app\/locations\/([^/]+)\/(containerappoperationstatuses|containerappoperationresults)\/([^/]+)$/i;
const SUB_PATH = /^\/subscriptions\/([^/]+)(?:\/.*)?$/i;

interface Target {
  sub: string;
  rg: string;
  type?: string;
  name?: string;
  sub1?: string;
  revision?: string;
  action?: string;
}

export class ArmService {
  private readonly runtime: Runtime;
  private routeCache: Map<string, IngressRoute> | undefined;
  private readonly pending = new Set<Promise<unknown>>();
  private closing = false;

  constructor(private readonly o: ArmOptions) {
    this.runtime = o.runtime;
  }

  private get state(): SimState {
    return this.o.store.data;
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

  private track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p)).catch(() => undefined);
    return p;
  }

  /** Ends the operations in flight quickly (they fail as interrupted) and waits for them. */
  async close(): Promise<void> {
    this.closing = true;
    await this.settle();
  }

  /** Waits for the background work in flight (operations, runtime calls). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  // -----------------------------------------------------------------------------------------------
  // Start-up: converge the runtime with the persisted state.

  resume(): void {
    for (const op of Object.values(this.state.operations)) {
      if (op.status === 'InProgress') {
        Object.assign(op, {
          status: 'Failed',
          endTime: now(),
          error: { code: 'OperationInterrupted', message: 'The simulator stopped during the operation.' },
        });
      }
    }
    for (const [k, app] of Object.entries(this.state.apps)) {
      if (app.provisioningState === 'Deleting') this.removeApp(k);
      else if (app.provisioningState === 'InProgress') app.provisioningState = 'Failed';
    }
    this.changed();
    for (const rev of Object.values(this.state.revisions)) {
      const app = this.state.apps[rev.app];
      if (app && rev.active && !rev.provisioningError)
        void this.track(this.run(app, rev).catch((e) => this.log(`resume ${rev.name}: ${String(e)}`)));
    }
  }

  private log(message: string): void {
    this.o.log?.(message);
  }

  // -----------------------------------------------------------------------------------------------
  // HTTP

  readonly route: Route = async (ctx) => {
    if (!SUB_PATH.test(ctx.url.pathname)) return false;
    const headers = {
      'x-ms-request-id': randomUUID(),
      'x-ms-correlation-request-id': String(ctx.req.headers['x-ms-correlation-request-id'] ?? randomUUID()),
      ...(ctx.req.headers['x-ms-client-request-id']
        ? { 'x-ms-client-request-id': String(ctx.req.headers['x-ms-client-request-id']) }
        : {}),
    };
    try {
      this.authenticate(ctx);
      if (!ctx.url.searchParams.get('api-version')) {
        throw new ArmError(
          400,
          'MissingApiVersionParameter',
          'The api-version query parameter (?api-version=) is required for all requests.',
        );
      }
      const sub = SUB_PATH.exec(ctx.url.pathname)?.[1] ?? '';
      if (sub.toLowerCase() !== this.o.subscriptionId.toLowerCase()) {
        throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
      }
      const { status, body, headers: extra } = await this.dispatch(ctx);
      sendJson(ctx.res, status, body, { ...headers, ...extra });
    } catch (e) {
      const err =
        e instanceof ArmError
          ? e
          : new ArmError(500, 'InternalServerError', e instanceof Error ? e.message : String(e));
      sendJson(ctx.res, err.status, err.body, { ...headers, ...err.headers });
    }
    return true;
  };

  private authenticate(ctx: RequestContext): void {
    const auth = ctx.req.headers.authorization ?? '';
    const challenge = (error: string, description: string) => ({
      'www-authenticate': `Bearer authorization_uri="${ctx.origin}/${this.o.tenantId}", error="${error}", error_description="${description}"`,
    });
    if (!/^Bearer\s+\S+$/i.test(auth)) {
      const msg = "Authentication failed. The 'Authorization' header is missing.";
      throw new ArmError(401, 'AuthenticationFailed', msg, challenge('invalid_token', msg));
    }
    const claims = this.o.verifier.verify(auth.replace(/^Bearer\s+/i, ''));
    if (!claims) {
      const msg = 'The access token is invalid or expired.';
      throw new ArmError(401, 'InvalidAuthenticationToken', msg, challenge('invalid_token', msg));
    }
    const norm = (a: string) => a.replace(/\/+$/, '').toLowerCase();
    const allowed = [ctx.origin, ...(this.o.audiences ?? [])].map(norm);
    const aud = String(claims.aud ?? '');
    if (!allowed.includes(norm(aud))) {
      const msg = `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences '${allowed.join("','")}'.`;
      throw new ArmError(401, 'InvalidAuthenticationTokenAudience', msg, challenge('invalid_token', msg));
    }
  }

  private async dispatch(
    ctx: RequestContext,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const path = ctx.url.pathname;
    const op = OP_PATH.exec(path);
    if (op) return this.operation(ctx, decodeURIComponent(op[3]).toLowerCase(), decodeURIComponent(op[4]));
    const m = ARM_PATH.exec(path);
    if (!m)
      throw new ArmError(
        404,
        'InvalidResourceType',
        `The resource type of '${path}' is not served by this simulator.`,
      );
    const [, sub, rg, type, name, sub1, revision, action] = m.map((s) =>
      s === undefined ? undefined : decodeURIComponent(s),
    );
    const t: Target = {
      sub: sub as string,
      rg: rg as string,
      type: type?.toLowerCase(),
      name,
      sub1: sub1?.toLowerCase(),
      revision,
      action: action?.toLowerCase(),
    };
    const method = ctx.method;
    const body = ['PUT', 'PATCH', 'POST'].includes(method) ? await this.json(ctx) : {};
    if (!t.type) return this.resourceGroup(method, t, body);
    if (t.type === 'managedenvironments') return this.environment(ctx, t, body);
    if (!t.name)
      return this.methodIs(method, ['GET'], () => ({
        status: 200,
        body: { value: this.appsIn(t.rg).map((a) => this.appJson(a)) },
      }));
    if (t.sub1 === 'listsecrets') return this.methodIs(method, ['POST'], () => this.listSecrets(t));
    if (t.sub1 === 'revisions') return this.revisions(method, t);
    switch (method) {
      case 'GET':
        return { status: 200, body: this.appJson(this.requireApp(t)) };
      case 'PUT':
      case 'PATCH':
        return this.writeApp(ctx, t, body);
      case 'DELETE':
        return this.deleteApp(ctx, t);
      default:
        throw new ArmError(
          405,
          'MethodNotAllowed',
          `The method '${method}' is not allowed on container apps.`,
        );
    }
  }

  private methodIs<T>(method: string, allowed: string[], fn: () => T): T {
    if (!allowed.includes(method))
      throw new ArmError(405, 'MethodNotAllowed', `The method '${method}' is not allowed here.`);
    return fn();
  }

  private async json(ctx: RequestContext): Promise<Json> {
    const text = await readBody(ctx.req);
    if (!text.trim()) return {};
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
    } catch {
      // answered below
    }
    throw new ArmError(
      400,
      'InvalidRequestContent',
      'The request content was invalid and could not be deserialized.',
    );
  }

  // -----------------------------------------------------------------------------------------------
  // Resource groups and managed environments

  private requireGroup(rg: string) {
    const group = this.state.resourceGroups[key(rg)];
    if (!group) throw groupNotFound(rg);
    return group;
  }

  private resourceGroup(method: string, t: Target, body: Json) {
    const view = (g: { name: string; location: string }) => ({
      id: groupId(this.o.subscriptionId, g.name),
      name: g.name,
      type: 'Microsoft.Resources/resourceGroups',
      location: g.location,
      properties: { provisioningState: 'Succeeded' },
    });
    if (method === 'PUT') {
      const existing = this.state.resourceGroups[key(t.rg)];
      const location = str(body.location);
      if (!location && !existing)
        throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
      this.state.resourceGroups[key(t.rg)] = existing ?? { name: t.rg, location: location as string };
      this.changed();
      return { status: existing ? 200 : 201, body: view(this.state.resourceGroups[key(t.rg)]) };
    }
    return this.methodIs(method, ['GET', 'HEAD'], () => ({
      status: method === 'HEAD' ? 204 : 200,
      body: method === 'HEAD' ? undefined : view(this.requireGroup(t.rg)),
    }));
  }

  /** Creates (or updates) a resource group and a managed environment directly: the seed of a fresh simulator. */
  seedEnvironment(rg: string, name: string, location: string): void {
    this.state.resourceGroups[key(rg)] ??= { name: rg, location };
    this.putEnvironment(rg, name, location, {}, {});
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

  private async environment(ctx: RequestContext, t: Target, body: Json) {
    const sub = this.o.subscriptionId;
    if (!t.name) {
      this.requireGroup(t.rg);
      return this.methodIs(ctx.method, ['GET'], () => ({
        status: 200,
        body: {
          value: Object.values(this.state.environments)
            .filter((e) => e.resourceGroup.toLowerCase() === t.rg.toLowerCase())
            .map((e) => environmentView(sub, e)),
        },
      }));
    }
    if (ctx.method === 'PUT') {
      this.requireGroup(t.rg);
      const location = str(body.location);
      if (!location)
        throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
      const created = !this.state.environments[key(t.rg, t.name)];
      const env = this.putEnvironment(t.rg, t.name, location, obj(body.properties), obj(body.tags));
      const op = this.startOperation(
        'put',
        envId(sub, env),
        env.location,
        async () => undefined,
        () => undefined,
      );
      return {
        status: created ? 201 : 200,
        body: environmentView(sub, env),
        headers: this.lroHeaders(ctx, op, false),
      };
    }
    return this.methodIs(ctx.method, ['GET'], () => ({
      status: 200,
      body: environmentView(sub, this.requireEnvironment(t.rg, t.name as string)),
    }));
  }

  private requireEnvironment(rg: string, name: string) {
    this.requireGroup(rg);
    const env = this.state.environments[key(rg, name)];
    if (!env) throw notFound('Microsoft.App/managedEnvironments', name, rg);
    return env;
  }

  // -----------------------------------------------------------------------------------------------
  // Container apps

  private appsIn(rg: string): ContainerApp[] {
    this.requireGroup(rg);
    return Object.values(this.state.apps).filter((a) => a.resourceGroup.toLowerCase() === rg.toLowerCase());
  }

  private requireApp(t: Target): ContainerApp {
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
    const revisions = appRevisions(this.state, key(app.resourceGroup, app.name));
    const ready = [...revisions].reverse().find((r) => this.status(r).provisioningState === 'Provisioned');
    return appView(app, {
      sub: this.o.subscriptionId,
      tenantId: this.o.tenantId,
      domain: this.o.domain,
      environmentId: String(app.properties.managedEnvironmentId ?? app.properties.environmentId ?? ''),
      latestReadyRevisionName: ready?.name,
    });
  }

  /** The environment an app's properties name, which must exist. */
  private environmentOf(props: Json) {
    const id = str(props.managedEnvironmentId) ?? str(props.environmentId);
    if (!id)
      throw invalid(
        'properties.managedEnvironmentId (or environmentId) is required.',
        'ManagedEnvironmentIdRequired',
      );
    const m =
      /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.app\/managedenvironments\/([^/]+)$/i.exec(
        id,
      );
    if (!m)
      throw invalid(`The managed environment id '${id}' is not a valid resource id.`, 'InvalidResourceId');
    const env = this.state.environments[key(m[2], m[3])];
    if (!env) throw notFound('Microsoft.App/managedEnvironments', m[3], m[2]);
    return envId(this.o.subscriptionId, env);
  }

  /** Secrets written without value or keyVaultUrl keep the value they had (ARM GET never shows values). */
  private withSecretValues(props: Json, previous: Json | undefined): Json {
    const cfg = obj(props.configuration);
    if (!Array.isArray(cfg.secrets)) return props;
    const before = new Map(arr(obj(previous?.configuration).secrets).map((s) => [String(s.name), s]));
    const secrets = arr(cfg.secrets).map((s) => {
      if (s.value !== undefined || s.keyVaultUrl !== undefined) return s;
      const old = before.get(String(s.name));
      if (!old)
        throw invalid(
          `Secret '${String(s.name)}' needs a value or a keyVaultUrl.`,
          'ContainerAppSecretInvalid',
        );
      return {
        ...old,
        ...s,
        value: old.value,
        keyVaultUrl: old.keyVaultUrl,
        identity: s.identity ?? old.identity,
      };
    });
    return { ...props, configuration: { ...cfg, secrets } };
  }

  private busy(app: ContainerApp): boolean {
    return app.provisioningState === 'InProgress' || app.provisioningState === 'Deleting';
  }

  private async writeApp(ctx: RequestContext, t: Target, body: Json) {
    const name = t.name as string;
    const group = this.requireGroup(t.rg);
    const appKey = key(t.rg, name);
    const existing = this.state.apps[appKey];
    const patch = ctx.method === 'PATCH';
    if (patch && !existing) throw notFound('Microsoft.App/containerApps', name, t.rg);
    if (existing && this.busy(existing)) {
      throw new ArmError(
        409,
        'ContainerAppOperationInProgress',
        `Cannot modify container app '${name}' while an operation is in progress. Retry when it completes.`,
      );
    }
    const location = str(body.location) ?? existing?.location;
    if (!location)
      throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
    const merged = patch
      ? obj(mergePatch(existing?.properties, body.properties ?? {}))
      : obj(body.properties);
    const props = this.withSecretValues(merged, existing?.properties);
    const environmentId = this.environmentOf(props);
    const identity = body.identity === undefined ? existing?.identity : (obj(body.identity) as Json);
    const revisions = appRevisions(this.state, appKey);
    const plan = planRevision(name, obj(props.template), revisions, existing?.latestRevisionName);
    // Static validation first (as ARM does), with the name the revision would get; then a reused suffix.
    const suffix = String(obj(props.template).revisionSuffix);
    const newRevisionName = plan instanceof ArmError ? `${name}--${suffix}` : plan.newRevisionName;
    const error = validateWrite({ appName: name, props, identity, newRevisionName, revisions });
    if (error) throw error;
    if (plan instanceof ArmError) throw plan;

    const app: ContainerApp = {
      name: existing?.name ?? name,
      resourceGroup: existing?.resourceGroup ?? group.name,
      location,
      tags: body.tags === undefined ? existing?.tags : obj(body.tags),
      identity,
      properties: { ...props, managedEnvironmentId: environmentId, environmentId },
      provisioningState: 'InProgress',
      latestRevisionName: plan.newRevisionName ?? existing?.latestRevisionName,
      createdAt: existing?.createdAt ?? now(),
    };
    this.state.apps[appKey] = app;
    if (plan.newRevisionName) {
      this.state.revisions[key(appKey, plan.newRevisionName)] = {
        name: plan.newRevisionName,
        app: appKey,
        createdTime: now(),
        lastActiveTime: now(),
        template: obj(props.template),
        active: true,
      };
    }
    const failed = this.o.faults.take(ctx.method, ctx.url.pathname, ['lro-fail']).length > 0;
    const op = this.startOperation(
      patch ? 'patch' : 'put',
      appId(this.o.subscriptionId, app),
      app.location,
      () => this.provision(appKey, plan.newRevisionName, failed),
      (err) => {
        const current = this.state.apps[appKey];
        if (current) current.provisioningState = err ? 'Failed' : 'Succeeded';
      },
    );
    if (patch) return { status: 202, headers: this.lroHeaders(ctx, op, true) };
    return {
      status: existing ? 200 : 201,
      body: this.appJson(app),
      headers: this.lroHeaders(ctx, op, false),
    };
  }

  /** The work of a write: check the image, run the new revision, wait until it is provisioned. */
  private async provision(
    appKey: string,
    revisionName: string | undefined,
    injectedFailure: boolean,
  ): Promise<void> {
    const rev = revisionName ? this.state.revisions[key(appKey, revisionName)] : undefined;
    const fail = (details: string) => {
      const message = `Failed to provision revision for container app '${this.state.apps[appKey]?.name}'. Error details: ${details}`;
      if (rev) rev.provisioningError = details;
      return new ArmError(400, 'ContainerAppOperationError', message);
    };
    if (injectedFailure) throw fail('Injected fault: the operation failed.');
    const app = this.state.apps[appKey];
    if (!rev || !app) return;
    const container = arr(rev.template.containers)[0];
    const image = String(container.image);
    if (this.o.images) {
      const found = await this.o.images
        .check(image)
        .catch((e: unknown) => ({ exists: false, detail: e instanceof Error ? e.message : String(e) }));
      if (!found.exists) {
        throw fail(
          `The following field(s) are either invalid or missing. Field 'template.containers.${String(container.name)}.image' is invalid with details: 'Invalid value: "${image}": ${found.detail}';.`,
        );
      }
    }
    try {
      await this.run(app, rev);
    } catch (e) {
      throw fail(e instanceof Error ? e.message : String(e));
    }
    const st = await this.untilProvisioned(rev);
    if (st.provisioningState === 'Failed') throw fail(st.message ?? 'the revision failed to provision');
    if (revisionsMode({ props: app.properties }) === 'Single') {
      for (const other of appRevisions(this.state, appKey)) {
        if (other.name !== rev.name && other.active) await this.deactivate(other);
      }
    }
  }

  private async untilProvisioned(rev: Revision) {
    const deadline = Date.now() + (this.o.readyTimeoutMs ?? 120_000);
    for (;;) {
      const st = this.status(rev);
      if (st.provisioningState !== 'Provisioning') return st;
      if (this.closing)
        return { ...st, provisioningState: 'Failed' as const, message: 'The simulator stopped.' };
      if (Date.now() > deadline)
        return {
          ...st,
          provisioningState: 'Failed' as const,
          message: 'The revision was not provisioned in time.',
        };
      await sleep(100);
    }
  }

  /** Runs a revision's containers. */
  private async run(app: ContainerApp, rev: Revision): Promise<void> {
    const spec = runtimeSpec(app, rev, this.o.domain, (s) =>
      s.keyVaultUrl
        ? (this.o.keyVaultValue ?? ((n) => `simulated-key-vault-value-of-${n}`))(
            String(s.name),
            String(s.keyVaultUrl),
          )
        : String(s.value ?? ''),
    );
    const registryAuth = await this.o.images?.pullCredentials(spec.image);
    await this.runtime.ensureRevision({ ...spec, ...(registryAuth ? { registryAuth } : {}) });
  }

  private async deactivate(rev: Revision): Promise<void> {
    rev.active = false;
    this.changed();
    await this.runtime.stopRevision(rev.name);
  }

  private async deleteApp(ctx: RequestContext, t: Target) {
    this.requireGroup(t.rg);
    const appKey = key(t.rg, t.name as string);
    const app = this.state.apps[appKey];
    if (!app) return { status: 204 };
    if (this.busy(app))
      throw new ArmError(
        409,
        'ContainerAppOperationInProgress',
        `Cannot delete container app '${app.name}' while an operation is in progress.`,
      );
    const failed = this.o.faults.take(ctx.method, ctx.url.pathname, ['lro-fail']).length > 0;
    app.provisioningState = 'Deleting';
    const op = this.startOperation(
      'delete',
      appId(this.o.subscriptionId, app),
      app.location,
      async () => {
        if (failed)
          throw new ArmError(
            500,
            'ContainerAppOperationError',
            'Injected fault: the delete operation failed.',
          );
        await Promise.all(appRevisions(this.state, appKey).map((r) => this.runtime.stopRevision(r.name)));
        this.removeApp(appKey);
      },
      (err) => {
        if (err && this.state.apps[appKey]) this.state.apps[appKey].provisioningState = 'Failed';
      },
    );
    return { status: 202, headers: this.lroHeaders(ctx, op, true) };
  }

  private removeApp(appKey: string): void {
    delete this.state.apps[appKey];
    for (const r of appRevisions(this.state, appKey)) delete this.state.revisions[key(appKey, r.name)];
    this.changed();
  }

  private listSecrets(t: Target) {
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

  private async revisions(method: string, t: Target) {
    const app = this.requireApp(t);
    const appKey = key(app.resourceGroup, app.name);
    const view = (r: Revision) => revisionView(this.o.subscriptionId, this.o.domain, app, r, this.status(r));
    if (!t.revision)
      return this.methodIs(method, ['GET'], () => ({
        status: 200,
        body: { value: appRevisions(this.state, appKey).map(view) },
      }));
    const rev = this.state.revisions[key(appKey, t.revision)];
    if (!rev)
      throw notFound('Microsoft.App/containerApps/revisions', `${app.name}/revisions/${t.revision}`, t.rg);
    if (!t.action) return this.methodIs(method, ['GET'], () => ({ status: 200, body: view(rev) }));
    if (method !== 'POST') throw new ArmError(405, 'MethodNotAllowed', `Use POST for revision ${t.action}.`);
    if (t.action === 'activate') {
      if (!rev.active || rev.provisioningError) {
        Object.assign(rev, { active: true, lastActiveTime: now(), provisioningError: undefined });
        this.changed();
        void this.track(this.run(app, rev).catch((e: unknown) => this.revisionFailed(rev, e)));
      }
    } else if (t.action === 'deactivate') {
      if (trafficWeightOf(app, rev.name) > 0) {
        throw invalid(
          `Revision '${rev.name}' receives traffic (${trafficWeightOf(app, rev.name)}%); move its traffic before deactivating it.`,
          'ContainerAppRevisionHasTraffic',
        );
      }
      if (rev.active) await this.deactivate(rev);
    } else {
      if (!rev.active)
        throw invalid(
          `Revision '${rev.name}' is not active; only active revisions can be restarted.`,
          'ContainerAppRevisionNotActive',
        );
      void this.track(
        this.runtime
          .stopRevision(rev.name)
          .then(() => this.run(app, rev))
          .catch((e: unknown) => this.revisionFailed(rev, e)),
      );
    }
    return { status: 200 };
  }

  private revisionFailed(rev: Revision, e: unknown): void {
    rev.provisioningError = e instanceof Error ? e.message : String(e);
    this.changed();
  }

  // -----------------------------------------------------------------------------------------------
  // Long-running operations

  private startOperation(
    kind: Operation['kind'],
    resourceId: string,
    location: string,
    work: () => Promise<void>,
    done: (error: Operation['error']) => void,
  ): Operation {
    const op: Operation = {
      id: randomUUID(),
      kind,
      resourceId,
      location: location.toLowerCase().replace(/\s+/g, ''),
      status: 'InProgress',
      startTime: now(),
    };
    this.state.operations[op.id] = op;
    const ids = Object.keys(this.state.operations);
    for (const old of ids.slice(0, Math.max(0, ids.length - 500))) delete this.state.operations[old];
    this.changed();
    const started = Date.now();
    void this.track(
      (async () => {
        let error: Operation['error'];
        try {
          await work();
        } catch (e) {
          error =
            e instanceof ArmError
              ? { code: e.code, message: e.message }
              : { code: 'InternalServerError', message: String(e) };
        }
        const wait = started + this.o.lroDelayMs - Date.now();
        if (wait > 0 && !this.closing) await sleep(wait);
        Object.assign(op, {
          status: error ? 'Failed' : 'Succeeded',
          endTime: now(),
          ...(error ? { error } : {}),
        });
        done(error);
        this.changed();
      })(),
    );
    return op;
  }

  private opUrl(ctx: RequestContext, op: Operation, kind: 'Statuses' | 'Results'): string {
    const version = ctx.url.searchParams.get('api-version') ?? '';
    return `${ctx.origin}/subscriptions/${this.o.subscriptionId}/providers/Microsoft.App/locations/${op.location}/containerappOperation${kind}/${op.id}?api-version=${version}`;
  }

  private lroHeaders(ctx: RequestContext, op: Operation, withLocation: boolean): Record<string, string> {
    return {
      'azure-asyncoperation': this.opUrl(ctx, op, 'Statuses'),
      ...(withLocation ? { location: this.opUrl(ctx, op, 'Results') } : {}),
    };
  }

  private operation(ctx: RequestContext, kind: string, id: string) {
    const op = this.state.operations[id];
    if (!op) throw new ArmError(404, 'OperationNotFound', `The operation '${id}' was not found.`);
    if (ctx.method !== 'GET') throw new ArmError(405, 'MethodNotAllowed', 'Operations are read with GET.');
    if (kind === 'containerappoperationstatuses') {
      return { status: 200, body: operationView(new URL(this.opUrl(ctx, op, 'Statuses')).pathname, op) };
    }
    if (op.status === 'InProgress')
      return { status: 202, headers: { location: this.opUrl(ctx, op, 'Results') } };
    if (op.status === 'Failed') return { status: 400, body: { error: op.error } };
    const app = Object.values(this.state.apps).find((a) => appId(this.o.subscriptionId, a) === op.resourceId);
    return op.kind === 'delete' || !app ? { status: 204 } : { status: 200, body: this.appJson(app) };
  }
}
