// The rules a revision's state is read by: ready from the list alone, active, and its description.
import { describe, expect, it } from '@jest/globals';
import type { Revision } from '@azure/arm-appcontainers';
import { describeRevisionState, isActive, revisionReadiness } from '../../../src/revisions/state.js';

describe('revisionReadiness', () => {
  it.each([
    [{ provisioningState: 'Provisioned', runningState: 'Running', healthState: 'Healthy' }, 'ready'],
    [
      { provisioningState: 'Provisioned', runningState: 'RunningAtMaxScale', healthState: 'Healthy' },
      'ready',
    ],
    [{ provisioningState: 'Provisioning', runningState: 'Processing', healthState: 'None' }, 'waiting'],
    [{ provisioningState: 'Provisioned', runningState: 'Activating', healthState: 'None' }, 'waiting'],
    [{ provisioningState: 'Provisioned', runningState: 'Running', healthState: 'Unhealthy' }, 'waiting'],
    [{ provisioningState: 'Provisioned', runningState: 'Degraded', healthState: 'Unhealthy' }, 'waiting'],
    [{ provisioningState: 'Failed', runningState: 'Running', healthState: 'Healthy' }, 'failed'],
    [{ provisioningState: 'Provisioned', runningState: 'Failed', healthState: 'Unhealthy' }, 'failed'],
    [{}, 'waiting'],
  ] as Array<[Revision, string]>)('%j is %s', (r, expected) => {
    expect(revisionReadiness(r)).toBe(expected);
  });
});

it('describeRevisionState names every state and the provisioning error', () => {
  expect(
    describeRevisionState({
      provisioningState: 'Failed',
      runningState: 'Failed',
      healthState: 'Unhealthy',
      active: true,
      replicas: 0,
      provisioningError: 'image not found',
    } as Revision),
  ).toBe(
    'provisioningState Failed, runningState Failed, healthState Unhealthy, active, 0 replicas: image not found',
  );
  expect(describeRevisionState({ active: false, replicas: 1 } as Revision)).toBe(
    'provisioningState unknown, runningState unknown, healthState unknown, inactive, 1 replica',
  );
});

describe('isActive: the one rule of what is active', () => {
  it.each<[string, Revision, boolean]>([
    ['active, Running', { active: true, provisioningState: 'Provisioned', runningState: 'Running' }, true],
    ['active not reported (older answers)', { runningState: 'Running' }, true],
    ['active, Activating (a new revision)', { active: true, runningState: 'Activating' }, true],
    [
      'active, Failed (still active: a re-run activates it again)',
      { active: true, runningState: 'Failed' },
      true,
    ],
    // Live Azure after a deactivation: active true while Deprovisioning for tens of seconds, then false, Stopped
    // (test_containerapp_revision_label_e2e.yaml).
    [
      'active: true but Deprovisioning',
      { active: true, provisioningState: 'Provisioned', runningState: 'Deprovisioning' },
      false,
    ],
    [
      'active: true, provisioningState Deprovisioning',
      { active: true, provisioningState: 'Deprovisioning' },
      false,
    ],
    ['active: true, Deprovisioned', { active: true, provisioningState: 'Deprovisioned' }, false],
    [
      'inactive, Stopped, Healthy',
      { active: false, provisioningState: 'Provisioned', runningState: 'Stopped', healthState: 'Healthy' },
      false,
    ],
  ])('%s: %s', (_name, r, expected) => {
    expect(isActive(r)).toBe(expected);
  });
});

it("describeRevisionState carries Azure's own words: provisioningError and runningStateDetails, each once", () => {
  expect(
    describeRevisionState({
      provisioningState: 'Failed',
      runningState: 'Failed',
      healthState: 'Unhealthy',
      active: true,
      replicas: 1,
      provisioningError: 'Failed:redisContainerCrashing',
      runningStateDetails: '1/1 Failed:redisContainerCrashing',
    } as Revision),
  ).toBe(
    'provisioningState Failed, runningState Failed, healthState Unhealthy, active, 1 replica: Failed:redisContainerCrashing; 1/1 Failed:redisContainerCrashing',
  );
  expect(
    describeRevisionState({
      provisioningState: 'Provisioned',
      runningState: 'Deprovisioning',
      healthState: 'Healthy',
      active: true,
    } as Revision),
  ).toBe(
    'provisioningState Provisioned, runningState Deprovisioning, healthState Healthy, deactivating, 0 replicas',
  );
});
