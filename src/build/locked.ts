// A release whose exact version tag is already locked: a re-run at the commit the locked image was built from
// reuses it (nothing is built or pushed over an immutable release); a release tag moved to another commit is
// refused, so the run never deploys the old image under the new commit's name. Pure.
import { REVISION_LABEL } from './plan.js';
import * as m from './messages.js';

export type LockedVerdict =
  /** The locked image was built from this run's commit. */
  | { kind: 'reuse' }
  /** The locked image names no commit (or its labels could not be read): reused, with a warning. */
  | { kind: 'reuse-unproven'; warning: string }
  /** The locked image was built from another commit: the tag moved. */
  | { kind: 'moved'; error: string };

export interface LockedRelease {
  /** The git tag of the run (v1.2.0). */
  tagName: string;
  /** The digest the version tag is locked at. */
  digest: string;
  /** The config labels of that image; undefined when they could not be read (`unreadable` says why). */
  labels: Record<string, string> | undefined;
  unreadable?: string;
  /** The commit this run builds. */
  runSha: string;
}

/** Two commit names for the same commit: equal, or one a prefix (at least 7 hex digits) of the other. */
export function sameCommit(a: string, b: string): boolean {
  const [x, y] = [a.trim().toLowerCase(), b.trim().toLowerCase()];
  if (x === y) return x !== '';
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return /^[0-9a-f]{7,}$/.test(short) && long.startsWith(short);
}

export function lockedReleaseVerdict(r: LockedRelease): LockedVerdict {
  const built = r.labels?.[REVISION_LABEL]?.trim() ?? '';
  if (built === '') {
    const why = r.labels
      ? `it has no ${REVISION_LABEL} label`
      : `its labels could not be read: ${r.unreadable}`;
    return { kind: 'reuse-unproven', warning: m.lockedUnproven(r.tagName, r.digest, r.runSha, why) };
  }
  if (sameCommit(built, r.runSha)) return { kind: 'reuse' };
  return { kind: 'moved', error: m.releaseTagMoved(r.tagName, r.digest, built, r.runSha) };
}

/** A release run whose tag moved to another commit after its image was locked: nothing is built or deployed. */
export class ReleaseTagMovedError extends Error {
  override name = 'ReleaseTagMovedError';
}
