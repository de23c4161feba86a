// Secrets of the smoke test and of build-push are masked before anything can print them: every check header value
// before any parsing can fail (duplicate names, YAML errors, nested lists), the wider sensitive-header rule, URL
// userinfo refused (masked first), credential-like query values masked and redacted, docker-config credentials
// masked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readDockerCredentials } from '../../../src/build/credentials.js';
import { InputError } from '../../../src/core/inputs.js';
import { checkSecrets, isSensitiveHeader } from '../../../src/smoke/checks.js';
import { runSmoke } from '../../../src/smoke/run.js';
import { readSmokeSettings } from '../../../src/smoke/settings.js';

const SECRET = 'hdr-s3cret-value';

/** readSmokeSettings with a recording mask; returns what was masked, and the error when it threw. */
function read(values: Record<string, string>, files: Record<string, string> = {}) {
  const masked: string[] = [];
  const order: string[] = [];
  let error: unknown;
  let settings: ReturnType<typeof readSmokeSettings> | undefined;
  try {
    settings = readSmokeSettings((n) => ({ url: 'https://app.example/', ...values })[n] ?? '', {
      env: { GITHUB_WORKSPACE: '/ws' },
      readFile: (p) => files[p] ?? '',
      fileExists: (p) => p in files,
      mask: (s) => {
        masked.push(s);
        order.push('mask');
      },
    });
  } catch (e) {
    order.push('throw');
    error = e;
  }
  const maskedSecret = masked.some((m) => m.includes(SECRET));
  return { masked, maskedSecret, order, error: error as Error | undefined, settings };
}

describe('every check header value is masked before parsing can fail', () => {
  it.each<[string, string]>([
    ['duplicate names', `- name: a\n  headers: { Authorization: "Bearer ${SECRET}" }\n- name: a`],
    ['a YAML error after the headers', `- path: /x\n  headers:\n    X-Custom: ${SECRET}\n  status: [200`],
    ['a YAML error on the header line', `- headers: { Authorization: Bearer ${SECRET}`],
    ['a nested list as a header value', `- headers:\n    Authorization: [Bearer, ${SECRET}]`],
    ['a nested mapping as a header value', `- headers:\n    X-Plain: { v: ${SECRET} }`],
    ['a check that is a list', `- [Authorization, ${SECRET}]`],
    ['a check that is a "Name: value" text', `- "Authorization: Bearer ${SECRET}"`],
    ['a bad status beside the headers', `- headers: { X-Plain-Name: ${SECRET} }\n  status: 999`],
    ['an unknown key beside the headers', `- headers: { Accept: ${SECRET} }\n  stauts: 200`],
    ['a credential-like key outside headers', `- path: /x\n  x-api-key: ${SECRET}`],
    ['headers that are not a mapping', `- headers: "Authorization: Bearer ${SECRET}"`],
  ])('%s: masked first, never in the error', (_what, checks) => {
    for (const r of [read({ checks }), read({ checks: 'checks.yml' }, { '/ws/checks.yml': checks })]) {
      expect(r.error).toBeInstanceOf(InputError);
      expect(r.maskedSecret).toBe(true);
      expect(r.order.indexOf('mask')).toBeLessThan(r.order.indexOf('throw'));
      expect(r.error!.message).not.toContain(SECRET);
    }
  });
  it('the headers input: every value masked, also on a line that fails to parse', () => {
    const r = read({ headers: `X-Ok: plain-1\nno-colon-${SECRET}` });
    expect(r.error).toBeInstanceOf(InputError);
    expect(r.masked).toEqual(expect.arrayContaining(['plain-1', `no-colon-${SECRET}`]));
  });
  it('a valid checks list: every header value masked, whatever its name', () => {
    const r = read({ checks: `- headers:\n    Accept: text/plain\n    X-Trace: ${SECRET}` });
    expect(r.error).toBeUndefined();
    expect(r.masked).toEqual(expect.arrayContaining(['text/plain', SECRET]));
  });
  it('checkSecrets finds header values of text that is no YAML at all', () =>
    expect(checkSecrets(`- headers:\n    Authorization: Bearer ${SECRET}\n  : : [`)).toContain(
      `Bearer ${SECRET}`,
    ));
});

describe('the sensitive-header rule', () => {
  it.each([
    ['Authorization', true],
    ['Proxy-Authorization', true],
    ['Cookie', true],
    ['x-api-key', true],
    ['X-API-Key', true],
    ['Ocp-Apim-Subscription-Key', true],
    ['x-functions-key', true],
    ['X-Key', true],
    ['x-auth-token', true],
    ['X-Amz-Security-Token', true],
    ['X-Hub-Signature-256', true],
    ['x-ms-client-secret', true],
    ['X-CSRF-Token', true],
    ['Accept', false],
    ['content-type', false],
    ['user-agent', false],
    ['x-request-id', false],
  ])('%p is sensitive: %p', (name, want) => expect(isSensitiveHeader(name)).toBe(want));
});

describe('URL userinfo and query secrets', () => {
  it.each(['https://deploy:p4ss-s3cret@app.example/health', 'https://only-user-s3cret@app.example/'])(
    'userinfo in %p is refused with a clear error that does not show it, and masked first',
    (url) => {
      const r = read({ url });
      expect(r.error).toBeInstanceOf(InputError);
      expect((r.error as InputError).input).toBe('url');
      expect(r.error!.message).toMatch(/without user:password@.*header/);
      expect(r.error!.message).not.toMatch(/s3cret/);
      expect(r.masked.some((m) => m.includes('s3cret'))).toBe(true);
    },
  );
  it('credential-like query values of url and check paths are masked and redacted', () => {
    const r = read({
      url: 'https://app.example/api?code=fn-s3cret&page=2',
      checks: '- path: /orders?sig=sig-s3cret&sv=2024&x-api-key=k%2Fs3cret',
    });
    expect(r.error).toBeUndefined();
    expect(r.masked).toEqual(expect.arrayContaining(['fn-s3cret', 'sig-s3cret', 'k%2Fs3cret', 'k/s3cret']));
    expect(r.settings!.secrets).toEqual(expect.arrayContaining(['fn-s3cret', 'sig-s3cret']));
    expect(r.settings!.secrets).not.toContain('2');
  });
});

describe('a report never carries a query secret (a real local server)', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`you asked for ${req.url}`);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  it('redacts the url and the echoed body', async () => {
    const s = readSmokeSettings(
      (n) =>
        ({
          url: `http://127.0.0.1:${port}/api?code=fn-s3cret`,
          checks: '- path: /x?token=tok-s3cret\n  contains: nothing-like-this',
          'wait-ready': '0',
          duration: '0',
        })[n] ?? '',
      { env: {} },
    );
    const report = await runSmoke(s);
    const text = JSON.stringify(report);
    expect(text).not.toContain('fn-s3cret');
    expect(text).not.toContain('tok-s3cret');
    expect(text).toContain('***');
  });
});

describe('docker-config credentials are masked', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'docker-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each([
    ['auth (base64 user:password)', { auth: Buffer.from('ci-user:dc-p4ss').toString('base64') }, 'dc-p4ss'],
    ['username and password', { username: 'ci-user', password: 'dc-p4ss' }, 'dc-p4ss'],
    ['an identity token', { identitytoken: 'dc-refresh-token' }, 'dc-refresh-token'],
  ])('%s', async (_what, entry, secret) => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { 'r.azurecr.io': entry } }));
    const masked: string[] = [];
    const creds = await readDockerCredentials('r.azurecr.io', { DOCKER_CONFIG: dir }, (s) => masked.push(s));
    expect(creds.kind).not.toBe('anonymous');
    expect(masked).toContain(secret);
  });
});
