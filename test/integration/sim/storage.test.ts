// The simulator's Azure Storage and managed identity, for real: Azurite over HTTPS on the Docker network's gateway,
// @azure/storage-blob with the pipeline's credential (GitHub OIDC exchanged at the simulator's Entra) and with a
// client secret, a blob written, leased, its metadata written with the lease; requests without a valid token refused
// as Azurite refuses them. In a container: the managed-identity endpoint (IDENTITY_ENDPOINT, IDENTITY_HEADER) gives a
// token that Azurite accepts from inside the container; a wrong header is refused; the CA and ib-gateway are there.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import type { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { blobService as runBlobService, STORAGE_SCOPE } from '../../../src/azure/blob.js';
import { BROKER_HOST, CONTAINER_CA_PATH, startSimulator, type Simulator } from '../../../sim/index.js';
import { httpsRequest } from '../../../sim/http.js';
import { decodeJwt, loadOrCreateKey, signJwt } from '../../../sim/jwt.js';
import { describeWithDocker, eventually, uniqueName } from '../../support/docker.js';
import { simAzure } from '../../support/sim-azure.js';
import { dockerRuntime, execIn, pushBusybox, type PushedImage } from '../../support/sim-containers.js';

/** A blob service client as the pipeline builds one: the credential, the simulator's CA. */
function blobService(sim: Simulator, credential: TokenCredential): BlobServiceClient {
  return runBlobService(sim.endpoints.storage!, credential, {
    tlsOptions: { ca: sim.ca },
    retry: { maxTries: 1 },
  });
}

describeWithDocker("the simulator's storage and managed identity", () => {
  let sim: Simulator;
  let stateDir: string;
  let trading: ContainerClient;
  let pushed: PushedImage | undefined;

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'alc-sim-storage-'));
    sim = await startSimulator({ stateDir, storage: true, lroDelayMs: 50 });
    trading = blobService(sim, simAzure(sim.env, sim.ca).credential).getContainerClient('trading');
  });
  afterAll(async () => {
    await pushed?.cleanup();
    await sim?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('listens on the Docker network gateway; the same URL is in endpoints, env and the lease URL', () => {
    const gateway = sim.docker!.gateway;
    expect(gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(sim.gateway).toBe(gateway);
    expect(sim.endpoints.storage).toMatch(
      new RegExp(`^https://${gateway.replace(/\./g, '\\.')}:\\d+/devstoreaccount1$`),
    );
    expect(sim.env.ALC_SIM_STORAGE).toBe(sim.endpoints.storage);
    expect(sim.tradingLeaseUrl('alc-algo-agents')).toBe(`${sim.endpoints.storage}/trading/alc-algo-agents`);
    expect(sim.endpoints.managedIdentity).toMatch(
      new RegExp(`^http://${gateway.replace(/\./g, '\\.')}:\\d+/msi/token$`),
    );
  });

  it('the pipeline credential writes and reads a blob, leases it and writes its metadata with the lease', async () => {
    expect(await trading.exists()).toBe(true);
    const blob = trading.getBlockBlobClient(`${uniqueName('app')}/lease`);
    const body = JSON.stringify({ revision: 'app--1', epoch: 1 });
    const put = await blob.upload(body, Buffer.byteLength(body), { conditions: { ifNoneMatch: '*' } });
    expect(put.etag).toBeTruthy();
    // A second create-only write loses: the conditional write the designation relies on.
    await expect(
      blob.upload(body, Buffer.byteLength(body), { conditions: { ifNoneMatch: '*' } }),
    ).rejects.toMatchObject({
      statusCode: 409,
    });
    expect((await blob.downloadToBuffer()).toString('utf8')).toBe(body);

    const lease = blob.getBlobLeaseClient();
    await lease.acquireLease(15);
    const props = await blob.getProperties();
    expect([props.leaseState, props.leaseStatus, props.leaseDuration]).toEqual(['leased', 'locked', 'fixed']);
    // Without the lease the metadata write is refused (412, LeaseIdMissing); with it, it lands.
    await expect(blob.setMetadata({ holder: 'intruder' })).rejects.toMatchObject({ statusCode: 412 });
    const metadata = {
      holder: 'app--1-abc',
      revision: 'app--1',
      epoch: '1',
      state: 'trading',
      since: new Date().toISOString(),
    };
    await blob.setMetadata(metadata, { conditions: { leaseId: lease.leaseId } });
    expect((await blob.getProperties()).metadata).toEqual(metadata);
    // Another lease cannot be taken while this one holds.
    await expect(blob.getBlobLeaseClient().acquireLease(15)).rejects.toMatchObject({ statusCode: 409 });
    await lease.renewLease();
    await lease.releaseLease();
    expect((await blob.getProperties()).leaseState).toBe('available');
  });

  it("a client secret credential with the simulator as authority host works too; its token is Storage's v1 token", async () => {
    const credential = new ClientSecretCredential(sim.ids.tenantId, sim.ids.clientId, sim.ids.clientSecret, {
      authorityHost: sim.endpoints.authorityHost,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: sim.ca },
    });
    const token = await credential.getToken(STORAGE_SCOPE);
    expect(decodeJwt(token.token)?.claims).toMatchObject({
      aud: 'https://storage.azure.com',
      iss: `https://sts.windows.net/${sim.ids.tenantId}/`,
      tid: sim.ids.tenantId,
      ver: '1.0',
    });
    const blob = blobService(sim, credential)
      .getContainerClient('trading')
      .getBlockBlobClient(`${uniqueName('s')}/b`);
    await blob.upload('x', 1);
    expect((await blob.downloadToBuffer()).toString()).toBe('x');
  }, 60_000);

  it('refuses requests without a valid token as Azurite does', async () => {
    const url = `${sim.endpoints.storage}/trading?restype=container&comp=list`;
    const get = (authorization?: string) =>
      httpsRequest(url, {
        ca: sim.ca,
        headers: { 'x-ms-version': '2025-01-05', ...(authorization ? { authorization } : {}) },
      });
    const key = loadOrCreateKey(join(stateDir, 'foreign.key'), 'foreign');
    const now = Math.floor(Date.now() / 1000);
    const v1 = (claims: Record<string, unknown>) =>
      `Bearer ${signJwt({ iss: `https://sts.windows.net/${sim.ids.tenantId}/`, aud: 'https://storage.azure.com', iat: now, nbf: now, exp: now + 600, ...claims }, key)}`;
    // Azurite's answers: 403 with AuthorizationFailure (no credentials) or AuthenticationFailed (a bad token).
    const cases: Array<[string, string | undefined, string]> = [
      ['no token', undefined, 'AuthorizationFailure'],
      [
        'an ARM token (v2 issuer, ARM audience)',
        `Bearer ${sim.identity.issueAccessToken(sim.endpoints.arm)}`,
        'AuthenticationFailed',
      ],
      [
        'a v1 token for another audience',
        v1({ aud: 'https://management.azure.com' }),
        'AuthenticationFailed',
      ],
      ['an expired token', v1({ exp: now - 60, nbf: now - 3600, iat: now - 3600 }), 'AuthenticationFailed'],
      ['not a JWT', 'Bearer not-a-token', 'AuthenticationFailed'],
    ];
    const seen = await Promise.all(
      cases.map(async ([name, auth]) => {
        const res = await get(auth);
        return [name, res.status, /<Code>([^<]+)<\/Code>/.exec(res.body)?.[1]];
      }),
    );
    expect(seen).toEqual(cases.map(([name, , code]) => [name, 403, code]));
    expect((await get(`Bearer ${sim.identity.issueAccessToken('https://storage.azure.com')}`)).status).toBe(
      200,
    );
  });

  it('a container gets a storage token from IDENTITY_ENDPOINT that Azurite accepts; a wrong header is refused', async () => {
    pushed = await pushBusybox(sim, uniqueName('mi'));
    const app = uniqueName('mi-app');
    const revisionName = `${app}--1`;
    const runtime = dockerRuntime(sim);
    await runtime.ensureRevision({
      revisionName,
      appName: app,
      image: pushed.image,
      registryAuth: pushed.registryAuth,
      env: {},
      targetPort: 8080,
      replicas: 1,
      command: ['/bin/sh'],
      args: ['-c', 'exec httpd -f -p 8080 -h /www'],
    });
    const container = await eventually(() => {
      const r = runtime.replicas(revisionName)[0];
      return r?.ready ? r.id : undefined;
    }, 60_000);

    // The host writes a blob with the pipeline's credential; the container reads it with its own token.
    const blobName = `${app}/hello`;
    const text = `hello ${randomBytes(4).toString('hex')}`;
    await trading.getBlockBlobClient(blobName).upload(text, text.length);

    const env = (await execIn(container, 'echo "$IDENTITY_ENDPOINT|$IDENTITY_HEADER"')).out.trim().split('|');
    expect(env[0]).toBe(sim.endpoints.managedIdentity);
    expect(env[1]).toMatch(/^[0-9A-F]{32}$/);
    const fetchToken = (header: string) =>
      execIn(
        container,
        `wget -q -O- --header "X-IDENTITY-HEADER: ${header}" "$IDENTITY_ENDPOINT?resource=https://storage.azure.com/&api-version=2019-08-01"`,
      );
    const got = await fetchToken('$IDENTITY_HEADER');
    expect(got.code).toBe(0);
    const answer = JSON.parse(got.out) as Record<string, string>;
    expect(Object.keys(answer).sort()).toEqual([
      'access_token',
      'client_id',
      'expires_on',
      'resource',
      'token_type',
    ]);
    expect(answer).toMatchObject({ resource: 'https://storage.azure.com/', token_type: 'Bearer' });
    expect(Number(answer.expires_on)).toBeGreaterThan(Date.now() / 1000 + 600);
    expect(decodeJwt(answer.access_token)?.claims).toMatchObject({
      aud: 'https://storage.azure.com',
      iss: `https://sts.windows.net/${sim.ids.tenantId}/`,
      appid: answer.client_id,
    });

    // The container reaches the storage on the gateway (TCP; busybox's own TLS cannot negotiate with Node's server,
    // an SDK's OpenSSL does); the token it got is accepted by Azurite.
    const port = new URL(sim.endpoints.storage!).port;
    expect(await execIn(container, `nc -w 3 ${sim.gateway} ${port} </dev/null && echo reached`)).toEqual({
      code: 0,
      out: 'reached\n',
    });
    // That port is the simulator's proxy (where storage faults apply); Azurite itself is on the host's loopback only.
    expect(Number(port)).toBe(sim.storage!.proxy.port);
    expect(sim.storage!.azurite.host).toBe('127.0.0.1');
    expect(
      (
        await execIn(
          container,
          `nc -w 2 ${sim.gateway} ${sim.storage!.azurite.port} </dev/null && echo reached`,
        )
      ).out,
    ).not.toMatch(/reached/);
    const read = await httpsRequest(`${sim.endpoints.storage}/trading/${blobName}`, {
      ca: sim.ca,
      headers: { authorization: `Bearer ${answer.access_token}`, 'x-ms-version': '2025-01-05' },
    });
    expect([read.status, read.body]).toEqual([200, text]);

    // A wrong or missing header: 403, as ACA's endpoint answers.
    const wrong = await execIn(
      container,
      `wget -S -O- --header "X-IDENTITY-HEADER: 0123" "$IDENTITY_ENDPOINT?resource=https://storage.azure.com&api-version=2019-08-01" 2>&1`,
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.out).toMatch(/403 Forbidden/);
    const none = await execIn(
      container,
      `wget -S -O- "$IDENTITY_ENDPOINT?resource=https://storage.azure.com&api-version=2019-08-01" 2>&1`,
    );
    expect(none.out).toMatch(/403 Forbidden/);

    // The simulator's CA is the container's trust store; ib-gateway names the gateway.
    expect([CONTAINER_CA_PATH, BROKER_HOST]).toEqual(['/etc/ssl/certs/ca-certificates.crt', 'ib-gateway']);
    expect((await execIn(container, `cat ${CONTAINER_CA_PATH}`)).out).toBe(sim.ca);
    expect((await execIn(container, `grep ${BROKER_HOST} /etc/hosts`)).out).toMatch(
      new RegExp(`^${sim.gateway.replace(/\./g, '\\.')}\\s+ib-gateway`),
    );
    await runtime.stopRevision(revisionName);
  }, 120_000);

  it("@azure/identity's ManagedIdentityCredential reads the endpoint's answer; the token works with storage-blob", async () => {
    const grant = sim.managedIdentity!.register({
      app: 'host-app',
      revision: 'host-app--1',
      replica: 'host-app--1-x',
    });
    const saved = { endpoint: process.env.IDENTITY_ENDPOINT, header: process.env.IDENTITY_HEADER };
    Object.assign(process.env, grant);
    try {
      const credential = new ManagedIdentityCredential();
      const token = await credential.getToken(STORAGE_SCOPE);
      expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 600_000);
      const blob = blobService(sim, credential)
        .getContainerClient('trading')
        .getBlockBlobClient('host-app/mi');
      await blob.upload('mi', 2);
      expect((await blob.downloadToBuffer()).toString()).toBe('mi');
    } finally {
      for (const [k, v] of [
        ['IDENTITY_ENDPOINT', saved.endpoint],
        ['IDENTITY_HEADER', saved.header],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }, 60_000);

  it('stops Azurite with the simulator (its pid only)', async () => {
    const pid = sim.storage!.pid;
    expect(() => process.kill(pid, 0)).not.toThrow();
    await sim.stop();
    await eventually(() => {
      try {
        process.kill(pid, 0);
        return undefined;
      } catch {
        return true;
      }
    }, 15_000);
  });
});
