// The decisions of the ACA client: which ARM refusal is another operation in progress, and the domain an app's
// URLs are on (from its FQDN, else one read of its environment).
import { describe, expect, it } from '@jest/globals';
import type { ContainerApp } from '@azure/arm-appcontainers';
import { appDomain, isBusy } from '../../../src/azure/aca.js';

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

describe('appDomain: the one rule of the domain both actions build URLs on', () => {
  const ENV = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env';
  it.each<[string, Omit<ContainerApp, 'location'>, string | undefined, number]>([
    [
      'from the FQDN, no read',
      { environmentId: ENV, configuration: { ingress: { fqdn: 'app.env.test' } } },
      'env.test',
      0,
    ],
    [
      'an internal FQDN: the environment is read',
      { environmentId: ENV, configuration: { ingress: { fqdn: 'app.internal.env.test' } } },
      'read.test',
      1,
    ],
    ['no ingress: the environment is read', { managedEnvironmentId: ENV }, 'read.test', 1],
    ['no FQDN and no environment', {}, undefined, 0],
  ])('%s', async (_what, app, want, reads) => {
    const read: string[] = [];
    const aca = {
      getEnvironment: async (id: string) => {
        read.push(id);
        return { id, name: 'env', defaultDomain: 'read.test' };
      },
    };
    await expect(appDomain(aca, 'app', app as ContainerApp)).resolves.toBe(want);
    expect(read).toEqual(Array<string>(reads).fill(ENV));
  });
});
