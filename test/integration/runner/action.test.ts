// The runner harness against a throwaway action of its own, written to a temp dir and run as a runner runs it:
// through @actions/core (inputs, heredoc outputs, masking, summary, OIDC token, setFailed), from its dist
// on the Node of action.yml and from its src/main.ts through tsx.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, runAction } from '../../../runner/action.js';
import { pullRequestEvent } from '../../../runner/events.js';

const CORE = pathToFileURL(join(REPO_ROOT, 'node_modules/@actions/core/lib/core.js')).href;

const ACTION_YML = `name: probe
description: a throwaway action for the runner harness
inputs:
  who: { description: x, required: true }
  greeting: { description: x, default: hello }
  max-p95-ms: { description: x }
  fail: { description: x, default: 'false' }
outputs:
  message: { description: x }
  lines: { description: x }
  head-sha: { description: x }
  token-parts: { description: x }
  leak: { description: x }
runs:
  using: node24
  main: dist/index.js
`;

/** The action's body; `typed` adds TypeScript syntax for the src variant. */
const body = (typed: boolean) => `import * as core from '${CORE}';
import { readFileSync } from 'node:fs';
try {
const who${typed ? ': string' : ''} = core.getInput('who', { required: true });
core.setSecret('s3cr3t-value');
core.info('working for ' + who + ' with s3cr3t-value');
core.setOutput('message', core.getInput('greeting') + ', ' + who + ' (' + core.getInput('max-p95-ms') + ')');
core.setOutput('lines', 'one\\ntwo\\nthree');
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH${typed ? ' as string' : ''}, 'utf8'));
core.setOutput('head-sha', event.pull_request?.head?.sha ?? process.env.GITHUB_SHA);
const token = await core.getIDToken('api://AzureADTokenExchange');
core.setOutput('token-parts', String(token.split('.').length));
core.setOutput('leak', 'token is s3cr3t-value');
core.exportVariable('PROBE_DONE', 'yes');
await core.summary.addHeading('Probe').addRaw('secret: s3cr3t-value').write();
if (core.getInput('fail') === 'true') core.setFailed('probe failed on purpose for ' + who);
} catch (e) {
  core.setFailed(e${typed ? ' as Error' : ''});
}
`;

let dir: string;
let server: Server;
let oidc: { url: string; token: string };
const audiences: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'alc-probe-action-'));
  mkdirSync(join(dir, 'dist'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'action.yml'), ACTION_YML);
  writeFileSync(join(dir, 'dist', 'index.js'), body(false));
  writeFileSync(join(dir, 'dist', 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'src', 'main.ts'), body(true));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.headers.authorization !== 'Bearer request-token') {
      res.writeHead(401).end();
      return;
    }
    audiences.push(url.searchParams.get('audience') ?? '');
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ value: 'oidc.jwt.for-probe' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  oidc = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`,
    token: 'request-token',
  };
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('runAction', () => {
  it.each(['dist', 'src'] as const)('runs the action from %s as a runner does', async (source) => {
    const event = pullRequestEvent({ number: 7, headSha: 'b'.repeat(40) });
    const lines: string[] = [];
    const r = await runAction({
      action: dir,
      source,
      inputs: { who: 'alc', 'max-p95-ms': '5000' },
      event,
      oidc,
      onLine: (l) => lines.push(l),
    });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toEqual({
      message: 'hello, alc (5000)',
      lines: 'one\ntwo\nthree',
      'head-sha': 'b'.repeat(40),
      'token-parts': '3',
    });
    expect(r.droppedOutputs).toEqual(['leak']);
    expect(r.exportedEnv).toEqual({ PROBE_DONE: 'yes' });
    expect(r.summary).toContain('<h1>Probe</h1>');
    expect(r.summary).toContain('secret: ***');
    expect(r.stdout).toContain('working for alc with ***');
    expect(lines.join('\n')).not.toContain('s3cr3t-value');
    expect(audiences.at(-1)).toBe('api://AzureADTokenExchange');
  });

  it('returns exit code 1 and the ::error:: line of a failing action', async () => {
    const r = await runAction({ action: dir, inputs: { who: 'alc', fail: 'true' }, oidc });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual(['probe failed on purpose for alc']);
  });

  it('fails like a runner when a required input is missing, and warns about unknown inputs', async () => {
    const r = await runAction({ action: dir, inputs: { bogus: 'x' }, oidc });
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/Input required and not supplied: who/);
    expect(r.annotations.find((a) => a.level === 'warning')?.message).toMatch(
      /Unexpected input\(s\) 'bogus'/,
    );
  });

  it('cannot get an OIDC token without the endpoint', async () => {
    const r = await runAction({ action: dir, inputs: { who: 'alc' } });
    expect(r.exitCode).toBe(1);
    expect(r.errors.join('\n')).toMatch(/ACTIONS_ID_TOKEN_REQUEST_URL/);
  });
});
