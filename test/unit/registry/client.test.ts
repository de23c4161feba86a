import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { InputError } from '../../../src/core/inputs.js';
import { parseImageRef, validateRegistry, validateRepository } from '../../../src/registry/reference.js';
import {
  type FetchFn,
  nextLink,
  parseChallenge,
  realmProblem,
  RegistryClient,
  RegistryError,
} from '../../../src/registry/client.js';
import { errorOf } from '../../support/errors.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe('validateRegistry', () => {
  it.each([
    ['alcalgoregistry.azurecr.io', 'alcalgoregistry.azurecr.io'],
    ['AlcAlgoRegistry.azurecr.io', 'alcalgoregistry.azurecr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
    ['localhost:443', 'localhost:443'],
    [' registry ', 'registry'],
  ])('accepts %p', (raw, registry) => {
    expect(validateRegistry('registry', raw)).toBe(registry);
  });
  it.each(['', 'https://x.azurecr.io', 'x.azurecr.io/repo', 'x:99999', '-x.io', 'x..io', 'x.io:'])(
    'rejects %p',
    (raw) => {
      expect(() => validateRegistry('registry', raw)).toThrow(InputError);
    },
  );
});

describe('validateRepository', () => {
  it.each(['alc-algo-agents', 'alc-algo/agents', 'a/b/c', 'a__b', 'a.b_c-d', 'x1--2'])(
    'accepts %p',
    (raw) => {
      expect(validateRepository('repository', raw)).toBe(raw);
    },
  );
  it.each([
    '',
    'Alc',
    'alc:1.0',
    'a//b',
    '/a',
    'a/',
    '-a',
    'a-',
    'a___b',
    'reg.io/a@sha256:00',
    'a b',
    'x'.repeat(256),
  ])('rejects %p', (raw) => {
    const e = errorOf(InputError, () => validateRepository('repository', raw));
    expect(e).toBeInstanceOf(InputError);
    expect(e?.input).toBe('repository');
  });
});

describe('parseImageRef', () => {
  it.each([
    ['r.azurecr.io/alc/agents:1.2.3', { registry: 'r.azurecr.io', repository: 'alc/agents', tag: '1.2.3' }],
    [`r.azurecr.io/agents@${D1}`, { registry: 'r.azurecr.io', repository: 'agents', digest: D1 }],
    [
      `127.0.0.1:5000/agents:v1@${D1}`,
      { registry: '127.0.0.1:5000', repository: 'agents', tag: 'v1', digest: D1 },
    ],
    ['localhost/agents', { registry: 'localhost', repository: 'agents' }],
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['user/app:2', { registry: 'docker.io', repository: 'user/app', tag: '2' }],
    ['127.0.0.1:5000/agents', { registry: '127.0.0.1:5000', repository: 'agents' }],
  ])('%p', (ref, parsed) => {
    expect(parseImageRef(ref)).toEqual({ tag: undefined, digest: undefined, ...parsed });
  });
});

describe('parseChallenge and nextLink', () => {
  it('parses a bearer challenge', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://r.io/oauth2/token",service="r.io",scope="repository:a:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://r.io/oauth2/token', service: 'r.io', scope: 'repository:a:pull,push' },
    });
  });
  it('parses a basic challenge and nothing', () => {
    expect(parseChallenge('Basic realm="basic-realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'basic-realm' },
    });
    expect(parseChallenge(null)).toBeUndefined();
  });
  it.each([
    ['</v2/a/tags/list?last=x&n=2>; rel="next"', '/v2/a/tags/list?last=x&n=2'],
    ['<https://r.io/acr/v1/a/_tags?last=x>; rel="next"', '/acr/v1/a/_tags?last=x'],
    [null, undefined],
    ['</x>; rel="prev"', undefined],
  ])('nextLink(%p)', (header, path) => {
    expect(nextLink(header)).toBe(path);
  });
});

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A registry in a function: token auth, a few manifests, paginated tag lists, delete. */
function fakeRegistry(opts: { acr?: boolean; basic?: boolean; headDigest?: boolean } = {}) {
  const calls: Call[] = [];
  const manifests = new Map<string, string>([
    [
      '1.0.0',
      JSON.stringify({
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: { size: 10 },
        layers: [{ size: 100 }, { size: 5 }],
      }),
    ],
    [
      '2.0.0',
      JSON.stringify({
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: { size: 1 },
        layers: [],
      }),
    ],
  ]);
  const digestOf = (ref: string) =>
    `sha256:${createHash('sha256')
      .update(manifests.get(ref) ?? '')
      .digest('hex')}`;
  const deleted: string[] = [];
  const fn: FetchFn = async (url, init = {}) => {
    const headers = Object.fromEntries(Object.entries((init.headers as Record<string, string>) ?? {}));
    const call: Call = { method: init.method ?? 'GET', url, headers, body: init.body?.toString() };
    calls.push(call);
    const u = new URL(url);
    if (u.pathname === '/oauth2/exchange') return Response.json({ refresh_token: 'refresh-1' });
    if (u.pathname === '/oauth2/token') {
      const form = new URLSearchParams(call.body ?? u.search);
      if (call.method === 'POST' && form.get('refresh_token') !== 'refresh-1')
        return new Response('bad', { status: 401 });
      return Response.json({ access_token: `tok:${form.get('scope') ?? u.searchParams.get('scope')}` });
    }
    const auth = headers.authorization ?? '';
    const ok = opts.basic ? auth === `Basic ${btoa('user:pw')}` : auth.startsWith('Bearer tok:');
    if (!ok) {
      const challenge = opts.basic
        ? 'Basic realm="basic-realm"'
        : `Bearer realm="https://r.io/oauth2/token",service="r.io",scope="repository:agents:${call.method === 'DELETE' ? 'delete' : 'pull'}"`;
      return new Response('{"errors":[{"code":"UNAUTHORIZED"}]}', {
        status: 401,
        headers: { 'www-authenticate': challenge },
      });
    }
    const m = /^\/v2\/agents\/manifests\/(.+)$/.exec(u.pathname);
    if (m && call.method === 'DELETE') {
      deleted.push(m[1]);
      return new Response(null, { status: m[1] === D2 ? 404 : 202 });
    }
    if (m) {
      const ref = [...manifests.keys()].find((k) => k === m[1] || digestOf(k) === m[1]);
      if (!ref)
        return new Response('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}', {
          status: 404,
        });
      const h: Record<string, string> = {
        'content-type': 'application/vnd.docker.distribution.manifest.v2+json',
      };
      if (opts.headDigest !== false) h['docker-content-digest'] = digestOf(ref);
      return new Response(call.method === 'HEAD' ? null : manifests.get(ref), { status: 200, headers: h });
    }
    if (u.pathname === '/acr/v1/agents/_tags') {
      if (!opts.acr) return new Response('404 page not found', { status: 404 });
      const page = u.searchParams.get('last')
        ? { tags: [{ name: '2.0.0', digest: D2, createdTime: 't2', lastUpdateTime: 'u2' }] }
        : { tags: [{ name: '1.0.0', digest: D1, createdTime: 't1', lastUpdateTime: 'u1' }] };
      const link: Record<string, string> = u.searchParams.get('last')
        ? {}
        : { link: '</acr/v1/agents/_tags?last=1.0.0&n=100>; rel="next"' };
      return Response.json(page, { headers: link });
    }
    if (u.pathname === '/v2/agents/tags/list') {
      if (u.searchParams.get('last')) return Response.json({ name: 'agents', tags: ['2.0.0'] });
      return Response.json(
        { name: 'agents', tags: ['1.0.0'] },
        { headers: { link: '</v2/agents/tags/list?last=1.0.0&n=1000>; rel="next"' } },
      );
    }
    return new Response('404 page not found', { status: 404 });
  };
  return { fn, calls, deleted, digestOf };
}

describe('realmProblem: where a token request may go', () => {
  const ACR = 'https://r.azurecr.io';
  const OWN =
    "it is not on the registry's own origin https://r.azurecr.io, and the registry's refresh token goes nowhere else";
  it.each([
    ['ACR: its own /oauth2/token', 'https://r.azurecr.io/oauth2/token', ACR, 'refresh-token', undefined],
    [
      'the default port spelled out',
      'https://r.azurecr.io:443/oauth2/token',
      ACR,
      'refresh-token',
      undefined,
    ],
    [
      'a loopback registry over http, its own origin',
      'http://127.0.0.1:5000/token',
      'http://127.0.0.1:5000',
      'refresh-token',
      undefined,
    ],
    ['another host', 'https://evil.example/oauth2/token', ACR, 'refresh-token', OWN],
    ['a look-alike host', 'https://r.azurecr.io.evil.example/oauth2/token', ACR, 'refresh-token', OWN],
    ['a user part', 'https://r.azurecr.io@evil.example/oauth2/token', ACR, 'refresh-token', OWN],
    ['another port', 'https://r.azurecr.io:8443/oauth2/token', ACR, 'refresh-token', OWN],
    ['http on the same host', 'http://r.azurecr.io/oauth2/token', ACR, 'refresh-token', OWN],
    ['not a URL', '/oauth2/token', ACR, 'refresh-token', 'it is not a URL'],
    [
      "Docker Hub's token service (Basic)",
      'https://auth.docker.io/token',
      'https://registry-1.docker.io',
      'basic',
      undefined,
    ],
    [
      'http elsewhere (Basic)',
      'http://auth.example/token',
      'https://registry.example',
      'basic',
      'it is not https',
    ],
    [
      'http elsewhere (anonymous)',
      'http://auth.example/token',
      'https://registry.example',
      'anonymous',
      'it is not https',
    ],
    [
      'https elsewhere (anonymous)',
      'https://auth.example/token',
      'https://registry.example',
      'anonymous',
      undefined,
    ],
  ] as const)('%s', (_name, realm, base, kind, want) => {
    expect(realmProblem(realm, base, kind)).toBe(want);
  });
});

describe('RegistryClient', () => {
  it('exchanges an Entra token, then gets a scoped token with the refresh token and caches it', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.exchangeAadToken('aad-token', 'tenant-1')).toBe('refresh-1');
    const exchange = new URLSearchParams(reg.calls[0].body);
    expect(reg.calls[0].url).toBe('https://r.io/oauth2/exchange');
    expect(Object.fromEntries(exchange)).toEqual({
      grant_type: 'access_token',
      service: 'r.io',
      tenant: 'tenant-1',
      access_token: 'aad-token',
    });
    expect(await client.digestOf('agents', '1.0.0')).toBe(reg.digestOf('1.0.0'));
    const token = reg.calls.find((c) => c.url.endsWith('/oauth2/token'))!;
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
      grant_type: 'refresh_token',
      service: 'r.io',
      scope: 'repository:agents:pull',
      refresh_token: 'refresh-1',
    });
    const before = reg.calls.length;
    await client.digestOf('agents', '2.0.0');
    expect(reg.calls.length - before).toBe(1); // the cached token, no challenge
  });

  it('sends the Accept header of every manifest kind', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    await client.digestOf('agents', '1.0.0');
    const accept = reg.calls.at(-1)!.headers.accept;
    for (const type of [
      'oci.image.index',
      'manifest.list.v2',
      'oci.image.manifest',
      'distribution.manifest.v2',
    ]) {
      expect(accept).toContain(type);
    }
  });

  it('uses Basic credentials on a Basic challenge', async () => {
    const reg = fakeRegistry({ basic: true });
    const client = new RegistryClient(
      'r.io',
      { kind: 'basic', username: 'user', password: 'pw' },
      { fetch: reg.fn, scheme: 'https' },
    );
    expect(await client.digestOf('agents', '1.0.0')).toBe(reg.digestOf('1.0.0'));
  });

  it('fails clearly without credentials on a Basic challenge', async () => {
    const reg = fakeRegistry({ basic: true });
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    await expect(client.digestOf('agents', '1.0.0')).rejects.toThrow(/unauthorized/);
  });

  it('fails with the status when the token service refuses the refresh token', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient(
      'r.io',
      { kind: 'refresh-token', refreshToken: 'stale' },
      { fetch: reg.fn, scheme: 'https' },
    );
    await expect(client.digestOf('agents', '1.0.0')).rejects.toMatchObject({ statusCode: 401 });
  });

  it('returns undefined for a missing tag', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.digestOf('agents', 'nope')).toBeUndefined();
  });

  it('computes the digest from the manifest when HEAD carries no digest header', async () => {
    const reg = fakeRegistry({ headDigest: false });
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.digestOf('agents', '1.0.0')).toBe(reg.digestOf('1.0.0'));
  });

  it('lists tags through the ACR tag API, following pages', async () => {
    const reg = fakeRegistry({ acr: true });
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.listTags('agents')).toEqual([
      { tag: '1.0.0', digest: D1, createdAt: 't1', updatedAt: 'u1' },
      { tag: '2.0.0', digest: D2, createdAt: 't2', updatedAt: 'u2' },
    ]);
  });

  it('falls back to the registry API and reads each digest', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.listTags('agents')).toEqual([
      { tag: '1.0.0', digest: reg.digestOf('1.0.0') },
      { tag: '2.0.0', digest: reg.digestOf('2.0.0') },
    ]);
  });

  it('deletes by digest, treats a missing one as done, and refuses anything else', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.deleteManifest('agents', D1)).toBe('deleted');
    expect(await client.deleteManifest('agents', D2)).toBe('absent');
    await expect(client.deleteManifest('agents', '1.0.0')).rejects.toThrow(RegistryError);
    expect(reg.deleted).toEqual([D1, D2]);
    const tokens = reg.calls.filter((c) => c.url.includes('/oauth2/token'));
    expect(tokens.map((c) => new URL(c.url).searchParams.get('scope'))).toEqual(['repository:agents:delete']);
  });

  it('sums config and layers for the image size', async () => {
    const reg = fakeRegistry();
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fn, scheme: 'https' });
    expect(await client.imageSizes('agents', '1.0.0')).toEqual([{ bytes: 115 }]);
  });

  it.each([
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['localhost:5000', 'http://localhost:5000'],
  ])('falls back to http for the loopback registry %p', async (registry, base) => {
    const fn: FetchFn = async (url) => {
      if (url.startsWith('https:')) throw new TypeError('fetch failed');
      return new Response('{}');
    };
    expect(await new RegistryClient(registry, { kind: 'anonymous' }, { fetch: fn }).baseUrl()).toBe(base);
  });

  it('bounds every request with a timeout', async () => {
    const hanging: FetchFn = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const client = new RegistryClient(
      'r.io',
      { kind: 'anonymous' },
      { fetch: hanging, scheme: 'https', timeoutMs: 20 },
    );
    await expect(client.digestOf('agents', '1.0.0')).rejects.toThrow(/timeout|aborted/i);
  });

  it('never falls back to http for a remote registry', async () => {
    const fn: FetchFn = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(
      new RegistryClient('r.azurecr.io', { kind: 'anonymous' }, { fetch: fn }).baseUrl(),
    ).rejects.toThrow(/unreachable over https/);
  });
});

describe('RegistryClient.imageLabels', () => {
  const CONFIG = `sha256:${'c'.repeat(64)}`;
  const PLATFORM = `sha256:${'a'.repeat(64)}`;
  const INDEX = JSON.stringify({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: `sha256:${'b'.repeat(64)}`, platform: { os: 'unknown', architecture: 'unknown' } },
      { digest: PLATFORM, platform: { os: 'linux', architecture: 'amd64' } },
    ],
  });
  const IMAGE = JSON.stringify({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { digest: CONFIG, size: 9 },
    layers: [],
  });
  const LABELS = { config: { Labels: { 'org.opencontainers.image.revision': 'abc1234', n: 1 } } };

  /** A registry with the index at tag 1.0.0; its config blob answered as `blob` says. */
  function registry(blob: 'direct' | 'storage' | 'http-elsewhere') {
    const calls: Array<{ url: string; auth?: string }> = [];
    const fetch: FetchFn = async (url, init = {}) => {
      const auth = (init.headers as Record<string, string> | undefined)?.authorization;
      calls.push({ url, auth });
      const u = new URL(url);
      if (u.host !== 'r.io') return Response.json(LABELS);
      if (u.pathname === '/v2/agents/manifests/1.0.0') return new Response(INDEX);
      if (u.pathname === `/v2/agents/manifests/${PLATFORM}`) return new Response(IMAGE);
      if (u.pathname === `/v2/agents/blobs/${CONFIG}`) {
        if (blob === 'direct') return Response.json(LABELS);
        const location = blob === 'storage' ? 'https://store.example/b?sig=1' : 'http://elsewhere.example/b';
        return new Response(null, { status: 307, headers: { location } });
      }
      return new Response(null, { status: 404 });
    };
    return { fetch, calls };
  }

  it.each([
    ['served by the registry', 'direct' as const, ['https://r.io/v2/agents/blobs/']],
    [
      'redirected to its storage',
      'storage' as const,
      ['https://r.io/v2/agents/blobs/', 'https://store.example/b'],
    ],
  ])('the first platform of an index, its config %s', async (_name, blob, blobCalls) => {
    const reg = registry(blob);
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fetch, scheme: 'https' });
    expect(await client.imageLabels('agents', '1.0.0')).toEqual({
      'org.opencontainers.image.revision': 'abc1234',
    });
    const reads = reg.calls.filter((c) => c.url.includes('/blobs/') || !c.url.startsWith('https://r.io'));
    expect(reads.map((c) => c.url.replace(/(blobs\/).*$/, '$1').replace(/\?.*$/, ''))).toEqual(blobCalls);
    expect(reads.filter((c) => !c.url.startsWith('https://r.io')).map((c) => c.auth)).toEqual(
      blob === 'storage' ? [undefined] : [],
    );
  });

  it("sends the registry's credentials to the registry only, never to the storage it redirects to", async () => {
    const reg = registry('storage');
    const fetch: FetchFn = async (url, init = {}) => {
      const auth = (init.headers as Record<string, string> | undefined)?.authorization;
      if (new URL(url).host === 'r.io' && !auth)
        return new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="r.io"' } });
      return reg.fetch(url, init);
    };
    const creds = { kind: 'basic' as const, username: 'u', password: 'p' };
    const client = new RegistryClient('r.io', creds, { fetch, scheme: 'https' });
    expect(await client.imageLabels('agents', '1.0.0')).toEqual({
      'org.opencontainers.image.revision': 'abc1234',
    });
    expect(reg.calls.filter((c) => c.url.startsWith('https://r.io')).every((c) => !!c.auth)).toBe(true);
    expect(reg.calls.filter((c) => !c.url.startsWith('https://r.io'))).toEqual([
      { url: 'https://store.example/b?sig=1', auth: undefined },
    ]);
  });

  it('refuses a redirect of the blob to plain http elsewhere', async () => {
    const reg = registry('http-elsewhere');
    const client = new RegistryClient('r.io', { kind: 'anonymous' }, { fetch: reg.fetch, scheme: 'https' });
    await expect(client.imageLabels('agents', '1.0.0')).rejects.toThrow(
      /redirected to http:\/\/elsewhere\.example/,
    );
    expect(reg.calls.some((c) => c.url.startsWith('http://elsewhere'))).toBe(false);
  });
});
