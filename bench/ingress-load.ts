// Load through the simulator's ingress while the app's traffic moves 0 -> 100 in steps from one revision
// (real containers) to another. Loopback only, bounded in requests and time.
// Run: npx tsx bench/ingress-load.ts [--requests 6000] [--concurrency 16] [--steps 0,10,25,50,75,90,100]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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

  const latencies: number[] = [];
  const failures: string[] = [];
  const served: Record<string, number> = {};
  const perStep = steps.map(() => ({ requests: 0, green: 0 }));
  let step = 0;
  let started = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const at = step;
      const t0 = performance.now();
      const req = https.get(
        {
          host: '127.0.0.1',
          port: ingress.port,
          path: '/',
          servername: HOST,
          headers: { host: HOST },
          agent,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            const revision = String(res.headers[REVISION_HEADER]);
            if (res.statusCode !== 200) failures.push(`HTTP ${res.statusCode} from ${revision}`);
            served[revision] = (served[revision] ?? 0) + 1;
            perStep[at].requests += 1;
            if (revision === GREEN) perStep[at].green += 1;
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        failures.push(e.message);
        resolve();
      });
    });
  const worker = async () => {
    while (started < total && Date.now() < deadline) {
      started += 1;
      // Move one step each time another share of the requests has started.
      const next = Math.min(steps.length - 1, Math.floor((started * steps.length) / total));
      if (next !== step) {
        step = next;
        setGreen(steps[step]);
      }
      await one();
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  await ingress.stop();

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  console.log(`requests      ${latencies.length + failures.filter((f) => !f.startsWith('HTTP')).length}`);
  console.log(
    `failures      ${failures.length}${failures.length ? ` (${[...new Set(failures)].slice(0, 3).join('; ')})` : ''}`,
  );
  console.log(
    `duration      ${seconds.toFixed(2)} s, ${(latencies.length / seconds).toFixed(0)} req/s, concurrency ${concurrency}`,
  );
  console.log(
    `latency ms    p50 ${pct(50).toFixed(2)}  p95 ${pct(95).toFixed(2)}  p99 ${pct(99).toFixed(2)}  max ${pct(100).toFixed(2)}`,
  );
  console.log(`served        ${JSON.stringify(served)}`);
  console.log('step  green-weight  requests  to-green');
  steps.forEach((w, i) =>
    console.log(
      `${String(i).padStart(4)}  ${String(w).padStart(12)}  ${String(perStep[i].requests).padStart(8)}  ${String(perStep[i].green).padStart(8)}`,
    ),
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  await runtime.close();
  await docker.rmi([`${tag}:1`, `${tag}:2`]);
  rmSync(dir, { recursive: true, force: true });
}
