// The fleet check (DESIGN "One trading revision"; Knight Capital, SEC Release 70694: one of eight servers kept old
// code): after promote and rollback, and in status, every active revision of the app is accounted for, production
// runs the promoted digest, and no other active revision trades live unfenced. Pure.
import type { RevisionInfo } from '../azure/aca.js';
import { everyContainer, namesLivePort } from '../deploy/guards.js';
import type { TrafficEntry } from '../revisions/traffic.js';

/** The variable deploy-app sets to the managed lease URL in every container of the production app. */
export const LEASE_VARIABLE = 'ALC_TRADING_LEASE';

export interface FleetFacts {
  revisions: RevisionInfo[];
  traffic: TrafficEntry[];
  /** The production revision (the one designated to trade). */
  production: string;
  /** The image (digest reference) production must run. */
  promotedImage?: string;
  /** Labels whose revisions are kept on purpose (e.g. the blue/green labels). */
  keptLabels: string[];
  /** The managed lease URL (ALC_TRADING_LEASE) a live revision other than production must carry. */
  leaseUrl?: string;
}

type Template = RevisionInfo['template'];

/** The digest of an image reference (`...@sha256:<hex>`), lower-case; undefined for a tag. */
export function digestOf(image: string): string | undefined {
  return /@(sha256:[0-9a-f]{64})$/i.exec(image.trim())?.[1].toLowerCase();
}

/** Whether `image` is the promoted reference: the same text, or the same digest. */
export function sameImage(image: string, promoted: string): boolean {
  if (image.trim() === promoted.trim()) return true;
  const a = digestOf(image);
  return a !== undefined && a === digestOf(promoted);
}

/** Where a template names the live port (env value, command, args, probe port), as `<container> <field>`. */
export function livePortPlaces(template: Template): string[] {
  const out: string[] = [];
  for (const { container: c } of everyContainer(template, [])) {
    const name = c.name ?? '(unnamed)';
    for (const e of c.env ?? []) if (namesLivePort(e.value)) out.push(`${name} env ${e.name}`);
    for (const field of ['command', 'args'] as const) {
      if ((c[field] ?? []).some((a) => namesLivePort(a))) out.push(`${name} ${field}`);
    }
    for (const p of c.probes ?? []) {
      if (namesLivePort(p.httpGet?.port ?? p.tcpSocket?.port)) out.push(`${name} probe port`);
    }
  }
  return out;
}

const norm = (url: string) => url.trim().replace(/\/+$/, '');

/** The containers of a template that do not carry ALC_TRADING_LEASE = leaseUrl. */
function unfenced(template: Template, leaseUrl: string): string[] {
  return everyContainer(template, [])
    .filter(({ container: c }) => {
      const v = (c.env ?? []).find((e) => e.name === LEASE_VARIABLE)?.value;
      return v === undefined || norm(v) !== norm(leaseUrl);
    })
    .map(({ container: c }) => c.name ?? '(unnamed)');
}

/** The deviations found, one sentence each; empty when the fleet is as it should be. */
export function fleetCheck(f: FleetFacts): string[] {
  const out: string[] = [];
  const active = f.revisions.filter((r) => r.active);
  const weighted = new Set(
    f.traffic.filter((t) => (t.weight ?? 0) > 0 && t.revisionName).map((t) => t.revisionName as string),
  );
  const kept = new Set(
    f.traffic
      .filter((t) => t.label && f.keptLabels.includes(t.label) && t.revisionName)
      .map((t) => t.revisionName as string),
  );
  const production = f.revisions.find((r) => r.name === f.production);
  if (!production) out.push(`production revision ${f.production} was not found`);
  else if (!production.active) out.push(`production revision ${f.production} is not active`);

  for (const r of active) {
    if (r.name === f.production) continue;
    if (!weighted.has(r.name) && !kept.has(r.name)) {
      out.push(
        `active revision ${r.name} is not accounted for (not production, without traffic, without a kept label` +
          `${f.keptLabels.length ? ` (${f.keptLabels.join(', ')})` : ''})`,
      );
    }
    const live = livePortPlaces(r.template);
    if (live.length === 0) continue;
    if (!f.leaseUrl) {
      out.push(
        `active revision ${r.name} carries the live trading port (${live.join('; ')}) beside production`,
      );
      continue;
    }
    const open = unfenced(r.template, f.leaseUrl);
    if (open.length) {
      out.push(
        `active revision ${r.name} carries the live trading port (${live.join('; ')}) without ` +
          `${LEASE_VARIABLE}=${norm(f.leaseUrl)} in ${open.join(', ')}`,
      );
    }
  }

  if (production && f.promotedImage) {
    const images = (production.template?.containers ?? []).map((c) => c.image ?? '');
    if (!images.some((i) => sameImage(i, f.promotedImage as string))) {
      out.push(
        `production revision ${f.production} runs ${images.join(', ') || 'no image'}, not the promoted ` +
          `${f.promotedImage}`,
      );
    }
  }
  return out;
}
