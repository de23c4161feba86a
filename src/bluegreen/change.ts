// What a blue-green run reports to the notifications and the audit trail (src/core/change-control.ts): pure
// functions of its settings and its result or error.
import type { ChangeReport } from '../core/change-control.js';
import { windowOf } from '../core/change-control.js';
import { describeError } from '../core/run-entry.js';
import { trafficJson } from './summary.js';
import { AnalysisFailedError, type BlueGreenResult } from './context.js';
import { causeOf, PromoteRefusedError } from './change-control.js';
import type { FreezeDecision } from './freeze.js';
import type { BlueGreenSettings } from './settings.js';
import type { TradingFacts } from '../core/trading-summary.js';

/** The version a revision name carries (`<app>--v1-2-3` -> `v1-2-3`). */
const suffixOf = (revision: string | undefined) => revision?.split('--')[1];

function targetOf(s: BlueGreenSettings): string {
  if (s.command === 'rollback') {
    const to = s.to;
    return to.kind === 'previous' ? 'previous' : to.kind === 'version' ? to.version : to.revision;
  }
  return s.label ?? 'candidate';
}

const PRODUCTION: Record<
  string,
  { change: 'promote' | 'rollback' | 'abort'; notice: 'released' | 'rolled-back' | 'aborted' }
> = {
  promote: { change: 'promote', notice: 'released' },
  rollback: { change: 'rollback', notice: 'rolled-back' },
  abort: { change: 'abort', notice: 'aborted' },
};

/** The report of a run that returned; undefined for status and teardown (no production change). */
export function blueGreenChange(s: BlueGreenSettings, r: BlueGreenResult): ChangeReport | undefined {
  const kind = PRODUCTION[s.command];
  if (!kind) return undefined;
  const changed =
    trafficJson(r.before) !== trafficJson(r.after) || r.deactivated.length > 0 || !!r.trading?.handover;
  const window = s.command === 'promote' ? windowOf(r.freeze, s.overrideFreeze) : 'any time';
  const override = s.command === 'promote' ? overrideOf(r.freeze, s.overrideFreeze) : [];
  const what = changed
    ? `${s.command} of ${s.app} done: production is ${r.productionRevision ?? 'unknown'}` +
      (r.previousRevision ? ` (was ${r.previousRevision})` : '') +
      (r.trading?.designation
        ? `; trading ${r.trading.designation.revision || 'nobody'} at epoch ${r.trading.designation.epoch}`
        : '')
    : `${s.command} of ${s.app}: nothing left to do; production is ${r.productionRevision ?? 'unknown'}`;
  return {
    app: s.app,
    action: `blue-green ${s.command}`,
    change: kind.change,
    outcome: 'succeeded',
    notice: kind.notice,
    changed,
    target: targetOf(s),
    what,
    reason: window.startsWith('override: ') ? window.slice('override: '.length) : '',
    ...(suffixOf(r.productionRevision) ? { version: suffixOf(r.productionRevision) } : {}),
    ...(r.productionRevision ? { revision: r.productionRevision, to: r.productionRevision } : {}),
    ...(r.previousRevision ? { from: r.previousRevision } : {}),
    ...(r.trading?.designation ? { epoch: r.trading.designation.epoch } : {}),
    ...(r.productionDigest ? { digest: r.productionDigest } : {}),
    window,
    ...(override.length ? { decisions: override } : {}),
  };
}

/** An override used (a promote inside a deny window, with its reason): its own record, before the promote's. */
function overrideOf(
  freeze: FreezeDecision | undefined,
  reason: string,
): NonNullable<ChangeReport['decisions']> {
  return freeze?.overridden ? [{ change: 'override', outcome: 'succeeded', reason: reason.trim() }] : [];
}

/** Whether a failure was a failed watch that rolled the release back (the cause chain holds the analysis). */
export function watchRolledBackOf(error: unknown): boolean {
  return !!causeOf(error, AnalysisFailedError)?.watch;
}

/** The report of a failed run; undefined for status and teardown. */
export function blueGreenFailureChange(s: BlueGreenSettings, error: unknown): ChangeReport | undefined {
  const kind = PRODUCTION[s.command];
  if (!kind) return undefined;
  // A promote refused by stop the line, a freeze window or the market calendar: refused, with the stop's record.
  const refused = causeOf(error, PromoteRefusedError)?.decision;
  if (refused) {
    const stop = refused.stopped ? (s.stopTheLine ?? '').trim() : '';
    return {
      app: s.app,
      action: `blue-green ${s.command}`,
      change: kind.change,
      outcome: 'refused',
      notice: 'failed',
      changed: true,
      target: targetOf(s),
      what: describeError(error),
      reason: stop || refused.message,
      window: stop ? `stop: ${stop}` : 'refused',
      ...(stop
        ? { decisions: [{ change: 'stop' as const, outcome: 'refused' as const, reason: stop }] }
        : {}),
    };
  }
  const rolledBack = watchRolledBackOf(error);
  const trading = (error as { trading?: TradingFacts } | undefined)?.trading;
  // The window decision the run took before it failed (attached by runBlueGreen), if it got that far.
  const freeze = (error as { freeze?: FreezeDecision } | undefined)?.freeze;
  const override = s.command === 'promote' ? overrideOf(freeze, s.overrideFreeze) : [];
  const why = describeError(error);
  return {
    app: s.app,
    action: `blue-green ${s.command}`,
    change: kind.change,
    outcome: rolledBack ? 'rolled-back' : 'failed',
    notice: rolledBack ? 'rolled-back' : 'failed',
    changed: true,
    target: targetOf(s),
    what: rolledBack ? `The watch after the promote failed and rolled the release back: ${why}` : why,
    reason: why,
    ...(trading?.designation ? { epoch: trading.designation.epoch } : {}),
    ...(s.command === 'promote'
      ? { window: freeze ? windowOf(freeze, s.overrideFreeze) : 'unknown' }
      : { window: 'any time' }),
    ...(override.length ? { decisions: override } : {}),
  };
}
