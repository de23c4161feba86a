// The build-push entry started as a runner starts it: INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, the event payload, `npx tsx actions/build-push/src/main.ts`.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '../../../src/registry/client.js';
import { describeWithDocker, uniqueName } from '../../support/docker.js';
import {
  makeContext,
  type PlainRegistry,
  removeRepositories,
  runBuildPushEntry,
  startPlainRegistry,
} from '../../support/build-push.js';
import { errorLines } from '../../support/entry.js';

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
    if (registry) removeRepositories([`${registry.server}/${repository}`]);
    await registry?.stop();
    context?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>, github: Record<string, string>, payload: object = {}) =>
    runBuildPushEntry(dir, inputs, { GITHUB_WORKSPACE: context.dir, ...github }, payload);

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
    expect(r.status).toBe(0);
    const digest = await new RegistryClient(registry.server).digestOf(repository, 'pr-12-abc1234');
    expect(r.outputs).toEqual({
      image: `${registry.server}/${repository}@${digest}`,
      digest,
      // The commit built is the PR head (GITHUB_SHA, the merge commit feedfac..., is not what was checked out).
      tags: ['pr-12', 'pr-12-abc1234', 'sha-abc1234']
        .map((t) => `${registry.server}/${repository}:${t}`)
        .join('\n'),
      version: 'pr-12-abc1234',
    });
    const revision = execFileSync(
      'docker',
      [
        'image',
        'inspect',
        '--format',
        '{{index .Config.Labels "org.opencontainers.image.revision"}}',
        `${registry.server}/${repository}:sha-abc1234`,
      ],
      { env: process.env, encoding: 'utf8' },
    ).trim();
    expect(revision).toBe(head);
    expect(r.summary).toContain('## build-push: pr-12-abc1234');
    expect(r.summary).toContain(`| **Image** | \`${registry.server}/${repository}@${digest}\` |`);
    expect(r.summary).toMatch(/\| \*\*Size\*\* \| [\d.]+ (KiB|MiB) \(compressed\) \|/);
    expect(r.summary).toMatch(/\| \*\*Build time\*\* \| [\d.]+ m?s \|/);
    expect(r.summary).toContain('Did not run: not a release build');
    expect(r.log).not.toContain('::error::');
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
    const errors = errorLines(r.log);
    expect({ status: r.status, errors: errors.length }).toEqual({ status: 1, errors: 1 });
    expect(errors[0]).toContain(message);
    expect(r.log).not.toMatch(/\[command\]\S*docker (build|push|login)\b/);
    expect(r.outputs).toEqual({});
  });
});
