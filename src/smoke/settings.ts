// The smoke-test inputs, read and checked in one place before any request is sent.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
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
} from '../inputs.js';
import { defaultCheck, isSensitiveHeader, looksLikePath, parseChecks, type Check } from './checks.js';
import type { LoadOptions } from './load.js';
import type { Thresholds } from './stats.js';
import { parseVersionSource, type VersionSource } from './version.js';

export interface SmokeSettings {
  url: URL;
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
  reportPath: string;
  /** Values to mask in logs (header credentials). Never printed. */
  secrets: string[];
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
  if (!looksLikePath(v)) {
    const firstLine = v.split('\n')[0];
    return parseChecks('checks', v, firstLine.length > 60 ? `${firstLine.slice(0, 59)}…` : firstLine);
  }
  const file = resolvePath(deps.env.GITHUB_WORKSPACE ?? '.', v);
  if (!deps.fileExists(file)) {
    throw new InputError(
      'checks',
      v,
      'allowed: an inline YAML list of checks, or the path of an existing checks file',
    );
  }
  return parseChecks('checks', deps.readFile(file), v);
}

/** Where the JSON report goes: a file path (its directories are made), never an existing directory. */
function reportPathOf(name: string, raw: string, env: NodeJS.ProcessEnv): string {
  const v = raw.trim();
  const path = resolvePath(v || join(env.RUNNER_TEMP || tmpdir(), 'smoke-test-report.json'));
  if (v !== '' && existsSync(path) && statSync(path).isDirectory())
    throw new InputError(
      name,
      raw,
      'allowed: the path of a file to write the JSON report to, not a directory',
    );
  return path;
}

/** Reads every smoke-test input; throws one InputError naming the first bad one. */
export function readSmokeSettings(input: InputSource, deps: SettingsDeps = {}): SmokeSettings {
  const d: Required<SettingsDeps> = {
    env: deps.env ?? process.env,
    readFile: deps.readFile ?? ((p) => readFileSync(p, 'utf8')),
    fileExists: deps.fileExists ?? existsSync,
  };
  const url = parseUrl(
    'url',
    required('url', input('url'), 'allowed: an absolute URL starting with https:// or http://'),
  );
  const headers = parseHeaders('headers', input('headers'));
  const checks = readChecks(input('checks'), `${url.pathname}${url.search}`, d);
  const resolve = parseResolve('resolve', input('resolve'));
  const caRaw = input('ca-file').trim();
  const caFile = caRaw === '' ? undefined : resolvePath(d.env.GITHUB_WORKSPACE ?? '.', caRaw);
  if (caFile && !d.fileExists(caFile))
    throw new InputError('ca-file', caRaw, 'allowed: the path of an existing PEM file');
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
  if (!versionPath.startsWith('/'))
    throw new InputError('version-path', versionPath, "allowed: a path starting with '/'");
  const secrets = [
    ...Object.values(headers),
    ...checks.flatMap((c) =>
      Object.entries(c.headers)
        .filter(([k]) => isSensitiveHeader(k))
        .map(([, v]) => v),
    ),
  ].filter((v) => v !== '');
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
    reportPath: reportPathOf('report', input('report'), d.env),
    secrets: [...new Set(secrets)],
  };
}
