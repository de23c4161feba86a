// The reporter: the real Octokit of @actions/github against the stand-in GitHub API (a local HTTP server).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { STICKY_MARKER } from '../../../../src/core/github/comment.js';
import { gitHubFromRunner, GitHubReporter, reportSafely } from '../../../../src/core/github/reporter.js';
import { deployReporting } from '../../../../src/deploy/github.js';
import { STAND_IN_BOT, startGitHubApi, type GitHubApiStandIn } from '../../../../demo/github-api.js';
import { standInSettings } from '../../../support/github.js';

let api: GitHubApiStandIn;
beforeEach(async () => {
  api = await startGitHubApi({ users: { 'pat-token': 'deployer' } });
});
afterEach(() => api.close());

const settings = (token?: string) => standInSettings(api, token);

describe('gitHubFromRunner', () => {
  const env = { GITHUB_REPOSITORY: 'alc-algo/alc-algo', GITHUB_RUN_ID: '7', GITHUB_SHA: 'abc' };
  const io = () => {
    const seen = { secrets: [] as string[], warnings: [] as string[] };
    return {
      seen,
      io: {
        setSecret: (s: string) => void seen.secrets.push(s),
        info: () => undefined,
        warning: (m: string) => void seen.warnings.push(m),
      },
    };
  };
  const noFile = () => {
    throw new Error('no event file');
  };
  it('without a token: no reporter, nothing masked', () => {
    const { seen, io: runner } = io();
    expect(gitHubFromRunner(() => '', env, runner, noFile)).toBeUndefined();
    expect(seen.secrets).toEqual([]);
  });
  it('with a token: masks it, and a report that fails becomes one warning', async () => {
    const { seen, io: runner } = io();
    const github = gitHubFromRunner((n) => (n === 'github-token' ? 'ghs_secret' : ''), env, runner, noFile);
    expect(seen.secrets).toEqual(['ghs_secret']);
    await github!.safely('the deployment', async () => {
      throw Object.assign(new Error('Bad credentials'), { status: 401 });
    });
    expect(seen.warnings).toEqual(['Could not report the deployment to GitHub: Bad credentials (HTTP 401)']);
  });
});

describe('the sticky comment', () => {
  it('finds ours on page 3 of 260 comments, updates it and creates no duplicate', async () => {
    for (let i = 0; i < 230; i++) api.addComment(42, `comment ${i}`, i % 2 ? 'alice' : 'renovate[bot]');
    api.addComment(42, `${STICKY_MARKER}\nmallory's copy`, 'mallory');
    const ours = api.addComment(42, `${STICKY_MARKER}\nold`, STAND_IN_BOT);
    for (let i = 0; i < 30; i++) api.addComment(42, `later ${i}`, 'bob');
    expect(api.comments.indexOf(ours)).toBeGreaterThanOrEqual(200);
    const reporter = new GitHubReporter(settings());
    const id = await reporter.upsertStickyComment(42, `${STICKY_MARKER}\nnew`);
    expect(id).toBe(ours.id);
    expect(ours).toMatchObject({ body: `${STICKY_MARKER}\nnew`, edits: 1 });
    expect(api.comments).toHaveLength(262);
    expect(api.comments.find((c) => c.user.login === 'mallory')).toMatchObject({
      edits: 0,
      body: expect.stringContaining("mallory's copy"),
    });
    const pages = api.requests.filter((r) => r.startsWith('GET /repos/alc-algo/alc-algo/issues/42/comments'));
    expect(pages).toHaveLength(3);
  });

  it("creates one when only another author's comment has the marker, then updates it", async () => {
    api.addComment(7, `${STICKY_MARKER}\nfake`, 'mallory');
    const reporter = new GitHubReporter(settings());
    const first = await reporter.upsertStickyComment(7, `${STICKY_MARKER}\none`);
    const second = await reporter.upsertStickyComment(7, `${STICKY_MARKER}\ntwo`);
    expect(second).toBe(first);
    expect(api.comments.map((c) => [c.user.login, c.body.split('\n')[1], c.edits])).toEqual([
      ['mallory', 'fake', 0],
      [STAND_IN_BOT, 'two', 1],
    ]);
  });

  it("a PAT's comments are its user's (GET /user), not the bot's", async () => {
    api.addComment(7, `${STICKY_MARKER}\nthe bot's`, STAND_IN_BOT);
    await new GitHubReporter(settings('pat-token')).upsertStickyComment(7, `${STICKY_MARKER}\nmine`);
    expect(api.comments.map((c) => c.user.login)).toEqual([STAND_IN_BOT, 'deployer']);
    expect(api.comments[0].edits).toBe(0);
  });
});

describe('reportSafely', () => {
  it('an outage of GitHub is a warning, never an error', async () => {
    api.failWith = 500;
    const warnings: string[] = [];
    const r = deployReporting(new GitHubReporter(settings()), {
      mode: 'preview',
      app: 'p',
      revision: 'p--x',
      image: 'i',
      label: 'pr-1',
      prNumber: 1,
    });
    await reportSafely(
      'the preview',
      () => r.started(),
      (m) => warnings.push(m),
    );
    expect(warnings).toEqual([
      expect.stringMatching(/^Could not report the preview to GitHub: .*\(HTTP 500\)$/),
    ]);
    expect(warnings[0]).not.toContain('ghs_token');
  }, 30_000);
});
