// Notifications and the audit trail through the real blue-green entry (actions/blue-green/src/main.ts started as a
// runner starts it) against the ARM-only simulator with its Azurite: a failed production change appends one audit
// record (run again: still one) and posts a Slack message to a local webhook, whose URL appears in no log line,
// output or summary; status shows the trail; a bad notify input is refused without its value.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BlobServiceClient } from '@azure/storage-blob';
import { Aca } from '../../../src/azure/aca.js';
import { parseAuditTail } from '../../../src/audit/record.js';
import { writeTraffic } from '../../../src/revisions/traffic-write.js';
import {
  appSpec,
  RG,
  sdkClient,
  startControlPlaneSim,
  type ControlPlaneSim,
} from '../../support/control-plane-sim.js';
import { errorLines, runEntry, type EntryRun } from '../../support/deploy-sim.js';
import { simAzure, simAzureInputs } from '../../support/sim-azure.js';

const APP = 'alc-algo-cc';
let s: ControlPlaneSim;
let server: Server;
let webhook: string;
let audit: string;
let service: BlobServiceClient;
const posts: Array<{ path: string; body: { text: string; blocks: unknown[] } }> = [];

const RUN_ENV = {
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_ACTOR: 'trader-ops',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'firm/alc',
};

beforeAll(async () => {
  s = await startControlPlaneSim({ lroDelayMs: 20, storage: true });
  const image = await s.pushRelease('alc-algo-agents', '1.0.0');
  const aca = new Aca(sdkClient(s.sim), { resourceGroup: RG, pollMs: 20 });
  await aca.putApp(APP, appSpec(s.envId, image, { suffix: 'v1-0-0' }));
  const app = (await aca.getApp(APP))!;
  await writeTraffic(aca, { ...app, name: APP }, [
    { revisionName: `${APP}--v1-0-0`, label: 'blue', weight: 100 },
  ]);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/WEBHOOKSECRET`;
  const { credential } = simAzure(s.sim.env, s.sim.ca);
  service = new BlobServiceClient(s.sim.endpoints.storage as string, credential, {
    tlsOptions: { ca: s.sim.ca },
  } as never);
  await service.getContainerClient('audit').createIfNotExists();
  audit = `${s.sim.endpoints.storage as string}/audit/${APP}.jsonl`;
}, 120_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await s?.stop();
});

const blueGreen = (values: Record<string, string>): Promise<EntryRun> =>
  runEntry(
    'blue-green',
    { ...simAzureInputs(s.sim.env), 'resource-group': RG, app: APP, 'wait-timeout': '3s', ...values },
    s.sim,
    RUN_ENV,
  );

const trail = async () =>
  parseAuditTail(
    (await service.getContainerClient('audit').getBlobClient(`${APP}.jsonl`).downloadToBuffer()).toString(
      'utf8',
    ),
    true,
  );

/** The secret anywhere but in the runner's `::add-mask::` command (how a step hands the runner a secret to hide). */
const withoutMaskCommands = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
const leaks = (run: EntryRun) =>
  [withoutMaskCommands(run.log), run.summary, JSON.stringify(run.outputs)].filter((t) =>
    t.includes('WEBHOOKSECRET'),
  );

it('a failed rollback: one audit record, a Slack message, the webhook nowhere; run again: still one record', async () => {
  const inputs = {
    command: 'rollback',
    to: `${APP}--v9-9-9`,
    notify: webhook,
    'notify-format': 'slack',
    audit,
  };
  const first = await blueGreen(inputs);
  expect(first.status).toBe(1);
  expect(errorLines(first.stdout)).toHaveLength(1);
  expect(first.log).toContain(`::add-mask::${webhook}`);
  expect(leaks(first)).toEqual([]);
  expect(posts).toHaveLength(1);
  expect(posts[0].path).toBe('/services/T0/B0/WEBHOOKSECRET');
  expect(posts[0].body.text).toMatch(/failed \(blue-green rollback\)/);
  expect(JSON.stringify(posts[0].body)).toContain('https://github.com/firm/alc/actions/runs/4242');

  // The step runs again in the same attempt (e.g. killed after its append): no second record.
  const again = await blueGreen(inputs);
  expect(again.status).toBe(1);
  expect(leaks(again)).toEqual([]);
  const records = await trail();
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    key: `4242.1.rollback.${APP}--v9-9-9`,
    app: APP,
    change: 'rollback',
    outcome: 'failed',
    actor: 'trader-ops',
    trigger: 'workflow_dispatch',
    runUrl: 'https://github.com/firm/alc/actions/runs/4242',
  });
}, 120_000);

it('status shows the last records of the trail in its summary and writes none', async () => {
  const run = await blueGreen({ command: 'status', audit });
  expect([run.status, errorLines(run.stdout)]).toEqual([0, []]);
  expect(run.summary).toContain('### Audit trail (last records)');
  expect(run.summary).toContain('| rollback | failed |');
  expect(await trail()).toHaveLength(1);
}, 60_000);

it('a bad notify URL is refused naming the input, never its value', async () => {
  const run = await blueGreen({ command: 'status', notify: 'ftp://hooks.slack.com/services/NOTIFYSECRET' });
  expect(run.status).toBe(1);
  expect(errorLines(run.stdout)).toEqual([
    expect.stringMatching(/^::error::Input 'notify' has the invalid value '\*\*\*'/),
  ]);
  expect(run.log).toContain('::add-mask::ftp://hooks.slack.com/services/NOTIFYSECRET');
  expect(withoutMaskCommands(run.log)).not.toContain('NOTIFYSECRET');
}, 60_000);
