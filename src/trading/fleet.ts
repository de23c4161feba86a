// The fleet check (DESIGN "One trading revision"; Knight Capital, SEC Release 70694): every active revision of the
// app is accounted for, production runs the promoted digest, and no other active revision trades live unfenced.
import type { RevisionInfo } from '../azure/aca.js';
import type { TrafficEntry } from '../revisions/traffic.js';

export interface FleetFacts {
  revisions: RevisionInfo[];
  traffic: TrafficEntry[];
  /** The production revision (the one designated to trade). */
  production: string;
  /** The image (digest reference) production must run. */
  promotedImage?: string;
  /** Labels whose revisions are kept on purpose (e.g. the blue/green labels). */
  keptLabels: string[];
  /** The managed lease URL (ALC_TRADING_LEASE) the app's containers must carry. */
  leaseUrl?: string;
}

/** The deviations found, one sentence each; empty when the fleet is as it should be. Pure. */
export function fleetCheck(f: FleetFacts): string[] {
  void f;
  throw new Error('not implemented');
}
