// The managed-identity endpoint's decisions (ACA's IDENTITY_ENDPOINT, api-version 2019-08-01), Azure Storage's v1
// tokens of the simulator's Entra, Azurite's command line and start line, and the template's grace period.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminationGraceSeconds } from '../../../sim/arm/views.js';
import { IdentityService, isStorageResource, resourceOfScope } from '../../../sim/identity.js';
import { decodeJwt } from '../../../sim/jwt.js';
import {
  managedIdentityClientId,
  msiAnswer,
  type ManagedIdentityGrant,
} from '../../../sim/managed-identity.js';
import { azuriteArgs, listeningPort } from '../../../sim/storage.js';
import { tradingLeaseUrl } from '../../../sim/index.js';

const grant: ManagedIdentityGrant = {
  app: 'alc-algo-agents',
  revision: 'alc-algo-agents--1',
  replica: 'alc-algo-agents--1-abc',
  clientId: managedIdentityClientId('t', 'alc-algo-agents'),
};
const grants = new Map([['SECRET', grant]]);
const issue = (resource: string, clientId: string) => ({
  accessToken: `tok:${resource}:${clientId}`,
  expiresOn: 1234,
});
const ask = (o: { method?: string; path?: string; query?: string; header?: string }) =>
  msiAnswer(
    {
      method: o.method ?? 'GET',
      path: o.path ?? '/msi/token',
      query: new URLSearchParams(o.query ?? 'resource=https://storage.azure.com&api-version=2019-08-01'),
      header: 'header' in o ? o.header : 'SECRET',
    },
    grants,
    issue,
  );

describe('msiAnswer', () => {
  it('answers the app identity token in the 2019-08-01 shape', () => {
    expect(ask({})).toEqual({
      status: 200,
      body: {
        access_token: `tok:https://storage.azure.com:${grant.clientId}`,
        expires_on: '1234',
        resource: 'https://storage.azure.com',
        token_type: 'Bearer',
        client_id: grant.clientId,
      },
    });
  });
  it.each([
    ['a missing header', { header: undefined }, 403],
    ['a wrong header', { header: 'SECRET2' }, 403],
    ['a POST', { method: 'POST' }, 405],
    ['another path', { path: '/metadata/identity/oauth2/token' }, 404],
    ['no resource', { query: 'api-version=2019-08-01' }, 400],
    ['the 2017 api-version', { query: 'resource=r&api-version=2017-09-01' }, 400],
  ])('refuses %s (%j) with %i', (_name, o, status) => {
    const answer = ask(o);
    expect(answer.status).toBe(status);
    if (status === 403) expect(answer.body).toBeUndefined();
    if (status === 400) expect(answer.body).toMatchObject({ statusCode: 400 });
  });
  it('ignores a user-assigned client_id (one identity per app)', () => {
    expect(ask({ query: 'resource=r&api-version=2019-08-01&client_id=x' }).status).toBe(200);
  });
  it('gives each app a stable GUID client id', () => {
    expect(managedIdentityClientId('t', 'a')).toBe(managedIdentityClientId('t', 'a'));
    expect(managedIdentityClientId('t', 'a')).not.toBe(managedIdentityClientId('t', 'b'));
    expect(managedIdentityClientId('t', 'a')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe("Azure Storage's tokens", () => {
  it.each([
    ['https://storage.azure.com', true],
    ['https://storage.azure.com/', true],
    ['https://devstoreaccount1.blob.core.windows.net', true],
    ['https://management.azure.com', false],
    ['https://storage.azure.com.evil.example', false],
  ])('%s is a storage resource: %s', (resource, storage) =>
    expect(isStorageResource(resource)).toBe(storage),
  );

  it('are v1 tokens (sts.windows.net issuer, audience without the slash); other resources stay v2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alc-sim-unit-'));
    try {
      const identity = new IdentityService(dir, {
        tenantId: 'tenant-1',
        clientId: 'client-1',
        clientSecret: 's',
        githubRequestToken: 'g',
      });
      identity.origin = 'https://localhost:1';
      for (const scope of ['https://storage.azure.com/.default', 'https://storage.azure.com//.default']) {
        const claims = decodeJwt(identity.issueAccessToken(resourceOfScope(scope)!))?.claims;
        expect(claims).toMatchObject({
          aud: 'https://storage.azure.com',
          iss: 'https://sts.windows.net/tenant-1/',
          tid: 'tenant-1',
          appid: 'client-1',
          ver: '1.0',
        });
        expect(Number(claims?.exp) - Number(claims?.nbf)).toBe(3600);
      }
      const arm = identity.issueAccessToken('https://management.azure.com');
      expect(decodeJwt(arm)?.claims).toMatchObject({ iss: 'https://localhost:1/tenant-1/v2.0', ver: '2.0' });
      expect(identity.verify(arm)).toBeDefined();
      expect(identity.verify(identity.issueAccessToken('https://storage.azure.com'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Azurite', () => {
  it('runs the blob service over HTTPS with OAuth basic, no telemetry, its data in the state dir', () => {
    expect(
      azuriteArgs({
        host: '172.18.0.1',
        port: 0,
        dataDir: '/s/storage',
        certPath: '/s/c.crt',
        keyPath: '/s/c.key',
      }),
    ).toEqual([
      '--blobHost',
      '172.18.0.1',
      '--blobPort',
      '0',
      '--location',
      '/s/storage',
      '--cert',
      '/s/c.crt',
      '--key',
      '/s/c.key',
      '--oauth',
      'basic',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ]);
  });
  it.each([
    ['Azurite Blob service successfully listens on https://172.18.0.1:41235', 41235],
    ['Azurite Blob service successfully listens on http://127.0.0.1:10000', 10000],
    ['Azurite Blob service is starting on 172.18.0.1:0', undefined],
  ])('%s -> %s', (line, port) => expect(listeningPort(line)).toBe(port));
  it('names an app lease prefix under the trading container', () => {
    expect(tradingLeaseUrl('https://172.18.0.1:4/devstoreaccount1/', 'alc-algo-agents')).toBe(
      'https://172.18.0.1:4/devstoreaccount1/trading/alc-algo-agents',
    );
  });
});

describe('terminationGraceSeconds', () => {
  it.each([
    [{ terminationGracePeriodSeconds: 10 }, 10],
    [{ terminationGracePeriodSeconds: 0 }, 0],
    [{ terminationGracePeriodSeconds: null }, 30],
    [{}, 30],
    [undefined, 30],
    [{ terminationGracePeriodSeconds: -1 }, 30],
    [{ terminationGracePeriodSeconds: 2.5 }, 30],
  ])('%j -> %i', (template, seconds) => expect(terminationGraceSeconds(template)).toBe(seconds));
});
