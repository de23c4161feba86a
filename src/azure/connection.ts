// The one Azure module: the common inputs of every action that talks to Azure (input first, then the
// documented environment variables), the credential (GitHub OIDC exchanged for an Entra token in one request by
// ./entra.ts, one assertion per Entra token request, with the OIDC doctor's message when Entra refuses it; or the
// standard chain, @azure/identity loaded only then), and the Container Apps and Azure Monitor client factories.
// Every action gets its clients here; nothing else constructs one. @azure/arm-monitor (a quarter of an action's
// bundle) loads only when a Monitor client is made.
import * as core from '@actions/core';
import { ContainerAppsAPIClient, type ContainerAppsAPIClientOptionalParams } from '@azure/arm-appcontainers';
import type { MonitorClient, MonitorClientOptionalParams } from '@azure/arm-monitor';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { DefaultAzureCredentialOptions } from '@azure/identity';
import { InputError, type InputSource, parseChoice, parseUrl, required } from '../core/inputs.js';
import { FederatedCredential, type FederatedCredentialOptions, withoutFormData } from './entra.js';
import { AUDIENCE_ALLOWED, TENANT_REQUIRED } from './messages.js';

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
    throw new InputError('tenant-id', '', TENANT_REQUIRED);
  }
  // An action that only exchanges tokens (build-push without an app) has no subscription to name: ''.
  const subscriptionRaw = subscriptionRequired
    ? required('subscription-id', get('subscription-id'), 'required: the GUID of the Azure subscription')
    : get('subscription-id');
  const subscriptionId = guid('subscription-id', subscriptionRaw) ?? '';
  const audience = get('audience') || DEFAULT_AUDIENCE;
  if (/[\s\p{Cc}]/u.test(audience) || audience.length > 600) {
    throw new InputError('audience', audience, AUDIENCE_ALLOWED);
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

/**
 * The standard chain (DefaultAzureCredential: environment, workload identity, managed identity, az), with
 * @azure/identity (and MSAL under it) imported at the first token request: a run that signs in with GitHub OIDC
 * never loads them.
 */
export class StandardChainCredential implements TokenCredential {
  private loaded?: Promise<TokenCredential>;

  constructor(readonly options: DefaultAzureCredentialOptions) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    this.loaded ??= import('@azure/identity').then((m) => new m.DefaultAzureCredential(this.options));
    return (await this.loaded).getToken(scopes, options);
  }
}

export interface CredentialDeps {
  /** Fetches a GitHub OIDC token for an audience (core.getIDToken on a runner). */
  getIdToken?: (audience: string) => Promise<string>;
  /** TLS settings of the token requests, e.g. the CA of a private authority host. */
  tlsOptions?: FederatedCredentialOptions['tlsOptions'];
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
    return new FederatedCredential({
      authorityHost: settings.authorityHost,
      tenantId: settings.tenantId,
      clientId: settings.clientId,
      assertion: async () => {
        const token = await getIdToken(settings.audience);
        mask(token);
        return token;
      },
      env: deps.env ?? process.env,
      ...(options.tlsOptions ? { tlsOptions: options.tlsOptions } : {}),
    });
  }
  return new StandardChainCredential({ ...options, tenantId: settings.tenantId });
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
  const client = new ContainerAppsAPIClient(credential, settings.subscriptionId, {
    ...options,
    endpoint: settings.armEndpoint,
    credentials: { scopes: [armScope(settings)] },
  });
  withoutFormData(client.pipeline);
  return client;
}

/**
 * The Azure Monitor client (metrics over ARM: the same endpoint, scope and credential as the Container Apps
 * client, so a sovereign or Custom cloud needs nothing more); the only place one is constructed. Its SDK is
 * imported here, when a run analyzes metrics, so that a run that does not never loads it.
 */
export async function createMonitorClient(
  settings: AzureSettings,
  credential: TokenCredential = createCredential(settings),
  options: MonitorClientOptionalParams = {},
): Promise<MonitorClient> {
  const { MonitorClient } = await import('@azure/arm-monitor');
  const client = new MonitorClient(credential, settings.subscriptionId, {
    ...options,
    endpoint: settings.armEndpoint,
    credentials: { scopes: [armScope(settings)] },
  });
  withoutFormData(client.pipeline);
  return client;
}
