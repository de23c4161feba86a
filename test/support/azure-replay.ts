// Live Azure's recorded answers, played back: a real HTTPS server (the project's CA, sim/tls.ts) that answers ARM
// requests with the bodies of test/fixtures/azure/*.json in sequence, and the real @azure/arm-appcontainers client
// over it, built as the actions build it (createContainerAppsClient), so that the simulator is not the only
// witness of what Azure answers. Each fixture names its source (repository, path, commit, interactions).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import type { TokenCredential } from '@azure/identity';
import { createContainerAppsClient, readAzureSettings } from '../../src/azure/connection.js';
import { ensureCertificates } from '../../sim/tls.js';

/** One recorded answer: the request it answers (method, path without query) and what Azure answered. */
export interface RecordedAnswer {
  method: string;
  path: string;
  /** The api-version of the recorded request (the SDK sends its own; the server does not match on it). */
  apiVersion: string;
  status: number;
  /** `{origin}` in a value becomes this server's origin (Azure-AsyncOperation, Location). */
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Fixture {
  source: { repository: string; path: string; commit: string; interactions: string[] };
  shows: string;
  trimmed?: string;
  answers: RecordedAnswer[];
}

export function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join('test/fixtures/azure', name), 'utf8')) as Fixture;
}

export interface Replay {
  client: ContainerAppsAPIClient;
  origin: string;
  /** Requests seen: `METHOD path?query`. */
  seen: string[];
  /** Requests that matched no recorded answer (answered 404). */
  unmatched: string[];
  stop(): Promise<void>;
}

/**
 * Serves the answers of `fixtures`: each request takes the next answer recorded for its method and path (case
 * insensitive, query ignored); the last one repeats. A request nothing answers gets ARM's 404 shape.
 */
export async function startReplay(...fixtures: Fixture[]): Promise<Replay> {
  const dir = mkdtempSync(join(tmpdir(), 'azure-replay-'));
  const tls = ensureCertificates(dir, ['replay.invalid']);
  const queues = new Map<string, RecordedAnswer[]>();
  for (const a of fixtures.flatMap((f) => f.answers)) {
    const key = `${a.method.toUpperCase()} ${a.path.toLowerCase()}`;
    queues.set(key, [...(queues.get(key) ?? []), a]);
  }
  const seen: string[] = [];
  const unmatched: string[] = [];
  let origin = '';
  const server: Server = createServer(
    { key: tls.controlPlane.key, cert: tls.controlPlane.cert },
    (req, res) => {
      req.resume();
      const url = new URL(req.url ?? '/', 'https://replay');
      seen.push(`${req.method} ${url.pathname}${url.search}`);
      const queue = queues.get(`${req.method} ${url.pathname.toLowerCase()}`);
      const answer = queue && (queue.length > 1 ? queue.shift()! : queue[0]);
      if (!answer) {
        unmatched.push(`${req.method} ${url.pathname}`);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { code: 'ResourceNotFound', message: `no recorded answer for ${url.pathname}` },
          }),
        );
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(answer.headers ?? {}).map(([k, v]) => [k, v.replaceAll('{origin}', origin)]),
      );
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        ...(body ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        ...headers,
      });
      res.end(body);
    },
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  const subscription = /\/subscriptions\/([^/]+)/.exec(fixtures[0]?.answers[0]?.path ?? '')?.[1] ?? '';
  const settings = readAzureSettings(
    (name) =>
      ({
        cloud: 'Custom',
        'arm-endpoint': origin,
        'authority-host': origin,
        'subscription-id': subscription,
        'tenant-id': '00000000-0000-0000-0000-000000000000',
      })[name] ?? '',
  );
  // The recorded answers need no token; a fixed one keeps Entra out of the replay.
  const credential: TokenCredential = {
    getToken: async () => ({ token: 'replay', expiresOnTimestamp: Date.now() + 3_600_000 }),
  };
  const client = createContainerAppsClient(settings, credential, {
    tlsOptions: { ca: tls.ca },
    retryOptions: { maxRetries: 0 },
  });
  return {
    client,
    origin,
    seen,
    unmatched,
    stop: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
