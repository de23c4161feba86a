// The ingress: Host-header routing over HTTPS, the weighted split measured over many requests,
// in-flight requests finishing on their revision while weights move, and 404/503 answers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { DockerCli } from '../../../sim/docker.js';
import {
  hostOf,
  REVISION_HEADER,
  smoothWeightedPick,
  startIngress,
  type IngressHandle,
} from '../../../sim/ingress.js';
import { DockerRuntime } from '../../../sim/runtime.js';
import type { Endpoint, Route, RouteTable } from '../../../sim/types.js';
import { httpsRequest, type HttpAnswer } from '../../../sim/http.js';
import {
  buildSampleApp,
  describeWithDocker,
  eventually,
  testCertificates,
  uniqueName,
} from '../../support/docker.js';

const DOMAIN = 'test.local';
const APP = `alc-algo-agents.${DOMAIN}`;

/** A route table the test edits as the control plane would. */
class Routes implements RouteTable {
  readonly table = new Map<string, Route>();
  route(host: string): Route | undefined {
    return this.table.get(host);
  }
  weights(entries: Array<[string, number]>): void {
    this.table.set(APP, {
      kind: 'weighted',
      entries: entries.map(([revisionName, weight]) => ({ revisionName, weight })),
    });
  }
}

function counts(answers: HttpAnswer[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const a of answers) {
    const key = a.status === 200 ? String(a.headers[REVISION_HEADER]) : `HTTP ${a.status}`;
    c[key] = (c[key] ?? 0) + 1;
  }
  return c;
}

describe('smoothWeightedPick', () => {
  it.each([
    [[20, 80], 100, [20, 80]],
    [[0, 100], 50, [0, 50]],
    [[1, 1, 2], 8, [2, 2, 4]],
    [[33, 67], 300, [99, 201]],
  ])('weights %j over %i picks give %j', (weights, picks, expected) => {
    const scores: number[] = [];
    const got = weights.map(() => 0);
    for (let i = 0; i < picks; i++) got[smoothWeightedPick(weights, scores)] += 1;
    expect(got).toEqual(expected);
  });

  it('interleaves rather than bunching: 50/50 alternates', () => {
    const scores: number[] = [];
    expect(Array.from({ length: 6 }, () => smoothWeightedPick([50, 50], scores))).toEqual([0, 1, 0, 1, 0, 1]);
  });

  it('picks nothing when every weight is 0', () => {
    expect(smoothWeightedPick([0, 0], [])).toBe(-1);
  });
});

describe('hostOf', () => {
  it.each([
    ['App.Test.Local:443', 'app.test.local'],
    ['app.test.local', 'app.test.local'],
    ['app.test.local.', 'app.test.local'],
    ['[::1]:8443', '::1'],
    [undefined, ''],
  ])('%s -> %s', (header, host) => expect(hostOf(header)).toBe(host));
});

describe('ingress over local replicas', () => {
  const routes = new Routes();
  const endpoints = new Map<string, Endpoint[]>();
  const servers: http.Server[] = [];
  let certs: ReturnType<typeof testCertificates>;
  let ingress: IngressHandle;

  /** A replica that answers after `delayMs` with its revision name. */
  const replica = async (name: string, delayMs: number): Promise<Endpoint> => {
    const server = http.createServer((req, res) => {
      setTimeout(() => res.end(JSON.stringify({ name, host: req.headers.host })), delayMs);
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
  };

  const get = (host: string) => httpsRequest(`https://127.0.0.1:${ingress.port}/`, { ca: certs.ca, host });

  beforeAll(async () => {
    certs = testCertificates(DOMAIN);
    endpoints.set('app--slow', [await replica('app--slow', 400)]);
    endpoints.set('app--fast', [await replica('app--fast', 0)]);
    endpoints.set('app--down', []);
    ingress = await startIngress({
      tls: certs.ingress,
      routes,
      runtime: { endpoints: (name) => endpoints.get(name) ?? [] },
    });
    routes.table.set(`app--down.${DOMAIN}`, { kind: 'revision', revisionName: 'app--down' });
  });
  afterAll(async () => {
    await ingress?.stop();
    for (const s of servers) s.close();
    certs?.cleanup();
  });

  it('finishes an in-flight request on its revision after the weights moved away from it', async () => {
    routes.weights([
      ['app--slow', 100],
      ['app--fast', 0],
    ]);
    const inFlight = get(APP);
    await new Promise((r) => setTimeout(r, 100));
    routes.weights([
      ['app--slow', 0],
      ['app--fast', 100],
    ]);
    const after = await get(APP);
    const before = await inFlight;
    expect([before.status, before.headers[REVISION_HEADER]]).toEqual([200, 'app--slow']);
    expect([after.status, after.headers[REVISION_HEADER]]).toEqual([200, 'app--fast']);
    expect(JSON.parse(before.body)).toEqual({ name: 'app--slow', host: APP });
  });

  it.each([
    ['an unknown host', `nothing.${DOMAIN}`, 404, undefined],
    ['a revision without a ready replica', `app--down.${DOMAIN}`, 503, 'app--down'],
  ])('answers %s (%s) with %i', async (_name, host, status, revision) => {
    const res = await get(host);
    expect(res.status).toBe(status);
    expect(res.headers[REVISION_HEADER]).toBe(revision);
  });
});

describeWithDocker('ingress over real containers', () => {
  const docker = new DockerCli();
  const routes = new Routes();
  const images: string[] = [];
  let certs: ReturnType<typeof testCertificates>;
  let runtime: DockerRuntime;
  let ingress: IngressHandle;
  let agent: https.Agent;

  const get = (host: string, path = '/version') =>
    httpsRequest(`https://127.0.0.1:${ingress.port}${path}`, { ca: certs.ca, host, agent });

  /** `total` GETs of the app host through `concurrency` keep-alive clients; `between` runs after each one. */
  const load = async (
    total: number,
    concurrency: number,
    between: (done: number) => void = () => undefined,
  ) => {
    const answers: HttpAnswer[] = [];
    let started = 0;
    const worker = async () => {
      while (started < total) {
        started += 1;
        answers.push(await get(APP).catch((e: Error) => ({ status: 0, headers: {}, body: e.message })));
        between(answers.length);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return answers;
  };

  beforeAll(async () => {
    certs = testCertificates(DOMAIN);
    agent = new https.Agent({ keepAlive: true, maxSockets: 8 });
    for (const v of ['1.0.0', '1.1.0'])
      images.push(await buildSampleApp(docker, `${uniqueName('alc-sim-test')}:${v}`, { version: v }));
    runtime = new DockerRuntime({ pullPolicy: 'missing', probeIntervalMs: 250 });
    const revision = (name: string, image: string, replicas: number) =>
      runtime.ensureRevision({
        revisionName: name,
        appName: 'alc-algo-agents',
        image,
        env: { ALC_ENVIRONMENT: 'production', IBKR_PORT: '7496' },
        targetPort: 8080,
        readinessPath: '/ready',
        replicas,
      });
    await Promise.all([
      revision('alc-algo-agents--v1-0-0', images[0], 1),
      revision('alc-algo-agents--v1-1-0', images[1], 2),
    ]);
    await eventually(() => (runtime.endpoints('alc-algo-agents--v1-0-0').length === 1 ? true : undefined));
    await eventually(() => (runtime.endpoints('alc-algo-agents--v1-1-0').length === 2 ? true : undefined));
    ingress = await startIngress({ tls: certs.ingress, routes, runtime });
    routes.table.set(`alc-algo-agents---blue.${DOMAIN}`, {
      kind: 'revision',
      revisionName: 'alc-algo-agents--v1-0-0',
    });
    routes.table.set(`alc-algo-agents---green.${DOMAIN}`, {
      kind: 'revision',
      revisionName: 'alc-algo-agents--v1-1-0',
    });
    routes.table.set(`alc-algo-agents--v1-0-0.${DOMAIN}`, {
      kind: 'revision',
      revisionName: 'alc-algo-agents--v1-0-0',
    });
  });
  afterAll(async () => {
    agent?.destroy();
    await ingress?.stop();
    await runtime?.close();
    await docker.rmi(images);
    certs?.cleanup();
  });

  it.each([
    ['blue label', `alc-algo-agents---blue.${DOMAIN}`, 'alc-algo-agents--v1-0-0', '1.0.0'],
    ['green label', `alc-algo-agents---green.${DOMAIN}`, 'alc-algo-agents--v1-1-0', '1.1.0'],
    ['revision', `alc-algo-agents--v1-0-0.${DOMAIN}`, 'alc-algo-agents--v1-0-0', '1.0.0'],
  ])('routes the %s host to its revision', async (_name, host, revision, version) => {
    const res = await get(host);
    expect(res.status).toBe(200);
    expect(res.headers[REVISION_HEADER]).toBe(revision);
    expect(JSON.parse(res.body)).toMatchObject({ revision, version });
  });

  it('splits the app host 20/80 over 400 requests', async () => {
    routes.weights([
      ['alc-algo-agents--v1-0-0', 20],
      ['alc-algo-agents--v1-1-0', 80],
    ]);
    const answers = await load(400, 8);
    const c = counts(answers);
    expect(c['alc-algo-agents--v1-0-0'] + c['alc-algo-agents--v1-1-0']).toBe(400);
    expect(c['alc-algo-agents--v1-0-0']).toBeGreaterThanOrEqual(60);
    expect(c['alc-algo-agents--v1-0-0']).toBeLessThanOrEqual(100);
    // Each answer really comes from the revision the header names.
    for (const a of answers)
      expect((JSON.parse(a.body) as { revision: string }).revision).toBe(a.headers[REVISION_HEADER]);
  });

  it('drops nothing while the weights move 0 -> 100 under load', async () => {
    const steps = [0, 10, 25, 50, 75, 90, 100];
    routes.weights([
      ['alc-algo-agents--v1-0-0', 100],
      ['alc-algo-agents--v1-1-0', 0],
    ]);
    let step = 0;
    const answers = await load(420, 8, (done) => {
      // Move one step every 60 requests, as a promotion would, while the other clients keep going.
      const next = Math.min(steps.length - 1, Math.floor(done / 60));
      if (next !== step) {
        step = next;
        routes.weights([
          ['alc-algo-agents--v1-0-0', 100 - steps[step]],
          ['alc-algo-agents--v1-1-0', steps[step]],
        ]);
      }
    });
    const c = counts(answers);
    expect(c['alc-algo-agents--v1-0-0'] + c['alc-algo-agents--v1-1-0']).toBe(420);
    expect(c['alc-algo-agents--v1-0-0']).toBeGreaterThan(60);
    expect(c['alc-algo-agents--v1-1-0']).toBeGreaterThan(60);
    const last = await get(APP);
    expect(last.headers[REVISION_HEADER]).toBe('alc-algo-agents--v1-1-0');
  });
});
