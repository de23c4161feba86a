// Aca.restartRevision (the trading handover's escalation) against the simulator's ARM (no containers): ACA's
// POST .../revisions/<revision>/restart through the SDK, and Azure's refusal for an inactive revision.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Aca } from '../../../src/azure/aca.js';
import {
  appSpec,
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';

let s: ControlPlaneSim;
let aca: Aca;

beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false, lroDelayMs: 30 });
  aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 30 });
}, 60_000);
afterAll(async () => s?.stop());

const image = `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'1'.padStart(64, '0')}`;

describe('Aca.restartRevision', () => {
  it('restarts an active revision; an inactive one is refused with Azure’s code', async () => {
    const lines: string[] = [];
    const logged = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 30, log: (l) => lines.push(l) });
    const app = await aca.putApp('alc-algo-restart', appSpec(s.envId, image, { suffix: 'a' }));
    const revision = app.latestRevisionName as string;
    expect(revision).toBe('alc-algo-restart--a');
    await expect(logged.restartRevision('alc-algo-restart', revision)).resolves.toBeUndefined();
    expect(lines).toEqual([`restart ${revision}`]);
    expect((await aca.getRevision('alc-algo-restart', revision))?.active).toBe(true);
    await aca.deactivate('alc-algo-restart', revision);
    await expect(aca.restartRevision('alc-algo-restart', revision)).rejects.toMatchObject({
      code: 'ContainerAppRevisionNotActive',
    });
  });
});
