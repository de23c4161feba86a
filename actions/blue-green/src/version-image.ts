// Rollback to a version whose revision is gone: find its image (by digest) in the registry the app pulls from.
import type { TokenCredential } from '@azure/identity';
import { armScope, type AzureSettings } from '../../../src/azure.js';
import { parseImageRef, RegistryClient, RegistryError } from '../../../src/registry.js';
import { formatSemver, parseSemver } from '../../../src/versions.js';

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
    const client = new RegistryClient(registry);
    try {
      const token = await credential.getToken(armScope(settings));
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
