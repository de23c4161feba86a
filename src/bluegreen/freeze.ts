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
const ENTRY = /^(\S+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s+(\S+)$/;

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
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

function zoneProblem(zone: string): string | undefined {
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
      const [sh, sm, eh, em] = (m?.slice(2, 6) ?? []).map(Number);
      const start = sh * 60 + sm;
      const end = eh * 60 + em;
      const timesOk = sh < 24 && sm < 60 && em < 60 && (eh < 24 || end === 24 * 60) && start !== end;
      if (!m || !days || !timesOk) throw new InputError(input, text, FREEZE_ALLOWED);
      const problem = zoneProblem(m[6]);
      if (problem) throw new InputError(input, text, `${problem}; ${FREEZE_ALLOWED}`);
      return { text, days, start, end, zone: m[6] };
    });
}

/** Local weekday (0 = Sunday) and minutes after midnight of `date` in `zone`, as Intl computes them. */
export function localTime(zone: string, date: Date): { day: number; minutes: number } {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { day: dayIndex(parts.weekday), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
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

/** Whether a promotion may run given the window in force and the `override-freeze` reason. */
export function freezeDecision(window: FreezeWindow | undefined, overrideReason: string): FreezeDecision {
  if (!window) return { allowed: true, overridden: false, message: 'No freeze window is in force.' };
  const reason = overrideReason.trim();
  if (reason !== '' && !/^(true|yes|on|1)$/i.test(reason)) {
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
