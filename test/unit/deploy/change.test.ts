import { describe, expect, it } from '@jest/globals';
import { deployChange, deployFailureChange } from '../../../src/deploy/change.js';
import type { DeployResult } from '../../../src/deploy/run.js';
import type { DeploySettings } from '../../../src/deploy/settings.js';

const DIGEST = 'sha256:' + 'a'.repeat(64);
const settings = (over: Partial<DeploySettings> = {}) =>
  ({
    app: 'alc-algo',
    mode: 'production',
    suffix: 'v1-4-0',
    revision: 'alc-algo--v1-4-0',
    image: `reg.azurecr.io/alc@${DIGEST}`,
    ...over,
  }) as DeploySettings;
const result = (over: Partial<DeployResult> = {}) =>
  ({
    app: 'alc-algo',
    revision: 'alc-algo--v1-4-0',
    label: 'green',
    appUrl: 'https://alc-algo.example',
    productionRevision: 'alc-algo--v1-3-0',
    created: false,
    reused: false,
    image: `reg.azurecr.io/alc@${DIGEST}`,
    trafficBefore: [{ revisionName: 'alc-algo--v1-3-0', label: 'blue', weight: 100 }],
    trafficAfter: [],
    ...over,
  }) as DeployResult;

describe('deployChange', () => {
  it('a standby candidate: a release record, no message', () => {
    const r = deployChange(settings(), result())!;
    expect(r).toMatchObject({
      change: 'release',
      outcome: 'succeeded',
      changed: true,
      digest: DIGEST,
      from: 'alc-algo--v1-3-0',
      to: 'alc-algo--v1-3-0',
      window: 'any time (standby)',
    });
    expect(r.notice).toBeUndefined();
  });

  it('a first deploy is a completed release: a message', () => {
    const r = deployChange(
      settings(),
      result({ created: true, productionRevision: 'alc-algo--v1-4-0', trafficBefore: [] }),
    )!;
    expect(r).toMatchObject({ notice: 'released', window: 'first deploy', to: 'alc-algo--v1-4-0' });
    expect(r.from).toBeUndefined();
  });

  it('a re-run that reused the revision changed nothing', () => {
    expect(deployChange(settings(), result({ reused: true }))).toMatchObject({ changed: false });
  });

  it('a preview is no production change', () => {
    expect(deployChange(settings({ mode: 'preview' }), result())).toBeUndefined();
    expect(deployFailureChange(settings({ mode: 'preview' }), new Error('x'))).toBeUndefined();
  });

  it('a failed production deploy: failed, with its error', () => {
    expect(deployFailureChange(settings(), new Error('not ready'))).toMatchObject({
      outcome: 'failed',
      notice: 'failed',
      reason: 'not ready',
      digest: DIGEST,
    });
  });
});
