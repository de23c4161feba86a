// The wait for a revision to be ready, on a fake clock over the Container Apps client and the in-memory app: the
// poll backs off from a short first pause (POLL_FACTOR, up to pollMs) and pauses until the deadline, no further;
// a revision this run activated is activated again when a poll finds it taken down.
import { describe, expect, it } from '@jest/globals';
import type { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import { Aca, POLL_FACTOR } from '../../../src/azure/aca.js';
import { waitRevisionReady } from '../../../src/revisions/wait.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

/** The in-memory app: getRevision answers from `revisions` in turn (the last repeats); activations are counted. */
function standIn(revisions: object[]) {
  const fx = newAcaFixture();
  const getRevision = 'containerAppsRevisions.getRevision';
  fx.on(
    getRevision,
    (_c, n) =>
      void fx.setRevision('app--v1', { active: true, ...revisions[Math.min(n, revisions.length) - 1] }),
  );
  return {
    client: fx.client,
    calls: () => fx.count('containerAppsRevisions.activateRevision'),
    polls: () => fx.count(getRevision),
  };
}

function aca(client: ContainerAppsAPIClient) {
  let now = 0;
  const sleeps: number[] = [];
  const log: string[] = [];
  const a = new Aca(client, {
    resourceGroup: 'rg',
    pollMs: 2000,
    log: (line) => log.push(line),
    now: () => now,
    sleep: async (ms) => void (sleeps.push(ms), (now += ms)),
  });
  return { a, sleeps, log, now: () => now };
}

describe('waitRevisionReady', () => {
  const provisioning = { provisioningState: 'Provisioning', runningState: 'Activating', healthState: 'None' };
  const ready = { provisioningState: 'Provisioned', runningState: 'Running', healthState: 'Healthy' };

  it('polls from a short first pause, each next one POLL_FACTOR times the last, until ready', async () => {
    const s = standIn([provisioning, provisioning, ready]);
    const t = aca(s.client);
    await expect(waitRevisionReady(t.a, 'app', 'app--v1', 60_000)).resolves.toMatchObject({
      name: 'app--v1',
    });
    expect(t.sleeps).toEqual([250, 300]);
  });

  it.each([100, 400, 1000, 2500, 4300, 8000])(
    'a revision ready after %i ms is seen within POLL_FACTOR of that (plus the first pause)',
    async (readyAt) => {
      let now = 0;
      const fx = newAcaFixture();
      fx.on('containerAppsRevisions.getRevision', () => {
        fx.setRevision('app--v1', now >= readyAt ? ready : provisioning);
      });
      const a = new Aca(fx.client, {
        resourceGroup: 'rg',
        now: () => now,
        sleep: async (ms) => void (now += ms),
      });
      await waitRevisionReady(a, 'app', 'app--v1', 60_000);
      expect(now).toBeGreaterThanOrEqual(readyAt);
      expect(now).toBeLessThanOrEqual(POLL_FACTOR * readyAt + 250);
    },
  );

  it('the pauses grow to pollMs, no further', async () => {
    const s = standIn([provisioning]);
    const t = aca(s.client);
    await expect(waitRevisionReady(t.a, 'app', 'app--v1', 30_000)).rejects.toThrow(/in time/);
    expect(Math.max(...t.sleeps)).toBe(2000);
    expect(t.sleeps.slice(0, 13)).toEqual([
      250, 300, 360, 432, 518, 622, 746, 896, 1075, 1290, 1548, 1858, 2000,
    ]);
  });

  it('pauses end at the deadline, where the wait fails for the time', async () => {
    const s = standIn([provisioning]);
    const t = aca(s.client);
    await expect(waitRevisionReady(t.a, 'app', 'app--v1', 5000)).rejects.toThrow(
      /Revision app--v1 did not become Provisioned, Running and Healthy in time/,
    );
    // 250 .. 896 (4124 ms in all), then the pause of 1075 cut to the 876 ms left.
    expect(t.sleeps).toEqual([250, 300, 360, 432, 518, 622, 746, 896, 876]);
    expect(t.now()).toBe(5000);
    expect(s.polls()).toBe(10);
  });

  it('a deadline that passes between the last look and its pause still ends in the failure for the time', async () => {
    const s = standIn([provisioning]);
    // now() as waitRevisionReady, the loop, the judgement and the pause read it: the judgement sees 999, the pause 1001.
    const times = [0, 0, 0, 999, 1001];
    const sleeps: number[] = [];
    const a = new Aca(s.client, {
      resourceGroup: 'rg',
      now: () => (times.length > 1 ? times.shift()! : times[0]),
      sleep: async (ms) => void sleeps.push(ms),
    });
    await expect(waitRevisionReady(a, 'app', 'app--v1', 1000)).rejects.toThrow(
      /did not become Provisioned, Running and Healthy in time/,
    );
    expect(sleeps).toEqual([]);
    expect(s.polls()).toBe(1);
  });
});

describe('a revision this run activated while ACA was still taking it down', () => {
  // Live Azure after a deactivation: active true, Deprovisioning for tens of seconds, then active false, Stopped,
  // Healthy (test_containerapp_revision_label_e2e.yaml). An activation sent during Deprovisioning may not stick.
  const deprovisioning = {
    active: true,
    provisioningState: 'Provisioned',
    runningState: 'Deprovisioning',
    healthState: 'Healthy',
  };
  const stopped = {
    active: false,
    provisioningState: 'Provisioned',
    runningState: 'Stopped',
    healthState: 'Healthy',
  };
  const activating = {
    active: true,
    provisioningState: 'Provisioned',
    runningState: 'Activating',
    healthState: 'None',
  };
  const ready = {
    active: true,
    provisioningState: 'Provisioned',
    runningState: 'Running',
    healthState: 'Healthy',
  };

  it('is activated again once it is found Stopped, and the wait ends ready long before wait-timeout', async () => {
    const api = standIn([deprovisioning, deprovisioning, stopped, stopped, activating, ready]);
    const { a, now, log } = aca(api.client);
    const r = await waitRevisionReady(
      a,
      'app',
      'app--v1',
      600_000,
      {},
      { keepActive: { from: deprovisioning } },
    );
    expect(r.runningState).toBe('Running');
    expect(api.calls()).toBe(1); // once, when it turned Stopped: not again for the same state
    expect(log.some((l) => /not active .*Stopped.*activating it again/.test(l))).toBe(true);
    expect(now()).toBeLessThan(30_000);
  });

  it("without keepActive (not this run's activation) nothing is activated", async () => {
    const api = standIn([stopped, ready]);
    const { a } = aca(api.client);
    await waitRevisionReady(a, 'app', 'app--v1', 600_000);
    expect(api.calls()).toBe(0);
  });
});
