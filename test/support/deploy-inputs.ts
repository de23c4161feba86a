// The deploy-app inputs that unit tests start from, and the shipped specs they read: one place, so that a test
// names only what it changes.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDeploySettings } from '../../src/deploy/settings.js';
import { productionSecrets } from '../../src/deploy/guards.js';
import { parseSpec } from '../../src/core/app-spec.js';

export const PROD = 'deploy/containerapp.yaml';
export const PREVIEW = 'deploy/containerapp.preview.yaml';
export const prod = parseSpec(readFileSync(PROD, 'utf8'), PROD);
export const preview = parseSpec(readFileSync(PREVIEW, 'utf8'), PREVIEW);
export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';
/** An image of the preview spec's registry and repository, the only place a preview deploys from. */
export const PREVIEW_IMAGE = `alcalgopreview.azurecr.io/alc-algo-agents-preview@sha256:${'a'.repeat(64)}`;

/** guardPreview's options for the shipped preview spec against the shipped production spec. */
export const previewGuardOptions = {
  targetApp: 'alc-algo-agents-preview',
  specFile: PREVIEW,
  productionApp: prod.name,
  productionFile: PROD,
  production: productionSecrets(prod),
};

/** A preview deploy of pull request 7 into the production resource group, as preview.yml's inputs give it. */
export const PREVIEW_INPUTS: Readonly<Record<string, string>> = {
  mode: 'preview',
  'subscription-id': SUBSCRIPTION,
  'resource-group': 'alc-algo-production',
  image: PREVIEW_IMAGE,
  label: 'pr-7',
  'revision-suffix': 'pr-7-abc1234',
};

/** An input reader over a map: every input not in it is empty, as on a runner. */
export function inputsOf(values: Readonly<Record<string, string>>): (name: string) => string {
  return (name) => values[name] ?? '';
}

/**
 * readDeploySettings for a preview (PREVIEW_INPUTS changed by `values`) in this checkout, with extra workspace
 * files given by their text: those files exist, so does everything under deploy/.
 */
export function readPreviewSettings(
  values: Readonly<Record<string, string>> = {},
  files: Readonly<Record<string, string>> = {},
) {
  const root = resolve('.');
  const text = new Map(Object.entries(files).map(([name, body]) => [join(root, name), body]));
  return readDeploySettings(inputsOf({ ...PREVIEW_INPUTS, ...values }), {
    env: { GITHUB_WORKSPACE: root },
    readFile: (p) => text.get(p) ?? readFileSync(p, 'utf8'),
    fileExists: (p) => text.has(p) || p.startsWith(join(root, 'deploy/')),
  });
}
