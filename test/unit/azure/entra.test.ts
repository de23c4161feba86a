// The GitHub OIDC -> Entra token exchange's pure parts: the endpoint, the form, and the reading of Entra's answer.
import { describe, expect, it } from '@jest/globals';
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import {
  CLIENT_ASSERTION_TYPE,
  EntraError,
  FederatedCredential,
  openIdConfigurationUrl,
  readTokenAnswer,
  tokenEndpoint,
  tokenEndpointOf,
  tokenRequestForm,
} from '../../../src/azure/entra.js';

const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const NOW = 1_800_000_000_000;

describe('the token request', () => {
  it.each([
    [
      'https://login.microsoftonline.com',
      'contoso.onmicrosoft.com',
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    ],
    [
      'https://login.microsoftonline.us/',
      '99999999-8888-7777-6666-555555555555',
      'https://login.microsoftonline.us/99999999-8888-7777-6666-555555555555/oauth2/v2.0/token',
    ],
    ['https://127.0.0.1:8443', 'a/b', 'https://127.0.0.1:8443/a%2Fb/oauth2/v2.0/token'],
  ])('endpoint of %s for %s', (host, tenant, want) => {
    expect(tokenEndpoint(host, tenant)).toBe(want);
  });

  it.each([
    ['one scope', 'https://management.azure.com/.default', undefined, {}],
    ['scopes joined by a space', ['a/.default', 'b/.default'], undefined, {}],
    [
      'a claims challenge passed on',
      'x/.default',
      '{"access_token":{"nbf":{"essential":true}}}',
      { claims: '{"access_token":{"nbf":{"essential":true}}}' },
    ],
  ])('the form: %s', (_name, scopes, claims, extra) => {
    const form = Object.fromEntries(new URLSearchParams(tokenRequestForm(CLIENT, scopes, 'eyJ.a.b', claims)));
    expect(form).toEqual({
      client_id: CLIENT,
      scope: [scopes].flat().join(' '),
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: 'eyJ.a.b',
      ...extra,
    });
  });
});

describe("Entra's answer", () => {
  it.each([
    [
      'a token',
      { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'tok' },
      { token: 'tok', tokenType: 'Bearer', expiresOnTimestamp: NOW + 3_599_000 },
    ],
    [
      'a token with refresh_in',
      { token_type: 'Bearer', expires_in: 86399, refresh_in: 43199, access_token: 'tok' },
      {
        token: 'tok',
        tokenType: 'Bearer',
        expiresOnTimestamp: NOW + 86_399_000,
        refreshAfterTimestamp: NOW + 43_199_000,
      },
    ],
    [
      'expires_in as a string',
      { token_type: 'Bearer', expires_in: '3600', access_token: 'tok' },
      { token: 'tok', tokenType: 'Bearer', expiresOnTimestamp: NOW + 3_600_000 },
    ],
  ])('%s', (_name, body, want) => {
    expect(readTokenAnswer(200, JSON.stringify(body), NOW, CLIENT)).toEqual(want);
  });

  it.each([
    [
      'a federation mismatch',
      400,
      JSON.stringify({
        error: 'invalid_client',
        error_description:
          "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:o/r:pull_request'.\r\nTrace ID: t",
        error_codes: [700213],
      }),
      { status: 400, error: 'invalid_client', codes: [700213] },
      /app registration aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee \(HTTP 400 invalid_client\): AADSTS700213: No matching/,
    ],
    [
      'codes read from the description when error_codes is missing',
      401,
      JSON.stringify({
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      }),
      { status: 401, codes: [7000215] },
      /HTTP 401 invalid_client/,
    ],
    [
      'a body that is not JSON',
      502,
      '<html>Bad Gateway</html>',
      { status: 502, error: '', codes: [] },
      /HTTP 502\): <html>Bad Gateway/,
    ],
    ['an empty body', 500, '', { status: 500 }, /HTTP 500\): no body/],
    ['200 without a token', 200, '{"token_type":"Bearer"}', { status: 200 }, /no access_token/],
  ])('%s: an EntraError', (_name, status, body, fields, message) => {
    const answer = readTokenAnswer(status, body, NOW, CLIENT);
    expect(answer).toBeInstanceOf(EntraError);
    expect(answer).toMatchObject(fields);
    expect((answer as EntraError).message).toMatch(message);
  });
});

describe('the OpenID configuration, read only when the standard endpoint answers 404', () => {
  it.each([
    [
      'https://login.microsoftonline.com',
      'contoso.onmicrosoft.com',
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
    ],
  ])('configuration URL of %s for %s', (host, tenant, want) => {
    expect(openIdConfigurationUrl(host, tenant)).toBe(want);
  });

  const config = (fields: Record<string, unknown>) => JSON.stringify(fields);
  const ISSUER = 'https://login.example/t/v2.0';
  it.each([
    [
      'the endpoint on the authority',
      200,
      config({ issuer: ISSUER, token_endpoint: 'https://login.example/t/oauth2/v2.0/token' }),
      { endpoint: 'https://login.example/t/oauth2/v2.0/token' },
    ],
    [
      'the default port spelled out',
      200,
      config({ issuer: ISSUER, token_endpoint: 'https://login.example:443/t/token' }),
      { endpoint: 'https://login.example:443/t/token' },
    ],
    [
      "an issuer on another host that names the tenant (B2C's shape)",
      200,
      config({
        issuer: 'https://t.b2clogin.example/T/v2.0/',
        token_endpoint: 'https://login.example/t/token',
      }),
      { endpoint: 'https://login.example/t/token' },
    ],
    [
      'http',
      200,
      config({ issuer: ISSUER, token_endpoint: 'http://login.example/t/token' }),
      {
        problem:
          'the token_endpoint "http://login.example/t/token", which is not https on the authority host https://login.example',
      },
    ],
    [
      'another host',
      200,
      config({ issuer: ISSUER, token_endpoint: 'https://login.example.evil/t/token' }),
      { problem: expect.stringContaining('not https on the authority host https://login.example') },
    ],
    [
      'another port',
      200,
      config({ issuer: ISSUER, token_endpoint: 'https://login.example:8443/t/token' }),
      { problem: expect.stringContaining('not https on the authority host') },
    ],
    [
      'a user part',
      200,
      config({ issuer: ISSUER, token_endpoint: 'https://login.example@evil.example/t/token' }),
      { problem: expect.stringContaining('not https on the authority host') },
    ],
    [
      'not a URL',
      200,
      config({ issuer: ISSUER, token_endpoint: 'login.example/t/token' }),
      { problem: expect.stringContaining('not https on the authority host') },
    ],
    [
      'an issuer of another tenant',
      200,
      config({ issuer: 'https://login.example/u/v2.0', token_endpoint: 'https://login.example/t/token' }),
      { problem: 'the issuer "https://login.example/u/v2.0", which does not name the tenant t' },
    ],
    [
      'no issuer',
      200,
      config({ token_endpoint: 'https://login.example/t/token' }),
      { problem: 'the issuer "", which does not name the tenant t' },
    ],
    ['no token_endpoint', 200, config({ issuer: ISSUER }), { problem: 'no token_endpoint' }],
    ['not JSON', 200, 'not json', { problem: 'an answer that is not JSON' }],
    ['JSON null', 200, 'null', { problem: 'no token_endpoint' }],
    [
      'a 404',
      404,
      config({ issuer: ISSUER, token_endpoint: 'https://login.example/t/token' }),
      { problem: 'HTTP 404' },
    ],
  ])('%s', (_name, status, body, want) => {
    expect(tokenEndpointOf(status, body, 'https://login.example', 't')).toEqual(want);
  });

  /** An HttpClient that answers from a table of URL -> status/body, and records what was sent. */
  function httpTable(answers: Record<string, { status: number; body: string }>) {
    const sent: Array<{ method: string; url: string; body?: string }> = [];
    const client: HttpClient = {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        sent.push({ method: request.method, url: request.url, body: request.body as string | undefined });
        const answer = answers[request.url] ?? { status: 404, body: '' };
        return { request, status: answer.status, headers: createHttpHeaders(), bodyAsText: answer.body };
      },
    };
    return { client, sent };
  }
  const token = {
    status: 200,
    body: JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'tok' }),
  };
  const options = (httpClient: HttpClient, assertions: string[]) => ({
    authorityHost: 'https://login.example',
    tenantId: 't',
    clientId: CLIENT,
    assertion: async () => {
      assertions.push(`eyJ.${assertions.length}.s`);
      return assertions[assertions.length - 1];
    },
    env: {},
    httpClient,
  });

  it('the standard endpoint: one POST, nothing else', async () => {
    const { client, sent } = httpTable({ 'https://login.example/t/oauth2/v2.0/token': token });
    const assertions: string[] = [];
    const credential = new FederatedCredential(options(client, assertions));
    expect((await credential.getToken('a/.default'))?.token).toBe('tok');
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST https://login.example/t/oauth2/v2.0/token',
    ]);
    expect(Object.fromEntries(new URLSearchParams(sent[0].body))).toMatchObject({
      client_assertion: 'eyJ.0.s',
      scope: 'a/.default',
    });
  });

  it('a 404: the configured endpoint, with the same assertion, and kept for the next token', async () => {
    const { client, sent } = httpTable({
      'https://login.example/t/v2.0/.well-known/openid-configuration': {
        status: 200,
        body: '{"issuer":"https://login.example/t/v2.0","token_endpoint":"https://login.example/t/elsewhere/token"}',
      },
      'https://login.example/t/elsewhere/token': token,
    });
    const assertions: string[] = [];
    const credential = new FederatedCredential(options(client, assertions));
    await credential.getToken('a/.default');
    await credential.getToken('b/.default');
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST https://login.example/t/oauth2/v2.0/token',
      'GET https://login.example/t/v2.0/.well-known/openid-configuration',
      'POST https://login.example/t/elsewhere/token',
      'POST https://login.example/t/elsewhere/token',
    ]);
    // One GitHub assertion per Entra token, the discovery's second POST included.
    expect(assertions).toEqual(['eyJ.0.s', 'eyJ.1.s']);
    expect(new URLSearchParams(sent[2].body).get('client_assertion')).toBe('eyJ.0.s');
  });

  it('a token for another tenant is refused before any request', async () => {
    const { client, sent } = httpTable({ 'https://login.example/t/oauth2/v2.0/token': token });
    const credential = new FederatedCredential(options(client, []));
    await expect(credential.getToken('a/.default', { tenantId: 'other' })).rejects.toThrow(
      /tenant other was asked for; the credential signs in to the tenant t only \(the tenant-id input\)/,
    );
    expect(sent).toEqual([]);
  });

  it('no endpoint anywhere: one error naming the inputs', async () => {
    const { client } = httpTable({});
    const credential = new FederatedCredential(options(client, []));
    await expect(credential.getToken('a/.default')).rejects.toThrow(
      /no usable token endpoint for the tenant t at https:\/\/login\.example \(the authority-host and tenant-id inputs\): .* gave HTTP 404; nothing was sent to it/,
    );
  });
});
