import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { commitTime, imageCreated, parseSourceDateEpoch } from '../../../src/build/created.js';

describe('parseSourceDateEpoch', () => {
  it.each([
    ['1700000000', '2023-11-14T22:13:20.000Z'],
    [' 0 ', '1970-01-01T00:00:00.000Z'],
    ['', undefined],
    [undefined, undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
  ])('%p -> %p', (raw, iso) => {
    expect(parseSourceDateEpoch(raw)?.toISOString()).toBe(iso);
  });
});

describe('imageCreated', () => {
  const now = () => new Date('2030-01-01T00:00:00Z');
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const headTime = Number(
    execFileSync('git', ['log', '-1', '--format=%ct', head], { encoding: 'utf8' }).trim(),
  );

  it('takes SOURCE_DATE_EPOCH first', () => {
    expect(imageCreated({ SOURCE_DATE_EPOCH: '1700000000' }, '.', head, now)).toEqual({
      date: new Date(1_700_000_000_000),
      from: 'SOURCE_DATE_EPOCH',
    });
  });
  it('then the commit time of the built commit', () => {
    expect(imageCreated({}, '.', head, now)).toEqual({ date: new Date(headTime * 1000), from: 'commit' });
  });
  it.each([
    ['an unknown commit', '.', 'feedface00112233445566778899aabbccddeeff'],
    ['not a sha', '.', '--help'],
    ['no checkout', '/', head],
  ])('then the build time, for %s', (_name, dir, sha) => {
    expect(imageCreated({}, dir, sha, now)).toEqual({ date: now(), from: 'build time' });
  });
  it('commitTime refuses option-like input', () => {
    expect(commitTime('.', '-p')).toBeUndefined();
  });
});
