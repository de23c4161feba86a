// How ARM shows the simulator's state: the JSON of apps, revisions, environments and operations,
// and the runtime spec of a revision. Pure functions of the state and the runtime's observations.
import type { RuntimeReplicaStatus, RuntimeRevisionSpec, RuntimeRevisionStatus } from '../types.js';
import { principalId } from '../identity.js';
import {
  type ContainerApp,
  type Json,
  type ManagedEnvironment,
  type Operation,
  type Revision,
  arr,
  obj,
} from './model.js';
import { appFqdn, labelsOf, revisionFqdn, trafficWeightOf } from './revisions.js';
import { revisionsMode } from './validate.js';

export const groupId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
export const appId = (sub: string, app: Pick<ContainerApp, 'resourceGroup' | 'name'>) =>
  `${groupId(sub, app.resourceGroup)}/providers/Microsoft.App/containerApps/${app.name}`;
export const envId = (sub: string, env: Pick<ManagedEnvironment, 'resourceGroup' | 'name'>) =>
  `${groupId(sub, env.resourceGroup)}/providers/Microsoft.App/managedEnvironments/${env.name}`;

export interface RevisionState {
  provisioningState: RuntimeRevisionStatus['provisioningState'];
  runningState: RuntimeRevisionStatus['runningState'];
  healthState: RuntimeRevisionStatus['healthState'];
  replicas: number;
  message?: string;
  /** Azure's runningStateDetails of the revision (e.g. a target port nothing listens on). */
  details?: string;
}

/** A revision's state from its record and what the runtime observes. */
export function revisionState(rev: Revision, observed: RuntimeRevisionStatus | undefined): RevisionState {
  if (rev.provisioningError) {
    return {
      provisioningState: 'Failed',
      runningState: 'Failed',
      healthState: 'Unhealthy',
      replicas: 0,
      message: rev.provisioningError,
    };
  }
  // Inactive: Provisioned/Stopped/Healthy, as Azure shows a deactivated revision once it is Stopped
  // (test_containerapp_revision_label_e2e.yaml, the revision GETs after `revision deactivate`).
  if (!rev.active)
    return { provisioningState: 'Provisioned', runningState: 'Stopped', healthState: 'Healthy', replicas: 0 };
  // Still `active: true` while Azure deprovisions it (the same recording: tens of seconds before Stopped).
  if (rev.deprovisioningUntil)
    return {
      provisioningState: 'Provisioned',
      runningState: 'Deprovisioning',
      healthState: 'None',
      replicas: observed?.readyReplicas ?? 0,
    };
  if (!observed)
    return {
      provisioningState: 'Provisioning',
      runningState: 'Processing',
      healthState: 'None',
      replicas: 0,
    };
  const { provisioningState, runningState, healthState, readyReplicas, message, details } = observed;
  return {
    provisioningState,
    runningState,
    healthState,
    replicas: readyReplicas,
    message,
    ...(details ? { details } : {}),
  };
}

export function revisionView(
  sub: string,
  domain: string,
  app: ContainerApp,
  rev: Revision,
  st: RevisionState,
): Json {
  return {
    id: `${appId(sub, app)}/revisions/${rev.name}`,
    name: rev.name,
    type: 'Microsoft.App/containerApps/revisions',
    properties: {
      createdTime: rev.createdTime,
      lastActiveTime: rev.lastActiveTime ?? rev.createdTime,
      fqdn: revisionFqdn(rev.name, domain),
      template: rev.template,
      active: rev.active,
      replicas: st.replicas,
      trafficWeight: trafficWeightOf(app, rev.name),
      labels: labelsOf(app, rev.name),
      provisioningState: st.provisioningState,
      runningState: st.runningState,
      healthState: st.healthState,
      ...(st.details ? { runningStateDetails: st.details } : {}),
      ...(st.provisioningState === 'Failed' || st.message ? { provisioningError: st.message ?? '' } : {}),
    },
  };
}

/**
 * A replica as the replica API shows it (Replica in Microsoft.App): its pod-level running state and one entry per
 * container (ready, started, restartCount, runningState Running|Waiting|Terminated, runningStateDetails, the log
 * stream and exec endpoints, which the simulator does not serve).
 */
export function replicaView(
  sub: string,
  app: ContainerApp,
  revisionName: string,
  r: RuntimeReplicaStatus,
): Json {
  const id = `${appId(sub, app)}/revisions/${revisionName}/replicas/${r.name}`;
  const c = r.container;
  const endpoint = (scheme: string, what: string) =>
    `${scheme}://${app.location}.azurecontainerapps.dev/subscriptions/${sub}/resourceGroups/${app.resourceGroup}/containerApps/${app.name}/revisions/${revisionName}/replicas/${r.name}/${what}`;
  const running = c.runningState === 'Running';
  return {
    id,
    name: r.name,
    type: 'Microsoft.App/containerApps/revisions/replicas',
    properties: {
      createdTime: r.createdTime,
      runningState: running ? 'Running' : 'NotRunning',
      ...(running
        ? {}
        : { runningStateDetails: c.runningStateDetails ?? `Container ${c.name} is ${c.runningState}` }),
      containers: [
        {
          name: c.name,
          containerId: c.containerId,
          ready: c.ready,
          started: c.started,
          restartCount: c.restartCount,
          runningState: c.runningState,
          ...(c.runningStateDetails ? { runningStateDetails: c.runningStateDetails } : {}),
          logStreamEndpoint: endpoint('https', `containers/${c.name}/logstream`),
          execEndpoint: endpoint('wss', `containers/${c.name}/exec`),
        },
      ],
      initContainers: [],
    },
  };
}

function identityView(identity: Json | undefined, id: string, tenantId: string): Json | undefined {
  if (!identity) return undefined;
  const system = String(identity.type ?? '')
    .toLowerCase()
    .includes('systemassigned');
  const users = Object.fromEntries(
    Object.keys(obj(identity.userAssignedIdentities)).map((k) => [
      k,
      { principalId: principalId(k), clientId: principalId(`client:${k}`) },
    ]),
  );
  return {
    ...identity,
    ...(system ? { principalId: principalId(id), tenantId } : {}),
    ...(Object.keys(users).length ? { userAssignedIdentities: users } : {}),
  };
}

export interface AppViewContext {
  sub: string;
  tenantId: string;
  domain: string;
  environmentId: string;
}

export function appView(app: ContainerApp, c: AppViewContext): Json {
  const id = appId(c.sub, app);
  const cfg = obj(app.properties.configuration);
  const ingress = cfg.ingress ? obj(cfg.ingress) : undefined;
  const traffic = arr(ingress?.traffic);
  return {
    id,
    name: app.name,
    type: 'Microsoft.App/containerApps',
    location: app.location,
    tags: app.tags ?? {},
    ...(app.identity ? { identity: identityView(app.identity, id, c.tenantId) } : {}),
    systemData: { createdAt: app.createdAt, createdByType: 'Application', lastModifiedByType: 'Application' },
    properties: {
      ...app.properties,
      provisioningState: app.provisioningState,
      runningStatus: 'Running',
      managedEnvironmentId: c.environmentId,
      environmentId: c.environmentId,
      workloadProfileName: app.properties.workloadProfileName ?? 'Consumption',
      latestRevisionName: app.latestRevisionName,
      latestReadyRevisionName: app.latestReadyRevisionName,
      latestRevisionFqdn:
        app.latestRevisionName && ingress ? revisionFqdn(app.latestRevisionName, c.domain) : undefined,
      outboundIpAddresses: ['127.0.0.1'],
      customDomainVerificationId: principalId(`domain:${c.sub}`).replace(/-/g, '').toUpperCase(),
      configuration: {
        ...cfg,
        activeRevisionsMode: revisionsMode({ props: app.properties }),
        secrets: arr(cfg.secrets).map(({ value: _value, ...rest }) => rest),
        ...(ingress
          ? {
              ingress: {
                external: false,
                transport: 'Auto',
                allowInsecure: false,
                ...ingress,
                fqdn: appFqdn(app.name, c.domain),
                traffic: traffic.length ? traffic : [{ latestRevision: true, weight: 100 }],
              },
            }
          : {}),
      },
    },
  };
}

export function environmentView(sub: string, env: ManagedEnvironment): Json {
  return {
    id: envId(sub, env),
    name: env.name,
    type: 'Microsoft.App/managedEnvironments',
    location: env.location,
    tags: env.tags ?? {},
    systemData: { createdAt: env.createdAt },
    properties: env.properties,
  };
}

export function operationView(statusPath: string, op: Operation): Json {
  return {
    id: statusPath,
    name: op.id,
    status: op.status,
    startTime: op.startTime,
    ...(op.endTime ? { endTime: op.endTime } : {}),
    ...(op.error ? { error: op.error } : {}),
  };
}

/** ACA's default terminationGracePeriodSeconds (Kubernetes'), for a template that leaves it out or null. */
export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

/** A template's terminationGracePeriodSeconds: a whole number of seconds 0..600, else ACA's default. Pure. */
export function terminationGraceSeconds(template: Json | undefined): number {
  const v = template?.terminationGracePeriodSeconds;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 600
    ? v
    : DEFAULT_TERMINATION_GRACE_SECONDS;
}

/** What the runtime needs to run a revision: its first container, env with secrets resolved, probes, port. */
export function runtimeSpec(
  app: ContainerApp,
  rev: Revision,
  domain: string,
  secretValue: (secret: Json) => string,
): RuntimeRevisionSpec {
  const cfg = obj(app.properties.configuration);
  const container = arr(rev.template.containers)[0];
  const secrets = new Map(arr(cfg.secrets).map((s) => [String(s.name), secretValue(s)]));
  const targetPort = Number(obj(cfg.ingress).targetPort ?? 80);
  const env: Record<string, string> = {
    CONTAINER_APP_NAME: app.name,
    CONTAINER_APP_REVISION: rev.name,
    CONTAINER_APP_ENV_DNS_SUFFIX: domain,
    CONTAINER_APP_HOSTNAME: revisionFqdn(rev.name, domain),
    CONTAINER_APP_PORT: String(targetPort),
  };
  for (const e of arr(container.env)) {
    env[String(e.name)] = e.secretRef ? (secrets.get(String(e.secretRef)) ?? '') : String(e.value ?? '');
  }
  const probePath = (type: string) =>
    arr(container.probes)
      .filter((p) => String(p.type).toLowerCase() === type)
      .map((p) => obj(p.httpGet).path)
      .find((p): p is string => typeof p === 'string');
  const probeTiming = (type: string) => {
    const p = arr(container.probes).find((x) => String(x.type).toLowerCase() === type);
    if (!p) return undefined;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return {
      initialDelaySeconds: num(p.initialDelaySeconds),
      periodSeconds: num(p.periodSeconds),
      failureThreshold: num(p.failureThreshold),
    };
  };
  const command = Array.isArray(container.command) ? container.command.map(String) : undefined;
  const args = Array.isArray(container.args) ? container.args.map(String) : undefined;
  return {
    revisionName: rev.name,
    appName: app.name,
    image: String(container.image),
    env,
    targetPort,
    containerName: typeof container.name === 'string' ? container.name : app.name,
    readinessPath: probePath('readiness'),
    livenessPath: probePath('liveness'),
    readinessTiming: probeTiming('readiness'),
    livenessTiming: probeTiming('liveness'),
    replicas: Math.max(1, Number(obj(rev.template.scale).minReplicas ?? 1)),
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
  };
}
