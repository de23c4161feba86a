// blue-green's execution over an in-memory app (no Azure, no HTTP): what each failure leaves the traffic at.
import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import type { Aca } from '../../../src/azure/aca.js';
import { measurementsOf, TrafficChangedError, type BlueGreenDeps } from '../../../src/bluegreen/context.js';
import { trafficSetCommand } from '../../../src/bluegreen/plan.js';
import { runBlueGreen } from '../../../src/bluegreen/run.js';
import { PromoteRefusedError } from '../../../src/bluegreen/change-control.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import type { SmokeReport } from '../../../src/smoke/summary.js';
import { describeTraffic, type TrafficEntry } from '../../../src/revisions/traffic.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

const A = 'app';
const r = (s: string) => `${A}--${s}`;
const BEFORE: TrafficEntry[] = [
  { revisionName: r('v1'), label: 'blue', weight: 100 },
  { revisionName: r('v2'), label: 'green', weight: 0 },
];

/** An app held in memory; `failOn` makes the named operation throw (the n-th call of it when given). */
function fakeApp(
  failOn: { op: string; call?: number; message?: string }[] = [],
  /** Another writer: changes the list right after this run's n-th traffic write. */
  other?: { after: number; traffic: TrafficEntry[] },
  initial: readonly TrafficEntry[] = BEFORE,
) {
  const revision = (name: string, i: number) => ({
    name,
    createdTime: new Date(Date.UTC(2026, 0, i + 1)),
    template: { containers: [{ name: 'c', image: `reg.io/a@sha256:${i}` }] },
  });
  const fx = newAcaFixture({
    name: A,
    revisions: [revision(r('v1'), 0), revision(r('v2'), 1)],
    traffic: initial,
  });
  for (const f of failOn) fx.fail(f.op, new Error(f.message ?? `${f.op} failed (injected)`), f);
  fx.after('patchTraffic', (_c, n) => {
    if (other && n === other.after) fx.setTraffic(other.traffic);
  });
  return { aca: fx.aca, calls: fx.trace, traffic: fx.traffic };
}

const passed = { passed: true, checks: [], failures: [] } as unknown as SmokeReport;

function deps(aca: Aca, extra: Partial<BlueGreenDeps> = {}): BlueGreenDeps {
  return {
    aca,
    prove: async (req) => `${req.url.href} answered 200`,
    smoke: async () => passed,
    sleep: async () => undefined,
    ...extra,
  };
}

const settings = (values: Record<string, string>) =>
  readBlueGreenSettings(
    (n) =>
      ({
        'subscription-id': '00000000-0000-0000-0000-000000000001',
        'resource-group': 'rg',
        app: A,
        ...values,
      })[n] ?? '',
    { env: { GITHUB_WORKSPACE: resolve('.') } },
  );

describe('runBlueGreen: freeze windows', () => {
  // Thursday 2026-01-08: 14:20 UTC is 09:20 in New York, five minutes before a 09:25 window opens.
  const BEFORE_OPEN = Date.UTC(2026, 0, 8, 14, 20);
  const FREEZE = 'Mon-Fri 09:25-16:05 America/New_York';

  it('refuses a promote step that would start inside a window which opened during the promotion, and restores', async () => {
    const fake = fakeApp();
    let clock = BEFORE_OPEN;
    const s = settings({ command: 'promote', steps: '10,50,100', 'step-wait': '5m', freeze: FREEZE });
    const run = runBlueGreen(
      s,
      deps(fake.aca, {
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      }),
    );
    await expect(run).rejects.toThrow(/freeze window 'Mon-Fri 09:25-16:05 America\/New_York' is in force/);
    await expect(run).rejects.toThrow(/restored/);
    expect(fake.traffic()).toEqual(BEFORE);
    // 10% was written before the window; 50% (at 09:25 New York) never was.
    expect(fake.calls.filter((c) => c.startsWith('traffic'))).toEqual([
      'traffic blue=app--v1@90, green=app--v2@10',
      `traffic ${describeTraffic(BEFORE)}`,
    ]);
  });

  it('lets an overridden promote run through a window that opens during it', async () => {
    const fake = fakeApp();
    let clock = BEFORE_OPEN;
    const s = settings({
      command: 'promote',
      steps: '10,50,100',
      'step-wait': '5m',
      freeze: FREEZE,
      'override-freeze': 'hotfix for incident 1234',
    });
    const result = await runBlueGreen(
      s,
      deps(fake.aca, {
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      }),
    );
    expect(result.productionRevision).toBe(r('v2'));
  });
});

describe('runBlueGreen: market calendar and stop the line', () => {
  const CALENDAR =
    'exchange: deploy/calendar/nyse.yaml\nmargin: 15m\nallow: [Mon-Fri 06:00-21:00 America/New_York]';
  const STOPPED = 'incident 1234: broker outage';
  const MID_PROMOTE: TrafficEntry[] = [
    { revisionName: r('v1'), label: 'blue', weight: 50 },
    { revisionName: r('v2'), label: 'green', weight: 50 },
  ];

  it('refuses the step of a promote that the allow window closed on, and restores', async () => {
    const fake = fakeApp();
    let clock = Date.parse('2026-12-09T01:50:00Z'); // Tuesday 20:50 in New York; the window closes at 21:00
    const s = settings({ command: 'promote', steps: '10,50,100', 'step-wait': '5m', calendar: CALENDAR });
    const run = runBlueGreen(
      s,
      deps(fake.aca, {
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      }),
    );
    await expect(run).rejects.toThrow(/refused by the market calendar: outside every allow window/);
    expect(fake.traffic()).toEqual(BEFORE);
    expect(fake.calls.filter((c) => c.startsWith('traffic'))).toEqual([
      'traffic blue=app--v1@90, green=app--v2@10',
      'traffic blue=app--v1@50, green=app--v2@50',
      `traffic ${describeTraffic(BEFORE)}`,
    ]);
  });

  it('stop the line refuses promote before any write', async () => {
    const fake = fakeApp();
    const run = runBlueGreen(settings({ command: 'promote', 'stop-the-line': STOPPED }), deps(fake.aca));
    await expect(run).rejects.toThrow(/the line is stopped: incident 1234: broker outage/);
    await expect(run).rejects.toBeInstanceOf(PromoteRefusedError);
    expect(fake.calls.filter((c) => c.startsWith('traffic'))).toEqual([]);
  });

  it.each([
    ['rollback', BEFORE.map((e) => ({ ...e, weight: 100 - (e.weight ?? 0) })), r('v1')],
    ['abort', MID_PROMOTE, r('v1')],
  ])(
    '%s runs through a stopped line on a holiday and says the line is stopped',
    async (command, initial, production) => {
      const fake = fakeApp([], undefined, initial);
      const s = settings({ command, calendar: CALENDAR, 'stop-the-line': STOPPED });
      const result = await runBlueGreen(s, deps(fake.aca, { now: () => Date.parse('2026-12-25T17:00:00Z') }));
      expect(result.productionRevision).toBe(production);
      expect(result.stopTheLine).toBe(STOPPED);
      expect(fake.traffic().find((e) => e.label === 'blue')?.weight).toBe(100);
    },
  );
});

describe('runBlueGreen: the digest of production', () => {
  const DIGEST = `sha256:${'c0'.repeat(32)}`;
  it.each([
    ['promote', `reg.io/a@${DIGEST}`, r('v2'), DIGEST],
    ['rollback', 'reg.io/a:1.0.0', r('v1'), undefined],
  ])('%s to a revision whose image is %s: digest %s', async (command, image, production, digest) => {
    const initial =
      command === 'rollback' ? BEFORE.map((e) => ({ ...e, weight: 100 - (e.weight ?? 0) })) : BEFORE;
    const fx = newAcaFixture({
      name: A,
      revisions: [r('v1'), r('v2')].map((name, i) => ({
        name,
        createdTime: new Date(Date.UTC(2026, 0, i + 1)),
        template: {
          containers: [
            { name: 'c', image: name === production ? image : `reg.io/a@sha256:${'0'.repeat(64)}` },
          ],
        },
      })),
      traffic: initial,
    });
    const result = await runBlueGreen(settings({ command }), deps(fx.aca));
    expect(result.productionRevision).toBe(production);
    expect(result.productionDigest).toBe(digest);
  });
});

describe('runBlueGreen: failures after traffic moved', () => {
  it('a failed deactivation of the old production after a finished promote keeps the promoted traffic', async () => {
    const fake = fakeApp([{ op: 'deactivate', message: 'ARM timed out' }]);
    const s = settings({ command: 'promote', 'keep-previous-active': 'false' });
    const run = runBlueGreen(s, deps(fake.aca));
    await expect(run).rejects.toThrow(/ARM timed out/);
    await expect(run).rejects.toThrow(/green=app--v2@100/);
    // Never written back onto a revision whose deactivation may have half happened.
    expect(fake.traffic()).toEqual([
      { revisionName: r('v1'), label: 'blue', weight: 0 },
      { revisionName: r('v2'), label: 'green', weight: 100 },
    ]);
    expect(fake.calls.filter((c) => c.startsWith('traffic'))).toHaveLength(1);
  });

  it('a failed deactivation in a teardown names the traffic left and the re-run', async () => {
    const fake = fakeApp([{ op: 'deactivate', message: 'HTTP 500' }], undefined, [
      { revisionName: r('v1'), label: 'blue', weight: 100 },
      { revisionName: r('v2'), label: 'pr-3', weight: 0 },
    ]);
    const run = runBlueGreen(settings({ command: 'teardown', label: 'pr-3' }), deps(fake.aca));
    await expect(run).rejects.toThrow(
      /^teardown finished and the traffic stays \[blue=app--v1@100\], but deactivating app--v2 failed: HTTP 500; .*run the teardown again/,
    );
  });

  it('a failed restore names the traffic now in force and how to put it back', async () => {
    const fake = fakeApp([
      { op: 'patchTraffic', call: 2, message: 'HTTP 500 on the second write' },
      { op: 'patchTraffic', call: 3, message: 'HTTP 500 on the restore' },
    ]);
    const s = settings({ command: 'promote', steps: '10,50,100' });
    const run = runBlueGreen(s, deps(fake.aca));
    await expect(run).rejects.toThrow(/HTTP 500 on the second write/);
    await expect(run).rejects.toThrow(/HTTP 500 on the restore/);
    // What the app serves now (read back after the failed restore), and the exact list to restore.
    await expect(run).rejects.toThrow(/traffic now in force: \[blue=app--v1@90, green=app--v2@10\]/);
    await expect(run).rejects.toThrow(
      'az containerapp ingress traffic set --name app --resource-group rg --label-weight blue=100 green=0',
    );
  });

  it('a failing gate restores the exact earlier traffic', async () => {
    const fake = fakeApp();
    let gates = 0;
    const s = settings({ command: 'promote', steps: '10,50,100', checks: '- path: /health' });
    const failing = async () =>
      ++gates < 2
        ? passed
        : ({ passed: false, checks: [], failures: ['GET /health: 500'] } as unknown as SmokeReport);
    await expect(runBlueGreen(s, deps(fake.aca, { smoke: failing }))).rejects.toThrow(
      /traffic was restored to \[blue=app--v1@100, green=app--v2@0\]/,
    );
    expect(fake.traffic()).toEqual(BEFORE);
  });
});

describe('runBlueGreen: a promote resumed after a kill', () => {
  const SPLIT: TrafficEntry[] = [
    { revisionName: r('v1'), label: 'blue', weight: 50 },
    { revisionName: r('v2'), label: 'green', weight: 50 },
  ];
  it('a failing gate puts the traffic back where the promotion started, not at the split it found', async () => {
    const fake = fakeApp([], undefined, SPLIT);
    const failing = async () =>
      ({ passed: false, checks: [], failures: ['GET /health: 500'] }) as unknown as SmokeReport;
    const run = runBlueGreen(
      settings({ command: 'promote', steps: '10,50,100' }),
      deps(fake.aca, { smoke: failing }),
    );
    await expect(run).rejects.toThrow(/restored to \[blue=app--v1@100, green=app--v2@0\]/);
    expect(fake.traffic()).toEqual(BEFORE);
  });
});

describe('runBlueGreen: another writer', () => {
  const THEIRS: TrafficEntry[] = [
    { revisionName: r('v1'), label: 'blue', weight: 100 },
    { revisionName: r('v3'), label: 'green', weight: 0 },
  ];
  it('stops before its next step when the traffic changed under it, and writes nothing over the change', async () => {
    const fake = fakeApp([], { after: 1, traffic: THEIRS });
    const run = runBlueGreen(settings({ command: 'promote', steps: '10,50,100' }), deps(fake.aca));
    await expect(run).rejects.toThrow(TrafficChangedError);
    await expect(run).rejects.toThrow(
      /expected \[blue=app--v1@90, green=app--v2@10\], found \[blue=app--v1@100, green=app--v3@0\]/,
    );
    expect(fake.traffic()).toEqual(THEIRS);
    expect(fake.calls.filter((c) => c.startsWith('traffic'))).toHaveLength(1);
  });
  it('a change between its first read and its first write is not overwritten either', async () => {
    const fake = fakeApp();
    let reads = 0;
    const getApp = fake.aca.getApp.bind(fake.aca);
    fake.aca.getApp = async (name: string) => {
      const app = await getApp(name);
      if (++reads > 1) app!.configuration!.ingress!.traffic = THEIRS;
      return app;
    };
    await expect(runBlueGreen(settings({ command: 'promote' }), deps(fake.aca))).rejects.toThrow(
      TrafficChangedError,
    );
    expect(fake.calls.filter((c) => c.startsWith('traffic'))).toEqual([]);
  });
});

describe('trafficSetCommand', () => {
  it.each([
    [BEFORE, '--label-weight blue=100 green=0'],
    [
      [
        { revisionName: r('v1'), label: 'pr-1', weight: 0 },
        { revisionName: r('v2'), weight: 0 },
        { latestRevision: true, weight: 100 },
      ],
      '--label-weight pr-1=0 --revision-weight app--v2=0 latest=100',
    ],
  ])('%#: sets every entry', (traffic, args) => {
    expect(trafficSetCommand(A, 'rg', traffic)).toBe(
      `az containerapp ingress traffic set --name app --resource-group rg ${args}`,
    );
  });
});

describe('runBlueGreen: metric analysis', () => {
  const ANALYSIS =
    'interval: 1m\nmetrics:\n  - {name: server-errors, metric: Requests, status: 5xx, max: 5/hour scaled}';
  /** A metrics source: 5xx of the candidate per call (undefined: no data), the traffic of its revision 100. */
  const monitor = (given: Array<number | undefined>) => {
    const asked: string[] = [];
    const errors = [...given];
    return {
      asked,
      provider: {
        sample: async (_m: unknown, revision: string) => {
          asked.push(revision);
          const e = errors.shift();
          return e === undefined
            ? ({ kind: 'no-data', why: `no Requests data for ${revision} in the window` } as const)
            : ({ kind: 'value', value: e, total: 100 } as const);
        },
      },
    };
  };
  const promote = (extra: Record<string, string> = {}) =>
    settings({ command: 'promote', steps: '10,50,100', 'step-wait': '1m', analysis: ANALYSIS, ...extra });
  const writes = (calls: string[]) =>
    calls.filter((c) => c.startsWith('traffic')).map((c) => c.replace(/^traffic /, ''));
  const [S10, S50, S100, BACK] = [
    'blue=app--v1@90, green=app--v2@10',
    'blue=app--v1@50, green=app--v2@50',
    'blue=app--v1@0, green=app--v2@100',
    'blue=app--v1@100, green=app--v2@0',
  ];

  it.each<[string, Record<string, string>, Array<number | undefined>, RegExp | undefined, string[]]>([
    ['every step passes: promoted', {}, [0, 0, 0], undefined, [S10, S50, S100]],
    [
      'a failure at 10%: aborted to where the promote started',
      {},
      [1],
      /promote failed and the traffic was restored to \[blue=app--v1@100, green=app--v2@0\]: analysis failed: server-errors = 1 \(threshold <= 0.08333 \(5\/hour scaled\)\).*during step 10%/,
      [S10, BACK],
    ],
    [
      'a failure at 50%: aborted, not left at 50',
      {},
      [0, 2],
      /analysis failed: server-errors = 2 .*during step 50%/,
      [S10, S50, BACK],
    ],
    [
      'no data past the inconclusive limit (2): halted and aborted',
      {},
      [undefined, undefined, undefined],
      /analysis inconclusive past the limit: server-errors = no value .*a release never passes on missing data/,
      [S10, S50, S100, BACK],
    ],
    [
      'a failure during the watch: rolled back to the previous revision',
      { watch: '2m' },
      [0, 0, 0, 0, 3],
      /promote reached 100% but the watch failed; rolled back to the previous revision app--v1 .*server-errors = 3 .*during watch/,
      [S10, S50, S100, BACK],
    ],
    [
      'dry-run: measures and reports, never acts',
      { 'analysis-mode': 'dry-run', watch: '1m' },
      [5, 5, 5, 5],
      undefined,
      [S10, S50, S100],
    ],
  ])('%s', async (_what, extra, errors, failure, expectedWrites) => {
    const fake = fakeApp();
    const m = monitor(errors);
    let clock = Date.UTC(2026, 0, 3);
    const run = runBlueGreen(
      promote(extra),
      deps(fake.aca, { monitor: m.provider, now: () => clock, sleep: async (ms) => void (clock += ms) }),
    );
    if (failure) {
      await expect(run).rejects.toThrow(failure);
      const error = await run.catch((e: unknown) => e);
      expect(measurementsOf(error).length).toBeGreaterThan(0);
    } else {
      const result = await run;
      expect(result.analysis?.length).toBe(errors.length);
    }
    expect(writes(fake.calls)).toEqual(expectedWrites);
    expect(m.asked.every((r) => r === 'app--v2')).toBe(true);
  });

  it('rollback and abort never wait for analysis', async () => {
    for (const command of ['rollback', 'abort']) {
      const fake = fakeApp([], undefined, [
        { revisionName: r('v1'), label: 'blue', weight: 0 },
        { revisionName: r('v2'), label: 'green', weight: 100 },
      ]);
      const m = monitor([]);
      await runBlueGreen(
        settings({ command, analysis: ANALYSIS, watch: '5m' }),
        deps(fake.aca, { monitor: m.provider }),
      );
      expect(m.asked).toEqual([]);
    }
  });

  it('watch without analysis is refused before anything is read', () => {
    expect(() => settings({ command: 'promote', watch: '5m' })).toThrow(
      /Input 'watch' .*allowed only with analysis/,
    );
  });
});

describe('runBlueGreen: the steps', () => {
  const ROLLED = [
    { revisionName: r('v1'), label: 'blue', weight: 0 },
    { revisionName: r('v2'), label: 'green', weight: 100 },
  ];
  it.each([
    [
      'promote 50,100 with a step wait',
      { command: 'promote', steps: '50,100', 'step-wait': '1m' },
      BEFORE,
      [
        'read',
        'freeze-check',
        'plan',
        'prepare',
        'ready',
        'shift',
        'pause',
        'gate',
        'shift',
        'pause',
        'gate',
      ],
    ],
    ['rollback', { command: 'rollback' }, ROLLED, ['read', 'plan', 'prepare', 'ready', 'shift']],
    ['status', { command: 'status' }, BEFORE, ['read']],
  ])('%s: one straight list of named steps', async (_what, values, initial, steps) => {
    const fake = fakeApp([], undefined, initial);
    const seen: string[] = [];
    await runBlueGreen(settings(values), deps(fake.aca, { trace: (step) => seen.push(step) }));
    expect(seen).toEqual(values.command === 'status' ? steps : [...steps, 'housekeeping']);
  });
});
