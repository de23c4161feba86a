import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/core/inputs.js';
import { inputErrorOf } from '../../support/errors.js';
import {
  type TrafficEntry,
  TrafficPlanError,
  assertValidTraffic,
  describeTraffic,
  normalizeTraffic,
  parseSteps,
  planDeploy,
  planPreviewAdd,
  planPreviewRemove,
  planPromoteSteps,
  planRollback,
  planRollbackTo,
  planStep,
  newerThanProduction,
  sameTraffic,
  slots,
  slotsOf,
  unlabelledIdle,
  validateSlotLabel,
} from '../../../src/revisions/traffic.js';

/** `'blue=a@100, b@0, latest@0'` -> entries (label=revision@weight; `latest` is latestRevision). */
function tl(text: string): TrafficEntry[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const m = /^\s*(?:([a-z0-9-]+)=)?([a-z0-9-]+)@(\d+)\s*$/.exec(part);
    if (!m) throw new Error(`bad fixture ${part}`);
    const target = m[2] === 'latest' ? { latestRevision: true } : { revisionName: m[2] };
    return { ...target, ...(m[1] ? { label: m[1] } : {}), weight: Number(m[3]) };
  });
}

/** Runs `plan` on a frozen deep copy, so any mutation of the input throws. */
function pure<T>(traffic: TrafficEntry[], plan: (t: readonly TrafficEntry[]) => T): T {
  const frozen = Object.freeze(traffic.map((e) => Object.freeze({ ...e })));
  const result = plan(frozen);
  expect(frozen).toEqual(traffic);
  return result;
}

const refused = (fn: () => unknown, why: RegExp) => {
  expect(fn).toThrow(TrafficPlanError);
  expect(fn).toThrow(why);
};

describe('assertValidTraffic', () => {
  it.each(['blue=a@100', 'blue=a@60, green=b@40', 'latest@100, pr-1=a@0', 'a@0, blue=b@100'])(
    'accepts %p',
    (t) => expect(assertValidTraffic(tl(t))).toEqual(tl(t)),
  );
  it.each([
    ['', /empty/],
    ['blue=a@60, green=b@30', /sum to 90/],
    ['blue=a@100, blue=b@0', /'blue' appears twice/],
    ['Blue=a@100', /label 'Blue'/],
  ])('refuses %p', (t, why) => {
    const list = t === 'Blue=a@100' ? [{ revisionName: 'a', label: 'Blue', weight: 100 }] : tl(t);
    refused(() => assertValidTraffic(list), why);
  });
  it.each([
    [
      [
        { revisionName: 'a', weight: 50.5 },
        { revisionName: 'b', weight: 49.5 },
      ],
      /whole number/,
    ],
    [
      [
        { revisionName: 'a', weight: 110 },
        { revisionName: 'b', weight: -10 },
      ],
      /whole number/,
    ],
    [[{ revisionName: 'a', latestRevision: true, weight: 100 }], /not both/],
    [[{ weight: 100 }], /names a revision or sets latestRevision/],
  ])('refuses entry shape %#', (list, why) => refused(() => assertValidTraffic(list), why));
});

describe('slots', () => {
  it.each([
    [
      'blue=a@100, green=b@0',
      { productionLabel: 'blue', productionRevision: 'a', candidateLabel: 'green', previousRevision: 'b' },
    ],
    [
      'x@0, green=b@100, blue=a@0',
      { productionLabel: 'green', productionRevision: 'b', candidateLabel: 'blue', previousRevision: 'a' },
    ],
    [
      'blue=a@100',
      {
        productionLabel: 'blue',
        productionRevision: 'a',
        candidateLabel: 'green',
        previousRevision: undefined,
      },
    ],
  ])('%p', (t, want) => expect(slots(tl(t))).toEqual(want));
  it.each(['', 'latest@100', 'a@100, pr-1=b@0'])('%p has no slots yet', (t) =>
    expect(slots(tl(t))).toBeUndefined(),
  );
  it('refuses a split with no label at 100', () =>
    refused(() => slots(tl('blue=a@50, green=b@50')), /carries 100%/));
});

describe('planDeploy', () => {
  it.each([
    ['', 'r1', undefined, 'blue=r1@100'],
    ['', 'r1', 'green', 'green=r1@100'],
    ['latest@100', 'r1', undefined, 'blue=r1@100'],
    ['latest@100, old@0', 'r1', undefined, 'old@0, blue=r1@100'],
    ['blue=r1@100', 'r2', undefined, 'blue=r1@100, green=r2@0'],
    ['blue=r1@100, green=r2@0', 'r3', undefined, 'blue=r1@100, green=r3@0'],
    ['green=r3@0, x@0, blue=r1@100', 'r4', 'green', 'green=r4@0, x@0, blue=r1@100'],
    ['green=r2@100, blue=r1@0', 'r3', undefined, 'green=r2@100, blue=r3@0'],
    ['blue=r1@100, green=r2@0', 'r2', undefined, 'blue=r1@100, green=r2@0'],
  ])('%p + %p (label %p) -> %p', (before, rev, label, after) =>
    expect(pure(tl(before), (t) => planDeploy(t, rev, label))).toEqual(tl(after)),
  );
  it('replaces a latestRevision entry under the candidate label with a named one', () =>
    expect(
      planDeploy(
        [
          { revisionName: 'r1', label: 'blue', weight: 100 },
          { latestRevision: true, label: 'green', weight: 0 },
        ],
        'r2',
      ),
    ).toEqual(tl('blue=r1@100, green=r2@0')));
  it.each([
    ['blue=r1@100', 'r2', 'blue', /'blue' carries production.*candidate slot 'green'/],
    ['blue=r1@100, green=r2@0', 'r1', undefined, /already production/],
    ['blue=r1@50, green=r2@50', 'r3', undefined, /stepped promotion is unfinished/],
    ['r1@100', 'r2', undefined, /not under blue-green.*label the production revision 'blue'/],
    ['', 'r1', 'pr-1', /not a blue-green slot/],
  ])('refuses %p + %p (label %p)', (before, rev, label, why) =>
    refused(() => planDeploy(tl(before), rev, label), why),
  );
});

describe('planStep / planPromoteSteps', () => {
  it.each([
    ['blue=a@100, green=b@0', 10, 'blue=a@90, green=b@10'],
    ['blue=a@90, green=b@10', 50, 'blue=a@50, green=b@50'],
    ['x@0, blue=a@50, pr-3=c@0, green=b@50', 100, 'x@0, blue=a@0, pr-3=c@0, green=b@100'],
    ['blue=a@0, green=b@100', 100, 'blue=a@0, green=b@100'],
  ])('%p, green to %p%% -> %p', (before, p, after) =>
    expect(pure(tl(before), (t) => planStep(t, 'green', p))).toEqual(tl(after)),
  );
  it.each([
    ['blue=a@100', 'green', 10, /needs both labels/],
    ['blue=a@100, green=a@0', 'green', 10, /same revision a/],
    ['blue=a@90, green=b@0, c@10', 'green', 50, /outside the blue and green labels/],
    ['blue=a@100, green=b@0', 'green', 101, /whole percentage/],
    ['blue=a@100, green=b@0', 'pr-1', 10, /not a blue-green slot/],
  ])('refuses %p, %p to %p', (before, label, p, why) => refused(() => planStep(tl(before), label, p), why));

  it('plans one list per step, each from the starting list', () => {
    const plans = pure(tl('blue=a@100, green=b@0'), (t) => planPromoteSteps(t, [10, 50, 100]));
    expect(plans).toEqual([
      tl('blue=a@90, green=b@10'),
      tl('blue=a@50, green=b@50'),
      tl('blue=a@0, green=b@100'),
    ]);
  });
  it('resumes a half-finished promotion with the label given', () =>
    expect(planPromoteSteps(tl('blue=a@50, green=b@50'), [10, 50, 100], 'green')).toEqual([
      tl('blue=a@0, green=b@100'),
    ]));
  it('is a no-op once the given candidate has 100%', () =>
    expect(planPromoteSteps(tl('blue=a@0, green=b@100'), [10, 100], 'green')).toEqual([]));
  it.each([
    ['blue=a@100', /needs both labels/],
    ['blue=a@50, green=b@50', /carries 100%/],
    ['', /nothing is deployed/],
    ['blue=a@100, green=a@0', /same revision/],
  ])('refuses to promote %p', (t, why) => refused(() => planPromoteSteps(tl(t), [100]), why));
});

describe('planRollback', () => {
  it.each([
    ['blue=a@0, green=b@100', 'blue=a@100, green=b@0'],
    ['x@0, green=b@0, blue=a@100', 'x@0, green=b@100, blue=a@0'],
  ])('%p -> %p (one write)', (before, after) =>
    expect(pure(tl(before), (t) => planRollback(t))).toEqual(tl(after)),
  );
  it('returns to the named slot from a split', () =>
    expect(planRollback(tl('blue=a@50, green=b@50'), { label: 'blue' })).toEqual(
      tl('blue=a@100, green=b@0'),
    ));
  it('returns a split to the older revision when creation times are known', () =>
    expect(
      planRollback(tl('blue=a@70, green=b@30'), {
        created: { a: '2026-11-20T10:00:00Z', b: '2026-11-26T10:00:00Z' },
      }),
    ).toEqual(tl('blue=a@100, green=b@0')));
  it('refuses to roll back onto a newer, unpromoted candidate', () =>
    refused(
      () =>
        planRollback(tl('blue=a@100, green=b@0'), {
          created: { a: new Date('2026-11-20T10:00:00Z'), b: new Date('2026-11-26T10:00:00Z') },
        }),
      /newer than production.*abort/,
    ));
  it.each([
    ['blue=a@50, green=b@50', /split.*name the slot/],
    ['blue=a@100', /needs both labels/],
    ['blue=a@100, green=a@0', /same revision/],
  ])('refuses %p', (t, why) => refused(() => planRollback(tl(t)), why));
});

describe('planRollbackTo', () => {
  it.each([
    ['blue=a@100, green=b@0', 'b', 'blue=a@0, green=b@100'],
    ['blue=a@0, green=b@100', 'a', 'blue=a@100, green=b@0'],
    ['blue=a@100, green=b@0', 'a', 'blue=a@100, green=b@0'],
    ['blue=a@100, green=b@0, x@0', 'old', 'blue=a@0, green=old@100, x@0'],
    ['green=b@100', 'old', 'green=b@0, blue=old@100'],
    ['blue=a@30, green=b@70', 'a', 'blue=a@100, green=b@0'],
  ])('%p to %p -> %p', (before, rev, after) =>
    expect(pure(tl(before), (t) => planRollbackTo(t, rev))).toEqual(tl(after)),
  );
  it('refuses an unknown revision while traffic is split', () =>
    refused(() => planRollbackTo(tl('blue=a@30, green=b@70'), 'old'), /carries 100%/));
});

describe('preview traffic', () => {
  it.each([
    ['', 12, 'r12', 'pr-12=r12@100'],
    ['latest@100', 12, 'r12', 'pr-12=r12@100'],
    ['pr-12=r12@100', 13, 'r13', 'pr-12=r12@100, pr-13=r13@0'],
    ['pr-12=r12@100, pr-13=r13@0', 12, 'r12b', 'pr-12=r12b@100, pr-13=r13@0'],
    ['pr-12=r12@100, pr-13=r13@0', 13, 'r13b', 'pr-12=r12@100, pr-13=r13b@0'],
    ['pr-12=r12@100', 12, 'r12', 'pr-12=r12@100'],
  ])('add %p + PR %p at %p -> %p', (before, pr, rev, after) =>
    expect(pure(tl(before), (t) => planPreviewAdd(t, pr, rev))).toEqual(tl(after)),
  );
  it.each([
    ['pr-12=r12@100, pr-13=r13@0, pr-14=r14@0', 12, 'pr-13=r13@0, pr-14=r14@100'],
    ['pr-12=r12@100, pr-13=r13@0', 13, 'pr-12=r12@100'],
    ['pr-12=r12@100', 12, 'latest@100'],
    ['pr-12=r12@100, latest@0', 12, 'latest@100'],
    ['pr-12=r12@100', 99, 'pr-12=r12@100'],
  ])('remove %p - PR %p -> %p', (before, pr, after) =>
    expect(pure(tl(before), (t) => planPreviewRemove(t, pr))).toEqual(tl(after)),
  );
  it('re-adding after the last PR closed takes the weight back from latestRevision', () =>
    expect(planPreviewAdd(planPreviewRemove(tl('pr-1=r1@100'), 1), 2, 'r2')).toEqual(tl('pr-2=r2@100')));
});

describe('unlabelledIdle', () => {
  it.each([
    ['blue=a@100, green=b@0', ['a', 'b', 'c', 'd'], undefined, ['c', 'd']],
    ['blue=a@100, c@0', ['a', 'c'], undefined, ['c']],
    ['pr-1=a@0, latest@100', ['a', 'z', 'y'], 'z', ['y']],
    ['pr-1=a@100, latest@0', ['a', 'z'], 'z', ['z']],
    ['blue=a@100', [], undefined, []],
  ])('%p of %p (latest %p) -> %p', (t, revs, latest, idle) =>
    expect(unlabelledIdle(tl(t), revs, latest)).toEqual(idle),
  );
});

describe('parseSteps', () => {
  it.each([
    ['', [100]],
    ['100', [100]],
    ['10,50,100', [10, 50, 100]],
    [' 1, 2 ,100 ', [1, 2, 100]],
    ['25%,100%', [25, 100]],
  ])('%p -> %p', (raw, steps) => expect(parseSteps('steps', raw)).toEqual(steps));
  it.each([
    '50',
    '10,50',
    '50,10,100',
    '10,10,100',
    '0,100',
    '10,,100',
    '10.5,100',
    '100,200',
    'ten,100',
    '-5,100',
  ])('refuses %p naming the input', (raw) => {
    expect(() => parseSteps('steps', raw)).toThrow(InputError);
    expect(() => parseSteps('steps', raw)).toThrow(/'steps'.*strictly increasing, ending at 100/);
  });
});

describe('describeTraffic', () => {
  it('prints label=revision@weight', () =>
    expect(describeTraffic(tl('blue=a@100, b@0, latest@0'))).toBe('blue=a@100, b@0, latest@0'));
});

describe('sameTraffic', () => {
  const a = { revisionName: 'x--1', label: 'blue', weight: 100 };
  const b = { revisionName: 'x--2', label: 'green', weight: 0 };
  it.each([
    [[a, b], [b, a], true],
    [[a, b], [a], false],
    [[a, b], [a, { ...b, weight: 1 }], false],
    [[a, b], [a, { ...b, label: 'blue2' }], false],
    [[{ latestRevision: true, weight: 100 }], [{ latestRevision: true, weight: 100 }], true],
    [[{ latestRevision: true, weight: 100 }], [{ revisionName: 'x--1', weight: 100 }], false],
  ])('%j vs %j: %s', (x, y, expected) => {
    expect(sameTraffic(x, y)).toBe(expected);
  });
  it('normalizeTraffic drops nulls and defaults weights', () => {
    expect(
      normalizeTraffic([{ revisionName: 'x--1', label: undefined, latestRevision: false } as never]),
    ).toEqual([{ revisionName: 'x--1', weight: 0 }]);
  });
});

describe('validateSlotLabel: the one slot-label check of both actions', () => {
  it.each([
    ['blue', 'in mode production', 'blue'],
    ['green', 'for promote', 'green'],
  ])('%s %s', (raw, when, want) => {
    expect(validateSlotLabel('label', raw, 'app', when)).toBe(want);
  });
  it.each([
    [
      'canary',
      'for rollback',
      "Input 'label' has the invalid value 'canary': allowed for rollback: blue or green",
    ],
    [
      'pr-3',
      'in mode production',
      "Input 'label' has the invalid value 'pr-3': allowed in mode production: blue or green",
    ],
    ['Blue', 'for promote', /allowed: a traffic label of/],
  ])('%s %s: refused', (raw, when, message) => {
    const error = inputErrorOf(() => validateSlotLabel('label', raw, 'app', when));
    expect(error.input).toBe('label');
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });
});

describe('newerThanProduction: the "already rolled back" rule', () => {
  const t = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
  const list = (blue: number, green: number): TrafficEntry[] => [
    { revisionName: 'a--v1', label: 'blue', weight: blue },
    { revisionName: 'a--v2', label: 'green', weight: green },
  ];
  it.each<[string, TrafficEntry[], Record<string, string>, string | undefined]>([
    [
      'production newer than the other slot (after a promote)',
      list(0, 100),
      { 'a--v1': t(1), 'a--v2': t(2) },
      undefined,
    ],
    [
      'production older (after a rollback, or before a promote)',
      list(100, 0),
      { 'a--v1': t(1), 'a--v2': t(2) },
      'green',
    ],
    ['times unknown', list(100, 0), {}, undefined],
    ['one time unknown', list(100, 0), { 'a--v2': t(2) }, undefined],
    ['a split: no production', list(50, 50), { 'a--v1': t(1), 'a--v2': t(2) }, undefined],
    ['one slot only', [{ revisionName: 'a--v1', label: 'blue', weight: 100 }], { 'a--v1': t(1) }, undefined],
  ])('%s', (_what, traffic, created, want) => {
    expect(newerThanProduction(slotsOf(traffic, created))?.label).toBe(want);
  });
  it('planRollback refuses to go to that newer slot', () => {
    expect(() => planRollback(list(100, 0), { created: { 'a--v1': t(1), 'a--v2': t(2) } })).toThrow(
      "Slot 'green' (a--v2) is newer than production: it is an unpromoted candidate or was already rolled back from; use abort, or name the slot explicitly",
    );
  });
});
