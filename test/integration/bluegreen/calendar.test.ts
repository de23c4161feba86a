// The market calendar and stop the line through the blue-green core against the simulator's ARM (no containers;
// the readiness proof and the gates answer for the revision): with the clock injected (deps.now), promote is refused on
// an NYSE holiday before any write and runs in an allowed window; with the line stopped promote is refused whatever
// the calendar says, and rollback runs through it, its result saying why the line is stopped. A release deploys its
// standby candidate (weight 0) on the holiday and with the line stopped: deploy-app is never gated.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Aca } from '../../../src/azure/aca.js';
import { runBlueGreen } from '../../../src/bluegreen/run.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { blueGreenSummary } from '../../../src/bluegreen/summary.js';
import { runDeploy } from '../../../src/deploy/run.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { checkPlace } from '../../../src/deploy/verify.js';
import { trafficOf, type TrafficEntry } from '../../../src/revisions/traffic.js';
import {
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { ROOT } from '../../support/deploy-sim.js';
import { simAzureInputs } from '../../support/sim-azure.js';
import type { SmokeReport } from '../../../src/smoke/summary.js';

const APP = 'alc-algo-agents-calendar';
const rev = (suffix: string) => `${APP}--${suffix}`;
const digest = (n: number) =>
  `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${n.toString(16).padStart(64, '0')}`;
const CALENDAR = `
exchange: deploy/calendar/nyse.yaml
margin: 15m
allow: [Mon-Fri 06:00-21:00 America/New_York]
`;
const CHRISTMAS = Date.parse('2026-12-25T17:00:00Z'); // Friday, noon in New York: NYSE is closed
const TUESDAY_MORNING = Date.parse('2026-12-08T12:00:00Z'); // 07:00 in New York: allowed
const STOPPED = 'incident 1234: broker outage';

let s: ControlPlaneSim;
let aca: Aca;
const prove = async (req: { url: URL }) => `${req.url.hostname} answered 200`;

beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false, lroDelayMs: 30 });
  aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 30 });
}, 60_000);
afterAll(async () => s?.stop());

const common = () => ({ ...simAzureInputs(s.sim.env), 'resource-group': RG, app: APP });

function deploy(n: number, extra: Record<string, string> = {}) {
  const all: Record<string, string> = {
    ...common(),
    image: digest(n),
    version: `${n}.0.0`,
    'revision-suffix': `v${n}-0-0`,
    'trading-lease': 'unmanaged',
    ...extra,
  };
  const settings = readDeploySettings((k) => all[k] ?? '', { env: { GITHUB_WORKSPACE: ROOT } });
  return runDeploy(settings, { aca, prove, verifyImage: checkPlace, trafficDelayMs: 20 });
}

function blueGreen(values: Record<string, string>, now: number) {
  const all: Record<string, string> = { ...common(), 'wait-timeout': '30s', ...values };
  const settings = readBlueGreenSettings((k) => all[k] ?? '', { env: { GITHUB_WORKSPACE: ROOT } });
  // No ingress in ARM-only mode: the gates' smoke checks pass as the readiness proof does (the HTTP side is tested
  // with real containers in run.flow.test.ts).
  const smoke = async () => ({ passed: true, checks: [], failures: [] }) as unknown as SmokeReport;
  return runBlueGreen(settings, { aca, prove, smoke, now: () => now, sleep: async () => undefined });
}

const traffic = async (): Promise<TrafficEntry[]> => trafficOf((await aca.getApp(APP))!);
const weights = async () =>
  Object.fromEntries((await traffic()).map((e) => [e.label ?? e.revisionName, e.weight ?? 0]));
const raw = async () => JSON.stringify(await aca.getApp(APP));

describe('market calendar and stop the line through the blue-green core', () => {
  it('a release deploys its standby candidate on the holiday and with the line stopped (deploy-app is not gated)', async () => {
    await deploy(1);
    const second = await deploy(2, { 'stop-the-line': STOPPED });
    expect(second.revision).toBe(rev('v2-0-0'));
    expect(await weights()).toEqual({ blue: 100, green: 0 });
  }, 120_000);

  it('promote on an NYSE holiday is refused before any write, naming the holiday and the next window', async () => {
    const before = await raw();
    await expect(blueGreen({ command: 'promote', calendar: CALENDAR }, CHRISTMAS)).rejects.toThrow(
      /refused by the market calendar: NYSE is closed on 2026-12-25 \(Christmas Day\)\. Next allowed window: from 2026-12-28 06:00 America\/New_York/,
    );
    expect(await raw()).toBe(before);
  }, 60_000);

  it('status on the holiday shows the next allowed window', async () => {
    const r = await blueGreen({ command: 'status', calendar: CALENDAR }, CHRISTMAS);
    expect(r.nextWindow).toMatch(/^from 2026-12-28 06:00 America\/New_York \(2026-12-28 11:00 UTC\)/);
    expect(blueGreenSummary(r)).toContain('next allowed window');
  }, 60_000);

  it('stop the line refuses promote in an allowed window, override-freeze does not lift it', async () => {
    const before = await raw();
    await expect(
      blueGreen(
        { command: 'promote', calendar: CALENDAR, 'stop-the-line': STOPPED, 'override-freeze': 'hotfix' },
        TUESDAY_MORNING,
      ),
    ).rejects.toThrow(/the line is stopped: incident 1234: broker outage/);
    expect(await raw()).toBe(before);
  }, 60_000);

  it('promote runs in an allowed window once the line runs again', async () => {
    const r = await blueGreen({ command: 'promote', calendar: CALENDAR }, TUESDAY_MORNING);
    expect(r.productionRevision).toBe(rev('v2-0-0'));
    expect(r.freeze?.message).toMatch(/^Market calendar: inside the allow window/);
    expect(await weights()).toEqual({ blue: 0, green: 100 });
  }, 60_000);

  it('rollback passes stop the line (on the holiday too) and says the line is stopped', async () => {
    const r = await blueGreen(
      { command: 'rollback', calendar: CALENDAR, 'stop-the-line': STOPPED },
      CHRISTMAS,
    );
    expect(r.productionRevision).toBe(rev('v1-0-0'));
    expect(r.stopTheLine).toBe(STOPPED);
    expect(blueGreenSummary(r)).toContain(`⛔ The line is stopped: ${STOPPED}.`);
    expect(await weights()).toEqual({ blue: 100, green: 0 });
  }, 60_000);
});
