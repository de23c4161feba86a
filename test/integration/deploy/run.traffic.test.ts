// deploy-app's traffic against the simulator's ARM (no containers; the readiness proof is replaced by a check
// that the revision holds no weight yet): weight carried by latestRevision never reaches a revision before its
// proof, a re-run converges only on the same template, and previews of several pull requests deployed at once,
// round after round, never lose each other's labels.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Aca } from '../../../src/azure/aca.js';
import { runDeploy, type DeployDeps } from '../../../src/deploy/run.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { trafficOf, type TrafficEntry } from '../../../src/revisions/traffic.js';
import { writeTraffic } from '../../../src/revisions/traffic-write.js';
import {
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { checkPlace } from '../../../src/deploy/verify.js';
import { ROOT } from '../../support/deploy-sim.js';
import { simAzureInputs } from '../../support/sim-azure.js';

const PREVIEW = 'alc-algo-agents-preview';
const PRODUCTION = 'alc-algo-agents-trafficpin';
let s: ControlPlaneSim;
let aca: Aca;

const digest = (n: number) =>
  `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${n.toString(16).padStart(64, '0')}`;
/** A preview image: the preview spec's registry and repository. */
const previewDigest = (n: number) =>
  `alcalgopreview.azurecr.io/alc-algo-agents-preview@sha256:${n.toString(16).padStart(64, '0')}`;

beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false, lroDelayMs: 30 });
  aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 30 });
}, 60_000);
afterAll(async () => s?.stop());

/** The weight each revision holds as ARM reports it (latestRevision resolved, as ACA routes). */
async function weightOf(app: string, revision: string): Promise<number> {
  const r = await aca.getRevision(app, revision);
  return r?.trafficWeight ?? 0;
}

/** A proof that records the weight the revision held while unproven (it must be 0), then passes. */
function recordingProof(app: string, seen: Array<{ revision: string; weight: number }>): DeployDeps['prove'] {
  return async (req) => {
    const revision = req.url.hostname.split('.')[0];
    seen.push({ revision, weight: await weightOf(app, revision) });
    return 'answered 200 (recorded)';
  };
}

function deploy(values: Record<string, string>, prove: DeployDeps['prove']) {
  const all: Record<string, string> = {
    ...simAzureInputs(s.sim.env),
    'resource-group': RG,
    ...(values.mode === 'preview' ? {} : { version: '1.0.0', 'trading-lease': 'unmanaged' }),
    ...values,
  };
  const settings = readDeploySettings((n) => all[n] ?? '', { env: { GITHUB_WORKSPACE: ROOT } });
  // No registry here: the image's registry and repository are checked, its release tag in test/integration/deploy/verify.test.ts.
  return runDeploy(settings, { aca, prove, verifyImage: checkPlace, trafficDelayMs: 20 });
}

async function traffic(app: string): Promise<TrafficEntry[]> {
  return trafficOf((await aca.getApp(app))!);
}

async function setTraffic(app: string, list: TrafficEntry[]) {
  const live = (await aca.getApp(app))!;
  await writeTraffic(aca, { ...live, name: app }, list);
}

describe('a new revision never receives traffic before it is proven', () => {
  it('a preview app after its last teardown (latestRevision at 100): the new revision holds 0 until proven, then its label', async () => {
    const seen: Array<{ revision: string; weight: number }> = [];
    const prove = recordingProof(PREVIEW, seen);
    await deploy(
      { mode: 'preview', image: previewDigest(1), label: 'pr-1', 'revision-suffix': 'pr-1-aaaaaaa' },
      prove,
    );
    // The teardown of the last pull request leaves the weight on latestRevision.
    await setTraffic(PREVIEW, [{ latestRevision: true, weight: 100 }]);
    seen.length = 0;
    const result = await deploy(
      { mode: 'preview', image: previewDigest(2), label: 'pr-2', 'revision-suffix': 'pr-2-bbbbbbb' },
      prove,
    );
    expect(seen).toEqual([{ revision: `${PREVIEW}--pr-2-bbbbbbb`, weight: 0 }]);
    expect(result.trafficAfter).toEqual([
      { revisionName: `${PREVIEW}--pr-2-bbbbbbb`, label: 'pr-2', weight: 100 },
    ]);
  }, 60_000);

  it('a production app whose first deploy was killed (latestRevision at 100): the next revision is a candidate at 0', async () => {
    const seen: Array<{ revision: string; weight: number }> = [];
    const prove = recordingProof(PRODUCTION, seen);
    // The first deploy's app create went through; the run was killed before its traffic write.
    await deploy({ app: PRODUCTION, image: digest(10), 'revision-suffix': 'v1-0-0' }, prove);
    await setTraffic(PRODUCTION, [{ latestRevision: true, weight: 100 }]);
    seen.length = 0;
    const result = await deploy({ app: PRODUCTION, image: digest(11), 'revision-suffix': 'v1-1-0' }, prove);
    expect(seen).toEqual([{ revision: `${PRODUCTION}--v1-1-0`, weight: 0 }]);
    expect(result.trafficAfter).toEqual([
      { revisionName: `${PRODUCTION}--v1-0-0`, label: 'blue', weight: 100 },
      { revisionName: `${PRODUCTION}--v1-1-0`, label: 'green', weight: 0 },
    ]);
    expect(await weightOf(PRODUCTION, `${PRODUCTION}--v1-1-0`)).toBe(0);
  }, 60_000);
});

describe('a re-run under an existing revision suffix', () => {
  const app = 'alc-algo-agents-rerun';
  const prove: DeployDeps['prove'] = async () => 'answered 200';
  it('converges on the same template and refuses another one, naming the revision, what differs and the way out', async () => {
    const first = await deploy(
      { app, image: digest(20), 'revision-suffix': 'v2-0-0', 'env-vars': 'FEATURE=on' },
      prove,
    );
    const again = await deploy(
      { app, image: digest(20), 'revision-suffix': 'v2-0-0', 'env-vars': 'FEATURE=on' },
      prove,
    );
    expect(again).toMatchObject({ revision: first.revision, reused: true, trafficAfter: first.trafficAfter });
    const before = await traffic(app);
    const revisions = (await aca.listRevisions(app)).length;
    await expect(
      deploy({ app, image: digest(20), 'revision-suffix': 'v2-0-0', 'env-vars': 'FEATURE=off' }, prove),
    ).rejects.toThrow(
      /revision alc-algo-agents-rerun--v2-0-0 exists and runs another template .*env FEATURE: on \(revision\) vs off \(this run\).*deploy a new version or give a new revision-suffix/,
    );
    await expect(
      deploy({ app, image: digest(21), 'revision-suffix': 'v2-0-0', 'env-vars': 'FEATURE=on' }, prove),
    ).rejects.toThrow(/image: .*0014 \(revision\) vs .*0015 \(this run\)/);
    expect(await traffic(app)).toEqual(before);
    expect((await aca.listRevisions(app)).length).toBe(revisions);
  }, 60_000);
});

describe('previews of several pull requests deployed at once', () => {
  const PRS = [11, 12, 13, 14];
  const ROUNDS = 20;
  const prove: DeployDeps['prove'] = async () => 'answered 200';
  const sha = (round: number, pr: number) => `${round.toString(16).padStart(5, '0')}${pr}`;

  it(`every label survives, pointing at its newest revision, over ${ROUNDS} rounds`, async () => {
    const app = `${PREVIEW}-many`;
    // The app exists (created by a first preview), as it does before pull requests race each other.
    await deploy(
      { mode: 'preview', app, image: previewDigest(99), label: 'pr-10', 'revision-suffix': 'pr-10-0000000' },
      prove,
    );
    const failures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const results = await Promise.allSettled(
        PRS.map((pr) =>
          deploy(
            {
              mode: 'preview',
              app,
              image: previewDigest(1000 * round + pr),
              label: `pr-${pr}`,
              'revision-suffix': `pr-${pr}-${sha(round, pr)}`,
            },
            prove,
          ),
        ),
      );
      for (const r of results)
        if (r.status === 'rejected') failures.push(`round ${round}: ${String(r.reason)}`);
      const live = await traffic(app);
      for (const pr of [10, ...PRS]) {
        const entry = live.find((e) => e.label === `pr-${pr}`);
        const newest = pr === 10 ? 'pr-10-0000000' : `pr-${pr}-${sha(round, pr)}`;
        if (entry?.revisionName !== `${app}--${newest}`)
          failures.push(`round ${round}: pr-${pr} is ${entry?.revisionName ?? 'missing'}`);
      }
      expect(live.reduce((n, e) => n + (e.weight ?? 0), 0)).toBe(100);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
