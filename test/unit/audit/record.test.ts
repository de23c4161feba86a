import { describe, expect, it } from '@jest/globals';
import {
  appendDecision,
  auditKey,
  auditLine,
  auditTable,
  parseAudit,
  parseAuditTail,
  runIdentityOf,
  type AuditRecord,
} from '../../../src/audit/record.js';
import { InputError } from '../../../src/core/inputs.js';
import { errorOf } from '../../support/errors.js';

const record = (over: Partial<AuditRecord> = {}): AuditRecord => {
  const r: AuditRecord = {
    time: '2026-12-07T23:00:00.000Z',
    key: '',
    app: 'alc-algo',
    action: 'blue-green promote',
    change: 'promote',
    outcome: 'succeeded',
    actor: 'octocat',
    trigger: 'workflow_dispatch',
    reason: '',
    window: 'allowed',
    runId: '100',
    attempt: 1,
    target: 'green',
    ...over,
  };
  r.key = over.key ?? auditKey(r.runId, r.attempt, r.change, r.target);
  return r;
};

describe('parseAudit', () => {
  it.each([
    ['', undefined],
    [
      'https://firm.blob.core.windows.net/audit/alc-algo.jsonl',
      {
        url: 'https://firm.blob.core.windows.net/audit/alc-algo.jsonl',
        serviceUrl: 'https://firm.blob.core.windows.net',
        container: 'audit',
        blob: 'alc-algo.jsonl',
      },
    ],
    [
      'https://10.0.0.1:7446/devstoreaccount1/audit/prod/alc-algo.jsonl',
      {
        url: 'https://10.0.0.1:7446/devstoreaccount1/audit/prod/alc-algo.jsonl',
        serviceUrl: 'https://10.0.0.1:7446/devstoreaccount1',
        container: 'audit',
        blob: 'prod/alc-algo.jsonl',
      },
    ],
  ])('%s', (raw, expected) => expect(parseAudit(raw)).toEqual(expected));

  it.each([
    ['unmanaged'],
    ['http://firm.blob.core.windows.net/audit/a.jsonl'],
    ['https://firm.blob.core.windows.net/audit/a.jsonl?sv=2024&sig=x'],
    ['https://firm.blob.core.windows.net/audit'],
  ])('%s is refused naming the input and the audit trail', (raw) => {
    const e = errorOf(InputError, () => parseAudit(raw));
    expect(e.input).toBe('audit');
    expect(e.message).toContain('append blob URL');
    expect(e.message).not.toContain('trading');
  });
});

describe('runIdentityOf', () => {
  it('names the run, its attempt, actor, trigger and URL', () => {
    expect(
      runIdentityOf({
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_ACTOR: 'octocat',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'o/r',
      }),
    ).toEqual({
      runId: '9',
      attempt: 2,
      actor: 'octocat',
      trigger: 'push',
      runUrl: 'https://github.com/o/r/actions/runs/9',
    });
    expect(runIdentityOf({})).toEqual({ runId: 'local', attempt: 1, actor: 'unknown', trigger: 'unknown' });
  });
});

describe('parseAuditTail', () => {
  it('reads whole lines; a tail from the middle drops its first, partial line; junk is skipped', () => {
    const a = record();
    const b = record({ target: 'blue' });
    const text = auditLine(a) + 'not json\n' + auditLine(b);
    expect(parseAuditTail(text, true)).toEqual([a, b]);
    expect(parseAuditTail(text.slice(5), false)).toEqual([b]);
    expect(parseAuditTail('', true)).toEqual([]);
  });
});

describe('appendDecision', () => {
  const made = record();
  const retry = record({ attempt: 2 });
  const otherRun = record({ runId: '99' });
  it.each<[string, AuditRecord[], AuditRecord, boolean, ReturnType<typeof appendDecision>]>([
    ['a change, nothing recorded: append', [], made, true, { append: true }],
    [
      'the same key recorded (killed after the append): nothing',
      [made],
      made,
      true,
      { append: false, why: 'recorded' },
    ],
    [
      'a failure is recorded even when nothing moved',
      [],
      record({ outcome: 'failed' }),
      false,
      { append: true },
    ],
    ['a first attempt that changed nothing: nothing', [], made, false, { append: false, why: 'no-change' }],
    [
      'a re-run finding the change an earlier attempt recorded: nothing',
      [made],
      retry,
      false,
      { append: false, why: 'earlier-attempt' },
    ],
    [
      'a re-run finding the change done, unrecorded (died before its append): append',
      [otherRun],
      retry,
      false,
      { append: true },
    ],
    ['a re-run that made the change itself: append', [made], retry, true, { append: true }],
  ])('%s', (_, tail, r, changed, expected) => expect(appendDecision(tail, r, changed)).toEqual(expected));
});

describe('auditTable', () => {
  it('one row per record, pipes escaped', () => {
    const t = auditTable([record({ reason: 'a | b', from: 'app--a', to: 'app--b', epoch: 3 })]);
    expect(t.split('\n')).toHaveLength(3);
    expect(t).toContain(
      '| promote | succeeded | app--a | app--b | 3 | allowed | octocat | workflow_dispatch | a \\| b |',
    );
  });
});
