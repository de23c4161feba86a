// The sample app's trading agent (sample-app/rootfs/app/agent/agent.py, protocol v1 of the trading lease) in its
// real image, against the simulator's Azurite (HTTPS, Entra's storage tokens), the containers' managed-identity
// endpoint and the broker stand-in. The oracle is the broker's order log: at most one replica trades at any time,
// the designated one; a designation change hands over; SIGTERM stops and releases.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/core-auth';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { DockerCli } from '../../../sim/docker.js';
import { BROKER_HOST, CONTAINER_CA_PATH, startSimulator, type Simulator } from '../../../sim/index.js';
import { tradingReport } from '../../../sim/trading-report.js';
import { buildSampleApp, describeWithDocker, uniqueName } from '../../support/docker.js';

const APP = 'alc-agent-test';
const A = `${APP}--a`;
const B = `${APP}--b`;
const HUNG = 'alc-agent-hung';
const HOOKS = 'alc-agent-hooks';
const FAIL = 'alc-agent-fail';

/** Retries `check` (its assertions) every 100 ms until it passes; at the deadline its last failure is thrown. */
async function until(check: () => unknown, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface LeaseMeta {
  leaseState?: string;
  holder?: string;
  revision?: string;
  epoch?: string;
  state?: string;
  since?: string;
  code?: string;
}

describeWithDocker(
  'sample agent: protocol v1 in its image, against Azurite, managed identity and the broker',
  () => {
    let stateDir: string;
    let sim: Simulator;
    let docker: DockerCli;
    let image: string;
    let blobs: ContainerClient;
    const ids: Record<string, string> = {};
    const prefix = uniqueName('agent');
    const timing: Record<string, number> = {};

    const designate = async (revision: string, epoch: number, app = APP): Promise<number> => {
      const body = JSON.stringify({ revision, epoch });
      await blobs.getBlockBlobClient(`${app}/designation`).upload(body, Buffer.byteLength(body));
      return Date.now();
    };
    const lease = async (app = APP): Promise<LeaseMeta> => {
      const p = await blobs.getBlockBlobClient(`${app}/lease`).getProperties();
      return { leaseState: p.leaseState, ...p.metadata };
    };
    const live = (clientId = 1) => sim.broker.orders({ kind: 'live', clientId });
    const logs = (name: string) => docker.logs(ids[name], 200);

    /** One replica: the image with what ACA and the simulator give a container, and the agent's configuration. */
    const replica = async (
      name: string,
      revision: string,
      env: Record<string, string>,
      app = APP,
    ): Promise<void> => {
      ids[name] = await docker.run({
        image,
        name: `${prefix}-${name}`,
        network: sim.docker!.network,
        labels: { 'alc-sim.instance': sim.docker!.instanceId },
        env: {
          CONTAINER_APP_NAME: app,
          CONTAINER_APP_REVISION: revision,
          CONTAINER_APP_REPLICA_NAME: name,
          IBKR_CLIENT_ID: '1',
          ...sim.managedIdentity!.register({ app, revision, replica: name }),
          ...env,
        },
        mounts: [{ source: sim.caPath, target: CONTAINER_CA_PATH }],
        hosts: { [BROKER_HOST]: sim.gateway },
      });
    };
    const leased = (app = APP, clientId = 1) => ({
      ALC_TRADING_LEASE: sim.tradingLeaseUrl(app),
      IBKR_PORT: String(sim.broker.livePort),
      IBKR_CLIENT_ID: String(clientId),
    });

    beforeAll(async () => {
      stateDir = mkdtempSync(join(tmpdir(), 'alc-agent-'));
      docker = new DockerCli();
      let t = Date.now();
      image = await buildSampleApp(docker, `alc-sample-agent:${prefix}`, { version: '9.9.9' });
      timing.buildMs = Date.now() - t;
      t = Date.now();
      sim = await startSimulator({
        stateDir,
        docker: true,
        registry: false,
        ingress: false,
        storage: true,
        seed: [{ resourceGroup: 'rg', environment: 'env', location: 'eastus', appInsights: 'insights' }],
      });
      timing.simMs = Date.now() - t;
      const credential: TokenCredential = {
        getToken: async () => ({
          token: sim.identity.issueAccessToken('https://storage.azure.com'),
          expiresOnTimestamp: Date.now() + 3_600_000,
        }),
      };
      const service = new BlobServiceClient(sim.endpoints.storage!, credential, {
        tlsOptions: { ca: sim.ca },
      } as ConstructorParameters<typeof BlobServiceClient>[2]);
      blobs = service.getContainerClient('trading');
      for (const app of [APP, HUNG, HOOKS, FAIL])
        await blobs.getBlockBlobClient(`${app}/lease`).upload('', 0);
    }, 240_000);

    afterAll(async () => {
      const all = Object.values(ids);
      if (all.length > 0) await docker.rm(all).catch(() => undefined);
      await sim?.stop();
      if (image) await docker.rmi([image]).catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
      console.log(`sample agent test: ${JSON.stringify(timing)}`);
    }, 60_000);

    it('trades only while designated and holding the lease, hands over on a new designation, stops on SIGTERM', async () => {
      // A designated; a1 (A), b1 and b2 (B) start together: only a1 may trade.
      await designate(A, 1);
      const started = Date.now();
      await Promise.all([replica('a1', A, leased()), replica('b1', B, leased()), replica('b2', B, leased())]);
      await until(
        async () => expect(await lease()).toMatchObject({ holder: 'a1', epoch: '1', state: 'trading' }),
        30_000,
      );
      timing.firstTradingMs = Date.now() - started;
      await new Promise((r) => setTimeout(r, 2_000));
      expect(new Set(live().map((o) => o.replica))).toEqual(new Set(['a1']));

      // Designate B (epoch 2): a1 stops and releases, one B replica takes over with the same client ID.
      const handoverAt = await designate(B, 2);
      await until(
        async () => expect(await lease()).toMatchObject({ revision: B, epoch: '2', state: 'trading' }),
        30_000,
      );
      const first = (await lease()).holder!;
      const other = first === 'b1' ? 'b2' : 'b1';
      await new Promise((r) => setTimeout(r, 2_000));
      const a1Last = Math.max(
        ...live()
          .filter((o) => o.replica === 'a1')
          .map((o) => Date.parse(o.time)),
      );
      // a1 sends nothing once it read the new designation: within a tick and a read of the write.
      expect(a1Last - handoverAt).toBeLessThan(1_500);
      expect(live().filter((o) => o.replica === other)).toEqual([]);
      expect(await logs('a1')).toMatch(/stopping: the designation names alc-agent-test--b epoch 2/);

      // SIGTERM to the holder: it stops, says bye, writes `stopped`, releases, exits within a few seconds; the other
      // B replica takes the lease.
      const t = Date.now();
      await docker.stop([ids[first]], 10);
      timing.sigtermExitMs = Date.now() - t;
      expect(timing.sigtermExitMs).toBeLessThan(5_000);
      const firstLogs = await logs(first);
      expect(firstLogs).toMatch(
        /stopping: SIGTERM[\s\S]*broker session closed \(bye\)[\s\S]*state stopped[\s\S]*released/,
      );
      const byeAt = sim.broker.sessions().find((s) => s.replica === first && !s.refused)!;
      expect(byeAt.closedBy).toBe('bye');
      await until(
        async () => expect(await lease()).toMatchObject({ holder: other, epoch: '2', state: 'trading' }),
        30_000,
      );
      await new Promise((r) => setTimeout(r, 1_500));
      expect(
        live().filter((o) => o.replica === first && Date.parse(o.time) > Date.parse(byeAt.closedAt!)),
      ).toEqual([]);

      // Nobody designated (epoch 3): the holder stops and releases; the lease ends not leased, `stopped`.
      await designate('', 3);
      await until(
        async () => expect(await lease()).toMatchObject({ leaseState: 'available', state: 'stopped' }),
        15_000,
      );
      const quietFrom = Date.now();
      await new Promise((r) => setTimeout(r, 1_500));
      expect(live().filter((o) => Date.parse(o.time) > quietFrom)).toEqual([]);

      // The oracle: one replica trading at a time, each the designated revision with its epoch, ~5 orders/s.
      const report = tradingReport(live(), 'live');
      expect(report.overlapMs).toBe(0);
      expect(report.exclusive).toBe(true);
      expect(report.segments.map((s) => [s.replica, s.revision, s.epoch])).toEqual([
        ['a1', A, 1],
        [first, B, 2],
        [other, B, 2],
      ]);
      expect(report.segments.every((s) => s.unbound === 0)).toBe(true);
      const a = report.segments[0];
      const rate = (a.orders - 1) / ((a.endMs - a.startMs) / 1000);
      expect(rate).toBeGreaterThan(3.5);
      expect(rate).toBeLessThan(6.5);
      timing.handoverGapMs = report.gaps[0]?.gapMs ?? -1;
      timing.sigtermGapMs = report.gaps[1]?.gapMs ?? -1;
      timing.ordersPerSecond = Math.round(rate * 10) / 10;
    }, 180_000);

    it('without a trading lease: trades on the paper port only; on the live port it never connects and says why', async () => {
      await replica('paper1', `${APP}--p`, { IBKR_PORT: String(sim.broker.paperPort) });
      // A live port by number (7496): without a lease the agent refuses it whatever the broker's port.
      await replica('idle1', `${APP}--p`, { IBKR_PORT: '7496' });
      await until(
        () => expect(sim.broker.orders({ kind: 'paper' }).some((o) => o.replica === 'paper1')).toBe(true),
        30_000,
      );
      await until(async () => expect(await logs('idle1')).toMatch(/live port .* never connects/), 15_000);
      expect(sim.broker.sessions().filter((s) => s.replica === 'idle1')).toEqual([]);
      await docker.stop([ids.paper1, ids.idle1], 10);
      expect(sim.broker.sessions({ kind: 'paper' }).find((s) => s.replica === 'paper1')?.closedBy).toBe(
        'bye',
      );
    }, 60_000);

    it('a hung holder: its lease runs out, the next replica keeps the lease `refused` 326 until the hung one stops', async () => {
      const H = `${HUNG}--h`;
      await designate(H, 1, HUNG);
      await Promise.all([replica('h1', H, leased(HUNG, 2), HUNG), replica('h2', H, leased(HUNG, 2), HUNG)]);
      await until(
        async () => expect(await lease(HUNG)).toMatchObject({ epoch: '1', state: 'trading' }),
        30_000,
      );
      const hung = (await lease(HUNG)).holder!;
      const next = hung === 'h1' ? 'h2' : 'h1';
      await docker.pause([ids[hung]]);
      const pausedAt = Date.now();
      // 15 s lease: then `next` takes it, and the broker refuses it (the hung process's session is still open).
      await until(
        async () => expect(await lease(HUNG)).toMatchObject({ holder: next, state: 'refused', code: '326' }),
        25_000,
      );
      timing.hungTakenMs = Date.now() - pausedAt;
      expect(timing.hungTakenMs).toBeGreaterThan(14_000);
      const refusedSince = (await lease(HUNG)).since;
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await lease(HUNG)).since).toBe(refusedSince); // a repeated state keeps its first since
      const unpausedAt = Date.now();
      await docker.unpause([ids[hung]]);
      // Thawed, the hung process finds its last renew 10 s old: it stops without an order, says bye; `next` trades.
      await until(
        async () => expect(await lease(HUNG)).toMatchObject({ holder: next, state: 'trading' }),
        10_000,
      );
      expect(await logs(hung)).toMatch(/stopping: the last successful renew is 10 s old/);
      await new Promise((r) => setTimeout(r, 1_000));
      // The broker stamps an order when its event loop reads it: one the hung replica sent just before the freeze can
      // be read after `docker pause` returned. A second of slack; the hung window itself lasts 15 s and more.
      expect(live(2).filter((o) => o.replica === hung && Date.parse(o.time) >= pausedAt + 1_000)).toEqual([]);
      const report = tradingReport(live(2), 'live', { clientId: 2 });
      expect(report.exclusive).toBe(true);
      expect(report.segments.map((s) => s.replica)).toEqual([hung, next]);
      expect(report.segments[1].startMs).toBeGreaterThanOrEqual(unpausedAt);
      await docker.stop([ids.h1, ids.h2], 10);
    }, 90_000);

    it('the demo hooks: AGENT_IGNORE_DESIGNATION keeps trading after the designation moved; AGENT_NEVER_ACQUIRE never takes the lease', async () => {
      const [G1, G2] = [`${HOOKS}--g1`, `${HOOKS}--g2`];
      await designate(G1, 1, HOOKS);
      await replica('g1', G1, { ...leased(HOOKS, 3), AGENT_IGNORE_DESIGNATION: 'true' }, HOOKS);
      await replica('n1', G2, { ...leased(HOOKS, 3), AGENT_NEVER_ACQUIRE: 'true' }, HOOKS);
      await until(
        async () => expect(await lease(HOOKS)).toMatchObject({ holder: 'g1', state: 'trading' }),
        30_000,
      );
      const movedAt = await designate(G2, 2, HOOKS);
      await new Promise((r) => setTimeout(r, 3_000));
      expect(await lease(HOOKS)).toMatchObject({
        leaseState: 'leased',
        holder: 'g1',
        epoch: '1',
        state: 'trading',
      });
      expect(
        live(3).filter((o) => o.replica === 'g1' && Date.parse(o.time) > movedAt + 2_000).length,
      ).toBeGreaterThan(2);
      // SIGTERM still stops it; the designated n1 never takes the free lease.
      await docker.stop([ids.g1], 10);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await lease(HOOKS)).toMatchObject({ leaseState: 'available', holder: 'g1', state: 'stopped' });
      expect(await logs('n1')).toMatch(/AGENT_NEVER_ACQUIRE=true: never taking the lease/);
      expect(live(3).filter((o) => o.replica === 'n1')).toEqual([]);
      await docker.stop([ids.n1], 10);
    }, 60_000);

    it('telemetry: exceptions and order results reach Application Insights; AGENT_FAIL=throw,reject fails while trading', async () => {
      const F = `${FAIL}--f1`;
      const component = sim.insights.component('rg', 'insights')!;
      await designate(F, 1, FAIL);
      await replica(
        'f1',
        F,
        {
          ...leased(FAIL, 4),
          AGENT_FAIL: 'throw,reject',
          APPLICATIONINSIGHTS_CONNECTION_STRING: sim.insights.connectionString(component),
        },
        FAIL,
      );
      const mine = () => sim.insights.items(component).filter((i) => i.roleInstance === 'f1');
      const total = (name: string) =>
        mine()
          .filter((i) => i.type === 'Metric' && i.name === name)
          .reduce((n, i) => n + (i.value ?? 0), 0);
      await until(() => {
        expect(mine().filter((i) => i.type === 'Exception').length).toBeGreaterThan(3);
        expect(total('orders_rejected')).toBeGreaterThan(3);
        expect(total('agent_runs')).toBeGreaterThan(5);
      }, 40_000);
      expect(mine().find((i) => i.type === 'Exception')).toMatchObject({
        roleName: FAIL,
        typeName: 'RuntimeError',
        problemId: 'RuntimeError at agent.strategy_step',
      });
      expect(total('orders_rejected')).toBeLessThanOrEqual(total('orders_sent'));
      const orders = live(4);
      expect(orders.length).toBeGreaterThan(3);
      expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['Rejected']));
      expect(await logs('f1')).toMatch(/telemetry: sending to https:/);
      await docker.stop([ids.f1], 10);
    }, 90_000);
  },
);
