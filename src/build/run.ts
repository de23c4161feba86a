// build-push's core: log in, build, push with a bounded retry, read the digest back from the
// registry, lock a release's version tag, then prune old releases (retention.ts). Every outside effect comes
// through BuildPushDeps; its clients (Docker, the registry, Azure) are built in entry.ts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { ACR_SCOPE, tokenHostProblem } from '../registry/reference.js';
import {
  ACR_TOKEN_USER,
  type PlatformSize,
  type RegistryClient,
  type RegistryCredentials,
  RegistryError,
} from '../registry/client.js';
import { type Clock, retry, type RetryPolicy, systemClock } from '../core/retry.js';
import { versionTags } from '../registry/version-image.js';
import { builtSha, classifyRef } from '../core/versions.js';
import { imageCreated } from './created.js';
import { lockedReleaseVerdict, ReleaseTagMovedError } from './locked.js';
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
import * as m from './messages.js';
import { type ListRunningImages, retention, type RetentionReport } from './retention.js';
import { type BuildPushSettings, checkBuilder, oidcRegistryError } from './settings.js';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  setSecret(secret: string): void;
}

export interface BuildPushDeps {
  docker: DockerCli;
  /** The registry API client for the run's credentials (entry.ts: over the runner's fetch). */
  registry: (credentials: RegistryCredentials) => RegistryClient;
  log: Logger;
  /** Entra credential of the Azure inputs: required with auth oidc. */
  credential?: TokenCredential;
  /** Images the active revisions of the app run: required for retention with an app (entry.ts: ARM). */
  listRunningImages?: ListRunningImages;
  /** The image's created time (default: SOURCE_DATE_EPOCH, else the commit's time, else now). */
  created?: () => Date;
  /** The push retry's attempts and delays (default PUSH_RETRY). */
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
}

export interface BuildPushResult {
  builder: 'buildx' | 'docker';
  pushed: boolean;
  /** The locked version tag whose image a re-run of the release reused (nothing was built or pushed). */
  reused?: string;
  /** registry/repository@sha256:..., '' when not pushed. */
  image: string;
  digest: string;
  /** Full references, registry/repository:tag: the tags this run pushed, or (reused) those at the image now. */
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
  if (settings.auth === 'none') return { client: deps.registry({ kind: 'anonymous' }), loggedIn: false };
  if (settings.auth === 'docker-config') {
    const credentials = await readDockerCredentials(settings.registry, process.env, (secret) =>
      deps.log.setSecret(secret),
    );
    if (credentials.kind === 'anonymous') deps.log.warning(m.noDockerLogin(settings.registry));
    return { client: deps.registry(credentials), loggedIn: false };
  }
  const azure = settings.azure!;
  const problem = tokenHostProblem(settings.registry, azure.cloud);
  if (problem) throw oidcRegistryError(settings.registry, problem);
  if (!deps.credential) throw new Error('auth oidc needs the Entra credential of the Azure inputs');
  const token = await deps.credential.getToken(ACR_SCOPE);
  if (!token) throw new RegistryError('No Entra access token for the registry token exchange');
  deps.log.setSecret(token.token);
  const client = deps.registry({ kind: 'anonymous' });
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
  return m.cacheText(cacheRef(settings), {
    buildx: builder.buildx,
    push: settings.push,
    canExport: canExportCache(builder),
  });
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
    throw new RegistryError(m.digestsDiffer(list));
  }
  return [...distinct][0];
}

async function localSize(docker: DockerCli, ref: string): Promise<number | undefined> {
  const r = await docker(['image', 'inspect', '--format', '{{.Size}}', ref], { silent: true });
  return r.exitCode === 0 && /^\d+$/.test(r.stdout.trim()) ? Number(r.stdout.trim()) : undefined;
}

export async function runBuildPush(
  settings: BuildPushSettings,
  deps: BuildPushDeps,
): Promise<BuildPushResult> {
  const log = deps.log;
  const builder = await detectBuilder(deps.docker);
  checkBuilder(settings, builder);
  const needsRegistry = settings.push || settings.cache === 'registry';
  const { client, loggedIn } = needsRegistry
    ? await authenticate(settings, deps)
    : { client: deps.registry({ kind: 'anonymous' }), loggedIn: false };
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
function releaseLockTags(settings: Pick<BuildPushSettings, 'git' | 'tags' | 'version'>): string[] {
  const ref = classifyRef(settings.git);
  if (ref.kind !== 'tag' || !ref.semver) return [];
  const exact = versionTags(settings.version);
  return settings.tags.filter((t) => exact.includes(t));
}

/**
 * Makes the release's exact version tags immutable (ACR writeEnabled=false; deleteEnabled stays true so that
 * retention can remove the release later): a rollback to this version deploys what this run pushed, never
 * what someone pushed over the tag since. A registry without ACR's API is warned about: rollback refuses its
 * tags.
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
      log.warning(m.lockFailed(settings.repository, tag, (error as Error).message, settings.version));
    }
  }
  return locked;
}

/**
 * A re-run of a release whose exact version tag is already locked converges on the image it locked: nothing
 * is built or pushed over an immutable release (the registry would refuse it). The locked image must have been
 * built from this run's commit (its revision label): a release tag moved to another commit is refused
 * (ReleaseTagMovedError), before anything is built, pushed or deployed. The result lists only the run's tags
 * that point at the locked image in the registry.
 */
async function lockedRelease(
  settings: BuildPushSettings,
  client: RegistryClient,
  log: Logger,
): Promise<BuildPushResult | undefined> {
  const ref = classifyRef(settings.git);
  for (const tag of releaseLockTags(settings)) {
    const a = await client.tagAttributes(settings.repository, tag).catch(() => undefined);
    if (!a || a.writeEnabled) continue;
    const read = await client.imageLabels(settings.repository, a.digest).then(
      (labels) => ({ labels }),
      (error: Error) => ({ labels: undefined, unreadable: error.message }),
    );
    const verdict = lockedReleaseVerdict({
      tagName: ref.kind === 'tag' ? ref.name : tag,
      digest: a.digest,
      runSha: builtSha(settings.git),
      ...read,
    });
    if (verdict.kind === 'moved') throw new ReleaseTagMovedError(verdict.error);
    if (verdict.kind === 'reuse-unproven') log.warning(verdict.warning);
    log.info(m.alreadyReleased(`${settings.registry}/${settings.repository}`, tag, a.digest));
    return {
      builder: 'docker',
      pushed: false,
      reused: tag,
      image: `${settings.registry}/${settings.repository}@${a.digest}`,
      digest: a.digest,
      refs: await refsAt(settings, client, a.digest),
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

/** The run's tags that point at `digest` in the registry now (a tag that is missing or moved on is left out). */
async function refsAt(
  settings: BuildPushSettings,
  client: RegistryClient,
  digest: string,
): Promise<string[]> {
  const refs: string[] = [];
  for (const tag of settings.tags) {
    const at = await client.digestOf(settings.repository, tag).catch(() => undefined);
    if (at === digest) refs.push(`${settings.registry}/${settings.repository}:${tag}`);
  }
  return refs;
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
