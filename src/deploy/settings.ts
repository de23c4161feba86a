// deploy-app's inputs: every one read and checked (spec, guards, names) before anything is read or written in
// Azure.
import { parseStopTheLine } from '../core/stop-the-line.js';
import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { EnvironmentVar } from '@azure/arm-appcontainers';
import { readAzureSettings, type AzureSettings } from '../azure/connection.js';
import { guardPreview, mergeProductionSecrets, productionSecrets, type ProductionSecrets } from './guards.js';
import {
  InputError,
  parseChoice,
  parseKeyValues,
  parseResolve,
  parseWaitTimeout,
  required,
  type InputSource,
  type ResolveEntry,
} from '../core/inputs.js';
import { caFileInput, workspaceOf } from '../core/workspace.js';
import {
  environmentIdParts,
  isEnvironmentName,
  parsePreviewLabel,
  previewLabel,
  revisionName,
  suffixForPullRequest,
  suffixFromVersion,
  validateAppName,
  validateResourceGroup,
  validateSuffix,
} from '../core/naming.js';
import { isDigest, parseImageRef, type ImageRef } from '../registry/reference.js';
import {
  DEFAULT_PREVIEW_SPEC,
  DEFAULT_SPEC,
  readSpecInput,
  specEnvironment,
  withAppName,
  withEnv,
  type AppSpec,
} from '../core/app-spec.js';
import { validateSlotLabel } from '../revisions/traffic.js';
import { classifyRef, type GitContext } from '../core/versions.js';
import { readExpectedImage, type ExpectedImage } from './verify.js';
import { ENVIRONMENT_ALLOWED, IMAGE_ALLOWED, SUFFIX_REQUIRED } from './messages.js';
import {
  graceSecondsOf,
  handoverBound,
  readTradingInputs,
  type TradingInputs,
} from '../core/trading-inputs.js';
import { guardLiveTrading, guardPreviewLease, refuseLeaseVariable } from './trading.js';
import { readTradingRules, type TradingRules } from './rules.js';

export const MODES = ['production', 'preview'] as const;
export type Mode = (typeof MODES)[number];

export interface DeploySettings {
  azure: AzureSettings;
  resourceGroup: string;
  mode: Mode;
  /** The spec deployed (the preview spec in preview mode), already named `app` and guarded. */
  spec: AppSpec;
  specFile: string;
  app: string;
  image: string;
  imageRef: ImageRef;
  /** Where the image must come from and (mode production) the release whose locked tag names its digest. */
  expected: ExpectedImage;
  /** The environment input, else the spec's (name or resource ID). */
  environment: string;
  location?: string;
  suffix: string;
  revision: string;
  /** Production: the given slot label or undefined (the candidate slot). Preview: pr-<N>. */
  label?: string;
  prNumber?: number;
  envVars: EnvironmentVar[];
  /** Preview: what the production spec reads its secrets with (refused in the live preview app too). */
  production?: ProductionSecrets;
  /** Preview: what the guards forced (`IBKR_PORT: 7496 -> 7497`), for the summary. */
  forced: string[];
  /** The app's trading rules (preview-env, live-port, live-port-allow, preview-note; ALC-Algo's by default). */
  rules: TradingRules;
  waitTimeoutMs: number;
  resolve: ResolveEntry[];
  caFile?: string;
  /** trading-lease and handover-timeout (production: the handover bound is checked again on the live template). */
  trading: TradingInputs;
  /** Production with `trading-lease: unmanaged` and a spec that trades live: the summary's warning. */
  tradingWarning?: string;
  /** The reason the line is stopped (`stop-the-line`, env ALC_DEPLOY_STOP_THE_LINE): shown, never refused here. */
  stopTheLine: string;
}

export interface SettingsDeps {
  env?: NodeJS.ProcessEnv;
  git?: GitContext;
  readFile?: (path: string) => string;
  fileExists?: (path: string) => boolean;
}

export function parseImage(name: string, raw: string): { image: string; ref: ImageRef } {
  const v = required(name, raw, `required: ${IMAGE_ALLOWED.slice('allowed: '.length)}`);
  const ref = parseImageRef(v);
  const hostGiven = v.split('/')[0] === ref.registry;
  if (!ref.digest || !isDigest(ref.digest) || !hostGiven || /\s/.test(v))
    throw new InputError(name, raw, IMAGE_ALLOWED);
  return { image: v, ref };
}

/**
 * The environment input: a managed environment name in the resource group, or its full resource ID
 * (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.App/managedEnvironments/<name>); empty: the
 * spec's. Checked even when the app exists (and the environment is not read).
 */
export function parseEnvironment(name: string, raw: string, fallback: string): string {
  const v = raw.trim();
  if (v === '') return fallback;
  if (v.startsWith('/') ? environmentIdParts(v) : isEnvironmentName(v)) return v;
  throw new InputError(name, raw, ENVIRONMENT_ALLOWED);
}

/** An Azure region, by name (eastus) or display name (East US); empty: undefined. */
export function parseLocation(name: string, raw: string): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (/^[A-Za-z][A-Za-z0-9 ]{0,48}[A-Za-z0-9]$/.test(v)) return v;
  throw new InputError(name, raw, 'allowed: an Azure region such as eastus or East US');
}

/** Pull request number: from the label input `pr-<N>`, else from the workflow run. */
function prNumberOf(label: string, git?: GitContext): number {
  const number = parsePreviewLabel(label);
  if (number !== undefined) return number;
  if (label !== '')
    throw new InputError('label', label, 'allowed in mode preview: pr-<N>, the pull request number');
  const ref = git ? classifyRef(git) : undefined;
  if (ref?.kind === 'pull') return ref.number;
  throw new InputError('label', '', 'required in mode preview outside a pull request run: pr-<N>');
}

function defaultSuffix(mode: Mode, prNumber: number | undefined, git?: GitContext): string {
  const ref = git ? classifyRef(git) : undefined;
  if (mode === 'preview' && ref?.kind === 'pull' && ref.number === prNumber) {
    return suffixForPullRequest(ref.number, ref.headSha);
  }
  if (mode === 'production' && ref?.kind === 'tag' && ref.semver) return suffixFromVersion(ref.name);
  throw new InputError('revision-suffix', '', SUFFIX_REQUIRED[mode]);
}

/** Reads and checks every deploy-app input; throws InputError (or GuardError) before anything is written. */
export function readDeploySettings(get: InputSource, deps: SettingsDeps = {}): DeploySettings {
  const d = {
    env: deps.env ?? process.env,
    readFile: deps.readFile ?? ((p: string) => readFileSync(p, 'utf8')),
    fileExists: deps.fileExists ?? existsSync,
  };
  const mode = parseChoice('mode', get('mode'), MODES, 'production');
  const azure = readAzureSettings(get);
  const resourceGroup = required(
    'resource-group',
    get('resource-group'),
    'required: the resource group of the app',
  );
  validateResourceGroup('resource-group', resourceGroup);
  const { image, ref: imageRef } = parseImage('image', get('image'));
  const productionFile = get('spec') || DEFAULT_SPEC;
  const production = readSpecInput('spec', productionFile, d);
  const specFile = mode === 'preview' ? get('preview-spec') || DEFAULT_PREVIEW_SPEC : productionFile;
  // The preview spec is checked in production mode too (a bad input is refused whether or not this run uses
  // it); only its default path may be absent where no previews are deployed.
  const previewRaw = get('preview-spec');
  const previewSpec =
    mode === 'preview' ||
    (previewRaw !== '' &&
      (previewRaw !== DEFAULT_PREVIEW_SPEC || d.fileExists(resolvePath(workspaceOf(d.env), previewRaw))))
      ? readSpecInput('preview-spec', previewRaw || DEFAULT_PREVIEW_SPEC, d)
      : undefined;
  let spec = mode === 'preview' ? previewSpec! : production;
  const app = validateAppName('app', get('app') || spec.name);
  spec = withAppName(spec, app);
  const envVars = parseKeyValues('env-vars', get('env-vars'));
  const rules = readTradingRules(get);
  const labelRaw = get('label');
  let label: string | undefined;
  let prNumber: number | undefined;
  let forced: string[] = [];
  // The production app is the one deploy/containerapp.yaml names too, whatever `spec` points at: a preview
  // given the preview spec (or any other file) as `spec` still never writes to it nor reads its secrets.
  const defaultProduction =
    mode === 'preview' &&
    resolvePath(workspaceOf(d.env), productionFile) !== resolvePath(workspaceOf(d.env), DEFAULT_SPEC) &&
    d.fileExists(resolvePath(workspaceOf(d.env), DEFAULT_SPEC))
      ? readSpecInput('spec', DEFAULT_SPEC, d)
      : undefined;
  const secrets =
    mode === 'preview'
      ? mergeProductionSecrets(
          productionSecrets(production),
          ...(defaultProduction ? [productionSecrets(defaultProduction)] : []),
        )
      : undefined;
  if (mode === 'preview') {
    prNumber = prNumberOf(labelRaw, deps.git);
    label = previewLabel(prNumber);
    const guarded = guardPreview(spec, {
      targetApp: app,
      specFile,
      productionApp: production.name,
      productionFile,
      otherProduction: defaultProduction ? [{ app: defaultProduction.name, file: DEFAULT_SPEC }] : [],
      envVars,
      envInput: 'env-vars',
      production: secrets,
      rules,
    });
    spec = guarded.spec;
    forced = guarded.forced;
  } else if (labelRaw !== '') {
    label = validateSlotLabel('label', labelRaw, app, 'in mode production');
  }
  const expected = readExpectedImage(get, spec, specFile, mode, deps.git, { image, ref: imageRef });
  const suffixRaw = get('revision-suffix');
  const suffix = validateSuffix('revision-suffix', suffixRaw || defaultSuffix(mode, prNumber, deps.git), app);
  const environment = parseEnvironment(
    'environment',
    get('environment'),
    specEnvironment(spec).id || specEnvironment(spec).name,
  );
  const location = parseLocation('location', get('location')) ?? (spec.location || undefined);
  const caFile = caFileInput(get('ca-file'), d);
  const trading = readTradingInputs(get);
  let tradingWarning: string | undefined;
  if (mode === 'preview') {
    guardPreviewLease(trading.lease, get('trading-lease'));
    refuseLeaseVariable(spec.template, specFile, envVars);
  } else {
    tradingWarning = guardLiveTrading(
      trading.lease,
      spec.template?.containers?.length ? withEnv(spec, envVars).template : spec.template,
      specFile,
      ['properties', 'template'],
      rules,
    );
    if (trading.lease.kind === 'managed')
      handoverBound(trading.handoverTimeoutMs, trading.handoverTimeoutRaw, graceSecondsOf(spec.template));
  }
  return {
    azure,
    resourceGroup,
    mode,
    spec,
    specFile,
    app,
    image,
    imageRef,
    expected,
    environment,
    location,
    suffix,
    revision: revisionName(app, suffix),
    label,
    prNumber,
    envVars,
    forced,
    rules,
    production: secrets,
    waitTimeoutMs: parseWaitTimeout(get('wait-timeout')),
    resolve: parseResolve('resolve', get('resolve')),
    caFile,
    trading,
    ...(tradingWarning ? { tradingWarning } : {}),
    // A standby candidate at weight 0 may deploy while the line is stopped; the summary and comment say it is.
    stopTheLine: parseStopTheLine('stop-the-line', get('stop-the-line')),
  };
}
