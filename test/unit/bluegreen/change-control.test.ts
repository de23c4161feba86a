// Stop the line, the freeze windows and the market calendar as one promote decision; rollback never asks.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseCalendar } from '../../../src/bluegreen/calendar.js';
import {
  parseStopTheLine,
  promoteDecision,
  type ChangeControl,
} from '../../../src/bluegreen/change-control.js';
import { parseFreeze } from '../../../src/bluegreen/freeze.js';
import { InputError } from '../../../src/core/inputs.js';

const calendar = parseCalendar(
  'calendar',
  'exchange: deploy/calendar/nyse.yaml\nmargin: 15m\nallow: [Mon-Fri 06:00-21:00 America/New_York]',
  (_k, p) => readFileSync(p, 'utf8'),
);
const CHRISTMAS = new Date('2026-12-25T17:00Z');
const TUESDAY_MORNING = new Date('2026-12-08T12:00Z'); // 07:00 in New York: allowed
const base: ChangeControl = { freeze: [], calendar, overrideFreeze: '', stopTheLine: '' };

describe('promoteDecision', () => {
  it.each<[string, Partial<ChangeControl>, Date, boolean, boolean, RegExp]>([
    [
      'allowed by the calendar',
      {},
      TUESDAY_MORNING,
      true,
      false,
      /^Market calendar: inside the allow window/,
    ],
    [
      'refused on a holiday, naming the next window',
      {},
      CHRISTMAS,
      false,
      false,
      /refused by the market calendar: NYSE is closed on 2026-12-25 \(Christmas Day\)\. Next allowed window: from 2026-12-28 06:00/,
    ],
    [
      'a holiday overridden with a reason',
      { overrideFreeze: 'hotfix for incident 1234' },
      CHRISTMAS,
      true,
      true,
      /overridden with the reason: hotfix for incident 1234/,
    ],
    [
      "'true' is not a reason",
      { overrideFreeze: 'true' },
      CHRISTMAS,
      false,
      false,
      /refused by the market calendar/,
    ],
    [
      'stop the line refuses where the calendar allows',
      { stopTheLine: 'broker outage' },
      TUESDAY_MORNING,
      false,
      false,
      /the line is stopped: broker outage\. Rollback and abort still run/,
    ],
    [
      'override-freeze does not lift stop the line',
      { stopTheLine: 'broker outage', overrideFreeze: 'hotfix' },
      TUESDAY_MORNING,
      false,
      false,
      /line is stopped/,
    ],
    [
      'a freeze line still speaks as before',
      { freeze: parseFreeze('freeze', 'Tue 06:00-08:00 America/New_York') },
      TUESDAY_MORNING,
      false,
      false,
      /^Promotion refused: freeze window 'Tue 06:00-08:00 America\/New_York' is in force/,
    ],
    [
      'no calendar, no freeze',
      { calendar: undefined },
      CHRISTMAS,
      true,
      false,
      /^No freeze window is in force\.$/,
    ],
  ])('%s', (_what, extra, at, allowed, overridden, message) => {
    const d = promoteDecision({ ...base, ...extra }, at);
    expect(d.message).toMatch(message);
    expect([d.allowed, d.overridden]).toEqual([allowed, overridden]);
  });
});

describe('parseStopTheLine', () => {
  it.each([
    ['', ''],
    ['  ', ''],
    ['incident 1234:  broker outage ', 'incident 1234: broker outage'],
  ])('%p -> %p', (raw, want) => expect(parseStopTheLine('stop-the-line', raw)).toBe(want));
  it.each(['true', 'false', 'off', 'YES', '1', 'x'])('%p is not a reason: one InputError', (raw) => {
    const fn = () => parseStopTheLine('stop-the-line', raw);
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(/stop-the-line.*allowed: empty \(the line runs\) or the reason/s);
  });
});
