// blue-green's inputs: the rollback target and every input checked before any call, table-driven.
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { parseTarget, readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { InputError } from '../../../src/core/inputs.js';
import { inputErrorOf } from '../../support/errors.js';

const A = 'app';
const BASE: Record<string, string> = {
  'subscription-id': '00000000-0000-0000-0000-000000000001',
  'resource-group': 'rg',
  command: 'promote',
  app: A,
};
const read = (values: Record<string, string>) =>
  readBlueGreenSettings((n) => (values[n] ?? '').trim(), { env: { GITHUB_WORKSPACE: resolve('.') } });

describe('parseTarget', () => {
  it.each([
    ['', { kind: 'previous' }],
    ['previous', { kind: 'previous' }],
    ['app--v1-4-0', { kind: 'revision', revision: 'app--v1-4-0' }],
    // Revisions ACA named itself: digit-first suffixes (live Azure's latestRevisionName values).
    ['app--0000001', { kind: 'revision', revision: 'app--0000001' }],
    ['app--0jfo06b', { kind: 'revision', revision: 'app--0jfo06b' }],
    ['app--5vkvuta', { kind: 'revision', revision: 'app--5vkvuta' }],
    ['v1.4.0', { kind: 'version', version: 'v1.4.0', revision: 'app--v1-4-0' }],
    ['1.4.0', { kind: 'version', version: '1.4.0', revision: 'app--v1-4-0' }],
    ['v2.0.0-rc.1', { kind: 'version', version: 'v2.0.0-rc.1', revision: 'app--v2-0-0-rc-1' }],
  ])('%p', (raw, expected) => {
    expect(parseTarget('to', raw, A)).toEqual(expected);
  });
  it.each([
    'other--v1',
    'app--V1',
    'app--v1--x',
    'latest',
    'v1.4',
    'app--',
    'app---1',
    'app--1-',
    'other--0000001',
  ])('refuses %p', (raw) => {
    expect(() => parseTarget('to', raw, A)).toThrow(InputError);
  });
});

describe('readBlueGreenSettings', () => {
  it('reads a promote with defaults', () => {
    const s = read(BASE);
    expect([s.command, s.app, s.stages, s.stageWaitMs, s.keepPreviousActive, s.checksGiven, s.to]).toEqual([
      'promote',
      A,
      [100],
      0,
      true,
      false,
      { kind: 'previous' },
    ]);
  });
  it('gives the gates the checks, and no invented URL: each gate gives its own', () => {
    const s = read({ ...BASE, checks: '- path: /healthz' });
    expect(s.smoke).not.toHaveProperty('url');
    expect([s.checksGiven, s.smoke.checks.map((c) => c.path)]).toEqual([true, ['/healthz']]);
  });
  it('takes the app name from the spec when app is not given', () => {
    expect(read({ ...BASE, app: '' }).app).toBe('alc-algo-agents');
  });
  it('reads no spec when the app input names the app and the spec input is empty', () => {
    const opened: string[] = [];
    const settings = readBlueGreenSettings((n) => ({ ...BASE, spec: '' })[n] ?? '', {
      env: { GITHUB_WORKSPACE: resolve('.') },
      readFile: (p) => {
        opened.push(p);
        return 'not: [a spec';
      },
    });
    expect(settings.app).toBe(BASE.app);
    expect(opened).toEqual([]);
  });
  it.each([
    ['command', { command: '' }],
    ['command', { command: 'deploy' }],
    ['subscription-id', { 'subscription-id': '' }],
    ['resource-group', { 'resource-group': '' }],
    ['app', { app: 'Bad_App' }],
    ['spec', { app: '', spec: 'README.md' }],
    ['spec', { app: '', spec: 'deploy/missing.yaml' }],
    ['spec', { app: 'alc-algo-agents', spec: 'deploy/missing.yaml' }],
    ['spec', { app: 'alc-algo-agents', spec: 'package.json' }],
    ['resource-group', { 'resource-group': 'rg/x' }],
    ['label', { label: 'purple' }],
    ['label', { command: 'teardown', label: '' }],
    ['label', { command: 'teardown', label: 'blue' }],
    ['label', { command: 'teardown', label: 'pr-0' }],
    ['to', { command: 'rollback', to: 'yesterday' }],
    ['to', { command: 'rollback', to: 'other--v1' }],
    ['steps', { steps: '50,10,100' }],
    ['steps', { steps: '10,50' }],
    ['steps', { steps: '10,50,101' }],
    ['steps', { steps: 'ten,100' }],
    ['steps', { steps: '0,100' }],
    ['step-wait', { 'step-wait': 'a while' }],
    ['checks', { checks: '- path: health' }],
    ['checks', { checks: '- bogus: 1' }],
    ['freeze', { freeze: 'Mon-Fri 09:25-16:05' }],
    ['freeze', { freeze: 'Mon-Fri 09:25-16:05 Mars/Olympus' }],
    ['freeze', { freeze: 'Someday 09:25-16:05 UTC' }],
    ['keep-previous-active', { 'keep-previous-active': 'maybe' }],
    ['wait-timeout', { 'wait-timeout': '0s' }],
    ['resolve', { resolve: 'host-without-port' }],
    ['ca-file', { 'ca-file': 'missing.pem' }],
  ])('a bad %s fails naming the input: %j', (input, change) => {
    expect(inputErrorOf(() => read({ ...BASE, ...change })).input).toBe(input);
  });
});
