// blue-green's reports: the real Octokit against the stand-in GitHub API (a local HTTP server).
import { describe, expect, it } from '@jest/globals';
import { GitHubReporter } from '../../../src/core/github/reporter.js';
import { blueGreenReporting } from '../../../src/bluegreen/github.js';
import { deployReporting } from '../../../src/deploy/github.js';
import { useGitHubApi } from '../../support/github.js';

const { api: stand, settings, latest } = useGitHubApi();

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
    return stand().deployments.at(-1)!.id;
  };
  const bg = (command: string) => blueGreenReporting(new GitHubReporter(settings()), { command, app: 'alc' });

  it('promote: the pending deployment success with the app URL, the one before inactive; rollback: a new success', async () => {
    const v1 = await deploy('alc--v1');
    await bg('promote').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v1' });
    const v2 = await deploy('alc--v2');
    await bg('promote').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v2' });
    expect(latest(v1)).toEqual(['queued', 'in_progress', 'success', 'inactive']);
    expect(latest(v2)).toEqual(['queued', 'in_progress', 'success']);
    expect(
      stand()
        .deployments.find((d) => d.id === v2)!
        .statuses.at(-1),
    ).toMatchObject({
      environment_url: 'https://alc.x',
    });
    await bg('rollback').succeeded({ appUrl: 'https://alc.x', productionRevision: 'alc--v1' });
    expect(latest(v2).at(-1)).toBe('inactive');
    const back = stand().deployments.at(-1)!;
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
    expect(latest(stand().deployments[0].id)).toEqual(['queued']);
    expect(stand().deployments[1]).toMatchObject({ payload: { app: 'alc' } });
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
    expect(stand().deployments.map((d) => d.statuses.at(-1)!.state)).toEqual(['inactive', 'inactive']);
    expect(stand().comments).toHaveLength(1);
    expect(stand().comments[0]).toMatchObject({ edits: 2, body: expect.stringContaining('torn down') });
  });
});
