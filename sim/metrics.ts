// Azure Monitor platform metrics of container apps, computed from what the ingress really served.
//
//  - RequestLog: every request the ingress answered for a revision (time, status code, latency, replica).
//  - MetricsService: `GET {container app id}/providers/Microsoft.Insights/metrics` as Azure Monitor serves it over
//    ARM (the SDK's metrics.list): metricnames, timespan, interval, aggregation, $filter; answers in Azure's shape
//    (cost, timespan, interval, value[].name/unit/timeseries[].metadatavalues/data[].timeStamp/total/...,
//    namespace, resourceregion) and refuses what Azure refuses (an unknown metric, an unknown dimension or a
//    malformed $filter, an unknown aggregation, a time grain the metric does not have) with `{code, message}`.
//
// Metrics: Requests (Count; dimensions revisionName, podName, statusCodeCategory, statusCode), RestartCount
// (Count; dimensions revisionName, podName), WorkingSetBytes (Bytes; revisionName, podName) and MemoryPercentage
// (Percent; podName only: the list gives it no revisionName, a replica's name is `<revision>-<suffix>`), as
// Microsoft's supported-metrics list names them; memory from Docker's samples of the replicas' containers. The time grain is PT1M in Azure; here it is configurable (e.g. PT1S)
// so that an analysis can run in seconds. As in Azure, a filtered query for a revision that received no traffic
// has no series at all. RestartCount is the replicas' restart count as the runtime knows it now (the simulator
// keeps no history of when a restart happened), for every bucket while the revision has replicas.
import type { TokenVerifier } from './types.js';
import type { Route } from './http.js';
import type { JsonStore } from './state.js';
import { notFound } from './arm/errors.js';
import { key, type SimState } from './arm/model.js';
import {
  answerMetricsQuery,
  durationMs,
  grainsFrom,
  MonitorError,
  parseDimensionFilter,
  sendMetrics,
  type Catalog,
  type Filter,
  type Point,
} from './monitor.js';

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
    unit: 'Count',
    dimensions: ['revisionName', 'podName', 'statusCodeCategory', 'statusCode'],
    kind: 'count',
  },
  RestartCount: {
    description: 'Restart count of container app replicas',
    unit: 'Count',
    dimensions: ['revisionName', 'podName'],
    kind: 'samples',
  },
  WorkingSetBytes: {
    description: 'Container App working set memory used in bytes.',
    unit: 'Bytes',
    dimensions: ['revisionName', 'podName'],
    kind: 'samples',
  },
  MemoryPercentage: {
    description: 'Percentage of memory limit used, in percentage points',
    unit: 'Percent',
    dimensions: ['podName'],
    kind: 'samples',
  },
} as const satisfies Catalog;
type MetricName = keyof typeof METRICS;

const PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.app\/containerapps\/([^/]+)\/providers\/microsoft\.insights\/metrics\/?$/i;

export { durationMs };

/** `$filter` of a container app metric (see parseDimensionFilter). */
export function parseFilter(raw: string, metric: MetricName): Filter {
  return parseDimensionFilter(raw, metric, METRICS[metric].dimensions);
}

/** One memory sample of a replica's container (Docker's view of its working set). */
export interface MemorySample {
  at: number;
  revision: string;
  replica: string;
  bytes: number;
  /** The template's memory (e.g. 4Gi) in bytes, the base of MemoryPercentage. */
  limitBytes: number;
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
  /** Memory samples of the replicas (WorkingSetBytes, MemoryPercentage), started by the first query for memory. */
  memory?: { start(): Promise<void>; between(start: number, end: number): MemorySample[] };
  now?: () => number;
}

export class MetricsService {
  private readonly grainList: string[];
  constructor(private readonly o: MetricsOptions) {
    this.grainList = grainsFrom(o.timeGrain);
  }

  /** The grains a query may ask for: the finest (configured) one and Azure's coarser ones, and FULL. */
  grains(): string[] {
    return this.grainList;
  }

  readonly route: Route = async (ctx) => {
    const m = PATH.exec(ctx.url.pathname);
    if (!m) return false;
    if (/memory|workingset/i.test(ctx.url.searchParams.get('metricnames') ?? ''))
      await this.o.memory?.start();
    sendMetrics(ctx, this.o, () => {
      const [sub, rg, name] = [m[1], decodeURIComponent(m[2]), decodeURIComponent(m[3])];
      if (sub.toLowerCase() !== this.o.subscriptionId.toLowerCase())
        throw new MonitorError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
      const app = this.o.store.data.apps[key(rg, name)];
      if (!app) {
        const e = notFound('Microsoft.App/containerApps', name, rg);
        throw new MonitorError(e.status, e.code, e.message);
      }
      const resourceId = `/subscriptions/${sub}/resourceGroups/${app.resourceGroup}/providers/Microsoft.App/containerApps/${app.name}`;
      return this.query(resourceId, app.location, ctx.url.searchParams);
    });
    return true;
  };

  /** The answer to one query (throws MonitorError for what Azure refuses). */
  query(resourceId: string, location: string, q: URLSearchParams) {
    return answerMetricsQuery({
      resourceId,
      location,
      namespace: 'Microsoft.App/containerApps',
      provider: 'Microsoft.App, resource Type: containerApps',
      catalog: METRICS,
      grains: this.grainList,
      points: (metric, start, end, buckets) => this.points(metric as MetricName, start, end, buckets),
      q,
      now: (this.o.now ?? Date.now)(),
    });
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
    if (metric === 'WorkingSetBytes' || metric === 'MemoryPercentage')
      return (this.o.memory?.between(start, end) ?? []).map((s) => ({
        at: s.at,
        value: metric === 'WorkingSetBytes' ? s.bytes : (100 * s.bytes) / s.limitBytes,
        dims: { revisionname: s.revision, podname: s.replica },
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
}
