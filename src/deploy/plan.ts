// deploy-app's decisions (pure): the body of a new app, the template of a new revision, the registry rule,
// the traffic after a deploy, the pin of latestRevision's weight, whether a re-run converges, and the
// recovery of a failed step.
import type {
  Container,
  ContainerApp,
  EnvironmentVar,
  RegistryCredentials,
  Revision,
  Template,
} from '@azure/arm-appcontainers';
import type { DeploySettings, Mode } from './settings.js';
import { previewTemplate } from './guards.js';
import type { TradingRules } from './rules.js';
import { withTradingLease } from './trading.js';
import { foreignRegistry, noLatestToPin, registryNotInSpec } from './messages.js';
import { InputError } from '../core/inputs.js';
import { previewLabel } from '../core/naming.js';
import { parseImageRef } from '../registry/reference.js';
import {
  mergeEnv,
  withEnv,
  withEnvironmentId,
  withImage,
  withRevisionSuffix,
  withTraffic,
} from '../core/app-spec.js';
import {
  describeTraffic,
  isSlotLabel,
  planDeploy,
  planPreviewAdd,
  type TrafficEntry,
} from '../revisions/traffic.js';

/** Registry host of an image reference, lower-case. */
function registryOf(image: string): string {
  return parseImageRef(image).registry;
}

/**
 * The registry rule. A new app: the spec's one registry entry follows the image's registry (same identity),
 * so a spec naming myregistry.azurecr.io deploys an image from another registry (a mirror, the
 * simulator) without editing the file. An existing app: the image's registry must be one the app already
 * pulls from; its configuration is never changed by a deploy.
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
    throw new InputError('image', image, foreignRegistry(app.name, servers));
  }
}

/** A new app's body: the spec with the image, suffix, env-vars, environment, registry; traffic on latest. */
export function createBody(
  s: Pick<DeploySettings, 'spec' | 'image' | 'suffix' | 'envVars' | 'mode' | 'location'>,
  environmentId: string,
  fallbackLocation?: string,
  /** Production with a managed trading lease: ALC_TRADING_LEASE in every container. */
  leaseUrl?: string,
): ContainerApp {
  let spec = withRevisionSuffix(withImage(s.spec, s.image), s.suffix);
  if (s.mode === 'production') spec = withEnv(spec, s.envVars);
  if (s.mode === 'production' && leaseUrl && spec.template)
    spec = { ...spec, template: withTradingLease(spec.template, leaseUrl) };
  spec = withTraffic(withEnvironmentId(spec, environmentId), [{ latestRevision: true, weight: 100 }]);
  const registries = registriesFor(s.image, spec.configuration?.registries);
  if (!registries) {
    const servers = (spec.configuration?.registries ?? []).map((r) => r.server);
    throw new InputError('image', s.image, registryNotInSpec(servers));
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
 * exactly) with the app container's image, the suffix and the extra env vars. Preview forces the rules' env again.
 */
export function revisionTemplate(
  live: Template,
  o: {
    image: string;
    suffix: string;
    envVars: readonly EnvironmentVar[];
    mode: Mode;
    liveSource: string;
    /** Production with a managed trading lease: ALC_TRADING_LEASE=<url> in every container. */
    leaseUrl?: string;
    /** Preview: the app's trading rules (default ALC-Algo's). */
    rules?: TradingRules;
  },
): { template: Template; forced: string[] } {
  const template = structuredClone(live);
  const first = template.containers?.[0];
  if (!first) throw new Error('The live app has no container to deploy the image into');
  first.image = o.image;
  let forced: string[] = [];
  if (o.mode === 'preview') {
    const result = previewTemplate(template, {
      source: o.liveSource,
      prefix: ['template'],
      envVars: o.envVars,
      rules: o.rules,
    });
    Object.assign(template, result.template);
    forced = result.forced;
  } else if (o.envVars.length > 0) {
    first.env = mergeEnv(first.env ?? [], o.envVars);
  }
  template.revisionSuffix = o.suffix;
  if (o.mode === 'production' && o.leaseUrl)
    return { template: withTradingLease(template, o.leaseUrl), forced };
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

// ---- a new revision never takes weight before it is proven ----

/** Weight `latestRevision: true` entries carry (ACA gives it to a new revision once it is Provisioned). */
export function latestWeight(traffic: readonly TrafficEntry[]): number {
  return traffic.filter((e) => e.latestRevision).reduce((n, e) => n + (e.weight ?? 0), 0);
}

/**
 * The revision a `latestRevision` weight really serves, to pin it to by name before a template write. Azure
 * reports that weight on `latestRevisionName` (its revision's trafficWeight), so that name comes first; but
 * live Azure also answers `latestRevisionName: ""` (an app being created) and a latestReadyRevisionName that
 * names a Failed revision (Failed/Failed/Unhealthy, "Container crashing") while latestRevisionName holds the
 * weight. So: latestRevisionName, else latestReadyRevisionName; never `""`, never a revision `states` shows
 * Failed (a name whose state is unknown is taken as Azure reports it). Undefined when neither serves: nothing
 * to pin to. Pure.
 */
export function latestServing(
  app: Pick<ContainerApp, 'latestRevisionName' | 'latestReadyRevisionName'> | undefined,
  states: Readonly<Record<string, Revision | undefined>> = {},
): string | undefined {
  const failed = (r: Revision | undefined) =>
    r?.provisioningState === 'Failed' || r?.runningState === 'Failed';
  return [app?.latestRevisionName, app?.latestReadyRevisionName]
    .map((n) => n?.trim())
    .find((n): n is string => !!n && !failed(states[n]));
}

/**
 * The list to write before a template write: every weighted `latestRevision` entry pinned to `latest` (the
 * revision it routes to now) by name, so the revision the template write creates gets no weight until this
 * run has proven it. Production without a blue/green label (a first deploy that never finished) pins with
 * the label `blue`: the revision serving is production, and the new one is deployed as the candidate.
 * Returns the list unchanged when nothing is carried through latestRevision. Pure.
 */
export function pinLatest(
  traffic: readonly TrafficEntry[],
  latest: string | undefined,
  mode: Mode,
): TrafficEntry[] {
  if (latestWeight(traffic) === 0) return traffic.map((e) => ({ ...e }));
  if (!latest) {
    throw new Error(noLatestToPin(describeTraffic(traffic)));
  }
  const label = mode === 'production' && !traffic.some((e) => isSlotLabel(e.label)) ? 'blue' : undefined;
  const out: TrafficEntry[] = [];
  for (const e of traffic) {
    if (!e.latestRevision || (e.weight ?? 0) === 0) {
      out.push({ ...e });
      continue;
    }
    const lab = e.label ?? label;
    const same = out.find((o) => o.revisionName === latest && o.label === lab);
    if (same) same.weight = (same.weight ?? 0) + (e.weight ?? 0);
    else out.push({ revisionName: latest, ...(lab ? { label: lab } : {}), weight: e.weight ?? 0 });
  }
  return out;
}

/**
 * Preview: the list planned from as if the pin had not been written (each entry `pinned` made still there
 * turns back into latestRevision), so the pull request's label takes the weight as it did before. Pure.
 */
export function unpinLatest(
  traffic: readonly TrafficEntry[],
  pinned: readonly TrafficEntry[],
): TrafficEntry[] {
  const pins = pinned.filter((e) => e.revisionName && !e.label && (e.weight ?? 0) > 0);
  return traffic.map((e) =>
    pins.some((p) => p.revisionName === e.revisionName && !e.label && p.weight === e.weight)
      ? { latestRevision: true, weight: e.weight ?? 0 }
      : { ...e },
  );
}

// ---- a re-run converges only on the same template ----

type Json = unknown;

function gi(memory: unknown): string {
  const m = /^\s*([\d.]+)\s*(Gi|Mi|G|M)?\s*$/i.exec(String(memory));
  if (!m) return String(memory);
  const n = Number(m[1]) * (/^m/i.test(m[2] ?? '') ? 1 / 1024 : 1);
  return `${Number(n.toFixed(4))}Gi`;
}

function show(v: Json): string {
  return v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** `want`'s fields (those this run sets) against `have`'s; fields only `have` sets are ACA's defaults. */
function subsetDiff(path: string, have: Json, want: Json, out: string[]): void {
  if (want === undefined || want === null) return;
  if (Array.isArray(want)) {
    const h = Array.isArray(have) ? have : [];
    if (h.length !== want.length) out.push(`${path}: ${show(have)} (revision) vs ${show(want)} (this run)`);
    else want.forEach((w, i) => subsetDiff(`${path}[${i}]`, h[i], w, out));
    return;
  }
  if (typeof want === 'object') {
    const h = (have && typeof have === 'object' ? have : {}) as Record<string, Json>;
    for (const [k, w] of Object.entries(want as Record<string, Json>))
      subsetDiff(`${path}.${k}`, h[k], w, out);
    return;
  }
  const same =
    typeof want === 'number' || typeof have === 'number'
      ? Number(have) === Number(want)
      : String(have) === String(want);
  if (!same) out.push(`${path}: ${show(have)} (revision) vs ${show(want)} (this run)`);
}

function byName<T>(list: readonly T[] | undefined, key: (t: T) => string | undefined): Map<string, T> {
  return new Map((list ?? []).map((t, i) => [key(t) ?? `#${i}`, t]));
}

/** Both sides' names must match exactly; for each name present on both, `each` compares. */
function keyedDiff<T>(
  what: string,
  have: readonly T[] | undefined,
  want: readonly T[] | undefined,
  key: (t: T) => string | undefined,
  out: string[],
  each: (name: string, h: T, w: T) => void,
): void {
  const h = byName(have, key);
  const w = byName(want, key);
  for (const name of w.keys())
    if (!h.has(name)) out.push(`${what} ${name}: absent (revision) vs present (this run)`);
  for (const name of h.keys())
    if (!w.has(name)) out.push(`${what} ${name}: present (revision) vs absent (this run)`);
  for (const [name, wv] of w) if (h.has(name)) each(name, h.get(name)!, wv);
}

function containerDiff(kind: string, have: Container | undefined, want: Container, out: string[]): void {
  const at = `${kind} ${want.name}`;
  if (have?.image !== want.image)
    out.push(`${at} image: ${show(have?.image)} (revision) vs ${show(want.image)} (this run)`);
  for (const k of ['command', 'args'] as const) {
    if (JSON.stringify(have?.[k] ?? []) !== JSON.stringify(want[k] ?? []))
      out.push(`${at} ${k}: ${show(have?.[k])} (revision) vs ${show(want[k])} (this run)`);
  }
  keyedDiff(
    `${at} env`,
    have?.env,
    want.env,
    (e) => e.name,
    out,
    (name, h, w) => {
      const hv = h.secretRef !== undefined ? `secretRef ${h.secretRef}` : (h.value ?? '');
      const wv = w.secretRef !== undefined ? `secretRef ${w.secretRef}` : (w.value ?? '');
      if (hv !== wv) out.push(`${at} env ${name}: ${show(hv)} (revision) vs ${show(wv)} (this run)`);
    },
  );
  keyedDiff(
    `${at} probe`,
    have?.probes,
    want.probes,
    (p) => p.type?.toLowerCase(),
    out,
    (type, h, w) => subsetDiff(`${at} probe ${type}`, h, w, out),
  );
  const hr = have?.resources ?? {};
  const wr = want.resources ?? {};
  if (wr.cpu !== undefined && Number(hr.cpu) !== Number(wr.cpu))
    out.push(`${at} cpu: ${show(hr.cpu)} (revision) vs ${show(wr.cpu)} (this run)`);
  if (wr.memory !== undefined && gi(hr.memory) !== gi(wr.memory))
    out.push(`${at} memory: ${show(hr.memory)} (revision) vs ${show(wr.memory)} (this run)`);
  subsetDiff(`${at} volumeMounts`, have?.volumeMounts, want.volumeMounts, out);
}

/**
 * What differs between the template of the revision that exists under this run's suffix and the template
 * this run would write (containers and init containers by name: image, command, args, env, probes,
 * resources; scale). Empty: the same revision, a re-run converges on it. Fields only the revision sets are
 * taken as Azure's defaults. Pure.
 */
export function templateDifferences(have: Template | undefined, want: Template): string[] {
  const out: string[] = [];
  keyedDiff(
    'container',
    have?.containers,
    want.containers,
    (c) => c.name,
    out,
    (_n, h, w) => containerDiff('container', h, w, out),
  );
  keyedDiff(
    'init container',
    have?.initContainers,
    want.initContainers,
    (c) => c.name,
    out,
    (_n, h, w) => containerDiff('init container', h as Container, w as Container, out),
  );
  const hs = have?.scale ?? {};
  const ws = want.scale ?? {};
  for (const k of ['minReplicas', 'maxReplicas'] as const) {
    if (ws[k] !== undefined && Number(hs[k]) !== Number(ws[k]))
      out.push(`scale ${k}: ${show(hs[k])} (revision) vs ${show(ws[k])} (this run)`);
  }
  keyedDiff(
    'scale rule',
    hs.rules,
    ws.rules,
    (r) => r.name,
    out,
    (name, h, w) => subsetDiff(`scale rule ${name}`, h, w, out),
  );
  return out;
}

// ---- a failed step ----

/** The names of deploy-app's steps, in the order a run takes them (run.ts). */
export type DeployStepName =
  | 'verify'
  | 'read'
  | 'guard'
  | 'prepare'
  | 'pin'
  | 'write'
  | 'ready'
  | 'lease-check'
  | 'designate'
  | 'traffic'
  | 'housekeeping';

/**
 * What a failure in a step calls for: nothing before the first write and in housekeeping (the traffic is as
 * planned); the revision retired when its pin, write or readiness failed, or it holds the trading lease
 * undesignated (it never gets a label or weight); a first deploy's designation left as written (a re-run waits
 * for it again without a new epoch);
 * and, when the traffic write failed after the proof, a report of the traffic in force and how to converge.
 * Pure.
 */
export function recoveryOf(step: DeployStepName | undefined): 'none' | 'retire-revision' | 'report-traffic' {
  switch (step) {
    case 'pin':
    case 'write':
    case 'ready':
    case 'lease-check':
      return 'retire-revision';
    case 'traffic':
      return 'report-traffic';
    default:
      return 'none';
  }
}
