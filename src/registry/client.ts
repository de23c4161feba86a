// Registry HTTP API client: token auth (ACR's /oauth2/exchange and /oauth2/token, or a Docker token service, or
// Basic), tag listing with digests, reading a pushed tag's digest back, manifest reads and delete.
// Over 450 lines on purpose: the token dance (challenge, exchange, realm checks, no redirects) and the calls that
// use it are one protocol; split, each half would need the other's private state.
import { createHash } from 'node:crypto';
import { isDigest } from './reference.js';
import { foreignRealmProblem, realmRefusedMessage, tokenRedirectMessage } from './messages.js';

/** The user name of every ACR login that uses a refresh token from /oauth2/exchange. */
export const ACR_TOKEN_USER = '00000000-0000-0000-0000-000000000000';

/** Every manifest kind an image can have, most specific last; sent as Accept on manifest reads. */
export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
] as const;
const INDEX_TYPES = new Set<string>(MANIFEST_TYPES.slice(0, 2));

// ---------------------------------------------------------------------------------------------
// HTTP client with token auth

export type RegistryCredentials =
  | { kind: 'anonymous' }
  | { kind: 'basic'; username: string; password: string }
  /** An ACR refresh token (from /oauth2/exchange, or a docker config identitytoken). */
  | { kind: 'refresh-token'; refreshToken: string };

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="https://r/oauth2/token",service="r",scope="repository:x:pull"`. */
export function parseChallenge(header: string | null): Challenge | undefined {
  const m = header ? /^\s*(\w+)\s*(.*)$/.exec(header) : null;
  if (!m) return undefined;
  const params: Record<string, string> = {};
  for (const p of m[2].matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g))
    params[p[1].toLowerCase()] = p[2] ?? p[3];
  return { scheme: m[1].toLowerCase(), params };
}

/** `user:password` in base64, UTF-8 safe (btoa is not). */
function basic(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/**
 * Why a token request of a registry reached at `base` must not go to the challenge's `realm`, or undefined when it
 * may. An ACR refresh token goes only to the registry's own origin (ACR's realm is `https://<login
 * server>/oauth2/token`; the Azure SDK posts there whatever the realm says). Basic credentials from a docker config
 * go only over https (Docker's token auth may name another host: Docker Hub's auth.docker.io, GitLab's
 * gitlab.com/jwt/auth) or to the registry's own origin; so does an anonymous request. Pure.
 */
export function realmProblem(
  realm: string,
  base: string,
  credentials: RegistryCredentials['kind'],
): string | undefined {
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    return 'it is not a URL';
  }
  const origin = new URL(base).origin;
  if (url.origin === origin) return undefined;
  if (credentials === 'refresh-token') return foreignRealmProblem(origin);
  if (url.protocol !== 'https:') return 'it is not https';
  return undefined;
}

/** A token request's answer that redirects: refused, never followed (its body holds a token). */
function redirected(res: Response, what: string): RegistryError | undefined {
  if (res.status < 300 || res.status > 399) return undefined;
  const location = res.headers.get('location') ?? 'nowhere';
  return new RegistryError(tokenRedirectMessage(what, res.status, location), res.status);
}

function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '');
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]';
}

export interface TagInfo {
  tag: string;
  digest: string;
  /** ISO time the tag was created / last moved, when the registry reports it (ACR does). */
  createdAt?: string;
  updatedAt?: string;
}

/** ACR's changeable attributes of a tag or manifest. writeEnabled=false locks it (no push over it, no delete). */
export interface ChangeableAttributes {
  deleteEnabled: boolean;
  writeEnabled: boolean;
  readEnabled: boolean;
  listEnabled: boolean;
}

export interface TagAttributes extends ChangeableAttributes {
  digest: string;
}

export interface ManifestRead {
  digest: string;
  mediaType: string;
  body: Record<string, unknown>;
}

export interface PlatformSize {
  platform?: string;
  /** Compressed size in the registry: config plus layers. */
  bytes: number;
}

export interface RegistryClientOptions {
  fetch?: FetchFn;
  /** Force a scheme; by default https, falling back to http for a loopback registry that does not speak TLS (as Docker does). */
  scheme?: 'https' | 'http';
  /** Time limit of each request (default 60 s). */
  timeoutMs?: number;
}

function form(fields: Record<string, string | undefined>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') body.set(k, v);
  return body;
}

async function errorFrom(res: Response, what: string): Promise<RegistryError> {
  const text = await res.text().catch(() => '');
  let code: string | undefined;
  let detail = text.slice(0, 300);
  try {
    const json = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }>; error?: string };
    const first = json.errors?.[0];
    code = first?.code ?? json.error;
    detail = first?.message ?? json.error ?? detail;
  } catch {
    // not JSON: keep the text
  }
  return new RegistryError(
    `${what} failed: HTTP ${res.status}${detail ? ` ${detail}` : ''}`,
    res.status,
    code,
  );
}

/** One registry, one set of credentials; bearer tokens are cached per scope. */
export class RegistryClient {
  private base?: Promise<string>;
  private readonly tokens = new Map<string, string>();
  private readonly fetchFn: FetchFn;

  constructor(
    readonly registry: string,
    private credentials: RegistryCredentials = { kind: 'anonymous' },
    private readonly options: RegistryClientOptions = {},
  ) {
    const fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
    const timeoutMs = options.timeoutMs ?? 60_000;
    // Every call is bounded: a registry that stops answering fails the run instead of hanging it.
    this.fetchFn = (url, init = {}) => fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  }

  /** The registry's base URL, after one probe of /v2/ when the scheme is not forced. */
  baseUrl(): Promise<string> {
    this.base ??= this.probe();
    return this.base;
  }

  private async probe(): Promise<string> {
    if (this.options.scheme) return `${this.options.scheme}://${this.registry}`;
    const https = `https://${this.registry}`;
    try {
      const res = await this.fetchFn(`${https}/v2/`, { method: 'GET' });
      await res.body?.cancel();
      return https;
    } catch (error) {
      if (isLoopback(this.registry)) return `http://${this.registry}`;
      throw new RegistryError(
        `The registry ${this.registry} is unreachable over https: ${(error as Error).message}`,
      );
    }
  }

  /**
   * ACR token exchange: an Entra access token -> a registry refresh token, which then authorizes
   * every call of this client and is the password of `docker login` (user 0000...).
   */
  async exchangeAadToken(accessToken: string, tenantId?: string): Promise<string> {
    const res = await this.fetchFn(`${await this.baseUrl()}/oauth2/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form({
        grant_type: 'access_token',
        service: this.registry,
        tenant: tenantId,
        access_token: accessToken,
      }),
      redirect: 'manual',
    });
    const what = `Token exchange at ${this.registry}/oauth2/exchange`;
    const moved = redirected(res, what);
    if (moved) {
      await res.body?.cancel();
      throw moved;
    }
    if (!res.ok) throw await errorFrom(res, what);
    const json = (await res.json()) as { refresh_token?: string };
    if (!json.refresh_token)
      throw new RegistryError(`${this.registry}/oauth2/exchange returned no refresh_token`);
    this.credentials = { kind: 'refresh-token', refreshToken: json.refresh_token };
    this.tokens.clear();
    return json.refresh_token;
  }

  private async token(challenge: Challenge, scope: string): Promise<string | undefined> {
    const creds = this.credentials;
    if (challenge.scheme === 'basic') {
      if (creds.kind === 'basic') return `Basic ${basic(creds.username, creds.password)}`;
      if (creds.kind === 'refresh-token') return `Basic ${basic(ACR_TOKEN_USER, creds.refreshToken)}`;
      return undefined;
    }
    const realm = challenge.params.realm;
    if (challenge.scheme !== 'bearer' || !realm) return undefined;
    const problem = realmProblem(realm, await this.baseUrl(), creds.kind);
    if (problem) {
      throw new RegistryError(realmRefusedMessage(this.registry, realm, problem));
    }
    const service = challenge.params.service ?? this.registry;
    const wanted = challenge.params.scope ?? scope;
    let res: Response;
    if (creds.kind === 'refresh-token') {
      res = await this.fetchFn(realm, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({
          grant_type: 'refresh_token',
          service,
          scope: wanted,
          refresh_token: creds.refreshToken,
        }),
        redirect: 'manual',
      });
    } else {
      const url = new URL(realm);
      url.searchParams.set('service', service);
      if (wanted) url.searchParams.set('scope', wanted);
      const headers: Record<string, string> =
        creds.kind === 'basic' ? { authorization: `Basic ${basic(creds.username, creds.password)}` } : {};
      res = await this.fetchFn(url.toString(), { method: 'GET', headers, redirect: 'manual' });
    }
    const what = `Registry token request for ${wanted}`;
    const moved = redirected(res, what);
    if (moved) {
      await res.body?.cancel();
      throw moved;
    }
    if (!res.ok) throw await errorFrom(res, what);
    const json = (await res.json()) as { access_token?: string; token?: string };
    const token = json.access_token ?? json.token;
    return token ? `Bearer ${token}` : undefined;
  }

  /** One request with auth: the cached token for the scope, or the one the registry's challenge asks for. */
  async request(
    method: string,
    path: string,
    scope: string,
    headers: Record<string, string> = {},
    body?: string,
    redirect: 'follow' | 'manual' = 'follow',
  ): Promise<Response> {
    const url = `${await this.baseUrl()}${path}`;
    const send = (auth?: string) =>
      this.fetchFn(url, {
        method,
        headers: auth ? { ...headers, authorization: auth } : headers,
        body,
        redirect,
      });
    let res = await send(this.tokens.get(scope));
    if (res.status === 401) {
      const challenge = parseChallenge(res.headers.get('www-authenticate'));
      await res.body?.cancel();
      const auth = challenge ? await this.token(challenge, scope) : undefined;
      if (!auth)
        throw new RegistryError(`${method} ${path} at ${this.registry}: unauthorized (HTTP 401)`, 401);
      this.tokens.set(scope, auth);
      res = await send(auth);
    }
    return res;
  }

  /** Reads a manifest (index, list or image manifest) with its digest. */
  async manifest(repository: string, reference: string): Promise<ManifestRead> {
    const res = await this.request('GET', `/v2/${repository}/manifests/${reference}`, pullScope(repository), {
      accept: MANIFEST_TYPES.join(', '),
    });
    if (!res.ok) throw await errorFrom(res, `Reading ${repository}:${reference}`);
    const text = await res.text();
    const digest =
      res.headers.get('docker-content-digest') ?? `sha256:${createHash('sha256').update(text).digest('hex')}`;
    const body = JSON.parse(text) as Record<string, unknown>;
    const mediaType = String(body.mediaType ?? res.headers.get('content-type') ?? '');
    return { digest, mediaType, body };
  }

  /** The digest a tag points to (HEAD with every manifest kind accepted); undefined when the tag does not exist. */
  async digestOf(repository: string, reference: string): Promise<string | undefined> {
    const res = await this.request(
      'HEAD',
      `/v2/${repository}/manifests/${reference}`,
      pullScope(repository),
      {
        accept: MANIFEST_TYPES.join(', '),
      },
    );
    await res.body?.cancel();
    if (res.status === 404) return undefined;
    if (!res.ok)
      throw new RegistryError(
        `Reading the digest of ${repository}:${reference} failed: HTTP ${res.status}`,
        res.status,
      );
    const digest = res.headers.get('docker-content-digest');
    return digest && isDigest(digest) ? digest : (await this.manifest(repository, reference)).digest;
  }

  /** Compressed size per platform of an image (one entry for a single-platform image). */
  async imageSizes(repository: string, reference: string): Promise<PlatformSize[]> {
    const top = await this.manifest(repository, reference);
    if (!INDEX_TYPES.has(top.mediaType)) return [{ bytes: manifestBytes(top.body) }];
    const entries =
      (top.body.manifests as Array<{
        digest: string;
        platform?: { os?: string; architecture?: string; variant?: string };
      }>) ?? [];
    const sizes: PlatformSize[] = [];
    for (const entry of entries) {
      const p = entry.platform;
      if (!p || p.os === 'unknown') continue; // attestations
      const m = await this.manifest(repository, entry.digest);
      sizes.push({
        platform: [p.os, p.architecture, p.variant].filter(Boolean).join('/'),
        bytes: manifestBytes(m.body),
      });
    }
    return sizes;
  }

  /**
   * The labels of an image's config (`org.opencontainers.image.revision`...): of the image itself, or of the first
   * platform of an index (every platform of one build carries the same labels). A blob the registry redirects to
   * its storage (ACR answers 307 with a signed URL) is fetched there without the registry's token.
   */
  async imageLabels(repository: string, reference: string): Promise<Record<string, string>> {
    let image = await this.manifest(repository, reference);
    if (INDEX_TYPES.has(image.mediaType)) {
      const entries = (image.body.manifests as Array<{ digest: string; platform?: { os?: string } }>) ?? [];
      const first = entries.find((e) => e.platform?.os !== 'unknown');
      if (!first) return {};
      image = await this.manifest(repository, first.digest);
    }
    const config = (image.body.config as { digest?: string } | undefined)?.digest;
    if (!config || !isDigest(config)) return {};
    const path = `/v2/${repository}/blobs/${config}`;
    let res = await this.request('GET', path, pullScope(repository), {}, undefined, 'manual');
    const location = res.status >= 300 && res.status <= 399 ? res.headers.get('location') : null;
    if (location) {
      await res.body?.cancel();
      const target = new URL(location, await this.baseUrl());
      if (target.protocol !== 'https:' && target.origin !== new URL(await this.baseUrl()).origin)
        throw new RegistryError(`Reading ${repository}@${config}: redirected to ${target.origin}, not https`);
      res = await this.fetchFn(target.toString(), { method: 'GET', redirect: 'manual' });
    }
    if (!res.ok) throw await errorFrom(res, `Reading the config of ${repository}:${reference}`);
    const json = (await res.json()) as { config?: { Labels?: Record<string, unknown> | null } };
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(json.config?.Labels ?? {})) if (typeof v === 'string') labels[k] = v;
    return labels;
  }

  /** Every tag of a repository with its digest: ACR's tag API when there is one, else the registry API. */
  async listTags(repository: string): Promise<TagInfo[]> {
    return (await this.listAcrTags(repository)) ?? (await this.listV2Tags(repository));
  }

  private async listAcrTags(repository: string): Promise<TagInfo[] | undefined> {
    const tags: TagInfo[] = [];
    let path: string | undefined = `/acr/v1/${repository}/_tags?n=100&orderby=timedesc`;
    while (path) {
      const res = await this.request('GET', path, `repository:${repository}:metadata_read`);
      if (res.status === 404 && tags.length === 0) {
        // Not an ACR (or the repository is empty there too): the registry API decides.
        await res.body?.cancel();
        return undefined;
      }
      if (!res.ok) throw await errorFrom(res, `Listing the tags of ${repository}`);
      const json = (await res.json()) as {
        tags?: Array<{ name: string; digest: string; createdTime?: string; lastUpdateTime?: string }>;
      };
      for (const t of json.tags ?? []) {
        tags.push({ tag: t.name, digest: t.digest, createdAt: t.createdTime, updatedAt: t.lastUpdateTime });
      }
      path = nextLink(res.headers.get('link'));
    }
    return tags;
  }

  private async listV2Tags(repository: string): Promise<TagInfo[]> {
    const names: string[] = [];
    let path: string | undefined = `/v2/${repository}/tags/list?n=1000`;
    while (path) {
      const res = await this.request('GET', path, pullScope(repository));
      if (res.status === 404) {
        await res.body?.cancel();
        return [];
      }
      if (!res.ok) throw await errorFrom(res, `Listing the tags of ${repository}`);
      const json = (await res.json()) as { tags?: string[] | null };
      names.push(...(json.tags ?? []));
      path = nextLink(res.headers.get('link'));
    }
    const tags: TagInfo[] = [];
    for (const tag of names) {
      const digest = await this.digestOf(repository, tag);
      if (digest) tags.push({ tag, digest });
    }
    return tags;
  }

  /**
   * A tag's digest and changeable attributes from ACR's metadata API (GET /acr/v1/<repo>/_tags/<tag>); undefined
   * when the registry has no such API or no such tag.
   */
  async tagAttributes(repository: string, tag: string): Promise<TagAttributes | undefined> {
    const res = await this.request(
      'GET',
      `/acr/v1/${repository}/_tags/${encodeURIComponent(tag)}`,
      `repository:${repository}:metadata_read`,
    );
    if (res.status === 404) {
      await res.body?.cancel();
      return undefined;
    }
    if (!res.ok) throw await errorFrom(res, `Reading the attributes of ${repository}:${tag}`);
    const json = (await res.json()) as {
      tag?: { digest?: string; changeableAttributes?: Partial<Record<keyof ChangeableAttributes, boolean>> };
    };
    const a = json.tag?.changeableAttributes ?? {};
    if (!json.tag?.digest) return undefined;
    return {
      digest: json.tag.digest,
      deleteEnabled: a.deleteEnabled !== false,
      writeEnabled: a.writeEnabled !== false,
      readEnabled: a.readEnabled !== false,
      listEnabled: a.listEnabled !== false,
    };
  }

  /**
   * Changes a tag's attributes (ACR: PATCH /acr/v1/<repo>/_tags/<tag> with the changeable attributes, as
   * `az acr repository update --image repo:tag --write-enabled false` sends it). Throws RegistryError.
   */
  async setTagAttributes(
    repository: string,
    tag: string,
    attributes: Partial<ChangeableAttributes>,
  ): Promise<void> {
    const res = await this.request(
      'PATCH',
      `/acr/v1/${repository}/_tags/${encodeURIComponent(tag)}`,
      `repository:${repository}:metadata_write`,
      { 'content-type': 'application/json' },
      JSON.stringify(attributes),
    );
    if (!res.ok) throw await errorFrom(res, `Changing the attributes of ${repository}:${tag}`);
    await res.body?.cancel();
  }

  /** Deletes a manifest by digest (and with it every tag that points to it). A digest already gone is fine. */
  async deleteManifest(repository: string, digest: string): Promise<'deleted' | 'absent'> {
    if (!isDigest(digest)) throw new RegistryError(`Refusing to delete '${digest}': not a sha256 digest`);
    const res = await this.request(
      'DELETE',
      `/v2/${repository}/manifests/${digest}`,
      deleteScope(repository),
    );
    await res.body?.cancel();
    if (res.status === 404) return 'absent';
    if (!res.ok)
      throw new RegistryError(`Deleting ${repository}@${digest} failed: HTTP ${res.status}`, res.status);
    return 'deleted';
  }
}

function pullScope(repository: string): string {
  return `repository:${repository}:pull`;
}

function deleteScope(repository: string): string {
  return `repository:${repository}:delete`;
}

function manifestBytes(body: Record<string, unknown>): number {
  const config = (body.config as { size?: number } | undefined)?.size ?? 0;
  const layers = (body.layers as Array<{ size?: number }> | undefined) ?? [];
  return config + layers.reduce((sum, l) => sum + (l.size ?? 0), 0);
}

/** The next page of a paginated listing: `Link: </v2/x/tags/list?last=a&n=100>; rel="next"`. */
export function nextLink(header: string | null): string | undefined {
  const m = header ? /<([^>]+)>\s*;\s*rel="?next"?/.exec(header) : null;
  if (!m) return undefined;
  if (/^https?:\/\//.test(m[1])) {
    const url = new URL(m[1]);
    return `${url.pathname}${url.search}`;
  }
  return m[1];
}
