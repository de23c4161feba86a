// The control plane's one HTTPS server: Entra ID, GitHub OIDC and ARM by path, fault injection in
// front of them, and the admin endpoint (/_sim/*) through which a test or the demo injects faults
// into a separately running simulator (and reads the broker's logs, hangs revisions). Only loopback clients with the admin token may use /_sim/.
import { timingSafeEqual } from 'node:crypto';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FaultRule } from './types.js';
import { HttpError, readBody, sendJson, type RequestContext, type Route } from './http.js';
import type { FaultInjector, FaultService } from './arm/faults.js';
import type { CertPair } from './tls.js';

export interface ControlPlaneOptions {
  port: number;
  tls: CertPair;
  routes: Route[];
  faults: FaultInjector;
  adminToken: string;
  /** More /_sim/* routes (after the admin check): the broker's, the revisions' hang. */
  adminRoutes?: Route[];
  log?: (message: string) => void;
  /** Log every request with its status (method, path, status, milliseconds). */
  trace?: boolean;
}

export interface ControlPlane {
  port: number;
  /** `https://localhost:<port>` */
  origin: string;
  stop(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function isAdmin(ctx: RequestContext, token: string): boolean {
  if (!LOOPBACK.has(ctx.req.socket.remoteAddress ?? '')) return false;
  const presented = Buffer.from((ctx.req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

async function admin(
  ctx: RequestContext,
  faults: FaultInjector,
  token: string,
  routes: Route[] = [],
): Promise<void> {
  const { method, url, res } = ctx;
  if (url.pathname === '/_sim/health') return sendJson(res, 200, { status: 'ok' });
  if (!isAdmin(ctx, token))
    throw new HttpError(403, 'the admin endpoint needs a loopback client and the admin token');
  const one = /^\/_sim\/faults\/(\d+)$/.exec(url.pathname);
  const service = url.searchParams.get('service') ?? undefined;
  if (url.pathname === '/_sim/faults' && service !== undefined && service !== 'arm' && service !== 'storage')
    throw new HttpError(400, `unknown service '${service}' (allowed: arm, storage)`);
  const only = service as FaultService | undefined;
  if (url.pathname === '/_sim/faults' && method === 'GET')
    return sendJson(res, 200, { value: faults.list(only) });
  if (url.pathname === '/_sim/faults' && method === 'DELETE') {
    faults.clear(only);
    return sendJson(res, 200, { value: [] });
  }
  if (url.pathname === '/_sim/faults' && method === 'POST') {
    let rules: FaultRule[];
    try {
      const body = JSON.parse(await readBody(ctx.req)) as FaultRule | FaultRule[];
      rules = Array.isArray(body) ? body : [body];
    } catch {
      throw new HttpError(400, 'the body must be a FaultRule or an array of them (JSON)');
    }
    try {
      return sendJson(res, 201, { ids: rules.map((r) => faults.add(r)) });
    } catch (e) {
      throw new HttpError(400, e instanceof Error ? e.message : String(e));
    }
  }
  if (one && method === 'DELETE') {
    if (!faults.remove(Number(one[1]))) throw new HttpError(404, `no fault ${one[1]}`);
    return sendJson(res, 200, { removed: Number(one[1]) });
  }
  for (const route of routes) if (await route(ctx)) return;
  throw new HttpError(404, `no admin route ${method} ${url.pathname}`);
}

export async function startControlPlane(o: ControlPlaneOptions): Promise<ControlPlane> {
  const server = https.createServer({ cert: o.tls.cert, key: o.tls.key }, (req, res) => {
    const host = req.headers.host ?? 'localhost';
    const ctx: RequestContext = {
      req,
      res,
      method: (req.method ?? 'GET').toUpperCase(),
      url: new URL(req.url ?? '/', `https://${host}`),
      origin: `https://${host}`,
    };
    if (o.trace) {
      const t0 = Date.now();
      res.on('finish', () =>
        o.log?.(`${ctx.method} ${ctx.url.pathname} -> ${res.statusCode} (${Date.now() - t0} ms)`),
      );
    }
    void (async () => {
      if (ctx.url.pathname.startsWith('/_sim/')) return admin(ctx, o.faults, o.adminToken, o.adminRoutes);
      if (await o.faults.apply(req, res, ctx.url.pathname)) return;
      for (const route of o.routes) if (await route(ctx)) return;
      throw new HttpError(404, `no route for ${ctx.method} ${ctx.url.pathname}`);
    })().catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500)
        o.log?.(`control plane: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      const code =
        status === 404
          ? 'NotFound'
          : status === 401
            ? 'Unauthorized'
            : status === 403
              ? 'Forbidden'
              : 'Error';
      if (!res.headersSent)
        sendJson(res, status, { error: { code, message: e instanceof Error ? e.message : String(e) } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 explicitly: 'localhost' may resolve to ::1 alone; clients of localhost try both families.
    server.listen(o.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `https://localhost:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
