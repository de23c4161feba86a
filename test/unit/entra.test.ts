// The GitHub OIDC -> Entra token exchange's pure parts: the endpoint, the form, and the reading of Entra's answer.
import { describe, expect, it } from '@jest/globals';
import {
  CLIENT_ASSERTION_TYPE,
  EntraError,
  readTokenAnswer,
  tokenEndpoint,
  tokenRequestForm,
} from '../../src/azure/entra.js';

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
