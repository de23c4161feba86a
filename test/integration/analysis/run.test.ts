// Metric analysis against the simulator with real containers: @azure/arm-monitor over HTTPS with a real
// (OIDC-exchanged) token reads the Azure Monitor metrics the simulator computes from the requests its ingress
// served; the queries Azure refuses are refused; a promote of a candidate that fails under real traffic is
// aborted by the analysis at its first step, through the action's entry as a runner starts it.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { RestError } from '@azure/core-rest-pipeline';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { measurementsOf } from '../../../src/bluegreen/context.js';
import { containerAppId } from '../../../src/analysis/azure-monitor.js';
import type { Measurement } from '../../../src/analysis/verdict.js';
import { httpsRequest } from '../../../sim/http.js';
import { describeWithDocker } from '../../support/docker.js';
import { errorLines, runEntry, startDeploySim, type DeploySim } from '../../support/deploy-sim.js';
import { RG } from '../../support/control-plane-sim.js';
import { rejectionOf } from '../../support/errors.js';

const APP = 'alc-algo-agents';
const rev = (suffix: string) => `${APP}--${suffix}`;
const ANALYSIS = [
  'interval: 3s',
  'time-grain: PT1S',
  'inconclusive-limit: 3',
  'metrics:',
  '  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}',
  '  - {name: restarts, metric: RestartCount, max: 0}',
].join('\n');

describeWithDocker('metric analysis against the simulator', () => {
  let t: DeploySim;
  let appId: string;
  const appHost = () => `${APP}.${t.sim.domain}`;
  /** Real traffic on the app URL, about 20 requests a second, until stopped; the statuses it saw. */
  const load = () => {
    let running = true;
    const seen: number[] = [];
    const loop = (async () => {
      while (running) {
        const [r] = await Promise.all([
          t.get(appHost()).catch(() => ({ status: 0 })),
          new Promise((res) => setTimeout(res, 50)),
        ]);
        seen.push(r.status);
      }
    })();
    return {
      seen,
      stop: async () => {
        running = false;
        await loop;
      },
    };
  };

  beforeAll(async () => {
    t = await startDeploySim();
    await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0' });
    // metrics.list takes the resource URI without its leading '/' (its path template is `/{+resourceUri}/...`).
    appId = containerAppId(t.sim.ids.subscriptionId, RG, APP).slice(1);
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('the SDK reads Requests per revision and status category, from what the ingress served', async () => {
    // Buckets are whole seconds (PT1S): start a second after the deploy's own readiness request.
    await new Promise((r) => setTimeout(r, 1100));
    const start = Date.now();
    for (let i = 0; i < 6; i++) expect((await t.get(appHost())).status).toBe(200);
    expect((await t.get(appHost(), '/no-such-page')).status).toBe(404);
    const end = Date.now() + 1000;
    const answer = await t.monitorClient.metrics.list(appId, {
      metricnames: 'Requests',
      timespan: `${new Date(start).toISOString()}/${new Date(end).toISOString()}`,
      interval: 'PT1S',
      aggregation: 'Total',
      filter: `revisionName eq '${rev('v1-0-0')}' and statusCodeCategory eq '*'`,
    });
    expect(answer).toMatchObject({
      namespace: 'Microsoft.App/containerApps',
      resourceregion: 'eastus',
      interval: 'PT1S',
    });
    const [metric] = answer.value;
    expect(metric).toMatchObject({ name: { value: 'Requests' }, unit: 'Count' });
    const byCategory = Object.fromEntries(
      metric.timeseries.map((s) => [
        s.metadatavalues?.find((m) => m.name?.value === 'statuscodecategory')?.value,
        (s.data ?? []).reduce((n, d) => n + (d.total ?? 0), 0),
      ]),
    );
    expect(byCategory).toEqual({ '2xx': 6, '4xx': 1 });
    expect(metric.timeseries[0].data?.[0].timeStamp).toBeInstanceOf(Date);

    // A revision that received no traffic has no data, as in Azure.
    const none = await t.monitorClient.metrics.list(appId, {
      metricnames: 'Requests',
      timespan: `${new Date(start).toISOString()}/${new Date(end).toISOString()}`,
      interval: 'PT1S',
      aggregation: 'Total',
      filter: `revisionName eq '${rev('nobody')}' and statusCodeCategory eq '*'`,
    });
    expect(none.value[0].timeseries).toEqual([]);
  });

  it.each([
    [
      { metricnames: 'CpuPercentage' },
      400,
      'BadRequest',
      /Failed to find metric configuration for provider: Microsoft.App, resource Type: containerApps, metric: CpuPercentage/,
    ],
    [{ metricnames: 'Requests', filter: "region eq 'x'" }, 400, 'BadRequest', /invalid dimensions.*region/],
    [
      { metricnames: 'Requests', filter: "revisionName = 'x'" },
      400,
      'BadRequest',
      /Failed to parse the \$filter/,
    ],
    [
      { metricnames: 'Requests', filter: "revisionName eq 'a' or statusCode eq '500'" },
      400,
      'BadRequest',
      /cannot separate two different metadata names/,
    ],
    [
      { metricnames: 'Requests', interval: 'PT7S' },
      400,
      'BadRequest',
      /does not support requested time grain: PT7S/,
    ],
    [{ metricnames: 'Requests', aggregation: 'median' }, 400, 'BadRequest', /Invalid aggregation 'median'/],
  ])('refuses what Azure refuses: %j', async (query, status, code, message) => {
    const err = (await rejectionOf(Error, t.monitorClient.metrics.list(appId, query))) as RestError;
    expect([err.statusCode, err.code]).toEqual([status, code]);
    expect(err.message).toMatch(message);
  });

  it('refuses a request without a token, and an app that does not exist', async () => {
    const url = `${t.sim.endpoints.arm}/${appId}/providers/Microsoft.Insights/metrics?api-version=2024-02-01&metricnames=Requests`;
    const anonymous = await httpsRequest(url, { ca: t.sim.ca });
    expect(anonymous.status).toBe(401);
    const missing = (await rejectionOf(
      Error,
      t.monitorClient.metrics.list(containerAppId(t.sim.ids.subscriptionId, RG, 'no-such-app').slice(1), {
        metricnames: 'Requests',
      }),
    )) as RestError;
    expect([missing.statusCode, missing.code]).toEqual([404, 'ResourceNotFound']);
  });

  it('a promote of a candidate that fails under real traffic is aborted at its first step (the entry)', async () => {
    await t.deploy({ image: t.images.degraded, 'revision-suffix': 'v4-0-0', label: 'green' });
    const before = trafficOf((await t.aca().getApp(APP))!);
    const traffic = load();
    let run;
    try {
      run = await runEntry(
        'blue-green',
        {
          ...t.common,
          command: 'promote',
          app: APP,
          label: 'green',
          steps: '10,50,100',
          // Long enough for the candidate's share of the load to pass its 5 good requests inside the step's
          // window (the traffic write itself is over in about a second, so the window is all there is).
          'step-wait': '12s',
          analysis: ANALYSIS,
        },
        t.sim,
      );
    } finally {
      await traffic.stop();
    }
    expect(run.status).toBe(1);
    const errors = errorLines(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /promote failed and the traffic was restored to \[blue=alc-algo-agents--v1-0-0@100/,
    );
    expect(errors[0]).toMatch(
      /analysis failed: server-errors = \d+ \(threshold <= 0\.00\d+ \(5\/hour scaled\)\).*during step 10%/,
    );
    expect(trafficOf((await t.aca().getApp(APP))!)).toEqual(before);
    const measured = JSON.parse(run.outputs.analysis) as Measurement[];
    expect(
      measured.some((m) => m.phase === 'step 10%' && m.metric === 'server-errors' && m.verdict === 'fail'),
    ).toBe(true);
    expect(measured.every((m) => m.phase === 'step 10%')).toBe(true);
    expect(run.summary).toMatch(/### Analysis/);
    expect(run.summary).toMatch(
      /\| step 10% \| .* \| server-errors \| \d+ \| <= 0\.00\d+ \(5\/hour scaled\) \| ❌ fail/,
    );
    // Users saw the candidate's failures only while it carried 10%.
    const failed = traffic.seen.filter((s) => s !== 200).length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(traffic.seen.length * 0.2);
  }, 180_000);

  it('a candidate that goes bad after the switch is rolled back by the watch, by itself', async () => {
    // The same degrading build, told to hold out for 120 real requests: past the 100% step, into the watch.
    await t.deploy({
      image: t.images.degraded,
      'revision-suffix': 'v4-0-1',
      label: 'green',
      'env-vars': 'DEGRADE_AFTER=120',
    });
    const traffic = load();
    const error = await rejectionOf(
      Error,
      t.blueGreen({
        command: 'promote',
        app: APP,
        label: 'green',
        steps: '100',
        'step-wait': '3s',
        watch: '30s',
        analysis: ANALYSIS,
      }),
    ).finally(() => traffic.stop());
    expect(error?.message).toMatch(
      /promote reached 100% but the watch failed; rolled back to the previous revision alc-algo-agents--v1-0-0 .*analysis failed: server-errors = \d+ .* during watch/,
    );
    const measured = measurementsOf(error);
    expect(measured.filter((m) => m.phase === 'step 100%').every((m) => m.verdict === 'pass')).toBe(true);
    // The last round (one measurement per metric) is the watch's, and its server errors failed.
    expect(measured.slice(-2)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phase: 'watch', metric: 'server-errors', verdict: 'fail' }),
      ]),
    );
    expect(trafficOf((await t.aca().getApp(APP))!)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'blue', revisionName: rev('v1-0-0'), weight: 100 }),
      ]),
    );
    expect(JSON.parse((await t.get(appHost())).body).version).toBe('1.0.0');
  }, 180_000);
});
