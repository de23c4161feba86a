// Versions and default image tags, by the rules users know from docker/metadata-action:
// tag v1.2.3 -> 1.2.3, 1.2, 1, latest (only the full version for pre-releases and v0.x);
// pull request -> pr-<N> and pr-<N>-<head sha7>; branch -> its sanitized name; always sha-<sha7>.
// Pure functions over a small typed context built from the workflow run; semantic versions on the `semver` package
// (its parse and compare alone: the package's index loads every range and comparator module at start).

import compare from 'semver/functions/compare.js';
import parse from 'semver/functions/parse.js';
import { InputError } from './inputs.js';

/** What the tags and version depend on; the entry builds it from @actions/github's context. */
export interface GitContext {
  /** GITHUB_EVENT_NAME: push, pull_request, pull_request_target, release, workflow_dispatch, schedule... */
  eventName: string;
  /** GITHUB_REF: refs/tags/v1.2.3, refs/heads/main, refs/pull/12/merge. */
  ref: string;
  /** GITHUB_SHA: the commit that was checked out and built (the merge commit for pull requests). */
  sha: string;
  /** Pull request number (from the event payload). */
  prNumber?: number;
  /** Head commit of the pull request (from the event payload), not the merge commit. */
  prHeadSha?: string;
}

export interface Semver {
  major: number;
  minor: number;
  patch: number;
  /** Pre-release identifiers (`rc.1` -> ['rc', '1']); empty for a release. */
  prerelease: string[];
  /** Build metadata (`+build.5`), ignored for precedence. */
  build: string;
}

export const MAX_TAG_LENGTH = 128;
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PULL_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** Parses `1.2.3`, `v1.2.3-rc.1+build.5`; undefined when the text is not a semantic version. */
export function parseSemver(text: string): Semver | undefined {
  const v = parse(text.trim().replace(/^V/, 'v'));
  if (!v) return undefined;
  return {
    major: v.major,
    minor: v.minor,
    patch: v.patch,
    prerelease: v.prerelease.map(String),
    build: v.build.join('.'),
  };
}

/** The canonical text of a version, without the `v` prefix. */
export function formatSemver(v: Semver): string {
  const pre = v.prerelease.length ? `-${v.prerelease.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${v.build ? `+${v.build}` : ''}`;
}

/** Semantic-version precedence: negative when a < b, 0 when equal (build metadata ignored), positive when a > b. */
export function compareSemver(a: Semver, b: Semver): number {
  return compare(formatSemver(a), formatSemver(b));
}

/** A release version: semantic, not a pre-release (v0.x counts: it is released, only not stable). */
export function isRelease(v: Semver): boolean {
  return v.prerelease.length === 0;
}

/** A tag naming exactly one release (`1.2.3`, no `v`, no pre-release, no build metadata), as build-push pushes them. */
export function isReleaseTag(tag: string): boolean {
  const v = /^\d/.test(tag) ? parseSemver(tag) : undefined;
  return v !== undefined && isRelease(v) && !v.build && formatSemver(v) === tag;
}

/** Lower-case, invalid characters -> '-', no leading '.' or '-', at most 128 characters; '' when nothing is left. */
export function sanitizeTag(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, MAX_TAG_LENGTH);
}

/** Validates a tag given by the user (Docker's rule: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}). */
export function validateTag(input: string, tag: string): string {
  if (!DOCKER_TAG.test(tag)) {
    const hint = /[:/@]/.test(tag)
      ? ' (tag names only: the registry and repository come from their own inputs)'
      : '';
    throw new InputError(
      input,
      tag,
      `allowed: tag names of letters, digits, '_', '.' and '-', not starting with '.' or '-', at most ${MAX_TAG_LENGTH} characters${hint}`,
    );
  }
  return tag;
}

export function shortSha(sha: string): string {
  return sha.trim().toLowerCase().slice(0, 7);
}

/** What the ref names: a git tag, a branch, a pull request, or something else. */
export type RefKind =
  | { kind: 'tag'; name: string; semver?: Semver }
  | { kind: 'pull'; number: number; headSha: string }
  | { kind: 'branch'; name: string }
  | { kind: 'other' };

function pullNumber(ctx: GitContext): number | undefined {
  if (ctx.prNumber !== undefined && Number.isInteger(ctx.prNumber) && ctx.prNumber > 0) return ctx.prNumber;
  const m = /^refs\/pull\/(\d+)\//.exec(ctx.ref);
  return m ? Number(m[1]) : undefined;
}

export function classifyRef(ctx: GitContext): RefKind {
  const pr = PULL_EVENTS.has(ctx.eventName) || ctx.ref.startsWith('refs/pull/') ? pullNumber(ctx) : undefined;
  if (pr !== undefined) return { kind: 'pull', number: pr, headSha: ctx.prHeadSha || ctx.sha };
  if (ctx.ref.startsWith('refs/tags/')) {
    const name = ctx.ref.slice('refs/tags/'.length);
    return { kind: 'tag', name, semver: parseSemver(name) };
  }
  if (ctx.ref.startsWith('refs/heads/')) return { kind: 'branch', name: ctx.ref.slice('refs/heads/'.length) };
  return { kind: 'other' };
}

/**
 * The commit this run builds: a pull request's head (what preview.yml checks out, and what pr-<N>-<sha7> names),
 * never the merge commit GITHUB_SHA of a pull_request event; otherwise GITHUB_SHA.
 */
export function builtSha(ctx: GitContext): string {
  const ref = classifyRef(ctx);
  return ref.kind === 'pull' ? ref.headSha : ctx.sha;
}

/**
 * The version this run builds, for outputs, the OCI version label and revision names:
 * `1.2.3` for tag v1.2.3, the sanitized tag name for another tag, `pr-12-abc1234` for a pull request
 * (its head commit), the sanitized branch name for a branch, else `sha-<sha7>` of the commit built.
 */
export function computeVersion(ctx: GitContext): string {
  const ref = classifyRef(ctx);
  const fallback = `sha-${shortSha(builtSha(ctx))}`;
  switch (ref.kind) {
    case 'tag':
      return ref.semver ? formatSemver(ref.semver) : sanitizeTag(ref.name) || fallback;
    case 'pull':
      return `pr-${ref.number}-${shortSha(ref.headSha)}`;
    case 'branch':
      return sanitizeTag(ref.name) || fallback;
    default:
      return fallback;
  }
}

/** Tags of a semantic version: the full version always; minor, major and latest only for a release >= 1.0.0. */
export function semverTags(v: Semver): string[] {
  const full = formatSemver(v);
  if (!isRelease(v) || v.major === 0) return [full];
  return [full, `${v.major}.${v.minor}`, `${v.major}`, 'latest'];
}

/** The default tags of the contract, lower-case, sanitized, unique, in order of importance. */
export function defaultTags(ctx: GitContext): string[] {
  const ref = classifyRef(ctx);
  const tags: string[] = [];
  if (ref.kind === 'tag') tags.push(...(ref.semver ? semverTags(ref.semver) : [ref.name]));
  if (ref.kind === 'pull') tags.push(`pr-${ref.number}`, `pr-${ref.number}-${shortSha(ref.headSha)}`);
  if (ref.kind === 'branch') tags.push(ref.name);
  const sha = builtSha(ctx);
  if (sha.trim()) tags.push(`sha-${shortSha(sha)}`);
  return [...new Set(tags.map(sanitizeTag).filter((t) => t !== ''))];
}

/** True when this run builds a release (a git tag that is a semantic version without pre-release). */
export function isReleaseBuild(ctx: GitContext): boolean {
  const ref = classifyRef(ctx);
  return ref.kind === 'tag' && ref.semver !== undefined && isRelease(ref.semver);
}

/** The repository's web address as the runner names it (GITHUB_SERVER_URL, GITHUB_REPOSITORY); undefined without one. */
export function sourceUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const repository = env.GITHUB_REPOSITORY;
  return repository ? `${env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}` : undefined;
}

/** The workflow run as the runner describes it (GITHUB_* variables and the event payload). */
export function gitContextFromEnv(env: NodeJS.ProcessEnv, readFile: (path: string) => string): GitContext {
  let pr: { number?: unknown; head?: { sha?: unknown } } | undefined;
  try {
    const payload = env.GITHUB_EVENT_PATH
      ? (JSON.parse(readFile(env.GITHUB_EVENT_PATH)) as Record<string, unknown>)
      : {};
    pr = payload.pull_request as typeof pr;
  } catch {
    pr = undefined;
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    prNumber: typeof pr?.number === 'number' ? pr.number : undefined,
    prHeadSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : undefined,
  };
}
