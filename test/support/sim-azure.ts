// The Azure side of a test or bench against the simulator, built the way the actions build it: the common
// inputs from the simulator's environment (sim.env, or the env.sh its CLI writes), readAzureSettings,
// createCredential (GitHub OIDC) and createContainerAppsClient, trusting the simulator's CA.
// No jest import here (bench/ uses this module too).
import type { ContainerAppsAPIClient, ContainerAppsAPIClientOptionalParams } from '@azure/arm-appcontainers';
import type { TokenCredential } from '@azure/identity';
import {
  type AzureSettings,
  createContainerAppsClient,
  createCredential,
  DEFAULT_AUDIENCE,
  readAzureSettings,
} from '../../src/azure/connection.js';
import { httpsRequest } from '../../sim/http.js';

/** The common Azure inputs of an action run against the simulator. */
export function simAzureInputs(env: Record<string, string>): Record<string, string> {
  return {
    cloud: 'Custom',
    'arm-endpoint': env.ALC_SIM_ARM_ENDPOINT,
    'authority-host': env.ALC_SIM_AUTHORITY_HOST,
    'subscription-id': env.AZURE_SUBSCRIPTION_ID,
    'tenant-id': env.AZURE_TENANT_ID,
    'client-id': env.AZURE_CLIENT_ID,
  };
}

/** The GitHub OIDC token a workflow job gets (ACTIONS_ID_TOKEN_REQUEST_URL contract). */
export async function simGithubToken(
  env: Record<string, string>,
  ca: string,
  audience = DEFAULT_AUDIENCE,
): Promise<string> {
  const res = await httpsRequest(
    `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`,
    {
      ca,
      headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    },
  );
  if (res.status !== 200) throw new Error(`GitHub OIDC: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { value: string }).value;
}

export interface SimAzure {
  settings: AzureSettings;
  credential: TokenCredential;
  client: ContainerAppsAPIClient;
}

/** Settings, OIDC credential and Container Apps client as an action builds them, trusting `ca`. */
export function simAzure(
  env: Record<string, string>,
  ca: string,
  o: {
    getIdToken?: (audience: string) => Promise<string>;
    mask?: (secret: string) => void;
    clientOptions?: ContainerAppsAPIClientOptionalParams;
    /** The common inputs (default simAzureInputs(env)). */
    inputs?: Record<string, string>;
    /** The runner's GITHUB_* variables the OIDC doctor reads (default: none). */
    runnerEnv?: NodeJS.ProcessEnv;
  } = {},
): SimAzure {
  const inputs = o.inputs ?? simAzureInputs(env);
  const settings = readAzureSettings((name) => inputs[name] ?? '');
  const tlsOptions = { ca };
  const credential = createCredential(settings, {
    getIdToken: o.getIdToken ?? ((audience) => simGithubToken(env, ca, audience)),
    tlsOptions,
    // A test process is no runner: its log needs no ::add-mask:: lines for the simulator's tokens.
    mask: o.mask ?? (() => undefined),
    env: o.runnerEnv ?? {},
  });
  const client = createContainerAppsClient(settings, credential, { tlsOptions, ...o.clientOptions });
  return { settings, credential, client };
}
