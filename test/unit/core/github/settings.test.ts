import { describe, expect, it } from '@jest/globals';
import { readGitHubSettings } from '../../../../src/core/github/settings.js';
import { InputError } from '../../../../src/core/inputs.js';
import { errorOf } from '../../../support/errors.js';

const run = 'https://github.com/o/r/actions/runs/7';

describe('readGitHubSettings', () => {
  const env = {
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '7',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_API_URL: 'http://127.0.0.1:1/',
  };
  const source = (token: string) => (name: string) => (name === 'github-token' ? token : '');
  it('an empty token reports nothing', () =>
    expect(readGitHubSettings(source(' '), env, () => undefined)).toBeUndefined());
  it('masks the token and reads the run', () => {
    const masked: string[] = [];
    const s = readGitHubSettings(
      source('ghs_x'),
      env,
      (t) => masked.push(t),
      () => ({ pull_request: { head: { sha: 'a'.repeat(40) } } }),
    );
    expect(masked).toEqual(['ghs_x']);
    expect(s).toEqual({
      token: 'ghs_x',
      apiUrl: 'http://127.0.0.1:1',
      owner: 'o',
      repo: 'r',
      runUrl: run,
      sha: 'a'.repeat(40),
    });
  });
  it('the commit is GITHUB_SHA outside pull requests', () =>
    expect(readGitHubSettings(source('t'), env, () => undefined)?.sha).toBe('f'.repeat(40)));
  it.each(['', 'o', 'o/r/x'])(
    'GITHUB_REPOSITORY %p is refused, naming the input but not the token',
    (repo) => {
      const masked: string[] = [];
      const error = errorOf(InputError, () =>
        readGitHubSettings(source('secret-token'), { ...env, GITHUB_REPOSITORY: repo }, (t) =>
          masked.push(t),
        ),
      );
      expect(error.message).toMatch(/'github-token'.*owner\/name/);
      expect(error.message).not.toContain('secret-token');
      expect(masked).toEqual(['secret-token']);
    },
  );
});
