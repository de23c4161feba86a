// The registry behind the ACR facade, with the real docker CLI: token exchange, login, push, pull,
// the 401 challenges, ACR's tag listing and manifest delete.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DockerCli, DockerError } from '../../../sim/docker.js';
import {
  ACR_TOKEN_USER,
  parseScope,
  requiredAccess,
  startRegistry,
  type RegistryHandle,
} from '../../../sim/registry.js';
import { httpsRequest } from '../../../sim/http.js';
import { RegistryClient } from '../../../src/registry/client.js';
import { fetchWithCa } from '../../support/build-push.js';
import { immutableVersionImage, MutableTagError } from '../../../src/registry/version-image.js';
import {
  buildSampleApp,
  describeWithDocker,
  startTestRegistry,
  testCertificates,
  uniqueName,
  type TestRegistry,
} from '../../support/docker.js';

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('registry access rules', () => {
  it.each([
    ['GET', '/v2/', 'registry::'],
    ['GET', '/v2/_catalog', 'registry:catalog:*'],
    ['GET', '/v2/team/app/manifests/1.0.0', 'repository:team/app:pull'],
    ['HEAD', '/v2/app/blobs/sha256:abc', 'repository:app:pull'],
    ['PUT', '/v2/app/manifests/1.0.0', 'repository:app:push'],
    ['GET', '/v2/app/blobs/uploads/1234', 'repository:app:push'],
    ['DELETE', '/v2/app/manifests/sha256:abc', 'repository:app:delete'],
    ['GET', '/acr/v1/app/_tags', 'repository:app:metadata_read,pull'],
    ['DELETE', '/acr/v1/app/_tags/1.0.0', 'repository:app:delete'],
    ['GET', '/v2/UPPER/tags/list', undefined],
    ['GET', '/elsewhere', undefined],
  ])('%s %s needs %s', (method, path, expected) => {
    const need = requiredAccess(method, path);
    expect(need && `${need.type}:${need.name}:${need.actions.join(',')}`).toBe(expected);
  });

  it.each([
    ['repository:team/app:pull,push', { type: 'repository', name: 'team/app', actions: ['pull', 'push'] }],
    ['registry:catalog:*', { type: 'registry', name: 'catalog', actions: ['*'] }],
    ['nonsense', undefined],
  ])('parses the scope %s', (scope, expected) => expect(parseScope(scope)).toEqual(expected));
});

describeWithDocker('simulated registry with the ACR facade', () => {
  let reg: TestRegistry;
  const images: string[] = [];
  const local = new DockerCli();
  const repo = uniqueName('alc-sim-test/agents');

  beforeAll(async () => {
    reg = await startTestRegistry();
    images.push(await buildSampleApp(local, `${uniqueName('alc-sim-test')}:1.0.0`, { version: '1.0.0' }));
    images.push(await buildSampleApp(local, `${uniqueName('alc-sim-test')}:1.1.0`, { version: '1.1.0' }));
  });
  afterAll(async () => {
    await local.rmi(images);
    await reg?.stop();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    httpsRequest(`https://${reg.server}${path}`, { ca: reg.certs.ca, headers, method });

  const accessToken = async (scope: string) => {
    const refresh = await reg.refreshToken();
    const q = new URLSearchParams({ service: reg.server, scope });
    const res = await get(`/oauth2/token?${q.toString()}`, { authorization: basic(ACR_TOKEN_USER, refresh) });
    expect(res.status).toBe(200);
    return (JSON.parse(res.body) as { access_token: string }).access_token;
  };

  it('builds the sample app offline into a tiny image', async () => {
    const info = await local.imageInspect(images[0]);
    expect(info?.id).toMatch(/^sha256:/);
  });

  /** The registry's refresh-token exchange of an Entra access token, as a client posts it. */
  const exchange = (token: string) =>
    httpsRequest(`https://${reg.server}/oauth2/exchange`, {
      ca: reg.certs.ca,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'access_token',
        service: reg.server,
        access_token: token,
      }).toString(),
    });

  it('challenges /v2/ without a token, naming its token realm and service', async () => {
    const res = await get('/v2/');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(
      `Bearer realm="https://${reg.server}/oauth2/token",service="${reg.server}"`,
    );
  });

  it.each([
    ['a token from another issuer', 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjR9.c2ln', 401],
    ['no token', '', 401],
  ])('refuses the exchange of %s', async (_name, token, status) => {
    const res = await exchange(token);
    expect(res.status).toBe(status);
  });

  it.each([
    ['an ARM-scoped Entra token', 'https://management.azure.com', 401],
    ["ACR's audience", 'https://containerregistry.azure.net', 200],
  ])('the exchange of %s answers %p (ACR refuses tokens for another audience)', async (_n, aud, status) => {
    const res = await exchange(reg.identity.issueAccessToken(aud));
    expect(res.status).toBe(status);
    if (status !== 200) expect(res.body).toMatch(/audience https:\/\/management\.azure\.com/);
  });

  it.each([
    ['another user name', 'admin', undefined],
    ['a password that is not a refresh token', ACR_TOKEN_USER, 'not-a-token'],
  ])('refuses a token request with %s', async (_name, user, password) => {
    const res = await get(`/oauth2/token?service=${reg.server}`, {
      authorization: basic(user, password ?? (await reg.refreshToken())),
    });
    expect(res.status).toBe(401);
  });

  it('refuses docker login with a bad refresh token', async () => {
    const other = new DockerCli({ configDir: `${reg.certs.dir}/other-config` });
    await expect(other.login(reg.server, ACR_TOKEN_USER, 'not-a-token')).rejects.toThrow(DockerError);
  });

  it('pushes with docker and pulls the same digest back after the local copy is gone', async () => {
    const ref = await reg.push(images[0], `${repo}:1.0.0`);
    const pushed = (await reg.docker.imageInspect(ref))?.repoDigests.find((d) =>
      d.startsWith(`${reg.server}/`),
    );
    expect(pushed).toMatch(/@sha256:[0-9a-f]{64}$/);
    await reg.docker.rmi([ref]);
    expect(await reg.docker.imageInspect(ref)).toBeUndefined();
    await reg.docker.pull(pushed as string);
    expect((await reg.docker.imageInspect(pushed as string))?.id).toBe(
      (await local.imageInspect(images[0]))?.id,
    );
  });

  it('answers a token without the scope a repository needs with an insufficient_scope challenge', async () => {
    const token = await accessToken('repository:something-else:pull');
    const res = await get(`/v2/${repo}/tags/list`, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toContain(
      `scope="repository:${repo}:pull",error="insufficient_scope"`,
    );
  });

  it('lists tags with digests and times (ACR), pages them, and deletes a manifest by digest', async () => {
    await reg.push(images[0], `${repo}:1.0.0`);
    await reg.push(images[1], `${repo}:1.1.0`);
    const token = await accessToken(`repository:${repo}:pull,delete,metadata_read registry:catalog:*`);
    const auth = { authorization: `Bearer ${token}` };

    const listed = await get(`/acr/v1/${repo}/_tags?orderby=timedesc`, auth);
    expect(listed.status).toBe(200);
    const body = JSON.parse(listed.body) as { imageName: string; tags: Array<Record<string, string>> };
    expect(body.imageName).toBe(repo);
    expect(body.tags.map((t) => t.name)).toEqual(['1.1.0', '1.0.0']);
    for (const t of body.tags) {
      expect(t.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(Date.parse(t.createdTime)).toBeGreaterThan(Date.now() - 600_000);
    }
    expect(body.tags[0].digest).not.toBe(body.tags[1].digest);

    const page = await get(`/acr/v1/${repo}/_tags?n=1`, auth);
    expect((JSON.parse(page.body) as { tags: unknown[] }).tags).toHaveLength(1);
    expect(page.headers.link).toContain('last=1.0.0');

    const catalog = await get('/v2/_catalog', auth);
    expect((JSON.parse(catalog.body) as { repositories: string[] }).repositories).toContain(repo);

    const old = body.tags[1];
    const deleted = await get(`/v2/${repo}/manifests/${old.digest}`, auth, 'DELETE');
    expect(deleted.status).toBe(202);
    const after = await get(`/v2/${repo}/tags/list`, auth);
    expect((JSON.parse(after.body) as { tags: string[] }).tags).toEqual(['1.1.0']);
    const gone = await get(`/v2/${repo}/manifests/${old.digest}`, auth);
    expect(gone.status).toBe(404);
  });
});

describeWithDocker('release tags locked as ACR locks them (writeEnabled=false)', () => {
  let reg: TestRegistry;
  const local = new DockerCli();
  const images: string[] = [];
  const repo = uniqueName('alc-sim-lock/agents');
  let client: RegistryClient;
  beforeAll(async () => {
    reg = await startTestRegistry();
    images.push(await buildSampleApp(local, `${uniqueName('alc-sim-lock')}:1.0.0`, { version: '1.0.0' }));
    images.push(await buildSampleApp(local, `${uniqueName('alc-sim-lock')}:6.6.6`, { version: '6.6.6' }));
    client = new RegistryClient(
      reg.server,
      { kind: 'refresh-token', refreshToken: await reg.refreshToken() },
      {
        fetch: fetchWithCa(reg.certs.ca),
        scheme: 'https',
      },
    );
  });
  afterAll(async () => {
    await local.rmi(images);
    await reg?.stop();
  });

  it('GET returns the attributes, PATCH locks the tag, a push over it is refused (405 DENIED), deletes too', async () => {
    await reg.push(images[0], `${repo}:1.0.0`);
    const before = await client.tagAttributes(repo, '1.0.0');
    expect(before).toMatchObject({ writeEnabled: true, deleteEnabled: true });
    await client.setTagAttributes(repo, '1.0.0', { writeEnabled: false, deleteEnabled: true });
    const locked = await client.tagAttributes(repo, '1.0.0');
    expect(locked).toEqual({ ...before, writeEnabled: false });

    // someone pushes another image over the released tag: refused, the tag keeps its digest
    await expect(reg.push(images[1], `${repo}:1.0.0`)).rejects.toThrow(/disallowed|denied|405/i);
    expect(await client.digestOf(repo, '1.0.0')).toBe(before!.digest);

    // rollback to the version deploys the locked digest
    const logs: string[] = [];
    expect(await immutableVersionImage(client, reg.server, repo, 'v1.0.0', (l) => logs.push(l))).toBe(
      `${reg.server}/${repo}@${before!.digest}`,
    );

    // a locked tag cannot be deleted; retention unlocks it first (deleteEnabled stayed true)
    await expect(client.deleteManifest(repo, before!.digest)).rejects.toThrow(/HTTP 405/);
    await client.setTagAttributes(repo, '1.0.0', { writeEnabled: true });
    expect(await client.deleteManifest(repo, before!.digest)).toBe('deleted');
  });

  it('rollback to a version whose tag is still writable is refused, naming the tag and what to do', async () => {
    await reg.push(images[1], `${repo}:1.4.0`);
    const run = immutableVersionImage(client, reg.server, repo, 'v1.4.0', () => undefined);
    await expect(run).rejects.toThrow(MutableTagError);
    await expect(run).rejects.toThrow(/refuses .*:1\.4\.0 \(now sha256:[0-9a-f]{64}\).*still writable/);
    expect(await immutableVersionImage(client, reg.server, repo, 'v9.9.9', () => undefined)).toBeUndefined();
  });

  it('PATCH with a body that is not changeable attributes is a 400', async () => {
    await expect(
      client.setTagAttributes(repo, '1.4.0', { writeEnabled: 'no' } as unknown as { writeEnabled: boolean }),
    ).rejects.toThrow(/HTTP 400/);
  });
});

describeWithDocker('simulated registry without auth', () => {
  const docker = new DockerCli();
  const image = `${uniqueName('alc-sim-test')}:1.0.0`;
  const pushed: string[] = [];
  let certs: ReturnType<typeof testCertificates>;
  let handle: RegistryHandle;
  const start = () => startRegistry({ stateDir: `${certs.dir}/open`, tls: certs.controlPlane, auth: 'none' });

  beforeAll(async () => {
    certs = testCertificates('test.local');
    handle = await start();
    await buildSampleApp(docker, image, { version: '1.0.0' });
  });
  afterAll(async () => {
    await docker.rmi([image, ...pushed]);
    await handle?.stop();
    certs?.cleanup();
  });

  it('serves /v2/ to anyone', async () => {
    const res = await httpsRequest(`https://${handle.server}/v2/`, { ca: certs.ca });
    expect(res.status).toBe(200);
  });

  it('keeps its images across a restart on the same state directory', async () => {
    const ref = `${handle.server}/kept:1.0.0`;
    pushed.push(ref);
    await docker.tag(image, ref);
    await docker.push(ref);
    await handle.stop();
    handle = await start();
    const res = await httpsRequest(`https://${handle.server}/v2/kept/tags/list`, { ca: certs.ca });
    expect(JSON.parse(res.body)).toEqual({ name: 'kept', tags: ['1.0.0'] });
  });
});
