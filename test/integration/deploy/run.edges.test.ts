// deploy-app and blue-green at the edges, against the simulator with real containers: every bad input fails
// before any write (the apps byte-identical), previews get their own app and label and are torn down (twice),
// a deploy killed half way converges when run again.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { createBody } from '../../../src/deploy/plan.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { describeWithDocker, eventually } from '../../support/docker.js';
import {
  errorLines,
  inputs,
  releaseInputs,
  runEntry,
  startDeploySim,
  startEntry,
  type DeploySim,
} from '../../support/deploy-sim.js';

const APP = 'alc-algo-agents';
const PREVIEW = 'alc-algo-agents-preview';
const rev = (suffix: string, app = APP) => `${app}--${suffix}`;
const EVERY_DAY = 'Mon-Sun 00:00-24:00 UTC';

const eventDirs: string[] = [];
/** A GitHub event payload file, as the runner writes one. */
function eventFile(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'alcdeploy-event-'));
  eventDirs.push(dir);
  writeFileSync(join(dir, 'event.json'), JSON.stringify(payload));
  return join(dir, 'event.json');
}

describeWithDocker('deploy-app and blue-green edges against the simulator', () => {
  let t: DeploySim;
  const deploy = (values: Record<string, string>) => t.deploy({ 'wait-timeout': '60s', ...values });
  const blueGreen = (values: Record<string, string>) => t.blueGreen({ app: APP, ...values });

  beforeAll(async () => {
    t = await startDeploySim();
    await deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0' });
    await deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0' });
    await deploy({ mode: 'preview', label: 'pr-7', image: t.images.v1, 'revision-suffix': 'pr-7-abc1234' });
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
    for (const dir of eventDirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const bad: Array<[string, 'deploy' | 'blue-green', Record<string, string>, RegExp]> = [
    ['unknown command', 'blue-green', { command: 'deploy' }, /command/],
    ['steps not ending at 100', 'blue-green', { command: 'promote', steps: '10,50' }, /steps/],
    ['steps not increasing', 'blue-green', { command: 'promote', steps: '50,10,100' }, /steps/],
    ['steps above 100', 'blue-green', { command: 'promote', steps: '50,150' }, /steps/],
    ['a label that is no slot', 'blue-green', { command: 'promote', label: 'purple' }, /label/],
    ['teardown without pr-<N>', 'blue-green', { command: 'teardown', label: 'green' }, /label/],
    ['rollback to nonsense', 'blue-green', { command: 'rollback', to: 'yesterday' }, /'to'/],
    [
      'rollback to a revision of another app',
      'blue-green',
      { command: 'rollback', to: 'other--v1-0-0' },
      /'to'/,
    ],
    [
      'rollback to an unknown revision',
      'blue-green',
      { command: 'rollback', to: rev('v0-0-1') },
      /app--v0-0-1|alc-algo-agents--v0-0-1/,
    ],
    ['rollback to an unknown version', 'blue-green', { command: 'rollback', to: 'v7.7.7' }, /v7\.7\.7/],
    ['a bad freeze window', 'blue-green', { command: 'promote', freeze: 'weekdays 9-5' }, /freeze/],
    ['a freeze window in force', 'blue-green', { command: 'promote', freeze: EVERY_DAY }, /freeze window/],
    [
      'override-freeze that is no reason',
      'blue-green',
      { command: 'promote', freeze: EVERY_DAY, 'override-freeze': 'true' },
      /not a reason/,
    ],
    ['bad checks', 'blue-green', { command: 'promote', checks: '- path: no-slash' }, /checks/],
    [
      'bad keep-previous-active',
      'blue-green',
      { command: 'promote', 'keep-previous-active': 'sometimes' },
      /keep-previous-active/,
    ],
    ['an app that does not exist', 'blue-green', { command: 'promote', app: 'no-such-app' }, /not found/],
    [
      'an image by tag',
      'deploy',
      { image: `${'r.io'}/alc-algo-agents:latest`, 'revision-suffix': 'v9-0-0' },
      /by digest/,
    ],
    [
      'an image from a registry the app does not use',
      'deploy',
      { image: `other.azurecr.io/alc-algo-agents@sha256:${'b'.repeat(64)}`, 'revision-suffix': 'v9-0-0' },
      /registry/,
    ],
    ['a suffix that breaks ACA rules', 'deploy', { 'revision-suffix': 'V9.0' }, /revision-suffix/],
    ['a suffix with --', 'deploy', { 'revision-suffix': 'v9--0' }, /revision-suffix/],
    ['a suffix too long for the app', 'deploy', { 'revision-suffix': `v${'9'.repeat(40)}` }, /54/],
    ['the same suffix with another image', 'deploy', { 'revision-suffix': 'v2-0-0' }, /exists and runs/],
    [
      'the production label as target',
      'deploy',
      { 'revision-suffix': 'v9-0-0', label: 'blue' },
      /carries production/,
    ],
    ['an unknown mode', 'deploy', { mode: 'canary', 'revision-suffix': 'v9-0-0' }, /mode/],
    [
      'the live IBKR port in preview',
      'deploy',
      { mode: 'preview', label: 'pr-7', 'revision-suffix': 'pr-7-bbbbbbb', 'env-vars': 'IBKR_PORT=7496' },
      /7496/,
    ],
    [
      'a preview aimed at the production app',
      'deploy',
      { mode: 'preview', label: 'pr-7', app: APP, 'revision-suffix': 'pr-7-bbbbbbb' },
      /refuses to write/,
    ],
    [
      'a preview label that is no pull request',
      'deploy',
      { mode: 'preview', label: 'green', 'revision-suffix': 'pr-7-bbbbbbb' },
      /label/,
    ],
    [
      'a wait-timeout of zero',
      'deploy',
      { 'revision-suffix': 'v9-0-0', 'wait-timeout': '0' },
      /wait-timeout/,
    ],
    ['a bad resolve entry', 'deploy', { 'revision-suffix': 'v9-0-0', resolve: 'nonsense' }, /resolve/],
    ['env-vars without =', 'deploy', { 'revision-suffix': 'v9-0-0', 'env-vars': 'JUST_A_NAME' }, /env-vars/],
    ['a missing spec', 'deploy', { 'revision-suffix': 'v9-0-0', spec: 'deploy/nope.yaml' }, /spec/],
    [
      'a new app in an environment that does not exist',
      'deploy',
      { 'revision-suffix': 'v9-0-0', app: 'no-such-app', environment: 'no-such-env' },
      /no-such-env/,
    ],
  ];

  it.each(bad)(
    '%s fails before any write, both apps byte-identical',
    async (_name, action, values, message) => {
      const before = [await t.rawApp(APP), await t.rawApp(PREVIEW)];
      const run =
        action === 'deploy'
          ? deploy({ image: t.images.v3, ...values })
          : values.to === 'v7.7.7'
            ? runEntry('blue-green', { ...t.common, app: APP, ...values }, t.sim).then((r) => {
                throw new Error(errorLines(r.stdout).join('\n') || `exit ${r.status}`);
              })
            : blueGreen(values);
      await expect(run).rejects.toThrow(message);
      expect([await t.rawApp(APP), await t.rawApp(PREVIEW)]).toEqual(before);
    },
    60_000,
  );

  it('has at least twenty distinct bad inputs', () => {
    expect(new Set(bad.map(([name]) => name)).size).toBeGreaterThanOrEqual(20);
  });

  it('an app in Single revisions mode is refused before any write', async () => {
    const single = 'alc-algo-single';
    const settings = readDeploySettings(
      inputs(releaseInputs({ ...t.common, app: single, image: t.images.v1, 'revision-suffix': 'v1-0-0' })),
      { env: { GITHUB_WORKSPACE: process.cwd() } },
    );
    const env = await t.aca().getEnvironment(settings.environment);
    const body = createBody(settings, env.id, env.location);
    await t
      .aca()
      .putApp(single, { ...body, configuration: { ...body.configuration, activeRevisionsMode: 'Single' } });
    const raw = await t.rawApp(single);
    await expect(deploy({ app: single, image: t.images.v2, 'revision-suffix': 'v2-0-0' })).rejects.toThrow(
      /Single revisions mode; blue-green needs Multiple/,
    );
    expect(await t.rawApp(single)).toBe(raw);
  }, 120_000);

  it('a deploy whose long-running operation ends Failed: the error says so, no traffic, revision deactivated', async () => {
    const before = trafficOf((await t.aca().getApp(APP))!);
    t.sim.faults.add({ method: 'PATCH', path: `containerApps/${APP}$`, kind: 'lro-fail', times: 1 });
    await expect(deploy({ image: t.images.v3, 'revision-suffix': 'lro-fail-1' })).rejects.toThrow(
      /alc-algo-agents--lro-fail-1 .*Injected fault.*received no traffic/,
    );
    expect(trafficOf((await t.aca().getApp(APP))!)).toEqual(before);
    expect((await t.aca().getRevision(APP, rev('lro-fail-1')))?.active ?? false).toBe(false);
  }, 120_000);

  it('throttling (429 + Retry-After) and transient 503s are retried: the command still converges', async () => {
    const ids = [
      t.sim.faults.add({
        method: 'PATCH',
        path: `containerApps/${APP}$`,
        kind: 'status',
        status: 429,
        retryAfter: 1,
        times: 1,
      }),
      t.sim.faults.add({
        method: 'GET',
        path: `containerApps/${APP}/revisions$`,
        kind: 'status',
        status: 503,
        times: 2,
      }),
    ];
    const back = await blueGreen({ command: 'promote' });
    expect(back.after).not.toEqual(back.before);
    const undo = await blueGreen({ command: 'rollback' });
    expect(undo.after).toEqual(back.before);
    expect(t.sim.faults.list().filter((f) => ids.includes(f.id))).toEqual([]);
  }, 120_000);

  it('the real entry reports a bad input as one ::error:: naming input, value and what is allowed', async () => {
    const run = await runEntry(
      'blue-green',
      { ...t.common, app: APP, command: 'promote', steps: '10,50' },
      t.sim,
    );
    expect(run.status).toBe(1);
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        /^::error::Input 'steps' has the invalid value '10,50': allowed: .*ending at 100/,
      ),
    ]);
    expect(run.outputs).toEqual({});
  }, 60_000);

  it('preview: its own app, label pr-<N>, paper trading; a second PR at 0%; teardown twice', async () => {
    const aca = t.aca();
    expect(trafficOf((await aca.getApp(PREVIEW))!)).toEqual([
      { revisionName: rev('pr-7-abc1234', PREVIEW), label: 'pr-7', weight: 100 },
    ]);
    const version = JSON.parse((await t.get(`${PREVIEW}---pr-7.${t.sim.domain}`)).body) as Record<
      string,
      string
    >;
    expect([version.ALC_ENVIRONMENT, version.IBKR_PORT]).toEqual(['preview', '7497']);

    const run = await runEntry(
      'deploy-app',
      { ...t.common, mode: 'preview', image: t.images.v2, 'wait-timeout': '60s' },
      t.sim,
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/8/merge',
        GITHUB_SHA: 'f'.repeat(40),
        GITHUB_EVENT_PATH: eventFile({
          pull_request: { number: 8, head: { sha: '1234567'.padEnd(40, 'a') } },
        }),
      },
    );
    expect([run.status, errorLines(run.stdout)]).toEqual([0, []]);
    expect([run.outputs.revision, run.outputs.label, run.outputs.created]).toEqual([
      rev('pr-8-1234567', PREVIEW),
      'pr-8',
      'false',
    ]);
    expect(trafficOf((await aca.getApp(PREVIEW))!)).toEqual([
      { revisionName: rev('pr-7-abc1234', PREVIEW), label: 'pr-7', weight: 100 },
      { revisionName: rev('pr-8-1234567', PREVIEW), label: 'pr-8', weight: 0 },
    ]);

    const down = await blueGreen({ command: 'teardown', app: PREVIEW, label: 'pr-7' });
    expect(down.after).toEqual([{ revisionName: rev('pr-8-1234567', PREVIEW), label: 'pr-8', weight: 100 }]);
    expect(down.deactivated).toEqual([rev('pr-7-abc1234', PREVIEW)]);
    expect((await aca.getRevision(PREVIEW, rev('pr-7-abc1234', PREVIEW)))?.active).toBe(false);
    const raw = await t.rawApp(PREVIEW);
    const again = await blueGreen({ command: 'teardown', app: PREVIEW, label: 'pr-7' });
    expect(again.log.join('\n')).toMatch(/nothing to do/);
    expect(await t.rawApp(PREVIEW)).toBe(raw);
  }, 180_000);

  it('a deploy killed half way converges when run again; the killed revision never took weight', async () => {
    const values = { ...t.common, image: t.images.v3, 'revision-suffix': 'v3-0-0', 'wait-timeout': '60s' };
    const { child, done } = startEntry('deploy-app', values, t.sim);
    await eventually(
      async () => ((await t.aca().getRevision(APP, rev('v3-0-0'))) ? true : undefined),
      60_000,
    );
    child.kill('SIGKILL');
    await done;
    const weight = trafficOf((await t.aca().getApp(APP))!).find(
      (e) => e.revisionName === rev('v3-0-0'),
    )?.weight;
    expect(weight ?? 0).toBe(0);
    const r = await deploy({ image: t.images.v3, 'revision-suffix': 'v3-0-0' });
    expect([r.revision, r.label]).toEqual([rev('v3-0-0'), 'green']);
    expect(r.trafficAfter).toEqual([
      { revisionName: rev('v1-0-0'), label: 'blue', weight: 100 },
      { revisionName: rev('v3-0-0'), label: 'green', weight: 0 },
    ]);
    expect(r.deactivated).toEqual([rev('v2-0-0')]);
    const again = await deploy({ image: t.images.v3, 'revision-suffix': 'v3-0-0' });
    expect(again.trafficAfter).toEqual(r.trafficAfter);
  }, 180_000);

  it('rollback to a version whose revision is gone (the real entry): its image redeployed from the registry', async () => {
    const other = 'alc-algo-agents-b';
    await deploy({ app: other, image: t.images.v2, 'revision-suffix': 'v2-0-0' });
    await deploy({ app: other, image: t.images.v3, 'revision-suffix': 'v3-0-0' });
    await blueGreen({ app: other, command: 'promote' });
    const run = await runEntry(
      'blue-green',
      { ...t.common, app: other, command: 'rollback', to: 'v1.0.0', 'wait-timeout': '60s' },
      t.sim,
    );
    expect([run.status, errorLines(run.stdout)]).toEqual([0, []]);
    expect(run.outputs['production-revision']).toBe(rev('v1-0-0', other));
    const revision = await t.aca().getRevision(other, rev('v1-0-0', other));
    expect(revision?.template?.containers?.[0].image).toBe(t.images.v1);
    expect(JSON.parse((await t.get(`${other}.${t.sim.domain}`)).body).version).toBe('1.0.0');
  }, 180_000);
});
