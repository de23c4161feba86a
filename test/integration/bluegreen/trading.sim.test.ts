// The trading lease end to end with the sample agent (protocol v1 in the sample app's image) in real containers:
// deploy-app and blue-green against the simulator (ARM, Docker revisions, Azurite with Entra's storage tokens, the
// containers' managed identity, the broker stand-in on the live port). The broker's order log is the oracle: the
// first deploy trades, a candidate stands by, promote and rollback hand trading over with never two traders.
import { expect, it } from '@jest/globals';
import type { BlueGreenResult } from '../../../src/bluegreen/context.js';
import { describeWithDocker, eventually } from '../../support/docker.js';
import { useTradingLeaseSim } from '../../support/sim-storage.js';

const APP = 'alc-algo-agents';

describeWithDocker('the trading lease with the sample agent, against the simulator', () => {
  const sim = useTradingLeaseSim(APP);
  const { rev, live, lastTrader } = sim;

  const blueGreen = (values: Record<string, string>): Promise<BlueGreenResult> =>
    sim.t.blueGreen({ app: APP, 'wait-timeout': '90s', 'trading-lease': sim.lease, ...values });

  it('the first deploy designates its revision and waits until its agent trades on the live port', async () => {
    const result = await sim.t.deploy({
      image: sim.t.images.v1,
      'revision-suffix': 'v1-0-0',
      'trading-lease': sim.lease,
    });
    expect(result.created).toBe(true);
    expect(result.trading?.designation).toMatchObject({ revision: rev('v1-0-0'), epoch: 1 });
    expect(result.trading?.lease).toMatchObject({ leased: true, revision: rev('v1-0-0'), state: 'trading' });
    await eventually(async () => (lastTrader() === rev('v1-0-0') ? true : undefined), 30_000);
  }, 300_000);

  it('the candidate stands by: its agent never trades undesignated', async () => {
    const result = await sim.t.deploy({
      image: sim.t.images.v2,
      'revision-suffix': 'v2-0-0',
      'trading-lease': sim.lease,
    });
    expect(result.trading?.designation).toMatchObject({ revision: rev('v1-0-0'), epoch: 1 });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(live().revisions).toEqual([rev('v1-0-0')]);
  }, 300_000);

  it('promote hands trading over after the last step; the broker saw one trader at a time', async () => {
    const result = await blueGreen({ command: 'promote', steps: '50,100' });
    expect(result.productionRevision).toBe(rev('v2-0-0'));
    expect(result.trading?.handover).toMatchObject({ from: rev('v1-0-0'), to: rev('v2-0-0'), epoch: 2 });
    expect(result.trading?.fleet).toEqual([]);
    await eventually(async () => (lastTrader() === rev('v2-0-0') ? true : undefined), 30_000);
    const r = live();
    expect({ exclusive: r.exclusive, overlapMs: r.overlapMs }).toEqual({ exclusive: true, overlapMs: 0 });
  }, 300_000);

  it('rollback designates v1 first, then the traffic, then waits until v1 trades again', async () => {
    const result = await blueGreen({ command: 'rollback' });
    expect(result.productionRevision).toBe(rev('v1-0-0'));
    expect(result.trading?.handover).toMatchObject({ from: rev('v2-0-0'), to: rev('v1-0-0'), epoch: 3 });
    await eventually(async () => (lastTrader() === rev('v1-0-0') ? true : undefined), 30_000);
    const r = live();
    expect(r.exclusive).toBe(true);
    expect(r.gaps.length).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it('status reports the designation, the holder and a clean fleet', async () => {
    const status = await blueGreen({ command: 'status' });
    expect(status.trading).toMatchObject({
      designation: { revision: rev('v1-0-0'), epoch: 3 },
      lease: { leased: true, revision: rev('v1-0-0'), state: 'trading' },
      fleet: [],
    });
  }, 120_000);
});
