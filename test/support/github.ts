// The reporter's settings for the stand-in GitHub API (demo/github-api.ts), and what it holds.
import { afterEach, beforeEach } from '@jest/globals';
import type { GitHubSettings } from '../../src/core/github/settings.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../demo/github-api.js';

/** Settings that report to `api` as alc-algo/alc-algo's run 7 at commit a…a; a GITHUB_TOKEN unless `token` says. */
export function standInSettings(api: GitHubApiStandIn, token = 'ghs_token'): GitHubSettings {
  return {
    token,
    apiUrl: api.url,
    owner: 'alc-algo',
    repo: 'alc-algo',
    runUrl: 'https://github.com/alc-algo/alc-algo/actions/runs/7',
    sha: 'a'.repeat(40),
  };
}

/** The states of deployment `id`'s statuses, oldest first. */
export function statesOf(api: GitHubApiStandIn, id: number): string[] {
  return api.deployments.find((d) => d.id === id)!.statuses.map((s) => s.state);
}

/**
 * A fresh stand-in GitHub API for each test of the calling file (started before, closed after): the API, reporter
 * settings that point at it, and the states of a deployment's statuses.
 */
export function useGitHubApi() {
  let api: GitHubApiStandIn;
  beforeEach(async () => {
    api = await startGitHubApi();
  });
  afterEach(() => api.close());
  return {
    api: () => api,
    settings: () => standInSettings(api),
    latest: (id: number) => statesOf(api, id),
  };
}
