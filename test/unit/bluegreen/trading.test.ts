// blue-green's trading steps over an in-memory app and an in-memory trading store whose lease follows scripted
// agents (no Azure, no storage, no HTTP; the clock is the test's): the handover's place in each command, its
// fallbacks, the lease check, re-runs, status and the fleet check.
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import type { BlueGreenDeps } from '../../../src/bluegreen/context.js';
import { blueGreenFailureOutputs } from '../../../src/bluegreen/entry.js';
import { runBlueGreen } from '../../../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { blueGreenOutputs } from '../../../src/bluegreen/summary.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';
import type { SmokeReport } from '../../../src/smoke/summary.js';
import { newAcaFixture } from '../../support/aca-fixture.js';
import {
  agentsFollow,
  held,
  MemoryTradingStore,
  URL_OF_TEST_LEASE,
  type AgentTimings,
} from '../../support/trading-store.js';

const A = 'app';
const r = (s: string) => `${A}--${s}`;
const DEPLOYED: TrafficEntry[] = [
  { revisionName: r('v1'), label: 'blue', weight: 100 },
  { revisionName: r('v2'), label: 'green', weight: 0 },
];
const PROMOTED: TrafficEntry[] = [
  { revisionName: r('v1'), label: 'blue', weight: 0 },
  { revisionName: r('v2'), label: 'green', weight: 100 },
];
const passed = { passed: true, checks: [], failures: [] } as unknown as SmokeReport;

/** The app, a store designating `designated` (epoch 7), agents with `timings`, a clock the sleeps advance. */
function world(
  o: {
    traffic?: TrafficEntry[];
    designated?: string | null;
    timings?: AgentTimings;
  } = {},
) {
  let clock = Date.UTC(2026, 11, 7, 23, 0, 0);
  const now = () => clock;
  const fx = newAcaFixture({
    name: A,
    revisions: ['v1', 'v2'].map((s, i) => ({
      name: r(s),
      createdTime: new Date(Date.UTC(2026, 0, i + 1)),
      template: {
        containers: [
          {
            name: 'c',
            image: `reg.io/a@sha256:${i}`,
            env: [
              { name: 'IBKR_PORT', value: '7496' },
              { name: 'ALC_TRADING_LEASE', value: URL_OF_TEST_LEASE },
            ],
          },
        ],
      },
    })),
    traffic: o.traffic ?? DEPLOYED,
  });
  const designated = o.designated === undefined ? r('v1') : o.designated;
  const store = new MemoryTradingStore(
    designated === null ? undefined : { revision: designated, epoch: 7 },
    now,
  );
  const agents = agentsFollow(store, now, {
    ...(designated ? { initial: { revision: designated, epoch: 7 } } : {}),
    ...o.timings,
  });
  // One timeline of both: the store's calls and the app's traffic writes, in order.
  fx.on('patchTraffic', () => void store.calls.push('traffic'));
  fx.on('restartRevision', async (c) => {
    store.calls.push(`restart ${c.args[1]}`);
    await agents.restart(c.args[1] as string);
  });
  const deps: BlueGreenDeps = {
    aca: fx.aca,
    prove: async (req) => `${req.url.href} answered 200`,
    smoke: async () => passed,
    now,
    sleep: async (ms) => {
      clock += ms;
    },
    trading: store,
  };
  const advance = (ms: number) => {
    clock += ms;
  };
  return { fx, store, agents, deps, now, advance };
}

const settings = (values: Record<string, string>) =>
  readBlueGreenSettings(
    (n) =>
      ({
        'subscription-id': '00000000-0000-0000-0000-000000000001',
        'resource-group': 'rg',
        app: A,
        'trading-lease': URL_OF_TEST_LEASE,
        ...values,
      })[n] ?? '',
    { env: { GITHUB_WORKSPACE: resolve('.') } },
  );

/** The timeline without the reads. */
const timeline = (store: MemoryTradingStore) => store.calls.filter((c) => !c.startsWith('read'));

describe('promote with a trading lease', () => {
  it('hands trading over after the last step, once: designation (v2, 8) over (v1, 7), then v2 trades', async () => {
    const w = world();
    const result = await runBlueGreen(settings({ command: 'promote', steps: '50,100' }), w.deps);
    expect(timeline(w.store)).toEqual(['traffic', 'traffic', 'write app--v2@8 if-match "1"']);
    expect(w.store.designation).toMatchObject({ revision: r('v2'), epoch: 8 });
    expect(result.trading?.handover).toMatchObject({ from: r('v1'), to: r('v2'), epoch: 8, gapMs: 1000 });
    expect(result.trading?.fleet).toEqual([]);
    const out = blueGreenOutputs(result);
    expect(out['trading-revision']).toBe(r('v2'));
    expect(out['trading-epoch']).toBe('8');
    expect(JSON.parse(out.handover)).toMatchObject({ from: r('v1'), to: r('v2'), epoch: 8, 'gap-ms': 1000 });
  });

  it('stops before any traffic moves when the candidate holds the lease undesignated', async () => {
    const w = world();
    w.store.lease = held(r('v2'), 7, 'trading');
    const run = runBlueGreen(settings({ command: 'promote' }), w.deps);
    await expect(run).rejects.toThrow(/stopped before any traffic moved: app--v2 holds the trading lease/);
    expect(w.fx.count('patchTraffic')).toBe(0);
    expect(w.store.writes).toEqual([]);
  });

  it('a handover that cannot complete designates A again (n+2), puts the traffic back, waits until A trades', async () => {
    const w = world({ timings: { neverAcquire: [r('v2')] } });
    const run = runBlueGreen(settings({ command: 'promote', 'handover-timeout': '60s' }), w.deps);
    await expect(run).rejects.toThrow(
      /the trading handover to app--v2 did not complete: .*; designated app--v1 again \(epoch 9\), restored the traffic \[blue=app--v1@100, green=app--v2@0\], app--v1 trades again/,
    );
    expect(w.store.writes.map((x) => `${x.revision}@${x.epoch}`)).toEqual([`${r('v2')}@8`, `${r('v1')}@9`]);
    expect(w.fx.traffic()).toEqual(DEPLOYED);
    const error = await run.catch((e) => e);
    expect(blueGreenFailureOutputs(error)).toMatchObject({
      'trading-revision': r('v1'),
      'trading-epoch': '9',
    });
    // The last handover of the run: the one back to v1.
    expect(JSON.parse(blueGreenFailureOutputs(error).handover)).toMatchObject({ to: r('v1'), epoch: 9 });
  });

  it('restarts an old holder that ignores the designation (20 s after the designation write)', async () => {
    const w = world({ timings: { ignoreDesignation: [r('v1')], restartMs: 2_000 } });
    const result = await runBlueGreen(settings({ command: 'promote' }), w.deps);
    expect(w.fx.argsOf('restartRevision')).toEqual([[A, r('v1')]]);
    expect(result.trading?.designation).toMatchObject({ revision: r('v2'), epoch: 8 });
  });

  it('a re-run whose handover is half done goes on without a new epoch', async () => {
    const w = world({ traffic: PROMOTED, designated: r('v2') });
    // v2 designated at epoch 7 by the run before; its agents trade by now.
    w.store.lease = held(r('v2'), 7, 'trading');
    const result = await runBlueGreen(settings({ command: 'promote' }), w.deps);
    expect(w.store.writes).toEqual([]);
    expect(w.fx.count('patchTraffic')).toBe(0);
    expect(result.trading?.handover).toMatchObject({ to: r('v2'), epoch: 7 });
  });

  it('a handover-timeout below 25 s + the grace period is refused before any write', async () => {
    const w = world();
    const run = runBlueGreen(settings({ command: 'promote', 'handover-timeout': '30s' }), w.deps);
    await expect(run).rejects.toThrow(
      /Input 'handover-timeout' has the invalid value '30s': allowed: a duration of at least 55s/,
    );
    expect(w.fx.writes).toEqual([]);
    expect(w.store.writes).toEqual([]);
  });

  it('without trading-lease nothing of trading runs (the store is never read)', async () => {
    const w = world();
    const result = await runBlueGreen(settings({ command: 'promote', 'trading-lease': '' }), w.deps);
    expect(w.store.calls).toEqual(['traffic']);
    expect(result.trading).toBeUndefined();
    expect(blueGreenOutputs(result)['trading-revision']).toBe('');
  });

  it('trading-lease unmanaged: nothing of trading runs either', async () => {
    const w = world();
    await runBlueGreen(settings({ command: 'promote', 'trading-lease': 'unmanaged' }), w.deps);
    expect(w.store.calls).toEqual(['traffic']);
  });
});

describe('a failed watch after the handover', () => {
  const ANALYSIS =
    'interval: 1m\nmetrics:\n  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}';
  /** 5xx of the candidate per sample: clean at 100%, then 3 in the watch. */
  const monitor = (errors: number[]) => ({
    sample: async () => ({ kind: 'value', value: errors.shift() ?? 0, total: 100 }) as const,
  });

  it('designates the previous revision first, moves the traffic at once, then waits until it trades', async () => {
    const w = world();
    const run = runBlueGreen(
      settings({ command: 'promote', 'step-wait': '1m', analysis: ANALYSIS, watch: '2m' }),
      { ...w.deps, monitor: monitor([0, 0, 3]) },
    );
    await expect(run).rejects.toThrow(/the watch failed; rolled back to the previous revision app--v1/);
    expect(timeline(w.store)).toEqual([
      'traffic',
      'write app--v2@8 if-match "1"',
      'write app--v1@9 if-match "2"',
      'traffic',
    ]);
    expect(w.fx.traffic()).toEqual(DEPLOYED);
    const error = await run.catch((e) => e);
    expect(blueGreenFailureOutputs(error)).toMatchObject({
      'trading-revision': r('v1'),
      'trading-epoch': '9',
    });
    expect(JSON.parse(blueGreenFailureOutputs(error).handover)).toMatchObject({ from: r('v2'), to: r('v1') });
  });

  it("the watch's rollback counts the 20 s release wait from its designation write, not from after the traffic", async () => {
    const w = world({ timings: { ignoreDesignation: [r('v2')], restartMs: 2_000 } });
    w.fx.on('patchTraffic', () => w.advance(8_000));
    const run = runBlueGreen(
      settings({ command: 'promote', 'step-wait': '1m', analysis: ANALYSIS, watch: '2m' }),
      { ...w.deps, monitor: monitor([0, 0, 3]) },
    );
    await expect(run).rejects.toThrow(/the watch failed; rolled back to the previous revision app--v1/);
    const back = w.store.writes.find((x) => x.revision === r('v1'))!;
    expect(back).toMatchObject({ epoch: 9 });
    const restart = w.agents.restarts.find((x) => x.revision === r('v2'))!;
    expect(restart.at - back.at!).toBeGreaterThanOrEqual(20_000);
    expect(restart.at - back.at!).toBeLessThan(20_400);
  });

  it('when the previous revision does not trade again: nobody trades, the traffic stays on it, loudly', async () => {
    const w = world({ timings: { neverAcquire: [r('v1')] } });
    // v1 trades at the start (the initial holder) but its agents never take the lease again.
    const run = runBlueGreen(
      settings({ command: 'promote', 'step-wait': '1m', analysis: ANALYSIS, watch: '2m' }),
      { ...w.deps, monitor: monitor([0, 0, 3]) },
    );
    await expect(run).rejects.toThrow(
      /NOBODY TRADES.*The traffic stays on \[blue=app--v1@100, green=app--v2@0\]/,
    );
    expect(w.store.designation).toMatchObject({ revision: '', epoch: 10 });
  });
});

describe('rollback and abort with a trading lease', () => {
  it('rollback: the target designated first, the traffic at once, then the wait', async () => {
    const w = world({ traffic: PROMOTED, designated: r('v2') });
    const result = await runBlueGreen(settings({ command: 'rollback' }), w.deps);
    expect(timeline(w.store)).toEqual(['write app--v1@8 if-match "1"', 'traffic']);
    // The traffic write came before the old holder released: the wait is after it.
    expect(result.trading?.handover).toMatchObject({ from: r('v2'), to: r('v1'), epoch: 8 });
    expect(w.fx.traffic()).toEqual(DEPLOYED);
  });

  it('rollback: the 20 s release wait counts from the designation write, not from after the traffic write', async () => {
    const w = world({
      traffic: PROMOTED,
      designated: r('v2'),
      timings: { ignoreDesignation: [r('v2')], restartMs: 2_000 },
    });
    // The traffic write takes 8 s (ARM's long-running operation).
    w.fx.on('patchTraffic', () => w.advance(8_000));
    await runBlueGreen(settings({ command: 'rollback' }), w.deps);
    const written = w.store.writes[0]!;
    expect(written).toMatchObject({ revision: r('v1'), epoch: 8 });
    expect(w.agents.restarts).toHaveLength(1);
    const at = w.agents.restarts[0]!.at - written.at!;
    expect(at).toBeGreaterThanOrEqual(20_000);
    expect(at).toBeLessThan(20_400);
  });

  it('rollback: another writer designating meanwhile stops the run: no restart, no write over it', async () => {
    const w = world({
      traffic: PROMOTED,
      designated: r('v2'),
      timings: { ignoreDesignation: [r('v2')] },
    });
    // Another run designates app--v3 (epoch 9) while this one moves the traffic.
    w.fx.on('patchTraffic', () => {
      w.advance(3_000);
      w.store.put({ revision: r('v3'), epoch: 9 });
    });
    const error = await runBlueGreen(settings({ command: 'rollback' }), w.deps).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/another writer designated app--v3 \(epoch 9\)/);
    expect(w.store.writes.map((x) => `${x.revision}@${x.epoch}`)).toEqual([`${r('v1')}@8`]);
    expect(w.store.designation).toMatchObject({ revision: r('v3'), epoch: 9 });
    expect(w.agents.restarts).toEqual([]);
    expect(w.fx.count('patchTraffic')).toBe(1);
  });

  it("a rollback's handover that cannot complete designates nobody and keeps the traffic on the target", async () => {
    const w = world({ traffic: PROMOTED, designated: r('v2'), timings: { neverAcquire: [r('v1')] } });
    const run = runBlueGreen(settings({ command: 'rollback' }), w.deps);
    await expect(run).rejects.toThrow(
      /the designation is now '' \(epoch 9\): NOBODY TRADES; the lease is released/,
    );
    await expect(run).rejects.toThrow(/Nobody trades until a person decides/);
    expect(w.store.designation).toMatchObject({ revision: '', epoch: 9 });
    expect(w.fx.traffic()).toEqual(DEPLOYED);
  });

  it('abort during the steps finds trading unmoved and leaves it alone', async () => {
    const w = world({
      traffic: [
        { revisionName: r('v1'), label: 'blue', weight: 50 },
        { revisionName: r('v2'), label: 'green', weight: 50 },
      ],
    });
    const result = await runBlueGreen(settings({ command: 'abort' }), w.deps);
    expect(w.store.writes).toEqual([]);
    expect(result.trading?.designation).toMatchObject({ revision: r('v1'), epoch: 7 });
  });
});

describe('status and the fleet check', () => {
  it('a failed run without a managed lease writes the trading outputs empty', () => {
    expect(blueGreenFailureOutputs(new Error('refused'))).toEqual({
      'trading-revision': '',
      'trading-epoch': '',
      handover: '',
    });
  });

  it('status outputs the designation and its epoch (no handover)', async () => {
    const w = world();
    const result = await runBlueGreen(settings({ command: 'status' }), w.deps);
    expect(blueGreenOutputs(result)).toMatchObject({
      'trading-revision': r('v1'),
      'trading-epoch': '7',
      handover: '',
    });
  });

  it('status reports designation, epoch, holder, state and lease state', async () => {
    const w = world();
    const result = await runBlueGreen(settings({ command: 'status' }), w.deps);
    expect(result.trading).toMatchObject({
      designation: { revision: r('v1'), epoch: 7 },
      lease: { leased: true, holder: `${r('v1')}-replica-1`, state: 'trading', leaseState: 'leased' },
      fleet: [],
    });
    expect(w.store.writes).toEqual([]);
  });

  it('a deviation fails the run with what was found: an active revision carrying the live port unfenced', async () => {
    const w = world();
    w.fx.setRevision(r('v2'), {
      template: {
        containers: [{ name: 'c', image: 'reg.io/a@sha256:1', env: [{ name: 'IBKR_PORT', value: '7496' }] }],
      },
    });
    const run = runBlueGreen(settings({ command: 'status' }), w.deps);
    await expect(run).rejects.toThrow(
      /fleet check found 1 deviation\(s\): active revision app--v2 carries the live trading port/,
    );
  });
});
