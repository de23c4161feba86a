// Preview guards against the production secrets: a preview runs untested code, so it may reference neither the
// production Key Vault nor the production app's identity, from its spec or from the env-vars input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse, stringify } from 'yaml';
import type { ContainerApp } from '@azure/arm-appcontainers';
import { runDeploy } from '../../../src/deploy/run.js';
import { GuardError, guardPreview, productionSecrets } from '../../../src/deploy/guards.js';
import { InputError } from '../../../src/core/inputs.js';
import {
  PREVIEW,
  prod,
  preview,
  previewGuardOptions as options,
  readPreviewSettings,
} from '../../support/deploy-inputs.js';
import { checkPlace } from '../../../src/deploy/verify.js';
import { ACA_WRITES, newAcaFixture } from '../../support/aca-fixture.js';

const VAULT = 'https://alc-algo-secrets.vault.azure.net';

/** The preview spec with a secret (and the env var that reads it), as a deploy would load it. */
function withSecret(keyVaultUrl: string) {
  const s = structuredClone(preview);
  s.configuration!.secrets = [{ name: 'openai-api-key', keyVaultUrl, identity: 'system' }];
  s.template!.containers![0].env!.push({ name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' });
  return s;
}

describe('productionSecrets', () => {
  it("collects the production spec's vault from its secrets and AZURE_KEY_VAULT_URL", () =>
    expect(productionSecrets(prod)).toEqual({
      vaults: ['alc-algo-secrets.vault.azure.net'],
      identities: [],
    }));
});

describe('guardPreview refuses the production secrets', () => {
  it.each([
    [`${VAULT}/secrets/OPENAI-API-KEY`, 'properties.configuration.secrets[0].keyVaultUrl'],
    [`https://ALC-ALGO-SECRETS.vault.azure.net/secrets/OPENAI-API-KEY/abc123`, 'secrets[0].keyVaultUrl'],
  ])('a secret %s', (url, path) => {
    const fn = () => guardPreview(withSecret(url), options);
    expect(fn).toThrow(GuardError);
    expect(fn).toThrow(path);
    expect(fn).toThrow(/never gets the production secrets/);
  });
  it('an env var naming the production vault', () => {
    const s = structuredClone(preview);
    s.template!.containers![0].env!.push({ name: 'AZURE_KEY_VAULT_URL', value: `${VAULT}/` });
    expect(() => guardPreview(s, options)).toThrow(
      'properties.template.containers[0].env[3]: AZURE_KEY_VAULT_URL=',
    );
  });
  it('the env-vars input naming the production vault', () => {
    const fn = () =>
      guardPreview(preview, { ...options, envVars: [{ name: 'AZURE_KEY_VAULT_URL', value: `${VAULT}/` }] });
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(/^Input 'env-vars'/);
  });
  it("the production app's user-assigned identity", () => {
    const id =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/prod';
    const p = structuredClone(prod);
    p.identity = { type: 'UserAssigned', userAssignedIdentities: { [id]: {} } };
    const s = structuredClone(preview);
    s.identity = { type: 'UserAssigned', userAssignedIdentities: { [id.toUpperCase()]: {} } };
    expect(() => guardPreview(s, { ...options, production: productionSecrets(p) })).toThrow(
      /identity\.userAssignedIdentities: .* is the production app's identity/,
    );
  });
  it('accepts a preview vault of its own', () =>
    expect(() =>
      guardPreview(withSecret('https://alc-algo-preview.vault.azure.net/secrets/OPENAI-API-KEY'), options),
    ).not.toThrow());
});

describe('readDeploySettings in mode preview', () => {
  const read = (previewText: string) =>
    readPreviewSettings(
      { 'preview-spec': 'preview-with-secrets.yaml' },
      { 'preview-with-secrets.yaml': previewText },
    );
  const text = (keyVaultUrl: string) => {
    const doc = parse(readFileSync(PREVIEW, 'utf8')) as {
      properties: { configuration: { secrets?: unknown[] } };
    };
    doc.properties.configuration.secrets = [{ name: 'openai-api-key', keyVaultUrl, identity: 'system' }];
    return stringify(doc);
  };

  it('refuses a preview spec that references the production Key Vault, before any write', () =>
    expect(() => read(text(`${VAULT}/secrets/OPENAI-API-KEY`))).toThrow(GuardError));
  it('accepts the shipped preview spec', () =>
    expect(read(readFileSync(PREVIEW, 'utf8')).app).toBe(preview.name));
});

describe('runDeploy in mode preview into an app that exists', () => {
  const settings = readPreviewSettings();
  /** The live app as ARM returns it: the preview spec, changed by `change`; every write is recorded. */
  function fake(change: (app: ContainerApp) => void) {
    const live = structuredClone(preview) as ContainerApp;
    live.configuration!.ingress!.traffic = [
      { revisionName: 'alc-algo-agents-preview--pr-1-aaaaaaa', weight: 100 },
    ];
    live.environmentId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env';
    change(live);
    const fx = newAcaFixture({ name: preview.name, app: live });
    for (const op of ACA_WRITES) fx.fail(op, new Error(`${op} must not be called`));
    const { aca, writes } = fx;
    return { aca, writes };
  }
  const prove = async () => 'answered 200';

  it.each<[string, (app: ContainerApp) => void, RegExp]>([
    [
      'a production Key Vault secret',
      (a) => {
        a.configuration!.secrets = [
          { name: 'openai-api-key', keyVaultUrl: `${VAULT}/secrets/OPENAI-API-KEY`, identity: 'system' },
        ];
      },
      /app alc-algo-agents-preview \(live\): properties\.configuration\.secrets\[0\]\.keyVaultUrl/,
    ],
    [
      'the live port in a sidecar',
      (a) => {
        a.template!.containers!.push({
          name: 'gw',
          image: 'gw',
          env: [{ name: 'IBKR_PORT', value: '7496' }],
        });
      },
      /template\.containers\[1\]\.env\[0\]: IBKR_PORT=7496/,
    ],
  ])('refuses a live app holding %s, before any write', async (_what, change, message) => {
    const { aca, writes } = fake(change);
    const run = runDeploy(settings, { aca, prove, verifyImage: checkPlace });
    await expect(run).rejects.toThrow(GuardError);
    await expect(run).rejects.toThrow(message);
    expect(writes).toEqual([]);
  });
});
