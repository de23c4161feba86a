// Freeze windows: weekly windows, in a time zone, during which promotion is refused unless overridden with a
// reason. Pure: the clock is an argument.

import { InputError } from '../core/inputs.js';
import { FREEZE_ALLOWED, freezeOverridden, freezeRefused, zoneNotIana } from './messages.js';

export interface FreezeWindow {
  /** The entry as written, for messages. */
  text: string;
  /** Days the window starts on, 0 = Sunday. */
  days: number[];
  /** Minutes after local midnight; `end` < `start` crosses midnight; end is exclusive. */
  start: number;
  end: number;
  /** IANA time zone. */
  zone: string;
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ENTRY = /^(\S+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s+(\S+)$/;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** Minutes after midnight of a 24-hour `HH:MM` (24:00 is the day's end); undefined for anything else. */
export function clockMinutes(text: string): number | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return min < 60 && (h < 24 || (h === 24 && min === 0)) ? h * 60 + min : undefined;
}

function dayIndex(name: string): number {
  return DAYS.indexOf(name.toLowerCase());
}

function parseDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-').map(dayIndex);
    if (from < 0 || to < 0 || extra !== undefined) return undefined;
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === (to ?? from)) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Why `zone` is no IANA time zone (the freeze input's and the market calendar's rule), or undefined. */
export function zoneProblem(zone: string): string | undefined {
  // Intl also takes abbreviations: 'EST' is a fixed UTC-5 with no daylight saving time, so a New York window
  // written with it opens an hour late half the year. Only Area/Location names (and UTC) say what is meant.
  if (!zone.includes('/') && !/^(utc|gmt)$/i.test(zone)) return zoneNotIana(zone);
  try {
    formatter(zone);
    return undefined;
  } catch {
    return `unknown time zone '${zone}' (use an IANA name such as America/New_York or UTC)`;
  }
}

/** The `freeze` input: windows separated by newlines or ';'. Empty -> no window. */
export function parseFreeze(input: string, raw: string): FreezeWindow[] {
  return raw
    .split(/[\n;]/)
    .map((s) => s.trim().replace(/\s+/g, ' ').replace(/ ?, ?/g, ','))
    .filter((s) => s !== '' && !s.startsWith('#'))
    .map((text) => {
      const m = ENTRY.exec(text);
      const days = m ? parseDays(m[1]) : undefined;
      const start = m ? clockMinutes(m[2]) : undefined;
      const end = m ? clockMinutes(m[3]) : undefined;
      if (!m || !days || start === undefined || end === undefined || start >= 24 * 60 || start === end)
        throw new InputError(input, text, FREEZE_ALLOWED);
      const problem = zoneProblem(m[4]);
      if (problem) throw new InputError(input, text, `${problem}; ${FREEZE_ALLOWED}`);
      return { text, days, start, end, zone: m[4] };
    });
}

/** Local weekday (0 = Sunday), date (YYYY-MM-DD) and minutes after midnight of `at` in `zone`, as Intl has them. */
export function localTime(zone: string, at: Date): { day: number; date: string; minutes: number } {
  const p = Object.fromEntries(
    formatter(zone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return {
    day: dayIndex(p.weekday),
    date: `${p.year}-${p.month}-${p.day}`,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

function inWindow(w: FreezeWindow, date: Date): boolean {
  const { day, minutes } = localTime(w.zone, date);
  if (w.start < w.end) return w.days.includes(day) && minutes >= w.start && minutes < w.end;
  return (w.days.includes(day) && minutes >= w.start) || (w.days.includes((day + 6) % 7) && minutes < w.end);
}

/** The first window in force at `date`, or undefined. */
export function activeFreeze(windows: readonly FreezeWindow[], date: Date): FreezeWindow | undefined {
  return windows.find((w) => inWindow(w, date));
}

export interface FreezeDecision {
  allowed: boolean;
  overridden: boolean;
  message: string;
}

/** Whether `override-freeze` gives a reason (not empty, not a bare yes/true: an override must say why). */
export const isOverrideReason = (raw: string): boolean => {
  const reason = raw.trim();
  return reason !== '' && !/^(true|yes|on|1)$/i.test(reason);
};

/** Whether a promotion may run given the window in force and the `override-freeze` reason. */
export function freezeDecision(window: FreezeWindow | undefined, overrideReason: string): FreezeDecision {
  if (!window) return { allowed: true, overridden: false, message: 'No freeze window is in force.' };
  const reason = overrideReason.trim();
  if (isOverrideReason(reason)) {
    return {
      allowed: true,
      overridden: true,
      message: freezeOverridden(window.text, reason),
    };
  }
  const notReason = reason === '' ? '' : ` ('${reason}' is not a reason)`;
  return {
    allowed: false,
    overridden: false,
    message: freezeRefused(window.text, notReason),
  };
}

/**
 * Promote's one freeze rule, taken before the run and again before every traffic write (waiting for the
 * candidate and each stage's wait can carry a promotion that started outside a window into one): the decision
 * at `at`, thrown as an error when it refuses.
 */
export function assertOutsideFreeze(
  windows: readonly FreezeWindow[],
  overrideReason: string,
  at: Date,
): FreezeDecision {
  const decision = freezeDecision(activeFreeze(windows, at), overrideReason);
  if (!decision.allowed) throw new Error(decision.message);
  return decision;
}
