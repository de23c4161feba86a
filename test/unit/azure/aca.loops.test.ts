// The busy-write loop of the Container Apps client on a fake clock and a stand-in API: a write ARM refuses while
// another operation runs (409) is retried until busyWaitMs, over the in-memory app (test/support/aca-fixture.ts). (The readiness poll: test/unit/revisions/wait.test.ts;
// the long-running operation's polls: aca.requests.test.ts.)
import { describe, expect, it } from '@jest/globals';
import type { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import { Aca } from '../../../src/azure/aca.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

const busy = () =>
  Object.assign(new Error('Another operation is in progress'), {
    statusCode: 409,
    code: 'ContainerAppOperationInProgress',
  });

/** The in-memory app, whose activateRevision answers from `writes` in turn. */
function standIn(writes: Array<'busy' | 'ok' | 'refused'>) {
  const fx = newAcaFixture({ revisions: ['app--v1'] });
  fx.on('containerAppsRevisions.activateRevision', (_c, n) => {
    const next = writes[n - 1];
    if (next === 'busy') throw busy();
    if (next === 'refused') throw Object.assign(new Error('denied'), { statusCode: 403 });
  });
  return fx;
}

function aca(client: ContainerAppsAPIClient, busyWaitMs: number) {
  let now = 0;
  const sleeps: number[] = [];
  const log: string[] = [];
  const a = new Aca(client, {
    resourceGroup: 'rg',
    pollMs: 2000,
    busyWaitMs,
    log: (line) => log.push(line),
    now: () => now,
    sleep: async (ms) => void (sleeps.push(ms), (now += ms)),
  });
  return { a, sleeps, log };
}

describe('Aca writes while another operation runs', () => {
  it.each<[string, Array<'busy' | 'ok' | 'refused'>, number, string | undefined, number[]]>([
    ['written at once', ['ok'], 10_000, undefined, []],
    ['written after two refusals for busy', ['busy', 'busy', 'ok'], 10_000, undefined, [2000, 2000]],
    [
      'busy past busyWaitMs: the 409 is thrown',
      Array(20).fill('busy'),
      5000,
      'in progress',
      [2000, 2000, 2000],
    ],
    ['another refusal is thrown at once', ['refused', 'ok'], 10_000, 'denied', []],
  ])('%s', async (_name, writes, busyWaitMs, error, sleeps) => {
    const s = standIn(writes);
    const t = aca(s.client, busyWaitMs);
    const write = t.a.activate('app', 'app--v1');
    if (error) await expect(write).rejects.toThrow(error);
    else await expect(write).resolves.toBeUndefined();
    expect(t.sleeps).toEqual(sleeps);
    expect(t.log.filter((l) => /in progress; retrying/.test(l))).toHaveLength(sleeps.length);
  });
});

describe("Aca.restartRevision within the trading handover's remaining bound", () => {
  /** The in-memory app, whose restartRevision answers busy `n` times. */
  function busyRestart(n: number) {
    const fx = newAcaFixture({ revisions: ['app--v1'] });
    fx.on('containerAppsRevisions.restartRevision', (_c, k) => {
      if (k <= n) throw busy();
    });
    return fx;
  }

  it('gives up on a busy app once withinMs ran out, not after busyWaitMs (5 min by default)', async () => {
    const t = aca(busyRestart(1_000).client, 5 * 60_000);
    await expect(t.a.restartRevision('app', 'app--v1', 5_000)).rejects.toThrow('in progress');
    expect(t.sleeps).toEqual([2000, 2000, 2000]);
  });

  it('retries within withinMs, and never past busyWaitMs', async () => {
    const ok = aca(busyRestart(2).client, 5 * 60_000);
    await expect(ok.a.restartRevision('app', 'app--v1', 10_000)).resolves.toBeUndefined();
    expect(ok.sleeps).toEqual([2000, 2000]);
    const capped = aca(busyRestart(1_000).client, 3_000);
    await expect(capped.a.restartRevision('app', 'app--v1', 60_000)).rejects.toThrow('in progress');
    expect(capped.sleeps).toEqual([2000, 2000]);
  });
});
