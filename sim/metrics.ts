// Azure Monitor platform metrics of container apps, computed from what the ingress really served.
//
//  - RequestLog: every request the ingress answered for a revision (time, status code, latency, replica).
//  - MetricsService: `GET {container app id}/providers/Microsoft.Insights/metrics` as Azure Monitor serves it over
//    ARM (the SDK's metrics.list): metricnames, timespan, interval, aggregation, $filter; answers in Azure's shape
//    (cost, timespan, interval, value[].name/unit/timeseries[].metadatavalues/data[].timeStamp/total/...,
//    namespace, resourceregion) and refuses what Azure refuses (an unknown metric, an unknown dimension or a
//    malformed $filter, an unknown aggregation, a time grain the metric does not have) with `{code, message}`.
//
// Metrics: Requests (Count; dimensions revisionName, podName, statusCodeCategory, statusCode) and RestartCount
// (Count; dimensions revisionName, podName), as Microsoft's supported-metrics list names them. The time grain is PT1M in Azure; here it is configurable (e.g. PT1S)
// so that an analysis can run in seconds. As in Azure, a filtered query for a revision that received no traffic
// has no series at all. RestartCount is the replicas' restart count as the runtime knows it now (the simulator
// keeps no history of when a restart happened), for every bucket while the revision has replicas.
import type { TokenVerifier } from './types.js';
import { sendJson, type Route } from './http.js';
import type { JsonStore } from './state.js';
import { ArmError, notFound } from './arm/errors.js';
import { key, type SimState } from './arm/model.js';
import { authenticate, requestIds } from './arm/protocol.js';

export interface ServedRequest {
  revision: string;
  status: number;
  latencyMs: number;
  /** ms since epoch, when the answer ended. */
  at: number;
  replica?: string;
}

/** What the ingress served, by revision; old records (past `retentionMs`) are dropped. */
export class RequestLog {
  private readonly records: ServedRequest[] = [];
  constructor(
    private readonly retentionMs = 2 * 3_600_000,
    private readonly maxRecords = 500_000,
  ) {}

  record(r: ServedRequest): void {
    this.records.push(r);
    if (this.records.length > this.maxRecords || this.records[0].at < r.at - this.retentionMs) {
      const cut = this.records.findIndex((x) => x.at >= r.at - this.retentionMs);
      this.records.splice(
        0,
        Math.max(cut < 0 ? this.records.length : cut, this.records.length - this.maxRecords),
      );
    }
  }

  between(startMs: number, endMs: number): ServedRequest[] {
    return this.records.filter((r) => r.at >= startMs && r.at < endMs);
  }

  /** Every record (tests, the demo's report). */
  all(): readonly ServedRequest[] {
    return this.records;
  }
}

const METRICS = {
  Requests: {
    description: 'Requests processed',
    dimensions: ['revisionName', 'podName', 'statusCodeCategory', 'statusCode'],
  },
  RestartCount: {
    description: 'Restart count of container app replicas',
    dimensions: ['revisionName', 'podName'],
  },
} as const;
type MetricName = keyof typeof METRICS;
const AGGREGATIONS = ['average', 'count', 'maximum', 'minimum', 'total'] as const;
type Aggregation = (typeof AGGREGATIONS)[number];

const PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.app\/containerapps\/([^/]+)\/providers\/microsoft\.insights\/metrics\/?$/i;

const badRequest = (message: string) => new MonitorError(400, 'BadRequest', message);

/** Azure Monitor's errors are `{code, message}`, not ARM's `{error: {...}}`. */
class MonitorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** ISO 8601 durations of the grains: PT1S, PT30S, PT1M, PT5M, PT1H, P1D. */
export function durationMs(iso: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(iso);
  if (!m || iso.toUpperCase() === 'P' || /T$/i.test(iso)) return undefined;
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  const ms = ((d * 24 + h) * 60 + min) * 60_000 + s * 1000;
  return ms > 0 ? ms : undefined;
}

const AZURE_GRAINS = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT6H', 'PT12H', 'P1D'];

/** One `dim eq 'v'` clause set: dimension (lower-case) -> allowed values ('*' splits by the dimension). */
export type Filter = Map<string, string[]>;

/**
 * Parses `$filter` as Azure Monitor reads it: clauses `<dimension> eq '<value>'` joined by `and`; `or` only between
 * values of one dimension. Throws BadRequest naming what it cannot read.
 */
export function parseFilter(raw: string, metric: MetricName): Filter {
  const filter: Filter = new Map();
  if (raw.trim() === '') return filter;
  const valid = METRICS[metric].dimensions;
  for (const part of raw.split(/\s+and\s+/i)) {
    const alternatives = part
      .trim()
      .replace(/^\((.*)\)$/, '$1')
      .split(/\s+or\s+/i);
    let dimension: string | undefined;
    for (const alt of alternatives) {
      const m = /^\s*([A-Za-z][\w.]*)\s+eq\s+'([^']*)'\s*$/i.exec(alt);
      if (!m)
        throw badRequest(
          `Failed to parse the $filter '${raw}': expected <dimension> eq '<value>' near '${alt.trim()}'.`,
        );
      const name = valid.find((d) => d.toLowerCase() === m[1].toLowerCase());
      if (!name)
        throw badRequest(
          `Detected invalid dimensions in the $filter '${raw}': ${m[1]}. Valid dimensions of ${metric}: ${valid.join(', ')}.`,
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

export interface MetricsOptions {
  subscriptionId: string;
  tenantId: string;
  verifier: TokenVerifier;
  audiences?: string[];
  store: JsonStore<SimState>;
  log: RequestLog;
  /** The finest time grain (ISO 8601; Azure: PT1M). */
  timeGrain: string;
  /** Restart counts of a revision's replicas (the runtime's). */
  replicas?: (revision: string) => ReadonlyArray<{ name: string; restarts: number }>;
  now?: () => number;
}

interface Point {
  dims: Record<string, string>;
  at: number;
  value: number;
}

export class MetricsService {
  private readonly grainMs: number;
  constructor(private readonly o: MetricsOptions) {
    const ms = durationMs(o.timeGrain);
    if (!ms) throw new Error(`the metrics time grain '${o.timeGrain}' is not an ISO 8601 duration`);
    this.grainMs = ms;
  }

  /** The grains a query may ask for: the finest (configured) one and Azure's coarser ones, and FULL. */
  grains(): string[] {
    return [
      ...new Set([
        this.o.timeGrain.toUpperCase(),
        ...AZURE_GRAINS.filter((g) => durationMs(g)! > this.grainMs),
      ]),
    ];
  }

  readonly route: Route = async (ctx) => {
    const m = PATH.exec(ctx.url.pathname);
    if (!m) return false;
    const ids = requestIds(ctx);
    try {
      authenticate(ctx, this.o.verifier, this.o.tenantId, this.o.audiences ?? []);
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
      const [sub, rg, name] = [m[1], decodeURIComponent(m[2]), decodeURIComponent(m[3])];
      if (sub.toLowerCase() !== this.o.subscriptionId.toLowerCase())
        throw new MonitorError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
      const app = this.o.store.data.apps[key(rg, name)];
      if (!app) {
        const e = notFound('Microsoft.App/containerApps', name, rg);
        throw new MonitorError(e.status, e.code, e.message);
      }
      const resourceId = `/subscriptions/${sub}/resourceGroups/${app.resourceGroup}/providers/Microsoft.App/containerApps/${app.name}`;
      sendJson(ctx.res, 200, this.query(resourceId, app.location, ctx.url.searchParams), ids);
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
    return true;
  };

  /** The answer to one query (throws MonitorError for what Azure refuses). */
  query(resourceId: string, location: string, q: URLSearchParams) {
    const now = (this.o.now ?? Date.now)();
    const names = (q.get('metricnames') ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    if (names.length === 0)
      throw badRequest('The metricnames parameter is required: the names of the metrics to retrieve.');
    const metrics = names.map((n) => {
      const hit = (Object.keys(METRICS) as MetricName[]).find((k) => k.toLowerCase() === n.toLowerCase());
      if (!hit)
        throw badRequest(
          `Failed to find metric configuration for provider: Microsoft.App, resource Type: containerApps, metric: ${n}, Valid metrics: ${Object.keys(METRICS).join(', ')}`,
        );
      return hit;
    });
    const aggregations = (q.get('aggregation') ?? 'total').split(',').map((a) => a.trim().toLowerCase());
    for (const a of aggregations)
      if (!(AGGREGATIONS as readonly string[]).includes(a))
        throw badRequest(`Invalid aggregation '${a}'. Valid aggregations: ${AGGREGATIONS.join(', ')}.`);
    const [start, end] = parseTimespan(q.get('timespan'), now);
    const interval = (q.get('interval') ?? 'PT1M').toUpperCase();
    const full = interval === 'FULL';
    if (!full && !this.grains().includes(interval))
      throw badRequest(
        `Metric: ${metrics[0]} does not support requested time grain: ${interval}. Supported time grains: ${this.grains().join(', ')}, FULL.`,
      );
    const grain = full ? end - start : durationMs(interval)!;
    const filterRaw = q.get('$filter') ?? '';
    let points = 0;
    const value = metrics.map((metric) => {
      const filter = parseFilter(filterRaw, metric);
      const timeseries = this.series(metric, filter, start, end, grain, full, aggregations, filterRaw !== '');
      points += timeseries.reduce((n, s) => n + s.data.length, 0);
      return {
        id: `${resourceId}/providers/Microsoft.Insights/metrics/${metric}`,
        type: 'Microsoft.Insights/metrics',
        name: { value: metric, localizedValue: metric },
        displayDescription: METRICS[metric].description,
        unit: 'Count',
        timeseries,
        errorCode: 'Success',
      };
    });
    return {
      cost: points,
      timespan: `${new Date(start).toISOString()}/${new Date(end).toISOString()}`,
      interval: full ? 'FULL' : interval,
      value,
      namespace: 'Microsoft.App/containerApps',
      resourceregion: location,
    };
  }

  private points(metric: MetricName, start: number, end: number, bucketStarts: number[]): Point[] {
    if (metric === 'Requests')
      return this.o.log.between(start, end).map((r) => ({
        at: r.at,
        value: 1,
        dims: {
          revisionname: r.revision,
          podname: r.replica ?? '',
          statuscodecategory: `${Math.floor(r.status / 100)}xx`,
          statuscode: String(r.status),
        },
      }));
    // RestartCount: one sample per bucket and replica of every revision the runtime runs now.
    const revisions = Object.values(this.o.store.data.revisions)
      .filter((r) => r.active)
      .map((r) => r.name);
    return revisions.flatMap((rev) =>
      (this.o.replicas?.(rev) ?? []).flatMap((rep) =>
        bucketStarts.map((at) => ({
          at,
          value: rep.restarts,
          dims: { revisionname: rev, podname: rep.name },
        })),
      ),
    );
  }

  private series(
    metric: MetricName,
    filter: Filter,
    start: number,
    end: number,
    grain: number,
    full: boolean,
    aggregations: string[],
    filtered: boolean,
  ) {
    const first = full ? start : Math.floor(start / grain) * grain;
    const buckets: number[] = [];
    for (let t = first; t < end; t += grain) buckets.push(t);
    const matches = (p: Point) =>
      [...filter].every(([dim, values]) => values.includes('*') || values.includes(p.dims[dim] ?? ''));
    const split = [...filter].filter(([, values]) => values.includes('*')).map(([dim]) => dim);
    const named = [...filter].filter(([, values]) => !values.includes('*') && values.length === 1);
    const groups = new Map<string, Point[]>();
    for (const p of this.points(metric, first, end, buckets).filter(matches)) {
      const k = split.map((d) => p.dims[d]).join('\u0000');
      groups.set(k, [...(groups.get(k) ?? []), p]);
    }
    // Without a filter Azure answers one series, data or not; with one, only the series that have data.
    if (!filtered && groups.size === 0) groups.set('', []);
    const dimName = (d: string) => METRICS[metric].dimensions.find((x) => x.toLowerCase() === d)!;
    return [...groups.values()].map((pts) => ({
      metadatavalues: [
        ...named.map(([d, [v]]) => ({ name: { value: d, localizedValue: dimName(d) }, value: v })),
        ...split.map((d) => ({
          name: { value: d, localizedValue: dimName(d) },
          value: pts[0]?.dims[d] ?? '',
        })),
      ],
      data: buckets.map((b) =>
        this.aggregate(
          metric,
          pts.filter((p) => p.at >= b && p.at < b + grain),
          b,
          aggregations,
        ),
      ),
    }));
  }

  private aggregate(metric: MetricName, pts: Point[], at: number, aggregations: string[]) {
    // Requests: a count per bucket (Total, Count and the per-bucket Average/Maximum/Minimum are that count).
    // RestartCount: samples per replica (Total sums them, Maximum the largest, Average their mean).
    const values = metric === 'Requests' ? (pts.length ? [pts.length] : [0]) : pts.map((p) => p.value);
    const sum = values.reduce((a, b) => a + b, 0);
    const out: Record<string, unknown> = { timeStamp: new Date(at).toISOString() };
    for (const a of aggregations as Aggregation[]) {
      if (values.length === 0) continue;
      if (a === 'total') out.total = sum;
      if (a === 'count') out.count = metric === 'Requests' ? sum : values.length;
      if (a === 'average') out.average = sum / values.length;
      if (a === 'maximum') out.maximum = Math.max(...values);
      if (a === 'minimum') out.minimum = Math.min(...values);
    }
    return out;
  }
}
