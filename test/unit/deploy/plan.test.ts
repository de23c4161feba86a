// A re-run converges only on the same template (templateDifferences), a new revision never takes weight
// through latestRevision before it is proven (pinLatest, unpinLatest), and a failed step has one recovery
// (recoveryOf): pure functions, table-driven.
import { describe, expect, it } from '@jest/globals';
import type { ContainerApp, Revision, Template } from '@azure/arm-appcontainers';
import {
  latestServing,
  pinLatest,
  recoveryOf,
  templateDifferences,
  unpinLatest,
  type DeployStepName,
} from '../../../src/deploy/plan.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';

const IMG = `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'a'.repeat(64)}`;
const OTHER = `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'b'.repeat(64)}`;

/** The template this run would write. */
function wanted(): Template {
  return {
    revisionSuffix: 'v1-2-3',
    containers: [
      {
        name: 'app',
        image: IMG,
        resources: { cpu: 2, memory: '4Gi' },
        env: [
          { name: 'ALC_ENVIRONMENT', value: 'production' },
          { name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' },
        ],
        probes: [{ type: 'Readiness', httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 }],
      },
    ],
    scale: {
      minReplicas: 1,
      maxReplicas: 10,
      rules: [{ name: 'cpu', custom: { type: 'cpu', metadata: { type: 'Utilization', value: '70' } } }],
    },
  };
}

const change = (f: (t: Template) => void): Template => {
  const t = wanted();
  f(t);
  return t;
};
const app = (t: Template) => t.containers![0];

describe('templateDifferences(revision that exists, what this run would write)', () => {
  it.each<[string, Template, RegExp[]]>([
    ['the same template', wanted(), []],
    [
      'the same, with Azure defaults on the revision (ephemeral storage, probe timeouts, memory spelling)',
      change((t) => {
        app(t).resources = { cpu: 2.0, memory: '4.0Gi', ephemeralStorage: '8Gi' };
        app(t).probes![0].timeoutSeconds = 1;
        t.revisionSuffix = 'other';
      }),
      [],
    ],
    [
      'another image',
      change((t) => (app(t).image = OTHER)),
      [/container app image: .*b{64} \(revision\) vs .*a{64} \(this run\)/],
    ],
    [
      'an added container (the spec adds a sidecar)',
      change((t) => t.containers!.push({ name: 'gw', image: IMG })),
      [/container gw: present \(revision\) vs absent \(this run\)/],
    ],
    [
      'a container missing',
      change((t) => (t.containers = [])),
      [/container app: absent \(revision\) vs present \(this run\)/],
    ],
    [
      'an env value',
      change((t) => (app(t).env![0].value = 'staging')),
      [/env ALC_ENVIRONMENT: staging \(revision\) vs production \(this run\)/],
    ],
    [
      'an env var the run adds (env-vars input)',
      change((t) => app(t).env!.pop()),
      [/env OPENAI_API_KEY: absent \(revision\) vs present \(this run\)/],
    ],
    [
      'a secret reference instead of a value',
      change((t) => (app(t).env![1] = { name: 'OPENAI_API_KEY', value: 'x' })),
      [/env OPENAI_API_KEY: x \(revision\) vs secretRef openai-api-key \(this run\)/],
    ],
    [
      'a probe path',
      change((t) => (app(t).probes![0].httpGet!.path = '/')),
      [/probe readiness\.httpGet\.path: \/ \(revision\) vs \/ready \(this run\)/],
    ],
    [
      'a probe missing',
      change((t) => (app(t).probes = [])),
      [/probe readiness: absent \(revision\) vs present \(this run\)/],
    ],
    ['cpu', change((t) => (app(t).resources!.cpu = 0.5)), [/cpu: 0\.5 \(revision\) vs 2 \(this run\)/]],
    [
      'memory',
      change((t) => (app(t).resources!.memory = '1Gi')),
      [/memory: 1Gi \(revision\) vs 4Gi \(this run\)/],
    ],
    [
      'scale max',
      change((t) => (t.scale!.maxReplicas = 3)),
      [/scale maxReplicas: 3 \(revision\) vs 10 \(this run\)/],
    ],
    [
      'a scale rule threshold',
      change((t) => (t.scale!.rules![0].custom!.metadata!.value = '90')),
      [/scale rule cpu\.custom\.metadata\.value: 90 \(revision\) vs 70 \(this run\)/],
    ],
    [
      'a command',
      change((t) => (app(t).command = ['/bin/sh'])),
      [/container app command: \["\/bin\/sh"\] \(revision\) vs none/],
    ],
    [
      'an init container',
      change((t) => (t.initContainers = [{ name: 'migrate', image: IMG }])),
      [/init container migrate: present \(revision\) vs absent \(this run\)/],
    ],
    [
      'two things at once',
      change((t) => {
        app(t).image = OTHER;
        t.scale!.minReplicas = 0;
      }),
      [/image/, /scale minReplicas: 0/],
    ],
  ])('%s', (_name, revision, expected) => {
    const diff = templateDifferences(revision, wanted());
    expect(diff).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(diff[i]).toMatch(re));
  });

  it('a revision without a template differs in everything this run sets', () =>
    expect(templateDifferences(undefined, wanted()).length).toBeGreaterThan(0));
});

const R = (s: string) => `app--${s}`;

describe('pinLatest(traffic, latest, mode)', () => {
  it.each<[string, TrafficEntry[], 'production' | 'preview', TrafficEntry[]]>([
    [
      'nothing through latestRevision: unchanged',
      [{ revisionName: R('v1'), label: 'blue', weight: 100 }],
      'production',
      [{ revisionName: R('v1'), label: 'blue', weight: 100 }],
    ],
    [
      'latestRevision at weight 0: unchanged',
      [
        { latestRevision: true, weight: 0 },
        { revisionName: R('v1'), weight: 100 },
      ],
      'preview',
      [
        { latestRevision: true, weight: 0 },
        { revisionName: R('v1'), weight: 100 },
      ],
    ],
    [
      'a preview app after its last teardown',
      [{ latestRevision: true, weight: 100 }],
      'preview',
      [{ revisionName: R('v1'), weight: 100 }],
    ],
    [
      'a preview app with other labels at 0',
      [
        { revisionName: R('pr-2-b'), label: 'pr-2', weight: 0 },
        { latestRevision: true, weight: 100 },
      ],
      'preview',
      [
        { revisionName: R('pr-2-b'), label: 'pr-2', weight: 0 },
        { revisionName: R('v1'), weight: 100 },
      ],
    ],
    [
      'production whose first deploy was killed: the revision serving is labelled blue',
      [{ latestRevision: true, weight: 100 }],
      'production',
      [{ revisionName: R('v1'), label: 'blue', weight: 100 }],
    ],
    [
      'two latestRevision entries merge',
      [
        { latestRevision: true, weight: 60 },
        { latestRevision: true, weight: 40 },
      ],
      'preview',
      [{ revisionName: R('v1'), weight: 100 }],
    ],
  ])('%s', (_n, traffic, mode, expected) => expect(pinLatest(traffic, R('v1'), mode)).toEqual(expected));

  it('refuses to pin without a latest revision', () =>
    expect(() => pinLatest([{ latestRevision: true, weight: 100 }], undefined, 'preview')).toThrow(
      /no latest revision to pin it to/,
    ));

  it('unpinLatest turns what this run pinned back into latestRevision, and nothing else', () => {
    const pinned = [{ revisionName: R('v1'), weight: 100 }];
    expect(
      unpinLatest(
        [
          { revisionName: R('pr-2-b'), label: 'pr-2', weight: 0 },
          { revisionName: R('v1'), weight: 100 },
        ],
        pinned,
      ),
    ).toEqual([
      { revisionName: R('pr-2-b'), label: 'pr-2', weight: 0 },
      { latestRevision: true, weight: 100 },
    ]);
    // Someone moved the weight meanwhile: not this run's pin any more.
    expect(
      unpinLatest(
        [
          { revisionName: R('v1'), weight: 50 },
          { revisionName: R('v0'), weight: 50 },
        ],
        pinned,
      ),
    ).toEqual([
      { revisionName: R('v1'), weight: 50 },
      { revisionName: R('v0'), weight: 50 },
    ]);
  });
});

describe('latestServing: the one latest-revision rule, the revision a latestRevision weight really serves', () => {
  const ok: Revision = { provisioningState: 'Provisioned', runningState: 'Running', healthState: 'Healthy' };
  // Live Azure: latestReadyRevisionName naming a Failed revision (Failed/Failed/Unhealthy, "Container crashing")
  // while latestRevisionName holds the weight (test_container_app_mount_nfsazurefile_e2e.yaml).
  const crashed: Revision = {
    provisioningState: 'Failed',
    runningState: 'Failed',
    healthState: 'Unhealthy',
    provisioningError: 'Container crashing: app',
  };
  type Names = Pick<ContainerApp, 'latestRevisionName' | 'latestReadyRevisionName'>;
  it.each<[string, Names, Record<string, Revision>, string | undefined]>([
    ['both the same', { latestRevisionName: 'app--v2', latestReadyRevisionName: 'app--v2' }, {}, 'app--v2'],
    [
      'latestRevisionName first, as Azure reports the weight on it',
      { latestRevisionName: 'app--v3', latestReadyRevisionName: 'app--v2' },
      { 'app--v3': ok, 'app--v2': ok },
      'app--v3',
    ],
    [
      'latestReadyRevisionName naming a Failed revision: never it',
      { latestRevisionName: 'app--v3', latestReadyRevisionName: 'app--v2' },
      { 'app--v3': ok, 'app--v2': crashed },
      'app--v3',
    ],
    [
      'latestRevisionName Failed: the latest ready one serves',
      { latestRevisionName: 'app--v3', latestReadyRevisionName: 'app--v2' },
      { 'app--v3': crashed, 'app--v2': ok },
      'app--v2',
    ],
    [
      'both Failed: nothing',
      { latestRevisionName: 'app--v3', latestReadyRevisionName: 'app--v2' },
      { 'app--v3': crashed, 'app--v2': crashed },
      undefined,
    ],
    // Live Azure answers "" for both while an app is created (the PUT's answer, test_containerapp_replica_commands).
    ['both "": never ""', { latestRevisionName: '', latestReadyRevisionName: '' }, {}, undefined],
    [
      'latestRevisionName "": the latest ready one',
      { latestRevisionName: '', latestReadyRevisionName: 'app--0000001' },
      {},
      'app--0000001',
    ],
    ['neither reported', {}, {}, undefined],
    [
      'a digit-first name ACA made',
      { latestRevisionName: 'app--5vkvuta', latestReadyRevisionName: 'app--5vkvuta' },
      {},
      'app--5vkvuta',
    ],
  ])('%s', (_name, app, states, expected) => {
    expect(latestServing(app, states)).toBe(expected);
  });
});

describe('recoveryOf: what a failed step of a deploy calls for', () => {
  it.each<[DeployStepName | undefined, ReturnType<typeof recoveryOf>]>([
    [undefined, 'none'],
    ['verify', 'none'],
    ['read', 'none'],
    ['guard', 'none'],
    ['prepare', 'none'],
    // The revision may exist (half-written, failed, never proven): it is retired and gets no traffic.
    ['pin', 'retire-revision'],
    ['write', 'retire-revision'],
    ['ready', 'retire-revision'],
    // It is proven but unlabelled: the error says what the app routes now and how to converge.
    ['traffic', 'report-traffic'],
    // The traffic is as planned: deactivating idle revisions failed, nothing to undo.
    ['housekeeping', 'none'],
  ])('%s -> %s', (step, expected) => {
    expect(recoveryOf(step)).toBe(expected);
  });
});
