// The managed-identity endpoint of the simulator's containers, as ACA runs it beside every replica: IDENTITY_ENDPOINT
// and IDENTITY_HEADER in the container's environment, GET <endpoint>?resource=<r>&api-version=2019-08-01 with the
// header X-IDENTITY-HEADER answers the app's token for that resource (App Service's 2019-08-01 shape, which the Azure
// SDKs' ManagedIdentityCredential reads). ACA listens on localhost inside the pod; here one HTTP server on the Docker
// network's gateway IP serves every container, and each container has its own header (the secret that names it).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export const MSI_PATH = '/msi/token';
export const MSI_API_VERSION = '2019-08-01';
/** The header the SDKs send IDENTITY_HEADER in. */
export const MSI_HEADER = 'x-identity-header';

/** Whom a container's header speaks for: its app's system-assigned identity. */
export interface ManagedIdentityGrant {
  app: string;
  revision: string;
  replica: string;
  /** The identity's client (application) id. */
  clientId: string;
}

/** The client id of an app's system-assigned identity: stable for a tenant and an app name. */
export function managedIdentityClientId(tenantId: string, appName: string): string {
  const h = createHash('sha256').update(`mi:${tenantId}:${appName}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface MsiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The X-IDENTITY-HEADER value, when sent. */
  header?: string;
}

export interface MsiAnswer {
  status: number;
  /** JSON body; none for ACA's bare refusals. */
  body?: Record<string, unknown>;
}

/** An issued token: the simulator's Entra token for the resource and the identity. */
export interface IssuedToken {
  accessToken: string;
  /** Unix seconds. */
  expiresOn: number;
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const refusal = (message: string): MsiAnswer => ({ status: 400, body: { statusCode: 400, message } });

/**
 * The endpoint's decision for one request. Pure but for `issue`. ACA's answers: a request without the header or
 * with one no container holds is refused 403 with an empty body (its Kestrel sidecar; the header is checked
 * first); a POST 405; a request without `resource` or with another api-version 400 with
 * `{"statusCode":400,"message":...}` (App Service's error shape). `client_id`, `principal_id`, `mi_res_id` (a
 * user-assigned identity) are not checked: every app has one identity here.
 */
export function msiAnswer(
  req: MsiRequest,
  grants: ReadonlyMap<string, ManagedIdentityGrant>,
  issue: (resource: string, clientId: string) => IssuedToken,
): MsiAnswer {
  if (req.path.replace(/\/+$/, '') !== MSI_PATH) return { status: 404 };
  if (req.method !== 'GET') return { status: 405 };
  const presented = req.header ?? '';
  const key = presented ? [...grants.keys()].find((k) => same(k, presented)) : undefined;
  const grant = key === undefined ? undefined : grants.get(key);
  if (!grant) return { status: 403 };
  const version = req.query.get('api-version');
  if (version !== MSI_API_VERSION) {
    return refusal(
      `The api-version '${version ?? ''}' is not supported by this endpoint; use api-version=${MSI_API_VERSION}.`,
    );
  }
  const resource = req.query.get('resource');
  if (!resource) return refusal('The request is missing the required parameter resource.');
  const token = issue(resource, grant.clientId);
  return {
    status: 200,
    body: {
      access_token: token.accessToken,
      expires_on: String(token.expiresOn),
      resource,
      token_type: 'Bearer',
      client_id: grant.clientId,
    },
  };
}

export interface ManagedIdentityOptions {
  /** The address to listen on (the Docker network's gateway IP). */
  host: string;
  /** 0 (default): a free port. */
  port?: number;
  tenantId: string;
  /** The simulator's Entra: a token for `resource` issued to `clientId`, and its lifetime. */
  issue: (resource: string, clientId: string) => IssuedToken;
  log?: (message: string) => void;
}

export interface ManagedIdentityHandle {
  /** IDENTITY_ENDPOINT: `http://<host>:<port>/msi/token`. */
  endpoint: string;
  port: number;
  /** A new header for one container of `app`: the environment the container gets. */
  register(o: { app: string; revision: string; replica: string }): {
    IDENTITY_ENDPOINT: string;
    IDENTITY_HEADER: string;
  };
  /** Tokens issued, and refusals, by status. */
  readonly counts: Record<number, number>;
  stop(): Promise<void>;
}

export async function startManagedIdentity(o: ManagedIdentityOptions): Promise<ManagedIdentityHandle> {
  const grants = new Map<string, ManagedIdentityGrant>();
  const counts: Record<number, number> = {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://msi');
    const raw = req.headers[MSI_HEADER];
    const answer = msiAnswer(
      {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        header: Array.isArray(raw) ? raw[0] : raw,
      },
      grants,
      o.issue,
    );
    counts[answer.status] = (counts[answer.status] ?? 0) + 1;
    const text = answer.body ? JSON.stringify(answer.body) : '';
    res.writeHead(answer.status, {
      ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'content-length': Buffer.byteLength(text),
      ...(answer.status === 405 ? { allow: 'GET' } : {}),
    });
    res.end(text);
    req.resume();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${o.host}:${port}${MSI_PATH}`;
  o.log?.(`managed identity endpoint ${endpoint}`);
  return {
    endpoint,
    port,
    counts,
    register({ app, revision, replica }) {
      const header = randomBytes(16).toString('hex').toUpperCase();
      grants.set(header, { app, revision, replica, clientId: managedIdentityClientId(o.tenantId, app) });
      return { IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: header };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
