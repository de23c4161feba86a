// The image's `created` time. A rebuild of the same commit should be the same image: with every step
// cached, the same labels give the same image and so the same digest, and a re-run converges instead
// of pushing a near-copy. So the time comes from SOURCE_DATE_EPOCH (the reproducible-builds
// convention) or from the commit being built; only without either is it the build's own time.
import { execFileSync } from 'node:child_process';

/** SOURCE_DATE_EPOCH (seconds since 1970) as a date; undefined when unset or not a whole number. */
export function parseSourceDateEpoch(raw: string | undefined): Date | undefined {
  const v = raw?.trim() ?? '';
  return /^\d{1,12}$/.test(v) ? new Date(Number(v) * 1000) : undefined;
}

/** Committer time of `sha` in the git checkout around `dir`; undefined when there is none. */
export function commitTime(dir: string, sha: string): Date | undefined {
  if (!/^[0-9a-f]{7,40}$/i.test(sha)) return undefined;
  try {
    const out = execFileSync('git', ['-C', dir, 'log', '-1', '--format=%ct', sha], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
    });
    return parseSourceDateEpoch(out);
  } catch {
    return undefined;
  }
}

export function imageCreated(
  env: NodeJS.ProcessEnv,
  dir: string,
  sha: string,
  now: () => Date = () => new Date(),
): { date: Date; from: 'SOURCE_DATE_EPOCH' | 'commit' | 'build time' } {
  const epoch = parseSourceDateEpoch(env.SOURCE_DATE_EPOCH);
  if (epoch) return { date: epoch, from: 'SOURCE_DATE_EPOCH' };
  const commit = commitTime(dir, sha);
  if (commit) return { date: commit, from: 'commit' };
  return { date: now(), from: 'build time' };
}
