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
  void status;
  throw new Error('not implemented');
}
