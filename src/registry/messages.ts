// The long messages of the registry client and the registry inputs, built from their values (out of the control
// flow).

/** A token realm outside the registry's origin, when the credential is the registry's refresh token. */
export function foreignRealmProblem(origin: string): string {
  return (
    `it is not on the registry's own origin ${origin}, ` +
    `and the registry's refresh token goes nowhere else`
  );
}

/** A token request answered with a redirect: refused, never followed. */
export function tokenRedirectMessage(what: string, status: number, location: string): string {
  return (
    `${what} answered HTTP ${status} redirecting to ${location}: token requests do not follow redirects, ` +
    `and nothing was sent there`
  );
}

/** The registry's challenge names a realm a token request must not go to. */
export function realmRefusedMessage(registry: string, realm: string, problem: string): string {
  return (
    `The registry ${registry} asks for a token from ${JSON.stringify(realm)}, ` +
    `and ${problem}; nothing was sent to it`
  );
}

export const REGISTRY_ALLOWED =
  'allowed: a registry host name with an optional port and no scheme, ' +
  'e.g. myregistry.azurecr.io or 127.0.0.1:5000';

export const REPOSITORY_ALLOWED =
  "allowed: lower-case path components of letters and digits separated by '.', '_', '__' or '-', " +
  "joined by '/', e.g. my-app or team/my-app (no registry, no tag)";

/** A rollback to a version whose release tags are still writable and no digest was recorded. */
export function mutableTagMessage(
  version: string,
  writable: string,
  registry: string,
  repository: string,
  tag: string,
): string {
  return (
    `Rollback to ${version} refuses ${writable} in ${registry}: the tag is still writable and no digest ` +
    `was recorded for the release, so it may point at an image pushed after the release. ` +
    `Roll back to a revision (to: <app>--<suffix>) instead, ` +
    `or, after checking that digest is the release, lock the tag ` +
    `(az acr repository update --name <registry> --image ${repository}:${tag} --write-enabled false); ` +
    `build-push locks release tags itself`
  );
}
