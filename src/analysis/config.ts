// The analysis config (blue-green's `analysis` input): YAML, inline or the path of a file in the workspace.
// Pure: text in, a checked config out, or one InputError naming the input, the value and what is allowed.
// Hand-written, not a zod schema like the app spec's (src/core/app-spec.schema.ts): the error is the first problem
// as one InputError whose value each rule picks (the unknown key, the metric's name, the max as written), the
// keys judged before the fields; zod reports unknown keys after the fields and would need that value on each issue.
//
//   interval: 1m            # one measurement per interval, over the interval just past
//   time-grain: PT1M        # the Azure Monitor time grain asked for (PT1M in Azure)
//   delay: 2m               # each window is read this long after it ends (Azure's metrics arrive late)
//   failure-limit: 0        # failed measurements tolerated; one more fails the release
//   inconclusive-limit: 2   # inconclusive measurements tolerated; one more halts and aborts
//   metrics:
//     - name: server-errors
//       metric: Requests              # Azure Monitor platform metric of the container app
//       status: 5xx                   # statusCodeCategory counted (the rest are the revision's traffic)
//       max: 5/hour scaled            # an absolute bound, scaled from per-hour to the window
//     - name: error-share
//       metric: Requests
//       status: 5xx
//       relative: 1.5x stable         # the candidate's share of 5xx at most 1.5 times the stable revision's
//     - name: restarts
//       metric: RestartCount
//       max: 0
//     - name: response-time
//       provider: probe               # the synthetic probe the gates run (no per-revision latency metric)
//       metric: average
//       max: 5s
import { parse as parseYaml } from 'yaml';
import { InputError, parseDuration } from '../core/inputs.js';
import { CONFIG_ALLOWED } from './messages.js';

export const AZURE_METRICS = ['Requests', 'RestartCount'] as const;
export type AzureMetric = (typeof AZURE_METRICS)[number];
export const STATUS_CATEGORIES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export type Threshold =
  /** value <= max (per-hour values scaled to the window when `perMs` is set: max * window / perMs). */
  | { kind: 'max'; max: number; perMs?: number; text: string }
  /** value <= factor * the stable revision's value over the same window (shares for Requests). */
  | { kind: 'relative'; factor: number; text: string; floor?: { max: number; perMs?: number } };

export type MetricConfig =
  | {
      name: string;
      provider: 'azure-monitor';
      metric: AzureMetric;
      /** Requests: the status-code category counted; without it every request counts. */
      status?: StatusCategory;
      threshold: Threshold;
    }
  | { name: string; provider: 'probe'; metric: 'average'; threshold: Threshold };

export interface AnalysisConfig {
  intervalMs: number;
  /** ISO 8601 time grain of the Azure Monitor queries. */
  timeGrain: string;
  /** How long after its end a window is read: Azure Monitor's ingestion delay (0 in the simulator). */
  delayMs: number;
  failureLimit: number;
  inconclusiveLimit: number;
  metrics: MetricConfig[];
}

type Raw = Record<string, unknown>;

const PER: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `5`, `5/hour scaled`, `5s` / `500ms` (durations, in ms, for latency). */
export function parseMax(input: string, raw: unknown, where: string): { max: number; perMs?: number } {
  const text = String(raw).trim();
  const scaled = /^(\d+(?:\.\d+)?)\s*\/\s*(second|minute|hour|day)(?:\s+scaled)?$/i.exec(text);
  if (scaled) return { max: Number(scaled[1]), perMs: PER[scaled[2].toLowerCase()] };
  if (/^\d+(?:\.\d+)?$/.test(text)) return { max: Number(text) };
  if (/^\d+(?:\.\d+)?\s*(ms|s|m)$/i.test(text)) return { max: parseDuration(input, text, 0) };
  throw new InputError(
    input,
    text,
    `${where}: max takes a number, N/hour scaled (also /minute, /day), or a duration such as 5s`,
  );
}

function parseThreshold(input: string, m: Raw, where: string): Threshold {
  const max = m.max === undefined ? undefined : parseMax(input, m.max, where);
  if (m.relative !== undefined) {
    const r = /^(\d+(?:\.\d+)?)\s*x\s+stable$/i.exec(String(m.relative).trim());
    if (!r || Number(r[1]) <= 0)
      throw new InputError(
        input,
        String(m.relative),
        `${where}: relative takes <factor>x stable, e.g. 1.5x stable`,
      );
    const text = `${r[1]}x stable${max ? ` (at least ${String(m.max)})` : ''}`;
    return { kind: 'relative', factor: Number(r[1]), text, ...(max ? { floor: max } : {}) };
  }
  if (!max) throw new InputError(input, JSON.stringify(m), `${where}: needs max or relative`);
  return { kind: 'max', ...max, text: String(m.max) };
}

function limit(input: string, raw: unknown, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  if (!Number.isInteger(raw) || (raw as number) < 0)
    throw new InputError(input, String(raw), `${name} takes a whole number, 0 or more`);
  return raw as number;
}

function parseMetric(input: string, raw: unknown, i: number, seen: Set<string>): MetricConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new InputError(input, JSON.stringify(raw), `metrics[${i}] must be a mapping; ${CONFIG_ALLOWED}`);
  const m = raw as Raw;
  const known = ['name', 'provider', 'metric', 'status', 'max', 'relative'];
  const extra = Object.keys(m).find((k) => !known.includes(k));
  if (extra) throw new InputError(input, extra, `metrics[${i}]: unknown key; allowed: ${known.join(', ')}`);
  const name = String(m.name ?? '').trim();
  if (!/^[A-Za-z][\w.-]{0,62}$/.test(name))
    throw new InputError(input, name, `metrics[${i}].name: a name of letters, digits, '.', '-', '_'`);
  if (seen.has(name)) throw new InputError(input, name, `metrics[${i}].name: each metric name once`);
  seen.add(name);
  const where = `metric ${name}`;
  const provider = String(m.provider ?? 'azure-monitor');
  const threshold = parseThreshold(input, m, where);
  if (provider === 'probe') {
    if ((m.metric ?? 'average') !== 'average')
      throw new InputError(input, String(m.metric), `${where}: the probe measures average (ms)`);
    if (threshold.kind === 'relative')
      throw new InputError(input, String(m.relative), `${where}: the probe takes max only`);
    return { name, provider, metric: 'average', threshold };
  }
  if (provider !== 'azure-monitor')
    throw new InputError(input, provider, `${where}: provider is azure-monitor (default) or probe`);
  const metric = AZURE_METRICS.find((a) => a.toLowerCase() === String(m.metric ?? '').toLowerCase());
  if (!metric)
    throw new InputError(input, String(m.metric), `${where}: metric is one of ${AZURE_METRICS.join(', ')}`);
  let status: StatusCategory | undefined;
  if (m.status !== undefined) {
    status = STATUS_CATEGORIES.find((c) => c === String(m.status).toLowerCase());
    if (!status || metric !== 'Requests')
      throw new InputError(
        input,
        String(m.status),
        `${where}: status is one of ${STATUS_CATEGORIES.join(', ')}, for Requests`,
      );
  }
  return { name, provider: 'azure-monitor', metric, ...(status ? { status } : {}), threshold };
}

/** Parses the analysis config text; `input` names the input in errors. */
export function parseAnalysisConfig(input: string, text: string): AnalysisConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InputError(
      input,
      text.slice(0, 80),
      `${CONFIG_ALLOWED}; the YAML does not parse: ${(e as Error).message}`,
    );
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError(input, text.slice(0, 80), CONFIG_ALLOWED);
  const d = doc as Raw;
  const known = ['interval', 'time-grain', 'delay', 'failure-limit', 'inconclusive-limit', 'metrics'];
  const extra = Object.keys(d).find((k) => !known.includes(k));
  if (extra) throw new InputError(input, extra, `unknown key; allowed: ${known.join(', ')}`);
  const intervalMs = parseDuration(input, String(d.interval ?? '1m'), 60_000, { allowZero: false });
  const timeGrain = String(d['time-grain'] ?? 'PT1M').toUpperCase();
  if (!/^PT\d+[SMH]$|^P\d+D$|^FULL$/.test(timeGrain))
    throw new InputError(input, timeGrain, 'time-grain takes an ISO 8601 duration such as PT1M (or FULL)');
  if (!Array.isArray(d.metrics) || d.metrics.length === 0)
    throw new InputError(
      input,
      JSON.stringify(d.metrics ?? null),
      `metrics: a list of one or more; ${CONFIG_ALLOWED}`,
    );
  const seen = new Set<string>();
  return {
    intervalMs,
    timeGrain,
    delayMs: parseDuration(input, String(d.delay ?? '0'), 0),
    failureLimit: limit(input, d['failure-limit'], 0, 'failure-limit'),
    inconclusiveLimit: limit(input, d['inconclusive-limit'], 2, 'inconclusive-limit'),
    metrics: d.metrics.map((m, i) => parseMetric(input, m, i, seen)),
  };
}
