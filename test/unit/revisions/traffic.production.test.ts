// The `production-revision` output: one rule (the revision serving the most of the app URL's weight, with a
// latestRevision entry's weight counted for the app's latestRevisionName) behind both deploy-app and blue-green.
// Each case runs through both actions' outputs over the same traffic list.
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import type { ContainerApp } from '@azure/arm-appcontainers';
import { runBlueGreen } from '../../../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { blueGreenOutputs } from '../../../src/bluegreen/summary.js';
import type { DeployResult } from '../../../src/deploy/run.js';
import { deployOutputs } from '../../../src/deploy/summary.js';
import { productionRevision, type TrafficEntry } from '../../../src/revisions/traffic.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

const A = 'app';
const r = (s: string) => `${A}--${s}`;
const LATEST = r('v3');
/** blue on v1 and green on v2 at the given weights. */
const slots = (blue: number, green: number): TrafficEntry[] => [
  { revisionName: r('v1'), label: 'blue', weight: blue },
  { revisionName: r('v2'), label: 'green', weight: green },
];

/** deploy-app's output for a deploy that left `traffic` on an app whose latest revision is `latest`. */
function deployAppOutput(traffic: TrafficEntry[], latest: string | undefined): string {
  const result = {
    trafficAfter: traffic,
    productionRevision: productionRevision(traffic, latest),
  } as DeployResult;
  return deployOutputs(result)['production-revision'];
}

/** blue-green's output: `status` run over an app holding `traffic` whose latest revision is `latest`. */
async function blueGreenOutput(traffic: TrafficEntry[], latest: string | undefined): Promise<string> {
  const app: ContainerApp = {
    location: 'eastus',
    latestRevisionName: latest,
    configuration: { activeRevisionsMode: 'Multiple', ingress: { traffic } },
  };
  const { aca } = newAcaFixture({ name: A, app });
  const settings = readBlueGreenSettings(
    (n) =>
      ({
        'subscription-id': '00000000-0000-0000-0000-000000000001',
        'resource-group': 'rg',
        app: A,
        command: 'status',
      })[n] ?? '',
    { env: { GITHUB_WORKSPACE: resolve('.') } },
  );
  const result = await runBlueGreen(settings, { aca, prove: async () => 'unused' });
  return blueGreenOutputs(result)['production-revision'];
}

describe.each([
  ['deploy-app', async (t: TrafficEntry[], l: string | undefined) => deployAppOutput(t, l)],
  ['blue-green', blueGreenOutput],
])('%s production-revision', (_action, output) => {
  it.each<[string, TrafficEntry[], string | undefined, string]>([
    ['empty traffic', [], LATEST, ''],
    ['latestRevision at 100', [{ latestRevision: true, weight: 100 }], LATEST, LATEST],
    [
      'latestRevision at 100, latest revision unknown',
      [{ latestRevision: true, weight: 100 }],
      undefined,
      '',
    ],
    ['blue at 100, green at 0', slots(100, 0), LATEST, r('v1')],
    ['a stepped promotion at 10%', slots(90, 10), LATEST, r('v1')],
    ['an even split: the first in the list', slots(50, 50), LATEST, r('v1')],
    [
      'a label at 0 beside latestRevision at 100',
      [
        { revisionName: r('v1'), label: 'blue', weight: 0 },
        { latestRevision: true, weight: 100 },
      ],
      LATEST,
      LATEST,
    ],
    [
      "latestRevision's weight adds to the revision it routes to",
      [
        { revisionName: r('v1'), label: 'blue', weight: 40 },
        { revisionName: r('v3'), label: 'green', weight: 30 },
        { latestRevision: true, weight: 30 },
      ],
      LATEST,
      LATEST,
    ],
    [
      'a named revision without a label',
      [
        { revisionName: r('v1'), weight: 100 },
        { latestRevision: true, weight: 0 },
      ],
      LATEST,
      r('v1'),
    ],
  ])('%s', async (_case, traffic, latest, expected) => {
    expect(await output(traffic, latest)).toBe(expected);
  });
});
