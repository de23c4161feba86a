// deploy-app's long texts (errors, what an input allows, log lines), built from their values, out of the
// control flow that throws or logs them. Pure.

import type { TradingRules } from './rules.js';

// ---- inputs (settings.ts, verify.ts) ----

export const IMAGE_ALLOWED =
  'allowed: an image by digest, registry/repository@sha256:<64 hex digits> (as build-push outputs it); ' +
  'deploys never use a mutable tag';

export const ENVIRONMENT_ALLOWED =
  'allowed: a managed environment name (2 to 60 letters, digits and -) or its full resource ID ' +
  '/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.App/managedEnvironments/<name>';

export const SUFFIX_REQUIRED = {
  preview: 'required unless the run is for the pull request itself (its head commit gives pr-<N>-<sha7>)',
  production: 'required unless the run is for a release tag (refs/tags/v1.2.3 gives v1-2-3)',
} as const;

export const VERSION_ALLOWED =
  'allowed: a release version, 1.2.3 or v1.2.3 (build-push pushes and locks its tag)';

export function registryRequired(specFile: string, servers: readonly string[]): string {
  const named = servers.length === 0 ? 'no registry' : `${servers.length} registries (${servers.join(', ')})`;
  return (
    `required: ${specFile} names ${named} in configuration.registries; ` +
    'give the registry the image must come from'
  );
}

export function repositoryRequired(specFile: string): string {
  return (
    `required: the app container of ${specFile} names no image; ` +
    'give the repository the image must come from'
  );
}

export function versionRequired(registry: string, repository: string): string {
  return (
    'required in mode production outside a release tag run (refs/tags/v1.2.3 gives 1.2.3): ' +
    `the release whose locked tag in ${registry}/${repository} must point at the image`
  );
}

export function imageElsewhere(expected: string, actual: string): string {
  return (
    `allowed: an image of ${expected} by digest, the registry and repository this deploy is configured ` +
    `with (inputs registry and repository, default the spec's); it is ${actual}`
  );
}

export function releaseTagWritable(version: string, writable: string, registry: string): string {
  return (
    `allowed: the image the release ${version} pushed, under its locked tag; ${writable} in ${registry} is ` +
    'still writable, so it proves nothing (build-push locks the version tag of a release it pushes)'
  );
}

export function releaseTagMissing(
  version: string,
  registry: string,
  tags: string,
  answers: readonly string[],
): string {
  return (
    `allowed: the image the release ${version} pushed; ${registry} has no tag ${tags} ` +
    `(build-push pushes and locks it)${answers.length ? ` (${answers.join('; ')})` : ''}`
  );
}

export function releaseDigestOther(version: string, locked: string, tags: string): string {
  return (
    `allowed: the image the release ${version} pushed, ${locked} (its locked tag ${tags}); ` +
    'this digest is not it'
  );
}

// ---- guards (guards.ts) ----

/** What a preview runs with and refuses, in words: `preview deploys run with A=1 and refuse the live ...`. */
export function liveWhy(rules: TradingRules): string {
  const forced = rules.previewEnv.map((e) => `${e.name}=${e.value}`).join(', ');
  const runs = forced ? `preview deploys run with ${forced}` : 'preview deploys';
  if (rules.livePort === undefined) return runs;
  const allowed = rules.livePortAllow.length
    ? ` (outside ${rules.livePortAllow.join(', ')}, input live-port-allow)`
    : '';
  return `${runs} and refuse the live trading port ${rules.livePort}${allowed} (input live-port)`;
}

export const SECRETS_WHY =
  'a preview runs untested code and never gets the production secrets: ' +
  'give the preview app its own Key Vault and identity';

export function vaultInputAllowed(vaults: readonly string[]): string {
  return (
    `allowed: KEY=value entries that name no production Key Vault (${vaults.join(', ')}): ` + SECRETS_WHY
  );
}

export function previewIntoProduction(targetApp: string, productionFile: string): string {
  return (
    `Mode preview refuses to write to '${targetApp}': it is the production app of ${productionFile}, which ` +
    'holds the production secrets; previews go to a separate app (e.g. deploy/containerapp.preview.yaml)'
  );
}

// ---- the app and its template (plan.ts, run.ts) ----

/** What `resource-group` allows when ARM answers ResourceGroupNotFound (the spec's own value named too). */
export function resourceGroupMissing(
  group: string,
  subscription: string,
  specFile: string,
  specGroup: string | undefined,
): string {
  const spec =
    specGroup && specGroup.toLowerCase() !== group.toLowerCase()
      ? `; ${specFile} names resourceGroup '${specGroup}'`
      : '';
  return (
    `allowed: a resource group that exists; resource group '${group}' does not exist in subscription ` +
    `${subscription} (ARM: ResourceGroupNotFound)${spec}`
  );
}

/** A new app's managed environment that ARM does not find in a resource group that exists. */
export function environmentMissing(
  environment: string,
  group: string,
  specFile: string,
  specEnvironment: string,
): string {
  const named =
    specEnvironment === environment
      ? `${specFile} names it (properties.environmentId; input environment overrides it)`
      : 'input environment names it';
  return (
    `Managed environment '${environment}' does not exist in resource group '${group}': ${named}; ` +
    'a new app needs an environment that exists (create it, or name one)'
  );
}

export function foreignRegistry(app: string | undefined, servers: readonly (string | undefined)[]): string {
  return (
    `allowed: an image from a registry app ${app} pulls from (${servers.join(', ')}); ` +
    "a deploy never changes the app's registries"
  );
}

export function registryNotInSpec(servers: readonly (string | undefined)[]): string {
  return `allowed: an image from a registry the spec names (${servers.join(', ')})`;
}

export function noLatestToPin(traffic: string): string {
  return (
    `The traffic [${traffic}] gives weight to latestRevision, ` +
    'but the app reports no latest revision to pin it to'
  );
}

export function singleRevisionMode(app: string, mode: string): string {
  return (
    `App ${app} runs in ${mode} revisions mode; blue-green needs Multiple ` +
    '(set configuration.activeRevisionsMode: Multiple)'
  );
}

export function suffixTaken(revision: string, differences: readonly string[]): string {
  return (
    `allowed: a suffix not yet used, or the same template: revision ${revision} exists and runs another ` +
    `template than this run would write (${differences.join('; ')}); a revision cannot change: ` +
    'deploy a new version or give a new revision-suffix'
  );
}

/** What a re-run does with the revision that exists under its suffix (same template). */
export function convergingOn(
  revision: string,
  state: string,
  o: { active: boolean; failed: boolean },
): string {
  if (o.failed) return `${revision} exists with this template but failed (${state}): activating it again`;
  if (o.active) return `${revision} exists with this template: converging on it`;
  return `${revision} exists with this template but is not active (${state}): activating it`;
}

export function nothingToPin(latestRevisionName = '', latestReadyRevisionName = ''): string {
  return (
    `latestRevision carries weight but serves no revision (latestRevisionName '${latestRevisionName}', ` +
    `latestReadyRevisionName '${latestReadyRevisionName}', neither serving): nothing to pin`
  );
}

// ---- a failed deploy (run.ts's recovery) ----

/** A revision that failed (its write, its states, or its URL): why, and what was done about it. */
export function revisionFailed(
  revision: string,
  o: { state?: string; readiness?: string; message: string; carries: boolean },
): string {
  const why =
    o.readiness ??
    (o.state
      ? `Revision ${revision} failed (${o.state}): ${o.message}`
      : `Revision ${revision} could not be created: ${o.message}`);
  const after = o.carries ? '' : o.state ? ' and was deactivated' : '';
  return `${why}; it received no traffic${after}`;
}

export function trafficWriteFailed(revision: string, planned: string, message: string, now: string): string {
  return (
    `${revision} is ready and proven on its revision URL, but writing the traffic [${planned}] failed: ` +
    `${message}. The traffic now in force: ${now}. Run deploy-app again with the same image and ` +
    `revision-suffix: it converges on ${revision} and writes the traffic again`
  );
}
