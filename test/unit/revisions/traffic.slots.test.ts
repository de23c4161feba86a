// The blue-green view of a traffic list (slotsOf), table-driven.
import { expect, it } from '@jest/globals';
import { slotsOf, type TrafficEntry } from '../../../src/revisions/traffic.js';

const e = (label: string | undefined, revisionName: string, weight: number): TrafficEntry => ({
  ...(label ? { label } : {}),
  revisionName,
  weight,
});
const created = { 'a--v1': '2026-01-01T00:00:00Z', 'a--v2': '2026-01-02T00:00:00Z' };
const V1 = e('blue', 'a--v1', 100);
const V2 = e('green', 'a--v2', 0);

it.each([
  ['two slots with times', [V1, V2], created, { production: 'blue', newer: 'green', older: 'blue' }],
  ['no times: no age', [V1, V2], {}, { production: 'blue', newer: undefined, older: undefined }],
  [
    'a split: no slots, still aged',
    [e('blue', 'a--v1', 50), e('green', 'a--v2', 50)],
    created,
    { production: undefined, newer: 'green', older: 'blue' },
  ],
  [
    'both labels on one revision: no age',
    [V1, e('green', 'a--v1', 0)],
    created,
    { production: 'blue', newer: undefined, older: undefined },
  ],
  ['one label', [V1], created, { production: 'blue', newer: undefined, older: undefined }],
  [
    'no label',
    [e(undefined, 'a--v1', 100)],
    created,
    { production: undefined, newer: undefined, older: undefined },
  ],
  [
    'same time: blue counts as newer',
    [V1, V2],
    { 'a--v1': '2026-01-01T00:00:00Z', 'a--v2': '2026-01-01T00:00:00Z' },
    { production: 'blue', newer: 'blue', older: 'green' },
  ],
] as const)('slotsOf: %s', (_what, traffic, times, expected) => {
  const view = slotsOf(traffic, times);
  expect({
    production: view.slots?.productionLabel,
    newer: view.byAge?.newer.label,
    older: view.byAge?.older.label,
  }).toEqual(expected);
});

it('the view holds the slot entries and the creation times it knows', () => {
  const view = slotsOf([V1, V2], created);
  expect(view.green).toBe(V2);
  expect(view.created).toEqual({ blue: Date.UTC(2026, 0, 1), green: Date.UTC(2026, 0, 2) });
  expect(slotsOf([V1, e('green', 'a--v9', 0)], created).created).toEqual({ blue: Date.UTC(2026, 0, 1) });
});
