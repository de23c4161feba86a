// Load through the simulator's ingress while the app's traffic moves 0 -> 100 in steps from one revision
// (real containers) to another. Loopback only, bounded in requests and time.
// Run: npx tsx bench/ingress-load.ts [--requests 6000] [--concurrency 16] [--steps 0,10,25,50,75,90,100]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DockerCli } from '../sim/docker.js';
import { REVISION_HEADER, startIngress } from '../sim/ingress.js';
import { DockerRuntime } from '../sim/runtime.js';
import { ensureCertificates } from '../sim/tls.js';
import type { Route } from '../sim/types.js';
import { benchFigure } from './figure.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '6000' },
    concurrency: { type: 'string', default: '16' },
    steps: { type: 'string', default: '0,10,25,50,75,90,100' },
    'max-seconds': { type: 'string', default: '60' },
  },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const steps = values.steps.split(',').map(Number);
const deadline = Date.now() + Number(values['max-seconds']) * 1000;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOMAIN = 'bench.local';
const HOST = `alc-algo-agents.${DOMAIN}`;
const [BLUE, GREEN] = ['alc-algo-agents--bench-1', 'alc-algo-agents--bench-2'];

process.env.DOCKER_HOST ??= execFileSync(join(ROOT, 'scripts/docker-up.sh'), { encoding: 'utf8' }).trim();
const docker = new DockerCli();
const dir = mkdtempSync(join(tmpdir(), 'alc-bench-'));
const certs = ensureCertificates(dir, [DOMAIN]);
const tag = `alc-sim-bench-${randomBytes(3).toString('hex')}`;
const runtime = new DockerRuntime({ pullPolicy: 'missing', probeIntervalMs: 500 });
let route: Route = { kind: 'weighted', entries: [] };
const setGreen = (w: number) => {
  route = {
    kind: 'weighted',
    entries: [
      { revisionName: BLUE, weight: 100 - w },
      { revisionName: GREEN, weight: w },
    ],
  };
};

try {
  execFileSync(join(ROOT, 'sample-app/prepare.sh'));
  for (const v of ['1', '2']) {
    await docker.build(join(ROOT, 'sample-app'), {
      tag: `${tag}:${v}`,
      buildArgs: { APP_VERSION: `${v}.0.0` },
    });
  }
  for (const [name, v] of [
    [BLUE, '1'],
    [GREEN, '2'],
  ]) {
    await runtime.ensureRevision({
      revisionName: name,
      appName: 'alc-algo-agents',
      image: `${tag}:${v}`,
      env: { ALC_ENVIRONMENT: 'production', IBKR_PORT: '7496' },
      targetPort: 8080,
      readinessPath: '/ready',
      replicas: 2,
    });
  }
  while (runtime.endpoints(BLUE).length < 2 || runtime.endpoints(GREEN).length < 2) {
    if (Date.now() > deadline) throw new Error('the revisions did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  setGreen(steps[0]);
  const ingress = await startIngress({
    tls: certs.ingress,
    routes: { route: (h) => (h === HOST ? route : undefined) },
    runtime,
  });
  const agent = new https.Agent({ keepAlive: true, maxSockets: concurrency, ca: certs.ca });

  // Baseline: the same loop straight to the replicas' published ports, without TLS or the ingress.
  const direct = runtime.endpoints(BLUE);
  let next = 0;
  const base = await measure(Math.min(total, 2000), (done) => {
    const ep = direct[next++ % direct.length];
    http.get({ host: ep.host, port: ep.port, path: '/', agent: false }, (res) => done(res)).on('error', done);
  });

  const served: Record<string, number> = {};
  const perStep = steps.map(() => ({ requests: 0, green: 0 }));
  let step = 0;
  const run = await measure(total, (done, started) => {
    // Move one step each time another share of the requests has started.
    const now = Math.min(steps.length - 1, Math.floor((started * steps.length) / total));
    if (now !== step) {
      step = now;
      setGreen(steps[step]);
    }
    const at = step;
    const opts = {
      host: '127.0.0.1',
      port: ingress.port,
      path: '/',
      servername: HOST,
      headers: { host: HOST },
      agent,
    };
    https
      .get(opts, (res) => {
        const revision = String(res.headers[REVISION_HEADER]);
        served[revision] = (served[revision] ?? 0) + 1;
        perStep[at].requests += 1;
        if (revision === GREEN) perStep[at].green += 1;
        done(res);
      })
      .on('error', done);
  });
  agent.destroy();
  await ingress.stop();

  report('direct to replicas (baseline, no TLS, no ingress)', base);
  report('through the ingress while the weights move', run);
  console.log(`served        ${JSON.stringify(served)}`);
  console.log('step  green-weight  requests  to-green (counted by the step at which a request was sent)');
  steps.forEach((w, i) =>
    console.log(
      `${String(i).padStart(4)}  ${String(w).padStart(12)}  ${String(perStep[i].requests).padStart(8)}  ${String(perStep[i].green).padStart(8)}`,
    ),
  );
  const failures = base.failures.length + run.failures.length;
  // Floor: the same request straight to a replica (no TLS, no ingress).
  for (const p of [50, 99])
    benchFigure({
      operation: `ingress while the weights move: latency p${p}`,
      figure: percentile(run, p),
      unit: 'ms',
      floor: percentile(base, p),
    });
  benchFigure({
    operation: 'ingress while the weights move: failed requests',
    figure: failures,
    unit: '',
    goal: '<= 0',
  });
  process.exitCode = failures === 0 ? 0 : 1;
} finally {
  await runtime.close();
  await docker.rmi([`${tag}:1`, `${tag}:2`]);
  rmSync(dir, { recursive: true, force: true });
}

interface Measured {
  latencies: number[];
  failures: string[];
  seconds: number;
}

/** `count` requests through `concurrency` workers; `send` calls `done` with the response or the error. */
async function measure(
  count: number,
  send: (done: (r: http.IncomingMessage | Error) => void, started: number) => void,
): Promise<Measured> {
  const m: Measured = { latencies: [], failures: [], seconds: 0 };
  let started = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      send((r) => {
        if (r instanceof Error) {
          m.failures.push(r.message);
          return resolve();
        }
        r.resume();
        r.on('end', () => {
          m.latencies.push(performance.now() - t0);
          if (r.statusCode !== 200) m.failures.push(`HTTP ${r.statusCode}`);
          resolve();
        });
      }, ++started);
    });
  const worker = async () => {
    while (started < count && Date.now() < deadline) await one();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  m.seconds = (performance.now() - t0) / 1000;
  return m;
}

/** The p-th percentile of the measured latencies, in ms. */
function percentile(m: Measured, p: number): number {
  const sorted = [...m.latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(title: string, m: Measured): void {
  const sorted = [...m.latencies].sort((a, b) => a - b);
  const pct = (p: number) => percentile(m, p);
  const kinds = [...new Set(m.failures)].slice(0, 3).join('; ');
  console.log(`-- ${title}`);
  console.log(`requests      ${sorted.length + m.failures.filter((f) => !f.startsWith('HTTP')).length}`);
  console.log(`failures      ${m.failures.length}${kinds ? ` (${kinds})` : ''}`);
  console.log(
    `throughput    ${(sorted.length / m.seconds).toFixed(0)} req/s over ${m.seconds.toFixed(2)} s, concurrency ${concurrency}`,
  );
  console.log(
    `latency ms    p50 ${pct(50).toFixed(2)}  p95 ${pct(95).toFixed(2)}  p99 ${pct(99).toFixed(2)}  max ${pct(100).toFixed(2)}`,
  );
}
