// The trading section of deploy-app's and blue-green's job summaries and their trading outputs (trading-revision,
// trading-epoch, handover): the designation, its epoch, the lease's holder and state, and the handover's gap.
// Pure.
import { handoverJson } from '../trading/handover.js';
import type { Designation, Handover, LeaseView } from '../trading/types.js';
import { factsTable } from './markdown.js';

export interface TradingFacts {
  designation?: Designation;
  lease?: LeaseView;
  handover?: Handover;
  /** Deviations of the fleet check (empty: none). */
  fleet?: string[];
  /** A warning (trading-lease unmanaged on a live app). */
  warning?: string;
}

const designated = (d: Designation | undefined) =>
  d === undefined ? 'none (no designation blob)' : d.revision === '' ? "'' (nobody may trade)" : d.revision;

function holderText(lease: LeaseView | undefined): string | undefined {
  if (!lease) return undefined;
  if (!lease.holder && !lease.revision) return lease.leased ? 'leased, no metadata yet' : 'nobody';
  return `${lease.holder ?? '?'} of ${lease.revision ?? '?'} (epoch ${lease.epoch ?? '?'})`;
}

function stateText(lease: LeaseView | undefined): string | undefined {
  if (!lease?.state) return undefined;
  const code = lease.code !== undefined ? ` (code ${lease.code})` : '';
  return `${lease.state}${code}${lease.since ? ` since ${lease.since}` : ''}`;
}

/** The handover in one line: from -> to at epoch n, its gap. */
export function handoverText(h: Handover): string {
  const gap = h.gapMs !== undefined ? `, gap ${h.gapMs} ms` : '';
  return `${h.from || "''"} -> ${h.to || "''"} (epoch ${h.epoch}${gap})`;
}

/** The `### Trading` section; '' when there is nothing to say. */
export function tradingSection(t: TradingFacts | undefined): string {
  if (!t || (!t.designation && !t.lease && !t.handover && !t.warning && !t.fleet?.length)) return '';
  const rows: Array<[string, unknown]> = [];
  if (t.designation !== undefined || t.lease !== undefined) {
    rows.push(['designation', designated(t.designation)]);
    rows.push(['epoch', t.designation?.epoch]);
    rows.push(['holder', holderText(t.lease)]);
    rows.push(['state', stateText(t.lease)]);
    rows.push(['lease', t.lease ? `${t.lease.leaseState} (${t.lease.leaseStatus})` : undefined]);
  }
  if (t.handover) {
    rows.push(['handover', handoverText(t.handover)]);
    rows.push(['released at', t.handover.releasedAt]);
    rows.push(['trading since', t.handover.acquiredAt]);
    rows.push(['handover gap', t.handover.gapMs !== undefined ? `${t.handover.gapMs} ms` : undefined]);
  }
  const warning = t.warning ? [`> ⚠️ ${t.warning}`, ''] : [];
  const fleet = t.fleet?.length ? ['**Fleet check found:**', '', ...t.fleet.map((f) => `- ${f}`), ''] : [];
  return ['### Trading', '', ...warning, ...(rows.length ? [factsTable(rows), ''] : []), ...fleet].join('\n');
}

/** trading-revision, trading-epoch and handover ('' where unknown). */
export function tradingOutputs(t: TradingFacts | undefined): Record<string, string> {
  return {
    'trading-revision': t?.designation?.revision ?? '',
    'trading-epoch': t?.designation ? String(t.designation.epoch) : '',
    handover: t?.handover ? handoverJson(t.handover) : '',
  };
}
