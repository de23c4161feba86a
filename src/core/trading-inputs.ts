// The trading inputs of deploy-app and blue-green (DESIGN "One trading revision"; docs/trading-lease.md):
// `trading-lease` (environment fallback ALC_DEPLOY_TRADING_LEASE, through the runner's input source) and
// `handover-timeout`, whose floor depends on the app's terminationGracePeriodSeconds: an explicit value below it
// is refused, the default is raised to it. Pure.
import type { Template } from '@azure/arm-appcontainers';
import { parseTradingLease } from '../trading/lease-url.js';
import { DEFAULT_GRACE_SECONDS, handoverBoundMs, handoverFloorMs } from '../trading/protocol.js';
import type { TradingLeaseSetting } from '../trading/types.js';
import { InputError, parseDuration, type InputSource } from './inputs.js';

export interface TradingInputs {
  lease: TradingLeaseSetting;
  /** The handover-timeout input in ms, or undefined when empty (the default, raised to the floor). */
  handoverTimeoutMs?: number;
  /** The raw input, for an error once the floor is known. */
  handoverTimeoutRaw: string;
}

/**
 * Reads `trading-lease` and `handover-timeout`. An explicit timeout below the smallest possible floor (25 s, a
 * grace period of 0) is refused here; the app's own floor is checked by handoverBound once its template is
 * known (deploy-app: the spec's at once).
 */
export function readTradingInputs(get: InputSource): TradingInputs {
  const lease = parseTradingLease(get('trading-lease'), 'trading-lease');
  const raw = get('handover-timeout');
  const ms = raw.trim() === '' ? undefined : parseDuration('handover-timeout', raw, 0);
  if (ms !== undefined) handoverBound(ms, raw, 0);
  return { lease, handoverTimeoutRaw: raw, ...(ms === undefined ? {} : { handoverTimeoutMs: ms }) };
}

/** The app's terminationGracePeriodSeconds (ACA's default 30 when the template does not say). */
export function graceSecondsOf(
  template: Pick<Template, 'terminationGracePeriodSeconds'> | undefined,
): number {
  const g = template?.terminationGracePeriodSeconds;
  return typeof g === 'number' && Number.isFinite(g) && g >= 0 ? g : DEFAULT_GRACE_SECONDS;
}

/**
 * The handover bound: the explicit value (refused with InputError below 25 s + the grace period, the time the
 * escalations need), else 60 s raised to that floor.
 */
export function handoverBound(explicitMs: number | undefined, raw: string, graceSeconds: number): number {
  const floor = handoverFloorMs(graceSeconds);
  if (explicitMs === undefined) return handoverBoundMs(undefined, graceSeconds);
  if (explicitMs < floor)
    throw new InputError(
      'handover-timeout',
      raw,
      `allowed: a duration of at least ${floor / 1000}s (25s plus the app's terminationGracePeriodSeconds, ` +
        `${graceSeconds}s: a restart of the old revision must fit in the handover), such as 60s or 2m`,
    );
  return explicitMs;
}

/** The trading lease's URL when the pipeline manages it, else undefined (none, unmanaged). */
export const managedUrl = (s: TradingLeaseSetting): string | undefined =>
  s.kind === 'managed' ? s.url : undefined;
