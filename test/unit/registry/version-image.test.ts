// blue-green's rollback to a version whose revision is gone reads the registry with an Entra token exchanged for
// a registry refresh token: both are masked before anything can print them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TokenCredential } from '@azure/identity';
import { findVersionImage, versionTags } from '../../../src/registry/version-image.js';
import { tokenHostProblem } from '../../../src/registry/reference.js';
import type { AzureSettings } from '../../../src/azure/connection.js';

/** A registry on loopback: the token exchange answers a refresh token, every manifest is unknown. */
let server: Server;
let registry: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    if (req.url === '/oauth2/exchange') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ refresh_token: 'registry-refresh-token' }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  registry = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** findVersionImage in the public cloud over a credential that counts its token requests. */
function publicCloudFinder() {
  let asked = 0;
  const credential: TokenCredential = {
    getToken: async () => {
      asked += 1;
      return { token: 'entra-access-token', expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  const logs: string[] = [];
  const find = findVersionImage(
    { tenantId: 't', cloud: 'AzureCloud', armEndpoint: 'https://management.azure.com' } as AzureSettings,
    credential,
    (line) => logs.push(line),
    () => undefined,
  );
  return { find, logs, asked: () => asked };
}

describe('findVersionImage', () => {
  it('masks the Entra token and the registry refresh token', async () => {
    const credential: TokenCredential = {
      getToken: async () => ({ token: 'entra-access-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    const masked: string[] = [];
    const find = findVersionImage(
      { tenantId: 't', cloud: 'Custom', armEndpoint: 'https://arm.sim.test' } as AzureSettings,
      credential,
      () => undefined,
      (secret) => masked.push(secret),
    );
    expect(await find('v1.4.0', `${registry}/alc/agents@sha256:${'a'.repeat(64)}`)).toBeUndefined();
    expect(masked).toEqual(['entra-access-token', 'registry-refresh-token']);
  });

  it('never sends the Entra token to a registry that is not Azure Container Registry', async () => {
    const { find, logs, asked } = publicCloudFinder();
    await find('v1.4.0', `${registry}/alc/agents@sha256:${'a'.repeat(64)}`);
    expect(asked()).toBe(0);
    expect(logs.join('\n')).toMatch(/not an Azure Container Registry/);
  });
  it.each([
    ['alcalgoregistry.azurecr.io', 'AzureCloud', true],
    ['alcalgo.azurecr.us', 'AzureUSGovernment', true],
    ['ghcr.io', 'AzureCloud', false],
    ['azurecr.io.evil.example', 'AzureCloud', false],
    ['127.0.0.1:5000', 'AzureCloud', false],
    ['127.0.0.1:5000', 'Custom', true],
    // allowlist bypasses: a string test passes them, a URL parser sends the request elsewhere
    ['evil.example#.azurecr.io', 'AzureCloud', false],
    ['evil.example?.azurecr.io', 'AzureCloud', false],
    ['evil.example\\.azurecr.io', 'AzureCloud', false],
    ['evil.example/.azurecr.io', 'AzureCloud', false],
    ['user@alcalgoregistry.azurecr.io', 'AzureCloud', false],
    ['evil.example@alcalgoregistry.azurecr.io', 'AzureCloud', false],
    ['alcalgoregistry.azurecr.io:443', 'AzureCloud', false],
    ['alcalgoregistry.azurecr.io:8443', 'AzureCloud', false],
    ['alcalgoregistry.azurecr.io/path', 'AzureCloud', false],
    ['alcalgoregistry.azurecr.io.', 'AzureCloud', false],
    ['alcalgoregistry.azurecr.io.evil.example', 'AzureCloud', false],
    ['alcalgoregistry%2eazurecr.io', 'AzureCloud', false],
    ['alcalgoregistry.azurecr.us', 'AzureCloud', false],
    ['evil.example#.azurecr.io', 'Custom', false],
    ['127.0.0.1:5000/x', 'Custom', false],
    ['u:p@127.0.0.1:5000', 'Custom', false],
  ] as const)('the token allowlist takes %s in %s: %p', (host, cloud, may) =>
    expect(tokenHostProblem(host, cloud) === undefined).toBe(may),
  );
  it.each(['evil.example#.azurecr.io', 'evil.example?.azurecr.io', 'evil.example\\.azurecr.io'])(
    'rollback to a version never asks for a token for %p, nor sends one anywhere',
    async (registry) => {
      let hits = 0;
      const seen = createServer((_req, res) => {
        hits += 1;
        res.end();
      });
      await new Promise<void>((done) => seen.listen(0, '127.0.0.1', done));
      const { find, logs, asked } = publicCloudFinder();
      await find('v1.4.0', `${registry}/alc/agents@sha256:${'a'.repeat(64)}`).catch(() => undefined);
      await new Promise<void>((done) => seen.close(() => done()));
      expect(asked()).toBe(0);
      expect(hits).toBe(0);
      expect(logs.join('\n')).toMatch(/not a bare registry host/);
    },
  );
  it("asks for ACR's audience, not ARM's", async () => {
    const scopes: string[] = [];
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(String(scope));
        return { token: 'entra-access-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const find = findVersionImage(
      { tenantId: 't', cloud: 'Custom', armEndpoint: 'https://arm.sim.test' } as AzureSettings,
      credential,
      () => undefined,
      () => undefined,
    );
    await find('v1.4.0', `${registry}/alc/agents@sha256:${'a'.repeat(64)}`);
    expect(scopes).toEqual(['https://containerregistry.azure.net/.default']);
  });
});

describe('versionTags', () => {
  it.each([
    ['v1.4.0', ['1.4.0', 'v1.4.0']],
    ['1.4.0', ['1.4.0']],
  ])('version tags of %s', (v, expected) => {
    expect(versionTags(v)).toEqual(expected);
  });
});
