import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  credentialsFromConfig,
  type DockerConfig,
  readDockerCredentials,
} from '../../../src/build/credentials.js';
import type { BuildPushResult } from '../../../src/build/run.js';
import { buildDoneLine, buildSummary, formatBytes, formatMs } from '../../../src/build/summary.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const ZERO = '00000000-0000-0000-0000-000000000000';

describe('credentialsFromConfig', () => {
  it.each<[string, DockerConfig, unknown]>([
    [
      'basic auth',
      { auths: { 'r.io': { auth: b64('user:p:w') } } },
      { kind: 'inline', credentials: { kind: 'basic', username: 'user', password: 'p:w' } },
    ],
    [
      'ACR refresh token login',
      { auths: { 'r.io': { auth: b64(`${ZERO}:rt`) } } },
      { kind: 'inline', credentials: { kind: 'refresh-token', refreshToken: 'rt' } },
    ],
    [
      'identity token',
      { auths: { 'https://r.io': { identitytoken: 'it' } } },
      { kind: 'inline', credentials: { kind: 'refresh-token', refreshToken: 'it' } },
    ],
    [
      'username and password fields',
      { auths: { 'http://r.io': { username: 'u', password: 'p' } } },
      { kind: 'inline', credentials: { kind: 'basic', username: 'u', password: 'p' } },
    ],
    [
      'a registry helper wins',
      { auths: { 'r.io': { auth: b64('u:p') } }, credHelpers: { 'r.io': 'acr' } },
      { kind: 'helper', helper: 'acr' },
    ],
    [
      'the store when nothing inline',
      { auths: { 'r.io': {} }, credsStore: 'pass' },
      { kind: 'helper', helper: 'pass' },
    ],
    ['other registries only', { auths: { 'other.io': { auth: b64('u:p') } } }, undefined],
    ['empty config', {}, undefined],
  ])('%s', (_name, config, found) => {
    expect(credentialsFromConfig(config, 'r.io')).toEqual(found);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [2048, '2.00 KiB'],
    [1_500_000, '1.43 MiB'],
    [50 * 1024 * 1024, '50.0 MiB'],
    [3 * 1024 ** 3, '3.00 GiB'],
  ])('formatBytes(%p) -> %p', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
  it.each([
    [15, '15 ms'],
    [1500, '1.5 s'],
  ])('formatMs(%p) -> %p', (n, text) => {
    expect(formatMs(n)).toBe(text);
  });
});

const D = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const base: BuildPushResult = {
  builder: 'docker',
  pushed: true,
  image: `r.io/agents@${D(1)}`,
  digest: D(1),
  refs: ['r.io/agents:1.2.3', 'r.io/agents:latest'],
  version: '1.2.3',
  sizes: [{ bytes: 2048 }],
  buildMs: 1500,
  pushMs: 300,
  cache: 'none',
  retention: { ran: false, reason: 'keep is 0: retention is off' },
};

describe('buildSummary', () => {
  it('shows the image, tags, size and times', () => {
    const md = buildSummary(base);
    expect(md).toContain(`| **Image** | \`r.io/agents@${D(1)}\` |`);
    expect(md).toContain('`r.io/agents:1.2.3`<br>`r.io/agents:latest`');
    expect(md).toContain(`| **Digest** | \`${D(1)}\` |`);
    expect(md).toContain('| **Size** | 2.00 KiB (compressed) |');
    expect(md).toContain('| **Build time** | 1.5 s |');
    expect(md).toContain('| **Push time** | 300 ms |');
    expect(md).toContain('Did not run: keep is 0: retention is off.');
  });

  it('lists what retention deleted and kept', () => {
    const image = (v: string, n: number) => ({ digest: D(n), tags: [v], version: v });
    const md = buildSummary({
      ...base,
      retention: {
        ran: true,
        keep: 2,
        plan: {
          kept: [image('1.2.3', 1), image('1.2.2', 2)],
          remove: [image('1.2.1', 3), image('1.2.0', 4)],
          spared: [{ image: image('1.1.0', 5), reason: 'run by active revision app--v1-1-0' }],
        },
        deleted: [image('1.2.1', 3)],
        failed: [{ image: image('1.2.0', 4), error: 'HTTP 500' }],
      },
    });
    expect(md).toContain('### Retention (keep the newest 2 releases)');
    expect(md).toContain('Releases kept: 1.2.3, 1.2.2.');
    expect(md).toMatch(/\| deleted \| 1\.2\.1 \| 1\.2\.1 \|/);
    expect(md).toMatch(/\| delete failed \| 1\.2\.0 \| HTTP 500 \|/);
    expect(md).toMatch(/\| kept \| 1\.1\.0 \| run by active revision app--v1-1-0 \|/);
  });

  it.each([
    [
      { ran: false, reason: 'keep is 0: retention is off' },
      '### Retention\n\nDid not run: keep is 0: retention is off.',
    ],
    [
      { ran: false, reason: 'the app is unknown; nothing was deleted', warning: true },
      '### Retention\n\n> [!WARNING]\n> Did not run: the app is unknown; nothing was deleted.',
    ],
  ] as const)('retention that did not run: %j', (retention, want) => {
    expect(buildSummary({ ...base, retention })).toContain(want);
  });

  it('a reused release: only the tags at its image, and that nothing was built or pushed', () => {
    const md = buildSummary({
      ...base,
      pushed: false,
      reused: '1.2.3',
      refs: ['r.io/agents:1.2.3'],
      sizes: [],
    });
    expect(md).toContain('| **Tags** | `r.io/agents:1.2.3` |');
    expect(md).toContain(
      "| **Build** | none: the release's locked tag 1.2.3 was reused, nothing was built or pushed |",
    );
    expect(md).not.toContain('Build time');
  });

  it('says when nothing was pushed and shows per-platform sizes', () => {
    expect(
      buildSummary({ ...base, image: '', digest: '', pushed: false, sizes: [], localBytes: 4096 }),
    ).toContain('| **Image** | not pushed |');
    expect(
      buildSummary({
        ...base,
        builder: 'buildx',
        sizes: [
          { platform: 'linux/amd64', bytes: 1024 },
          { platform: 'linux/arm64', bytes: 2048 },
        ],
      }),
    ).toContain('linux/amd64: 1.00 KiB, linux/arm64: 2.00 KiB');
  });
});

describe('readDockerCredentials', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bp-creds-'));
    // A credential helper as docker runs it: `docker-credential-<name> get`, the registry on stdin.
    writeFileSync(
      join(dir, 'docker-credential-fake'),
      '#!/bin/sh\nread r\n[ "$r" = helped.io ] || exit 1\nprintf \'{"ServerURL":"%s","Username":"<token>","Secret":"id-token"}\' "$r"\n',
      { mode: 0o755 },
    );
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'inline.io': { auth: b64('u:p') } },
        credHelpers: { 'helped.io': 'fake', 'broken.io': 'missing' },
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ DOCKER_CONFIG: dir, PATH: `${dir}:${process.env.PATH}` });

  it.each([
    ['inline.io', { kind: 'basic', username: 'u', password: 'p' }],
    ['helped.io', { kind: 'refresh-token', refreshToken: 'id-token' }],
    ['broken.io', { kind: 'anonymous' }],
    ['unknown.io', { kind: 'anonymous' }],
  ])('%s', async (registry, credentials) => {
    expect(await readDockerCredentials(registry, env())).toEqual(credentials);
  });

  it('is anonymous without a config', async () => {
    expect(await readDockerCredentials('inline.io', { DOCKER_CONFIG: join(dir, 'nope') })).toEqual({
      kind: 'anonymous',
    });
  });
});

describe('buildDoneLine', () => {
  it.each([
    [
      'reused',
      { reused: true, image: 'r.io/a@sha256:1' },
      'Reused the locked release r.io/a@sha256:1: nothing was built or pushed',
    ],
    ['pushed', { image: 'r.io/a@sha256:1' }, 'Pushed r.io/a@sha256:1'],
    [
      'built only',
      { image: undefined, refs: ['r.io/a:1.0.0', 'r.io/a:1'] },
      'Built r.io/a:1.0.0, r.io/a:1 (not pushed)',
    ],
  ] as const)('%s', (_, over, line) => {
    expect(buildDoneLine({ ...base, ...over } as BuildPushResult)).toBe(line);
  });
});
