// The real Octokit of @actions/github against the stand-in GitHub API (a local HTTP server).
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  blueGreenReporting,
  deployReporting,
  GitHubReporter,
  reportSafely,
  STICKY_MARKER,
  type GitHubSettings,
} from '../../../src/core/github.js';
import { STAND_IN_BOT, startGitHubApi, type GitHubApiStandIn } from '../../../demo/github-api.js';

let api: GitHubApiStandIn;
beforeEach(async () => {
  api = await startGitHubApi({ users: { 'pat-token': 'deployer' } });
});
afterEach(() => api.close());

const settings = (token = 'ghs_token'): GitHubSettings => ({
  token,
  apiUrl: api.url,
  owner: 'alc-algo',
  repo: 'alc-algo',
  runUrl: 'https://github.com/alc-algo/alc-algo/actions/runs/7',
  sha: 'a'.repeat(40),
});
const latest = (id: number) => api.deployments.find((d) => d.id === id)!.statuses.map((s) => s.state);

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

describe('deploy-app reporting', () => {
  it('a preview: deployment preview/pr-42 in_progress -> success with the URLs, and the sticky comment', async () => {
    const r = deployReporting(new GitHubReporter(settings()), {
      mode: 'preview',
      app: 'alc-preview',
      revision: 'alc-preview--pr-42-aaaaaaa',
      image: 'r/i@sha256:1',
      label: 'pr-42',
      prNumber: 42,
    });
    await r.started();
    await r.succeeded({
      labelUrl: 'https://alc-preview---pr-42.x',
      revision: 'alc-preview--pr-42-aaaaaaa',
      image: 'r/i@sha256:1',
      appUrl: 'https://alc-preview.x',
    });
    expect(api.deployments).toHaveLength(1);
    const [d] = api.deployments;
    expect(d).toMatchObject({
      environment: 'preview/pr-42',
      ref: 'a'.repeat(40),
      transient_environment: true,
      production_environment: false,
    });
    expect(d.statuses).toEqual([
      expect.objectContaining({ state: 'in_progress', log_url: settings().runUrl }),
      expect.objectContaining({
        state: 'success',
        environment_url: 'https://alc-preview---pr-42.x',
        log_url: settings().runUrl,
      }),
    ]);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toMatch(/is up at aaaaaaa[\s\S]*https:\/\/alc-preview---pr-42\.x/);
  });

  it('a failed preview: failure, and the comment says so', async () => {
    const r = deployReporting(new GitHubReporter(settings()), {
      mode: 'preview',
      app: 'p',
      revision: 'p--x',
      image: 'i',
      label: 'pr-3',
      prNumber: 3,
    });
    await r.started();
    await r.failed('never healthy');
    expect(latest(api.deployments[0].id)).toEqual(['in_progress', 'failure']);
    expect(api.comments[0].body).toMatch(/failed at aaaaaaa[\s\S]*never healthy/);
  });

  it('production: queued -> in_progress, no comment', async () => {
    const r = deployReporting(new GitHubReporter(settings()), {
      mode: 'production',
      app: 'alc',
      revision: 'alc--v1-1-0',
      image: 'r/i:v1.1.0',
    });
    await r.started();
    await r.succeeded({
      labelUrl: 'https://alc---green.x',
      revision: 'alc--v1-1-0',
      image: 'r/i:v1.1.0',
      appUrl: 'https://alc.x',
      productionRevision: 'alc--v1-0-0',
    });
    expect(api.deployments).toEqual([
      expect.objectContaining({
        environment: 'production',
        production_environment: true,
        payload: { app: 'alc', revision: 'alc--v1-1-0', image: 'r/i:v1.1.0' },
      }),
    ]);
    expect(latest(api.deployments[0].id)).toEqual(['queued', 'in_progress']);
    expect(api.comments).toHaveLength(0);
  });
});

it('production, a first deploy serving at once: success with the app URL, the active one inactive', async () => {
  const first = (revision: string) =>
    deployReporting(new GitHubReporter(settings()), { mode: 'production', app: 'alc', revision, image: 'i' });
  for (const revision of ['alc--v1', 'alc--v2']) {
    const r = first(revision);
    await r.started();
    await r.succeeded({
      labelUrl: 'u',
      revision,
      image: 'i',
      appUrl: 'https://alc.x',
      productionRevision: revision,
    });
  }
  expect(api.deployments.map((d) => d.statuses.map((s) => s.state).join(' > '))).toEqual([
    'queued > success > inactive',
    'queued > success',
  ]);
  expect(api.deployments[1].statuses[1]).toMatchObject({ environment_url: 'https://alc.x' });
});

describe('blue-green reporting', () => {
  const deploy = async (revision: string) => {
    const r = deployReporting(new GitHubReporter(settings()), {
      mode: 'production',
      app: 'alc',
      revision,
      image: 'i',
    });
    await r.started();
    await r.succeeded({ labelUrl: 'u', revision, image: 'i', appUrl: 'https://alc.x' });
    return api.deployments.at(-1)!.id;
  };
  const bg = (command: string) => blueGreenReporting(new GitHubReporter(settings()), { command, app: 'alc' });

  it('promote: the pending deployment success with the app URL, the one before inactive; rollback: a new success', async () => {
    const v1 = await deploy('alc--v1');
    await bg('promote').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v1' });
    const v2 = await deploy('alc--v2');
    await bg('promote').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v2' });
    expect(latest(v1)).toEqual(['queued', 'in_progress', 'success', 'inactive']);
    expect(latest(v2)).toEqual(['queued', 'in_progress', 'success']);
    expect(api.deployments.find((d) => d.id === v2)!.statuses.at(-1)).toMatchObject({
      environment_url: 'https://alc.x',
    });
    await bg('rollback').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v1' });
    expect(latest(v2).at(-1)).toBe('inactive');
    const back = api.deployments.at(-1)!;
    expect(back).toMatchObject({ environment: 'production', payload: { app: 'alc', revision: 'alc--v1' } });
    expect(back.statuses.map((s) => s.state)).toEqual(['success']);
  });

  it('a failed promote marks the pending deployment failure and leaves the active one', async () => {
    const v1 = await deploy('alc--v1');
    await bg('promote').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v1' });
    const v2 = await deploy('alc--v2');
    await bg('promote').failed('analysis: 5xx 50 %');
    expect(latest(v2).at(-1)).toBe('failure');
    expect(latest(v1).at(-1)).toBe('success');
  });

  it("another app's deployments are not touched", async () => {
    const other = deployReporting(new GitHubReporter(settings()), {
      mode: 'production',
      app: 'other',
      revision: 'o',
      image: 'i',
    });
    await other.started();
    await bg('promote').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v1' });
    expect(latest(api.deployments[0].id)).toEqual(['queued']);
    expect(api.deployments[1]).toMatchObject({ payload: { app: 'alc' } });
  });

  it('teardown: every deployment of the preview inactive, the comment says torn down', async () => {
    for (const _ of [1, 2]) {
      const r = deployReporting(new GitHubReporter(settings()), {
        mode: 'preview',
        app: 'p',
        revision: 'p--x',
        image: 'i',
        label: 'pr-9',
        prNumber: 9,
      });
      await r.started();
      await r.succeeded({ labelUrl: 'u', revision: 'p--x', image: 'i', appUrl: '' });
    }
    await blueGreenReporting(new GitHubReporter(settings()), {
      command: 'teardown',
      app: 'p',
      label: 'pr-9',
      prNumber: 9,
    }).succeeded({});
    expect(api.deployments.map((d) => d.statuses.at(-1)!.state)).toEqual(['inactive', 'inactive']);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]).toMatchObject({ edits: 2, body: expect.stringContaining('torn down') });
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
