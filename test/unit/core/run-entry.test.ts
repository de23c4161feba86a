import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeError,
  type Entry,
  type EntryRunner,
  failureSection,
  type RunReport,
  runEntry,
  writeSummary,
} from '../../../src/core/run-entry.js';
import { InputError } from '../../../src/core/inputs.js';

describe('describeError', () => {
  it.each([
    [new InputError('app', 'X', 'allowed: y'), "Input 'app' has the invalid value 'X': allowed: y"],
    [
      Object.assign(new Error('no app'), { code: 'ResourceNotFound', statusCode: 404 }),
      'no app (ResourceNotFound, HTTP 404)',
    ],
    [new Error('plain'), 'plain'],
    ['text', 'text'],
  ])('%#', (error, text) => expect(describeError(error)).toBe(text));
});

describe('writeSummary', () => {
  // One file for the whole block: @actions/core keeps the summary path it first resolved.
  const summary = join(mkdtempSync(join(tmpdir(), 'alc-summary-')), 'summary.md');
  const saved = process.env.GITHUB_STEP_SUMMARY;
  beforeEach(() => {
    writeFileSync(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
  });
  afterEach(() => {
    process.env.GITHUB_STEP_SUMMARY = saved;
  });

  it('appends Markdown to the summary file', async () => {
    await writeSummary('| a |\n');
    await writeSummary('| b |\n');
    expect(readFileSync(summary, 'utf8')).toBe('| a |\n| b |\n');
  });
  it('without a summary file (a runner that offers none, an entry run by hand) writes nothing and does not fail', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(writeSummary('## done\n')).resolves.toBeUndefined();
  });
});

describe('failureSection', () => {
  it('is the title and the error as the ::error:: line gives it', () => {
    expect(
      failureSection(
        'deploy-app: ❌ v1-2-0 failed',
        Object.assign(new Error('revision never turned healthy'), { code: 'Timeout' }),
      ),
    ).toBe('## deploy-app: ❌ v1-2-0 failed\n\nrevision never turned healthy (Timeout)\n');
  });
});

describe('runEntry', () => {
  type Settings = { app: string };
  type Result = { url: string; passed: boolean };
  /** A runner that records, in order, what the entry did to it. */
  function recorder() {
    const calls: string[] = [];
    const runner: EntryRunner = {
      setOutput: (name, value) => void calls.push(`output ${name}=${value}`),
      setFailed: (message) => void calls.push(`failed ${message}`),
      info: (line) => void calls.push(`info ${line}`),
      summary: async (markdown) => void calls.push(`summary ${markdown}`),
    };
    return { calls, runner };
  }
  const reporter = (calls: string[]): RunReport<Result> => ({
    started: async () => void calls.push('report started'),
    succeeded: async (r) => void calls.push(`report succeeded ${r.url}`),
    failed: async (why) => void calls.push(`report failed ${why}`),
  });
  const entry = (calls: string[], over: Partial<Entry<Settings, Result>>): Entry<Settings, Result> => ({
    settings: () => ({ app: 'agents' }),
    run: async (s) => ({ url: `https://${s.app}.example`, passed: true }),
    outputs: (r, s) => ({ url: r.url, app: s.app }),
    summary: (r) => `ok ${r.url}`,
    failureSummary: (e, s) => failureSection(`❌ ${s.app}`, e),
    report: () => reporter(calls),
    ...over,
  });
  const boom = Object.assign(new Error('boom'), { statusCode: 409 });

  it.each<[string, Partial<Entry<Settings, Result>>, string[]]>([
    [
      'success: reports, outputs from the map, summary, the closing line',
      { done: (r) => `done ${r.url}` },
      [
        'report started',
        'report succeeded https://agents.example',
        'output url=https://agents.example',
        'output app=agents',
        'summary ok https://agents.example',
        'info done https://agents.example',
      ],
    ],
    [
      'success without reporting',
      { report: () => undefined },
      ['output url=https://agents.example', 'output app=agents', 'summary ok https://agents.example'],
    ],
    [
      'a run that fails: its summary, its report, what it still outputs, one error',
      {
        run: async () => Promise.reject(boom),
        failureOutputs: () => ({ analysis: '[]' }),
        done: () => 'never',
      },
      [
        'report started',
        'summary ## ❌ agents\n\nboom (HTTP 409)\n',
        'report failed boom (HTTP 409)',
        'output analysis=[]',
        'failed boom (HTTP 409)',
      ],
    ],
    [
      'invalid settings: one error, nothing reported, no summary',
      {
        settings: () => {
          throw new InputError('app', 'X', 'allowed: y');
        },
      },
      ["failed Input 'app' has the invalid value 'X': allowed: y"],
    ],
    [
      'a verdict fails the step after the outputs and the summary, with no failure summary',
      { verdict: (r) => `threshold missed at ${r.url}`, done: () => 'never' },
      [
        'report started',
        'report succeeded https://agents.example',
        'output url=https://agents.example',
        'output app=agents',
        'summary ok https://agents.example',
        'failed threshold missed at https://agents.example',
      ],
    ],
    [
      'a verdict that passes',
      { verdict: () => undefined, report: () => undefined },
      ['output url=https://agents.example', 'output app=agents', 'summary ok https://agents.example'],
    ],
  ])('%s', async (_name, over, want) => {
    const { calls, runner } = recorder();
    await runEntry(entry(calls, over), runner);
    expect(calls).toEqual(want);
  });

  it('on the runner: no summary file fails neither a run nor a failed one', async () => {
    const saved = process.env.GITHUB_STEP_SUMMARY;
    const savedCode = process.exitCode;
    delete process.env.GITHUB_STEP_SUMMARY;
    try {
      await runEntry(entry([], { report: () => undefined }));
      expect(process.exitCode).toBe(savedCode);
      await runEntry(entry([], { report: () => undefined, run: async () => Promise.reject(boom) }));
      expect(process.exitCode).toBe(1);
    } finally {
      process.env.GITHUB_STEP_SUMMARY = saved;
      process.exitCode = savedCode;
    }
  });
});
