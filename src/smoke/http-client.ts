// A resolve-aware HTTP(S) client for every action that reaches an app: curl --resolve style
// mappings (with an optional connect port and `*.domain` wildcards), real TLS that verifies the
// original host name with SNI, extra CAs, keep-alive, one deadline per request and its latency.
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import * as tls from 'node:tls';
import type { ResolveEntry } from '../core/inputs.js';
import { certificateHint, dnsHint, REFUSED_HINT, tlsFailed } from './messages.js';

export interface Target {
  /** Address to connect to (the original host when no resolve entry matches). */
  address: string;
  /** Port to connect to. */
  port: number;
  /** The resolve entry that matched, if any. */
  via?: ResolveEntry;
}

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/**
 * Where a request for host:port goes: an exact entry wins over wildcards, the longest wildcard over shorter
 * ones.
 */
export function resolveTarget(entries: readonly ResolveEntry[], host: string, port: number): Target {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  const samePort = entries.filter((e) => e.port === port);
  const exact = samePort.find((e) => e.host === name);
  const wildcards = samePort
    .filter(
      (e) => e.host.startsWith('*.') && name.endsWith(e.host.slice(1)) && name.length > e.host.length - 1,
    )
    .sort((a, b) => b.host.length - a.host.length);
  const via = exact ?? wildcards[0];
  return via ? { address: via.address, port: via.connectPort, via } : { address: name, port };
}

/** Certificates to trust besides the built-in roots: NODE_EXTRA_CA_CERTS and an optional CA file. */
export function extraCaPaths(env: NodeJS.ProcessEnv, caFile?: string): string[] {
  return [env.NODE_EXTRA_CA_CERTS, caFile]
    .filter((p): p is string => !!p && p.trim() !== '')
    .map((p) => p.trim());
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(
      `Cannot read the CA certificate file ${path} (ca-file or NODE_EXTRA_CA_CERTS): ${(e as Error).message}`,
      { cause: e },
    );
  }
}

export type HttpErrorKind = 'timeout' | 'tls' | 'connect' | 'dns' | 'reset' | 'protocol';

/** A request that got no HTTP response, with a kind a report can count and a message a person can act on. */
export class HttpError extends Error {
  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    readonly code?: string,
    readonly latencyMs?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const TLS_CODES = new RegExp(
  'CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|' +
    'HOSTNAME_MISMATCH|ALTNAME|DEPTH_ZERO|ISSUER',
);

/** Turns a socket/TLS error into an HttpError naming the URL and, for TLS, what to do about it. */
export function classifyError(error: unknown, url: URL, target: Target, latencyMs?: number): HttpError {
  if (error instanceof HttpError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const where = target.via ? ` (resolved to ${target.address}:${target.port})` : '';
  const what = `${url.origin}${where}`;
  const detail = err?.message ?? String(error);
  if (code && TLS_CODES.test(code)) {
    return new HttpError('tls', tlsFailed(what, detail, code, url.hostname), code, latencyMs);
  }
  const kinds: Record<string, HttpErrorKind> = {
    ECONNREFUSED: 'connect',
    EHOSTUNREACH: 'connect',
    ENETUNREACH: 'connect',
    EADDRNOTAVAIL: 'connect',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    ECONNRESET: 'reset',
    EPIPE: 'reset',
  };
  const kind = (code ? kinds[code] : undefined) ?? (/socket hang up/i.test(detail) ? 'reset' : 'protocol');
  const hint = kind === 'dns' ? '; DNS does not know this host: add a resolve entry host:port:address' : '';
  return new HttpError(kind, `Request to ${what} failed: ${detail}${hint}`, code, latencyMs);
}

/** Certificate errors that a retry cannot fix: a certificate for another name, or one nobody here trusts. */
const CERTIFICATE_CONFIG = new RegExp(
  [
    'ALTNAME',
    'HOSTNAME_MISMATCH',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'SELF_SIGNED',
    'UNABLE_TO_GET_ISSUER_CERT',
    'DEPTH_ZERO',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
  ].join('|'),
);

/**
 * What to fix when a request error is one of configuration rather than a slow start, should it persist: the
 * host does not resolve (ENOTFOUND, EAI_AGAIN), nothing accepts connections where it points (ECONNREFUSED),
 * or the certificate is for another name or from a CA not trusted. Undefined for every other error. Pure.
 */
export function configurationHint(e: HttpError): string | undefined {
  if (e.kind === 'dns') return dnsHint(e.code);
  if (e.kind === 'connect' && e.code === 'ECONNREFUSED') return REFUSED_HINT;
  if (e.kind === 'tls' && e.code && CERTIFICATE_CONFIG.test(e.code)) return certificateHint(e.code);
  return undefined;
}

export interface HttpClientOptions {
  resolve?: readonly ResolveEntry[];
  /** PEM file with extra CAs to trust (added to NODE_EXTRA_CA_CERTS and the built-in roots). */
  caFile?: string;
  /** Default deadline of one request, from the call to the last byte of the body. */
  timeoutMs?: number;
  /** Connections per origin (requests beyond wait for a free one, inside their deadline). */
  maxSockets?: number;
  /** Body bytes kept per response; the rest is read and dropped. */
  maxBodyBytes?: number;
  env?: NodeJS.ProcessEnv;
}

export interface HttpRequest {
  url: URL | string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

export interface HttpResponse {
  url: URL;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Whether the body was cut at maxBodyBytes. */
  truncated: boolean;
  /** From the call to the last byte of the body, in milliseconds. */
  latencyMs: number;
  /** From the call to the response head, in milliseconds. */
  ttfbMs: number;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

/** What a URL's requests share: where they connect, their Host header, path and TLS identity. */
export interface Route {
  target: Target;
  secure: boolean;
  /** The Host header. */
  host: string;
  path: string;
  /** TLS options of the route: SNI and the certificate check, both of the original name. */
  tls: Pick<tls.ConnectionOptions, 'servername' | 'checkServerIdentity'>;
}

/** Methods a request may be sent again for when a kept-alive connection closed as it left. */
export const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** The Host header of a URL: the port only when it is not the scheme's default. */
function hostHeader(url: URL): string {
  return url.port ? `${url.hostname}:${url.port}` : url.hostname;
}

/**
 * The route of each URL, worked out on its first request and kept (the load phase sends the same few URLs
 * thousands of times).
 */
export function routeCache(entries: readonly ResolveEntry[]): (url: URL) => Route {
  const routes = new Map<string, Route>();
  return (url) => {
    const known = routes.get(url.href);
    if (known) return known;
    const target = resolveTarget(entries, url.hostname, defaultPort(url));
    const secure = url.protocol === 'https:';
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const route: Route = {
      target,
      secure,
      host: hostHeader(url),
      path: `${url.pathname}${url.search}`,
      // SNI and certificate checks use the original name, never the address it resolved to.
      tls: secure
        ? {
            ...(!isIP(hostname) ? { servername: hostname } : {}),
            checkServerIdentity: (_host: string, cert) => tls.checkServerIdentity(hostname, cert),
          }
        : {},
    };
    if (routes.size >= 256) routes.clear();
    routes.set(url.href, route);
    return route;
  };
}

/**
 * The trust of a client: undefined (the built-in roots) without extra CAs, else one secure context for every
 * connection (given as a `ca` list, Node parses every root certificate again for each new TLS connection,
 * about 150 ms of CPU here).
 */
export function trustedContext(env: NodeJS.ProcessEnv, caFile?: string): tls.SecureContext | undefined {
  const caPaths = extraCaPaths(env, caFile);
  return caPaths.length
    ? tls.createSecureContext({ ca: [...tls.rootCertificates, ...caPaths.map(readCa)] })
    : undefined;
}

/** The error of a request that ran out of time. */
export function timeoutError(method: string, url: URL, deadlineMs: number): HttpError {
  return new HttpError(
    'timeout',
    `Request to ${method} ${url.href} timed out after ${deadlineMs} ms`,
    'ETIMEDOUT',
    deadlineMs,
  );
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const env = options.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const secureContext = trustedContext(env, options.caFile);
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 16, scheduling: 'fifo' as const };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent({ ...agentOptions, ...(secureContext ? { secureContext } : {}) });
  const routeOf = routeCache(options.resolve ?? []);

  function once(
    req: HttpRequest,
    url: URL,
    allowRetry: boolean,
    start = performance.now(),
  ): Promise<HttpResponse> {
    const { target, secure, host, path, tls: identity } = routeOf(url);
    const method = (req.method ?? 'GET').toUpperCase();
    const deadline = req.timeoutMs ?? timeoutMs;
    const headers: Record<string, string> = { host, ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown, r?: http.ClientRequest) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        r?.destroy();
        reject(
          error instanceof HttpError ? error : classifyError(error, url, target, performance.now() - start),
        );
      };
      const requestOptions: https.RequestOptions = {
        host: target.address,
        port: target.port,
        agent: secure ? httpsAgent : httpAgent,
        ...identity,
        method,
        path,
        headers,
      };
      const r = (secure ? https : http).request(requestOptions, (res) => {
        const ttfbMs = performance.now() - start;
        const chunks: Buffer[] = [];
        let kept = 0;
        let truncated = false;
        res.on('data', (chunk: Buffer) => {
          if (kept >= maxBodyBytes) {
            truncated = true;
            return;
          }
          const part = chunk.subarray(0, maxBodyBytes - kept);
          truncated ||= part.length < chunk.length;
          chunks.push(part);
          kept += part.length;
        });
        res.on('error', (e) => fail(e, r));
        res.on('aborted', () => fail(new Error('socket hang up'), r));
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            url,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            truncated,
            latencyMs: performance.now() - start,
            ttfbMs,
          });
        });
      });
      const timer = setTimeout(() => {
        fail(timeoutError(method, url, deadline), r);
      }, deadline);
      r.on('error', (e: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed at the same moment: the request never reached it.
        if (allowRetry && r.reusedSocket && e.code === 'ECONNRESET' && IDEMPOTENT.has(method) && !settled) {
          settled = true;
          clearTimeout(timer);
          once(req, url, false, start).then(resolve, reject);
          return;
        }
        fail(e);
      });
      r.end(req.body);
    });
  }

  return {
    request: (req) => once(req, typeof req.url === 'string' ? new URL(req.url) : req.url, true),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
