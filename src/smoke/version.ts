// expect-version: does the app really run the version just deployed? Pure helpers.
import { InputError } from '../core/inputs.js';
import { jsonAt } from './checks.js';

/** Where the version is read from: a JSON field of the body, a response header, or the whole body. */
export type VersionSource =
  { kind: 'json'; path: string } | { kind: 'header'; name: string } | { kind: 'body' };

export function parseVersionSource(input: string, raw: string): VersionSource {
  const v = raw.trim();
  if (v === '') return { kind: 'json', path: 'version' };
  const m = /^(json|header):(.+)$/i.exec(v);
  if (m && m[1].toLowerCase() === 'json' && /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(m[2]))
    return { kind: 'json', path: m[2] };
  if (m && m[1].toLowerCase() === 'header' && /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(m[2])) {
    return { kind: 'header', name: m[2].toLowerCase() };
  }
  if (v.toLowerCase() === 'body') return { kind: 'body' };
  throw new InputError(
    input,
    raw,
    'allowed: json:<dotted.path> (default json:version), header:<name> or body',
  );
}

export function describeSource(s: VersionSource): string {
  return s.kind === 'json' ? `JSON field ${s.path}` : s.kind === 'header' ? `header ${s.name}` : 'body';
}

/** The version a response announces, or undefined when it announces none. */
export function readVersion(
  source: VersionSource,
  res: { headers: Record<string, string | string[] | undefined>; body: string },
): string | undefined {
  if (source.kind === 'header') {
    const h = res.headers[source.name];
    return Array.isArray(h) ? h[0] : h;
  }
  if (source.kind === 'body') return res.body.trim() || undefined;
  try {
    const v = jsonAt(JSON.parse(res.body), source.path);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  } catch {
    return undefined;
  }
}

/** `v1.2.3` and `1.2.3` are the same version; anything else must match exactly. */
export function sameVersion(expected: string, actual: string | undefined): boolean {
  const norm = (s: string) => s.trim().replace(/^v(?=\d)/i, '');
  return actual !== undefined && norm(expected) === norm(actual);
}
