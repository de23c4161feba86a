// Two pull requests deploying previews at once: one run's clean-up never deactivates the other's new revision.
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { runDeploy } from '../../../src/deploy/run.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { notAnotherPullRequest } from '../../../src/revisions/lifecycle.js';
import { checkPlace } from '../../../src/deploy/verify.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

const APP = 'alc-algo-agents-preview';
const rev = (suffix: string) => `${APP}--${suffix}`;
const IMAGE = `alcalgopreview.azurecr.io/alc-algo-agents-preview@sha256:${'a'.repeat(64)}`;

const settings = readDeploySettings(
  (n) =>
    ({
      mode: 'preview',
      'subscription-id': '00000000-0000-0000-0000-000000000001',
      'resource-group': 'alc-algo-production',
      image: IMAGE,
      label: 'pr-7',
      'revision-suffix': 'pr-7-abc1234',
    })[n] ?? '',
  { env: { GITHUB_WORKSPACE: resolve('.') } },
);

/** The preview app: pr-1 serving; pr-2's deploy has created its revision and waits for it; pr-7 ran before. */
function previewApp(failTraffic = false) {
  const revision = (name: string) => ({ name, template: { containers: [{ name: 'c', image: IMAGE }] } });
  const fx = newAcaFixture({
    name: APP,
    app: {
      location: 'eastus',
      environmentId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env',
      latestRevisionName: rev('pr-2-2222222'),
      configuration: {
        activeRevisionsMode: 'Multiple',
        registries: [{ server: 'alcalgopreview.azurecr.io', identity: 'system' }],
      },
      template: { containers: [{ name: 'c', image: IMAGE, env: [] }] },
    },
    traffic: [{ revisionName: rev('pr-1-1111111'), label: 'pr-1', weight: 100 }],
    revisions: [rev('pr-1-1111111'), rev('pr-2-2222222'), rev('pr-7-0000000'), rev('manual')].map(revision),
  });
  if (failTraffic) fx.fail('patchTraffic', new Error('HTTP 500 (injected)'));
  return {
    aca: fx.aca,
    get deactivated() {
      return fx.argsOf('deactivate').map(([, name]) => name as string);
    },
  };
}

describe('a preview deploy beside another pull request', () => {
  it("deactivates its own pull request's idle revisions and others', never another pull request's", async () => {
    const fake = previewApp();
    const result = await runDeploy(settings, {
      aca: fake.aca,
      prove: async () => 'answered 200',
      verifyImage: checkPlace,
    });
    expect(result.revision).toBe(rev('pr-7-abc1234'));
    expect(fake.deactivated.sort()).toEqual([rev('manual'), rev('pr-7-0000000')]);
  });
  it.each([
    ['pr-7-0000000', true],
    ['manual', true],
    ['pr-2-2222222', false],
    ['pr-70-1234567', false],
  ])('notAnotherPullRequest(pr-7) takes %s: %p', (suffix, taken) =>
    expect(notAnotherPullRequest(APP, 'pr-7')(rev(suffix))).toBe(taken),
  );
});

describe('a deploy whose traffic write fails', () => {
  it('names the revision, the traffic now in force and the re-run that converges', async () => {
    const fake = previewApp(true);
    const run = runDeploy(settings, {
      aca: fake.aca,
      prove: async () => 'answered 200',
      verifyImage: checkPlace,
    });
    await expect(run).rejects.toThrow(
      /alc-algo-agents-preview--pr-7-abc1234 is ready and proven on its revision URL, but writing the traffic \[.*pr-7=.*\] failed: HTTP 500 \(injected\)/,
    );
    await expect(run).rejects.toThrow(
      /traffic now in force: \[pr-1=alc-algo-agents-preview--pr-1-1111111@100\]\. Run deploy-app again/,
    );
    expect(fake.deactivated).toEqual([]);
  });
});

describe('the steps of a deploy', () => {
  it.each([
    [
      'a new revision',
      false,
      ['verify', 'read', 'guard', 'prepare', 'pin', 'write', 'ready', 'traffic', 'housekeeping'],
    ],
    [
      'a traffic write that fails',
      true,
      ['verify', 'read', 'guard', 'prepare', 'pin', 'write', 'ready', 'traffic'],
    ],
  ])('%s: one straight list of named steps, each traced', async (_what, failTraffic, steps) => {
    const seen: string[] = [];
    const run = runDeploy(settings, {
      aca: previewApp(failTraffic).aca,
      prove: async () => 'answered 200',
      verifyImage: checkPlace,
      trace: (step) => seen.push(step),
    });
    await (failTraffic ? expect(run).rejects.toThrow(/writing the traffic/) : run);
    expect(seen).toEqual(steps);
  });
});
