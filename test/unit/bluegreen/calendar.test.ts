// The market calendar's decisions, table-driven, over NYSE's data in deploy/calendar/nyse.yaml and an injected
// clock: holidays, early closes, one-off dates, allow and deny windows, New York's daylight saving time changes,
// and the next allowed window that status shows.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  calendarVerdict,
  describeNextWindow,
  nextAllowedWindow,
  parseCalendar,
  type Calendar,
} from '../../../src/bluegreen/calendar.js';
import { readCalendar } from '../../../src/bluegreen/settings.js';
import { parseFreeze } from '../../../src/bluegreen/freeze.js';
import { InputError } from '../../../src/core/inputs.js';

const ROOT = resolve('.');
const read = (p: string) => readFileSync(p, 'utf8');

// The repository's calendar, with one-off dates inline (the firm's events file changes; these do not).
const CALENDAR = `
exchange: deploy/calendar/nyse.yaml
market-hours: deny
margin: 15m
holidays: deny
events:
  - { date: 2026-12-09, name: FOMC rate decision }
  - { date: 2026-12-10, name: CPI release, from: '08:00', to: '10:30' }
allow:
  - Mon-Fri 06:00-21:00 America/New_York
deny:
  - Sun 22:00-02:00 UTC
`;
const cal = (): Calendar => readCalendar(CALENDAR, ROOT, read, existsSync)!;
const utc = (iso: string) => new Date(`${iso}Z`);

describe('calendarVerdict', () => {
  it.each([
    // [what, UTC instant, allowed, reason pattern]
    [
      'a holiday (Christmas, Friday 2026-12-25, noon in New York)',
      '2026-12-25T17:00',
      false,
      /NYSE is closed on 2026-12-25 \(Christmas Day\)/,
    ],
    ['a holiday evening, outside the session too', '2026-12-26T01:00', false, /closed on 2026-12-25/],
    ['Good Friday 2026-04-03 before the open', '2026-04-03T11:00', false, /Good Friday/],
    [
      'a half day before 13:00 ET (12:59 EST, day after Thanksgiving)',
      '2026-11-27T17:59',
      false,
      /session 09:30-13:00 .*early close: Day after Thanksgiving/,
    ],
    ['a half day after 13:00 ET plus the margin (13:20 EST)', '2026-11-27T18:20', true, /allow window/],
    [
      'a half day inside the margin after its close (13:10 EST)',
      '2026-11-27T18:10',
      false,
      /denied 09:15-13:15/,
    ],
    [
      'an ordinary day at 13:20 EST: the session runs to 16:00',
      '2026-11-25T18:20',
      false,
      /session 09:30-16:00/,
    ],
    ['Christmas Eve 2026 (Thursday, early close) after 13:15 EST', '2026-12-24T19:00', true, /allow window/],
    [
      'a one-off date (FOMC, all day, in the evening)',
      '2026-12-09T23:00',
      false,
      /one-off date 2026-12-09 America\/New_York: FOMC rate decision/,
    ],
    ['the day before it, same hour', '2026-12-08T23:00', true, /allow window/],
    ['a one-off part of a day (CPI 08:00-10:30), at 07:30', '2026-12-10T12:30', true, /allow window/],
    [
      'a one-off part of a day (CPI 08:00-10:30), at 08:30',
      '2026-12-10T13:30',
      false,
      /08:00-10:30 .*CPI release/,
    ],
    [
      'an allow window: Tuesday 07:00 EST',
      '2026-12-08T12:00',
      true,
      /inside the allow window 'Mon-Fri 06:00-21:00 America\/New_York'/,
    ],
    ['outside every allow window: Saturday noon', '2026-12-12T17:00', false, /outside every allow window/],
    ['outside the allow window: Tuesday 22:00 EST', '2026-12-09T03:00', false, /outside every allow window/],
    [
      'a deny window across midnight, before midnight (Sunday 23:00 UTC)',
      '2026-12-13T23:00',
      false,
      /deny window 'Sun 22:00-02:00 UTC'/,
    ],
    ['a deny window across midnight, after it (Monday 01:59 UTC)', '2026-12-14T01:59', false, /deny window/],
    // Monday 02:00 UTC is Sunday 21:00 in New York: outside the allow window, not the deny window.
    [
      'the deny window ends at 02:00 UTC (exclusive)',
      '2026-12-14T02:00',
      false,
      /outside every allow window/,
    ],
    // New York's DST starts Sunday 2026-03-08: 13:45 UTC is 08:45 EST on Friday the 6th, 09:45 EDT on Monday the 9th.
    ['DST: Friday before the change, 13:45 UTC = 08:45 EST', '2026-03-06T13:45', true, /allow window/],
    ['DST: Monday after the change, 13:45 UTC = 09:45 EDT', '2026-03-09T13:45', false, /session 09:30-16:00/],
    // DST ends Sunday 2026-11-01: 14:00 UTC is 10:00 EDT on Friday 10-30, 09:00 EST on Monday 11-02.
    ['DST: Friday before the end, 14:00 UTC = 10:00 EDT', '2026-10-30T14:00', false, /session/],
    ['DST: Monday after the end, 14:00 UTC = 09:00 EST', '2026-11-02T14:00', true, /allow window/],
    ['DST: 20:30 UTC on Monday after the end = 15:30 EST, in session', '2026-11-02T20:30', false, /session/],
    [
      'a year the exchange data does not cover',
      '2029-01-03T12:00',
      false,
      /covers 2026, 2027, 2028, not 2029: add that year's holidays from https:\/\/www\.nyse\.com/,
    ],
  ])('%s', (_what, at, allowed, reason) => {
    const v = calendarVerdict(cal(), utc(at));
    expect(v.reason).toMatch(reason);
    expect(v.allowed).toBe(allowed);
  });

  it('holidays: allow and market-hours: allow leave only the windows', () => {
    const c = { ...cal(), holidays: 'allow' as const, marketHours: 'allow' as const };
    expect(calendarVerdict(c, utc('2026-12-25T17:00')).allowed).toBe(true);
    expect(calendarVerdict(c, utc('2026-11-25T18:20')).allowed).toBe(true);
  });
});

describe('nextAllowedWindow (status)', () => {
  it.each([
    [
      'on a holiday (Friday 2026-12-25 noon): Monday 06:00 until the margin before the open',
      '2026-12-25T17:00',
      '2026-12-28T11:00',
      '2026-12-28T14:15',
    ],
    [
      'on a half day before the close: 13:15 until 21:00 EST',
      '2026-12-24T15:00',
      '2026-12-24T18:15',
      '2026-12-25T02:00',
    ],
    ['on a one-off date: the next morning', '2026-12-09T15:00', '2026-12-10T11:00', '2026-12-10T13:00'],
    [
      'inside an allowed window: now, until it closes',
      '2026-12-08T12:00',
      '2026-12-08T12:00',
      '2026-12-08T14:15',
    ],
    [
      'across the DST change (Friday 2026-03-06 17:00 UTC): Monday 06:00 EDT is 10:00 UTC',
      '2026-03-06T17:00',
      '2026-03-06T21:15',
      '2026-03-07T02:00',
    ],
  ])('%s', (_what, at, from, until) => {
    const next = nextAllowedWindow([], cal(), utc(at))!;
    expect(next.from.toISOString()).toBe(utc(from).toISOString());
    expect(next.until?.toISOString()).toBe(utc(until).toISOString());
  });

  it('the status line names the window in New York time and UTC', () => {
    expect(describeNextWindow([], cal(), utc('2026-12-25T17:00'))).toBe(
      'from 2026-12-28 06:00 America/New_York (2026-12-28 11:00 UTC) until 2026-12-28 09:15 America/New_York (2026-12-28 14:15 UTC)',
    );
    expect(describeNextWindow([], cal(), utc('2026-12-08T12:00'))).toMatch(
      /^open now until 2026-12-08 09:15/,
    );
  });

  it('freeze windows count: the window opens after them', () => {
    const freeze = parseFreeze('freeze', 'Mon-Fri 06:00-08:00 America/New_York');
    expect(nextAllowedWindow(freeze, cal(), utc('2026-12-08T11:30'))!.from.toISOString()).toBe(
      utc('2026-12-08T13:00').toISOString(),
    );
  });

  it('none within the horizon', () => {
    const c = parseCalendar('calendar', 'allow: [Mon 00:00-01:00 UTC]\ndeny: [Mon 00:00-24:00 UTC]', read);
    expect(nextAllowedWindow([], c, utc('2026-12-08T12:00'))).toBeUndefined();
    expect(describeNextWindow([], c, utc('2026-12-08T12:00'))).toBe('no allowed window in the next 14 days');
  });
});

describe('the calendar input', () => {
  it('the repository default deploy/calendar.yaml parses, with its events file', () => {
    const c = readCalendar('deploy/calendar.yaml', ROOT, read, existsSync)!;
    expect(c.exchange?.name).toBe('NYSE');
    expect(c.exchange?.source).toMatch(/^https:\/\/www\.nyse\.com\//);
    expect(c.events.length).toBeGreaterThan(0);
    expect(c.marginMinutes).toBe(15);
  });
  it('empty and none: no calendar', () => {
    expect(readCalendar('', ROOT, read, existsSync)).toBeUndefined();
    expect(readCalendar('none', ROOT, read, existsSync)).toBeUndefined();
  });
  it.each([
    ['a missing file', 'deploy/calendar/nope.yaml', /calendar.*no such file/],
    ['an unknown key', 'exchange: deploy/calendar/nyse.yaml\nholiday: deny', /unknown key/],
    ['a bad choice', 'holidays: maybe', /holidays: allowed: deny, allow/],
    ['a bad window', 'allow: [Mon-Fri 9-17 America/New_York]', /allowed: windows such as/],
    ['an abbreviated zone', 'deny: [Mon-Fri 09:00-17:00 EST]', /not an IANA/],
    [
      'a bad event date',
      'zone: UTC\nevents: [{date: 2026-13-40, name: x}]',
      /event date: allowed: a date YYYY-MM-DD/,
    ],
    [
      'events without a zone',
      'events: [{date: 2026-12-09, name: FOMC}]',
      /required for events without an exchange/,
    ],
    ['a missing exchange file', 'exchange: deploy/calendar/lse.yaml', /calendar exchange.*no such file/],
    ['a path out of the workspace', 'exchange: ../../etc/passwd', /inside the workspace/],
  ])('refuses %s with one InputError', (_what, raw, message) => {
    const fn = () => readCalendar(raw, ROOT, read, existsSync);
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(message);
  });
});
