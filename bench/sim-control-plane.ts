// Figures of the simulator's control plane: start-up and stop, a token through the federated flow,
// ARM GET latency through the real SDK, raw ARM GET throughput (autocannon, HTTPS, bearer token), and
// the round trip of a PUT long-running operation with no configured delay. ARM-only mode with its registry.
// Run: npx tsx bench/sim-control-plane.ts [seconds=5]
import autocannon from 'autocannon';
import { RG, appPath, appSpec, sdkClient, startControlPlaneSim } from '../test/support/control-plane-sim.js';
import { simAzure } from '../test/support/sim-azure.js';
import { benchFigure } from './figure.js';

const seconds = Number(process.argv[2] ?? 5);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x: number) => x.toFixed(1);
const timed = async <T>(fn: () => Promise<T>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

const starts: number[] = [];
const stops: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const s = await startControlPlaneSim({ lroDelayMs: 0 });
  starts.push(performance.now() - t0);
  stops.push(await timed(() => s.stop()));
}

const s = await startControlPlaneSim({ lroDelayMs: 0 });
try {
  await s.push('alc-algo', '1.0.0');
  const tokens: number[] = [];
  for (let i = 0; i < 20; i++) {
    // A fresh credential as the actions build it (GitHub OIDC assertion), so every token goes to the authority.
    const { credential } = simAzure(s.sim.env, s.sim.ca);
    tokens.push(await timed(() => credential.getToken(`${s.sim.endpoints.arm}/.default`)));
  }

  const client = sdkClient(s.sim);
  const poll = { updateIntervalInMs: 10 };
  const puts: number[] = [];
  for (let i = 0; i < 30; i++) {
    const spec = appSpec(s.envId, s.image('1.0.0'), { suffix: `r${i}` });
    puts.push(await timed(() => client.containerApps.beginCreateOrUpdateAndWait(RG, 'bench', spec, poll)));
  }
  const gets: number[] = [];
  for (let i = 0; i < 500; i++) gets.push(await timed(() => client.containerApps.get(RG, 'bench')));

  const token = s.sim.identity.issueAccessToken(s.sim.endpoints.arm);
  const load = await autocannon({
    url: `${s.sim.endpoints.arm}${appPath(s.sim.ids.subscriptionId, 'bench')}?api-version=2026-07-01`,
    headers: { authorization: `Bearer ${token}` },
    connections: 10,
    duration: seconds,
    tlsOptions: { ca: s.sim.ca },
  } as autocannon.Options);

  console.log(`simulator control plane (ARM-only mode, registry on), ${new Date().toISOString()}`);
  console.log('| measure | p50 ms | p95 ms | n |');
  console.log('| --- | --- | --- | --- |');
  const row = (name: string, xs: number[]) =>
    console.log(`| ${name} | ${ms(pct(xs, 50))} | ${ms(pct(xs, 95))} | ${xs.length} |`);
  row('startSimulator, fresh state dir (CA, certificates, keys, registry)', starts);
  row('stop', stops);
  row('token: GitHub OIDC assertion -> Entra (fresh credential)', tokens);
  row('PUT app, new revision, LRO to Succeeded (SDK, poll 10 ms)', puts);
  row('GET app (SDK, cached token)', gets);
  console.log(
    `raw GET app, 10 connections, ${seconds} s: ${Math.round(load.requests.average)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, non-2xx ${load.non2xx}, errors ${load.errors}`,
  );
  // No floors: the figures are the simulator's own cost, which the benches of the actions stand on.
  const figure = (operation: string, xs: number[]) =>
    benchFigure({ operation: `simulator: ${operation} p50`, figure: pct(xs, 50), unit: 'ms' });
  figure('start', starts);
  figure('token through the federated flow', tokens);
  figure('PUT app to Succeeded', puts);
  figure('GET app through the SDK', gets);
} finally {
  await s.stop();
}
