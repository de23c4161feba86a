// The audit trail on the simulator's Azurite (HTTPS with the simulator's CA, bearer tokens of its Entra through the
// run's credential): records appended as JSON lines to an append blob created on first use; a run killed after its
// append and run again, or killed before it, leaves exactly one record per change; concurrent writers lose nothing.
import { describe, expect, it } from '@jest/globals';
import { auditKey, parseAudit, parseAuditTail, type AuditRecord } from '../../../src/audit/record.js';
import { auditStore } from '../../../src/audit/store.js';
import { reportChange, type ChangeReport } from '../../../src/core/change-control.js';
import { useSimStorage } from '../../support/sim-storage.js';

const azurite = useSimStorage(['audit']);

const settingOf = (blob: string) => parseAudit(`${azurite.sim.endpoints.storage as string}/audit/${blob}`)!;
const storeOf = (blob: string) => auditStore(settingOf(blob), azurite.credential, azurite.tls);

/** Every record of the blob, read as a person would (the whole blob). */
async function trail(blob: string): Promise<AuditRecord[]> {
  const text = (
    await azurite.service.getContainerClient('audit').getBlobClient(blob).downloadToBuffer()
  ).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  return parseAuditTail(text, true);
}

const record = (over: Partial<AuditRecord>): AuditRecord => {
  const r: AuditRecord = {
    time: new Date().toISOString(),
    key: '',
    app: 'alc-algo',
    action: 'blue-green promote',
    change: 'promote',
    outcome: 'succeeded',
    actor: 'octocat',
    trigger: 'workflow_dispatch',
    reason: '',
    window: 'allowed',
    runId: '500',
    attempt: 1,
    target: 'green',
    ...over,
  };
  r.key = auditKey(r.runId, r.attempt, r.change, r.target);
  return r;
};

describe("the audit trail on the simulator's Azurite", () => {
  it('creates the append blob on first use and appends one JSON line per change, in order', async () => {
    const store = storeOf('appends.jsonl');
    const release = record({ change: 'release', target: 'alc-algo--v1-0-0', runId: '1' });
    const promote = record({ runId: '2', from: 'alc-algo--v0-9-0', to: 'alc-algo--v1-0-0', epoch: 4 });
    expect(await store.append(release, true)).toEqual({ append: true });
    expect(await store.append(promote, true)).toEqual({ append: true });
    const props = await azurite.service
      .getContainerClient('audit')
      .getBlobClient('appends.jsonl')
      .getProperties();
    expect(props.blobType).toBe('AppendBlob');
    expect(await trail('appends.jsonl')).toEqual([release, promote]);
    expect(await store.last(1)).toEqual([promote]);
  });

  it('a run killed after its append and run again (same attempt, or a re-run finding the change done) adds nothing', async () => {
    const store = storeOf('killed-after.jsonl');
    const first = record({ runId: '7' });
    await store.append(first, true);
    // The process died after the append, before its summary: the step runs again and reports the same change.
    expect(await store.append({ ...first, time: new Date().toISOString() }, true)).toEqual({
      append: false,
      why: 'recorded',
    });
    // GitHub's "re-run failed jobs": attempt 2 finds the promote done (nothing moved).
    expect(await store.append(record({ runId: '7', attempt: 2 }), false)).toEqual({
      append: false,
      why: 'earlier-attempt',
    });
    expect((await trail('killed-after.jsonl')).map((r) => r.key)).toEqual([first.key]);
  });

  it('a run killed after its change but before its append: the re-run records the change once', async () => {
    const store = storeOf('killed-before.jsonl');
    await store.append(record({ runId: '6', change: 'release', target: 'alc-algo--v1-0-0' }), true);
    // Run 8 attempt 1 promoted, then died before appending. Attempt 2 finds the promote done.
    const retry = record({ runId: '8', attempt: 2 });
    expect(await store.append(retry, false)).toEqual({ append: true });
    expect(await store.append({ ...retry }, false)).toEqual({ append: false, why: 'recorded' });
    const keys = (await trail('killed-before.jsonl')).map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('8.'))).toEqual([retry.key]);
    expect(keys).toHaveLength(2);
  });

  it('concurrent writers: each record lands once (a lost append-position race decides again)', async () => {
    const blob = 'concurrent.jsonl';
    await storeOf(blob).append(record({ runId: '0' }), true);
    const writers = Array.from({ length: 6 }, (_, i) => record({ runId: `c${i}` }));
    // Each writer its own client, as separate runs; two of them report the same change twice at once.
    const results = await Promise.all([
      ...writers.map((r) => storeOf(blob).append(r, true)),
      storeOf(blob).append({ ...writers[0] }, true),
    ]);
    expect(results.filter((r) => r.append)).toHaveLength(6);
    const keys = (await trail(blob)).map((r) => r.key);
    expect(keys).toHaveLength(7);
    expect(new Set(keys).size).toBe(7);
    for (const w of writers) expect(keys).toContain(w.key);
  });

  it('a writer that appends between the read and the append: the append loses the race, reads again, appends once', async () => {
    const blob = 'interleaved.jsonl';
    const first = record({ runId: 'i0' });
    await storeOf(blob).append(first, true);
    const other = azurite.service.getContainerClient('audit').getAppendBlobClient(blob);
    const theirs = record({ runId: 'i2' });
    let calls = 0;
    const racing = auditStore(settingOf(blob), azurite.credential, {
      tlsOptions: { ca: azurite.sim.ca },
      betweenReadAndAppend: async () => {
        if (calls++ > 0) return;
        const line = `${JSON.stringify(theirs)}\n`;
        await other.appendBlock(line, Buffer.byteLength(line));
      },
    });
    const mine = record({ runId: 'i1' });
    expect(await racing.append(mine, true)).toEqual({ append: true });
    expect(calls).toBe(2); // the first append was refused (412) and the tail read again
    expect((await trail(blob)).map((r) => r.key)).toEqual([first.key, theirs.key, mine.key]);
  });

  it('a conflicting writer that records the same change first: the loser finds it and appends nothing', async () => {
    const blob = 'same-change.jsonl';
    const change = record({ runId: 's1' });
    await storeOf(blob).append(record({ runId: 's0' }), true);
    const other = azurite.service.getContainerClient('audit').getAppendBlobClient(blob);
    let calls = 0;
    const racing = auditStore(settingOf(blob), azurite.credential, {
      tlsOptions: { ca: azurite.sim.ca },
      betweenReadAndAppend: async () => {
        if (calls++ > 0) return;
        const line = `${JSON.stringify(change)}\n`;
        await other.appendBlock(line, Buffer.byteLength(line));
      },
    });
    expect(await racing.append({ ...change }, true)).toEqual({ append: false, why: 'recorded' });
    expect((await trail(blob)).filter((r) => r.key === change.key)).toHaveLength(1);
  });

  it('reportChange appends through the same credential; a missing container is a warning, not a throw', async () => {
    const report: ChangeReport = {
      app: 'alc-algo',
      action: 'blue-green rollback',
      change: 'rollback',
      outcome: 'succeeded',
      changed: true,
      target: 'previous',
      what: 'rollback done',
      reason: '',
      from: 'alc-algo--v1-1-0',
      to: 'alc-algo--v1-0-0',
      epoch: 9,
      window: 'any time',
    };
    const env = {
      GITHUB_RUN_ID: '900',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_ACTOR: 'octocat',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'firm/alc',
    };
    const lines: string[] = [];
    const deps = {
      credential: azurite.credential,
      tlsOptions: { ca: azurite.sim.ca },
      env,
      info: (l: string) => lines.push(l),
      warning: (l: string) => lines.push(`warning: ${l}`),
    };
    expect(await reportChange({ audit: settingOf('report.jsonl') }, report, deps)).toEqual([]);
    expect(await reportChange({ audit: settingOf('report.jsonl') }, report, deps)).toEqual([]);
    const records = await trail('report.jsonl');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      key: '900.1.rollback.previous',
      actor: 'octocat',
      trigger: 'workflow_dispatch',
      from: 'alc-algo--v1-1-0',
      to: 'alc-algo--v1-0-0',
      epoch: 9,
      outcome: 'succeeded',
      runUrl: 'https://github.com/firm/alc/actions/runs/900',
    });
    const missing = parseAudit(`${azurite.sim.endpoints.storage as string}/no-such-container/a.jsonl`)!;
    const warnings = await reportChange({ audit: missing }, report, deps);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be appended.*container does not exist\. Run the workflow again/);
  });
});
