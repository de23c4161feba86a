// GitHub OIDC exchanged for an Entra ID access token in one request: the OAuth 2.0 client credentials grant with a
// federated assertion (POST {authority host}/{tenant}/oauth2/v2.0/token: client_id, scope, grant_type
// client_credentials, client_assertion_type jwt-bearer, client_assertion = the job's GitHub OIDC token), as Entra's
// documentation of workload identity federation describes it. MSAL's ClientAssertionCredential makes the same
// request after an instance discovery and an openid-configuration read; this makes only it (and reads the OpenID
// configuration only when the standard endpoint answers 404), over the Azure SDK's own HTTP pipeline (proxy, TLS
// options, retries of 5xx, 429 and network errors, user agent), and loads neither MSAL nor @azure/identity. The
// endpoints, the form and the reading of Entra's answers are pure.
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
  type PipelineOptions,
} from '@azure/core-rest-pipeline';
import { aadstsCodes, FEDERATION_MISMATCH_CODES, jwtClaims, oidcDoctorMessage } from './oidc.js';
import { entraRefusedMessage, noTokenEndpointMessage, otherTenantMessage } from './messages.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Renew a kept access token this long before it expires (MSAL's own margin). */
export const TOKEN_RENEWAL_MS = 5 * 60_000;

/**
 * Takes the SDK's form-data policy out of a pipeline whose bodies are JSON or an already encoded form: the policy
 * asks `typeof FormData` on every request, and the first such look makes Node load its whole built-in fetch stack
 * (about 5 ms of a run's start) for nothing.
 */
export function withoutFormData(pipeline: Pipeline): Pipeline {
  pipeline.removePolicy({ name: 'formDataPolicy' });
  return pipeline;
}

/** A tenant's base URL under an authority host. */
function tenantBase(authorityHost: string, tenantId: string): string {
  return `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}`;
}

/** The token endpoint of a tenant under an authority host. */
export function tokenEndpoint(authorityHost: string, tenantId: string): string {
  return `${tenantBase(authorityHost, tenantId)}/oauth2/v2.0/token`;
}

/** Where a tenant's OpenID configuration lives under an authority host. */
export function openIdConfigurationUrl(authorityHost: string, tenantId: string): string {
  return `${tenantBase(authorityHost, tenantId)}/v2.0/.well-known/openid-configuration`;
}

/**
 * The token endpoint an OpenID configuration answer names, when it may receive the assertion: https on the authority
 * host's own origin, in a configuration whose `issuer` names the tenant (a path segment of it, as Entra's
 * `https://<host>/<tenant>/v2.0` does). Else what is wrong with it, for one error; nothing is sent then. Pure.
 */
export function tokenEndpointOf(
  status: number,
  body: string,
  authorityHost: string,
  tenantId: string,
): { endpoint: string } | { problem: string } {
  if (status !== 200) return { problem: `HTTP ${status}` };
  let config: { token_endpoint?: unknown; issuer?: unknown };
  try {
    config = JSON.parse(body) as typeof config;
  } catch {
    return { problem: 'an answer that is not JSON' };
  }
  const endpoint = config?.token_endpoint;
  if (typeof endpoint !== 'string' || endpoint === '') return { problem: 'no token_endpoint' };
  const url = URL.parse(endpoint);
  const origin = new URL(authorityHost).origin;
  if (url?.protocol !== 'https:' || url.origin !== origin) {
    return {
      problem: `the token_endpoint ${JSON.stringify(endpoint)}, which is not https on the authority host ${origin}`,
    };
  }
  const issuer = typeof config.issuer === 'string' ? config.issuer : '';
  const segments = (URL.parse(issuer)?.pathname ?? '').toLowerCase().split('/');
  if (!segments.includes(encodeURIComponent(tenantId).toLowerCase())) {
    return {
      problem: `the issuer ${JSON.stringify(issuer)}, which does not name the tenant ${tenantId}`,
    };
  }
  return { endpoint };
}

/** The form of a client credentials request with a federated assertion. Pure. */
export function tokenRequestForm(
  clientId: string,
  scopes: string | string[],
  assertion: string,
  claims?: string,
): string {
  const form = new URLSearchParams({
    client_id: clientId,
    scope: [scopes].flat().join(' '),
    grant_type: 'client_credentials',
    client_assertion_type: CLIENT_ASSERTION_TYPE,
    client_assertion: assertion,
  });
  if (claims) form.set('claims', claims);
  return form.toString();
}

/** Entra refused a token request (its `error`, the description with the AADSTS code, the HTTP status). */
export class EntraError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly error: string,
    readonly description: string,
    /** Entra's error_codes, else the AADSTS codes of the description. */
    readonly codes: number[],
  ) {
    super(message);
    this.name = 'EntraError';
  }
}

/** Entra refused this job's GitHub OIDC token: no federated credential matches it. The message is the doctor's. */
export class OidcRefusedError extends Error {
  constructor(
    message: string,
    readonly code: number,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'OidcRefusedError';
  }
}

/**
 * Reads Entra's answer to a token request, received at `now` (ms): the access token with its expiry (and its
 * refresh time when Entra names one, refresh_in), or an EntraError naming the app registration. Pure.
 */
export function readTokenAnswer(
  status: number,
  body: string,
  now: number,
  clientId: string,
): AccessToken | EntraError {
  let json: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: named below with the status.
  }
  const token = json.access_token;
  const expiresIn = Number(json.expires_in);
  if (status === 200 && typeof token === 'string' && token !== '' && Number.isFinite(expiresIn)) {
    const refreshIn = Number(json.refresh_in);
    return {
      token,
      tokenType: 'Bearer',
      expiresOnTimestamp: now + expiresIn * 1000,
      ...(Number.isFinite(refreshIn) && refreshIn > 0
        ? { refreshAfterTimestamp: now + refreshIn * 1000 }
        : {}),
    };
  }
  const error = typeof json.error === 'string' ? json.error : '';
  const description =
    typeof json.error_description === 'string'
      ? json.error_description
      : status === 200
        ? 'the answer holds no access_token and expires_in'
        : body.slice(0, 200) || 'no body';
  const listed = Array.isArray(json.error_codes) ? json.error_codes.map(Number).filter(Number.isFinite) : [];
  const codes = listed.length ? listed : aadstsCodes(description);
  return new EntraError(
    entraRefusedMessage(clientId, status, error, description),
    status,
    error,
    description,
    codes,
  );
}

export interface FederatedCredentialOptions {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  /** One fresh GitHub OIDC token, masked (called once per Entra token request, retries included). */
  assertion: () => Promise<string>;
  /** The runner's GITHUB_* variables, for the doctor's message. */
  env: NodeJS.ProcessEnv;
  /** TLS settings of the token requests, e.g. the CA of a private authority host. */
  tlsOptions?: PipelineOptions['tlsOptions'];
  /** The HTTP client under the pipeline (default the SDK's own). */
  httpClient?: HttpClient;
}

/**
 * A TokenCredential for GitHub OIDC: one GitHub token per Entra token request, tokens kept per scope until shortly
 * before they expire (the clients of one run share one Entra token and so one GitHub token), concurrent requests
 * for one scope sharing one Entra request. A refusal for lack of a matching federated credential becomes the
 * doctor's message (OidcRefusedError); any other refusal an EntraError.
 */
export class FederatedCredential implements TokenCredential {
  private readonly tokens = new Map<string, Promise<AccessToken>>();
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient;
  /** The token endpoint the authority's OpenID configuration named, once the standard one answered 404. */
  private endpoint?: string;

  constructor(private readonly o: FederatedCredentialOptions) {
    this.pipeline = createPipelineFromOptions({
      ...(o.tlsOptions ? { tlsOptions: o.tlsOptions } : {}),
      userAgentOptions: { userAgentPrefix: 'alc-deploy' },
    });
    withoutFormData(this.pipeline);
    this.httpClient = o.httpClient ?? createDefaultHttpClient();
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    if (options.tenantId && options.tenantId.toLowerCase() !== this.o.tenantId.toLowerCase()) {
      throw new Error(otherTenantMessage(options.tenantId, this.o.tenantId));
    }
    const key = [scopes].flat().join(' ');
    const kept = options.claims ? undefined : this.tokens.get(key);
    if (kept) {
      const token = await kept.catch(() => undefined);
      const now = Date.now();
      const due = (token?.refreshAfterTimestamp ?? Infinity) <= now;
      if (token && !due && token.expiresOnTimestamp - now > TOKEN_RENEWAL_MS) return token;
      // Another caller that waited on the same stale token has already asked for its successor: share it.
      if (this.tokens.get(key) !== kept) return this.getToken(scopes, options);
    }
    const fresh = this.request(scopes, options);
    this.tokens.set(key, fresh);
    fresh.catch(() => this.tokens.get(key) === fresh && this.tokens.delete(key));
    return fresh;
  }

  private async request(scopes: string | string[], options: GetTokenOptions): Promise<AccessToken> {
    const assertion = await this.o.assertion();
    const post = (url: string) =>
      this.pipeline.sendRequest(
        this.httpClient,
        createPipelineRequest({
          url,
          method: 'POST',
          headers: createHttpHeaders({
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          }),
          body: tokenRequestForm(this.o.clientId, scopes, assertion, options.claims),
          abortSignal: options.abortSignal,
          tracingOptions: options.tracingOptions,
        }),
      );
    let response = await post(this.endpoint ?? tokenEndpoint(this.o.authorityHost, this.o.tenantId));
    // An authority that serves its token endpoint elsewhere names it in its OpenID configuration (as MSAL reads it).
    if (response.status === 404 && this.endpoint === undefined) {
      this.endpoint = await this.discoverEndpoint(options);
      response = await post(this.endpoint);
    }
    const answer = readTokenAnswer(response.status, response.bodyAsText ?? '', Date.now(), this.o.clientId);
    if (!(answer instanceof EntraError)) return answer;
    const code = answer.codes.find((c) => FEDERATION_MISMATCH_CODES.includes(c));
    if (code === undefined) throw answer;
    const at = answer.description.indexOf(`AADSTS${code}`);
    const doctor = oidcDoctorMessage({
      code,
      entraMessage: at >= 0 ? answer.description.slice(at) : answer.description,
      claims: jwtClaims(assertion),
      clientId: this.o.clientId,
      env: this.o.env,
    });
    throw new OidcRefusedError(doctor, code, answer);
  }

  private async discoverEndpoint(options: GetTokenOptions): Promise<string> {
    const url = openIdConfigurationUrl(this.o.authorityHost, this.o.tenantId);
    const response = await this.pipeline.sendRequest(
      this.httpClient,
      createPipelineRequest({
        url,
        method: 'GET',
        headers: createHttpHeaders({ accept: 'application/json' }),
        abortSignal: options.abortSignal,
      }),
    );
    const read = tokenEndpointOf(
      response.status,
      response.bodyAsText ?? '',
      this.o.authorityHost,
      this.o.tenantId,
    );
    if ('problem' in read) {
      throw new EntraError(
        noTokenEndpointMessage(
          this.o.tenantId,
          this.o.authorityHost,
          tokenEndpoint(this.o.authorityHost, this.o.tenantId),
          url,
          read.problem,
        ),
        response.status,
        '',
        '',
        [],
      );
    }
    const endpoint = read.endpoint;
    return endpoint;
  }
}
