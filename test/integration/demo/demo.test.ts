// The pipeline end to end, as `npm run demo` runs it: the repository's workflows against the simulator with real
// containers, through the bundled actions started as a runner starts them. Slow (minutes): one run, many checks.
import { afterAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runDemo, type DemoResult } from '../../../demo/run.js';
import { ANALYSIS_SCENARIOS, revisionOf } from '../../../demo/scenarios.js';
import { expectedChanges, recordsOf } from '../../../demo/audit.js';
import { escapeHtml } from '../../../demo/report-html.js';
import { describeWithDocker } from '../../support/docker.js';

describeWithDocker('the pipeline demo', () => {
  let result: DemoResult;
  // The report stays where ALC_DEMO_OUT says (CI keeps it as an artifact); a temporary one is removed.
  const out = process.env.ALC_DEMO_OUT ?? mkdtempSync(join(tmpdir(), 'alc-demo-out-'));
  afterAll(() => {
    if (!process.env.ALC_DEMO_OUT) rmSync(out, { recursive: true, force: true });
  });

  it(
    'runs release, blue-green, a broken release, a rollback, previews, two releases the analysis catches and two trading faults, all as expected',
    async () => {
      const lines: string[] = [];
      result = await runDemo({ out, log: (l) => lines.push(l) });
      if (!result.passed) console.log(lines.join('\n'));
      const failed = result.scenarios.flatMap((s) =>
        s.checks.filter((c) => !c.ok).map((c) => `${s.title}: ${c.what} (${c.detail})`),
      );
      expect({ stopped: result.stopped, failed }).toEqual({ stopped: undefined, failed: [] });
      expect(result.scenarios.map((s) => [s.title, s.run?.result])).toEqual([
        ['release v1.0.0', 'success'],
        ['release v1.1.0', 'success'],
        ['release v1.2.0', 'failure'],
        ['rollback to v1.0.0', 'success'],
        ['release v1.3.0', 'failure'],
        ['release v1.4.0', 'failure'],
        ['release v1.5.0', 'failure'],
        ['preview: PR #42 opened', 'success'],
        ['preview: PR #42 pushed again', 'success'],
        ['preview: PR #43 from a fork', 'success'],
        ['preview: PR #42 closed', 'success'],
        ['release v1.6.0', 'success'],
        ['release v1.7.0', 'failure'],
      ]);
      expect(result.passed).toBe(true);
    },
    30 * 60_000,
  );

  it('kept the app URL serving through the whole demo, never the broken release', () => {
    expect(result.load.requests).toBeGreaterThan(100);
    // Users saw failed requests only while the analysis caught the two releases that fail under real traffic.
    expect(result.load.failures.filter((f) => !ANALYSIS_SCENARIOS.includes(f.phase))).toEqual([]);
    expect(Object.keys(result.load.byVersion).sort()).toEqual([
      '1.0.0',
      '1.1.0',
      '1.3.0',
      '1.4.0',
      '1.5.0',
      '1.6.0',
      '1.7.0',
    ]);
  });

  it('traded on the live port one revision at a time: overlap 0, trading moved at each handover and back', () => {
    const t = result.trading;
    expect({ overlapMs: t.overlapMs, exclusive: t.exclusive }).toEqual({ overlapMs: 0, exclusive: true });
    expect(result.tradingChecks.every((c) => c.ok)).toBe(true);
    // Who took over from whom, scenario by scenario (the broker's order log); v1.2.0, v1.3.0 and v1.5.0 never traded.
    const moves = (title: string) =>
      t.scenarios.find((s) => s.title === title)?.gaps.map((g) => [g.from, g.to]);
    const [v100, v110, v140, v160, v170] = ['v1.0.0', 'v1.1.0', 'v1.4.0', 'v1.6.0', 'v1.7.0'].map(revisionOf);
    expect(moves('release v1.1.0')).toEqual([[v100, v110]]);
    expect(moves('release v1.2.0')).toEqual([]);
    expect(moves('rollback to v1.0.0')).toEqual([[v110, v100]]);
    expect(moves('release v1.3.0')).toEqual([]);
    expect(moves('release v1.4.0')).toEqual([
      [v100, v140],
      [v140, v100],
    ]);
    expect(t.revisions).not.toContain(revisionOf('v1.5.0'));
    // v1.0.0 hung before the handover: v1.6.0 traded only once its lease expired (15 s) and the pipeline had
    // restarted v1.0.0 after 10 s of 326.
    const hang = t.scenarios.find((s) => s.title === 'release v1.6.0')?.gaps ?? [];
    expect(hang.map((g) => [g.from, g.to])).toEqual([[v100, v160]]);
    expect(hang[0].gapMs).toBeGreaterThan(15_000);
    // v1.7.0's agents failed once it traded: the watch handed trading back to v1.6.0.
    expect(moves('release v1.7.0')).toEqual([
      [v160, v170],
      [v170, v160],
    ]);
  });

  it('reported who traded: the overlap, each gap and the handover outputs, and the picture on the page', () => {
    const report = readFileSync(result.reportPath, 'utf8');
    expect(report).toMatch(/## Who traded on the live port/);
    expect(report).toMatch(/\*\*overlap 0 ms\*\*/);
    expect(report).toContain(`| release v1.1.0 | ${revisionOf('v1.0.0')} → ${revisionOf('v1.1.0')}: **`);
    expect(report).toMatch(/promote: alc-algo-agents--v1-0-0 → alc-algo-agents--v1-1-0, epoch 2/);
    const page = readFileSync(join(dirname(result.reportPath), 'report.html'), 'utf8');
    expect(page).toContain('<svg id="trading-chart"');
    for (const r of result.trading.revisions) expect(page).toContain(`data-revision="${r}"`);
  });

  it('reported each measurement of the releases the analysis caught, and a picture of errors by revision', () => {
    const report = readFileSync(result.reportPath, 'utf8');
    expect(report).toMatch(/### Analysis/);
    expect(report).toMatch(/\| step 10% \| [^|]+ \| server-errors \| \d+ \| [^|]+ \| ❌ fail/);
    expect(report).toMatch(/\| watch \| [^|]+ \| server-errors \| \d+ \| [^|]+ \| ❌ fail/);
    expect(report).toContain('xychart-beta');
    expect(report).toMatch(/Failed requests users saw on the app URL during this release: \*\*\d+\*\*/);
  });

  it('kept one pull request comment, updated in place, and retired the deployments of preview/pr-42', () => {
    expect(result.comments).toHaveLength(1);
    expect(result.comments[0].body).toMatch(/^<!-- alc-deploy:preview -->/);
    expect(result.comments[0].edits).toBe(2);
    const states = result.deployments
      .filter((d) => d.environment === 'preview/pr-42')
      .map((d) => d.statuses.map((s) => s.state).join(' > '));
    expect(states).toEqual(['in_progress > success > inactive', 'in_progress > success > inactive']);
  });

  it('recorded the production deployments: one active, the last release; the bad releases failed', () => {
    const production = result.deployments.filter((d) => d.environment === 'production');
    const last = (d: (typeof production)[number]) => d.statuses.at(-1)?.state;
    const active = production.filter((d) => last(d) === 'success');
    expect(active).toHaveLength(1);
    expect(String(active[0].payload.revision)).toMatch(/1-6-0/);
    expect(production.filter((d) => last(d) === 'failure').length).toBeGreaterThanOrEqual(4);
    expect(production.every((d) => d.statuses.every((s) => s.log_url?.includes('/actions/runs/')))).toBe(
      true,
    );
  });

  it("found each production change of the scenarios' runs in the audit trail exactly once", () => {
    // What the scenarios' steps changed: the releases, the promotes, the manual rollback, the automatic rollbacks
    // and the aborts (derived from the steps that ran, not counted here).
    const expected = expectedChanges(result.scenarios);
    expect(expected.map((e) => e.change)).toEqual(
      expect.arrayContaining(['release', 'promote', 'rollback', 'abort']),
    );
    expect(result.auditChecks.filter((c) => !c.ok)).toEqual([]);
    const keys = result.audit.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    const required = expected.filter((e) => !e.optional).length;
    const changes = result.audit.filter((r) => r.change !== 'override' && r.change !== 'stop');
    expect(changes.length).toBeGreaterThanOrEqual(required);
    expect(changes.length).toBeLessThanOrEqual(expected.length);
    // The manual rollback, by hand (workflow_dispatch), and the watch's automatic rollback of v1.4.0.
    const manual = recordsOf(
      result.scenarios.find((s) => s.title === 'rollback to v1.0.0')!,
      result.audit,
    );
    expect(manual.map((r) => [r.change, r.outcome, r.trigger, r.to])).toEqual([
      ['rollback', 'succeeded', 'workflow_dispatch', revisionOf('v1.0.0')],
    ]);
    const watched = recordsOf(
      result.scenarios.find((s) => s.title === 'release v1.4.0')!,
      result.audit,
    );
    expect(watched.filter((r) => r.change === 'promote').map((r) => r.outcome)).toEqual(['rolled-back']);
    for (const r of result.audit) expect(r.runUrl).toMatch(/\/actions\/runs\//);
  });

  it("reported each release's window decision and the audit records, in the report and on the page", () => {
    const report = readFileSync(result.reportPath, 'utf8');
    const page = readFileSync(join(dirname(result.reportPath), 'report.html'), 'utf8');
    expect(report).toContain('## Change control: window decisions and the audit trail');
    for (const s of result.scenarios.filter((x) => x.workflow === 'release.yml')) {
      expect(s.window).toMatch(/^(allowed|override|refused|none)$/);
      expect(report).toContain(`| ${s.title} | ${s.window} |`);
      expect(page).toContain(`<tr data-window="${s.window}"><td>${escapeHtml(s.title)}</td>`);
    }
    expect(result.scenarios.find((s) => s.title === 'release v1.1.0')?.window).toBe('allowed');
    for (const r of result.audit) expect(report).toContain(`| ${r.time} | ${r.change} | ${r.actor} |`);
  });

  it('wrote one report with every job summary', () => {
    const report = readFileSync(result.reportPath, 'utf8');
    expect(report).toContain('**passed**');
    for (const s of result.scenarios) expect(report).toContain(`## ${s.title}`);
    expect(report).toContain('```mermaid');
  });

  it('wrote the page beside it, with the chart of versions and every scenario', () => {
    const page = readFileSync(join(dirname(result.reportPath), 'report.html'), 'utf8');
    for (const v of Object.keys(result.load.byVersion)) expect(page).toContain(`data-series="${v}"`);
    for (const s of result.scenarios) expect(page).toContain(`data-title="${escapeHtml(s.title)}"`);
  });
});
