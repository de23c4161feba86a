// Registry tokens stay on the registry: two real HTTPS servers with a private CA, the registry and another one,
// reached through the fetch the actions use (Node's, which follows redirects and re-sends a 307/308 body), with the
// CA given to its connections. The other server, named by a redirect or by the challenge's realm, never receives
// anything: not the Entra token of the exchange, not the refresh token, not a docker-config password.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { RegistryClient, type FetchFn, type RegistryCredentials } from '../../../src/registry/client.js';
import {
  makePki,
  startRecorder,
  type Pki,
  type Recorded,
  type RecordingServer,
} from '../../support/smoke-servers.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const ENTRA_TOKEN = 'entra-access-token';
const REFRESH = 'acr-refresh-token';

type Answer = { status: number; headers?: Record<string, string>; body?: string };

let pki: Pki;
let agent: Agent;
let other: RecordingServer;
let registry: RecordingServer;
/** How the registry answers its token endpoints and what its challenge names, in the running test. */
let behaviour: {
  exchange?: (other: string) => Answer;
  token?: (other: string) => Answer;
  realm?: (registry: string, other: string) => string;
};

beforeAll(async () => {
  pki = makePki(['127.0.0.1']);
  agent = new Agent({ connect: { ca: readFileSync(pki.caFile, 'utf8') } });
  other = await startRecorder(pki, () => ({ status: 200, body: '{"refresh_token":"x","access_token":"x"}' }));
  registry = await startRecorder(pki, (request: Recorded, origin: string): Answer => {
    const path = request.url.split('?')[0];
    if (path === '/oauth2/exchange')
      return behaviour.exchange?.(other.origin) ?? { status: 200, body: `{"refresh_token":"${REFRESH}"}` };
    if (path === '/oauth2/token')
      return behaviour.token?.(other.origin) ?? { status: 200, body: '{"access_token":"access-1"}' };
    if (request.headers.authorization !== 'Bearer access-1') {
      const realm = behaviour.realm?.(origin, other.origin) ?? `${origin}/oauth2/token`;
      return {
        status: 401,
        headers: {
          'www-authenticate': `Bearer realm="${realm}",service="127.0.0.1",scope="repository:a:pull"`,
        },
        body: '{"errors":[{"code":"UNAUTHORIZED"}]}',
      };
    }
    return { status: 200, headers: { 'docker-content-digest': DIGEST } };
  });
});
beforeEach(() => {
  behaviour = {};
  for (const server of [other, registry]) {
    server.requests.length = 0;
    server.connections = 0;
  }
});
afterEach(() => {
  // The promise of every test: the other server saw nothing at all, not even a connection.
  expect(other.requests).toEqual([]);
  expect(other.connections).toBe(0);
});
afterAll(async () => {
  await Promise.all([other.close(), registry.close()]);
  await agent.close();
  pki.cleanup();
});

/** Node's own fetch, its connections trusting the test CA. */
const fetchFn: FetchFn = (url, init) => fetch(url, { ...init, dispatcher: agent } as RequestInit);

function client(credentials: RegistryCredentials = { kind: 'anonymous' }): RegistryClient {
  return new RegistryClient(`127.0.0.1:${registry.port}`, credentials, {
    fetch: fetchFn,
    scheme: 'https',
  });
}

const redirect = (status: number) => (to: string) => ({ status, headers: { location: `${to}/steal` } });
const sent = () => registry.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`);

describe('the servers work (control)', () => {
  it('exchange, a token with the refresh token from the realm on the registry, the read', async () => {
    const c = client();
    expect(await c.exchangeAadToken(ENTRA_TOKEN)).toBe(REFRESH);
    expect(await c.digestOf('a', '1.0.0')).toBe(DIGEST);
    expect(sent()).toEqual([
      'POST /oauth2/exchange',
      'HEAD /v2/a/manifests/1.0.0',
      'POST /oauth2/token',
      'HEAD /v2/a/manifests/1.0.0',
    ]);
  });
});

describe('token requests do not follow redirects', () => {
  it.each([307, 308, 302])(
    'the exchange answered %s: one error, the Entra token not re-sent',
    async (status) => {
      behaviour.exchange = redirect(status);
      await expect(client().exchangeAadToken(ENTRA_TOKEN)).rejects.toThrow(
        new RegExp(
          `Token exchange at 127\\.0\\.0\\.1:\\d+/oauth2/exchange answered HTTP ${status} redirecting to https://127\\.0\\.0\\.1:${other.port}/steal: token requests do not follow redirects`,
        ),
      );
      expect(sent()).toEqual(['POST /oauth2/exchange']);
    },
  );

  it.each([
    ['a refresh token', { kind: 'refresh-token', refreshToken: REFRESH } as const, 'POST'],
    ['Basic credentials', { kind: 'basic', username: 'u', password: 'docker-config-pw' } as const, 'GET'],
    ['no credentials', { kind: 'anonymous' } as const, 'GET'],
  ])(
    'the token request with %s answered 307: one error, nothing sent on',
    async (_name, credentials, method) => {
      behaviour.token = redirect(307);
      await expect(client(credentials).digestOf('a', '1.0.0')).rejects.toThrow(
        /Registry token request for repository:a:pull answered HTTP 307 redirecting to .*\/steal/,
      );
      expect(sent()).toEqual(['HEAD /v2/a/manifests/1.0.0', `${method} /oauth2/token`]);
    },
  );
});

describe("the challenge's realm", () => {
  it.each([
    ['another HTTPS server', (_registry: string, to: string) => `${to}/oauth2/token`],
    [
      'plain http on the registry host',
      (registry: string) => `${registry.replace('https:', 'http:')}/oauth2/token`,
    ],
    [
      'a user part hiding another server',
      (_registry: string, to: string) => `${to.replace('//', '//127.0.0.1@')}/t`,
    ],
  ])('on %s: the refresh token is not sent there', async (_name, realm) => {
    behaviour.realm = realm;
    await expect(
      client({ kind: 'refresh-token', refreshToken: REFRESH }).digestOf('a', '1.0.0'),
    ).rejects.toThrow(
      /The registry 127\.0\.0\.1:\d+ asks for a token from ".*", and it is not on the registry's own origin https:\/\/127\.0\.0\.1:\d+, and the registry's refresh token goes nowhere else; nothing was sent to it/,
    );
    expect(sent()).toEqual(['HEAD /v2/a/manifests/1.0.0']);
  });

  it('plain http elsewhere: a docker-config password is not sent there', async () => {
    behaviour.realm = (_registry, to) => `${to.replace('https:', 'http:')}/token`;
    await expect(
      client({ kind: 'basic', username: 'u', password: 'docker-config-pw' }).digestOf('a', '1.0.0'),
    ).rejects.toThrow(/asks for a token from "http:.*", and it is not https; nothing was sent to it/);
    expect(sent()).toEqual(['HEAD /v2/a/manifests/1.0.0']);
  });
});
