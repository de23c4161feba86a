// Rollback to a version whose revision is gone: find its image (by digest) in the registry the app pulls from.
import type { TokenCredential } from '@azure/identity';
import type { AzureSettings } from '../azure/connection.js';
import { ACR_SCOPE, parseImageRef, tokenHostProblem } from './reference.js';
import { RegistryClient, RegistryError, type RegistryClientOptions } from './client.js';
import { mutableTagMessage } from './messages.js';
import { formatSemver, parseSemver } from '../core/versions.js';

/** Tags a release of `version` carries (build-push tags v1.2.3 as 1.2.3), most likely first. */
export function versionTags(version: string): string[] {
  const v = parseSemver(version);
  return [...new Set([...(v ? [formatSemver(v)] : []), version])];
}

export function findVersionImage(
  settings: AzureSettings,
  credential: TokenCredential,
  log: (line: string) => void,
  /** Masks a token in the job log (core.setSecret): the Entra token and the registry refresh token. */
  mask: (secret: string) => void,
) {
  return async (version: string, productionImage: string | undefined): Promise<string | undefined> => {
    if (!productionImage) return undefined;
    const { registry, repository } = parseImageRef(productionImage);
    const client = await connectRegistry(registry, settings, credential, { log, mask });
    return immutableVersionImage(client, registry, repository, version, log);
  };
}

/**
 * A registry client for `registry` with the Azure identity's ACR token (the Entra token exchanged at
 * /oauth2/exchange; AcrPull suffices to read), sent only to a host the token allowlist accepts; anonymous when the
 * exchange fails (a private registry then answers 401). Every token is masked (`mask`, core.setSecret).
 */
export async function connectRegistry(
  registry: string,
  settings: Pick<AzureSettings, 'cloud' | 'tenantId'>,
  credential: TokenCredential,
  o: { log: (line: string) => void; mask: (secret: string) => void; options?: RegistryClientOptions },
): Promise<RegistryClient> {
  const client = new RegistryClient(registry, { kind: 'anonymous' }, o.options);
  try {
    const problem = tokenHostProblem(registry, settings.cloud);
    if (problem) throw new Error(`${problem}: no Entra token is sent to it`);
    const token = await credential.getToken(ACR_SCOPE);
    if (token) {
      o.mask(token.token);
      o.mask(await client.exchangeAadToken(token.token, settings.tenantId));
    }
  } catch (error) {
    o.log(`registry ${registry}: token exchange failed (${(error as Error).message}); trying anonymously`);
  }
  return client;
}

/** A rollback to a version whose release tag is still writable: what it points at now is not what was released. */
export class MutableTagError extends Error {
  override name = 'MutableTagError';
}

/**
 * The image of `version` by digest, only from a tag the release made immutable (ACR writeEnabled=false, as
 * build-push locks the exact version tag): a writable tag may have been pushed over since the release (by a
 * preview, a mistake or an attacker), so it is refused with MutableTagError. Undefined when no tag of the version
 * exists.
 */
export async function immutableVersionImage(
  client: RegistryClient,
  registry: string,
  repository: string,
  version: string,
  log: (line: string) => void,
  /** The error for a version whose tags are writable (default: the rollback's MutableTagError). */
  refuse: (writable: string) => Error = (writable) =>
    new MutableTagError(mutableTagMessage(version, writable, registry, repository, versionTags(version)[0])),
): Promise<string | undefined> {
  const writable: string[] = [];
  for (const tag of versionTags(version)) {
    try {
      const attributes = await client.tagAttributes(repository, tag);
      if (attributes && !attributes.writeEnabled) {
        log(
          `registry ${registry}: ${repository}:${tag} is locked at ${attributes.digest}: deploying that digest`,
        );
        return `${registry}/${repository}@${attributes.digest}`;
      }
      const digest = attributes?.digest ?? (await client.digestOf(repository, tag));
      if (digest) writable.push(`${repository}:${tag} (now ${digest})`);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      log(`registry ${registry}: ${repository}:${tag}: ${error.message}`);
    }
  }
  if (writable.length === 0) return undefined;
  throw refuse(writable.join(', '));
}
