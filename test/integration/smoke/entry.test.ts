// The smoke-test entry run as a runner runs it: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EntryRun, runEntry } from '../../support/entry.js';
import { makePki, startApp, type Pki, type TestApp } from '../../support/smoke-servers.js';

/** The entry as a runner starts it; the report lands in RUNNER_TEMP (`dir`). */
const runSmokeEntry = (
  dir: string,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<EntryRun> =>
  runEntry({
    action: 'smoke-test',
    inputs,
    // the workspace (tmpdir) holds the CA file and the reports: ca-file and report are confined to it
    env: { HOME: process.env.HOME, RUNNER_TEMP: dir, GITHUB_WORKSPACE: tmpdir(), ...env },
    timeoutMs: 60_000,
  });

describe('actions/smoke-test entry as a child process', () => {
  let pki: Pki;
  let app: TestApp;
  let dir: string;
  const host = 'alc-algo-agents---green.env.smoke.test';
  beforeAll(async () => {
    pki = makePki([host]);
    app = await startApp({ tls: pki, version: '2.1.0', delayMs: 5 });
    dir = mkdtempSync(join(tmpdir(), 'smoke-action-'));
  });
  afterAll(async () => {
    await app.close();
    pki.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const base = () => ({
    url: `https://${host}/`,
    resolve: `${host}:443:127.0.0.1:${app.port}`,
    'ca-file': pki.caFile,
    'wait-ready': '5s',
    duration: '1s',
    rate: '20',
    concurrency: '2',
    headers: 'Authorization: Bearer s3cr3t-token-value',
  });

  it('passes, writes every output, the report and the summary, and never prints the secret header', async () => {
    const run = await runSmokeEntry(dir, {
      ...base(),
      'expect-version': 'v2.1.0',
      checks: '- path: /healthz\n  contains: ok',
    });
    expect(run.log).not.toMatch(/::error::/);
    expect(run.status).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual([
      'error-rate',
      'p50-ms',
      'p95-ms',
      'p99-ms',
      'passed',
      'report',
    ]);
    expect(run.outputs.passed).toBe('true');
    expect(run.outputs['error-rate']).toBe('0');
    expect(Number(run.outputs['p95-ms'])).toBeGreaterThanOrEqual(Number(run.outputs['p50-ms']));
    expect(Number(run.outputs['p50-ms'])).toBeGreaterThanOrEqual(5);
    expect(run.outputs.report).toBe(join(dir, 'smoke-test-report.json'));
    const report = JSON.parse(readFileSync(run.outputs.report, 'utf8'));
    expect(report).toMatchObject({ passed: true, version: { actual: '2.1.0' }, load: { sent: 20 } });
    expect(run.summary).toMatch(/✅ Smoke test passed/);
    expect(run.summary).toMatch(/\| ✅ \| GET \/healthz \|/);
    expect(run.summary).toMatch(/```text\n.*ms │█/);
    expect(app.lastHeaders?.authorization).toBe('Bearer s3cr3t-token-value');
    // The only appearance of the secret is the mask command itself.
    expect(run.log.split('s3cr3t-token-value').length - 1).toBe(1);
    expect(run.log).toContain('::add-mask::Bearer s3cr3t-token-value');
    for (const text of [run.summary, readFileSync(run.outputs.report, 'utf8'), JSON.stringify(run.outputs)]) {
      expect(text).not.toContain('s3cr3t');
    }
  });

  it('fails with exit code 1, one ::error:: line, passed=false and the report, when a threshold fails', async () => {
    const report = join(dir, 'sub', 'fail-report.json');
    const run = await runSmokeEntry(dir, { ...base(), 'max-p95-ms': '1', report });
    expect(run.status).toBe(1);
    expect(run.log.match(/^::error::/gm)).toHaveLength(1);
    expect(run.log).toMatch(
      /::error::Smoke test of https:\/\/alc-algo-agents---green\.env\.smoke\.test\/ failed: p95 latency .* over max-p95-ms 1 ms/,
    );
    expect(run.outputs.passed).toBe('false');
    expect(run.outputs.report).toBe(report);
    expect(existsSync(report)).toBe(true);
    expect(run.summary).toMatch(/❌ Smoke test failed/);
  });

  // A runner that offers no summary file (an entry run by hand): the step's result is the run's, not the summary's.
  it.each<[string, Record<string, string>, number, RegExp[]]>([
    ['passes', {}, 0, []],
    [
      'fails for its threshold alone',
      { 'max-p95-ms': '1' },
      1,
      [/^::error::Smoke test of .* failed: p95 latency/],
    ],
    [
      'fails for a run that breaks (the folder of the report is a file)',
      { report: 'taken/report.json' },
      1,
      [/^::error::.*(ENOTDIR|EEXIST)/],
    ],
  ])('without GITHUB_STEP_SUMMARY: %s', async (_name, inputs, status, errors) => {
    writeFileSync(join(dir, 'taken'), '');
    const report = join(dir, inputs.report ?? 'smoke-test-report.json');
    const run = await runSmokeEntry(dir, { ...base(), ...inputs, report }, { GITHUB_STEP_SUMMARY: '' });
    expect(run.status).toBe(status);
    expect(run.log.match(/^::error::.*$/gm) ?? []).toEqual(errors.map((e) => expect.stringMatching(e)));
    expect(run.summary).toBe('');
    if (!inputs.report) expect(run.outputs.passed).toBe(String(status === 0));
  });

  it('a run that breaks writes its failure to the job summary', async () => {
    writeFileSync(join(dir, 'taken'), '');
    const run = await runSmokeEntry(dir, { ...base(), report: join(dir, 'taken', 'report.json') });
    expect(run.status).toBe(1);
    expect(run.summary).toMatch(/^## smoke-test: ❌ failed\n\n.*(ENOTDIR|EEXIST)/);
  });

  it.each([
    [
      'url',
      { url: 'app.example.com/healthz' },
      /Input 'url' has the invalid value 'app\.example\.com\/healthz'/,
    ],
    ['duration', { duration: '-5s' }, /Input 'duration' has the invalid value '-5s'/],
    [
      'resolve',
      { resolve: 'app.smoke.test:127.0.0.1' },
      /Input 'resolve' has the invalid value 'app\.smoke\.test:127\.0\.0\.1'/,
    ],
    [
      'checks',
      { checks: '- path: /x\n  stauts: 200' },
      /Input 'checks' has the invalid value 'check 1: stauts': allowed keys/,
    ],
  ])('rejects a bad %s before any request', async (_name, bad, message) => {
    const hits = app.hits;
    const run = await runSmokeEntry(dir, { ...base(), ...bad });
    expect(run.status).toBe(1);
    expect(run.log.match(/^::error::/gm)).toHaveLength(1);
    expect(run.log).toMatch(message);
    expect(app.hits).toBe(hits);
    expect(run.outputs).toEqual({});
  });
});
