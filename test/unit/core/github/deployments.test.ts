import { describe, expect, it } from '@jest/globals';
import {
  previewWrites,
  productionWrites,
  type KnownDeployment,
  type ProductionEvent,
  type StatusWrite,
} from '../../../../src/core/github/deployments.js';

describe('productionWrites', () => {
  const url = 'https://app.x';
  const pending: KnownDeployment = { id: 9, states: ['in_progress', 'queued'] };
  const active: KnownDeployment = { id: 8, states: ['success', 'in_progress', 'queued'] };
  const failed: KnownDeployment = { id: 7, states: ['failure'] };
  const old: KnownDeployment = { id: 5, states: ['inactive', 'success'] };
  it.each<[string, ProductionEvent, KnownDeployment[], StatusWrite[]]>([
    ['deployed', { kind: 'deployed' }, [], [{ deployment: 'new', state: 'in_progress' }]],
    [
      'serving at once (a first deploy): success, active -> inactive',
      { kind: 'serving', appUrl: url },
      [{ id: 10, states: ['queued'] }, active],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 'new', state: 'success', environmentUrl: url },
      ],
    ],
    ['deploy failed', { kind: 'deploy-failed' }, [active], [{ deployment: 'new', state: 'failure' }]],
    [
      'promoted: pending -> success, active -> inactive',
      { kind: 'promoted', appUrl: url },
      [pending, active, old],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 9, state: 'success', environmentUrl: url },
      ],
    ],
    [
      'promoted with nothing pending: a new deployment',
      { kind: 'promoted', appUrl: url },
      [failed, active],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 'new', state: 'success', environmentUrl: url },
      ],
    ],
    [
      'promoted, first ever',
      { kind: 'promoted', appUrl: url },
      [pending],
      [{ deployment: 9, state: 'success', environmentUrl: url }],
    ],
    [
      'promote failed: pending -> failure',
      { kind: 'promote-failed' },
      [pending, active],
      [{ deployment: 9, state: 'failure' }],
    ],
    ['promote failed, nothing pending: nothing', { kind: 'promote-failed' }, [active], []],
    ['promote failed: only the newest counts as pending', { kind: 'promote-failed' }, [failed, pending], []],
    [
      'rolled back: active -> inactive, new success',
      { kind: 'rolled-back', appUrl: url },
      [active, old],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 'new', state: 'success', environmentUrl: url },
      ],
    ],
    [
      'rolled back, none active',
      { kind: 'rolled-back', appUrl: url },
      [old],
      [{ deployment: 'new', state: 'success', environmentUrl: url }],
    ],
  ])('%s', (_what, event, deployments, want) => expect(productionWrites(event, deployments)).toEqual(want));
});

describe('previewWrites', () => {
  it.each<[Parameters<typeof previewWrites>[0], KnownDeployment[], StatusWrite[]]>([
    ['started', [], [{ deployment: 'new', state: 'in_progress' }]],
    ['up', [], [{ deployment: 'new', state: 'success', environmentUrl: 'https://l' }]],
    ['failed', [], [{ deployment: 'new', state: 'failure' }]],
    [
      'torn-down',
      [
        { id: 3, states: ['success'] },
        { id: 2, states: ['inactive', 'success'] },
        { id: 1, states: ['failure'] },
      ],
      [
        { deployment: 3, state: 'inactive' },
        { deployment: 1, state: 'inactive' },
      ],
    ],
  ])('%s', (event, deployments, want) =>
    expect(previewWrites(event, deployments, 'https://l')).toEqual(want),
  );
});
