// The build-push entry started as a runner starts it: INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, the event payload, `npx tsx actions/build-push/src/main.ts`.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '../../src/registry.js';
import { describeWithDocker, ROOT, uniqueName } from '../support/docker.js';
import {
  localRefs,
  makeContext,
  type PlainRegistry,
  removeImages,
  startPlainRegistry,
} from './build-push-helpers.js';

interface Run {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    outputs[m[1]] = value.join('\n');
  }
  return outputs;
}

describeWithDocker('build-push entry, run as a runner runs it', () => {
  let registry: PlainRegistry;
  let context: ReturnType<typeof makeContext>;
  let dir: string;
  const repository = `${uniqueName('bpt')}/entry`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bpt-entry-'));
    registry = await startPlainRegistry();
    context = makeContext();
  });

  afterAll(async () => {
    if (registry) removeImages(localRefs(`${registry.server}/${repository}`));
    await registry?.stop();
    context?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  function run(
    inputs: Record<string, string>,
    github: Record<string, string>,
    payload: object = {},
  ): Promise<Run> {
    const runDir = mkdtempSync(join(dir, 'run-'));
    const files = {
      output: join(runDir, 'output'),
      summary: join(runDir, 'summary'),
      event: join(runDir, 'event.json'),
    };
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    writeFileSync(files.event, JSON.stringify(payload));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: runDir,
      DOCKER_HOST: process.env.DOCKER_HOST,
      DOCKER_CONFIG: join(runDir, 'docker'),
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_WORKSPACE: context.dir,
      GITHUB_REPOSITORY: 'alc/alc-algo',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: 'feedface00112233445566778899aabbccddeeff',
      RUNNER_TEMP: runDir,
      npm_config_update_notifier: 'false',
      ...github,
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return new Promise((resolve) => {
      const child = spawn('npx', ['tsx', join(ROOT, 'actions/build-push/src/main.ts')], { cwd: ROOT, env });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stdout += c.toString()));
      child.on('close', (code) =>
        resolve({
          code,
          stdout,
          outputs: parseOutputs(readFileSync(files.output, 'utf8')),
          summary: readFileSync(files.summary, 'utf8'),
        }),
      );
    });
  }

  const base = () => ({
    registry: registry.server,
    repository,
    auth: 'none',
    'build-args': 'APP_VERSION={{version}}',
  });

  it('builds and pushes a pull request image and writes the outputs and the job summary', async () => {
    const head = 'abc1234000000000000000000000000000000000';
    const r = await run(
      base(),
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/12/merge' },
      {
        pull_request: { number: 12, head: { sha: head } },
      },
    );
    expect(r.code).toBe(0);
    const digest = await new RegistryClient(registry.server).digestOf(repository, 'pr-12-abc1234');
    expect(r.outputs).toEqual({
      image: `${registry.server}/${repository}@${digest}`,
      digest,
      tags: ['pr-12', 'pr-12-abc1234', 'sha-feedfac']
        .map((t) => `${registry.server}/${repository}:${t}`)
        .join('\n'),
      version: 'pr-12-abc1234',
    });
    expect(r.summary).toContain('## build-push: pr-12-abc1234');
    expect(r.summary).toContain(`| Image | \`${registry.server}/${repository}@${digest}\` |`);
    expect(r.summary).toMatch(/\| Size \| [\d.]+ (KiB|MiB) \(compressed\) \|/);
    expect(r.summary).toMatch(/\| Build time \| [\d.]+ m?s \|/);
    expect(r.summary).toContain('Did not run: not a release build');
    expect(r.stdout).not.toContain('::error::');
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'a missing Dockerfile',
      { dockerfile: 'nope/Dockerfile' },
      "Input 'dockerfile' has the invalid value 'nope/Dockerfile'",
    ],
    [
      'an invalid repository name',
      { repository: 'Alc_Algo/Agents' },
      "Input 'repository' has the invalid value 'Alc_Algo/Agents'",
    ],
    [
      'platforms without buildx',
      { platforms: 'linux/amd64,linux/arm64' },
      "Input 'platforms' has the invalid value 'linux/amd64,linux/arm64': allowed only where docker buildx",
    ],
    ['keep below 0', { keep: '-1' }, "Input 'keep' has the invalid value '-1'"],
    ['a bad tag', { tags: 'good, -bad' }, "Input 'tags' has the invalid value '-bad'"],
    ['an unknown auth', { auth: 'password' }, "Input 'auth' has the invalid value 'password'"],
  ])('fails before building on %s, with one ::error::', async (_name, inputs, message) => {
    const r = await run(
      { ...base(), ...inputs },
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' },
    );
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect({ code: r.code, errors: errors.length }).toEqual({ code: 1, errors: 1 });
    expect(errors[0]).toContain(message);
    expect(r.stdout).not.toMatch(/\[command\]\S*docker (build|push|login)\b/);
    expect(r.outputs).toEqual({});
  });
});
