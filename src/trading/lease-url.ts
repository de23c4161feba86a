// The `trading-lease` input (DESIGN "One trading revision"): '' (none), `unmanaged`, or the prefix URL of the two
// protocol blobs, account style https://<account>.blob.core.windows.net/<container>/<prefix> or, for an emulator,
// path style https://<host>:<port>/<account>/<container>/<prefix> (a host with a port, an IP address, or localhost).
// Pure.
import { InputError } from '../core/inputs.js';
import type { ManagedTradingLease, TradingLeaseSetting } from './types.js';

const ALLOWED =
  "allowed: '' (no lease), 'unmanaged', or a prefix URL https://<account>.blob.core.windows.net/<container>/<app> " +
  '(path style https://<host>:<port>/<account>/<container>/<app> for an emulator), without a query string or SAS ' +
  'token (the pipeline signs in with its own identity)';

/**
 * A host that addresses the account by path (an emulator): an IP address, localhost, or any host given with a port.
 */
function isPathStyle(url: URL): boolean {
  return (
    url.port !== '' ||
    /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) ||
    url.hostname.startsWith('[') ||
    url.hostname === 'localhost'
  );
}

export function parseTradingLease(raw: string, input = 'trading-lease'): TradingLeaseSetting {
  const v = raw.trim();
  if (v === '') return { kind: 'none' };
  if (v.toLowerCase() === 'unmanaged') return { kind: 'unmanaged' };
  const bad = (why: string) => new InputError(input, raw, `${why}; ${ALLOWED}`);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw bad('not a URL');
  }
  if (url.protocol !== 'https:') throw bad('the URL must use https');
  if (url.search !== '' || v.includes('?')) throw bad('the URL has a query string');
  if (url.hash !== '' || v.includes('#')) throw bad('the URL has a fragment');
  if (url.username !== '' || url.password !== '') throw bad('the URL carries credentials');
  // Segments as given (percent-encoded); a trailing slash is allowed and dropped, empty segments are not.
  const path = url.pathname.replace(/\/+$/, '');
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '')) throw bad('the URL has an empty path segment');
  const pathStyle = isPathStyle(url);
  const need = pathStyle ? 3 : 2;
  if (segments.length < need) {
    throw bad(
      pathStyle
        ? 'a path-style URL needs /<account>/<container>/<prefix>'
        : 'the URL needs /<container>/<prefix>',
    );
  }
  const [account, container, ...rest] = pathStyle ? segments : ['', ...segments];
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container) && container !== '$root') {
    throw bad(`'${container}' is not a container name (3-63 lowercase letters, digits and single hyphens)`);
  }
  const origin = `${url.protocol}//${url.host}`;
  return {
    kind: 'managed',
    url: `${origin}${path}`,
    serviceUrl: pathStyle ? `${origin}/${account}` : origin,
    container,
    prefix: rest.map(decodeURIComponent).join('/'),
  };
}

/** The URLs of the two protocol blobs under the prefix. */
export function leaseBlobUrls(setting: ManagedTradingLease): { designation: string; lease: string } {
  return { designation: `${setting.url}/designation`, lease: `${setting.url}/lease` };
}
