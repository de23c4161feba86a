// What saves ARM requests without losing a check: Retry-After, and the wait before each poll of a long-running
// write (the in-memory app's poller stands in for the SDK's; the sleeps are recorded; the write is the checked traffic write).
import { describe, expect, it } from '@jest/globals';
import type { ContainerApp } from '@azure/arm-appcontainers';
import { Aca, retryAfterMs } from '../../../src/azure/aca.js';
import { writeTraffic } from '../../../src/revisions/traffic-write.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it.each([
    ['1', 1000],
    [' 15 ', 15_000],
    ['0', 0],
    [new Date(now + 2500).toUTCString(), 2000], // HTTP dates have whole seconds
    [new Date(now - 5000).toUTCString(), 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%p -> %p', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

/** The in-memory app, whose PATCH answers with `initial` headers and whose operation ends after `polls` polls. */
function fakeClient(polls: number, initial: Record<string, string>) {
  const fx = newAcaFixture({
    name: 'a',
    traffic: [{ revisionName: 'a--v1', label: 'blue', weight: 100 }],
    operation: { polls, headers: initial },
  });
  const log: string[] = [];
  fx.on('containerApps.beginUpdate', () => void log.push('PATCH'));
  fx.on('poll', () => void log.push('poll'));
  fx.on('containerApps.get', () => void log.push('GET app'));
  return { client: fx.client, log };
}

describe('Aca long-running writes', () => {
  const app = { name: 'a', location: 'eastus' } as ContainerApp & { name: string };
  const traffic = [{ revisionName: 'a--v1', label: 'blue', weight: 100 }];

  it.each([
    ['no Retry-After: short first, each next POLL_FACTOR times the last', 5, {}, [250, 300, 360, 432, 518]],
    ['Retry-After on the write: the first poll waits for it', 2, { 'retry-after': '1' }, [1000, 300]],
    ['a write that is done at once: no poll', 0, {}, []],
  ])('%s', async (_what, polls, headers, waits) => {
    const { client, log } = fakeClient(polls, headers);
    const slept: number[] = [];
    const aca = new Aca(client, {
      resourceGroup: 'rg',
      sleep: async (ms) => {
        slept.push(ms);
      },
    });
    const back = await writeTraffic(aca, app, traffic);
    expect(back).toEqual(traffic);
    expect(slept).toEqual(waits);
    // The operation's result is the read-back: no GET of the app after the write.
    expect(log).toEqual(['PATCH', ...Array<string>(polls).fill('poll')]);
  });
});
