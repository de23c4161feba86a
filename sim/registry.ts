// The registry: Debian's docker-registry (distribution v2) on a private unix socket, and in front of it
// an ACR facade over HTTPS: token exchange (/oauth2/exchange, /oauth2/token), Bearer-protected /v2/*,
// and ACR's metadata API used for retention (/acr/v1/<repo>/_tags, /acr/v1/<repo>/_manifests).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBody, sendJson } from './http.js';
import { jwtProblem, decodeJwt, loadOrCreateKey, signJwt, type SigningKey } from './jwt.js';
import type { TokenVerifier } from './types.js';

/** The user name ACR expects with a refresh token as password. */
export const ACR_TOKEN_USER = '00000000-0000-0000-0000-000000000000';
/** The Entra audience of Azure Container Registry. */
export const ACR_AUDIENCE = 'https://containerregistry.azure.net';

export interface RegistryOptions {
  /** Where the registry keeps its config, blobs, signing key and log. */
  stateDir: string;
  /** HTTPS port of the facade; 0 (default) picks a free one. */
  port?: number;
  /** TLS certificate and key (PEM) for 127.0.0.1 / localhost. */
  tls: { cert: string; key: string };
  /** Accepts Entra access tokens in /oauth2/exchange. Required unless auth is 'none'. */
  verifier?: TokenVerifier;
  /**
   * Audiences of the Entra tokens /oauth2/exchange accepts (default: ACR's own, https://containerregistry.azure.net,
   * as a registry with `authentication-as-arm` disabled: an ARM-scoped token is refused).
   */
  audiences?: string[];
  /** 'token' (default): ACR token auth; 'none': /v2/* is open (tests). */
  auth?: 'token' | 'none';
  /** Host name in `server` (default 127.0.0.1, which Docker treats as an insecure registry). */
  hostname?: '127.0.0.1' | 'localhost';
  /** Lifetimes in seconds (ACR: refresh 3 h, access 75 min). */
  refreshTokenTtl?: number;
  accessTokenTtl?: number;
  /** The distribution binary (default /usr/bin/docker-registry). */
  binary?: string;
}

export interface RegistryHandle {
  /** host:port, the login server for docker and image references. */
  server: string;
  port: number;
  stop(): Promise<void>;
}

/** One grant of a registry token: `repository:<name>:pull,push` or `registry:catalog:*`. */
export interface Access {
  type: string;
  name: string;
  actions: string[];
}

const REPO = '[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*';
const TAG = /^[\w][\w.-]{0,127}$/;
const V2_REPO_PATH = new RegExp(`^/v2/(${REPO})/(manifests|blobs|tags)(/.*)?$`);
const ACR_PATH = new RegExp(`^/acr/v1/(${REPO})/(_tags|_manifests)(?:/([^/]+))?$`);

export async function startRegistry(o: RegistryOptions): Promise<RegistryHandle> {
  const auth = o.auth ?? 'token';
  if (auth === 'token' && !o.verifier)
    throw new Error('startRegistry: a verifier is required with token auth');
  mkdirSync(o.stateDir, { recursive: true });
  const backend = await startDistribution(o.stateDir, o.binary ?? '/usr/bin/docker-registry');
  const key = loadOrCreateKey(join(o.stateDir, 'acr-token.key'), 'acr');
  const facade = new AcrFacade(backend, key, o, join(o.stateDir, 'data'));
  const server = https.createServer({ cert: o.tls.cert, key: o.tls.key }, (req, res) => {
    facade.handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) registryError(res, 500, 'UNKNOWN', e instanceof Error ? e.message : String(e));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(o.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (e) {
    await backend.stop();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    server: `${o.hostname ?? '127.0.0.1'}:${port}`,
    port,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The distribution process

interface Backend {
  socketPath: string;
  stop(): Promise<void>;
}

async function startDistribution(stateDir: string, binary: string): Promise<Backend> {
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: install it with apt-get install -y docker-registry`);
  }
  const dataDir = join(stateDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  // A unix socket path is limited to 107 bytes: fall back to a private temporary directory.
  const inState = join(stateDir, 'registry.sock');
  const socketPath = inState.length < 100 ? inState : join(tmpdir(), `alc-registry-${randomUUID()}.sock`);
  rmSync(socketPath, { force: true });
  const secretPath = join(stateDir, 'http-secret');
  if (!existsSync(secretPath)) writeFileSync(secretPath, randomBytes(24).toString('hex'), { mode: 0o600 });
  const configPath = join(stateDir, 'config.yml');
  writeFileSync(configPath, distributionConfig(dataDir, socketPath, readFileSync(secretPath, 'utf8').trim()));

  const logPath = join(stateDir, 'registry.log');
  const logFd = openSync(logPath, 'a');
  // A shell keeps the registry on a leash: when this process ends (even by SIGKILL) the pipe on the
  // shell's stdin closes, `read` returns and the registry is stopped with it. The shell exits with it.
  const leash =
    'exec 3<&0; "$0" serve "$1" </dev/null & pid=$!; { read _ <&3; kill $pid 2>/dev/null; } & wait $pid';
  const child = spawn('/bin/sh', ['-c', leash, binary, configPath], { stdio: ['pipe', logFd, logFd] });
  closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('error', () => undefined);

  const deadline = Date.now() + 15_000;
  while (!(await backendUp(socketPath))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      killAndWait(child, exited);
      const log = existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`the registry (${binary}) did not start; its log ends with:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    socketPath,
    async stop() {
      await killAndWait(child, exited);
      rmSync(socketPath, { force: true });
    },
  };
}

function distributionConfig(dataDir: string, socketPath: string, secret: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(dataDir)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    '  net: unix',
    `  addr: ${JSON.stringify(socketPath)}`,
    `  secret: ${JSON.stringify(secret)}`,
    '  relativeurls: true',
    '',
  ].join('\n');
}

function backendUp(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ socketPath, path: '/v2/', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

async function killAndWait(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// The ACR facade

class AcrFacade {
  private readonly locks: TagLocks;

  constructor(
    private readonly backend: Backend,
    private readonly key: SigningKey,
    private readonly o: RegistryOptions,
    private readonly dataDir: string,
  ) {
    this.locks = new TagLocks(join(o.stateDir, 'acr-tag-attributes.json'));
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://registry.invalid');
    const path = url.pathname;
    if (path === '/oauth2/exchange' && req.method === 'POST') return this.exchange(req, res);
    if (path === '/oauth2/token' && (req.method === 'GET' || req.method === 'POST'))
      return this.token(req, res, url);
    const need = requiredAccess(req.method ?? 'GET', path);
    if (!need) return registryError(res, 404, 'NAME_UNKNOWN', `no route for ${req.method} ${path}`);
    if (this.o.auth !== 'none' && !this.authorize(req, res, need)) return;
    if (path === '/acr/v1/_catalog') return this.proxy(req, res, `/v2/_catalog${url.search}`);
    if (path.startsWith('/acr/v1/')) return this.acr(req, res, url);
    if (await this.lockedWrite(req.method ?? 'GET', path)) return disallowed(res);
    return this.proxy(req, res, req.url ?? path);
  }

  /**
   * Whether a registry write hits a locked tag, as ACR refuses it: a manifest PUT to a tag whose writeEnabled is
   * false, or a manifest DELETE of a digest that a tag with writeEnabled or deleteEnabled false points to.
   */
  private async lockedWrite(method: string, path: string): Promise<boolean> {
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(path);
    if (!m || (method !== 'PUT' && method !== 'DELETE')) return false;
    const [, repo, reference] = m;
    const locks = this.locks.of(repo);
    if (method === 'PUT') return !reference.startsWith('sha256:') && locks[reference]?.writeEnabled === false;
    const tags = await new RepoStore(this.dataDir, repo, this.locks).tags();
    return tags.some(
      (t) =>
        t.digest === reference &&
        (t.changeableAttributes.writeEnabled === false || t.changeableAttributes.deleteEnabled === false),
    );
  }

  /** POST /oauth2/exchange: an Entra access token -> an ACR refresh token. */
  private async exchange(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const grant = form.get('grant_type');
    if (grant !== 'access_token' && grant !== 'access_token_refresh_token') {
      return oauthError(
        res,
        400,
        'unsupported_grant_type',
        `grant_type must be access_token, not ${grant ?? 'empty'}`,
      );
    }
    const service = form.get('service') ?? '';
    if (!service) return oauthError(res, 400, 'invalid_request', 'service is required');
    const claims = this.o.verifier?.verify(form.get('access_token') ?? '');
    if (!claims) return oauthError(res, 401, 'invalid_grant', 'the access token is not valid');
    const audiences = this.o.audiences ?? [ACR_AUDIENCE];
    const aud = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).map(String);
    if (!aud.some((a) => audiences.includes(a.replace(/\/$/, '')))) {
      return oauthError(
        res,
        401,
        'invalid_grant',
        `the access token's audience ${aud.join(', ')} is not this registry's (${audiences.join(', ')})`,
      );
    }
    const now = Math.floor(Date.now() / 1000);
    const refreshToken = signJwt(
      {
        typ: 'refresh',
        iss: 'Azure Container Registry',
        aud: service,
        sub: String(claims.oid ?? claims.sub ?? claims.appid ?? 'unknown'),
        tenant: claims.tid ?? form.get('tenant') ?? undefined,
        jti: randomUUID(),
        iat: now,
        nbf: now,
        exp: now + (this.o.refreshTokenTtl ?? 3 * 3600),
      },
      this.key,
    );
    sendJson(res, 200, { refresh_token: refreshToken });
  }

  /** GET|POST /oauth2/token: a refresh token (form or Basic auth) + scopes -> an access token. */
  private async token(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
    const basic = basicCredentials(req.headers.authorization);
    let refresh: string | undefined;
    if (basic) {
      if (basic.user !== ACR_TOKEN_USER) {
        return oauthError(
          res,
          401,
          'invalid_grant',
          `use the user name ${ACR_TOKEN_USER} with a refresh token`,
        );
      }
      refresh = basic.password;
    } else if (form.get('grant_type') === 'refresh_token') refresh = form.get('refresh_token') ?? '';
    else if (form.get('grant_type') === 'password' && form.get('username') === ACR_TOKEN_USER) {
      refresh = form.get('password') ?? '';
    }
    if (refresh === undefined) return oauthError(res, 401, 'invalid_request', 'a refresh token is required');
    const problem = this.tokenProblem(refresh, 'refresh');
    if (problem) return oauthError(res, 401, 'invalid_grant', `the refresh token is not valid: ${problem}`);
    const scopes = form
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean);
    const access = scopes.map(parseScope).filter((a): a is Access => a !== undefined);
    const now = Math.floor(Date.now() / 1000);
    const ttl = this.o.accessTokenTtl ?? 75 * 60;
    const accessToken = signJwt(
      {
        typ: 'access',
        iss: 'Azure Container Registry',
        aud: form.get('service') ?? '',
        sub: decodeJwt(refresh)?.claims.sub,
        jti: randomUUID(),
        iat: now,
        nbf: now,
        exp: now + ttl,
        access,
      },
      this.key,
    );
    sendJson(res, 200, { access_token: accessToken, expires_in: ttl, scope: scopes.join(' ') });
  }

  private tokenProblem(token: string, typ: 'refresh' | 'access'): string | undefined {
    const problem = jwtProblem(token, this.key);
    if (problem) return problem;
    return decodeJwt(token)?.claims.typ === typ ? undefined : `not a ${typ} token`;
  }

  /** Checks the Bearer access token against the access the request needs; answers 401 when it falls short. */
  private authorize(req: http.IncomingMessage, res: http.ServerResponse, need: Access): boolean {
    const host = req.headers.host ?? '127.0.0.1';
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const scope =
      need.type === 'registry' && need.name === '' ? '' : `${need.type}:${need.name}:${need.actions[0]}`;
    const challenge = (error?: string) =>
      [
        `Bearer realm="https://${host}/oauth2/token"`,
        `service="${host}"`,
        ...(scope ? [`scope="${scope}"`] : []),
        ...(error ? [`error="${error}"`] : []),
      ].join(',');
    if (!bearer || this.tokenProblem(bearer, 'access')) {
      registryError(res, 401, 'UNAUTHORIZED', 'authentication required', { 'www-authenticate': challenge() });
      return false;
    }
    if (!scope) return true;
    const granted = (decodeJwt(bearer)?.claims.access ?? []) as Access[];
    const ok = granted.some(
      (g) =>
        g.type === need.type &&
        g.name === need.name &&
        need.actions.some((a) => g.actions.includes(a) || g.actions.includes('*')),
    );
    if (!ok) {
      registryError(res, 401, 'UNAUTHORIZED', 'authentication required', {
        'www-authenticate': challenge('insufficient_scope'),
      });
    }
    return ok;
  }

  /** Streams the request to the distribution registry and its answer back. */
  private proxy(req: http.IncomingMessage, res: http.ServerResponse, target: string): Promise<void> {
    return new Promise((resolve) => {
      const headers = { ...req.headers };
      delete headers.authorization;
      const upstream = http.request(
        { socketPath: this.backend.socketPath, method: req.method, path: target, headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('end', resolve);
          up.on('error', () => {
            res.destroy();
            resolve();
          });
        },
      );
      upstream.on('error', (e) => {
        if (!res.headersSent)
          registryError(res, 502, 'UNAVAILABLE', `the registry is not answering: ${e.message}`);
        else res.destroy();
        resolve();
      });
      req.pipe(upstream);
    });
  }

  /** ACR's metadata API on the registry's storage: tags and manifests with digests and times. */
  private async acr(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const [, repo, kind, item] = ACR_PATH.exec(url.pathname) ?? [];
    const store = new RepoStore(this.dataDir, repo, this.locks);
    const registry = req.headers.host ?? '';
    if (!(await store.exists()))
      return registryError(res, 404, 'NAME_UNKNOWN', `repository ${repo} is not known`);
    if (kind === '_tags' && item !== undefined) {
      const tag = decodeURIComponent(item);
      const found = TAG.test(tag) ? await store.tag(tag) : undefined;
      if (!found) return registryError(res, 404, 'TAG_UNKNOWN', `tag ${tag} is not known in ${repo}`);
      if (req.method === 'DELETE') {
        const a = found.changeableAttributes;
        if (!a.writeEnabled || !a.deleteEnabled) return disallowed(res);
        await store.untag(tag);
        this.locks.set(repo, tag, undefined);
        res.writeHead(202, { 'content-length': 0 }).end();
        return;
      }
      if (req.method === 'PATCH') {
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req)) || '{}');
        } catch {
          body = undefined;
        }
        const keys = Object.keys(CHANGEABLE);
        const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
        if (!body || fields.some(([k, v]) => !keys.includes(k) || typeof v !== 'boolean'))
          return registryError(
            res,
            400,
            'BAD_REQUEST',
            `the body must be a JSON object of changeable attributes (${keys.join(', ')}) with boolean values`,
          );
        this.locks.set(repo, tag, { ...this.locks.of(repo)[tag], ...Object.fromEntries(fields) });
        return sendJson(res, 200, { registry, imageName: repo, tag: await store.tag(tag) });
      }
      return sendJson(res, 200, { registry, imageName: repo, tag: found });
    }
    if (item !== undefined) return registryError(res, 404, 'NAME_UNKNOWN', `no route for ${url.pathname}`);
    const all: Array<TagInfo | ManifestInfo> =
      kind === '_tags' ? await store.tags() : await store.manifests();
    const page = paginate(all, url.searchParams);
    const headers: Record<string, string> = {};
    if (page.next) {
      const q = new URLSearchParams(url.searchParams);
      q.set('last', page.next);
      headers.link = `</acr/v1/${repo}/${kind}?${q.toString()}>; rel="next"`;
    }
    sendJson(
      res,
      200,
      { registry, imageName: repo, [kind === '_tags' ? 'tags' : 'manifests']: page.items },
      headers,
    );
  }
}

/** What a registry request needs: repository:<name>:<action>, registry:catalog:*, or '' for /v2/. */
export function requiredAccess(method: string, path: string): Access | undefined {
  if (path === '/v2/' || path === '/v2') return { type: 'registry', name: '', actions: [] };
  if (path === '/v2/_catalog' || path === '/acr/v1/_catalog') {
    return { type: 'registry', name: 'catalog', actions: ['*'] };
  }
  const v2 = V2_REPO_PATH.exec(path);
  if (v2) {
    const upload = v2[2] === 'blobs' && (v2[3] ?? '').startsWith('/uploads');
    const action = upload ? 'push' : actionFor(method);
    return action ? { type: 'repository', name: v2[1], actions: [action] } : undefined;
  }
  const acr = ACR_PATH.exec(path);
  if (acr) {
    if (method === 'GET' || method === 'HEAD') {
      return { type: 'repository', name: acr[1], actions: ['metadata_read', 'pull'] };
    }
    if (method === 'PATCH' && acr[2] === '_tags' && acr[3] !== undefined)
      return { type: 'repository', name: acr[1], actions: ['metadata_write'] };
    return method === 'DELETE' ? { type: 'repository', name: acr[1], actions: ['delete'] } : undefined;
  }
  return undefined;
}

function actionFor(method: string): string | undefined {
  if (method === 'GET' || method === 'HEAD') return 'pull';
  if (method === 'DELETE') return 'delete';
  if (method === 'PUT' || method === 'POST' || method === 'PATCH') return 'push';
  return undefined;
}

/** `repository:name:pull,push` -> Access. */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

function basicCredentials(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!m) return undefined;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

function registryError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { errors: [{ code, message, detail: null }] }, headers);
}

function oauthError(res: http.ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

// ---------------------------------------------------------------------------------------------
// Metadata from the registry's storage (distribution's filesystem layout)

const CHANGEABLE = { deleteEnabled: true, writeEnabled: true, readEnabled: true, listEnabled: true };

export interface TagInfo {
  name: string;
  digest: string;
  createdTime: string;
  lastUpdateTime: string;
  signed: boolean;
  changeableAttributes: typeof CHANGEABLE;
}

export interface ManifestInfo {
  digest: string;
  createdTime: string;
  lastUpdateTime: string;
  tags: string[];
  changeableAttributes: typeof CHANGEABLE;
}

/** Tag attributes set through PATCH /acr/v1/<repo>/_tags/<tag>, kept in a JSON file of the registry's state. */
class TagLocks {
  private readonly all: Record<string, Record<string, Partial<typeof CHANGEABLE>>>;

  constructor(private readonly file: string) {
    try {
      this.all = JSON.parse(readFileSync(file, 'utf8')) as typeof this.all;
    } catch {
      this.all = {};
    }
  }

  of(repo: string): Record<string, Partial<typeof CHANGEABLE>> {
    return this.all[repo] ?? {};
  }

  set(repo: string, tag: string, attributes: Partial<typeof CHANGEABLE> | undefined): void {
    const repoLocks = { ...this.of(repo) };
    if (attributes) repoLocks[tag] = attributes;
    else delete repoLocks[tag];
    this.all[repo] = repoLocks;
    writeFileSync(this.file, JSON.stringify(this.all, null, 2));
  }
}

/** ACR's answer to a write or delete of a locked tag. */
function disallowed(res: http.ServerResponse): void {
  registryError(res, 405, 'DENIED', 'The operation is disallowed on this registry, repository or image.');
}

class RepoStore {
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly repo: string,
    private readonly locks?: TagLocks,
  ) {
    this.root = join(dataDir, 'docker/registry/v2/repositories', repo, '_manifests');
  }

  exists(): Promise<boolean> {
    return stat(this.root).then(
      (s) => s.isDirectory(),
      () => false,
    );
  }

  async tag(name: string): Promise<TagInfo | undefined> {
    const dir = join(this.root, 'tags', name);
    try {
      const current = join(dir, 'current/link');
      const [digest, updated] = await Promise.all([readFile(current, 'utf8'), stat(current)]);
      const indexed = await readdir(join(dir, 'index/sha256')).catch(() => [] as string[]);
      const times = await Promise.all(indexed.map((d) => mtime(join(dir, 'index/sha256', d, 'link'))));
      const created = Math.min(updated.mtimeMs, ...times.filter((t) => t > 0));
      return {
        name,
        digest: digest.trim(),
        createdTime: new Date(created).toISOString(),
        lastUpdateTime: updated.mtime.toISOString(),
        signed: false,
        changeableAttributes: { ...CHANGEABLE, ...this.locks?.of(this.repo)[name] },
      };
    } catch {
      return undefined;
    }
  }

  async tags(): Promise<TagInfo[]> {
    const names = await readdir(join(this.root, 'tags')).catch(() => [] as string[]);
    const infos = await Promise.all(names.map((n) => this.tag(n)));
    return infos.filter((t): t is TagInfo => t !== undefined);
  }

  async untag(name: string): Promise<void> {
    await rm(join(this.root, 'tags', name), { recursive: true, force: true });
  }

  async manifests(): Promise<ManifestInfo[]> {
    const dir = join(this.root, 'revisions/sha256');
    const hexes = await readdir(dir).catch(() => [] as string[]);
    const tags = await this.tags();
    const infos = await Promise.all(
      hexes.map(async (hex) => {
        const t = await mtime(join(dir, hex, 'link'));
        if (t === 0) return undefined; // deleted: distribution removes the link
        const digest = `sha256:${hex}`;
        const when = new Date(t).toISOString();
        return {
          digest,
          createdTime: when,
          lastUpdateTime: when,
          tags: tags.filter((x) => x.digest === digest).map((x) => x.name),
          changeableAttributes: CHANGEABLE,
        };
      }),
    );
    return infos.filter((m): m is ManifestInfo => m !== undefined);
  }
}

function mtime(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.mtimeMs,
    () => 0,
  );
}

/** ACR list paging: orderby (timedesc, timeasc, or by name), `last` (exclusive) and `n`. */
function paginate<T extends { lastUpdateTime: string; digest: string }>(
  items: T[],
  q: URLSearchParams,
): { items: T[]; next?: string } {
  const key = (x: T) => ('name' in x && typeof x.name === 'string' ? x.name : x.digest);
  const order = q.get('orderby');
  const sorted = [...items].sort((a, b) => {
    if (order === 'timedesc')
      return b.lastUpdateTime.localeCompare(a.lastUpdateTime) || key(a).localeCompare(key(b));
    if (order === 'timeasc')
      return a.lastUpdateTime.localeCompare(b.lastUpdateTime) || key(a).localeCompare(key(b));
    return key(a).localeCompare(key(b));
  });
  const last = q.get('last');
  const start = last ? sorted.findIndex((x) => key(x) === last) + 1 : 0;
  const n = Math.max(1, Math.min(Number(q.get('n')) || 100, 1000));
  const page = sorted.slice(start, start + n);
  return { items: page, next: start + n < sorted.length ? key(page[page.length - 1]) : undefined };
}
