import { describe, expect, it } from '@jest/globals';
import { inputErrorOf } from '../../support/errors.js';
import {
  classifyRef,
  compareSemver,
  computeVersion,
  defaultTags,
  type GitContext,
  isReleaseBuild,
  isReleaseTag,
  parseSemver,
  sanitizeTag,
  semverTags,
  validateTag,
  gitContextFromEnv,
} from '../../../src/core/versions.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const HEAD = 'abc1234def5678abc1234def5678abc1234def56';

function ctx(over: Partial<GitContext>): GitContext {
  return { eventName: 'push', ref: 'refs/heads/main', sha: SHA, ...over };
}

describe('defaultTags', () => {
  it.each<[string, Partial<GitContext>, string[]]>([
    ['release tag', { ref: 'refs/tags/v1.2.3' }, ['1.2.3', '1.2', '1', 'latest', 'sha-0123456']],
    ['release tag without v', { ref: 'refs/tags/2.0.0' }, ['2.0.0', '2.0', '2', 'latest', 'sha-0123456']],
    ['upper-case V', { ref: 'refs/tags/V3.4.5' }, ['3.4.5', '3.4', '3', 'latest', 'sha-0123456']],
    [
      'release event',
      { eventName: 'release', ref: 'refs/tags/v1.10.0' },
      ['1.10.0', '1.10', '1', 'latest', 'sha-0123456'],
    ],
    [
      'dispatch on a tag',
      { eventName: 'workflow_dispatch', ref: 'refs/tags/v4.0.1' },
      ['4.0.1', '4.0', '4', 'latest', 'sha-0123456'],
    ],
    ['pre-release', { ref: 'refs/tags/v1.2.3-rc.1' }, ['1.2.3-rc.1', 'sha-0123456']],
    ['pre-release beta', { ref: 'refs/tags/v2.0.0-beta' }, ['2.0.0-beta', 'sha-0123456']],
    ['v0.x release', { ref: 'refs/tags/v0.9.1' }, ['0.9.1', 'sha-0123456']],
    ['v0.0.1', { ref: 'refs/tags/v0.0.1' }, ['0.0.1', 'sha-0123456']],
    ['v0.x pre-release', { ref: 'refs/tags/v0.1.0-alpha.2' }, ['0.1.0-alpha.2', 'sha-0123456']],
    [
      'build metadata',
      { ref: 'refs/tags/v1.2.3+build.7' },
      ['1.2.3-build.7', '1.2', '1', 'latest', 'sha-0123456'],
    ],
    ['non-semver tag', { ref: 'refs/tags/Release_2024' }, ['release_2024', 'sha-0123456']],
    ['partial version tag', { ref: 'refs/tags/v1.2' }, ['v1.2', 'sha-0123456']],
    ['leading zero is not semver', { ref: 'refs/tags/v01.2.3' }, ['v01.2.3', 'sha-0123456']],
    [
      'pull request uses the head commit',
      { eventName: 'pull_request', ref: 'refs/pull/12/merge', prNumber: 12, prHeadSha: HEAD },
      ['pr-12', 'pr-12-abc1234', 'sha-abc1234'],
    ],
    [
      'pull_request_target (ref is the base branch)',
      { eventName: 'pull_request_target', ref: 'refs/heads/main', prNumber: 7, prHeadSha: HEAD },
      ['pr-7', 'pr-7-abc1234', 'sha-abc1234'],
    ],
    [
      'pull request number from the ref',
      { eventName: 'pull_request', ref: 'refs/pull/99/merge', prHeadSha: HEAD },
      ['pr-99', 'pr-99-abc1234', 'sha-abc1234'],
    ],
    [
      'pull request without a head commit falls back to the built one',
      { eventName: 'pull_request', ref: 'refs/pull/5/merge', prNumber: 5 },
      ['pr-5', 'pr-5-0123456', 'sha-0123456'],
    ],
    ['branch', { ref: 'refs/heads/main' }, ['main', 'sha-0123456']],
    ['branch with slash', { ref: 'refs/heads/feature/Login-Page' }, ['feature-login-page', 'sha-0123456']],
    ['branch with odd characters', { ref: 'refs/heads/fix#12@home' }, ['fix-12-home', 'sha-0123456']],
    ['branch with leading dot', { ref: 'refs/heads/.hidden' }, ['hidden', 'sha-0123456']],
    ['branch named sha-like', { ref: 'refs/heads/sha-0123456' }, ['sha-0123456']],
    [
      'schedule on the default branch',
      { eventName: 'schedule', ref: 'refs/heads/main' },
      ['main', 'sha-0123456'],
    ],
    ['unknown ref', { ref: 'refs/notes/x' }, ['sha-0123456']],
    ['upper-case sha', { ref: 'refs/heads/dev', sha: 'ABCDEF0123456789' }, ['dev', 'sha-abcdef0']],
    ['no sha', { ref: 'refs/heads/dev', sha: '' }, ['dev']],
  ])('%s', (_name, over, tags) => {
    expect(defaultTags(ctx(over))).toEqual(tags);
  });

  it('caps a long branch name at 128 characters', () => {
    const tags = defaultTags(ctx({ ref: `refs/heads/${'a'.repeat(300)}` }));
    expect(tags[0]).toHaveLength(128);
    expect(tags.every((t) => /^[a-z0-9_][a-z0-9_.-]{0,127}$/.test(t))).toBe(true);
  });
});

describe('computeVersion', () => {
  it.each<[Partial<GitContext>, string]>([
    [{ ref: 'refs/tags/v1.2.3' }, '1.2.3'],
    [{ ref: 'refs/tags/v1.2.3-rc.1' }, '1.2.3-rc.1'],
    [{ ref: 'refs/tags/v0.4.0' }, '0.4.0'],
    [{ ref: 'refs/tags/v1.2.3+b.1' }, '1.2.3+b.1'],
    [{ ref: 'refs/tags/nightly/Today' }, 'nightly-today'],
    [
      { eventName: 'pull_request', ref: 'refs/pull/12/merge', prNumber: 12, prHeadSha: HEAD },
      'pr-12-abc1234',
    ],
    [{ ref: 'refs/heads/feature/x' }, 'feature-x'],
    [{ ref: 'refs/heads/###' }, 'sha-0123456'],
    [{ ref: 'refs/heads/#1' }, '1'],
    [{ ref: 'refs/heads/...' }, 'sha-0123456'],
    [{ ref: '' }, 'sha-0123456'],
  ])('%j -> %p', (over, version) => {
    expect(computeVersion(ctx(over))).toBe(version);
  });
});

describe('parseSemver and compareSemver', () => {
  it.each([
    ['1.2.3', { major: 1, minor: 2, patch: 3, prerelease: [], build: '' }],
    ['v10.20.30', { major: 10, minor: 20, patch: 30, prerelease: [], build: '' }],
    [
      '1.0.0-rc.1+exp.sha.5114f85',
      { major: 1, minor: 0, patch: 0, prerelease: ['rc', '1'], build: 'exp.sha.5114f85' },
    ],
  ])('parses %p', (text, parsed) => {
    expect(parseSemver(text)).toEqual(parsed);
  });

  it.each(['1.2', '1', 'v1.2.3.4', '01.2.3', '1.2.3-', '1.2.3-01', 'latest', '', 'v', '1.2.3 beta'])(
    'rejects %p',
    (text) => {
      expect(parseSemver(text)).toBeUndefined();
    },
  );

  it.each([
    ['1.0.0', '2.0.0', -1],
    ['2.0.0', '2.1.0', -1],
    ['2.1.0', '2.1.1', -1],
    ['1.10.0', '1.9.0', 1],
    ['1.0.0-alpha', '1.0.0', -1],
    ['1.0.0', '1.0.0-rc.1', 1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
    ['1.0.0-alpha.beta', '1.0.0-beta', -1],
    ['1.0.0-beta.2', '1.0.0-beta.11', -1],
    ['1.0.0-rc.1', '1.0.0-rc.1', 0],
    ['1.0.0+a', '1.0.0+b', 0],
  ])('%p vs %p -> %p', (a, b, sign) => {
    expect(compareSemver(parseSemver(a)!, parseSemver(b)!)).toBe(sign);
    expect(compareSemver(parseSemver(b)!, parseSemver(a)!)).toBe(-sign || 0);
  });

  it('semverTags of a release and of a pre-release', () => {
    expect(semverTags(parseSemver('5.6.7')!)).toEqual(['5.6.7', '5.6', '5', 'latest']);
    expect(semverTags(parseSemver('5.6.7-rc.2')!)).toEqual(['5.6.7-rc.2']);
  });
});

describe('isReleaseTag', () => {
  it.each([
    ['1.2.3', true],
    ['0.1.0', true],
    ['10.0.12', true],
    ['v1.2.3', false],
    ['1.2.3-rc.1', false],
    ['1.2', false],
    ['1', false],
    ['latest', false],
    ['sha-0123456', false],
    ['buildcache', false],
    ['pr-12', false],
    ['01.2.3', false],
  ])('%p -> %p', (tag, release) => {
    expect(isReleaseTag(tag)).toBe(release);
  });
});

describe('isReleaseBuild', () => {
  it.each<[Partial<GitContext>, boolean]>([
    [{ ref: 'refs/tags/v1.2.3' }, true],
    [{ ref: 'refs/tags/v0.2.3' }, true],
    [{ ref: 'refs/tags/v1.2.3-rc.1' }, false],
    [{ ref: 'refs/tags/nightly' }, false],
    [{ ref: 'refs/heads/main' }, false],
    [{ eventName: 'pull_request', ref: 'refs/pull/1/merge', prNumber: 1 }, false],
  ])('%j -> %p', (over, release) => {
    expect(isReleaseBuild(ctx(over))).toBe(release);
  });
});

describe('sanitizeTag and validateTag', () => {
  it.each([
    ['Feature/ABC', 'feature-abc'],
    ['a b\tc', 'a-b-c'],
    ['-leading', 'leading'],
    ['..x', 'x'],
    ['ok_tag.1-2', 'ok_tag.1-2'],
    ['ünïcode', 'n-code'],
    ['###', ''],
  ])('sanitizeTag(%p) -> %p', (raw, tag) => {
    expect(sanitizeTag(raw)).toBe(tag);
  });

  it.each(['latest', 'v1.2.3', 'Stable_1', '_x', 'a'.repeat(128)])('accepts %p', (tag) => {
    expect(validateTag('tags', tag)).toBe(tag);
  });

  it.each([
    ['-bad', /not starting with/],
    ['.bad', /not starting with/],
    ['a'.repeat(129), /at most 128/],
    ['repo:tag', /tag names only/],
    ['registry/repo', /tag names only/],
    ['has space', /letters, digits/],
    ['', /letters, digits/],
  ])('rejects %p', (tag, message) => {
    const error = inputErrorOf(() => validateTag('tags', tag));
    expect(error.input).toBe('tags');
    expect(error.message).toMatch(message);
  });
});

describe('classifyRef', () => {
  it('a pull request wins over its ref', () => {
    expect(
      classifyRef(ctx({ eventName: 'pull_request_target', ref: 'refs/heads/main', prNumber: 3 })),
    ).toEqual({
      kind: 'pull',
      number: 3,
      headSha: SHA,
    });
  });
  it('a push to refs/pull is still a pull request', () => {
    expect(classifyRef(ctx({ ref: 'refs/pull/4/head' }))).toMatchObject({ kind: 'pull', number: 4 });
  });
});

describe('gitContextFromEnv', () => {
  it('reads the pull request head from the event payload', () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/12/merge',
      GITHUB_SHA: 'm',
      GITHUB_EVENT_PATH: '/e.json',
    };
    const payload = JSON.stringify({ pull_request: { number: 12, head: { sha: 'abc' } } });
    expect(gitContextFromEnv(env, () => payload)).toEqual({
      eventName: 'pull_request',
      ref: 'refs/pull/12/merge',
      sha: 'm',
      prNumber: 12,
      prHeadSha: 'abc',
    });
    expect(gitContextFromEnv({}, () => '')).toEqual({
      eventName: '',
      ref: '',
      sha: '',
      prNumber: undefined,
      prHeadSha: undefined,
    });
  });
});
