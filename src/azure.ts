// The one Azure module: the common inputs of every action that talks to Azure, the credential
// (GitHub OIDC exchanged through ClientAssertionCredential, or the standard chain), and the
// Container Apps and Azure Monitor client factories. Every action gets its clients here; nothing else constructs one.
import * as core from '@actions/core';
import { ContainerAppsAPIClient, type ContainerAppsAPIClientOptionalParams } from '@azure/arm-appcontainers';
import { MonitorClient, type MonitorClientOptionalParams } from '@azure/arm-monitor';
import {
  ClientAssertionCredential,
  DefaultAzureCredential,
  type TokenCredential,
  type TokenCredentialOptions,
} from '@azure/identity';
import { InputError, type InputSource, parseChoice, parseUrl, required } from './inputs.js';

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

export interface AzureSettings {
  /** Set: GitHub OIDC federation for this app registration. Unset: the standard credential chain. */
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

/** Reads and validates the common Azure inputs. */
export function readAzureSettings(get: InputSource, { subscriptionRequired = true } = {}): AzureSettings {
  const cloud = parseChoice('cloud', get('cloud'), CLOUD_NAMES, 'AzureCloud');
  const clientId = guid('client-id', get('client-id'));
  const tenantRaw = get('tenant-id');
  if (tenantRaw !== '' && !TENANT.test(tenantRaw)) {
    throw new InputError(
      'tenant-id',
      tenantRaw,
      'allowed: a tenant GUID or a verified domain such as contoso.onmicrosoft.com',
    );
  }
  const tenantId = tenantRaw === '' ? undefined : tenantRaw.toLowerCase();
  if (clientId && !tenantId) {
    throw new InputError(
      'tenant-id',
      '',
      'required when client-id is given (GitHub OIDC needs the tenant of the app registration)',
    );
  }
  // An action that only exchanges tokens (build-push without an app) has no subscription to name: ''.
  const subscriptionRaw = subscriptionRequired
    ? required('subscription-id', get('subscription-id'), 'required: the GUID of the Azure subscription')
    : get('subscription-id');
  const subscriptionId = guid('subscription-id', subscriptionRaw) ?? '';
  const audience = get('audience') || DEFAULT_AUDIENCE;

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

export interface CredentialDeps {
  /** Fetches a GitHub OIDC token for an audience (core.getIDToken on a runner). */
  getIdToken?: (audience: string) => Promise<string>;
  /** TLS settings of the token requests, e.g. the CA of a private authority host. */
  tlsOptions?: TokenCredentialOptions['tlsOptions'];
  /** Masks a token in the job log (core.setSecret on a runner). */
  mask?: (secret: string) => void;
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
 * OIDC when client-id is set: every token MSAL requests gets a fresh GitHub assertion, so long jobs
 * never present an expired one. Otherwise the standard chain (environment, workload identity, managed identity, az).
 */
export function createCredential(settings: AzureSettings, deps: CredentialDeps = {}): TokenCredential {
  const options = credentialOptions(settings, deps);
  if (settings.clientId && settings.tenantId) {
    const getIdToken = deps.getIdToken ?? ((audience: string) => core.getIDToken(audience));
    const mask = deps.mask ?? core.setSecret;
    return new ClientAssertionCredential(
      settings.tenantId,
      settings.clientId,
      async () => {
        const token = await getIdToken(settings.audience);
        mask(token);
        return token;
      },
      options,
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
 * client, so a sovereign or Custom cloud needs nothing more); the only place one is constructed.
 */
export function createMonitorClient(
  settings: AzureSettings,
  credential: TokenCredential = createCredential(settings),
  options: MonitorClientOptionalParams = {},
): MonitorClient {
  return new MonitorClient(credential, settings.subscriptionId, {
    ...options,
    endpoint: settings.armEndpoint,
    credentials: { scopes: [armScope(settings)] },
  });
}
