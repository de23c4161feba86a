import { describe, expect, it } from '@jest/globals';
import {
  auditRecordsOf,
  noticeOf,
  readChangeControl,
  reportChange,
  windowOf,
  type ChangeReport,
} from '../../../src/core/change-control.js';
import { InputError } from '../../../src/core/inputs.js';
import type { AuditRecord } from '../../../src/audit/record.js';
import { errorOf } from '../../support/errors.js';

const report: ChangeReport = {
  app: 'alc-algo',
  action: 'blue-green promote',
  change: 'promote',
  outcome: 'succeeded',
  notice: 'released',
  changed: true,
  target: 'green',
  what: 'promote done',
  reason: 'earnings fix',
  version: 'v1-4-0',
  revision: 'alc-algo--v1-4-0',
  from: 'alc-algo--v1-3-0',
  to: 'alc-algo--v1-4-0',
  epoch: 12,
  window: 'override: earnings fix',
};
const env = {
  GITHUB_RUN_ID: '321',
  GITHUB_RUN_ATTEMPT: '3',
  GITHUB_ACTOR: 'trader-ops',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'firm/alc',
};

describe('readChangeControl', () => {
  const inputs =
    (values: Record<string, string>) =>
    (name: string): string =>
      values[name] ?? '';

  it('reads the inputs, masks the webhook first, and falls back to the environment', () => {
    const masked: string[] = [];
    const url = 'https://hooks.slack.com/services/T/B/secret';
    expect(
      readChangeControl(inputs({ notify: url }), (s) => masked.push(s), {
        ALC_DEPLOY_AUDIT: 'https://firm.blob.core.windows.net/audit/alc.jsonl',
      }),
    ).toEqual({
      notify: { url, format: 'slack' },
      audit: {
        url: 'https://firm.blob.core.windows.net/audit/alc.jsonl',
        serviceUrl: 'https://firm.blob.core.windows.net',
        container: 'audit',
        blob: 'alc.jsonl',
      },
    });
    expect(masked).toEqual([url]);
    const fromEnv = readChangeControl(inputs({}), (s) => masked.push(s), {
      ALC_DEPLOY_NOTIFY: 'https://relay.firm.example/x',
      ALC_DEPLOY_NOTIFY_FORMAT: 'teams',
    });
    expect(fromEnv).toEqual({ notify: { url: 'https://relay.firm.example/x', format: 'teams' } });
    expect(masked).toContain('https://relay.firm.example/x');
    expect(readChangeControl(inputs({}), () => {}, {})).toEqual({});
  });

  it('a webhook whose format is unknown is refused naming notify-format', () => {
    const e = errorOf(InputError, () =>
      readChangeControl(inputs({ notify: 'https://relay.firm.example/SECRET' }), () => {}, {}),
    );
    expect(e.input).toBe('notify-format');
    expect(e.message).not.toContain('SECRET');
  });
});

describe('auditRecordsOf', () => {
  it('the record: who, why, what, from and to, epoch, window, and the key run.attempt.change.target', () => {
    expect(auditRecordsOf(report, env, new Date('2026-12-08T00:00:00Z'))).toEqual([
      {
        time: '2026-12-08T00:00:00.000Z',
        key: '321.3.promote.green',
        app: 'alc-algo',
        action: 'blue-green promote',
        change: 'promote',
        outcome: 'succeeded',
        actor: 'trader-ops',
        trigger: 'workflow_dispatch',
        reason: 'earnings fix',
        from: 'alc-algo--v1-3-0',
        to: 'alc-algo--v1-4-0',
        epoch: 12,
        window: 'override: earnings fix',
        runUrl: 'https://github.com/firm/alc/actions/runs/321',
        runId: '321',
        attempt: 3,
        target: 'green',
      },
    ]);
  });

  it("the decisions beside the change come first, each its own record and key, with the change's facts", () => {
    const decided = {
      ...report,
      decisions: [{ change: 'override' as const, outcome: 'succeeded' as const, reason: 'earnings fix' }],
    };
    const [override, promote] = auditRecordsOf(decided, env, new Date('2026-12-08T00:00:00Z'));
    expect(override).toMatchObject({
      key: '321.3.override.green',
      change: 'override',
      outcome: 'succeeded',
      reason: 'earnings fix',
      actor: 'trader-ops',
      from: 'alc-algo--v1-3-0',
      to: 'alc-algo--v1-4-0',
      window: 'override: earnings fix',
    });
    expect(promote).toMatchObject({ key: '321.3.promote.green', change: 'promote' });
  });

  it('no change, no record', () => {
    expect(auditRecordsOf({ ...report, change: undefined }, env, new Date())).toEqual([]);
  });
});

describe('reportChange: the records of a change', () => {
  const audit = {
    url: 'https://firm.blob.core.windows.net/audit/alc.jsonl',
    serviceUrl: '',
    container: 'audit',
    blob: 'alc.jsonl',
  };
  const decided: ChangeReport = {
    ...report,
    decisions: [{ change: 'override', outcome: 'succeeded', reason: 'earnings fix' }],
  };

  it("appends the override, then the promote, each with the change's `changed`", async () => {
    const appended: Array<[string, boolean]> = [];
    const store = {
      append: async (r: AuditRecord, changed: boolean) => (
        appended.push([r.key, changed]),
        { append: true as const }
      ),
      last: async () => [],
    };
    const lines: string[] = [];
    const warnings = await reportChange(
      { audit },
      { ...decided, changed: false },
      {
        store,
        env,
        info: (l) => lines.push(l),
        warning: (l) => lines.push(`warning: ${l}`),
      },
    );
    expect(warnings).toEqual([]);
    expect(appended).toEqual([
      ['321.3.override.green', false],
      ['321.3.promote.green', false],
    ]);
    expect(lines).toEqual([
      expect.stringMatching(/^audit: appended override succeeded \(321\.3\.override\.green\)/),
      expect.stringMatching(/^audit: appended promote succeeded \(321\.3\.promote\.green\)/),
    ]);
  });

  it('storage that refuses is a warning per record, never a throw', async () => {
    const store = {
      append: async () => {
        throw new Error('This request is not authorized to perform this operation.\nRequestId:1');
      },
      last: async () => [],
    };
    const warnings = await reportChange({ audit }, decided, {
      store,
      env,
      info: () => undefined,
      warning: () => undefined,
    });
    expect(warnings).toEqual([
      expect.stringMatching(
        /override \(321\.3\.override\.green\) could not be appended.*not authorized to perform this operation\. Run/,
      ),
      expect.stringMatching(/promote \(321\.3\.promote\.green\) could not be appended/),
    ]);
  });
});

describe('noticeOf', () => {
  it("carries the version, the revision, what happened and the run's URL", () => {
    expect(noticeOf(report, env)).toEqual({
      kind: 'released',
      action: 'blue-green promote',
      app: 'alc-algo',
      what: 'promote done',
      version: 'v1-4-0',
      revision: 'alc-algo--v1-4-0',
      runUrl: 'https://github.com/firm/alc/actions/runs/321',
    });
    expect(noticeOf({ ...report, notice: undefined }, env)).toBeUndefined();
  });
});

describe('windowOf', () => {
  it.each([
    [undefined, '', 'none'],
    [{ allowed: true, overridden: false }, '', 'allowed'],
    [{ allowed: true, overridden: true }, ' FOMC hotfix ', 'override: FOMC hotfix'],
    [{ allowed: false, overridden: false }, '', 'refused'],
  ])('%j %j -> %s', (freeze, reason, expected) => expect(windowOf(freeze, reason)).toBe(expected));
});
