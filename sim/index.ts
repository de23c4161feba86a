// The simulator, composed: certificates, identity, ARM (control plane) on one HTTPS port; the
// registry with its ACR facade, the Docker runtime and the ingress (data plane); Azure Storage (Azurite), the
// containers' managed-identity endpoint and the broker stand-in for the IB Gateway on the Docker network's gateway.
// startSimulator() returns the endpoints, the environment a client needs, a fault API, the broker's logs,
// hangRevision() and stop().
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultRule, RouteTable, Runtime } from './types.js';
import { ensureCertificates, ensureStorageCertificate } from './tls.js';
import { IdentityService, type IdentityConfig } from './identity.js';
import { decodeJwt } from './jwt.js';
import { startManagedIdentity, type ManagedIdentityHandle } from './managed-identity.js';
import { startStorage, TRADING_CONTAINER, type StorageHandle } from './storage.js';
import { FaultInjector, type FaultService } from './arm/faults.js';
import { ArmService, type ImageCatalog } from './arm/service.js';
import { ACR_USER, RegistryClient, parseImage } from './arm/images.js';
import { emptyState, type SimState } from './arm/model.js';
import { StaticRuntime } from './arm/static-runtime.js';
import { JsonStore } from './state.js';
import { startControlPlane } from './control-plane.js';
import { startRegistry, type RegistryHandle } from './registry.js';
import { DockerRuntime, UnknownRevisionError } from './runtime.js';
import { brokerAdminRoute, startBroker, type Broker } from './broker.js';
import { HttpError, sendJson, type Route } from './http.js';
import { startIngress, type IngressHandle } from './ingress.js';
import { MetricsService, RequestLog } from './metrics.js';
import { githubJobsRoute } from './github-jobs.js';
import { type Seed, type SeedEnvironment, type SeedInput, parseSeed } from './seed.js';

export type { Seed, SeedEnvironment, SeedInput } from './seed.js';
import { InsightsService, startIngestion, type IngestionHandle } from './insights.js';
import { MemorySampler, memoryBytes } from './memory.js';

export const DEFAULT_STATE_DIR = fileURLToPath(new URL('./.state', import.meta.url));
export const DEFAULT_DOMAIN = 'alc-sim.eastus.azurecontainerapps.io';
export const DOCKER_HOST_DEFAULT = 'unix:///run/alc-deploy/docker.sock';

/** The simulator's Key Vault secret that holds the seeded component's connection string. */
export const INSIGHTS_SECRET = 'APPLICATIONINSIGHTS-CONNECTION-STRING';

export interface SimulatorOptions {
  /** Where certificates, keys, registry data and ARM state live (default sim/.state). */
  stateDir?: string;
  /** Ports: 0 (default) picks a free one. */
  armPort?: number;
  ingressPort?: number;
  registryPort?: number;
  /** Run revisions as containers on Docker (default true). false: ARM-only mode, no containers. */
  docker?: boolean;
  dockerHost?: string;
  /** Start the registry and check images against it (default true). */
  registry?: boolean;
  /** Start the ingress (default: when docker is true). */
  ingress?: boolean;
  /**
   * Start Azure Storage (Azurite's blob service, HTTPS, bearer tokens of the simulator's Entra) with the container
   * `trading` (default false: only what needs the trading lease starts it, e.g. the demo and `npm run sim` with
   * Docker; an Azurite per simulator is a process of its own). It listens on the Docker network's gateway IP, or on 127.0.0.1 without
   * Docker.
   */
  storage?: boolean;
  /** Port of the storage (default 0: a free one). */
  storagePort?: number;
  /** Port of the containers' managed-identity endpoint (default 0: a free one). */
  identityPort?: number;
  /** Port of the Application Insights ingestion host (default 0: a free one). */
  insightsPort?: number;
  /** Minimum duration of PUT/PATCH/DELETE operations (default 1000 ms). */
  lroDelayMs?: number;
  /** How long an operation waits for a new revision to be provisioned (default 120 s). */
  readyTimeoutMs?: number;
  /** The environments' default domain (default alc-sim.eastus.azurecontainerapps.io). */
  domain?: string;
  /**
   * What to create on start (idempotent): managed environments (and their resource groups), or a seed in the seed
   * file's structure (sim/seed.ts, sim/README.md "Seed": resource groups, environments, app registrations with their
   * federated credentials, the default job), checked (SeedError). With a seed, Entra accepts only the credentials it
   * lists and the default request token speaks for its githubJob only.
   */
  seed?: SeedEnvironment[] | SeedInput;
  /** The job of the default GitHub OIDC request token, claims over its claims, and the federated credentials
   * Entra accepts for the simulator's app (default: the Seed's, else any GitHub repository subject); more app
   * registrations (default: the Seed's). */
  githubJob?: IdentityConfig['githubJob'];
  githubClaims?: IdentityConfig['githubClaims'];
  federatedSubjects?: string[];
  federatedCredentials?: IdentityConfig['federatedCredentials'];
  applications?: IdentityConfig['applications'];
  githubTokenLifetimeSec?: number;
  /** The Docker runtime's probe timing (see DockerRuntimeOptions.probeTiming); default 'fixed'. */
  probeTiming?: 'fixed' | 'template';
  /** A runtime to use instead of Docker (tests of the control plane). */
  runtime?: Runtime;
  log?: (message: string) => void;
  /** Log every control-plane request (method, path, status). */
  trace?: boolean;
  /**
   * The finest time grain of the Azure Monitor metrics (ISO 8601). Azure: PT1M; default here PT1M too, or
   * $ALC_SIM_METRICS_GRAIN (e.g. PT1S, so that an analysis runs in seconds).
   */
  metricsTimeGrain?: string;
  /**
   * Azure's timings and shapes (see sim/README.md, "Azure as recorded"); each also from the environment variable
   * named beside it, so that the demo or a shell can turn it on:
   * extra time of every image pull, ms (ALC_SIM_PULL_DELAY_MS; default 0; ALC-Algo's image: minutes on ACA).
   */
  pullDelayMs?: number;
  /** Simulated pull speed, bytes/s (ALC_SIM_PULL_BANDWIDTH; default none). */
  pullBandwidth?: number;
  /** Activating time of a revision that never answers on its target port, ms (ALC_SIM_ACTIVATION_TIMEOUT_MS;
   * default 30 s; Azure about 4 minutes). */
  activationTimeoutMs?: number;
  /** Deprovisioning time of a deactivated revision, ms (ALC_SIM_DEPROVISION_MS; default 0; Azure: tens of s). */
  deprovisionMs?: number;
  /** 'location': long-running writes answer with Location only (ALC_SIM_LRO_STYLE; default 'azure-async-operation'). */
  lroStyle?: 'azure-async-operation' | 'location';
  /**
   * The broker stand-in's live and paper ports, on the Docker network's gateway IP (127.0.0.1 without Docker).
   * Default 7496 / 7497 (what containers dial, ib-gateway:7496) when free, else picked; 0 picks one.
   */
  brokerLivePort?: number;
  brokerPaperPort?: number;
  /** 'sequence': generated revision suffixes 0000001, 0000002... (ALC_SIM_REVISION_SUFFIXES; default 'random'). */
  revisionSuffixes?: 'random' | 'sequence';
}

/** A number option, else the environment variable, else the default. */
function fromEnv(value: number | undefined, name: string, fallback?: number): number | undefined {
  if (value !== undefined) return value;
  const raw = process.env[name];
  return raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : fallback;
}

export interface SimulatorIds {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  githubRequestToken: string;
  adminToken: string;
  /** The Docker runtime's instance id: stable, so a restart after a kill removes the containers it left. */
  runtimeId: string;
}

export interface Simulator {
  endpoints: {
    /** ARM endpoint and Entra authority host (the same HTTPS origin). */
    arm: string;
    authorityHost: string;
    githubTokenUrl: string;
    admin: string;
    /** host:port of the registry (login server), when started. */
    registry?: string;
    /** HTTPS port of the ingress, when started. */
    ingressPort?: number;
    /** The blob service URL, path style `https://<gateway>:<port>/devstoreaccount1`, when storage runs. */
    storage?: string;
    /** IDENTITY_ENDPOINT of the containers (`http://<gateway>:<port>/msi/token`), when revisions run on Docker. */
    managedIdentity?: string;
    /** The Application Insights ingestion host, `https://<gateway>:<port>/` (the components' IngestionEndpoint). */
    insightsIngestion: string;
  };
  /**
   * Where the simulator's services for containers listen (storage, managed identity; the broker's too): the Docker
   * network's gateway IP, which the host and the containers both reach; 127.0.0.1 without Docker.
   */
  gateway: string;
  /** `<storage>/trading/<app>`: the trading-lease prefix URL of an app (throws when storage does not run). */
  tradingLeaseUrl(app: string): string;
  /** Azurite's process, when storage runs. */
  storage?: StorageHandle;
  /** The containers' managed-identity endpoint, when revisions run on Docker. */
  managedIdentity?: ManagedIdentityHandle;
  ids: SimulatorIds;
  /** The containers' label value (`alc-sim.instance`), network and its gateway IP, when revisions run on Docker. */
  docker?: { instanceId: string; network: string; gateway: string };
  domain: string;
  caPath: string;
  ca: string;
  /** What a client needs, as environment variables. */
  env: Record<string, string>;
  /**
   * The repository variables a workflow run against this simulator needs (AZURE_*, ACR_REGISTRY, APP_RESOLVE, and
   * the client id of each seeded app registration under its `var`).
   */
  vars: Record<string, string>;
  /** Fault rules of ARM (the control plane; service 'arm', the default) and of the storage (service 'storage'). */
  faults: {
    add(rule: FaultRule): number;
    remove(id: number): boolean;
    /** Every rule, or one service's. */
    clear(service?: FaultService): void;
    list(service?: FaultService): ReturnType<FaultInjector['list']>;
  };
  routes: RouteTable;
  runtime: Runtime;
  identity: IdentityService;
  /** Every request the ingress served, by revision (the metrics' source). */
  requests: RequestLog;
  /** The broker stand-in (IB Gateway): its ports, order and session logs, the gateway-down switch. */
  broker: Broker;
  /** Application Insights: the components, their connection strings and the telemetry they received. */
  insights: InsightsService;
  /** A hung revision: `docker pause` of its containers (their broker sessions stay open); the ids paused. */
  hangRevision(revisionName: string): Promise<string[]>;
  /** Waits until background operations finished (tests). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const guid = () => randomUUID().toLowerCase();

/** Where every container finds the simulator's CA: Debian's trust store path (openssl, python certifi's fallback). */
export const CONTAINER_CA_PATH = '/etc/ssl/certs/ca-certificates.crt';
/** The broker stand-in's host name in every container (the IB Gateway's, IBKR_HOST's default). */
export const BROKER_HOST = 'ib-gateway';

/** The trading-lease prefix URL of an app in the simulator's storage: `<service>/trading/<app>`. Pure. */
export function tradingLeaseUrl(storageUrl: string, app: string): string {
  return `${storageUrl.replace(/\/+$/, '')}/${TRADING_CONTAINER}/${app}`;
}

/**
 * The identities a Seed sets: the simulator app's credentials (none when the seed lists none: Entra then refuses
 * every assertion with AADSTS70021), the other app registrations, the default job (null: none). Pure.
 */
export function seededIdentities(seed: Seed): Pick<
  IdentityConfig,
  'federatedCredentials' | 'applications'
> & {
  githubJob: IdentityConfig['githubJob'];
} {
  return {
    federatedCredentials: seed.applications.find((a) => !a.clientId)?.federatedCredentials ?? [],
    applications: seed.applications.flatMap((a) =>
      a.clientId
        ? [
            {
              clientId: a.clientId,
              ...(a.var ? { var: a.var } : {}),
              federatedCredentials: a.federatedCredentials,
            },
          ]
        : [],
    ),
    githubJob: seed.githubJob ?? null,
  };
}

/** Ids and secrets of this simulator, created once per state directory. */
function loadIds(stateDir: string): SimulatorIds {
  const path = join(stateDir, 'ids.json');
  const saved = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<SimulatorIds>) : {};
  if (saved.tenantId && saved.runtimeId) return saved as SimulatorIds;
  const ids: SimulatorIds = {
    tenantId: guid(),
    clientId: guid(),
    clientSecret: randomBytes(24).toString('base64url'),
    subscriptionId: guid(),
    githubRequestToken: randomBytes(24).toString('base64url'),
    adminToken: randomBytes(24).toString('base64url'),
    runtimeId: randomBytes(4).toString('hex'),
    ...saved,
  };
  writeFileSync(path, JSON.stringify(ids, null, 2), { mode: 0o600 });
  return ids;
}

/** The control plane's view of the registry: image checks and pull credentials over ACR's protocol. */
function imageCatalog(registry: RegistryHandle, ca: string, identity: IdentityService): ImageCatalog {
  const client = new RegistryClient(registry.server, ca, () =>
    identity.issueAccessToken('https://containerregistry.azure.net'),
  );
  const ours = (server: string) =>
    [registry.server, `localhost:${registry.port}`, `127.0.0.1:${registry.port}`].includes(server);
  return {
    async check(image) {
      const ref = parseImage(image);
      if (!ref) return { exists: false, detail: 'the image reference names no registry' };
      if (!ours(ref.server))
        return {
          exists: false,
          detail: `the registry ${ref.server} cannot be reached from this environment`,
        };
      return client.manifestExists(ref.repository, ref.reference);
    },
    async pullCredentials(image) {
      const ref = parseImage(image);
      if (!ref || !ours(ref.server)) return undefined;
      return { server: ref.server, username: ACR_USER, password: await client.refreshToken() };
    },
  };
}

/** POST /_sim/revisions/<revision>/hang -> {"revision": ..., "paused": [container ids]}. */
function hangRoute(hang: (revisionName: string) => Promise<string[]>): Route {
  return async ({ method, url, res }) => {
    const m = /^\/_sim\/revisions\/([^/]+)\/hang$/.exec(url.pathname);
    if (!m || method !== 'POST') return false;
    const revision = decodeURIComponent(m[1]);
    try {
      sendJson(res, 200, { revision, paused: await hang(revision) });
    } catch (e) {
      if (e instanceof UnknownRevisionError) throw new HttpError(404, e.message);
      throw e;
    }
    return true;
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const stateDir = options.stateDir ?? DEFAULT_STATE_DIR;
  mkdirSync(stateDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  const domain = options.domain ?? DEFAULT_DOMAIN;
  const useDocker = options.docker ?? true;
  const ids = loadIds(stateDir);
  const certs = ensureCertificates(stateDir, [domain]);
  const seed = Array.isArray(options.seed) || !options.seed ? undefined : parseSeed(options.seed);
  const seeded = seed ? seededIdentities(seed) : undefined;
  const identity = new IdentityService(join(stateDir, 'keys'), {
    tenantId: ids.tenantId,
    clientId: ids.clientId,
    clientSecret: ids.clientSecret,
    githubRequestToken: ids.githubRequestToken,
    githubJob: options.githubJob ?? seeded?.githubJob,
    githubClaims: options.githubClaims,
    federatedSubjects: options.federatedSubjects,
    federatedCredentials:
      options.federatedCredentials ?? (options.federatedSubjects ? undefined : seeded?.federatedCredentials),
    applications: options.applications ?? seeded?.applications,
    githubTokenLifetimeSec: options.githubTokenLifetimeSec,
  });
  const faults = new FaultInjector();
  const dockerHost = options.dockerHost ?? process.env.DOCKER_HOST ?? DOCKER_HOST_DEFAULT;
  const runtime: Runtime =
    options.runtime ??
    (useDocker
      ? new DockerRuntime({
          dockerHost,
          instanceId: ids.runtimeId,
          probeTiming: options.probeTiming,
          pullDelayMs: fromEnv(options.pullDelayMs, 'ALC_SIM_PULL_DELAY_MS'),
          pullBandwidth: fromEnv(options.pullBandwidth, 'ALC_SIM_PULL_BANDWIDTH'),
          activationTimeoutMs: fromEnv(options.activationTimeoutMs, 'ALC_SIM_ACTIVATION_TIMEOUT_MS'),
        })
      : new StaticRuntime());

  const stops: Array<() => Promise<void>> = [() => runtime.close()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`stop: ${String(e)}`));
  };
  try {
    let registry: RegistryHandle | undefined;
    if (options.registry ?? true) {
      registry = await startRegistry({
        stateDir: join(stateDir, 'registry'),
        port: options.registryPort ?? 0,
        tls: certs.controlPlane,
        verifier: identity,
      });
      stops.push(() => registry!.stop());
    }
    const audiences: string[] = ['https://management.azure.com', 'https://management.core.windows.net'];
    const metricsTimeGrain = options.metricsTimeGrain ?? process.env.ALC_SIM_METRICS_GRAIN ?? 'PT1M';
    const insights = new InsightsService({
      stateDir,
      subscriptionId: ids.subscriptionId,
      tenantId: ids.tenantId,
      verifier: identity,
      audiences,
      timeGrain: metricsTimeGrain,
    });
    // The simulator's Key Vault holds one secret with a value: the connection string of the first seeded component.
    const keyVaultValue = (name: string, url: string) => {
      const seeded = [...(Array.isArray(options.seed) ? options.seed : []), ...(seed?.environments ?? [])];
      const component = seeded
        .map((s) => s.appInsights && insights.component(s.resourceGroup, s.appInsights))
        .find(Boolean);
      return component && new RegExp(`/secrets/${INSIGHTS_SECRET}(/|$)`, 'i').test(url)
        ? insights.connectionString(component)
        : `simulated-key-vault-value-of-${name}`;
    };
    const arm = new ArmService({
      keyVaultValue,
      subscriptionId: ids.subscriptionId,
      tenantId: ids.tenantId,
      store: new JsonStore<SimState>(stateDir, 'arm.json', emptyState),
      verifier: identity,
      audiences,
      runtime,
      faults,
      domain,
      lroDelayMs: options.lroDelayMs ?? 1000,
      readyTimeoutMs: options.readyTimeoutMs,
      deprovisionMs: fromEnv(options.deprovisionMs, 'ALC_SIM_DEPROVISION_MS'),
      lroStyle:
        options.lroStyle ??
        (process.env.ALC_SIM_LRO_STYLE === 'location' ? 'location' : 'azure-async-operation'),
      revisionSuffixes:
        options.revisionSuffixes ??
        (process.env.ALC_SIM_REVISION_SUFFIXES === 'sequence' ? 'sequence' : 'random'),
      images: registry ? imageCatalog(registry, certs.ca, identity) : undefined,
      log,
    });
    const requests = new RequestLog();
    const store = arm.store;
    const memory =
      runtime instanceof DockerRuntime
        ? new MemorySampler({
            read: () => runtime.memory(),
            limit: (revision) => {
              const rev = Object.values(store.data.revisions).find((r) => r.name === revision);
              const container = (rev?.template as { containers?: Array<{ resources?: { memory?: string } }> })
                ?.containers?.[0];
              return memoryBytes(container?.resources?.memory);
            },
          })
        : undefined;
    if (memory) stops.push(async () => memory.stop());
    const metrics = new MetricsService({
      subscriptionId: ids.subscriptionId,
      tenantId: ids.tenantId,
      verifier: identity,
      audiences,
      store,
      log: requests,
      timeGrain: metricsTimeGrain,
      replicas: runtime instanceof DockerRuntime ? (rev) => runtime.replicas(rev) : undefined,
      memory,
    });
    // The services containers reach: on the Docker network's gateway (the same URL from the host), before any
    // revision runs, so that every container gets them.
    const docker = runtime instanceof DockerRuntime ? runtime : undefined;
    let gateway = '127.0.0.1';
    if (docker) {
      try {
        gateway = await docker.gateway();
      } catch (e) {
        throw new Error(
          `the simulator's services for containers listen on the Docker network's gateway, which is not available: ${e instanceof Error ? e.message : String(e)}`,
          { cause: e },
        );
      }
    }
    const broker = await startBroker({
      host: gateway,
      livePort: options.brokerLivePort,
      paperPort: options.brokerPaperPort,
      log,
    });
    stops.push(() => broker.stop());
    const hangRevision = async (revisionName: string): Promise<string[]> => {
      if (!runtime.hang)
        throw new HttpError(409, 'revisions run no containers here (ARM-only mode): nothing to hang');
      return runtime.hang(revisionName);
    };
    const cp = await startControlPlane({
      port: options.armPort ?? 0,
      tls: certs.controlPlane,
      routes: [identity.route, metrics.route, insights.route, arm.route],
      adminRoutes: [brokerAdminRoute(broker), hangRoute(hangRevision), githubJobsRoute(identity)],
      faults,
      adminToken: ids.adminToken,
      log,
      trace: options.trace,
    });
    stops.push(() => cp.stop());
    stops.push(() => arm.close());
    identity.origin = cp.origin;
    audiences.push(cp.origin, `https://127.0.0.1:${cp.port}`);

    // Application Insights' ingestion host, where containers send telemetry (the components' IngestionEndpoint).
    const ingestion: IngestionHandle = await startIngestion({
      service: insights,
      host: gateway,
      port: options.insightsPort ?? 0,
      tls: ensureStorageCertificate(stateDir, [gateway]),
      log,
    });
    stops.push(() => ingestion.stop());

    let storage: StorageHandle | undefined;
    if (options.storage ?? false) {
      storage = await startStorage({
        dataDir: join(stateDir, 'storage'),
        host: gateway,
        port: options.storagePort ?? 0,
        faults,
        cert: ensureStorageCertificate(stateDir, [gateway]),
        ca: certs.ca,
        token: () => identity.issueAccessToken('https://storage.azure.com'),
        containers: [TRADING_CONTAINER],
        log,
      });
      stops.push(() => storage!.stop());
    }
    let managedIdentity: ManagedIdentityHandle | undefined;
    if (docker) {
      managedIdentity = await startManagedIdentity({
        host: gateway,
        port: options.identityPort ?? 0,
        tenantId: ids.tenantId,
        issue: (resource, clientId) => {
          const accessToken = identity.issueAccessToken(resource, clientId);
          return { accessToken, expiresOn: Number(decodeJwt(accessToken)?.claims.exp) };
        },
        log,
      });
      stops.push(() => managedIdentity!.stop());
      const mi = managedIdentity;
      // What ACA gives every container: its managed identity, and here the simulator's CA as the trust store and
      // the broker stand-in's host name.
      docker.containerContext = (spec, replica) => ({
        env: mi.register({ app: spec.appName, revision: spec.revisionName, replica }),
        mounts: [{ source: certs.caPath, target: CONTAINER_CA_PATH }],
        hosts: { [BROKER_HOST]: gateway },
      });
    }
    for (const g of seed?.resourceGroups ?? []) arm.seedResourceGroup(g.name, g.location);
    for (const e of seed?.environments ?? []) {
      arm.seedEnvironment(e.resourceGroup, e.name, e.location);
      if (e.appInsights) insights.seed(e.resourceGroup, e.appInsights, e.location);
    }
    for (const e of Array.isArray(options.seed) ? options.seed : []) {
      arm.seedEnvironment(e.resourceGroup, e.environment, e.location);
      if (e.appInsights) insights.seed(e.resourceGroup, e.appInsights, e.location);
    }
    arm.resume();

    let ingress: IngressHandle | undefined;
    if (options.ingress ?? useDocker) {
      ingress = await startIngress({
        port: options.ingressPort ?? 0,
        tls: certs.ingress,
        routes: arm.routeTable,
        runtime,
        onServed: (r) => requests.record(r),
      });
      stops.push(() => ingress!.stop(2000));
    }

    const env: Record<string, string> = {
      AZURE_TENANT_ID: ids.tenantId,
      AZURE_CLIENT_ID: ids.clientId,
      AZURE_CLIENT_SECRET: ids.clientSecret,
      AZURE_SUBSCRIPTION_ID: ids.subscriptionId,
      AZURE_AUTHORITY_HOST: cp.origin,
      ALC_SIM_ARM_ENDPOINT: cp.origin,
      ALC_SIM_AUTHORITY_HOST: cp.origin,
      ALC_SIM_DOMAIN: domain,
      ALC_SIM_ADMIN_URL: `${cp.origin}/_sim`,
      ALC_SIM_ADMIN_TOKEN: ids.adminToken,
      ACTIONS_ID_TOKEN_REQUEST_URL: identity.githubTokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ids.githubRequestToken,
      NODE_EXTRA_CA_CERTS: certs.caPath,
      ...(registry ? { ALC_SIM_REGISTRY: registry.server } : {}),
      ...(ingress
        ? {
            ALC_SIM_INGRESS_PORT: String(ingress.port),
            ALC_SIM_RESOLVE: `*.${domain}:443:127.0.0.1:${ingress.port}`,
          }
        : {}),
      ...(useDocker && !options.runtime ? { DOCKER_HOST: dockerHost } : {}),
      ALC_SIM_GATEWAY: gateway,
      ...(storage ? { ALC_SIM_STORAGE: storage.url } : {}),
      ALC_SIM_BROKER_LIVE: `${broker.host}:${broker.livePort}`,
      ALC_SIM_BROKER_PAPER: `${broker.host}:${broker.paperPort}`,
      ALC_SIM_INSIGHTS_INGESTION: ingestion.endpoint,
    };
    const vars: Record<string, string> = {
      AZURE_TENANT_ID: ids.tenantId,
      AZURE_SUBSCRIPTION_ID: ids.subscriptionId,
      AZURE_CLIENT_ID: ids.clientId,
      AZURE_CLOUD: 'Custom',
      AZURE_ARM_ENDPOINT: cp.origin,
      AZURE_AUTHORITY_HOST: cp.origin,
      ...(registry ? { ACR_REGISTRY: registry.server } : {}),
      ...(ingress ? { APP_RESOLVE: env.ALC_SIM_RESOLVE } : {}),
      ...Object.fromEntries(identity.applications.flatMap((a) => (a.var ? [[a.var, a.clientId]] : []))),
    };
    return {
      endpoints: {
        arm: cp.origin,
        authorityHost: cp.origin,
        githubTokenUrl: identity.githubTokenRequestUrl,
        admin: `${cp.origin}/_sim`,
        registry: registry?.server,
        ingressPort: ingress?.port,
        storage: storage?.url,
        managedIdentity: managedIdentity?.endpoint,
        insightsIngestion: ingestion.endpoint,
      },
      gateway,
      tradingLeaseUrl(app: string) {
        if (!storage) throw new Error('the simulator runs no storage (start it with storage: true)');
        return tradingLeaseUrl(storage.url, app);
      },
      storage,
      managedIdentity,
      ids,
      ...(docker ? { docker: { instanceId: docker.instanceId, network: docker.network, gateway } } : {}),
      domain,
      caPath: certs.caPath,
      ca: certs.ca,
      env,
      vars,
      faults: {
        add: (rule) => faults.add(rule),
        remove: (id) => faults.remove(id),
        clear: (service) => faults.clear(service),
        list: (service) => faults.list(service),
      },
      routes: arm.routeTable,
      runtime,
      identity,
      requests,
      broker,
      insights,
      hangRevision,
      settle: () => arm.settle(),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
