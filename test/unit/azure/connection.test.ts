import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  armScope,
  chooseCredential,
  createContainerAppsClient,
  createCredential,
  StandardChainCredential,
  credentialOptions,
  readAzureSettings,
} from '../../../src/azure/connection.js';
import { FederatedCredential } from '../../../src/azure/entra.js';
import { AZURE_INPUT_FALLBACKS, InputError, withEnvironmentFallbacks } from '../../../src/core/inputs.js';
import { actionInputs, describeError } from '../../../src/core/run-entry.js';
import { errorOf } from '../../support/errors.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT = '99999999-8888-7777-6666-555555555555';

function source(values: Record<string, string>) {
  return (name: string) => values[name] ?? '';
}

describe('readAzureSettings', () => {
  it.each([
    [
      'public cloud with OIDC',
      { 'client-id': CLIENT, 'tenant-id': TENANT, 'subscription-id': SUB },
      {
        cloud: 'AzureCloud',
        armEndpoint: 'https://management.azure.com',
        authorityHost: 'https://login.microsoftonline.com',
        clientId: CLIENT,
      },
    ],
    [
      'US Government',
      { 'subscription-id': SUB, cloud: 'AzureUSGovernment' },
      {
        armEndpoint: 'https://management.usgovcloudapi.net',
        authorityHost: 'https://login.microsoftonline.us',
        clientId: undefined,
      },
    ],
    [
      'China',
      { 'subscription-id': SUB, cloud: 'azurechinacloud' },
      { cloud: 'AzureChinaCloud', armEndpoint: 'https://management.chinacloudapi.cn' },
    ],
    [
      'Custom (the simulator), trailing slash dropped',
      {
        'subscription-id': SUB,
        cloud: 'Custom',
        'arm-endpoint': 'https://localhost:8443/',
        'authority-host': 'https://localhost:8443',
      },
      { armEndpoint: 'https://localhost:8443', authorityHost: 'https://localhost:8443' },
    ],
    ['default audience', { 'subscription-id': SUB }, { audience: 'api://AzureADTokenExchange' }],
    ['given audience', { 'subscription-id': SUB, audience: 'api://custom' }, { audience: 'api://custom' }],
    [
      'tenant by domain',
      { 'subscription-id': SUB, 'tenant-id': 'Contoso.onmicrosoft.com' },
      { tenantId: 'contoso.onmicrosoft.com' },
    ],
  ])('%s', (_name, values, want) => {
    expect(readAzureSettings(source(values))).toMatchObject(want);
  });

  it.each([
    ['missing subscription', {}, /'subscription-id'.*required/],
    [
      'subscription not a GUID',
      { 'subscription-id': 'prod' },
      /'subscription-id' has the invalid value 'prod'.*GUID/,
    ],
    ['client-id not a GUID', { 'subscription-id': SUB, 'client-id': 'my-app' }, /'client-id'.*'my-app'/],
    [
      'client-id without tenant',
      { 'subscription-id': SUB, 'client-id': CLIENT },
      /'tenant-id'.*required when client-id/,
    ],
    ['bad tenant', { 'subscription-id': SUB, 'tenant-id': 'not a tenant' }, /'tenant-id'/],
    [
      'unknown cloud',
      { 'subscription-id': SUB, cloud: 'AzureGermany' },
      /'cloud'.*AzureCloud, AzureUSGovernment, AzureChinaCloud, Custom/,
    ],
    [
      'Custom without arm-endpoint',
      { 'subscription-id': SUB, cloud: 'Custom', 'authority-host': 'https://x.test' },
      /'arm-endpoint'.*required with cloud Custom/,
    ],
    [
      'Custom without authority-host',
      { 'subscription-id': SUB, cloud: 'Custom', 'arm-endpoint': 'https://x.test' },
      /'authority-host'/,
    ],
    [
      'Custom over plain http',
      {
        'subscription-id': SUB,
        cloud: 'Custom',
        'arm-endpoint': 'http://x.test',
        'authority-host': 'https://x.test',
      },
      /'arm-endpoint'.*https:\/\//,
    ],
    [
      'arm-endpoint outside Custom',
      { 'subscription-id': SUB, 'arm-endpoint': 'https://x.test' },
      /'arm-endpoint'.*only with cloud Custom/,
    ],
  ])('rejects %s', (_name, values, message) => {
    expect(() => readAzureSettings(source(values))).toThrow(message);
  });
});

describe('readAzureSettings without a required subscription', () => {
  it('leaves subscription-id empty when it is not given', () => {
    expect(readAzureSettings(source({}), { subscriptionRequired: false }).subscriptionId).toBe('');
  });
  it('still validates a subscription-id that is given', () => {
    expect(() =>
      readAzureSettings(source({ 'subscription-id': 'prod' }), { subscriptionRequired: false }),
    ).toThrow(/'subscription-id' has the invalid value 'prod'/);
  });
  it('the client factory refuses settings without a subscription, naming the input', () => {
    const settings = readAzureSettings(source({}), { subscriptionRequired: false });
    expect(() => createContainerAppsClient(settings, createCredential(settings))).toThrow(
      /'subscription-id'.*required to read or write container apps/,
    );
  });
});

describe('credential and client', () => {
  const custom = readAzureSettings(
    source({
      'subscription-id': SUB,
      'client-id': CLIENT,
      'tenant-id': TENANT,
      cloud: 'Custom',
      'arm-endpoint': 'https://localhost:1',
      'authority-host': 'https://localhost:1',
    }),
  );
  it('uses OIDC federation when client-id is set', () => {
    expect(custom.credential).toBe('github-oidc');
    expect(createCredential(custom, { getIdToken: async () => 'x' })).toBeInstanceOf(FederatedCredential);
  });
  it('uses the standard chain without client-id', () => {
    expect(createCredential({ ...custom, clientId: undefined })).toBeInstanceOf(StandardChainCredential);
  });
  it.each([
    [
      'Custom: no instance discovery',
      custom,
      {},
      { authorityHost: 'https://localhost:1', disableInstanceDiscovery: true },
    ],
    [
      'a sovereign cloud: instance discovery',
      { ...custom, cloud: 'AzureUSGovernment' as const, authorityHost: 'https://login.microsoftonline.us' },
      {},
      { authorityHost: 'https://login.microsoftonline.us', disableInstanceDiscovery: false },
    ],
    [
      'TLS settings passed on',
      custom,
      { tlsOptions: { ca: 'PEM' } },
      { authorityHost: 'https://localhost:1', disableInstanceDiscovery: true, tlsOptions: { ca: 'PEM' } },
    ],
  ])('credential options, %s', (_name, settings, deps, want) => {
    expect(credentialOptions(settings, deps)).toEqual(want);
  });
  it('scopes ARM tokens to the cloud endpoint', () => {
    expect(armScope(custom)).toBe('https://localhost:1/.default');
    expect(armScope({ armEndpoint: 'https://management.azure.com' })).toBe(
      'https://management.azure.com/.default',
    );
  });
  it('builds the Container Apps client for the subscription', () => {
    const client = createContainerAppsClient(
      custom,
      createCredential(custom, { getIdToken: async () => 'x' }),
    );
    expect(typeof client.containerApps.get).toBe('function');
  });
});

describe('environment fallbacks (input first)', () => {
  const env = {
    AZURE_CLIENT_ID: CLIENT,
    AZURE_TENANT_ID: TENANT,
    AZURE_SUBSCRIPTION_ID: SUB,
    ALC_DEPLOY_AUDIENCE: 'api://custom',
    ALC_DEPLOY_CLOUD: 'Custom',
    ALC_DEPLOY_ARM_ENDPOINT: 'https://arm.example',
    ALC_DEPLOY_AUTHORITY_HOST: 'https://login.example',
    ALC_DEPLOY_RESOURCE_GROUP: 'rg-from-env',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?x=1',
  };
  it("is the contract's table of environment fallbacks, row for row, and names none for app", () => {
    // docs/contract.md, "Environment fallbacks": | `input` | `VARIABLE` | when both are empty |
    const contract = readFileSync('docs/contract.md', 'utf8');
    const section = contract.slice(contract.indexOf('### Environment fallbacks'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| `([A-Z_]+)` \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.length).toBeGreaterThan(0);
    expect(AZURE_INPUT_FALLBACKS).toEqual(Object.fromEntries(rows));
    expect(AZURE_INPUT_FALLBACKS).not.toHaveProperty('app');
  });
  it('empty inputs read the environment; origin names the variable', () => {
    const get = withEnvironmentFallbacks(source({}), env);
    expect(readAzureSettings(get, { env })).toEqual({
      credential: 'github-oidc',
      clientId: CLIENT,
      tenantId: TENANT,
      subscriptionId: SUB,
      audience: 'api://custom',
      cloud: 'Custom',
      armEndpoint: 'https://arm.example',
      authorityHost: 'https://login.example',
    });
    expect(get('resource-group')).toBe('rg-from-env');
    expect(get.origin?.('resource-group')).toBe('ALC_DEPLOY_RESOURCE_GROUP');
    expect(get('app')).toBe('');
  });
  it('a given input wins over its variable', () => {
    const other = '12121212-3434-5656-7878-909090909090';
    const get = withEnvironmentFallbacks(source({ 'subscription-id': other, 'resource-group': 'rg' }), env);
    expect(readAzureSettings(get, { env }).subscriptionId).toBe(other);
    expect(get('resource-group')).toBe('rg');
    expect(get.origin?.('subscription-id')).toBeUndefined();
  });
  it('a bad value from the environment is refused like an input, before any call', () => {
    const get = withEnvironmentFallbacks(source({}), { AZURE_SUBSCRIPTION_ID: 'prod' });
    expect(() => readAzureSettings(get)).toThrow(/'subscription-id' has the invalid value 'prod'/);
    expect(get.origin?.('subscription-id')).toBe('AZURE_SUBSCRIPTION_ID');
  });
  it('OIDC with a client id from the environment needs a tenant from somewhere', () => {
    const only = {
      AZURE_CLIENT_ID: CLIENT,
      AZURE_SUBSCRIPTION_ID: SUB,
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://t/',
    };
    expect(() => readAzureSettings(withEnvironmentFallbacks(source({}), only), { env: only })).toThrow(
      /'tenant-id'.*AZURE_TENANT_ID/,
    );
  });
});

describe('which credential: GitHub OIDC or the standard chain', () => {
  const OIDC_URL = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?x=1' };
  it.each([
    ['client-id input', 'input', {}, 'github-oidc'],
    [
      'client-id input, even with a client secret in env',
      'input',
      { AZURE_CLIENT_SECRET: 's', ...OIDC_URL },
      'github-oidc',
    ],
    ['no client id anywhere', undefined, OIDC_URL, 'standard-chain'],
    ['AZURE_CLIENT_ID in a job with id-token: write', 'environment', OIDC_URL, 'github-oidc'],
    [
      'AZURE_CLIENT_ID + AZURE_CLIENT_SECRET (EnvironmentCredential)',
      'environment',
      { AZURE_CLIENT_SECRET: 's', ...OIDC_URL },
      'standard-chain',
    ],
    [
      'AZURE_CLIENT_ID + AZURE_CLIENT_CERTIFICATE_PATH',
      'environment',
      { AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem', ...OIDC_URL },
      'standard-chain',
    ],
    [
      'AZURE_CLIENT_ID + AZURE_FEDERATED_TOKEN_FILE (workload identity)',
      'environment',
      { AZURE_FEDERATED_TOKEN_FILE: '/t', ...OIDC_URL },
      'standard-chain',
    ],
    [
      'AZURE_CLIENT_ID + AZURE_USERNAME',
      'environment',
      { AZURE_USERNAME: 'u', ...OIDC_URL },
      'standard-chain',
    ],
    ['AZURE_CLIENT_ID without id-token: write (a managed identity)', 'environment', {}, 'standard-chain'],
    [
      'AZURE_CLIENT_ID + an empty AZURE_CLIENT_SECRET (env: naming a secret that is not set)',
      'environment',
      { AZURE_CLIENT_SECRET: '', AZURE_FEDERATED_TOKEN_FILE: '', ...OIDC_URL },
      'github-oidc',
    ],
    [
      'AZURE_CLIENT_ID with an empty ACTIONS_ID_TOKEN_REQUEST_URL',
      'environment',
      { ACTIONS_ID_TOKEN_REQUEST_URL: '' },
      'standard-chain',
    ],
    ['client-id input without id-token: write (OIDC, which then says why)', 'input', {}, 'github-oidc'],
  ] as const)('%s -> %s', (_name, from, env, want) => {
    expect(chooseCredential(from, env)).toBe(want);
  });
  // A workflow's job env: (docs/contract.md, "Environment fallbacks"), the step passing no connection input.
  it.each([
    [
      "the job's client id, id-token: write (the reusable workflows)",
      { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT, ...OIDC_URL },
      { credential: 'github-oidc', clientId: CLIENT, tenantId: TENANT },
    ],
    [
      "an empty client id (the caller's variable is not set)",
      { AZURE_CLIENT_ID: '', AZURE_TENANT_ID: TENANT, ...OIDC_URL },
      { credential: 'standard-chain', clientId: undefined, tenantId: TENANT },
    ],
    [
      'a blank client id',
      { AZURE_CLIENT_ID: '  ', ...OIDC_URL },
      { credential: 'standard-chain', clientId: undefined, tenantId: undefined },
    ],
    [
      "the job's client id without id-token: write",
      { AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT },
      { credential: 'standard-chain', clientId: CLIENT, tenantId: TENANT },
    ],
  ])('from env: %s', (_name, vars, want) => {
    const env = { AZURE_SUBSCRIPTION_ID: SUB, ...vars };
    expect(readAzureSettings(withEnvironmentFallbacks(source({}), env), { env })).toMatchObject(want);
  });
  it('readAzureSettings applies the rule with the client id origin', () => {
    const env = {
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: 's',
      AZURE_SUBSCRIPTION_ID: SUB,
      ...OIDC_URL,
    };
    const fromEnv = readAzureSettings(withEnvironmentFallbacks(source({}), env), { env });
    expect(fromEnv).toMatchObject({ credential: 'standard-chain', clientId: CLIENT, tenantId: undefined });
    expect(createCredential(fromEnv)).toBeInstanceOf(StandardChainCredential);
    const fromInput = readAzureSettings(
      withEnvironmentFallbacks(source({ 'client-id': CLIENT, 'tenant-id': TENANT }), env),
      { env },
    );
    expect(fromInput.credential).toBe('github-oidc');
  });
});

describe("an input error about a value from the environment says so on the step's ::error:: line", () => {
  it.each([
    [
      'from the environment',
      { AZURE_SUBSCRIPTION_ID: 'prod' },
      / \(the input is empty: the value is the environment variable AZURE_SUBSCRIPTION_ID\)$/,
    ],
    ['from the input', { 'INPUT_SUBSCRIPTION-ID': 'prod', AZURE_SUBSCRIPTION_ID: 'other' }, /GUID[^)]*$/],
  ])('%s', (_name, vars, want) => {
    const saved = { ...process.env };
    Object.assign(process.env, vars);
    try {
      const error = errorOf(InputError, () => readAzureSettings(actionInputs));
      expect(describeError(error)).toMatch(/^Input 'subscription-id' has the invalid value 'prod'/);
      expect(describeError(error)).toMatch(want);
    } finally {
      for (const k of Object.keys(vars)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
