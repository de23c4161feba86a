// deploy-app's reports: the real Octokit against the stand-in GitHub API (a local HTTP server).
import { describe, expect, it } from '@jest/globals';
import { GitHubReporter } from '../../../src/core/github/reporter.js';
import { deployReporting } from '../../../src/deploy/github.js';
import { useGitHubApi } from '../../support/github.js';

const { api: stand, settings, latest } = useGitHubApi();

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
    expect(stand().deployments).toHaveLength(1);
    const [d] = stand().deployments;
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
    expect(stand().comments).toHaveLength(1);
    expect(stand().comments[0].body).toMatch(/is up at aaaaaaa[\s\S]*https:\/\/alc-preview---pr-42\.x/);
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
    expect(latest(stand().deployments[0].id)).toEqual(['in_progress', 'failure']);
    expect(stand().comments[0].body).toMatch(/failed at aaaaaaa[\s\S]*never healthy/);
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
    expect(stand().deployments).toEqual([
      expect.objectContaining({
        environment: 'production',
        production_environment: true,
        payload: { app: 'alc', revision: 'alc--v1-1-0', image: 'r/i:v1.1.0' },
      }),
    ]);
    expect(latest(stand().deployments[0].id)).toEqual(['queued', 'in_progress']);
    expect(stand().comments).toHaveLength(0);
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
  expect(stand().deployments.map((d) => d.statuses.map((s) => s.state).join(' > '))).toEqual([
    'queued > success > inactive',
    'queued > success',
  ]);
  expect(stand().deployments[1].statuses[1]).toMatchObject({ environment_url: 'https://alc.x' });
});
