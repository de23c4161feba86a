// blue-green against the simulator with real containers, one release history played in order: status, a
// promote refused in a freeze window, a failing gate at 50% that restores the traffic, a promote in steps,
// rollback to previous (one traffic write), a promote killed half way then aborted, another killed and re-run,
// rollback to an older version whose revision is inactive.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { trafficOf } from '../../../src/revisions/traffic.js';
import type { BlueGreenResult } from '../../../src/bluegreen/context.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';
import { describeWithDocker, eventually } from '../../support/docker.js';
import {
  errorLines,
  runEntry,
  startDeploySim,
  startEntry,
  type DeploySim,
} from '../../support/deploy-sim.js';

const APP = 'alc-algo-agents';
const rev = (suffix: string) => `${APP}--${suffix}`;
const VERSION_IS_2 = '- path: /version\n  json:\n    version: 2.0.0';

describeWithDocker('blue-green against the simulator', () => {
  let t: DeploySim;
  beforeAll(async () => {
    t = await startDeploySim();
    for (const [image, suffix] of [
      [t.images.v1, 'v1-0-0'],
      [t.images.v2, 'v2-0-0'],
    ]) {
      await t.deploy({ image, 'revision-suffix': suffix });
    }
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const blueGreen = (values: Record<string, string>): Promise<BlueGreenResult> =>
    t.blueGreen({ app: APP, 'wait-timeout': '60s', ...values });
  const traffic = async (): Promise<TrafficEntry[]> => trafficOf((await t.aca().getApp(APP))!);
  /** A promote (50%, then 100%) started as a runner starts it, killed (SIGKILL) once the candidate has 50%. */
  const promoteKilledAtHalf = async (values: Record<string, string> = {}) => {
    const { child, done } = startEntry(
      'blue-green',
      { ...t.common, command: 'promote', app: APP, steps: '50,100', 'step-wait': '60s', ...values },
      t.sim,
    );
    await eventually(
      async () => ((await traffic()).find((e) => e.label === 'green')?.weight === 50 ? true : undefined),
      60_000,
    );
    child.kill('SIGKILL');
    await done;
  };
  const served = async (host: string) =>
    JSON.parse((await t.get(`${host}.${t.sim.domain}`)).body).version as string;

  it('status (the real entry): outputs and a summary, no write', async () => {
    const raw = await t.rawApp(APP);
    const run = await runEntry('blue-green', { ...t.common, command: 'status', app: APP }, t.sim);
    expect([run.status, errorLines(run.stdout)]).toEqual([0, []]);
    expect(run.outputs['production-revision']).toBe(rev('v1-0-0'));
    expect(JSON.parse(run.outputs.traffic)).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 0 },
    ]);
    expect(run.summary).toContain('Traffic unchanged');
    expect(await t.rawApp(APP)).toBe(raw);
  }, 60_000);

  it('promote inside a freeze window is refused before any write', async () => {
    const raw = await t.rawApp(APP);
    const run = await runEntry(
      'blue-green',
      { ...t.common, command: 'promote', app: APP, freeze: 'Mon-Sun 00:00-24:00 UTC' },
      t.sim,
    );
    expect(run.status).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(/freeze window 'Mon-Sun 00:00-24:00 UTC' is in force/),
    ]);
    expect(await t.rawApp(APP)).toBe(raw);
  }, 60_000);

  it('a gate failing at 50% restores the traffic exactly as it was', async () => {
    const before = await traffic();
    const error = await blueGreen({
      command: 'promote',
      steps: '50,100',
      checks: '- path: /version\n  json:\n    version: 1.0.0',
    }).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/promote failed and the traffic was restored.*checks at 50% failed/);
    expect(await traffic()).toEqual(before);
  }, 120_000);

  it('promote in steps 10,50,100 (the real entry) inside a freeze window overridden with a reason: gated at each step', async () => {
    const run = await runEntry(
      'blue-green',
      {
        ...t.common,
        command: 'promote',
        app: APP,
        steps: '10,50,100',
        freeze: 'Mon-Sun 00:00-24:00 UTC',
        'override-freeze': 'hotfix for incident 1234',
        checks: '- path: /health\n  status: 200',
      },
      t.sim,
    );
    expect([run.status, errorLines(run.stdout), run.stderr]).toEqual([0, [], '']);
    expect(run.outputs['production-revision']).toBe(rev('v2-0-0'));
    expect(run.outputs['previous-revision']).toBe(rev('v1-0-0'));
    for (const p of [10, 50, 100]) expect(run.summary).toContain(`at ${p}%`);
    expect(run.summary).toContain('overridden with the reason: hotfix for incident 1234');
    expect(run.summary).toContain('```mermaid');
    expect(await traffic()).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 0 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 100 },
    ]);
    expect(await served(APP)).toBe('2.0.0');
    // the previous production stays active at 0%: rollback is one write
    expect((await t.aca().getRevision(APP, rev('v1-0-0')))?.active).toBe(true);
  }, 120_000);

  it('rollback to previous: one traffic write, allowed inside a freeze window', async () => {
    t.calls.length = 0;
    const r = await blueGreen({ command: 'rollback', freeze: 'Mon-Sun 00:00-24:00 UTC' });
    expect([r.productionRevision, r.previousRevision]).toEqual([rev('v1-0-0'), rev('v2-0-0')]);
    expect(
      t.calls.filter((c) => c.startsWith('PATCH') || c.startsWith('PUT') || c.startsWith('POST')),
    ).toEqual([
      `PATCH /subscriptions/${t.sim.ids.subscriptionId}/resourceGroups/alc-algo-production/providers/Microsoft.App/containerApps/${APP}`,
    ]);
    expect(await served(APP)).toBe('1.0.0');
    // a second rollback converges: nothing older to go back to
    const again = await blueGreen({ command: 'rollback' });
    expect(again.after).toEqual(r.after);
  }, 120_000);

  it('a promote killed half way, then abort: traffic back where the promote found it', async () => {
    await promoteKilledAtHalf();
    const r = await blueGreen({ command: 'abort' });
    expect(r.after).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 0 },
    ]);
    expect(await served(APP)).toBe('1.0.0');
    const again = await blueGreen({ command: 'abort' });
    expect(again.after).toEqual(r.after);
  }, 180_000);

  it('a promote killed half way and run again converges on the candidate at 100%', async () => {
    await promoteKilledAtHalf({ checks: VERSION_IS_2 });
    const r = await blueGreen({ command: 'promote', steps: '50,100' });
    expect(r.after).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 0 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 100 },
    ]);
    const again = await blueGreen({ command: 'promote', steps: '50,100' });
    expect(again.after).toEqual(r.after);
    expect(again.log.join('\n')).toMatch(/nothing to promote/);
  }, 180_000);

  it('rollback to an older version whose revision is inactive: reactivated, healthy, checked, switched', async () => {
    // v3 goes into the candidate slot (blue): v1 loses its label and is deactivated
    const d = await t.deploy({ image: t.images.v3, 'revision-suffix': 'v3-0-0' });
    expect(d.deactivated).toEqual([rev('v1-0-0')]);
    expect((await t.aca().getRevision(APP, rev('v1-0-0')))?.active).toBe(false);

    const r = await blueGreen({
      command: 'rollback',
      to: 'v1.0.0',
      checks: '- path: /version\n  json:\n    version: 1.0.0',
    });
    expect(r.after).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 },
      { revisionName: rev('v2-0-0'), label: 'green', weight: 0 },
    ]);
    expect(r.deactivated).toEqual([rev('v3-0-0')]);
    expect(await served(APP)).toBe('1.0.0');
  }, 180_000);

  it('keep-previous-active false: the old production is deactivated; a rollback reactivates it first', async () => {
    const p = await blueGreen({ command: 'promote', 'keep-previous-active': 'false' });
    expect(p.productionRevision).toBe(rev('v2-0-0'));
    expect(p.deactivated).toEqual([rev('v1-0-0')]);
    expect((await t.aca().getRevision(APP, rev('v1-0-0')))?.active).toBe(false);
    const r = await blueGreen({ command: 'rollback' });
    expect(r.log.join('\n')).toMatch(/activated alc-algo-agents--v1-0-0/);
    expect(r.productionRevision).toBe(rev('v1-0-0'));
    expect(await served(APP)).toBe('1.0.0');
  }, 180_000);
});
