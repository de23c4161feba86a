// The Application Insights provider over the wire: the real @azure/arm-monitor client, built as the actions build
// it (createMonitorClient, Custom cloud), against a real HTTPS server (the project's CA) that answers the
// component's metrics in Azure Monitor's shape: series split by cloud/roleInstance, the custom namespace, empty
// timeseries for a window without telemetry, 400 BadRequest for a metric it does not know. The analysis then judges
// a watch whose agents throw while the previous revision's idle agents still run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonitorClient } from '@azure/arm-monitor';
import type { TokenCredential } from '@azure/identity';
import { monitorProvider } from '../../../src/analysis/app-insights.js';
import { containerAppId } from '../../../src/analysis/azure-monitor.js';
import { parseAnalysisConfig } from '../../../src/analysis/config.js';
import { analyzePhase } from '../../../src/analysis/run.js';
import type { Measurement } from '../../../src/analysis/verdict.js';
import { createMonitorClient, readAzureSettings } from '../../../src/azure/connection.js';
import { ensureCertificates } from '../../../sim/tls.js';

const SUB = '00000000-1111-2222-3333-444444444444';
const RG = 'alc-algo-production';
const APP = 'alc-algo-agents';
const COMPONENT = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/microsoft.insights/components/alc-algo-insights`;
const v1 = `${APP}--v1`;
const v2 = `${APP}--v2`;

/** What the agents sent, per metric (namespace/name) and replica: one value per grain of the window. */
type Telemetry = Record<string, Record<string, Array<Record<string, number>>>>;
const STANDARD = 'microsoft.insights/components';
const CUSTOM = 'azure.applicationinsights';

describe('the Application Insights provider against a server in Azure Monitor shape', () => {
  let server: Server;
  let dir: string;
  let client: MonitorClient;
  const seen: URL[] = [];
  let telemetry: Telemetry = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'app-insights-'));
    const tls = ensureCertificates(dir, ['metrics.invalid']);
    server = createServer({ key: tls.controlPlane.key, cert: tls.controlPlane.cert }, (req, res) => {
      req.resume();
      const url = new URL(req.url ?? '/', 'https://metrics');
      seen.push(url);
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      const scope = url.pathname.replace(/\/providers\/microsoft\.insights\/metrics$/i, '');
      if (scope.toLowerCase() !== COMPONENT.toLowerCase())
        return reply(404, { code: 'ResourceNotFound', message: `no resource ${scope}` });
      const q = url.searchParams;
      const namespace = (q.get('metricnamespace') ?? STANDARD).toLowerCase();
      const name = q.get('metricnames') ?? '';
      const known = telemetry[`${namespace}/${name}`];
      if (!known)
        return reply(400, {
          code: 'BadRequest',
          message: `Failed to find metric configuration for provider: microsoft.insights, resource Type: components, metric: ${name}`,
        });
      if (q.get('$filter') !== "cloud/roleInstance eq '*'")
        return reply(400, { code: 'BadRequest', message: `unexpected filter ${q.get('$filter')}` });
      reply(200, {
        cost: 0,
        timespan: q.get('timespan'),
        interval: q.get('interval'),
        namespace,
        resourceregion: 'eastus',
        value: [
          {
            id: `${COMPONENT}/providers/Microsoft.Insights/metrics/${name}`,
            type: 'Microsoft.Insights/metrics',
            name: { value: name, localizedValue: name },
            unit: 'Count',
            errorCode: 'Success',
            timeseries: Object.entries(known).map(([instance, data]) => ({
              metadatavalues: [
                {
                  name: { value: 'cloud/roleInstance', localizedValue: 'cloud/roleInstance' },
                  value: instance,
                },
              ],
              data: data.map((d, i) => ({ timeStamp: new Date(i * 1000).toISOString(), ...d })),
            })),
          },
        ],
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `https://localhost:${(server.address() as AddressInfo).port}`;
    const settings = readAzureSettings(
      (n) =>
        ({
          cloud: 'Custom',
          'arm-endpoint': origin,
          'authority-host': origin,
          'subscription-id': SUB,
          'tenant-id': '00000000-0000-0000-0000-000000000000',
        })[n] ?? '',
    );
    const credential: TokenCredential = {
      getToken: async () => ({ token: 'test', expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
    client = await createMonitorClient(settings, credential, {
      tlsOptions: { ca: tls.ca },
      retryOptions: { maxRetries: 0 },
    });
  });
  afterAll(async () => {
    await new Promise<void>((done) => server?.close(() => done()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const provider = () =>
    monitorProvider(client, containerAppId(SUB, RG, APP), 'PT1S', {
      componentId: COMPONENT,
      heartbeat: 'agent_runs',
    });
  const config = parseAnalysisConfig(
    'analysis',
    [
      'interval: 3s',
      'time-grain: PT1S',
      `app-insights: ${COMPONENT}`,
      'metrics:',
      '  - {name: agent-failures, provider: app-insights, metric: exceptions/count, max: 5/hour scaled}',
      '  - {name: orders-rejected, provider: app-insights, metric: orders_rejected, namespace: azure.applicationinsights, relative: 2x stable, max: 1/minute scaled}',
      '  - {name: agent-stall, provider: app-insights, metric: agent_runs, namespace: azure.applicationinsights, min: 0.5x stable}',
    ].join('\n'),
  );

  const watch = async () => {
    let t = Date.parse('2026-01-01T00:00:00Z');
    const rounds: Measurement[][] = [];
    const decision = await analyzePhase(
      {
        config,
        mode: 'enforce',
        monitor: provider(),
        rounds,
        now: () => t,
        sleep: async (ms) => void (t += ms),
        log: () => undefined,
      },
      { name: 'watch', durationMs: 3000, candidate: v2, previous: v1 },
    );
    return { decision, rounds };
  };

  it('a healthy candidate passes: no exception while its agents run is 0, idle stable agents still count', async () => {
    telemetry = {
      [`${STANDARD}/exceptions/count`]: {},
      [`${CUSTOM}/orders_rejected`]: {},
      [`${CUSTOM}/agent_runs`]: {
        [`${v2}-a1b2c3`]: [{ total: 1 }, { total: 1 }, { total: 1 }],
        [`${v1}-d4e5f6`]: [{ total: 1 }, { total: 1 }, { total: 1 }],
      },
    };
    seen.length = 0;
    const { decision, rounds } = await watch();
    expect(decision).toEqual({ kind: 'continue' });
    expect(rounds[0].map((m) => [m.metric, m.value, m.verdict])).toEqual([
      ['agent-failures', 0, 'pass'],
      ['orders-rejected', 0, 'pass'],
      ['agent-stall', 3, 'pass'],
    ]);
    // The SDK asked the component, split by instance, custom metrics in their namespace.
    const asked = seen.map((u) => [u.searchParams.get('metricnames'), u.searchParams.get('metricnamespace')]);
    expect(asked).toEqual(
      expect.arrayContaining([
        ['exceptions/count', null],
        ['orders_rejected', CUSTOM],
        ['agent_runs', CUSTOM],
      ]),
    );
    expect(seen.every((u) => u.searchParams.get('interval') === 'PT1S')).toBe(true);
  });

  it('agents that throw and get orders rejected while HTTP is fine fail the watch, naming metric, value, threshold', async () => {
    telemetry = {
      [`${STANDARD}/exceptions/count`]: { [`${v2}-a1b2c3`]: [{ count: 2 }, { count: 0 }, { count: 1 }] },
      [`${CUSTOM}/orders_rejected`]: { [`${v2}-a1b2c3`]: [{ total: 4 }] },
      [`${CUSTOM}/agent_runs`]: {
        [`${v2}-a1b2c3`]: [{ total: 1 }, { total: 1 }, { total: 1 }],
        [`${v1}-d4e5f6`]: [{ total: 1 }, { total: 1 }, { total: 1 }],
      },
    };
    const { decision, rounds } = await watch();
    expect(rounds[0].map((m) => [m.metric, m.value, m.verdict])).toEqual([
      ['agent-failures', 3, 'fail'],
      ['orders-rejected', 4, 'fail'],
      ['agent-stall', 3, 'pass'],
    ]);
    expect(decision.kind).toBe('fail');
    expect(decision.kind === 'fail' && decision.message).toMatch(
      /^analysis failed: agent-failures = 3 \(threshold <= 0\.004167 \(5\/hour scaled\)\) over .* during watch: 3 is over 0\.004167/,
    );
  });

  it('a stalled candidate fails against the idle stable revision; its unknown metric is an error, never a pass', async () => {
    telemetry = {
      [`${STANDARD}/exceptions/count`]: {},
      [`${CUSTOM}/agent_runs`]: {
        [`${v2}-a1b2c3`]: [{ total: 1 }],
        [`${v1}-d4e5f6`]: [{ total: 1 }, { total: 1 }, { total: 1 }],
      },
    };
    const { rounds } = await watch();
    expect(rounds[0].map((m) => [m.metric, m.value, m.verdict, m.reason])).toEqual([
      ['agent-failures', 0, 'pass', undefined],
      [
        'orders-rejected',
        null,
        'inconclusive',
        expect.stringMatching(/^Azure Monitor query failed: BadRequest: Failed to find metric configuration/),
      ],
      ['agent-stall', 1, 'fail', '1 is under 1.5 (stable 3)'],
    ]);
  });
});
