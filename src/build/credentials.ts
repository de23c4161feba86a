// Registry credentials of an existing `docker login` (auth: docker-config), so that the registry
// calls of a run (digest read-back, tag listing, retention) use the same identity as the push.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ACR_TOKEN_USER, type RegistryCredentials } from '../registry/client.js';

export interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** Where the credentials are: inline in config.json, or behind a credential helper. */
export type ConfigCredentials =
  { kind: 'inline'; credentials: RegistryCredentials } | { kind: 'helper'; helper: string };

function fromUserSecret(username: string, secret: string): RegistryCredentials {
  // ACR logins with a refresh token use the all-zero user; helpers report identity tokens as <token>.
  if (username === ACR_TOKEN_USER || username === '<token>')
    return { kind: 'refresh-token', refreshToken: secret };
  return { kind: 'basic', username, password: secret };
}

/** Finds the credentials of a registry in a docker config (pure). */
export function credentialsFromConfig(config: DockerConfig, registry: string): ConfigCredentials | undefined {
  const helper = config.credHelpers?.[registry];
  if (helper) return { kind: 'helper', helper };
  const keys = [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`,
  ];
  const entry = keys.map((k) => config.auths?.[k]).find((e) => e !== undefined);
  if (entry?.identitytoken)
    return { kind: 'inline', credentials: { kind: 'refresh-token', refreshToken: entry.identitytoken } };
  if (entry?.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0)
      return {
        kind: 'inline',
        credentials: fromUserSecret(decoded.slice(0, colon), decoded.slice(colon + 1)),
      };
  }
  if (entry?.username && entry.password)
    return { kind: 'inline', credentials: fromUserSecret(entry.username, entry.password) };
  if (config.credsStore) return { kind: 'helper', helper: config.credsStore };
  return undefined;
}

function runHelper(
  helper: string,
  registry: string,
  env: NodeJS.ProcessEnv,
): Promise<RegistryCredentials | undefined> {
  return new Promise((done) => {
    const child = execFile(
      `docker-credential-${helper}`,
      ['get'],
      { timeout: 15_000, env },
      (error, stdout) => {
        if (error) return done(undefined);
        try {
          const json = JSON.parse(stdout) as { Username?: string; Secret?: string };
          done(json.Secret ? fromUserSecret(json.Username ?? '', json.Secret) : undefined);
        } catch {
          done(undefined);
        }
      },
    );
    child.stdin?.end(registry);
  });
}

/** Masks every secret of a docker config entry or helper answer (password, identity token, base64 auth). */
function maskCredentials(
  credentials: RegistryCredentials,
  mask: (secret: string) => void,
): RegistryCredentials {
  if (credentials.kind === 'basic') {
    mask(credentials.password);
    mask(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
  }
  if (credentials.kind === 'refresh-token') mask(credentials.refreshToken);
  return credentials;
}

/**
 * The credentials `docker login <registry>` left in the docker config; anonymous when there are none. Every
 * secret found is masked (`mask`, core.setSecret in the entry) before it is used.
 */
export async function readDockerCredentials(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
  mask: (secret: string) => void = () => undefined,
): Promise<RegistryCredentials> {
  const dir = env.DOCKER_CONFIG || join(homedir(), '.docker');
  let config: DockerConfig;
  try {
    config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return { kind: 'anonymous' };
  }
  const found = credentialsFromConfig(config, registry);
  if (!found) return { kind: 'anonymous' };
  if (found.kind === 'inline') return maskCredentials(found.credentials, mask);
  return maskCredentials((await runHelper(found.helper, registry, env)) ?? { kind: 'anonymous' }, mask);
}
