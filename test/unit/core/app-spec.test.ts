import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  type AppSpec,
  SpecError,
  formatPath,
  mergeEnv,
  parseSpec,
  readSpecInput,
  DEFAULT_PREVIEW_SPEC,
  DEFAULT_SPEC,
  specEnvironment,
  validateSpec,
  withAppName,
  withEnv,
  withEnvironmentId,
  withImage,
  withRevisionSuffix,
  withTraffic,
} from '../../../src/core/app-spec.js';
import { CONSUMPTION_PAIRS } from '../../../src/core/app-spec.schema.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../../src/core/inputs.js';
import { errorOf } from '../../support/errors.js';

const PROD = DEFAULT_SPEC;
const PREVIEW = DEFAULT_PREVIEW_SPEC;
/** The repository as the workspace, its files as they are. */
const files = (over: Record<string, string> = {}) => ({
  env: { GITHUB_WORKSPACE: resolve('.') },
  readFile: (p: string) => over[p.slice(resolve('.').length + 1)] ?? readFileSync(p, 'utf8'),
  fileExists: (p: string) => p.slice(resolve('.').length + 1) in over || existsSync(p),
});
const prodText = readFileSync(PROD, 'utf8');
const prod = parseSpec(prodText, PROD);

/** The production spec with one change, validated. */
function issuesAfter(change: (s: AppSpec) => void): string {
  const s = structuredClone(prod);
  change(s);
  return errorOf(SpecError, () => validateSpec(s, 'x.yaml')).message;
}

const container = (s: AppSpec) => s.template!.containers![0];
const envOf = (s: AppSpec) =>
  Object.fromEntries(container(s).env!.map((e) => [e.name, e.value ?? `ref:${e.secretRef}`]));

describe('deploy/containerapp.yaml (production)', () => {
  it('carries the seed values', async () => {
    const s = readSpecInput('spec', PROD, files());
    expect(s).toMatchObject({
      name: 'alc-algo-agents',
      resourceGroup: 'alc-algo-production',
      location: 'eastus',
      identity: { type: 'SystemAssigned' },
      environmentId: 'alc-algo-env',
      configuration: {
        activeRevisionsMode: 'Multiple',
        ingress: { external: true, targetPort: 8080 },
        registries: [{ server: 'alcalgoregistry.azurecr.io', identity: 'system' }],
      },
      template: { scale: { minReplicas: 1, maxReplicas: 10 } },
    });
    expect(container(s).resources).toEqual({ cpu: 2, memory: '4Gi' });
    expect(s.template!.scale!.rules![0].custom).toEqual({
      type: 'cpu',
      metadata: { type: 'Utilization', value: '70' },
    });
  });
  it('references the Key Vault secrets through the identity, never values', () => {
    expect(prod.configuration!.secrets).toEqual(
      [
        'OPENAI-API-KEY',
        'ANTHROPIC-API-KEY',
        'ALPHA-VANTAGE-KEY',
        'APPLICATIONINSIGHTS-CONNECTION-STRING',
      ].map((name) => ({
        name: name.toLowerCase(),
        keyVaultUrl: `https://alc-algo-secrets.vault.azure.net/secrets/${name}`,
        identity: 'system',
      })),
    );
  });
  it('sets the production env and surfaces the secrets as secretRef', () =>
    expect(envOf(prod)).toEqual({
      ALC_ENVIRONMENT: 'production',
      AZURE_KEY_VAULT_URL: 'https://alc-algo-secrets.vault.azure.net/',
      IBKR_PORT: '7496',
      LOG_LEVEL: 'INFO',
      OPENAI_API_KEY: 'ref:openai-api-key',
      ANTHROPIC_API_KEY: 'ref:anthropic-api-key',
      ALPHA_VANTAGE_KEY: 'ref:alpha-vantage-key',
      APPLICATIONINSIGHTS_CONNECTION_STRING: 'ref:applicationinsights-connection-string',
      IBKR_CLIENT_ID: '1',
    }));
  it('probes /ready and /health on the app port', () =>
    expect(container(prod).probes!.map((p) => [p.type, p.httpGet?.path, p.httpGet?.port])).toEqual([
      ['Readiness', '/ready', 8080],
      ['Liveness', '/health', 8080],
    ]));
});

describe('deploy/containerapp.preview.yaml', () => {
  it('is a separate, small, paper-trading app without secrets', async () => {
    const s = readSpecInput('preview-spec', PREVIEW, files());
    expect(s.name).toBe('alc-algo-agents-preview');
    expect(s.name).not.toBe(prod.name);
    expect(envOf(s)).toEqual({ ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497', LOG_LEVEL: 'DEBUG' });
    expect(s.configuration!.secrets).toBeUndefined();
    expect(container(s).resources).toEqual({ cpu: 0.5, memory: '1Gi' });
    expect(s.template!.scale).toMatchObject({ maxReplicas: 1 });
  });
});

describe('validateSpec', () => {
  it.each<[string, (s: AppSpec) => void, RegExp]>([
    [
      'app name',
      (s) => (s.name = 'ALC_algo'),
      /^x\.yaml: name: 'ALC_algo' is not a container app name; allowed: lower-case/,
    ],
    [
      'single mode',
      (s) => (s.configuration!.activeRevisionsMode = 'Single'),
      /activeRevisionsMode: must be Multiple/,
    ],
    ['no ingress', (s) => delete s.configuration!.ingress, /configuration\.ingress: required/],
    [
      'port 0',
      (s) => (s.configuration!.ingress!.targetPort = 0),
      /ingress\.targetPort: allowed: a port from 1 to 65535/,
    ],
    ['port 70000', (s) => (s.configuration!.ingress!.targetPort = 70000), /targetPort: allowed/],
    ['transport', (s) => (s.configuration!.ingress!.transport = 'udp'), /transport: allowed: auto, http/],
    [
      'traffic',
      (s) => (s.configuration!.ingress!.traffic = [{ latestRevision: true, weight: 90 }]),
      /traffic: .*sum to 90/,
    ],
    [
      'no identity',
      (s) => delete s.identity,
      /secrets\[0\]\.identity: a Key Vault reference needs identity 'system' needs identity\.type SystemAssigned/,
    ],
    [
      'user identity not listed',
      (s) =>
        (s.configuration!.secrets![1].identity =
          '/subscriptions/s/resourceGroups/g/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u'),
      /secrets\[1\]\.identity: .*userAssignedIdentities/,
    ],
    [
      'secret value',
      (s) => (s.configuration!.secrets![0].value = 'sk-123'),
      /secrets\[0\]\.value: a committed spec never holds secret values/,
    ],
    [
      'vault url',
      (s) => (s.configuration!.secrets![2].keyVaultUrl = 'http://vault/OPENAI'),
      /secrets\[2\]\.keyVaultUrl: required/,
    ],
    [
      'secret name',
      (s) => (s.configuration!.secrets![0].name = 'OPENAI_KEY'),
      /secrets\[0\]\.name: allowed: lower-case/,
    ],
    [
      'duplicate secret',
      (s) => (s.configuration!.secrets![1].name = 'openai-api-key'),
      /secrets\[1\]\.name: secret 'openai-api-key' is declared twice/,
    ],
    [
      'undeclared secretRef',
      (s) => (container(s).env![4].secretRef = 'openai-key'),
      /containers\[0\]\.env\[4\]\.secretRef: 'openai-key' names no secret/,
    ],
    [
      'value and secretRef',
      (s) => (container(s).env![0].secretRef = 'openai-api-key'),
      /env\[0\]: set exactly one of value and secretRef/,
    ],
    [
      'duplicate env',
      (s) => (container(s).env![1].name = 'ALC_ENVIRONMENT'),
      /env\[1\]\.name: ALC_ENVIRONMENT is set twice/,
    ],
    [
      'registry password',
      (s) => (s.configuration!.registries = [{ server: 'r.io', username: 'u', passwordSecretRef: 'pw' }]),
      /registries\[0\]\.passwordSecretRef: names no declared secret/,
    ],
    [
      'registry identity',
      (s) => (s.identity = { type: 'None' }),
      /registries\[0\]\.identity: pulling through a managed identity needs/,
    ],
    [
      'cpu/memory pair',
      (s) => (container(s).resources = { cpu: 2, memory: '3Gi' }),
      /resources: cpu 2 with memory 3Gi .* allowed: 0\.25\/0\.5Gi, .*2\/4Gi/,
    ],
    [
      'memory unit',
      (s) => (container(s).resources = { cpu: 1, memory: '2G' }),
      /resources\.memory: required: memory in Gi/,
    ],
    ['no image', (s) => (container(s).image = ''), /containers\[0\]\.image: required/],
    [
      'no containers',
      (s) => (s.template!.containers = []),
      /template\.containers: required: at least one container/,
    ],
    [
      'probe type',
      (s) => (container(s).probes![1].type = 'Readiness'),
      /probes\[1\]\.type: a second Readiness probe/,
    ],
    ['probe port', (s) => (container(s).probes![0].httpGet!.port = 0), /probes\[0\]\.httpGet\.port: allowed/],
    [
      'scale min > max',
      (s) => (s.template!.scale = { minReplicas: 5, maxReplicas: 2 }),
      /scale\.minReplicas: minReplicas 5 exceeds maxReplicas 2/,
    ],
    [
      'scale max 0',
      (s) => (s.template!.scale = { minReplicas: 0, maxReplicas: 0 }),
      /scale\.maxReplicas: allowed: a whole number from 1/,
    ],
    [
      'environment',
      (s) => (s.environmentId = '/subscriptions/x/managedEnvironments'),
      /properties\.environmentId: required: a managed environment name or its full resource ID/,
    ],
    ['location', (s) => (s.location = ''), /location: required/],
    [
      'secrets not a list',
      (s) => ((s.configuration as Record<string, unknown>).secrets = 'openai'),
      /configuration\.secrets: must be a list/,
    ],
  ])('refuses %s', (_what, change, why) => expect(issuesAfter(change)).toMatch(why));

  it('lists every problem at once, each with the file and YAML path', () => {
    const e = errorOf(SpecError, () =>
      validateSpec({ ...structuredClone(prod), name: 'x', location: '' }, 'deploy/containerapp.yaml'),
    );
    expect(e.issues.map((i) => i.path.join('.'))).toEqual(['name', 'location']);
    expect(e.message.split('\n')).toHaveLength(2);
    expect(e.message).toMatch(
      /^deploy\/containerapp\.yaml: name: .*\ndeploy\/containerapp\.yaml: location: /,
    );
  });
  it('a field of the wrong kind hides no other problem, and they come in the order of the file', () => {
    const s = structuredClone(prod);
    s.template!.scale = { minReplicas: 1.5, maxReplicas: 1 };
    container(s).env![4].secretRef = 'openai-key';
    s.location = '';
    const e = errorOf(SpecError, () => validateSpec(s, 'x.yaml'));
    expect(e.issues.map((i) => formatPath(i.path))).toEqual([
      'location',
      'properties.template.containers[0].env[4].secretRef',
      'properties.template.scale.minReplicas',
      'properties.template.scale.minReplicas',
    ]);
    expect(e.issues.at(-1)?.message).toBe('minReplicas 1.5 exceeds maxReplicas 1');
  });
  it.each(CONSUMPTION_PAIRS.map((p) => [p.cpu, `${p.memoryGi}Gi`]))(
    'accepts the Consumption pair %p / %p',
    (cpu, memory) => {
      const s = structuredClone(prod);
      container(s).resources = { cpu: cpu as number, memory: memory as string };
      expect(validateSpec(s, 'x.yaml')).toBe(s);
    },
  );
  it('sums the resources of all containers', () => {
    const s = structuredClone(prod);
    container(s).resources = { cpu: 1.5, memory: '3.0Gi' };
    s.template!.containers!.push({
      name: 'sidecar',
      image: 'busybox',
      resources: { cpu: 0.5, memory: '1Gi' },
    });
    expect(validateSpec(s, 'x.yaml')).toBe(s);
    s.template!.containers![1].resources = { cpu: 0.75, memory: '1.5Gi' };
    expect(() => validateSpec(s, 'x.yaml')).toThrow(/cpu 2.25 with memory 4.5Gi/);
  });
  it('accepts a full environment resource ID and managedEnvironmentId', () => {
    const s = structuredClone(prod);
    delete s.environmentId;
    s.managedEnvironmentId =
      '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env-1';
    expect(validateSpec(s, 'x.yaml')).toBe(s);
  });
});

describe('parseSpec', () => {
  it('reports YAML syntax errors with the file and line', () => {
    const e = errorOf(SpecError, () => parseSpec('name: a\nlocation: [eastus\n', 'bad.yaml'));
    expect(e.message).toMatch(/^bad\.yaml:\d+: \(document\): /);
  });
  it('refuses a document that is not a mapping', () =>
    expect(() => parseSpec('- a\n- b\n', 'list.yaml')).toThrow(
      /list\.yaml: \(document\): the spec must be a YAML mapping/,
    ));
  it('names unknown fields with their line (typos)', () => {
    const text = prodText.replace('  configuration:', '  configuraton:');
    const e = errorOf(SpecError, () => parseSpec(text, PROD));
    const line = text.split('\n').findIndex((l) => l.startsWith('  configuraton:')) + 1;
    expect(e.issues[0]).toEqual({
      path: ['properties', 'configuraton'],
      message: expect.stringMatching(/unknown field/),
      line,
    });
  });
  it('gives the line of the offending field', () => {
    const text = prodText.replace('targetPort: 8080', 'targetPort: 0');
    const line = text.split('\n').findIndex((l) => l.includes('targetPort: 0')) + 1;
    expect(() => parseSpec(text, PROD)).toThrow(
      `${PROD}:${line}: properties.configuration.ingress.targetPort: allowed`,
    );
  });
  it('reads unquoted numbers in env values and scale metadata as strings', () => {
    const text = prodText.replace("value: '7496'", 'value: 7496').replace("value: '70'", 'value: 70');
    const s = parseSpec(text, PROD);
    expect(envOf(s).IBKR_PORT).toBe('7496');
    expect(s.template!.scale!.rules![0].custom!.metadata!.value).toBe('70');
  });
  it('flattens properties into the SDK model', () => {
    expect(prod).not.toHaveProperty('properties');
    expect(prod.template?.containers?.[0].name).toBe('alc-algo-agents');
  });
  it('names the input for a missing file, or answers undefined when that is allowed', () => {
    expect(errorOf(InputError, () => readSpecInput('spec', 'deploy/nope.yaml', files())).message).toBe(
      "Input 'spec' has the invalid value 'deploy/nope.yaml': allowed: the path of an existing app spec (ACA YAML)",
    );
    expect(readSpecInput('spec', 'deploy/nope.yaml', files(), 'undefined')).toBeUndefined();
  });
  it('names the input and every problem for a spec that does not validate', () => {
    const bad = files({ 'bad.yaml': prodText.replace('name: alc-algo-agents', 'name: Bad_Name') });
    expect(errorOf(InputError, () => readSpecInput('spec', 'bad.yaml', bad)).message).toMatch(
      /^Input 'spec' has the invalid value 'bad\.yaml': allowed: a valid app spec; bad\.yaml/,
    );
  });
});

describe('deploy helpers', () => {
  it('withImage sets the app container image and leaves the input untouched', () => {
    const image = 'alcalgoregistry.azurecr.io/alc-algo-agents@sha256:' + 'a'.repeat(64);
    const s = withImage(prod, image);
    expect(container(s).image).toBe(image);
    expect(container(prod).image).toBe('alcalgoregistry.azurecr.io/alc-algo-agents:latest');
    expect(() => withImage(prod, image, 'sidecar')).toThrow(/no container named 'sidecar'/);
  });
  it('withEnv merges by name and keeps order', () => {
    const s = withEnv(prod, [
      { name: 'LOG_LEVEL', value: 'DEBUG' },
      { name: 'NEW_FLAG', value: '1' },
    ]);
    const names = container(s).env!.map((e) => e.name);
    expect(names).toEqual([...container(prod).env!.map((e) => e.name), 'NEW_FLAG']);
    expect(envOf(s)).toMatchObject({ LOG_LEVEL: 'DEBUG', NEW_FLAG: '1', ALC_ENVIRONMENT: 'production' });
    expect(envOf(prod).LOG_LEVEL).toBe('INFO');
  });
  it('mergeEnv replaces a secretRef by a value', () =>
    expect(
      mergeEnv(
        [
          { name: 'A', secretRef: 's' },
          { name: 'B', value: '1' },
        ],
        [{ name: 'A', value: 'x' }],
      ),
    ).toEqual([
      { name: 'A', value: 'x' },
      { name: 'B', value: '1' },
    ]));
  it('names the app and its environment', () => {
    expect(specEnvironment(prod)).toEqual({ name: 'alc-algo-env' });
    const id =
      '/subscriptions/0000/resourceGroups/alc-algo-production/providers/Microsoft.App/managedEnvironments/alc-algo-env';
    const s = withEnvironmentId(prod, id);
    expect(specEnvironment(s)).toEqual({ name: 'alc-algo-env', id });
    expect(prod.environmentId).toBe('alc-algo-env');
  });
  it('sets the revision suffix, the traffic and the name on copies', () => {
    const traffic = [{ revisionName: 'alc-algo-agents--v1-2-3', label: 'blue', weight: 100 }];
    const s = withAppName(withTraffic(withRevisionSuffix(prod, 'v1-2-3'), traffic), 'alc-algo-agents-2');
    expect(s.template?.revisionSuffix).toBe('v1-2-3');
    expect(s.configuration?.ingress?.traffic).toEqual(traffic);
    expect(s.configuration?.ingress?.targetPort).toBe(8080);
    expect(s.name).toBe('alc-algo-agents-2');
    expect(prod.template?.revisionSuffix).toBeUndefined();
    expect(prod.configuration?.ingress?.traffic).toEqual([{ latestRevision: true, weight: 100 }]);
    expect(validateSpec(s, 'x.yaml')).toBe(s);
  });
});
