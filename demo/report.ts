// The demo's report (.demo/report.md): the scenarios and their checks, the load on the app URL, the pull request
// comment and the GitHub deployments the stand-in API holds, every job summary; and the picture of what the ingress
// served by revision that the analysis scenarios add. The same data as a page: demo/report-html.ts.
import { runSummary } from '../runner/workflow.js';
import type { GitHubApiStandIn } from './github-api.js';
import type { LoadFigures } from './load.js';
import type { Check, Scenario } from './scenarios.js';

/**
 * A picture of what the ingress served by revision, second by second, over [start, end]: the 5xx share per
 * revision (mermaid xychart, one line per revision, in the order of the table below it).
 */
export function errorPicture(
  records: ReadonlyArray<{ revision: string; status: number; at: number }>,
  start: number,
  end: number,
): string {
  const inWindow = records.filter((r) => r.at >= start && r.at <= end);
  const revisions = [...new Set(inWindow.map((r) => r.revision))].sort();
  if (revisions.length === 0) return '_The ingress served no request in this window._';
  const seconds = Math.max(1, Math.ceil((end - start) / 1000));
  const step = Math.max(1, Math.ceil(seconds / 60));
  const buckets = Array.from({ length: Math.ceil(seconds / step) }, (_, i) => i * step);
  const share = (rev: string, b: number) => {
    const rs = inWindow.filter(
      (r) => r.revision === rev && r.at >= start + b * 1000 && r.at < start + (b + step) * 1000,
    );
    return rs.length ? Math.round((100 * rs.filter((r) => r.status >= 500).length) / rs.length) : 0;
  };
  const totals = revisions.map((rev) => {
    const rs = inWindow.filter((r) => r.revision === rev);
    return `| ${rev} | ${rs.length} | ${rs.filter((r) => r.status >= 500).length} |`;
  });
  return [
    '```mermaid',
    'xychart-beta',
    '  title "5xx share per revision (%), by second, as the ingress served it"',
    `  x-axis "seconds" [${buckets.join(', ')}]`,
    '  y-axis "5xx %" 0 --> 100',
    ...revisions.map((rev) => `  line [${buckets.map((b) => share(rev, b)).join(', ')}]`),
    '```',
    '',
    '| line | revision | requests served | 5xx |',
    '|---|---|---|---|',
    ...totals.map((t, i) => `| ${i + 1} ${t}`),
  ].join('\n');
}

/** The checks of the load over the whole demo: failures only where expected, and v1.2.0 never served. */
export function checkLoad(load: LoadFigures, failuresExpected: readonly string[]): Check[] {
  const neverBroken = !Object.keys(load.byVersion).some((v) => v.replace(/^v/, '') === '1.2.0');
  const unexpected = load.failures.filter((f) => !failuresExpected.includes(f.phase));
  return [
    {
      what: 'zero failed requests on the app URL, but during the releases the analysis caught',
      ok: unexpected.length === 0 && load.requests > 0,
      detail: `${unexpected.length} of ${load.requests} (${load.failed - unexpected.length} while the analysis caught a bad release)`,
    },
    { what: 'the app URL never served v1.2.0', ok: neverBroken, detail: JSON.stringify(load.byVersion) },
  ];
}

export function markdownReport(
  scenarios: Scenario[],
  load: LoadFigures,
  loadChecks: Check[],
  github: GitHubApiStandIn,
  passed: boolean,
  stopped: string | undefined,
): string {
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const lines = [
    '# alc-deploy pipeline demo',
    '',
    `${new Date().toISOString()} — ${passed ? '**passed**' : `**failed**${stopped ? `: ${stopped}` : ''}`}`,
    '',
    "The repository's own workflows, run against the local simulator; every action started as a runner starts it.",
    'The same as a page, with a chart of the versions that served the app URL: `report.html` beside this file.',
    '',
    '| # | scenario | workflow | event | expected | result | time | checks |',
    '|---|---|---|---|---|---|---|---|',
    ...scenarios.map(
      (s, i) =>
        `| ${i + 1} | ${s.title} | ${s.workflow} | ${s.event} | ${s.expected} | ${s.run?.result ?? '—'} | ${((s.run?.durationMs ?? 0) / 1000).toFixed(0)} s | ${mark(s.checks.every((c) => c.ok))} |`,
    ),
    '',
    '## Load on the app URL, through the whole demo',
    '',
    `${load.requests} requests, **${load.failed} failed**, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms.`,
    '',
    '| phase | requests | failed | versions served |',
    '|---|---|---|---|',
    ...load.phases.map((p) => `| ${p.phase} | ${p.requests} | ${p.failed} | ${p.versions.join(', ')} |`),
    '',
    ...loadChecks.map((c) => `- ${mark(c.ok)} ${c.what} (${c.detail})`),
    ...(load.failures.length
      ? [
          '',
          '| at | phase | error |',
          '|---|---|---|',
          ...load.failures.slice(0, 20).map((f) => `| ${f.at} | ${f.phase} | ${f.error} |`),
        ]
      : []),
    '',
    '## Checks',
    '',
    ...scenarios.flatMap((s) => [
      `**${s.title}**`,
      '',
      ...s.checks.map((c) => `- ${mark(c.ok)} ${c.what}${c.detail ? ` (${c.detail})` : ''}`),
      '',
    ]),
    '## The pull request comment (one, updated in place)',
    '',
    ...github.comments.flatMap((c) => [
      `_comment ${c.id}, edited ${c.edits} times_`,
      '',
      ...c.body.split('\n').map((l) => `> ${l}`),
      '',
    ]),
    '## GitHub deployments',
    '',
    '| id | environment | statuses |',
    '|---|---|---|',
    ...github.deployments.map(
      (d) => `| ${d.id} | ${d.environment} | ${d.statuses.map((s) => s.state).join(' → ')} |`,
    ),
    '',
    '## Job summaries',
    '',
    ...scenarios.flatMap((s) => [
      `## ${s.title}`,
      '',
      s.run ? runSummary(s.run) : '_not run_',
      '',
      ...(s.extra ? [s.extra, ''] : []),
    ]),
  ];
  return lines.join('\n');
}
