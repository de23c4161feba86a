// The decision of a container app write (PUT or PATCH), before anything changes: the app record it
// leads to and the revision it creates, or the ARM error that refuses it.
import { ArmError, invalid, notFound } from './errors.js';
import {
  type ContainerApp,
  type Json,
  type ResourceGroup,
  type Revision,
  type SimState,
  appRevisions,
  arr,
  key,
  mergePatch,
  now,
  obj,
  str,
} from './model.js';
import { locationRequired } from './protocol.js';
import { generateSuffix, planRevision, sequenceSuffix } from './revisions.js';
import { secretInvalid, validateWrite } from './validate.js';
import { envId } from './views.js';

export interface WriteRequest {
  state: SimState;
  subscriptionId: string;
  group: ResourceGroup;
  name: string;
  patch: boolean;
  body: Json;
  /** How the simulator names a revision the template gives no suffix: ACA's random 7 characters, or 0000001... */
  suffixes?: 'random' | 'sequence';
}

export interface WritePlan {
  appKey: string;
  app: ContainerApp;
  /** The revision the write creates, if its template differs from the latest one's. */
  revision?: Revision;
  created: boolean;
}

export const isBusy = (app: ContainerApp) =>
  app.provisioningState === 'InProgress' || app.provisioningState === 'Deleting';

export const busy = (app: ContainerApp, verb: string) =>
  new ArmError(
    409,
    'ContainerAppOperationInProgress',
    `Cannot ${verb} container app '${app.name}' while an operation is in progress. Retry when it completes.`,
  );

/** The environment the properties name, which must exist; returns its canonical id. */
function environmentId(state: SimState, sub: string, props: Json): string {
  const id = str(props.managedEnvironmentId) ?? str(props.environmentId);
  if (!id) {
    throw invalid(
      'properties.managedEnvironmentId (or environmentId) is required.',
      'ManagedEnvironmentIdRequired',
    );
  }
  const m =
    /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/providers\/microsoft\.app\/managedenvironments\/([^/]+)$/i.exec(
      id,
    );
  if (!m)
    throw invalid(`The managed environment id '${id}' is not a valid resource id.`, 'InvalidResourceId');
  const env = state.environments[key(m[1], m[2])];
  if (!env) throw notFound('Microsoft.App/managedEnvironments', m[2], m[1]);
  return envId(sub, env);
}

/** Secrets written without value or keyVaultUrl keep what they had (ARM GET never shows values). */
function withSecretValues(props: Json, previous: Json | undefined): Json {
  const cfg = obj(props.configuration);
  if (!Array.isArray(cfg.secrets)) return props;
  const before = new Map(arr(obj(previous?.configuration).secrets).map((s) => [String(s.name), s]));
  const secrets = arr(cfg.secrets).map((s) => {
    if (s.value !== undefined || s.keyVaultUrl !== undefined) return s;
    const old = before.get(String(s.name));
    if (!old) throw secretInvalid(String(s.name));
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

export function planWrite({
  state,
  subscriptionId,
  group,
  name,
  patch,
  body,
  suffixes,
}: WriteRequest): WritePlan {
  const appKey = key(group.name, name);
  const existing = state.apps[appKey];
  if (patch && !existing) throw notFound('Microsoft.App/containerApps', name, group.name);
  if (existing && isBusy(existing)) throw busy(existing, 'modify');
  const location = str(body.location) ?? existing?.location;
  if (!location) throw locationRequired();
  const merged = patch ? obj(mergePatch(existing?.properties, body.properties ?? {})) : obj(body.properties);
  const props = withSecretValues(merged, existing?.properties);
  const envIdValue = environmentId(state, subscriptionId, props);
  const identity = body.identity === undefined ? existing?.identity : obj(body.identity);
  const revisions = appRevisions(state, appKey);
  const template = obj(props.template);
  const plan = planRevision(
    name,
    template,
    revisions,
    existing?.latestRevisionName,
    suffixes === 'sequence' ? sequenceSuffix(revisions) : generateSuffix,
  );
  const generatedName = !str(template.revisionSuffix);
  // Static validation first (as ARM does), with the name the revision would get; then a reused suffix.
  const newRevisionName =
    plan instanceof ArmError ? `${name}--${String(template.revisionSuffix)}` : plan.newRevisionName;
  const error = validateWrite({ appName: name, props, identity, newRevisionName, generatedName, revisions });
  if (error) throw error;
  if (plan instanceof ArmError) throw plan;

  const app: ContainerApp = {
    name: existing?.name ?? name,
    resourceGroup: existing?.resourceGroup ?? group.name,
    location,
    tags: body.tags === undefined ? existing?.tags : obj(body.tags),
    identity,
    properties: { ...props, managedEnvironmentId: envIdValue, environmentId: envIdValue },
    provisioningState: 'InProgress',
    latestRevisionName: plan.newRevisionName ?? existing?.latestRevisionName,
    latestReadyRevisionName: existing?.latestReadyRevisionName,
    createdAt: existing?.createdAt ?? now(),
  };
  const revision: Revision | undefined = plan.newRevisionName
    ? {
        name: plan.newRevisionName,
        app: appKey,
        createdTime: now(),
        lastActiveTime: now(),
        template,
        active: true,
      }
    : undefined;
  return { appKey, app, revision, created: !existing };
}
