// deploy-app against the simulator with real containers: the first deploy creates the app (blue at 100%),
// the next deploys go to the candidate slot at 0% keeping everything else, a re-run converges, a broken
// revision is deactivated with its state in the error and never gets traffic, previews go to their own app.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { trafficOf } from '../../../src/revisions/traffic.js';
import type { DeployResult } from '../../../src/deploy/run.js';
import { describeWithDocker } from '../../support/docker.js';
import { errorLines, runEntry, startDeploySim, type DeploySim } from '../../support/deploy-sim.js';

const APP = 'alc-algo-agents';

describeWithDocker('deploy-app against the simulator', () => {
  let t: DeploySim;
  beforeAll(async () => {
    t = await startDeploySim();
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const deploy = (values: Record<string, string>): Promise<DeployResult> =>
    t.deploy({ 'wait-timeout': '60s', ...values });

  it('first deploy (the real entry): creates the app in Multiple mode, blue at 100%, outputs and summary', async () => {
    const run = await runEntry(
      'deploy-app',
      {
        ...t.common,
        image: t.images.v1,
        'revision-suffix': 'v1-0-0',
        'wait-timeout': '60s',
      },
      t.sim,
    );
    expect({ status: run.status, errors: errorLines(run.stdout), stderr: run.stderr }).toEqual({
      status: 0,
      errors: [],
      stderr: '',
    });
    expect(run.outputs).toEqual({
      revision: `${APP}--v1-0-0`,
      label: 'blue',
      'label-url': `https://${APP}---blue.${t.sim.domain}`,
      'revision-url': `https://${APP}--v1-0-0.${t.sim.domain}`,
      'app-url': `https://${APP}.${t.sim.domain}`,
      'production-revision': `${APP}--v1-0-0`,
      created: 'true',
      // Written on every run, empty without a managed trading lease (this test deploys it unmanaged).
      'trading-revision': '',
      'trading-epoch': '',
      handover: '',
    });
    expect(run.summary).toContain('```mermaid');
    const app = await t.aca().getApp(APP);
    expect(app?.configuration?.activeRevisionsMode).toBe('Multiple');
    expect(trafficOf(app!)).toEqual([{ revisionName: `${APP}--v1-0-0`, label: 'blue', weight: 100 }]);
    expect(JSON.parse((await t.get(`${APP}.${t.sim.domain}`)).body).version).toBe('1.0.0');
  }, 180_000);

  it('second deploy: green at 0% beside blue, every env var, secret reference, probe and scale rule kept', async () => {
    const aca = t.aca();
    const before = await aca.getApp(APP);
    const r = await deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0', 'env-vars': 'FEATURE_X=on' });
    expect([r.revision, r.label, r.created, r.productionRevision]).toEqual([
      `${APP}--v2-0-0`,
      'green',
      false,
      `${APP}--v1-0-0`,
    ]);
    const after = await aca.getApp(APP);
    expect(trafficOf(after!)).toEqual([
      { revisionName: `${APP}--v1-0-0`, label: 'blue', weight: 100 },
      { revisionName: `${APP}--v2-0-0`, label: 'green', weight: 0 },
    ]);
    const [c0, c1] = [before!.template!.containers![0], after!.template!.containers![0]];
    expect(c1.env).toEqual([...c0.env!, { name: 'FEATURE_X', value: 'on' }]);
    expect(c1.probes).toEqual(c0.probes);
    expect(after!.template!.scale).toEqual(before!.template!.scale);
    expect(after!.configuration!.secrets).toEqual(before!.configuration!.secrets);
    expect(after!.configuration!.registries).toEqual(before!.configuration!.registries);
    // production still answers v1, the candidate's label answers v2
    expect(JSON.parse((await t.get(`${APP}.${t.sim.domain}`)).body).version).toBe('1.0.0');
    expect(JSON.parse((await t.get(`${APP}---green.${t.sim.domain}`)).body).version).toBe('2.0.0');
  }, 180_000);

  it('re-running with the same suffix and image converges: no write, the same revision', async () => {
    const raw = await t.rawApp(APP);
    const r = await deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0', 'env-vars': 'FEATURE_X=on' });
    expect([r.revision, r.label, r.reused]).toEqual([`${APP}--v2-0-0`, 'green', true]);
    expect(await t.rawApp(APP)).toBe(raw);
  }, 120_000);

  it('the same suffix with a different image is a clear error, nothing written', async () => {
    const raw = await t.rawApp(APP);
    await expect(deploy({ image: t.images.v3, 'revision-suffix': 'v2-0-0' })).rejects.toThrow(
      /revision-suffix.*v2-0-0.*exists and runs/,
    );
    expect(await t.rawApp(APP)).toBe(raw);
  }, 60_000);

  it('a revision that never turns healthy (the real entry): one ::error:: with its state, no traffic, deactivated', async () => {
    const before = trafficOf((await t.aca().getApp(APP))!);
    const run = await runEntry(
      'deploy-app',
      { ...t.common, image: t.images.broken, 'revision-suffix': 'broken-1', 'wait-timeout': '15s' },
      t.sim,
    );
    expect(run.status).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        // Whichever comes first within 15 s: the wait-timeout or the restart limit; the container is named either way.
        /^::error::Revision alc-algo-agents--broken-1 (did not become Provisioned, Running and Healthy in time|is crash-looping: .*) \(provisioningState Provisioned, runningState \w+, healthState Unhealthy.*\); container alc-algo-agents \(replica alc-algo-agents--broken-1-\w+\): \w+, not ready, restartCount \d+, last reason: .*; it received no traffic and was deactivated/,
      ),
    ]);
    expect(run.summary).toContain('deploy-app: ❌');
    // A failed run writes only the trading outputs, empty without a managed lease.
    expect(run.outputs).toEqual({ 'trading-revision': '', 'trading-epoch': '', handover: '' });
    const aca = t.aca();
    expect(trafficOf((await aca.getApp(APP))!)).toEqual(before);
    expect((await aca.getRevision(APP, `${APP}--broken-1`))?.active).toBe(false);
  }, 120_000);
});
