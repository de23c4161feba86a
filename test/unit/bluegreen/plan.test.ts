// blue-green's pure plans of each command, table-driven.
import { describe, expect, it } from '@jest/globals';
import {
  planAbort,
  planPromote,
  planRollbackCommand,
  planTeardown,
  revisionFacts,
  type Action,
  type RevisionFacts,
} from '../../../src/bluegreen/plan.js';
import { InputError } from '../../../src/core/inputs.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';

const A = 'app';
const r = (s: string) => `${A}--${s}`;

/** Facts: v1 oldest .. v4 newest; all active unless listed inactive. */
function facts(inactive: string[] = [], known = ['v1', 'v2', 'v3', 'v4']): RevisionFacts {
  return revisionFacts(
    known.map((s, i) => ({
      name: r(s),
      createdTime: new Date(Date.UTC(2026, 0, i + 1)),
      active: !inactive.includes(s),
    })),
  );
}
const e = (suffix: string, label: string | undefined, weight: number): TrafficEntry => ({
  revisionName: r(suffix),
  ...(label ? { label } : {}),
  weight,
});
const kinds = (actions: Action[]) =>
  actions.map((a) =>
    a.kind === 'traffic'
      ? `traffic ${a.traffic.map((t) => `${t.label}=${t.weight}`).join(',')}`
      : a.kind === 'pause'
        ? `pause ${a.ms}`
        : a.kind === 'deactivate'
          ? `deactivate ${a.revisions.join(',')}`
          : a.kind === 'gate'
            ? `gate ${a.label}`
            : a.kind === 'analyze'
              ? `analyze ${a.phase} ${a.ms}${a.stable ? ` vs ${a.stable}` : ''}`
              : a.kind === 'designate' || a.kind === 'handover'
                ? `${a.kind} ${a.to}`
                : `${a.kind} ${a.revision}`,
  );

describe('planPromote', () => {
  const deployed = [e('v1', 'blue', 100), e('v2', 'green', 0)];
  it.each([
    [
      'one step to 100',
      deployed,
      { stages: [100] },
      ['ready app--v2', 'traffic blue=0,green=100', 'gate green'],
    ],
    [
      'steps with a watch',
      deployed,
      { stages: [10, 50, 100], stageWaitMs: 5000 },
      [
        'ready app--v2',
        'traffic blue=90,green=10',
        'pause 5000',
        'gate green',
        'traffic blue=50,green=50',
        'pause 5000',
        'gate green',
        'traffic blue=0,green=100',
        'pause 5000',
        'gate green',
      ],
    ],
    [
      'a re-run after a kill at 50% resumes',
      [e('v1', 'blue', 50), e('v2', 'green', 50)],
      { stages: [10, 50, 100] },
      ['ready app--v2', 'traffic blue=0,green=100', 'gate green'],
    ],
    [
      'finished: nothing to do, never a swap back',
      [e('v1', 'blue', 0), e('v2', 'green', 100)],
      { stages: [100] },
      [],
    ],
    [
      'keep-previous-active false deactivates the old production',
      deployed,
      { stages: [100], keepPreviousActive: false },
      ['ready app--v2', 'traffic blue=0,green=100', 'gate green', 'deactivate app--v1'],
    ],
    [
      'with analysis: each step wait is measured against the stable revision (none at 100%)',
      deployed,
      { stages: [10, 50, 100], stageWaitMs: 5000, analysis: true },
      [
        'ready app--v2',
        'traffic blue=90,green=10',
        'analyze step 10% 5000 vs app--v1',
        'gate green',
        'traffic blue=50,green=50',
        'analyze step 50% 5000 vs app--v1',
        'gate green',
        'traffic blue=0,green=100',
        'analyze step 100% 5000',
        'gate green',
      ],
    ],
    [
      'with analysis and a watch: the watch after the last gate, before the old production is deactivated',
      deployed,
      { stages: [100], analysis: true, watchMs: 60_000, keepPreviousActive: false },
      [
        'ready app--v2',
        'traffic blue=0,green=100',
        'analyze step 100% 0',
        'gate green',
        'analyze watch 60000',
        'deactivate app--v1',
      ],
    ],
    [
      'a watch without analysis measures nothing',
      deployed,
      { stages: [100], watchMs: 60_000 },
      ['ready app--v2', 'traffic blue=0,green=100', 'gate green'],
    ],
  ])('%s', (_name, traffic, o, expected) => {
    const plan = planPromote(traffic, facts(), { stageWaitMs: 0, keepPreviousActive: true, ...o });
    expect(kinds(plan.actions)).toEqual(expected);
    expect(plan.restore).toBe(true);
    expect(plan.before).toEqual(traffic);
  });
  it.each([
    ['only one slot', [e('v1', 'blue', 100)], /Nothing to promote/],
    ['an inactive candidate', [e('v1', 'blue', 100), e('v3', 'green', 0)], /inactive/],
    ['weight outside the slots', [e('v1', 'blue', 90), e('v2', 'green', 0), e('v4', undefined, 10)], /./],
  ])('refuses %s', (_name, traffic, message) => {
    expect(() =>
      planPromote(traffic, facts(['v3']), { stages: [100], stageWaitMs: 0, keepPreviousActive: true }),
    ).toThrow(message);
  });
  it.each([
    ['the newer slot', [e('v1', 'blue', 100), e('v2', 'green', 0)], undefined, 'green'],
    ['the newer slot, blue this time', [e('v4', 'blue', 0), e('v3', 'green', 100)], undefined, 'blue'],
    ['the given label', [e('v1', 'blue', 100), e('v2', 'green', 0)], 'blue', 'blue'],
  ])('promotes %s', (_name, traffic, label, expected) => {
    const plan = planPromote(traffic, facts(), {
      stages: [100],
      stageWaitMs: 0,
      keepPreviousActive: true,
      label,
    });
    expect(plan.after.find((x) => x.weight === 100)?.label).toBe(expected);
  });
});

describe('planRollbackCommand', () => {
  const promoted = [e('v1', 'blue', 0), e('v2', 'green', 100)];
  it('to previous: make it ready, then one traffic write', () => {
    const plan = planRollbackCommand(promoted, facts(), { kind: 'previous' });
    expect(kinds(plan.actions)).toEqual(['ready app--v1', 'traffic blue=100,green=0']);
    expect(plan.actions[0]).toEqual({ kind: 'ready', revision: r('v1'), activate: false, checks: true });
  });
  it('to previous when production is already the older one: nothing to do', () => {
    const plan = planRollbackCommand([e('v1', 'blue', 100), e('v2', 'green', 0)], facts(), {
      kind: 'previous',
    });
    expect(plan.actions).toEqual([]);
    expect(plan.notes[0]).toMatch(/already rolled back/);
  });
  it('to previous when the previous revision was deactivated: activates it first', () => {
    const plan = planRollbackCommand(promoted, facts(['v1']), { kind: 'previous' });
    expect(plan.actions[0]).toEqual({ kind: 'ready', revision: r('v1'), activate: true, checks: true });
  });
  // v1 still Deprovisioning (active: true, as live Azure answers for tens of seconds after a deactivation), v2 running.
  const deprovisioning = revisionFacts([
    {
      name: r('v1'),
      createdTime: new Date(Date.UTC(2026, 0, 1)),
      active: true,
      runningState: 'Deprovisioning',
    },
    { name: r('v2'), createdTime: new Date(Date.UTC(2026, 0, 2)), active: true, runningState: 'Running' },
  ]);
  it('to previous while it is still Deprovisioning (active: true): activates it, never waits it out', () => {
    const plan = planRollbackCommand(promoted, deprovisioning, { kind: 'previous' });
    expect(plan.actions[0]).toEqual({ kind: 'ready', revision: r('v1'), activate: true, checks: true });
  });
  it('abort to a slot revision still Deprovisioning: activates it', () => {
    const plan = planAbort([e('v1', 'blue', 50), e('v2', 'green', 50)], deprovisioning);
    expect(plan.actions[0]).toEqual({ kind: 'ready', revision: r('v1'), activate: true, checks: true });
  });
  it('to an inactive older revision by name: the candidate slot points at it', () => {
    const plan = planRollbackCommand([e('v3', 'blue', 0), e('v2', 'green', 100)], facts(['v1']), {
      kind: 'revision',
      revision: r('v1'),
    });
    expect(kinds(plan.actions)).toEqual(['ready app--v1', 'traffic blue=100,green=0']);
    expect(plan.after[0]).toEqual(e('v1', 'blue', 100));
  });
  it('to a version whose revision is gone: redeploy its image, then ready, then switch', () => {
    const plan = planRollbackCommand(
      promoted,
      facts([], ['v1', 'v2']),
      { kind: 'version', version: 'v0.9.0', revision: r('v0-9-0') },
      { versionImage: 'reg/app@sha256:x' },
    );
    expect(kinds(plan.actions)).toEqual([
      'redeploy app--v0-9-0',
      'ready app--v0-9-0',
      'traffic blue=100,green=0',
    ]);
  });
  it.each([
    [
      'an unknown version',
      { kind: 'version' as const, version: 'v7.7.7', revision: r('v7-7-7') },
      /v7\.7\.7/,
    ],
    ['an unknown revision', { kind: 'revision' as const, revision: r('nope') }, /app--nope/],
  ])('refuses %s before any write', (_name, to, message) => {
    expect(() => planRollbackCommand(promoted, facts(), to)).toThrow(InputError);
    expect(() => planRollbackCommand(promoted, facts(), to)).toThrow(message);
  });
  it('to the revision already in production: nothing to do', () => {
    expect(planRollbackCommand(promoted, facts(), { kind: 'revision', revision: r('v2') }).actions).toEqual(
      [],
    );
  });
});

describe('planAbort', () => {
  it.each([
    [
      'mid-promotion',
      [e('v1', 'blue', 50), e('v2', 'green', 50)],
      ['ready app--v1', 'traffic blue=100,green=0'],
    ],
    [
      'after a full promotion',
      [e('v1', 'blue', 0), e('v2', 'green', 100)],
      ['ready app--v1', 'traffic blue=100,green=0'],
    ],
    ['before any promotion: nothing', [e('v1', 'blue', 100), e('v2', 'green', 0)], []],
    ['one slot only: nothing', [e('v1', 'blue', 100)], []],
  ])('%s', (_name, traffic, expected) => {
    expect(kinds(planAbort(traffic, facts()).actions)).toEqual(expected);
  });
});

describe('planTeardown', () => {
  const p = (s: string) => `${A}--${s}`;
  const f = revisionFacts(
    ['pr-3-aaaaaaa', 'pr-3-bbbbbbb', 'pr-4-ccccccc'].map((name) => ({ name: p(name), active: true })),
  );
  const traffic = [
    { revisionName: p('pr-3-bbbbbbb'), label: 'pr-3', weight: 100 },
    { revisionName: p('pr-4-ccccccc'), label: 'pr-4', weight: 0 },
  ];
  it('removes the label and deactivates every revision of the pull request', () => {
    const plan = planTeardown(traffic, f, A, 3);
    expect(plan.after).toEqual([{ revisionName: p('pr-4-ccccccc'), label: 'pr-4', weight: 100 }]);
    expect(kinds(plan.actions)).toEqual([
      'traffic pr-4=100',
      `deactivate ${p('pr-3-aaaaaaa')},${p('pr-3-bbbbbbb')}`,
    ]);
  });
  it('the last preview: its weight goes to latestRevision, and the latest revision it routes to stays active', () => {
    const only = [{ revisionName: p('pr-3-bbbbbbb'), label: 'pr-3', weight: 100 }];
    const plan = planTeardown(only, { ...f, latest: p('pr-3-bbbbbbb') }, A, 3);
    expect(plan.after).toEqual([{ latestRevision: true, weight: 100 }]);
    expect(kinds(plan.actions)).toEqual(['traffic undefined=100', `deactivate ${p('pr-3-aaaaaaa')}`]);
    expect(plan.notes[0]).toMatch(/stays active/);
    const again = planTeardown(
      plan.after,
      { ...revisionFacts([{ name: p('pr-3-bbbbbbb'), active: true }]), latest: p('pr-3-bbbbbbb') },
      A,
      3,
    );
    expect(again.actions).toEqual([]);
  });
  it('a second teardown is a no-op', () => {
    const after = planTeardown(traffic, f, A, 3).after;
    const gone = revisionFacts([
      { name: p('pr-3-aaaaaaa'), active: false },
      { name: p('pr-4-ccccccc'), active: true },
    ]);
    expect(planTeardown(after, gone, A, 3).actions).toEqual([]);
  });
});
