// The one recovery path of blue-green: which recovery each failure gets (recoveryOf, pure), table-driven.
import { expect, it } from '@jest/globals';
import { recoveryOf, type Action, type Plan } from '../../../src/bluegreen/plan.js';

const before = [
  { revisionName: 'a--v1', label: 'blue', weight: 50 },
  { revisionName: 'a--v2', label: 'green', weight: 50 },
];
const started = [
  { revisionName: 'a--v1', label: 'blue', weight: 100 },
  { revisionName: 'a--v2', label: 'green', weight: 0 },
];
const plan = (o: Partial<Plan> = {}): Plan => ({
  command: 'promote',
  before,
  after: before,
  actions: [],
  restore: true,
  notes: [],
  ...o,
});
const traffic: Action = { kind: 'traffic', traffic: before, note: 'x' };
const gate: Action = { kind: 'gate', label: 'green', note: 'checks at 50%' };
const deactivate: Action = {
  kind: 'deactivate',
  revisions: ['a--v1'],
  note: 'keep-previous-active is false',
};

it.each([
  ['another writer changed the traffic', { changed: true, moved: true, failing: gate }, { kind: 'stop' }],
  ['another writer, before any move', { changed: true, moved: false, failing: traffic }, { kind: 'stop' }],
  ['nothing moved yet', { moved: false, failing: gate }, { kind: 'retire' }],
  [
    'a deactivation after the target',
    { moved: true, failing: deactivate },
    { kind: 'housekeeping', revisions: ['a--v1'] },
  ],
  [
    'a plan that restores nothing',
    { moved: true, failing: gate, plan: plan({ restore: false }) },
    { kind: 'keep' },
  ],
  ['the idle housekeeping after every action', { moved: true, finished: true }, { kind: 'keep' }],
  ['a gate after a move', { moved: true, failing: gate }, { kind: 'restore', to: before, watch: false }],
  [
    'a resumed promotion goes back where it started',
    { moved: true, failing: gate, plan: plan({ restoreTo: started }) },
    { kind: 'restore', to: started, watch: false },
  ],
  [
    'the watch after 100%',
    { moved: true, failing: gate, watchFailed: true },
    { kind: 'restore', to: before, watch: true },
  ],
] as const)('%s', (_what, f, expected) => {
  expect(
    recoveryOf({
      plan: plan(),
      changed: false,
      watchFailed: false,
      ...(f as Partial<Parameters<typeof recoveryOf>[0]>),
      moved: f.moved,
    }),
  ).toEqual(expected);
});
