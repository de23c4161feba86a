// Smoke checks: parsing the `checks` input (a YAML list, inline or in a file) and judging a response
// against one check. Both are pure.
// The parser is hand-written, not a zod schema like the app spec's (src/core/app-spec.schema.ts): its error is the
// first problem as one InputError whose value each rule picks so that it never echoes a header value ('check 2:
// headers', 'a list'); a schema would need that choice made again on every issue, and proved again.
import { isMap as isYamlMap, isScalar, isSeq, parse as parseYaml, parseDocument, visit } from 'yaml';
import { InputError } from '../core/inputs.js';
import { REQUEST_PATH_ALLOWED, requestPathProblem } from '../core/request-path.js';
import { jsonMismatch } from './messages.js';
import { isRecord } from '../core/json.js';

/** Expected status: exact codes, or classes such as `2xx`. */
export type StatusMatcher = Array<number | `${1 | 2 | 3 | 4 | 5}xx`>;

/** Expected header value: an exact (case-insensitive) string or a /regular expression/. */
export type HeaderMatcher = { exact: string } | { pattern: RegExp };

export interface Check {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  status: StatusMatcher;
  contains: string[];
  /** Dotted path (array indexes allowed: `items.0.id`) -> expected value. */
  json: Record<string, unknown>;
  responseHeaders: Record<string, HeaderMatcher>;
  maxLatencyMs?: number;
}

export const DEFAULT_STATUS: StatusMatcher = ['2xx'];

const KEYS = [
  'name',
  'method',
  'path',
  'headers',
  'body',
  'status',
  'contains',
  'json',
  'response-headers',
  'max-latency-ms',
] as const;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

const ALLOWED =
  'allowed: a YAML list of checks (inline, or the path of a .yml/.yaml/.json file), each a mapping with ' +
  `${KEYS.join(', ')}; e.g. "- path: /healthz\\n  status: 200"`;

function scalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The default check when none is given: GET the URL itself, expecting 2xx. */
export function defaultCheck(path: string): Check {
  return {
    name: `GET ${path}`,
    method: 'GET',
    path,
    headers: {},
    status: DEFAULT_STATUS,
    contains: [],
    json: {},
    responseHeaders: {},
  };
}

/**
 * The sensitive-header rule: names whose values are credentials, replaced by *** in the report and the
 * summary (every check header value is also masked in the job log, whatever its name). Exact names:
 * authorization, proxy-authorization, cookie, set-cookie; and any name containing key, token, secret,
 * signature, password, passwd, auth, session, credential, csrf, xsrf or sig (x-api-key,
 * Ocp-Apim-Subscription-Key, x-functions-key, X-Key, x-auth-token, X-Amz-Security-Token, X-Hub-Signature-256,
 * x-ms-client-secret ...). The same rule names the query-string parameters whose values are masked in printed
 * URLs (?code=, ?sig=, ?api_key=, ?token= ...).
 */
export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

const SENSITIVE_NAME = new RegExp(
  '^(authorization|proxy-authorization|cookie|set-cookie|code)$|' +
    'key|token|secret|signature|sig|password|passwd|auth|session|credential|csrf|xsrf',
  'i',
);

/** `- "Name: value"`, `"Name": 'value'` -> name and value, quotes and a leading list dash removed. */
function lineEntry(line: string): { key: string; value: string } | undefined {
  const body = unquote(line.trim().replace(/^(-\s+)+/, ''));
  const colon = body.indexOf(':');
  if (colon <= 0) return undefined;
  return { key: unquote(body.slice(0, colon).trim()), value: body.slice(colon + 1).trim() };
}

function unquote(text: string): string {
  const t = text.trim();
  return /^(["']).*\1$/s.test(t) && t.length >= 2 ? t.slice(1, -1) : t;
}

/**
 * Every value in a checks text that may be a credential, found before any parsing that can fail: the values
 * under any `headers` key (at any depth, lists included), the values of credential-like keys anywhere, and
 * the credential-like query parameters of paths. YAML that does not parse is also read line by line, so a
 * broken file still has its header values masked. Both quoted and unquoted spellings are returned.
 */
export function checkSecrets(text: string): string[] {
  const found = new Set<string>();
  const add = (v: unknown) => {
    const t = String(v ?? '').trim();
    if (t === '') return;
    found.add(t);
    found.add(unquote(t));
  };
  const collect = (node: unknown): void => {
    if (isScalar(node)) add(node.value);
    else if (isYamlMap(node)) for (const p of node.items) collect(p.value);
    else if (isSeq(node)) for (const item of node.items) collect(item);
  };
  try {
    const doc = parseDocument(text);
    // a check written as a list (`- [Authorization, Bearer x]`) may be a header in disguise
    if (isSeq(doc.contents)) for (const item of doc.contents.items) if (isSeq(item)) collect(item);
    visit(doc, {
      Pair(_key, pair) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (/^headers$/i.test(key) || isSensitiveHeader(key)) collect(pair.value);
        if (/^path$/i.test(key) && isScalar(pair.value))
          queryParameterSecrets(String(pair.value.value)).forEach(add);
      },
    });
  } catch {
    // the line scan below still runs
  }
  let headersIndent: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    const indent = line.search(/\S/);
    if (indent < 0) continue;
    const entry = lineEntry(line);
    if (headersIndent !== undefined && indent > headersIndent) {
      add(entry ? entry.value : line.trim().replace(/^-\s*/, ''));
      continue;
    }
    headersIndent = undefined;
    if (!entry) continue;
    if (/^headers$/i.test(entry.key)) {
      if (entry.value === '') headersIndent = indent;
      else
        entry.value
          .replace(/^\{|\}$/g, '')
          .split(',')
          .forEach((kv) => add(kv.includes(':') ? kv.slice(kv.indexOf(':') + 1) : kv));
    } else if (isSensitiveHeader(entry.key)) add(entry.value);
    else if (/^path$/i.test(entry.key)) queryParameterSecrets(unquote(entry.value)).forEach(add);
  }
  return [...found];
}

/** Values of credential-like query parameters (`?code=`, `?sig=`, `?api_key=`) of a path or URL. */
export function queryParameterSecrets(pathOrUrl: string): string[] {
  const q = pathOrUrl.indexOf('?');
  if (q < 0) return [];
  const out: string[] = [];
  for (const part of pathOrUrl.slice(q + 1).split(/[&;]/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const raw = part.slice(eq + 1).replace(/#.*$/, '');
    if (raw === '' || !isSensitiveHeader(safeDecode(part.slice(0, eq)))) continue;
    out.push(raw);
    const decoded = safeDecode(raw.replace(/\+/g, ' '));
    if (decoded !== raw) out.push(decoded);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The InputError with every secret replaced by *** in its value and text. */
export function redactInputError(error: InputError, secrets: readonly string[]): InputError {
  const live = [...secrets].filter((x) => x.length > 0).sort((a, b) => b.length - a.length);
  if (live.length === 0) return error;
  const hide = (t: string) => live.reduce((text, x) => text.split(x).join('***'), t);
  return new InputError(error.input, hide(error.value), hide(error.allowed));
}

function parseStatus(input: string, where: string, raw: unknown): StatusMatcher {
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0)
    throw new InputError(input, where, 'allowed: status is a code (200), a class (2xx) or a list of them');
  return items.map((s) => {
    const text = String(s).trim().toLowerCase();
    if (/^[1-5]\d\d$/.test(text)) return Number(text);
    if (/^[1-5]xx$/.test(text)) return text as `${1 | 2 | 3 | 4 | 5}xx`;
    throw new InputError(
      input,
      `${where}: status ${String(s)}`,
      'allowed: status is a code (200), a class (2xx) or a list of them',
    );
  });
}

function parseStringMap(input: string, where: string, key: string, raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw) || !Object.values(raw).every(scalar)) {
    throw new InputError(input, `${where}: ${key}`, `allowed: ${key} is a mapping of names to text values`);
  }
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)]));
}

function parseHeaderMatchers(input: string, where: string, raw: unknown): Record<string, HeaderMatcher> {
  const map = parseStringMap(input, where, 'response-headers', raw);
  return Object.fromEntries(
    Object.entries(map).map(([name, v]) => {
      const m = /^\/(.*)\/([imsu]*)$/.exec(v);
      if (!m) return [name.toLowerCase(), { exact: v }];
      try {
        return [name.toLowerCase(), { pattern: new RegExp(m[1], m[2]) }];
      } catch {
        throw new InputError(
          input,
          `${where}: response-headers ${name}: ${v}`,
          'allowed: a valid /regular expression/',
        );
      }
    }),
  );
}

function parseOne(input: string, raw: unknown, index: number, echo = true): Check {
  const where = `check ${index + 1}`;
  if (!isRecord(raw)) {
    // a list or a mapping may hold header values: only a plain item is shown
    const shown =
      echo && (scalar(raw) || raw === null)
        ? JSON.stringify(raw)
        : Array.isArray(raw)
          ? 'a list'
          : 'a plain value';
    throw new InputError(input, `${where}: ${shown}`, ALLOWED);
  }
  const unknown = Object.keys(raw).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length)
    throw new InputError(input, `${where}: ${unknown.join(', ')}`, `allowed keys: ${KEYS.join(', ')}`);
  const method = String(raw.method ?? 'GET').toUpperCase();
  if (!METHODS.includes(method))
    throw new InputError(input, `${where}: method ${method}`, `allowed: ${METHODS.join(', ')}`);
  const path = String(raw.path ?? '/');
  const pathProblem = requestPathProblem(path);
  if (pathProblem)
    throw new InputError(input, `${where}: path ${path}`, `${REQUEST_PATH_ALLOWED} (${pathProblem})`);
  const body = raw.body === undefined || raw.body === null ? undefined : raw.body;
  const headers = parseStringMap(input, where, 'headers', raw.headers);
  if (
    body !== undefined &&
    !scalar(body) &&
    !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')
  ) {
    headers['content-type'] = 'application/json';
  }
  const contains =
    raw.contains === undefined ? [] : Array.isArray(raw.contains) ? raw.contains : [raw.contains];
  if (!contains.every(scalar))
    throw new InputError(input, `${where}: contains`, 'allowed: a text or a list of texts');
  if (raw.json !== undefined && !isRecord(raw.json)) {
    throw new InputError(input, `${where}: json`, 'allowed: a mapping of dotted paths to expected values');
  }
  const maxLatency = raw['max-latency-ms'];
  if (maxLatency !== undefined && (typeof maxLatency !== 'number' || !(maxLatency > 0))) {
    throw new InputError(
      input,
      `${where}: max-latency-ms ${String(maxLatency)}`,
      'allowed: a number of milliseconds greater than 0',
    );
  }
  return {
    name: raw.name === undefined ? `${method} ${path}` : String(raw.name),
    method,
    path,
    headers,
    body: body === undefined ? undefined : scalar(body) ? String(body) : JSON.stringify(body),
    status: raw.status === undefined ? DEFAULT_STATUS : parseStatus(input, where, raw.status),
    contains: contains.map(String),
    json: (raw.json as Record<string, unknown> | undefined) ?? {},
    responseHeaders: parseHeaderMatchers(input, where, raw['response-headers']),
    maxLatencyMs: maxLatency as number | undefined,
  };
}

/**
 * Parses YAML/JSON text holding a list of checks. `source` is how the error names the value; with `fromFile`
 * an item that is not a mapping is described, never shown (errors do not echo a file's contents).
 */
export function parseChecks(input: string, text: string, source = text, { fromFile = false } = {}): Check[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new InputError(input, source, `${ALLOWED} (YAML error: ${(e as Error).message.split('\n')[0]})`);
  }
  if (!Array.isArray(doc) || doc.length === 0) throw new InputError(input, source, ALLOWED);
  const checks = doc.map((c, i) => parseOne(input, c, i, !fromFile));
  const dup = checks.find((c, i) => checks.findIndex((o) => o.name === c.name) !== i);
  if (dup) throw new InputError(input, source, `allowed: distinct check names (two are named '${dup.name}')`);
  return checks;
}

/** Whether the raw `checks` input names a file rather than holding YAML. */
export function looksLikePath(raw: string): boolean {
  const v = raw.trim();
  return v !== '' && !v.includes('\n') && !/^[-[{]/.test(v) && !v.includes(': ');
}

// ---- judging a response -------------------------------------------------------------------------------

export function statusMatches(matcher: StatusMatcher, status: number): boolean {
  return matcher.some((m) =>
    typeof m === 'number' ? m === status : Math.floor(status / 100) === Number(m[0]),
  );
}

/** Reads a dotted path (`a.b.0.c`) out of parsed JSON; undefined when any segment is missing. */
export function jsonAt(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (Array.isArray(node) && /^\d+$/.test(key)) return node[Number(key)];
    if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, key)) return node[key];
    return undefined;
  }, doc);
}

/** Scalars compare as text (so `1.2.3` equals "1.2.3" and 200 equals "200"); structures compare as JSON. */
export function valuesEqual(actual: unknown, expected: unknown): boolean {
  if (scalar(actual) && scalar(expected)) return String(actual) === String(expected);
  if (expected === null) return actual === null;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

export interface ObservedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  latencyMs: number;
}

function short(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function describeStatus(matcher: StatusMatcher): string {
  return matcher.join(' or ');
}

/** Every way the response fails the check (empty when it passes). */
export function judge(check: Check, res: ObservedResponse, { latency = true } = {}): string[] {
  const problems: string[] = [];
  if (!statusMatches(check.status, res.status)) {
    const body = res.body ? `: ${short(res.body)}` : '';
    problems.push(`status ${res.status}, expected ${describeStatus(check.status)}${body}`);
  }
  for (const text of check.contains)
    if (!res.body.includes(text)) problems.push(`body does not contain '${short(text, 40)}'`);
  const paths = Object.keys(check.json);
  if (paths.length) {
    let doc: unknown;
    try {
      doc = JSON.parse(res.body);
    } catch {
      problems.push(`body is not JSON: ${short(res.body)}`);
    }
    if (doc !== undefined) {
      for (const p of paths) {
        const actual = jsonAt(doc, p);
        if (!valuesEqual(actual, check.json[p])) {
          problems.push(jsonMismatch(p, actual, check.json[p]));
        }
      }
    }
  }
  for (const [name, m] of Object.entries(check.responseHeaders)) {
    const raw = res.headers[name];
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    const ok =
      value !== undefined &&
      ('exact' in m ? value.toLowerCase() === m.exact.toLowerCase() : m.pattern.test(value));
    if (!ok) {
      const want = 'exact' in m ? `'${m.exact}'` : String(m.pattern);
      problems.push(
        `header ${name} is ${value === undefined ? 'missing' : `'${short(value, 60)}'`}, expected ${want}`,
      );
    }
  }
  if (latency && check.maxLatencyMs !== undefined && res.latencyMs > check.maxLatencyMs) {
    problems.push(`latency ${Math.round(res.latencyMs)} ms over ${check.maxLatencyMs} ms`);
  }
  return problems;
}
