// RS256 JSON Web Tokens with node:crypto: enough for the simulator's token services.
import {
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
  createPrivateKey,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type Claims = Record<string, unknown>;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** Loads the RSA key at `path` or creates it (PEM, mode 0600). */
export function loadOrCreateKey(path: string, kid: string): SigningKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  const privateKey = createPrivateKey(readFileSync(path));
  return { kid, privateKey, publicKey: createPublicKey(privateKey) };
}

export function signJwt(claims: Claims, key: SigningKey): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const body = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key.privateKey);
  return `${head}.${body}.${b64url(signature)}`;
}

export function decodeJwt(token: string): { header: Claims; claims: Claims } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Claims;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
    return { header, claims };
  } catch {
    return undefined;
  }
}

/** Why a token is not acceptable, or undefined when its RS256 signature and time window are valid. */
export function jwtProblem(
  token: string,
  key: SigningKey,
  nowSec = Math.floor(Date.now() / 1000),
): string | undefined {
  const decoded = decodeJwt(token);
  if (!decoded) return 'not a JWT';
  if (decoded.header.alg !== 'RS256') return `unsupported alg ${String(decoded.header.alg)}`;
  const [head, body, sig] = token.split('.');
  if (!verify('sha256', Buffer.from(`${head}.${body}`), key.publicKey, Buffer.from(sig, 'base64url'))) {
    return 'invalid signature';
  }
  const { exp, nbf } = decoded.claims;
  if (typeof exp !== 'number' || exp <= nowSec) return 'expired';
  if (typeof nbf === 'number' && nbf > nowSec + 300) return 'not yet valid';
  return undefined;
}

export function jwks(...keys: SigningKey[]): { keys: Claims[] } {
  return {
    keys: keys.map((k) => ({
      ...k.publicKey.export({ format: 'jwk' }),
      kid: k.kid,
      use: 'sig',
      alg: 'RS256',
    })),
  };
}
