// The metrics provider: Azure Monitor platform metrics of the container app, per revision, through
// @azure/arm-monitor's metrics.list over ARM (GET {app id}/providers/Microsoft.Insights/metrics).
//
//  - Requests (Count; dimensions revisionName, statusCodeCategory, statusCode): one query per window
//    with `revisionName eq '<rev>' and statusCodeCategory eq '*'`, aggregation Total; the revision's
//    traffic is the sum of every series, the counted value the sum of the series of the asked category.
//  - RestartCount (Count; dimension revisionName): aggregation Maximum over the window.
//
// Fail closed: no series (Azure answers so for a revision that received no traffic), no data point, a
// per-metric errorCode, or a failed call is a Sample the verdicts treat as inconclusive, never a value.
import type { MonitorClient } from '@azure/arm-monitor';
import type { MetricConfig } from './config.js';
import type { Sample } from './verdict.js';

type AzureMetricConfig = Extract<MetricConfig, { provider: 'azure-monitor' }>;

export interface MetricsProvider {
  sample(config: AzureMetricConfig, revision: string, startMs: number, endMs: number): Promise<Sample>;
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
  return {
    metricnames: config.metric,
    timespan: `${new Date(startMs).toISOString()}/${new Date(endMs).toISOString()}`,
    interval: grain,
    aggregation: requests ? 'Total' : 'Maximum',
    filter: requests
      ? `revisionName eq '${revision}' and statusCodeCategory eq '*'`
      : `revisionName eq '${revision}'`,
  };
}

interface Series {
  metadatavalues?: Array<{ name?: { value?: string }; value?: string }>;
  data?: Array<{ total?: number; maximum?: number }>;
}

/** A sample from one metrics.list answer (pure). */
export function sampleOf(
  config: AzureMetricConfig,
  revision: string,
  answer: { value: Array<{ errorCode?: string; errorMessage?: string; timeseries?: Series[] }> },
): Sample {
  const metric = answer.value[0];
  if (!metric) return { kind: 'error', why: `Azure Monitor returned no ${config.metric} metric` };
  if (metric.errorCode && metric.errorCode !== 'Success')
    return {
      kind: 'error',
      why: `${config.metric}: ${metric.errorCode} ${metric.errorMessage ?? ''}`.trim(),
    };
  const series = metric.timeseries ?? [];
  const noData: Sample = { kind: 'no-data', why: `no ${config.metric} data for ${revision} in the window` };
  if (series.length === 0) return noData;
  if (config.metric === 'RestartCount') {
    const values = series
      .flatMap((s) => s.data ?? [])
      .flatMap((d) => (d.maximum === undefined ? [] : [d.maximum]));
    return values.length ? { kind: 'value', value: Math.max(...values) } : noData;
  }
  const sum = (s: Series) => (s.data ?? []).reduce((n, d) => n + (d.total ?? 0), 0);
  const total = series.reduce((n, s) => n + sum(s), 0);
  if (total === 0) return { kind: 'no-data', why: `${revision} served no request in the window` };
  if (!config.status) return { kind: 'value', value: total, total };
  const category = (s: Series) =>
    s.metadatavalues?.find((m) => m.name?.value?.toLowerCase() === 'statuscodecategory')?.value;
  const value = series.filter((s) => category(s) === config.status).reduce((n, s) => n + sum(s), 0);
  return { kind: 'value', value, total };
}

export function azureMonitorProvider(
  client: MonitorClient,
  resourceId: string,
  grain: string,
): MetricsProvider {
  // The SDK's path template is `/{+resourceUri}/providers/...`: a leading '/' would make it
  // `//subscriptions/...`.
  const scope = resourceId.replace(/^\/+/, '');
  return {
    async sample(config, revision, startMs, endMs) {
      try {
        const answer = await client.metrics.list(
          scope,
          metricsQuery(config, revision, startMs, endMs, grain),
        );
        return sampleOf(config, revision, answer);
      } catch (e) {
        const err = e as { code?: string; message?: string };
        return {
          kind: 'error',
          why: `Azure Monitor query failed: ${err.code ? `${err.code}: ` : ''}${err.message}`,
        };
      }
    },
  };
}
