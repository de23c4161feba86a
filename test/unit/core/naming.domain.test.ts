// The environment's default domain read from an app's ingress FQDN (no read of the environment).
import { describe, expect, it } from '@jest/globals';
import { domainFromFqdn } from '../../../src/core/naming.js';

describe('domainFromFqdn', () => {
  it.each([
    ['app', 'app.green-sea-1.eastus.azurecontainerapps.io', 'green-sea-1.eastus.azurecontainerapps.io'],
    ['app', 'APP.Env.Test.', 'env.test'],
    ['app', 'app.internal.green-sea-1.eastus.azurecontainerapps.io', undefined],
    ['app', 'other.env.test', undefined],
    ['app', 'app.localhost', undefined],
    ['app', undefined, undefined],
  ])('%s at %s -> %s', (app, fqdn, expected) => {
    expect(domainFromFqdn(app, fqdn)).toBe(expected);
  });
});
