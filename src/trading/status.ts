// The trading status (blue-green status, the summaries): the designation and the lease as the store reads them.
import type { Designation, LeaseView, TradingStore } from './types.js';

export interface TradingStatus {
  designation?: Designation;
  lease: LeaseView;
}

export async function readTradingStatus(store: TradingStore): Promise<TradingStatus> {
  const [designation, lease] = await Promise.all([store.readDesignation(), store.readLease()]);
  return designation ? { designation, lease } : { lease };
}

/** The status in lines for the summary: designation, epoch, holder, state, lease state. Pure. */
export function tradingStatusLines(status: TradingStatus): string[] {
  const { designation: d, lease } = status;
  const lines = [
    d
      ? `designation: ${d.revision || "nobody ('')"}, epoch ${d.epoch}`
      : 'designation: none (the designation blob does not exist)',
    `lease: ${lease.leaseState} (${lease.leaseStatus})`,
  ];
  if (lease.holder !== undefined || lease.revision !== undefined) {
    const code = lease.code !== undefined ? ` ${lease.code}` : '';
    lines.push(
      `${lease.leased ? 'holder' : 'last holder'}: ${lease.holder ?? '?'} of ${lease.revision ?? '?'}, ` +
        `epoch ${lease.epoch ?? '?'}, state ${lease.state ?? '?'}${code}${lease.since ? ` since ${lease.since}` : ''}`,
    );
  } else {
    lines.push('holder: none');
  }
  if (d && lease.leased && (lease.revision !== d.revision || lease.epoch !== d.epoch)) {
    lines.push(
      `warning: the lease is held under ${lease.revision ?? '?'} epoch ${lease.epoch ?? '?'}, not the designation`,
    );
  }
  return lines;
}
