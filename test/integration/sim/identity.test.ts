// The simulator's identity services: Entra ID (openid-configuration, client_credentials with a GitHub
// OIDC client assertion or a client secret) and the GitHub Actions OIDC token endpoint, through the
// real @azure/identity credentials and, in a child process with only the simulator's `env`, through
// @actions/core getIDToken exactly as an action runs it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ClientSecretCredential } from '@azure/identity';
import { decodeJwt } from '../../../sim/jwt.js';
import type { GithubJob } from '../../../src/azure/oidc.js';
import { ASSERTION_AUDIENCE, IdentityService, type IdentityConfig } from '../../../sim/identity.js';
import { httpsRequest } from '../../../sim/http.js';
import { ROOT } from '../../support/docker.js';
import { githubToken, startControlPlaneSim, type ControlPlaneSim } from '../../support/control-plane-sim.js';
import { simAzure, simGithubToken } from '../../support/sim-azure.js';

let s: ControlPlaneSim;
beforeAll(async () => {
  s = await startControlPlaneSim({ registry: false });
});
afterAll(async () => s?.stop());

const tokenEndpoint = () => `${s.sim.endpoints.authorityHost}/${s.sim.ids.tenantId}/oauth2/v2.0/token`;
const postToken = (fields: Record<string, string>, tenant = s.sim.ids.tenantId) =>
  httpsRequest(`${s.sim.endpoints.authorityHost}/${tenant}/oauth2/v2.0/token`, {
    ca: s.sim.ca,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const clientCredentials = (extra: Record<string, string>) => ({
  grant_type: 'client_credentials',
  client_id: s.sim.ids.clientId,
  scope: `${s.sim.endpoints.arm}/.default`,
  ...extra,
});
const assertionFields = (assertion: string) => ({
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: assertion,
});

describe('Entra ID', () => {
  it('serves the openid-configuration MSAL reads', async () => {
    const res = await httpsRequest(
      `${s.sim.endpoints.authorityHost}/${s.sim.ids.tenantId}/v2.0/.well-known/openid-configuration`,
      { ca: s.sim.ca },
    );
    expect(JSON.parse(res.body)).toMatchObject({
      issuer: `${s.sim.endpoints.authorityHost}/${s.sim.ids.tenantId}/v2.0`,
      token_endpoint: tokenEndpoint(),
      authorization_endpoint: expect.any(String),
      jwks_uri: expect.any(String),
    });
  });

  it('the federated credential: a GitHub OIDC assertion buys an RS256 access token for the scope', async () => {
    let assertions = 0;
    // Built as the actions build it: createCredential with GitHub OIDC.
    const { credential, settings } = simAzure(s.sim.env, s.sim.ca, {
      getIdToken: async (audience) => {
        assertions += 1;
        return githubToken(s.sim, audience);
      },
    });
    expect(settings.credential).toBe('github-oidc');
    const access = await credential.getToken(`${s.sim.endpoints.arm}/.default`);
    if (!access) throw new Error('no access token');
    const { token, expiresOnTimestamp } = access;
    const decoded = decodeJwt(token);
    expect(decoded?.header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(decoded?.claims).toMatchObject({
      aud: s.sim.endpoints.arm,
      tid: s.sim.ids.tenantId,
      appid: s.sim.ids.clientId,
      oid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(expiresOnTimestamp).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(s.sim.identity.verify(token)).toMatchObject({ aud: s.sim.endpoints.arm });
    expect(s.sim.identity.verify(`${token.slice(0, -4)}AAAA`)).toBeUndefined();
    expect(assertions).toBe(1);
  });

  it('every token request gets a fresh GitHub assertion, each masked before use', async () => {
    const issued: string[] = [];
    const masked: string[] = [];
    const { credential } = simAzure(s.sim.env, s.sim.ca, {
      getIdToken: async (audience) => {
        const token = await githubToken(s.sim, audience);
        issued.push(token);
        return token;
      },
      mask: (secret) => masked.push(secret),
    });
    await credential.getToken(`${s.sim.endpoints.arm}/.default`);
    await credential.getToken('https://alc-algo-agents.example/.default');
    // One GitHub token per Entra token request (MSAL alone would ask twice per request), never reused.
    expect(issued.length).toBe(2);
    expect(new Set(issued).size).toBe(issued.length);
    expect(masked).toEqual(issued);
  });

  it('ClientSecretCredential works with the secret and refuses another one', async () => {
    const make = (secret: string) =>
      new ClientSecretCredential(s.sim.ids.tenantId, s.sim.ids.clientId, secret, {
        authorityHost: s.sim.endpoints.authorityHost,
        disableInstanceDiscovery: true,
        tlsOptions: { ca: s.sim.ca },
      });
    await expect(
      make(s.sim.ids.clientSecret).getToken('https://management.azure.com/.default'),
    ).resolves.toMatchObject({ token: expect.any(String) });
    await expect(make('wrong').getToken('https://management.azure.com/.default')).rejects.toThrow(
      /AADSTS7000215/,
    );
  });

  it.each(
    (
      [
        [
          'an assertion for another audience',
          async () => assertionFields(await githubToken(s.sim, 'https://github.com/alc-algo')),
          401,
          700212,
        ],
        [
          'an expired assertion',
          async () => {
            const expired = new IdentityService(join(s.stateDir, 'keys'), {
              ...s.sim.identity.config,
              githubTokenLifetimeSec: -60,
            });
            expired.origin = s.sim.identity.origin;
            return assertionFields(expired.issueGithubToken('api://AzureADTokenExchange'));
          },
          400,
          700024,
        ],
        [
          'an assertion signed by another key',
          async () => {
            const other = new IdentityService(join(s.stateDir, 'other-keys'), s.sim.identity.config);
            other.origin = s.sim.identity.origin;
            return assertionFields(other.issueGithubToken('api://AzureADTokenExchange'));
          },
          401,
          700027,
        ],
        ['neither assertion nor secret', async () => ({}), 401, 7000218],
        [
          'an unknown client id',
          async () => ({ client_id: '00000000-0000-0000-0000-00000000abcd', client_secret: 'x' }),
          400,
          700016,
        ],
        [
          'a scope without /.default',
          async () => ({ client_secret: s.sim.ids.clientSecret, scope: 'openid' }),
          400,
          1002012,
        ],
      ] as Array<[string, () => Promise<Record<string, string>>, number, number]>
    ).map(([name, fields, status, code]) => ({ name, fields, status, code })),
  )('refuses $name with AADSTS$code', async ({ fields, status, code }) => {
    const res = await postToken(clientCredentials(await fields()));
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toMatchObject({
      error_codes: [code],
      error_description: expect.stringContaining(`AADSTS${code}:`),
    });
  });

  it('refuses an unknown tenant (AADSTS90002)', async () => {
    const res = await postToken(
      clientCredentials({ client_secret: s.sim.ids.clientSecret }),
      '99999999-9999-9999-9999-999999999999',
    );
    expect(JSON.parse(res.body).error_codes).toEqual([90002]);
  });

  it('federated subjects: only the configured subject is accepted', async () => {
    const strict = new IdentityService(join(s.stateDir, 'keys'), {
      ...s.sim.identity.config,
      federatedSubjects: ['repo:alc-algo/alc-algo:environment:production'],
    });
    strict.origin = s.sim.identity.origin;
    const form = new URLSearchParams(
      clientCredentials(assertionFields(strict.issueGithubToken('api://AzureADTokenExchange'))),
    );
    expect(strict.tokenResponse(s.sim.ids.tenantId, form).body).toMatchObject({ error_codes: [700213] });
    const prod = new IdentityService(join(s.stateDir, 'keys'), {
      ...strict.config,
      githubClaims: { sub: 'repo:alc-algo/alc-algo:environment:production' },
    });
    prod.origin = s.sim.identity.origin;
    const ok = new URLSearchParams(
      clientCredentials(assertionFields(prod.issueGithubToken('api://AzureADTokenExchange'))),
    );
    expect(strict.tokenResponse(s.sim.ids.tenantId, ok).status).toBe(200);
  });
});

describe('federated identity credentials, matched as Entra matches them', () => {
  const REPO = 'alc-algo/alc-algo';
  const OTHER_APP = '0f0f0f0f-1111-2222-3333-444444444444';
  /** An identity service over the simulator's keys with these credentials for its app. */
  function withCredentials(config: Partial<IdentityConfig>): IdentityService {
    const service = new IdentityService(join(s.stateDir, 'keys'), { ...s.sim.identity.config, ...config });
    service.origin = s.sim.identity.origin;
    return service;
  }
  const tagJob = { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.2.0' };

  it.each([
    {
      name: 'an app without federated credentials',
      config: { federatedCredentials: [] },
      status: 400,
      code: 70021,
      text: (iss: string) =>
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: 'repo:${REPO}:ref:refs/tags/v1.2.0'. Assertion Audience: 'api://AzureADTokenExchange'.`,
    },
    {
      name: 'another issuer',
      config: {
        federatedCredentials: [{ issuer: 'https://token.actions.githubusercontent.com', subject: 'x' }],
      },
      status: 401,
      code: 700211,
      text: (iss: string) =>
        `No matching federated identity record found for presented assertion issuer '${iss}'.`,
    },
    {
      name: 'another audience',
      config: {
        federatedCredentials: [
          { subject: `repo:${REPO}:ref:refs/tags/v1.2.0`, audiences: ['api://AzureADMyOrg'] },
        ],
      },
      status: 401,
      code: 700212,
      text: () =>
        "No matching federated identity record found for presented assertion audience 'api://AzureADTokenExchange'.",
    },
    {
      name: 'another subject',
      config: { federatedSubjects: [`repo:${REPO}:environment:production`] },
      status: 401,
      code: 700213,
      text: () =>
        `No matching federated identity record found for presented assertion subject 'repo:${REPO}:ref:refs/tags/v1.2.0'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion.`,
    },
    {
      name: 'a subject that differs in case only (matching is case-sensitive)',
      config: { federatedSubjects: [`repo:ALC-Algo/alc-algo:ref:refs/tags/v1.2.0`] },
      status: 401,
      code: 700213,
      text: () => 'No matching federated identity record found for presented assertion subject',
    },
    {
      name: 'a flexible credential for other tags',
      config: {
        federatedCredentials: [
          { claimsMatchingExpression: `claims['sub'] matches 'repo:${REPO}:ref:refs/tags/v2.*'` },
        ],
      },
      status: 401,
      code: 700213,
      text: () => 'No matching federated identity record found for presented assertion subject',
    },
  ])('refuses $name with AADSTS$code, in the shape Entra answers', ({ config, status, code, text }) => {
    const service = withCredentials(config);
    const form = new URLSearchParams(
      clientCredentials(assertionFields(service.issueGithubToken(ASSERTION_AUDIENCE, tagJob))),
    );
    const res = service.tokenResponse(s.sim.ids.tenantId, form);
    expect(res.status).toBe(status);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'correlation_id',
        'error',
        'error_codes',
        'error_description',
        'error_uri',
        'timestamp',
        'trace_id',
      ].sort(),
    );
    const body = res.body as Record<string, string>;
    expect(body.error_codes).toEqual([code]);
    expect(body.error).toBe(code === 70021 ? 'invalid_request' : 'invalid_client');
    expect(body.error_description).toContain(`AADSTS${code}: ${text(service.githubIssuer)}`);
    expect(body.error_description).toMatch(
      new RegExp(
        `Trace ID: ${body.trace_id} Correlation ID: ${body.correlation_id} Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`,
      ),
    );
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(body.error_uri).toBe(`${service.origin}/error?code=${code}`);
  });

  it.each([
    ['the exact subject', { federatedSubjects: [`repo:${REPO}:ref:refs/tags/v1.2.0`] }],
    [
      'a flexible credential for v1 tags',
      {
        federatedCredentials: [
          { claimsMatchingExpression: `claims['sub'] matches 'repo:${REPO}:ref:refs/tags/v1.*'` },
        ],
      },
    ],
    ['the default (any GitHub repository)', {}],
  ])('accepts %s', (_name, config) => {
    const service = withCredentials(config);
    const form = new URLSearchParams(
      clientCredentials(assertionFields(service.issueGithubToken(ASSERTION_AUDIENCE, tagJob))),
    );
    expect(service.tokenResponse(s.sim.ids.tenantId, form).status).toBe(200);
  });

  it('each app registration has its own credentials', () => {
    const service = withCredentials({
      federatedSubjects: [`repo:${REPO}:environment:production`],
      applications: [
        { clientId: OTHER_APP, federatedCredentials: [{ subject: `repo:${REPO}:pull_request` }] },
      ],
    });
    const pr = service.issueGithubToken(ASSERTION_AUDIENCE, {
      repository: REPO,
      eventName: 'pull_request',
      ref: 'refs/pull/1/merge',
    });
    const asApp = (clientId: string) =>
      service.tokenResponse(
        s.sim.ids.tenantId,
        new URLSearchParams({ ...clientCredentials(assertionFields(pr)), client_id: clientId }),
      );
    expect(asApp(OTHER_APP).status).toBe(200);
    expect(asApp(s.sim.ids.clientId).body).toMatchObject({ error_codes: [700213] });
  });

  it('an expired assertion: AADSTS700024 with the times Entra names', () => {
    const service = withCredentials({ githubTokenLifetimeSec: -60 });
    const form = new URLSearchParams(
      clientCredentials(assertionFields(service.issueGithubToken(ASSERTION_AUDIENCE))),
    );
    expect(String(service.tokenResponse(s.sim.ids.tenantId, form).body.error_description)).toMatch(
      /^AADSTS700024: Client assertion is not within its valid time range\. Current time: \S+Z, assertion valid from \S+Z, expiry time of assertion \S+Z\./,
    );
  });
});

describe('GitHub OIDC: the subject of each job, as GitHub sets it', () => {
  const REPO = 'alc-algo/alc-algo';
  it.each<[GithubJob, string]>([
    [{ repository: REPO, eventName: 'push', ref: 'refs/tags/v1.2.0' }, `repo:${REPO}:ref:refs/tags/v1.2.0`],
    [{ repository: REPO, eventName: 'push', ref: 'refs/heads/main' }, `repo:${REPO}:ref:refs/heads/main`],
    [
      { repository: REPO, eventName: 'push', ref: 'refs/tags/v1.2.0', environment: 'production' },
      `repo:${REPO}:environment:production`,
    ],
    [{ repository: REPO, eventName: 'pull_request', ref: 'refs/pull/12/merge' }, `repo:${REPO}:pull_request`],
    [
      { repository: REPO, eventName: 'pull_request', ref: 'refs/pull/12/merge', environment: 'preview' },
      `repo:${REPO}:environment:preview`,
    ],
    [
      { repository: REPO, eventName: 'workflow_dispatch', ref: 'refs/tags/v1.2.0' },
      `repo:${REPO}:ref:refs/tags/v1.2.0`,
    ],
  ])('%j -> %s, through a per-job request token over HTTPS', async (job, sub) => {
    const { url, token } = s.sim.identity.registerGithubJob(job);
    const value = await simGithubToken(
      { ...s.sim.env, ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: token },
      s.sim.ca,
    );
    expect(decodeJwt(value)?.claims).toMatchObject({
      sub,
      ref: job.ref,
      event_name: job.eventName,
      repository: REPO,
      ...(job.environment ? { environment: job.environment } : {}),
      job_workflow_ref: expect.stringContaining(`${REPO}/.github/workflows/`),
    });
    expect(s.sim.identity.githubTokensIssued(token)).toBe(1);
  });
});

describe('GitHub Actions OIDC', () => {
  it('refuses a request without the request token', async () => {
    const res = await httpsRequest(`${s.sim.endpoints.githubTokenUrl}&audience=x`, {
      ca: s.sim.ca,
      headers: { authorization: 'Bearer nope' },
    });
    expect(res.status).toBe(401);
  });

  it('issues tokens its JWKS verifies, with the requested audience', async () => {
    const token = await githubToken(s.sim, 'api://AzureADTokenExchange');
    const jwks = JSON.parse(
      (await httpsRequest(`${s.sim.identity.githubIssuer}/.well-known/jwks`, { ca: s.sim.ca })).body,
    ) as { keys: Array<Record<string, string>> };
    const [head, body, sig] = token.split('.');
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(sig, 'base64url'))).toBe(true);
    expect(decodeJwt(token)?.claims).toMatchObject({
      aud: 'api://AzureADTokenExchange',
      iss: s.sim.identity.githubIssuer,
      sub: expect.stringMatching(/^repo:/),
    });
  });

  /** Runs `credential` (module lines making `c`) in a node process with only the simulator's env; the ARM token it gets. */
  async function tokenFromProcess(credential: string[]): Promise<{ stdout: string; token: string }> {
    const script = [
      ...credential,
      "const t = await c.getToken(process.env.ALC_SIM_ARM_ENDPOINT + '/.default');",
      "console.log('TOKEN ' + t.token);",
    ].join('\n');
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...s.sim.env },
    });
    return { stdout, token: /^TOKEN (\S+)$/m.exec(stdout)?.[1] ?? '' };
  }

  it('an action process with only the simulator env: getIDToken, then ClientAssertionCredential', async () => {
    const { stdout, token } = await tokenFromProcess([
      "import * as core from '@actions/core';",
      "import { ClientAssertionCredential } from '@azure/identity';",
      "const c = new ClientAssertionCredential(process.env.AZURE_TENANT_ID, process.env.AZURE_CLIENT_ID, () => core.getIDToken('api://AzureADTokenExchange'), { authorityHost: process.env.ALC_SIM_AUTHORITY_HOST, disableInstanceDiscovery: true });",
    ]);
    expect(stdout).toMatch(/^::add-mask::/m);
    expect(s.sim.identity.verify(token)).toMatchObject({ aud: s.sim.endpoints.arm });
  });

  it('the standard chain (DefaultAzureCredential) in a process with only the simulator env', async () => {
    const { token } = await tokenFromProcess([
      "import { DefaultAzureCredential } from '@azure/identity';",
      'const c = new DefaultAzureCredential({ authorityHost: process.env.ALC_SIM_AUTHORITY_HOST, tenantId: process.env.AZURE_TENANT_ID, disableInstanceDiscovery: true });',
    ]);
    expect(s.sim.identity.verify(token)).toMatchObject({ appid: s.sim.ids.clientId });
  });
});
