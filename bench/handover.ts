// The trading handover (DESIGN "One trading revision", issue 23), n times between two revisions A and B in turn,
// each with 3 replicas: in-process replicas of protocol v1 (test/support/trading-replica.ts, the sample agent's
// timings: a tick every 300 ms, 5 orders/s) against the simulator's real Azurite (ARM-only simulator with storage:
// HTTPS with its CA, bearer tokens of its Entra) and its broker stand-in's live port. The pipeline side is the real
// handOver (src/trading/handover.ts) on the real store (src/trading/store.ts) with the run's OIDC credential from the
// simulator's Entra, at its default polls.
// Figures: the broker's order log (the truth): overlap (must be 0), orders inside another replica's segment (0), the
// gap per handover (goal p95 <= 2 s, max <= 5 s); the pipeline's own time (designation write -> its read that shows
// B trading) against its floor (the old holder's stop: designation write -> A's `stopped` since; plus the new
// holder's acquire: A's lease release -> B's `trading` since; goal within 1.2x); the `handover` output's gap-ms
// against the broker's gap. The holders' metadata writes and lease releases are recorded as they are answered (a
// pass-through wrapper of the SDK's setMetadata and releaseLease in this process; the pipeline never calls either).
// Bounded: about 2.5 s per handover (50: about 2 minutes), loopback only, no Docker.
// Run: npx tsx bench/handover.ts [n] [--replicas 3] [--tick 300] [--order-ms 200] [--dwell 1000] [--poll-ms <handOver's>]
//      [--detail]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BlobClient, BlobLeaseClient, type Metadata } from '@azure/storage-blob';
import { startSimulator } from '../sim/index.js';
import { tradingReport } from '../sim/trading-report.js';
import { handOver, HandoverError } from '../src/trading/handover.js';
import { parseTradingLease } from '../src/trading/lease-url.js';
import { handoverBoundMs, isTrading } from '../src/trading/protocol.js';
import { tradingStore } from '../src/trading/store.js';
import type { HolderState, ManagedTradingLease, TradingStore } from '../src/trading/types.js';
import { simAzure } from '../test/support/sim-azure.js';
import { TradingReplica } from '../test/support/trading-replica.js';
import { benchFigure } from './figure.js';
import {
  atPercentile,
  handoverFigures,
  type HandoverFigures,
  type HandoverRun,
  handoverTruth,
  type LeaseRelease,
  type MetadataWrite,
  ordersInsideOthers,
  spread,
} from './lib/handover-summary.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    replicas: { type: 'string', default: '3' },
    tick: { type: 'string', default: '300' },
    'order-ms': { type: 'string', default: '200' },
    dwell: { type: 'string', default: '1000' },
    'poll-ms': { type: 'string' },
    detail: { type: 'boolean', default: false },
  },
});
const n = Number(positionals[0] ?? 50);
const perRevision = Number(values.replicas);
const tickMs = Number(values.tick);
const orderEveryMs = Number(values['order-ms']);
const dwellMs = Number(values.dwell);
const pollMs = values['poll-ms'] !== undefined ? Number(values['poll-ms']) : undefined;
for (const [name, v] of Object.entries({
  n,
  perRevision,
  tickMs,
  orderEveryMs,
  dwellMs,
  pollMs: pollMs ?? 1,
}))
  if (!Number.isFinite(v) || v <= 0)
    throw new Error(`bench/handover.ts: ${name} must be a positive number, got ${v}`);

const APP = 'alc-algo-agents';
const [A, B] = [`${APP}--bench-a`, `${APP}--bench-b`];
const CLIENT_ID = 1;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// The truth of the holders' lease: every metadata write and release, when its answer came back (pass-through).
const writes: MetadataWrite[] = [];
const releases: LeaseRelease[] = [];
const setMetadata = BlobClient.prototype.setMetadata;
BlobClient.prototype.setMetadata = async function (this: BlobClient, metadata?: Metadata, options?) {
  const answer = await setMetadata.call(this, metadata, options);
  if (metadata?.state && metadata.since) {
    writes.push({
      holder: metadata.holder,
      revision: metadata.revision,
      epoch: Number(metadata.epoch),
      state: metadata.state as HolderState,
      sinceMs: Date.parse(metadata.since),
      doneAt: Date.now(),
      ...(options?.conditions?.leaseId ? { leaseId: options.conditions.leaseId } : {}),
    });
  }
  return answer;
};
const releaseLease = BlobLeaseClient.prototype.releaseLease;
BlobLeaseClient.prototype.releaseLease = async function (this: BlobLeaseClient, options?) {
  const answer = await releaseLease.call(this, options);
  releases.push({ leaseId: this.leaseId, doneAt: Date.now() });
  return answer;
};

const stateDir = mkdtempSync(join(tmpdir(), 'alc-bench-handover-'));
const sim = await startSimulator({
  stateDir,
  docker: false,
  registry: false,
  storage: true,
  brokerLivePort: 0,
  brokerPaperPort: 0,
  lroDelayMs: 30,
});
const replicas: TradingReplica[] = [];
const runs: HandoverRun[] = [];
const failures: string[] = [];
const restarts: string[] = [];
let wall: number;
try {
  const credential = simAzure(sim.env, sim.ca).credential;
  const lease = parseTradingLease(sim.tradingLeaseUrl(APP)) as ManagedTradingLease;
  const real = tradingStore(lease, credential, { tlsOptions: { ca: sim.ca } });
  // The pipeline's store, watched: when its designation write was sent and answered, and its first read of the lease
  // that showed the designated revision trading.
  let probe: Partial<HandoverRun> = {};
  const store: TradingStore = {
    readDesignation: () => real.readDesignation(),
    ensureLeaseBlob: () => real.ensureLeaseBlob(),
    async writeDesignation(next, etag) {
      const sent = Date.now();
      const d = await real.writeDesignation(next, etag);
      Object.assign(probe, { writeSentAt: sent, designatedAt: Date.now(), epoch: next.epoch });
      return d;
    },
    async readLease() {
      const view = await real.readLease();
      probe.reads = (probe.reads ?? 0) + 1;
      if (
        probe.sawTradingAt === undefined &&
        probe.to &&
        probe.epoch !== undefined &&
        isTrading(view, probe.to, probe.epoch)
      )
        probe.sawTradingAt = Date.now();
      return view;
    },
  };

  const start = (revision: string, replica: string) => {
    const r = new TradingReplica({
      lease,
      credential,
      tlsOptions: { ca: sim.ca },
      revision,
      replica,
      broker: { host: sim.broker.host, port: sim.broker.livePort },
      clientId: CLIENT_ID,
      tickMs,
      orderEveryMs,
    }).start();
    replicas.push(r);
    return r;
  };
  for (const rev of [A, B]) for (let i = 1; i <= perRevision; i++) start(rev, `${rev}-replica-${i}`);
  // ACA's revision restart (an escalation; none is expected here): SIGTERM each replica, new ones stand by.
  const restart = async (rev: string) => {
    restarts.push(rev);
    const old = replicas.filter((r) => r.revision === rev && r.phase !== 'dead');
    await Promise.all(old.map((r) => r.terminate()));
    for (const r of old) start(rev, `${r.name}-2`);
  };
  const notes: string[] = [];
  const deps = {
    store,
    restart,
    now: Date.now,
    sleep,
    note: (line: string) => void notes.push(line),
    ...(pollMs !== undefined ? { pollMs } : {}),
  };
  const boundMs = handoverBoundMs(undefined, 0);

  // The first designation (creates the blobs): A trades.
  await handOver(deps, { to: A, boundMs, graceSeconds: 0 });
  const t0 = Date.now();
  for (let i = 0; i < n; i++) {
    // Some trading in between, at a random phase of the replicas' ticks.
    await sleep(dwellMs + Math.random() * tickMs);
    const to = i % 2 === 0 ? B : A;
    probe = { to };
    notes.length = 0;
    try {
      const { handover } = await handOver(deps, { to, boundMs, graceSeconds: 0 });
      runs.push({
        ...(probe as HandoverRun),
        from: handover.from,
        epoch: handover.epoch,
        ...(handover.gapMs !== undefined ? { gapMs: handover.gapMs } : {}),
        ...(handover.releasedAt ? { outputReleasedAt: Date.parse(handover.releasedAt) } : {}),
      });
    } catch (e) {
      failures.push(`handover ${i + 1} to ${to}: ${(e as Error).message}`);
      if (e instanceof HandoverError) console.error(e.lines.join('\n'));
    }
    if ((i + 1) % 10 === 0) console.log(`${i + 1} handovers, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  await sleep(dwellMs);
  wall = (Date.now() - t0) / 1000;
  await Promise.all(replicas.map((r) => r.terminate()));
} finally {
  await Promise.all(replicas.map((r) => r.terminate().catch(() => undefined)));
}

const orders = sim.broker.orders({ kind: 'live', clientId: CLIENT_ID });
const sessions = sim.broker.sessions({ kind: 'live', clientId: CLIENT_ID });
await sim.stop();
rmSync(stateDir, { recursive: true, force: true });

const report = tradingReport(orders, 'live', { clientId: CLIENT_ID });
const inside = ordersInsideOthers(orders, report.segments);
const figures: HandoverFigures[] = runs.map((run) =>
  handoverFigures(run, handoverTruth(run, writes, releases), report.gaps),
);
const col = (key: keyof HandoverFigures) => spread(figures.map((f) => f[key] as number | undefined));
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '-');
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '-');
const row = (what: string, key: keyof HandoverFigures, goal = '', fmt = ms) => {
  const s = col(key);
  return `| ${what} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${goal} |`;
};
const gap = col('brokerGapMs');
const refused = sessions.filter((s) => s.refused !== undefined).length;
const unbound = orders.filter((o) => o.unbound).length;

if (values.detail) {
  console.log(
    '\n| epoch | pipeline | floor (stop + acquire) | ratio | stopped -> released | trading write | detect | broker gap | gap-ms | metadata gap |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const f of figures)
    console.log(
      `| ${f.epoch} | ${ms(f.pipelineMs ?? NaN)} | ${ms(f.floorMs ?? NaN)} (${ms(f.stopMs ?? NaN)} + ${ms(f.acquireMs ?? NaN)}) | ${ratio(f.ratio ?? NaN)} | ${ms(f.stopToReleaseMs ?? NaN)} | ${ms(f.tradingWriteMs ?? NaN)} | ${ms(f.detectMs ?? NaN)} | ${ms(f.brokerGapMs ?? NaN)} | ${ms(f.outputGapMs ?? NaN)}${f.outputSawStop ? '' : ' (no stop seen)'} | ${ms(f.metadataGapMs ?? NaN)} |`,
    );
}
console.log(
  [
    '',
    `${runs.length} of ${n} handovers between ${A} and ${B} (${perRevision} replicas each, tick ${tickMs} ms, an order every ${orderEveryMs} ms, handOver's polls ${pollMs ?? 'default'}), ${wall.toFixed(0)} s; ${failures.length} failed, ${restarts.length} restarts; broker: ${report.orders} orders in ${report.segments.length} segments, ${refused} refused sessions, ${unbound} unbound orders`,
    '',
    '| figure | n | p50 | p95 | max | goal |',
    '|---|---|---|---|---|---|',
    `| overlap in the broker's order log (overlapMs) | ${report.segments.length} segments | | | ${report.overlapMs} ms | 0 |`,
    `| orders inside another replica's segment | ${report.orders} orders | | | ${inside} | 0 |`,
    row("gap in the broker's log (A's last order -> B's first)", 'brokerGapMs', 'p95 <= 2 s, max <= 5 s'),
    row("pipeline's time: designation write -> its read showing B trade", 'pipelineMs'),
    row('floor: stop + acquire', 'floorMs'),
    row("  stop: designation write -> A's `stopped` since", 'stopMs'),
    row("  acquire: A's release -> B's `trading` since", 'acquireMs'),
    row("pipeline's time / floor (per handover)", 'ratio', '<= 1.2x', ratio),
    row("pipeline's time - floor", 'beyondFloorMs'),
    row("pipeline's time / (designation write -> B's `trading` write answered)", 'visibleRatio', '', ratio),
    row("beyond the floor: A's `stopped` since -> its release answered", 'stopToReleaseMs'),
    row("beyond the floor: B's `trading` since -> that write answered", 'tradingWriteMs'),
    row(
      "beyond the floor: the pipeline's detection (B's `trading` write answered -> its read showing it)",
      'detectMs',
    ),
    row("the pipeline's lease reads per handover", 'reads', '', (x) =>
      Number.isFinite(x) ? String(x) : '-',
    ),
    row('`handover` output gap-ms', 'outputGapMs'),
    row("the same from the holders' writes (B's `trading` since - A's `stopped` since)", 'metadataGapMs'),
    row("broker's gap - output gap-ms", 'brokerMinusOutputMs'),
    row("  of which A's last order -> its `stopped` since", 'lastOrderToStopMs'),
    row("  of which B's `trading` since -> its first order", 'tradingToFirstOrderMs'),
    `| outputs whose released-at is A's \`stopped\` since | ${figures.length} | | | ${figures.filter((f) => f.outputSawStop).length} | all |`,
  ].join('\n'),
);
for (const f of failures) console.log(`FAILED ${f}`);

const op = `handover A<->B x${n}, ${perRevision} replicas each`;
benchFigure({
  operation: `${op}: overlap in the broker's order log`,
  figure: report.overlapMs,
  unit: 'ms',
  goal: '<= 0 ms',
});
benchFigure({
  operation: `${op}: orders inside another replica's segment`,
  figure: inside,
  unit: '',
  goal: '<= 0',
});
benchFigure({ operation: `${op}: failed handovers`, figure: failures.length, unit: '', goal: '<= 0' });
benchFigure({ operation: `${op}: broker's gap p50`, figure: gap.p50 / 1000, unit: 's' });
benchFigure({ operation: `${op}: broker's gap p95`, figure: gap.p95 / 1000, unit: 's', goal: '<= 2 s' });
benchFigure({ operation: `${op}: broker's gap max`, figure: gap.max / 1000, unit: 's', goal: '<= 5 s' });
for (const p of [50, 95]) {
  // The handover at the p-th percentile of the ratio: its own time against its own floor.
  const at = atPercentile(figures, (f) => f.ratio, p);
  benchFigure({
    operation: `${op}: pipeline's time vs stop + acquire, p${p} of the ratio`,
    figure: (at?.pipelineMs ?? NaN) / 1000,
    unit: 's',
    floor: (at?.floorMs ?? NaN) / 1000,
    goal: '<= 1.2x',
  });
}
const [pipeline, floor] = [col('pipelineMs'), col('floorMs')];
benchFigure({
  operation: `${op}: pipeline's time p95 vs the floor's p95`,
  figure: pipeline.p95 / 1000,
  unit: 's',
  floor: floor.p95 / 1000,
  goal: '<= 1.2x',
});
benchFigure({
  operation: `${op}: broker's gap - the output's gap-ms, p50`,
  figure: col('brokerMinusOutputMs').p50,
  unit: 'ms',
});
