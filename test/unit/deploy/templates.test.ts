// The template specs of deploy/templates/ (docs/app-contract.md): generic (nothing of ALC-Algo in them), refused
// as they are (placeholders), and accepted by deploy-app once filled in, in production and in preview with the
// trading rules turned off, with nothing forced on the preview.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDeploySettings } from '../../../src/deploy/settings.js';

const PROD = 'deploy/templates/containerapp.yaml';
const PREVIEW = 'deploy/templates/containerapp.preview.yaml';
const DIGEST = `sha256:${'b'.repeat(64)}`;
const ROOT = resolve('.');

/** The placeholders as a service would fill them in. */
const FILLED: Record<string, string> = {
  service: 'quotes-svc',
  'resource-group': 'quotes-rg',
  region: 'westeurope',
  'managed-environment': 'quotes-env',
  registry: 'quotesregistry',
  repository: 'quotes/svc',
  'preview-resource-group': 'quotes-preview-rg',
  'preview-managed-environment': 'quotes-preview-env',
  'preview-registry': 'quotespreview',
  'preview-repository': 'quotes/svc-preview',
};
const fill = (text: string) => text.replace(/<([a-z-]+)>/g, (_m, k: string) => FILLED[k] ?? `<${k}>`);

function read(values: Record<string, string>, filled = true) {
  const files: Record<string, string> = {
    'deploy/containerapp.yaml': fill(readFileSync(PROD, 'utf8')),
    'deploy/containerapp.preview.yaml': fill(readFileSync(PREVIEW, 'utf8')),
    'raw.yaml': readFileSync(PROD, 'utf8'),
  };
  const given: Record<string, string> = {
    'subscription-id': '00000000-0000-0000-0000-000000000001',
    'resource-group': 'quotes-rg',
    ...(filled ? {} : { spec: 'raw.yaml' }),
    ...values,
  };
  return readDeploySettings((n) => given[n] ?? '', {
    env: { GITHUB_WORKSPACE: ROOT },
    readFile: (p) => files[p.slice(ROOT.length + 1)] ?? readFileSync(p, 'utf8'),
    fileExists: (p) => p.slice(ROOT.length + 1) in files,
  });
}

describe('deploy/templates', () => {
  it.each([PROD, PREVIEW])('%s names nothing of ALC-Algo', (file) =>
    expect(readFileSync(file, 'utf8')).not.toMatch(/alc[-_]|alc-algo|alcalgo|ibkr|7496|7497|vault/i),
  );

  it('are refused as they are, naming the spec', () =>
    expect(() =>
      read({ image: `quotesregistry.azurecr.io/quotes/svc@${DIGEST}`, version: '1.0.0' }, false),
    ).toThrow(/raw\.yaml/));

  it('deploy a release once filled in', () => {
    const s = read({
      image: `quotesregistry.azurecr.io/quotes/svc@${DIGEST}`,
      version: '1.0.0',
      'revision-suffix': 'v1-0-0',
    });
    expect([s.app, s.environment, s.location, s.revision]).toEqual([
      'quotes-svc',
      'quotes-env',
      'westeurope',
      'quotes-svc--v1-0-0',
    ]);
    expect(s.expected).toMatchObject({ registry: 'quotesregistry.azurecr.io', repository: 'quotes/svc' });
    expect(s.tradingWarning).toBeUndefined();
  });

  it('deploy a preview with the trading rules off: nothing forced, the comment without a trading line', () => {
    const s = read({
      mode: 'preview',
      label: 'pr-3',
      image: `quotespreview.azurecr.io/quotes/svc-preview@${DIGEST}`,
      'revision-suffix': 'pr-3-abc1234',
      'preview-env': 'none',
      'live-port': 'none',
      'env-vars': 'QUOTES_CACHE_TTL_MS=7496',
    });
    expect(s.app).toBe('quotes-svc-preview');
    expect(s.forced).toEqual([]);
    expect(s.spec.template?.containers?.[0].env).toEqual([
      { name: 'LOG_LEVEL', value: 'DEBUG' },
      { name: 'QUOTES_CACHE_TTL_MS', value: '7496' },
    ]);
    expect(s.rules.previewNote).toBe('');
  });
});
