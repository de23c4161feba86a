// A small ACR client for the control plane: does the registry hold an image, and the credentials the
// runtime pulls with. It speaks ACR's protocol over HTTPS: Entra token -> /oauth2/exchange -> refresh
// token -> /oauth2/token (scope repository:<repo>:pull) -> manifest HEAD.
import { httpsRequest } from '../http.js';

export const ACR_USER = '00000000-0000-0000-0000-000000000000';

export interface ImageRef {
  server: string;
  repository: string;
  reference: string;
}

/** `host:port/repo/name:tag` or `...@sha256:...`; undefined for references without a registry host. */
export function parseImage(image: string): ImageRef | undefined {
  const m =
    /^([^/]+[.:][^/]*|localhost)\/([a-z0-9._/-]+?)(?::([\w][\w.-]{0,127})|@(sha256:[a-f0-9]{64}))?$/.exec(
      image,
    );
  if (!m) return undefined;
  return { server: m[1], repository: m[2], reference: m[4] ?? m[3] ?? 'latest' };
}

export class RegistryClient {
  constructor(
    /** The registry's login server (host:port). */
    readonly server: string,
    private readonly ca: string,
    /** An Entra access token the registry accepts in /oauth2/exchange. */
    private readonly entraToken: () => string,
  ) {}

  private request(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
    return httpsRequest(`https://${this.server}${path}`, {
      ca: this.ca,
      method,
      headers,
      body,
      timeoutMs: 15_000,
    });
  }

  private async form(path: string, fields: Record<string, string>): Promise<Record<string, unknown>> {
    const body = new URLSearchParams(fields).toString();
    const a = await this.request('POST', path, { 'content-type': 'application/x-www-form-urlencoded' }, body);
    if (a.status !== 200) throw new Error(`${path} answered ${a.status}: ${a.body.slice(0, 200)}`);
    return JSON.parse(a.body) as Record<string, unknown>;
  }

  /** An ACR refresh token: the docker password for user 00000000-0000-0000-0000-000000000000. */
  async refreshToken(): Promise<string> {
    const r = await this.form('/oauth2/exchange', {
      grant_type: 'access_token',
      service: this.server,
      access_token: this.entraToken(),
    });
    return String(r.refresh_token);
  }

  /** Whether the registry holds the manifest; `detail` says what the registry answered otherwise. */
  async manifestExists(repository: string, reference: string): Promise<{ exists: boolean; detail: string }> {
    const path = `/v2/${repository}/manifests/${reference}`;
    const accept = [
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
    ].join(', ');
    let answer = await this.request('HEAD', path, { accept });
    if (answer.status === 401) {
      const refresh = await this.refreshToken();
      const t = await this.form('/oauth2/token', {
        grant_type: 'refresh_token',
        service: this.server,
        scope: `repository:${repository}:pull`,
        refresh_token: refresh,
      });
      answer = await this.request('HEAD', path, {
        accept,
        authorization: `Bearer ${String(t.access_token)}`,
      });
    }
    if (answer.status === 200) return { exists: true, detail: 'found' };
    const code = answer.status === 404 ? 'MANIFEST_UNKNOWN: manifest unknown' : `status ${answer.status}`;
    return { exists: false, detail: `HEAD https://${this.server}${path}: ${code}` };
  }
}
