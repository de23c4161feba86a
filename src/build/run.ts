// build-push's core: log in, build, push with a bounded retry, read the digest back from the
// registry, then prune old releases. Every outside effect comes through BuildPushDeps.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { createContainerAppsClient, createCredential } from '../azure/connection.js';
import { ACR_SCOPE, tokenHostProblem } from '../registry/reference.js';
import {
  ACR_TOKEN_USER,
  type FetchFn,
  type PlatformSize,
  RegistryClient,
  RegistryError,
} from '../registry/client.js';
import { planRetention, type RepositoryImage, type RetentionPlan } from '../registry/retention.js';
import { type Clock, retry, type RetryPolicy, systemClock } from '../core/retry.js';
import { versionTags } from '../registry/version-image.js';
import { builtSha, classifyRef, isReleaseBuild } from '../core/versions.js';
import { imageCreated } from './created.js';
import { readDockerCredentials } from './credentials.js';
import { type BuilderInfo, check, detectBuilder, type DockerCli, DockerError } from './docker.js';
import {
  type BuildPlan,
  buildxArgs,
  cacheRef,
  canExportCache,
  CLASSIC_ENV,
  classicArgs,
  isTransientFailure,
  ociLabels,
  PUSH_RETRY,
  tagRefs,
} from './plan.js';
import { type BuildPushSettings, checkBuilder, oidcRegistryError } from './settings.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  setSecret(secret: string): void;
}

export interface RunningImage {
  revision: string;
  image: string;
}

export interface BuildPushDeps {
  docker: DockerCli;
  log: Logger;
  /** Entra credential for auth oidc and for reading revisions (default: from the Azure inputs). */
  credential?: TokenCredential;
  /** Images the active revisions of the app run (default: the Container Apps API). */
  listRunningImages?: (app: { resourceGroup: string; name: string }) => Promise<RunningImage[]>;
  fetch?: FetchFn;
  /** The image's created time (default: SOURCE_DATE_EPOCH, else the commit's time, else now). */
  created?: () => Date;
  /** The push retry's attempts and delays (default PUSH_RETRY). */
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
}

export type RetentionReport =
  /** `warning`: retention was due and did not run, to delete nothing it could not prove unused. */
  | { ran: false; reason: string; warning?: boolean }
  | {
      ran: true;
      keep: number;
      plan: RetentionPlan;
      deleted: RepositoryImage[];
      failed: Array<{ image: RepositoryImage; error: string }>;
    };

export interface BuildPushResult {
  builder: 'buildx' | 'docker';
  pushed: boolean;
  /** registry/repository@sha256:..., '' when not pushed. */
  image: string;
  digest: string;
  /** Full references, registry/repository:tag. */
  refs: string[];
  version: string;
  sizes: PlatformSize[];
  /** Size of the local image (uncompressed) when it was not pushed. */
  localBytes?: number;
  buildMs: number;
  pushMs: number;
  cache: string;
  /** Release tags made immutable (ACR writeEnabled=false). */
  locked?: string[];
  retention: RetentionReport;
}

function transient(error: unknown): boolean {
  return error instanceof DockerError && isTransientFailure(`${error.result.stderr}\n${error.result.stdout}`);
}

/** Logs in as the run's auth asks; returns a client for the registry API and whether docker was logged in. */
async function authenticate(
  settings: BuildPushSettings,
  deps: BuildPushDeps,
): Promise<{ client: RegistryClient; loggedIn: boolean }> {
  const options = { fetch: deps.fetch };
  if (settings.auth === 'none')
    return { client: new RegistryClient(settings.registry, { kind: 'anonymous' }, options), loggedIn: false };
  if (settings.auth === 'docker-config') {
    const credentials = await readDockerCredentials(settings.registry, process.env, (secret) =>
      deps.log.setSecret(secret),
    );
    return { client: new RegistryClient(settings.registry, credentials, options), loggedIn: false };
  }
  const azure = settings.azure!;
  const credential = deps.credential ?? createCredential(azure);
  const problem = tokenHostProblem(settings.registry, azure.cloud);
  if (problem) throw oidcRegistryError(settings.registry, problem);
  const token = await credential.getToken(ACR_SCOPE);
  if (!token) throw new RegistryError('No Entra access token for the registry token exchange');
  deps.log.setSecret(token.token);
  const client = new RegistryClient(settings.registry, { kind: 'anonymous' }, options);
  const refreshToken = await client.exchangeAadToken(token.token, azure.tenantId);
  deps.log.setSecret(refreshToken);
  check(
    await deps.docker(['login', settings.registry, '--username', ACR_TOKEN_USER, '--password-stdin'], {
      input: refreshToken,
      silent: true,
    }),
    `docker login ${settings.registry}`,
  );
  deps.log.info(`Logged in to ${settings.registry} with an ACR refresh token from /oauth2/exchange`);
  return { client, loggedIn: true };
}

function describeCache(settings: BuildPushSettings, builder: BuilderInfo): string {
  if (settings.cache === 'none') return 'none';
  const ref = cacheRef(settings);
  if (!builder.buildx)
    return `registry image ${ref} (classic builder: pulled as --cache-from, pushed after the build)`;
  if (!settings.push) return `registry ${ref} (import only: nothing is pushed)`;
  if (!canExportCache(builder))
    return `registry ${ref} (import only: the docker driver cannot export a cache; use a docker-container builder)`;
  return `registry ${ref} (mode=max)`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - start)];
}

/** Builds (and, with buildx, pushes); returns build and push times. */
async function build(
  plan: BuildPlan,
  builder: BuilderInfo,
  deps: BuildPushDeps,
): Promise<{ buildMs: number; pushMs: number }> {
  const retried = (run: () => Promise<unknown>) =>
    retry(run, { ...PUSH_RETRY, ...deps.retry, retryOn: transient }, deps.clock ?? systemClock, (e, n) =>
      deps.log.warning(`Attempt ${n} failed, retrying: ${e.message}`),
    );
  if (builder.buildx) {
    const run = async () => check(await deps.docker(buildxArgs(plan, builder)), 'docker buildx build');
    const [, buildMs] = await timed(() => (plan.push ? retried(run) : run()));
    return { buildMs, pushMs: 0 };
  }
  if (plan.cache === 'registry') {
    const pulled = await deps.docker(['pull', cacheRef(plan)], { silent: true });
    deps.log.info(
      pulled.exitCode === 0
        ? `Build cache: pulled ${cacheRef(plan)}`
        : `Build cache: ${cacheRef(plan)} not there yet`,
    );
  }
  const [, buildMs] = await timed(async () =>
    check(await deps.docker(classicArgs(plan), { env: CLASSIC_ENV }), 'docker build'),
  );
  if (!plan.push) return { buildMs, pushMs: 0 };
  const [, pushMs] = await timed(async () => {
    for (const ref of tagRefs(plan)) {
      await retried(async () => check(await deps.docker(['push', ref]), `docker push ${ref}`));
    }
  });
  if (plan.cache === 'registry') {
    const [first] = tagRefs(plan);
    const tagged = await deps.docker(['tag', first, cacheRef(plan)], { silent: true });
    const pushed =
      tagged.exitCode === 0 && (await deps.docker(['push', cacheRef(plan)], { silent: true })).exitCode === 0;
    if (!pushed)
      deps.log.warning(`Build cache: could not push ${cacheRef(plan)}; the next build starts cold`);
  }
  return { buildMs, pushMs };
}

/** The digest every pushed tag points to, read back from the registry. */
async function readDigest(settings: BuildPushSettings, client: RegistryClient): Promise<string> {
  const digests = new Map<string, string>();
  for (const tag of settings.tags) {
    const digest = await client.digestOf(settings.repository, tag);
    if (!digest)
      throw new RegistryError(
        `${settings.registry}/${settings.repository}:${tag} is not in the registry after the push`,
      );
    digests.set(tag, digest);
  }
  const distinct = new Set(digests.values());
  if (distinct.size > 1) {
    const list = [...digests].map(([t, d]) => `${t} -> ${d}`).join(', ');
    throw new RegistryError(
      `The pushed tags point to different images (another push raced this one): ${list}`,
    );
  }
  return [...distinct][0];
}

async function defaultRunningImages(
  settings: BuildPushSettings,
  credential: TokenCredential | undefined,
): Promise<RunningImage[]> {
  const client = createContainerAppsClient(settings.azure!, credential);
  const images: RunningImage[] = [];
  try {
    for await (const revision of client.containerAppsRevisions.listRevisions(
      settings.app!.resourceGroup,
      settings.app!.name,
    )) {
      if (!revision.active) continue;
      const containers = [
        ...(revision.template?.containers ?? []),
        ...(revision.template?.initContainers ?? []),
      ];
      for (const c of containers)
        if (c.image) images.push({ revision: revision.name ?? '?', image: c.image });
    }
  } catch (error) {
    // An app that does not exist yet runs nothing.
    if ((error as { statusCode?: number }).statusCode === 404) return [];
    throw error;
  }
  return images;
}

async function retention(
  settings: BuildPushSettings,
  client: RegistryClient,
  digest: string,
  deps: BuildPushDeps,
): Promise<RetentionReport> {
  if (!settings.push) return { ran: false, reason: 'nothing was pushed' };
  if (settings.keep === 0) return { ran: false, reason: 'keep is 0: retention is off' };
  if (!isReleaseBuild(settings.git))
    return { ran: false, reason: 'not a release build (retention runs after a release tag push)' };

  // Retention never deletes what it cannot prove unused: without the app, nothing is deleted.
  if (!settings.app) {
    const reason = `the app whose active revisions' images it must spare is unknown: ${settings.appUnknown ?? 'no app input'}; nothing was deleted (give app and resource-group, or keep: 0 to turn retention off)`;
    deps.log.warning(`Retention skipped: ${reason}`);
    return { ran: false, reason, warning: true };
  }
  let running: RunningImage[];
  const list = deps.listRunningImages ?? (() => defaultRunningImages(settings, deps.credential));
  try {
    running = await list(settings.app);
  } catch (error) {
    const reason = `the revisions of ${settings.app.name} could not be read (${(error as Error).message}); nothing was deleted`;
    deps.log.warning(`Retention skipped: ${reason}`);
    return { ran: false, reason, warning: true };
  }

  const tags = await client.listTags(settings.repository);
  const plan = planRetention({
    tags,
    keep: settings.keep,
    registry: settings.registry,
    repository: settings.repository,
    running,
    protect: [{ digest, reason: 'the image this run pushed' }],
  });
  const deleted: RepositoryImage[] = [];
  const failed: Array<{ image: RepositoryImage; error: string }> = [];
  for (const image of plan.remove) {
    try {
      // A release tag is locked (writeEnabled=false blocks its delete in ACR): unlock it just before the delete.
      for (const tag of image.tags)
        await client
          .setTagAttributes(settings.repository, tag, { writeEnabled: true })
          .catch(() => undefined);
      await client.deleteManifest(settings.repository, image.digest);
      deleted.push(image);
      deps.log.info(`Retention: deleted ${image.version} (${image.digest}; tags ${image.tags.join(', ')})`);
    } catch (error) {
      failed.push({ image, error: (error as Error).message });
      deps.log.warning(
        `Retention: could not delete ${image.version} (${image.digest}): ${(error as Error).message}`,
      );
    }
  }
  for (const s of plan.spared)
    deps.log.info(`Retention: kept ${s.image.version} beyond keep=${settings.keep}: ${s.reason}`);
  return { ran: true, keep: settings.keep, plan, deleted, failed };
}

async function localSize(docker: DockerCli, ref: string): Promise<number | undefined> {
  const r = await docker(['image', 'inspect', '--format', '{{.Size}}', ref], { silent: true });
  return r.exitCode === 0 && /^\d+$/.test(r.stdout.trim()) ? Number(r.stdout.trim()) : undefined;
}

export async function buildAndPush(
  settings: BuildPushSettings,
  deps: BuildPushDeps,
): Promise<BuildPushResult> {
  // One credential for the registry exchange and the revision reads: one Entra token, one GitHub OIDC token.
  if (settings.azure && !deps.credential) deps = { ...deps, credential: createCredential(settings.azure) };
  const log = deps.log;
  const builder = await detectBuilder(deps.docker);
  checkBuilder(settings, builder);
  const needsRegistry = settings.push || settings.cache === 'registry';
  const { client, loggedIn } = needsRegistry
    ? await authenticate(settings, deps)
    : {
        client: new RegistryClient(settings.registry, { kind: 'anonymous' }, { fetch: deps.fetch }),
        loggedIn: false,
      };
  const done = settings.push ? await lockedRelease(settings, client, log) : undefined;
  if (done) {
    if (loggedIn) await deps.docker(['logout', settings.registry], { silent: true });
    return done;
  }
  const work = mkdtempSync(join(tmpdir(), 'build-push-'));
  try {
    const plan: BuildPlan = {
      registry: settings.registry,
      repository: settings.repository,
      context: settings.context,
      dockerfile: settings.dockerfile,
      tags: settings.tags,
      buildArgs: settings.buildArgs,
      labels: ociLabels({
        source: settings.source,
        revision: builtSha(settings.git),
        version: settings.version,
        created: deps.created?.() ?? imageCreated(process.env, settings.context, builtSha(settings.git)).date,
      }),
      platforms: settings.platforms,
      push: settings.push,
      cache: settings.cache,
      metadataFile: builder.buildx ? join(work, 'metadata.json') : undefined,
    };
    const { buildMs, pushMs } = await build(plan, builder, deps);
    const refs = tagRefs(plan);
    const result: BuildPushResult = {
      builder: builder.buildx ? 'buildx' : 'docker',
      pushed: settings.push,
      image: '',
      digest: '',
      refs,
      version: settings.version,
      sizes: [],
      buildMs,
      pushMs,
      cache: describeCache(settings, builder),
      retention: { ran: false, reason: 'nothing was pushed' },
    };
    if (!settings.push) {
      result.localBytes =
        builder.buildx && settings.platforms.length > 1 ? undefined : await localSize(deps.docker, refs[0]);
      return result;
    }
    result.digest = await readDigest(settings, client);
    result.image = `${settings.registry}/${settings.repository}@${result.digest}`;
    if (plan.metadataFile) logMetadataMismatch(plan.metadataFile, result.digest, log);
    result.locked = await lockRelease(settings, client, log);
    result.sizes = await client.imageSizes(settings.repository, result.digest).catch(() => []);
    result.retention = await retention(settings, client, result.digest, deps);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (loggedIn) await deps.docker(['logout', settings.registry], { silent: true });
  }
}

/** The tags of a release build that name its exact version (`1.4.0` for v1.4.0): the ones made immutable. */
export function releaseLockTags(settings: Pick<BuildPushSettings, 'git' | 'tags' | 'version'>): string[] {
  const ref = classifyRef(settings.git);
  if (ref.kind !== 'tag' || !ref.semver) return [];
  const exact = versionTags(settings.version);
  return settings.tags.filter((t) => exact.includes(t));
}

/**
 * Makes the release's exact version tags immutable (ACR writeEnabled=false; deleteEnabled stays true so that
 * retention can remove the release later): a rollback to this version deploys what this run pushed, never what
 * someone pushed over the tag since. A registry without ACR's API is warned about: rollback refuses its tags.
 */
async function lockRelease(
  settings: BuildPushSettings,
  client: RegistryClient,
  log: Logger,
): Promise<string[]> {
  const locked: string[] = [];
  for (const tag of releaseLockTags(settings)) {
    try {
      await client.setTagAttributes(settings.repository, tag, { writeEnabled: false, deleteEnabled: true });
      locked.push(tag);
      log.info(`Release tag ${settings.repository}:${tag} locked (write-enabled false): it is immutable`);
    } catch (error) {
      log.warning(
        `Could not lock the release tag ${settings.repository}:${tag} (${(error as Error).message}): it stays writable, and a rollback to ${settings.version} refuses a writable tag`,
      );
    }
  }
  return locked;
}

/**
 * A re-run of a release whose exact version tag is already locked converges on the image it locked: nothing is
 * built or pushed over an immutable release (the registry would refuse it).
 */
async function lockedRelease(
  settings: BuildPushSettings,
  client: RegistryClient,
  log: Logger,
): Promise<BuildPushResult | undefined> {
  for (const tag of releaseLockTags(settings)) {
    const a = await client.tagAttributes(settings.repository, tag).catch(() => undefined);
    if (!a || a.writeEnabled) continue;
    log.info(
      `${settings.registry}/${settings.repository}:${tag} is already released and locked at ${a.digest}: a release is immutable, nothing is built or pushed`,
    );
    return {
      builder: 'docker',
      pushed: false,
      image: `${settings.registry}/${settings.repository}@${a.digest}`,
      digest: a.digest,
      refs: settings.tags.map((t) => `${settings.registry}/${settings.repository}:${t}`),
      version: settings.version,
      sizes: [],
      buildMs: 0,
      pushMs: 0,
      cache: 'none',
      locked: [tag],
      retention: { ran: false, reason: `release ${settings.version} was already pushed and locked` },
    };
  }
  return undefined;
}

/** buildx reports the digest it pushed; the registry's answer wins, a difference is worth a warning. */
function logMetadataMismatch(file: string, digest: string, log: Logger): void {
  try {
    const reported = (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)[
      'containerimage.digest'
    ];
    if (typeof reported === 'string' && reported !== digest) {
      log.warning(
        `buildx reported ${reported}, the registry serves ${digest}: the registry's digest is used`,
      );
    }
  } catch {
    // no metadata: nothing to compare
  }
}
