// The pipeline end to end, as `npm run demo` runs it: the repository's workflows against the simulator with real
// containers, through the bundled actions started as a runner starts them. Slow (minutes): one run, many checks.
import { afterAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runDemo, type DemoResult } from '../../../demo/run.js';
import { ANALYSIS_SCENARIOS } from '../../../demo/scenarios.js';
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
    'runs release, blue-green, a broken release, a rollback, previews and two releases the analysis catches, all as expected',
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
        ['preview: PR #42 opened', 'success'],
        ['preview: PR #42 pushed again', 'success'],
        ['preview: PR #43 from a fork', 'success'],
        ['preview: PR #42 closed', 'success'],
        ['release v1.3.0', 'failure'],
        ['release v1.4.0', 'failure'],
      ]);
      expect(result.passed).toBe(true);
    },
    30 * 60_000,
  );

  it('kept the app URL serving through the whole demo, never the broken release', () => {
    expect(result.load.requests).toBeGreaterThan(100);
    // Users saw failed requests only while the analysis caught the two releases that fail under real traffic.
    expect(result.load.failures.filter((f) => !ANALYSIS_SCENARIOS.includes(f.phase))).toEqual([]);
    expect(Object.keys(result.load.byVersion).sort()).toEqual(['1.0.0', '1.1.0', '1.3.0', '1.4.0']);
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

  it('recorded the production deployments: one active, the revision rolled back to; the bad releases failed', () => {
    const production = result.deployments.filter((d) => d.environment === 'production');
    const last = (d: (typeof production)[number]) => d.statuses.at(-1)?.state;
    const active = production.filter((d) => last(d) === 'success');
    expect(active).toHaveLength(1);
    expect(String(active[0].payload.revision)).toMatch(/1-0-0/);
    expect(production.filter((d) => last(d) === 'failure').length).toBeGreaterThanOrEqual(3);
    expect(production.every((d) => d.statuses.every((s) => s.log_url?.includes('/actions/runs/')))).toBe(
      true,
    );
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
