// The trading lease through the BUNDLED actions (actions/*/dist/index.js started as a runner starts them: INPUT_<NAME>,
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the OIDC token request) against the simulator with the sample agent in real
// containers: the contract as a workflow sees it, outputs and summaries included. The same story through the cores
// in this process: test/integration/bluegreen/trading.sim.test.ts. The broker's order log is the oracle.
import { expect, it } from '@jest/globals';
import { describeWithDocker, eventually } from '../../support/docker.js';
import { errorLines, runEntry, type EntryRun } from '../../support/deploy-sim.js';
import { useTradingLeaseSim } from '../../support/sim-storage.js';

const APP = 'alc-algo-agents';
const HANDOVER_KEYS = ['from', 'to', 'epoch', 'released-at', 'acquired-at', 'gap-ms'];

/** The run succeeded, with no ::error:: line. */
function succeeded(run: EntryRun): void {
  expect({ status: run.status, errors: errorLines(run.stdout) }).toEqual({ status: 0, errors: [] });
}

/** The `handover` output: JSON whose keys are the contract's only, in kebab case. */
function handoverOf(run: EntryRun): Record<string, unknown> {
  const h = JSON.parse(run.outputs.handover ?? '') as Record<string, unknown>;
  for (const key of Object.keys(h)) expect(HANDOVER_KEYS).toContain(key);
  return h;
}

describeWithDocker('the trading lease through the bundled actions, against the simulator', () => {
  const sim = useTradingLeaseSim(APP);
  const { rev, live, lastTrader } = sim;

  const run = (action: 'deploy-app' | 'blue-green', values: Record<string, string>) =>
    runEntry(
      action,
      { ...sim.t.common, app: APP, 'wait-timeout': '90s', 'trading-lease': sim.lease, ...values },
      sim.t.sim,
      {},
      { source: 'dist' },
    );

  it('deploy-app, first deploy: designates its revision once ready (epoch 1) and waits until it trades', async () => {
    const r = await run('deploy-app', { image: sim.t.images.v1, 'revision-suffix': 'v1-0-0' });
    succeeded(r);
    expect(r.outputs).toMatchObject({
      created: 'true',
      'trading-revision': rev('v1-0-0'),
      'trading-epoch': '1',
    });
    const h = handoverOf(r);
    expect(h).toMatchObject({ from: '', to: rev('v1-0-0'), epoch: 1 });
    expect(typeof h['acquired-at']).toBe('string');
    expect(r.summary).toContain('### Trading');
    await eventually(async () => (lastTrader() === rev('v1-0-0') ? true : undefined), 30_000);
  }, 300_000);

  it('deploy-app, the candidate: designates nothing, stands by, outputs the designation in force', async () => {
    const r = await run('deploy-app', { image: sim.t.images.v2, 'revision-suffix': 'v2-0-0' });
    succeeded(r);
    expect(r.outputs).toMatchObject({
      created: 'false',
      'trading-revision': rev('v1-0-0'),
      'trading-epoch': '1',
      handover: '',
    });
    await new Promise((done) => setTimeout(done, 3_000));
    expect(live().revisions).toEqual([rev('v1-0-0')]);
  }, 300_000);

  it('blue-green promote hands trading over: epoch 2, the handover JSON, one trader at a time', async () => {
    const r = await run('blue-green', { command: 'promote', steps: '50,100' });
    succeeded(r);
    expect(r.outputs).toMatchObject({
      'production-revision': rev('v2-0-0'),
      'trading-revision': rev('v2-0-0'),
      'trading-epoch': '2',
    });
    const h = handoverOf(r);
    expect(h).toMatchObject({ from: rev('v1-0-0'), to: rev('v2-0-0'), epoch: 2 });
    expect(typeof h['acquired-at']).toBe('string');
    if (h['released-at'] !== undefined && h['gap-ms'] !== undefined)
      expect(h['gap-ms']).toBe(
        Date.parse(h['acquired-at'] as string) - Date.parse(h['released-at'] as string),
      );
    await eventually(async () => (lastTrader() === rev('v2-0-0') ? true : undefined), 30_000);
    const report = live();
    expect({ exclusive: report.exclusive, overlapMs: report.overlapMs }).toEqual({
      exclusive: true,
      overlapMs: 0,
    });
  }, 300_000);

  it('blue-green status: outputs the designation and its epoch, the summary the holder and its state', async () => {
    const r = await run('blue-green', { command: 'status' });
    succeeded(r);
    expect(r.outputs).toMatchObject({
      'production-revision': rev('v2-0-0'),
      'trading-revision': rev('v2-0-0'),
      'trading-epoch': '2',
      handover: '',
    });
    expect(r.summary).toMatch(/\| \*\*designation\*\* \| alc-algo-agents--v2-0-0 \|/);
    expect(r.summary).toMatch(/\| \*\*holder\*\* \| .* of alc-algo-agents--v2-0-0 \(epoch 2\) \|/);
    expect(r.summary).toMatch(/\| \*\*state\*\* \| trading since /);
    expect(r.summary).toMatch(/\| \*\*lease\*\* \| leased \(locked\) \|/);
  }, 120_000);
});
