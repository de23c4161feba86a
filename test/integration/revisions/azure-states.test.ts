// Issue 21's "Done when", end to end against the simulator with Azure's recorded shapes turned on (real Docker, the
// real registry, the actions' cores and the deploy-app entry): a pull longer than the grace window succeeds with the
// default wait-timeout; a port mismatch fails within its grace window plus a poll, in Azure's words, traffic as it
// was; a rollback to a revision still Deprovisioning activates it; `to: <app>--0000001` works; the pin never names a
// Failed revision; Location-only long-running operations carry a deploy and a promote. Each case failed on the code
// before the readiness merge (0383d05), as its comment says.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { rmSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Template } from '@azure/arm-appcontainers';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { parseDocument } from 'yaml';
import { Aca } from '../../../src/azure/aca.js';
import { createBody } from '../../../src/deploy/plan.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { isActive } from '../../../src/revisions/state.js';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { waitRevisionReady } from '../../../src/revisions/wait.js';
import { graceWindowMs } from '../../../src/revisions/readiness.js';
import { describeWithDocker, eventually } from '../../support/docker.js';
import {
  errorLines,
  inputs,
  releaseInputs,
  RG,
  ROOT,
  runEntry,
  startDeploySim,
  type DeploySim,
} from '../../support/deploy-sim.js';
import { simAzure } from '../../support/sim-azure.js';

const S = 1000;
/** Azure's shapes, with timings cut to test size (sim/README.md, "Azure as recorded"). */
const AZURE = {
  // 5 MB/s: the 2 MB sample pulls in under half a second, the 100 MiB image (LARGE_MB) in about 21 s.
  pullBandwidth: 5_000_000,
  // Azure keeps a port-mismatched revision Activating for about 4 minutes before it turns Failed.
  activationTimeoutMs: 240 * S,
  // Azure: tens of seconds of `active: true`, Deprovisioning.
  deprovisionMs: 8 * S,
  revisionSuffixes: 'sequence',
  lroStyle: 'location',
} as const;
const LARGE_MB = 100;
/** One poll of deploy-app's readiness wait (Aca's default pollMs). */
const POLL = 2 * S;

const rev = (app: string, suffix: string) => `${app}--${suffix}`;

describeWithDocker('issue 21 done: Azure as it really answers, against the simulator', () => {
  let t: DeploySim;
  /** deploy/containerapp.yaml with probes whose window is short (the grace window MIN_GRACE_MS, 10 s). */
  let fastSpec: string;
  let grace: number;

  beforeAll(async () => {
    t = await startDeploySim({
      azure: AZURE,
      largeMb: LARGE_MB,
      skipImages: ['v3', 'broken', 'degraded'],
    });
    const doc = parseDocument(readFileSync(join(ROOT, 'deploy/containerapp.yaml'), 'utf8'));
    doc.setIn(
      ['properties', 'template', 'containers', 0, 'probes'],
      [
        { type: 'Readiness', httpGet: { path: '/ready', port: 8080 }, periodSeconds: 1, failureThreshold: 3 },
        {
          type: 'Liveness',
          httpGet: { path: '/health', port: 8080 },
          initialDelaySeconds: 1,
          periodSeconds: 2,
          failureThreshold: 3,
        },
      ],
    );
    fastSpec = `sim/.state/${t.sim.docker!.instanceId}-fast-probes.yaml`;
    writeFileSync(join(ROOT, fastSpec), doc.toString());
    grace = graceWindowMs((doc.toJS() as { properties: { template: Template } }).properties.template);
  }, 300_000);
  afterAll(async () => {
    if (fastSpec) rmSync(join(ROOT, fastSpec), { force: true });
    await t?.stop();
  }, 60_000);

  const env = { env: { GITHUB_WORKSPACE: ROOT } };
  const traffic = async (app: string) => trafficOf((await t.aca().getApp(app))!);
  const served = async (app: string) =>
    JSON.parse((await t.get(`${app}.${t.sim.domain}`)).body).version as string;
  /** The app's body as deploy-app creates it (traffic: latestRevision 100), for a state set up by hand. */
  const bodyFor = async (app: string, values: Record<string, string>) => {
    const s = readDeploySettings(inputs(releaseInputs({ ...t.common, app, ...values })), env);
    const environment = await t.aca().getEnvironment(s.environment);
    return createBody(s, environment.id, environment.location);
  };

  // Before the merge, PullingImage was trouble (only ContainerCreating/PodInitializing were a normal wait) and the
  // grace window started when the revision was Provisioned, i.e. while the image was still being pulled: the deploy
  // failed 10 s in. The rule is relative: a pull is bounded by wait-timeout, never by the grace window, so a pull
  // twice the window here is the 2-minute pull against deploy/containerapp.yaml's 40 s window (that literal case,
  // on a fake clock: test/unit/readiness.test.ts, "an image that takes 2 minutes to pull is waited for").
  it('a first deploy whose image pull outlasts the grace window succeeds with the default wait-timeout (the entry)', async () => {
    const app = 'alc-algo-pull';
    expect(grace).toBe(10 * S);
    let pulling: { first?: number; last?: number } = {};
    let running = true;
    const watch = (async () => {
      while (running) {
        const replicas = await t
          .aca()
          .listReplicas(app, rev(app, 'v5-0-0'))
          .catch(() => []);
        if (replicas.some((r) => /PullingImage/.test(r.containers?.[0]?.runningStateDetails ?? ''))) {
          pulling = { first: pulling.first ?? performance.now(), last: performance.now() };
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const start = performance.now();
    const run = await runEntry(
      'deploy-app',
      { ...t.common, app, spec: fastSpec, image: t.images.large!, 'revision-suffix': 'v5-0-0' },
      t.sim,
    );
    const seconds = (performance.now() - start) / S;
    running = false;
    await watch;
    expect([run.status, errorLines(run.stdout)]).toEqual([0, []]);
    expect(run.outputs).toMatchObject({ revision: rev(app, 'v5-0-0'), created: 'true' });
    // The replicas showed Azure's PullingImage for longer than the whole grace window.
    expect(pulling.last! - pulling.first!).toBeGreaterThan(grace + POLL);
    expect(await served(app)).toBe('5.0.0');
    process.stdout.write(
      `pull outlasting the grace window: PullingImage for ${((pulling.last! - pulling.first!) / S).toFixed(1)} s (grace ${grace / S} s), deploy ${seconds.toFixed(1)} s\n`,
    );
  }, 120_000);

  // Before the merge a revision Activating/None with running, never-ready containers was no trouble: the deploy waited
  // until the simulator turned it Failed after activationTimeoutMs (240 s here, as Azure's about 4 minutes).
  it('a port mismatch fails within its grace window plus a poll, in Azure words, traffic as it found it', async () => {
    const app = 'alc-algo-pull';
    const before = await traffic(app);
    const start = performance.now();
    const error = await t
      .deploy({
        app,
        spec: fastSpec,
        image: t.images.v2,
        'revision-suffix': 'port-1',
        'env-vars': 'PORT=9090',
      })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    const seconds = (performance.now() - start) / S;
    expect(error?.message).toMatch(
      /alc-algo-pull--port-1 .*The TargetPort 8080 does not match the listening port 9090\..*received no traffic/,
    );
    // The write, the container's start (the sample image carries the Python agent) and the teardown take a few
    // seconds of their own on top.
    expect(seconds * S).toBeLessThan(grace + POLL + 12 * S);
    expect(await traffic(app)).toEqual(before);
    // Deactivated: Deprovisioning for deprovisionMs, then inactive.
    expect(isActive((await t.aca().getRevision(app, rev(app, 'port-1')))!)).toBe(false);
    expect(await served(app)).toBe('5.0.0');
    process.stdout.write(`port mismatch failed after ${seconds.toFixed(1)} s (grace ${grace / S} s)\n`);
  }, 60_000);

  // Location-only answers (no Azure-AsyncOperation) carry every write of this file; here they are seen on the wire.
  // Not a regression of the readiness merge: the code before it polled Location-only operations as well.
  it('Location-only long-running operations: a deploy and a promote succeed', async () => {
    const app = 'alc-algo-agents';
    const answers: string[] = [];
    const seen: PipelinePolicy = {
      name: 'lro-headers',
      sendRequest: async (req, next) => {
        const res = await next(req);
        if (req.method === 'PUT' || req.method === 'PATCH') {
          const h = (name: string) => (res.headers.get(name) ? name : `no ${name}`);
          answers.push(`${req.method} ${res.status} ${h('location')}, ${h('azure-asyncoperation')}`);
        }
        return res;
      },
    };
    const { client } = simAzure(t.sim.env, t.sim.ca, {
      clientOptions: { additionalPolicies: [{ policy: seen, position: 'perCall' }] },
    });
    const aca = new Aca(client, { resourceGroup: RG, pollMs: 250 });
    await t.deploy({ app, image: t.images.v1, 'revision-suffix': 'v1-0-0' }, aca);
    const d = await t.deploy({ app, image: t.images.v2, 'revision-suffix': 'v2-0-0' }, aca);
    expect(d.label).toBe('green');
    const p = await t.blueGreen({ app, command: 'promote' }, aca);
    expect(p.after).toEqual([
      { revisionName: rev(app, 'v1-0-0'), label: 'blue', weight: 0 },
      { revisionName: rev(app, 'v2-0-0'), label: 'green', weight: 100 },
    ]);
    expect(await served(app)).toBe('2.0.0');
    expect(answers.length).toBeGreaterThanOrEqual(4);
    expect(answers.filter((a) => !/^(PUT 201|PATCH 202) location, no azure-asyncoperation$/.test(a))).toEqual(
      [],
    );
    expect(answers).toContain('PUT 201 location, no azure-asyncoperation');
  }, 90_000);

  // Before the merge `active !== false` counted a Deprovisioning revision as active: no activate was sent, and the
  // wait found it Deprovisioning, then Stopped, until wait-timeout (10 minutes by default).
  it('rollback to a revision still Deprovisioning activates it and succeeds, far within wait-timeout', async () => {
    const app = 'alc-algo-agents';
    const aca = t.aca();
    await aca.deactivate(app, rev(app, 'v1-0-0'));
    expect(await aca.getRevision(app, rev(app, 'v1-0-0'))).toMatchObject({
      active: true,
      runningState: 'Deprovisioning',
    });
    const start = performance.now();
    const r = await t.blueGreen({ app, command: 'rollback' });
    const seconds = (performance.now() - start) / S;
    expect(r.productionRevision).toBe(rev(app, 'v1-0-0'));
    expect(r.log.join('\n')).toMatch(/^activated alc-algo-agents--v1-0-0$/m);
    expect(seconds).toBeLessThan(20);
    expect(await served(app)).toBe('1.0.0');
    // The deactivation was called off (activated while Deprovisioning), not waited out.
    expect(await aca.getRevision(app, rev(app, 'v1-0-0'))).toMatchObject({
      active: true,
      runningState: 'Running',
    });
    process.stdout.write(`rollback to a Deprovisioning revision: ${seconds.toFixed(1)} s\n`);
  }, 60_000);

  // Before the merge `to` had to have a suffix that starts with a letter: `<app>--0000001` was an input error.
  it('rollback to: <app>--0000001, a revision ACA named itself', async () => {
    const app = 'alc-algo-seq';
    const body = await bodyFor(app, { image: t.images.v1, 'revision-suffix': 'v1-0-0' });
    await t.aca().putApp(app, { ...body, template: { ...body.template, revisionSuffix: undefined } });
    expect((await t.aca().getApp(app))?.latestRevisionName).toBe(rev(app, '0000001'));
    await t.deploy({ app, image: t.images.v2, 'revision-suffix': 'v2-0-0' });
    await t.blueGreen({ app, command: 'promote' });
    expect(await served(app)).toBe('2.0.0');
    const r = await t.blueGreen({ app, command: 'rollback', to: rev(app, '0000001') });
    expect(r.productionRevision).toBe(rev(app, '0000001'));
    expect(r.after).toEqual([
      { revisionName: rev(app, '0000001'), label: 'blue', weight: 100 },
      { revisionName: rev(app, 'v2-0-0'), label: 'green', weight: 0 },
    ]);
    expect(await served(app)).toBe('1.0.0');
  }, 60_000);

  // Before the merge the pin took latestReadyRevisionName first: it pinned the weight to the crashed revision by
  // name, and production stayed on a Failed revision after the deploy.
  it('the pin never names a Failed revision: latestReadyRevisionName crashed, latestRevisionName serving', async () => {
    const app = 'alc-algo-pin';
    const aca = t.aca();
    // The crashed revision: the app as deploy-app creates it (latestRevision 100), on a port the app cannot parse.
    const body = await bodyFor(app, {
      image: t.images.v1,
      'revision-suffix': 'crash',
      'env-vars': 'PORT=not-a-port',
    });
    await aca.putApp(app, body);
    await eventually(async () =>
      (await aca.getRevision(app, rev(app, 'crash')))?.provisioningState === 'Failed' ? true : undefined,
    );
    // The serving revision: its write's operation ends Failed (so the app's latestReadyRevisionName stays on the
    // crashed one, as in test_container_app_mount_nfsazurefile_e2e.yaml), then it is activated and runs.
    const [container] = body.template!.containers!;
    const serving = {
      ...body.template,
      revisionSuffix: 'serving',
      containers: [{ ...container, env: container.env?.filter((e) => e.name !== 'PORT') }],
    };
    t.sim.faults.add({ method: 'PATCH', path: `containerApps/${app}$`, kind: 'lro-fail', times: 1 });
    await expect(aca.patchTemplate({ ...body, name: app }, serving)).rejects.toThrow(/Injected fault/);
    await aca.activate(app, rev(app, 'serving'));
    await waitRevisionReady(aca, app, rev(app, 'serving'), Date.now() + 30 * S);
    expect(await aca.getApp(app)).toMatchObject({
      latestRevisionName: rev(app, 'serving'),
      latestReadyRevisionName: rev(app, 'crash'),
      configuration: { ingress: { traffic: [{ latestRevision: true, weight: 100 }] } },
    });
    expect(await aca.getRevision(app, rev(app, 'crash'))).toMatchObject({
      provisioningState: 'Failed',
      runningState: 'Failed',
      provisioningError: expect.stringMatching(/^Container crashing/),
    });

    await t.deploy({ app, image: t.images.v2, 'revision-suffix': 'v2-0-0' });
    expect(await traffic(app)).toEqual([
      { revisionName: rev(app, 'serving'), label: 'blue', weight: 100 },
      { revisionName: rev(app, 'v2-0-0'), label: 'green', weight: 0 },
    ]);
    expect(await served(app)).toBe('1.0.0');
  }, 90_000);
});
