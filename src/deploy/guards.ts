// Guards: what a preview deploy may never do (touch the production app, reach the live trading port, carry
// production's vault secrets). The port and the forced values are the app's trading rules (rules.ts; ALC-Algo's
// by default). Pure.

import type { ContainerApp, EnvironmentVar } from '@azure/arm-appcontainers';
import { InputError } from '../core/inputs.js';
import { type AppSpec, formatPath, mergeEnv } from '../core/app-spec.js';
import { liveWhy, previewIntoProduction, SECRETS_WHY, vaultInputAllowed } from './messages.js';
import { ALC_ALGO_RULES, namesLivePort, type TradingRules } from './rules.js';

export { namesLivePort };

/** A configuration a guard refuses (the spec, the target app). Inputs are refused with InputError. */
export class GuardError extends Error {
  override name = 'GuardError';
}

/** Where env vars came from: a spec file (with the YAML path of the list) or an action input. */
export type EnvSource = { file: string; path: string } | { input: string };

/**
 * Throws, naming the source, when any entry carries the live port (entries the rules allow by name excepted).
 * Never rewrites it.
 */
export function refuseLivePort(
  env: readonly EnvironmentVar[],
  source: EnvSource,
  rules: TradingRules = ALC_ALGO_RULES,
): void {
  const at = env.findIndex(
    (e) => !rules.livePortAllow.includes(e.name ?? '') && namesLivePort(e.value, rules),
  );
  if (at < 0) return;
  const entry = `${env[at].name}=${env[at].value}`;
  const why = liveWhy(rules);
  if ('input' in source)
    throw new InputError(source.input, entry, `allowed: KEY=value entries without ${rules.livePort}: ${why}`);
  throw new GuardError(`${source.file}: ${source.path}[${at}]: ${entry}: ${why}`);
}

export interface PreviewEnv {
  env: EnvironmentVar[];
  /** What forcing changed, e.g. `IBKR_PORT: 4002 -> 7497`, for the job summary. */
  forced: string[];
}

/** Spec env + env-vars input (merged by name), after refusing the live port, with the rules' values forced. */
export function previewEnv(
  specEnv: readonly EnvironmentVar[],
  specSource: EnvSource,
  inputEnv: readonly EnvironmentVar[],
  inputName = 'env-vars',
  rules: TradingRules = ALC_ALGO_RULES,
): PreviewEnv {
  refuseLivePort(specEnv, specSource, rules);
  refuseLivePort(inputEnv, { input: inputName }, rules);
  const merged = mergeEnv(specEnv, inputEnv);
  const forced = rules.previewEnv.flatMap((f) => {
    const before = merged.find((e) => e.name === f.name);
    if (before?.value === f.value && before?.secretRef === undefined) return [];
    const was = before?.value ?? (before?.secretRef ? `secretRef ${before.secretRef}` : '(unset)');
    return [`${f.name}: ${was} -> ${f.value}`];
  });
  return { env: mergeEnv(merged, rules.previewEnv), forced };
}

type Template = NonNullable<ContainerApp['template']>;
type AnyContainer = NonNullable<Template['containers']>[number];

/** Every container of a template, app containers first, then init containers, with its YAML path. */
export function everyContainer(
  template: Template | undefined,
  prefix: readonly (string | number)[],
): Array<{ container: AnyContainer; path: (string | number)[]; app: boolean }> {
  const of = (list: 'containers' | 'initContainers') =>
    ((template?.[list] ?? []) as AnyContainer[]).map((container, i) => ({
      container,
      path: [...prefix, list, i],
      app: list === 'containers' && i === 0,
    }));
  return [...of('containers'), ...of('initContainers')];
}

/**
 * Throws GuardError, naming the source and the YAML path, when any container or init container carries the
 * live port: in an env value (but those the rules allow by name), an argument, the command or a probe port.
 */
export function refuseLivePortTemplate(
  template: Template | undefined,
  source: string,
  prefix: readonly (string | number)[],
  rules: TradingRules = ALC_ALGO_RULES,
): void {
  const isLive = (v: string | number | undefined) => namesLivePort(v, rules);
  for (const { container: c, path } of everyContainer(template, prefix)) {
    refuseLivePort(c.env ?? [], { file: source, path: formatPath([...path, 'env']) }, rules);
    for (const field of ['command', 'args'] as const) {
      const list = (c[field] ?? []) as unknown[];
      const at = list.findIndex((a) => isLive(a as string));
      if (at >= 0)
        throw new GuardError(
          `${source}: ${formatPath([...path, field, at])}: ${String(list[at])}: ${liveWhy(rules)}`,
        );
    }
    (c.probes ?? []).forEach((p, i) => {
      const port = p.httpGet?.port ?? p.tcpSocket?.port;
      if (isLive(port))
        throw new GuardError(
          `${source}: ${formatPath([...path, 'probes', i])}: port ${port}: ${liveWhy(rules)}`,
        );
    });
  }
}

/**
 * A preview's template: the live port refused anywhere (template and env-vars input), the env-vars input
 * merged into the app container, and the rules' preview values (ALC-Algo's: ALC_ENVIRONMENT=preview,
 * IBKR_PORT=7497) forced on EVERY container and init container (a sidecar or an init container reaches the
 * broker as well as the app does).
 */
export function previewTemplate(
  template: Template | undefined,
  o: {
    source: string;
    prefix: readonly (string | number)[];
    envVars: readonly EnvironmentVar[];
    envInput?: string;
    rules?: TradingRules;
  },
): { template: Template; forced: string[] } {
  const rules = o.rules ?? ALC_ALGO_RULES;
  refuseLivePortTemplate(template, o.source, o.prefix, rules);
  refuseLivePort(o.envVars, { input: o.envInput ?? 'env-vars' }, rules);
  const copy = structuredClone(template ?? {});
  const forced: string[] = [];
  for (const { container: c, app } of everyContainer(copy, [])) {
    const r = previewEnv(c.env ?? [], { file: o.source, path: '' }, app ? o.envVars : [], o.envInput, rules);
    c.env = r.env;
    forced.push(...r.forced.map((f) => (app ? f : `${c.name}: ${f}`)));
  }
  return { template: copy, forced };
}

/** Refuses a preview whose target is the production app (it holds the production secrets). */
export function assertPreviewTarget(targetApp: string, productionApp: string, productionFile: string): void {
  if (targetApp.trim().toLowerCase() === productionApp.trim().toLowerCase()) {
    throw new GuardError(previewIntoProduction(targetApp, productionFile));
  }
}

// ---- production secrets ----

const VAULT_SUFFIX = String.raw`(azure\.net|usgovcloudapi\.net|azure\.cn|microsoftazure\.de)`;
const VAULT_HOST = new RegExp(
  String.raw`^([a-z0-9-]+)\.(?:privatelink\.)?(?:vault|vaultcore)\.` + VAULT_SUFFIX + '$',
);

/**
 * A host as a comparison key: lower-case, without trailing dots, and a Key Vault's private-link alias
 * (`<name>.privatelink.vaultcore.azure.net`) under its public name (`<name>.vault.azure.net`): both reach the
 * same vault. Ports are not part of it (URL parsing drops the default one; any other still names the same
 * vault).
 */
export function canonicalHost(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.+$/, '');
  const m = VAULT_HOST.exec(h);
  return m ? `${m[1]}.vault.${m[2]}` : h;
}

const hostOf = (url: string): string | undefined => {
  try {
    return canonicalHost(new URL(url.trim().normalize('NFKC')).hostname) || undefined;
  } catch {
    return undefined;
  }
};

/** Every host a text may name: the host of the text as a URL, and each host-like word in it, canonical. */
function hostsIn(text: string): string[] {
  const t = text.normalize('NFKC').toLowerCase();
  const words = t.match(/[a-z0-9][a-z0-9.-]*/g) ?? [];
  return [hostOf(t), ...words.map(canonicalHost)].filter((h): h is string => h !== undefined && h !== '');
}

const isVaultHost = (h: string) => VAULT_HOST.test(h);

/**
 * What gives access to the production secrets: the Key Vault hosts its secrets reference (and any env value
 * that is a Key Vault URL, e.g. AZURE_KEY_VAULT_URL) and its user-assigned identities (lower-case). Pure.
 */
export interface ProductionSecrets {
  vaults: string[];
  identities: string[];
}

export function productionSecrets(spec: AppSpec): ProductionSecrets {
  const fromSecrets = (spec.configuration?.secrets ?? []).map((x) => hostOf(x.keyVaultUrl ?? ''));
  const fromEnv = everyContainer(spec.template, [])
    .flatMap(({ container: c }) => c.env ?? [])
    .flatMap((e) => hostsIn(e.value ?? ''))
    .filter(isVaultHost);
  const vaults = [...new Set([...fromSecrets, ...fromEnv].filter((h): h is string => h !== undefined))];
  const identities = Object.keys(spec.identity?.userAssignedIdentities ?? {}).map((i) => i.toLowerCase());
  return { vaults, identities };
}

/** Both sets at once (the given production spec and deploy/containerapp.yaml). */
export function mergeProductionSecrets(...all: ProductionSecrets[]): ProductionSecrets {
  return {
    vaults: [...new Set(all.flatMap((p) => p.vaults))],
    identities: [...new Set(all.flatMap((p) => p.identities))],
  };
}

/** The first env entry whose value names a production vault, as `NAME=value`. */
function vaultEntry(env: readonly EnvironmentVar[], vaults: readonly string[]): number {
  return env.findIndex((e) => hostsIn(e.value ?? '').some((h) => vaults.includes(h)));
}

/** Throws when the env-vars input names a production Key Vault. */
export function refuseProductionVaultInput(
  env: readonly EnvironmentVar[],
  prod: ProductionSecrets,
  input: string,
): void {
  const at = vaultEntry(env, prod.vaults);
  if (at >= 0) {
    throw new InputError(input, `${env[at].name}=${env[at].value}`, vaultInputAllowed(prod.vaults));
  }
}

/** Throws GuardError when a preview spec references a production Key Vault or a production identity. */
export function refuseProductionSecrets(spec: AppSpec, prod: ProductionSecrets, specFile: string): void {
  const fail = (path: (string | number)[], what: string): never => {
    throw new GuardError(`${specFile}: ${formatPath(path)}: ${what}: ${SECRETS_WHY}`);
  };
  (spec.configuration?.secrets ?? []).forEach((x, i) => {
    const host = hostOf(x.keyVaultUrl ?? '');
    if (host && prod.vaults.includes(host))
      fail(
        ['properties', 'configuration', 'secrets', i, 'keyVaultUrl'],
        `${x.keyVaultUrl} is a production secret`,
      );
  });
  everyContainer(spec.template, ['properties', 'template']).forEach(({ container: c, path }) => {
    const at = vaultEntry(c.env ?? [], prod.vaults);
    if (at >= 0) {
      const e = c.env![at];
      fail([...path, 'env', at], `${e.name}=${e.value} names the production Key Vault`);
    }
  });
  const shared = Object.keys(spec.identity?.userAssignedIdentities ?? {}).find((id) =>
    prod.identities.includes(id.toLowerCase()),
  );
  if (shared) fail(['identity', 'userAssignedIdentities'], `${shared} is the production app's identity`);
}

/**
 * A preview into an app that already exists builds on its live template and keeps its secrets: refuse it when
 * the live app reads the production secrets or runs the live port (it is production, whatever its name).
 */
export function guardLivePreview(
  live: ContainerApp,
  appName: string,
  prod: ProductionSecrets,
  rules: TradingRules = ALC_ALGO_RULES,
): void {
  const source = `app ${appName} (live)`;
  refuseProductionSecrets({ ...live, name: appName }, prod, source);
  refuseLivePortTemplate(live.template, source, ['template'], rules);
}

export interface PreviewGuardOptions {
  /** The app the preview will be written to (the `app` input, or the preview spec's name). */
  targetApp: string;
  /** The file the preview spec came from, for messages. */
  specFile: string;
  /** The production spec's app name and file. */
  productionApp: string;
  productionFile: string;
  /**
   * Further production apps (the app of deploy/containerapp.yaml when `spec` names another file): a preview
   * into any of them is refused whatever spec was given.
   */
  otherProduction?: ReadonlyArray<{ app: string; file: string }>;
  /** Parsed env-vars input and its name. */
  envVars?: readonly EnvironmentVar[];
  envInput?: string;
  /** What the production spec reads its secrets with; a preview referencing any of it is refused. */
  production?: ProductionSecrets;
  /** The app's trading rules (default ALC-Algo's). */
  rules?: TradingRules;
}

/** Every preview guard at once: the spec to deploy (forced env on the app container), and what was forced. */
export function guardPreview(spec: AppSpec, o: PreviewGuardOptions): { spec: AppSpec; forced: string[] } {
  assertPreviewTarget(o.targetApp, o.productionApp, o.productionFile);
  for (const p of o.otherProduction ?? []) assertPreviewTarget(o.targetApp, p.app, p.file);
  if (o.production) {
    refuseProductionSecrets(spec, o.production, o.specFile);
    refuseProductionVaultInput(o.envVars ?? [], o.production, o.envInput ?? 'env-vars');
  }
  const result = previewTemplate(spec.template, {
    source: o.specFile,
    prefix: ['properties', 'template'],
    envVars: o.envVars ?? [],
    envInput: o.envInput,
    rules: o.rules,
  });
  return { spec: { ...structuredClone(spec), template: result.template }, forced: result.forced };
}
