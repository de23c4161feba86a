import { describe, expect, it } from '@jest/globals';
import { auditChecks, expectedChanges, recordsOf, windowDecision } from '../../../demo/audit.js';
import { auditMarkdown } from '../../../demo/report.js';
import { auditHtml } from '../../../demo/report-html.js';
import type { Scenario } from '../../../demo/scenarios.js';
import type { AuditRecord } from '../../../src/audit/record.js';
import type { StepRun } from '../../../runner/workflow.js';

const T = Date.parse('2026-12-08T10:00:00Z');

const step = (id: string, outcome: StepRun['outcome']): StepRun =>
  ({
    id,
    name: id,
    outcome,
    conclusion: outcome,
    outputs: {},
    summary: '',
    errors: [],
    durationMs: 1,
  }) as StepRun;

/** A scenario whose release (or rollback) job ran these steps between `from` and `from + 60 s`. */
function scenario(title: string, workflow: string, from: number, steps: StepRun[]): Scenario {
  return {
    title,
    workflow,
    event: 'push',
    expected: 'success',
    checks: [],
    startedAt: from,
    endedAt: from + 60_000,
    run: {
      workflow,
      event: 'push',
      result: 'success',
      durationMs: 60_000,
      jobs: [
        {
          id: 'release',
          name: 'release',
          result: 'success',
          outputs: {},
          steps: [],
          workflow: 'reusable-release.yml',
          jobs: [{ id: 'release/deploy', name: 'deploy', result: 'success', outputs: {}, steps }],
        },
      ],
    },
  };
}

const record = (at: number, change: AuditRecord['change'], outcome: AuditRecord['outcome'], over = {}) =>
  ({
    time: new Date(at).toISOString(),
    key: `${at}.1.${change}.x`,
    app: 'alc-algo-agents',
    action: 'x',
    change,
    outcome,
    actor: 'octocat',
    trigger: 'push',
    reason: '',
    window: change === 'promote' ? 'allowed' : 'any time',
    runId: String(at),
    attempt: 1,
    target: 'x',
    ...over,
  }) as AuditRecord;

const first = scenario('release v1.0.0', 'release.yml', T, [
  step('deploy', 'success'),
  step('promote', 'skipped'),
]);
const second = scenario('release v1.1.0', 'release.yml', T + 100_000, [
  step('deploy', 'success'),
  step('promote', 'failure'),
  step('rollback', 'skipped'),
  step('abort', 'success'),
]);
const preview = scenario('preview: PR #42 opened', 'preview.yml', T + 100_000, [step('deploy', 'success')]);
const rollback = scenario('rollback to v1.0.0', 'rollback.yml', T + 200_000, [step('rollback', 'success')]);
const scenarios = [first, second, preview, rollback];

const trail = [
  record(T + 1000, 'release', 'succeeded', { window: 'first deploy' }),
  record(T + 101_000, 'release', 'succeeded'),
  record(T + 102_000, 'promote', 'rolled-back'),
  record(T + 201_000, 'rollback', 'succeeded'),
];

describe('the demo audit trail: the changes its scenarios made', () => {
  it('takes each production step that ran as a change; previews and skipped steps make none', () => {
    expect(
      expectedChanges(scenarios).map(
        (e) => `${e.scenario}: ${e.change} ${e.succeeded}${e.optional ? '?' : ''}`,
      ),
    ).toEqual([
      'release v1.0.0: release true',
      'release v1.1.0: release true',
      'release v1.1.0: promote false',
      'release v1.1.0: abort true?',
      'rollback to v1.0.0: rollback true',
    ]);
  });

  it('each change exactly once: all checks pass', () => {
    const checks = auditChecks(scenarios, trail);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks).toHaveLength(7);
  });

  it.each([
    [
      'a change lost',
      trail.filter((r) => r.change !== 'rollback'),
      /rollback to v1.0.0: release\/deploy\/rollback/,
    ],
    ['a change doubled', [...trail, { ...trail[3], key: 'other' }], /every record is a change/],
    ['a key twice', [...trail, trail[0]], /no record is in the trail twice/],
    [
      'a failed step recorded as succeeded',
      trail.map((r) => (r.change === 'promote' ? { ...r, outcome: 'succeeded' as const } : r)),
      /promote, failed/,
    ],
  ])('%s fails a check', (_what, records, failing) => {
    const failed = auditChecks(scenarios, records).filter((c) => !c.ok);
    expect(failed.map((c) => c.what).join('\n')).toMatch(failing);
  });

  it('an override and a stop stand beside their change: no check counts them', () => {
    const withOverride = [
      ...trail,
      record(T + 101_500, 'override', 'succeeded', { window: 'override: fix' }),
    ];
    expect(auditChecks(scenarios, withOverride).every((c) => c.ok)).toBe(true);
  });

  it.each([
    ['allowed', 'allowed'],
    ['override: CPI hotfix', 'override'],
    ['refused', 'refused'],
    ['stop: broker outage', 'refused'],
  ])('window %s is %s; no promote is none', (window, decision) => {
    expect(windowDecision([record(T, 'promote', 'succeeded', { window })])).toBe(decision);
    expect(windowDecision([record(T, 'release', 'succeeded')])).toBe('none');
  });

  it('a scenario owns the records written while its run ran', () => {
    expect(recordsOf(second, trail).map((r) => r.change)).toEqual(['release', 'promote']);
  });
});

describe('the report and the page show each window decision and the trail', () => {
  const shown = scenarios.map((s, i) => ({ ...s, ...(i < 2 ? { window: i ? 'refused' : 'none' } : {}) }));
  const audit = { records: trail, checks: auditChecks(scenarios, trail) };

  it('Markdown: a row per release, a row per record (time, change, actor, from -> to, epoch, window, outcome)', () => {
    const md = auditMarkdown(shown, audit);
    expect(md).toContain('| release v1.0.0 | none |');
    expect(md).toContain('| release v1.1.0 | refused |');
    expect(md).toContain('| time | change | actor | from → to | epoch | window | outcome |');
    expect(md).toContain(`| ${trail[2].time} | promote | octocat | — → — | — | allowed | rolled-back |`);
    expect(md).toMatch(/✅ every record is a change of a scenario/);
  });

  it('the page: the same, escaped', () => {
    const page = auditHtml(shown, { records: [{ ...trail[0], actor: '<x>' }], checks: [] });
    expect(page).toContain('<tr data-window="none"><td>release v1.0.0</td><td>none</td></tr>');
    expect(page).toContain('<td>&lt;x&gt;</td>');
    expect(page).not.toContain('<x>');
  });
});
