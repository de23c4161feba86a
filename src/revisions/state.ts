// A revision's state as ACA reports it, the rules every action reads it by: ready (from the list alone), active,
// and its description with Azure's own words. Pure.
import type { Revision } from '@azure/arm-appcontainers';
import type { RevisionState } from '../azure/aca.js';

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
function azureWords(r: RevisionState): string[] {
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
