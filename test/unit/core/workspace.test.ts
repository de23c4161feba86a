// Path inputs are resolved with their symlinks and confined to the workspace (GITHUB_WORKSPACE, else the current
// directory): `..`, absolute paths elsewhere and symlinks out are one InputError naming the input, and no error
// echoes the file. `report` never writes outside the workspace nor through a symlink. A real temporary workspace
// with real symlinks.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { readBuildPushSettings } from '../../../src/build/settings.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { InputError } from '../../../src/core/inputs.js';
import { workspacePath } from '../../../src/core/workspace.js';
import { writeReport } from '../../../src/smoke/entry.js';
import { readSmokeSettings } from '../../../src/smoke/settings.js';
import type { SmokeReport } from '../../../src/smoke/summary.js';
import { errorOf } from '../../support/errors.js';

const CONTENT = 'TOP-SECRET-CONTENT';
// made at load time: the test tables name them
const ws = mkdtempSync(join(tmpdir(), 'alc-ws-'));
const outside = mkdtempSync(join(tmpdir(), 'alc-outside-'));

beforeAll(() => {
  for (const f of ['secret.yml', 'secret.pem', 'spec.yaml', 'Dockerfile'])
    writeFileSync(join(outside, f), `- ${CONTENT}\n`);
  writeFileSync(join(outside, 'target.json'), 'untouched\n');
  mkdirSync(join(outside, 'ctx'));
  writeFileSync(join(outside, 'ctx', 'Dockerfile'), 'FROM scratch\n');
  cpSync('deploy', join(ws, 'deploy'), { recursive: true });
  mkdirSync(join(ws, 'app'));
  writeFileSync(join(ws, 'app', 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(ws, 'checks.yml'), '- path: /healthz\n');
  writeFileSync(join(ws, 'ca.pem'), 'not really a PEM\n');
  symlinkSync(outside, join(ws, 'link-out'));
  symlinkSync(join(outside, 'secret.yml'), join(ws, 'checks-link.yml'));
  symlinkSync(join(outside, 'target.json'), join(ws, 'report-link.json'));
  symlinkSync(join(ws, 'checks.yml'), join(ws, 'inside-link.yml'));
});
afterAll(() => {
  rmSync(ws, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** The error `fn` throws, asserted to be one InputError naming `input` that never shows the file's contents. */
function refused(fn: () => unknown, input: string): void {
  const error = errorOf(InputError, fn);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).input).toBe(input);
  expect((error as Error).message).toMatch(/inside the workspace/);
  expect((error as Error).message).not.toContain(CONTENT);
}

const escapes = (file: string) => [
  `../${outside.split('/').pop()}/${file}`,
  join(outside, file),
  `link-out/${file}`,
];
const env = () => ({ GITHUB_WORKSPACE: ws, RUNNER_TEMP: join(ws, 'tmp') });

describe('workspacePath', () => {
  it.each([
    ['app/Dockerfile', 'app/Dockerfile'],
    ['./app/../app/Dockerfile', 'app/Dockerfile'],
    ['inside-link.yml', 'inside-link.yml'],
    ['new/dir/report.json', 'new/dir/report.json'],
  ])('%p stays inside', (raw, want) => expect(workspacePath('x', raw, { env: env() })).toBe(join(ws, want)));
  it('an absolute path inside the workspace is fine', () =>
    expect(workspacePath('x', join(ws, 'checks.yml'), { env: env() })).toBe(join(ws, 'checks.yml')));
  it.each([
    '..',
    '../x',
    '/etc/passwd',
    'link-out',
    'link-out/secret.yml',
    'checks-link.yml',
    'link-out/new.json',
  ])('%p is refused', (raw) => refused(() => workspacePath('x', raw, { env: env() }), 'x'));
  it('without GITHUB_WORKSPACE the current directory is the workspace', () =>
    refused(() => workspacePath('x', '/etc/passwd', { env: {} }), 'x'));
});

describe('smoke-test path inputs', () => {
  const read = (values: Record<string, string>) =>
    readSmokeSettings((n) => ({ url: 'https://app.example/', ...values })[n] ?? '', { env: env() });
  it.each([...escapes('secret.yml'), 'checks-link.yml'])('checks %p', (raw) =>
    refused(() => read({ checks: raw }), 'checks'),
  );
  it.each([...escapes('secret.pem')])('ca-file %p', (raw) =>
    refused(() => read({ 'ca-file': raw }), 'ca-file'),
  );
  it.each([...escapes('target.json'), 'report-link.json', '../r.json'])('report %p', (raw) =>
    refused(() => read({ report: raw }), 'report'),
  );
  it('inside the workspace they are taken', () => {
    const s = read({ checks: 'inside-link.yml', 'ca-file': 'ca.pem', report: 'out/report.json' });
    expect(s.checks.map((c) => c.path)).toEqual(['/healthz']);
    expect(s.caFile).toBe(join(ws, 'ca.pem'));
    expect(s.reportPath).toBe(join(ws, 'out/report.json'));
  });
  it('a checks file in the workspace that is no checks list: its contents are not echoed', () => {
    writeFileSync(join(ws, 'notes.yml'), `- ${CONTENT}\n`);
    const message = errorOf(InputError, () => read({ checks: 'notes.yml' })).message;
    expect(message).toMatch(/^Input 'checks'/);
    expect(message).not.toContain(CONTENT);
  });
});

describe('writeReport never writes outside the workspace nor through a symlink', () => {
  const report = { passed: true } as unknown as SmokeReport;
  it('a symlink placed after the inputs were read is refused, its target untouched', async () => {
    const path = workspacePath('report', 'late.json', { env: env() });
    symlinkSync(join(outside, 'target.json'), path);
    await expect(writeReport(path, report, ws)).rejects.toThrow(/^Input 'report'.*not a symlink/);
    expect(readFileSync(join(outside, 'target.json'), 'utf8')).toBe('untouched\n');
  });
  it('a folder swapped for a symlink out is refused', async () => {
    const path = workspacePath('report', 'swapped/r.json', { env: env() });
    symlinkSync(outside, join(ws, 'swapped'));
    await expect(writeReport(path, report, ws)).rejects.toThrow(/^Input 'report'/);
  });
  it('a plain file in the workspace is written', async () => {
    const path = workspacePath('report', 'reports/r.json', { env: env() });
    await writeReport(path, report, ws);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ passed: true });
  });
});

describe('deploy-app path inputs', () => {
  const read = (values: Record<string, string>) =>
    readDeploySettings(
      (n) =>
        ({
          'subscription-id': '00000000-0000-0000-0000-000000000001',
          'resource-group': 'alc-algo-production',
          image: `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'a'.repeat(64)}`,
          'revision-suffix': 'v1-2-3',
          version: '1.2.3',
          'trading-lease': 'unmanaged',
          ...values,
        })[n] ?? '',
      { env: env() },
    );
  it.each(escapes('spec.yaml'))('spec %p', (raw) => refused(() => read({ spec: raw }), 'spec'));
  it.each(escapes('spec.yaml'))('preview-spec %p', (raw) =>
    refused(() => read({ mode: 'preview', label: 'pr-1', 'preview-spec': raw }), 'preview-spec'),
  );
  it.each(escapes('secret.pem'))('ca-file %p', (raw) => refused(() => read({ 'ca-file': raw }), 'ca-file'));
  it('the workspace spec is taken', () => expect(read({}).app).toBe('alc-algo-agents'));
  it('a blank ca-file is none, as in smoke-test (not the workspace folder)', () =>
    expect(read({ 'ca-file': '  ' }).caFile).toBeUndefined());
});

describe('blue-green path inputs', () => {
  const read = (values: Record<string, string>) =>
    readBlueGreenSettings(
      (n) =>
        ({
          'subscription-id': '00000000-0000-0000-0000-000000000001',
          'resource-group': 'alc-algo-production',
          command: 'status',
          ...values,
        })[n] ?? '',
      { env: env() },
    );
  it.each(escapes('spec.yaml'))('spec %p', (raw) => refused(() => read({ spec: raw }), 'spec'));
  it.each(escapes('secret.yml'))('checks %p', (raw) => refused(() => read({ checks: raw }), 'checks'));
  it.each(escapes('secret.pem'))('ca-file %p', (raw) => refused(() => read({ 'ca-file': raw }), 'ca-file'));
  it('an empty GITHUB_WORKSPACE is the current directory for every input, whatever the process says', () => {
    const own = process.env.GITHUB_WORKSPACE;
    process.env.GITHUB_WORKSPACE = outside;
    try {
      const s = readBlueGreenSettings(
        (n) =>
          ({
            'subscription-id': '00000000-0000-0000-0000-000000000001',
            'resource-group': 'alc-algo-production',
            command: 'status',
            analysis: 'deploy/analysis.yaml',
          })[n] ?? '',
        { env: { GITHUB_WORKSPACE: '' } },
      );
      expect(s.analysis).toBeDefined();
    } finally {
      if (own === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = own;
    }
  });
});

describe('build-push path inputs', () => {
  const read = (values: Record<string, string>) =>
    readBuildPushSettings(
      (n) =>
        ({ registry: 'r.azurecr.io', repository: 'agents', auth: 'none', context: 'app', ...values })[n] ??
        '',
      { git: { eventName: 'push', ref: 'refs/heads/main', sha: 'abcdef0123' }, workspace: ws },
    );
  it.each(escapes('ctx'))('context %p', (raw) => refused(() => read({ context: raw }), 'context'));
  it.each(escapes('Dockerfile'))('dockerfile %p', (raw) =>
    refused(() => read({ dockerfile: raw }), 'dockerfile'),
  );
  it('a context whose default Dockerfile is a symlink out is refused', () => {
    mkdirSync(join(ws, 'ctx2'));
    symlinkSync(join(outside, 'Dockerfile'), join(ws, 'ctx2', 'Dockerfile'));
    refused(() => read({ context: 'ctx2' }), 'dockerfile');
  });
  it('the workspace context and Dockerfile are taken', () =>
    expect(read({}).dockerfile).toBe(join(ws, 'app', 'Dockerfile')));
});
