// The smoke-test inputs, read and checked in one place before any request is sent.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InputError,
  parseDuration,
  parseInteger,
  parseList,
  parseNumber,
  parseResolve,
  parseUrl,
  required,
  type InputSource,
  type ResolveEntry,
} from '../core/inputs.js';
import { REQUEST_PATH_ALLOWED, requestPathProblem } from '../core/request-path.js';
import { caFileInput, workspaceOf, workspacePath } from '../core/workspace.js';
import {
  checkSecrets,
  defaultCheck,
  isSensitiveHeader,
  looksLikePath,
  parseChecks,
  queryParameterSecrets,
  redactInputError,
  type Check,
} from './checks.js';
import type { LoadOptions } from './load.js';
import { URL_USERINFO_ALLOWED } from './messages.js';
import type { Thresholds } from './stats.js';
import { parseVersionSource, type VersionSource } from './version.js';

/**
 * What the smoke core needs besides the URL: the checks and how to send them. blue-green's gates read only
 * this (readCheckSettings) and give each gate its URL.
 */
export interface CheckSettings {
  checks: Check[];
  /** Headers sent with every request (their values are secrets). */
  headers: Record<string, string>;
  resolve: ResolveEntry[];
  caFile?: string;
  /** 0: no waiting, the checks run at once. */
  waitReadyMs: number;
  /** Deadline of one request. */
  timeoutMs: number;
  /** Undefined when duration is 0: no load phase. */
  load?: LoadOptions;
  thresholds: Thresholds;
  expectVersion?: string;
  versionPath: string;
  versionSource: VersionSource;
  /** Values to mask in logs (header credentials). Never printed. */
  secrets: string[];
}

/** The smoke-test inputs: the checks, the URL they run against, and the report file. */
export interface SmokeSettings extends CheckSettings {
  url: URL;
  reportPath: string;
  /**
   * The folder the report must stay in when it is written (the workspace, or RUNNER_TEMP for the default).
   */
  reportRoot: string;
}

export const SMOKE_DEFAULTS = {
  waitReadyMs: 120_000,
  timeoutMs: 10_000,
  durationMs: 10_000,
  rate: 10,
  concurrency: 10,
  maxErrorRate: 0.01,
  maxP95Ms: 5000,
  versionPath: '/version',
} as const;

export interface SettingsDeps {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  fileExists?: (path: string) => boolean;
  /**
   * Masks a secret in the job log (core.setSecret in an entry), once per value, called before any parsing
   * that can fail: every header value (headers input, every check's headers), credential-like query
   * parameters and URL userinfo; and, before it returns, every value of `secrets`.
   */
  mask?: (secret: string) => void;
}

/** `0.01` or `1%`: a fraction from 0 to 1. */
export function parseErrorRate(name: string, raw: string, fallback: number): number {
  const v = raw.trim();
  const allowed = 'allowed: a fraction from 0 to 1 (0.01) or a percentage (1%)';
  try {
    if (v.endsWith('%')) return parseNumber(name, v.slice(0, -1), fallback * 100, { min: 0, max: 100 }) / 100;
    return parseNumber(name, v, fallback, { min: 0, max: 1 });
  } catch {
    throw new InputError(name, raw, allowed);
  }
}

/** `Name: value` lines; the value is hidden in any error since headers carry credentials. */
export function parseHeaders(name: string, raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  parseList(raw).forEach((line, i) => {
    const colon = line.indexOf(':');
    const key = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) {
      throw new InputError(
        name,
        `line ${i + 1} (value hidden)`,
        "allowed: one 'Name: value' header per line",
      );
    }
    out[key] = line.slice(colon + 1).trim();
  });
  return out;
}

function readChecks(raw: string, path: string, deps: Required<SettingsDeps>): Check[] {
  const v = raw.trim();
  if (v === '') return [defaultCheck(path)];
  let text = v;
  let source = v;
  const fromFile = looksLikePath(v);
  if (fromFile) {
    const file = workspacePath('checks', v, { env: deps.env, what: 'a checks file' });
    if (!deps.fileExists(file)) {
      throw new InputError(
        'checks',
        v,
        'allowed: an inline YAML list of checks, or the path of an existing checks file',
      );
    }
    text = deps.readFile(file);
  } else {
    const firstLine = v.split('\n')[0];
    source = firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine;
  }
  // Masked before parsing: a duplicate name, a YAML error or a nested list must not print a header value.
  const secrets = checkSecrets(text);
  for (const secret of secrets) deps.mask(secret);
  try {
    return parseChecks('checks', text, source, { fromFile });
  } catch (error) {
    if (error instanceof InputError) throw redactInputError(error, secrets);
    throw error;
  }
}

/** The `url` input: userinfo is refused (masked first), credential-like query values are masked. */
function readUrl(raw: string, mask: (secret: string) => void): { url: URL; secrets: string[] } {
  const v = required('url', raw, 'allowed: an absolute URL starting with https:// or http://');
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(v)?.[1];
  const secrets = [
    ...(userinfo ? [userinfo, ...userinfo.split(':'), safeDecode(userinfo)] : []),
    ...queryParameterSecrets(v),
  ].filter((x) => x !== '');
  for (const secret of secrets) mask(secret);
  const shown = userinfo ? v.replace(`${userinfo}@`, '***@') : v;
  let url: URL;
  try {
    url = parseUrl('url', v);
  } catch (error) {
    if (error instanceof InputError) throw redactInputError(error, secrets);
    throw error;
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError('url', shown, URL_USERINFO_ALLOWED);
  }
  return { url, secrets };
}

/** `mask` called once per distinct non-empty secret. */
function onceEach(mask: (secret: string) => void): (secret: string) => void {
  const done = new Set<string>();
  return (secret) => {
    if (secret === '' || done.has(secret)) return;
    done.add(secret);
    mask(secret);
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function depsOf(deps: SettingsDeps): Required<SettingsDeps> {
  return {
    env: deps.env ?? process.env,
    readFile: deps.readFile ?? ((p) => readFileSync(p, 'utf8')),
    fileExists: deps.fileExists ?? existsSync,
    mask: onceEach(deps.mask ?? (() => undefined)),
  };
}

/** The secrets the checks carry: credential-like query values of their paths, sensitive header values. */
function secretsOfChecks(checks: readonly Check[]): { query: string[]; headers: string[] } {
  return {
    query: checks.flatMap((c) => queryParameterSecrets(c.path)),
    headers: checks.flatMap((c) =>
      Object.entries(c.headers)
        .filter(([k]) => isSensitiveHeader(k))
        .map(([, v]) => v),
    ),
  };
}

/**
 * The `checks`, `resolve` and `ca-file` inputs without a URL (blue-green's gates, each with its own URL): no
 * wait, no load, the defaults for the rest; without checks, a GET of `/` expecting 2xx.
 */
export function readCheckSettings(input: InputSource, deps: SettingsDeps = {}): CheckSettings {
  const d = depsOf(deps);
  const checks = readChecks(input('checks'), '/', d);
  const resolve = parseResolve('resolve', input('resolve'));
  const caFile = caFileInput(input('ca-file'), d);
  const { query, headers } = secretsOfChecks(checks);
  const secrets = [...new Set([...query, ...headers].filter((v) => v !== ''))];
  for (const secret of secrets) d.mask(secret);
  return {
    checks,
    headers: {},
    resolve,
    caFile,
    waitReadyMs: 0,
    timeoutMs: SMOKE_DEFAULTS.timeoutMs,
    thresholds: { maxErrorRate: SMOKE_DEFAULTS.maxErrorRate, maxP95Ms: SMOKE_DEFAULTS.maxP95Ms },
    versionPath: SMOKE_DEFAULTS.versionPath,
    versionSource: parseVersionSource('version-source', ''),
    secrets,
  };
}

/** Reads every smoke-test input; throws one InputError naming the first bad one. */
export function readSmokeSettings(input: InputSource, deps: SettingsDeps = {}): SmokeSettings {
  const d = depsOf(deps);
  for (const line of parseList(input('headers'))) {
    const colon = line.indexOf(':');
    const value = colon > 0 ? line.slice(colon + 1).trim() : line;
    if (value !== '') d.mask(value);
  }
  const { url, secrets: urlSecrets } = readUrl(input('url'), d.mask);
  const headers = parseHeaders('headers', input('headers'));
  const checks = readChecks(input('checks'), `${url.pathname}${url.search}`, d);
  const resolve = parseResolve('resolve', input('resolve'));
  const caFile = caFileInput(input('ca-file'), d);
  const durationMs = parseDuration('duration', input('duration'), SMOKE_DEFAULTS.durationMs);
  const rate = parseNumber('rate', input('rate'), SMOKE_DEFAULTS.rate, {
    min: 0,
    minExclusive: true,
    max: 10_000,
  });
  const concurrency = parseInteger('concurrency', input('concurrency'), SMOKE_DEFAULTS.concurrency, {
    min: 1,
    max: 1000,
  });
  const expectVersion = input('expect-version').trim() || undefined;
  const versionPath = input('version-path').trim() || SMOKE_DEFAULTS.versionPath;
  const versionProblem = requestPathProblem(versionPath);
  if (versionProblem)
    throw new InputError('version-path', versionPath, `${REQUEST_PATH_ALLOWED} (${versionProblem})`);
  const inChecks = secretsOfChecks(checks);
  const secrets = [...urlSecrets, ...inChecks.query, ...Object.values(headers), ...inChecks.headers].filter(
    (v) => v !== '',
  );
  for (const secret of new Set(secrets)) d.mask(secret);
  const reportRaw = input('report').trim();
  const report =
    reportRaw === ''
      ? {
          path: join(d.env.RUNNER_TEMP || tmpdir(), 'smoke-test-report.json'),
          root: d.env.RUNNER_TEMP || tmpdir(),
        }
      : {
          path: workspacePath('report', reportRaw, { env: d.env, what: 'a report file' }),
          root: workspaceOf(d.env),
        };
  if (reportRaw !== '' && existsSync(report.path) && statSync(report.path).isDirectory())
    throw new InputError(
      'report',
      reportRaw,
      'allowed: the path of a file to write the JSON report to, not a directory',
    );
  return {
    url,
    checks,
    headers,
    resolve,
    caFile,
    waitReadyMs: parseDuration('wait-ready', input('wait-ready'), SMOKE_DEFAULTS.waitReadyMs),
    timeoutMs: parseDuration('timeout', input('timeout'), SMOKE_DEFAULTS.timeoutMs, { allowZero: false }),
    load: durationMs === 0 ? undefined : { durationMs, rate, concurrency },
    thresholds: {
      maxErrorRate: parseErrorRate('max-error-rate', input('max-error-rate'), SMOKE_DEFAULTS.maxErrorRate),
      maxP95Ms: parseNumber('max-p95-ms', input('max-p95-ms'), SMOKE_DEFAULTS.maxP95Ms, {
        min: 0,
        minExclusive: true,
      }),
    },
    expectVersion,
    versionPath,
    versionSource: parseVersionSource('version-source', input('version-source')),
    reportPath: report.path,
    reportRoot: report.root,
    secrets: [...new Set(secrets)],
  };
}
