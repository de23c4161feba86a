// The Application Insights provider: the component's metrics through the same @azure/arm-monitor metrics.list
// (GET {component id}/providers/Microsoft.Insights/metrics), the same credential, cloud and ARM endpoint.
//
//  - Standard metrics (namespace microsoft.insights/components: exceptions/count, requests/failed,
//    requests/duration, ...) and custom metrics (metricnamespace azure.applicationinsights: agent_runs,
//    orders_rejected, ... as the agents send them).
//  - Per revision: one query split by `cloud/roleInstance eq '*'`; ACA sets the role instance to the replica name,
//    `<revision>-<suffix>`, so the revision's series are those whose instance starts with `<revision>-`.
//  - Count and Total: the sum over the revision's series and grains. Average: the mean of the per-replica,
//    per-grain averages. Maximum / Minimum: the largest / smallest.
//  - Fail closed: no series for the revision is no data (inconclusive), except a count or a total while the
//    revision's heartbeat metric (agent_runs by default) has data in the window, zeros included: its agents are
//    alive and counted nothing, so the value is 0 (exceptions and rejected orders are legitimately zero).
import type { MonitorClient } from '@azure/arm-monitor';
import {
  azureMonitorProvider,
  listSample,
  metricOf,
  replicasOf,
  SERIES_TOP,
  timespanOf,
  type MetricsAnswer,
  type MetricsProvider,
  type Series,
} from './azure-monitor.js';
import { CUSTOM_NAMESPACE, type MetricConfig } from './config.js';
import type { Sample } from './verdict.js';

export type AppInsightsMetric = Extract<MetricConfig, { provider: 'app-insights' }>;

const INSTANCE = 'cloud/roleInstance';

/** The query parameters of one sample (pure): every instance of the component over the window. */
export function appInsightsQuery(config: AppInsightsMetric, startMs: number, endMs: number, grain: string) {
  return {
    metricnames: config.metric,
    timespan: timespanOf(startMs, endMs),
    interval: grain,
    aggregation: config.aggregation,
    filter: `${INSTANCE} eq '*'`,
    top: SERIES_TOP,
    ...(config.namespace ? { metricnamespace: config.namespace } : {}),
  };
}

type Point = NonNullable<Series['data']>[number];
const FIELD: Record<AppInsightsMetric['aggregation'], keyof Point> = {
  Count: 'count',
  Total: 'total',
  Average: 'average',
  Maximum: 'maximum',
  Minimum: 'minimum',
};

/** Whether a count of this metric is 0 (not unknown) while the revision is alive. */
export const countsEvents = (config: AppInsightsMetric): boolean =>
  config.aggregation === 'Count' || config.aggregation === 'Total';

/** The revision's value from one metrics.list answer (pure). */
export function appInsightsSampleOf(
  config: AppInsightsMetric,
  revision: string,
  answer: MetricsAnswer,
): Sample {
  const all = metricOf(config.metric, answer);
  if (!Array.isArray(all)) return all;
  const field = FIELD[config.aggregation];
  const values = replicasOf(all, INSTANCE, revision)
    .flatMap((s) => s.data ?? [])
    .flatMap((d) => (typeof d[field] === 'number' ? [d[field]] : []));
  if (values.length === 0)
    return { kind: 'no-data', why: `no ${config.metric} telemetry from ${revision} in the window` };
  const sum = values.reduce((n, v) => n + v, 0);
  switch (config.aggregation) {
    case 'Count':
    case 'Total':
      return { kind: 'value', value: sum };
    case 'Average':
      return { kind: 'value', value: sum / values.length };
    case 'Maximum':
      return { kind: 'value', value: Math.max(...values) };
    case 'Minimum':
      return { kind: 'value', value: Math.min(...values) };
  }
}

/** The heartbeat: the custom metric whose data shows the revision's agents alive (its Total). */
export const heartbeatMetric = (name: string): AppInsightsMetric => ({
  name: 'heartbeat',
  provider: 'app-insights',
  metric: name,
  namespace: CUSTOM_NAMESPACE,
  aggregation: 'Total',
  threshold: { kind: 'min', min: 0, text: 'alive' },
});

export function appInsightsProvider(
  client: MonitorClient,
  componentId: string,
  grain: string,
  heartbeat: string,
): { sample(config: AppInsightsMetric, revision: string, startMs: number, endMs: number): Promise<Sample> } {
  const read = (config: AppInsightsMetric, revision: string, startMs: number, endMs: number) =>
    listSample(client, componentId, appInsightsQuery(config, startMs, endMs, grain), (answer) =>
      appInsightsSampleOf(config, revision, answer),
    );
  return {
    async sample(config, revision, startMs, endMs) {
      const s = await read(config, revision, startMs, endMs);
      if (s.kind !== 'no-data' || !countsEvents(config)) return s;
      const alive = await read(heartbeatMetric(heartbeat), revision, startMs, endMs);
      // Any data of the heartbeat, zeros included (an agent whose loop stalled still flushes its counters).
      return alive.kind === 'value'
        ? { kind: 'value', value: 0 }
        : { ...s, why: `${s.why}, nor any ${heartbeat} (the heartbeat): no sign of its agents` };
    },
  };
}

/**
 * The analysis's one provider: the container app's platform metrics and, with a component, the Application
 * Insights component's, through the same client.
 */
export function monitorProvider(
  client: MonitorClient,
  appId: string,
  grain: string,
  appInsights?: { componentId: string; heartbeat: string },
): MetricsProvider {
  const platform = azureMonitorProvider(client, appId, grain);
  const insights =
    appInsights && appInsightsProvider(client, appInsights.componentId, grain, appInsights.heartbeat);
  return {
    sample(config, revision, startMs, endMs) {
      if (config.provider === 'azure-monitor') return platform.sample(config, revision, startMs, endMs);
      if (!insights)
        return Promise.resolve({ kind: 'error', why: `${config.name}: no Application Insights component` });
      return insights.sample(config, revision, startMs, endMs);
    },
  };
}
