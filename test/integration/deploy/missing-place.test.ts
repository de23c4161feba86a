// A deploy into a place that does not exist names it as such: a resource group ARM does not know (ARM's
// ResourceGroupNotFound) is the resource-group input's error with the spec's own value beside it, never "the
// managed environment is missing"; a managed environment missing from a group that exists names the spec or the
// input it came from. deploy-app's entry, as a runner starts it, against the simulator (no containers needed).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Aca, EnvironmentNotFound, isResourceGroupMissing } from '../../../src/azure/aca.js';
import {
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { errorLines, runEntry } from '../../support/deploy-sim.js';
import { simAzureInputs } from '../../support/sim-azure.js';

let s: ControlPlaneSim;
let base: Record<string, string>;

beforeAll(async () => {
  s = await startControlPlaneSim({ lroDelayMs: 20 });
  const image = await s.pushRelease('alc-algo-agents', '3.1.4');
  base = {
    ...simAzureInputs(s.sim.env),
    image,
    registry: s.sim.endpoints.registry!,
    version: '3.1.4',
    'revision-suffix': 'v3-1-4',
    'wait-timeout': '5s',
  };
}, 120_000);
afterAll(async () => s?.stop());

describe('the Azure client tells a missing resource group from a missing resource', () => {
  it('getApp in a group that does not exist rejects with ResourceGroupNotFound', async () => {
    const aca = new Aca(sdkClient(s.sim), { resourceGroup: 'quotes-rg' });
    const error = await aca.getApp('quotes-svc').catch((e: unknown) => e);
    expect(isResourceGroupMissing(error)).toBe(true);
  });
  it('getApp of an app that does not exist, in a group that does, is undefined', async () => {
    const aca = new Aca(sdkClient(s.sim), { resourceGroup: RG });
    await expect(aca.getApp('quotes-svc')).resolves.toBeUndefined();
  });
  it('getEnvironment missing from a group that exists is EnvironmentNotFound', async () => {
    const aca = new Aca(sdkClient(s.sim), { resourceGroup: RG });
    const error = await aca.getEnvironment('quotes-env').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentNotFound);
    expect(error).toMatchObject({ environment: 'quotes-env', resourceGroup: RG });
  });
});

describe('deploy-app', () => {
  it('names a resource group that does not exist, with the spec value beside it', async () => {
    const r = await runEntry('deploy-app', { ...base, 'resource-group': 'quotes-rg' }, s.sim);
    expect(r.status).toBe(1);
    const errors = errorLines(r.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      `Input 'resource-group' has the invalid value 'quotes-rg': allowed: a resource group that exists; ` +
        `resource group 'quotes-rg' does not exist in subscription ${s.sim.ids.subscriptionId} ` +
        `(ARM: ResourceGroupNotFound); deploy/containerapp.yaml names resourceGroup '${RG}'`,
    );
    expect(errors[0]).not.toMatch(/[Mm]anaged environment/);
  }, 60_000);

  it('names a managed environment that does not exist and where it came from', async () => {
    const r = await runEntry(
      'deploy-app',
      { ...base, 'resource-group': RG, app: 'quotes-svc', environment: 'quotes-env' },
      s.sim,
    );
    expect(r.status).toBe(1);
    expect(errorLines(r.stdout)).toEqual([
      expect.stringContaining(
        `Managed environment 'quotes-env' does not exist in resource group '${RG}': input environment names it`,
      ),
    ]);
  }, 60_000);
});
