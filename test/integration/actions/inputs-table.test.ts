// Every input of every action, given a bad value, is refused before anything is written: each entry is started
// the way a runner starts it (action.yml defaults, INPUT_* variables) against the simulator, with the app it
// would change already there, and must exit 1 with exactly one ::error:: naming that input; the simulator's
// ARM counts every write (PUT, PATCH, POST, DELETE under Microsoft.App) and must count none. Inputs that take
// any text are listed as such. The table must name every input of every action.yml: a new input without a row
// fails here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Aca } from '../../../src/azure/aca.js';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { writeTraffic } from '../../../src/revisions/traffic-write.js';
import type { FaultRule } from '../../../sim/types.js';
import {
  appSpec,
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { errorLines, ROOT, runEntry, workspaceCa, type EntryRun } from '../../support/deploy-sim.js';
import { simAzureInputs } from '../../support/sim-azure.js';

/** An input that takes any text: nothing can be refused. */
const FREE = Symbol('free text');
type Row = string | typeof FREE;

const DIGEST = `sha256:${'c'.repeat(64)}`;
/** The release the runs deploy, pushed to the simulator's registry with its version tag locked. */
let IMAGE = `alcalgoregistry.azurecr.io/alc-algo-agents@${DIGEST}`;
const BG_APP = 'alc-algo-agents-bg';

/** The Azure inputs every Azure action shares, with the bad value of each. */
const AZURE: Record<string, Row> = {
  'client-id': 'not-a-guid',
  'tenant-id': 'not a tenant',
  'subscription-id': 'nope',
  audience: 'api://two words',
  cloud: 'Mars',
  'arm-endpoint': 'http://management.insecure.example',
  'authority-host': 'ftp://login.example',
  'resource-group': 'bad/group',
};

const TABLE: Record<string, Record<string, Row>> = {
  'deploy-app': {
    image: 'alcalgoregistry.azurecr.io/alc-algo-agents:latest',
    spec: 'deploy/missing.yaml',
    'preview-spec': 'package.json',
    app: 'Alc_Algo',
    environment: '/subscriptions/x/resourceGroups',
    location: 'east us;',
    'revision-suffix': 'v1--2',
    label: 'purple',
    mode: 'staging',
    'env-vars': 'no equals sign',
    'preview-env': 'A=1\nA=2',
    'live-port': '70000',
    'live-port-allow': 'not a name',
    'preview-note': FREE,
    'wait-timeout': 'soon',
    resolve: 'no-port-here',
    'ca-file': 'missing.pem',
    'trading-lease': 'http://acct.blob.core.windows.net/trading/app',
    'handover-timeout': 'soon',
    'stop-the-line': 'true',
    notify: 'ftp://hooks.slack.com/services/T/B/x',
    'notify-format': 'discord',
    audit: 'http://acct.blob.core.windows.net/audit/app.jsonl',
    registry: 'https://alcalgoregistry.azurecr.io',
    repository: 'Alc Algo',
    version: 'v1.x',
    // A token is any string (GitHub's formats change); reporting never runs before every other input passed.
    'github-token': FREE,
    ...AZURE,
  },
  'blue-green': {
    command: 'deploy',
    app: 'Alc_Algo',
    spec: 'deploy/missing.yaml',
    label: 'purple',
    to: 'v1.x',
    steps: '50,10',
    'step-wait': 'soon',
    checks: '- path: [',
    freeze: 'whenever',
    calendar: 'holidays: maybe',
    'override-freeze': FREE,
    'stop-the-line': 'off',
    'keep-previous-active': 'maybe',
    'github-token': FREE,
    analysis: 'metrics: [',
    watch: 'soon',
    'analysis-mode': 'sometimes',
    'app-insights': 'no such/component',
    'wait-timeout': 'soon',
    resolve: 'no-port-here',
    'ca-file': 'missing.pem',
    'trading-lease': 'https://acct.blob.core.windows.net/trading',
    'handover-timeout': '10s',
    notify: 'not a url',
    'notify-format': 'email',
    audit: 'https://acct.blob.core.windows.net/audit',
    ...AZURE,
  },
  'build-push': {
    registry: 'not a registry',
    repository: 'Bad Repo',
    context: 'no-such-dir',
    dockerfile: 'no-such-dir/Dockerfile',
    'build-args': 'no equals sign',
    tags: 'bad tag!',
    platforms: 'windows',
    push: 'maybe',
    cache: 'local',
    auth: 'password',
    keep: '-1',
    ...AZURE,
    app: 'Alc_Algo',
    spec: 'deploy/missing.yaml',
  },
  'smoke-test': {
    url: 'ftp://smoke.example/',
    checks: '- path: [',
    headers: 'no colon here',
    resolve: 'no-port-here',
    'ca-file': 'missing.pem',
    'wait-ready': 'soon',
    timeout: 'soon',
    duration: 'soon',
    rate: '-1',
    concurrency: '0',
    'max-error-rate': '2',
    'max-p95-ms': 'fast',
    'expect-version': FREE,
    'version-path': 'no-slash',
    'version-source': 'xml:version',
    report: '.',
  },
};

interface ActionYml {
  inputs: Record<string, { default?: string }>;
}
const actions = readdirSync(join(ROOT, 'actions')).filter((a) =>
  readdirSync(join(ROOT, 'actions', a)).includes('action.yml'),
);
const metadata = (action: string) =>
  parse(readFileSync(join(ROOT, 'actions', action, 'action.yml'), 'utf8')) as ActionYml;
/** The inputs as a runner passes them: every default of action.yml. */
const defaults = (action: string) =>
  Object.fromEntries(
    Object.entries(metadata(action).inputs)
      .filter(([, v]) => v.default !== undefined)
      .map(([k, v]) => [k, String(v.default)]),
  );

let s: ControlPlaneSim;
let baselines: Record<string, Record<string, string>>;
const BUILD_ENV = {
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  // No docker engine: a run that got past its inputs fails on docker, never on an input.
  DOCKER_HOST: 'unix:///nonexistent/alc-deploy-docker.sock',
};
const WRITES = ['PUT', 'PATCH', 'POST', 'DELETE'];

function countWrites(): void {
  for (const method of WRITES)
    s.sim.faults.add({
      kind: 'latency',
      latencyMs: 1,
      method,
      path: '/providers/Microsoft\\.App/',
    } as FaultRule);
}
const writes = () =>
  s.sim.faults
    .list()
    .filter((r) => r.kind === 'latency' && WRITES.includes(r.method))
    .reduce((n, r) => n + r.hits, 0);

const run = (action: string, inputs: Record<string, string>): Promise<EntryRun> =>
  runEntry(action, { ...defaults(action), ...inputs }, s.sim, action === 'build-push' ? BUILD_ENV : {});

beforeAll(async () => {
  s = await startControlPlaneSim({ lroDelayMs: 20 });
  // deploy-app deploys only a release (its registry and repository, the digest its locked version tag names).
  IMAGE = await s.pushRelease('alc-algo-agents', '9.9.9');
  const azure = { ...simAzureInputs(s.sim.env), 'resource-group': RG };
  const aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 20 });
  const ca = workspaceCa(s.sim.caPath, 'inputs-table');
  // The apps the runs would change: deploy-app's production app, blue-green's app with both slots.
  await aca.putApp('alc-algo-agents', appSpec(s.envId, IMAGE, { suffix: 'v1-0-0' }));
  await aca.putApp(BG_APP, appSpec(s.envId, IMAGE, { suffix: 'v1-0-0' }));
  const bg = (await aca.getApp(BG_APP))!;
  await aca.patchTemplate({ ...bg, name: BG_APP }, { ...bg.template, revisionSuffix: 'v2-0-0' });
  await writeTraffic(aca, { ...bg, name: BG_APP }, [
    { revisionName: `${BG_APP}--v1-0-0`, label: 'blue', weight: 100 },
    { revisionName: `${BG_APP}--v2-0-0`, label: 'green', weight: 0 },
  ]);
  baselines = {
    'deploy-app': {
      ...azure,
      image: IMAGE,
      registry: s.sim.endpoints.registry!,
      version: '9.9.9',
      'revision-suffix': 'v9-9-9',
      'wait-timeout': '3s',
      resolve: s.sim.env.ALC_SIM_RESOLVE,
      'ca-file': ca,
    },
    'blue-green': {
      ...azure,
      command: 'rollback',
      app: BG_APP,
      'wait-timeout': '3s',
      resolve: s.sim.env.ALC_SIM_RESOLVE,
      'ca-file': ca,
    },
    'build-push': {
      ...azure,
      registry: 'alcalgoregistry.azurecr.io',
      repository: 'alc-algo-agents',
      context: 'sample-app',
      auth: 'none',
      push: 'false',
      cache: 'none',
      app: 'alc-algo-agents',
    },
    'smoke-test': { url: 'https://smoke.invalid/', 'wait-ready': '0', duration: '0', timeout: '1s' },
  };
  countWrites();
}, 120_000);
afterAll(async () => s?.stop());

const rows = Object.entries(TABLE).flatMap(([action, inputs]) =>
  Object.entries(inputs).map(([input, bad]) => ({ action, input, bad })),
);
const refusable = rows.filter((r) => r.bad !== FREE) as Array<{ action: string; input: string; bad: string }>;

it('the table names every input of every action.yml, and nothing else', () => {
  expect(actions.sort()).toEqual(Object.keys(TABLE).sort());
  for (const action of actions)
    expect([action, Object.keys(TABLE[action]).sort()]).toEqual([
      action,
      Object.keys(metadata(action).inputs).sort(),
    ]);
  // The count for the closing note.
  process.stdout.write(
    `inputs: ${rows.length} across ${actions.length} actions; ${refusable.length} refused with a bad value, ${rows.length - refusable.length} free text (${rows
      .filter((r) => r.bad === FREE)
      .map((r) => `${r.action} ${r.input}`)
      .join(', ')})\n`,
  );
});

describe('each action with valid inputs gets past them', () => {
  it.each(actions)(
    '%s: its baseline fails (if at all) on something other than an input',
    async (action) => {
      const before = writes();
      const result = await run(action, baselines[action]);
      const errors = errorLines(result.stdout);
      expect(errors.filter((l) => l.startsWith("::error::Input '"))).toEqual([]);
      // deploy-app's baseline reaches Azure and writes (a new revision, deactivated when its proof fails): the
      // counter counts, and the rows below would see a write that slipped through.
      if (action === 'deploy-app') expect(writes() - before).toBeGreaterThan(0);
      s.sim.faults.clear();
      countWrites();
    },
    120_000,
  );
});

describe('a bad value of any input: one ::error:: naming it, exit 1, zero ARM writes', () => {
  const results = new Map<string, EntryRun>();
  let writesDuring = -1;

  beforeAll(async () => {
    const before = writes();
    const queue = [...refusable];
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          results.set(
            `${row.action} ${row.input}`,
            await run(row.action, { ...baselines[row.action], [row.input]: row.bad }),
          );
        }
      }),
    );
    writesDuring = writes() - before;
  }, 1_500_000);

  it.each(refusable)('$action $input: $bad', ({ action, input }) => {
    const result = results.get(`${action} ${input}`)!;
    const errors = errorLines(result.stdout);
    expect({ status: result.status, errors }).toEqual({
      status: 1,
      errors: [expect.stringMatching(new RegExp(`^::error::Input '${input}' has the invalid value `))],
    });
  });

  it('no run wrote to Azure, and the apps are as they were', async () => {
    expect(writesDuring).toBe(0);
    const aca = new Aca(sdkClient(s.sim), { resourceGroup: RG });
    expect(trafficOf((await aca.getApp(BG_APP))!)).toEqual([
      { revisionName: `${BG_APP}--v1-0-0`, label: 'blue', weight: 100 },
      { revisionName: `${BG_APP}--v2-0-0`, label: 'green', weight: 0 },
    ]);
  });
});
