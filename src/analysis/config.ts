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
//     - name: memory
//       metric: MemoryPercentage      # the container app's memory, per replica (the largest counts)
//       max: 80
//
// Application Insights (docs/analysis.md): the component is the top-level `app-insights:` (a name in the run's
// resource group or a full resource id; blue-green's input `app-insights` overrides it), and `heartbeat:` names the
// custom metric that shows a revision's agents alive (default agent_runs): a count with no data is 0 while it has.
//
//   app-insights: alc-algo-insights
//   metrics:
//     - name: agent-failures
//       provider: app-insights
//       metric: exceptions/count      # a standard metric (aggregation count)
//       max: 5/hour scaled
//     - name: agent-stall
//       provider: app-insights
//       metric: agent_runs            # a custom metric, in its namespace
//       namespace: azure.applicationinsights
//       min: 0.5x stable              # a lower bound: at least half the stable revision's runs
import { parse as parseYaml } from 'yaml';
import { InputError, parseDuration } from '../core/inputs.js';
import { CONFIG_ALLOWED } from './messages.js';

export const AZURE_METRICS = ['Requests', 'RestartCount', 'MemoryPercentage'] as const;
export type AzureMetric = (typeof AZURE_METRICS)[number];
export const STATUS_CATEGORIES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export type Threshold =
  /** value <= max (per-hour values scaled to the window when `perMs` is set: max * window / perMs). */
  | { kind: 'max'; max: number; perMs?: number; text: string }
  /** value <= factor * the stable revision's value over the same window (shares for Requests). */
  | { kind: 'relative'; factor: number; text: string; floor?: { max: number; perMs?: number } }
  /** value >= min (scaled as max is): a stall, e.g. `min: 1/minute scaled`. */
  | { kind: 'min'; min: number; perMs?: number; text: string }
  /** value >= factor * the stable revision's value over the same window, e.g. `min: 0.5x stable`. */
  | { kind: 'relative-min'; factor: number; text: string };

/** Thresholds that compare with the stable revision. */
export const isRelative = (t: Threshold): boolean => t.kind === 'relative' || t.kind === 'relative-min';

/** The aggregations of Azure Monitor's metrics API, as its `aggregation` parameter spells them. */
export const AGGREGATIONS = ['Count', 'Total', 'Average', 'Maximum', 'Minimum'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/**
 * Standard metrics of microsoft.insights/components the provider may ask per revision: Microsoft's supported-metrics
 * list gives each of them the dimension cloud/roleInstance (ACA's replica name). Those it lists without it
 * (exceptions/browser, pageViews/*, browserTimings/*, availabilityResults/*) cannot be split per revision and are
 * refused by name.
 */
export const APP_INSIGHTS_STANDARD: Record<string, readonly Aggregation[]> = {
  'exceptions/count': ['Count'],
  'exceptions/server': ['Count'],
  'requests/count': ['Count'],
  'requests/failed': ['Count'],
  'requests/duration': ['Average', 'Maximum', 'Minimum'],
  'dependencies/count': ['Count'],
  'dependencies/failed': ['Count'],
  'dependencies/duration': ['Average', 'Maximum', 'Minimum'],
  'traces/count': ['Count'],
};
const NOT_PER_INSTANCE = /^(exceptions\/browser|pageViews\/|browserTimings?\/|availabilityResults\/)/i;
/** Where Application Insights keeps the custom metrics the SDKs and the OpenTelemetry distro send. */
export const CUSTOM_NAMESPACE = 'azure.applicationinsights';

export type MetricConfig =
  | {
      name: string;
      provider: 'azure-monitor';
      metric: AzureMetric;
      /** Requests: the status-code category counted; without it every request counts. */
      status?: StatusCategory;
      threshold: Threshold;
    }
  | {
      name: string;
      provider: 'app-insights';
      /** A standard metric (exceptions/count) or, with a namespace, a custom one (agent_runs). */
      metric: string;
      /** Custom metrics only: their metricnamespace (azure.applicationinsights). */
      namespace?: string;
      aggregation: Aggregation;
      threshold: Threshold;
    }
  | { name: string; provider: 'probe'; metric: 'average'; threshold: Threshold };

/** The metrics a provider reads from Azure Monitor (every kind but the probe). */
export type MonitorMetricConfig = Exclude<MetricConfig, { provider: 'probe' }>;

export interface AnalysisConfig {
  intervalMs: number;
  /** ISO 8601 time grain of the Azure Monitor queries. */
  timeGrain: string;
  /** How long after its end a window is read: Azure Monitor's ingestion delay (0 in the simulator). */
  delayMs: number;
  failureLimit: number;
  inconclusiveLimit: number;
  /** The Application Insights component (a name in the run's resource group, or a resource id). */
  appInsights?: string;
  /** The custom metric that shows a revision alive (a count without data is 0 while it has data). */
  heartbeat: string;
  metrics: MetricConfig[];
}

type Raw = Record<string, unknown>;

const PER: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `5`, `5/hour scaled`, `5s` / `500ms` (durations, in ms, for latency). */
export function parseMax(
  input: string,
  raw: unknown,
  where: string,
  key: 'max' | 'min' = 'max',
): { max: number; perMs?: number } {
  const text = String(raw).trim();
  const scaled = /^(\d+(?:\.\d+)?)\s*\/\s*(second|minute|hour|day)(?:\s+scaled)?$/i.exec(text);
  if (scaled) return { max: Number(scaled[1]), perMs: PER[scaled[2].toLowerCase()] };
  if (/^\d+(?:\.\d+)?$/.test(text)) return { max: Number(text) };
  if (/^\d+(?:\.\d+)?\s*(ms|s|m)$/i.test(text)) return { max: parseDuration(input, text, 0) };
  throw new InputError(
    input,
    text,
    `${where}: ${key} takes a number, N/hour scaled (also /minute, /day), or a duration such as 5s` +
      (key === 'min' ? ', or <factor>x stable' : ''),
  );
}

const RELATIVE = /^(\d+(?:\.\d+)?)\s*x\s+stable$/i;

function parseThreshold(input: string, m: Raw, where: string): Threshold {
  if (m.min !== undefined) {
    if (m.max !== undefined || m.relative !== undefined)
      throw new InputError(
        input,
        String(m.min),
        `${where}: min is a bound of its own (no max or relative beside it)`,
      );
    const text = String(m.min).trim();
    const r = RELATIVE.exec(text);
    if (r) {
      if (!(Number(r[1]) > 0))
        throw new InputError(input, text, `${where}: min takes a factor over 0, e.g. 0.5x stable`);
      return { kind: 'relative-min', factor: Number(r[1]), text: `>= ${r[1]}x stable` };
    }
    const abs = parseMax(input, m.min, where, 'min');
    return { kind: 'min', min: abs.max, ...(abs.perMs ? { perMs: abs.perMs } : {}), text };
  }
  const max = m.max === undefined ? undefined : parseMax(input, m.max, where);
  if (m.relative !== undefined) {
    const r = RELATIVE.exec(String(m.relative).trim());
    if (!r || Number(r[1]) <= 0)
      throw new InputError(
        input,
        String(m.relative),
        `${where}: relative takes <factor>x stable, e.g. 1.5x stable`,
      );
    const text = `${r[1]}x stable${max ? ` (at least ${String(m.max)})` : ''}`;
    return { kind: 'relative', factor: Number(r[1]), text, ...(max ? { floor: max } : {}) };
  }
  if (!max) throw new InputError(input, JSON.stringify(m), `${where}: needs max, relative or min`);
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
  const known = [
    'name',
    'provider',
    'metric',
    'status',
    'namespace',
    'aggregation',
    'max',
    'relative',
    'min',
  ];
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
  const only = (key: string, who: string) => {
    if (m[key] !== undefined)
      throw new InputError(input, String(m[key]), `${where}: ${key} is for ${who} only`);
  };
  if (provider !== 'app-insights') {
    only('namespace', 'provider app-insights');
    only('aggregation', 'provider app-insights');
  }
  if (provider === 'probe') {
    if ((m.metric ?? 'average') !== 'average')
      throw new InputError(input, String(m.metric), `${where}: the probe measures average (ms)`);
    if (threshold.kind !== 'max')
      throw new InputError(input, String(m.relative ?? m.min), `${where}: the probe takes max only`);
    return { name, provider, metric: 'average', threshold };
  }
  if (provider === 'app-insights') return parseAppInsightsMetric(input, m, name, where, threshold);
  if (provider !== 'azure-monitor')
    throw new InputError(
      input,
      provider,
      `${where}: provider is azure-monitor (default), app-insights or probe`,
    );
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

/** An Application Insights metric: a standard one split per instance, or a custom one in its namespace. */
function parseAppInsightsMetric(
  input: string,
  m: Raw,
  name: string,
  where: string,
  threshold: Threshold,
): MetricConfig {
  if (m.status !== undefined)
    throw new InputError(input, String(m.status), `${where}: status is for Requests only`);
  const metric = String(m.metric ?? '').trim();
  const namespace = m.namespace === undefined ? undefined : String(m.namespace).trim();
  const standard = Object.keys(APP_INSIGHTS_STANDARD).find((k) => k.toLowerCase() === metric.toLowerCase());
  let allowed: readonly Aggregation[];
  if (namespace === undefined || namespace.toLowerCase() === 'microsoft.insights/components') {
    if (!standard) {
      const why = NOT_PER_INSTANCE.test(metric)
        ? "has no cloud/roleInstance dimension in Microsoft's supported-metrics list, so it cannot be split per revision; "
        : '';
      throw new InputError(
        input,
        metric,
        `${where}: ${why}an app-insights metric is one of ${Object.keys(APP_INSIGHTS_STANDARD).join(', ')}, ` +
          `or a custom metric with namespace: ${CUSTOM_NAMESPACE}`,
      );
    }
    allowed = APP_INSIGHTS_STANDARD[standard];
  } else {
    if (!/^[\w.\-/]{1,256}$/.test(namespace))
      throw new InputError(
        input,
        namespace,
        `${where}: namespace is a metric namespace such as ${CUSTOM_NAMESPACE}`,
      );
    if (!/^[A-Za-z_][\w.\-/ ]{0,255}$/.test(metric))
      throw new InputError(
        input,
        metric,
        `${where}: metric is the custom metric's name as the agents send it`,
      );
    allowed = AGGREGATIONS;
  }
  // Defaults: the standard metric's first aggregation (count, average); a custom metric's Total (its sum).
  const aggregation =
    m.aggregation === undefined
      ? standard
        ? allowed[0]
        : 'Total'
      : allowed.find(
          (a) => a.toLowerCase() === String(m.aggregation).toLowerCase().replace(/^sum$/, 'total'),
        );
  if (!aggregation)
    throw new InputError(
      input,
      String(m.aggregation),
      `${where}: aggregation of ${metric} is one of ${allowed.join(', ')}`,
    );
  return {
    name,
    provider: 'app-insights',
    metric: standard ?? metric,
    ...(standard ? {} : { namespace: namespace! }),
    aggregation,
    threshold,
  };
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
  const known = [
    'interval',
    'time-grain',
    'delay',
    'failure-limit',
    'inconclusive-limit',
    'app-insights',
    'heartbeat',
    'metrics',
  ];
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
  const appInsights = d['app-insights'] === undefined ? undefined : String(d['app-insights']).trim();
  if (appInsights !== undefined)
    appInsightsId(input, appInsights, '00000000-0000-0000-0000-000000000000', 'rg');
  const heartbeat = String(d.heartbeat ?? 'agent_runs').trim();
  if (!/^[A-Za-z_][\w.\-/ ]{0,255}$/.test(heartbeat))
    throw new InputError(
      input,
      heartbeat,
      'heartbeat: the name of a custom metric the agents send (agent_runs)',
    );
  return {
    intervalMs,
    timeGrain,
    delayMs: parseDuration(input, String(d.delay ?? '0'), 0),
    failureLimit: limit(input, d['failure-limit'], 0, 'failure-limit'),
    inconclusiveLimit: limit(input, d['inconclusive-limit'], 2, 'inconclusive-limit'),
    ...(appInsights ? { appInsights } : {}),
    heartbeat,
    metrics: d.metrics.map((m, i) => parseMetric(input, m, i, seen)),
  };
}

/** Whether a config reads Application Insights (then it needs a component). */
export const readsAppInsights = (config: AnalysisConfig): boolean =>
  config.metrics.some((m) => m.provider === 'app-insights');

const COMPONENT_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/microsoft\.insights\/components\/[^/]+$/i;

/**
 * The resource id of an Application Insights component: `value` is a full resource id, or a component name in the
 * run's resource group. `input` names the input in the error.
 */
export function appInsightsId(
  input: string,
  value: string,
  subscriptionId: string,
  resourceGroup: string,
): string {
  if (value.startsWith('/')) {
    if (!COMPONENT_ID.test(value))
      throw new InputError(
        input,
        value,
        'app-insights: a component name, or a resource id /subscriptions/<id>/resourceGroups/<group>/providers/microsoft.insights/components/<name>',
      );
    return value;
  }
  if (!/^[\w().-]{1,255}$/.test(value) || value.endsWith('.'))
    throw new InputError(
      input,
      value,
      "app-insights: a component name (letters, digits, -, _, ., ( and )) in the run's resource group, or a resource id",
    );
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/microsoft.insights/components/${value}`;
}
