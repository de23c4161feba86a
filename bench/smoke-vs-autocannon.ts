// Does the smoke-test load phase measure what autocannon measures, and does it hold the asked rate?
// A server with a known latency (20 ms + up to 2 ms jitter) runs in its own process; our load phase and
// autocannon then run against it in interleaved rounds. Two modes: both asked for the same rate (autocannon's
// limiter sends each connection's quota in a burst at the start of every second, ours spreads requests
// evenly), and autocannon closed-loop with ours open-loop at the rate autocannon reached, where both keep
// about the same number of requests in flight: that one isolates measurement from load shape.
//
//   npx tsx bench/smoke-vs-autocannon.ts [secondsPerRun=5] [rounds=3]
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createHttpClient } from '../src/http.js';
import { runLoad } from '../src/smoke/load.js';
import { percentile } from '../src/smoke/stats.js';

const BASE_MS = 20;
const JITTER_MS = 2;

async function serve(): Promise<void> {
  const server = http.createServer((_req, res) => {
    setTimeout(() => res.end('{"status":"ok"}'), BASE_MS + Math.random() * JITTER_MS);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
}

interface Run {
  /** Latency of every answered request, ms. */
  latencies: number[];
  /** CPU time of this process (user + system) during the run, ms. */
  cpuMs: number;
  sent: number;
  seconds: number;
  errors: number;
}

async function ours(port: number, rate: number, connections: number, seconds: number): Promise<Run> {
  const client = createHttpClient({
    resolve: [{ host: 'bench.test', port, address: '127.0.0.1', connectPort: port }],
    maxSockets: connections,
    env: {},
  });
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  try {
    const target = { name: 'GET /', request: { url: `http://bench.test:${port}/` }, judge: () => [] };
    const r = await runLoad(
      client,
      [target],
      { durationMs: seconds * 1000, rate, concurrency: connections },
      (s) => {
        if (s.latencyMs !== undefined) latencies.push(s.latencyMs);
      },
    );
    // The sending window, as the report's achieved rate counts it.
    return {
      latencies,
      sent: r.sent,
      seconds: r.sent / r.achievedRate,
      errors: r.errors,
      cpuMs: cpuMsSince(cpu),
    };
  } finally {
    client.close();
  }
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function theirs(port: number, rate: number | undefined, connections: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}/`,
        connections,
        duration: seconds,
        ...(rate ? { overallRate: rate } : {}),
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          latencies,
          sent: result.requests.sent,
          seconds: result.duration,
          errors: result.errors + result.non2xx,
          cpuMs: cpuMsSince(cpu),
        });
      },
    );
    // Per-response times, so that both tools' percentiles come from the same math.
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    });
  });
}

interface Pooled {
  /** Client CPU per request, ms. */
  cpuPerReq: number;
  p50: number;
  p95: number;
  p99: number;
  rate: number;
  errors: number;
}

function pool(runs: Run[]): Pooled {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sent = runs.reduce((a, r) => a + r.sent, 0);
  const secs = runs.reduce((a, r) => a + r.seconds, 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    cpuPerReq: Math.round((runs.reduce((a, r) => a + r.cpuMs, 0) / sent) * 1000) / 1000,
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    rate: round(sent / secs),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

interface Case {
  connections: number;
  /** Asked rate for both tools; undefined: autocannon closed-loop, ours open-loop at autocannon's rate. */
  rate?: number;
}

const CASES: Case[] = [
  { connections: 10, rate: 50 },
  { connections: 20, rate: 200 },
  { connections: 50, rate: 1000 },
  { connections: 1 },
  { connections: 5 },
  { connections: 20 },
];

async function compare(
  port: number,
  c: Case,
  seconds: number,
  rounds: number,
): Promise<{ row: string; ok: boolean }> {
  // Closed-loop autocannon sets the pace; a short calibration run measures it.
  const rate = c.rate ?? Math.round((await theirs(port, undefined, c.connections, 2)).sent / 2);
  // At autocannon's own pace, C connections are always busy; open-loop with only C would queue for them
  // (at 100% use any queue grows), so ours gets spare connections and keeps about C in flight on average.
  const ourConnections = c.rate ? c.connections : c.connections * 4;
  const a: Run[] = [];
  const b: Run[] = [];
  // Interleaved rounds, alternating who goes first, so both see the same machine.
  for (let round = 0; round < rounds; round += 1) {
    const pair = [
      async () => a.push(await ours(port, rate, ourConnections, seconds)),
      async () => b.push(await theirs(port, c.rate, c.connections, seconds)),
    ];
    if (round % 2) pair.reverse();
    for (const run of pair) await run();
  }
  const x = pool(a);
  const y = pool(b);
  const diff = (u: number, v: number) => Math.abs(u - v) / v;
  const agree = diff(x.p50, y.p50) <= 0.1 && diff(x.p95, y.p95) <= 0.1;
  const holds = Math.abs(x.rate - rate) / rate <= 0.02;
  const pctOf = (u: number, v: number) => `${(diff(u, v) * 100).toFixed(1)}%`;
  const mode = c.rate ? 'both rate-limited' : 'ac closed-loop';
  const row =
    `| ${mode} | ${ourConnections} / ${c.connections} | ${rate} | ${x.rate} | ${y.rate} | ${x.p50} / ${y.p50} | ${pctOf(x.p50, y.p50)} ` +
    `| ${x.p95} / ${y.p95} | ${pctOf(x.p95, y.p95)} | ${x.p99} / ${y.p99} | ${x.errors} / ${y.errors} ` +
    `| ${x.cpuPerReq} / ${y.cpuPerReq} | ${agree ? 'yes' : 'NO'} | ${holds ? 'yes' : 'NO'} |`;
  return { row, ok: agree && holds };
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const rounds = Number(process.argv[3] ?? 3);
  const server = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) =>
    server.stdout.once('data', (d: Buffer) => resolve(Number(d.toString()))),
  );
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const loadBefore = load();
  const results: Array<{ row: string; ok: boolean }> = [];
  try {
    // Warm both sides up (JIT, connections) before measuring.
    await ours(port, 100, 10, 1);
    await theirs(port, 100, 10, 1);
    for (const c of CASES) results.push(await compare(port, c, seconds, rounds));
  } finally {
    server.kill();
  }
  console.log(`Server: ${BASE_MS} ms + up to ${JITTER_MS} ms jitter, own process.`);
  console.log(
    `${rounds} interleaved rounds of ${seconds} s per tool and case; percentiles over all rounds' requests.`,
  );
  console.log(`Machine: ${cpus().length} cores, load average ${loadBefore} before, ${load()} after.`);
  console.log('');
  console.log(
    '| mode | conns ours / ac | asked req/s | ours req/s | ac req/s | p50 ms ours / ac | Δp50 | p95 ms ours / ac | Δp95 | p99 ms ours / ac | errors | client CPU ms/req | p50+p95 within 10% | ours holds rate ±2% |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) console.log(r.row);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

if (process.argv.includes('--serve')) await serve();
else await main();
