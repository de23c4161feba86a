import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeError, withFailureSummary, writeSummary } from '../../src/action.js';
import { InputError } from '../../src/inputs.js';

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

describe('withFailureSummary', () => {
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

  it('passes a result through and writes nothing', async () => {
    await expect(withFailureSummary('deploy-app failed', Promise.resolve(7))).resolves.toBe(7);
    expect(readFileSync(summary, 'utf8')).toBe('');
  });
  it('writes the title and the error to the job summary, then rethrows it', async () => {
    const error = new Error('revision never turned healthy');
    await expect(withFailureSummary('deploy-app: ❌ v1-2-0 failed', Promise.reject(error))).rejects.toBe(
      error,
    );
    expect(readFileSync(summary, 'utf8')).toBe(
      '## deploy-app: ❌ v1-2-0 failed\n\nrevision never turned healthy\n',
    );
  });
  it('appends Markdown to the summary file', async () => {
    await writeSummary('| a |\n');
    await writeSummary('| b |\n');
    expect(readFileSync(summary, 'utf8')).toBe('| a |\n| b |\n');
  });
  it('without a summary file (a runner that offers none, an entry run by hand) writes nothing and does not fail', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(writeSummary('## done\n')).resolves.toBeUndefined();
    const error = new Error('boom');
    await expect(withFailureSummary('failed', Promise.reject(error))).rejects.toBe(error);
  });
});
