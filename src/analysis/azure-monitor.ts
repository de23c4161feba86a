// The metrics provider: Azure Monitor platform metrics of the container app, per revision, through
// @azure/arm-monitor's metrics.list over ARM (GET {app id}/providers/Microsoft.Insights/metrics).
//
//  - Requests (Count; dimensions revisionName, statusCodeCategory, statusCode): one query per window
//    with `revisionName eq '<rev>' and statusCodeCategory eq '*'`, aggregation Total; the revision's
//    traffic is the sum of every series, the counted value the sum of the series of the asked category.
//  - RestartCount (Count; dimension revisionName): aggregation Maximum over the window.
//  - MemoryPercentage (Percent; Microsoft's list gives it the dimension podName only, as CpuPercentage): one
//    query split by `podName eq '*'`, aggregation Maximum; the revision's series are its replicas' (ACA names a
//    replica `<revision>-<suffix>`), the value their largest maximum.
//
// Application Insights metrics go through the same client on the component (app-insights.ts, whose
// monitorProvider gives the analysis one provider for both).
//
// Fail closed: no series (Azure answers so for a revision that received no traffic), no data point, a
// per-metric errorCode, or a failed call is a Sample the verdicts treat as inconclusive, never a value.
import type { MonitorClient } from '@azure/arm-monitor';
import type { MetricConfig, MonitorMetricConfig } from './config.js';
import type { Sample } from './verdict.js';

type AzureMetricConfig = Extract<MetricConfig, { provider: 'azure-monitor' }>;

export interface MetricsProvider {
  sample(config: MonitorMetricConfig, revision: string, startMs: number, endMs: number): Promise<Sample>;
}

/** The answer of metrics.list as the analysis reads it. */
export interface MetricsAnswer {
  value: Array<{ errorCode?: string; errorMessage?: string; timeseries?: Series[] }>;
}

export interface Series {
  metadatavalues?: Array<{ name?: { value?: string }; value?: string }>;
  data?: Array<{ total?: number; maximum?: number; minimum?: number; average?: number; count?: number }>;
}

/** A dimension's value on a series (dimension names compared without case, as Azure does). */
export const dimensionOf = (s: Series, name: string): string | undefined =>
  s.metadatavalues?.find((m) => m.name?.value?.toLowerCase() === name.toLowerCase())?.value;

/**
 * The series of one revision's replicas: their instance names are `<revision>-<suffix>` in ACA, the suffix one or
 * two dash-free parts (`<hash>-<id>`, as Azure names a replica's pod). A longer tail belongs to another revision
 * whose name extends this one (`app--v1-2-0-rc-1-<hash>-<id>` is not a replica of `app--v1-2-0`).
 */
export const replicasOf = (series: readonly Series[], dimension: string, revision: string): Series[] =>
  series.filter((s) => {
    const instance = dimensionOf(s, dimension);
    if (!instance?.startsWith(`${revision}-`)) return false;
    return /^[a-z0-9]+(?:-[a-z0-9]+)?$/i.test(instance.slice(revision.length + 1));
  });

/**
 * The most series one split query asks for (`top`). Azure Monitor answers a filtered query with 10 series unless
 * told otherwise, silently leaving out the rest (other revisions' replicas could crowd out the candidate's).
 */
export const SERIES_TOP = 1000;

/** The answer's one metric, or the error Sample for an answer without it or with a per-metric error. */
export function metricOf(name: string, answer: MetricsAnswer): Series[] | Sample {
  const metric = answer.value[0];
  if (!metric) return { kind: 'error', why: `Azure Monitor returned no ${name} metric` };
  if (metric.errorCode && metric.errorCode !== 'Success')
    return { kind: 'error', why: `${name}: ${metric.errorCode} ${metric.errorMessage ?? ''}`.trim() };
  const series = metric.timeseries ?? [];
  // As many series as asked for: some may have been left out, so no sum or maximum over them is trusted.
  if (series.length >= SERIES_TOP)
    return {
      kind: 'error',
      why: `${name}: ${series.length} series, the most one query reads; some may be missing`,
    };
  return series;
}

/** One metrics.list call; a failed call is an error Sample (fail closed), never a value. */
export async function listSample(
  client: MonitorClient,
  resourceId: string,
  query: Parameters<MonitorClient['metrics']['list']>[1],
  read: (answer: MetricsAnswer) => Sample,
): Promise<Sample> {
  // The SDK's path template is `/{+resourceUri}/providers/...`: a leading '/' would make it
  // `//subscriptions/...`.
  try {
    return read(await client.metrics.list(resourceId.replace(/^\/+/, ''), query));
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return {
      kind: 'error',
      why: `Azure Monitor query failed: ${err.code ? `${err.code}: ` : ''}${err.message}`,
    };
  }
}

/** The resource id of a container app, the scope of its platform metrics. */
export function containerAppId(subscriptionId: string, resourceGroup: string, app: string): string {
  const group = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
  return `${group}/providers/Microsoft.App/containerApps/${app}`;
}

/** The query parameters of one sample (pure; also what the tests and the simulator agree on). */
export function metricsQuery(
  config: AzureMetricConfig,
  revision: string,
  startMs: number,
  endMs: number,
  grain: string,
) {
  const requests = config.metric === 'Requests';
  const filter =
    config.metric === 'MemoryPercentage'
      ? "podName eq '*'"
      : requests
        ? `revisionName eq '${revision}' and statusCodeCategory eq '*'`
        : `revisionName eq '${revision}'`;
  return {
    metricnames: config.metric,
    timespan: timespanOf(startMs, endMs),
    interval: grain,
    aggregation: requests ? 'Total' : 'Maximum',
    filter,
    top: SERIES_TOP,
  };
}

export const timespanOf = (startMs: number, endMs: number): string =>
  `${new Date(startMs).toISOString()}/${new Date(endMs).toISOString()}`;

const maxOf = (series: readonly Series[]): number[] =>
  series.flatMap((s) => s.data ?? []).flatMap((d) => (d.maximum === undefined ? [] : [d.maximum]));

/** A sample from one metrics.list answer (pure). */
export function sampleOf(config: AzureMetricConfig, revision: string, answer: MetricsAnswer): Sample {
  const all = metricOf(config.metric, answer);
  if (!Array.isArray(all)) return all;
  const noData: Sample = { kind: 'no-data', why: `no ${config.metric} data for ${revision} in the window` };
  const series = config.metric === 'MemoryPercentage' ? replicasOf(all, 'podName', revision) : all;
  if (series.length === 0) return noData;
  if (config.metric !== 'Requests') {
    const values = maxOf(series);
    return values.length ? { kind: 'value', value: Math.max(...values) } : noData;
  }
  const sum = (s: Series) => (s.data ?? []).reduce((n, d) => n + (d.total ?? 0), 0);
  const total = series.reduce((n, s) => n + sum(s), 0);
  if (total === 0) return { kind: 'no-data', why: `${revision} served no request in the window` };
  if (!config.status) return { kind: 'value', value: total, total };
  const value = series
    .filter((s) => dimensionOf(s, 'statusCodeCategory') === config.status)
    .reduce((n, s) => n + sum(s), 0);
  return { kind: 'value', value, total };
}

export function azureMonitorProvider(
  client: MonitorClient,
  resourceId: string,
  grain: string,
): { sample(config: AzureMetricConfig, revision: string, startMs: number, endMs: number): Promise<Sample> } {
  return {
    sample: (config, revision, startMs, endMs) =>
      listSample(client, resourceId, metricsQuery(config, revision, startMs, endMs, grain), (answer) =>
        sampleOf(config, revision, answer),
      ),
  };
}
