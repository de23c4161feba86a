// Freeze windows name their time zone the IANA way: an abbreviation silently drops daylight saving time.
import { describe, expect, it } from '@jest/globals';
import { activeFreeze, parseFreeze } from '../../../src/bluegreen/freeze.js';
import { InputError } from '../../../src/core/inputs.js';

describe('parseFreeze time zones', () => {
  it.each(['EST', 'CET', 'EST5EDT', 'PST8PDT', 'MST'])('refuses the abbreviation %p', (zone) => {
    const fn = () => parseFreeze('freeze', `Mon-Fri 09:25-16:05 ${zone}`);
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(/is not an IANA Area\/Location time zone/);
  });
  it.each(['UTC', 'utc', 'GMT', 'Etc/UTC', 'America/New_York', 'Europe/London'])('accepts %p', (zone) =>
    expect(parseFreeze('freeze', `Mon-Fri 09:25-16:05 ${zone}`)).toHaveLength(1),
  );
  it('a New York window holds across daylight saving time (09:30 EDT in July is inside)', () => {
    const july = new Date(Date.UTC(2026, 6, 15, 13, 30)); // Wednesday 09:30 in New York (UTC-4)
    expect(activeFreeze(parseFreeze('freeze', 'Mon-Fri 09:25-16:05 America/New_York'), july)).toBeDefined();
  });
});
