// Container registry names and references (pure): registry host and repository inputs, image references and
// digests, and the one allowlist of where an Entra token for a registry may go.
import { InputError } from '../core/inputs.js';
import { REGISTRY_ALLOWED, REPOSITORY_ALLOWED } from './messages.js';

// ---------------------------------------------------------------------------------------------
// Names and references

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** A registry is `host[:port]`, lower-case, no scheme and no path (myregistry.azurecr.io, 127.0.0.1:5000). */
export function validateRegistry(input: string, raw: string): string {
  const v = raw.trim().toLowerCase();
  if (!HOST.test(v) || (v.includes(':') && Number(v.split(':')[1]) > 65535)) {
    throw new InputError(input, raw, REGISTRY_ALLOWED);
  }
  return v;
}

/** A repository is one or more lower-case path components (my-app, team/my-app), as the registry API names them. */
export function validateRepository(input: string, raw: string): string {
  const v = raw.trim();
  const ok = v.length > 0 && v.length <= 255 && v.split('/').every((c) => PATH_COMPONENT.test(c));
  if (!ok) {
    throw new InputError(input, raw, REPOSITORY_ALLOWED);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Where an Entra token may go

/**
 * The Entra audience of Azure Container Registry: the token exchanged at /oauth2/exchange is scoped to the registry
 * service only (an ARM-scoped token would also manage the subscription wherever it leaks; ACR can refuse those,
 * see `az acr config authentication-as-arm`).
 */
export const ACR_SCOPE = 'https://containerregistry.azure.net/.default';

/** The login-server domain of ACR in each named cloud. */
const ACR_DOMAIN: Record<string, string> = {
  AzureCloud: 'azurecr.io',
  AzureUSGovernment: 'azurecr.us',
  AzureChinaCloud: 'azurecr.cn',
};

/**
 * The one allowlist of every registry token exchange (build-push auth oidc, blue-green's rollback to a version):
 * why an Entra token must not be sent to `registry`, or undefined when it may. The registry is parsed as a URL's
 * host and must be exactly that host (no user, path, query, fragment or backslash that a URL parser would split
 * differently from a string test); in a named cloud it must be an ACR login server `<name>.azurecr.io` (.us, .cn)
 * without a port. A Custom cloud (a private or simulated Azure) takes any host, ports included.
 */
export function tokenHostProblem(registry: string, cloud: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(`https://${registry}/`);
  } catch {
    url = undefined;
  }
  const bare =
    url !== undefined &&
    !/[\s\\/?#@%]/.test(registry) &&
    url.host === registry.toLowerCase() &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '';
  if (!url || !bare) return 'it is not a bare registry host (no scheme, user, path, query or fragment)';
  if (cloud === 'Custom') return undefined;
  const domain = ACR_DOMAIN[cloud] ?? ACR_DOMAIN.AzureCloud;
  const name = new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\\.${domain.replace('.', '\\.')}$`);
  if (url.port !== '' || !name.test(url.hostname))
    return `it is not an Azure Container Registry login server of ${cloud} (<name>.${domain}, no port)`;
  return undefined;
}

export interface ImageRef {
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/repo[:tag][@sha256:...]`; a reference without a registry host is on docker.io. */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1).toLowerCase();
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasHost = first.includes('.') || first.includes(':') || first === 'localhost';
  const registry = hasHost ? first.toLowerCase() : 'docker.io';
  let repository = hasHost ? rest.slice(slash + 1) : rest;
  if (!hasHost && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, repository, tag, digest };
}

export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}
