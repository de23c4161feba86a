// The one place that reads, validates and converts action inputs.
// Every parser is pure: it takes the input's name and raw text and returns a typed value,
// or throws an InputError that names the input, the value and what is allowed.

export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly allowed: string,
  ) {
    super(`Input '${input}' has the invalid value '${value}': ${allowed}`);
    this.name = 'InputError';
  }
}

/**
 * Reads one raw input by name ('' when unset), like core.getInput. `origin` names the environment variable a
 * value came from, when the source fills empty inputs from the environment (withEnvironmentFallbacks).
 */
export type InputSource = ((name: string) => string) & { origin?: (name: string) => string | undefined };

/**
 * The environment variables the Azure connection inputs fall back to when they are empty (input first), so that a
 * workflow states the connection once in `env:`. The contract's table: docs/contract.md, "Environment fallbacks".
 */
export const AZURE_INPUT_FALLBACKS: Readonly<Record<string, string>> = {
  'client-id': 'AZURE_CLIENT_ID',
  'tenant-id': 'AZURE_TENANT_ID',
  'subscription-id': 'AZURE_SUBSCRIPTION_ID',
  audience: 'ALC_DEPLOY_AUDIENCE',
  cloud: 'ALC_DEPLOY_CLOUD',
  'arm-endpoint': 'ALC_DEPLOY_ARM_ENDPOINT',
  'authority-host': 'ALC_DEPLOY_AUTHORITY_HOST',
  'resource-group': 'ALC_DEPLOY_RESOURCE_GROUP',
  // Not a connection input, but stated once per job the same way (deploy-app, blue-green).
  'trading-lease': 'ALC_DEPLOY_TRADING_LEASE',
  // Stop the line: one repository or environment variable the workflows pass to every production job.
  'stop-the-line': 'ALC_DEPLOY_STOP_THE_LINE',
  // Change control (deploy-app, blue-green; docs/audit.md): the notify webhook (a secret), its format, the audit trail.
  notify: 'ALC_DEPLOY_NOTIFY',
  'notify-format': 'ALC_DEPLOY_NOTIFY_FORMAT',
  audit: 'ALC_DEPLOY_AUDIT',
};

/** `get`, where an empty input listed in `table` reads its environment variable instead; `origin` says which did. */
export function withEnvironmentFallbacks(
  get: InputSource,
  env: NodeJS.ProcessEnv = process.env,
  table: Readonly<Record<string, string>> = AZURE_INPUT_FALLBACKS,
): InputSource {
  const origin = (name: string): string | undefined => {
    const variable = table[name];
    if (!variable || get(name) !== '' || (env[variable] ?? '').trim() === '') return undefined;
    return variable;
  };
  const read = (name: string): string => {
    const variable = origin(name);
    return variable ? (env[variable] ?? '').trim() : get(name);
  };
  return Object.assign(read, { origin });
}

export function required(name: string, raw: string, allowed = 'a value is required'): string {
  if (raw.trim() === '') throw new InputError(name, raw, allowed);
  return raw.trim();
}

export function parseBoolean(name: string, raw: string, fallback: boolean): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(name, raw, 'allowed: true or false');
}

export function parseInteger(
  name: string,
  raw: string,
  fallback: number,
  { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {},
): number {
  const v = raw.trim();
  if (v === '') return fallback;
  if (!/^-?\d+$/.test(v)) throw new InputError(name, raw, `allowed: a whole number from ${min} to ${max}`);
  const n = Number(v);
  if (n < min || n > max) throw new InputError(name, raw, `allowed: a whole number from ${min} to ${max}`);
  return n;
}

export function parseNumber(
  name: string,
  raw: string,
  fallback: number,
  { min = -Infinity, max = Infinity, minExclusive = false } = {},
): number {
  const v = raw.trim();
  if (v === '') return fallback;
  const n = /^-?(\d+\.?\d*|\.\d+)$/.test(v) ? Number(v) : NaN;
  const tooLow = minExclusive ? n <= min : n < min;
  if (Number.isNaN(n) || tooLow || n > max) {
    const lo = minExclusive ? `greater than ${min}` : `from ${min}`;
    throw new InputError(name, raw, `allowed: a number ${lo}${max === Infinity ? '' : ` to ${max}`}`);
  }
  return n;
}

export function parseChoice<T extends string>(
  name: string,
  raw: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const v = raw.trim();
  if (v === '' && fallback !== undefined) return fallback;
  const hit = choices.find((c) => c.toLowerCase() === v.toLowerCase());
  if (!hit) throw new InputError(name, raw, `allowed: ${choices.join(', ')}`);
  return hit;
}

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Durations take `90`, `90s`, `5m`, `1h`, `500ms`; a bare number is seconds. Returns milliseconds. */
export function parseDuration(
  name: string,
  raw: string,
  fallbackMs: number,
  { allowZero = true } = {},
): number {
  const v = raw.trim();
  if (v === '') return fallbackMs;
  const m = DURATION.exec(v);
  const ms = m ? Math.round(Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]) : NaN;
  if (!m || Number.isNaN(ms) || (!allowZero && ms === 0)) {
    const zero = allowZero ? '' : ' greater than zero';
    throw new InputError(
      name,
      raw,
      `allowed: a duration${zero} such as 90, 90s, 5m or 1h (a bare number is seconds)`,
    );
  }
  return ms;
}

/** The default of `wait-timeout` (deploy-app and blue-green): 10 minutes. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60_000;

/** The `wait-timeout` input of deploy-app and blue-green: a duration above zero; empty: 10 minutes. */
export function parseWaitTimeout(raw: string): number {
  return parseDuration('wait-timeout', raw, DEFAULT_WAIT_TIMEOUT_MS, { allowZero: false });
}

/** One entry per line; with `commas`, commas separate entries too. Blank entries and `#` comments are dropped. */
export function parseList(raw: string, { commas = false } = {}): string[] {
  return raw
    .split(commas ? /[\n,]/ : /\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

/** `KEY=value` entries, one per line (values may contain '='). */
export function parseKeyValues(name: string, raw: string): Array<{ name: string; value: string }> {
  return parseList(raw).map((entry) => {
    const eq = entry.indexOf('=');
    const key = eq > 0 ? entry.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      throw new InputError(
        name,
        entry,
        'allowed: one KEY=value entry per line, KEY made of letters, digits, _ . -',
      );
    }
    return { name: key, value: entry.slice(eq + 1) };
  });
}

export interface ResolveEntry {
  /** Host name, or a wildcard `*.domain`. Lower-case. */
  host: string;
  port: number;
  address: string;
  /** Port to connect to instead of `port` (curl --connect-to style); equals `port` when not given. */
  connectPort: number;
}

function parsePort(name: string, entry: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new InputError(name, entry, 'allowed: host:port:address[:connect-port] with ports from 1 to 65535');
  }
  return Number(text);
}

/** `host:port:address[:connect-port]` entries as curl --resolve takes them; `[::1]` for IPv6. */
export function parseResolve(name: string, raw: string): ResolveEntry[] {
  const shape = /^([^:\s]+):([^:\s]*):(\[[0-9a-fA-F:.]+\]|[^:\s[\]]+)(?::([^:\s]*))?$/;
  return parseList(raw, { commas: true }).map((entry) => {
    const m = shape.exec(entry);
    const host = m?.[1].toLowerCase() ?? '';
    const hostOk = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host);
    if (!m || !hostOk) {
      throw new InputError(
        name,
        entry,
        'allowed: host:port:address[:connect-port] as curl --resolve takes it, e.g. app.example.com:443:127.0.0.1 or *.example.com:443:[::1]:8443',
      );
    }
    const port = parsePort(name, entry, m[2]);
    const connectPort = m[4] === undefined ? port : parsePort(name, entry, m[4]);
    return { host, port, address: m[3].replace(/^\[|\]$/g, ''), connectPort };
  });
}

export function parseUrl(name: string, raw: string, { protocols = ['https:', 'http:'] } = {}): URL {
  const v = raw.trim();
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (!url || !protocols.includes(url.protocol) || !/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    throw new InputError(
      name,
      raw,
      `allowed: an absolute URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    );
  }
  return url;
}
