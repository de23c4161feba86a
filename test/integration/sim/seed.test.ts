// A simulator seeded for another service of the firm, as `npm run sim -- --seed FILE --sim-env PATH` starts it (a
// separate process, ARM-only mode): its resource group and environment exist and nothing else does (Azure's
// ResourceGroupNotFound), the env file carries a run's variables, a job registered with its real claims signs in
// through the actions' own credential when a federated credential names it, and a job of another repository, or an
// app registration without credentials, is refused with Entra's codes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerGithubJobAt } from '../../../sim/github-jobs.js';
import { httpsRequest } from '../../../sim/http.js';
import type { RunnerJob } from '../../../sim/identity.js';
import { decodeJwt } from '../../../sim/jwt.js';
import { ROOT, eventually } from '../../support/docker.js';
import { simAzure, simGithubToken } from '../../support/sim-azure.js';

const REPO = 'acme/quotes-svc';
const PREVIEW_CLIENT = '7a2b3c4d-1e2f-4a5b-9c6d-2b3c4d5e6f70';
const LOCKED_CLIENT = '0f0f0f0f-1e2f-4a5b-9c6d-2b3c4d5e6f70';
const BARE_CLIENT = '2b2b2b2b-1e2f-4a5b-9c6d-2b3c4d5e6f70';
const SEED = `
environments:
  - resourceGroup: quotes-rg
    name: quotes-env
    location: westeurope
applications:
  - federatedCredentials:
      - subject: repo:${REPO}:environment:production
  - clientId: ${PREVIEW_CLIENT}
    var: AZURE_PREVIEW_CLIENT_ID
    federatedCredentials:
      - claimsMatchingExpression: claims['sub'] matches 'repo:${REPO}:pull_request'
  - clientId: ${BARE_CLIENT}
    federatedCredentials: []
`;

const stateDir = mkdtempSync(join(tmpdir(), 'alc-seed-sim-'));
const envPath = join(stateDir, 'run.env');
let cli: ChildProcess;
let output = '';
let exited: Promise<number | null>;
/** The env file, read as the workflow CLI reads it. */
let file: Record<string, string>;
let ca: string;

beforeAll(async () => {
  writeFileSync(join(stateDir, 'seed.yaml'), SEED);
  cli = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [
      'sim/cli.ts',
      '--no-docker',
      '--state-dir',
      join(stateDir, 'state'),
      '--arm-port',
      '0',
      '--registry-port',
      '0',
      '--lro-delay-ms',
      '50',
      '--seed',
      join(stateDir, 'seed.yaml'),
      '--federated-credential',
      `client-id=${LOCKED_CLIENT},subject=repo:${REPO}:environment:production`,
      '--environment',
      'quotes-rg/quotes-pr',
      '--sim-env',
      envPath,
    ],
    { cwd: ROOT, env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cli.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  cli.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  exited = new Promise((resolve) => cli.once('exit', (code) => resolve(code)));
  await eventually(() => (output.includes('Ctrl-C stops') ? true : undefined), 60_000).catch(() => {
    throw new Error(`the simulator did not start:\n${output}`);
  });
  file = Object.fromEntries(
    readFileSync(envPath, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  ca = readFileSync(file.NODE_EXTRA_CA_CERTS, 'utf8');
}, 90_000);

afterAll(async () => {
  if (cli?.pid && cli.exitCode === null) {
    process.kill(-cli.pid, 'SIGTERM');
    await exited;
  }
  rmSync(stateDir, { recursive: true, force: true });
});

/** What the runner does before a job: registers it with its claims, for the job's own token request endpoint. */
async function registerJob(job: Record<string, unknown>): Promise<{ status: number; body: string }> {
  return httpsRequest(`${file.ALC_SIM_ADMIN_URL}/github/jobs`, {
    ca,
    method: 'POST',
    headers: { authorization: `Bearer ${file.ALC_SIM_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(job),
  });
}

/** The Container Apps client of a job as the actions build it (inputs from the env file's variables). */
async function clientOfJob(job: Record<string, unknown>, clientId = file.AZURE_CLIENT_ID) {
  const own = await registerGithubJobAt(file, ca, job as unknown as RunnerJob);
  const jobEnv = { ACTIONS_ID_TOKEN_REQUEST_URL: own.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: own.token };
  const inputs = {
    cloud: file.AZURE_CLOUD,
    'arm-endpoint': file.AZURE_ARM_ENDPOINT,
    'authority-host': file.AZURE_AUTHORITY_HOST,
    'subscription-id': file.AZURE_SUBSCRIPTION_ID,
    'tenant-id': file.AZURE_TENANT_ID,
    'client-id': clientId,
  };
  return {
    token: (audience?: string) => simGithubToken(jobEnv, ca, audience),
    ...simAzure(file, ca, { inputs, getIdToken: (audience) => simGithubToken(jobEnv, ca, audience) }),
  };
}

const production = {
  repository: REPO,
  eventName: 'push',
  ref: 'refs/tags/v1.0.0',
  environment: 'production',
  sha: 'a'.repeat(40),
  actor: 'dev1',
  runId: 42,
  jobWorkflowRef: 'acme/alc-deploy/.github/workflows/reusable-release.yml@v1',
  workflowRef: `${REPO}/.github/workflows/release.yml@refs/tags/v1.0.0`,
};

describe('npm run sim -- --seed FILE (and flags) --sim-env PATH', () => {
  it('prints a neutral banner with the seeded environments and app registrations', () => {
    expect(output).toContain('Azure Container Apps simulator (alc-deploy)');
    expect(output).not.toMatch(/ALC-Algo|alc-algo-production/);
    expect(output).toMatch(/quotes-rg\/quotes-env \(westeurope\)/);
    expect(output).toMatch(/quotes-rg\/quotes-pr \(westeurope\)/);
    expect(output).toContain(`${PREVIEW_CLIENT} (AZURE_PREVIEW_CLIENT_ID)`);
  });

  it('writes the env file: repository variables and the runner machine’s, no client secret, mode 0600', () => {
    expect(file).toMatchObject({
      AZURE_CLOUD: 'Custom',
      AZURE_ARM_ENDPOINT: expect.stringMatching(/^https:\/\/localhost:\d+$/),
      AZURE_PREVIEW_CLIENT_ID: PREVIEW_CLIENT,
      ACR_REGISTRY: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      ACTIONS_ID_TOKEN_REQUEST_URL: expect.stringContaining('/github/oidc/token'),
      ALC_SIM_ADMIN_URL: expect.stringMatching(/\/_sim$/),
    });
    expect(file.AZURE_CLIENT_SECRET).toBeUndefined();
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
  });

  it('a production job of the repository signs in and finds its environment', async () => {
    const { client, token } = await clientOfJob(production);
    const env = await client.managedEnvironments.get('quotes-rg', 'quotes-env');
    expect(env).toMatchObject({ name: 'quotes-env', location: 'westeurope' });
    expect(decodeJwt(await token('api://AzureADTokenExchange'))?.claims).toMatchObject({
      sub: `repo:${REPO}:environment:production`,
      repository: REPO,
      repository_owner: 'acme',
      ref: 'refs/tags/v1.0.0',
      ref_type: 'tag',
      event_name: 'push',
      environment: 'production',
      sha: 'a'.repeat(40),
      actor: 'dev1',
      run_id: '42',
      job_workflow_ref: production.jobWorkflowRef,
      workflow_ref: production.workflowRef,
      aud: 'api://AzureADTokenExchange',
    });
  });

  it('the preview identity takes a pull request (flexible credential)', async () => {
    const { client } = await clientOfJob(
      { repository: REPO, eventName: 'pull_request', ref: 'refs/pull/7/merge' },
      PREVIEW_CLIENT,
    );
    await expect(client.managedEnvironments.get('quotes-rg', 'quotes-pr')).resolves.toMatchObject({
      name: 'quotes-pr',
    });
  });

  it.each<[string, Record<string, unknown>, string | undefined, RegExp]>([
    [
      'a job of another repository',
      { ...production, repository: 'acme/other-svc' },
      undefined,
      /AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme\/other-svc:environment:production'/,
    ],
    [
      'a job outside the environment its credential names',
      { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.0.0' },
      undefined,
      /AADSTS700213: .*subject 'repo:acme\/quotes-svc:ref:refs\/tags\/v1\.0\.0'/,
    ],
    ['a production job given the preview identity', production, PREVIEW_CLIENT, /AADSTS700213/],
    [
      'an app registration without any federated credential',
      production,
      BARE_CLIENT,
      /\(AADSTS70021\)[\s\S]*Entra said: AADSTS70021: No matching federated identity record found for presented assertion\./,
    ],
  ])('%s is refused as Entra refuses it', async (_, job, clientId, code) => {
    const { client } = await clientOfJob(job, clientId);
    await expect(client.managedEnvironments.get('quotes-rg', 'quotes-env')).rejects.toThrow(code);
  });

  it('the flag adds its credential to the file’s registrations (LOCKED_CLIENT signs in for production)', async () => {
    const { client } = await clientOfJob(production, LOCKED_CLIENT);
    await expect(client.managedEnvironments.get('quotes-rg', 'quotes-env')).resolves.toBeDefined();
  });

  it("a resource group the seed does not name: Azure's ResourceGroupNotFound, for GET and PUT", async () => {
    const { client } = await clientOfJob(production);
    for (const rg of ['alc-algo-production', 'quotes-rg-typo']) {
      await expect(client.managedEnvironments.get(rg, 'quotes-env')).rejects.toMatchObject({
        statusCode: 404,
        code: 'ResourceGroupNotFound',
        message: `Resource group '${rg}' could not be found.`,
      });
      await expect(client.containerApps.get(rg, 'quotes-svc')).rejects.toMatchObject({
        code: 'ResourceGroupNotFound',
      });
    }
    await expect(
      client.containerApps.beginCreateOrUpdateAndWait(
        'quotes-rg-typo',
        'quotes-svc',
        { location: 'westeurope', template: { containers: [{ name: 'app', image: 'x/y:1' }] } },
        { updateIntervalInMs: 50 },
      ),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ResourceGroupNotFound' });
  });

  it('the default request token speaks for no job when the seed names none', async () => {
    await expect(simGithubToken(file, ca)).rejects.toThrow(/seed names no default job \(githubJob\)/);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'no repository',
      { eventName: 'push', ref: 'refs/heads/main' },
      "'job.repository' has the invalid value '(missing)'",
    ],
    ['a branch name for ref', { repository: REPO, ref: 'main' }, "'job.ref' has the invalid value 'main'"],
    [
      'an unknown field',
      { repository: REPO, ref: 'refs/heads/main', subject: 'x' },
      "'job.subject' has the invalid value 'x': an unknown key",
    ],
  ])('a job registration with %s is refused (400), naming the field', async (_, job, message) => {
    const res = await registerJob(job);
    expect(res.status).toBe(400);
    expect((JSON.parse(res.body) as { error: { message: string } }).error.message).toContain(message);
  });

  it("registerGithubJobAt throws the simulator's word", async () => {
    await expect(
      registerGithubJobAt(file, ca, { repository: REPO, eventName: 'push', ref: 'main' }),
    ).rejects.toThrow(
      "the simulator refused to register the job (400): 'job.ref' has the invalid value 'main'",
    );
  });

  it('a job registration needs the admin token', async () => {
    const res = await httpsRequest(`${file.ALC_SIM_ADMIN_URL}/github/jobs`, {
      ca,
      method: 'POST',
      headers: { authorization: `Bearer ${file.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
      body: JSON.stringify(production),
    });
    expect(res.status).toBe(403);
  });
});
