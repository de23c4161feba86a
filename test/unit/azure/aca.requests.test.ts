// What saves ARM requests without losing a check: the domain from the app's FQDN, Retry-After, and the wait
// before each poll of a long-running write (a poller double stands in for the SDK's; the sleeps are recorded).
import { describe, expect, it } from '@jest/globals';
import type { ContainerApp } from '@azure/arm-appcontainers';
import { Aca, domainFromFqdn, retryAfterMs } from '../../../src/azure/aca.js';
import { deactivateIdle } from '../../../src/revisions/lifecycle.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

describe('domainFromFqdn', () => {
  it.each([
    ['app', 'app.green-sea-1.eastus.azurecontainerapps.io', 'green-sea-1.eastus.azurecontainerapps.io'],
    ['app', 'APP.Env.Test.', 'env.test'],
    ['app', 'app.internal.green-sea-1.eastus.azurecontainerapps.io', undefined],
    ['app', 'other.env.test', undefined],
    ['app', 'app.localhost', undefined],
    ['app', undefined, undefined],
  ])('%s at %s -> %s', (app, fqdn, expected) => {
    expect(domainFromFqdn(app, fqdn)).toBe(expected);
  });
});

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

/** A client whose PATCH answers with `initial` headers and whose operation ends after `polls` polls. */
function fakeClient(polls: number, initial: Record<string, string>) {
  const fx = newAcaFixture({
    name: 'a',
    app: {
      location: 'eastus',
      configuration: { ingress: { traffic: [{ revisionName: 'a--v1', label: 'blue', weight: 100 }] } },
    },
    operation: { polls, headers: initial },
  });
  const said: Record<string, string> = {
    'containerApps.beginUpdate': 'PATCH',
    poll: 'poll',
    'containerApps.get': 'GET app',
  };
  return { client: fx.client, log: () => fx.calls.map((c) => said[c.op] ?? c.op) };
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
    const back = await aca.writeTraffic(app, traffic);
    expect(back).toEqual(traffic);
    expect(slept).toEqual(waits);
    // The operation's result is the read-back: no GET of the app after the write.
    expect(log()).toEqual(['PATCH', ...Array<string>(polls).fill('poll')]);
  });
});

it('deactivateIdle works from the active revisions the run knows, without reading the list', async () => {
  const fx = newAcaFixture({ name: 'a', revisions: ['a--v0', 'a--v1', 'a--v2', 'a--pr-3-x'] });
  fx.fail('listRevisions', new Error('not read'));
  const aca = fx.aca;
  const traffic = [
    { revisionName: 'a--v2', label: 'blue', weight: 100 },
    { revisionName: 'a--v1', label: 'green', weight: 0 },
  ];
  const idle = await deactivateIdle(aca, { name: 'a', location: 'eastus' }, traffic, {
    active: ['a--v0', 'a--v1', 'a--v2', 'a--pr-3-x'],
    keep: ['a--pr-3-x'],
  });
  expect(idle).toEqual(['a--v0']);
  const done = fx.argsOf('deactivate').map(([, r]) => r);
  expect(done).toEqual(['a--v0']);
});
