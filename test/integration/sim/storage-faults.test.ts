// Faults on the simulator's storage: its public endpoint is a proxy in front of Azurite that applies the fault rules
// of service 'storage'. Each kind as @azure/storage-blob sees it: a 500 (retried by the SDK's policy), a 429 storm
// with Retry-After (not retried by the storage SDK: the caller sees 429), a connection reset (ECONNRESET, retried),
// latency, a kill (the write lands, its answer is held until the test's kill ran), 'unreachable' for a while (every
// connection reset, open ones dropped); rules of ARM and of storage apart, through sim.faults and the admin API; and
// the proxy's added latency (p50 over kept-alive connections).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { RestError, type ContainerClient } from '@azure/storage-blob';
import { blobService } from '../../../src/azure/blob.js';
import { startSimulator, type Simulator } from '../../../sim/index.js';
import { httpsRequest } from '../../../sim/http.js';
import type { FaultRule } from '../../../sim/types.js';
import { uniqueName } from '../../support/docker.js';

let sim: Simulator;
let stateDir: string;
let credential: TokenCredential;

function container(serviceUrl: string, maxTries = 1): ContainerClient {
  return blobService(serviceUrl, credential, {
    tlsOptions: { ca: sim.ca },
    retry: { maxTries, retryDelayInMs: 50, maxRetryDelayInMs: 200 },
  }).getContainerClient('trading');
}

const storageRule = (rule: Partial<FaultRule>): FaultRule =>
  ({ service: 'storage', method: '*', ...rule }) as FaultRule;

/** What the SDK threw: status, the error code (x-ms-error-code or the socket's), Retry-After. */
async function failure(
  p: Promise<unknown>,
): Promise<{ status?: number; code?: string; retryAfter?: string }> {
  try {
    await p;
  } catch (e) {
    const r = e as RestError;
    return {
      status: r.statusCode,
      // A HEAD answer has no body: the code is in x-ms-error-code only.
      code: r.code ?? r.response?.headers.get('x-ms-error-code') ?? undefined,
      retryAfter: r.response?.headers.get('retry-after') ?? undefined,
    };
  }
  throw new Error('the request succeeded, a failure was expected');
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'alc-sim-stfault-'));
  sim = await startSimulator({ stateDir, docker: false, registry: false, storage: true, lroDelayMs: 50 });
  const token = (): string => sim.identity.issueAccessToken('https://storage.azure.com');
  credential = {
    getToken: () => Promise.resolve({ token: token(), expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
}, 150_000);
afterAll(async () => {
  await sim?.stop();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});
beforeEach(() => sim.faults.clear());

describe("the storage's public endpoint is a proxy in front of Azurite", () => {
  it('Azurite listens on 127.0.0.1 on its own port; the public URL has the same shape on the gateway address', () => {
    const storage = sim.storage!;
    expect(sim.endpoints.storage).toBe(`https://${sim.gateway}:${storage.port}/devstoreaccount1`);
    expect(storage.azurite).toEqual({
      host: '127.0.0.1',
      port: expect.any(Number),
      url: `https://127.0.0.1:${storage.azurite.port}/devstoreaccount1`,
    });
    expect(storage.azurite.port).not.toBe(storage.port);
  });

  it('streams a blob both ways (1 MiB), conditional writes and leases as Azurite answers them', async () => {
    const blob = container(sim.endpoints.storage!).getBlockBlobClient(`${uniqueName('p')}/big`);
    const body = Buffer.alloc(1024 * 1024, 7);
    await blob.upload(body, body.length, { conditions: { ifNoneMatch: '*' } });
    expect(await failure(blob.upload(body, body.length, { conditions: { ifNoneMatch: '*' } }))).toMatchObject(
      { status: 409, code: 'BlobAlreadyExists' },
    );
    expect((await blob.downloadToBuffer()).equals(body)).toBe(true);
    const lease = blob.getBlobLeaseClient();
    await lease.acquireLease(15);
    await blob.setMetadata({ state: 'trading' }, { conditions: { leaseId: lease.leaseId } });
    expect((await blob.getProperties()).metadata).toEqual({ state: 'trading' });
    await lease.releaseLease();
  });
});

describe('each fault kind as @azure/storage-blob sees it', () => {
  const path = (name: string) => `^/devstoreaccount1/trading/${name}$`;

  it('500: the SDK retries (two attempts) and succeeds; without retries it sees InternalError', async () => {
    const name = `${uniqueName('s')}/designation`;
    await container(sim.endpoints.storage!).getBlockBlobClient(name).upload('{}', 2);
    sim.faults.add(storageRule({ method: 'GET', path: path(name), kind: 'status', status: 500, times: 1 }));
    expect(
      (await container(sim.endpoints.storage!, 3).getBlockBlobClient(name).downloadToBuffer()).toString(),
    ).toBe('{}');
    sim.faults.add(storageRule({ method: 'GET', path: path(name), kind: 'status', status: 500, times: 1 }));
    expect(
      await failure(container(sim.endpoints.storage!).getBlockBlobClient(name).download()),
    ).toMatchObject({
      status: 500,
      code: 'InternalError',
    });
  });

  it('a 429 storm with Retry-After for a while: 429 TooManyRequests, Retry-After 2, not retried; then it passes', async () => {
    const name = `${uniqueName('s')}/lease`;
    const blob = container(sim.endpoints.storage!, 4).getBlockBlobClient(name);
    await blob.upload('x', 1);
    sim.faults.add(
      storageRule({
        path: `^/devstoreaccount1/trading/`,
        kind: 'status',
        status: 429,
        retryAfter: 2,
        durationMs: 1500,
      }),
    );
    const t0 = Date.now();
    expect(await failure(blob.getProperties())).toEqual({
      status: 429,
      code: 'TooManyRequests',
      retryAfter: '2',
    });
    expect(await failure(blob.getBlobLeaseClient().acquireLease(15))).toMatchObject({ status: 429 });
    expect(Date.now() - t0).toBeLessThan(1000); // not retried by the storage SDK's policy
    await new Promise((r) => setTimeout(r, 1600 - (Date.now() - t0)));
    expect((await blob.getProperties()).contentLength).toBe(1);
    expect(sim.faults.list('storage')).toEqual([]); // gone after durationMs
  });

  it('reset: ECONNRESET; the SDK retries it on a new connection', async () => {
    const name = `${uniqueName('s')}/designation`;
    await container(sim.endpoints.storage!).getBlockBlobClient(name).upload('{}', 2);
    sim.faults.add(storageRule({ path: path(name), kind: 'reset', times: 1 }));
    expect(
      await failure(container(sim.endpoints.storage!).getBlockBlobClient(name).getProperties()),
    ).toMatchObject({
      code: 'ECONNRESET',
    });
    sim.faults.add(storageRule({ path: path(name), kind: 'reset', times: 1 }));
    expect(
      (await container(sim.endpoints.storage!, 2).getBlockBlobClient(name).getProperties()).contentLength,
    ).toBe(2);
  });

  it('latency: the request takes at least the added time', async () => {
    const name = `${uniqueName('s')}/lease`;
    const blob = container(sim.endpoints.storage!).getBlockBlobClient(name);
    await blob.upload('x', 1);
    sim.faults.add(
      storageRule({ method: 'HEAD', path: path(name), kind: 'latency', latencyMs: 400, times: 1 }),
    );
    const t0 = Date.now();
    await blob.getProperties();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(400);
  });

  it('kill: the write reaches Azurite, the answer is held until the kill ran (here: the client aborted)', async () => {
    const name = `${uniqueName('s')}/designation`;
    const blob = container(sim.endpoints.storage!).getBlockBlobClient(name);
    const abort = new AbortController();
    let killedAt = 0;
    sim.faults.add(
      storageRule({
        method: 'PUT',
        path: path(name),
        kind: 'kill',
        times: 1,
        kill: async () => {
          killedAt = Date.now();
          abort.abort();
          await new Promise((r) => setTimeout(r, 50));
        },
      }),
    );
    const body = JSON.stringify({ revision: 'app--b', epoch: 2 });
    const seen = await failure(blob.upload(body, body.length, { abortSignal: abort.signal }));
    expect(killedAt).toBeGreaterThan(0);
    expect(seen.status).toBeUndefined(); // the client never heard an answer
    expect((await blob.downloadToBuffer()).toString()).toBe(body); // yet the write landed
  });

  it('unreachable for a while: open connections dropped, new ones reset; afterwards it answers again', async () => {
    const blob = container(sim.endpoints.storage!).getBlockBlobClient(`${uniqueName('s')}/lease`);
    await blob.upload('x', 1); // a kept-alive connection is open now
    const { refusedConnections } = sim.storage!.proxy.stats;
    sim.faults.add({ service: 'storage', kind: 'unreachable', durationMs: 1500 } as FaultRule);
    const t0 = Date.now();
    expect(await failure(blob.getProperties())).toMatchObject({ code: 'ECONNRESET' });
    expect(
      await failure(container(sim.endpoints.storage!, 3).getBlockBlobClient('x/y').getProperties()),
    ).toMatchObject({
      code: 'ECONNRESET',
    });
    // A raw TCP connection is reset too.
    const raw = await new Promise<string>((resolve) => {
      const s = connect(sim.storage!.port, sim.storage!.host);
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      s.on('close', () => resolve('closed'));
    });
    expect(['ECONNRESET', 'closed']).toContain(raw);
    expect(sim.storage!.proxy.stats.refusedConnections).toBeGreaterThan(refusedConnections);
    expect(Date.now() - t0).toBeLessThan(1500);
    await new Promise((r) => setTimeout(r, 1600 - (Date.now() - t0)));
    expect((await blob.getProperties()).contentLength).toBe(1);
  });
});

describe('storage faults apart from ARM faults', () => {
  it("an ARM rule does not touch storage, a storage rule does not touch ARM; 'unreachable' is storage's only", async () => {
    const name = `${uniqueName('s')}/designation`;
    const blob = container(sim.endpoints.storage!).getBlockBlobClient(name);
    await blob.upload('{}', 2);
    sim.faults.add({ method: '*', path: 'trading', kind: 'status', status: 503 }); // service 'arm' by default
    expect((await blob.getProperties()).contentLength).toBe(2);
    sim.faults.clear();
    sim.faults.add(storageRule({ path: '', kind: 'status', status: 503 }));
    const arm = await httpsRequest(
      `${sim.endpoints.arm}/subscriptions/${sim.ids.subscriptionId}/resourcegroups?api-version=2021-04-01`,
      {
        ca: sim.ca,
      },
    );
    expect(arm.status).toBe(401); // ARM answered (no token), no injected 503
    expect(await failure(blob.getProperties())).toMatchObject({ status: 503, code: 'ServerBusy' });
    expect(() => sim.faults.add({ kind: 'unreachable' } as FaultRule)).toThrow(/service 'storage' only/);
    expect(() =>
      sim.faults.add({ service: 'blob', method: '*', path: '', kind: 'reset' } as unknown as FaultRule),
    ).toThrow(/unknown service 'blob'/);
  });

  it('the admin API adds, lists and clears storage rules apart (?service=storage)', async () => {
    const admin = (method: string, query = '', body?: unknown) =>
      httpsRequest(`${sim.endpoints.admin}/faults${query}`, {
        ca: sim.ca,
        method,
        headers: { authorization: `Bearer ${sim.ids.adminToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const added = await admin('POST', '', [
      { service: 'storage', method: 'PUT', path: '/designation$', kind: 'status', status: 500, times: 2 },
      { service: 'storage', kind: 'unreachable', durationMs: 60_000 },
      { method: 'GET', path: '/containerApps/', kind: 'status', status: 503 },
    ]);
    expect(added.status).toBe(201);
    const listed = JSON.parse((await admin('GET', '?service=storage')).body) as { value: FaultRule[] };
    expect(listed.value.map((r) => [r.service, r.kind, r.method, r.path])).toEqual([
      ['storage', 'status', 'PUT', '/designation$'],
      ['storage', 'unreachable', '*', ''],
    ]);
    expect((await admin('DELETE', '?service=storage')).status).toBe(200);
    const rest = JSON.parse((await admin('GET')).body) as { value: FaultRule[] };
    expect(rest.value.map((r) => [r.service ?? 'arm', r.kind])).toEqual([['arm', 'status']]);
    expect((await admin('GET', '?service=queue')).status).toBe(400);
    // Storage answers again once its rules are cleared.
    expect(await container(sim.endpoints.storage!).exists()).toBe(true);
  });
});

describe("the proxy's cost", () => {
  it('adds little latency per request (p50 over kept-alive connections, HEAD of a blob)', async () => {
    const name = `${uniqueName('s')}/lease`;
    await container(sim.endpoints.storage!).getBlockBlobClient(name).upload('x', 1);
    const direct = container(sim.storage!.azurite.url).getBlockBlobClient(name);
    const proxied = container(sim.endpoints.storage!).getBlockBlobClient(name);
    const sample = async (b: typeof direct) => {
      const t0 = process.hrtime.bigint();
      await b.getProperties();
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    for (let i = 0; i < 20; i++) await Promise.all([sample(direct), sample(proxied)]); // warm up
    const d: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < 200; i++) {
      d.push(await sample(direct));
      p.push(await sample(proxied));
    }
    const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
    const added = p50(p) - p50(d);
    process.stdout.write(
      `storage proxy: p50 direct ${p50(d).toFixed(2)} ms, via proxy ${p50(p).toFixed(2)} ms, added ${added.toFixed(2)} ms; ` +
        `p90 ${p90(d).toFixed(2)} / ${p90(p).toFixed(2)} ms (200 HEAD each)\n`,
    );
    expect(added).toBeLessThan(15);
  }, 60_000);
});
