// The workflow CLI's pure parts: its command line (commands, flags, help, one usage error naming the flag), the
// event it builds, the simulator env file, remote `uses:` resolved to local checkouts.
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventOf, parseCommandLine, UsageError, type Flags } from '../../../runner/cli-args.js';
import { parseSimEnv, standIns, withDefaultActionRepos } from '../../../runner/local.js';
import { pushEvent } from '../../../runner/events.js';
import { fullRef, resolveRemoteUses } from '../../../runner/workflow.js';
import { REPO_ROOT } from '../../../runner/action.js';

const usage = (argv: string[]) => {
  try {
    parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('parseCommandLine: help at each level', () => {
  it.each([
    [[], 'top'],
    [['--help'], 'top'],
    [['-h'], 'top'],
    [['help'], 'top'],
    [['help', 'workflow'], 'workflow'],
    [['help', 'action'], 'action'],
    [['workflow', '--help'], 'workflow'],
    [['workflow', 'release.yml', '-h'], 'workflow'],
    [['action', 'help'], 'action'],
    [['actions/deploy-app', '--help'], 'action'],
  ])('%j -> help %s', (argv, topic) => {
    expect(parseCommandLine(argv)).toEqual({ command: 'help', topic });
  });
});

describe('parseCommandLine: workflow', () => {
  it('reads values, repeatable NAME=value flags and switches, in both spellings', () => {
    const p = parseCommandLine([
      'workflow',
      '.github/workflows/release.yml',
      '--event',
      'push',
      '--ref=refs/tags/v1.0.0',
      '--var',
      'A=1',
      '--var',
      'B=x=y',
      '--secret',
      'S=s',
      '--action-repo',
      'acme/alc-deploy=../alc-deploy',
      '--verbose',
    ]);
    expect(p).toMatchObject({
      command: 'workflow',
      file: '.github/workflows/release.yml',
      flags: {
        values: { event: 'push', ref: 'refs/tags/v1.0.0' },
        lists: {
          var: { A: '1', B: 'x=y' },
          secret: { S: 's' },
          'action-repo': { 'acme/alc-deploy': '../alc-deploy' },
        },
      },
    });
    expect(p.command === 'workflow' && p.flags.bools.has('verbose')).toBe(true);
  });

  it.each([
    [
      ['workflow', 'w.yml', '--bogus', '1'],
      /unknown flag --bogus; allowed: --event, .*--action-repo.*--help/,
    ],
    [['workflow', 'w.yml', '--event', 'pr'], /^--event pr: allowed: push, pull_request, workflow_dispatch$/],
    [['workflow', 'w.yml', '--ref'], /^--ref needs a value: --ref R$/],
    [['workflow', 'w.yml', '--ref', '--verbose'], /^--ref needs a value/],
    [['workflow', 'w.yml', '--var', 'NOVALUE'], /^--var NOVALUE: not NAME=value$/],
    [['workflow', 'w.yml', '--verbose=yes'], /^--verbose takes no value$/],
    [['workflow'], /which workflow file\?/],
    [['workflow', 'a.yml', 'b.yml'], /one workflow file, not a.yml b.yml/],
    [['help', 'deploy'], /help deploy: no such command; commands: workflow, action, help/],
    [['--src'], /--src: a command first/],
    [['action', 'actions/x', 'nope'], /not an input: nope \(inputs are name=value\)/],
    [['action', 'actions/x', '--input', 'a=b'], /unknown flag --input; allowed: --event/],
  ])('%j: %s', (argv, message) => {
    expect(usage(argv)).toMatch(message);
  });
});

describe('parseCommandLine: action', () => {
  it.each([
    [['action', 'actions/deploy-app', '--ref', 'refs/tags/v1.0.0', 'image=x']],
    // The older form, without the command.
    [['actions/deploy-app', '--ref', 'refs/tags/v1.0.0', 'image=x']],
  ])('%j', (argv) => {
    expect(parseCommandLine(argv)).toMatchObject({
      command: 'action',
      dir: 'actions/deploy-app',
      inputs: { image: 'x' },
      flags: { values: { ref: 'refs/tags/v1.0.0' } },
    });
  });
});

const flagsOf = (argv: string[]): Flags => {
  const p = parseCommandLine(['workflow', 'w.yml', ...argv]);
  if (p.command !== 'workflow') throw new Error('not workflow');
  return p.flags;
};
const HEAD = 'a'.repeat(40);

describe('eventOf', () => {
  it('push of a tag at the workspace HEAD, for the repository given', () => {
    const e = eventOf(flagsOf(['--ref', 'refs/tags/v1.0.0']), HEAD, 'acme/quotes-svc');
    expect(e).toMatchObject({ name: 'push', ref: 'refs/tags/v1.0.0', sha: HEAD });
    expect(e.payload.repository).toMatchObject({ full_name: 'acme/quotes-svc' });
  });
  it('pull_request: head commit, number, action', () => {
    const e = eventOf(flagsOf(['--event', 'pull_request', '--pr', '7', '--pr-action', 'closed']), HEAD);
    expect(e).toMatchObject({ name: 'pull_request', ref: 'refs/pull/7/merge' });
    expect(e.payload).toMatchObject({ action: 'closed', pull_request: { head: { sha: HEAD } } });
  });
  it('workflow_dispatch with inputs', () => {
    const e = eventOf(flagsOf(['--event', 'workflow_dispatch', '--input', 'to=v1.0.0']), undefined);
    expect(e).toMatchObject({
      name: 'workflow_dispatch',
      ref: 'refs/heads/main',
      payload: { inputs: { to: 'v1.0.0' } },
    });
    expect(e.sha).toMatch(/^[0-9a-f]{40}$/);
  });
  it.each([
    [['--input', 'a=b'], /^--input is for --event workflow_dispatch, not push$/],
    [['--event', 'pull_request', '--ref', 'refs/heads/x'], /^--ref is for push and workflow_dispatch/],
    [['--event', 'pull_request', '--pr', '0'], /^--pr 0: a pull request number/],
    [['--pr', '3'], /^--pr is for --event pull_request, not push$/],
    [['--ref', 'v1.0.0'], /^--ref v1.0.0: a full ref, refs\/tags\/<tag> or refs\/heads\/<branch>$/],
  ])('%j: %s', (argv, message) => {
    expect(() => eventOf(flagsOf(argv), HEAD)).toThrow(message);
  });
});

describe('parseSimEnv', () => {
  it('splits repository variables from the runner machine environment', () => {
    const text = [
      '# repository variables',
      'AZURE_TENANT_ID=t',
      'AZURE_ARM_ENDPOINT=https://localhost:7443',
      "APP_RESOLVE='*.sim.local:443:127.0.0.1:7444'",
      '',
      '# runner machine',
      'NODE_EXTRA_CA_CERTS=/state/ca.pem',
      'export DOCKER_HOST=unix:///run/docker.sock',
      'ACTIONS_ID_TOKEN_REQUEST_URL=https://localhost:7447/github/oidc/token?x=1',
      'ALC_SIM_ADMIN_URL=https://localhost:7443/_sim',
    ].join('\n');
    expect(parseSimEnv(text)).toEqual({
      vars: {
        AZURE_TENANT_ID: 't',
        AZURE_ARM_ENDPOINT: 'https://localhost:7443',
        APP_RESOLVE: '*.sim.local:443:127.0.0.1:7444',
      },
      env: {
        NODE_EXTRA_CA_CERTS: '/state/ca.pem',
        DOCKER_HOST: 'unix:///run/docker.sock',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://localhost:7447/github/oidc/token?x=1',
        ALC_SIM_ADMIN_URL: 'https://localhost:7443/_sim',
      },
    });
  });
  it('names the line that is not NAME=value', () => {
    expect(() => parseSimEnv('A=1\nnot a line\n', '.sim/env')).toThrow(
      '.sim/env:2: not NAME=value: not a line',
    );
  });
});

describe('resolveRemoteUses', () => {
  const repos = { 'acme/alc-deploy': '/src/alc-deploy', '*/tools': '/src/tools' };
  it.each([
    [
      'acme/alc-deploy/.github/workflows/reusable-release.yml@v1',
      {
        repository: 'acme/alc-deploy',
        path: '.github/workflows/reusable-release.yml',
        ref: 'v1',
        root: '/src/alc-deploy',
      },
    ],
    [
      'acme/alc-deploy/actions/deploy-app@v1',
      { repository: 'acme/alc-deploy', path: 'actions/deploy-app', ref: 'v1', root: '/src/alc-deploy' },
    ],
    ['other/tools/x@main', { repository: 'other/tools', path: 'x', ref: 'main', root: '/src/tools' }],
    ['./.github/workflows/x.yml', undefined],
    ['actions/checkout@v5', undefined],
  ])('%s', (uses, expected) => {
    expect(resolveRemoteUses(uses, repos)).toEqual(expected);
  });
  it('refuses a repository with no checkout, naming the flag that maps it', () => {
    expect(() => resolveRemoteUses('evil/deployer/actions/x@v1', repos)).toThrow(
      'evil/deployer/actions/x@v1: no local checkout of evil/deployer: map it with --action-repo evil/deployer=<path of a checkout>',
    );
  });
  it.each([
    ['v1', 'refs/tags/v1'],
    ['refs/heads/main', 'refs/heads/main'],
    ['b'.repeat(40), 'b'.repeat(40)],
  ])('fullRef(%s) = %s', (ref, full) => {
    expect(fullRef(ref)).toBe(full);
  });
  it('*/alc-deploy is this checkout unless one is mapped', () => {
    expect(withDefaultActionRepos({})).toEqual({ '*/alc-deploy': REPO_ROOT });
    expect(withDefaultActionRepos({ 'acme/alc-deploy': '/x' })).toEqual({ 'acme/alc-deploy': '/x' });
  });
});

describe('standIns: actions/checkout', () => {
  const ws = mkdtempSync(join(tmpdir(), 'alc-checkout-'));
  afterAll(() => rmSync(ws, { recursive: true, force: true }));
  const checkout = standIns({ '*/alc-deploy': '/src/alc-deploy' })['actions/checkout'];
  const run = (w: Record<string, string>) =>
    checkout({
      with: w,
      workspace: ws,
      env: {},
      event: pushEvent('refs/heads/main'),
      repository: 'acme/quotes-svc',
      runId: '1',
      log: () => undefined,
    });
  it.each([
    [{}, { outcome: 'success' }, undefined],
    [{ repository: 'acme/alc-deploy', path: '.alc-deploy' }, { outcome: 'success' }, '/src/alc-deploy'],
    [{ repository: 'acme/quotes-svc', path: 'self' }, { outcome: 'success' }, ws],
    [
      { repository: 'evil/tool', path: 'tool' },
      {
        outcome: 'failure',
        errors: [
          'actions/checkout of evil/tool: no local checkout of it: map it with --action-repo evil/tool=<path>',
        ],
      },
      undefined,
    ],
  ])('%j', async (w, result, linked) => {
    expect(await run(w)).toEqual(result);
    if (linked) expect(readlinkSync(join(ws, w.path!))).toBe(linked);
  });
});
