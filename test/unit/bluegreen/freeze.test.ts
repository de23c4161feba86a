import { describe, expect, it } from '@jest/globals';
import {
  activeFreeze,
  assertOutsideFreeze,
  freezeDecision,
  localTime,
  parseFreeze,
} from '../../../src/bluegreen/freeze.js';
import { InputError } from '../../../src/core/inputs.js';

describe('parseFreeze', () => {
  it.each([
    ['', []],
    [
      'Mon-Fri 09:25-16:05 America/New_York',
      [{ days: [1, 2, 3, 4, 5], start: 565, end: 965, zone: 'America/New_York' }],
    ],
    ['mon,wed 9:00-10:00 UTC', [{ days: [1, 3], start: 540, end: 600, zone: 'UTC' }]],
    ['Sat-Sun 00:00-24:00 Europe/London', [{ days: [0, 6], start: 0, end: 1440, zone: 'Europe/London' }]],
    ['Fri-Mon 22:00-02:00 UTC', [{ days: [0, 1, 5, 6], start: 1320, end: 120, zone: 'UTC' }]],
    [
      'Mon-Wed, Fri 08:00 - 09:00 Asia/Tokyo',
      [{ days: [1, 2, 3, 5], start: 480, end: 540, zone: 'Asia/Tokyo' }],
    ],
  ])('%p', (raw, want) => expect(parseFreeze('freeze', raw)).toMatchObject(want));
  it('takes one window per line or separated by ;', () => {
    const w = parseFreeze(
      'freeze',
      'Mon 09:00-10:00 UTC; Tue 09:00-10:00 UTC\n# comment\nWed 09:00-10:00 UTC\n',
    );
    expect(w.map((x) => x.text)).toEqual([
      'Mon 09:00-10:00 UTC',
      'Tue 09:00-10:00 UTC',
      'Wed 09:00-10:00 UTC',
    ]);
  });
  it.each([
    ['Mon-Fri 09:25 America/New_York', /'freeze'.*Mon-Fri 09:25-16:05 America\/New_York/],
    ['Mon-Fri 09:25-16:05 Mars/Olympus_Mons', /unknown time zone 'Mars\/Olympus_Mons'/],
    ['Funday 09:00-10:00 UTC', /allowed: windows/],
    ['Mon-Fri-Sat 09:00-10:00 UTC', /allowed: windows/],
    ['Mon 25:00-26:00 UTC', /allowed: windows/],
    ['Mon 10:60-11:00 UTC', /allowed: windows/],
    ['Mon 10:00-10:00 UTC', /allowed: windows/],
    ['Mon 10:00-24:30 UTC', /allowed: windows/],
    ['09:00-10:00 UTC', /allowed: windows/],
  ])('refuses %p', (raw, why) => {
    expect(() => parseFreeze('freeze', raw)).toThrow(InputError);
    expect(() => parseFreeze('freeze', raw)).toThrow(why);
  });
});

describe('activeFreeze', () => {
  const market = parseFreeze('freeze', 'Mon-Fri 09:25-16:05 America/New_York');
  // US daylight saving time 2026: starts Sun 8 March (EST UTC-5 -> EDT UTC-4), ends Sun 1 November.
  it.each([
    ['2026-03-06T14:30:00Z', 'Fri 09:30 EST, before the spring change', true],
    ['2026-03-06T13:30:00Z', 'Fri 08:30 EST', false],
    ['2026-03-06T21:04:00Z', 'Fri 16:04 EST', true],
    ['2026-03-06T21:05:00Z', 'Fri 16:05 EST (end is exclusive)', false],
    ['2026-03-07T15:00:00Z', 'Sat', false],
    ['2026-03-09T13:30:00Z', 'Mon 09:30 EDT, after the spring change', true],
    ['2026-03-09T20:30:00Z', 'Mon 16:30 EDT (16:30Z would be in force in EST)', false],
    ['2026-10-30T13:30:00Z', 'Fri 09:30 EDT, before the autumn change', true],
    ['2026-11-02T13:30:00Z', 'Mon 08:30 EST, after the autumn change', false],
    ['2026-11-02T14:30:00Z', 'Mon 09:30 EST', true],
  ])('%s (%s) -> %p', (iso, _what, inForce) =>
    expect(activeFreeze(market, new Date(iso))?.text).toBe(inForce ? market[0].text : undefined),
  );
  const night = parseFreeze('freeze', 'Sun 22:00-02:00 UTC');
  it.each([
    ['2026-03-08T23:00:00Z', true],
    ['2026-03-09T01:59:00Z', true],
    ['2026-03-09T02:00:00Z', false],
    ['2026-03-07T23:00:00Z', false],
    ['2026-03-08T21:59:00Z', false],
    ['2026-03-09T23:00:00Z', false],
  ])('a window across midnight at %s -> %p', (iso, inForce) =>
    expect(activeFreeze(night, new Date(iso)) !== undefined).toBe(inForce),
  );
  it('returns the first window in force', () => {
    const w = parseFreeze('freeze', 'Sat 00:00-01:00 UTC; Mon 09:00-10:00 Asia/Tokyo; Mon 00:00-02:00 UTC');
    expect(activeFreeze(w, new Date('2026-03-09T00:30:00Z'))?.text).toBe('Mon 09:00-10:00 Asia/Tokyo');
  });
  it('reads local midnight as 00:00 in the window zone', () =>
    expect(localTime('America/New_York', new Date('2026-03-09T04:10:00Z'))).toEqual({
      day: 1,
      date: '2026-03-09',
      minutes: 10,
    }));
});

describe('freezeDecision', () => {
  const [window] = parseFreeze('freeze', 'Mon-Fri 09:25-16:05 America/New_York');
  it('allows when no window is in force', () =>
    expect(freezeDecision(undefined, '')).toEqual({
      allowed: true,
      overridden: false,
      message: expect.any(String),
    }));
  it('allows an override with a reason and records it', () => {
    const d = freezeDecision(window, ' hotfix for incident 42 ');
    expect(d).toMatchObject({ allowed: true, overridden: true });
    expect(d.message).toMatch(/Mon-Fri 09:25-16:05 America\/New_York.*hotfix for incident 42/);
  });
  it.each(['', 'true', 'YES', '1'])('refuses with %p and says how to override', (reason) => {
    const d = freezeDecision(window, reason);
    expect(d).toMatchObject({ allowed: false, overridden: false });
    expect(d.message).toMatch(/freeze window 'Mon-Fri 09:25-16:05 America\/New_York' is in force/);
    expect(d.message).toMatch(/override-freeze/);
    expect(d.message).toMatch(/Rollback is always allowed/);
  });
});

describe('assertOutsideFreeze: the one freeze rule, before the run and before every traffic write', () => {
  const windows = parseFreeze('freeze', 'Mon-Fri 09:25-16:05 America/New_York');
  // Monday 2026-03-09: 14:00 UTC is 10:00 in New York (inside), 22:00 UTC is 18:00 (outside).
  const inside = new Date('2026-03-09T14:00:00Z');
  const outside = new Date('2026-03-09T22:00:00Z');
  it.each([
    ['outside, no reason', outside, '', { allowed: true, overridden: false }],
    ['outside, a reason', outside, 'hotfix', { allowed: true, overridden: false }],
    ['inside, a reason', inside, 'hotfix for incident 42', { allowed: true, overridden: true }],
  ])('%s: allowed', (_, at, reason, want) => {
    expect(assertOutsideFreeze(windows, reason, at)).toMatchObject(want);
  });
  it.each(['', 'true'])('inside with %p: throws the refusal', (reason) => {
    expect(() => assertOutsideFreeze(windows, reason, inside)).toThrow(
      freezeDecision(activeFreeze(windows, inside), reason).message,
    );
  });
});
