// deploy-app verifies what it deploys, before any Azure write: the image's registry and repository are the configured
// ones, and in mode production its digest is the one the release's locked version tag points at in the simulator's
// real registry (read through the ACR facade with the run's own Azure identity, as build-push locks the tag). A build
// job that lies in its outputs cannot choose production's image. The real entry, as a runner starts it on a tag run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readAzureSettings } from '../../../src/azure/connection.js';
import { registryVerifier } from '../../../src/deploy/verify.js';
import { InputError } from '../../../src/core/inputs.js';
import { parseImageRef } from '../../../src/registry/reference.js';
import type { FaultRule } from '../../../sim/types.js';
import { fetchWithCa } from '../../support/build-push.js';
import { RG, startControlPlaneSim, type ControlPlaneSim } from '../../support/control-plane-sim.js';
import { errorLines, ROOT, runEntry, workspaceCa } from '../../support/deploy-sim.js';
import { simAzure, simAzureInputs } from '../../support/sim-azure.js';

const REPO = 'alc-algo-agents';
const WRITES = ['PUT', 'PATCH', 'POST', 'DELETE'];
/** The run of a release tag: deploy-app's version is the tag's. */
const TAG_RUN = { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: 'f'.repeat(40) };

let s: ControlPlaneSim;
let release: string;
let later: string;
let writable: string;
let ca: string;
let inputs: Record<string, string>;

/** ARM requests under Microsoft.App (reads and writes), counted by zero-latency fault rules. */
function countArm(): void {
  for (const method of ['GET', ...WRITES])
    s.sim.faults.add({
      kind: 'latency',
      latencyMs: 1,
      method,
      path: '/providers/Microsoft\\.App/',
    } as FaultRule);
}
const armRequests = (methods: string[]) =>
  s.sim.faults
    .list()
    .filter((r) => r.kind === 'latency' && methods.includes(r.method))
    .reduce((n, r) => n + r.hits, 0);

beforeAll(async () => {
  s = await startControlPlaneSim({ lroDelayMs: 20 });
  release = await s.pushRelease(REPO, '1.2.3');
  later = await s.pushRelease(REPO, '1.2.4');
  await s.push(REPO, '1.2.5');
  writable = `${s.sim.endpoints.registry}/${REPO}@${parseImageRef(release).digest}`;
  ca = workspaceCa(s.sim.caPath, 'deploy-verify');
  inputs = {
    ...simAzureInputs(s.sim.env),
    'resource-group': RG,
    registry: s.sim.endpoints.registry!,
    'revision-suffix': 'v1-2-3',
    'wait-timeout': '3s',
    resolve: s.sim.env.ALC_SIM_RESOLVE,
    'ca-file': ca,
  };
  countArm();
}, 60_000);
afterAll(async () => {
  await s?.stop();
  if (ca) rmSync(join(ROOT, ca), { force: true });
});

describe('deploy-app on a release tag run refuses an image that is not the release, before any Azure request', () => {
  it.each([
    [
      'an image of another registry and repository (a lying build output)',
      () => `docker.io/evil/backdoor@sha256:${'e'.repeat(64)}`,
      /Input 'image' has the invalid value 'docker\.io\/evil\/backdoor@sha256:e{64}': allowed: an image of 127\.0\.0\.1:\d+\/alc-algo-agents by digest.*it is docker\.io\/evil\/backdoor/,
    ],
    [
      'the configured repository at another digest than the locked tag 1.2.3',
      () => later,
      /the image the release 1\.2\.3 pushed, 127\.0\.0\.1:\d+\/alc-algo-agents@sha256:[0-9a-f]{64} \(its locked tag alc-algo-agents:1\.2\.3\); this digest is not it/,
    ],
  ])(
    '%s: one ::error::, exit 1, no ARM request',
    async (_what, image, message) => {
      const before = armRequests(['GET', ...WRITES]);
      const run = await runEntry('deploy-app', { ...inputs, image: image() }, s.sim, TAG_RUN);
      expect(run.status).toBe(1);
      const errors = errorLines(run.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(armRequests(['GET', ...WRITES]) - before).toBe(0);
    },
    60_000,
  );

  it('the release itself passes the verification and the deploy goes on to Azure', async () => {
    const before = armRequests(WRITES);
    const run = await runEntry('deploy-app', { ...inputs, image: release }, s.sim, TAG_RUN);
    expect(run.stdout).toMatch(
      /image verified: 127\.0\.0\.1:\d+\/alc-algo-agents: the locked release tag of 1\.2\.3 points at sha256:/,
    );
    // No container runs here, so the revision never serves: what matters is that the deploy wrote.
    expect(armRequests(WRITES) - before).toBeGreaterThan(0);
  }, 120_000);
});

describe('registryVerifier (the run identity reads the registry through the ACR token exchange)', () => {
  const verifier = () => {
    const { credential } = simAzure(s.sim.env, s.sim.ca);
    const settings = readAzureSettings((n) => simAzureInputs(s.sim.env)[n] ?? '');
    return registryVerifier(settings, credential, {
      log: () => undefined,
      mask: () => undefined,
      options: { fetch: fetchWithCa(s.sim.ca), scheme: 'https' },
    });
  };
  const expected = (version?: string) => ({
    registry: s.sim.endpoints.registry!,
    repository: REPO,
    ...(version ? { version } : {}),
  });
  const verify = (image: string, version?: string) =>
    verifier()(image, parseImageRef(image), expected(version));

  it('passes the image the locked version tag points at', async () => {
    await expect(verify(release, '1.2.3')).resolves.toMatch(
      /locked release tag of 1\.2\.3 points at sha256:/,
    );
  });

  it.each([
    ['a version whose tag is locked at another digest', () => later, '1.2.3', /this digest is not it/],
    [
      'a version whose tag is still writable',
      () => writable,
      '1.2.5',
      /alc-algo-agents:1\.2\.5 \(now sha256:[0-9a-f]{64}\) in .* is still writable/,
    ],
    [
      'a version the registry has no tag of',
      () => release,
      '7.0.0',
      /127\.0\.0\.1:\d+ has no tag alc-algo-agents:7\.0\.0 \(build-push pushes and locks it\)/,
    ],
    [
      'another repository',
      () => `docker.io/evil/backdoor@sha256:${'e'.repeat(64)}`,
      '1.2.3',
      /it is docker\.io\/evil\/backdoor/,
    ],
  ])('refuses %s with an InputError on image', async (_what, image, version, message) => {
    const run = verify(image(), version);
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(message);
  });

  it('a preview (no version) checks the registry and repository only', async () => {
    await expect(verify(later)).resolves.toMatch(/is the configured repository/);
  });
});
