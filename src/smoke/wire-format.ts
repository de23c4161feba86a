// HTTP/1.1 on the wire, for the load phase's client (wire.ts): the bytes of a request and a small parser of the
// response (Content-Length, chunked, or read until close), with Node's header rules. Pure: bytes in, bytes out.
import type { IncomingHttpHeaders } from 'node:http';
import type { Route } from './http-client.js';
import { invalidHeader } from './messages.js';

/** A response head and body as the parser read them. */
export interface ParsedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  /** The server will close the connection (or the body ran until it did). */
  close: boolean;
}

/** A response the parser cannot read; the code names what is wrong as Node's own parser does. */
export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

const MAX_HEAD_BYTES = 64 * 1024;
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Optional white space around a header value. */
const OWS = /^[ \t]+|[ \t]+$/g;
const EMPTY = Buffer.alloc(0);
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close';

/**
 * Reads one response at a time from the bytes of a connection, however they are split. feed() returns the
 * response once its last byte arrived (bytes after it are not expected: one request is in flight at a time),
 * end() finishes a body that runs until the connection closes. Throws WireError for bytes that are not
 * HTTP/1.x.
 */
export class ResponseParser {
  private state: State = 'head';
  private pending: Buffer = EMPTY;
  private head?: Omit<ParsedResponse, 'body' | 'truncated'>;
  private chunks: Buffer[] = [];
  private kept = 0;
  private truncated = false;
  private remaining = 0;
  private noBody = false;
  /** Whether any byte of the current response arrived. */
  started = false;

  constructor(private readonly maxBodyBytes = 1024 * 1024) {}

  /** Starts reading the response of a request (a HEAD request's response has no body). */
  expect(method: string): void {
    this.state = 'head';
    this.pending = EMPTY;
    this.head = undefined;
    this.chunks = [];
    this.kept = 0;
    this.truncated = false;
    this.noBody = method === 'HEAD';
    this.started = false;
  }

  feed(data: Buffer): ParsedResponse | undefined {
    this.started = true;
    let buf = this.pending.length ? Buffer.concat([this.pending, data]) : data;
    this.pending = EMPTY;
    for (;;) {
      switch (this.state) {
        case 'head': {
          const end = buf.indexOf(HEAD_END);
          if (end < 0)
            return this.wait(buf, MAX_HEAD_BYTES, 'HPE_HEADER_OVERFLOW', 'response head too large');
          const continued = this.readHead(buf.toString('latin1', 0, end));
          buf = buf.subarray(end + 4);
          if (continued) continue;
          if (this.state === 'head') return this.done();
          break;
        }
        case 'length': {
          const part = buf.subarray(0, this.remaining);
          this.keep(part);
          this.remaining -= part.length;
          return this.remaining === 0 ? this.done() : undefined;
        }
        case 'chunk-size': {
          const end = buf.indexOf(CRLF);
          if (end < 0) return this.wait(buf, 1024, 'HPE_INVALID_CHUNK_SIZE', 'chunk size line too long');
          const size = /^([0-9A-Fa-f]{1,8})[ \t]*(?:;.*)?$/.exec(buf.toString('latin1', 0, end));
          if (!size) throw new WireError('HPE_INVALID_CHUNK_SIZE', 'invalid chunk size');
          this.remaining = parseInt(size[1], 16);
          buf = buf.subarray(end + 2);
          this.state = this.remaining === 0 ? 'trailers' : 'chunk-data';
          break;
        }
        case 'chunk-data': {
          const part = buf.subarray(0, this.remaining);
          this.keep(part);
          this.remaining -= part.length;
          buf = buf.subarray(part.length);
          if (this.remaining > 0) return undefined;
          this.state = 'chunk-end';
          break;
        }
        case 'chunk-end': {
          if (buf.length < 2) return this.wait(buf, 2, 'HPE_STRICT', 'chunk not ended by CRLF');
          if (buf[0] !== 13 || buf[1] !== 10) throw new WireError('HPE_STRICT', 'chunk not ended by CRLF');
          buf = buf.subarray(2);
          this.state = 'chunk-size';
          break;
        }
        case 'trailers': {
          const end = buf.indexOf(CRLF);
          if (end < 0) return this.wait(buf, MAX_HEAD_BYTES, 'HPE_HEADER_OVERFLOW', 'trailers too large');
          buf = buf.subarray(end + 2);
          if (end === 0) return this.done();
          break;
        }
        case 'until-close':
          this.keep(buf);
          return undefined;
      }
    }
  }

  /** The connection closed: the response if its body ran until the close, else undefined (it was cut). */
  end(): ParsedResponse | undefined {
    return this.state === 'until-close' ? this.done() : undefined;
  }

  /** Keeps an incomplete line or head for the next bytes. */
  private wait(buf: Buffer, max: number, code: string, what: string): undefined {
    if (buf.length > max) throw new WireError(code, what);
    this.pending = Buffer.from(buf);
    return undefined;
  }

  /** Reads a head; true when it was an interim (1xx) one and the real head follows. */
  private readHead(text: string): boolean {
    const lines = text.split('\r\n');
    const status = STATUS_LINE.exec(lines[0]);
    if (!status)
      throw new WireError('HPE_INVALID_CONSTANT', `not an HTTP/1.x status line: ${lines[0].slice(0, 40)}`);
    const code = Number(status[2]);
    const headers: IncomingHttpHeaders = {};
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i];
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      if (!TOKEN.test(name)) throw new WireError('HPE_INVALID_HEADER_TOKEN', 'invalid header line');
      addHeader(headers, name.toLowerCase(), line.slice(colon + 1).replace(OWS, ''));
    }
    if (code >= 100 && code < 200 && code !== 101) return true;
    const connection = String(headers.connection ?? '').toLowerCase();
    const close = connection.includes('close') || (status[1] === '0' && !connection.includes('keep-alive'));
    this.head = { status: code, headers, close };
    const chunked = /(?:^|,)\s*chunked\s*$/i.test(String(headers['transfer-encoding'] ?? ''));
    const length = headers['content-length'];
    if (this.noBody || code === 204 || code === 304) {
      this.state = 'head';
    } else if (chunked) {
      this.state = 'chunk-size';
    } else if (length !== undefined) {
      if (!/^\d{1,15}$/.test(length))
        throw new WireError('HPE_INVALID_CONTENT_LENGTH', `invalid content-length: ${length.slice(0, 20)}`);
      this.remaining = Number(length);
      this.state = this.remaining === 0 ? 'head' : 'length';
    } else {
      this.state = 'until-close';
      this.head.close = true;
    }
    return false;
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return;
    const room = this.maxBodyBytes - this.kept;
    if (part.length > room) this.truncated = true;
    if (room <= 0) return;
    const kept = part.length > room ? part.subarray(0, room) : part;
    this.chunks.push(kept);
    this.kept += kept.length;
  }

  private done(): ParsedResponse {
    const head = this.head!;
    const body = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const res = {
      status: head.status,
      headers: head.headers,
      close: head.close,
      body,
      truncated: this.truncated,
    };
    this.expect('GET');
    return res;
  }
}

/**
 * Headers as Node's parser gives them: set-cookie a list, cookie joined by '; ', others by ', ', these once.
 */
const SINGLE = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

function addHeader(headers: IncomingHttpHeaders, name: string, value: string): void {
  const known = headers[name];
  if (name === 'set-cookie') headers[name] = [...((known as string[] | undefined) ?? []), value];
  else if (known === undefined) headers[name] = value;
  else if (SINGLE.has(name)) return;
  else headers[name] = `${known as string}${name === 'cookie' ? '; ' : ', '}${value}`;
}

/**
 * A header value node:http refuses (its checkInvalidHeaderChar): a control character other than tab, or a
 * character above U+00FF, which latin1 would write as its low byte (U+010D as CR, U+010A as LF).
 */
const INVALID_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * The bytes of a request. Header names that are not tokens and values that node:http refuses are refused
 * (they would forge requests).
 */
export function requestBytes(
  route: Pick<Route, 'host' | 'path'>,
  method: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Buffer {
  const all: Record<string, string> = { host: route.host, connection: 'keep-alive', ...headers };
  if (body !== undefined) all['content-length'] = String(Buffer.byteLength(body));
  const lines = [`${method} ${route.path} HTTP/1.1`];
  for (const [name, value] of Object.entries(all)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || INVALID_HEADER_CHAR.test(value))
      throw new Error(invalidHeader(name));
    lines.push(`${name}: ${value}`);
  }
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body === undefined ? head : Buffer.concat([head, Buffer.from(body)]);
}
