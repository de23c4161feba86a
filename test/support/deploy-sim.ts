// What the deploy-app and blue-green integration tests share: the simulator with real containers, the sample
// app pushed by digest (v1, v2, v3 and a broken build), an ACA client the way the actions build one, the core's
// settings from inputs, and running an action entry against it as a runner does.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { MonitorClient } from '@azure/arm-monitor';
import type { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import { Aca, type AcaOptions } from '../../src/azure/aca.js';
import { containerAppId } from '../../src/analysis/azure-monitor.js';
import { monitorProvider } from '../../src/analysis/app-insights.js';
import { createMonitorClient } from '../../src/azure/connection.js';
import type { BlueGreenResult } from '../../src/bluegreen/context.js';
import { runBlueGreen } from '../../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../../src/bluegreen/settings.js';
import { runDeploy, type DeployResult } from '../../src/deploy/run.js';
import { tradingStore } from '../../src/trading/store.js';
import type { TradingLeaseSetting } from '../../src/trading/types.js';
import { readDeploySettings } from '../../src/deploy/settings.js';
import { registryVerifier } from '../../src/deploy/verify.js';
import { proveServing } from '../../src/smoke/prove.js';
import { parseResolve, type InputSource } from '../../src/core/inputs.js';
import { DockerCli } from '../../sim/docker.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/index.js';
import { ACR_TOKEN_USER } from '../../sim/registry.js';
import { randomBytes } from 'node:crypto';
import { createHttpClient, type HttpClient } from '../../src/smoke/http-client.js';
import { RegistryClient } from '../../src/registry/client.js';
import { fetchWithCa } from './build-push.js';
import { REPO_ROOT as ROOT } from '../../runner/action.js';
import { API, appPath, ENV, RG } from './control-plane-sim.js';
import { errorLines, type EntryOptions, type EntryRun, startEntry as startActionEntry } from './entry.js';
import { simAzure, simAzureInputs } from './sim-azure.js';

// No jest import here (bench/arm-calls.ts uses this module too).
export { ENV, RG, ROOT };

export interface Images {
  v1: string;
  v2: string;
  v3: string;
  broken: string;
  /** 4.0.0, a DEGRADE_AFTER=5 build: passes probes and smoke, then answers half its real requests with 500. */
  degraded: string;
  /** 5.0.0, v1 with `largeMb` MiB of ballast (only when startDeploySim was given largeMb). */
  large?: string;
}

/** Images a test that does not use them can leave out (each is a build and a push): then ''. */
export type SkippableImage = 'v3' | 'broken' | 'degraded';

export interface DeploySim {
  sim: Simulator;
  images: Images;
  registry: string;
  /** Inputs every action run against this simulator needs. */
  common: Record<string, string>;
  /** ACA operations over the counting client (poll interval 250 ms unless given). */
  aca(log?: (line: string) => void, options?: Partial<AcaOptions>): Aca;
  /** ARM requests sent by the clients of `aca()`: `METHOD path`. */
  calls: string[];
  /** The counting client under `aca()` (for another build of the ACA operations, e.g. a benchmark's baseline). */
  client: ContainerAppsAPIClient;
  prove: ReturnType<typeof proveServing>;
  /** runDeploy with these inputs over `common` (GITHUB_WORKSPACE the repository), through `aca` (default aca()). */
  deploy(values: Record<string, string>, aca?: Aca): Promise<DeployResult>;
  /** The Azure Monitor client as the actions build it (OIDC, over the simulator's ARM). */
  monitorClient: MonitorClient;
  /** runBlueGreen with these inputs over `common`, likewise (with the Azure Monitor provider when analysing). */
  blueGreen(values: Record<string, string>, aca?: Aca): Promise<BlueGreenResult>;
  /** Raw app JSON as ARM returns it (for byte-identical comparisons). */
  rawApp(app: string): Promise<string>;
  /** GET through the ingress (Host header routing). */
  get(host: string, path?: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

const SAMPLE_REPO = 'alc-algo-agents';

/**
 * The sample images as releases: image -> where it is and the version whose locked tag points at it. deploy-app
 * verifies what it deploys (the configured registry and repository; in mode production the locked version tag), as
 * a release run configures it: `releaseInputs` gives a deploy of one of these images the simulator's registry, its
 * repository and its version, unless the test gives them.
 */
const RELEASES = new Map<string, { registry: string; repository: string; version: string }>();

/** Records an image pushed elsewhere (a test's own registry pushes) as a release for `releaseInputs`. */
export function registerRelease(
  image: string,
  release: { registry: string; repository: string; version: string },
): void {
  RELEASES.set(image, release);
}

/** deploy-app's inputs as a release run configures them for a sample image (see RELEASES); others unchanged. */
export function releaseInputs(values: Record<string, string>): Record<string, string> {
  // The seed trades live (IBKR_PORT 7496): a production deploy names its trading lease or says `unmanaged` on
  // purpose; a test that gives neither says unmanaged (tests of the lease give theirs).
  const trading: Record<string, string> = values.mode === 'preview' ? {} : { 'trading-lease': 'unmanaged' };
  const release = RELEASES.get(values.image ?? '');
  if (!release) return { ...trading, ...values };
  const { version, ...place } = release;
  return { ...trading, ...place, ...(values.mode === 'preview' ? {} : { version }), ...values };
}
/** Where the simulator's CA is copied inside the repository (git-ignored). */
const CA_DIR = 'sim/.state/test-ca';

async function loginToRegistry(
  sim: Simulator,
  docker: DockerCli,
  http: HttpClient,
): Promise<{ server: string; refreshToken: string }> {
  const server = sim.endpoints.registry!;
  const res = await http.request({
    url: `https://${server}/oauth2/exchange`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'access_token',
      service: server,
      access_token: sim.identity.issueAccessToken('https://containerregistry.azure.net'),
    }).toString(),
  });
  const body = res.body.toString('utf8');
  if (res.status !== 200) throw new Error(`token exchange failed: ${res.status} ${body}`);
  const refreshToken = (JSON.parse(body) as { refresh_token: string }).refresh_token;
  await docker.login(server, ACR_TOKEN_USER, refreshToken);
  return { server, refreshToken };
}

function digestOf(ref: string, configDir: string): string {
  const out = execFileSync('docker', ['inspect', '--format', '{{json .RepoDigests}}', ref], {
    env: { ...process.env, DOCKER_CONFIG: configDir },
    encoding: 'utf8',
  });
  const digests = JSON.parse(out) as string[];
  const repo = ref.slice(0, ref.lastIndexOf(':'));
  const hit = digests.find((d) => d.startsWith(`${repo}@`));
  if (!hit) throw new Error(`no digest for ${ref}: ${out}`);
  return hit;
}

/**
 * `ca-file` is confined to the workspace (the repository): a copy of the simulator's CA under sim/.state/ (git
 * ignores it), as a workspace-relative path.
 */
export function workspaceCa(caPath: string, name: string): string {
  mkdirSync(join(ROOT, CA_DIR), { recursive: true });
  const copy = join(CA_DIR, `${name}.pem`);
  copyFileSync(caPath, join(ROOT, copy));
  return copy;
}

/**
 * Builds the sample app once per version and pushes it by digest to the simulator's registry; each release tag is
 * then locked (writeEnabled=false), as build-push locks the version tag of a release it pushes.
 */
async function pushImages(
  sim: Simulator,
  prefix: string,
  http: HttpClient,
  largeMb?: number,
  skip: readonly SkippableImage[] = [],
): Promise<{ images: Images; cleanup: () => Promise<void> }> {
  const configDir = mkdtempSync(join(tmpdir(), `${prefix}-docker-`));
  const docker = new DockerCli({ configDir });
  const { server, refreshToken } = await loginToRegistry(sim, docker, http);
  const registry = new RegistryClient(
    server,
    { kind: 'refresh-token', refreshToken },
    { fetch: fetchWithCa(sim.ca), scheme: 'https' },
  );
  const local: string[] = [];
  const push = async (version: string, broken = false, degradeAfter = '', ballastMb = 0): Promise<string> => {
    const tag = `${prefix}-sample:${version}`;
    if (ballastMb > 0) {
      // The v1 build with a layer of zeros: its size (what a simulated pull's time follows) is real, its push cheap.
      const dockerfile = [
        `FROM ${prefix}-sample:1.0.0`,
        `RUN ["/bin/dd", "if=/dev/zero", "of=/ballast", "bs=1048576", "count=${ballastMb}"]`,
        `ENV APP_VERSION=${version}`,
      ].join('\n');
      execFileSync('docker', ['build', '-q', '-t', tag, '-'], {
        input: dockerfile,
        env: { ...process.env, DOCKER_BUILDKIT: '0' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } else {
      execFileSync(join(ROOT, 'sample-app/build.sh'), [tag, version, String(broken), degradeAfter], {
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    }
    const ref = `${server}/${SAMPLE_REPO}:${version}`;
    await docker.tag(tag, ref);
    await docker.push(ref);
    await registry.setTagAttributes(SAMPLE_REPO, version, { writeEnabled: false, deleteEnabled: true });
    local.push(tag, ref);
    const image = digestOf(ref, configDir);
    registerRelease(image, { registry: server, repository: SAMPLE_REPO, version });
    return image;
  };
  const unless = (name: SkippableImage, pushed: () => Promise<string>) =>
    skip.includes(name) ? Promise.resolve('') : pushed();
  const images = {
    v1: await push('1.0.0'),
    v2: await push('2.0.0'),
    v3: await unless('v3', () => push('3.0.0')),
    broken: await unless('broken', () => push('9.9.9-broken', true)),
    degraded: await unless('degraded', () => push('4.0.0', false, '5')),
    ...(largeMb ? { large: await push('5.0.0', false, '', largeMb) } : {}),
  };
  return {
    images,
    cleanup: async () => {
      await docker.rmi(local).catch(() => undefined);
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}

export async function startDeploySim(
  o: {
    lroDelayMs?: number;
    probeTiming?: 'fixed' | 'template';
    /** The simulator's log of every control-plane request (method, path, status, ms). */
    trace?: (line: string) => void;
    /** Azure's recorded timings and shapes (sim/README.md, "Azure as recorded"); default off. */
    azure?: Pick<
      SimulatorOptions,
      | 'pullDelayMs'
      | 'pullBandwidth'
      | 'activationTimeoutMs'
      | 'deprovisionMs'
      | 'lroStyle'
      | 'revisionSuffixes'
    >;
    /** Also push images.large: v1 with this many MiB of ballast. */
    largeMb?: number;
    /** Start the simulator's storage (Azurite), for the trading lease. */
    storage?: boolean;
    /** An Application Insights component to seed beside the environment (its connection string reaches the spec's
     * APPLICATIONINSIGHTS-CONNECTION-STRING Key Vault reference). */
    appInsights?: string;
    /** Images not to build nor push (left '' in images). */
    skipImages?: readonly SkippableImage[];
  } = {},
): Promise<DeploySim> {
  const prefix = `alcdeploy-${randomBytes(3).toString('hex')}`;
  const stateDir = mkdtempSync(join(tmpdir(), `${prefix}-sim-`));
  const sim = await startSimulator({
    stateDir,
    seed: [{ resourceGroup: RG, environment: ENV, location: 'eastus', appInsights: o.appInsights }],
    lroDelayMs: o.lroDelayMs ?? 100,
    readyTimeoutMs: 60_000,
    probeTiming: o.probeTiming,
    // Azure Monitor's grain is PT1M; here one second, so that an analysis runs in seconds.
    metricsTimeGrain: 'PT1S',
    ...(o.storage ? { storage: true } : {}),
    ...(o.trace ? { trace: true, log: o.trace } : {}),
    ...o.azure,
  });
  const http = createHttpClient({
    resolve: parseResolve('resolve', sim.env.ALC_SIM_RESOLVE),
    caFile: sim.caPath,
  });
  try {
    const pushed = await pushImages(sim, prefix, http, o.largeMb, o.skipImages);
    const caCopy = workspaceCa(sim.caPath, prefix);
    const common: Record<string, string> = {
      ...simAzureInputs(sim.env),
      'resource-group': RG,
      resolve: sim.env.ALC_SIM_RESOLVE,
      'ca-file': caCopy,
    };
    const calls: string[] = [];
    const counter: PipelinePolicy = {
      name: 'count-arm-calls',
      sendRequest: (req, next) => {
        const url = new URL(req.url);
        if (url.pathname.startsWith('/subscriptions/')) calls.push(`${req.method} ${url.pathname}`);
        return next(req);
      },
    };
    // The client as the actions build it (OIDC), counting the ARM requests it sends.
    const azure = simAzure(sim.env, sim.ca, {
      clientOptions: { additionalPolicies: [{ policy: counter, position: 'perCall' }] },
    });
    const { client } = azure;
    const monitorClient = await createMonitorClient(azure.settings, azure.credential, {
      tlsOptions: { ca: sim.ca },
    });
    const aca = (log?: (line: string) => void, options?: Partial<AcaOptions>) =>
      new Aca(client, { resourceGroup: RG, pollMs: 250, log, ...options });
    const prove = proveServing();
    const settingsEnv = { env: { GITHUB_WORKSPACE: ROOT } };
    // A managed trading lease: the store as the entries build it, with the run's credential and the simulator's CA.
    const tradingOf = (lease: TradingLeaseSetting) =>
      lease.kind === 'managed'
        ? tradingStore(lease, azure.credential, { tlsOptions: { ca: sim.ca } })
        : undefined;
    return {
      sim,
      images: pushed.images,
      registry: sim.endpoints.registry!,
      common,
      calls,
      client,
      aca,
      prove,
      // async: an input error rejects, as it does in the action.
      deploy: async (values, through = aca()) => {
        const s = readDeploySettings(inputs(releaseInputs({ ...common, ...values })), settingsEnv);
        const trading = tradingOf(s.trading.lease);
        return runDeploy(s, {
          aca: through,
          prove,
          verifyImage: simVerifier(sim),
          ...(trading ? { trading } : {}),
        });
      },
      monitorClient,
      blueGreen: async (values, through = aca()) => {
        const s = readBlueGreenSettings(inputs({ ...common, ...values }), settingsEnv);
        const monitor = s.analysis
          ? monitorProvider(
              monitorClient,
              containerAppId(sim.ids.subscriptionId, RG, s.app),
              s.analysis.timeGrain,
              s.appInsightsId ? { componentId: s.appInsightsId, heartbeat: s.analysis.heartbeat } : undefined,
            )
          : undefined;
        const trading = tradingOf(s.trading.lease);
        return runBlueGreen(s, { aca: through, prove, monitor, ...(trading ? { trading } : {}) });
      },
      async rawApp(app) {
        const token = sim.identity.issueAccessToken('https://management.azure.com');
        const url = `${sim.endpoints.arm}${appPath(sim.ids.subscriptionId, app)}?api-version=${API}`;
        const res = await http.request({ url, headers: { authorization: `Bearer ${token}` } });
        return `${res.status} ${res.body.toString('utf8')}`;
      },
      async get(host, path = '/version') {
        const res = await http.request({ url: `https://${host}${path}` });
        return { status: res.status, body: res.body.toString('utf8') };
      },
      async stop() {
        http.close();
        await sim.stop();
        await pushed.cleanup();
        rmSync(stateDir, { recursive: true, force: true });
        rmSync(join(ROOT, caCopy), { force: true });
      },
    };
  } catch (e) {
    http.close();
    await sim.stop();
    throw e;
  }
}

/** deploy-app's image verification as the entry builds it, with the simulator's CA (for runs in this process). */
export function simVerifier(sim: Simulator) {
  const { settings, credential } = simAzure(sim.env, sim.ca);
  return registryVerifier(settings, credential, {
    log: () => undefined,
    mask: () => undefined,
    options: { fetch: fetchWithCa(sim.ca), scheme: 'https' },
  });
}

/** Inputs as a function, the way the core reads them. */
export function inputs(values: Record<string, string>): InputSource {
  return (name) => (values[name] ?? '').trim();
}

/** Runs `actions/<name>/src/main.ts` the way a runner starts an action, against the simulator. */
export function runEntry(
  action: string,
  values: Record<string, string>,
  sim: Simulator,
  extraEnv: Record<string, string> = {},
  how: Pick<EntryOptions, 'source' | 'node' | 'distDir'> = {},
): Promise<EntryRun> {
  return startEntry(action, values, sim, extraEnv, how).done;
}

/** Starts an entry against the simulator; `child` can be killed half way. */
export function startEntry(
  action: string,
  values: Record<string, string>,
  sim: Simulator,
  extraEnv: Record<string, string> = {},
  how: Pick<EntryOptions, 'source' | 'node' | 'distDir'> = {},
): { child: ChildProcess; done: Promise<EntryRun> } {
  return startActionEntry({
    ...how,
    action,
    inputs: action === 'deploy-app' ? releaseInputs(values) : values,
    env: {
      HOME: process.env.HOME,
      GITHUB_WORKSPACE: ROOT,
      NODE_EXTRA_CA_CERTS: sim.caPath,
      ACTIONS_ID_TOKEN_REQUEST_URL: sim.env.ACTIONS_ID_TOKEN_REQUEST_URL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sim.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      ...extraEnv,
    },
  });
}

export { errorLines, type EntryRun };
