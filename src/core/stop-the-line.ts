// Stop the line: one switch (the `stop-the-line` input of deploy-app and blue-green, environment fallback
// ALC_DEPLOY_STOP_THE_LINE, which the workflows pass from a repository or environment variable) that refuses every
// promote and trading handover; rollback and abort pass. Its reason is shown in every run's summary and in the pull
// request's comment. Pure.
import { InputError } from './inputs.js';

export const STOP_THE_LINE_ALLOWED =
  'allowed: empty (the line runs) or the reason every promote and handover is refused, e.g. ' +
  "'incident 1234: broker outage' (a word such as true or off is not a reason; clear the variable " +
  'ALC_DEPLOY_STOP_THE_LINE to run the line again)';

/** The `stop-the-line` input: a reason on one line, or empty. */
export function parseStopTheLine(input: string, raw: string): string {
  const v = raw.trim().replace(/\s+/g, ' ');
  if (v === '') return '';
  if (/^(true|false|yes|no|on|off|1|0|stop|stopped)$/i.test(v) || v.length < 3)
    throw new InputError(input, raw, STOP_THE_LINE_ALLOWED);
  return v;
}

/** The line of every summary and comment while the line is stopped. */
export const stopTheLineNotice = (reason: string): string =>
  `⛔ The line is stopped: ${reason}. Every promote and trading handover is refused; rollback and abort run.`;
