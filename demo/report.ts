// The demo's report (.demo/report.md): the scenarios and their checks, the load on the app URL, the pull request
// comment and the GitHub deployments the stand-in API holds, every job summary; and the picture of what the ingress
// served by revision that the analysis scenarios add. The same data as a page: demo/report-html.ts.
import { runSummary } from '../runner/workflow.js';
import type { GitHubApiStandIn } from './github-api.js';
import type { LoadFigures } from './load.js';
import type { Check, Scenario } from './scenarios.js';
import { tradingReport, type ReportOrder, type TradingReport } from '../sim/trading-report.js';
import type { AuditRecord } from '../src/audit/record.js';
import { AUDIT_COLUMNS, auditRows } from './report-html.js';

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
  trading: TradingFigures = emptyTrading(),
  tradingChecks: Check[] = [],
  audit: { records: AuditRecord[]; checks: Check[] } = { records: [], checks: [] },
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
    '## Who traded on the live port, through the whole demo',
    '',
    "The broker stand-in's order log (the oracle): each revision's orders per second, the gaps between traders.",
    '',
    tradingMarkdown(trading, tradingChecks),
    '',
    auditMarkdown(scenarios, audit),
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

/** Each release's window decision, then the audit trail as the demo read it after its scenarios, and its checks. */
export function auditMarkdown(
  scenarios: readonly Scenario[],
  audit: { records: AuditRecord[]; checks: Check[] },
): string {
  const cell = (v: string) => v.replace(/\|/g, '\\|');
  const releases = scenarios.filter((s) => s.window !== undefined);
  return [
    '## Change control: window decisions and the audit trail',
    '',
    "Each release's window decision (allowed, override, refused, none) as its promote's audit record states it.",
    '',
    '| release | window |',
    '|---|---|',
    ...releases.map((s) => `| ${s.title} | ${s.window} |`),
    '',
    `The audit trail (${audit.records.length} records, one append blob in the simulator's storage):`,
    '',
    `| ${AUDIT_COLUMNS.join(' | ')} |`,
    `|${AUDIT_COLUMNS.map(() => '---').join('|')}|`,
    ...auditRows(audit.records).map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
    ...audit.checks.map((c) => `- ${c.ok ? '✅' : '❌'} ${c.what}${c.detail ? ` (${c.detail})` : ''}`),
  ].join('\n');
}

/** Who traded on the live port over the whole demo: the trading report of the broker's order log, by scenario. */
export interface TradingFigures {
  orders: number;
  revisions: string[];
  overlapMs: number;
  exclusive: boolean;
  overlaps: TradingReport['overlaps'];
  bucketMs: number;
  /** Orders per bucket by revision (tradingReport's ordersPerSecond). */
  buckets: Array<{ t: number; byRevision: Record<string, number> }>;
  /** Each production scenario's gaps (from, to, gap ms) and handover outputs. */
  scenarios: Array<{
    title: string;
    gaps: Array<{ from: string; to: string; gapMs: number; lastOrderAt: string; firstOrderAt: string }>;
    handovers: Array<{ step: string; handover: string }>;
  }>;
}

export function emptyTrading(): TradingFigures {
  return {
    orders: 0,
    revisions: [],
    overlapMs: 0,
    exclusive: true,
    overlaps: [],
    bucketMs: 1000,
    buckets: [],
    scenarios: [],
  };
}

/**
 * The trading figures from the broker's live order log: each gap goes to the production scenario during which
 * trading resumed (from its start to the next one's).
 */
export function tradingFigures(
  orders: readonly ReportOrder[],
  scenarios: ReadonlyArray<Pick<Scenario, 'title' | 'workflow' | 'startedAt' | 'handovers'>>,
): TradingFigures {
  const r = tradingReport(orders, 'live');
  const production = scenarios.filter((s) => s.workflow !== 'preview.yml' && s.startedAt !== undefined);
  const windowOf = (at: number) =>
    production.findLast((s) => (s.startedAt ?? Infinity) <= at)?.title ?? production[0]?.title;
  return {
    orders: r.orders,
    revisions: r.revisions,
    overlapMs: r.overlapMs,
    exclusive: r.exclusive,
    overlaps: r.overlaps,
    bucketMs: r.bucketMs,
    buckets: r.ordersPerSecond.map((b) => ({ t: b.t, byRevision: b.byRevision })),
    scenarios: production.map((s) => ({
      title: s.title,
      gaps: r.gaps
        .filter((g) => windowOf(Date.parse(g.firstOrderAt)) === s.title)
        .map((g) => ({
          from: g.fromRevision,
          to: g.toRevision,
          gapMs: g.gapMs,
          lastOrderAt: g.lastOrderAt,
          firstOrderAt: g.firstOrderAt,
        })),
      handovers: s.handovers ?? [],
    })),
  };
}

/** The demo's own checks on trading: someone traded, and never two replicas at once (overlap 0 ms). */
export function checkTrading(t: TradingFigures): Check[] {
  return [
    {
      what: 'the agents traded on the live port',
      ok: t.orders > 0,
      detail: `${t.orders} orders by ${t.revisions.length} revisions`,
    },
    {
      what: 'one trader at a time on the live port: overlap 0 ms',
      ok: t.overlapMs === 0 && t.exclusive,
      detail: `overlap ${t.overlapMs} ms${t.overlaps.length ? `: ${t.overlaps.map((o) => `${o.a.replica} and ${o.b.replica} ${o.from}..${o.to}`).join('; ')}` : ''}`,
    },
  ];
}

/** A handover output as one phrase: from -> to, epoch, gap the pipeline saw. */
export function handoverText(raw: string): string {
  try {
    const h = JSON.parse(raw) as Record<string, unknown>;
    return `${String(h.from || '(none)')} → ${String(h.to || "'' (nobody)")}, epoch ${String(h.epoch ?? '?')}${h['gap-ms'] !== undefined ? `, gap ${String(h['gap-ms'])} ms` : ''}`;
  } catch {
    return raw;
  }
}

/** The trading section of the report: overlap, and per scenario its gaps and handover outputs; a picture. */
export function tradingMarkdown(t: TradingFigures, checks: Check[]): string {
  const mark = (ok: boolean) => (ok ? '✅' : '❌');
  const step = Math.max(1, Math.ceil(t.buckets.length / 60));
  const points = Array.from({ length: Math.ceil(t.buckets.length / step) }, (_, i) => i * step);
  const rate = (rev: string, i: number) =>
    Math.round(
      (t.buckets.slice(i, i + step).reduce((n, b) => n + (b.byRevision[rev] ?? 0), 0) / step) *
        (1000 / t.bucketMs),
    );
  return [
    `${t.orders} orders on the live port, by ${t.revisions.length} revisions; **overlap ${t.overlapMs} ms**.`,
    '',
    ...checks.map((c) => `- ${mark(c.ok)} ${c.what} (${c.detail})`),
    '',
    '| scenario | trading resumed after (gap) | handover outputs |',
    '|---|---|---|',
    ...t.scenarios.map(
      (s) =>
        `| ${s.title} | ${s.gaps.map((g) => `${g.from} → ${g.to}: **${g.gapMs} ms**`).join('<br>') || '—'} | ${s.handovers.map((h) => `${h.step.split('/').at(-1)}: ${handoverText(h.handover)}`).join('<br>') || '—'} |`,
    ),
    '',
    ...(t.buckets.length
      ? [
          '```mermaid',
          'xychart-beta',
          '  title "Orders per second on the live port, by revision"',
          `  x-axis "seconds" [${points.map((i) => Math.round((i * t.bucketMs) / 1000)).join(', ')}]`,
          `  y-axis "orders/s" 0 --> ${Math.max(1, ...points.flatMap((i) => t.revisions.map((r) => rate(r, i))))}`,
          ...t.revisions.map((rev) => `  line [${points.map((i) => rate(rev, i)).join(', ')}]`),
          '```',
          '',
          '| line | revision |',
          '|---|---|',
          ...t.revisions.map((rev, i) => `| ${i + 1} | ${rev} |`),
        ]
      : ['_No order on the live port._']),
  ].join('\n');
}
