import { describe, expect, it } from '@jest/globals';
import {
  defaultCheck,
  isSensitiveHeader,
  jsonAt,
  judge,
  looksLikePath,
  parseChecks,
  statusMatches,
  valuesEqual,
  type Check,
  type ObservedResponse,
} from '../../../src/smoke/checks.js';
import { parseVersionSource, readVersion, sameVersion } from '../../../src/smoke/version.js';
import { inputErrorOf } from '../../support/errors.js';

describe('parseChecks', () => {
  it('reads a full check and fills defaults', () => {
    const [full, bare] = parseChecks(
      'checks',
      [
        '- name: order',
        '  method: post',
        '  path: /orders?dry=1',
        '  headers: { X-Trace: 1 }',
        '  body: { symbol: MSFT }',
        '  status: [201, 2xx]',
        '  contains: accepted',
        '  json: { order.state: open }',
        "  response-headers: { Content-Type: '/json/i', x-app: a }",
        '  max-latency-ms: 250',
        '- path: /healthz',
      ].join('\n'),
    );
    expect(full).toEqual({
      name: 'order',
      method: 'POST',
      path: '/orders?dry=1',
      headers: { 'X-Trace': '1', 'content-type': 'application/json' },
      body: '{"symbol":"MSFT"}',
      status: [201, '2xx'],
      contains: ['accepted'],
      json: { 'order.state': 'open' },
      responseHeaders: { 'content-type': { pattern: /json/i }, 'x-app': { exact: 'a' } },
      maxLatencyMs: 250,
    });
    expect(bare).toEqual({ ...defaultCheck('/healthz'), name: 'GET /healthz' });
  });

  it('reads JSON too and keeps a text body as is', () => {
    const [c] = parseChecks('checks', '[{"path": "/a", "body": "x=1", "status": 204}]');
    expect(c).toMatchObject({ body: 'x=1', status: [204], headers: {} });
  });

  it.each([
    ['not YAML', '- path: [', /YAML error/],
    ['not a list', 'path: /x', /a YAML list of checks/],
    ['an empty list', '[]', /a YAML list of checks/],
    ['a scalar item', '- /healthz', /check 1: "\/healthz"/],
    ['an unknown key', '- path: /x\n  stauts: 200', /check 1: stauts'.*allowed keys/],
    ['a bad method', '- method: FETCH', /method FETCH/],
    ['a relative path', '- path: healthz', /path healthz.*starting with '\/'/],
    ['a bad status', '- status: 20', /status 20/],
    ['a bad status class', '- status: 6xx', /status 6xx/],
    ['an empty status list', '- status: []', /status is a code/],
    ['headers not a mapping', '- headers: [a]', /headers is a mapping/],
    ['contains with a mapping', '- contains: { a: 1 }', /contains/],
    ['json not a mapping', '- json: [a]', /dotted paths/],
    ['a bad regex', "- response-headers: { a: '/(/' }", /regular expression/],
    ['a zero latency', '- max-latency-ms: 0', /greater than 0/],
    ['a text latency', '- max-latency-ms: fast', /max-latency-ms fast/],
    ['duplicate names', '- path: /a\n- path: /a', /distinct check names/],
  ])('rejects %s', (_what, text, message) => {
    const e = inputErrorOf(() => parseChecks('checks', text));
    expect(e.input).toBe('checks');
    expect(e.message).toMatch(message);
  });
});

describe('looksLikePath / isSensitiveHeader', () => {
  it.each([
    ['checks.yml', true],
    ['.github/smoke/checks.yaml', true],
    ['- path: /x', false],
    ['[{"path": "/x"}]', false],
    ['path: /x', false],
    ['a\nb', false],
    ['', false],
  ])('looksLikePath(%p) = %p', (raw, want) => expect(looksLikePath(raw)).toBe(want));
  it.each([
    ['Authorization', true],
    ['cookie', true],
    ['X-API-Key', true],
    ['x-auth-token', true],
    ['Ocp-Apim-Subscription-Key', true],
    ['Accept', false],
    ['content-type', false],
  ])('isSensitiveHeader(%p) = %p', (name, want) => expect(isSensitiveHeader(name)).toBe(want));
});

describe('statusMatches / jsonAt / valuesEqual', () => {
  it.each([
    [['2xx'], 200, true],
    [['2xx'], 299, true],
    [['2xx'], 301, false],
    [[200, 204], 204, true],
    [[200, '5xx'], 503, true],
    [[200], 201, false],
  ] as const)('%p matches %p: %p', (m, status, want) => expect(statusMatches([...m], status)).toBe(want));

  const doc = { a: { b: [{ c: 1 }, { c: 'two' }] }, 'x-y': null, n: 0 };
  it.each([
    ['a.b.1.c', 'two'],
    ['a.b.0', { c: 1 }],
    ['x-y', null],
    ['n', 0],
    ['a.b.2.c', undefined],
    ['a.z', undefined],
    ['n.toString', undefined],
  ])('jsonAt(%p)', (path, want) => expect(jsonAt(doc, path)).toEqual(want));

  it.each([
    ['1.2.3', '1.2.3', true],
    [200, '200', true],
    [true, 'true', true],
    [1.1, '1.10', false],
    [null, null, true],
    [undefined, null, false],
    [{ a: [1] }, { a: [1] }, true],
    [{ a: [1] }, { a: [2] }, false],
  ])('valuesEqual(%p, %p) = %p', (a, b, want) => expect(valuesEqual(a, b)).toBe(want));
});

describe('judge', () => {
  const check = (extra: Partial<Check>): Check => ({ ...defaultCheck('/'), ...extra });
  const res = (extra: Partial<ObservedResponse> = {}): ObservedResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-app-version': '1.4.0' },
    body: '{"status":"ok","build":{"version":"1.4.0"}}',
    latencyMs: 40,
    ...extra,
  });
  it.each([
    ['defaults on 200', {}, {}, []],
    ['defaults on 503', {}, { status: 503, body: 'warming up' }, ['status 503, expected 2xx: warming up']],
    ['contains', { contains: ['ok', 'nope'] }, {}, ["body does not contain 'nope'"]],
    ['json equal', { json: { 'build.version': '1.4.0', status: 'ok' } }, {}, []],
    [
      'json differs',
      { json: { 'build.version': '1.5.0' } },
      {},
      ['json build.version is "1.4.0", expected "1.5.0"'],
    ],
    ['json missing', { json: { commit: 'abc' } }, {}, ['json commit is missing, expected "abc"']],
    ['not json', { json: { a: 1 } }, { body: '<html>' }, ['body is not JSON: <html>']],
    ['header regex', { responseHeaders: { 'content-type': { pattern: /json/ } } }, {}, []],
    ['header exact ignores case', { responseHeaders: { 'x-app-version': { exact: '1.4.0' } } }, {}, []],
    [
      'header differs',
      { responseHeaders: { 'x-app-version': { exact: '2' } } },
      {},
      ["header x-app-version is '1.4.0', expected '2'"],
    ],
    [
      'header missing',
      { responseHeaders: { etag: { pattern: /./ } } },
      {},
      ['header etag is missing, expected /./'],
    ],
    ['latency over', { maxLatencyMs: 30 }, {}, ['latency 40 ms over 30 ms']],
    ['latency under', { maxLatencyMs: 50 }, {}, []],
  ])('%s', (_what, c, r, problems) => {
    expect(judge(check(c), res(r))).toEqual(problems);
  });
  it('leaves latency to the thresholds when asked', () => {
    expect(judge(check({ maxLatencyMs: 1 }), res(), { latency: false })).toEqual([]);
  });
  it('shortens long bodies in problems', () => {
    const [p] = judge(check({}), res({ status: 500, body: 'x'.repeat(500) }));
    expect(p.length).toBeLessThan(120);
    expect(p).toMatch(/…$/);
  });
});

describe('expect-version helpers', () => {
  it.each([
    ['', { kind: 'json', path: 'version' }],
    ['json:build.version', { kind: 'json', path: 'build.version' }],
    ['header:X-App-Version', { kind: 'header', name: 'x-app-version' }],
    ['BODY', { kind: 'body' }],
  ])('parseVersionSource(%p)', (raw, want) =>
    expect(parseVersionSource('version-source', raw)).toEqual(want),
  );
  it.each(['json:', 'header:a b', 'yaml:version', 'version'])('parseVersionSource rejects %p', (raw) => {
    expect(inputErrorOf(() => parseVersionSource('version-source', raw)).message).toMatch(
      /'version-source'.*json:<dotted.path>/,
    );
  });
  const res = { headers: { 'x-v': 'v2.0.0' }, body: '{"build":{"version":"2.0.0","n":3}}' };
  it.each([
    [{ kind: 'json', path: 'build.version' }, '2.0.0'],
    [{ kind: 'json', path: 'build.n' }, '3'],
    [{ kind: 'json', path: 'build' }, undefined],
    [{ kind: 'header', name: 'x-v' }, 'v2.0.0'],
    [{ kind: 'header', name: 'x-w' }, undefined],
    [{ kind: 'body' }, res.body],
  ] as const)('readVersion(%p)', (source, want) => expect(readVersion(source, res)).toBe(want));
  it('readVersion of a non-JSON body is undefined', () => {
    expect(readVersion({ kind: 'json', path: 'version' }, { headers: {}, body: 'oops' })).toBeUndefined();
  });
  it.each([
    ['v1.2.3', '1.2.3', true],
    ['1.2.3', 'V1.2.3', true],
    ['1.2.3', ' 1.2.3\n', true],
    ['1.2.3', '1.2.30', false],
    ['v1.2.3', undefined, false],
    ['version-x', 'ersion-x', false],
  ])('sameVersion(%p, %p) = %p', (a, b, want) => expect(sameVersion(a, b)).toBe(want));
});
