// The market calendar (blue-green's `calendar` input): when promote and the trading handover may run. Weekly allow
// and deny windows (the `freeze` syntax), an exchange's holidays and early closes (data in the repository, with its
// source), and the firm's one-off dates (FOMC, CPI, earnings). Pure: the clock is an argument, files are read by
// the caller (settings.ts) and handed in as text.
//
//   exchange: deploy/calendar/nyse.yaml   # holidays and early closes (a file, see deploy/calendar/nyse.yaml)
//   market-hours: deny                    # deny (default with an exchange) or allow the exchange's session
//   margin: 15m                           # the session's deny reaches this far before the open and after the close
//   holidays: deny                        # deny (default) or allow the days the exchange is closed
//   events: deploy/calendar/events.yaml   # the firm's one-off dates (a file, or an inline list)
//   zone: America/New_York                # the zone of event dates (default: the exchange's)
//   allow: [Mon-Fri 06:00-21:00 America/New_York]   # when given: only inside one of them
//   deny: [Sun 18:00-20:00 UTC]
import { parse as parseYaml } from 'yaml';
import { InputError, parseDuration } from '../core/inputs.js';
import {
  activeFreeze,
  clockMinutes,
  localTime,
  parseFreeze,
  zoneProblem,
  type FreezeWindow,
} from './freeze.js';

export interface ExchangeDay {
  date: string;
  name: string;
  /** An early close: minutes after local midnight. Absent: closed all day. */
  close?: number;
}

export interface Exchange {
  name: string;
  source: string;
  zone: string;
  open: number;
  close: number;
  years: number[];
  days: ReadonlyMap<string, ExchangeDay>;
}

export interface OneOffDate {
  date: string;
  name: string;
  /** Minutes after local midnight; absent: the whole day. */
  from?: number;
  to?: number;
}

export interface Calendar {
  exchange?: Exchange;
  marketHours: 'deny' | 'allow';
  marginMinutes: number;
  holidays: 'deny' | 'allow';
  /** The zone of the one-off dates. */
  zone: string;
  events: OneOffDate[];
  allow: FreezeWindow[];
  deny: FreezeWindow[];
}

/** Reads a file named in the calendar (exchange, events): the caller resolves it inside the workspace. */
export type ReadCalendarFile = (key: string, path: string) => string;

export const CALENDAR_ALLOWED =
  'allowed: YAML (or the path of a YAML file in the workspace) with the keys exchange (a file such as ' +
  'deploy/calendar/nyse.yaml), market-hours (deny or allow), margin (a duration), holidays (deny or allow), ' +
  'events (a file or a list of {date: YYYY-MM-DD, name, from?: HH:MM, to?: HH:MM}), zone (an IANA time zone), ' +
  "allow and deny (lists of windows such as 'Mon-Fri 16:15-20:00 America/New_York')";

const KEYS = ['exchange', 'market-hours', 'margin', 'holidays', 'events', 'zone', 'allow', 'deny'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(input: string, raw: unknown, what: string): number {
  const minutes = clockMinutes(String(raw ?? ''));
  if (minutes === undefined) throw new InputError(input, String(raw), `${what}: allowed: HH:MM in 24h`);
  return minutes;
}

function dateOf(input: string, raw: unknown, what: string): string {
  // YAML reads an unquoted 2026-12-09 as a Date (UTC midnight).
  const text =
    raw instanceof Date && !Number.isNaN(raw.getTime())
      ? raw.toISOString().slice(0, 10)
      : String(raw ?? '').trim();
  const day = new Date(`${text}T00:00:00Z`);
  if (!DATE.test(text) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text)
    throw new InputError(input, String(raw), `${what}: allowed: a date YYYY-MM-DD`);
  return text;
}

function yamlOf(input: string, text: string): unknown {
  try {
    return parseYaml(text); // YAML 1.2: dates stay text (1.1 would roll 2026-13-40 over into 2027)
  } catch (e) {
    throw new InputError(
      input,
      text.split('\n')[0],
      `not YAML (${(e as Error).message.split('\n')[0]}); ${CALENDAR_ALLOWED}`,
    );
  }
}

function zoneOf(input: string, zone: string): string {
  const problem = zoneProblem(zone); // as the freeze input checks it (IANA Area/Location or UTC)
  if (problem) throw new InputError(input, zone, `${problem}; ${CALENDAR_ALLOWED}`);
  return zone;
}

/** An exchange file (deploy/calendar/nyse.yaml): its name, source, session, years covered, closed and early days. */
export function parseExchange(input: string, text: string): Exchange {
  const y = yamlOf(input, text) as Record<string, unknown> | null;
  const what = 'an exchange file needs name, source, zone, open, close, years, closed and early-close';
  if (!y || typeof y !== 'object' || !y.name || !y.source || !y.zone || !Array.isArray(y.years))
    throw new InputError(input, text.split('\n')[0], what);
  const days = new Map<string, ExchangeDay>();
  const add = (list: unknown, early: boolean) => {
    for (const e of (Array.isArray(list) ? list : []) as Record<string, unknown>[]) {
      const date = dateOf(input, e?.date, `exchange ${early ? 'early-close' : 'closed'} date`);
      days.set(date, {
        date,
        name: String(e.name ?? ''),
        ...(early ? { close: minutesOf(input, e.close, `early close of ${date}`) } : {}),
      });
    }
  };
  add(y.closed, false);
  add(y['early-close'], true);
  return {
    name: String(y.name),
    source: String(y.source),
    zone: zoneOf(input, String(y.zone)),
    open: minutesOf(input, y.open, 'exchange open'),
    close: minutesOf(input, y.close, 'exchange close'),
    years: (y.years as unknown[]).map(Number),
    days,
  };
}

function parseEvents(input: string, list: unknown): OneOffDate[] {
  const items = (list as { events?: unknown } | null)?.events ?? list;
  if (items == null) return [];
  if (!Array.isArray(items)) throw new InputError(input, String(items), `events: ${CALENDAR_ALLOWED}`);
  return (items as Record<string, unknown>[]).map((e) => {
    const date = dateOf(input, e?.date, 'event date');
    return {
      date,
      name: String(e.name ?? 'one-off date'),
      ...(e.from !== undefined ? { from: minutesOf(input, e.from, `event ${date} from`) } : {}),
      ...(e.to !== undefined ? { to: minutesOf(input, e.to, `event ${date} to`) } : {}),
    };
  });
}

function windowsOf(input: string, key: string, raw: unknown): FreezeWindow[] {
  if (raw == null) return [];
  const lines = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  return parseFreeze(`${input} ${key}`, lines.join('\n'));
}

function choice<T extends string>(
  input: string,
  key: string,
  raw: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (raw == null) return fallback;
  const hit = choices.find((c) => c === String(raw).trim().toLowerCase());
  if (!hit) throw new InputError(input, String(raw), `${key}: allowed: ${choices.join(', ')}`);
  return hit;
}

/** The calendar YAML; files it names are read through `readFile` (key, path). */
export function parseCalendar(input: string, text: string, readFile: ReadCalendarFile): Calendar {
  const y = yamlOf(input, text);
  if (!y || typeof y !== 'object' || Array.isArray(y)) throw new InputError(input, text, CALENDAR_ALLOWED);
  const c = y as Record<string, unknown>;
  const unknown = Object.keys(c).find((k) => !KEYS.includes(k));
  if (unknown) throw new InputError(input, unknown, `unknown key; ${CALENDAR_ALLOWED}`);
  const exchange =
    typeof c.exchange === 'string' && c.exchange.trim() !== ''
      ? parseExchange(`${input} exchange`, readFile('exchange', c.exchange.trim()))
      : undefined;
  const events =
    typeof c.events === 'string' && c.events.trim() !== ''
      ? parseEvents(`${input} events`, yamlOf(`${input} events`, readFile('events', c.events.trim())))
      : parseEvents(`${input} events`, typeof c.events === 'string' ? null : c.events);
  const zoneRaw = c.zone == null ? exchange?.zone : String(c.zone);
  if (events.length && !zoneRaw)
    throw new InputError(input, 'zone', 'required for events without an exchange: an IANA time zone');
  return {
    ...(exchange ? { exchange } : {}),
    marketHours: choice(input, 'market-hours', c['market-hours'], ['deny', 'allow'] as const, 'deny'),
    marginMinutes: Math.round(parseDuration(`${input} margin`, String(c.margin ?? ''), 0) / 60_000),
    holidays: choice(input, 'holidays', c.holidays, ['deny', 'allow'] as const, 'deny'),
    zone: zoneRaw ? zoneOf(input, zoneRaw) : 'UTC',
    events,
    allow: windowsOf(input, 'allow', c.allow),
    deny: windowsOf(input, 'deny', c.deny),
  };
}

// Decisions.

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export interface CalendarVerdict {
  allowed: boolean;
  /** Why (refused), or what allowed it. */
  reason: string;
}

function exchangeVerdict(c: Calendar, x: Exchange, at: Date): CalendarVerdict | undefined {
  const { date, minutes } = localTime(x.zone, at);
  if (!x.years.includes(Number(date.slice(0, 4))))
    return {
      allowed: false,
      reason:
        `the ${x.name} calendar covers ${x.years.join(', ')}, not ${date.slice(0, 4)}: ` +
        `add that year's holidays from ${x.source}`,
    };
  const special = x.days.get(date);
  if (special && special.close === undefined) {
    return c.holidays === 'deny'
      ? { allowed: false, reason: `${x.name} is closed on ${date} (${special.name})` }
      : undefined;
  }
  if (c.marketHours === 'allow' || isWeekend(date)) return undefined;
  const close = special?.close ?? x.close;
  const from = x.open - c.marginMinutes;
  const to = close + c.marginMinutes;
  if (minutes >= from && minutes < to) {
    const early = special ? ` (early close: ${special.name})` : '';
    return {
      allowed: false,
      reason:
        `${x.name} is trading: session ${hhmm(x.open)}-${hhmm(close)} ${x.zone} on ${date}${early}, ` +
        `denied ${hhmm(from)}-${hhmm(to)}`,
    };
  }
  return undefined;
}

/** Whether the calendar allows a promotion (or a handover) at `at`, and why. */
export function calendarVerdict(c: Calendar, at: Date): CalendarVerdict {
  const market = c.exchange ? exchangeVerdict(c, c.exchange, at) : undefined;
  if (market) return market;
  if (c.events.length) {
    const { date, minutes } = localTime(c.zone, at);
    const hit = c.events.find(
      (e) => e.date === date && minutes >= (e.from ?? 0) && minutes < (e.to ?? 24 * 60),
    );
    if (hit) {
      const part = hit.from !== undefined || hit.to !== undefined;
      const hours = part ? ` ${hhmm(hit.from ?? 0)}-${hhmm(hit.to ?? 24 * 60)}` : '';
      return { allowed: false, reason: `one-off date ${date}${hours} ${c.zone}: ${hit.name}` };
    }
  }
  const deny = c.deny.find((w) => inWindow(w, at));
  if (deny) return { allowed: false, reason: `deny window '${deny.text}'` };
  if (c.allow.length) {
    const allow = c.allow.find((w) => inWindow(w, at));
    if (!allow)
      return {
        allowed: false,
        reason: `outside every allow window (${c.allow.map((w) => `'${w.text}'`).join(', ')})`,
      };
    return { allowed: true, reason: `inside the allow window '${allow.text}'` };
  }
  return { allowed: true, reason: 'the market calendar allows it' };
}

const inWindow = (w: FreezeWindow, at: Date): boolean => activeFreeze([w], at) !== undefined;

/**
 * Whether promotion is allowed at `at` by both the `freeze` windows and the calendar; undefined calendar: the
 * freeze windows alone.
 */
export function windowAllows(
  freeze: readonly FreezeWindow[],
  calendar: Calendar | undefined,
  at: Date,
): CalendarVerdict {
  const w = activeFreeze(freeze, at);
  if (w) return { allowed: false, reason: `freeze window '${w.text}'` };
  return calendar ? calendarVerdict(calendar, at) : { allowed: true, reason: 'no freeze window is in force' };
}

export interface NextWindow {
  from: Date;
  /** The end of that window (exclusive), if it ends within the horizon. */
  until?: Date;
}

/**
 * The next allowed window at or after `at` (the minute `at` is in, when allowed now), looking `horizonDays` ahead,
 * minute by minute (windows are minute-precise). Undefined: none within the horizon.
 */
export function nextAllowedWindow(
  freeze: readonly FreezeWindow[],
  calendar: Calendar | undefined,
  at: Date,
  horizonDays = 14,
): NextWindow | undefined {
  const step = 60_000;
  const start = Math.floor(at.getTime() / step) * step;
  const end = start + horizonDays * 24 * 60 * step;
  let t = start;
  while (t < end && !windowAllows(freeze, calendar, new Date(t)).allowed) t += step;
  if (t >= end) return undefined;
  const from = t;
  while (t < end && windowAllows(freeze, calendar, new Date(t)).allowed) t += step;
  return { from: new Date(from), ...(t < end ? { until: new Date(t) } : {}) };
}

/** `2026-12-08 16:15 America/New_York (21:15 UTC)`, in the calendar's zone. */
export function describeInstant(at: Date, zone: string): string {
  const local = localTime(zone, at);
  const utc = at.toISOString().slice(11, 16);
  return `${local.date} ${hhmm(local.minutes)} ${zone} (${at.toISOString().slice(0, 10)} ${utc} UTC)`;
}

/** The status line: the next allowed window, or that none is within the horizon. */
export function describeNextWindow(
  freeze: readonly FreezeWindow[],
  calendar: Calendar | undefined,
  at: Date,
): string {
  const zone = calendar?.exchange?.zone ?? calendar?.zone ?? freeze[0]?.zone ?? 'UTC';
  const next = nextAllowedWindow(freeze, calendar, at);
  if (!next) return 'no allowed window in the next 14 days';
  const now = next.from.getTime() <= at.getTime();
  const until = next.until ? ` until ${describeInstant(next.until, zone)}` : '';
  return `${now ? 'open now' : `from ${describeInstant(next.from, zone)}`}${until}`;
}
