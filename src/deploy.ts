// deploy-app's core: settings (every input checked before any write), pure decisions (the template of the new
// revision, the body of a new app, the registry rule, the outputs), and the deploy itself:
//
//   1. read the app (absent: create it from the spec, traffic on latestRevision, as ACA does by default);
//   2. compute the traffic plan (candidate slot or label at weight 0) BEFORE any write, so a bad state fails clean;
//   3. new revision = the live template with only the image, the suffix and the env-vars changed (PATCH of the
//      template: configuration, secrets, registries, probes and scale stay exactly as they are);
//   4. wait Provisioned + Running + Healthy (wait-timeout) and prove it with a request to the revision URL;
//      a revision that fails is deactivated and never gets a label or weight;
//   5. write the whole traffic list once (read back), then deactivate revisions left with no label and no weight.
//
// Every step converges when re-run: an existing revision with the same image is reused, a traffic list that
// already matches is not written again.
import { readFileSync, existsSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { ContainerApp, EnvironmentVar, RegistryCredentials, Template } from '@azure/arm-appcontainers';
import {
  describeRevisionState,
  environmentIdOf,
  RevisionFailedError,
  sameTraffic,
  trafficOf,
  type Aca,
} from './aca.js';
import type { AzureSettings } from './azure.js';
import { readAzureSettings } from './azure.js';
import { guardPreview, previewEnv } from './guards.js';
import {
  InputError,
  parseChoice,
  parseDuration,
  parseKeyValues,
  parseResolve,
  required,
  type InputSource,
  type ResolveEntry,
} from './inputs.js';
import {
  appUrl,
  labelUrl,
  previewLabel,
  revisionName,
  revisionUrl,
  suffixForPullRequest,
  suffixFromVersion,
  validateAppName,
  validateLabel,
  validateSuffix,
} from './naming.js';
import { isDigest, parseImageRef, type ImageRef } from './registry.js';
import {
  parseSpec,
  SpecError,
  specEnvironment,
  withAppName,
  withEnv,
  withEnvironmentId,
  withImage,
  withRevisionSuffix,
  withTraffic,
  mergeEnv,
  type AppSpec,
} from './spec.js';
import {
  isSlotLabel,
  planDeploy,
  planPreviewAdd,
  slots,
  unlabelledIdle,
  type TrafficEntry,
} from './traffic.js';
import { describeReady, waitReady } from './smoke/index.js';
import { classifyRef, type GitContext } from './versions.js';

export const MODES = ['production', 'preview'] as const;
export type Mode = (typeof MODES)[number];

export const DEFAULT_SPEC = 'deploy/containerapp.yaml';
export const DEFAULT_PREVIEW_SPEC = 'deploy/containerapp.preview.yaml';
export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;

export interface DeploySettings {
  azure: AzureSettings;
  resourceGroup: string;
  mode: Mode;
  /** The spec deployed (the preview spec in preview mode), already named `app` and guarded. */
  spec: AppSpec;
  specFile: string;
  app: string;
  image: string;
  imageRef: ImageRef;
  /** The environment input, else the spec's (name or resource ID). */
  environment: string;
  location?: string;
  suffix: string;
  revision: string;
  /** Production: the given slot label or undefined (the candidate slot). Preview: pr-<N>. */
  label?: string;
  prNumber?: number;
  envVars: EnvironmentVar[];
  /** Preview: what the guards forced (`IBKR_PORT: 7496 -> 7497`), for the summary. */
  forced: string[];
  waitTimeoutMs: number;
  resolve: ResolveEntry[];
  caFile?: string;
}

export interface SettingsDeps {
  env?: NodeJS.ProcessEnv;
  git?: GitContext;
  readFile?: (path: string) => string;
  fileExists?: (path: string) => boolean;
}

const IMAGE_ALLOWED =
  'allowed: an image by digest, registry/repository@sha256:<64 hex digits> (as build-push outputs it); deploys never use a mutable tag';

export function parseImage(name: string, raw: string): { image: string; ref: ImageRef } {
  const v = required(name, raw, `required: ${IMAGE_ALLOWED.slice('allowed: '.length)}`);
  const ref = parseImageRef(v);
  const hostGiven = v.split('/')[0] === ref.registry;
  if (!ref.digest || !isDigest(ref.digest) || !hostGiven || /\s/.test(v))
    throw new InputError(name, raw, IMAGE_ALLOWED);
  return { image: v, ref };
}

function loadSpecFile(input: string, file: string, d: Required<Omit<SettingsDeps, 'git'>>): AppSpec {
  const path = resolvePath(d.env.GITHUB_WORKSPACE ?? '.', file);
  if (!d.fileExists(path))
    throw new InputError(input, file, 'allowed: the path of an existing app spec (ACA YAML)');
  try {
    return parseSpec(d.readFile(path), file);
  } catch (error) {
    if (error instanceof SpecError)
      throw new InputError(input, file, `allowed: a valid app spec; ${error.message}`);
    throw error;
  }
}

/** Pull request number: from the label input `pr-<N>`, else from the workflow run. */
function prNumberOf(label: string, git?: GitContext): number {
  const m = /^pr-([1-9]\d*)$/.exec(label);
  if (m) return Number(m[1]);
  if (label !== '')
    throw new InputError('label', label, 'allowed in mode preview: pr-<N>, the pull request number');
  const ref = git ? classifyRef(git) : undefined;
  if (ref?.kind === 'pull') return ref.number;
  throw new InputError('label', '', 'required in mode preview outside a pull request run: pr-<N>');
}

function defaultSuffix(mode: Mode, prNumber: number | undefined, git?: GitContext): string {
  const ref = git ? classifyRef(git) : undefined;
  if (mode === 'preview' && ref?.kind === 'pull' && ref.number === prNumber) {
    return suffixForPullRequest(ref.number, ref.headSha);
  }
  if (mode === 'production' && ref?.kind === 'tag' && ref.semver) return suffixFromVersion(ref.name);
  throw new InputError(
    'revision-suffix',
    '',
    mode === 'preview'
      ? 'required unless the run is for the pull request itself (its head commit gives pr-<N>-<sha7>)'
      : 'required unless the run is for a release tag (refs/tags/v1.2.3 gives v1-2-3)',
  );
}

/** Reads and checks every deploy-app input; throws InputError (or GuardError) before anything is written. */
export function readDeploySettings(get: InputSource, deps: SettingsDeps = {}): DeploySettings {
  const d = {
    env: deps.env ?? process.env,
    readFile: deps.readFile ?? ((p: string) => readFileSync(p, 'utf8')),
    fileExists: deps.fileExists ?? existsSync,
  };
  const mode = parseChoice('mode', get('mode'), MODES, 'production');
  const azure = readAzureSettings(get);
  const resourceGroup = required(
    'resource-group',
    get('resource-group'),
    'required: the resource group of the app',
  );
  if (!/^[-\w.()]{1,90}$/.test(resourceGroup) || resourceGroup.endsWith('.')) {
    throw new InputError(
      'resource-group',
      resourceGroup,
      'allowed: 1 to 90 letters, digits, _ - . ( ), not ending in .',
    );
  }
  const { image, ref: imageRef } = parseImage('image', get('image'));
  const productionFile = get('spec') || DEFAULT_SPEC;
  const production = loadSpecFile('spec', productionFile, d);
  const specFile = mode === 'preview' ? get('preview-spec') || DEFAULT_PREVIEW_SPEC : productionFile;
  let spec = mode === 'preview' ? loadSpecFile('preview-spec', specFile, d) : production;
  const app = validateAppName('app', get('app') || spec.name);
  spec = withAppName(spec, app);
  const envVars = parseKeyValues('env-vars', get('env-vars'));
  const labelRaw = get('label');
  let label: string | undefined;
  let prNumber: number | undefined;
  let forced: string[] = [];
  if (mode === 'preview') {
    prNumber = prNumberOf(labelRaw, deps.git);
    label = previewLabel(prNumber);
    const guarded = guardPreview(spec, {
      targetApp: app,
      specFile,
      productionApp: production.name,
      productionFile,
      envVars,
      envInput: 'env-vars',
    });
    spec = guarded.spec;
    forced = guarded.forced;
  } else if (labelRaw !== '') {
    label = validateLabel('label', labelRaw, app);
    if (!isSlotLabel(label))
      throw new InputError('label', labelRaw, 'allowed in mode production: blue or green');
  }
  const suffixRaw = get('revision-suffix');
  const suffix = validateSuffix('revision-suffix', suffixRaw || defaultSuffix(mode, prNumber, deps.git), app);
  const environment = get('environment') || specEnvironment(spec).id || specEnvironment(spec).name;
  const location = get('location') || spec.location || undefined;
  const caRaw = get('ca-file');
  const caFile = caRaw === '' ? undefined : resolvePath(d.env.GITHUB_WORKSPACE ?? '.', caRaw);
  if (caFile && !d.fileExists(caFile))
    throw new InputError('ca-file', caRaw, 'allowed: the path of an existing PEM file');
  return {
    azure,
    resourceGroup,
    mode,
    spec,
    specFile,
    app,
    image,
    imageRef,
    environment,
    location,
    suffix,
    revision: revisionName(app, suffix),
    label,
    prNumber,
    envVars,
    forced,
    waitTimeoutMs: parseDuration('wait-timeout', get('wait-timeout'), DEFAULT_WAIT_TIMEOUT_MS, {
      allowZero: false,
    }),
    resolve: parseResolve('resolve', get('resolve')),
    caFile,
  };
}

// ---- pure decisions ----

/** The image a revision's app container runs (the first container). */
export function imageOf(template: Template | undefined): string | undefined {
  return template?.containers?.[0]?.image;
}

/** Registry host of an image reference, lower-case. */
export function registryOf(image: string): string {
  return parseImageRef(image).registry;
}

/**
 * The registry rule. A new app: the spec's one registry entry follows the image's registry (same identity), so
 * a spec naming alcalgoregistry.azurecr.io deploys an image from another registry (a mirror, the simulator)
 * without editing the file. An existing app: the image's registry must be one the app already pulls from;
 * its configuration is never changed by a deploy.
 */
export function registriesFor(
  image: string,
  registries: readonly RegistryCredentials[] | undefined,
): RegistryCredentials[] | undefined {
  const server = registryOf(image);
  const list = registries ?? [];
  if (list.length === 0 || list.some((r) => r.server?.toLowerCase() === server))
    return list.map((r) => ({ ...r }));
  if (list.length === 1) return [{ ...list[0], server }];
  return undefined;
}

/** Throws (InputError on `image`) unless the existing app pulls from the image's registry. */
export function assertRegistry(image: string, app: ContainerApp): void {
  const servers = (app.configuration?.registries ?? []).map((r) => r.server?.toLowerCase());
  if (servers.length > 0 && !servers.includes(registryOf(image))) {
    throw new InputError(
      'image',
      image,
      `allowed: an image from a registry app ${app.name} pulls from (${servers.join(', ')}); a deploy never changes the app's registries`,
    );
  }
}

/** The body of a new app: the spec with the image, suffix, env-vars, environment and registry, traffic on latest. */
export function createBody(
  s: Pick<DeploySettings, 'spec' | 'image' | 'suffix' | 'envVars' | 'mode' | 'location'>,
  environmentId: string,
  fallbackLocation?: string,
): ContainerApp {
  let spec = withRevisionSuffix(withImage(s.spec, s.image), s.suffix);
  if (s.mode === 'production') spec = withEnv(spec, s.envVars);
  spec = withTraffic(withEnvironmentId(spec, environmentId), [{ latestRevision: true, weight: 100 }]);
  const registries = registriesFor(s.image, spec.configuration?.registries);
  if (!registries) {
    throw new InputError(
      'image',
      s.image,
      `allowed: an image from a registry the spec names (${(spec.configuration?.registries ?? []).map((r) => r.server).join(', ')})`,
    );
  }
  const { name: _name, resourceGroup: _rg, ...body } = spec;
  void _name;
  void _rg;
  return {
    ...body,
    location: s.location ?? fallbackLocation ?? body.location,
    configuration: { ...body.configuration, registries },
  };
}

/**
 * The template of the new revision: the live template (env vars, secret references, probes, scale rules kept
 * exactly) with the app container's image, the suffix and the extra env vars. Preview forces its env again.
 */
export function revisionTemplate(
  live: Template,
  o: { image: string; suffix: string; envVars: readonly EnvironmentVar[]; mode: Mode; liveSource: string },
): { template: Template; forced: string[] } {
  const template = structuredClone(live);
  const first = template.containers?.[0];
  if (!first) throw new Error('The live app has no container to deploy the image into');
  first.image = o.image;
  let forced: string[] = [];
  if (o.mode === 'preview') {
    const result = previewEnv(
      first.env ?? [],
      { file: o.liveSource, path: 'template.containers[0].env' },
      o.envVars,
    );
    first.env = result.env;
    forced = result.forced;
  } else if (o.envVars.length > 0) {
    first.env = mergeEnv(first.env ?? [], o.envVars);
  }
  template.revisionSuffix = o.suffix;
  return { template, forced };
}

/**
 * Traffic after the deploy: production, the candidate slot (or label) at 0; preview, pr-<N>. A revision that
 * already carries a label (a re-run, even after it was promoted) keeps the list as it is.
 */
export function planDeployTraffic(
  traffic: readonly TrafficEntry[],
  s: Pick<DeploySettings, 'mode' | 'revision' | 'label' | 'prNumber'>,
): TrafficEntry[] {
  const wanted = s.mode === 'preview' ? previewLabel(s.prNumber!) : s.label;
  const has = traffic.find((e) => e.revisionName === s.revision && e.label !== undefined);
  if (has && (wanted === undefined || has.label === wanted)) return traffic.map((e) => ({ ...e }));
  return s.mode === 'preview'
    ? planPreviewAdd(traffic, s.prNumber!, s.revision)
    : planDeploy(traffic, s.revision, s.label);
}

/** The revision carrying production traffic: the slot at 100, else the revision with the most weight. */
export function productionRevisionOf(
  traffic: readonly TrafficEntry[],
  latestRevisionName?: string,
): string | undefined {
  try {
    const s = slots(traffic);
    if (s) return s.productionRevision;
  } catch {
    // split traffic: fall through to the heaviest entry
  }
  const top = [...traffic].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0))[0];
  if (!top || (top.weight ?? 0) === 0) return undefined;
  return top.latestRevision ? latestRevisionName : top.revisionName;
}

/** The path the readiness proof requests: the revision's readiness probe, else `/`. */
export function readinessPath(template: Template | undefined): string {
  const probe = template?.containers?.[0]?.probes?.find((p) => p.type?.toLowerCase() === 'readiness');
  return probe?.httpGet?.path ?? '/';
}

/** The workflow run as the runner describes it (GITHUB_* variables and the event payload). */
export function gitContextFromEnv(env: NodeJS.ProcessEnv, readFile: (path: string) => string): GitContext {
  let pr: { number?: unknown; head?: { sha?: unknown } } | undefined;
  try {
    const payload = env.GITHUB_EVENT_PATH
      ? (JSON.parse(readFile(env.GITHUB_EVENT_PATH)) as Record<string, unknown>)
      : {};
    pr = payload.pull_request as typeof pr;
  } catch {
    pr = undefined;
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    prNumber: typeof pr?.number === 'number' ? pr.number : undefined,
    prHeadSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : undefined,
  };
}

/** The readiness proof over the smoke-test core: polls the URL until 2xx or the deadline. */
export function proveServing(log: (line: string) => void = () => undefined): DeployDeps['prove'] {
  return async (req) => {
    const r = await waitReady(
      {
        url: req.url,
        resolve: req.resolve,
        caFile: req.caFile,
        deadlineMs: req.deadlineMs,
        timeoutMs: 10_000,
      },
      { log },
    );
    if (!r.ready) throw new Error(`${req.url.href} is ${describeReady(r)}`);
    return `${req.url.href} ${describeReady(r)}`;
  };
}

// ---- the deploy ----

export interface DeployResult {
  app: string;
  revision: string;
  label: string;
  labelUrl: string;
  revisionUrl: string;
  appUrl: string;
  productionRevision?: string;
  created: boolean;
  /** The revision existed already with this image (a re-run). */
  reused: boolean;
  image: string;
  trafficBefore: TrafficEntry[];
  trafficAfter: TrafficEntry[];
  deactivated: string[];
  forced: string[];
  /** What the readiness proof saw. */
  proof: string;
}

export interface ProofRequest {
  url: URL;
  deadlineMs: number;
  resolve: readonly ResolveEntry[];
  caFile?: string;
}

export interface DeployDeps {
  aca: Aca;
  /** Requests the URL until it answers 2xx or the deadline; resolves to what it saw, rejects when never ready. */
  prove: (req: ProofRequest) => Promise<string>;
  log?: (line: string) => void;
  now?: () => number;
}

/** Deactivates a revision that failed, so it holds no replicas; a failure to do so is logged, not thrown. */
async function retire(deps: DeployDeps, app: string, revision: string): Promise<void> {
  try {
    await deps.aca.deactivate(app, revision);
  } catch (error) {
    deps.log?.(`could not deactivate ${revision}: ${(error as Error).message}`);
  }
}

/** Revisions with no label and no weight, active, other than `keep`: deactivated so the active set stays small. */
export async function deactivateIdle(
  aca: Aca,
  app: ContainerApp & { name: string },
  traffic: readonly TrafficEntry[],
  keep: readonly string[] = [],
): Promise<string[]> {
  const active = (await aca.listRevisions(app.name)).filter((r) => r.active !== false).map((r) => r.name);
  const idle = unlabelledIdle(traffic, active, app.latestRevisionName).filter((r) => !keep.includes(r));
  for (const r of idle) await aca.deactivate(app.name, r);
  return idle;
}

/**
 * After a revision failed (its write, its states, or its URL): deactivate it unless it carries weight, and
 * build the error with its provisioning error and states.
 */
async function failedRevision(deps: DeployDeps, s: DeploySettings, error: unknown): Promise<Error> {
  const { aca } = deps;
  const app = await aca.getApp(s.app).catch(() => undefined);
  const state = await aca.getRevision(s.app, s.revision).catch(() => undefined);
  const carries = trafficOf(app ?? ({} as ContainerApp)).some(
    (e) => e.revisionName === s.revision && (e.weight ?? 0) > 0,
  );
  if (state && state.active !== false && !carries) await retire(deps, s.app, s.revision);
  const why =
    error instanceof RevisionFailedError
      ? error.message
      : state
        ? `Revision ${s.revision} failed (${describeRevisionState(state)}): ${(error as Error).message}`
        : `Revision ${s.revision} could not be created: ${(error as Error).message}`;
  const after = carries ? '' : state ? ' and was deactivated' : '';
  return new Error(`${why}; it received no traffic${after}`, { cause: error });
}

export async function deployApp(s: DeploySettings, deps: DeployDeps): Promise<DeployResult> {
  const { aca } = deps;
  const log = deps.log ?? (() => undefined);
  const now = deps.now ?? Date.now;
  const deadline = now() + s.waitTimeoutMs;
  let app = await aca.getApp(s.app);
  const created = !app;
  let reused = false;
  let forced = s.forced;
  let domain: string;
  let trafficBefore: TrafficEntry[] = [];
  /** The write that makes the revision exist (and run); undefined when it exists and is active. */
  let write: (() => Promise<ContainerApp | undefined>) | undefined;

  if (!app) {
    const env = await aca.getEnvironment(s.environment);
    domain = env.defaultDomain;
    const body = createBody(s, env.id, env.location);
    write = () => {
      log(`creating app ${s.app} in ${env.name} with revision ${s.revision}`);
      return aca.putApp(s.app, body);
    };
  } else {
    const mode = app.configuration?.activeRevisionsMode ?? 'Single';
    if (mode.toLowerCase() !== 'multiple') {
      throw new Error(
        `App ${s.app} runs in ${mode} revisions mode; blue-green needs Multiple (set configuration.activeRevisionsMode: Multiple)`,
      );
    }
    assertRegistry(s.image, app);
    trafficBefore = trafficOf(app);
    planDeployTraffic(trafficBefore, s); // refuses a state the model cannot handle, before any write
    const envId = environmentIdOf(app);
    if (!envId) throw new Error(`App ${s.app} names no managed environment`);
    domain = (await aca.getEnvironment(envId)).defaultDomain;
    const revision = await aca.getRevision(s.app, s.revision);
    if (revision) {
      const running = imageOf(revision.template);
      if (running !== s.image) {
        throw new InputError(
          'revision-suffix',
          s.suffix,
          `allowed: a suffix not yet used, or the same image: ${s.revision} exists and runs ${running}, not ${s.image}`,
        );
      }
      reused = true;
      log(`${s.revision} exists with this image: converging on it`);
      if (revision.active === false) write = () => aca.activate(s.app, s.revision).then(() => undefined);
    } else {
      if (!app.template) throw new Error(`App ${s.app} has no template to build the new revision from`);
      const next = revisionTemplate(app.template, {
        image: s.image,
        suffix: s.suffix,
        envVars: s.envVars,
        mode: s.mode,
        liveSource: `app ${s.app}`,
      });
      forced = s.mode === 'preview' ? next.forced : forced;
      const live = { ...app, name: s.app };
      write = () => aca.patchTemplate(live, next.template);
    }
  }

  let proof: string;
  try {
    const written = write ? await write() : undefined;
    app = written ?? app;
    const ready = await aca.waitReady(s.app, s.revision, deadline);
    const url = new URL(readinessPath(ready.template), revisionUrl(s.app, s.revision, domain));
    proof = await deps.prove({
      url,
      deadlineMs: Math.max(1000, deadline - now()),
      resolve: s.resolve,
      caFile: s.caFile,
    });
  } catch (error) {
    throw await failedRevision(deps, s, error);
  }
  const named = { ...app!, name: s.app };
  log(`${s.revision} serves: ${proof}`);

  const current = trafficOf((await aca.getApp(s.app)) ?? named);
  if (created) trafficBefore = current;
  const planned = planDeployTraffic(current, s);
  const trafficAfter = sameTraffic(planned, current) ? current : await aca.writeTraffic(named, planned);
  const latest = await aca.getApp(s.app);
  const deactivated = await deactivateIdle(aca, { ...(latest ?? named), name: s.app }, trafficAfter, [
    s.revision,
  ]);
  const label =
    trafficAfter.find((e) => e.revisionName === s.revision && e.label)?.label ?? s.label ?? 'blue';
  return {
    app: s.app,
    revision: s.revision,
    label,
    labelUrl: labelUrl(s.app, label, domain),
    revisionUrl: revisionUrl(s.app, s.revision, domain),
    appUrl: appUrl(s.app, domain),
    productionRevision: productionRevisionOf(trafficAfter, latest?.latestRevisionName),
    created,
    reused,
    image: s.image,
    trafficBefore,
    trafficAfter,
    deactivated,
    forced,
    proof,
  };
}
