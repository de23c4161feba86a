// The load phase's response parser and request bytes: pure, table-driven, responses split at every byte.
import { describe, expect, it } from '@jest/globals';
import { validateHeaderName, validateHeaderValue } from 'node:http';
import {
  requestBytes,
  ResponseParser,
  WireError,
  type ParsedResponse,
} from '../../../src/smoke/wire-format.js';

/** Feeds the text in pieces of `size` bytes; the response, the bytes it was complete after, or the error. */
function parse(text: string, size: number, method = 'GET', maxBody?: number, closed = false) {
  const parser = new ResponseParser(maxBody);
  parser.expect(method);
  const bytes = Buffer.from(text, 'latin1');
  try {
    for (let at = 0; at < bytes.length; at += size) {
      const res = parser.feed(bytes.subarray(at, at + size));
      if (res) return { res: plain(res), after: Math.min(bytes.length, at + size) };
    }
    const res = closed ? parser.end() : undefined;
    return { res: res && plain(res), after: bytes.length };
  } catch (e) {
    return { error: (e as WireError).code };
  }
}

const plain = (r: ParsedResponse) => ({ ...r, body: r.body.toString('latin1') });

const ok = (headers: string, body = '') => `HTTP/1.1 200 OK\r\n${headers}\r\n${body}`;

describe('ResponseParser', () => {
  it.each([
    ['content-length', ok('Content-Length: 5\r\n', 'hello'), { status: 200, body: 'hello', close: false }],
    ['content-length 0', ok('Content-Length: 0\r\n'), { body: '', close: false }],
    [
      'chunked with an extension and trailers',
      ok('Transfer-Encoding: chunked\r\n', '3;x=1\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\n'),
      { body: 'abcde' },
    ],
    ['connection close', ok('Connection: close\r\nContent-Length: 2\r\n', 'ok'), { body: 'ok', close: true }],
    [
      'HTTP/1.0 without keep-alive',
      'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok',
      { body: 'ok', close: true },
    ],
    ['204 without a length', 'HTTP/1.1 204 No Content\r\n\r\n', { status: 204, body: '', close: false }],
    [
      'an interim 100 before the answer',
      `HTTP/1.1 100 Continue\r\n\r\n${ok('Content-Length: 1\r\n', 'x')}`,
      { status: 200, body: 'x' },
    ],
    [
      'headers lowercased, repeats joined, set-cookie a list',
      ok('X-A: 1\r\nx-a:  2 \r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 0\r\n'),
      { headers: { 'x-a': '1, 2', 'set-cookie': ['a=1', 'b=2'], 'content-length': '0' } },
    ],
  ])('reads %s at any split', (_name, text, expected) => {
    for (const size of [1, 2, 3, 7, text.length]) {
      const { res, after } = parse(text, size);
      expect(res).toMatchObject(expected);
      expect(after).toBe(text.length);
    }
  });

  it('reads a body without a length until the connection closes', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end';
    for (const size of [1, 5, text.length]) {
      expect(parse(text, size).res).toBeUndefined();
      expect(parse(text, size, 'GET', undefined, true).res).toMatchObject({
        body: 'until the end',
        close: true,
      });
    }
  });

  it('is not complete while the body is cut short', () => {
    expect(parse(ok('Content-Length: 10\r\n', 'short'), 1, 'GET', undefined, true).res).toBeUndefined();
    expect(parse(ok('Transfer-Encoding: chunked\r\n', '5\r\nab'), 1).res).toBeUndefined();
  });

  it('reads no body for HEAD', () => {
    expect(parse(ok('Content-Length: 5\r\n'), 4, 'HEAD').res).toMatchObject({ body: '', close: false });
  });

  it('keeps at most maxBodyBytes and says it cut', () => {
    expect(parse(ok('Content-Length: 6\r\n', 'abcdef'), 2, 'GET', 4).res).toMatchObject({
      body: 'abcd',
      truncated: true,
    });
    expect(parse(ok('Content-Length: 4\r\n', 'abcd'), 2, 'GET', 4).res).toMatchObject({ truncated: false });
  });

  it('reads responses one after another on the same connection', () => {
    const parser = new ResponseParser();
    for (const body of ['one', 'three']) {
      parser.expect('GET');
      const res = parser.feed(Buffer.from(ok(`Content-Length: ${body.length}\r\n`, body)));
      expect(res?.body.toString()).toBe(body);
    }
  });

  it.each([
    ['a malformed status line', 'HTTP/1.1 OK\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['not HTTP at all', 'SSH-2.0-OpenSSH\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['HTTP/2 framing', 'HTTP/2 200\r\n\r\n', 'HPE_INVALID_CONSTANT'],
    ['a header without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n', 'HPE_INVALID_HEADER_TOKEN'],
    ['a bad content-length', ok('Content-Length: -1\r\n'), 'HPE_INVALID_CONTENT_LENGTH'],
    ['a bad chunk size', ok('Transfer-Encoding: chunked\r\n', 'zz\r\n'), 'HPE_INVALID_CHUNK_SIZE'],
    ['a chunk without its CRLF', ok('Transfer-Encoding: chunked\r\n', '1\r\naXY'), 'HPE_STRICT'],
    ['an endless head', `HTTP/1.1 200 OK\r\nX: ${'a'.repeat(70_000)}`, 'HPE_HEADER_OVERFLOW'],
  ])('refuses %s', (_name, text, code) => {
    for (const size of [1, 3, text.length]) {
      if (size < 100 && text.length > 1000) continue;
      expect(parse(text, size)).toEqual({ error: code });
    }
  });
});

describe('requestBytes', () => {
  const route = { host: 'app.test:8080', path: '/api?q=1' };
  it.each([
    [
      'a GET with the Host of the original name',
      'GET',
      {},
      undefined,
      'GET /api?q=1 HTTP/1.1\r\nhost: app.test:8080\r\nconnection: keep-alive\r\n\r\n',
    ],
    [
      'a POST with headers and a body length',
      'POST',
      { 'x-a': '1' },
      'héllo',
      'POST /api?q=1 HTTP/1.1\r\nhost: app.test:8080\r\nconnection: keep-alive\r\nx-a: 1\r\ncontent-length: 6\r\n\r\nhéllo',
    ],
  ])('writes %s', (_name, method, headers, body, expected) => {
    expect(requestBytes(route, method, headers, body).toString('utf8')).toBe(expected);
  });

  it.each([
    ['a value with a line break', { 'x-a': 'v\r\nX-Evil: 1' }],
    ['a name that is not a token', { 'x a': 'v' }],
    ['U+010D U+010A, CR LF once written as latin1', { 'x-a': 'v\u010d\u010aX-Evil: 1' }],
    ['U+010A alone (LF as latin1)', { 'x-a': 'v\u010aX-Evil: 1' }],
    ['U+0100 (NUL as latin1)', { 'x-a': 'v\u0100' }],
    ['a character beyond the BMP', { 'x-a': 'v\u{1F600}' }],
    ['a NUL', { 'x-a': 'v\0' }],
    ['another control character', { 'x-a': 'v\u0007' }],
    ['DEL', { 'x-a': 'v\u007f' }],
    ['a name with U+010D', { 'x-\u010d': 'v' }],
  ])('refuses %s, as node:http does', (_name, headers) => {
    expect(() => requestBytes(route, 'GET', headers)).toThrow(/Invalid header/);
    const [name, value] = Object.entries(headers)[0];
    expect(() => {
      validateHeaderName(name);
      validateHeaderValue(name, value);
    }).toThrow();
  });

  it.each([
    ['tab and visible ASCII', 'a\tb ~!'],
    ['Latin-1 up to U+00FF', 'caf\u00e9 \u00ff'],
    ['empty', ''],
  ])('writes %s, as node:http does', (_name, value) => {
    expect(requestBytes(route, 'GET', { 'x-a': value }).toString('latin1')).toContain(`x-a: ${value}\r\n`);
    expect(() => validateHeaderValue('x-a', value)).not.toThrow();
  });
});
