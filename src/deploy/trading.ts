// deploy-app's trading decisions (DESIGN "One trading revision", docs/trading-lease.md), pure: the lease URL set
// in every container of a production revision, a live spec without a lease refused (unless `unmanaged`), a
// preview that never names a lease, a new revision that must not hold the lease undesignated, and when a deploy
// is the app's first (it designates the new revision).
import type { EnvironmentVar, Template } from '@azure/arm-appcontainers';
import type { Designation, LeaseView, TradingLeaseSetting } from '../trading/types.js';
import { InputError } from '../core/inputs.js';
import { everyContainer, GuardError, refuseLivePortTemplate } from './guards.js';
import type { TradingRules } from './rules.js';

/** The variable the agents read the trading lease's prefix URL from. */
export const LEASE_VARIABLE = 'ALC_TRADING_LEASE';

/**
 * Where a template trades live (the live port in any spelling, in any container or init container: the preview
 * guard's detector), as the guard says it, or undefined.
 */
export function livePortIn(
  template: Template | undefined,
  source: string,
  prefix: (string | number)[],
  rules?: TradingRules,
): string | undefined {
  try {
    refuseLivePortTemplate(template, source, prefix, rules);
    return undefined;
  } catch (error) {
    if (error instanceof GuardError || error instanceof InputError) return error.message;
    throw error;
  }
}

/** The same template with ALC_TRADING_LEASE=url in every container and init container (replacing any other). */
export function withTradingLease(template: Template, url: string): Template {
  const copy = structuredClone(template);
  for (const { container } of everyContainer(copy, [])) {
    const env = (container.env ?? []).filter((e: EnvironmentVar) => e.name !== LEASE_VARIABLE);
    container.env = [...env, { name: LEASE_VARIABLE, value: url }];
  }
  return copy;
}

export const LIVE_WITHOUT_LEASE =
  "required in mode production when the app trades live: the trading lease's prefix URL " +
  'https://<account>.blob.core.windows.net/<container>/<app> (so that one revision trades at a time), ' +
  "or 'unmanaged' to say on purpose that the pipeline does not fence this app's trading";

export const unmanagedWarning = (where: string): string =>
  `trading-lease is 'unmanaged': ${where} trades live and the pipeline does not fence its trading; two ` +
  'revisions (the candidate and production, or the replicas of an update) may trade at once';

/**
 * Production mode: the template (after env-vars) trades live without a managed lease: refused without any
 * trading-lease input (InputError), a warning with `unmanaged`. Returns the warning, if any.
 */
export function guardLiveTrading(
  lease: TradingLeaseSetting,
  template: Template | undefined,
  source: string,
  prefix: (string | number)[],
  rules?: TradingRules,
): string | undefined {
  if (lease.kind === 'managed') return undefined;
  const live = livePortIn(template, source, prefix, rules);
  if (!live) return undefined;
  if (lease.kind === 'unmanaged') return unmanagedWarning(source);
  throw new InputError('trading-lease', '', `${LIVE_WITHOUT_LEASE} (${live.split(': preview')[0]})`);
}

export const PREVIEW_LEASE_ALLOWED =
  'allowed in mode preview: empty or unmanaged; previews trade paper without a trading lease and never name ' +
  "one (a preview's agents must not compete for, nor read, production's lease)";

/** Preview mode: any managed lease is refused (previews never name the production lease, nor any other). */
export function guardPreviewLease(lease: TradingLeaseSetting, raw: string): void {
  if (lease.kind === 'managed') throw new InputError('trading-lease', raw, PREVIEW_LEASE_ALLOWED);
}

/** Preview mode: no container of the preview may carry ALC_TRADING_LEASE (spec, live app, or env-vars). */
export function refuseLeaseVariable(
  template: Template | undefined,
  source: string,
  envVars: readonly EnvironmentVar[],
  envInput = 'env-vars',
): void {
  const given = envVars.find((e) => e.name === LEASE_VARIABLE);
  if (given)
    throw new InputError(
      envInput,
      `${given.name}=${given.value}`,
      `allowed: entries without ${LEASE_VARIABLE}: ${PREVIEW_LEASE_ALLOWED.slice('allowed in mode preview: empty or unmanaged; '.length)}`,
    );
  for (const { container, path } of everyContainer(template, [])) {
    const at = (container.env ?? []).findIndex((e) => e.name === LEASE_VARIABLE);
    if (at >= 0)
      throw new GuardError(
        `${source}: ${path.join('.')}.env[${at}]: ${LEASE_VARIABLE}: previews trade paper and never name a trading lease`,
      );
  }
}

/**
 * A new revision that holds the lease while the designation does not name it (an agent that ignores the
 * designation, or trades before it may): the deploy fails and the revision is retired.
 */
export function holdsUndesignated(
  revision: string,
  lease: LeaseView,
  designation: Pick<Designation, 'revision'> | undefined,
): boolean {
  return lease.leased && lease.revision === revision && designation?.revision !== revision;
}

export const heldUndesignated = (
  revision: string,
  lease: LeaseView,
  designation: Designation | undefined,
): string =>
  `${revision} holds the trading lease (holder ${lease.holder ?? '?'}, state ${lease.state ?? '?'}) but the ` +
  `designation names ${designation ? `'${designation.revision}' (epoch ${designation.epoch})` : 'nobody (no designation blob)'}: ` +
  'its agents do not follow the trading lease protocol; it gets no traffic';

/** A first deploy designates the new revision: the app was created by this run, or no designation exists yet. */
export const isFirstDeploy = (created: boolean, designation: Designation | undefined): boolean =>
  created || designation === undefined;
