// The ARM request budget of blue-green (issue #14), counted on the wire against the simulator with 1 s
// long-running operations: rollback to previous and each promote step within 6 requests, every safety check
// still among them (the app read again just before the write, the read-back of the write), and the idle
// revisions found without reading the list again.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { describeWithDocker } from '../../support/docker.js';
import { startDeploySim, type DeploySim } from '../../support/deploy-sim.js';

const APP = 'alc-algo-agents';
const rev = (suffix: string) => `${APP}--${suffix}`;
const APP_PATH = `/containerApps/${APP}`;

/** The requests of one run, named by what they read or write. */
function kinds(calls: readonly string[]): string[] {
  return calls.map((c) => {
    const [method, path] = c.split(' ');
    if (/containerappOperationStatuses/i.test(path)) return 'status';
    if (/containerappOperationResults/i.test(path)) return 'result';
    if (path.endsWith(`${APP_PATH}/revisions`)) return 'list revisions';
    if (path.endsWith(APP_PATH)) return `${method} app`;
    return `${method} ${path.replace(/^.*\/providers\/Microsoft\.App\//i, '')}`;
  });
}

describeWithDocker('ARM request budget', () => {
  let t: DeploySim;
  const blueGreen = async (values: Record<string, string>) => {
    t.calls.length = 0;
    const result = await t.blueGreen({ app: APP, ...values }, t.aca(undefined, { pollMs: 2000 }));
    return { result, requests: kinds(t.calls) };
  };

  beforeAll(async () => {
    t = await startDeploySim({ lroDelayMs: 1000 });
    await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0' });
    await t.deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0' });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('promote with steps 100: 6 requests, the app read again before the write and the write read back', async () => {
    const { result, requests } = await blueGreen({ command: 'promote' });
    expect(result.productionRevision).toBe(rev('v2-0-0'));
    expect(requests.length).toBeLessThanOrEqual(6);
    // Read together, then the read-compare-write: GET app just before the PATCH, one poll (Retry-After), the
    // operation's result as the read-back.
    expect([...requests.slice(0, 2)].sort()).toEqual(['GET app', 'list revisions']);
    expect(requests.slice(2)).toEqual(['GET app', 'PATCH app', 'status', 'result']);
  }, 120_000);

  it('rollback to previous: at most 6 requests, no environment or revision read, no second list', async () => {
    const { result, requests } = await blueGreen({ command: 'rollback' });
    expect(result.productionRevision).toBe(rev('v1-0-0'));
    expect(requests.length).toBeLessThanOrEqual(6);
    expect(requests.filter((r) => r === 'list revisions')).toHaveLength(1);
    expect(requests.some((r) => /managedEnvironments|revisions\//i.test(r))).toBe(false);
    expect(requests.slice(-4)).toEqual(['GET app', 'PATCH app', 'status', 'result']);
  }, 120_000);

  it('promote with steps 10,50,100: the two reads, then 4 requests per step', async () => {
    const { result, requests } = await blueGreen({ command: 'promote', steps: '10,50,100' });
    expect(result.productionRevision).toBe(rev('v2-0-0'));
    expect(requests.length).toBeLessThanOrEqual(2 + 3 * 4);
    expect(requests.filter((r) => r === 'PATCH app')).toHaveLength(3);
  }, 120_000);

  it('a re-run with nothing to do: the two reads only', async () => {
    const { result, requests } = await blueGreen({ command: 'promote' });
    expect(result.log.join('\n')).toMatch(/nothing to promote/);
    expect([...requests].sort()).toEqual(['GET app', 'list revisions']);
  }, 120_000);
});
