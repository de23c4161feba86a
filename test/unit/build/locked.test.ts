// The decision on a release whose version tag is already locked: reuse at the same commit, refuse a moved tag.
import { describe, expect, it } from '@jest/globals';
import { lockedReleaseVerdict, sameCommit } from '../../../src/build/locked.js';

const OLD = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const NEW = '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const DIGEST = `sha256:${'cd'.repeat(32)}`;
const REVISION = 'org.opencontainers.image.revision';

describe('sameCommit', () => {
  it.each([
    [OLD, OLD, true],
    [OLD, OLD.toUpperCase(), true],
    [OLD, OLD.slice(0, 7), true],
    [OLD.slice(0, 12), OLD, true],
    [OLD, OLD.slice(0, 6), false],
    [OLD, NEW, false],
    ['', '', false],
    ['main', 'main-branch', false],
  ])('%s vs %s -> %p', (a, b, same) => {
    expect(sameCommit(a, b)).toBe(same);
  });
});

describe('lockedReleaseVerdict', () => {
  const base = { tagName: 'v1.2.0', digest: DIGEST, runSha: NEW };
  it.each([
    ['built from this commit: reused', { labels: { [REVISION]: NEW } }, { kind: 'reuse' }],
    [
      'built from this commit, short label: reused',
      { labels: { [REVISION]: NEW.slice(0, 7) } },
      { kind: 'reuse' },
    ],
    [
      'built from another commit: the tag moved',
      { labels: { [REVISION]: OLD } },
      {
        kind: 'moved',
        error:
          `v1.2.0's locked image ${DIGEST} was built from 1111111, this run is at 2222222: ` +
          'a release tag must not move; tag a new version',
      },
    ],
    [
      'no revision label: reused, unproven',
      { labels: { 'org.opencontainers.image.version': '1.2.0' } },
      {
        kind: 'reuse-unproven',
        warning:
          `v1.2.0's locked image ${DIGEST} is reused, but whether it was built from 2222222 is unknown ` +
          `(it has no ${REVISION} label); if the tag moved, tag a new version`,
      },
    ],
    [
      'labels unreadable: reused, unproven',
      { labels: undefined, unreadable: 'HTTP 500' },
      {
        kind: 'reuse-unproven',
        warning:
          `v1.2.0's locked image ${DIGEST} is reused, but whether it was built from 2222222 is unknown ` +
          '(its labels could not be read: HTTP 500); if the tag moved, tag a new version',
      },
    ],
  ])('%s', (_name, over, verdict) => {
    expect(lockedReleaseVerdict({ ...base, ...over })).toEqual(verdict);
  });
});
