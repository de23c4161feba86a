// Image retention planning (pure): which images of a repository to keep (the last releases, what active
// revisions run) and which to delete.
import { compareSemver, isReleaseTag, parseSemver } from '../core/versions.js';
import type { TagInfo } from './client.js';
import { parseImageRef } from './reference.js';

// ---------------------------------------------------------------------------------------------
// Retention planning (pure)

/** One image of the repository: a digest with every tag that points to it. */
export interface RepositoryImage {
  digest: string;
  tags: string[];
  /** The highest release tag on the image (`1.2.3`), when it has one. */
  version?: string;
  updatedAt?: string;
}

export interface RetentionInput {
  /** Every tag of the repository with its digest. */
  tags: TagInfo[];
  /** How many release images to keep, newest first (at least 1). */
  keep: number;
  registry: string;
  repository: string;
  /** Images that active revisions run (any registry; only this repository's count). */
  running: Array<{ revision: string; image: string }>;
  /** Digests that must survive whatever their rank, with why (the image just pushed). */
  protect?: Array<{ digest: string; reason: string }>;
}

export interface RetentionPlan {
  /** Release images within the newest `keep`. */
  kept: RepositoryImage[];
  /** Release images beyond `keep` to delete, oldest last. */
  remove: RepositoryImage[];
  /** Release images beyond `keep` that must stay, and why. */
  spared: Array<{ image: RepositoryImage; reason: string }>;
}

/** Tags that belong to a release and go with it: its version, the floating major/minor/latest tags, sha-<7>. */
function isReleaseOwnedTag(tag: string): boolean {
  return (
    isReleaseTag(tag) || /^\d+(\.\d+)?$/.test(tag) || tag === 'latest' || /^sha-[0-9a-f]{7,40}$/.test(tag)
  );
}

/** Groups tags by digest; release images (with at least one release tag) come first, newest version first. */
export function groupImages(tags: TagInfo[]): RepositoryImage[] {
  const byDigest = new Map<string, RepositoryImage>();
  for (const t of tags) {
    const image = byDigest.get(t.digest) ?? { digest: t.digest, tags: [] };
    image.tags.push(t.tag);
    if (t.updatedAt && (!image.updatedAt || t.updatedAt > image.updatedAt)) image.updatedAt = t.updatedAt;
    if (isReleaseTag(t.tag)) {
      const newer = !image.version || compareSemver(parseSemver(t.tag)!, parseSemver(image.version)!) > 0;
      if (newer) image.version = t.tag;
    }
    byDigest.set(t.digest, image);
  }
  const images = [...byDigest.values()];
  for (const image of images) image.tags.sort();
  return images.sort((a, b) => {
    if (a.version && b.version) {
      return (
        compareSemver(parseSemver(b.version)!, parseSemver(a.version)!) ||
        (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '')
      );
    }
    return a.version ? -1 : b.version ? 1 : 0;
  });
}

/** Which digests of this repository the active revisions run, with the revisions that run them. */
export function runningDigests(
  input: Pick<RetentionInput, 'tags' | 'registry' | 'repository' | 'running'>,
): Map<string, string[]> {
  const byTag = new Map(input.tags.map((t) => [t.tag, t.digest]));
  const found = new Map<string, string[]>();
  for (const { revision, image } of input.running) {
    const ref = parseImageRef(image);
    if (ref.registry !== input.registry.toLowerCase() || ref.repository !== input.repository) continue;
    const digest = ref.digest ?? byTag.get(ref.tag ?? 'latest');
    if (digest) found.set(digest, [...(found.get(digest) ?? []), revision]);
  }
  return found;
}

/**
 * Keep the newest `keep` release images; beyond them, delete each one unless an active revision runs
 * it, it is protected, or a tag that is not the release's own (a branch, a PR, buildcache...) points
 * to it. Images without a release tag are never touched.
 */
export function planRetention(input: RetentionInput): RetentionPlan {
  if (!Number.isInteger(input.keep) || input.keep < 1)
    throw new RangeError(`keep must be a whole number >= 1, got ${input.keep}`);
  const releases = groupImages(input.tags).filter((i) => i.version);
  const running = runningDigests(input);
  const protect = new Map((input.protect ?? []).map((p) => [p.digest, p.reason]));
  const plan: RetentionPlan = { kept: releases.slice(0, input.keep), remove: [], spared: [] };
  for (const image of releases.slice(input.keep)) {
    const revisions = running.get(image.digest);
    const foreign = image.tags.filter((t) => !isReleaseOwnedTag(t));
    if (revisions) plan.spared.push({ image, reason: `run by active revision ${revisions.join(', ')}` });
    else if (protect.has(image.digest)) plan.spared.push({ image, reason: protect.get(image.digest)! });
    else if (foreign.length) plan.spared.push({ image, reason: `also tagged ${foreign.join(', ')}` });
    else plan.remove.push(image);
  }
  return plan;
}
