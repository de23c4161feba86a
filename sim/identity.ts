// Identity services of the simulator: an Entra ID (v2.0) token service that MSAL accepts with a custom
// authorityHost and disableInstanceDiscovery, with app registrations and their federated identity credentials
// (an assertion whose issuer, audience or subject matches none is refused as Entra refuses it), and the GitHub
// Actions OIDC token service, whose tokens carry the claims GitHub gives the job that asks (subject by event).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
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
import { type GithubJob, githubJobClaims } from '../src/azure/oidc.js';

export const ASSERTION_AUDIENCE = 'api://AzureADTokenExchange';
export const GITHUB_OIDC_PATH = '/github/oidc';

/**
 * A federated identity credential of an app registration. `subject` matches exactly (case-sensitive);
 * `claimsMatchingExpression` is Entra's flexible form, `claims['sub'] matches 'repo:o/r:ref:refs/tags/v*'`
 * (wildcards * and ?) or `claims['sub'] eq '...'`.
 */
export interface FederatedCredential {
  name?: string;
  /** Default: the simulator's GitHub OIDC issuer. */
  issuer?: string;
  subject?: string;
  claimsMatchingExpression?: string;
  /** Default: [api://AzureADTokenExchange]. */
  audiences?: string[];
}

export interface AppRegistration {
  clientId: string;
  /** The repository variable that holds its client id in the simulator's env file (e.g. AZURE_BUILD_CLIENT_ID). */
  var?: string;
  clientSecret?: string;
  federatedCredentials: FederatedCredential[];
}

/**
 * A job as a runner registers it: what decides its subject (GithubJob), and claims GitHub adds that do not (the
 * commit, the actor, the run).
 */
export interface RunnerJob extends GithubJob {
  sha?: string;
  actor?: string;
  runId?: string;
  runNumber?: string;
  runAttempt?: string;
}

/** The claim names of RunnerJob's extra fields. */
export const RUNNER_JOB_CLAIMS = {
  sha: 'sha',
  actor: 'actor',
  runId: 'run_id',
  runNumber: 'run_number',
  runAttempt: 'run_attempt',
} as const;

/** The claims of a registered job's tokens (without iss, aud, times). Pure. */
export function runnerJobClaims(job: RunnerJob): Claims {
  const claims: Claims = githubJobClaims(job);
  for (const [field, claim] of Object.entries(RUNNER_JOB_CLAIMS)) {
    const v = job[field as keyof typeof RUNNER_JOB_CLAIMS];
    if (v !== undefined) claims[claim] = v;
  }
  return claims;
}

/** The job the default GitHub request token speaks for: a push to main of alc-algo/alc-algo. */
export const DEFAULT_GITHUB_JOB: GithubJob = {
  repository: 'alc-algo/alc-algo',
  eventName: 'push',
  ref: 'refs/heads/main',
};

/** The default app's credentials: any subject of a GitHub repository (flexible), so that any job may sign in. */
export const PERMISSIVE_CREDENTIALS: FederatedCredential[] = [
  { name: 'any-github-repository', claimsMatchingExpression: "claims['sub'] matches 'repo:*'" },
];

export interface IdentityConfig {
  tenantId: string;
  clientId: string;
  /** For ClientSecretCredential and the standard credential chain. */
  clientSecret: string;
  /** Bearer token a client must present to the GitHub OIDC token endpoint (the default job's). */
  githubRequestToken: string;
  /**
   * The job the default request token's tokens are issued for (default DEFAULT_GITHUB_JOB); null: none, the
   * default request token only registers jobs (a seed that names no job).
   */
  githubJob?: GithubJob | null;
  /** Claims over the job's (sub, repository, ref...). */
  githubClaims?: Claims;
  /** Federated credentials of the app `clientId` (default PERMISSIVE_CREDENTIALS, or those of federatedSubjects). */
  federatedCredentials?: FederatedCredential[];
  /** Shorthand: one exact-subject credential (GitHub issuer and audience) per subject for the app `clientId`. */
  federatedSubjects?: string[];
  /** More app registrations of the tenant. */
  applications?: AppRegistration[];
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

/** Azure Storage's resource ids (Entra issues v1 tokens for them): storage.azure.com or an account's blob host. */
export function isStorageResource(resource: string): boolean {
  return /^https:\/\/(storage\.azure\.com|[a-z0-9]+\.blob\.core\.windows\.net)\/*$/i.test(resource);
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

const FIC_DOCS = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation';
const CHECK_FIC = `Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${FIC_DOCS}`;

/** Whether `value` matches a flexible credential's pattern (* any run, ? one character; case-sensitive). */
function wildcard(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}

/** A flexible credential's expression, `claims['sub'] matches '<pattern>'` or `... eq '<subject>'`; else undefined. */
export function parseClaimsExpression(
  expression: string,
): { op: 'matches' | 'eq'; value: string } | undefined {
  const m = /^\s*claims\['sub'\]\s+(matches|eq)\s+'([^']*)'\s*$/.exec(expression);
  return m ? { op: m[1] as 'matches' | 'eq', value: m[2] } : undefined;
}

/** Whether a credential's subject rule (exact, or a claims matching expression) accepts `sub`. */
export function subjectMatches(credential: FederatedCredential, sub: string): boolean {
  if (credential.subject !== undefined) return credential.subject === sub;
  const e = parseClaimsExpression(credential.claimsMatchingExpression ?? '');
  if (!e)
    throw new Error(`unsupported claims matching expression: ${credential.claimsMatchingExpression ?? ''}`);
  return e.op === 'eq' ? e.value === sub : wildcard(e.value, sub);
}

/** Entra's time format in errors: `2026-12-02 01:02:03Z`. */
const entraTime = (d = new Date()) =>
  d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
const entraInstant = (sec: number) => new Date(sec * 1000).toISOString().replace(/Z$/, '0000Z');

interface GithubRequester {
  job: RunnerJob;
  /** Tokens issued under this request token. */
  issued: number;
}

export class IdentityService implements TokenVerifier {
  private readonly entraKey: SigningKey;
  private readonly githubKey: SigningKey;
  /** `https://localhost:<port>`: set once the control plane listens. */
  origin = '';
  /** Requests the token endpoints answered (any outcome). */
  readonly requests = { github: 0, entra: 0 };
  private readonly githubRequesters = new Map<string, GithubRequester>();

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

  /** The app registrations of the tenant: the simulator's own app first. */
  get applications(): AppRegistration[] {
    const c = this.config;
    const own: AppRegistration = {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      federatedCredentials:
        c.federatedCredentials ??
        (c.federatedSubjects?.length
          ? c.federatedSubjects.map((subject) => ({ subject }))
          : PERMISSIVE_CREDENTIALS),
    };
    return [own, ...(c.applications ?? [])];
  }

  /**
   * A request token for one job, as a runner gets one per job: GitHub OIDC tokens requested with it carry the
   * job's claims (its subject by event, environment, ref). Returns what the job's env needs.
   */
  registerGithubJob(job: RunnerJob): { url: string; token: string } {
    const token = randomBytes(24).toString('base64url');
    this.githubRequesters.set(token, { job, issued: 0 });
    return { url: this.githubTokenRequestUrl, token };
  }

  /** How many GitHub OIDC tokens were issued under a request token from registerGithubJob. */
  githubTokensIssued(requestToken: string): number {
    return this.githubRequesters.get(requestToken)?.issued ?? 0;
  }

  /** The issuer of Entra's v1 tokens (those of Azure Storage): `https://sts.windows.net/<tenant>/`. */
  get entraV1Issuer(): string {
    return `https://sts.windows.net/${this.config.tenantId}/`;
  }

  /**
   * An Entra access token for `resource` (the simulator's own client, or a test). Azure Storage's tokens are v1
   * tokens, as Entra issues them for that resource (iss https://sts.windows.net/<tenant>/, aud without a trailing
   * slash): what Azurite's OAuth accepts; every other resource's are v2 tokens of the simulator's issuer.
   */
  issueAccessToken(resource: string, clientId = this.config.clientId): string {
    const now = Math.floor(Date.now() / 1000);
    const oid = principalId(clientId);
    if (isStorageResource(resource)) {
      return signJwt(
        {
          aud: resource.replace(/\/+$/, ''),
          iss: this.entraV1Issuer,
          iat: now,
          nbf: now,
          exp: now + (this.config.accessTokenLifetimeSec ?? 3600),
          appid: clientId,
          appidacr: '2',
          idp: this.entraV1Issuer,
          idtyp: 'app',
          oid,
          sub: oid,
          tid: this.config.tenantId,
          ver: '1.0',
          uti: randomUUID(),
        },
        this.entraKey,
      );
    }
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

  /** A GitHub Actions OIDC token for `job` (default: the configured job), as GitHub's token service issues it. */
  issueGithubToken(audience: string | undefined, job?: RunnerJob): string {
    const now = Math.floor(Date.now() / 1000);
    const own = this.config.githubJob === undefined ? DEFAULT_GITHUB_JOB : this.config.githubJob;
    if (!job && !own)
      throw new HttpError(
        400,
        `this simulator's seed names no default job (githubJob), so the default request token speaks for no job: a runner registers each job (POST /_sim/github/jobs with the admin token) and asks with that job's own request token`,
      );
    const claims: Claims = {
      ...runnerJobClaims((job ?? own) as RunnerJob),
      ...(job ? {} : this.config.githubClaims),
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

  /**
   * Why a client assertion is refused (AADSTS code and text, as Entra words them), or undefined when it is a valid
   * assertion that one of the app's federated credentials matches: issuer first (700211), then audience among
   * the credentials of that issuer (700212), then subject (700213); an app without any federated credential: 70021.
   */
  assertionProblem(assertion: string, app: AppRegistration = this.applications[0]): AadError | undefined {
    const nowSec = Math.floor(Date.now() / 1000);
    const problem = jwtProblem(assertion, this.githubKey, nowSec);
    const claims = decodeJwt(assertion)?.claims ?? {};
    if (problem === 'expired' || problem === 'not yet valid') {
      const nbf = typeof claims.nbf === 'number' ? claims.nbf : nowSec;
      const exp = typeof claims.exp === 'number' ? claims.exp : nowSec;
      return aad(
        400,
        'invalid_client',
        700024,
        `Client assertion is not within its valid time range. Current time: ${entraInstant(nowSec)}, assertion valid from ${entraInstant(nbf)}, expiry time of assertion ${entraInstant(exp)}. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .`,
      );
    }
    if (problem)
      return aad(401, 'invalid_client', 700027, `Client assertion failed signature validation (${problem}).`);
    const iss = String(claims.iss);
    const sub = String(claims.sub);
    const auds = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).map(String);
    const credentials = app.federatedCredentials.map((c) => ({
      ...c,
      issuer: c.issuer ?? this.githubIssuer,
      audiences: c.audiences ?? [ASSERTION_AUDIENCE],
    }));
    if (credentials.length === 0) {
      return aad(
        400,
        'invalid_request',
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${auds.join(',')}'. ${FIC_DOCS}`,
      );
    }
    const byIssuer = credentials.filter((c) => c.issuer === iss);
    if (byIssuer.length === 0) {
      return aad(
        401,
        'invalid_client',
        700211,
        `No matching federated identity record found for presented assertion issuer '${iss}'. ${CHECK_FIC}`,
      );
    }
    const byAudience = byIssuer.filter((c) => c.audiences.some((a) => auds.includes(a)));
    if (byAudience.length === 0) {
      return aad(
        401,
        'invalid_client',
        700212,
        `No matching federated identity record found for presented assertion audience '${auds.join(',')}'. ${CHECK_FIC}`,
      );
    }
    if (!byAudience.some((c) => subjectMatches(c, sub))) {
      return aad(
        401,
        'invalid_client',
        700213,
        `No matching federated identity record found for presented assertion subject '${sub}'. ${CHECK_FIC}`,
      );
    }
    return undefined;
  }

  /** The token endpoint's decision for a form-encoded client_credentials request. */
  tokenResponse(tenant: string, form: URLSearchParams): { status: number; body: Claims } {
    const fail = (e: AadError) => {
      const traceId = randomUUID();
      const correlationId = randomUUID();
      const timestamp = entraTime();
      return {
        status: e.status,
        body: {
          error: e.error,
          error_description: `AADSTS${e.code}: ${e.description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
          error_codes: [e.code],
          timestamp,
          trace_id: traceId,
          correlation_id: correlationId,
          error_uri: `${this.origin}/error?code=${e.code}`,
        },
      };
    };
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
    const app = this.applications.find((a) => a.clientId === clientId);
    if (!app) {
      return aad(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'.`,
      );
    }
    const assertion = form.get('client_assertion');
    if (assertion) return this.assertionProblem(assertion, app);
    const secret = form.get('client_secret');
    if (secret === null) {
      return aad(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    if (app.clientSecret === undefined || !same(secret, app.clientSecret)) {
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
      this.requests.entra += 1;
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
          'ref_type',
          'repository',
          'repository_owner',
          'environment',
          'event_name',
          'workflow_ref',
          'job_workflow_ref',
          'sha',
          'actor',
          'run_id',
          'run_number',
          'run_attempt',
        ],
      });
    } else if (rest === '/token') {
      this.requests.github += 1;
      const auth = req.headers.authorization ?? '';
      const presented = auth.startsWith('Bearer ') ? auth.slice(7) : '';
      const requester = this.githubRequesters.get(presented);
      if (!requester && (!presented || !same(presented, this.config.githubRequestToken))) {
        throw new HttpError(401, 'Bad credentials');
      }
      if (requester) requester.issued += 1;
      const audience = url.searchParams.get('audience') ?? undefined;
      sendJson(res, 200, { value: this.issueGithubToken(audience, requester?.job) });
    } else return false;
    return true;
  }
}
