// Pure decisions about revisions and traffic: does a write create a revision, which revision does each
// traffic entry mean, and which revision(s) serve a host name.
import { randomInt } from 'node:crypto';
import type { Route } from '../types.js';
import { ArmError, invalid } from './errors.js';
import { type ContainerApp, type Json, type Revision, type TrafficEntry, key } from './model.js';
import { revisionsMode, traffic as trafficOf } from './validate.js';

/** Canonical JSON: sorted keys, no null/undefined members. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Json)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Two templates describe the same revision (the suffix aside). */
export function sameTemplate(a: Json, b: Json): boolean {
  const strip = (t: Json) => ({ ...t, revisionSuffix: undefined });
  return canonical(strip(a)) === canonical(strip(b));
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A suffix as ACA generates one when the template gives none: 7 lower-case alphanumerics, a digit first as often
 * as a letter (recorded: `aca000002--5vkvuta`, test_containerapp_replica_commands.yaml, the app GET after
 * `containerapp create`; `--0jfo06b` and `--0000001` elsewhere in those recordings).
 */
export function generateSuffix(): string {
  let s = '';
  while (s.length < 7) s += ALNUM[randomInt(ALNUM.length)];
  return s;
}

/** Generated suffixes in sequence, `0000001`, `0000002`...: digit-first names a test can predict. */
export function sequenceSuffix(revisions: readonly Revision[]): () => string {
  let n = revisions.length;
  return () => String(++n).padStart(7, '0');
}

export interface RevisionPlan {
  /** Name of the revision the write creates; undefined when the template is unchanged. */
  newRevisionName?: string;
}

/** Decides whether a write creates a revision (and its name), or refuses a reused suffix. */
export function planRevision(
  appName: string,
  template: Json,
  revisions: Revision[],
  latestName: string | undefined,
  suffix: () => string = generateSuffix,
): RevisionPlan | ArmError {
  const given =
    typeof template.revisionSuffix === 'string' && template.revisionSuffix !== ''
      ? template.revisionSuffix
      : undefined;
  const latest = revisions.find((r) => r.name === latestName);
  if (latest && sameTemplate(template, latest.template) && (!given || `${appName}--${given}` === latest.name))
    return {};
  if (given) {
    const name = `${appName}--${given}`;
    const existing = revisions.find((r) => r.name === name);
    if (!existing) return { newRevisionName: name };
    if (sameTemplate(template, existing.template)) return {};
    return invalid(
      `Revision '${name}' already exists with a different template. A revision cannot be changed: give the new template a new revisionSuffix.`,
      'ContainerAppRevisionAlreadyExists',
    );
  }
  let name: string;
  do name = `${appName}--${suffix()}`;
  while (revisions.some((r) => r.name === name));
  return { newRevisionName: name };
}

/** Traffic entries with `latestRevision: true` resolved to the latest ready revision (the latest one until any is ready). */
export function resolvedTraffic(
  app: ContainerApp,
): Array<{ revisionName: string; weight: number; label?: string }> {
  const props = { props: app.properties };
  const ingress = (app.properties.configuration as Json | undefined)?.ingress;
  const latest = app.latestReadyRevisionName ?? app.latestRevisionName;
  if (!ingress || !latest) return [];
  const entries: TrafficEntry[] =
    revisionsMode(props) === 'Single' || trafficOf(props).length === 0
      ? [
          { latestRevision: true, weight: 100 },
          ...trafficOf(props).filter((e) => e.label && !e.latestRevision),
        ]
      : trafficOf(props);
  return entries.map((e) => ({
    revisionName: e.latestRevision ? latest : (e.revisionName as string),
    weight: revisionsMode(props) === 'Single' && !e.latestRevision ? 0 : (e.weight ?? 0),
    ...(e.label ? { label: e.label } : {}),
  }));
}

export const trafficWeightOf = (app: ContainerApp, revisionName: string) =>
  resolvedTraffic(app)
    .filter((e) => e.revisionName === revisionName)
    .reduce((s, e) => s + e.weight, 0);

export const labelsOf = (app: ContainerApp, revisionName: string) =>
  resolvedTraffic(app)
    .filter((e) => e.revisionName === revisionName && e.label)
    .map((e) => e.label as string);

export const appFqdn = (app: string, domain: string) => `${app}.${domain}`.toLowerCase();
export const revisionFqdn = (revision: string, domain: string) => `${revision}.${domain}`.toLowerCase();
export const labelFqdn = (app: string, label: string, domain: string) =>
  `${app}---${label}.${domain}`.toLowerCase();

/** Host name -> route, for every app with ingress. */
export function buildRoutes(apps: ContainerApp[], revisions: Revision[], domain: string): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const app of apps) {
    if (!(app.properties.configuration as Json | undefined)?.ingress) continue;
    const traffic = resolvedTraffic(app);
    const weighted = traffic
      .filter((e) => e.weight > 0)
      .map(({ revisionName, weight }) => ({ revisionName, weight }));
    routes.set(appFqdn(app.name, domain), { kind: 'weighted', entries: weighted });
    for (const e of traffic) {
      if (e.label)
        routes.set(labelFqdn(app.name, e.label, domain), { kind: 'revision', revisionName: e.revisionName });
    }
    for (const r of revisions) {
      if (r.active && r.app === key(app.resourceGroup, app.name))
        routes.set(revisionFqdn(r.name, domain), { kind: 'revision', revisionName: r.name });
    }
  }
  return routes;
}
