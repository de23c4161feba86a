// blue-green's trading decisions (pure): where the lease check, the designation and the handover go in each
// command's plan, and which fallback a failed handover gets from the one recovery path. Table-driven.
import { describe, expect, it } from '@jest/globals';
import {
  planAbort,
  planPromote,
  planRollbackCommand,
  recoveryOf,
  revisionFacts,
  type Action,
  type Plan,
  type PromoteOptions,
  type TradingFacts,
} from '../../../src/bluegreen/plan.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';

const r = (s: string) => `app--${s}`;
const facts = revisionFacts(
  ['v1', 'v2', 'v3'].map((s, i) => ({
    name: r(s),
    createdTime: new Date(Date.UTC(2026, 0, i + 1)),
    active: true,
  })),
);
const e = (s: string, label: string, weight: number): TrafficEntry => ({ revisionName: r(s), label, weight });
const DEPLOYED = [e('v1', 'blue', 100), e('v2', 'green', 0)];
const PROMOTED = [e('v1', 'blue', 0), e('v2', 'green', 100)];
const SPLIT = [e('v1', 'blue', 50), e('v2', 'green', 50)];

/** An action as a word: `traffic green=100`, `handover v2 back v1`, `designate v1`, `lease-check v2`. */
const word = (a: Action): string => {
  const short = (name: string) => name.replace('app--', '') || "''";
  switch (a.kind) {
    case 'traffic':
      return `traffic ${a.traffic.find((t) => t.label === 'green')?.weight}`;
    case 'handover':
      return `handover ${short(a.to)} ${a.fallback.kind === 'back' ? `back ${short(a.fallback.revision)}` : 'nobody'}`;
    case 'designate':
      return `designate ${short(a.to)}`;
    case 'lease-check':
    case 'ready':
      return `${a.kind} ${short(a.revision)}`;
    case 'analyze':
      return `analyze ${a.phase}`;
    case 'deactivate':
      return `deactivate ${a.revisions.map(short).join(',')}`;
    default:
      return a.kind;
  }
};
const words = (p: Plan) => p.actions.map(word);

const promote = (traffic: TrafficEntry[], trading?: TradingFacts, o: Partial<PromoteOptions> = {}) =>
  planPromote(traffic, facts, {
    stages: [50, 100],
    stageWaitMs: 0,
    keepPreviousActive: true,
    ...(trading ? { trading } : {}),
    ...o,
  });

describe('planPromote with a trading lease', () => {
  it.each<[string, TrafficEntry[], TradingFacts | undefined, Partial<PromoteOptions>, string[]]>([
    [
      'no lease: nothing of trading (existing behaviour)',
      DEPLOYED,
      undefined,
      {},
      ['ready v2', 'traffic 50', 'gate', 'traffic 100', 'gate'],
    ],
    [
      'the lease check before any traffic, the handover after the last gate',
      DEPLOYED,
      { designated: r('v1') },
      {},
      ['ready v2', 'lease-check v2', 'traffic 50', 'gate', 'traffic 100', 'gate', 'handover v2 back v1'],
    ],
    [
      'the handover before the watch and before the old production is deactivated',
      DEPLOYED,
      { designated: r('v1') },
      { analysis: true, watchMs: 60_000, keepPreviousActive: false },
      [
        'ready v2',
        'lease-check v2',
        'traffic 50',
        'analyze step 50%',
        'gate',
        'traffic 100',
        'analyze step 100%',
        'gate',
        'handover v2 back v1',
        'analyze watch',
        'deactivate v1',
      ],
    ],
    [
      'a re-run at 100% whose handover is half done: the handover only (it goes on without a new epoch)',
      PROMOTED,
      { designated: r('v2') },
      {},
      ['handover v2 back v1'],
    ],
    [
      'a re-run at 100% whose handover never started: the handover, falling back to the old slot',
      PROMOTED,
      { designated: r('v1') },
      {},
      ['handover v2 back v1'],
    ],
    [
      'no designation blob yet: the check and the handover (it creates the designation)',
      DEPLOYED,
      {},
      { stages: [100] },
      ['ready v2', 'lease-check v2', 'traffic 100', 'gate', 'handover v2 back v1'],
    ],
  ])('%s', (_what, traffic, trading, o, expected) => {
    expect(words(promote(traffic, trading, o))).toEqual(expected);
  });

  it("falls back to where the promote started: the list before, or a resumed promote's start", () => {
    const fresh = promote(DEPLOYED, { designated: r('v1') }).actions.at(-1);
    expect(fresh).toEqual({
      kind: 'handover',
      to: r('v2'),
      from: r('v1'),
      fallback: { kind: 'back', revision: r('v1'), traffic: DEPLOYED },
    });
    const resumed = promote(SPLIT, { designated: r('v1') }).actions.at(-1);
    expect(resumed).toMatchObject({ fallback: { kind: 'back', traffic: DEPLOYED } });
    const rerun = promote(PROMOTED, { designated: r('v2') }).actions.at(-1);
    expect(rerun).toMatchObject({ fallback: { kind: 'back', traffic: DEPLOYED } });
  });
});

describe('rollback and abort with a trading lease', () => {
  it.each<[string, () => Plan, string[]]>([
    [
      'rollback: ready and proven, designate the target first, traffic at once, then the wait',
      () => planRollbackCommand(PROMOTED, facts, { kind: 'previous' }, { trading: { designated: r('v2') } }),
      ['ready v1', 'designate v1', 'traffic 0', 'handover v1 nobody'],
    ],
    [
      'rollback whose designation names the target already (a re-run): no new epoch, the wait',
      () => planRollbackCommand(PROMOTED, facts, { kind: 'previous' }, { trading: { designated: r('v1') } }),
      ['ready v1', 'traffic 0', 'handover v1 nobody'],
    ],
    [
      'rollback to a version redeployed: designated once it is ready',
      () =>
        planRollbackCommand(
          PROMOTED,
          facts,
          { kind: 'version', version: 'v0.9.0', revision: r('v0-9-0') },
          { versionImage: 'reg.io/a@sha256:9', trading: { designated: r('v2') } },
        ),
      ['redeploy', 'ready v0-9-0', 'designate v0-9-0', 'traffic 0', 'handover v0-9-0 nobody'],
    ],
    [
      'rollback with the traffic already back (an earlier rollback without the lease): trading follows it',
      () =>
        planRollbackCommand(
          DEPLOYED,
          facts,
          { kind: 'revision', revision: r('v1') },
          { trading: { designated: r('v2') } },
        ),
      ['ready v1', 'designate v1', 'handover v1 nobody'],
    ],
    [
      'abort during the steps: trading never moved, nothing of it',
      () => planAbort(SPLIT, facts, { designated: r('v1') }),
      ['ready v1', 'traffic 0'],
    ],
    [
      'abort after the handover (designation on the candidate): trading goes back with the traffic',
      () => planAbort(SPLIT, facts, { designated: r('v2') }),
      ['ready v1', 'designate v1', 'traffic 0', 'handover v1 nobody'],
    ],
    [
      'no lease: the rollback as it always was',
      () => planRollbackCommand(PROMOTED, facts, { kind: 'previous' }),
      ['ready v1', 'traffic 0'],
    ],
  ])('%s', (_what, plan, expected) => {
    expect(words(plan())).toEqual(expected);
  });
});

describe('recoveryOf: a failed handover and a failed watch after one', () => {
  const plan = promote(DEPLOYED, { designated: r('v1') }, { analysis: true, watchMs: 60_000 });
  const handover = plan.actions.find((a) => a.kind === 'handover')!;
  const rollbackPlan = planRollbackCommand(
    PROMOTED,
    facts,
    { kind: 'previous' },
    { trading: { designated: r('v2') } },
  );
  const rollbackHandover = rollbackPlan.actions.find((a) => a.kind === 'handover')!;
  const check = plan.actions.find((a) => a.kind === 'lease-check')!;
  it.each<[string, Parameters<typeof recoveryOf>[0], ReturnType<typeof recoveryOf>]>([
    [
      "promote's handover: A designated again, the traffic back where the promote started",
      { plan, moved: true, failing: handover, changed: false, watchFailed: false },
      { kind: 'trading-back', revision: r('v1'), to: DEPLOYED },
    ],
    [
      "rollback's handover: nobody trades, the traffic stays",
      { plan: rollbackPlan, moved: true, failing: rollbackHandover, changed: false, watchFailed: false },
      { kind: 'trading-nobody' },
    ],
    [
      'a candidate holding the lease undesignated: nothing moved, retire',
      { plan, moved: false, failing: check, changed: false, watchFailed: false },
      { kind: 'retire' },
    ],
    [
      'the watch after the handover: the previous revision designated first, then the traffic',
      {
        plan,
        moved: true,
        failing: plan.actions.at(-1),
        changed: false,
        watchFailed: true,
        handedOver: true,
      },
      { kind: 'restore', to: DEPLOYED, watch: true, trading: r('v1') },
    ],
    [
      'a gate during the steps: trading unmoved, the traffic only',
      {
        plan,
        moved: true,
        failing: { kind: 'gate', label: 'green', note: 'x' },
        changed: false,
        watchFailed: false,
      },
      { kind: 'restore', to: DEPLOYED, watch: false },
    ],
    [
      'another writer changed the traffic: stop, even in the handover',
      { plan, moved: true, failing: handover, changed: true, watchFailed: false },
      { kind: 'stop' },
    ],
  ])('%s', (_what, f, expected) => {
    expect(recoveryOf(f)).toEqual(expected);
  });
});
