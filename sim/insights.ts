// Application Insights, as the simulator's containers and the pipeline meet it:
//
//  - components: ARM resources `Microsoft.Insights/components` (GET one, list a resource group's) with their
//    InstrumentationKey, AppId and ConnectionString, whose IngestionEndpoint is the simulator's ingestion host;
//  - ingestion: the track API the Application Insights SDKs post to (`POST /v2/track`, `/v2.1/track`; a JSON array
//    of envelopes or newline-delimited ones, gzip or not), answered as the service answers it
//    (`{itemsReceived, itemsAccepted, errors: [{index, statusCode, message}]}`: 200, 206 partial, 400 for an unknown
//    instrumentation key or a batch of bad envelopes); what arrives is kept per component in memory;
//  - the component's metrics over ARM (`{component id}/providers/Microsoft.Insights/metrics`, and
//    `metricDefinitions`), computed from what arrived, through Azure Monitor's query rules (monitor.ts): the standard
//    metrics (namespace microsoft.insights/components) exceptions/count, requests/count, requests/failed,
//    requests/duration, traces/count, customEvents/count, and the custom metrics the app sends
//    (`metricnamespace=azure.applicationinsights`), with the dimensions cloud/roleInstance and cloud/roleName from
//    the envelope's tags `ai.cloud.roleInstance` and `ai.cloud.role`.
import { randomUUID } from 'node:crypto';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { TokenVerifier } from './types.js';
import { readRawBody, sendJson, type Route } from './http.js';
import { JsonStore } from './state.js';
import { notFound } from './arm/errors.js';
import { requestIds, authenticate } from './arm/protocol.js';
import {
  answerMetricsQuery,
  badRequest,
  grainsFrom,
  MonitorError,
  sendMetrics,
  type Catalog,
  type MetricDef,
  type Point,
} from './monitor.js';

export interface Component {
  name: string;
  resourceGroup: string;
  location: string;
  instrumentationKey: string;
  appId: string;
  createdAt: string;
}

interface InsightsState {
  components: Record<string, Component>;
}

/** One telemetry item as stored: its type, time, role tags and what the metrics read from it. */
export interface TelemetryItem {
  type: 'Exception' | 'Request' | 'Metric' | 'Event' | 'Message';
  at: number;
  roleName: string;
  roleInstance: string;
  /** Request: duration (ms), result code, success. */
  durationMs?: number;
  resultCode?: string;
  success?: boolean;
  /** Exception: the outermost type and message, and problemId. */
  typeName?: string;
  message?: string;
  problemId?: string;
  /** Metric (one per entry of MetricData.metrics): name, value (a sum), count. */
  name?: string;
  value?: number;
  count?: number;
  /** Message: severityLevel. */
  severityLevel?: number;
}

const TYPES = ['Exception', 'Request', 'Metric', 'Event', 'Message'] as const;
const ROLE_DIMS = ['cloud/roleInstance', 'cloud/roleName'] as const;
const REQUEST_DIMS = [
  'request/performanceBucket',
  'request/resultCode',
  'operation/synthetic',
  'cloud/roleInstance',
  'request/success',
  'cloud/roleName',
] as const;

/** The standard metrics, as Microsoft's supported-metrics list for microsoft.insights/components names them. */
const STANDARD: Catalog = {
  'exceptions/count': {
    description: 'Combined count of all uncaught exceptions.',
    unit: 'Count',
    dimensions: ['cloud/roleInstance', 'cloud/roleName', 'client/type'],
    kind: 'count',
  },
  'requests/count': {
    description: 'Count of HTTP requests completed.',
    unit: 'Count',
    dimensions: REQUEST_DIMS,
    kind: 'count',
  },
  'requests/failed': {
    description: 'Count of HTTP requests marked as failed.',
    unit: 'Count',
    dimensions: REQUEST_DIMS,
    kind: 'count',
  },
  'requests/duration': {
    description: 'Time between receiving an HTTP request and finishing sending the response.',
    unit: 'MilliSeconds',
    dimensions: REQUEST_DIMS,
    kind: 'samples',
  },
  'traces/count': {
    description: 'Trace document count',
    unit: 'Count',
    dimensions: ['trace/severityLevel', 'operation/synthetic', 'cloud/roleName', 'cloud/roleInstance'],
    kind: 'count',
  },
  'customEvents/count': {
    description: 'Count of custom events.',
    unit: 'Count',
    dimensions: ['cloud/roleInstance', 'cloud/roleName'],
    kind: 'count',
  },
};
export const STANDARD_NAMESPACE = 'microsoft.insights/components';
export const CUSTOM_NAMESPACE = 'azure.applicationinsights';
const CUSTOM_DEF: MetricDef = {
  description: '',
  unit: 'Unspecified',
  dimensions: ROLE_DIMS,
  kind: 'samples',
};

/** Application Insights' performance buckets of a request's duration. */
export function performanceBucket(ms: number): string {
  const bounds: Array<[number, string]> = [
    [250, '<250ms'],
    [500, '250ms-500ms'],
    [1000, '500ms-1sec'],
    [3000, '1sec-3sec'],
    [7000, '3sec-7sec'],
    [15_000, '7sec-15sec'],
    [30_000, '15sec-30sec'],
    [60_000, '30sec-1min'],
    [120_000, '1min-2min'],
    [300_000, '2min-5min'],
  ];
  return bounds.find(([b]) => ms < b)?.[1] ?? '>=5min';
}

/** `d.hh:mm:ss.fffffff` or `hh:mm:ss.fff` (the envelope's duration) in ms; undefined when unreadable. */
export function parseDuration(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw >= 0 ? raw : undefined;
  const m = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(String(raw ?? ''));
  if (!m) return undefined;
  return (((Number(m[1] ?? 0) * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])) * 1000;
}

const ikeyOf = (raw: string) => raw.trim().toLowerCase();
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export interface ItemError {
  index: number;
  statusCode: number;
  message: string;
}

/**
 * Reads one envelope as the service validates it: the fields it requires (name, time, iKey, data.baseType,
 * data.baseData and what each type needs). Pure: the items it stores, or the error of that envelope.
 */
export function readEnvelope(raw: unknown, now: number): { items: TelemetryItem[]; iKey: string } | string {
  const e = obj(raw);
  const missing = (field: string, type = 'Envelope') =>
    `Field '${field}' on type '${type}' is required but missing or empty. Expected: string, Actual: undefined`;
  if (!str(e.name)) return missing('name');
  if (!str(e.time)) return missing('time');
  const at = Date.parse(str(e.time));
  if (Number.isNaN(at)) return `Field 'time' on type 'Envelope' is not a valid date time: ${str(e.time)}`;
  if (!str(e.iKey)) return missing('iKey');
  const data = obj(e.data);
  const baseType = str(data.baseType);
  if (!baseType) return missing('baseType', 'Data');
  const type = TYPES.find((t) => `${t}Data` === baseType);
  if (!type)
    return `Unknown baseType '${baseType}' (this service reads ${TYPES.map((t) => `${t}Data`).join(', ')})`;
  const base = obj(data.baseData);
  if (Object.keys(base).length === 0) return missing('baseData', 'Data');
  const tags = obj(e.tags);
  const common = {
    // Items stamped in the future (a skewed clock) count when they arrived.
    at: Math.min(at, now),
    roleName: str(tags['ai.cloud.role']),
    roleInstance: str(tags['ai.cloud.roleInstance']),
  };
  const iKey = ikeyOf(str(e.iKey));
  switch (type) {
    case 'Exception': {
      const exceptions = Array.isArray(base.exceptions) ? base.exceptions.map(obj) : [];
      if (exceptions.length === 0) return missing('exceptions', 'ExceptionData');
      if (!str(exceptions[0].typeName)) return missing('typeName', 'ExceptionDetails');
      return {
        iKey,
        items: [
          {
            ...common,
            type,
            typeName: str(exceptions[0].typeName),
            message: str(exceptions[0].message),
            problemId: str(base.problemId),
          },
        ],
      };
    }
    case 'Request': {
      for (const f of ['id', 'duration', 'responseCode']) if (!str(base[f])) return missing(f, 'RequestData');
      const durationMs = parseDuration(base.duration);
      if (durationMs === undefined)
        return `Field 'duration' on type 'RequestData' is not a valid time span: ${str(base.duration)}`;
      const success =
        base.success === undefined
          ? Number(base.responseCode) < 400
          : base.success === true || base.success === 'true';
      return { iKey, items: [{ ...common, type, durationMs, resultCode: str(base.responseCode), success }] };
    }
    case 'Metric': {
      const metrics = Array.isArray(base.metrics) ? base.metrics.map(obj) : [];
      if (metrics.length === 0) return missing('metrics', 'MetricData');
      const items: TelemetryItem[] = [];
      for (const m of metrics) {
        if (!str(m.name)) return missing('name', 'DataPoint');
        const value = Number(m.value);
        if (m.value === undefined || m.value === null || !Number.isFinite(value))
          return `Field 'value' on type 'DataPoint' is required and must be a number: ${JSON.stringify(m.value)}`;
        const count = m.count === undefined || m.count === null ? 1 : Number(m.count);
        items.push({
          ...common,
          type,
          name: str(m.name),
          value,
          count: Number.isFinite(count) && count > 0 ? count : 1,
        });
      }
      return { iKey, items };
    }
    case 'Event':
      if (!str(base.name)) return missing('name', 'EventData');
      return { iKey, items: [{ ...common, type, name: str(base.name) }] };
    case 'Message':
      if (!str(base.message)) return missing('message', 'MessageData');
      return {
        iKey,
        items: [
          { ...common, type, message: str(base.message), severityLevel: Number(base.severityLevel ?? 1) },
        ],
      };
  }
}

/** The body of a track request: a JSON array, one JSON object, or newline-delimited objects. */
export function parseBatch(body: string): { envelopes: unknown[] } | { error: string } {
  const text = body.trim();
  if (text === '') return { error: 'The request body is empty: expected telemetry envelopes.' };
  try {
    const parsed: unknown = JSON.parse(text);
    return { envelopes: Array.isArray(parsed) ? parsed : [parsed] };
  } catch {
    // Newline-delimited JSON: one envelope a line.
  }
  const envelopes: unknown[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    try {
      envelopes.push(JSON.parse(line));
    } catch {
      envelopes.push(Symbol.for('invalid'));
    }
  }
  return { envelopes };
}

export interface TrackAnswer {
  status: number;
  body: { itemsReceived: number; itemsAccepted: number; appId?: string; errors: ItemError[] };
  accepted: Array<{ iKey: string; items: TelemetryItem[] }>;
}

/**
 * The service's answer to one batch. Pure. 200 when every envelope was accepted; 206 with the errors of the refused
 * ones otherwise; 400 when none was (an unknown instrumentation key answers "Invalid instrumentation key" for each).
 */
export function track(
  envelopes: unknown[],
  known: (iKey: string) => Component | undefined,
  now: number,
): TrackAnswer {
  const errors: ItemError[] = [];
  const accepted: TrackAnswer['accepted'] = [];
  let appId: string | undefined;
  envelopes.forEach((raw, index) => {
    if (typeof raw === 'symbol') {
      errors.push({ index, statusCode: 400, message: 'Invalid JSON: the line is not a telemetry envelope.' });
      return;
    }
    const read = readEnvelope(raw, now);
    if (typeof read === 'string') {
      errors.push({ index, statusCode: 400, message: read });
      return;
    }
    const component = known(read.iKey);
    if (!component) {
      errors.push({ index, statusCode: 400, message: 'Invalid instrumentation key' });
      return;
    }
    appId ??= component.appId;
    accepted.push(read);
  });
  const status = errors.length === 0 ? 200 : accepted.length > 0 ? 206 : 400;
  return {
    status,
    body: {
      itemsReceived: envelopes.length,
      itemsAccepted: accepted.length,
      ...(appId ? { appId } : {}),
      errors,
    },
    accepted,
  };
}

/** What a metric reads from a stored item: whether it counts it, its value, its dimensions. Pure. */
export function pointOf(
  namespace: 'standard' | 'custom',
  metric: string,
  item: TelemetryItem,
): Point | undefined {
  const dims: Record<string, string> = {
    'cloud/roleinstance': item.roleInstance,
    'cloud/rolename': item.roleName,
  };
  if (namespace === 'custom')
    return item.type === 'Metric' && item.name === metric
      ? { at: item.at, value: item.value ?? 0, count: item.count, dims }
      : undefined;
  const request = () => ({
    ...dims,
    'request/performancebucket': performanceBucket(item.durationMs ?? 0),
    'request/resultcode': item.resultCode ?? '',
    'operation/synthetic': 'False',
    'request/success': item.success ? 'True' : 'False',
  });
  switch (metric) {
    case 'exceptions/count':
      return item.type === 'Exception'
        ? { at: item.at, value: 1, dims: { ...dims, 'client/type': 'PC' } }
        : undefined;
    case 'requests/count':
      return item.type === 'Request' ? { at: item.at, value: 1, dims: request() } : undefined;
    case 'requests/failed':
      return item.type === 'Request' && !item.success
        ? { at: item.at, value: 1, dims: request() }
        : undefined;
    case 'requests/duration':
      return item.type === 'Request'
        ? { at: item.at, value: item.durationMs ?? 0, dims: request() }
        : undefined;
    case 'traces/count':
      return item.type === 'Message'
        ? {
            at: item.at,
            value: 1,
            dims: {
              ...dims,
              'trace/severitylevel': String(item.severityLevel ?? 1),
              'operation/synthetic': 'False',
            },
          }
        : undefined;
    case 'customEvents/count':
      return item.type === 'Event' ? { at: item.at, value: 1, dims } : undefined;
  }
  return undefined;
}

const COMPONENT_PATH =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.insights\/components(?:\/([^/]+)(?:\/providers\/microsoft\.insights\/(metrics|metricdefinitions))?)?\/?$/i;

export interface InsightsOptions {
  stateDir: string;
  subscriptionId: string;
  tenantId: string;
  verifier: TokenVerifier;
  audiences?: string[];
  /** The finest time grain of the metrics (ISO 8601; Azure: PT1M). */
  timeGrain: string;
  /** Keep telemetry this long (default 2 h) and at most this many items per component. */
  retentionMs?: number;
  maxItems?: number;
  now?: () => number;
}

export class InsightsService {
  readonly store: JsonStore<InsightsState>;
  private readonly telemetry = new Map<string, TelemetryItem[]>();
  private readonly grains: string[];
  /** `https://<host>:<port>/`: the components' IngestionEndpoint, once the ingestion server listens. */
  ingestionEndpoint = '';

  constructor(private readonly o: InsightsOptions) {
    this.store = new JsonStore<InsightsState>(o.stateDir, 'insights.json', () => ({ components: {} }));
    this.grains = grainsFrom(o.timeGrain);
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  /** Creates the component once (its keys are kept across restarts). */
  seed(resourceGroup: string, name: string, location: string): Component {
    const k = `${resourceGroup}/${name}`.toLowerCase();
    this.store.data.components[k] ??= {
      name,
      resourceGroup,
      location,
      instrumentationKey: randomUUID(),
      appId: randomUUID(),
      createdAt: new Date(this.now()).toISOString(),
    };
    this.store.save();
    return this.store.data.components[k];
  }

  component(resourceGroup: string, name: string): Component | undefined {
    return this.store.data.components[`${resourceGroup}/${name}`.toLowerCase()];
  }

  components(): Component[] {
    return Object.values(this.store.data.components);
  }

  connectionString(c: Component): string {
    const endpoint = this.ingestionEndpoint;
    return `InstrumentationKey=${c.instrumentationKey};IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint};ApplicationId=${c.appId}`;
  }

  /** Every stored item of a component (tests, the demo's report). */
  items(c: Component): readonly TelemetryItem[] {
    return this.telemetry.get(ikeyOf(c.instrumentationKey)) ?? [];
  }

  /** Stores accepted items, dropping those past the retention. */
  private keep(iKey: string, items: TelemetryItem[]): void {
    const list = this.telemetry.get(iKey) ?? [];
    list.push(...items);
    const oldest = this.now() - (this.o.retentionMs ?? 2 * 3_600_000);
    const cut = Math.max(
      list.findIndex((i) => i.at >= oldest),
      list.length - (this.o.maxItems ?? 500_000),
    );
    if (cut > 0) list.splice(0, cut);
    this.telemetry.set(iKey, list);
  }

  /** One track request's answer (and what it stores). */
  ingest(body: string): TrackAnswer {
    const batch = parseBatch(body);
    if ('error' in batch)
      return {
        status: 400,
        body: {
          itemsReceived: 0,
          itemsAccepted: 0,
          errors: [{ index: 0, statusCode: 400, message: batch.error }],
        },
        accepted: [],
      };
    const byKey = new Map(this.components().map((c) => [ikeyOf(c.instrumentationKey), c]));
    const answer = track(batch.envelopes, (k) => byKey.get(k), this.now());
    for (const a of answer.accepted) this.keep(a.iKey, a.items);
    return answer;
  }

  /** The ARM side: the component resource, its metrics and metric definitions. */
  readonly route: Route = async (ctx) => {
    const m = COMPONENT_PATH.exec(ctx.url.pathname);
    if (!m) return false;
    const [sub, rg, name, sub2] = [m[1], decodeURIComponent(m[2]), m[3] && decodeURIComponent(m[3]), m[4]];
    const find = () => {
      if (sub.toLowerCase() !== this.o.subscriptionId.toLowerCase())
        throw new MonitorError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
      const c = name ? this.component(rg, name) : undefined;
      if (!c) {
        const e = notFound('microsoft.insights/components', name ?? '', rg);
        throw new MonitorError(e.status, e.code, e.message);
      }
      return c;
    };
    if (sub2?.toLowerCase() === 'metrics') {
      sendMetrics(ctx, this.o, () => this.query(find(), ctx.url.searchParams));
      return true;
    }
    if (sub2?.toLowerCase() === 'metricdefinitions') {
      sendMetrics(ctx, this.o, () => this.definitions(find(), ctx.url.searchParams));
      return true;
    }
    // The resource (ARM's error envelope here, not Azure Monitor's).
    const ids = requestIds(ctx);
    try {
      authenticate(ctx, this.o.verifier, this.o.tenantId, this.o.audiences ?? []);
      if (ctx.method !== 'GET') {
        sendJson(
          ctx.res,
          405,
          { error: { code: 'MethodNotAllowed', message: `The simulator serves GET of components only.` } },
          ids,
        );
        return true;
      }
      if (sub.toLowerCase() !== this.o.subscriptionId.toLowerCase()) {
        sendJson(
          ctx.res,
          404,
          {
            error: { code: 'SubscriptionNotFound', message: `The subscription '${sub}' could not be found.` },
          },
          ids,
        );
        return true;
      }
      if (!name) {
        const value = this.components()
          .filter((c) => c.resourceGroup.toLowerCase() === rg.toLowerCase())
          .map((c) => this.resource(c));
        sendJson(ctx.res, 200, { value }, ids);
        return true;
      }
      const c = this.component(rg, name);
      if (!c) {
        const e = notFound('microsoft.insights/components', name, rg);
        sendJson(ctx.res, e.status, e.body, ids);
        return true;
      }
      sendJson(ctx.res, 200, this.resource(c), ids);
    } catch (e) {
      const err = e as { status?: number; body?: unknown; headers?: Record<string, string> };
      sendJson(
        ctx.res,
        err.status ?? 500,
        err.body ?? { error: { code: 'InternalServerError', message: String(e) } },
        {
          ...ids,
          ...(err.headers ?? {}),
        },
      );
    }
    return true;
  };

  resourceId(c: Component): string {
    return `/subscriptions/${this.o.subscriptionId}/resourceGroups/${c.resourceGroup}/providers/microsoft.insights/components/${c.name}`;
  }

  /** The component as ARM shows it (api-version 2020-02-02). */
  resource(c: Component) {
    return {
      id: this.resourceId(c),
      name: c.name,
      type: 'microsoft.insights/components',
      location: c.location,
      tags: {},
      kind: 'web',
      etag: `"${c.appId.slice(0, 8)}-0000-0100-0000-000000000000"`,
      properties: {
        ApplicationId: c.name,
        AppId: c.appId,
        Application_Type: 'web',
        Flow_Type: 'Bluefield',
        Request_Source: 'rest',
        InstrumentationKey: c.instrumentationKey,
        ConnectionString: this.connectionString(c),
        Name: c.name,
        CreationDate: c.createdAt,
        TenantId: this.o.subscriptionId,
        provisioningState: 'Succeeded',
        SamplingPercentage: null,
        RetentionInDays: 90,
        IngestionMode: 'ApplicationInsights',
        publicNetworkAccessForIngestion: 'Enabled',
        publicNetworkAccessForQuery: 'Enabled',
      },
    };
  }

  /** The namespace a query asks for, and its catalog (the custom one: every metric name the component received). */
  private catalog(
    c: Component,
    q: URLSearchParams,
  ): { namespace: 'standard' | 'custom'; catalog: Catalog; label: string } {
    const asked = (q.get('metricnamespace') ?? STANDARD_NAMESPACE).trim().toLowerCase();
    if (asked === STANDARD_NAMESPACE)
      return { namespace: 'standard', catalog: STANDARD, label: STANDARD_NAMESPACE };
    if (asked === CUSTOM_NAMESPACE) {
      const names = [
        ...new Set(
          this.items(c)
            .filter((i) => i.type === 'Metric')
            .map((i) => i.name!),
        ),
      ];
      return {
        namespace: 'custom',
        catalog: Object.fromEntries(names.map((n) => [n, CUSTOM_DEF])),
        label: CUSTOM_NAMESPACE,
      };
    }
    throw badRequest(
      `Metric namespace '${q.get('metricnamespace')}' is not valid for resource type microsoft.insights/components. Valid namespaces: ${STANDARD_NAMESPACE}, ${CUSTOM_NAMESPACE}.`,
    );
  }

  /** The metrics answer for a component (throws MonitorError for what Azure refuses). */
  query(c: Component, q: URLSearchParams) {
    const { namespace, catalog, label } = this.catalog(c, q);
    return answerMetricsQuery({
      resourceId: this.resourceId(c),
      location: c.location,
      namespace: label,
      provider: `microsoft.insights, resource Type: components${namespace === 'custom' ? `, namespace: ${CUSTOM_NAMESPACE}` : ''}`,
      catalog,
      grains: this.grains,
      points: (metric, start, end) =>
        this.items(c)
          .filter((i) => i.at >= start && i.at < end)
          .map((i) => pointOf(namespace, metric, i))
          .filter((p): p is Point => p !== undefined),
      q,
      now: this.now(),
    });
  }

  /** metricDefinitions of a namespace. */
  definitions(c: Component, q: URLSearchParams) {
    const { catalog, label } = this.catalog(c, q);
    const id = this.resourceId(c);
    return {
      value: Object.entries(catalog).map(([name, def]) => ({
        id: `${id}/providers/microsoft.insights/metricdefinitions/${name}`,
        resourceId: id,
        namespace: label,
        name: { value: name, localizedValue: name },
        displayDescription: def.description,
        isDimensionRequired: false,
        unit: def.unit,
        primaryAggregationType: def.kind === 'count' ? 'Count' : 'Average',
        supportedAggregationTypes: ['None', 'Average', 'Minimum', 'Maximum', 'Total', 'Count'],
        metricAvailabilities: this.grains.map((timeGrain) => ({ timeGrain, retention: 'P93D' })),
        dimensions: def.dimensions.map((d) => ({ value: d, localizedValue: d })),
      })),
    };
  }
}

export interface IngestionHandle {
  /** `https://<host>:<port>/` */
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The ingestion host: HTTPS (a certificate of the simulator's CA for `host`) on the address containers reach.
 * `POST /v2/track` and `/v2.1/track` (gzip when Content-Encoding says so); anything else 404.
 */
export async function startIngestion(o: {
  service: InsightsService;
  host: string;
  port?: number;
  tls: { cert: string; key: string };
  log?: (m: string) => void;
}): Promise<IngestionHandle> {
  const server = https.createServer({ cert: o.tls.cert, key: o.tls.key }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname.replace(/\/+$/, '');
    if (!/^\/v2(\.1)?\/track$/i.test(path)) {
      sendJson(res, 404, {
        itemsReceived: 0,
        itemsAccepted: 0,
        errors: [{ index: 0, statusCode: 404, message: `Not found: ${path}` }],
      });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, {
        itemsReceived: 0,
        itemsAccepted: 0,
        errors: [{ index: 0, statusCode: 405, message: 'Use POST.' }],
      });
      return;
    }
    void readRawBody(req)
      .then((raw) => {
        let body: string;
        try {
          body = (
            /gzip/i.test(String(req.headers['content-encoding'] ?? '')) ? gunzipSync(raw) : raw
          ).toString('utf8');
        } catch {
          sendJson(res, 400, {
            itemsReceived: 0,
            itemsAccepted: 0,
            errors: [{ index: 0, statusCode: 400, message: 'The body is not valid gzip.' }],
          });
          return;
        }
        const answer = o.service.ingest(body);
        sendJson(res, answer.status, answer.body);
      })
      .catch(() => {
        if (!res.headersSent)
          sendJson(res, 413, {
            itemsReceived: 0,
            itemsAccepted: 0,
            errors: [{ index: 0, statusCode: 413, message: 'Request body too large.' }],
          });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `https://${o.host}:${port}/`;
  o.service.ingestionEndpoint = endpoint;
  o.log?.(`application insights ingestion on ${endpoint}`);
  return {
    endpoint,
    port,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
