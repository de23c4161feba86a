// Killed half way, run again: each action entry is killed (SIGKILL, as a cancelled runner does) at a point where
// it has written part of its work, then the same step runs again and must converge. Slow long-running
// operations (3 s) keep the kill points wide. No traffic ever reaches a revision that is not ready.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { trafficOf } from '../../../src/revisions/traffic.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';
import { describeWithDocker, eventually } from '../../support/docker.js';
import { startDeploySim, startEntry, type DeploySim } from '../../support/deploy-sim.js';

const APP = 'alc-algo-agents';
const PREVIEW = 'alc-algo-agents-preview';
const rev = (suffix: string, app = APP) => `${app}--${suffix}`;

describeWithDocker('killed half way and run again', () => {
  let t: DeploySim;
  const deploy = (values: Record<string, string>) => t.deploy({ 'wait-timeout': '60s', ...values });
  const blueGreen = (values: Record<string, string>) => t.blueGreen({ app: APP, ...values });
  const traffic = async (app = APP): Promise<TrafficEntry[]> => trafficOf((await t.aca().getApp(app))!);

  /** Starts the entry, waits for `reached`, kills it, and says whether it was still running at that point. */
  async function killWhen(
    action: string,
    values: Record<string, string>,
    reached: () => Promise<boolean>,
  ): Promise<boolean> {
    const { child, done } = startEntry(action, { ...t.common, ...values }, t.sim);
    await eventually(
      async () => ((await reached().catch(() => false)) || child.exitCode !== null ? true : undefined),
      90_000,
    );
    const running = child.exitCode === null;
    child.kill('SIGKILL');
    await done;
    return running;
  }

  /** Weight of every revision that is not ready must be 0. */
  async function noTrafficToUnready(app = APP): Promise<void> {
    const revisions = await t.aca().listRevisions(app);
    const unready = revisions
      .filter((r) => !(r.active !== false && r.healthState === 'Healthy'))
      .map((r) => r.name);
    const weights = (await traffic(app)).filter(
      (e) => unready.includes(e.revisionName ?? '') && (e.weight ?? 0) > 0,
    );
    expect(weights).toEqual([]);
  }

  beforeAll(async () => {
    t = await startDeploySim({ lroDelayMs: 3000 });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('first deploy, killed once the app exists', async () => {
    const killed = await killWhen(
      'deploy-app',
      { image: t.images.v1, 'revision-suffix': 'v1-0-0', 'wait-timeout': '60s' },
      async () => (await t.aca().getApp(APP)) !== undefined,
    );
    expect(killed).toBe(true);
    const r = await deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0' });
    expect(r.trafficAfter).toEqual([{ revisionName: rev('v1-0-0'), label: 'blue', weight: 100 }]);
    await noTrafficToUnready();
  }, 180_000);

  it('rollback to an older version, killed once its revision was reactivated', async () => {
    await deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0' });
    await blueGreen({ command: 'promote' });
    await deploy({ image: t.images.v3, 'revision-suffix': 'v3-0-0' }); // blue -> v3: v1 deactivated
    expect((await t.aca().getRevision(APP, rev('v1-0-0')))?.active).toBe(false);
    const killed = await killWhen(
      'blue-green',
      { app: APP, command: 'rollback', to: 'v1.0.0', 'wait-timeout': '60s' },
      async () => (await t.aca().getRevision(APP, rev('v1-0-0')))?.active === true,
    );
    expect(killed).toBe(true);
    await noTrafficToUnready();
    const r = await blueGreen({ command: 'rollback', to: 'v1.0.0', 'wait-timeout': '60s' });
    expect(r.after).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 0 },
    ]);
    const again = await blueGreen({ command: 'rollback', to: 'v1.0.0' });
    expect(again.after).toEqual(r.after);
  }, 240_000);

  it('a deploy of a revision that never turns healthy, killed while waiting: the re-run fails the same way', async () => {
    const before = await traffic();
    const killed = await killWhen(
      'deploy-app',
      { image: t.images.broken, 'revision-suffix': 'broken-2', 'wait-timeout': '60s' },
      async () => (await t.aca().getRevision(APP, rev('broken-2'))) !== undefined,
    );
    expect(killed).toBe(true);
    await noTrafficToUnready();
    await expect(
      deploy({ image: t.images.broken, 'revision-suffix': 'broken-2', 'wait-timeout': '10s' }),
    ).rejects.toThrow(/received no traffic and was deactivated/);
    expect(await traffic()).toEqual(before);
    expect((await t.aca().getRevision(APP, rev('broken-2')))?.active).toBe(false);
  }, 180_000);

  it('a preview deploy killed once its revision exists; a teardown killed once its label is gone', async () => {
    const values = { mode: 'preview', label: 'pr-5', image: t.images.v2, 'revision-suffix': 'pr-5-abcdef0' };
    expect(
      await killWhen(
        'deploy-app',
        { ...values, 'wait-timeout': '60s' },
        async () =>
          (await t
            .aca()
            .getRevision(PREVIEW, rev('pr-5-abcdef0', PREVIEW))
            .catch(() => undefined)) !== undefined,
      ),
    ).toBe(true);
    const r = await deploy(values);
    expect(r.trafficAfter).toEqual([
      { revisionName: rev('pr-5-abcdef0', PREVIEW), label: 'pr-5', weight: 100 },
    ]);
    await deploy({ ...values, label: 'pr-6', 'revision-suffix': 'pr-6-abcdef1' });

    const killed = await killWhen(
      'blue-green',
      { app: PREVIEW, command: 'teardown', label: 'pr-5' },
      async () => !(await traffic(PREVIEW)).some((e) => e.label === 'pr-5'),
    );
    expect(killed).toBe(true);
    const down = await blueGreen({ app: PREVIEW, command: 'teardown', label: 'pr-5' });
    expect(down.after).toEqual([{ revisionName: rev('pr-6-abcdef1', PREVIEW), label: 'pr-6', weight: 100 }]);
    expect((await t.aca().getRevision(PREVIEW, rev('pr-5-abcdef0', PREVIEW)))?.active).toBe(false);
    const raw = await t.rawApp(PREVIEW);
    await blueGreen({ app: PREVIEW, command: 'teardown', label: 'pr-5' });
    expect(await t.rawApp(PREVIEW)).toBe(raw);
  }, 240_000);
});
