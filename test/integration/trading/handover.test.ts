// The handover on real parts: the simulator's Azurite (HTTPS with its CA, bearer tokens of its Entra through the
// run's OIDC credential), its broker stand-in (TRADING-SPEC §2, the live port), and in-process replicas of protocol v1
// (test/support/trading-replica.ts, ticking every 250 ms). The pipeline's clocks are DESIGN's (release wait 20 s,
// refused-326 wait 10 s, bound >= 25 s + grace); the restart escalation calls Aca.restartRevision on the simulator's
// ARM, then SIGTERMs the revision's in-process replicas (a hung one is killed) and starts new standby ones, as ACA's
// revision restart does to containers. The broker's order log is the
// oracle (sim/trading-report.ts): no two replicas trade at once, and the gap between them is small.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { TokenCredential } from '@azure/core-auth';
import { tradingReport } from '../../../sim/trading-report.js';
import { handOver, HandoverError } from '../../../src/trading/handover.js';
import { parseTradingLease } from '../../../src/trading/lease-url.js';
import { handoverBoundMs, isTrading } from '../../../src/trading/protocol.js';
import { DesignationConflictError } from '../../../src/trading/errors.js';
import { tradingStore } from '../../../src/trading/store.js';
import type { ManagedTradingLease, TradingStore } from '../../../src/trading/types.js';
import { Aca } from '../../../src/azure/aca.js';
import {
  appSpec,
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { simAzure } from '../../support/sim-azure.js';
import { TradingReplica, type ReplicaOptions } from '../../support/trading-replica.js';

const TICK_MS = 250;
let s: ControlPlaneSim;
let credential: TokenCredential;
let aca: Aca;
const IMAGE = `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'1'.padStart(64, '0')}`;
let replicas: TradingReplica[] = [];
let clientIds = 100;

beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false, storage: true, brokerLivePort: 0, brokerPaperPort: 0 });
  credential = simAzure(s.sim.env, s.sim.ca).credential;
  aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 30 });
}, 60_000);

afterEach(async () => {
  await Promise.all(replicas.map((r) => r.terminate()));
  replicas = [];
});

afterAll(async () => s?.stop());

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One app: its lease prefix, its store, a client ID of its own, its replicas and the restarts asked for. */
function app(name: string) {
  const arm = new Set<string>();
  /** Creates the app in the simulator's ARM with revision `<name>--<suffix>`, so that its restart goes through ARM. */
  const inArm = async (suffix: string) => {
    const created = await aca.putApp(name, appSpec(s.envId, IMAGE, { suffix }));
    arm.add(created.latestRevisionName as string);
  };
  const lease = parseTradingLease(s.sim.tradingLeaseUrl(name)) as ManagedTradingLease;
  const store = tradingStore(lease, credential, { tlsOptions: { ca: s.sim.ca } });
  const clientId = (clientIds += 1);
  const restarts: Array<{ revision: string; at: number }> = [];
  const notes: string[] = [];
  const revisions = new Map<string, Partial<ReplicaOptions>>();

  const start = (revision: string, replica: string, extra: Partial<ReplicaOptions> = {}) => {
    const r = new TradingReplica({
      lease,
      credential,
      tlsOptions: { ca: s.sim.ca },
      revision,
      replica,
      broker: { host: s.sim.broker.host, port: s.sim.broker.livePort },
      clientId,
      tickMs: TICK_MS,
      orderEveryMs: 100,
      ...extra,
    }).start();
    replicas.push(r);
    return r;
  };
  /** A revision with `n` replicas (the options are the revision's, like build args). */
  const revision = (rev: string, n: number, extra: Partial<ReplicaOptions> = {}) => {
    revisions.set(rev, extra);
    return Array.from({ length: n }, (_, i) => start(rev, `${rev}-r${i}`, extra));
  };
  /** ACA's revision restart: each replica SIGTERMed (a hung one killed), new ones come up standby. */
  const restart = async (rev: string) => {
    restarts.push({ revision: rev, at: Date.now() });
    // The pipeline's call, to the simulator's ARM (which has no containers here): the app must exist there.
    if (arm.has(rev)) await aca.restartRevision(name, rev);
    const old = replicas.filter((r) => r.revision === rev && r.phase !== 'dead');
    await Promise.all(old.map((r) => r.terminate()));
    for (const r of old) start(rev, `${r.name}-2`, revisions.get(rev));
  };
  const deps = { store, restart, now: Date.now, sleep, note: (l: string) => notes.push(l) };
  const orders = () => s.sim.broker.orders({ kind: 'live', clientId });
  const sessions = () => s.sim.broker.sessions({ kind: 'live', clientId });
  const report = () => tradingReport(orders(), 'live', { clientId });
  return { name, store, deps, restarts, notes, revision, orders, sessions, report, inArm };
}

/** Designates `rev` (creating the blobs) and waits until it trades. */
async function seed(store: TradingStore, rev: string): Promise<number> {
  await store.ensureLeaseBlob();
  const d = await store.writeDesignation({ revision: rev, epoch: 1 }, undefined);
  for (const until = Date.now() + 10_000; Date.now() < until; await sleep(100)) {
    if (isTrading(await store.readLease(), rev, d.epoch)) return d.epoch;
  }
  throw new Error(`${rev} did not start trading`);
}

const BOUND = handoverBoundMs(undefined, 0);

describe('handOver on Azurite, the broker stand-in and protocol v1 replicas', () => {
  it('hands trading from A to B: one epoch more, no overlap in the order log, a small gap', async () => {
    const a = app('orderly');
    a.revision('orderly--a', 2);
    a.revision('orderly--b', 2);
    await seed(a.store, 'orderly--a');
    await sleep(1_000);
    const t0 = Date.now();
    const { handover, designation } = await handOver(a.deps, {
      to: 'orderly--b',
      boundMs: BOUND,
      graceSeconds: 0,
    });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(designation).toMatchObject({ revision: 'orderly--b', epoch: 2 });
    expect(handover).toMatchObject({ from: 'orderly--a', to: 'orderly--b', epoch: 2 });
    expect(handover.gapMs).toBeGreaterThanOrEqual(0);
    expect(handover.gapMs).toBeLessThan(3 * TICK_MS + 1_000);
    await sleep(1_000);
    const r = a.report();
    expect(r.overlapMs).toBe(0);
    expect(r.exclusive).toBe(true);
    expect(r.segments.reduce((n, x) => n + x.unbound, 0)).toBe(0);
    expect(r.segments.map((x) => x.revision)).toEqual(['orderly--a', 'orderly--b']);
    expect(r.gaps[0].gapMs).toBeLessThan(3 * TICK_MS + 1_000);
    expect(a.restarts).toEqual([]);
    expect(a.notes[0]).toBe('designated orderly--b (epoch 2) over orderly--a (epoch 1)');
  });

  it('hands over back and forth between two revisions of 4 replicas each: one epoch each, never an overlap', async () => {
    const a = app('pingpong');
    a.revision('pingpong--a', 4);
    a.revision('pingpong--b', 4);
    await seed(a.store, 'pingpong--a');
    const epochs: number[] = [];
    const gaps: Array<number | undefined> = [];
    for (const to of ['pingpong--b', 'pingpong--a', 'pingpong--b', 'pingpong--a']) {
      await sleep(700);
      const { handover } = await handOver(a.deps, { to, boundMs: BOUND, graceSeconds: 0 });
      epochs.push(handover.epoch);
      gaps.push(handover.gapMs);
    }
    await sleep(700);
    expect(epochs).toEqual([2, 3, 4, 5]);
    // The fast polls around the release observe most gaps (the broker's log is the truth; see below).
    expect(gaps.filter((g) => g !== undefined).length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps) if (gap !== undefined) expect(gap).toBeLessThan(3 * TICK_MS + 1_000);
    const r = a.report();
    expect(r.overlapMs).toBe(0);
    expect(r.exclusive).toBe(true);
    expect(r.segments.reduce((n, x) => n + x.unbound, 0)).toBe(0);
    expect(r.segments.map((x) => x.revision)).toEqual([
      'pingpong--a',
      'pingpong--b',
      'pingpong--a',
      'pingpong--b',
      'pingpong--a',
    ]);
    expect(r.maxGapMs).toBeLessThan(3 * TICK_MS + 1_000);
    expect(a.restarts).toEqual([]);
  });

  it('a re-run after the designation write goes on without a new epoch', async () => {
    const a = app('rerun');
    a.revision('rerun--a', 1);
    a.revision('rerun--b', 1);
    await seed(a.store, 'rerun--a');
    // The earlier run wrote the designation and died.
    const d = await a.store.readDesignation();
    await a.store.writeDesignation({ revision: 'rerun--b', epoch: 2 }, d?.etag);
    const { handover, designation } = await handOver(a.deps, {
      to: 'rerun--b',
      boundMs: BOUND,
      graceSeconds: 0,
    });
    expect(designation).toMatchObject({ revision: 'rerun--b', epoch: 2 });
    expect(handover).toMatchObject({ to: 'rerun--b', epoch: 2 });
    expect(await a.store.readDesignation()).toMatchObject({ revision: 'rerun--b', epoch: 2 });
    expect(a.notes[0]).toMatch(/already names rerun--b \(epoch 2\): going on without a new epoch/);
    // And once more, with the handover done.
    await handOver(a.deps, { to: 'rerun--b', boundMs: BOUND, graceSeconds: 0 });
    expect(await a.store.readDesignation()).toMatchObject({ revision: 'rerun--b', epoch: 2 });
    expect(a.report().overlapMs).toBe(0);
  });

  it('restarts A when it ignores the designation for 20 s; then B trades', async () => {
    const a = app('ignore');
    await a.inArm('a');
    a.revision('ignore--a', 2, { ignoreDesignation: true });
    a.revision('ignore--b', 2);
    await seed(a.store, 'ignore--a');
    const t0 = Date.now();
    const { handover } = await handOver(a.deps, { to: 'ignore--b', boundMs: BOUND, graceSeconds: 0 });
    expect(a.restarts).toHaveLength(1);
    expect(a.restarts[0].revision).toBe('ignore--a');
    expect(a.restarts[0].at - t0).toBeGreaterThanOrEqual(20_000);
    expect(a.restarts[0].at - t0).toBeLessThan(23_000);
    expect(handover).toMatchObject({ from: 'ignore--a', to: 'ignore--b', epoch: 2 });
    await sleep(1_000);
    const r = a.report();
    expect(r.overlapMs).toBe(0);
    expect(r.segments.at(-1)?.revision).toBe('ignore--b');
    expect(a.notes).toContain('the lease was not released 20 s after the designation: restarting ignore--a');
  }, 90_000);

  it('a hung A keeps its broker session: B is refused with 326, A is restarted 10 s later, then B trades', async () => {
    const a = app('hung');
    await a.inArm('a');
    const olds = a.revision('hung--a', 2);
    a.revision('hung--b', 2);
    await seed(a.store, 'hung--a');
    for (const r of olds) r.hang();
    const t0 = Date.now();
    const { handover } = await handOver(a.deps, { to: 'hung--b', boundMs: BOUND, graceSeconds: 0 });
    expect(a.restarts.map((r) => r.revision)).toEqual(['hung--a']);
    const refused = a.sessions().filter((s) => s.refused === 326);
    expect(refused.length).toBeGreaterThan(0);
    const firstRefused = Math.min(...refused.map((s) => Date.parse(s.connectedAt)));
    expect(a.restarts[0].at - firstRefused).toBeGreaterThanOrEqual(10_000 - 300);
    expect(a.restarts[0].at - t0).toBeLessThan(BOUND);
    expect(handover).toMatchObject({ to: 'hung--b', epoch: 2 });
    await sleep(1_000);
    const r = a.report();
    expect(r.overlapMs).toBe(0);
    expect(r.segments.at(-1)?.revision).toBe('hung--b');
    expect(
      a.notes.some((n) =>
        /refused by the broker with 326 \(client id in use\) for 10 s: restarting hung--a/.test(n),
      ),
    ).toBe(true);
  }, 90_000);

  it('fails at the bound when B never acquires, saying what it saw', async () => {
    const a = app('never');
    a.revision('never--a', 1);
    a.revision('never--b', 2, { neverAcquire: true });
    await seed(a.store, 'never--a');
    const t0 = Date.now();
    const bound = handoverBoundMs(10_000, 0);
    const error = await handOver(a.deps, { to: 'never--b', boundMs: bound, graceSeconds: 0 }).catch(
      (e: unknown) => e,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25_000);
    expect(Date.now() - t0).toBeLessThan(28_000);
    expect(error).toBeInstanceOf(HandoverError);
    const e = error as HandoverError;
    expect(e.message).toMatch(
      /^The trading handover to never--b \(epoch 2\) did not complete within 25 s waiting for never--b to trade: the old holder released; last seen: lease available; last metadata: never--a-r0 of never--a, epoch 1, stopped since /,
    );
    expect(e.seen).toMatchObject({ leased: false, revision: 'never--a', state: 'stopped' });
    expect(e.designation).toMatchObject({ revision: 'never--b', epoch: 2 });
    expect(a.restarts).toEqual([]);
    expect(a.orders().filter((o) => Date.parse(o.time) > t0 + 2_000)).toEqual([]);
  }, 60_000);

  it('restarts nothing while the gateway is down (502): the bound runs out and says so', async () => {
    const a = app('down');
    a.revision('down--a', 1);
    a.revision('down--b', 1);
    await seed(a.store, 'down--a');
    s.sim.broker.setGatewayDown(true);
    try {
      const error = await handOver(a.deps, {
        to: 'down--b',
        boundMs: handoverBoundMs(10_000, 0),
        graceSeconds: 0,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HandoverError);
      expect((error as HandoverError).seen).toMatchObject({
        leased: true,
        revision: 'down--b',
        epoch: 2,
        state: 'refused',
        code: 502,
      });
      expect((error as Error).message).toMatch(
        /the old holder released; last seen: lease leased: down--b-r0 of down--b, epoch 2, refused 502 since /,
      );
      expect(a.restarts).toEqual([]);
      expect(
        a
          .sessions()
          .filter((x) => x.revision === 'down--b')
          .map((x) => x.refused),
      ).toContain(502);
    } finally {
      s.sim.broker.setGatewayDown(false);
    }
  }, 90_000);

  it("to '' designates nobody: A releases and nobody trades", async () => {
    const a = app('nobody');
    a.revision('nobody--a', 2);
    await seed(a.store, 'nobody--a');
    const { handover, designation } = await handOver(a.deps, { to: '', boundMs: BOUND, graceSeconds: 0 });
    const done = Date.now();
    expect(designation).toMatchObject({ revision: '', epoch: 2 });
    expect(handover).toMatchObject({ from: 'nobody--a', to: '', epoch: 2 });
    expect(handover.releasedAt).toBeDefined();
    expect(handover.acquiredAt).toBeUndefined();
    await sleep(1_500);
    expect(a.orders().filter((o) => Date.parse(o.time) > done)).toEqual([]);
    expect(await a.store.readLease()).toMatchObject({ leased: false, state: 'stopped' });
  });

  it('a conflicting writer wins the race: DesignationConflictError, nothing overwritten', async () => {
    const a = app('race');
    a.revision('race--a', 1);
    await seed(a.store, 'race--a');
    const other = tradingStore(
      parseTradingLease(s.sim.tradingLeaseUrl('race')) as ManagedTradingLease,
      credential,
      {
        tlsOptions: { ca: s.sim.ca },
      },
    );
    // Another run writes between this run's read and its write.
    const racing: TradingStore = {
      ...a.store,
      readDesignation: async () => {
        const d = await a.store.readDesignation();
        if (d) await other.writeDesignation({ revision: 'race--x', epoch: d.epoch + 1 }, d.etag);
        return d;
      },
    };
    const error = await handOver(
      { ...a.deps, store: racing },
      { to: 'race--b', boundMs: BOUND, graceSeconds: 0 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesignationConflictError);
    expect((error as DesignationConflictError).status).toBe(412);
    expect(await a.store.readDesignation()).toMatchObject({ revision: 'race--x', epoch: 2 });
  });
});
