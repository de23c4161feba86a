// Pure decisions of a build: the OCI labels, the cache references and the docker command lines for
// buildx and for the classic builder.
import type { RetryPolicy } from '../core/retry.js';
import type { BuilderInfo } from './docker.js';

export type CacheMode = 'registry' | 'none';

export interface BuildPlan {
  registry: string;
  repository: string;
  context: string;
  dockerfile: string;
  /** Tag names (not references). */
  tags: string[];
  buildArgs: Array<{ name: string; value: string }>;
  labels: Record<string, string>;
  platforms: string[];
  push: boolean;
  cache: CacheMode;
  /** Where buildx writes its metadata (digest), when it runs. */
  metadataFile?: string;
}

export const CACHE_TAG = 'buildcache';

export function repositoryRef(plan: Pick<BuildPlan, 'registry' | 'repository'>): string {
  return `${plan.registry}/${plan.repository}`;
}

export function tagRefs(plan: Pick<BuildPlan, 'registry' | 'repository' | 'tags'>): string[] {
  return plan.tags.map((t) => `${repositoryRef(plan)}:${t}`);
}

export function cacheRef(plan: Pick<BuildPlan, 'registry' | 'repository'>): string {
  return `${repositoryRef(plan)}:${CACHE_TAG}`;
}

export interface LabelSource {
  /** https://github.com/<owner>/<repo>, when known. */
  source?: string;
  revision: string;
  version: string;
  created: Date;
}

/** The label that names the commit an image was built from. */
export const REVISION_LABEL = 'org.opencontainers.image.revision';

/** The OCI annotations every image carries. */
export function ociLabels(src: LabelSource): Record<string, string> {
  const labels: Record<string, string> = {
    [REVISION_LABEL]: src.revision,
    'org.opencontainers.image.version': src.version,
    'org.opencontainers.image.created': src.created.toISOString(),
  };
  if (src.source) labels['org.opencontainers.image.source'] = src.source;
  return labels;
}

function commonArgs(plan: BuildPlan): string[] {
  const args = ['--file', plan.dockerfile];
  for (const ref of tagRefs(plan)) args.push('--tag', ref);
  for (const [k, v] of Object.entries(plan.labels)) args.push('--label', `${k}=${v}`);
  for (const a of plan.buildArgs) args.push('--build-arg', `${a.name}=${a.value}`);
  return args;
}

/** Whether buildx can export a registry cache: every driver but the default `docker` one can. */
export function canExportCache(builder: BuilderInfo): boolean {
  return builder.buildx && builder.driver !== undefined && builder.driver !== 'docker';
}

/** `docker buildx build ...`: pushes itself when plan.push; loads single-platform images when not. */
export function buildxArgs(plan: BuildPlan, builder: BuilderInfo): string[] {
  const args = ['buildx', 'build', ...commonArgs(plan)];
  if (plan.platforms.length) args.push('--platform', plan.platforms.join(','));
  if (plan.cache === 'registry') {
    args.push('--cache-from', `type=registry,ref=${cacheRef(plan)}`);
    if (plan.push && canExportCache(builder))
      args.push('--cache-to', `type=registry,ref=${cacheRef(plan)},mode=max`);
  }
  if (plan.push) args.push('--push');
  else if (plan.platforms.length <= 1) args.push('--load');
  if (plan.metadataFile) args.push('--metadata-file', plan.metadataFile);
  args.push(plan.context);
  return args;
}

/** `docker build ...` with the classic builder; the registry cache is the `buildcache` image, pulled first */
export function classicArgs(plan: BuildPlan): string[] {
  const args = ['build', ...commonArgs(plan)];
  if (plan.cache === 'registry') args.push('--cache-from', cacheRef(plan));
  args.push(plan.context);
  return args;
}

/** The environment of the classic builder (BuildKit off, so --cache-from takes plain images). */
export const CLASSIC_ENV = { DOCKER_BUILDKIT: '0' };

const TRANSIENT = [
  /\b(429|500|502|503|504)\b/,
  /too ?many ?requests/i,
  /connection (reset|refused)/i,
  /i\/o timeout/i,
  /TLS handshake timeout/i,
  /\bunexpected EOF\b/i,
  /\bEOF\b/,
  /broken pipe/i,
  /timed? ?out/i,
  /net\/http: request canceled/i,
  /service unavailable/i,
  /bad gateway/i,
  /temporary failure/i,
];
const PERMANENT = [
  /denied/i,
  /unauthorized/i,
  /authentication required/i,
  /name unknown/i,
  /manifest invalid/i,
  /not found/i,
];

/** A push failure worth retrying: a network or server error, not a refusal. */
export function isTransientFailure(output: string): boolean {
  if (PERMANENT.some((re) => re.test(output))) return false;
  return TRANSIENT.some((re) => re.test(output));
}

/** A push's retry: three attempts, 2 s then 4 s apart (which failures retry: isTransientFailure). */
export const PUSH_RETRY: RetryPolicy = { attempts: 3, delay: { firstMs: 2000, factor: 2 } };
