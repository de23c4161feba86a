// Request paths (a check's path, version-path, a probe path) that stay on the URL's own server: the rule, its
// message, and the URL of a request built so that it cannot leave the origin.

/** What a request path (a check's path, version-path, a probe path) may be, for messages. */
export const REQUEST_PATH_ALLOWED =
  "allowed: a path starting with '/' on the URL's own server (e.g. /healthz?deep=1): no backslash, space or control character, and no '//' or '/\\' at its start in any encoding (those name another host)";

/**
 * Why a request path could leave the URL's origin (or be read so by a server or a proxy), or undefined when it is
 * a plain path. URL parsers read `//host/x` and `/\host/x` as another host, drop tabs and newlines (`/\t/host`),
 * and servers decode `%2F` and `%5C`: each is refused, in any percent-encoding depth.
 */
export function requestPathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return "it does not start with '/'";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(path)) return 'it holds a backslash, a space or a control character';
  let text = path;
  for (let i = 0; i < 4; i++) {
    if (/^[/\\][/\\]/.test(text.replace(/[\t\n\r]/g, ''))) return 'it names another host (// or /\\)';
    let next: string;
    try {
      next = decodeURIComponent(text);
    } catch {
      return 'it holds a malformed percent-encoding';
    }
    if (next === text) break;
    text = next;
  }
  return undefined;
}

/**
 * The URL of a request for `path` on `base`'s origin: the path is appended to the origin (never resolved as a
 * relative reference, which `//host` would turn into another server), and the result must keep the origin.
 * Throws when it would not: credentials and headers of a check go only to the URL they were given for.
 */
export function urlOnOrigin(path: string, base: URL): URL {
  const problem = requestPathProblem(path);
  const url = problem ? undefined : new URL(`${base.origin}${path}`);
  if (!url || url.origin !== base.origin)
    throw new Error(
      `The request path '${path}' would leave ${base.origin}${problem ? `: ${problem}` : ''}; no request is sent`,
    );
  return url;
}
