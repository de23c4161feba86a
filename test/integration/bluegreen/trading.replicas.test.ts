// The trading lease end to end with in-process replicas (with the sample agent in containers: trading.sim.test.ts),
// against the simulator's ARM, its Azure Storage (Azurite over HTTPS, bearer tokens of its Entra) and its broker
// stand-in: deploy-app and blue-green in this process with the real trading store and the
// run's own credential, and each revision's replicas played by in-process replicas of protocol v1
// (test/support/trading-replica.ts, the sample agent's rules) on the broker's live port. The broker's order log is
// the oracle: at no instant do two replicas trade. No containers: the readiness proof and the gates are stand-ins.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Aca } from '../../../src/azure/aca.js';
import { runBlueGreen } from '../../../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { runDeploy } from '../../../src/deploy/run.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { checkPlace } from '../../../src/deploy/verify.js';
import { trafficOf } from '../../../src/revisions/traffic.js';
import type { SmokeReport } from '../../../src/smoke/summary.js';
import { parseTradingLease } from '../../../src/trading/lease-url.js';
import { tradingStore } from '../../../src/trading/store.js';
import type { ManagedTradingLease, TradingStore } from '../../../src/trading/types.js';
import { tradingReport } from '../../../sim/trading-report.js';
import {
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { ROOT } from '../../support/deploy-sim.js';
import { simAzure, simAzureInputs } from '../../support/sim-azure.js';
import { TradingReplica } from '../../support/trading-replica.js';

const APP = 'alc-algo-agents';
const rev = (suffix: string) => `${APP}--${suffix}`;
const digest = (n: number) =>
  `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${n.toString(16).padStart(64, '0')}`;
const passed = { passed: true, checks: [], failures: [] } as unknown as SmokeReport;

let s: ControlPlaneSim;
let aca: Aca;
let leaseUrl: string;
let lease: ManagedTradingLease;
let store: TradingStore;
const replicas = new Map<string, TradingReplica[]>();

beforeAll(async () => {
  s = await startControlPlaneSim({
    registry: false,
    lroDelayMs: 30,
    storage: true,
    brokerLivePort: 0,
    brokerPaperPort: 0,
  });
  aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 30 });
  leaseUrl = s.sim.tradingLeaseUrl(APP);
  lease = parseTradingLease(leaseUrl) as ManagedTradingLease;
  store = tradingStore(lease, simAzure(s.sim.env, s.sim.ca).credential, { tlsOptions: { ca: s.sim.ca } });
}, 120_000);
afterAll(async () => {
  for (const list of replicas.values()) await Promise.all(list.map((r) => r.stop().catch(() => undefined)));
  await s?.stop();
}, 60_000);

/** Two replicas of a revision, as ACA runs them (started before the revision exists: they stand by). */
function startReplicas(revision: string, o: { neverAcquire?: boolean } = {}): void {
  const credential = simAzure(s.sim.env, s.sim.ca).credential;
  replicas.set(
    revision,
    [1, 2].map((n) =>
      new TradingReplica({
        lease,
        credential,
        tlsOptions: { ca: s.sim.ca },
        revision,
        replica: `${revision}-replica-${n}`,
        broker: { host: s.sim.broker.host, port: s.sim.broker.livePort },
        tickMs: 250,
        ...o,
      }).start(),
    ),
  );
}

const deploy = (suffix: string, n: number, extra: Record<string, string> = {}) => {
  const all: Record<string, string> = {
    ...simAzureInputs(s.sim.env),
    'resource-group': RG,
    version: '1.0.0',
    image: digest(n),
    'revision-suffix': suffix,
    'trading-lease': leaseUrl,
    ...extra,
  };
  const settings = readDeploySettings((k) => all[k] ?? '', { env: { GITHUB_WORKSPACE: ROOT } });
  return runDeploy(settings, {
    aca,
    prove: async () => 'answered 200 (stand-in)',
    verifyImage: checkPlace,
    trading: store,
  });
};

const blueGreen = (values: Record<string, string>) => {
  const all: Record<string, string> = {
    ...simAzureInputs(s.sim.env),
    'resource-group': RG,
    app: APP,
    'trading-lease': leaseUrl,
    ...values,
  };
  const settings = readBlueGreenSettings((k) => all[k] ?? '', { env: { GITHUB_WORKSPACE: ROOT } });
  return runBlueGreen(settings, {
    aca,
    prove: async () => 'answered 200 (stand-in)',
    smoke: async () => passed,
    trading: store,
  });
};

/** Who traded on the live port, as the broker recorded it. */
const report = () => tradingReport(s.sim.broker.orders(), 'live');
const tradingRevisions = () => [...new Set(s.sim.broker.orders().map((o) => o.revision))];

it('the first deploy creates the app, designates its revision and waits until it trades', async () => {
  startReplicas(rev('v1-0-0'));
  const result = await deploy('v1-0-0', 1);
  expect(result.created).toBe(true);
  expect(result.trading?.designation).toMatchObject({ revision: rev('v1-0-0'), epoch: 1 });
  expect(result.trading?.handover).toMatchObject({ to: rev('v1-0-0'), epoch: 1 });
  const template = (await aca.getRevision(APP, rev('v1-0-0')))?.template;
  expect(template?.containers?.[0].env).toContainEqual({ name: 'ALC_TRADING_LEASE', value: leaseUrl });
  expect(tradingRevisions()).toEqual([rev('v1-0-0')]);
}, 120_000);

it('a second deploy puts the candidate beside production: it stands by, trading unmoved', async () => {
  startReplicas(rev('v2-0-0'));
  const result = await deploy('v2-0-0', 2);
  expect(result.trading?.designation).toMatchObject({ revision: rev('v1-0-0'), epoch: 1 });
  expect(result.trading?.handover).toBeUndefined();
  await new Promise((r) => setTimeout(r, 1_500));
  expect(tradingRevisions()).toEqual([rev('v1-0-0')]);
}, 120_000);

it('promote hands trading over after the last step: never two traders, the gap observed', async () => {
  const result = await blueGreen({ command: 'promote', steps: '50,100' });
  expect(result.productionRevision).toBe(rev('v2-0-0'));
  expect(result.trading?.designation).toMatchObject({ revision: rev('v2-0-0'), epoch: 2 });
  expect(result.trading?.handover).toMatchObject({ from: rev('v1-0-0'), to: rev('v2-0-0'), epoch: 2 });
  expect(result.trading?.handover?.gapMs).toBeGreaterThanOrEqual(0);
  expect(result.trading?.fleet).toEqual([]);
  await new Promise((r) => setTimeout(r, 1_000));
  const r = report();
  expect({ exclusive: r.exclusive, overlapMs: r.overlapMs }).toEqual({ exclusive: true, overlapMs: 0 });
  expect(r.revisions).toEqual([rev('v1-0-0'), rev('v2-0-0')]);
  expect(r.segments.at(-1)?.revision).toBe(rev('v2-0-0'));
}, 180_000);

it('status reports the designation and the holder; a re-run of the promote writes no new epoch', async () => {
  const status = await blueGreen({ command: 'status' });
  expect(status.trading).toMatchObject({
    designation: { revision: rev('v2-0-0'), epoch: 2 },
    lease: { leased: true, revision: rev('v2-0-0'), state: 'trading' },
    fleet: [],
  });
  const again = await blueGreen({ command: 'promote' });
  expect(again.trading?.designation).toMatchObject({ revision: rev('v2-0-0'), epoch: 2 });
}, 120_000);

it('rollback designates v1 first, moves the traffic at once, then waits until v1 trades', async () => {
  const result = await blueGreen({ command: 'rollback' });
  expect(result.productionRevision).toBe(rev('v1-0-0'));
  expect(result.trading?.handover).toMatchObject({ from: rev('v2-0-0'), to: rev('v1-0-0'), epoch: 3 });
  await new Promise((r) => setTimeout(r, 1_000));
  const r = report();
  expect(r.exclusive).toBe(true);
  expect(r.segments.at(-1)?.revision).toBe(rev('v1-0-0'));
}, 180_000);

it('a candidate that never takes the lease: the promote designates v1 again and puts the traffic back', async () => {
  // v2 is retired: its replicas stop as ACA stops a deactivated revision's.
  startReplicas(rev('v3-0-0'), { neverAcquire: true });
  await deploy('v3-0-0', 3);
  const before = trafficOf((await aca.getApp(APP))!);
  const run = blueGreen({ command: 'promote' });
  await expect(run).rejects.toThrow(
    /the trading handover to alc-algo-agents--v3-0-0 did not complete: .*designated alc-algo-agents--v1-0-0 again \(epoch 5\), restored the traffic .*alc-algo-agents--v1-0-0 trades again/,
  );
  expect(trafficOf((await aca.getApp(APP))!)).toEqual(before);
  expect(await store.readDesignation()).toMatchObject({ revision: rev('v1-0-0'), epoch: 5 });
  const r = report();
  expect(r.exclusive).toBe(true);
  expect(r.revisions).not.toContain(rev('v3-0-0'));
}, 240_000);
