// deploy-app's decisions (pure): the body of a new app, the template of a new revision, the registry rule, the
// traffic after a deploy, and what the outputs report.
import type { ContainerApp, EnvironmentVar, RegistryCredentials, Template } from '@azure/arm-appcontainers';
import type { DeploySettings, Mode } from './deploy-settings.js';
import { previewTemplate } from './guards.js';
import { InputError } from './inputs.js';
import { previewLabel } from './naming.js';
import { parseImageRef } from './registry.js';
import { mergeEnv, withEnv, withEnvironmentId, withImage, withRevisionSuffix, withTraffic } from './spec.js';
import { planDeploy, planPreviewAdd, slots, type TrafficEntry } from './traffic.js';

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
    const result = previewTemplate(template, {
      source: o.liveSource,
      prefix: ['template'],
      envVars: o.envVars,
    });
    Object.assign(template, result.template);
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
