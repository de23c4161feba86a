// The demo report as a page (.demo/report.html): pure functions from the report's data to one self-contained
// HTML string (inline CSS and SVG, no script, no external resource). Every text is escaped; the job summaries'
// Markdown is rendered by marked, the errors by revision (a mermaid xychart) redrawn as SVG, since no mermaid script
// can be fetched offline; each scenario's traffic before and after is drawn from the report's data.
import { Marked, type Tokens } from 'marked';
import type { TrafficRow } from '../src/revisions/traffic-picture.js';
import type { AuditRecord } from '../src/audit/record.js';

/** One request of the load on the app URL: when it ended, and the version that answered (none: it failed). */
export interface LoadSample {
  at: number;
  version?: string;
}

export interface PageCheck {
  what: string;
  ok: boolean;
  detail?: string;
}

export interface PageStep {
  name: string;
  outcome: string;
  durationMs: number;
  summary: string;
  errors: string[];
}

export interface PageJob {
  id: string;
  name: string;
  result: string;
  environment?: { url: string };
  steps: PageStep[];
  jobs?: PageJob[];
}

export interface PageScenario {
  title: string;
  workflow: string;
  event: string;
  expected: string;
  /** When the scenario began (epoch ms): a marker on the chart. */
  startedAt?: number;
  run?: { workflow: string; result: string; durationMs: number; jobs: PageJob[] };
  checks: PageCheck[];
  /** The traffic of the app the scenario concerns, before and after its run. */
  traffic?: ScenarioTraffic;
  /** Markdown added under the scenario (the analysis scenarios' errors by revision). */
  extra?: string;
  /** A release's window decision (allowed, override, refused, none), as its audit record states it. */
  window?: string;
}

export interface PageData {
  generatedAt: string;
  passed: boolean;
  stopped?: string;
  scenarios: PageScenario[];
  load: {
    requests: number;
    failed: number;
    p50Ms: number;
    p99Ms: number;
    phases: Array<{ phase: string; requests: number; failed: number; versions: string[] }>;
    samples: LoadSample[];
  };
  loadChecks: PageCheck[];
  /** Who traded on the live port (the broker's order log), and the demo's checks on it. */
  trading?: { figures: PageTrading; checks: PageCheck[] };
  /** The audit trail as the demo read it after its scenarios, and its checks on it. */
  audit?: { records: AuditRecord[]; checks: PageCheck[] };
}

/** What the page shows of trading (demo/report.ts's TradingFigures). */
export interface PageTrading {
  orders: number;
  revisions: string[];
  overlapMs: number;
  bucketMs: number;
  buckets: Array<{ t: number; byRevision: Record<string, number> }>;
  scenarios: Array<{
    title: string;
    gaps: Array<{ from: string; to: string; gapMs: number }>;
    handovers: Array<{ step: string; handover: string }>;
  }>;
}

/** The name of the series of failed requests on the chart. */
export const FAILED = 'failed';

const PALETTE = ['#2f6fb0', '#e08a1e', '#3a9a5b', '#8e5bb5', '#1f9fa8', '#b5694a', '#6b7a8f', '#c2a01a'];
const FAILED_COLOR = '#d0312d';

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const versionKey = (v: string) =>
  v
    .replace(/^v/, '')
    .split(/[.-]/)
    .map((p) => (/^\d+$/.test(p) ? p.padStart(8, '0') : p))
    .join('.');

export interface ShareSeries {
  /** Epoch ms of second 0. */
  start: number;
  seconds: number;
  /** Requests per second (every series together). */
  totals: number[];
  /** One series per version (version order), then the failed requests when there were some. */
  series: Array<{ name: string; requests: number; share: number[] }>;
}

/** Share of the requests each version served, second by second, from the first request to the last. */
export function sharePerSecond(samples: readonly LoadSample[]): ShareSeries {
  if (samples.length === 0) return { start: 0, seconds: 0, totals: [], series: [] };
  // A loop, not Math.min(...): a demo's load has tens of thousands of requests.
  const start = samples.reduce((t, s) => Math.min(t, s.at), Infinity);
  const end = samples.reduce((t, s) => Math.max(t, s.at), -Infinity);
  const seconds = Math.floor((end - start) / 1000) + 1;
  const names = [...new Set(samples.flatMap((s) => s.version ?? []))].sort((a, b) =>
    versionKey(a).localeCompare(versionKey(b)),
  );
  if (samples.some((s) => s.version === undefined)) names.push(FAILED);
  const counts = new Map(names.map((n) => [n, new Array<number>(seconds).fill(0)]));
  const totals = new Array<number>(seconds).fill(0);
  for (const s of samples) {
    const i = Math.floor((s.at - start) / 1000);
    counts.get(s.version ?? FAILED)![i]++;
    totals[i]++;
  }
  return {
    start,
    seconds,
    totals,
    series: names.map((name) => {
      const c = counts.get(name)!;
      return {
        name,
        requests: c.reduce((a, b) => a + b, 0),
        share: c.map((n, i) => (totals[i] ? n / totals[i] : 0)),
      };
    }),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

function niceStep(span: number, target: number): number {
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
}

/** The stacked area chart of which version served the app URL, second by second (inline SVG). */
export function versionChart(
  samples: readonly LoadSample[],
  markers: ReadonlyArray<{ at: number; label: string; title: string }> = [],
): string {
  const data = sharePerSecond(samples);
  if (data.seconds === 0) return '<p class="empty">The load recorded no request.</p>';
  const W = 960;
  const H = 320;
  const m = { left: 56, right: 16, top: 32, bottom: 44 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const x = (sec: number) => m.left + (sec / data.seconds) * pw;
  const y = (share: number) => m.top + (1 - share) * ph;
  const colors = new Map(
    data.series.map((s, i) => [s.name, s.name === FAILED ? FAILED_COLOR : PALETTE[i % PALETTE.length]]),
  );
  const below = new Array<number>(data.seconds).fill(0);
  const areas = data.series.map((s) => {
    const top = below.map((b, i) => b + s.share[i]);
    const upper: string[] = [];
    const lower: string[] = [];
    for (let i = 0; i < data.seconds; i++) {
      upper.push(`${round(x(i))},${round(y(top[i]))}`, `${round(x(i + 1))},${round(y(top[i]))}`);
      lower.push(`${round(x(i))},${round(y(below[i]))}`, `${round(x(i + 1))},${round(y(below[i]))}`);
    }
    for (let i = 0; i < data.seconds; i++) below[i] = top[i];
    return `<path class="series" data-series="${escapeHtml(s.name)}" fill="${colors.get(s.name)}" d="M${upper.join('L')}L${lower.reverse().join('L')}Z"><title>${escapeHtml(s.name)}: ${s.requests} requests</title></path>`;
  });
  const step = niceStep(data.seconds, 12);
  const xTicks: string[] = [];
  for (let t = 0; t <= data.seconds; t += step)
    xTicks.push(
      `<line x1="${round(x(t))}" x2="${round(x(t))}" y1="${m.top + ph}" y2="${m.top + ph + 5}" stroke="#444"/><text x="${round(x(t))}" y="${m.top + ph + 18}" text-anchor="middle">${t}</text>`,
    );
  const yTicks = [0, 25, 50, 75, 100].map(
    (p) =>
      `<line x1="${m.left - 5}" x2="${m.left + pw}" y1="${round(y(p / 100))}" y2="${round(y(p / 100))}" stroke="${p ? '#0002' : '#444'}"/><text x="${m.left - 8}" y="${round(y(p / 100)) + 4}" text-anchor="end">${p}</text>`,
  );
  // A scenario that began before the first request (the load starts in the first one) is marked at 0; labels
  // too close to the previous one go up a row.
  let lastX = -Infinity;
  let row = 0;
  const marks = markers
    .filter((k) => k.at <= data.start + data.seconds * 1000)
    .map((k) => {
      const mx = round(x(Math.max(0, k.at - data.start) / 1000));
      row = mx - lastX < 14 ? (row + 1) % 2 : 0;
      lastX = mx;
      const ty = m.top - 6 - row * 11;
      return `<g class="marker"><line x1="${mx}" x2="${mx}" y1="${ty + 2}" y2="${m.top + ph}" stroke="#111" stroke-dasharray="3,3" stroke-width="1"/><text x="${mx + 2}" y="${ty}">${escapeHtml(k.label)}</text><title>${escapeHtml(k.title)}</title></g>`;
    });
  const legend = data.series
    .map(
      (s) =>
        `<li><span class="swatch" style="background:${colors.get(s.name)}"></span>${escapeHtml(s.name)} <span class="muted">(${s.requests} requests)</span></li>`,
    )
    .join('');
  return [
    `<figure class="chart">`,
    `<svg id="version-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Share of requests per second by version">`,
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="#f3f3f3"/>`,
    ...areas,
    ...yTicks,
    ...xTicks,
    ...marks,
    `<text x="${m.left + pw / 2}" y="${H - 6}" text-anchor="middle" class="axis">seconds since the load started (${escapeHtml(new Date(data.start).toISOString().slice(11, 19))} UTC)</text>`,
    `<text transform="translate(14 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" class="axis">share of requests (%)</text>`,
    `</svg>`,
    `<ul class="legend">${legend}</ul>`,
    `</figure>`,
  ].join('\n');
}

/**
 * Who traded on the live port: the orders of each second, stacked by revision (inline SVG), with the scenarios'
 * markers; a gap is an empty stretch.
 */
export function tradingChart(
  t: PageTrading,
  markers: ReadonlyArray<{ at: number; label: string; title: string }> = [],
): string {
  if (t.buckets.length === 0) return '<p class="empty">No order on the live port.</p>';
  const W = 960;
  const H = 240;
  const m = { left: 56, right: 16, top: 32, bottom: 44 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const start = t.buckets[0].t;
  const n = t.buckets.length;
  const perSecond = 1000 / t.bucketMs;
  const max = Math.max(1, ...t.buckets.map((b) => Object.values(b.byRevision).reduce((a, c) => a + c, 0)));
  const yMax = Math.ceil(max * perSecond);
  const x = (i: number) => m.left + (i / n) * pw;
  const y = (v: number) => m.top + (1 - v / yMax) * ph;
  const colors = new Map(t.revisions.map((r, i) => [r, PALETTE[i % PALETTE.length]]));
  const rects = t.revisions.map((rev) => {
    const bars: string[] = [];
    t.buckets.forEach((b, i) => {
      const v = (b.byRevision[rev] ?? 0) * perSecond;
      if (!v) return;
      const below = t.revisions
        .slice(0, t.revisions.indexOf(rev))
        .reduce((a, r) => a + (b.byRevision[r] ?? 0) * perSecond, 0);
      bars.push(
        `<rect x="${round(x(i))}" y="${round(y(below + v))}" width="${Math.max(0.5, round(x(i + 1) - x(i)))}" height="${round(y(below) - y(below + v))}"/>`,
      );
    });
    const orders = t.buckets.reduce((a, b) => a + (b.byRevision[rev] ?? 0), 0);
    return `<g class="trading" data-revision="${escapeHtml(rev)}" fill="${colors.get(rev)}"><title>${escapeHtml(rev)}: ${orders} orders</title>${bars.join('')}</g>`;
  });
  const seconds = (n * t.bucketMs) / 1000;
  const step = niceStep(seconds, 12);
  const xTicks: string[] = [];
  for (let s = 0; s <= seconds; s += step) {
    const xs = round(m.left + (s / seconds) * pw);
    xTicks.push(
      `<line x1="${xs}" x2="${xs}" y1="${m.top + ph}" y2="${m.top + ph + 5}" stroke="#444"/><text x="${xs}" y="${m.top + ph + 18}" text-anchor="middle">${s}</text>`,
    );
  }
  const yTicks = [0, 0.5, 1].map(
    (f) =>
      `<line x1="${m.left - 5}" x2="${m.left + pw}" y1="${round(y(f * yMax))}" y2="${round(y(f * yMax))}" stroke="${f ? '#0002' : '#444'}"/><text x="${m.left - 8}" y="${round(y(f * yMax)) + 4}" text-anchor="end">${round(f * yMax)}</text>`,
  );
  const marks = markers
    .filter((k) => k.at >= start && k.at <= start + seconds * 1000)
    .map((k) => {
      const mx = round(m.left + ((k.at - start) / 1000 / seconds) * pw);
      return `<g class="marker"><line x1="${mx}" x2="${mx}" y1="${m.top - 4}" y2="${m.top + ph}" stroke="#111" stroke-dasharray="3,3" stroke-width="1"/><text x="${mx + 2}" y="${m.top - 6}">${escapeHtml(k.label)}</text><title>${escapeHtml(k.title)}</title></g>`;
    });
  const legend = t.revisions
    .map(
      (r) =>
        `<li><span class="swatch" style="background:${colors.get(r)}"></span>${escapeHtml(r)} <span class="muted">(${t.buckets.reduce((a, b) => a + (b.byRevision[r] ?? 0), 0)} orders)</span></li>`,
    )
    .join('');
  return [
    `<figure class="chart">`,
    `<svg id="trading-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Orders per second on the live port by revision">`,
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="#f3f3f3"/>`,
    ...rects,
    ...yTicks,
    ...xTicks,
    ...marks,
    `<text x="${m.left + pw / 2}" y="${H - 6}" text-anchor="middle" class="axis">seconds since the first order (${escapeHtml(new Date(start).toISOString().slice(11, 19))} UTC)</text>`,
    `<text transform="translate(14 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" class="axis">orders/s</text>`,
    `</svg>`,
    `<ul class="legend">${legend}</ul>`,
    `</figure>`,
  ].join('\n');
}

/** A handover output (JSON) as one phrase. */
function handoverPhrase(raw: string): string {
  try {
    const h = JSON.parse(raw) as Record<string, unknown>;
    return `${String(h.from || '(none)')} → ${String(h.to || "'' (nobody)")}, epoch ${String(h.epoch ?? '?')}${h['gap-ms'] !== undefined ? `, gap ${String(h['gap-ms'])} ms` : ''}`;
  } catch {
    return raw;
  }
}

/** The trading section: the chart, the overlap, each scenario's gaps and handover outputs. */
export function tradingHtml(
  trading: { figures: PageTrading; checks: PageCheck[] },
  markers: ReadonlyArray<{ at: number; label: string; title: string }>,
): string {
  const t = trading.figures;
  const rows = t.scenarios
    .map(
      (s) =>
        `<tr><td>${escapeHtml(s.title)}</td><td>${s.gaps.map((g) => `${escapeHtml(g.from)} → ${escapeHtml(g.to)}: <strong class="gap">${g.gapMs} ms</strong>`).join('<br>') || '—'}</td><td>${s.handovers.map((h) => `${escapeHtml(h.step.split('/').at(-1) ?? '')}: ${escapeHtml(handoverPhrase(h.handover))}`).join('<br>') || '—'}</td></tr>`,
    )
    .join('');
  return [
    '<h2>Who traded on the live port</h2>',
    `<p>${t.orders} orders on the broker's live port by ${t.revisions.length} revisions, <strong id="overlap">overlap ${t.overlapMs} ms</strong>. Orders per second by the revision that sent them (the broker's order log); the dashed lines are the scenarios below.</p>`,
    tradingChart(t, markers),
    checksHtml(trading.checks),
    `<table class="gaps"><thead><tr><th>scenario</th><th>trading resumed after (gap)</th><th>handover outputs</th></tr></thead><tbody>${rows}</tbody></table>`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------
// The traffic of a scenario, and the job summaries' Markdown

/** An app's traffic before and after a scenario, as the simulator held it (demo/run.ts reads it). */
export interface ScenarioTraffic {
  before: TrafficRow[];
  after: TrafficRow[];
}

function trafficSide(title: string, rows: TrafficRow[]): string {
  const html = rows.length
    ? rows
        .map((r) => {
          const name = r.revisionName ?? (r.latestRevision ? 'latest revision' : '?');
          const weight = r.weight ?? 0;
          return `<tr><td class="rev">${escapeHtml(name)}${r.label ? ` <span class="tag">${escapeHtml(r.label)}</span>` : ''}</td><td class="bar"><span style="width:${Math.max(0, Math.min(100, weight))}%"></span></td><td class="num">${weight}%</td></tr>`;
        })
        .join('')
    : '<tr><td colspan="3" class="muted">no traffic entries</td></tr>';
  return `<div class="side"><h5>${escapeHtml(title)}</h5><table class="weights">${html}</table></div>`;
}

/** The traffic before and after, as weight bars. */
export function trafficHtml(traffic: ScenarioTraffic): string {
  return `<div class="traffic">${trafficSide('before', traffic.before)}<div class="arrow">→</div>${trafficSide('after', traffic.after)}</div>`;
}

/** A mermaid xychart of lines (errorPicture in demo/report.ts) as an SVG line chart. */
export function xyChartHtml(text: string): string | undefined {
  if (!/^\s*xychart-beta/m.test(text)) return undefined;
  const title = /^\s*title\s+"(.*)"/m.exec(text)?.[1] ?? '';
  const xAxis = /^\s*x-axis\s+"(.*?)"\s*\[(.*)\]/m.exec(text);
  const yAxis = /^\s*y-axis\s+"(.*?)"\s+([\d.]+)\s*-->\s*([\d.]+)/m.exec(text);
  const xs = (xAxis?.[2] ?? '').split(',').map((v) => v.trim());
  const lines = [...text.matchAll(/^\s*line\s*\[(.*)\]/gm)].map((l) => l[1].split(',').map(Number));
  const yMax = Number(yAxis?.[3] ?? Math.max(1, ...lines.flat()));
  const W = 720;
  const H = 240;
  const m = { left: 48, right: 12, top: 12, bottom: 40 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const x = (i: number) => m.left + (xs.length > 1 ? (i / (xs.length - 1)) * pw : pw / 2);
  const y = (v: number) => m.top + (1 - v / yMax) * ph;
  const paths = lines.map(
    (vals, li) =>
      `<polyline class="line" fill="none" stroke-width="2" stroke="${PALETTE[li % PALETTE.length]}" points="${vals.map((v, i) => `${round(x(i))},${round(y(v))}`).join(' ')}"><title>line ${li + 1}</title></polyline>`,
  );
  const every = Math.max(1, Math.ceil(xs.length / 12));
  const xTicks = xs
    .map((v, i) =>
      i % every
        ? ''
        : `<text x="${round(x(i))}" y="${m.top + ph + 16}" text-anchor="middle">${escapeHtml(v)}</text>`,
    )
    .join('');
  const yTicks = [0, 0.5, 1]
    .map(
      (f) =>
        `<line x1="${m.left}" x2="${m.left + pw}" y1="${round(y(f * yMax))}" y2="${round(y(f * yMax))}" stroke="#0002"/><text x="${m.left - 6}" y="${round(y(f * yMax)) + 4}" text-anchor="end">${round(f * yMax)}</text>`,
    )
    .join('');
  const legend = lines
    .map(
      (_, li) =>
        `<li><span class="swatch" style="background:${PALETTE[li % PALETTE.length]}"></span>line ${li + 1}</li>`,
    )
    .join('');
  return [
    `<figure class="xychart"><figcaption>${escapeHtml(title)}</figcaption>`,
    `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">`,
    `<rect x="${m.left}" y="${m.top}" width="${pw}" height="${ph}" fill="#f7f7f7"/>`,
    yTicks,
    xTicks,
    ...paths,
    `<text x="${m.left + pw / 2}" y="${H - 6}" text-anchor="middle" class="axis">${escapeHtml(xAxis?.[1] ?? '')}</text>`,
    `<text transform="translate(12 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" class="axis">${escapeHtml(yAxis?.[1] ?? '')}</text>`,
    `</svg><ul class="legend">${legend}</ul></figure>`,
  ].join('\n');
}

/** The summaries' emoji verdicts as glyphs every font has (a headless browser has no emoji font). */
const glyphs = (html: string) =>
  html
    .replace(/✅/g, '<span class="ok">✔</span>')
    .replace(/❌/g, '<span class="fail">✘</span>')
    .replace(/❔/g, '<span class="muted">?</span>');

/**
 * The job summaries' Markdown (marked, GitHub's flavour) as the page shows it: any HTML in it is text, but the
 * `<br>` of table cells; headings two levels down (under the page's own); tables compact; no image is fetched; a
 * mermaid xychart redrawn as SVG, and the traffic flowchart left out (the scenario's traffic is drawn from data).
 */
const summaryMarkdown = new Marked({
  gfm: true,
  renderer: {
    html({ text }) {
      return /^<br\s*\/?>$/i.test(text.trim()) ? '<br>' : escapeHtml(text);
    },
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 2);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    table({ header, rows }) {
      const cells = (row: Tokens.TableCell[], tag: string) =>
        row.map((c) => `<${tag}>${this.parser.parseInline(c.tokens)}</${tag}>`).join('');
      const head = header.some((c) => c.text) ? `<thead><tr>${cells(header, 'th')}</tr></thead>` : '';
      return `<table class="md">${head}<tbody>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table>\n`;
    },
    blockquote({ tokens }) {
      const lines = tokens.map((t) =>
        t.type === 'paragraph' ? this.parser.parseInline(t.tokens ?? []) : this.parser.parse([t]),
      );
      return `<blockquote>${lines.join('<br>').replace(/\n/g, '<br>')}</blockquote>\n`;
    },
    code({ text, lang }) {
      if (lang === 'mermaid') return xyChartHtml(text) ?? '';
      return `<pre><code>${escapeHtml(text)}</code></pre>\n`;
    },
    image({ text }) {
      return escapeHtml(text);
    },
    text(token) {
      if ('tokens' in token && token.tokens) return glyphs(this.parser.parseInline(token.tokens));
      return glyphs('escaped' in token && token.escaped ? token.text : escapeHtml(token.text));
    },
  },
});

/** The Markdown of job summaries as HTML. */
export function markdownHtml(markdown: string): string {
  return summaryMarkdown.parse(markdown, { async: false });
}

// ---------------------------------------------------------------------------------------------------
// The page

function flat(jobs: PageJob[]): PageJob[] {
  return jobs.flatMap((j) => (j.jobs ? flat(j.jobs) : [j]));
}

const mark = (ok: boolean) =>
  ok ? '<span class="ok" title="ok">✔</span>' : '<span class="fail" title="failed">✘</span>';

const slug = (i: number) => `scenario-${i + 1}`;

function checksHtml(checks: PageCheck[]): string {
  return `<ul class="checks">${checks
    .map(
      (c) =>
        `<li class="${c.ok ? 'ok' : 'fail'}">${mark(c.ok)} ${escapeHtml(c.what)}${c.detail ? ` <span class="detail">${escapeHtml(c.detail)}</span>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

function scenarioHtml(s: PageScenario, i: number): string {
  const ok = s.checks.every((c) => c.ok);
  const jobs = s.run ? flat(s.run.jobs).filter((j) => j.result !== 'skipped') : [];
  const jobHtml = jobs.map((j) => {
    const steps = j.steps
      .map(
        (st) =>
          `<tr class="${escapeHtml(st.outcome)}"><td>${escapeHtml(st.name)}</td><td>${escapeHtml(st.outcome)}</td><td class="num">${(st.durationMs / 1000).toFixed(1)} s</td></tr>`,
      )
      .join('');
    const summaries = j.steps
      .flatMap((st) => [
        ...(st.summary.trim() ? [`<div class="summary">${markdownHtml(st.summary.trim())}</div>`] : []),
        ...st.errors.map(
          (e) =>
            `<blockquote class="error"><strong>error</strong> (${escapeHtml(st.name)}): ${escapeHtml(e)}</blockquote>`,
        ),
      ])
      .join('\n');
    return [
      `<details class="job"${j.steps.some((st) => st.summary.trim() || st.errors.length) ? ' open' : ''}>`,
      `<summary><strong>${escapeHtml(j.name)}</strong> <span class="result ${escapeHtml(j.result)}">${escapeHtml(j.result)}</span>${j.environment?.url ? ` — <span class="muted">${escapeHtml(j.environment.url)}</span>` : ''}</summary>`,
      `<table class="steps"><thead><tr><th>step</th><th>outcome</th><th>time</th></tr></thead><tbody>${steps}</tbody></table>`,
      summaries,
      `</details>`,
    ].join('\n');
  });
  return [
    `<section class="scenario ${ok ? 'passed' : 'failed'}" id="${slug(i)}" data-title="${escapeHtml(s.title)}">`,
    `<h3>${i + 1}. ${escapeHtml(s.title)} ${mark(ok)}</h3>`,
    `<p class="meta">${escapeHtml(s.workflow)} · ${escapeHtml(s.event)} · expected <strong>${escapeHtml(s.expected)}</strong> · result <strong>${escapeHtml(s.run?.result ?? '—')}</strong> · ${((s.run?.durationMs ?? 0) / 1000).toFixed(0)} s${s.window !== undefined ? ` · window <strong class="window">${escapeHtml(s.window)}</strong>` : ''}</p>`,
    checksHtml(s.checks),
    s.traffic ? trafficHtml(s.traffic) : '',
    s.extra ? `<div class="extra">${markdownHtml(s.extra)}</div>` : '',
    ...jobHtml,
    `</section>`,
  ].join('\n');
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1d1f;margin:0;background:#fafafa}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:16px;margin:0 0 6px}h4,h5,h6{font-size:14px;margin:14px 0 6px}
.verdict{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600}
.verdict.ok{background:#2e8540;color:#fff}.verdict.fail{background:#d0312d;color:#fff}
.ok{color:#2e8540}.fail{color:#d0312d}.muted,.detail{color:#666}.detail{font-size:12px;word-break:break-word}
table{border-collapse:collapse;margin:6px 0 10px;background:#fff}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f0f0f0}
td.num{text-align:right;white-space:nowrap}
.chart svg,.xychart svg{max-width:100%;height:auto;font-size:11px;fill:#333}
.chart svg .axis,.xychart svg .axis{font-size:12px}
.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:6px 18px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.scenario{background:#fff;border:1px solid #ddd;border-left:5px solid #2e8540;border-radius:4px;padding:12px 16px;margin:14px 0}
.scenario.failed{border-left-color:#d0312d}.meta{color:#555;margin:0 0 6px}
.checks{list-style:none;padding:0;margin:6px 0}.checks li{margin:2px 0}
details.job{margin:8px 0;border-top:1px dashed #ddd;padding-top:6px}details.job>summary{cursor:pointer}
.result.success{color:#2e8540}.result.failure{color:#d0312d}
.summary{margin:6px 0 6px 12px}blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid #ccc;color:#444}
blockquote.error{border-left-color:#d0312d;background:#fdf0f0;word-break:break-word}
pre{background:#f3f3f3;padding:8px;overflow:auto}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.traffic{display:flex;align-items:center;gap:12px;flex-wrap:wrap;margin:6px 0}.traffic .arrow{font-size:22px;color:#888}
.side h5{margin:0 0 2px}.weights td{border:none;padding:2px 6px}.weights .rev{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.weights .bar{width:110px}.weights .bar span{display:block;height:12px;background:#2f6fb0;border-radius:2px;min-width:1px}
.tag{background:#e6eef8;color:#2f6fb0;border-radius:8px;padding:0 6px;font-size:11px}
nav ol{columns:2;margin:6px 0}
`;

/** The audit trail's columns in the report and on the page. */
export const AUDIT_COLUMNS = ['time', 'change', 'actor', 'from → to', 'epoch', 'window', 'outcome'];

/** The audit records as the report's and the page's table rows (AUDIT_COLUMNS). */
export function auditRows(records: readonly AuditRecord[]): string[][] {
  return records.map((r) => [
    r.time,
    r.change,
    r.actor,
    `${r.from ?? '—'} → ${r.to ?? '—'}`,
    r.epoch === undefined ? '—' : String(r.epoch),
    r.window,
    r.outcome,
  ]);
}

/** The change-control section: each release's window decision, the audit trail, the checks on it. */
export function auditHtml(scenarios: readonly PageScenario[], audit: NonNullable<PageData['audit']>): string {
  const releases = scenarios.filter((s) => s.window !== undefined);
  const row = (cells: string[], cls = '') =>
    `<tr${cls ? ` class="${escapeHtml(cls)}"` : ''}>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  return [
    '<h2>Change control: window decisions and the audit trail</h2>',
    "<p>Each release's window decision, as its promote's audit record states it.</p>",
    `<table class="windows"><thead><tr><th>release</th><th>window</th></tr></thead><tbody>${releases
      .map(
        (s) =>
          `<tr data-window="${escapeHtml(s.window)}"><td>${escapeHtml(s.title)}</td><td>${escapeHtml(s.window)}</td></tr>`,
      )
      .join('')}</tbody></table>`,
    `<p>The audit trail: ${audit.records.length} records, one append blob in the simulator's storage.</p>`,
    `<table class="audit"><thead><tr>${AUDIT_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${auditRows(
      audit.records,
    )
      .map((cells, i) => row(cells, audit.records[i].outcome))
      .join('')}</tbody></table>`,
    checksHtml(audit.checks),
  ].join('\n');
}

/** The whole page. */
export function reportHtml(data: PageData): string {
  const markers = data.scenarios.flatMap((s, i) =>
    s.startedAt === undefined ? [] : [{ at: s.startedAt, label: String(i + 1), title: s.title }],
  );
  const load = data.load;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>alc-deploy pipeline demo — ${data.passed ? 'passed' : 'failed'}</title>`,
    `<style>${CSS}</style></head><body><main>`,
    '<h1>alc-deploy pipeline demo</h1>',
    `<p>${escapeHtml(data.generatedAt)} — <span class="verdict ${data.passed ? 'ok' : 'fail'}">${data.passed ? 'passed' : 'failed'}</span>${data.stopped ? ` <span class="fail">${escapeHtml(data.stopped)}</span>` : ''}</p>`,
    "<p>The repository's own workflows, run against the local simulator; every action started as a runner starts it.</p>",
    '<h2>Which version served the app URL</h2>',
    `<p>${load.requests} requests, <strong>${load.failed} failed</strong>, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms. Share of each second's requests by the version that answered; the dashed lines are the scenarios below.</p>`,
    versionChart(load.samples, markers),
    checksHtml(data.loadChecks),
    '<table class="phases"><thead><tr><th>phase</th><th>requests</th><th>failed</th><th>versions served</th></tr></thead><tbody>',
    ...load.phases.map(
      (p) =>
        `<tr><td>${escapeHtml(p.phase)}</td><td class="num">${p.requests}</td><td class="num">${p.failed}</td><td>${escapeHtml(p.versions.join(', '))}</td></tr>`,
    ),
    '</tbody></table>',
    ...(data.trading ? [tradingHtml(data.trading, markers)] : []),
    ...(data.audit ? [auditHtml(data.scenarios, data.audit)] : []),
    '<h2>Scenarios</h2>',
    `<nav><ol>${data.scenarios.map((s, i) => `<li><a href="#${slug(i)}">${escapeHtml(s.title)}</a> ${mark(s.checks.every((c) => c.ok))}</li>`).join('')}</ol></nav>`,
    ...data.scenarios.map(scenarioHtml),
    '</main></body></html>',
    '',
  ].join('\n');
}
