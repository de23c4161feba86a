// The ingress: one HTTPS endpoint that routes by Host header. The app FQDN is split by traffic weight
// (smooth weighted round robin), label and revision FQDNs go to their revision; requests are proxied to
// the revision's ready replicas with keep-alive. Each request picks its revision when it arrives, so
// moving weights never touches a request already proxied: it finishes where it started.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ServedRequest } from './metrics.js';
import type { Endpoint, RouteTable, Runtime } from './types.js';

export interface IngressOptions {
  /** HTTPS port; 0 (default) picks a free one. */
  port?: number;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** Certificate for the environment's domain(s), e.g. `*.<defaultDomain>`. */
  tls: { cert: string; key: string };
  routes: RouteTable;
  runtime: Pick<Runtime, 'endpoints'>;
  /** Upstream request timeout (ACA: 240 s). */
  upstreamTimeoutMs?: number;
  /** Called once per answered request of a revision (the metrics' source, as Azure's ingress counts them). */
  onServed?: (r: ServedRequest) => void;
}

export interface IngressHandle {
  port: number;
  /** Stops accepting connections, lets in-flight requests finish (up to graceMs), then closes the rest. */
  stop(graceMs?: number): Promise<void>;
}

export const REVISION_HEADER = 'x-alc-revision';

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
];
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Smooth weighted round robin (as nginx does it): every pick adds each weight to its running score and
 * takes the highest, which then loses the total. Over any window of `total` picks the split is exact.
 * `scores` holds the running scores, one per entry, and is updated in place.
 */
export function smoothWeightedPick(weights: readonly number[], scores: number[]): number {
  let best = -1;
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    scores[i] = (scores[i] ?? 0) + weights[i];
    total += weights[i];
    if (weights[i] > 0 && (best < 0 || scores[i] > scores[best])) best = i;
  }
  if (best >= 0) scores[best] -= total;
  return best;
}

/** Per host: the running scores of its current weight table (reset when the table changes). */
class WeightedPicker {
  private readonly state = new Map<string, { signature: string; scores: number[] }>();

  pick(host: string, entries: ReadonlyArray<{ revisionName: string; weight: number }>): string | undefined {
    const signature = entries.map((e) => `${e.revisionName}=${e.weight}`).join(',');
    let s = this.state.get(host);
    if (!s || s.signature !== signature) {
      s = { signature, scores: [] };
      this.state.set(host, s);
    }
    const i = smoothWeightedPick(
      entries.map((e) => e.weight),
      s.scores,
    );
    return i < 0 ? undefined : entries[i].revisionName;
  }
}

/** `Host: Example.com:443` -> `example.com`; `[::1]:443` -> `::1`. */
export function hostOf(header: string | undefined): string {
  const h = (header ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  return h.replace(/:\d+$/, '').replace(/\.$/, '');
}

export async function startIngress(o: IngressOptions): Promise<IngressHandle> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  const picker = new WeightedPicker();
  const nextReplica = new Map<string, number>();
  const timeoutMs = o.upstreamTimeoutMs ?? 240_000;

  const chooseEndpoint = (revisionName: string, skip?: Endpoint): Endpoint | undefined => {
    const all = o.runtime.endpoints(revisionName);
    const eps =
      all.length > 1 && skip ? all.filter((e) => e.port !== skip.port || e.host !== skip.host) : all;
    if (eps.length === 0) return undefined;
    const n = nextReplica.get(revisionName) ?? 0;
    nextReplica.set(revisionName, n + 1);
    return eps[n % eps.length];
  };

  const server = https.createServer({ cert: o.tls.cert, key: o.tls.key }, (req, res) => {
    const host = hostOf(req.headers.host);
    const route = o.routes.route(host);
    if (!route) return plain(res, 404, `No app, label or revision answers to the host '${host}'.`);
    const revisionName =
      route.kind === 'revision'
        ? route.revisionName
        : picker.pick(
            host,
            route.entries.filter((e) => e.weight > 0),
          );
    if (!revisionName) return plain(res, 503, `No revision of '${host}' has a traffic weight.`);
    if (o.onServed) {
      const t0 = performance.now();
      res.on('close', () =>
        o.onServed!({
          revision: revisionName,
          status: res.headersSent ? res.statusCode : 502,
          latencyMs: performance.now() - t0,
          at: Date.now(),
        }),
      );
    }
    const endpoint = chooseEndpoint(revisionName);
    if (!endpoint) {
      return plain(res, 503, `The revision '${revisionName}' has no ready replica.`, {
        [REVISION_HEADER]: revisionName,
      });
    }
    forward(req, res, revisionName, endpoint, 1);
  });

  const forward = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    revisionName: string,
    endpoint: Endpoint,
    attempt: number,
  ): void => {
    const headers = withoutHopByHop(req.headers);
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    headers['x-forwarded-proto'] = 'https';
    headers['x-forwarded-host'] = req.headers.host ?? '';
    const upstream = http.request({
      host: endpoint.host,
      port: endpoint.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
      timeout: timeoutMs,
    });
    let answered = false;
    upstream.on('response', (up) => {
      answered = true;
      const out = withoutHopByHop(up.headers);
      out[REVISION_HEADER] = revisionName;
      res.writeHead(up.statusCode ?? 502, up.statusMessage, out);
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    upstream.on('timeout', () =>
      upstream.destroy(Object.assign(new Error('upstream timed out'), { code: 'ETIMEDOUT' })),
    );
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      if (answered || res.headersSent) return void res.destroy();
      // Nothing came back: a request without a body can safely go to another (or the same) replica.
      const retry = attempt < 3 && IDEMPOTENT.has(req.method ?? '') && RETRYABLE.has(e.code ?? '');
      const next = retry ? chooseEndpoint(revisionName, endpoint) : undefined;
      if (next) return forward(req, res, revisionName, next, attempt + 1);
      const status = e.code === 'ETIMEDOUT' ? 504 : 502;
      plain(res, status, `The revision '${revisionName}' did not answer: ${e.message}`, {
        [REVISION_HEADER]: revisionName,
      });
    });
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (attempt === 1) req.pipe(upstream);
    else upstream.end();
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async stop(graceMs = 5000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      agent.destroy();
    },
  };
}

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = { ...headers };
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of [...HOP_BY_HOP, ...named]) delete out[h];
  return out;
}

function plain(
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text) + 1,
    ...headers,
  });
  res.end(`${text}\n`);
}
