// deploy/calendar/nyse.yaml against NYSE's rules, computed here independently: every holiday and early close of
// every year the file covers, no more and no fewer.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseExchange } from '../../../src/bluegreen/calendar.js';

const nyse = parseExchange('exchange', readFileSync('deploy/calendar/nyse.yaml', 'utf8'));

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
/** The n-th weekday `w` (0 = Sunday) of a month; n = -1: the last. */
function nth(y: number, m: number, w: number, n: number): Date {
  if (n < 0) {
    let d = day(y, m + 1, 0);
    while (d.getUTCDay() !== w) d = plus(d, -1);
    return d;
  }
  let d = day(y, m, 1);
  while (d.getUTCDay() !== w) d = plus(d, 1);
  return plus(d, 7 * (n - 1));
}
/** Easter Sunday (the anonymous Gregorian computus). */
function easter(y: number): Date {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  return day(y, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}
/** NYSE Rule 7.2: Saturday -> the Friday before, Sunday -> the Monday after. */
const observed = (d: Date) => (d.getUTCDay() === 6 ? plus(d, -1) : d.getUTCDay() === 0 ? plus(d, 1) : d);
const weekday = (d: Date) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5;

function rules(y: number): { closed: string[]; early: string[] } {
  const newYear = day(y, 1, 1);
  const closed = [
    // New Year's Day on a Saturday is not observed on the Friday before (the year's last trading day).
    ...(newYear.getUTCDay() === 6 ? [] : [observed(newYear)]),
    nth(y, 1, 1, 3), // Martin Luther King Jr. Day: third Monday of January
    nth(y, 2, 1, 3), // Washington's Birthday: third Monday of February
    plus(easter(y), -2), // Good Friday
    nth(y, 5, 1, -1), // Memorial Day: last Monday of May
    observed(day(y, 6, 19)), // Juneteenth
    observed(day(y, 7, 4)), // Independence Day
    nth(y, 9, 1, 1), // Labor Day: first Monday of September
    nth(y, 11, 4, 4), // Thanksgiving: fourth Thursday of November
    observed(day(y, 12, 25)), // Christmas
  ].map(iso);
  const early = [day(y, 7, 3), plus(nth(y, 11, 4, 4), 1), day(y, 12, 24)]
    .filter((d) => weekday(d) && !closed.includes(iso(d)))
    .map(iso);
  return { closed, early };
}

describe('deploy/calendar/nyse.yaml', () => {
  it('names its source and covers this year and the next', () => {
    expect(nyse.source).toBe('https://www.nyse.com/markets/hours-calendars');
    expect(nyse.years).toEqual(expect.arrayContaining([2026, 2027]));
    expect([nyse.zone, nyse.open, nyse.close]).toEqual(['America/New_York', 9 * 60 + 30, 16 * 60]);
  });
  it.each(nyse.years)('%i: the closed days and 13:00 early closes follow NYSE rule 7.2, one by one', (y) => {
    const mine = [...nyse.days.values()].filter((d) => d.date.startsWith(`${y}-`));
    const want = rules(y);
    expect(mine.filter((d) => d.close === undefined).map((d) => d.date)).toEqual(want.closed);
    expect(mine.filter((d) => d.close !== undefined).map((d) => d.date)).toEqual(want.early);
    for (const d of mine) {
      expect(weekday(new Date(`${d.date}T12:00:00Z`))).toBe(true);
      if (d.close !== undefined) expect(d.close).toBe(13 * 60);
    }
  });
  it('spot checks against the published tables', () => {
    const names = (date: string) => nyse.days.get(date)?.name;
    expect(names('2026-04-03')).toBe('Good Friday');
    expect(names('2026-07-03')).toMatch(/Independence Day \(observed\)/);
    expect(names('2027-06-18')).toMatch(/Juneteenth .*\(observed\)/);
    expect(names('2027-12-24')).toMatch(/Christmas Day \(observed\)/);
    expect(nyse.days.get('2026-11-27')?.close).toBe(13 * 60);
    expect(nyse.days.get('2026-07-02')).toBeUndefined(); // July 3, 2026 is the holiday itself: no early close
    expect(nyse.days.get('2027-12-31')).toBeUndefined(); // New Year's Day 2028 is a Saturday: not observed
  });
});
