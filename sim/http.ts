// Small HTTP helpers of the simulator: request bodies and JSON answers for its servers, and an HTTPS
// client that trusts the simulator's CA.
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import * as https from 'node:https';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request body as bytes (at most MAX_BODY_BYTES: beyond, HttpError 413 and the request is dropped). */
export function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRawBody(req)).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** One request as the routes see it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  /** Scheme + host the client used, e.g. `https://localhost:8443`. */
  origin: string;
}

/** A route answers the request (true) or passes (false). */
export type Route = (ctx: RequestContext) => Promise<boolean>;

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTPS request trusting `ca`; `host` sets the Host header and the TLS server name. */
export function httpsRequest(
  url: string,
  o: {
    ca: string;
    method?: string;
    host?: string;
    headers?: OutgoingHttpHeaders;
    body?: string;
    agent?: https.Agent;
    timeoutMs?: number;
  },
): Promise<HttpAnswer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: u.hostname,
        port: u.port || 443,
        path: `${u.pathname}${u.search}`,
        method: o.method ?? 'GET',
        ca: o.ca,
        servername: o.host ?? (u.hostname.match(/^[\d.]+$|:/) ? undefined : u.hostname),
        agent: o.agent,
        timeout: o.timeoutMs ?? 30_000,
        headers: { ...(o.host ? { host: o.host } : {}), ...o.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${req.method} ${url} did not answer in time`)));
    req.on('error', reject);
    req.end(o.body);
  });
}
