// The pure decisions of the ACA operations: revision readiness, its description, traffic comparison.
import { describe, expect, it } from '@jest/globals';
import type { Revision } from '@azure/arm-appcontainers';
import { describeRevisionState, isBusy, revisionReadiness, sameTraffic } from '../../src/azure/aca.js';
import { normaliseTraffic } from '../../src/revisions/traffic.js';

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

describe('sameTraffic', () => {
  const a = { revisionName: 'x--1', label: 'blue', weight: 100 };
  const b = { revisionName: 'x--2', label: 'green', weight: 0 };
  it.each([
    [[a, b], [b, a], true],
    [[a, b], [a], false],
    [[a, b], [a, { ...b, weight: 1 }], false],
    [[a, b], [a, { ...b, label: 'blue2' }], false],
    [[{ latestRevision: true, weight: 100 }], [{ latestRevision: true, weight: 100 }], true],
    [[{ latestRevision: true, weight: 100 }], [{ revisionName: 'x--1', weight: 100 }], false],
  ])('%j vs %j: %s', (x, y, expected) => {
    expect(sameTraffic(x, y)).toBe(expected);
  });
  it('normaliseTraffic drops nulls and defaults weights', () => {
    expect(
      normaliseTraffic([{ revisionName: 'x--1', label: undefined, latestRevision: false } as never]),
    ).toEqual([{ revisionName: 'x--1', weight: 0 }]);
  });
});

describe('isBusy', () => {
  it.each([
    [{ statusCode: 409, code: 'ContainerAppOperationInProgress' }, true],
    [{ statusCode: 409, code: 'Conflict' }, true],
    [{ statusCode: 409 }, true],
    [{ statusCode: 409, code: 'ContainerAppDuplicateLabel' }, false],
    [{ statusCode: 400, code: 'ContainerAppOperationInProgress' }, false],
    [new Error('x'), false],
  ])('%j: %s', (error, expected) => {
    expect(isBusy(error)).toBe(expected);
  });
});
