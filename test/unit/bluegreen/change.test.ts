import { describe, expect, it } from '@jest/globals';
import { blueGreenChange, blueGreenFailureChange, watchRolledBackOf } from '../../../src/bluegreen/change.js';
import { AnalysisFailedError, type BlueGreenResult } from '../../../src/bluegreen/context.js';
import type { BlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { PromoteRefusedError } from '../../../src/bluegreen/change-control.js';

const settings = (over: Partial<BlueGreenSettings>): BlueGreenSettings =>
  ({
    app: 'alc-algo',
    command: 'promote',
    label: 'green',
    to: { kind: 'previous' },
    overrideFreeze: '',
    ...over,
  }) as BlueGreenSettings;

const A = 'alc-algo--v1-3-0';
const B = 'alc-algo--v1-4-0';
const result = (over: Partial<BlueGreenResult> = {}): BlueGreenResult => ({
  command: 'promote',
  app: 'alc-algo',
  before: [
    { revisionName: A, label: 'blue', weight: 100 },
    { revisionName: B, label: 'green', weight: 0 },
  ],
  after: [
    { revisionName: A, label: 'blue', weight: 0 },
    { revisionName: B, label: 'green', weight: 100 },
  ],
  productionRevision: B,
  previousRevision: A,
  log: [],
  deactivated: [],
  freeze: { allowed: true, overridden: false, message: 'No freeze window is in force.' },
  trading: { designation: { revision: B, epoch: 7, etag: '"x"' } },
  ...over,
});

describe('blueGreenChange', () => {
  it('a promote: released, from and to, the epoch, the window', () => {
    expect(blueGreenChange(settings({}), result())).toMatchObject({
      action: 'blue-green promote',
      change: 'promote',
      outcome: 'succeeded',
      notice: 'released',
      changed: true,
      target: 'green',
      version: 'v1-4-0',
      revision: B,
      from: A,
      to: B,
      epoch: 7,
      window: 'allowed',
      reason: '',
    });
  });

  it('an overridden freeze is the window and the reason', () => {
    const r = blueGreenChange(
      settings({ overrideFreeze: 'FOMC fix' }),
      result({ freeze: { allowed: true, overridden: true, message: '' } }),
    );
    expect(r).toMatchObject({ window: 'override: FOMC fix', reason: 'FOMC fix' });
    // The override is a change of its own (issue 25's list): recorded before the promote, with its reason.
    expect(r!.decisions).toEqual([{ change: 'override', outcome: 'succeeded', reason: 'FOMC fix' }]);
  });

  it('an override-freeze given where no window refused is no override', () => {
    const r = blueGreenChange(settings({ overrideFreeze: 'FOMC fix' }), result());
    expect(r).toMatchObject({ window: 'allowed' });
    expect(r!.decisions).toBeUndefined();
  });

  it.each([
    [`registry.example/alc@sha256:${'ab'.repeat(32)}`, `sha256:${'ab'.repeat(32)}`],
    ['registry.example/alc:1.4.0', undefined],
  ])('the digest of the revision promoted to: %s -> %s', (_image, digest) => {
    const r = blueGreenChange(settings({}), result(digest ? { productionDigest: digest } : {}));
    expect(r!.digest).toBe(digest);
  });

  it('a re-run that found the promote done changed nothing', () => {
    const done = result({ before: result().after });
    expect(blueGreenChange(settings({}), done)).toMatchObject({ changed: false });
    expect(blueGreenChange(settings({}), done)!.what).toMatch(/nothing left to do/);
  });

  it.each([
    ['rollback', { kind: 'previous' }, 'rollback', 'rolled-back', 'previous'],
    ['rollback', { kind: 'version', version: '1.3.0', revision: A }, 'rollback', 'rolled-back', '1.3.0'],
    ['abort', { kind: 'previous' }, 'abort', 'aborted', 'green'],
  ] as const)('%s to %j: change %s, notice %s, target %s', (command, to, change, notice, target) => {
    const r = blueGreenChange(settings({ command, to }), result({ command }));
    expect(r).toMatchObject({ change, notice, target, window: 'any time' });
  });

  it.each(['status', 'teardown'] as const)('%s is no production change', (command) => {
    expect(blueGreenChange(settings({ command }), result({ command }))).toBeUndefined();
    expect(blueGreenFailureChange(settings({ command }), new Error('x'))).toBeUndefined();
  });
});

describe('blueGreenFailureChange', () => {
  const watch = new AnalysisFailedError({ kind: 'rollback', message: 'p95 320 ms > 300 ms' } as never, true);
  it('a failed watch (anywhere in the cause chain) is an automatic rollback', () => {
    const e = new Error('promote rolled back: p95', { cause: watch });
    expect(watchRolledBackOf(e)).toBe(true);
    expect(blueGreenFailureChange(settings({}), e)).toMatchObject({
      outcome: 'rolled-back',
      notice: 'rolled-back',
      change: 'promote',
    });
  });

  it('any other failure is failed, its error the reason; the epoch the error knew', () => {
    const e = Object.assign(new Error('gate failed'), {
      trading: { designation: { revision: A, epoch: 9, etag: '' } },
    });
    expect(watchRolledBackOf(e)).toBe(false);
    expect(blueGreenFailureChange(settings({}), e)).toMatchObject({
      outcome: 'failed',
      notice: 'failed',
      reason: 'gate failed',
      epoch: 9,
    });
  });

  const refusal = (stopped: boolean) =>
    new PromoteRefusedError({ allowed: false, overridden: false, stopped, message: 'Promotion refused: x' });

  it('a promote refused by stop the line: the promote refused, and a stop record before it, with its reason', () => {
    const r = blueGreenFailureChange(settings({ stopTheLine: 'earnings' }), refusal(true));
    expect(r).toMatchObject({
      change: 'promote',
      outcome: 'refused',
      reason: 'earnings',
      window: 'stop: earnings',
      decisions: [{ change: 'stop', outcome: 'refused', reason: 'earnings' }],
    });
    const rollback = new Error('rollback failed');
    expect(
      blueGreenFailureChange(settings({ command: 'rollback', stopTheLine: 'earnings' }), rollback),
    ).toMatchObject({ change: 'rollback', outcome: 'failed', window: 'any time' });
  });

  it('a promote refused by the calendar or a freeze window (anywhere in the cause chain) is refused, no stop', () => {
    const e = new Error('restored production', { cause: refusal(false) });
    const r = blueGreenFailureChange(settings({}), e);
    expect(r).toMatchObject({
      change: 'promote',
      outcome: 'refused',
      window: 'refused',
      reason: 'Promotion refused: x',
    });
    expect(r!.decisions).toBeUndefined();
  });

  it('a promote that failed after an override: the override recorded too, the window it took', () => {
    const e = Object.assign(new Error('gate failed'), {
      freeze: { allowed: true, overridden: true, message: '' },
    });
    expect(blueGreenFailureChange(settings({ overrideFreeze: 'CPI fix' }), e)).toMatchObject({
      outcome: 'failed',
      window: 'override: CPI fix',
      decisions: [{ change: 'override', outcome: 'succeeded', reason: 'CPI fix' }],
    });
    expect(blueGreenFailureChange(settings({}), new Error('read failed'))).toMatchObject({
      window: 'unknown',
    });
  });
});
