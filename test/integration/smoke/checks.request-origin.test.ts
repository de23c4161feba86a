// Request paths never leave the URL's origin: a check's path, version-path, wait-ready and probe paths that a URL
// parser or a server would read as another host (`//host/x`, `/\host/x`, tabs, %2F, %5C in any depth) are refused
// as input, and a path that reaches the request layer anyway is appended to the origin, never resolved. Two real
// local servers: the smoke test targets the first; the second, whose address every path names, never receives a
// request (and so never sees the check's credentials).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { InputError } from '../../../src/core/inputs.js';
import { requestPathProblem, urlOnOrigin } from '../../../src/core/request-path.js';
import { parseSpec, SpecError } from '../../../src/core/app-spec.js';
import { defaultCheck, type Check } from '../../../src/smoke/checks.js';
import { runSmoke, waitReady } from '../../../src/smoke/run.js';
import { readSmokeSettings } from '../../../src/smoke/settings.js';
import { readFileSync } from 'node:fs';
import { errorOf } from '../../support/errors.js';

interface Recorder {
  server: Server;
  port: number;
  seen: Array<{ url?: string; authorization?: string }>;
}

async function start(): Promise<Recorder> {
  const seen: Recorder['seen'] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization });
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok","version":"1.0.0"}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

let target: Recorder;
let other: Recorder;
beforeAll(async () => {
  target = await start();
  other = await start();
});
afterAll(async () => {
  await new Promise<void>((done) => target.server.close(() => done()));
  await new Promise<void>((done) => other.server.close(() => done()));
});

const leaving = () => {
  const host = `127.0.0.1:${other.port}`;
  return [
    `//${host}/steal`,
    `/\\${host}/steal`,
    `/\\\\${host}/steal`,
    `/\t/${host}/steal`,
    `/\n/${host}/steal`,
    `/%2F${host}/steal`,
    `/%2f${host}/steal`,
    `/%5C${host}/steal`,
    `/%252F${host}/steal`,
    `/%25252F%25252F${host}/steal`,
  ];
};

const inputs = (extra: Record<string, string>) => {
  const all: Record<string, string> = {
    url: `http://127.0.0.1:${target.port}/healthz`,
    'wait-ready': '0',
    duration: '0',
    timeout: '2s',
    ...extra,
  };
  return (name: string) => all[name] ?? '';
};

describe('request paths refused as input', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])('a check path (case %p) is refused, naming checks', (i) => {
    const path = leaving()[i];
    const checks = `- path: ${JSON.stringify(path)}\n  headers:\n    Authorization: Bearer check-secret`;
    const error = errorOf(InputError, () => readSmokeSettings(inputs({ checks }), { env: {} }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('checks');
    expect((error as Error).message).toMatch(/on the URL's own server/);
    expect((error as Error).message).not.toContain('check-secret');
  });
  it.each([0, 1, 3, 5, 9])('a blue-green gate check path (case %p) is refused, naming checks', (i) => {
    const checks = `- path: ${JSON.stringify(leaving()[i])}`;
    const read = () =>
      readBlueGreenSettings(
        (n) =>
          ({
            'subscription-id': '00000000-0000-0000-0000-000000000001',
            'resource-group': 'alc-algo-production',
            app: 'alc-algo-agents',
            command: 'promote',
            checks,
          })[n] ?? '',
        { env: {} },
      );
    expect(read).toThrow(InputError);
    expect(read).toThrow(/^Input 'checks'.*on the URL's own server/);
  });
  it.each([0, 1, 5, 8])('version-path (case %p) is refused', (i) => {
    expect(() => readSmokeSettings(inputs({ 'version-path': leaving()[i] }), { env: {} })).toThrow(
      /^Input 'version-path'/,
    );
  });
  it.each([0, 1, 6, 9])('a probe path in an app spec (case %p) is refused', (i) => {
    const text = readFileSync('deploy/containerapp.preview.yaml', 'utf8').replace(
      'path: /ready',
      `path: ${JSON.stringify(leaving()[i])}`,
    );
    expect(() => parseSpec(text, 'spec.yaml')).toThrow(SpecError);
    expect(() => parseSpec(text, 'spec.yaml')).toThrow(/probes\[0\]\.httpGet\.path/);
  });
  it.each(['/healthz', '/a//b', '/search?q=%2F%2Fx', '/v1/items/%2Fnot-a-host'])('%p is a plain path', (p) =>
    expect(requestPathProblem(p)).toBeUndefined(),
  );
});

describe('a path that reaches the request layer stays on the origin', () => {
  it.each([0, 1, 2, 3, 5])('urlOnOrigin refuses case %p', (i) => {
    const base = new URL(`http://127.0.0.1:${target.port}/x`);
    expect(() => urlOnOrigin(leaving()[i], base)).toThrow(/would leave http:\/\/127\.0\.0\.1/);
  });
  it('urlOnOrigin appends a plain path to the origin', () =>
    expect(urlOnOrigin('/a//b?c=1', new URL('https://app.example/ignored')).href).toBe(
      'https://app.example/a//b?c=1',
    ));

  it('runSmoke with leaving checks and a leaving version-path: the other server receives nothing', async () => {
    const s = readSmokeSettings(inputs({ headers: 'Authorization: Bearer run-secret' }), { env: {} });
    const checks: Check[] = leaving().map((path, i) => ({
      ...defaultCheck(path),
      name: `leave ${i}`,
      headers: { 'x-api-key': 'check-secret' },
    }));
    const report = await runSmoke({ ...s, checks, expectVersion: '1.0.0', versionPath: leaving()[0] });
    expect(report.passed).toBe(false);
    expect(report.checks.every((c) => !c.passed)).toBe(true);
    expect(other.seen).toEqual([]);
  });

  it('a url input whose own path names another host: its default check never reaches that host', async () => {
    const s = readSmokeSettings(
      inputs({ url: `http://127.0.0.1:${target.port}//127.0.0.1:${other.port}/steal` }),
      { env: {} },
    );
    await runSmoke(s).catch(() => undefined);
    expect(other.seen).toEqual([]);
  });

  it('waitReady with a leaving check: the other server receives nothing', async () => {
    const r = await waitReady({
      url: new URL(`http://127.0.0.1:${target.port}/`),
      check: defaultCheck(leaving()[1]),
      headers: { authorization: 'Bearer ready-secret' },
      deadlineMs: 300,
      timeoutMs: 200,
    });
    expect(r.ready).toBe(false);
    expect(other.seen).toEqual([]);
  });

  it('the control: a plain check reaches the target, so the servers do answer', async () => {
    const before = target.seen.length;
    const r = await runSmoke(readSmokeSettings(inputs({ checks: '- path: /healthz' }), { env: {} }));
    expect(r.passed).toBe(true);
    expect(target.seen.length).toBeGreaterThan(before);
  });
});
