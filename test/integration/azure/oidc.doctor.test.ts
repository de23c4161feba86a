// The OIDC doctor and the one-token-per-request rule, for real: the simulator's Entra ID holds a federated
// credential for another subject only, GitHub OIDC tokens are requested per job (subject by event) over HTTPS,
// and the credential is the one the actions build (createCredential: the federated credential of src/azure/entra.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import type { GithubJob } from '../../../src/azure/oidc.js';
import { armScope, createContainerAppsClient } from '../../../src/azure/connection.js';
import { OidcRefusedError } from '../../../src/azure/entra.js';
import {
  appPath,
  appSpec,
  startControlPlaneSim,
  type ControlPlaneSim,
  RG,
} from '../../support/control-plane-sim.js';
import { simAzure, simAzureInputs, simGithubToken } from '../../support/sim-azure.js';
import { errorLines, runEntry } from '../../support/deploy-sim.js';
import { HOSTILE, runSuggested, suggestedCommand } from '../../support/shell.js';
import { rejectionOf } from '../../support/errors.js';

const REPO = 'alc-algo/alc-algo';
const STAGING = `repo:${REPO}:environment:staging`;

let s: ControlPlaneSim;
beforeAll(async () => {
  s = await startControlPlaneSim({
    registry: false,
    federatedCredentials: [{ name: 'staging', subject: STAGING }],
  });
});
afterAll(async () => s?.stop());

/** The credential an action builds in a job like `job`, with its own GitHub OIDC request token. */
function jobCredential(job: GithubJob, env: Record<string, string> = {}) {
  const { token } = s.sim.identity.registerGithubJob(job);
  const jobEnv = { ...s.sim.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: token };
  const issued: string[] = [];
  const azure = simAzure(jobEnv, s.sim.ca, {
    getIdToken: async (audience) => {
      const t = await simGithubToken(jobEnv, s.sim.ca, audience);
      issued.push(t);
      return t;
    },
    runnerEnv: { GITHUB_REPOSITORY: REPO, ...env },
  });
  return { ...azure, token, issued };
}

describe('the OIDC doctor', () => {
  it.each([
    {
      name: 'a tag push',
      job: { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.2.0' },
      subject: `repo:${REPO}:ref:refs/tags/v1.2.0`,
      why: /a push of the tag v1\.2\.0 outside any environment/,
    },
    {
      name: 'an environment job',
      job: { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.2.0', environment: 'production' },
      subject: `repo:${REPO}:environment:production`,
      why: /a job in the environment 'production'/,
    },
    {
      name: 'a pull request',
      job: { repository: REPO, eventName: 'pull_request', ref: 'refs/pull/12/merge' },
      subject: `repo:${REPO}:pull_request`,
      why: /a pull_request event outside any environment/,
    },
    {
      name: 'a reusable workflow job',
      job: {
        repository: REPO,
        eventName: 'push',
        ref: 'refs/tags/v1.2.0',
        workflowRef: `${REPO}/.github/workflows/release.yml@refs/tags/v1.2.0`,
        jobWorkflowRef: 'alc-algo/alc-deploy/.github/workflows/release.yml@refs/tags/v1',
      },
      subject: `repo:${REPO}:ref:refs/tags/v1.2.0`,
      why: /in the reusable workflow alc-algo\/alc-deploy\/\.github\/workflows\/release\.yml@refs\/tags\/v1 called from .* \(the subject is the caller's\)/,
    },
  ])(
    '$name: iss, aud, sub, the job subject and the credential that matches',
    async ({ job, subject, why }) => {
      const { credential, issued, settings } = jobCredential(job);
      const error = await credential.getToken(armScope(settings)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OidcRefusedError);
      const message = (error as OidcRefusedError).message;
      expect((error as OidcRefusedError).code).toBe(700213);
      const iss = s.sim.identity.githubIssuer;
      expect(message).toContain(`AADSTS700213`);
      expect(message).toContain(
        `Presented token: iss '${iss}', aud 'api://AzureADTokenExchange', sub '${subject}'.`,
      );
      expect(message).toContain(`This job produces the subject '${subject}': `);
      expect(message).toMatch(why);
      expect(message).toContain(
        `The federated credential that matches: issuer '${iss}', subject '${subject}', audience 'api://AzureADTokenExchange'.`,
      );
      expect(message).toContain(`az ad app federated-credential create --id '${settings.clientId}'`);
      expect(message).toContain('docs/pipeline.md#federated-credentials');
      // The claims, never the token.
      expect(issued).toHaveLength(1);
      expect(message).not.toContain(issued[0]);
      expect(message).not.toContain(issued[0].split('.')[1]);
    },
  );

  it('the credential named by the doctor is the one Entra then accepts', async () => {
    const job = { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.3.0' };
    const before = jobCredential(job);
    const refused = await rejectionOf(
      OidcRefusedError,
      before.credential.getToken(armScope(before.settings)),
    );
    const [, issuer, subject, audience] =
      /The federated credential that matches: issuer '([^']+)', subject '([^']+)', audience '([^']+)'/.exec(
        refused.message,
      ) ?? [];
    const saved = s.sim.identity.config.federatedCredentials;
    s.sim.identity.config.federatedCredentials = [
      ...(saved ?? []),
      { issuer, subject, audiences: [audience] },
    ];
    try {
      const after = jobCredential(job);
      await expect(after.credential.getToken(armScope(after.settings))).resolves.toMatchObject({
        token: expect.any(String),
      });
    } finally {
      s.sim.identity.config.federatedCredentials = saved;
    }
  });

  it.each(HOSTILE.filter((b) => b !== '').map((b) => [JSON.stringify(b), b]))(
    'a push of the branch %s: the suggested command, run by bash, runs nothing else and adds the credential Entra then accepts',
    async (_name, branch) => {
      const job = { repository: REPO, eventName: 'push', ref: `refs/heads/${branch}` };
      const before = jobCredential(job);
      const refused = await rejectionOf(
        OidcRefusedError,
        before.credential.getToken(armScope(before.settings)),
      );
      expect(refused).toBeInstanceOf(OidcRefusedError);
      expect(refused.message).toMatch(
        /\nWarning: this subject is the branch .*: whatever anyone with push access puts on it.*Federating it to the production identity gives code nobody has reviewed production rights: federate it only to the preview identity/,
      );
      const { args, pwned } = runSuggested(suggestedCommand(refused.message));
      expect(pwned).toBe(false);
      expect(args.slice(0, 7)).toEqual([
        'ad',
        'app',
        'federated-credential',
        'create',
        '--id',
        before.settings.clientId,
        '--parameters',
      ]);
      expect(args).toHaveLength(8);
      const parameters = JSON.parse(args[7]) as { issuer: string; subject: string; audiences: string[] };
      expect(parameters.subject).toBe(`repo:${REPO}:ref:refs/heads/${branch}`);
      const saved = s.sim.identity.config.federatedCredentials;
      s.sim.identity.config.federatedCredentials = [
        ...(saved ?? []),
        { issuer: parameters.issuer, subject: parameters.subject, audiences: parameters.audiences },
      ];
      try {
        const after = jobCredential(job);
        await expect(after.credential.getToken(armScope(after.settings))).resolves.toMatchObject({
          token: expect.any(String),
        });
      } finally {
        s.sim.identity.config.federatedCredentials = saved;
      }
    },
  );

  it('a wrong audience input: AADSTS700212, and the doctor names the audience input', async () => {
    const { token } = s.sim.identity.registerGithubJob({
      repository: REPO,
      eventName: 'push',
      ref: 'refs/heads/main',
    });
    const jobEnv = { ...s.sim.env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: token };
    const inputs = { ...simAzureInputs(jobEnv), audience: 'api://AzureADMyOrg' };
    const { credential, settings } = simAzure(jobEnv, s.sim.ca, { inputs });
    const error = await rejectionOf(OidcRefusedError, credential.getToken(armScope(settings)));
    expect(error.code).toBe(700212);
    expect(error.message).toContain("aud 'api://AzureADMyOrg'");
    expect(error.message).toContain("the action's 'audience' input");
  });

  it("the action's ::error:: line carries the doctor's message, and the log holds no token", async () => {
    const { token } = s.sim.identity.registerGithubJob({
      repository: REPO,
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
    });
    const run = await runEntry(
      'blue-green',
      { ...simAzureInputs(s.sim.env), command: 'status', 'resource-group': RG, app: 'alc-algo-agents' },
      s.sim,
      { ACTIONS_ID_TOKEN_REQUEST_TOKEN: token, GITHUB_REPOSITORY: REPO, GITHUB_EVENT_NAME: 'pull_request' },
    );
    const errors = errorLines(run.stdout);
    expect(run.status).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`sub 'repo:${REPO}:pull_request'`);
    expect(errors[0]).toContain('The federated credential that matches');
    // Every JWT the run saw was masked (the runner drops ::add-mask:: lines); none is printed.
    const printed = run.log.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });
});

describe('one GitHub OIDC token per Entra token request', () => {
  const ok = { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.2.0', environment: 'staging' };

  it('one ARM read (a blue-green status run): one GitHub OIDC request, one Entra token request', async () => {
    const { credential, settings, token } = jobCredential(ok);
    const entra = s.sim.identity.requests.entra;
    const client = createContainerAppsClient(settings, credential, { tlsOptions: { ca: s.sim.ca } });
    expect(client).toBeInstanceOf(ContainerAppsAPIClient);
    await client.managedEnvironments.get(RG, 'alc-algo-env');
    // findVersionImage asks the same credential for the same scope: the kept token serves.
    await credential.getToken(armScope(settings));
    await client.managedEnvironments.get(RG, 'alc-algo-env');
    expect(s.sim.identity.githubTokensIssued(token)).toBe(1);
    expect(s.sim.identity.requests.entra - entra).toBe(1);
  });

  it('each new scope: one fresh assertion, never reused', async () => {
    const { credential, settings, token, issued } = jobCredential(ok);
    await credential.getToken(armScope(settings));
    await credential.getToken('https://containerregistry.azure.net/.default');
    expect(s.sim.identity.githubTokensIssued(token)).toBe(2);
    expect(new Set(issued).size).toBe(2);
  });

  it('concurrent requests for one scope share one Entra request', async () => {
    const { credential, settings, token } = jobCredential(ok);
    await Promise.all([1, 2, 3].map(() => credential.getToken(armScope(settings))));
    expect(s.sim.identity.githubTokensIssued(token)).toBe(1);
  });
});

describe('the Azure connection from the environment, once per workflow', () => {
  it('blue-green status with only command and app as inputs: the connection comes from the documented variables', async () => {
    // The app, written with the simulator's own token (raw ARM: the shape on the wire).
    const { location, ...properties } = appSpec(
      s.envId,
      `alcalgoregistry.azurecr.io/alc-algo-agents@sha256:${'0'.repeat(64)}`,
      {
        suffix: 'v1-0-0',
      },
    );
    const put = await s.arm('PUT', appPath(s.sim.ids.subscriptionId, 'env-app'), {
      body: { location, properties },
    });
    if (put.status >= 300) throw new Error(put.body);
    await s.sim.settle();
    const { token } = s.sim.identity.registerGithubJob({
      repository: REPO,
      eventName: 'push',
      ref: 'refs/tags/v1.0.0',
      environment: 'staging',
    });
    const connection = {
      AZURE_CLIENT_ID: s.sim.ids.clientId,
      AZURE_TENANT_ID: s.sim.ids.tenantId,
      AZURE_SUBSCRIPTION_ID: s.sim.ids.subscriptionId,
      ALC_DEPLOY_CLOUD: 'Custom',
      ALC_DEPLOY_ARM_ENDPOINT: s.sim.endpoints.arm,
      ALC_DEPLOY_AUTHORITY_HOST: s.sim.endpoints.authorityHost,
      ALC_DEPLOY_RESOURCE_GROUP: RG,
    };
    const run = await runEntry('blue-green', { command: 'status', app: 'env-app' }, s.sim, {
      ...connection,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
    });
    expect({ status: run.status, errors: errorLines(run.stdout) }).toEqual({ status: 0, errors: [] });
    expect(JSON.parse(run.outputs.traffic)).toEqual([expect.objectContaining({ weight: 100 })]);
    // GitHub OIDC (AZURE_CLIENT_ID, id-token: write, no client secret): one token for the whole run.
    expect(s.sim.identity.githubTokensIssued(token)).toBe(1);

    // A bad value in a variable: one ::error:: naming the input, the value and the variable, before any call.
    const bad = await runEntry('blue-green', { command: 'status', app: 'env-app' }, s.sim, {
      ...connection,
      AZURE_SUBSCRIPTION_ID: 'production',
    });
    expect(errorLines(bad.stdout)).toEqual([
      expect.stringMatching(
        /^::error::Input 'subscription-id' has the invalid value 'production': .* \(the input is empty: the value is the environment variable AZURE_SUBSCRIPTION_ID\)$/,
      ),
    ]);
  });
});
