// Readiness that fails fast, against the simulator with real containers: the replica API shows the containers
// of a revision as Azure does (restart counts from the real containers), a crash-looping release (the sample
// app's BROKEN build fails its liveness probe and is restarted) fails deploy-app with the default wait-timeout
// (10m) well within a minute, a container that exits fails it at once, both with the container's state in the
// ::error::, the revision deactivated and the app's traffic untouched.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Replica } from '@azure/arm-appcontainers';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { RESTART_LIMIT } from '../../../src/revisions/readiness.js';
import { describeWithDocker } from '../../support/docker.js';
import { errorLines, RG, runEntry, startDeploySim, type DeploySim } from '../../support/deploy-sim.js';
import { simAzure } from '../../support/sim-azure.js';

const APP = 'alc-algo-agents';
const rev = (suffix: string) => `${APP}--${suffix}`;

describeWithDocker('deploy-app readiness against the simulator', () => {
  let t: DeploySim;
  beforeAll(async () => {
    t = await startDeploySim();
    await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0', 'wait-timeout': '60s' });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const docker = (args: string[]) =>
    execFileSync('docker', args, { encoding: 'utf8', env: process.env }).trim();

  it('the replica API lists and gets the replicas of a revision with their containers, as Azure shows them', async () => {
    const { client } = simAzure(t.sim.env, t.sim.ca);
    const list = await client.containerAppsRevisionReplicas.listReplicas(RG, APP, rev('v1-0-0'));
    expect(list.value).toHaveLength(1);
    const [replica] = list.value;
    expect(replica.name).toMatch(new RegExp(`^${rev('v1-0-0')}-[0-9a-f]+$`));
    expect(replica.id).toBe(
      `/subscriptions/${t.sim.ids.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.App/containerApps/${APP}/revisions/${rev('v1-0-0')}/replicas/${replica.name}`,
    );
    expect(replica.runningState).toBe('Running');
    expect(replica.createdTime).toBeInstanceOf(Date);
    expect(replica.initContainers).toEqual([]);
    const [c] = replica.containers!;
    expect(c).toMatchObject({
      name: APP,
      ready: true,
      started: true,
      restartCount: 0,
      runningState: 'Running',
    });
    expect(c.logStreamEndpoint).toMatch(/^https:\/\/.*\/containers\/alc-algo-agents\/logstream$/);
    expect(c.execEndpoint).toMatch(/^wss:\/\//);
    // The container id is the real container's.
    const id = c.containerId!.replace(/^docker:\/\//, '');
    expect(docker(['inspect', '--format', '{{.State.Running}}', id])).toBe('true');

    const one = await client.containerAppsRevisionReplicas.getReplica(RG, APP, rev('v1-0-0'), replica.name!);
    expect(one).toEqual(replica);
    await expect(
      client.containerAppsRevisionReplicas.getReplica(RG, APP, rev('v1-0-0'), 'no-such-replica'),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceNotFound' });
  }, 60_000);

  it('a crash-looping release fails within 60 s with the default wait-timeout: the container in the ::error::, traffic untouched, deactivated', async () => {
    const aca = t.aca();
    const before = trafficOf((await aca.getApp(APP))!);
    const start = performance.now();
    const run = runEntry(
      'deploy-app',
      { ...t.common, image: t.images.broken, 'revision-suffix': 'crash-1' },
      t.sim,
    );
    // While it runs: the replica API's restart count follows the real container's restarts.
    let restarted: { replica: Replica; started: string; created: string } | undefined;
    let running = true;
    const watch = (async () => {
      while (!restarted && running) {
        const replicas = await aca.listReplicas(APP, rev('crash-1')).catch(() => []);
        const r = replicas.find((x) => (x.containers?.[0]?.restartCount ?? 0) >= 1);
        if (r) {
          const id = r.containers![0].containerId!.replace(/^docker:\/\//, '');
          const [created, started] = docker([
            'inspect',
            '--format',
            '{{.Created}} {{.State.StartedAt}}',
            id,
          ]).split(' ');
          restarted = { replica: r, created, started };
        }
        await new Promise((res) => setTimeout(res, 250));
      }
    })();
    const done = await run;
    const seconds = (performance.now() - start) / 1000;
    running = false;
    await watch;

    expect(done.status).toBe(1);
    expect(seconds).toBeLessThan(60);
    const errors = errorLines(done.stdout);
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::Revision ${rev('crash-1')} is crash-looping: container ${APP} restarted ${RESTART_LIMIT} times while this run waited \\(the limit is ${RESTART_LIMIT}\\) \\(provisioningState Provisioned, runningState Degraded, healthState Unhealthy.*\\); container ${APP} \\(replica ${rev('crash-1')}-[0-9a-f]+\\): \\w+, not ready, restartCount ${RESTART_LIMIT}, last reason: .*liveness probe GET /health returned HTTP 404.*; it received no traffic and was deactivated`,
        ),
      ),
    ]);
    expect(trafficOf((await aca.getApp(APP))!)).toEqual(before);
    expect((await aca.getRevision(APP, rev('crash-1')))?.active).toBe(false);
    expect(JSON.parse((await t.get(`${APP}.${t.sim.domain}`)).body).version).toBe('1.0.0');
    // The restart the replica API counted happened to the real container: started again after it was created.
    expect(restarted).toBeDefined();
    expect(Date.parse(restarted!.started) - Date.parse(restarted!.created)).toBeGreaterThan(2000);
    process.stdout.write(`crash-looping release failed after ${seconds.toFixed(1)} s\n`);
  }, 120_000);

  it('a container that exits (a bad PORT) fails the deploy at once, CrashLoopBackOff with its exit code in the ::error::', async () => {
    const aca = t.aca();
    const before = trafficOf((await aca.getApp(APP))!);
    const start = performance.now();
    const run = await runEntry(
      'deploy-app',
      { ...t.common, image: t.images.v2, 'revision-suffix': 'exit-1', 'env-vars': 'PORT=not-a-port' },
      t.sim,
    );
    const seconds = (performance.now() - start) / 1000;
    expect(run.status).toBe(1);
    expect(seconds).toBeLessThan(30);
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::Revision ${rev('exit-1')} failed \\(provisioningState \\w+, runningState Failed.*; container ${APP} \\(replica ${rev('exit-1')}-[0-9a-f]+\\): Waiting, not ready, restartCount 0, last reason: Container is waiting with reason: CrashLoopBackOff on legion\\. Exited with code \\d+.*; it received no traffic and was deactivated`,
        ),
      ),
    ]);
    expect(trafficOf((await aca.getApp(APP))!)).toEqual(before);
    expect((await aca.getRevision(APP, rev('exit-1')))?.active).toBe(false);
  }, 120_000);
});
