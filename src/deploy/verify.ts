// What deploy-app deploys is checked before any Azure write: the image's registry and repository are the
// configured ones (inputs `registry` and `repository`, default the spec's), and in mode production its digest
// is the one the release's locked version tag points at in that registry (build-push locks it), so a build
// job that lies in its outputs cannot choose production's image. The decisions are pure; the registry read is
// one function.
import type { TokenCredential } from '@azure/identity';
import type { AzureSettings } from '../azure/connection.js';
import { InputError } from '../core/inputs.js';
import type { RegistryClient, RegistryClientOptions } from '../registry/client.js';
import { parseImageRef, validateRegistry, validateRepository, type ImageRef } from '../registry/reference.js';
import type { AppSpec } from '../core/app-spec.js';
import { connectRegistry, immutableVersionImage, versionTags } from '../registry/version-image.js';
import { classifyRef, formatSemver, parseSemver, type GitContext } from '../core/versions.js';
import * as m from './messages.js';

/** Where the image must come from and (mode production) the release whose locked tag names its digest. */
export interface ExpectedImage {
  registry: string;
  repository: string;
  /** Mode production: the release (1.2.3); its exact tag in the repository is locked at the digest. */
  version?: string;
}

/**
 * The expected registry, repository and version from the inputs, else from the spec deployed (its one
 * `configuration.registries[].server`, the repository of its app container's image) and the run's release
 * tag. Throws InputError when one cannot be known, or (given `image`) when the image is not of that registry
 * and repository.
 */
export function readExpectedImage(
  get: (name: string) => string,
  spec: AppSpec,
  specFile: string,
  mode: 'production' | 'preview',
  git?: GitContext,
  /** The image input, checked against the registry and repository before the version is looked for. */
  image?: { image: string; ref: ImageRef },
): ExpectedImage {
  const servers = (spec.configuration?.registries ?? []).flatMap((r) => (r.server ? [r.server] : []));
  const registryRaw = get('registry');
  const registry =
    registryRaw.trim() !== ''
      ? validateRegistry('registry', registryRaw)
      : servers.length === 1
        ? validateRegistry('registry', servers[0])
        : undefined;
  if (!registry) throw new InputError('registry', registryRaw, m.registryRequired(specFile, servers));
  const specImage = spec.template?.containers?.[0]?.image;
  const repositoryRaw = get('repository');
  const repository =
    repositoryRaw.trim() !== ''
      ? validateRepository('repository', repositoryRaw)
      : specImage
        ? parseImageRef(specImage).repository
        : undefined;
  if (!repository) throw new InputError('repository', repositoryRaw, m.repositoryRequired(specFile));
  if (image) checkImagePlace(image.image, image.ref, { registry, repository });
  const versionRaw = get('version');
  let version: string | undefined;
  if (versionRaw.trim() !== '') {
    const v = parseSemver(versionRaw.trim().replace(/^v/, ''));
    if (!v) throw new InputError('version', versionRaw, m.VERSION_ALLOWED);
    version = formatSemver(v);
  } else if (mode === 'production') {
    const ref = git ? classifyRef(git) : undefined;
    if (ref?.kind !== 'tag' || !ref.semver)
      throw new InputError('version', '', m.versionRequired(registry, repository));
    version = formatSemver(ref.semver);
  }
  return { registry, repository, ...(mode === 'production' ? { version } : {}) };
}

/** The image's registry and repository are the expected ones (pure; InputError on `image` otherwise). */
export function checkImagePlace(image: string, ref: ImageRef, expected: ExpectedImage): void {
  if (ref.registry === expected.registry && ref.repository === expected.repository) return;
  const want = `${expected.registry}/${expected.repository}`;
  throw new InputError('image', image, m.imageElsewhere(want, `${ref.registry}/${ref.repository}`));
}

/**
 * Mode production: the image's digest is the one the release's exact version tag is locked at in the expected
 * repository. Returns what it saw; throws InputError on `image` when the tag is missing, writable, or locked
 * at another digest.
 */
export async function verifyReleaseDigest(
  client: RegistryClient,
  image: string,
  ref: ImageRef,
  expected: Required<ExpectedImage>,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  const { registry, repository, version } = expected;
  const tags = versionTags(version)
    .map((t) => `${repository}:${t}`)
    .join(' or ');
  const answers: string[] = [];
  const locked = await immutableVersionImage(
    client,
    registry,
    repository,
    version,
    (line) => {
      answers.push(line);
      log(line);
    },
    (writable) => new InputError('image', image, m.releaseTagWritable(version, writable, registry)),
  );
  if (!locked) throw new InputError('image', image, m.releaseTagMissing(version, registry, tags, answers));
  const digest = parseImageRef(locked).digest;
  if (digest !== ref.digest)
    throw new InputError('image', image, m.releaseDigestOther(version, locked, tags));
  return `${registry}/${repository}: the locked release tag of ${version} points at ${digest}`;
}

/** What deploy-app's core calls first: throws when the image is not what this deploy may deploy. */
export type VerifyImage = (image: string, ref: ImageRef, expected: ExpectedImage) => Promise<string>;

/** The registry and repository only: what a preview verifies (its pr-<N> tags are mutable by design). */
export const checkPlace: VerifyImage = async (image, ref, expected) => {
  checkImagePlace(image, ref, expected);
  return `${ref.registry}/${ref.repository} is the configured repository`;
};

/**
 * The verification of a run: the place always (again, in case settings were built elsewhere); in mode
 * production (expected.version set) the locked release tag, read with the run's Azure identity. Preview
 * images carry mutable pr-<N> tags, so a preview checks the place only.
 */
export function registryVerifier(
  settings: Pick<AzureSettings, 'cloud' | 'tenantId'>,
  credential: TokenCredential,
  o: { log: (line: string) => void; mask: (secret: string) => void; options?: RegistryClientOptions },
): VerifyImage {
  return async (image, ref, expected) => {
    const place = await checkPlace(image, ref, expected);
    if (!expected.version) return place;
    const client = await connectRegistry(expected.registry, settings, credential, o);
    return verifyReleaseDigest(client, image, ref, { ...expected, version: expected.version }, o.log);
  };
}
