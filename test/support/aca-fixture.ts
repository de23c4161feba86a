// One in-memory container app for unit tests, the shape of Argo Rollouts' `newFixture`: the app, its revisions,
// their replicas and the traffic, seen through two faces over the same state: `aca`, the Aca client the feature
// cores, waitRevisionReady and writeTraffic call (getApp, patchTraffic, activate ..., its schedule, clock and
// log), and `client`, the @azure/arm-appcontainers
// client the Aca class itself calls (containerApps.get, containerApps.beginUpdate and its poller,
// containerAppsRevisions.getRevision ...). Every call is recorded with its arguments before it runs (`calls`,
// `count`, `argsOf`; `trace` as lines, `writes` the Aca writes); `on` hooks run next and may throw (a fault) or
// change the state, then the in-memory behaviour, then `after` hooks. Real parts (the simulator over HTTPS) are
// in test/support/deploy-sim.ts; this is for pure units only.
import type { ContainerApp, ContainerAppsAPIClient, Replica, Template } from '@azure/arm-appcontainers';
import type { Aca, EnvironmentInfo, RevisionInfo } from '../../src/azure/aca.js';
import type { Backoff, Clock } from '../../src/core/retry.js';
import { describeTraffic, type TrafficEntry } from '../../src/revisions/traffic.js';

/** One recorded call: the Aca method (`getApp`) or the client operation (`containerApps.beginUpdate`, `poll`). */
export interface AcaCall {
  op: string;
  args: unknown[];
}

/** A hook: the call and how many calls of its op there have been, this one included (1-based). */
export type AcaHook = (call: AcaCall, n: number) => void | Promise<void>;

/** The Aca operations that write. */
export const ACA_WRITES = [
  'putApp',
  'patchTemplate',
  'patchTraffic',
  'activate',
  'deactivate',
  'restartRevision',
] as const;

export interface AcaFixtureOptions {
  /** The app's name (default 'app'). */
  name?: string;
  /**
   * The app as ARM returns it (default: eastus, an environment, Multiple, ingress, the last of `revisions` its
   * latest revision); null: no app (404).
   */
  app?: Partial<ContainerApp> | null;
  /** The traffic list, in place of the app's. */
  traffic?: readonly TrafficEntry[];
  /** The revisions: a name (active, Provisioned, Running, Healthy) or those fields over these defaults. */
  revisions?: ReadonlyArray<string | (Partial<RevisionInfo> & { name: string })>;
  replicas?: Record<string, Replica[]>;
  environment?: EnvironmentInfo;
  resourceGroup?: string;
  /** `aca`'s clock (default: the wall clock, sleeps return at once), poll schedule (no pause) and log. */
  clock?: Clock;
  schedule?: Backoff;
  log?: (line: string) => void;
  /** A long-running write through `client`: polls until done (0: done at once), headers of its first answer. */
  operation?: { polls?: number; headers?: Record<string, string> };
}

const ENVIRONMENT_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env';

const revisionName = (r: string | { name: string } | undefined) => (typeof r === 'string' ? r : r?.name);

const clone = <T>(v: T): T => structuredClone(v);

const notFound = (what: string) =>
  Object.assign(new Error(`${what} was not found`), { statusCode: 404, code: 'ResourceNotFound' });

export function newAcaFixture(o: AcaFixtureOptions = {}) {
  const name = o.name ?? 'app';
  const resourceGroup = o.resourceGroup ?? 'rg';
  const environment = o.environment ?? { id: 'env', name: 'env', defaultDomain: 'example.test' };
  let app: ContainerApp | undefined =
    o.app === null
      ? undefined
      : clone(
          (o.app as ContainerApp | undefined) ?? {
            location: 'eastus',
            environmentId: ENVIRONMENT_ID,
            configuration: { activeRevisionsMode: 'Multiple', ingress: { traffic: [] } },
            latestRevisionName: revisionName(o.revisions?.at(-1)),
          },
        );
  const revisions = new Map<string, RevisionInfo>();
  const replicas = new Map<string, Replica[]>(Object.entries(clone(o.replicas ?? {})));
  const calls: AcaCall[] = [];
  const trace: string[] = [];
  const writes: string[] = [];
  const before = new Map<string, AcaHook[]>();
  const afterHooks = new Map<string, AcaHook[]>();
  let created = 0;

  const setRevision = (revision: string, fields: Partial<RevisionInfo> = {}): RevisionInfo => {
    const r: RevisionInfo = {
      name: revision,
      active: true,
      provisioningState: 'Provisioned',
      runningState: 'Running',
      healthState: 'Healthy',
      ...revisions.get(revision),
      ...clone(fields),
    };
    revisions.set(revision, r);
    return r;
  };
  for (const r of o.revisions ?? []) {
    if (typeof r === 'string') setRevision(r);
    else setRevision(r.name, r);
  }

  const liveApp = (): ContainerApp => {
    if (!app) throw notFound(`Container app ${name}`);
    return app;
  };
  const setTraffic = (list: readonly TrafficEntry[]) => {
    const a = liveApp();
    a.configuration = {
      ...a.configuration,
      ingress: { ...a.configuration?.ingress, traffic: clone([...list]) },
    };
  };
  if (o.traffic) setTraffic(o.traffic);
  const traffic = (): TrafficEntry[] => clone((app?.configuration?.ingress?.traffic ?? []) as TrafficEntry[]);
  const appRead = (): ContainerApp & { name: string } => ({ ...clone(liveApp()), name });
  /** A new revision from a template, as ACA makes one: ready, active, the app's latest. */
  const newRevision = (template: Template) => {
    const revision = `${name}--${template.revisionSuffix ?? `r${++created}`}`;
    setRevision(revision, { template: clone(template), createdTime: new Date() });
    app = { ...liveApp(), template: clone(template), latestRevisionName: revision };
  };

  /** Records the call, runs its hooks around the in-memory behaviour. */
  async function call<T>(op: string, args: unknown[], behaviour: () => T): Promise<T> {
    const c = { op, args };
    calls.push(c);
    trace.push(describeCall(c));
    if ((ACA_WRITES as readonly string[]).includes(op)) writes.push(op);
    const n = count(op);
    for (const hook of before.get(op) ?? []) await hook(c, n);
    const result = behaviour();
    for (const hook of afterHooks.get(op) ?? []) await hook(c, n);
    return result;
  }
  const count = (op: string) => calls.filter((c) => c.op === op).length;
  const revision = (r: string) => {
    const found = revisions.get(r);
    if (!found) throw notFound(`Revision ${r}`);
    return found;
  };

  const aca = {
    resourceGroup,
    getApp: (n: string) => call('getApp', [n], () => (app ? appRead() : undefined)),
    getEnvironment: (id: string) => call('getEnvironment', [id], () => clone(environment)),
    listRevisions: (n: string) => call('listRevisions', [n], () => [...revisions.values()].map(clone)),
    getRevision: (n: string, r: string) =>
      call('getRevision', [n, r], () => (revisions.has(r) ? clone(revision(r)) : undefined)),
    listReplicas: (n: string, r: string) => call('listReplicas', [n, r], () => clone(replicas.get(r) ?? [])),
    putApp: (n: string, body: ContainerApp) =>
      call('putApp', [n, body], () => {
        app = clone(body);
        if (body.template) newRevision(body.template);
        return appRead();
      }),
    patchTemplate: (a: ContainerApp & { name: string }, template: Template) =>
      call('patchTemplate', [a, template], () => {
        newRevision(template);
        return appRead();
      }),
    patchTraffic: (a: ContainerApp & { name: string }, list: TrafficEntry[], options?: unknown) =>
      call('patchTraffic', [a, list, options], () => {
        setTraffic(list);
        return appRead();
      }),
    activate: (n: string, r: string) =>
      call('activate', [n, r], () => {
        setRevision(revision(r).name, { active: true });
      }),
    deactivate: (n: string, r: string) =>
      call('deactivate', [n, r], () => {
        setRevision(revision(r).name, { active: false });
      }),
    /** ACA's revision restart (the trading handover's escalation): recorded; the revision stays as it is. */
    restartRevision: (n: string, r: string) => call('restartRevision', [n, r], () => void revision(r)),
    schedule: o.schedule ?? { firstMs: 0 },
    clock: o.clock ?? { now: Date.now, sleep: async () => undefined },
    log: o.log ?? (() => undefined),
  };

  /** A long-running write: applies `change` when the operation ends (after `operation.polls` polls). */
  const operation = (
    op: string,
    args: unknown[],
    options: { onResponse?: (raw: { headers: { get(n: string): string | undefined } }) => void },
    change: () => void,
  ) =>
    call(op, args, () => {
      const headers = o.operation?.headers ?? {};
      options?.onResponse?.({ headers: { get: (h: string) => headers[h.toLowerCase()] } });
      const polls = o.operation?.polls ?? 0;
      let polled = 0;
      if (polls === 0) change();
      return {
        isDone: () => polled >= polls,
        poll: () =>
          call('poll', [op], () => {
            if (++polled === polls) change();
          }),
        getResult: () => (polled >= polls ? appRead() : undefined),
      };
    });
  type Options = Parameters<typeof operation>[2];
  const client = {
    containerApps: {
      get: (_rg: string, n: string) => call('containerApps.get', [n], appRead),
      beginUpdate: (_rg: string, n: string, body: ContainerApp, options: Options) =>
        operation('containerApps.beginUpdate', [n, body], options, () => {
          if (body.template) newRevision(body.template);
          const list = body.configuration?.ingress?.traffic;
          if (list) setTraffic(list as TrafficEntry[]);
        }),
      beginCreateOrUpdate: (_rg: string, n: string, body: ContainerApp, options: Options) =>
        operation('containerApps.beginCreateOrUpdate', [n, body], options, () => {
          app = clone(body);
          if (body.template) newRevision(body.template);
        }),
    },
    managedEnvironments: {
      get: (_rg: string, n: string) =>
        call('managedEnvironments.get', [n], () => ({ ...clone(environment), location: app?.location })),
    },
    containerAppsRevisions: {
      getRevision: (
        _rg: string,
        n: string,
        r: string,
        options?: { onResponse?: (raw: { parsedBody: unknown }) => void },
      ) =>
        call('containerAppsRevisions.getRevision', [n, r], () => {
          const found = clone(revision(r));
          options?.onResponse?.({ parsedBody: { name: r, properties: found } });
          return found;
        }),
      listRevisions: (_rg: string, n: string) => {
        const listed = call('containerAppsRevisions.listRevisions', [n], () => [...revisions.values()]);
        return (async function* () {
          for (const r of await listed) yield clone(r);
        })();
      },
      activateRevision: (_rg: string, n: string, r: string) =>
        call('containerAppsRevisions.activateRevision', [n, r], () => {
          setRevision(revision(r).name, { active: true });
        }),
      deactivateRevision: (_rg: string, n: string, r: string) =>
        call('containerAppsRevisions.deactivateRevision', [n, r], () => {
          setRevision(revision(r).name, { active: false });
        }),
      restartRevision: (_rg: string, n: string, r: string) =>
        call('containerAppsRevisions.restartRevision', [n, r], () => void revision(r)),
    },
    containerAppsRevisionReplicas: {
      listReplicas: (_rg: string, n: string, r: string) =>
        call('containerAppsRevisionReplicas.listReplicas', [n, r], () => ({
          value: clone(replicas.get(r) ?? []),
        })),
    },
  };

  return {
    name,
    /** The Aca operations over the in-memory app. */
    aca: aca as unknown as Aca,
    /** The ARM client over the same app, for `new Aca(fixture.client, ...)`. */
    client: client as unknown as ContainerAppsAPIClient,
    /** Every call, in order, with its arguments. */
    calls,
    /** Every call as a line: `traffic blue=app--v1@90, ...`, `activate app app--v2`, `getApp app`. */
    trace,
    /** The Aca writes called (their op names), in order. */
    writes,
    count,
    argsOf: (op: string) => calls.filter((c) => c.op === op).map((c) => c.args),
    /** Runs `hook` before each call of `op` (it may throw: a fault). */
    on(op: string, hook: AcaHook) {
      before.set(op, [...(before.get(op) ?? []), hook]);
    },
    /** Runs `hook` after each call of `op` that did not throw. */
    after(op: string, hook: AcaHook) {
      afterHooks.set(op, [...(afterHooks.get(op) ?? []), hook]);
    },
    /** Makes `op` throw `error` (on its n-th call when `call` is given). */
    fail(op: string, error: Error, at?: { call?: number }) {
      this.on(op, (_c, n) => {
        if (at?.call === undefined || at.call === n) throw error;
      });
    },
    app: () => (app ? appRead() : undefined),
    traffic,
    setTraffic,
    revision: (r: string) => clone(revisions.get(r)),
    setRevision,
    revisions,
    replicas,
  };
}

function describeCall({ op, args }: AcaCall): string {
  if (op === 'patchTraffic') return `traffic ${describeTraffic(args[1] as TrafficEntry[])}`;
  return [op, ...args.filter((a) => typeof a === 'string')].join(' ');
}
