// The preview trading guards close every gap: port 7496 parsed as a number wherever it appears (env values, args,
// command, probes, every container and init container), the paper-trading values forced on every container, the
// production vault recognised under any spelling of its URL, and the production app recognised whatever spec is
// given. Table-driven.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { EnvironmentVar, Template } from '@azure/arm-appcontainers';
import { revisionTemplate } from '../../../src/deploy/plan.js';
import {
  GuardError,
  canonicalHost,
  guardPreview,
  namesLivePort,
  productionSecrets,
  refuseProductionSecrets,
} from '../../../src/deploy/guards.js';
import { type AppSpec } from '../../../src/core/app-spec.js';
import {
  PREVIEW,
  prod,
  preview,
  previewGuardOptions as options,
  readPreviewSettings,
} from '../../support/deploy-inputs.js';

const asMap = (list: readonly EnvironmentVar[] = []) =>
  Object.fromEntries(list.map((e) => [e.name, e.value]));

describe('namesLivePort: 7496 in any spelling parsed as a number', () => {
  it.each([
    '7496',
    ' 7496 ',
    '07496',
    '+7496',
    '-7496',
    '7_496',
    '7496.0',
    '7496.',
    '０７４９６',
    '７４９６',
    '٧٤٩٦',
    '0x1d48',
    'gw:7496',
    'gw:07496',
    'gw:+7496',
    'ib-gw.internal:7_496',
    'http://gw:7496/api',
    'tcp://[::1]:7496',
    '--port=07496',
    'host=gw port=7496',
  ])('%p is the live port', (text) => expect(namesLivePort(text)).toBe(true));
  it.each(['7497', '17496', '74960', '7496a', 'gw:74961', '7496.5', '1.7496', 'v7496', '', 'IBKR_PORT'])(
    '%p is not',
    (text) => expect(namesLivePort(text)).toBe(false),
  );
  it('takes numbers as YAML gives them', () => expect(namesLivePort(7496)).toBe(true));
});

/** The preview spec with an extra container, init container or field, as a deploy would load it. */
function previewWith(change: (t: Template) => void): AppSpec {
  const s = structuredClone(preview);
  change(s.template!);
  return s;
}
const sidecar = (extra: Record<string, unknown>) => ({
  name: 'gw',
  image: 'gw',
  resources: { cpu: 0.25, memory: '0.5Gi' },
  ...extra,
});

describe('guardPreview refuses the live port anywhere in the template', () => {
  it.each<[string, (t: Template) => void, string]>([
    [
      'an init container env value',
      (t) => (t.initContainers = [sidecar({ env: [{ name: 'IBKR_PORT', value: '07496' }] })]),
      'properties.template.initContainers[0].env[0]: IBKR_PORT=07496',
    ],
    [
      'a sidecar env value in host:port form',
      (t) => t.containers!.push(sidecar({ env: [{ name: 'GW', value: 'gw:+7496' }] })),
      'properties.template.containers[1].env[0]: GW=gw:+7496',
    ],
    [
      'the app container args',
      (t) => (t.containers![0].args = ['--broker', 'gw:7_496']),
      'properties.template.containers[0].args[1]: gw:7_496',
    ],
    [
      'a sidecar command',
      (t) => t.containers!.push(sidecar({ command: ['socat', 'TCP-LISTEN:4002', 'TCP:gw:７４９６'] })),
      'properties.template.containers[1].command[2]',
    ],
    [
      'an init container args',
      (t) => (t.initContainers = [sidecar({ args: ['--port', '7496.0'] })]),
      'properties.template.initContainers[0].args[1]: 7496.0',
    ],
    [
      'a probe port',
      (t) => (t.containers![0].probes = [{ type: 'Liveness', tcpSocket: { port: 7496 } }]),
      'properties.template.containers[0].probes[0]: port 7496',
    ],
  ])('%s', (_what, change, where) => {
    const fn = () => guardPreview(previewWith(change), options);
    expect(fn).toThrow(GuardError);
    expect(fn).toThrow(where);
    expect(fn).toThrow(/refuse the live trading port 7496/);
  });
  it('accepts the paper port and unrelated numbers everywhere', () =>
    expect(() =>
      guardPreview(
        previewWith((t) => {
          t.containers![0].args = ['--port', '7497', '--orders', '17496'];
          t.initContainers = [sidecar({ command: ['migrate', '--timeout=74960'] })];
        }),
        options,
      ),
    ).not.toThrow());
});

describe('paper trading forced on every container and init container', () => {
  const withProductionSidecars = (t: Template) => {
    t.containers!.push(sidecar({ env: [{ name: 'ALC_ENVIRONMENT', value: 'production' }] }));
    t.initContainers = [sidecar({ name: 'init', env: [{ name: 'IBKR_PORT', value: '4001' }] })];
  };
  it('from the preview spec (a create)', () => {
    const r = guardPreview(previewWith(withProductionSidecars), options);
    const t = r.spec.template!;
    for (const c of [...t.containers!, ...t.initContainers!])
      expect(asMap(c.env)).toMatchObject({ ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497' });
    expect(r.forced).toEqual([
      'gw: ALC_ENVIRONMENT: production -> preview',
      'gw: IBKR_PORT: (unset) -> 7497',
      'init: ALC_ENVIRONMENT: (unset) -> preview',
      'init: IBKR_PORT: 4001 -> 7497',
    ]);
  });
  it('from the live template (a new revision of an existing app)', () => {
    const live = previewWith(withProductionSidecars).template!;
    const { template } = revisionTemplate(live, {
      image: 'img',
      suffix: 'pr-1-abc1234',
      envVars: [{ name: 'FEATURE', value: 'x' }],
      mode: 'preview',
      liveSource: 'app p (live)',
    });
    for (const c of [...template.containers!, ...template.initContainers!])
      expect(asMap(c.env)).toMatchObject({ ALC_ENVIRONMENT: 'preview', IBKR_PORT: '7497' });
    expect(asMap(template.containers![0].env).FEATURE).toBe('x');
    expect(asMap(template.containers![1].env).FEATURE).toBeUndefined();
    expect(template.containers![0].image).toBe('img');
  });
  it('refuses the live port in a live init container', () =>
    expect(() =>
      revisionTemplate(previewWith((t) => (t.initContainers = [sidecar({ args: ['gw:07496'] })])).template!, {
        image: 'img',
        suffix: 's',
        envVars: [],
        mode: 'preview',
        liveSource: 'app p (live)',
      }),
    ).toThrow('app p (live): template.initContainers[0].args[0]: gw:07496'));
});

describe('production vault URLs normalized before comparison', () => {
  it.each([
    ['alc-algo-secrets.vault.azure.net', 'alc-algo-secrets.vault.azure.net'],
    ['ALC-Algo-Secrets.Vault.Azure.Net.', 'alc-algo-secrets.vault.azure.net'],
    ['alc-algo-secrets.privatelink.vaultcore.azure.net', 'alc-algo-secrets.vault.azure.net'],
    ['x.privatelink.vaultcore.usgovcloudapi.net..', 'x.vault.usgovcloudapi.net'],
    ['example.com.', 'example.com'],
  ])('canonicalHost(%p) = %p', (host, want) => expect(canonicalHost(host)).toBe(want));

  const secretUrl = (url: string) =>
    previewWith(() => undefined) && {
      ...structuredClone(preview),
      configuration: {
        ...structuredClone(preview.configuration),
        secrets: [{ name: 'k', keyVaultUrl: url, identity: 'system' }],
      },
    };
  it.each([
    'https://alc-algo-secrets.vault.azure.net./secrets/OPENAI-API-KEY',
    'https://alc-algo-secrets.vault.azure.net:443/secrets/OPENAI-API-KEY',
    'https://ALC-ALGO-SECRETS.privatelink.vaultcore.azure.net/secrets/OPENAI-API-KEY',
    'https://alc-algo-secrets.privatelink.vaultcore.azure.net./secrets/OPENAI-API-KEY',
  ])('a secret at %p is a production secret', (url) =>
    expect(() => refuseProductionSecrets(secretUrl(url), productionSecrets(prod), PREVIEW)).toThrow(
      /secrets\[0\]\.keyVaultUrl: .* is a production secret/,
    ),
  );
  it.each([
    'https://alc-algo-secrets.vault.azure.net./',
    'https://alc-algo-secrets.privatelink.vaultcore.azure.net/',
    'alc-algo-secrets.vault.azure.net:443',
    'HTTPS://ALC-ALGO-SECRETS.VAULT.AZURE.NET.:443/',
  ])('an env value %p names the production vault (app container, sidecar, init container)', (value) => {
    const entry = [{ name: 'AZURE_KEY_VAULT_URL', value }];
    for (const change of [
      (t: Template) => t.containers![0].env!.push(...entry),
      (t: Template) => t.containers!.push(sidecar({ env: entry })),
      (t: Template) => (t.initContainers = [sidecar({ env: entry })]),
    ])
      expect(() => guardPreview(previewWith(change), options)).toThrow(/names the production Key Vault/);
  });
  it('a production spec whose vault is written as the private-link alias still protects it', () => {
    const p = structuredClone(prod);
    p.configuration!.secrets = p.configuration!.secrets!.map((x) => ({
      ...x,
      keyVaultUrl: x.keyVaultUrl!.replace('.vault.azure.net', '.privatelink.vaultcore.azure.net'),
    }));
    expect(() =>
      refuseProductionSecrets(
        secretUrl('https://alc-algo-secrets.vault.azure.net/secrets/OPENAI-API-KEY'),
        productionSecrets(p),
        PREVIEW,
      ),
    ).toThrow(GuardError);
  });
  it('another vault passes', () =>
    expect(() =>
      refuseProductionSecrets(
        secretUrl('https://alc-algo-preview.vault.azure.net./secrets/OPENAI-API-KEY'),
        productionSecrets(prod),
        PREVIEW,
      ),
    ).not.toThrow());
});

describe('the production app is recognised whatever spec is given', () => {
  const other = readFileSync(PREVIEW, 'utf8').replace(
    'name: alc-algo-agents-preview',
    'name: alc-algo-agents-staging',
  );
  const read = (values: Record<string, string>) => readPreviewSettings(values, { 'other.yaml': other });
  it.each([
    ['the preview spec', { spec: PREVIEW, 'preview-spec': PREVIEW, app: 'alc-algo-agents' }],
    ['another file', { spec: 'other.yaml', app: 'alc-algo-agents' }],
    [
      'another file, as preview-spec too',
      { spec: 'other.yaml', 'preview-spec': 'other.yaml', app: 'alc-algo-agents' },
    ],
  ])('spec = %s: a preview into alc-algo-agents is refused', (_what, values) =>
    expect(() => read(values)).toThrow(
      /refuses to write to 'alc-algo-agents': it is the production app of deploy\/containerapp\.yaml/,
    ),
  );
  it("spec = another file: the production spec's vault is still refused in the preview", () => {
    const withVault = other.replace(
      '          - name: LOG_LEVEL',
      '          - name: AZURE_KEY_VAULT_URL\n            value: https://alc-algo-secrets.vault.azure.net./\n          - name: LOG_LEVEL',
    );
    expect(withVault).not.toBe(other);
    expect(() =>
      readPreviewSettings(
        { spec: 'other.yaml', 'preview-spec': 'vault.yaml' },
        {
          'other.yaml': other,
          'vault.yaml': withVault.replace('alc-algo-agents-staging', 'alc-algo-agents-preview'),
        },
      ),
    ).toThrow(/names the production Key Vault/);
  });
  it('a preview into the preview app with spec = another file passes', () =>
    expect(read({ spec: 'other.yaml', app: 'alc-algo-agents-preview' }).app).toBe('alc-algo-agents-preview'));
});
