// build-push's long texts (errors, what an input allows, warnings, what the summary says of the cache and of
// retention), built from their values, out of the control flow that throws or logs them. Pure.

import { shortSha } from '../core/versions.js';

// ---- inputs (settings.ts) ----

export function oidcRegistryAllowed(problem: string): string {
  return (
    `with auth oidc the Entra token is exchanged only with Azure Container Registry, and ${problem}; ` +
    'allowed: an ACR login server such as myregistry.azurecr.io (any host in cloud Custom), ' +
    'or auth none (a registry that takes pushes without a login) / docker-config (after a docker login of an ' +
    'earlier step) for another registry; reusable-release.yml and reusable-preview.yml offer oidc and none, ' +
    "and a release's registry must be ACR: deploy-app deploys only a release whose version tag build-push locked"
  );
}

export const GROUP_WITH_APP =
  'required together with app, so that retention spares the images the app runs ' +
  '(the input, or ALC_DEPLOY_RESOURCE_GROUP)';

export function appWithGroup(specFile: string): string {
  return (
    `required together with resource-group (or a spec that names the app; ${specFile} does not exist), ` +
    'so that retention spares the images the app runs'
  );
}

export function appUnknown(specFile: string, appName: string | undefined): string {
  return appName === undefined
    ? `no app input, and no spec names the app (${specFile} does not exist)`
    : `the spec ${specFile} names the app ${appName}, but no resource-group ` +
        '(the input, or ALC_DEPLOY_RESOURCE_GROUP) says where it runs';
}

export const PLATFORMS_NEED_BUILDX =
  'allowed only where docker buildx is installed (set it up with docker/setup-buildx-action); ' +
  'leave platforms empty to build for this machine';

/** auth docker-config, and the docker config holds no login for the registry. */
export function noDockerLogin(registry: string): string {
  return (
    `auth docker-config: the docker config holds no login for ${registry}, so the registry is used anonymously; ` +
    'log in with docker login in an earlier step, or use auth oidc (an ACR) or none (a registry that takes ' +
    'pushes without a login)'
  );
}

// ---- the build cache ----

export function cacheText(ref: string, o: { buildx: boolean; push: boolean; canExport: boolean }): string {
  if (!o.buildx)
    return `registry image ${ref} (classic builder: pulled as --cache-from, pushed after the build)`;
  if (!o.push) return `registry ${ref} (import only: nothing is pushed)`;
  if (!o.canExport)
    return (
      `registry ${ref} (import only: the docker driver cannot export a cache; ` +
      'use a docker-container builder)'
    );
  return `registry ${ref} (mode=max)`;
}

// ---- the push and the release ----

export function digestsDiffer(list: string): string {
  return `The pushed tags point to different images (another push raced this one): ${list}`;
}

export function lockFailed(repository: string, tag: string, message: string, version: string): string {
  return (
    `Could not lock the release tag ${repository}:${tag} (${message}): it stays writable, ` +
    `so deploy-app refuses to deploy ${version} to production and a rollback to it refuses the tag ` +
    "(tag locks are Azure Container Registry's: a release's registry must be ACR)"
  );
}

export function alreadyReleased(image: string, tag: string, digest: string): string {
  return (
    `${image}:${tag} is already released and locked at ${digest}: ` +
    'a release is immutable, nothing is built or pushed'
  );
}

/** A release tag moved to another commit after its image was locked. */
export function releaseTagMoved(tagName: string, digest: string, builtFrom: string, runSha: string): string {
  return (
    `${tagName}'s locked image ${digest} was built from ${shortSha(builtFrom)}, this run is at ${shortSha(runSha)}: ` +
    'a release tag must not move; tag a new version'
  );
}

/** A locked release image that names no commit: reused as today, unproven. */
export function lockedUnproven(tagName: string, digest: string, runSha: string, why: string): string {
  return (
    `${tagName}'s locked image ${digest} is reused, but whether it was built from ${shortSha(runSha)} is unknown ` +
    `(${why}); if the tag moved, tag a new version`
  );
}

// ---- retention ----

export function retentionAppUnknown(why: string): string {
  return (
    `the app whose active revisions' images it must spare is unknown: ${why}; nothing was deleted ` +
    '(give app and resource-group, or keep: 0 to turn retention off)'
  );
}

export function revisionsUnreadable(app: string, message: string): string {
  return `the revisions of ${app} could not be read (${message}); nothing was deleted`;
}
