// build-push's inputs, read and validated in one place before anything is built or pushed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type AzureSettings, readAzureSettings } from '../azure/connection.js';
import {
  InputError,
  type InputSource,
  parseBoolean,
  parseChoice,
  parseInteger,
  parseKeyValues,
  parseList,
  required,
} from '../core/inputs.js';
import { workspacePath } from '../core/workspace.js';
import { validateAppName, validateResourceGroup } from '../core/naming.js';
import { appFromInputs } from '../core/app-spec.js';
import { tokenHostProblem, validateRegistry, validateRepository } from '../registry/reference.js';
import {
  computeVersion,
  defaultTags,
  type GitContext,
  isReleaseBuild,
  validateTag,
} from '../core/versions.js';
import type { BuilderInfo } from './docker.js';
import * as m from './messages.js';
import type { CacheMode } from './plan.js';

/** auth oidc with a registry that is not ACR: the Entra token is never requested for it. */
export function oidcRegistryError(registry: string, problem: string): InputError {
  return new InputError('registry', registry, m.oidcRegistryAllowed(problem));
}

export const AUTH_MODES = ['oidc', 'docker-config', 'none'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];
export const CACHE_MODES = ['registry', 'none'] as const satisfies readonly CacheMode[];
export const DEFAULT_KEEP = 10;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;

export interface BuildPushSettings {
  registry: string;
  repository: string;
  /** Absolute paths. */
  context: string;
  dockerfile: string;
  buildArgs: Array<{ name: string; value: string }>;
  /** Tag names, the given ones or the computed defaults. */
  tags: string[];
  tagsComputed: boolean;
  version: string;
  platforms: string[];
  push: boolean;
  cache: CacheMode;
  auth: AuthMode;
  /** Release images to keep; 0 turns retention off. */
  keep: number;
  /** Set with auth oidc, or when resource-group and app are given. */
  azure?: AzureSettings;
  /** resource-group + app (or the spec's name): retention spares every image its active revisions run. */
  app?: { resourceGroup: string; name: string };
  /** Why a run that prunes cannot know the app (then retention deletes nothing). */
  appUnknown?: string;
  git: GitContext;
  /** https://github.com/<owner>/<repo> for the source label. */
  source?: string;
}

export interface SettingsEnv {
  git: GitContext;
  /** Relative paths resolve against it (GITHUB_WORKSPACE, else the current directory). */
  workspace: string;
  source?: string;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** `{{version}}` in a build-arg value stands for the version this run computes (APP_VERSION={{version}}). */
export function withVersion(args: Array<{ name: string; value: string }>, version: string) {
  return args.map((a) => ({ name: a.name, value: a.value.replace(/\{\{\s*version\s*\}\}/g, version) }));
}

/**
 * The app whose active revisions' images retention spares: `app`, else the name in the spec (the `spec`
 * input, or deploy/containerapp.yaml when it exists; read for a run that prunes, or for a resource-group
 * input), in `resource-group` (the input, or ALC_DEPLOY_RESOURCE_GROUP). `app` without a resource group, or a
 * resource-group input without any app, is an input error. When a run that prunes cannot know the app,
 * `appUnknown` says why (retention then deletes nothing).
 */
function retentionApp(
  get: InputSource,
  env: SettingsEnv,
  prunes: boolean,
): { app?: { resourceGroup: string; name: string }; appUnknown?: string } {
  const appInput = get('app');
  const groupRaw = get('resource-group');
  // A resource group from the environment (the workflow's Azure connection) asks for no retention check by
  // itself.
  const groupInput = groupRaw !== '' && !get.origin?.('resource-group');
  const files = {
    env: { GITHUB_WORKSPACE: env.workspace },
    readFile: (path: string) => readFileSync(path, 'utf8'),
    fileExists: existsSync,
  };
  const { name, specFile } = appFromInputs(get, files, prunes || groupInput);
  const appName = appInput || prunes || groupInput ? name : undefined;
  if (appInput && groupRaw === '') throw new InputError('resource-group', '', m.GROUP_WITH_APP);
  if (groupInput && appName === undefined) throw new InputError('app', '', m.appWithGroup(specFile));
  if (appName !== undefined && groupRaw !== '')
    return {
      app: {
        resourceGroup: validateResourceGroup('resource-group', groupRaw),
        name: validateAppName('app', appName),
      },
    };
  if (!prunes) return {};
  return { appUnknown: m.appUnknown(specFile, appName) };
}

export function readBuildPushSettings(get: InputSource, env: SettingsEnv): BuildPushSettings {
  const registry = validateRegistry(
    'registry',
    required('registry', get('registry'), 'required: the registry host, e.g. myregistry.azurecr.io'),
  );
  const repository = validateRepository(
    'repository',
    required('repository', get('repository'), 'required: the repository in the registry, e.g. my-app'),
  );

  const contextRaw = get('context') || '.';
  const context = workspacePath('context', contextRaw, { workspace: env.workspace, what: 'a directory' });
  if (!isDirectory(context))
    throw new InputError('context', contextRaw, 'allowed: a directory in the workspace');
  const dockerfileRaw = get('dockerfile');
  const dockerfile = workspacePath('dockerfile', dockerfileRaw || join(context, 'Dockerfile'), {
    workspace: env.workspace,
    what: 'a Dockerfile',
  });
  if (!isFile(dockerfile)) {
    throw new InputError(
      'dockerfile',
      dockerfileRaw || `${contextRaw}/Dockerfile`,
      'allowed: the path of an existing Dockerfile (default: Dockerfile in the context)',
    );
  }

  const given = parseList(get('tags'), { commas: true }).map((t) => validateTag('tags', t));
  const tags = given.length ? [...new Set(given)] : defaultTags(env.git);
  if (tags.length === 0)
    throw new InputError('tags', get('tags'), 'no tag could be computed for this run: give tags');

  const platforms = parseList(get('platforms'), { commas: true }).map((p) => {
    if (!PLATFORM.test(p))
      throw new InputError(
        'platforms',
        p,
        'allowed: os/arch[/variant] entries, e.g. linux/amd64,linux/arm64',
      );
    return p;
  });

  const auth = parseChoice('auth', get('auth'), AUTH_MODES, 'oidc');
  const push = parseBoolean('push', get('push'), true);
  const keep = parseInteger('keep', get('keep'), DEFAULT_KEEP, { min: 0, max: 1000 });
  const { app, appUnknown } = retentionApp(get, env, push && keep > 0 && isReleaseBuild(env.git));
  // The Azure inputs are checked even when this run does not use them (auth none, no app).
  const azureChecked = readAzureSettings(get, { subscriptionRequired: app !== undefined });
  const azure = auth === 'oidc' || app ? azureChecked : undefined;
  const problem = auth === 'oidc' ? tokenHostProblem(registry, azureChecked.cloud) : undefined;
  if (problem) throw oidcRegistryError(registry, problem);

  return {
    registry,
    repository,
    context,
    dockerfile,
    buildArgs: withVersion(parseKeyValues('build-args', get('build-args')), computeVersion(env.git)),
    tags,
    tagsComputed: given.length === 0,
    version: computeVersion(env.git),
    platforms,
    push,
    cache: parseChoice('cache', get('cache'), CACHE_MODES, 'registry'),
    auth,
    keep,
    azure,
    app,
    ...(appUnknown ? { appUnknown } : {}),
    git: env.git,
    source: env.source,
  };
}

/** Checks the inputs that depend on the machine's builder, before anything is built. */
export function checkBuilder(settings: BuildPushSettings, builder: BuilderInfo): void {
  if (settings.platforms.length && !builder.buildx) {
    throw new InputError('platforms', settings.platforms.join(','), m.PLATFORMS_NEED_BUILDX);
  }
}
