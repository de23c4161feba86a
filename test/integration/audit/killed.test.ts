// The audit trail through the real blue-green entry (a child process, as a runner starts it) against the
// simulator, its storage the simulator's Azurite: a promote killed (SIGKILL) after its traffic write landed but
// before it finished, then re-run as GitHub's "Re-run" does (attempt 2), leaves one record per change, none lost,
// none doubled; an override used is its own record beside the promote's; a promote refused by stop the line
// leaves a stop record and the promote refused, once per attempt.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { parseAuditTail, type AuditRecord } from '../../../src/audit/record.js';
import { blobService } from '../../../src/azure/blob.js';
import { trafficOf } from '../../../src/revisions/traffic.js';
import { describeWithDocker, eventually } from '../../support/docker.js';
import { runEntry, startDeploySim, startEntry, type DeploySim } from '../../support/deploy-sim.js';
import { simAzure } from '../../support/sim-azure.js';

const APP = 'alc-algo-agents';
const rev = (suffix: string) => `${APP}--${suffix}`;
const BLOB = `${APP}.jsonl`;
/** A window in force all week: a promote runs only with override-freeze. */
const ALWAYS = 'Mon-Sun 00:00-24:00 UTC';

describeWithDocker('the audit trail of a blue-green run killed and re-run', () => {
  let t: DeploySim;
  let audit: string;

  /** The runner's identity of a run: its id and attempt, who started it, and how. */
  const run = (id: string, attempt: number) => ({
    GITHUB_RUN_ID: id,
    GITHUB_RUN_ATTEMPT: String(attempt),
    GITHUB_ACTOR: 'trader-ops',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'firm/alc',
  });
  const values = (over: Record<string, string>) => ({ ...t.common, app: APP, audit, ...over });
  const weightOf = async (revision: string) =>
    trafficOf((await t.aca().getApp(APP))!).find((e) => e.revisionName === revision)?.weight ?? 0;

  /** Every record of the trail, read as a person would (the whole blob). */
  async function trail(): Promise<AuditRecord[]> {
    const service = blobService(t.sim.endpoints.storage!, simAzure(t.sim.env, t.sim.ca).credential, {
      tlsOptions: { ca: t.sim.ca },
    });
    const blob = service.getContainerClient('audit').getBlobClient(BLOB);
    if (!(await blob.exists())) return [];
    return parseAuditTail((await blob.downloadToBuffer()).toString('utf8'), true);
  }
  const ofRun = async (id: string) => (await trail()).filter((r) => r.runId === id);

  /**
   * Starts the blue-green entry, kills it (SIGKILL, as a cancelled runner does) once `revision` carries all the
   * traffic, and says whether it was still running then (its run not finished, its record not appended).
   */
  async function killOnceServing(
    inputs: Record<string, string>,
    env: Record<string, string>,
    revision: string,
  ): Promise<boolean> {
    const { child, done } = startEntry('blue-green', inputs, t.sim, env);
    await eventually(
      async () =>
        (await weightOf(revision).catch(() => 0)) === 100 || child.exitCode !== null ? true : undefined,
      120_000,
    );
    const running = child.exitCode === null;
    child.kill('SIGKILL');
    await done;
    return running;
  }

  beforeAll(async () => {
    // Slow long-running operations (3 s) keep the kill point (traffic moved, run not finished) wide.
    t = await startDeploySim({ lroDelayMs: 3000, storage: true, skipImages: ['v3', 'broken', 'degraded'] });
    const { credential } = simAzure(t.sim.env, t.sim.ca);
    await blobService(t.sim.endpoints.storage!, credential, { tlsOptions: { ca: t.sim.ca } })
      .getContainerClient('audit')
      .createIfNotExists();
    audit = `${t.sim.endpoints.storage!.replace(/\/+$/, '')}/audit/${BLOB}`;
    await t.deploy({ image: t.images.v1, 'revision-suffix': 'v1-0-0', 'wait-timeout': '60s' });
    await t.deploy({ image: t.images.v2, 'revision-suffix': 'v2-0-0', 'wait-timeout': '60s' });
  }, 420_000);
  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('a promote with an override, killed after its traffic moved: the re-run records the override and the promote once', async () => {
    const promote = values({ command: 'promote', freeze: ALWAYS, 'override-freeze': 'incident 77 hotfix' });
    expect(await killOnceServing(promote, run('41', 1), rev('v2-0-0'))).toBe(true);
    expect(await weightOf(rev('v2-0-0'))).toBe(100);
    // Killed before its append: the change stands, unrecorded.
    expect(await ofRun('41')).toEqual([]);

    // GitHub's "Re-run": attempt 2 finds the promote done and records it once, with the override before it.
    const again = await runEntry('blue-green', promote, t.sim, run('41', 2));
    expect(again.status).toBe(0);
    const records = await ofRun('41');
    expect(records.map((r) => `${r.change} ${r.outcome}`)).toEqual([
      'override succeeded',
      'promote succeeded',
    ]);
    const [override, promoted] = records;
    expect(override).toMatchObject({
      key: '41.2.override.candidate',
      reason: 'incident 77 hotfix',
      actor: 'trader-ops',
      trigger: 'workflow_dispatch',
      window: 'override: incident 77 hotfix',
    });
    expect(promoted).toMatchObject({
      key: '41.2.promote.candidate',
      to: rev('v2-0-0'),
      window: 'override: incident 77 hotfix',
      runUrl: 'https://github.com/firm/alc/actions/runs/41',
    });
    expect(promoted.digest).toBe(t.images.v2.split('@')[1]);

    // Attempt 2 killed after its append and its step run again: nothing more. Attempt 3: an earlier attempt
    // recorded it. Another run (a first attempt) that finds the promote done: it did not make it, no record.
    for (const [id, attempt] of [
      ['41', 2],
      ['41', 3],
      ['42', 1],
    ] as const)
      expect((await runEntry('blue-green', promote, t.sim, run(id, attempt))).status).toBe(0);
    expect((await ofRun('41')).map((r) => r.key)).toEqual([
      '41.2.override.candidate',
      '41.2.promote.candidate',
    ]);
    expect(await ofRun('42')).toEqual([]);
  }, 300_000);

  it('a rollback killed after production moved back: its re-run records it once', async () => {
    const rollback = values({ command: 'rollback' });
    expect(await killOnceServing(rollback, run('43', 1), rev('v1-0-0'))).toBe(true);
    expect(await ofRun('43')).toEqual([]);
    for (const attempt of [2, 2])
      expect((await runEntry('blue-green', rollback, t.sim, run('43', attempt))).status).toBe(0);
    const records = await ofRun('43');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      change: 'rollback',
      outcome: 'succeeded',
      from: rev('v2-0-0'),
      to: rev('v1-0-0'),
      window: 'any time',
      digest: t.images.v1.split('@')[1],
    });
  }, 300_000);

  it('a promote refused by stop the line: a stop record and the promote refused, once per attempt', async () => {
    const promote = values({ command: 'promote', 'stop-the-line': 'broker outage' });
    for (const attempt of [1, 1, 2]) {
      const r = await runEntry('blue-green', promote, t.sim, run('44', attempt));
      expect(r.status).not.toBe(0);
    }
    const records = await ofRun('44');
    expect(records.map((r) => `${r.attempt} ${r.change} ${r.outcome} ${r.window}`)).toEqual([
      '1 stop refused stop: broker outage',
      '1 promote refused stop: broker outage',
      '2 stop refused stop: broker outage',
      '2 promote refused stop: broker outage',
    ]);
    expect(records[0].reason).toBe('broker outage');
    expect(await weightOf(rev('v1-0-0'))).toBe(100);
  }, 180_000);
});
