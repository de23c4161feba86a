// ARM calls per deploy and per promote, and the time of a rollback to previous, against the simulator with real
// containers and 100 ms added to every ARM call (the simulator's latency fault). The ACA operations run with
// the actions' own defaults (2 s poll interval), so the times are what a workflow step would see.
//
//   DOCKER_HOST=unix:///run/alc-deploy/docker.sock npx tsx bench/arm-calls.ts [rounds=3] [lro-delay-ms=1000]
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ROOT, startDeploySim, type DeploySim } from '../test/support/deploy-sim.js';
import { benchFigure } from './figure.js';

const rounds = Number(process.argv[2] ?? 3);
const lroDelayMs = Number(process.argv[3] ?? 1000);
const APP = 'alc-algo-agents';

interface Figure {
  what: string;
  calls: number;
  writes: number;
  byMethod: string;
  seconds: number;
}

async function measure(t: DeploySim, what: string, body: () => Promise<unknown>): Promise<Figure> {
  t.calls.length = 0;
  const start = performance.now();
  await body();
  const seconds = (performance.now() - start) / 1000;
  const methods = new Map<string, number>();
  for (const c of t.calls) methods.set(c.split(' ')[0], (methods.get(c.split(' ')[0]) ?? 0) + 1);
  const byMethod = [...methods].map(([m, n]) => `${m} ${n}`).join(', ');
  const writes = t.calls.filter((c) => !c.startsWith('GET')).length;
  return { what, calls: t.calls.length, writes, byMethod, seconds: Math.round(seconds * 100) / 100 };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  process.env.DOCKER_HOST ??= execFileSync(`${ROOT}/scripts/docker-up.sh`, { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  const t = await startDeploySim({ lroDelayMs });
  try {
    t.sim.faults.add({ method: '*', path: '^/subscriptions/', kind: 'latency', latencyMs: 100 });
    const aca = () => t.aca(undefined, { pollMs: 2000 });
    const deploy = (image: string, suffix: string) => t.deploy({ image, 'revision-suffix': suffix }, aca());
    const blueGreen = (values: Record<string, string>) => t.blueGreen({ app: APP, ...values }, aca());

    const figures: Figure[] = [];
    figures.push(await measure(t, 'deploy: first (creates the app)', () => deploy(t.images.v1, 'v1-0-0')));
    figures.push(
      await measure(t, 'deploy: next release into the candidate slot', () => deploy(t.images.v2, 'v2-0-0')),
    );
    figures.push(
      await measure(t, 'deploy: re-run of the same release (converges)', () => deploy(t.images.v2, 'v2-0-0')),
    );
    figures.push(await measure(t, 'promote: one step (100), gated', () => blueGreen({ command: 'promote' })));
    const rollbacks: Figure[] = [];
    const promotes: Figure[] = [];
    for (let i = 0; i < rounds; i++) {
      rollbacks.push(await measure(t, 'rollback to previous', () => blueGreen({ command: 'rollback' })));
      promotes.push(
        await measure(t, 'promote: steps 10,50,100, gated', () =>
          blueGreen({ command: 'promote', steps: '10,50,100' }),
        ),
      );
    }
    figures.push(promotes[0], rollbacks[0]);
    figures.push(await measure(t, 'status (no write)', () => blueGreen({ command: 'status' })));

    console.log(
      `ARM calls with 100 ms added per call, simulator LRO delay ${lroDelayMs} ms, poll interval 2 s`,
    );
    console.log('');
    console.log('| operation | ARM calls | of which writes | by method | seconds |');
    console.log('|---|---|---|---|---|');
    for (const f of figures)
      console.log(`| ${f.what} | ${f.calls} | ${f.writes} | ${f.byMethod} | ${f.seconds} |`);
    console.log('');
    const times = rollbacks.map((r) => r.seconds);
    console.log(
      `rollback to previous over ${rounds} rounds: median ${median(times)} s, min ${Math.min(...times)} s, max ${Math.max(...times)} s; ARM writes per rollback: ${rollbacks.map((r) => r.writes).join(', ')}`,
    );
    for (const f of figures) benchFigure({ operation: `ARM calls: ${f.what}`, figure: f.calls, unit: '' });
    benchFigure({ operation: 'rollback to previous (median)', figure: median(times), unit: 's' });
  } finally {
    await t.stop();
  }
}

await main();
