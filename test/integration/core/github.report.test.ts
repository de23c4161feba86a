// deploy-app and blue-green entries with github-token against the simulator and the stand-in GitHub API: a preview
// records its deployment and sticky comment; GitHub answering 500 leaves a successful teardown successful, with a
// warning.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { describeWithDocker } from '../../support/docker.js';
import { errorLines, runEntry, startDeploySim, type DeploySim } from '../../support/deploy-sim.js';
import { STAND_IN_BOT, startGitHubApi, type GitHubApiStandIn } from '../../../demo/github-api.js';

const PREVIEW = 'alc-algo-agents-preview';
const TOKEN = 'ghs_reporttoken0123456789';

describeWithDocker('GitHub reporting of the entries', () => {
  let t: DeploySim;
  let api: GitHubApiStandIn;
  const github = () => ({
    GITHUB_API_URL: api.url,
    GITHUB_REPOSITORY: 'alc-algo/alc-algo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: 'b'.repeat(40),
  });
  beforeAll(async () => {
    [t, api] = await Promise.all([startDeploySim(), startGitHubApi()]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([t?.stop(), api?.close()]);
  }, 60_000);

  it('a preview records preview/pr-7 and its comment; a teardown with GitHub down succeeds with a warning', async () => {
    const deployed = await runEntry(
      'deploy-app',
      {
        ...t.common,
        mode: 'preview',
        label: 'pr-7',
        image: t.images.v2,
        'revision-suffix': 'pr-7-abcdef0',
        'wait-timeout': '60s',
        'github-token': TOKEN,
      },
      t.sim,
      github(),
    );
    expect(errorLines(deployed.stdout)).toEqual([]);
    expect(deployed.status).toBe(0);
    const url = deployed.outputs['label-url'];
    expect(url).toContain(`${PREVIEW}---pr-7.`);
    expect(api.deployments).toHaveLength(1);
    expect(api.deployments[0]).toMatchObject({ environment: 'preview/pr-7', ref: 'b'.repeat(40) });
    expect(api.deployments[0].statuses).toEqual([
      expect.objectContaining({
        state: 'in_progress',
        log_url: 'https://github.com/alc-algo/alc-algo/actions/runs/42',
      }),
      expect.objectContaining({ state: 'success', environment_url: url }),
    ]);
    expect(api.comments).toEqual([
      expect.objectContaining({ issue: 7, user: expect.objectContaining({ login: STAND_IN_BOT }) }),
    ]);
    expect(api.comments[0].body).toContain(url);

    api.failWith = 500;
    const down = await runEntry(
      'blue-green',
      { ...t.common, app: PREVIEW, command: 'teardown', label: 'pr-7', 'github-token': TOKEN },
      t.sim,
      github(),
    );
    expect(errorLines(down.stdout)).toEqual([]);
    expect(down.status).toBe(0);
    expect(down.stdout).toMatch(/::warning::Could not report the teardown to GitHub: .*HTTP 500/);
    expect(trafficOf((await t.aca().getApp(PREVIEW))!).some((e) => e.label === 'pr-7')).toBe(false);
    expect(
      down.log
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN);
  }, 240_000);
});
