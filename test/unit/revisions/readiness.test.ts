// The readiness decision, table-driven: one poll's revision states and replicas (as ACA's replica API reports
// them), what the loop remembered, and the verdict.
import { describe, expect, it } from '@jest/globals';
import type { Replica, Revision, Template } from '@azure/arm-appcontainers';
import { parseSpec } from '../../../src/core/app-spec.js';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_GRACE_MS,
  describeContainer,
  graceWindowMs,
  judgeReadiness,
  MIN_GRACE_MS,
  RESTART_LIMIT,
  type ReadinessPolicy,
  type ReadinessVerdict,
  type ReadinessWatch,
} from '../../../src/revisions/readiness.js';
import type { RevisionState } from '../../../src/azure/aca.js';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../../../src/core/inputs.js';

const seed = parseSpec(readFileSync('deploy/containerapp.yaml', 'utf8'), 'deploy/containerapp.yaml');
const seedTemplate = seed.template as Template;

describe('graceWindowMs', () => {
  it.each<[string, Template | undefined, number]>([
    ["the seed's probes: liveness 10 + 10 x 3 beats readiness 2 + 5 x 3", seedTemplate, 40_000],
    ['no template', undefined, DEFAULT_GRACE_MS],
    ['no probes', { containers: [{ name: 'a', image: 'i' }] }, DEFAULT_GRACE_MS],
    [
      'defaults for the fields left out (0 + 10 x 3)',
      { containers: [{ name: 'a', probes: [{ type: 'Liveness' }] }] },
      30_000,
    ],
    [
      'a startup probe comes first: 5 + 2 x 10, then readiness 0 + 1 x 3',
      {
        containers: [
          {
            name: 'a',
            probes: [
              { type: 'Startup', initialDelaySeconds: 5, periodSeconds: 2, failureThreshold: 10 },
              { type: 'Readiness', periodSeconds: 1, failureThreshold: 3 },
            ],
          },
        ],
      },
      28_000,
    ],
    [
      'the longest container wins',
      {
        containers: [
          { name: 'a', probes: [{ type: 'Readiness', periodSeconds: 1, failureThreshold: 20 }] },
          { name: 'b', probes: [{ type: 'Liveness', periodSeconds: 30, failureThreshold: 2 }] },
        ],
      },
      60_000,
    ],
    [
      'never below the minimum',
      { containers: [{ name: 'a', probes: [{ type: 'Readiness', periodSeconds: 1, failureThreshold: 1 }] }] },
      MIN_GRACE_MS,
    ],
  ])('%s', (_name, template, expected) => {
    expect(graceWindowMs(template)).toBe(expected);
  });
});

const rev = (o: Partial<Revision> = {}): Revision => ({
  provisioningState: 'Provisioned',
  runningState: 'Running',
  healthState: 'Healthy',
  active: true,
  replicas: 1,
  template: seedTemplate,
  ...o,
});
const starting = rev({ runningState: 'Activating', healthState: 'None', replicas: 0 });
const degraded = rev({ runningState: 'Degraded', healthState: 'Unhealthy', replicas: 0 });
const provisioning = rev({
  provisioningState: 'Provisioning',
  runningState: 'Processing',
  healthState: 'None',
});

const replica = (container: Record<string, unknown>, init: Record<string, unknown>[] = []): Replica => ({
  name: 'app--v2-abc123',
  runningState: container.runningState === 'Running' ? 'Running' : 'NotRunning',
  containers: [
    {
      name: 'alc-algo-agents',
      ready: false,
      started: true,
      restartCount: 0,
      runningState: 'Running',
      ...container,
    },
  ],
  initContainers: init,
});
const healthy = replica({ ready: true });
const restarting = (n: number) =>
  replica({
    restartCount: n,
    runningStateDetails:
      'Container is running but not ready: readiness probe GET /ready returned HTTP 404; last restart: liveness probe GET /health returned HTTP 404',
  });
const crashLoop = replica({
  runningState: 'Waiting',
  started: false,
  restartCount: 2,
  runningStateDetails: 'Container is waiting with reason: CrashLoopBackOff',
});
/** Live Azure's answer while the image downloads (test_containerapp_replica_commands.yaml, as issue 21 quotes it). */
const pulling = replica({
  runningState: 'Waiting',
  started: false,
  ready: false,
  restartCount: 0,
  runningStateDetails: 'Container is waiting with reason: PullingImage on legion.',
});
const creating = replica({
  runningState: 'Waiting',
  started: false,
  runningStateDetails: 'Container is waiting with reason: ContainerCreating',
});

const T0 = 1_000_000;
const DEADLINE = T0 + 600_000; // wait-timeout 10m
const S = 1000;

interface Row {
  name: string;
  revision?: RevisionState;
  replicas?: Replica[];
  watch?: ReadinessWatch;
  at?: number;
  policy?: ReadinessPolicy;
  verdict: 'ready' | 'wait' | 'fail';
  why?: RegExp;
  detail?: RegExp;
  /** The watch after the poll, its restart baseline aside. */
  nextWatch?: ReadinessWatch;
  baseline?: Record<string, number>;
}

const rows: Row[] = [
  { name: 'not shown by ARM yet', verdict: 'wait', nextWatch: {} },
  {
    name: 'not shown by ARM at the deadline',
    at: DEADLINE,
    verdict: 'fail',
    why: /^did not appear in time$/,
  },
  {
    name: 'still provisioning, long after the write: only the deadline bounds it',
    revision: provisioning,
    replicas: [],
    at: T0 + 500 * S,
    watch: {},
    verdict: 'wait',
    nextWatch: {},
  },
  {
    name: 'still provisioning at the deadline',
    revision: provisioning,
    replicas: [],
    at: DEADLINE,
    verdict: 'fail',
    why: /^did not become Provisioned, Running and Healthy in time$/,
  },
  { name: 'Provisioned, Running, Healthy', revision: rev(), replicas: [healthy], verdict: 'ready' },
  {
    name: 'ready even when its replicas could not be read (the states and the URL proof still gate it)',
    revision: rev(),
    replicas: undefined,
    verdict: 'ready',
  },
  {
    name: 'RunningAtMaxScale counts as running',
    revision: rev({ runningState: 'RunningAtMaxScale' }),
    verdict: 'ready',
  },
  {
    name: 'provisioning Failed: at once, with its container',
    revision: rev({ provisioningState: 'Failed', runningState: 'Failed', healthState: 'Unhealthy' }),
    replicas: [
      replica({
        runningState: 'Terminated',
        started: false,
        runningStateDetails: 'Container exited with code 3: bye',
      }),
    ],
    verdict: 'fail',
    why: /^failed$/,
    detail:
      /container alc-algo-agents \(replica app--v2-abc123\): Terminated, not ready, restartCount 0, last reason: Container exited with code 3: bye/,
  },
  {
    name: 'ActivationFailed (ACA gave up on it): at once',
    revision: rev({ runningState: 'ActivationFailed', healthState: 'Unhealthy' }),
    replicas: [restarting(1)],
    verdict: 'fail',
    why: /^failed$/,
    detail: /restartCount 1/,
  },
  {
    name: 'restartCount at the limit: at once, even before the grace window',
    revision: degraded,
    replicas: [restarting(RESTART_LIMIT)],
    watch: { startedAt: T0, troubleSince: T0, baseline: {} },
    at: T0 + 12 * S,
    verdict: 'fail',
    why: /^is crash-looping: container alc-algo-agents restarted 3 times while this run waited \(the limit is 3\)$/,
    detail:
      /Running, not ready, restartCount 3, last reason: .*last restart: liveness probe GET \/health returned HTTP 404/,
  },
  {
    name: 'restartCount at the limit wins over a Healthy revision',
    revision: rev(),
    replicas: [healthy, restarting(4)],
    watch: { baseline: {} },
    verdict: 'fail',
    why: /crash-looping/,
  },
  {
    name: 'a lower limit from the policy',
    revision: degraded,
    replicas: [restarting(1)],
    watch: { baseline: {} },
    policy: { restartLimit: 1 },
    verdict: 'fail',
    why: /restarted 1 times while this run waited \(the limit is 1\)/,
  },
  {
    name: 'an init container that keeps restarting',
    revision: starting,
    replicas: [
      replica({ runningState: 'Waiting' }, [
        { name: 'migrate', restartCount: 5, runningState: 'Terminated', runningStateDetails: 'Error' },
      ]),
    ],
    watch: { baseline: {} },
    verdict: 'fail',
    why: /^is crash-looping: init container migrate restarted 5 times/,
    detail: /^init container migrate/,
  },
  {
    name: 'the first read of the replicas sets the baseline of restarts',
    revision: degraded,
    replicas: [restarting(2)],
    watch: { startedAt: T0 },
    at: T0 + 4 * S,
    verdict: 'wait',
    baseline: { 'app--v2-abc123/alc-algo-agents': 2 },
  },
  {
    name: 'restarts from before this wait do not count: a re-proven revision that restarted 5 times is ready',
    revision: rev(),
    replicas: [replica({ ready: true, restartCount: 5 })],
    verdict: 'ready',
  },
  {
    name: "a replica created since freshSince is this run's: all its restarts count at the first read",
    revision: degraded,
    replicas: [{ ...restarting(3), createdTime: new Date(T0 - 20 * S) }],
    policy: { freshSince: T0 - 60 * S },
    verdict: 'fail',
    why: /restarted 3 times while this run waited/,
  },
  {
    name: 'a replica created before freshSince: its restarts at the first read are history',
    revision: degraded,
    replicas: [{ ...restarting(3), createdTime: new Date(T0 - 3600 * S) }],
    policy: { freshSince: T0 - 60 * S },
    verdict: 'wait',
    baseline: { 'app--v2-abc123/alc-algo-agents': 3 },
  },
  {
    name: 'restarts from before this wait do not count, new ones do',
    revision: degraded,
    replicas: [restarting(7)],
    watch: { startedAt: T0, troubleSince: T0, baseline: { 'app--v2-abc123/alc-algo-agents': 4 } },
    at: T0 + 30 * S,
    verdict: 'fail',
    why: /restarted 3 times while this run waited/,
    detail: /restartCount 7/,
  },
  {
    name: 'a replica that appears during the wait counts from 0',
    revision: degraded,
    replicas: [restarting(3)],
    watch: { startedAt: T0, baseline: { 'app--v2-other/alc-algo-agents': 0 } },
    at: T0 + 20 * S,
    verdict: 'fail',
    why: /crash-looping/,
  },
  {
    name: 'restarts below the limit, Degraded, within the grace window: wait',
    revision: degraded,
    replicas: [restarting(2)],
    watch: { startedAt: T0, troubleSince: T0 + 3 * S },
    at: T0 + 20 * S,
    verdict: 'wait',
    nextWatch: { startedAt: T0, troubleSince: T0 + 3 * S },
  },
  {
    name: 'Degraded past the grace window (the seed: 40 s from when it was provisioned)',
    revision: degraded,
    replicas: [restarting(1)],
    watch: { startedAt: T0, troubleSince: T0 + 3 * S },
    at: T0 + 40 * S,
    verdict: 'fail',
    why: /^stayed Degraded and Unhealthy past its grace window of 40 s \(from its probes/,
    detail: /restartCount 1, last reason: Container is running but not ready/,
  },
  {
    name: 'first seen Degraded just past the window: one poll is not enough',
    revision: degraded,
    replicas: [restarting(1)],
    watch: { startedAt: T0 },
    at: T0 + 41 * S,
    verdict: 'wait',
    nextWatch: { startedAt: T0, troubleSince: T0 + 41 * S },
  },
  {
    name: 'the grace window starts at the first poll that sees it provisioned',
    revision: degraded,
    replicas: [restarting(1)],
    watch: {},
    at: T0 + 300 * S,
    verdict: 'wait',
    nextWatch: { startedAt: T0 + 300 * S, troubleSince: T0 + 300 * S },
  },
  {
    name: 'a container Waiting in CrashLoopBackOff past the window, the revision not yet Unhealthy',
    revision: starting,
    replicas: [crashLoop],
    watch: { startedAt: T0, troubleSince: T0 + 10 * S },
    at: T0 + 45 * S,
    verdict: 'fail',
    why: /^stayed not ready past its grace window of 40 s/,
    detail:
      /Waiting, not ready, restartCount 2, last reason: Container is waiting with reason: CrashLoopBackOff/,
  },
  {
    name: 'Waiting while the container is created is not trouble',
    revision: starting,
    replicas: [creating],
    watch: { startedAt: T0 },
    at: T0 + 100 * S,
    verdict: 'wait',
    nextWatch: { startedAt: T0 },
  },
  {
    name: 'an init container that completed is not trouble',
    revision: starting,
    replicas: [
      replica({}, [{ name: 'migrate', runningState: 'Terminated', runningStateDetails: 'Completed' }]),
    ],
    watch: { startedAt: T0 },
    at: T0 + 100 * S,
    verdict: 'wait',
  },
  {
    name: 'trouble that clears resets its run',
    revision: starting,
    replicas: [replica({ ready: true })],
    watch: { startedAt: T0, troubleSince: T0 + 5 * S },
    at: T0 + 50 * S,
    verdict: 'wait',
    nextWatch: { startedAt: T0 },
  },
  {
    name: 'Activating, its container running but never ready, past the window: fails (not only the deadline)',
    revision: starting,
    replicas: [replica({})],
    watch: { startedAt: T0, troubleSince: T0 },
    at: T0 + 42 * S,
    verdict: 'fail',
    why: /^stayed not ready past its grace window of 40 s/,
    detail: /Running, not ready, restartCount 0/,
  },
  {
    name: 'Activating, its container running but not ready yet, within the window: wait',
    revision: starting,
    replicas: [replica({})],
    watch: { startedAt: T0, troubleSince: T0 },
    at: T0 + 30 * S,
    verdict: 'wait',
  },
  {
    name: 'a runningStateDetails naming a configuration error counts even when the replicas cannot be read',
    revision: {
      ...starting,
      runningStateDetails: 'The TargetPort 8080 does not match the listening port 80.',
    },
    replicas: undefined,
    watch: { startedAt: T0, troubleSince: T0 },
    at: T0 + 41 * S,
    verdict: 'fail',
    why: /^stayed not ready past its grace window of 40 s/,
  },
  {
    name: 'an image still being pulled (live Azure: PullingImage) long past the window: a normal start, wait',
    revision: starting,
    replicas: [pulling],
    watch: {},
    at: T0 + 300 * S,
    verdict: 'wait',
    nextWatch: {},
  },
  {
    name: 'pulling while ARM already says Degraded/Unhealthy: the containers are still starting, wait',
    revision: degraded,
    replicas: [pulling],
    watch: {},
    at: T0 + 300 * S,
    verdict: 'wait',
    nextWatch: {},
  },
  {
    name: 'a replica NotRunning with no containers yet (live Azure, right after the write): wait, no grace yet',
    revision: starting,
    replicas: [{ name: 'app--v2-abc123', runningState: 'NotRunning', containers: [], initContainers: [] }],
    at: T0 + 300 * S,
    verdict: 'wait',
    nextWatch: {},
  },
  {
    name: 'an image that cannot be pulled (ImagePullBackOff) is trouble, past the window',
    revision: starting,
    replicas: [
      replica({
        runningState: 'Waiting',
        started: false,
        runningStateDetails: 'Container is waiting with reason: ImagePullBackOff',
      }),
    ],
    watch: { startedAt: T0, troubleSince: T0 },
    at: T0 + 40 * S,
    verdict: 'fail',
    why: /^stayed not ready past its grace window/,
    detail: /ImagePullBackOff/,
  },
  {
    name: 'Unhealthy at the deadline, still within the window: the deadline, with the container',
    revision: degraded,
    replicas: [restarting(1)],
    watch: { startedAt: DEADLINE - 5 * S, troubleSince: DEADLINE - 5 * S },
    at: DEADLINE,
    verdict: 'fail',
    why: /^did not become Provisioned, Running and Healthy in time$/,
    detail: /restartCount 1/,
  },
  {
    name: 'a grace window from the policy',
    revision: degraded,
    replicas: [restarting(1)],
    watch: { startedAt: T0, troubleSince: T0 },
    at: T0 + 5 * S,
    policy: { graceMs: 5000 },
    verdict: 'fail',
    why: /grace window of 5 s/,
  },
];

describe('judgeReadiness', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const v = judgeReadiness({
      now: row.at ?? T0,
      deadline: DEADLINE,
      revision: row.revision,
      replicas: row.replicas,
      policy: row.policy,
      watch: row.watch ?? {},
    });
    expect(v.kind).toBe(row.verdict);
    if (v.kind === 'fail') {
      expect(v.why).toMatch(row.why ?? /./);
      if (row.detail) expect(v.detail).toMatch(row.detail);
    }
    const { baseline, ...watch } = v.watch;
    if (row.nextWatch) expect(watch).toEqual(row.nextWatch);
    if (row.baseline) expect(baseline).toEqual(row.baseline);
  });

  it('describes a container with its name, state, restart count and last reason', () => {
    expect(
      describeContainer({
        replica: 'r1',
        container: 'app',
        init: false,
        state: 'Waiting',
        ready: false,
        restartCount: 3,
        details: 'CrashLoopBackOff',
      }),
    ).toBe('container app (replica r1): Waiting, not ready, restartCount 3, last reason: CrashLoopBackOff');
  });
});

/**
 * A wait played poll by poll (every `pollMs`, the loop's longest pause) with the default inputs: wait-timeout 10 m,
 * the seed's probes (grace window 40 s). `at(t)` is what ACA answers `t` ms after the write. Returns the first
 * verdict that is not a wait, and when.
 */
function play(
  at: (t: number) => { revision: RevisionState; replicas?: Replica[] },
  pollMs = 2 * S,
): { verdict: ReadinessVerdict; t: number } {
  let watch: ReadinessWatch = {};
  for (let t = 0; ; t += pollMs) {
    const { revision, replicas } = at(t);
    const verdict = judgeReadiness({
      now: T0 + t,
      deadline: T0 + DEFAULT_WAIT_TIMEOUT_MS,
      revision,
      replicas,
      watch,
    });
    if (verdict.kind !== 'wait') return { verdict, t };
    watch = verdict.watch;
  }
}

describe('a wait, poll by poll, with the default inputs (live Azure shapes)', () => {
  const grace = graceWindowMs(seedTemplate);

  it('an image that takes 2 minutes to pull is waited for, then the revision is ready', () => {
    const { verdict, t } = play((t) =>
      t < 120 * S
        ? { revision: starting, replicas: [pulling] }
        : t < 130 * S
          ? { revision: starting, replicas: [replica({})] }
          : { revision: rev(), replicas: [healthy] },
    );
    expect(grace).toBe(40 * S);
    expect(verdict.kind).toBe('ready');
    expect(t).toBe(130 * S);
  });

  it('a port mismatch (Activating, None, containers running, never ready) fails within its grace window plus a poll', () => {
    const mismatch: RevisionState = {
      ...starting,
      replicas: 1,
      runningStateDetails: 'The TargetPort 8080 does not match the listening port 80.',
    };
    const { verdict, t } = play(() => ({ revision: mismatch, replicas: [replica({})] }));
    expect(verdict.kind).toBe('fail');
    expect(t).toBeGreaterThanOrEqual(grace);
    expect(t).toBeLessThanOrEqual(grace + 2 * S);
    expect(verdict.kind === 'fail' && verdict.why).toMatch(/^stayed not ready past its grace window of 40 s/);
  });

  it('the grace window starts when the pull ends: a port mismatch after a 2-minute pull still gets its 40 s', () => {
    const mismatch: RevisionState = {
      ...starting,
      runningStateDetails: 'The TargetPort 8080 does not match the listening port 80.',
    };
    const { verdict, t } = play((t) =>
      t < 120 * S
        ? { revision: starting, replicas: [pulling] }
        : { revision: mismatch, replicas: [replica({})] },
    );
    expect(verdict.kind).toBe('fail');
    expect(t).toBeGreaterThanOrEqual(120 * S + grace);
    expect(t).toBeLessThanOrEqual(120 * S + grace + 2 * S);
  });

  it('a crash (Failed/Failed/Unhealthy, "Container crashing", CrashLoopBackOff with restartCount 0) fails at the first poll', () => {
    const crashed: RevisionState = {
      ...rev({ provisioningState: 'Failed', runningState: 'Failed', healthState: 'Unhealthy' }),
      provisioningError: 'Container crashing: alc-algo-agents',
      runningStateDetails: '1/1 Container crashing: alc-algo-agents',
    };
    const loop = replica({
      runningState: 'Waiting',
      started: false,
      restartCount: 0,
      runningStateDetails: 'Container is waiting with reason: CrashLoopBackOff',
    });
    const { verdict, t } = play(() => ({ revision: crashed, replicas: [loop] }));
    expect(verdict.kind).toBe('fail');
    expect(t).toBe(0);
    expect(verdict.kind === 'fail' && verdict.detail).toMatch(/CrashLoopBackOff/);
  });
});
