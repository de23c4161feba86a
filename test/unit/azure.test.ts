import { describe, expect, it } from '@jest/globals';
import { ClientAssertionCredential, DefaultAzureCredential } from '@azure/identity';
import {
  armScope,
  createContainerAppsClient,
  createCredential,
  credentialOptions,
  readAzureSettings,
} from '../../src/azure.js';

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
    expect(createCredential(custom, { getIdToken: async () => 'x' })).toBeInstanceOf(
      ClientAssertionCredential,
    );
  });
  it('uses the standard chain without client-id', () => {
    expect(createCredential({ ...custom, clientId: undefined })).toBeInstanceOf(DefaultAzureCredential);
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
