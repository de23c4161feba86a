import { describe, expect, it } from '@jest/globals';
import {
  appUrl,
  environmentIdParts,
  isEnvironmentName,
  labelUrl,
  parsePreviewLabel,
  previewLabel,
  revisionName,
  revisionNameProblem,
  revisionUrl,
  suffixForPullRequest,
  suffixFromVersion,
  suffixOf,
  validateAppName,
  validateLabel,
  validateSuffix,
} from '../../../src/core/naming.js';
import { inputErrorOf } from '../../support/errors.js';

describe('suffixFromVersion', () => {
  it.each([
    ['v1.2.3', 'v1-2-3'],
    ['v1.2.3-rc.1', 'v1-2-3-rc-1'],
    ['1.2.3', 'v1-2-3'],
    ['V2.0.0', 'v2-0-0'],
    ['v1.2.3+build.7', 'v1-2-3-build-7'],
    ['release/2026.11', 'release-2026-11'],
    ['v1..2', 'v1-2'],
  ])('%p -> %p', (version, suffix) => {
    const s = suffixFromVersion(version);
    expect(s).toBe(suffix);
    expect(validateSuffix('revision-suffix', s, 'alc-algo-agents')).toBe(s);
  });
  it.each(['', '...', '+'])('refuses %p', (v) => expect(() => suffixFromVersion(v)).toThrow(/Cannot derive/));
});

describe('suffixForPullRequest / previewLabel', () => {
  it.each([
    [12, 'abc1234def', 'pr-12-abc1234'],
    [1, 'ABCDEF0123456789abcdef0123456789abcdef01', 'pr-1-abcdef0'],
    [4321, 'deadbee', 'pr-4321-deadbee'],
  ])('PR %p at %p -> %p', (pr, sha, suffix) => expect(suffixForPullRequest(pr, sha)).toBe(suffix));
  it.each([
    [0, 'abc1234'],
    [-3, 'abc1234'],
    [1.5, 'abc1234'],
    [12, 'abc12'],
    [12, 'xyz1234'],
  ])('refuses PR %p at %p', (pr, sha) =>
    expect(() => suffixForPullRequest(pr, sha)).toThrow(/pull request|SHA/),
  );
  it('labels a PR pr-<N>', () => expect(previewLabel(7)).toBe('pr-7'));
  it('refuses a label for PR 0', () => expect(() => previewLabel(0)).toThrow(/pull request/));
  it.each<[string, number | undefined]>([
    ['pr-7', 7],
    ['pr-1234', 1234],
    ['pr-0', undefined],
    ['pr-07', undefined],
    ['pr-7-abc1234', undefined],
    ['PR-7', undefined],
    ['blue', undefined],
    ['pr-99999999999999999999', undefined],
  ])('parsePreviewLabel(%p) -> %p', (label, n) => expect(parsePreviewLabel(label)).toBe(n));
  it('parses what it formats', () => expect(parsePreviewLabel(previewLabel(42))).toBe(42));
});

describe('validateSuffix', () => {
  const app = 'alc-algo-agents'; // 15 characters: the suffix may have 54 - 17 = 37
  it.each(['a', 'v1-2-3', 'pr-12-abc1234', 'x'.repeat(37)])('accepts %p', (s) =>
    expect(validateSuffix('revision-suffix', s, app)).toBe(s),
  );
  it.each([
    ['V1-2-3', /lower-case/],
    ['1-2-3', /starting with a letter/],
    ['v1-', /ending with a letter or digit/],
    ['v1--2', /no '--'/],
    ['v1_2', /lower-case/],
    ['', /lower-case/],
    ['x'.repeat(38), /at most 37 characters.*has 55/],
  ])('refuses %p', (s, why) => {
    const e = inputErrorOf(() => validateSuffix('revision-suffix', s, app));
    expect(e.input).toBe('revision-suffix');
    expect(e.value).toBe(s);
    expect(e.message).toMatch(why);
  });
});

describe('validateAppName / validateLabel', () => {
  it.each(['ab', 'alc-algo-agents', 'a1', 'a'.repeat(32)])('app %p is valid', (a) =>
    expect(validateAppName('app', a)).toBe(a),
  );
  it.each([
    ['a', /2 to 32/],
    ['a'.repeat(33), /2 to 32 characters \(33/],
    ['Alc', /lower-case/],
    ['alc--algo', /no '--'/],
    ['9alc', /starting with a letter/],
    ['alc-', /ending/],
  ])('app %p is refused', (a, why) => expect(() => validateAppName('app', a)).toThrow(why));
  it.each(['blue', 'green', 'pr-12', 'b'])('label %p is valid', (l) =>
    expect(validateLabel('label', l)).toBe(l),
  );
  it.each(['Blue', 'pr--1', '-blue', 'blue-', '1blue', 'blue.green'])('label %p is refused', (l) => {
    const e = inputErrorOf(() => validateLabel('label', l));
    expect(e.message).toMatch(/'label'.*traffic label/);
  });
  it('refuses a label whose URL host label would exceed 63 characters', () => {
    const app = 'a'.repeat(30);
    expect(validateLabel('label', 'l'.repeat(30), app)).toHaveLength(30);
    expect(() => validateLabel('label', 'l'.repeat(31), app)).toThrow(/at most 30 characters/);
  });
});

describe('revision names and URLs', () => {
  it('joins and splits revision names', () => {
    expect(revisionName('alc-algo-agents', 'v1-2-3')).toBe('alc-algo-agents--v1-2-3');
    expect(suffixOf('alc-algo-agents--v1-2-3')).toBe('v1-2-3');
    expect(suffixOf('app--pr-12-abc1234')).toBe('pr-12-abc1234');
  });
  it.each(['alc-algo-agents', '--v1', 'app--'])('suffixOf refuses %p', (n) =>
    expect(() => suffixOf(n)).toThrow(/<app>--<suffix>/),
  );
  it.each([
    [() => appUrl('alc', 'env.eastus.azurecontainerapps.io'), 'https://alc.env.eastus.azurecontainerapps.io'],
    [() => appUrl('alc', 'Sim.Test.'), 'https://alc.sim.test'],
    [() => labelUrl('alc', 'green', 'sim.test'), 'https://alc---green.sim.test'],
    [() => revisionUrl('alc', 'v1-2-3', 'sim.test'), 'https://alc--v1-2-3.sim.test'],
    [() => revisionUrl('alc', 'alc--v1-2-3', 'sim.test'), 'https://alc--v1-2-3.sim.test'],
  ])('url %#', (make, url) => expect(make()).toBe(url));
  it('refuses the revision URL of another app', () =>
    expect(() => revisionUrl('alc', 'other--v1', 'sim.test')).toThrow(/does not belong/));
});

describe('managed environment names and resource IDs', () => {
  const id = (group: string, name: string) =>
    `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/${group}/providers/Microsoft.App/managedEnvironments/${name}`;
  it.each<[string, { resourceGroup: string; name: string } | undefined]>([
    [
      id('alc-algo-production', 'alc-algo-env'),
      { resourceGroup: 'alc-algo-production', name: 'alc-algo-env' },
    ],
    [id('rg', 'env').toLowerCase(), { resourceGroup: 'rg', name: 'env' }],
    ['alc-algo-env', undefined],
    [`${id('rg', 'env')}/extra`, undefined],
    [id('rg', 'env').replace('Microsoft.App', 'Microsoft.Web'), undefined],
  ])('environmentIdParts(%p)', (text, parts) => expect(environmentIdParts(text)).toEqual(parts));
  it.each<[string, boolean]>([
    ['alc-algo-env', true],
    ['Env2', true],
    ['ab', true],
    ['a', false],
    ['-env', false],
    ['env-', false],
    ['env_1', false],
    ['e'.repeat(60), true],
    ['e'.repeat(61), false],
  ])('isEnvironmentName(%p) is %p', (text, ok) => expect(isEnvironmentName(text)).toBe(ok));
});

describe('revision names as Azure makes them (inputs naming a revision, names read from Azure)', () => {
  it.each([
    ['app--v1-2-3', undefined],
    ['app--pr-12-abc1234', undefined],
    // ACA's own suffixes, digit-first, as live Azure's recorded answers show them.
    ['app--0000001', undefined],
    ['app--0jfo06b', undefined],
    ['app--5vkvuta', undefined],
    ['app--7f979gk', undefined],
    ['app--V1', /lower-case/],
    ['app---1', /lower-case/],
    ['app--1-', /lower-case/],
    ['app--a--b', /no '--'/],
    ['other--0000001', /of app 'app'/],
    [`app--${'1'.repeat(60)}`, /at most 54/],
  ])('%s', (name, problem) => {
    const found = revisionNameProblem(name, 'app');
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it.each(['0000001', '0jfo06b'])(
    'a suffix this project writes still starts with a letter: revision-suffix %s is refused',
    (suffix) => {
      expect(() => validateSuffix('revision-suffix', suffix, 'app')).toThrow(/starting with a letter/);
    },
  );

  it('the URL of an Azure-named revision', () => {
    expect(revisionUrl('app', 'app--0000001', 'example.io')).toBe('https://app--0000001.example.io');
  });
});
