// Revision, label and app names as Azure Container Apps accepts them, and the URLs ACA derives from them.
// Pure: no I/O. Bad input throws InputError naming the input.

import { InputError } from './inputs.js';

const ENVIRONMENT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.App\/managedEnvironments\/([^/]+)$/i;
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,58}[A-Za-z0-9]$/;

/**
 * The resource group and name of a managed environment's full resource ID
 * (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.App/managedEnvironments/<name>), or undefined.
 */
export function environmentIdParts(text: string): { resourceGroup: string; name: string } | undefined {
  const m = ENVIRONMENT_ID.exec(text);
  return m ? { resourceGroup: m[1], name: m[2] } : undefined;
}

/** A managed environment name: 2 to 60 letters, digits and '-', starting and ending with a letter or digit. */
export function isEnvironmentName(text: string): boolean {
  return ENVIRONMENT_NAME.test(text);
}

/** ACA caps a revision name (`<app>--<suffix>`) at 54 characters. */
export const MAX_REVISION_NAME = 54;
/** A label URL's first DNS label is `<app>---<label>`; DNS labels hold at most 63 characters. */
const MAX_DNS_LABEL = 63;

const NAME_SHAPE = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;
const NAME_RULE =
  "lower-case letters, digits and '-', starting with a letter, ending with a letter or digit, no '--'";

/** Why `name` breaks ACA's naming rule (shape and no `--`), or undefined when it follows it. */
function shapeProblem(name: string): string | undefined {
  return NAME_SHAPE.test(name) && !name.includes('--') ? undefined : NAME_RULE;
}

/** Why `app` is not a valid container app name, or undefined. */
export function appNameProblem(app: string): string | undefined {
  const shape = shapeProblem(app);
  if (shape) return shape;
  return app.length < 2 || app.length > 32 ? `2 to 32 characters (${app.length} given)` : undefined;
}

export function validateAppName(input: string, app: string): string {
  const problem = appNameProblem(app);
  if (problem) throw new InputError(input, app, `allowed: a container app name of ${problem}`);
  return app;
}

/** A resource group name as ARM allows it: 1 to 90 letters, digits, _ - . ( ), not ending in '.'. */
export function validateResourceGroup(input: string, group: string): string {
  if (!/^[-\w.()]{1,90}$/.test(group) || group.endsWith('.')) {
    throw new InputError(input, group, 'allowed: 1 to 90 letters, digits, _ - . ( ), not ending in .');
  }
  return group;
}

/** Why `suffix` cannot name a revision of `app`, or undefined. */
export function suffixProblem(suffix: string, app: string): string | undefined {
  const shape = shapeProblem(suffix);
  if (shape) return shape;
  const length = revisionName(app, suffix).length;
  return length > MAX_REVISION_NAME
    ? `at most ${MAX_REVISION_NAME - app.length - 2} characters for app '${app}' (revision name '${app}--${suffix}' has ${length}, ACA allows ${MAX_REVISION_NAME})`
    : undefined;
}

/**
 * A suffix as ACA makes them itself: lower-case letters, digits and '-', starting and ending with a letter or digit.
 * ACA's own names often start with a digit (`<app>--0000001`, `<app>--0jfo06b`, `<app>--5vkvuta`: about 30% of the
 * latestRevisionName values in live Azure's recorded answers); only the suffixes this project writes (from versions
 * and pull requests, or the revision-suffix input) must start with a letter.
 */
const AZURE_SUFFIX = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Why `name` cannot be a revision of `app` as Azure names them (`<app>--<suffix>`, the suffix ACA's or ours), or
 * undefined. For names that are inputs naming an existing revision, or read from Azure.
 */
export function revisionNameProblem(name: string, app: string): string | undefined {
  const prefix = `${app}--`;
  if (!name.startsWith(prefix)) return `a revision name of app '${app}': ${app}--<suffix>`;
  const suffix = name.slice(prefix.length);
  if (!AZURE_SUFFIX.test(suffix) || suffix.includes('--'))
    return "a suffix of lower-case letters, digits and '-', starting and ending with a letter or digit, no '--'";
  return name.length > MAX_REVISION_NAME
    ? `at most ${MAX_REVISION_NAME} characters (revision name '${name}' has ${name.length})`
    : undefined;
}

/** Throws InputError(input, ...) unless `suffix` is a valid revision suffix for `app`. */
export function validateSuffix(input: string, suffix: string, app: string): string {
  const problem = suffixProblem(suffix, app);
  if (problem) throw new InputError(input, suffix, `allowed: a revision suffix of ${problem}`);
  return suffix;
}

/** Why `label` is not a valid traffic label (for `app`, when given), or undefined. */
export function labelProblem(label: string, app?: string): string | undefined {
  const shape = shapeProblem(label);
  if (shape) return shape;
  const host = app === undefined ? '' : `${app}---${label}`;
  return host.length > MAX_DNS_LABEL
    ? `at most ${MAX_DNS_LABEL - app!.length - 3} characters for app '${app}' (its URL's host label '${host}' would exceed ${MAX_DNS_LABEL})`
    : undefined;
}

export function validateLabel(input: string, label: string, app?: string): string {
  const problem = labelProblem(label, app);
  if (problem) throw new InputError(input, label, `allowed: a traffic label of ${problem}`);
  return label;
}

/** Lower-case, every run of other characters becomes one '-', no '-' at either end. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Revision suffix for a release: `v1.2.3` -> `v1-2-3`, `v1.2.3-rc.1` -> `v1-2-3-rc-1`, `1.2.3` -> `v1-2-3`
 * (a suffix must start with a letter). Check the result against the app with validateSuffix.
 */
export function suffixFromVersion(version: string): string {
  const s = slug(version);
  if (s === '') throw new Error(`Cannot derive a revision suffix from the version '${version}'`);
  return /^[0-9]/.test(s) ? `v${s}` : s;
}

/** Revision suffix for a pull request at its head commit: PR 12 at abc1234def -> `pr-12-abc1234`. */
export function suffixForPullRequest(prNumber: number, headSha: string): string {
  const sha = headSha.trim().toLowerCase();
  if (!Number.isSafeInteger(prNumber) || prNumber < 1)
    throw new Error(`Not a pull request number: ${prNumber}`);
  if (!/^[0-9a-f]{7,64}$/.test(sha)) throw new Error(`Not a commit SHA (7 to 64 hex digits): '${headSha}'`);
  return `pr-${prNumber}-${sha.slice(0, 7)}`;
}

/** The label a pull request's preview carries: `pr-<N>`. */
export function previewLabel(prNumber: number): string {
  if (!Number.isSafeInteger(prNumber) || prNumber < 1)
    throw new Error(`Not a pull request number: ${prNumber}`);
  return `pr-${prNumber}`;
}

/** The pull request number of a preview label: `pr-12` -> 12; undefined for any other label. */
export function parsePreviewLabel(label: string): number | undefined {
  const m = /^pr-([1-9]\d*)$/.exec(label);
  return m && Number.isSafeInteger(Number(m[1])) ? Number(m[1]) : undefined;
}

export function revisionName(app: string, suffix: string): string {
  return `${app}--${suffix}`;
}

/** The suffix of `<app>--<suffix>` (app names never contain `--`, so the first `--` splits). */
export function suffixOf(name: string): string {
  const at = name.indexOf('--');
  if (at < 1 || at + 2 >= name.length)
    throw new Error(`Not a revision name of the form <app>--<suffix>: '${name}'`);
  return name.slice(at + 2);
}

function host(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * The environment's default domain as the app's ingress FQDN carries it (`<app>.<defaultDomain>`), so that the
 * URLs need no read of the environment; undefined when the FQDN does not have that shape (no external ingress, or
 * an internal one: `<app>.internal.<domain>`). Pure.
 */
export function domainFromFqdn(app: string, fqdn: string | undefined): string | undefined {
  const name = fqdn === undefined ? undefined : host(fqdn);
  const prefix = `${app.toLowerCase()}.`;
  if (!name?.startsWith(prefix)) return undefined;
  const domain = name.slice(prefix.length);
  return domain.includes('.') && !domain.startsWith('internal.') ? domain : undefined;
}

/** `https://<app>.<domain>`: the app URL, split by traffic weight. */
export function appUrl(app: string, domain: string): string {
  return `https://${app}.${host(domain)}`;
}

/** `https://<app>---<label>.<domain>`: the URL that always reaches the revision a label points at. */
export function labelUrl(app: string, label: string, domain: string): string {
  return `https://${app}---${label}.${host(domain)}`;
}

/** `https://<app>--<suffix>.<domain>`; takes a suffix or a full revision name. */
export function revisionUrl(app: string, suffixOrRevision: string, domain: string): string {
  const isRevision = suffixOrRevision.includes('--');
  if (isRevision && !suffixOrRevision.startsWith(`${app}--`)) {
    throw new Error(`Revision '${suffixOrRevision}' does not belong to app '${app}'`);
  }
  const suffix = isRevision ? suffixOf(suffixOrRevision) : suffixOrRevision;
  return `https://${revisionName(app, suffix)}.${host(domain)}`;
}
