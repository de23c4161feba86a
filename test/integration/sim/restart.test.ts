// ACA's revision restart on the simulator (POST .../revisions/<rev>/restart), with real containers: the replicas get
// SIGTERM and are killed after the template's terminationGracePeriodSeconds; a paused (hung) replica cannot act on
// SIGTERM and is killed after the grace; new replicas come up. The containers report their SIGTERM to a server on
// the Docker network's gateway (which they reach, as they reach the simulator's storage).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerApp, ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import { startSimulator, type Simulator } from '../../../sim/index.js';
import { describeWithDocker, eventually, uniqueName } from '../../support/docker.js';
import { simAzure } from '../../support/sim-azure.js';
import { dockerRuntime, pushBusybox, type PushedImage } from '../../support/sim-containers.js';

const RG = 'alc-algo-production';
const ENV = 'alc-algo-env';
const GRACE = 4;

describeWithDocker('revision restart on the simulator', () => {
  let sim: Simulator;
  let stateDir: string;
  let client: ContainerAppsAPIClient;
  let pushed: PushedImage;
  let server: http.Server;
  let callback: string;
  const terms: Array<{ replica: string; at: number }> = [];

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'alc-sim-restart-'));
    sim = await startSimulator({
      stateDir,
      lroDelayMs: 50,
      storage: false,
      seed: [{ resourceGroup: RG, environment: ENV, location: 'eastus' }],
    });
    client = simAzure(sim.env, sim.ca).client;
    pushed = await pushBusybox(sim, uniqueName('restart'));
    server = http.createServer((req, res) => {
      const m = /^\/term\/(.+)$/.exec(req.url ?? '');
      if (m) terms.push({ replica: decodeURIComponent(m[1]), at: Date.now() });
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, sim.gateway, r));
    callback = `http://${sim.gateway}:${(server.address() as AddressInfo).port}/term`;
  }, 120_000);
  afterAll(async () => {
    server?.close();
    await pushed?.cleanup();
    await sim?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  /** An app whose container serves HTTP and, on SIGTERM, tells the test server, then exits. */
  async function deploy(app: string): Promise<string> {
    const script = [
      `trap 'wget -q -O- "${callback}/$CONTAINER_APP_REPLICA_NAME" >/dev/null; exit 0' TERM`,
      'httpd -f -p 8080 -h /www &',
      'while :; do sleep 0.2; done',
    ].join('\n');
    const spec = {
      location: 'eastus',
      managedEnvironmentId: `/subscriptions/${sim.ids.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.App/managedEnvironments/${ENV}`,
      configuration: { activeRevisionsMode: 'Single', ingress: { external: true, targetPort: 8080 } },
      template: {
        terminationGracePeriodSeconds: GRACE,
        containers: [
          {
            name: 'app',
            image: pushed.image,
            command: ['/bin/sh'],
            args: ['-c', script],
            resources: { cpu: 0.5, memory: '1Gi' },
          },
        ],
      },
    } as ContainerApp;
    const created = await client.containerApps.beginCreateOrUpdateAndWait(RG, app, spec);
    return created.latestRevisionName as string;
  }

  const replicaOf = async (revision: string) =>
    eventually(() => {
      const r = dockerRuntime(sim).replicas(revision)[0];
      return r?.ready ? r : undefined;
    }, 60_000);
  const gone = (id: string) =>
    eventually(async () => {
      const out = execFileSync('docker', ['ps', '-a', '-q', '--no-trunc', '--filter', `id=${id}`], {
        env: process.env,
        encoding: 'utf8',
      });
      return out.trim() === '' ? Date.now() : undefined;
    }, 60_000);

  it('sends SIGTERM: a replica that handles it ends at once; a new replica comes up', async () => {
    const app = uniqueName('rs');
    const revision = await deploy(app);
    const before = await replicaOf(revision);
    const start = Date.now();
    await client.containerAppsRevisions.restartRevision(RG, app, revision);
    const end = await gone(before.id);
    expect(terms.map((t) => t.replica)).toContain(before.replicaName);
    expect(end - start).toBeLessThan(GRACE * 1000);
    const after = await replicaOf(revision);
    expect(after.id).not.toBe(before.id);
    expect(after.replicaName).not.toBe(before.replicaName);
  }, 120_000);

  it('kills a paused (hung) replica after terminationGracePeriodSeconds, without thawing it', async () => {
    const app = uniqueName('rh');
    const revision = await deploy(app);
    const before = await replicaOf(revision);
    execFileSync('docker', ['pause', before.id], { env: process.env });
    const start = Date.now();
    await client.containerAppsRevisions.restartRevision(RG, app, revision);
    const end = await gone(before.id);
    // It never ran its SIGTERM handler: a hung process does not.
    expect(terms.map((t) => t.replica)).not.toContain(before.replicaName);
    expect(end - start).toBeGreaterThanOrEqual(GRACE * 1000);
    expect(end - start).toBeLessThan(GRACE * 1000 + 10_000);
    const after = await replicaOf(revision);
    expect(after.id).not.toBe(before.id);
  }, 120_000);
});
