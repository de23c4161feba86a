// The simulator's Application Insights over HTTPS: the component as ARM shows it, the track API on the ingestion
// host (JSON array, NDJSON, gzip, an unknown key), and the component's metrics read by @azure/arm-monitor as the
// pipeline reads them. ARM-only mode: the ingestion host listens on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSimulator, type Simulator } from '../../../sim/index.js';
import { httpsRequest } from '../../../sim/http.js';
import { createMonitorClient } from '../../../src/azure/connection.js';
import { simAzure } from '../../support/sim-azure.js';

const RG = 'alc-algo-production';
let sim: Simulator;
let stateDir: string;
beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'alc-sim-insights-'));
  sim = await startSimulator({
    stateDir,
    docker: false,
    registry: false,
    metricsTimeGrain: 'PT1S',
    seed: [
      {
        resourceGroup: RG,
        environment: 'alc-algo-env',
        location: 'eastus',
        appInsights: 'alc-algo-insights',
      },
    ],
  });
});
afterAll(async () => {
  await sim?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const componentPath = () =>
  `/subscriptions/${sim.ids.subscriptionId}/resourceGroups/${RG}/providers/microsoft.insights/components/alc-algo-insights`;
const arm = (path: string) =>
  httpsRequest(`${sim.endpoints.arm}${path}${path.includes('?') ? '&' : '?'}api-version=2020-02-02`, {
    ca: sim.ca,
    headers: { authorization: `Bearer ${sim.identity.issueAccessToken(sim.endpoints.arm)}` },
  });
const connection = async () => {
  const res = await arm(componentPath());
  const props = (JSON.parse(res.body) as { properties: Record<string, string> }).properties;
  return Object.fromEntries(props.ConnectionString.split(';').map((kv) => kv.split('=', 2))) as Record<
    string,
    string
  >;
};
const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  httpsRequest(`${sim.endpoints.insightsIngestion}${path}`, {
    ca: sim.ca,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body as string,
  });
const envelope = (
  ikey: string,
  instance: string,
  type: string,
  baseData: Record<string, unknown>,
  time = new Date(),
) => ({
  name: `Microsoft.ApplicationInsights.${ikey.replace(/-/g, '')}.${type}`,
  time: time.toISOString(),
  iKey: ikey,
  tags: { 'ai.cloud.role': 'alc-algo-agents', 'ai.cloud.roleInstance': instance },
  data: { baseType: `${type}Data`, baseData: { ver: 2, ...baseData } },
});

describe('the component', () => {
  it('is an ARM resource with its keys and a connection string naming the ingestion host', async () => {
    const res = await arm(componentPath());
    expect(res.status).toBe(200);
    const c = JSON.parse(res.body) as { type: string; kind: string; properties: Record<string, string> };
    expect([c.type, c.kind]).toEqual(['microsoft.insights/components', 'web']);
    expect(c.properties.InstrumentationKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.properties.ConnectionString).toBe(
      `InstrumentationKey=${c.properties.InstrumentationKey};IngestionEndpoint=${sim.endpoints.insightsIngestion};LiveEndpoint=${sim.endpoints.insightsIngestion};ApplicationId=${c.properties.AppId}`,
    );
    expect(sim.env.ALC_SIM_INSIGHTS_INGESTION).toBe(sim.endpoints.insightsIngestion);
  });
  it('answers 404 in ARM shape for another name, and lists the resource group', async () => {
    const missing = await arm(componentPath().replace('alc-algo-insights', 'nope'));
    expect([missing.status, (JSON.parse(missing.body) as { error: { code: string } }).error.code]).toEqual([
      404,
      'ResourceNotFound',
    ]);
    const list = await arm(
      `/subscriptions/${sim.ids.subscriptionId}/resourceGroups/${RG}/providers/microsoft.insights/components`,
    );
    expect((JSON.parse(list.body) as { value: Array<{ name: string }> }).value.map((v) => v.name)).toEqual([
      'alc-algo-insights',
    ]);
  });
});

describe('the track API and the metrics', () => {
  it('accepts arrays, NDJSON and gzip; refuses an unknown key; serves what arrived through @azure/arm-monitor', async () => {
    const { InstrumentationKey: ikey } = await connection();
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 2000);
    const exc = (instance: string) =>
      envelope(ikey, instance, 'Exception', {
        exceptions: [{ typeName: 'RuntimeError', message: 'tick failed', hasFullStack: false }],
        problemId: 'RuntimeError at agent.tick',
      });
    const runs = (instance: string) =>
      envelope(ikey, instance, 'Metric', { metrics: [{ name: 'agent_runs', value: 1, count: 1 }] });

    const array = await post(
      'v2/track',
      JSON.stringify([exc('app--v2-a'), runs('app--v2-a'), runs('app--v1-b')]),
    );
    expect([array.status, JSON.parse(array.body)]).toEqual([
      200,
      expect.objectContaining({ itemsReceived: 3, itemsAccepted: 3, errors: [] }),
    ]);
    const ndjson = await post(
      'v2.1/track',
      [exc('app--v2-a'), runs('app--v2-a')].map((e) => JSON.stringify(e)).join('\n'),
      {
        'content-type': 'application/x-json-stream',
      },
    );
    expect(ndjson.status).toBe(200);
    const gz = await post('v2/track', gzipSync(JSON.stringify([exc('app--v2-a')])), {
      'content-encoding': 'gzip',
    });
    expect([gz.status, JSON.parse(gz.body).itemsAccepted]).toEqual([200, 1]);
    const partial = await post(
      'v2/track',
      JSON.stringify([runs('app--v2-a'), { ...runs('app--v2-a'), time: '' }]),
    );
    expect([partial.status, JSON.parse(partial.body).errors[0].index]).toEqual([206, 1]);
    const wrong = await post(
      'v2/track',
      JSON.stringify([{ ...exc('x'), iKey: '00000000-0000-0000-0000-000000000000' }]),
    );
    expect([wrong.status, JSON.parse(wrong.body)]).toEqual([
      400,
      {
        itemsReceived: 1,
        itemsAccepted: 0,
        errors: [{ index: 0, statusCode: 400, message: 'Invalid instrumentation key' }],
      },
    ]);
    expect((await post('v2/other', '[]')).status).toBe(404);

    const azure = simAzure(sim.env, sim.ca);
    const monitor = await createMonitorClient(azure.settings, azure.credential, {
      tlsOptions: { ca: sim.ca },
    });
    // The SDK's path template is `/{+resourceUri}/...`: the id without its leading slash.
    const uri = componentPath().slice(1);
    const timespan = `${start.toISOString()}/${new Date(Date.now() + 1000).toISOString()}`;
    const byInstance = async (metricnames: string, aggregation: string, metricnamespace?: string) => {
      const r = await monitor.metrics.list(uri, {
        metricnames,
        aggregation,
        timespan,
        interval: 'FULL',
        filter: "cloud/roleInstance eq '*'",
        metricnamespace,
      });
      return Object.fromEntries(
        (r.value[0].timeseries ?? []).map((s) => [
          s.metadatavalues?.[0].value,
          s.data?.[0] as unknown as Record<string, number>,
        ]),
      );
    };
    expect(await byInstance('exceptions/count', 'Count')).toEqual({
      'app--v2-a': expect.objectContaining({ count: 3 }),
    });
    expect(await byInstance('agent_runs', 'Total', 'azure.applicationinsights')).toEqual({
      'app--v2-a': expect.objectContaining({ total: 3 }),
      'app--v1-b': expect.objectContaining({ total: 1 }),
    });
    await expect(
      monitor.metrics.list(uri, {
        metricnames: 'orders_sent',
        metricnamespace: 'azure.applicationinsights',
        timespan,
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });
});
