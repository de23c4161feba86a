// What the simulator's control-plane tests share: a simulator in ARM-only mode (no containers) with its
// real registry, the real SDK clients over HTTPS trusting the simulator's CA, a tiny image pushed
// through the ACR facade over HTTP, and raw ARM requests for header-level checks.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerApp, ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/index.js';
import { httpsRequest, type HttpAnswer } from '../../sim/http.js';
import { RegistryClient } from '../../src/registry/client.js';
import { fetchWithCa } from './build-push.js';
import { simAzure, simGithubToken } from './sim-azure.js';

export const RG = 'alc-algo-production';
export const ENV = 'alc-algo-env';
export const API = '2026-07-01';

export interface ControlPlaneSim {
  sim: Simulator;
  stateDir: string;
  client: ContainerAppsAPIClient;
  envId: string;
  /** `<registry>/alc-algo:<tag>` of images the registry holds. */
  image(tag: string): string;
  push(repo: string, tag: string): Promise<string>;
  /** A release pushed and its version tag locked, as build-push leaves it: registry/repo@sha256:... */
  pushRelease(repo: string, version: string): Promise<string>;
  /** A raw ARM request with a valid token (unless `token` is given). */
  arm(method: string, path: string, o?: { body?: unknown; token?: string | null }): Promise<HttpAnswer>;
  assertion(audience?: string): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The GitHub OIDC token a workflow job gets (ACTIONS_ID_TOKEN_REQUEST_URL contract). */
export const githubToken = (sim: Simulator, audience?: string): Promise<string> =>
  simGithubToken(sim.env, sim.ca, audience);

/** The Container Apps client an action builds for the simulator (OIDC), with quick retries and `policies`. */
export function sdkClient(sim: Simulator, policies: PipelinePolicy[] = []): ContainerAppsAPIClient {
  return simAzure(sim.env, sim.ca, {
    clientOptions: {
      retryOptions: { retryDelayInMs: 20, maxRetryDelayInMs: 200 },
      additionalPolicies: policies.map((policy) => ({ policy, position: 'perRetry' as const })),
    },
  }).client;
}

const sha = (data: string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

/** Pushes a minimal OCI image (a config, no layers) through the ACR facade's token auth. */
async function pushImage(sim: Simulator, repo: string, tag: string): Promise<string> {
  const server = sim.endpoints.registry as string;
  const base = `https://${server}`;
  const form = (fields: Record<string, string>) => ({
    ca: sim.ca,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const aad = sim.identity.issueAccessToken('https://containerregistry.azure.net');
  const ex = await httpsRequest(
    `${base}/oauth2/exchange`,
    form({ grant_type: 'access_token', service: server, access_token: aad }),
  );
  const refresh = (JSON.parse(ex.body) as { refresh_token: string }).refresh_token;
  const tok = await httpsRequest(
    `${base}/oauth2/token`,
    form({
      grant_type: 'refresh_token',
      service: server,
      scope: `repository:${repo}:pull,push`,
      refresh_token: refresh,
    }),
  );
  const headers = {
    authorization: `Bearer ${(JSON.parse(tok.body) as { access_token: string }).access_token}`,
  };
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [] },
    config: { Env: [`TAG=${tag}`] },
  });
  const start = await httpsRequest(`${base}/v2/${repo}/blobs/uploads/`, {
    ca: sim.ca,
    method: 'POST',
    headers,
  });
  const location = String(start.headers.location);
  const upload = new URL(location, base);
  upload.searchParams.set('digest', sha(config));
  const put = await httpsRequest(upload.toString(), {
    ca: sim.ca,
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: config,
  });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${put.body}`);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha(config),
      size: Buffer.byteLength(config),
    },
    layers: [],
  });
  const m = await httpsRequest(`${base}/v2/${repo}/manifests/${tag}`, {
    ca: sim.ca,
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
    body: manifest,
  });
  if (m.status !== 201) throw new Error(`manifest: ${m.status} ${m.body}`);
  return `${server}/${repo}:${tag}`;
}

/**
 * A release as build-push leaves it: a minimal image pushed under its version tag, the tag locked
 * (writeEnabled=false). Returns the image by digest, registry/repo@sha256:...
 */
async function pushRelease(sim: Simulator, repo: string, version: string): Promise<string> {
  await pushImage(sim, repo, version);
  const client = new RegistryClient(sim.endpoints.registry!, undefined, {
    fetch: fetchWithCa(sim.ca),
    scheme: 'https',
  });
  await client.exchangeAadToken(sim.identity.issueAccessToken('https://containerregistry.azure.net'));
  const digest = await client.digestOf(repo, version);
  if (!digest) throw new Error(`${repo}:${version} was not pushed`);
  await client.setTagAttributes(repo, version, { writeEnabled: false, deleteEnabled: true });
  return `${sim.endpoints.registry}/${repo}@${digest}`;
}

export async function startControlPlaneSim(o: SimulatorOptions = {}): Promise<ControlPlaneSim> {
  const stateDir = mkdtempSync(join(tmpdir(), 'alc-cp-sim-'));
  const options: SimulatorOptions = {
    stateDir,
    docker: false,
    lroDelayMs: 50,
    seed: [{ resourceGroup: RG, environment: ENV, location: 'eastus' }],
    ...o,
  };
  let sim = await startSimulator(options);
  const self: ControlPlaneSim = {
    sim,
    stateDir,
    client: sdkClient(sim),
    envId: `/subscriptions/${sim.ids.subscriptionId}/resourceGroups/${RG}/providers/Microsoft.App/managedEnvironments/${ENV}`,
    image: (tag) => `${sim.endpoints.registry}/alc-algo:${tag}`,
    push: (repo, tag) => pushImage(sim, repo, tag),
    pushRelease: (repo, version) => pushRelease(sim, repo, version),
    async arm(method, path, { body, token } = {}) {
      const bearer = token === undefined ? sim.identity.issueAccessToken(sim.endpoints.arm) : token;
      const sep = path.includes('?') ? '&' : '?';
      return httpsRequest(
        `${sim.endpoints.arm}${path}${path.includes('api-version') ? '' : `${sep}api-version=${API}`}`,
        {
          ca: sim.ca,
          method,
          headers: {
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
      );
    },
    assertion: (audience) => githubToken(sim, audience),
    async restart() {
      await sim.stop();
      sim = await startSimulator(options);
      Object.assign(self, { sim, client: sdkClient(sim) });
    },
    async stop() {
      await sim.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
  return self;
}

export const appPath = (sub: string, app: string) =>
  `/subscriptions/${sub}/resourceGroups/${RG}/providers/Microsoft.App/containerApps/${app}`;

/** A container app as the pipeline writes it: Multiple mode, ingress on 8080, one container. */
export function appSpec(
  envId: string,
  image: string,
  o: { suffix?: string; traffic?: unknown[]; mode?: string; cpu?: number; memory?: string } = {},
): ContainerApp {
  return {
    location: 'eastus',
    managedEnvironmentId: envId,
    configuration: {
      activeRevisionsMode: o.mode ?? 'Multiple',
      ingress: { external: true, targetPort: 8080, ...(o.traffic ? { traffic: o.traffic } : {}) },
    },
    template: {
      ...(o.suffix ? { revisionSuffix: o.suffix } : {}),
      containers: [{ name: 'app', image, resources: { cpu: o.cpu ?? 0.5, memory: o.memory ?? '1Gi' } }],
    },
  } as ContainerApp;
}
