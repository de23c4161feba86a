// Identity services of the simulator: an Entra ID (v2.0) token service that MSAL accepts with a custom
// authorityHost and disableInstanceDiscovery, and the GitHub Actions OIDC token service whose tokens
// the Entra service takes as federated client assertions.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import type { TokenVerifier } from './types.js';
import { HttpError, readBody, sendJson, type RequestContext, type Route } from './http.js';
import {
  type Claims,
  type SigningKey,
  decodeJwt,
  jwks,
  jwtProblem,
  loadOrCreateKey,
  signJwt,
} from './jwt.js';

export const ASSERTION_AUDIENCE = 'api://AzureADTokenExchange';
export const GITHUB_OIDC_PATH = '/github/oidc';

export interface IdentityConfig {
  tenantId: string;
  clientId: string;
  /** For ClientSecretCredential and the standard credential chain. */
  clientSecret: string;
  /** Bearer token a client must present to the GitHub OIDC token endpoint. */
  githubRequestToken: string;
  /** Claims of the GitHub OIDC tokens (sub, repository, ref...). */
  githubClaims?: Claims;
  /** When non-empty, the assertion's `sub` must be one of these (the app's federated credentials). */
  federatedSubjects?: string[];
  /** Lifetimes in seconds. */
  githubTokenLifetimeSec?: number;
  accessTokenLifetimeSec?: number;
}

interface AadError {
  status: number;
  error: string;
  code: number;
  description: string;
}

const aad = (status: number, error: string, code: number, description: string): AadError => ({
  status,
  error,
  code,
  description,
});

/** Object id of the service principal of a client id: stable, derived. */
export function principalId(clientId: string): string {
  const h = createHash('sha256').update(`sp:${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Resource (audience) of a `.default` scope: `https://host:1/.default` -> `https://host:1`. */
export function resourceOfScope(scope: string): string | undefined {
  const first = scope.split(' ').find((s) => s.endsWith('/.default'));
  return first?.slice(0, -'/.default'.length).replace(/\/+$/, '');
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class IdentityService implements TokenVerifier {
  private readonly entraKey: SigningKey;
  private readonly githubKey: SigningKey;
  /** `https://localhost:<port>`: set once the control plane listens. */
  origin = '';

  constructor(
    keyDir: string,
    readonly config: IdentityConfig,
  ) {
    this.entraKey = loadOrCreateKey(join(keyDir, 'entra.key'), 'sim-entra-1');
    this.githubKey = loadOrCreateKey(join(keyDir, 'github-oidc.key'), 'sim-github-1');
  }

  get entraIssuer(): string {
    return `${this.origin}/${this.config.tenantId}/v2.0`;
  }

  get githubIssuer(): string {
    return `${this.origin}${GITHUB_OIDC_PATH}`;
  }

  /** ACTIONS_ID_TOKEN_REQUEST_URL: getIDToken appends `&audience=...`. */
  get githubTokenRequestUrl(): string {
    return `${this.githubIssuer}/token?api-version=2.0`;
  }

  /** An Entra access token for `resource` (the simulator's own client, or a test). */
  issueAccessToken(resource: string, clientId = this.config.clientId): string {
    const now = Math.floor(Date.now() / 1000);
    const oid = principalId(clientId);
    return signJwt(
      {
        aud: resource,
        iss: this.entraIssuer,
        iat: now,
        nbf: now,
        exp: now + (this.config.accessTokenLifetimeSec ?? 3600),
        tid: this.config.tenantId,
        oid,
        sub: oid,
        appid: clientId,
        azp: clientId,
        idtyp: 'app',
        ver: '2.0',
        uti: randomUUID(),
      },
      this.entraKey,
    );
  }

  /** A GitHub Actions OIDC token, as the runner's token service issues it. */
  issueGithubToken(audience: string | undefined): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: Claims = {
      sub: 'repo:alc-algo/alc-algo:ref:refs/heads/main',
      repository: 'alc-algo/alc-algo',
      repository_owner: 'alc-algo',
      ref: 'refs/heads/main',
      event_name: 'push',
      ...this.config.githubClaims,
    };
    const owner = String(claims.repository_owner);
    return signJwt(
      {
        ...claims,
        jti: randomUUID(),
        aud: audience ?? `https://github.com/${owner}`,
        iss: this.githubIssuer,
        iat: now,
        nbf: now - 5,
        exp: now + (this.config.githubTokenLifetimeSec ?? 300),
      },
      this.githubKey,
    );
  }

  verify(token: string): Record<string, unknown> | undefined {
    if (jwtProblem(token, this.entraKey) !== undefined) return undefined;
    const claims = decodeJwt(token)?.claims;
    return claims?.iss === this.entraIssuer ? claims : undefined;
  }

  /** Why a client assertion is refused (AADSTS code and text), or undefined when it is a valid federated one. */
  assertionProblem(assertion: string): AadError | undefined {
    const problem = jwtProblem(assertion, this.githubKey);
    const claims = decodeJwt(assertion)?.claims ?? {};
    if (problem === 'expired' || problem === 'not yet valid') {
      return aad(400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
    }
    if (problem)
      return aad(401, 'invalid_client', 700027, `Client assertion failed signature validation (${problem}).`);
    if (claims.iss !== this.githubIssuer) {
      return aad(
        400,
        'invalid_client',
        700211,
        `No matching federated identity record found for presented assertion issuer '${String(claims.iss)}'.`,
      );
    }
    const auds = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!auds.includes(ASSERTION_AUDIENCE)) {
      return aad(
        400,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${auds.join(',')}'.`,
      );
    }
    const subjects = this.config.federatedSubjects ?? [];
    if (subjects.length > 0 && !subjects.includes(String(claims.sub))) {
      return aad(
        400,
        'invalid_client',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Subject: '${String(claims.sub)}'.`,
      );
    }
    return undefined;
  }

  /** The token endpoint's decision for a form-encoded client_credentials request. */
  tokenResponse(tenant: string, form: URLSearchParams): { status: number; body: Claims } {
    const fail = (e: AadError) => ({
      status: e.status,
      body: {
        error: e.error,
        error_description: `AADSTS${e.code}: ${e.description} Trace ID: ${randomUUID()}`,
        error_codes: [e.code],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
      },
    });
    const err = this.clientProblem(tenant, form);
    if (err) return fail(err);
    const resource = resourceOfScope(form.get('scope') ?? '');
    if (!resource) {
      return fail(
        aad(
          400,
          'invalid_scope',
          1002012,
          `The provided value for scope '${form.get('scope') ?? ''}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
        ),
      );
    }
    const lifetime = this.config.accessTokenLifetimeSec ?? 3600;
    const token = this.issueAccessToken(resource, form.get('client_id') ?? '');
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token },
    };
  }

  private clientProblem(tenant: string, form: URLSearchParams): AadError | undefined {
    if (tenant !== this.config.tenantId) {
      return aad(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return aad(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${form.get('grant_type') ?? ''}'.`,
      );
    }
    const clientId = form.get('client_id') ?? '';
    if (clientId !== this.config.clientId) {
      return aad(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
      );
    }
    const assertion = form.get('client_assertion');
    if (assertion) return this.assertionProblem(assertion);
    const secret = form.get('client_secret');
    if (secret === null) {
      return aad(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    if (!same(secret, this.config.clientSecret)) {
      return aad(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    }
    return undefined;
  }

  private openIdConfiguration(tenant: string): Claims {
    const base = `${this.origin}/${tenant}`;
    return {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      request_uri_parameter_supported: false,
      tenant_region_scope: null,
      cloud_instance_name: new URL(this.origin).host,
    };
  }

  /** HTTP routes of the Entra and GitHub OIDC services. */
  readonly route: Route = async (ctx: RequestContext) => {
    const { method, url, res } = ctx;
    const path = url.pathname;
    const tenants = [this.config.tenantId, 'common', 'organizations'];
    let m: RegExpMatchArray | null;
    if (method === 'GET' && (m = path.match(/^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/))) {
      if (!tenants.includes(m[1])) {
        sendJson(res, 400, {
          error: 'invalid_tenant',
          error_description: `AADSTS90002: Tenant '${m[1]}' not found.`,
        });
      } else sendJson(res, 200, this.openIdConfiguration(m[1]));
      return true;
    }
    if (method === 'GET' && /^\/[^/]+\/discovery\/(v2\.0\/)?keys$/.test(path)) {
      sendJson(res, 200, jwks(this.entraKey));
      return true;
    }
    if (method === 'GET' && /^\/common\/discovery\/instance$/.test(path)) {
      const host = new URL(this.origin).host;
      sendJson(res, 200, {
        tenant_discovery_endpoint: `${this.origin}/${this.config.tenantId}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      });
      return true;
    }
    if (method === 'POST' && (m = path.match(/^\/([^/]+)\/oauth2\/v2\.0\/token$/))) {
      const { status, body } = this.tokenResponse(m[1], new URLSearchParams(await readBody(ctx.req)));
      sendJson(res, status, body, { 'cache-control': 'no-store' });
      return true;
    }
    return this.githubRoute(ctx);
  };

  private async githubRoute({ method, url, req, res }: RequestContext): Promise<boolean> {
    if (method !== 'GET' || !url.pathname.startsWith(`${GITHUB_OIDC_PATH}/`)) return false;
    const rest = url.pathname.slice(GITHUB_OIDC_PATH.length);
    if (rest === '/.well-known/jwks') {
      sendJson(res, 200, jwks(this.githubKey));
    } else if (rest === '/.well-known/openid-configuration') {
      sendJson(res, 200, {
        issuer: this.githubIssuer,
        jwks_uri: `${this.githubIssuer}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        id_token_signing_alg_values_supported: ['RS256'],
        claims_supported: [
          'sub',
          'aud',
          'exp',
          'iat',
          'iss',
          'jti',
          'nbf',
          'ref',
          'repository',
          'repository_owner',
        ],
      });
    } else if (rest === '/token') {
      const auth = req.headers.authorization ?? '';
      const presented = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      if (!presented || !same(presented, this.config.githubRequestToken)) {
        throw new HttpError(401, 'Bad credentials');
      }
      sendJson(res, 200, { value: this.issueGithubToken(url.searchParams.get('audience') ?? undefined) });
    } else return false;
    return true;
  }
}
