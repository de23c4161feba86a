// smoke-test's long messages (errors, configuration hints, log lines, the verdict), built from values so that
// the control flow stays short. Pure: text only.

export const URL_USERINFO_ALLOWED =
  'allowed: a URL without user:password@ (a URL is printed in logs, reports and summaries, ' +
  'and its userinfo is not sent): send credentials as a header instead, ' +
  'e.g. headers: "Authorization: Basic <base64>" from a secret';

export const tlsFailed = (what: string, detail: string, code: string, host: string): string =>
  `TLS to ${what} failed: ${detail} (${code}); ` +
  `the certificate must be valid for ${host} and its CA trusted (ca-file input or NODE_EXTRA_CA_CERTS)`;

export const dnsHint = (code: string | undefined): string =>
  `DNS does not know this host (${code}): give it a resolve entry (the resolve input, host:port:address as ` +
  'curl --resolve)';

export const REFUSED_HINT =
  'nothing accepts connections where the host points: check its resolve entry (the resolve input, ' +
  'host:port:address[:connect-port]) and the port';

export const certificateHint = (code: string): string =>
  `the certificate is not one this client accepts for the host (${code}): ` +
  'check that its resolve entry (the resolve input) points at the right server, ' +
  'and trust its CA with the ca-file input or NODE_EXTRA_CA_CERTS';

export const invalidHeader = (name: string): string =>
  `Invalid header ${JSON.stringify(name)}: names are tokens and values hold only tab, visible ASCII and ` +
  'U+0080 to U+00FF (as node:http allows)';

export const jsonMismatch = (path: string, actual: unknown, expected: unknown): string =>
  `json ${path} is ${actual === undefined ? 'missing' : JSON.stringify(actual)}, ` +
  `expected ${JSON.stringify(expected)}`;

export const notReachable = (
  elapsed: string,
  attempts: number,
  seen: string,
  last: string,
  fix: string,
): string =>
  `not reachable: a configuration error for ${elapsed}, ` +
  `not a slow start (${attempts} attempts: ${seen})${last}; ${fix}`;

export const attemptLine = (attempt: number, elapsedMs: number, seen: string): string =>
  `wait-ready: attempt ${attempt} at ${(elapsedMs / 1000).toFixed(1)}s: ${seen}`;

export const checkLine = (
  name: string,
  outcome: string,
  status: number | undefined,
  latencyMs: number | undefined,
): string => `check '${name}': ${outcome} (${status ?? 'no answer'}, ${latencyMs ?? '–'} ms)`;

export const loadLine = (
  sent: number,
  rate: number,
  errors: number,
  l: { p50: number; p95: number; p99: number },
): string =>
  `load: ${sent} sent (${rate} req/s), ${errors} errors; p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms`;

export const reportOutside = (root: string): string =>
  `allowed: a report file inside ${root}; a symlink out of it is refused`;

export const smokeFailed = (url: string, failures: readonly string[]): string =>
  `Smoke test of ${url} failed: ${failures.join(' | ')}`;
