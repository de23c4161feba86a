// Action inputs and outputs are public API (docs/contract.md): every name of the contract must be declared.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const AZURE = [
  'client-id',
  'tenant-id',
  'subscription-id',
  'audience',
  'cloud',
  'arm-endpoint',
  'authority-host',
  'resource-group',
];

const CONTRACT: Record<string, { inputs: string[]; outputs: string[] }> = {
  'build-push': {
    inputs: [
      'registry',
      'repository',
      'context',
      'dockerfile',
      'build-args',
      'tags',
      'platforms',
      'push',
      'cache',
      'auth',
      'keep',
      'app',
      ...AZURE,
    ],
    outputs: ['image', 'digest', 'tags', 'version'],
  },
  'deploy-app': {
    inputs: [
      'image',
      'spec',
      'environment',
      'location',
      'revision-suffix',
      'label',
      'mode',
      'env-vars',
      'wait-timeout',
      'resolve',
      'app',
      'registry',
      'repository',
      'version',
      'trading-lease',
      'handover-timeout',
      'notify',
      'notify-format',
      'audit',
      ...AZURE,
    ],
    outputs: [
      'revision',
      'label',
      'label-url',
      'revision-url',
      'app-url',
      'production-revision',
      'created',
      'trading-revision',
      'trading-epoch',
      'handover',
    ],
  },
  'blue-green': {
    inputs: [
      'command',
      'label',
      'to',
      'steps',
      'step-wait',
      'checks',
      'freeze',
      'override-freeze',
      'keep-previous-active',
      'resolve',
      'app',
      'trading-lease',
      'handover-timeout',
      'notify',
      'notify-format',
      'audit',
      ...AZURE,
    ],
    outputs: [
      'production-revision',
      'previous-revision',
      'traffic',
      'trading-revision',
      'trading-epoch',
      'handover',
    ],
  },
  'smoke-test': {
    inputs: [
      'url',
      'checks',
      'resolve',
      'wait-ready',
      'duration',
      'rate',
      'concurrency',
      'max-error-rate',
      'max-p95-ms',
      'expect-version',
      'report',
    ],
    outputs: ['passed', 'report', 'p50-ms', 'p95-ms', 'p99-ms', 'error-rate'],
  },
};

interface ActionYml {
  name?: string;
  description?: string;
  branding?: { icon?: string; color?: string };
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

const load = (name: string) => parse(readFileSync(`actions/${name}/action.yml`, 'utf8')) as ActionYml;

describe.each(Object.keys(CONTRACT))('actions/%s/action.yml', (name) => {
  it('runs on node24 from the committed bundle, with name, description and branding', () => {
    const action = load(name);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    expect(action.branding?.icon && action.branding?.color).toBeTruthy();
  });
  it('declares every input and output of the contract, each with a description', () => {
    const action = load(name);
    expect(Object.keys(action.inputs ?? {})).toEqual(expect.arrayContaining(CONTRACT[name].inputs));
    expect(Object.keys(action.outputs ?? {})).toEqual(expect.arrayContaining(CONTRACT[name].outputs));
    for (const [key, spec] of [
      ...Object.entries(action.inputs ?? {}),
      ...Object.entries(action.outputs ?? {}),
    ]) {
      expect({ key, described: Boolean(spec.description?.trim()) }).toEqual({ key, described: true });
    }
  });
  it('gives the contract defaults', () => {
    const inputs = load(name).inputs ?? {};
    const defaults: Record<string, string> = {
      spec: 'deploy/containerapp.yaml',
      keep: '10',
      'max-p95-ms': '5000',
      to: 'previous',
    };
    for (const [key, value] of Object.entries(defaults)) {
      if (inputs[key]) expect({ key, default: String(inputs[key].default) }).toEqual({ key, default: value });
    }
    // An action.yml default would hide the environment fallback (the runner fills the input in): the code applies
    // these defaults after it, and the description says so.
    const afterFallback: Record<string, [string, string]> = {
      audience: ['ALC_DEPLOY_AUDIENCE', 'api://AzureADTokenExchange'],
      cloud: ['ALC_DEPLOY_CLOUD', 'AzureCloud'],
    };
    for (const [key, [variable, value]] of Object.entries(afterFallback)) {
      if (!inputs[key]) continue;
      expect({ key, default: inputs[key].default }).toEqual({ key, default: undefined });
      expect(inputs[key].description).toContain(`empty: ${variable}, else ${value}`);
    }
  });
});

// build-push needs subscription-id only to read revisions, so it alone may declare it optional.
it('every action that talks to Azure declares the common inputs identically', () => {
  const azure = Object.keys(CONTRACT)
    .map(load)
    .filter((a) => a.inputs?.['subscription-id'])
    .map((a) =>
      Object.fromEntries(
        AZURE.filter((k) => !['resource-group', 'subscription-id'].includes(k)).map((k) => [
          k,
          a.inputs?.[k],
        ]),
      ),
    );
  expect(azure.length).toBeGreaterThanOrEqual(3);
  for (const common of azure) expect(common).toEqual(azure[0]);
});
