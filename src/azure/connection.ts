// The one Azure module: the common inputs of every action that talks to Azure (input first, then the
// documented environment variables), the credential (GitHub OIDC exchanged through ClientAssertionCredential,
// one assertion per Entra token request, with the OIDC doctor's message when Entra refuses it; or the standard
// chain), and the Container Apps and Azure Monitor client factories. Every action gets its clients here; nothing else
// constructs one. @azure/arm-monitor (a quarter of an action's bundle) loads only when a Monitor client is made.
import * as core from '@actions/core';
import { ContainerAppsAPIClient, type ContainerAppsAPIClientOptionalParams } from '@azure/arm-appcontainers';
import type { MonitorClient, MonitorClientOptionalParams } from '@azure/arm-monitor';
import {
  type AccessToken,
  ClientAssertionCredential,
  DefaultAzureCredential,
  type GetTokenOptions,
  type TokenCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import { InputError, type InputSource, parseChoice, parseUrl, required } from '../inputs.js';
import { aadstsCodes, FEDERATION_MISMATCH_CODES, jwtClaims, oidcDoctorMessage } from './oidc.js';

export const CLOUD_NAMES = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'Custom'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

/** Well-known endpoints of the sovereign clouds; Custom takes them from arm-endpoint and authority-host. */
export const CLOUDS: Record<Exclude<CloudName, 'Custom'>, { armEndpoint: string; authorityHost: string }> = {
  AzureCloud: {
    armEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
  },
  AzureUSGovernment: {
    armEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
  },
  AzureChinaCloud: {
    armEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
  },
};

export const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';

/** github-oidc: this job's GitHub OIDC token exchanged for the app registration client-id. standard-chain: DefaultAzureCredential. */
export type CredentialKind = 'github-oidc' | 'standard-chain';

/**
 * Variables with which the Azure SDK's EnvironmentCredential or WorkloadIdentityCredential (in the standard chain)
 * sign in as AZURE_CLIENT_ID: when one is set, an AZURE_CLIENT_ID from the environment is theirs, not OIDC's.
 */
export const SDK_CREDENTIAL_VARIABLES = [
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_FEDERATED_TOKEN_FILE',
  'AZURE_USERNAME',
];

/**
 * Which credential a run uses. The client-id input picks GitHub OIDC. Without it, AZURE_CLIENT_ID from the
 * environment picks GitHub OIDC only in a job that can request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL, i.e.
 * `id-token: write`) and when no SDK credential variable is set; otherwise, and without any client id, the
 * standard chain, which reads those variables itself (AZURE_CLIENT_ID alone selects a user-assigned managed identity).
 */
export function chooseCredential(
  clientIdFrom: 'input' | 'environment' | undefined,
  env: NodeJS.ProcessEnv,
): CredentialKind {
  if (clientIdFrom === 'input') return 'github-oidc';
  if (clientIdFrom === undefined) return 'standard-chain';
  if (SDK_CREDENTIAL_VARIABLES.some((v) => (env[v] ?? '') !== '')) return 'standard-chain';
  return env.ACTIONS_ID_TOKEN_REQUEST_URL ? 'github-oidc' : 'standard-chain';
}

export interface AzureSettings {
  /** How the run signs in (chooseCredential). */
  credential: CredentialKind;
  /** The app registration (OIDC), or the client id the standard chain reads from the environment. */
  clientId?: string;
  tenantId?: string;
  /** Empty only when read with subscriptionRequired false; the client factory then refuses. */
  subscriptionId: string;
  audience: string;
  cloud: CloudName;
  armEndpoint: string;
  authorityHost: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9.-]*\.[a-z]{2,})$/i;

function guid(name: string, raw: string): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (!GUID.test(v))
    throw new InputError(name, raw, 'allowed: a GUID such as 00000000-0000-0000-0000-000000000000');
  return v.toLowerCase();
}

function endpoint(name: string, raw: string): string {
  return parseUrl(name, raw, { protocols: ['https:'] })
    .toString()
    .replace(/\/+$/, '');
}

/**
 * Reads and validates the common Azure inputs. With a source from withEnvironmentFallbacks an empty input reads
 * its environment variable; `env` decides the credential when the client id comes from there (chooseCredential).
 */
export function readAzureSettings(
  get: InputSource,
  {
    subscriptionRequired = true,
    env = process.env,
  }: { subscriptionRequired?: boolean; env?: NodeJS.ProcessEnv } = {},
): AzureSettings {
  const cloud = parseChoice('cloud', get('cloud'), CLOUD_NAMES, 'AzureCloud');
  const clientId = guid('client-id', get('client-id'));
  const credential = chooseCredential(
    clientId === undefined ? undefined : get.origin?.('client-id') ? 'environment' : 'input',
    env,
  );
  const tenantRaw = get('tenant-id');
  if (tenantRaw !== '' && !TENANT.test(tenantRaw)) {
    throw new InputError(
      'tenant-id',
      tenantRaw,
      'allowed: a tenant GUID or a verified domain such as contoso.onmicrosoft.com',
    );
  }
  const tenantId = tenantRaw === '' ? undefined : tenantRaw.toLowerCase();
  if (credential === 'github-oidc' && !tenantId) {
    throw new InputError(
      'tenant-id',
      '',
      'required when client-id is given (GitHub OIDC needs the tenant of the app registration; the input, or AZURE_TENANT_ID)',
    );
  }
  // An action that only exchanges tokens (build-push without an app) has no subscription to name: ''.
  const subscriptionRaw = subscriptionRequired
    ? required('subscription-id', get('subscription-id'), 'required: the GUID of the Azure subscription')
    : get('subscription-id');
  const subscriptionId = guid('subscription-id', subscriptionRaw) ?? '';
  const audience = get('audience') || DEFAULT_AUDIENCE;
  if (/[\s\p{Cc}]/u.test(audience) || audience.length > 600) {
    throw new InputError(
      'audience',
      audience,
      'allowed: the audience of the federated credential, one token of at most 600 characters without spaces (default api://AzureADTokenExchange)',
    );
  }

  let armEndpoint: string;
  let authorityHost: string;
  if (cloud === 'Custom') {
    armEndpoint = endpoint(
      'arm-endpoint',
      required(
        'arm-endpoint',
        get('arm-endpoint'),
        'required with cloud Custom: the https URL of the ARM endpoint',
      ),
    );
    authorityHost = endpoint(
      'authority-host',
      required(
        'authority-host',
        get('authority-host'),
        'required with cloud Custom: the https URL of the Entra ID authority host',
      ),
    );
  } else {
    for (const name of ['arm-endpoint', 'authority-host']) {
      if (get(name) !== '')
        throw new InputError(name, get(name), `allowed only with cloud Custom (cloud is ${cloud})`);
    }
    ({ armEndpoint, authorityHost } = CLOUDS[cloud]);
  }
  return {
    credential,
    clientId,
    tenantId,
    subscriptionId,
    audience,
    cloud,
    armEndpoint,
    authorityHost,
  };
}

/** The token scope of ARM in this cloud. */
export function armScope(settings: Pick<AzureSettings, 'armEndpoint'>): string {
  return `${settings.armEndpoint}/.default`;
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

/** Renew a cached access token this long before it expires (MSAL's own margin). */
const TOKEN_RENEWAL_MS = 5 * 60_000;

/**
 * GitHub OIDC through ClientAssertionCredential, with exactly one GitHub token per Entra token request: MSAL
 * calls the assertion callback twice per request (for the request and for the client configuration), so the
 * callback serves one fetched assertion per request, and requests run one at a time. Tokens are kept per scope
 * until shortly before they expire, so that the clients of one run share one Entra token (and one GitHub token).
 * A refusal for lack of a matching federated credential becomes the doctor's message (OidcRefusedError).
 */
class GithubOidcCredential implements TokenCredential {
  private readonly tokens = new Map<string, Promise<AccessToken>>();
  private readonly credential: ClientAssertionCredential;
  /** The assertion of the request in flight. */
  private current: (() => Promise<string>) | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    tenantId: string,
    private readonly clientId: string,
    private readonly assertion: () => Promise<string>,
    options: TokenCredentialOptions,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    const serve = () =>
      this.current ? this.current() : Promise.reject(new Error('no token request in flight'));
    this.credential = new ClientAssertionCredential(tenantId, clientId, serve, options);
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const key = `${options.tenantId ?? ''} ${[scopes].flat().join(' ')}`;
    const kept = options.claims ? undefined : this.tokens.get(key);
    if (kept) {
      const token = await kept.catch(() => undefined);
      const now = Date.now();
      const due = (token?.refreshAfterTimestamp ?? Infinity) <= now;
      if (token && !due && token.expiresOnTimestamp - now > TOKEN_RENEWAL_MS) return token;
    }
    const run = () => this.request(scopes, options);
    const fresh = this.queue.then(run, run);
    this.queue = fresh.catch(() => undefined);
    this.tokens.set(key, fresh);
    fresh.catch(() => this.tokens.get(key) === fresh && this.tokens.delete(key));
    return fresh;
  }

  private async request(scopes: string | string[], options: GetTokenOptions): Promise<AccessToken> {
    let presented: Promise<string> | undefined;
    this.current = () => (presented ??= this.assertion());
    try {
      return await this.credential.getToken(scopes, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = aadstsCodes(message).find((c) => FEDERATION_MISMATCH_CODES.includes(c));
      const token = code === undefined ? undefined : await presented?.catch(() => undefined);
      if (code === undefined || !token) throw error;
      const doctor = oidcDoctorMessage({
        code,
        entraMessage: message.slice(message.indexOf(`AADSTS${code}`)),
        claims: jwtClaims(token),
        clientId: this.clientId,
        env: this.env,
      });
      throw new OidcRefusedError(doctor, code, error);
    } finally {
      this.current = undefined;
    }
  }
}

export interface CredentialDeps {
  /** Fetches a GitHub OIDC token for an audience (core.getIDToken on a runner). */
  getIdToken?: (audience: string) => Promise<string>;
  /** TLS settings of the token requests, e.g. the CA of a private authority host. */
  tlsOptions?: TokenCredentialOptions['tlsOptions'];
  /** Masks a token in the job log (core.setSecret on a runner). */
  mask?: (secret: string) => void;
  /** The runner's GITHUB_* variables, for the doctor's message (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** The options every credential of these settings gets. */
export function credentialOptions(
  settings: Pick<AzureSettings, 'authorityHost' | 'cloud'>,
  deps: Pick<CredentialDeps, 'tlsOptions'> = {},
): { authorityHost: string; disableInstanceDiscovery: boolean; tlsOptions?: CredentialDeps['tlsOptions'] } {
  return {
    authorityHost: settings.authorityHost,
    disableInstanceDiscovery: settings.cloud === 'Custom',
    ...(deps.tlsOptions ? { tlsOptions: deps.tlsOptions } : {}),
  };
}

/**
 * GitHub OIDC (settings.credential github-oidc): every Entra token request gets one fresh GitHub assertion, masked,
 * so long jobs never present an expired one. Otherwise the standard chain (environment, workload identity,
 * managed identity, az).
 */
export function createCredential(settings: AzureSettings, deps: CredentialDeps = {}): TokenCredential {
  const options = credentialOptions(settings, deps);
  if (settings.credential === 'github-oidc' && settings.clientId && settings.tenantId) {
    const getIdToken = deps.getIdToken ?? ((audience: string) => core.getIDToken(audience));
    const mask = deps.mask ?? core.setSecret;
    return new GithubOidcCredential(
      settings.tenantId,
      settings.clientId,
      async () => {
        const token = await getIdToken(settings.audience);
        mask(token);
        return token;
      },
      options,
      deps.env ?? process.env,
    );
  }
  return new DefaultAzureCredential({ ...options, tenantId: settings.tenantId });
}

/** The Container Apps client for these settings; the only place one is constructed. */
export function createContainerAppsClient(
  settings: AzureSettings,
  credential: TokenCredential = createCredential(settings),
  options: ContainerAppsAPIClientOptionalParams = {},
): ContainerAppsAPIClient {
  if (!settings.subscriptionId) {
    throw new InputError(
      'subscription-id',
      '',
      'required to read or write container apps: the GUID of the Azure subscription',
    );
  }
  return new ContainerAppsAPIClient(credential, settings.subscriptionId, {
    ...options,
    endpoint: settings.armEndpoint,
    credentials: { scopes: [armScope(settings)] },
  });
}

/**
 * The Azure Monitor client (metrics over ARM: the same endpoint, scope and credential as the Container Apps
 * client, so a sovereign or Custom cloud needs nothing more); the only place one is constructed. Its SDK is
 * imported here, when a run analyses metrics, so that a run that does not never loads it.
 */
export async function createMonitorClient(
  settings: AzureSettings,
  credential: TokenCredential = createCredential(settings),
  options: MonitorClientOptionalParams = {},
): Promise<MonitorClient> {
  const { MonitorClient } = await import('@azure/arm-monitor');
  return new MonitorClient(credential, settings.subscriptionId, {
    ...options,
    endpoint: settings.armEndpoint,
    credentials: { scopes: [armScope(settings)] },
  });
}
