// ARM's protocol around the resources: bearer authentication with its challenge, request ids,
// api-version, path parsing (case-insensitive, as ARM is), JSON bodies and allowed methods.
import { randomUUID } from 'node:crypto';
import type { TokenVerifier } from '../types.js';
import { readBody, type RequestContext } from '../http.js';
import { ArmError } from './errors.js';
import type { Json } from './model.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Throws ARM's 401 (with WWW-Authenticate) unless the request carries a valid token for an allowed audience. */
export function authenticate(
  ctx: RequestContext,
  verifier: TokenVerifier,
  tenantId: string,
  audiences: string[],
): void {
  const auth = ctx.req.headers.authorization ?? '';
  const fail = (code: string, message: string) =>
    new ArmError(401, code, message, {
      'www-authenticate': `Bearer authorization_uri="${ctx.origin}/${tenantId}", error="invalid_token", error_description="${message}"`,
    });
  if (!/^Bearer\s+\S+$/i.test(auth)) {
    throw fail('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.");
  }
  const claims = verifier.verify(auth.replace(/^Bearer\s+/i, ''));
  if (!claims) throw fail('InvalidAuthenticationToken', 'The access token is invalid or expired.');
  const norm = (a: string) => a.replace(/\/+$/, '').toLowerCase();
  const allowed = [ctx.origin, ...audiences].map(norm);
  const aud = String(claims.aud ?? '');
  if (!allowed.includes(norm(aud))) {
    throw fail(
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences '${allowed.join("','")}'.`,
    );
  }
}

/** Response headers ARM sends with every answer. */
export function requestIds(ctx: RequestContext): Record<string, string> {
  const h = ctx.req.headers;
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-correlation-request-id': String(h['x-ms-correlation-request-id'] ?? randomUUID()),
    ...(h['x-ms-client-request-id'] ? { 'x-ms-client-request-id': String(h['x-ms-client-request-id']) } : {}),
  };
}

export const SUBSCRIPTION_PATH = /^\/subscriptions\/([^/]+)(?:\/.*)?$/i;
const RESOURCE_PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)(?:\/providers\/microsoft\.app\/(containerapps|managedenvironments)(?:\/([^/]+)(?:\/(listsecrets|revisions)(?:\/([^/]+)(?:\/(activate|deactivate|restart|replicas)(?:\/([^/]+))?)?)?)?)?)?\/?$/i;
const SUBSCRIPTION_LIST_PATH =
  /^\/subscriptions\/[^/]+\/providers\/microsoft\.app\/(containerapps|managedenvironments)\/?$/i;
const OPERATION_PATH =
  /^\/subscriptions\/([^/]+)\/providers\/microsoft\.app\/locations\/([^/]+)\/(containerappoperationstatuses|containerappoperationresults)\/([^/]+)$/i;

/** What an ARM path addresses. Names keep the client's case; keywords are lower-case. */
export type Target =
  | { kind: 'operation'; view: 'statuses' | 'results'; id: string }
  | { kind: 'subscription'; type: 'containerapps' | 'managedenvironments' }
  | {
      kind: 'resource';
      rg: string;
      type?: 'containerapps' | 'managedenvironments';
      name?: string;
      child?: 'listsecrets' | 'revisions';
      revision?: string;
      action?: 'activate' | 'deactivate' | 'restart' | 'replicas';
      /** `.../revisions/<revision>/replicas/<replica>` */
      replica?: string;
    };

export function parsePath(path: string): Target {
  const dec = (s: string | undefined) => (s === undefined ? undefined : decodeURIComponent(s));
  const op = OPERATION_PATH.exec(path);
  if (op) {
    const view = op[3].toLowerCase() === 'containerappoperationstatuses' ? 'statuses' : 'results';
    return { kind: 'operation', view, id: dec(op[4]) as string };
  }
  const list = SUBSCRIPTION_LIST_PATH.exec(path);
  if (list)
    return { kind: 'subscription', type: list[1].toLowerCase() as 'containerapps' | 'managedenvironments' };
  const m = RESOURCE_PATH.exec(path);
  if (!m)
    throw new ArmError(
      404,
      'InvalidResourceType',
      `The resource type of '${path}' is not served by this simulator.`,
    );
  const lower = <T extends string>(s: string | undefined) => s?.toLowerCase() as T | undefined;
  return {
    kind: 'resource',
    rg: dec(m[2]) as string,
    type: lower(m[3]),
    name: dec(m[4]),
    child: lower(m[5]),
    revision: dec(m[6]),
    action: lower(m[7]),
    replica: dec(m[8]),
  };
}

export async function readJson(ctx: RequestContext): Promise<Json> {
  if (!['PUT', 'PATCH', 'POST'].includes(ctx.method)) return {};
  const text = await readBody(ctx.req);
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  } catch {
    // answered below
  }
  throw new ArmError(
    400,
    'InvalidRequestContent',
    'The request content was invalid and could not be deserialized.',
  );
}

export function allow<T>(method: string, allowed: string[], fn: () => T): T {
  if (!allowed.includes(method)) {
    throw new ArmError(
      405,
      'MethodNotAllowed',
      `The method '${method}' is not allowed here (allowed: ${allowed.join(', ')}).`,
    );
  }
  return fn();
}

export const locationRequired = () =>
  new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
