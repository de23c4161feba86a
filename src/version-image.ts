// Rollback to a version whose revision is gone: find its image (by digest) in the registry the app pulls from.
import type { TokenCredential } from '@azure/identity';
import type { AzureSettings } from './azure.js';
import { ACR_SCOPE, parseImageRef, RegistryClient, RegistryError, tokenHostProblem } from './registry.js';
import { formatSemver, parseSemver } from './versions.js';

/** Tags a release of `version` carries (build-push tags v1.2.3 as 1.2.3), most likely first. */
export function versionTags(version: string): string[] {
  const v = parseSemver(version);
  return [...new Set([...(v ? [formatSemver(v)] : []), version])];
}

/**
 * Whether the Entra token may be sent to `registry` for the ACR token exchange (the registry is read from the live
 * app's image, so it may be a mirror that must never see the token): the one allowlist of src/registry.ts.
 */
export function mayExchangeToken(registry: string, cloud: AzureSettings['cloud']): boolean {
  return tokenHostProblem(registry, cloud) === undefined;
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
    const client = new RegistryClient(registry);
    try {
      const problem = tokenHostProblem(registry, settings.cloud);
      if (problem) throw new Error(`${problem}: no Entra token is sent to it`);
      const token = await credential.getToken(ACR_SCOPE);
      if (token) {
        mask(token.token);
        mask(await client.exchangeAadToken(token.token, settings.tenantId));
      }
    } catch (error) {
      log(`registry ${registry}: token exchange failed (${(error as Error).message}); trying anonymously`);
    }
    for (const tag of versionTags(version)) {
      try {
        const digest = await client.digestOf(repository, tag);
        if (digest) return `${registry}/${repository}@${digest}`;
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        log(`registry ${registry}: ${repository}:${tag}: ${error.message}`);
      }
    }
    return undefined;
  };
}
