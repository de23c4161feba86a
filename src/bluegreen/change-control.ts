// Change control of a promotion: stop the line, the `freeze` windows and the market calendar, one decision taken
// before the run and again before every traffic write and the trading handover. Rollback and abort are never asked:
// both move production back toward the revision it came from. Pure: the clock is an argument.
export { parseStopTheLine } from '../core/stop-the-line.js';
import { calendarVerdict, describeNextWindow, type Calendar } from './calendar.js';
import {
  activeFreeze,
  freezeDecision,
  isOverrideReason,
  type FreezeDecision,
  type FreezeWindow,
} from './freeze.js';

export interface ChangeControl {
  freeze: readonly FreezeWindow[];
  calendar?: Calendar;
  overrideFreeze: string;
  /** The reason the line is stopped; empty: it runs. */
  stopTheLine: string;
}

export const lineStopped = (reason: string): string =>
  `Promotion refused: the line is stopped: ${reason}. Rollback and abort still run. ` +
  'To promote again, clear stop-the-line (the variable ALC_DEPLOY_STOP_THE_LINE); override-freeze does not ' +
  'override it.';

const calendarRefused = (reason: string, next: string): string =>
  `Promotion refused by the market calendar: ${reason}. Next allowed window: ${next}. Rollback is always ` +
  'allowed. To promote anyway, set the input override-freeze to the reason, ' +
  "e.g. override-freeze: 'hotfix for incident 1234'.";

/** The decision at `at`: stop the line first (no override), then the freeze windows, then the calendar. */
export function promoteDecision(c: ChangeControl, at: Date): FreezeDecision & { stopped?: boolean } {
  if (c.stopTheLine)
    return { allowed: false, overridden: false, stopped: true, message: lineStopped(c.stopTheLine) };
  const window = activeFreeze(c.freeze, at);
  if (window || !c.calendar) return freezeDecision(window, c.overrideFreeze);
  const verdict = calendarVerdict(c.calendar, at);
  if (verdict.allowed)
    return { allowed: true, overridden: false, message: `Market calendar: ${verdict.reason}.` };
  const reason = c.overrideFreeze.trim();
  if (isOverrideReason(reason))
    return {
      allowed: true,
      overridden: true,
      message: `Market calendar refuses (${verdict.reason}); overridden with the reason: ${reason}`,
    };
  return {
    allowed: false,
    overridden: false,
    message: calendarRefused(verdict.reason, describeNextWindow(c.freeze, c.calendar, at)),
  };
}

/** A promote refused by stop the line, a freeze window or the market calendar (the audit trail's `refused`). */
export class PromoteRefusedError extends Error {
  override name = 'PromoteRefusedError';
  constructor(readonly decision: FreezeDecision & { stopped?: boolean }) {
    super(decision.message);
  }
}

/** The first error of class `kind` in an error's cause chain (a recovery wraps the error it recovered from). */
export function causeOf<T extends Error>(
  error: unknown,
  kind: abstract new (...args: never[]) => T,
): T | undefined {
  for (let e = error as { cause?: unknown } | undefined, i = 0; e && i < 10; e = e.cause as typeof e, i++)
    if (e instanceof kind) return e;
  return undefined;
}

/** promoteDecision, thrown as a PromoteRefusedError when it refuses. */
export function assertPromoteAllowed(c: ChangeControl, at: Date): FreezeDecision {
  const decision = promoteDecision(c, at);
  if (!decision.allowed) throw new PromoteRefusedError(decision);
  return decision;
}
