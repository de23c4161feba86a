// A second service adopts alc-deploy, as docs/pipeline.md ("Trying it locally before Azure") tells a newcomer to:
// quotes-svc (test/fixtures/adopter/quotes-svc: quotes-rg/quotes-env, registry repository quotes-svc, port 9090, no
// Key Vault, no broker) with its own callers of `acme/alc-deploy/...@v1`, against a simulator seeded from its
// sim-seed.yaml (its resource groups, environment and four identities, each federated to acme/quotes-svc's jobs
// only). Every run is the workflow CLI itself (`runner/cli.ts workflow`, a child process) reading the simulator's env
// file: release v1.0.0 (first deploy), release v1.1.0 (blue-green), a rollback to v1.0.0, a pull request preview and
// its teardown; and a job whose federated credential is missing fails as Entra fails it.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envFileText } from '../../../sim/env-file.js';
import { httpsRequest } from '../../../sim/http.js';
import { startSimulator, type Simulator } from '../../../sim/index.js';
import { parseSeedText } from '../../../sim/seed.js';
import { flatJobs, type WorkflowRun } from '../../../runner/workflow.js';
import { describeWithDocker, ROOT } from '../../support/docker.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'adopter', 'quotes-svc');
const REPOSITORY = 'acme/quotes-svc';
const APP = 'quotes-svc';

interface CliRun {
  code: number;
  output: string;
  run?: WorkflowRun;
}

describeWithDocker('adoption: quotes-svc through the workflow CLI against a seeded simulator', () => {
  let sim: Simulator;
  let stateDir: string;
  let ws: string;
  let envFile: string;
  let out: string;

  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: ws,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'quotes',
        GIT_AUTHOR_EMAIL: 'quotes@example.invalid',
        GIT_COMMITTER_NAME: 'quotes',
        GIT_COMMITTER_EMAIL: 'quotes@example.invalid',
      },
    }).trim();

  /** `npx tsx runner/cli.ts workflow <file> ...` as a newcomer types it (asynchronous: the simulator is here). */
  const cli = (file: string, args: string[]): Promise<CliRun> => {
    const dir = mkdtempSync(join(out, 'run-'));
    const argv = [
      join(ROOT, 'runner', 'cli.ts'),
      'workflow',
      `.github/workflows/${file}`,
      '--workspace',
      ws,
      '--repository',
      REPOSITORY,
      '--sim-env',
      envFile,
      '--out',
      dir,
      // A quick run: no buildx on this machine, short waits and smoke tests.
      '--var',
      'BUILDX=false',
      '--var',
      'PROMOTE_STEPS=50,100',
      '--var',
      'PROMOTE_STEP_WAIT=2s',
      '--var',
      'SMOKE_DURATION=3s',
      '--var',
      'DEPLOY_WAIT_TIMEOUT=60s',
      ...args,
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), argv, {
        cwd: ROOT,
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        let run: WorkflowRun | undefined;
        try {
          run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as WorkflowRun;
        } catch {
          run = undefined;
        }
        resolve({ code: code ?? -1, output, run });
      });
    });
  };

  const jobsOf = (r: CliRun) => Object.fromEntries(flatJobs(r.run?.jobs ?? []).map((j) => [j.id, j]));
  /** A run that must succeed: else its exit code and the end of its log, as the failure. */
  const succeeded = (r: CliRun) => {
    if (r.code !== 0 || r.run?.result !== 'success') {
      throw new Error(`exit ${r.code}, result ${r.run?.result}\n${r.output.slice(-8000)}`);
    }
  };

  /** The version quotes-svc answers at `host` (through the simulator's ingress). */
  const versionAt = async (host: string): Promise<string> => {
    const res = await httpsRequest(`https://127.0.0.1:${sim.env.ALC_SIM_INGRESS_PORT}/version`, {
      ca: sim.ca,
      host,
    });
    return res.status === 200
      ? String((JSON.parse(res.body) as { version?: string }).version)
      : `HTTP ${res.status}`;
  };

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'alc-adoption-sim-'));
    out = mkdtempSync(join(tmpdir(), 'alc-adoption-out-'));
    ws = mkdtempSync(join(tmpdir(), 'quotes-svc-'));
    cpSync(FIXTURE, ws, { recursive: true });
    git('init', '--quiet', '--initial-branch=main');
    git('add', '--all');
    git('commit', '--quiet', '--no-gpg-sign', '-m', 'quotes-svc');
    // As actions/checkout with fetch-depth: 0 leaves it: origin's main fetched (the release checks the tag is on it).
    git('remote', 'add', 'origin', ws);
    git('fetch', '--quiet', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main');
    const seed = parseSeedText(readFileSync(join(FIXTURE, 'sim-seed.yaml'), 'utf8'), 'sim-seed.yaml');
    sim = await startSimulator({ stateDir, seed, lroDelayMs: 200 });
    // The env file `npm run sim -- --sim-env` writes, from the same function.
    envFile = join(out, 'sim.env');
    writeFileSync(envFile, envFileText(sim.vars, sim.env), { mode: 0o600 });
  }, 240_000);

  afterAll(async () => {
    await sim?.stop();
    for (const dir of [stateDir, out, ws]) if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  const appHost = () => `${APP}.${sim.domain}`;

  it('releases v1.0.0: the first deploy, each job with its own identity', async () => {
    git('tag', 'v1.0.0');
    const r = await cli('release.yml', ['--event', 'push', '--ref', 'refs/tags/v1.0.0']);
    succeeded(r);
    const jobs = jobsOf(r);
    expect(jobs['release/build'].oidcSubject).toBe(`repo:${REPOSITORY}:environment:production-build`);
    expect(jobs['release/release'].oidcSubject).toBe(`repo:${REPOSITORY}:environment:production`);
    expect(jobs['release/release'].jobWorkflowRef).toBe(
      'acme/alc-deploy/.github/workflows/reusable-release.yml@refs/tags/v1',
    );
    expect(r.output).toMatch(/uses: <owner>\/alc-deploy\/\.\.\.@<ref> is this checkout/);
    expect(await versionAt(appHost())).toBe('1.0.0');
  }, 300_000);

  it('releases v1.1.0 blue-green: the new version takes all the traffic', async () => {
    writeFileSync(join(ws, 'CHANGES'), 'v1.1.0: fresher quotes\n');
    git('add', 'CHANGES');
    git('commit', '--quiet', '--no-gpg-sign', '-m', 'v1.1.0');
    git('fetch', '--quiet', '--no-tags', 'origin', '+refs/heads/main:refs/remotes/origin/main');
    git('tag', 'v1.1.0');
    const r = await cli('release.yml', ['--event', 'push', '--ref', 'refs/tags/v1.1.0']);
    succeeded(r);
    const release = jobsOf(r)['release/release'];
    expect(release.outputs['production-revision']).toMatch(/v1-1-0/);
    expect(await versionAt(appHost())).toBe('1.1.0');
  }, 300_000);

  it('rolls back to v1.0.0 by hand, with a reason', async () => {
    const r = await cli('rollback.yml', [
      '--event',
      'workflow_dispatch',
      '--input',
      'to=v1.0.0',
      '--input',
      'reason=quotes stale',
      '--var',
      `APP_URL=https://${appHost()}`,
    ]);
    succeeded(r);
    expect(await versionAt(appHost())).toBe('1.0.0');
  }, 300_000);

  it('previews pull request 7 in its own resource group, then tears it down', async () => {
    const head = git('rev-parse', 'HEAD');
    const opened = await cli('preview.yml', ['--event', 'pull_request', '--pr', '7', '--head-sha', head]);
    succeeded(opened);
    const jobs = jobsOf(opened);
    expect(jobs['preview/build'].oidcSubject).toBe(`repo:${REPOSITORY}:environment:preview-build`);
    expect(opened.output).toMatch(/Preview of quotes-svc \(stale quotes allowed\)/);
    const closed = await cli('preview.yml', [
      '--event',
      'pull_request',
      '--pr',
      '7',
      '--pr-action',
      'closed',
      '--head-sha',
      head,
    ]);
    succeeded(closed);
  }, 300_000);

  it('a job whose federated credential is missing fails as Entra fails it (AADSTS700213)', async () => {
    // The same files run for another repository: no credential names its subjects.
    git('tag', 'v1.2.0');
    const r = await cli('release.yml', [
      '--event',
      'push',
      '--ref',
      'refs/tags/v1.2.0',
      '--repository',
      'acme/quotes-fork',
    ]);
    expect(r.code).toBe(1);
    const build = jobsOf(r)['release/build'];
    expect(build.result).toBe('failure');
    expect(build.steps.flatMap((s) => s.errors).join('\n')).toMatch(/AADSTS700213/);
    expect(jobsOf(r)['release/release'].result).toBe('skipped');
    expect(await versionAt(appHost())).toBe('1.0.0');
  }, 300_000);
});
