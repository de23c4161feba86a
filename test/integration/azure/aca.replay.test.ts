// Live Azure's recorded answers (test/fixtures/azure/, each naming its source recording) played over real HTTPS to
// the real @azure/arm-appcontainers client and through the project's ACA client, readiness and pin decisions: the
// simulator is not the only witness of what Azure answers.
import { afterEach, describe, expect, it } from '@jest/globals';
import { Aca } from '../../../src/azure/aca.js';
import { parseTarget } from '../../../src/bluegreen/settings.js';
import { latestServing, pinLatest } from '../../../src/deploy/plan.js';
import { revisionNameProblem } from '../../../src/core/naming.js';
import { judgeReadiness } from '../../../src/revisions/readiness.js';
import { isActive } from '../../../src/revisions/state.js';
import { productionRevision, trafficOf } from '../../../src/revisions/traffic.js';
import { RevisionFailedError, waitRevisionReady } from '../../../src/revisions/wait.js';
import { loadFixture, startReplay, type Replay } from '../../support/azure-replay.js';

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.stop();
  replay = undefined;
});

const acaOver = (r: Replay, resourceGroup: string) =>
  new Aca(r.client, { resourceGroup, pollMs: 20, firstPollMs: 5 });

describe('a crashed revision (azure-powershell AzContainerAppRevision.Recording.json)', () => {
  it("fails the wait at the first poll, with Azure's own words (runningStateDetails read from the raw answer)", async () => {
    replay = await startReplay(loadFixture('revision-crashed.json'));
    const aca = acaOver(replay, 'a5hfaey');
    const started = Date.now();
    const error = await waitRevisionReady(aca, 'a1ujx', 'a1ujx--7f979gk', Date.now() + 600_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RevisionFailedError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Revision a1ujx--7f979gk failed \(provisioningState Failed, runningState Failed/,
    );
    expect(message).toContain('Failed:redisContainerCrashing');
    // The SDK's Revision model has no runningStateDetails: only the raw answer carries it.
    expect(message).toContain('1/1 Failed:redisContainerCrashing');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('names a revision ACA made (digit-first suffix): a valid rollback target, active, and activate/deactivate answer 200', async () => {
    replay = await startReplay(loadFixture('revision-crashed.json'));
    const aca = acaOver(replay, 'a5hfaey');
    const revision = await aca.getRevision('a1ujx', 'a1ujx--7f979gk');
    expect(revision && isActive(revision)).toBe(true);
    expect(revisionNameProblem(revision!.name, 'a1ujx')).toBeUndefined();
    expect(parseTarget('to', 'a1ujx--7f979gk', 'a1ujx')).toEqual({
      kind: 'revision',
      revision: 'a1ujx--7f979gk',
    });
    await aca.activate('a1ujx', 'a1ujx--7f979gk');
    await aca.deactivate('a1ujx', 'a1ujx--7f979gk');
    expect(replay.unmatched).toEqual([]);
  });
});

describe('an app created (azure-cli-extensions test_containerapp_replica_commands.yaml)', () => {
  it('PUT answered 201 + Azure-AsyncOperation completes; the app names an ACA-made revision; its first replicas are a wait', async () => {
    replay = await startReplay(loadFixture('app-created-replicas-not-running.json'));
    const aca = acaOver(replay, 'clitest.rg000001');
    const app = await aca.putApp('aca000002', { location: 'East US' });
    expect(app.latestRevisionName).toBe('aca000002--5vkvuta');
    expect(revisionNameProblem(app.latestRevisionName!, 'aca000002')).toBeUndefined();
    expect(
      replay.seen.some((s) =>
        s.startsWith(
          'GET /subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.App/locations/eastus/containerappOperationStatuses/',
        ),
      ),
    ).toBe(true);

    const replicas = await aca.listReplicas('aca000002', 'aca000002--5vkvuta');
    expect(replicas.map((r) => r.runningState)).toEqual(['NotRunning', 'NotRunning', 'NotRunning']);
    const verdict = judgeReadiness({
      now: 300_000,
      deadline: 600_000,
      revision: {
        provisioningState: 'Provisioned',
        runningState: 'Activating',
        healthState: 'None',
        active: true,
      },
      replicas,
      watch: {},
    });
    // No container has run yet: no grace window has started, only wait-timeout bounds it.
    expect(verdict).toMatchObject({ kind: 'wait', watch: {} });
  });
});

describe('latestRevision weight (azure-cli-extensions test_containerapp_revision_label_e2e.yaml)', () => {
  it('belongs to latestRevisionName: the production revision and the pin agree on it', async () => {
    replay = await startReplay(loadFixture('app-latest-revision-weight.json'));
    const aca = acaOver(replay, 'clitest.rg000001');
    const app = (await aca.getApp('containerapp000002'))!;
    const traffic = trafficOf(app);
    const serving = latestServing(app);
    expect(serving).toBe('containerapp000002--bh01c5b');
    expect(productionRevision(traffic, app.latestRevisionName)).toBe(serving);
    // Production with no blue/green label yet: the pinned weight takes the label blue (pinLatest's rule).
    expect(pinLatest(traffic, serving, 'production')).toEqual([
      { revisionName: 'containerapp000002--bh01c5b', label: 'blue', weight: 50 },
      { revisionName: 'containerapp000002--as28j77', weight: 25, label: 'label000004' },
      { revisionName: 'containerapp000002--bh01c5b', weight: 25, label: 'label000003' },
    ]);
  });
});
