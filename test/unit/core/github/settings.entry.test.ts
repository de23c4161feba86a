// The entries with github-token: bad input fails the step before any request reaches GitHub, and the token is masked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { errorLines, runEntry } from '../../../support/entry.js';
import { startGitHubApi, type GitHubApiStandIn } from '../../../../demo/github-api.js';

const TOKEN = 'ghs_entrytoken0123456789';
let api: GitHubApiStandIn;
beforeAll(async () => {
  api = await startGitHubApi();
});
afterAll(() => api.close());

const env = () => ({
  GITHUB_API_URL: api.url,
  GITHUB_REPOSITORY: 'alc-algo/alc-algo',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '7',
  GITHUB_SHA: 'a'.repeat(40),
  AZURE_SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000001',
  ALC_DEPLOY_RESOURCE_GROUP: 'alc-algo-preview',
});
/** What a runner shows: the ::add-mask:: command itself is never printed. */
const shown = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe('github-token on the entries', () => {
  it.each<[string, string, Record<string, string>, RegExp]>([
    [
      'deploy-app, an image by tag',
      'deploy-app',
      { image: 'r.example/app:latest', mode: 'preview' },
      /'image'/,
    ],
    ['blue-green, an unknown command', 'blue-green', { command: 'deploy' }, /'command'/],
    ['blue-green, teardown of a slot', 'blue-green', { command: 'teardown', label: 'green' }, /'label'/],
  ])(
    '%s: one error naming the input, no request to GitHub',
    async (_what, action, inputs, input) => {
      const before = api.requests.length;
      const run = await runEntry({ action, inputs: { ...inputs, 'github-token': TOKEN }, env: env() });
      expect(run.status).toBe(1);
      expect(errorLines(run.stdout)).toEqual([expect.stringMatching(input)]);
      expect(api.requests.length).toBe(before);
      expect(shown(run.log)).not.toContain(TOKEN);
      expect(run.log).toContain(`::add-mask::${TOKEN}`);
    },
    60_000,
  );

  it('a token without GITHUB_REPOSITORY is refused, naming github-token and not printing it', async () => {
    const { GITHUB_REPOSITORY: _omitted, ...rest } = env();
    const run = await runEntry({
      action: 'blue-green',
      inputs: { command: 'status', 'github-token': TOKEN },
      env: { ...rest, GITHUB_REPOSITORY: '' },
    });
    expect(run.status).toBe(1);
    expect(errorLines(run.stdout)).toEqual([expect.stringMatching(/'github-token'.*owner\/name/)]);
    expect(shown(run.log)).not.toContain(TOKEN);
    expect(run.log).toContain(`::add-mask::${TOKEN}`);
    expect(api.requests).toHaveLength(0);
  }, 60_000);
});
