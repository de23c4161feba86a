// The runtime with real containers, images pulled from the simulated registry with ACR credentials:
// states follow what the containers do (readiness probe, exit, pull failure).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli } from '../../../sim/docker.js';
import { ACR_TOKEN_USER } from '../../../sim/registry.js';
import {
  deriveStatus,
  DockerRuntime,
  LABEL_INSTANCE,
  listeningPorts,
  pullingView,
  type ReplicaState,
} from '../../../sim/runtime.js';
import type { RuntimeRevisionSpec } from '../../../sim/types.js';
import {
  buildSampleApp,
  describeWithDocker,
  eventually,
  startTestRegistry,
  uniqueName,
  type TestRegistry,
} from '../../support/docker.js';

const thresholds = { failureThreshold: 3, startupFailureThreshold: 30 };
const replica = (o: Partial<ReplicaState>): ReplicaState => ({
  id: 'c',
  name: 'r',
  port: 1,
  ready: false,
  failures: 0,
  answered: false,
  livenessFailures: 0,
  restarts: 0,
  ...o,
});

describe('deriveStatus', () => {
  const now = 1_000_000;
  const ctx = { ...thresholds, activationTimeoutMs: 30_000, containerName: 'agents', targetPort: 8080, now };
  it.each([
    [
      'all ready',
      [replica({ ready: true }), replica({ ready: true })],
      'Provisioned',
      'Running',
      'Healthy',
      2,
    ],
    ['starting', [replica({ failures: 2 })], 'Provisioned', 'Activating', 'None', 0],
    [
      'not listening yet, within the activation time',
      [replica({ failures: 10, createdAt: now - 10_000 })],
      'Provisioned',
      'Activating',
      'None',
      0,
    ],
    // test_containerapp_debug.yaml: Activating/None for minutes, then Failed.
    [
      'never answering, past the activation time',
      [replica({ failures: 31, createdAt: now - 31_000 })],
      'Provisioned',
      'Failed',
      'Unhealthy',
      0,
    ],
    [
      'answering with errors',
      [replica({ failures: 3, answered: true })],
      'Provisioned',
      'Degraded',
      'Unhealthy',
      0,
    ],
    [
      'one exited, one ready',
      [replica({ exitCode: 2 }), replica({ ready: true })],
      'Provisioned',
      'Degraded',
      'Unhealthy',
      1,
    ],
    // test_container_app_mount_nfsazurefile_e2e.yaml: a crash is Failed/Failed/Unhealthy.
    ['all exited', [replica({ exitCode: 1 })], 'Failed', 'Failed', 'Unhealthy', 0],
    [
      'restarted by its liveness probe, not ready yet',
      [replica({ restarts: 1 })],
      'Provisioned',
      'Degraded',
      'Unhealthy',
      0,
    ],
    [
      'restarted once, ready again',
      [replica({ restarts: 1, ready: true })],
      'Provisioned',
      'Running',
      'Healthy',
      1,
    ],
  ] as const)('%s', (_name, replicas, provisioningState, runningState, healthState, readyReplicas) => {
    const s = deriveStatus('created', replicas, ctx);
    expect([s.provisioningState, s.runningState, s.healthState, s.readyReplicas]).toEqual([
      provisioningState,
      runningState,
      healthState,
      readyReplicas,
    ]);
  });

  it.each([
    // test_containerapp_debug.yaml: runningStateDetails names the port the app listens on.
    [
      "listening on another port: Activating with Azure's words",
      [replica({ failures: 5, listening: [80], createdAt: now - 5000 })],
      {
        runningState: 'Activating',
        healthState: 'None',
        details: 'The TargetPort 8080 does not match the listening port 80.',
      },
    ],
    [
      'a crash: provisioningError "Container crashing: <container>"',
      [replica({ exitCode: 1 })],
      { provisioningState: 'Failed', message: 'Container crashing: agents' },
    ],
  ] as const)('%s', (_name, replicas, expected) => {
    expect(deriveStatus('created', replicas, ctx)).toMatchObject(expected);
  });

  it('a revision whose image is being pulled is provisioned and Activating, its replicas Waiting', () => {
    // test_containerapp_replica_commands.yaml: the operation Succeeded while every replica was NotRunning.
    expect(deriveStatus('pulling', [], ctx)).toMatchObject({
      provisioningState: 'Provisioned',
      runningState: 'Activating',
      healthState: 'None',
    });
    expect(pullingView(['r--a-1'], now, 'agents')).toEqual([
      {
        name: 'r--a-1',
        createdTime: new Date(now).toISOString(),
        container: {
          name: 'agents',
          containerId: '',
          ready: false,
          started: false,
          restartCount: 0,
          runningState: 'Waiting',
          runningStateDetails: 'Container is waiting with reason: PullingImage on legion.',
        },
      },
    ]);
  });

  it('reads the listening ports of /proc/net/tcp and tcp6', () => {
    const tcp = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 00000000:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1',
      '   1: 0100007F:1F90 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 2 1',
      '   0: 00000000000000000000000000000000:1F91 00000000000000000000000000000000:0000 0A 0 0 0',
    ].join('\n');
    expect(listeningPorts(tcp)).toEqual([80, 8081]);
  });
});

function getJson(port: number, path: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body) as Record<string, unknown>));
      })
      .on('error', reject);
  });
}

describeWithDocker('DockerRuntime with real containers', () => {
  let reg: TestRegistry;
  let runtime: DockerRuntime;
  let good: string;
  let broken: string;
  const docker = new DockerCli();
  const local: string[] = [];

  const spec = (revisionName: string, o: Partial<RuntimeRevisionSpec> = {}): RuntimeRevisionSpec => ({
    revisionName,
    appName: 'alc-algo-agents',
    image: good,
    env: { ALC_ENVIRONMENT: 'production', IBKR_PORT: '7496' },
    targetPort: 8080,
    readinessPath: '/ready',
    replicas: 1,
    ...o,
  });

  beforeAll(async () => {
    reg = await startTestRegistry();
    local.push(await buildSampleApp(docker, `${uniqueName('alc-sim-test')}:2.0.0`, { version: '2.0.0' }));
    local.push(
      await buildSampleApp(docker, `${uniqueName('alc-sim-test')}:bad`, { version: '2.0.1', broken: true }),
    );
    const repo = uniqueName('agents');
    good = await reg.push(local[0], `${repo}:2.0.0`);
    broken = await reg.push(local[1], `${repo}:2.0.1`);
    // The runtime logs in by itself: nothing cached from the push may help it.
    await docker.rmi([good, broken]);
    runtime = new DockerRuntime({ probeIntervalMs: 250 });
  });
  afterAll(async () => {
    await runtime?.close();
    await docker.rmi(local);
    await reg?.stop();
  });

  const auth = async () => ({
    server: reg.server,
    username: ACR_TOKEN_USER,
    password: await reg.refreshToken(),
  });

  it('runs a revision as labelled containers that become Running and Healthy, with env from the spec', async () => {
    await runtime.ensureRevision(
      spec('alc-algo-agents--v2-0-0', { replicas: 2, registryAuth: await auth() }),
    );
    const status = await eventually(() => {
      const s = runtime.status('alc-algo-agents--v2-0-0');
      return s?.healthState === 'Healthy' && s.readyReplicas === 2 ? s : undefined;
    });
    expect(status).toMatchObject({ provisioningState: 'Provisioned', runningState: 'Running' });
    const endpoints = runtime.endpoints('alc-algo-agents--v2-0-0');
    expect(endpoints).toHaveLength(2);
    const version = await getJson(endpoints[0].port, '/version');
    expect(version).toMatchObject({
      version: '2.0.0',
      revision: 'alc-algo-agents--v2-0-0',
      ALC_ENVIRONMENT: 'production',
      IBKR_PORT: '7496',
    });
    const ids = await docker.ps({
      label: [`${LABEL_INSTANCE}=${runtime.instanceId}`, 'alc-sim.revision=alc-algo-agents--v2-0-0'],
    });
    expect(ids).toHaveLength(2);
  });

  it('converges on a second ensureRevision: same containers, scaled to the new replica count', async () => {
    const before = runtime.replicas('alc-algo-agents--v2-0-0').map((r) => r.id);
    await runtime.ensureRevision(
      spec('alc-algo-agents--v2-0-0', { replicas: 1, registryAuth: await auth() }),
    );
    expect(runtime.replicas('alc-algo-agents--v2-0-0').map((r) => r.id)).toEqual(before.slice(0, 1));
  });

  it('reports a BROKEN release Unhealthy with the probe result, and no endpoint', async () => {
    await runtime.ensureRevision(
      spec('alc-algo-agents--v2-0-1', { image: broken, registryAuth: await auth() }),
    );
    const status = await eventually(() => {
      const s = runtime.status('alc-algo-agents--v2-0-1');
      return s?.healthState === 'Unhealthy' ? s : undefined;
    });
    expect(status.runningState).toBe('Degraded');
    expect(status.message).toContain('GET /ready returned HTTP 404');
    expect(runtime.endpoints('alc-algo-agents--v2-0-1')).toEqual([]);
  });

  it('fails provisioning for an image the registry does not hold, with the pull error', async () => {
    const missing = `${reg.server}/${uniqueName('nothing')}:1.0.0`;
    await runtime.ensureRevision(
      spec('alc-algo-agents--missing', { image: missing, registryAuth: await auth() }),
    );
    const status = runtime.status('alc-algo-agents--missing');
    expect(status).toMatchObject({ provisioningState: 'Failed', runningState: 'Failed' });
    expect(status?.message).toContain(`Failed to pull image "${missing}"`);
  });

  it('reports a container that exits as Failed, with its exit code', async () => {
    await runtime.ensureRevision(
      spec('alc-algo-agents--crash', {
        registryAuth: await auth(),
        command: ['/bin/sh', '-c', 'echo bye; exit 3'],
      }),
    );
    const status = await eventually(() => {
      const s = runtime.status('alc-algo-agents--crash');
      return s?.runningState === 'Failed' ? s : undefined;
    });
    // test_container_app_mount_nfsazurefile_e2e.yaml: Failed/Failed/Unhealthy, "Container crashing: ...",
    // the replica's container Waiting in CrashLoopBackOff with restartCount 0.
    expect(status).toMatchObject({
      provisioningState: 'Failed',
      healthState: 'Unhealthy',
      message: 'Container crashing: alc-algo-agents',
    });
    const [crashed] = await eventually(() => {
      const v = runtime.replicaStatus('alc-algo-agents--crash');
      return v[0]?.container.runningState === 'Waiting' ? v : undefined;
    });
    expect(crashed.container).toMatchObject({
      runningState: 'Waiting',
      ready: false,
      restartCount: 0,
      runningStateDetails: expect.stringMatching(
        /^Container is waiting with reason: CrashLoopBackOff on legion\. Exited with code 3\b/,
      ),
    });
  });

  it("a target port nothing listens on: Activating with Azure's words, then Failed after the activation time", async () => {
    // test_containerapp_debug.yaml: "The TargetPort 8080 does not match the listening port 80.", Activating and
    // healthState None for about 4 minutes, then Failed (here activationTimeoutMs 6 s).
    const quick = new DockerRuntime({ probeIntervalMs: 250, activationTimeoutMs: 6000 });
    const name = 'alc-algo-agents--port';
    try {
      await quick.ensureRevision(spec(name, { registryAuth: await auth(), env: { PORT: '80' } }));
      const activating = await eventually(() => {
        const s = quick.status(name);
        return s?.details ? s : undefined;
      });
      expect(activating).toMatchObject({
        runningState: 'Activating',
        healthState: 'None',
        details: 'The TargetPort 8080 does not match the listening port 80.',
      });
      const failed = await eventually(() => {
        const s = quick.status(name);
        return s?.runningState === 'Failed' ? s : undefined;
      });
      expect(failed).toMatchObject({ healthState: 'Unhealthy', details: activating.details });
      expect(Date.now() - quick.replicas(name)[0].createdAt!).toBeGreaterThanOrEqual(6000);
    } finally {
      await quick.close();
    }
  });

  it("a large image really pulled at a set bandwidth: its replicas show PullingImage for the pull's time", async () => {
    // test_containerapp_replica_commands.yaml: NotRunning, Waiting, "Container is waiting with reason:
    // PullingImage on legion.", ready false, restartCount 0, while the image is pulled.
    const dir = mkdtempSync(join(tmpdir(), 'alc-sim-large-'));
    const tag = `${uniqueName('alc-sim-large')}:1`;
    const slow = new DockerRuntime({ probeIntervalMs: 250, pullBandwidth: 8_000_000 });
    const name = 'alc-algo-agents--large';
    try {
      writeFileSync(join(dir, 'blob'), randomBytes(24_000_000));
      writeFileSync(join(dir, 'Dockerfile'), `FROM ${local[0]}\nCOPY blob /blob\n`);
      await docker.build(dir, { tag });
      local.push(tag);
      const image = await reg.push(tag, `${uniqueName('large')}:1`);
      await docker.rmi([image]);
      const started = Date.now();
      const ensured = slow.ensureRevision(spec(name, { image, registryAuth: await auth() }));
      const [waiting] = await eventually(() => {
        const v = slow.replicaStatus(name);
        return v.length ? v : undefined;
      });
      expect(waiting.container).toMatchObject({
        runningState: 'Waiting',
        ready: false,
        restartCount: 0,
        runningStateDetails: 'Container is waiting with reason: PullingImage on legion.',
      });
      expect(slow.status(name)).toMatchObject({
        provisioningState: 'Provisioned',
        runningState: 'Activating',
      });
      let lastPulling = started;
      while (slow.replicaStatus(name)[0]?.container.runningState === 'Waiting') {
        lastPulling = Date.now();
        await new Promise((r) => setTimeout(r, 100));
      }
      await ensured;
      // At least the image's size at 8 MB/s (its size as the engine reports it: over 24 MB).
      const size = (await docker.imageInspect(image))?.size ?? 0;
      expect(size).toBeGreaterThan(24_000_000);
      expect(lastPulling - started).toBeGreaterThanOrEqual((size / 8_000_000) * 1000 - 500);
      // The replica keeps the name it had while pulling.
      expect(slow.replicaStatus(name)[0].name).toBe(waiting.name);
      await eventually(() => (slow.status(name)?.healthState === 'Healthy' ? true : undefined));
    } finally {
      await slow.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restarts a replica that fails its liveness probe, as ACA does, and keeps it Unhealthy', async () => {
    const name = 'alc-algo-agents--liveness';
    await runtime.ensureRevision(
      spec(name, { image: broken, registryAuth: await auth(), livenessPath: '/health' }),
    );
    const [first] = runtime.replicas(name);
    const [replica] = await eventually(() => {
      const r = runtime.replicas(name);
      return r[0]?.restarts >= 1 ? r : undefined;
    });
    // A restart is not an exit: same container, no exit code.
    expect([replica.id, replica.exitCode]).toEqual([first.id, undefined]);
    expect(runtime.status(name)).toMatchObject({ runningState: 'Degraded', healthState: 'Unhealthy' });
    expect(runtime.status(name)?.message).toMatch(/restarted \d+ times after failing its liveness probe/);
    await runtime.stopRevision(name);
  });

  it('shows each replica as the replica API does: the real container, its restart count and last reason', async () => {
    const name = 'alc-algo-agents--replicas';
    await runtime.ensureRevision(
      spec(name, {
        image: broken,
        registryAuth: await auth(),
        livenessPath: '/health',
        containerName: 'agents',
      }),
    );
    const [view] = await eventually(() => {
      const v = runtime.replicaStatus(name);
      return v[0]?.container.restartCount >= 1 && v[0].container.runningState === 'Running' ? v : undefined;
    });
    const [state] = runtime.replicas(name);
    expect(view.name).toBe(`${name}-${state.name.slice(-6)}`);
    expect(view.container).toMatchObject({
      name: 'agents',
      containerId: `docker://${state.id}`,
      ready: false,
      started: true,
      restartCount: state.restarts,
      runningState: 'Running',
      runningStateDetails: expect.stringMatching(
        /last restart: liveness probe GET \/health returned HTTP 404$/,
      ),
    });
    const inspected = await docker.inspect(state.id);
    expect(inspected?.running).toBe(true);
    await runtime.stopRevision(name);
    expect(runtime.replicaStatus(name)).toEqual([]);
  });

  it("with probeTiming 'template', probes follow the template: no liveness restart before its delay and failures", async () => {
    const timed = new DockerRuntime({ probeTiming: 'template', probeIntervalMs: 250 });
    const name = 'alc-algo-agents--timed';
    try {
      await timed.ensureRevision(
        spec(name, {
          image: broken,
          registryAuth: await auth(),
          livenessPath: '/health',
          // Probes at 4 s and 5 s after the start: the second failure restarts it, not before.
          livenessTiming: { initialDelaySeconds: 4, periodSeconds: 1, failureThreshold: 2 },
          readinessTiming: { initialDelaySeconds: 0, periodSeconds: 1, failureThreshold: 3 },
        }),
      );
      const createdAt = timed.replicas(name)[0].createdAt!;
      await new Promise((r) => setTimeout(r, Math.max(0, createdAt + 3000 - Date.now())));
      expect(timed.replicas(name)[0].restarts).toBe(0);
      await eventually(() => (timed.replicas(name)[0]?.restarts >= 1 ? true : undefined));
      expect(Date.now() - createdAt).toBeGreaterThanOrEqual(4500);
      expect(timed.status(name)).toMatchObject({ runningState: 'Degraded', healthState: 'Unhealthy' });
    } finally {
      await timed.close();
    }
  });

  it('reports an engine it cannot reach as a failed provisioning, without throwing', async () => {
    const nowhere = new DockerRuntime({ dockerHost: 'unix:///nonexistent/docker.sock' });
    await nowhere.ensureRevision(spec('alc-algo-agents--nowhere'));
    expect(nowhere.status('alc-algo-agents--nowhere')).toMatchObject({
      provisioningState: 'Failed',
      message: expect.stringContaining('Docker engine'),
    });
    await nowhere.close();
  });

  it('removes the containers of a stopped revision, and everything it started on close', async () => {
    await runtime.stopRevision('alc-algo-agents--v2-0-1');
    expect(runtime.status('alc-algo-agents--v2-0-1')).toBeUndefined();
    expect(await docker.ps({ label: 'alc-sim.revision=alc-algo-agents--v2-0-1' })).toEqual([]);

    const other = new DockerRuntime({ pullPolicy: 'missing' });
    await other.ensureRevision(spec('alc-algo-agents--other', { image: local[0] }));
    const mine = await docker.ps({ label: `${LABEL_INSTANCE}=${runtime.instanceId}` });
    expect(mine.length).toBeGreaterThan(0);
    await runtime.close();
    expect(await docker.ps({ label: `${LABEL_INSTANCE}=${runtime.instanceId}` })).toEqual([]);
    expect(await docker.networkExists(runtime.network)).toBe(false);
    // Another simulator's containers are untouched.
    expect(await docker.ps({ label: `${LABEL_INSTANCE}=${other.instanceId}` })).toHaveLength(1);
    await other.close();
  });

  it('a runtime started again with the id of a killed one removes what that one left, network included', async () => {
    const instanceId = uniqueName('killed')
      .replace(/[^a-z0-9]/g, '')
      .slice(-12);
    const killed = new DockerRuntime({ instanceId, pullPolicy: 'missing' });
    const again = new DockerRuntime({ instanceId, pullPolicy: 'missing' });
    try {
      await killed.ensureRevision(spec('alc-algo-agents--left', { image: local[0] }));
      const left = await docker.ps({ label: `${LABEL_INSTANCE}=${instanceId}` });
      expect(left).toHaveLength(1);

      // No close(): as after SIGKILL. The next run with the same id takes over.
      await again.ensureRevision(spec('alc-algo-agents--next', { image: local[0] }));
      const now = await docker.ps({ label: `${LABEL_INSTANCE}=${instanceId}` });
      expect(now).toHaveLength(1);
      expect(now).not.toContain(left[0]);
      await again.close();
      expect(await docker.ps({ label: `${LABEL_INSTANCE}=${instanceId}` })).toEqual([]);
      expect(await docker.networkExists(again.network)).toBe(false);
    } finally {
      await again.close();
      await killed.close(); // ends the first one's event watcher
    }
  });
});
