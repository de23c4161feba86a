// The whole simulator as `npm run sim` starts it (a separate process), driven by the real SDK and the
// Docker CLI: push the sample app through the ACR facade, deploy two revisions with labels, shift traffic
// and see the ingress split follow the weights, deactivate, then Ctrl-C: no container and no process remain.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerApp, ContainerAppsAPIClient, TrafficWeight } from '@azure/arm-appcontainers';
import type { TokenCredential } from '@azure/identity';
import { DockerCli } from '../../../sim/docker.js';
import { ACR_TOKEN_USER } from '../../../sim/registry.js';
import { LABEL_APP } from '../../../sim/runtime.js';
import { httpsRequest } from '../../../sim/http.js';
import { ROOT, buildSampleApp, describeWithDocker, eventually, uniqueName } from '../../support/docker.js';
import { simAzure } from '../../support/sim-azure.js';

const RG = 'alc-algo-production';
const poll = { updateIntervalInMs: 100 };

describeWithDocker('the simulator as npm run sim starts it, with real containers', () => {
  const app = uniqueName('alc-e2e');
  const rev = (suffix: string) => `${app}--${suffix}`;
  const stateDir = mkdtempSync(join(tmpdir(), 'alc-e2e-sim-'));
  const docker = new DockerCli({ configDir: join(stateDir, 'docker-config') });
  const local: string[] = [];
  let cli: ChildProcess;
  /** What the simulator printed (shown when a wait fails). */
  let output = '';
  let exited: Promise<number | null>;
  let env: Record<string, string>;
  let ca: string;
  let client: ContainerAppsAPIClient;
  let agent: https.Agent;
  const images: Record<string, string> = {};

  const ingressGet = async (host: string) => {
    const res = await httpsRequest(`https://127.0.0.1:${env.ALC_SIM_INGRESS_PORT}/version`, {
      ca,
      host,
      agent,
    });
    return {
      status: res.status,
      body: res.status === 200 ? (JSON.parse(res.body) as { version: string; revision: string }) : undefined,
    };
  };
  const serving = (suffix: string) =>
    eventually(async () => {
      const r = await client.containerAppsRevisions.getRevision(RG, app, rev(suffix));
      return r.runningState === 'Running' && r.healthState === 'Healthy' ? r : undefined;
    }, 60_000).catch((e: Error) => {
      throw new Error(`${rev(suffix)} is not serving (${e.message}); the simulator said:\n${output}`);
    });
  const containersOf = (filter: string) =>
    execFileSync('docker', ['ps', '-a', '-q', '--filter', filter], {
      env: process.env,
      encoding: 'utf8',
    }).trim();

  /** Starts `npm run sim` (its CLI) as its own process group and connects the SDK to it. */
  const launch = async (registryPort = '0') => {
    cli = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      [
        'sim/cli.ts',
        '--state-dir',
        stateDir,
        '--arm-port',
        '0',
        '--ingress-port',
        '0',
        '--registry-port',
        registryPort,
        '--lro-delay-ms',
        '100',
      ],
      {
        cwd: ROOT,
        env: process.env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    output = '';
    cli.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    cli.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    exited = new Promise((resolve) => cli.once('exit', (code) => resolve(code)));
    await eventually(() => (output.includes('Ctrl-C stops') ? true : undefined), 60_000).catch(() => {
      throw new Error(`the simulator did not start:\n${output}`);
    });
    env = Object.fromEntries(
      readFileSync(join(stateDir, 'env.sh'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => /^export (\w+)=(.*)$/.exec(l) as RegExpExecArray)
        .map((m) => [m[1], JSON.parse(m[2]) as string]),
    );
    ca = readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8');
    // The credential and client as the actions build them, from the environment the simulator's CLI wrote.
    let credential: TokenCredential;
    ({ credential, client } = simAzure(env, ca));
    return credential;
  };

  beforeAll(async () => {
    agent = new https.Agent({ keepAlive: true, maxSockets: 8 });
    const credential = await launch();
    // docker login with an ACR refresh token, as build-push does.
    const registry = env.ALC_SIM_REGISTRY;
    const aad = await credential.getToken('https://containerregistry.azure.net/.default');
    if (!aad) throw new Error('no Entra token for the registry');
    const exchange = await httpsRequest(`https://${registry}/oauth2/exchange`, {
      ca,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'access_token',
        service: registry,
        access_token: aad.token,
      }).toString(),
    });
    await docker.login(
      registry,
      ACR_TOKEN_USER,
      (JSON.parse(exchange.body) as { refresh_token: string }).refresh_token,
    );
    for (const version of ['1.0.0', '2.0.0']) {
      const tag = await buildSampleApp(docker, `${app}:${version}`, { version });
      images[version] = `${registry}/alc-algo-e2e:${version}`;
      await docker.tag(tag, images[version]);
      await docker.push(images[version]);
      local.push(tag, images[version]);
    }
  });

  afterAll(async () => {
    agent?.destroy();
    if (cli && cli.exitCode === null && cli.signalCode === null) {
      process.kill(-(cli.pid as number), 'SIGTERM');
      await exited;
    }
    await docker.rmi(local).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  });

  const template = (suffix: string, version: string) => ({
    revisionSuffix: suffix,
    containers: [
      {
        name: 'agents',
        image: images[version],
        resources: { cpu: 0.5, memory: '1Gi' },
        env: [{ name: 'ALC_ENVIRONMENT', value: 'production' }],
        probes: [{ type: 'Readiness' as const, httpGet: { path: '/ready', port: 8080 } }],
      },
    ],
  });
  const traffic = (blue: number): TrafficWeight[] => [
    { revisionName: rev('v1'), label: 'blue', weight: blue },
    { revisionName: rev('v2'), label: 'green', weight: 100 - blue },
  ];

  it('deploys a first revision that serves on its label URL', async () => {
    const env0 = await client.managedEnvironments.get(RG, 'alc-algo-env');
    expect(env0.defaultDomain).toBe(env.ALC_SIM_DOMAIN);
    const created = await client.containerApps.beginCreateOrUpdateAndWait(
      RG,
      app,
      {
        location: 'eastus',
        managedEnvironmentId: env0.id,
        configuration: {
          activeRevisionsMode: 'Multiple',
          ingress: {
            external: true,
            targetPort: 8080,
            traffic: [{ revisionName: rev('v1'), label: 'blue', weight: 100 }],
          },
        },
        template: template('v1', '1.0.0'),
      } as ContainerApp,
      poll,
    );
    expect(created.latestRevisionName).toBe(rev('v1'));
    expect(await serving('v1')).toMatchObject({ replicas: 1, provisioningState: 'Provisioned' });
    expect(await ingressGet(`${app}---blue.${env.ALC_SIM_DOMAIN}`)).toEqual({
      status: 200,
      body: expect.objectContaining({ version: '1.0.0', revision: rev('v1') }),
    });
  });

  it('deploys a second revision at weight 0 beside it; label and revision URLs reach it, the app URL does not', async () => {
    await client.containerApps.beginUpdateAndWait(
      RG,
      app,
      {
        location: 'eastus',
        template: template('v2', '2.0.0'),
        configuration: { ingress: { traffic: traffic(100) } },
      } as ContainerApp,
      poll,
    );
    await serving('v2');
    expect((await ingressGet(`${app}---green.${env.ALC_SIM_DOMAIN}`)).body?.version).toBe('2.0.0');
    expect((await ingressGet(`${rev('v2')}.${env.ALC_SIM_DOMAIN}`)).body?.version).toBe('2.0.0');
    for (let i = 0; i < 10; i++)
      expect((await ingressGet(`${app}.${env.ALC_SIM_DOMAIN}`)).body?.version).toBe('1.0.0');
  });

  it('splits the app URL 30/70 after a traffic write, over 200 requests', async () => {
    await client.containerApps.beginUpdateAndWait(
      RG,
      app,
      { location: 'eastus', configuration: { ingress: { traffic: traffic(30) } } } as ContainerApp,
      poll,
    );
    const versions: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const v = (await ingressGet(`${app}.${env.ALC_SIM_DOMAIN}`)).body?.version ?? 'error';
      versions[v] = (versions[v] ?? 0) + 1;
    }
    expect(versions['1.0.0'] + versions['2.0.0']).toBe(200);
    expect(versions['1.0.0']).toBeGreaterThanOrEqual(50);
    expect(versions['1.0.0']).toBeLessThanOrEqual(70);
  });

  it('promotes green to 100 and deactivates blue: its containers are removed', async () => {
    await client.containerApps.beginUpdateAndWait(
      RG,
      app,
      { location: 'eastus', configuration: { ingress: { traffic: traffic(0) } } } as ContainerApp,
      poll,
    );
    await client.containerAppsRevisions.deactivateRevision(RG, app, rev('v1'));
    await eventually(
      () => (containersOf(`label=alc-sim.revision=${rev('v1')}`) === '' ? true : undefined),
      30_000,
    );
    expect(await client.containerAppsRevisions.getRevision(RG, app, rev('v1'))).toMatchObject({
      active: false,
      replicas: 0,
    });
    expect((await ingressGet(`${app}.${env.ALC_SIM_DOMAIN}`)).body?.version).toBe('2.0.0');
  });

  it('Ctrl-C stops it cleanly: no container, no registry process, exit code 0', async () => {
    expect(containersOf(`label=${LABEL_APP}=${app}`)).not.toBe('');
    process.kill(-(cli.pid as number), 'SIGINT');
    expect(await exited).toBe(0);
    expect(containersOf(`label=${LABEL_APP}=${app}`)).toBe('');
    // pgrep exits 1 when nothing matches; the bracket keeps the pattern from matching a shell that holds it.
    const registries = spawnSync('pgrep', ['-f', `[d]ocker-registry serve ${stateDir}`], {
      encoding: 'utf8',
    });
    expect([registries.status, registries.stdout.trim()]).toEqual([1, '']);
    const network = /network (alc-sim-\w+)/.exec(output)?.[1] as string;
    expect(network).toBeDefined();
    expect(
      execFileSync('docker', ['network', 'ls', '-q', '--filter', `name=^${network}$`], {
        env: process.env,
        encoding: 'utf8',
      }).trim(),
    ).toBe('');
    expect(existsSync(join(stateDir, 'arm.json'))).toBe(true);
  });

  it('a restart brings the state back and runs the active revision again', async () => {
    // Images name the registry by host:port, so it comes back on the same port (as with the CLI's defaults).
    await launch(env.ALC_SIM_REGISTRY.split(':')[1]);
    const app0 = await client.containerApps.get(RG, app);
    expect(app0.configuration?.ingress?.traffic).toEqual(traffic(0));
    await serving('v2');
    expect((await ingressGet(`${app}.${env.ALC_SIM_DOMAIN}`)).body?.version).toBe('2.0.0');
    expect(await client.containerAppsRevisions.getRevision(RG, app, rev('v1'))).toMatchObject({
      active: false,
    });
    expect(containersOf(`label=alc-sim.revision=${rev('v1')}`)).toBe('');
    process.kill(-(cli.pid as number), 'SIGTERM');
    expect(await exited).toBe(0);
    expect(containersOf(`label=${LABEL_APP}=${app}`)).toBe('');
  });
});
