// The OpenID-configuration fallback of the Entra exchange stays on its authority: two real HTTPS servers with a
// private CA, the authority (whose standard token endpoint answers 404) and another one that its configuration
// names. The other server never receives anything, the GitHub assertion least of all; a configuration whose issuer
// names another tenant is refused too.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { FederatedCredential } from '../../../src/azure/entra.js';
import {
  makePki,
  startRecorder,
  type Pki,
  type Recorded,
  type RecordingServer,
} from '../../support/smoke-servers.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const ASSERTION = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjplbnZpcm9ubWVudDpwcm9kdWN0aW9uIn0.c2ln';
const TOKEN = JSON.stringify({ token_type: 'Bearer', expires_in: 3600, access_token: 'tok' });

let pki: Pki;
let other: RecordingServer;
const authorities: RecordingServer[] = [];
beforeAll(async () => {
  pki = makePki(['127.0.0.1']);
  other = await startRecorder(pki, () => ({ status: 200, body: TOKEN }));
});
afterEach(() => {
  other.requests.length = 0;
  other.connections = 0;
});
afterAll(async () => {
  await Promise.all([other, ...authorities].map((s) => s.close()));
  pki.cleanup();
});

/** An authority whose standard endpoint answers 404 and whose OpenID configuration is `config(its origin)`. */
async function authority(config: (origin: string) => Record<string, unknown>): Promise<RecordingServer> {
  const server = await startRecorder(pki, (request: Recorded, origin: string) => {
    if (request.method === 'GET' && request.url === `/${TENANT}/v2.0/.well-known/openid-configuration`)
      return { status: 200, body: JSON.stringify(config(origin)) };
    if (request.method === 'POST' && request.url === `/${TENANT}/elsewhere/token`)
      return { status: 200, body: TOKEN };
    return { status: 404, body: '{"error":"not_found"}' };
  });
  authorities.push(server);
  return server;
}

function credential(authorityHost: string): FederatedCredential {
  return new FederatedCredential({
    authorityHost,
    tenantId: TENANT,
    clientId: CLIENT,
    assertion: async () => ASSERTION,
    env: {},
    tlsOptions: { ca: readFileSync(pki.caFile, 'utf8') },
  });
}

const sent = (server: RecordingServer) => server.requests.map((r) => `${r.method} ${r.url}`);
const STANDARD = `POST /${TENANT}/oauth2/v2.0/token`;
const CONFIG = `GET /${TENANT}/v2.0/.well-known/openid-configuration`;

describe('the discovered token endpoint', () => {
  it('on the authority, with an issuer that names the tenant: used (the servers work)', async () => {
    const auth = await authority((origin) => ({
      issuer: `${origin}/${TENANT}/v2.0`,
      token_endpoint: `${origin}/${TENANT}/elsewhere/token`,
    }));
    expect((await credential(auth.origin).getToken('a/.default')).token).toBe('tok');
    expect(sent(auth)).toEqual([STANDARD, CONFIG, `POST /${TENANT}/elsewhere/token`]);
    expect(new URLSearchParams(auth.requests[2].body).get('client_assertion')).toBe(ASSERTION);
  });

  it.each([
    ['another HTTPS server', (_origin: string) => `${other.origin}/${TENANT}/oauth2/v2.0/token`],
    [
      'another host name on the same port',
      (origin: string) => origin.replace('127.0.0.1', 'localhost') + '/t',
    ],
    ['plain http on the same host', (origin: string) => origin.replace('https:', 'http:') + '/t'],
    [
      'a user part that hides another host',
      (_origin: string) => `https://127.0.0.1@127.0.0.1:${other.port}/t`,
    ],
  ])('on %s: one error, and nothing sent there', async (_name, endpoint) => {
    const auth = await authority((origin) => ({
      issuer: `${origin}/${TENANT}/v2.0`,
      token_endpoint: endpoint(origin),
    }));
    const error = await credential(auth.origin)
      .getToken('a/.default')
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      new RegExp(
        `no usable token endpoint for the tenant ${TENANT} at ${auth.origin} \\(the authority-host and tenant-id inputs\\).*the token_endpoint ".*", which is not https on the authority host ${auth.origin}; nothing was sent to it`,
      ),
    );
    expect((error as Error).message).not.toContain(ASSERTION);
    expect(other.requests).toEqual([]);
    expect(other.connections).toBe(0);
    // The authority saw its standard endpoint and its configuration, nothing more.
    expect(sent(auth)).toEqual([STANDARD, CONFIG]);
  });

  it.each([
    ['another tenant', (origin: string) => `${origin}/99999999-8888-7777-6666-555555555555/v2.0`],
    ['nothing (no issuer)', () => undefined],
    ['a tenant only as part of a segment', (origin: string) => `${origin}/x${TENANT}/v2.0`],
  ])('an issuer naming %s: one error, and the assertion is not posted again', async (_name, issuer) => {
    const auth = await authority((origin) => ({
      issuer: issuer(origin),
      token_endpoint: `${origin}/${TENANT}/elsewhere/token`,
    }));
    await expect(credential(auth.origin).getToken('a/.default')).rejects.toThrow(
      new RegExp(`the issuer .*, which does not name the tenant ${TENANT}; nothing was sent to it`),
    );
    expect(sent(auth)).toEqual([STANDARD, CONFIG]);
  });
});
