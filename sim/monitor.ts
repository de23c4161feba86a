// Azure Monitor's metrics API over ARM (`{resource id}/providers/Microsoft.Insights/metrics`, the SDK's
// metrics.list), shared by every resource type the simulator serves metrics for (container apps: metrics.ts;
// Application Insights components: insights.ts). A resource type brings its catalog (metric names, units,
// dimensions, how a bucket aggregates) and its points; this module reads the query (metricnames, timespan,
// interval, aggregation, $filter, metricnamespace), answers in Azure's shape and refuses what Azure refuses with
// Azure Monitor's `{code, message}` body.
import type { TokenVerifier } from './types.js';
import { sendJson, type RequestContext } from './http.js';
import { ArmError } from './arm/errors.js';
import { authenticate, requestIds } from './arm/protocol.js';

/** Azure Monitor's errors are `{code, message}`, not ARM's `{error: {...}}`. */
export class MonitorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new MonitorError(400, 'BadRequest', message);

/** ISO 8601 durations of the grains: PT1S, PT30S, PT1M, PT5M, PT1H, P1D. */
export function durationMs(iso: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(iso);
  if (!m || iso.toUpperCase() === 'P' || /T$/i.test(iso)) return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  const ms = ((d * 24 + h) * 60 + min) * 60_000 + s * 1000;
  return ms > 0 ? ms : undefined;
}

const AZURE_GRAINS = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT6H', 'PT12H', 'P1D'];

/** The grains a query may ask for: the finest (configured) one and Azure's coarser ones (FULL aside). */
export function grainsFrom(finest: string): string[] {
  const ms = durationMs(finest);
  if (!ms) throw new Error(`the metrics time grain '${finest}' is not an ISO 8601 duration`);
  return [...new Set([finest.toUpperCase(), ...AZURE_GRAINS.filter((g) => durationMs(g)! > ms)])];
}

/** One `dim eq 'v'` clause set: dimension (lower-case) -> allowed values ('*' splits by the dimension). */
export type Filter = Map<string, string[]>;

/**
 * Parses `$filter` as Azure Monitor reads it: clauses `<dimension> eq '<value>'` joined by `and`; `or` only between
 * values of one dimension. Throws BadRequest naming what it cannot read.
 */
export function parseDimensionFilter(raw: string, metric: string, valid: readonly string[]): Filter {
  const filter: Filter = new Map();
  if (raw.trim() === '') return filter;
  for (const part of raw.split(/\s+and\s+/i)) {
    const alternatives = part
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .split(/\s+or\s+/i);
    let dimension: string | undefined;
    for (const alt of alternatives) {
      const m = /^\s*([A-Za-z][\w./]*)\s+eq\s+'([^']*)'\s*$/i.exec(alt);
      if (!m)
        throw badRequest(
          `Failed to parse the $filter '${raw}': expected <dimension> eq '<value>' near '${alt.trim()}'.`,
        );
      const name = valid.find((d) => d.toLowerCase() === m[1].toLowerCase());
      if (!name)
        throw badRequest(
          `Detected invalid dimensions in the $filter '${raw}': ${m[1]}. Valid dimensions of ${metric}: ${valid.join(', ') || 'none'}.`,
        );
      if (dimension && dimension !== name)
        throw badRequest(
          `Failed to parse the $filter '${raw}': the logical operator 'or' cannot separate two different metadata names (${dimension}, ${name}).`,
        );
      dimension = name;
      filter.set(name.toLowerCase(), [...(filter.get(name.toLowerCase()) ?? []), m[2]]);
    }
  }
  return filter;
}

/** `start/end` or `start/duration` (ISO 8601); default the last hour. */
function parseTimespan(raw: string | null, now: number): [number, number] {
  if (!raw) return [now - 3_600_000, now];
  const [a, b] = raw.split('/');
  const start = Date.parse(a ?? '');
  const end = b && /^P/i.test(b) ? start + (durationMs(b) ?? NaN) : Date.parse(b ?? '');
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start)
    throw badRequest(
      `Invalid timespan '${raw}': expected 'startDateTime_ISO/endDateTime_ISO' with the start before the end.`,
    );
  return [start, end];
}

/**
 * A metric of a catalog. `count`: each point is one event, every aggregation of a bucket is the number of events
 * (0 in a bucket without any). `samples`: each point is a value (with `count` items behind it, default 1): Total
 * sums them, Count sums their counts, Average is Total/Count, Maximum and Minimum the extremes.
 */
export interface MetricDef {
  description: string;
  unit: string;
  dimensions: readonly string[];
  kind: 'count' | 'samples';
}
export type Catalog = Readonly<Record<string, MetricDef>>;

/** One observation: when, its dimension values (lower-case keys), its value. */
export interface Point {
  dims: Record<string, string>;
  at: number;
  value: number;
  count?: number;
}

const AGGREGATIONS = ['average', 'count', 'maximum', 'minimum', 'total'] as const;

export interface MetricsQuery {
  resourceId: string;
  location: string;
  /** The answer's `namespace` (the resource type, or the custom namespace asked for). */
  namespace: string;
  /** How "Failed to find metric configuration" names the resource: `provider: X, resource Type: Y`. */
  provider: string;
  catalog: Catalog;
  grains: string[];
  /** Every point of a metric in [start, end); `buckets` are the bucket starts (for sampled metrics). */
  points: (metric: string, start: number, end: number, buckets: number[]) => Point[];
  q: URLSearchParams;
  now: number;
}

/** The answer to one query, in Azure Monitor's shape (throws MonitorError for what Azure refuses). Pure. */
export function answerMetricsQuery(o: MetricsQuery) {
  const { q, catalog } = o;
  const names = (q.get('metricnames') ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw badRequest('The metricnames parameter is required: the names of the metrics to retrieve.');
  const metrics = names.map((n) => {
    const hit = Object.keys(catalog).find((k) => k.toLowerCase() === n.toLowerCase());
    if (!hit)
      throw badRequest(
        `Failed to find metric configuration for provider: ${o.provider}, metric: ${n}, Valid metrics: ${Object.keys(catalog).join(', ')}`,
      );
    return hit;
  });
  const aggregations = (q.get('aggregation') ?? 'total').split(',').map((a) => a.trim().toLowerCase());
  for (const a of aggregations)
    if (!(AGGREGATIONS as readonly string[]).includes(a))
      throw badRequest(`Invalid aggregation '${a}'. Valid aggregations: ${AGGREGATIONS.join(', ')}.`);
  const [start, end] = parseTimespan(q.get('timespan'), o.now);
  const interval = (q.get('interval') ?? 'PT1M').toUpperCase();
  const full = interval === 'FULL';
  if (!full && !o.grains.includes(interval))
    throw badRequest(
      `Metric: ${metrics[0]} does not support requested time grain: ${interval}. Supported time grains: ${o.grains.join(', ')}, FULL.`,
    );
  const grain = full ? end - start : durationMs(interval)!;
  const filterRaw = q.get('$filter') ?? '';
  // `top`: how many series a filtered query answers at most (Azure's default 10; the rest are dropped silently).
  const top = Number(q.get('top') ?? 10);
  if (!Number.isInteger(top) || top < 1)
    throw badRequest(`Invalid top '${q.get('top')}': a positive integer.`);
  let cost = 0;
  const value = metrics.map((metric) => {
    const def = catalog[metric];
    const filter = parseDimensionFilter(filterRaw, metric, def.dimensions);
    const first = full ? start : Math.floor(start / grain) * grain;
    const buckets: number[] = [];
    for (let t = first; t < end; t += grain) buckets.push(t);
    const timeseries = series(
      def,
      filter,
      o.points(metric, first, end, buckets),
      buckets,
      grain,
      aggregations,
      filterRaw !== '',
    ).slice(0, filterRaw !== '' ? top : undefined);
    cost += timeseries.reduce((n, s) => n + s.data.length, 0);
    return {
      id: `${o.resourceId}/providers/Microsoft.Insights/metrics/${metric}`,
      type: 'Microsoft.Insights/metrics',
      name: { value: metric, localizedValue: metric },
      displayDescription: def.description,
      unit: def.unit,
      timeseries,
      errorCode: 'Success',
    };
  });
  return {
    cost,
    timespan: `${new Date(start).toISOString()}/${new Date(end).toISOString()}`,
    interval: full ? 'FULL' : interval,
    value,
    namespace: o.namespace,
    resourceregion: o.location,
  };
}

function series(
  def: MetricDef,
  filter: Filter,
  points: Point[],
  buckets: number[],
  grain: number,
  aggregations: string[],
  filtered: boolean,
) {
  const matches = (p: Point) =>
    [...filter].every(([dim, values]) => values.includes('*') || values.includes(p.dims[dim] ?? ''));
  const split = [...filter].filter(([, values]) => values.includes('*')).map(([dim]) => dim);
  const named = [...filter].filter(([, values]) => !values.includes('*') && values.length === 1);
  const groups = new Map<string, Point[]>();
  for (const p of points.filter(matches)) {
    const k = split.map((d) => p.dims[d]).join('\u0000');
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  // Without a filter Azure answers one series, data or not; with one, only the series that have data.
  if (!filtered && groups.size === 0) groups.set('', []);
  const dimName = (d: string) => def.dimensions.find((x) => x.toLowerCase() === d)!;
  return [...groups.values()].map((pts) => ({
    metadatavalues: [
      ...named.map(([d, [v]]) => ({ name: { value: d, localizedValue: dimName(d) }, value: v })),
      ...split.map((d) => ({ name: { value: d, localizedValue: dimName(d) }, value: pts[0]?.dims[d] ?? '' })),
    ],
    data: buckets.map((b) =>
      aggregate(
        def,
        pts.filter((p) => p.at >= b && p.at < b + grain),
        b,
        aggregations,
      ),
    ),
  }));
}

function aggregate(def: MetricDef, pts: Point[], at: number, aggregations: string[]) {
  const out: Record<string, unknown> = { timeStamp: new Date(at).toISOString() };
  if (def.kind === 'count') {
    // A count per bucket: Total, Count and the per-bucket Average/Maximum/Minimum are that count.
    for (const a of aggregations) out[a] = pts.length;
    return out;
  }
  if (pts.length === 0) return out;
  const values = pts.map((p) => p.value);
  const total = values.reduce((a, b) => a + b, 0);
  const count = pts.reduce((n, p) => n + (p.count ?? 1), 0);
  for (const a of aggregations) {
    if (a === 'total') out.total = total;
    if (a === 'count') out.count = count;
    if (a === 'average') out.average = total / count;
    if (a === 'maximum') out.maximum = Math.max(...values);
    if (a === 'minimum') out.minimum = Math.min(...values);
  }
  return out;
}

export interface MonitorAuth {
  tenantId: string;
  verifier: TokenVerifier;
  audiences?: string[];
}

/**
 * Answers one metrics request on ARM: bearer authentication, GET only, api-version required, then `answer()`'s
 * body; errors in Azure Monitor's `{code, message}` shape (a 401 in ARM's `{error}` shape, with its challenge).
 */
export function sendMetrics(ctx: RequestContext, auth: MonitorAuth, answer: () => unknown): void {
  const ids = requestIds(ctx);
  try {
    authenticate(ctx, auth.verifier, auth.tenantId, auth.audiences ?? []);
    if (ctx.method !== 'GET')
      throw new MonitorError(
        405,
        'MethodNotAllowed',
        `The method '${ctx.method}' is not allowed here (allowed: GET).`,
      );
    if (!ctx.url.searchParams.get('api-version'))
      throw new MonitorError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    sendJson(ctx.res, 200, answer(), ids);
  } catch (e) {
    const err =
      e instanceof MonitorError
        ? e
        : e instanceof ArmError
          ? new MonitorError(e.status, e.code, e.message)
          : new MonitorError(500, 'InternalServerError', String(e));
    const body =
      err.status === 401
        ? { error: { code: err.code, message: err.message } }
        : { code: err.code, message: err.message };
    sendJson(ctx.res, err.status, body, { ...ids, ...((e as ArmError).headers ?? {}) });
  }
}
