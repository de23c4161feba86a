// The simulator's ARM state: what is persisted, keyed case-insensitively as ARM names are.

export type Json = Record<string, unknown>;

export interface TrafficEntry {
  revisionName?: string;
  latestRevision?: boolean;
  weight?: number;
  label?: string;
}

export interface ResourceGroup {
  name: string;
  location: string;
}

export interface ManagedEnvironment {
  name: string;
  resourceGroup: string;
  location: string;
  tags?: Json;
  properties: Json;
  createdAt: string;
}

export type AppProvisioningState = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled' | 'Deleting';

export interface ContainerApp {
  name: string;
  resourceGroup: string;
  location: string;
  tags?: Json;
  identity?: Json;
  /** Properties as the client wrote them (configuration, template, environmentId...). */
  properties: Json;
  provisioningState: AppProvisioningState;
  latestRevisionName?: string;
  /** The latest revision whose provisioning succeeded: `latestRevision: true` traffic goes there. */
  latestReadyRevisionName?: string;
  createdAt: string;
}

export interface Revision {
  name: string;
  /** Key of the app (`rg/app`, lower-case). */
  app: string;
  createdTime: string;
  lastActiveTime?: string;
  template: Json;
  active: boolean;
  /** Set when the revision could not be provisioned (image missing, containers failing). */
  provisioningError?: string;
  /**
   * While a deactivation runs (ISO time it ends): the revision stays `active: true` with runningState Deprovisioning,
   * then turns inactive (test_containerapp_revision_label_e2e.yaml, the revision GETs after `revision deactivate`).
   */
  deprovisioningUntil?: string;
}

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';

export interface Operation {
  id: string;
  kind: 'put' | 'patch' | 'delete';
  /** ARM id of the resource the operation writes. */
  resourceId: string;
  location: string;
  status: OperationStatus;
  startTime: string;
  endTime?: string;
  error?: { code: string; message: string };
}

export interface SimState {
  version: 1;
  resourceGroups: Record<string, ResourceGroup>;
  environments: Record<string, ManagedEnvironment>;
  apps: Record<string, ContainerApp>;
  revisions: Record<string, Revision>;
  operations: Record<string, Operation>;
}

export const emptyState = (): SimState => ({
  version: 1,
  resourceGroups: {},
  environments: {},
  apps: {},
  revisions: {},
  operations: {},
});

export const key = (...parts: string[]) => parts.join('/').toLowerCase();

export function appRevisions(state: SimState, appKey: string): Revision[] {
  return Object.values(state.revisions)
    .filter((r) => r.app === appKey)
    .sort((a, b) => a.createdTime.localeCompare(b.createdTime));
}

// JSON helpers shared by the ARM modules.
export const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]).map(obj) : []);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const now = () => new Date().toISOString();

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
