// The local workflow runner on a crafted workflow: triggers, needs order, if: with status functions,
// expressions over vars/github/steps/needs, job outputs, environment URLs, OIDC only with id-token: write,
// and third-party stand-ins. Runs real bash steps, hence integration.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent, pushEvent } from '../../../runner/events.js';
import { condition, withValue } from '../../../runner/expressions.js';
import { callInputs, callSecrets, flatJobs, runWorkflow, triggers } from '../../../runner/workflow.js';
import { REPO_ROOT } from '../../../runner/action.js';
import { standIns } from '../../../runner/local.js';

const WORKFLOW = `on:
  push:
    tags: ['v*.*.*']
permissions: {}
env:
  GREETING: \${{ vars.GREETING || 'hello' }}
jobs:
  one:
    runs-on: ubuntu-latest
    permissions: { contents: read, id-token: write }
    outputs:
      word: \${{ steps.w.outputs.word }}
    steps:
      - id: w
        env:
          TAG: \${{ github.ref_name }}
        run: |
          [ -n "$ACTIONS_ID_TOKEN_REQUEST_URL" ]
          echo "word=$GREETING-$TAG" >> "$GITHUB_OUTPUT"
  two:
    needs: one
    runs-on: ubuntu-latest
    permissions: {}
    environment:
      name: production
      url: https://example.test/\${{ needs.one.outputs.word }}
    steps:
      - id: fail
        run: '[ -n "$ACTIONS_ID_TOKEN_REQUEST_URL" ] || exit 3'
      - id: after
        if: failure() && steps.fail.outcome == 'failure'
        run: echo "saw=\${{ steps.fail.outcome }}" >> "$GITHUB_OUTPUT"
      - id: never
        run: echo should not run
  three:
    needs: two
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  four:
    needs: [one, two]
    if: always() && needs.two.result == 'failure'
    runs-on: ubuntu-latest
    steps:
      - id: stand-in
        uses: some/thing@0123456789012345678901234567890123456789
        with:
          word: \${{ needs.one.outputs.word }}
`;

// A caller and the reusable workflow it calls: typed inputs (a boolean from an expression, a default, a number),
// secrets inherited, the caller's permissions as the ceiling, the called workflow's outputs mapped from its jobs
// and read by a later job of the caller through needs.
const CALLED = `on:
  workflow_call:
    inputs:
      name: { type: string, required: true }
      loud: { type: boolean, default: false }
      times: { type: number, default: 2 }
      greeting: { type: string, default: hello }
    secrets:
      token: { required: false }
    outputs:
      said:
        value: \${{ jobs.say.outputs.said }}
      kind:
        value: \${{ jobs.check.result }}-\${{ inputs.name }}
permissions: {}
env:
  CALLED_ENV: from-called
jobs:
  say:
    runs-on: ubuntu-latest
    permissions: { contents: read, id-token: write }
    environment: production
    outputs:
      said: \${{ steps.s.outputs.said }}
    steps:
      - id: s
        env:
          NAME: \${{ inputs.name }}
          LOUD: \${{ inputs.loud }}
          TIMES: \${{ inputs.times }}
          GREETING: \${{ inputs.greeting }}
          TOKEN: \${{ secrets.token }}
          WORKFLOW_FILE: \${{ job.workflow_file_path }}
        run: |
          [ "$LOUD" = true ] && [ "$TIMES" = 3 ] && [ "$CALLED_ENV" = from-called ] && [ -z "$CALLER_ENV" ]
          [ "$TOKEN" = s3cret ] && [ "$WORKFLOW_FILE" = called.yml ]
          [ -n "$ACTIONS_ID_TOKEN_REQUEST_URL" ]
          echo "said=$GREETING-$NAME" >> "$GITHUB_OUTPUT"
  check:
    needs: say
    if: inputs.loud
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: '[ -z "$ACTIONS_ID_TOKEN_REQUEST_URL" ]'
`;

const CALLER = `on:
  push:
    tags: ['v*']
permissions: {}
env:
  CALLER_ENV: from-caller
jobs:
  first:
    runs-on: ubuntu-latest
    permissions: {}
    outputs:
      name: \${{ steps.n.outputs.name }}
    steps:
      - id: n
        run: echo "name=$GITHUB_REF_NAME" >> "$GITHUB_OUTPUT"
  call:
    needs: first
    uses: ./called.yml
    permissions: { contents: read, id-token: write }
    secrets: inherit
    with:
      name: \${{ needs.first.outputs.name }}
      loud: \${{ vars.LOUD == 'yes' }}
      times: 3
  after:
    needs: call
    runs-on: ubuntu-latest
    permissions: {}
    outputs:
      got: \${{ steps.g.outputs.got }}
    steps:
      - id: g
        env:
          SAID: \${{ needs.call.outputs.said }}
          KIND: \${{ needs.call.outputs.kind }}
        run: echo "got=$SAID/$KIND" >> "$GITHUB_OUTPUT"
`;

// A local JavaScript action that reports what a step of it sees: the Azure connection variables and its input.
const PROBE_ACTION = `name: probe
description: reports its environment
inputs:
  client-id: { required: false }
outputs:
  client: { description: AZURE_CLIENT_ID }
runs:
  using: node24
  main: index.js
`;
const PROBE_MAIN = `const seen = ['AZURE_CLIENT_ID', 'ALC_DEPLOY_CLOUD', 'ALC_DEPLOY_RESOURCE_GROUP', 'SHADOWED', 'INPUT_CLIENT-ID']
  .map((k) => k.toLowerCase().replace(/_/g, '-') + '=' + (process.env[k] ?? '<unset>'));
require('node:fs').appendFileSync(process.env.GITHUB_OUTPUT, seen.join('\\n') + '\\n');
`;

// The Azure connection stated once, in the workflow's and the job's env:, read by \`uses:\` steps (a step's own env:
// and with: still win), not by another job; and through a reusable workflow whose jobs map its inputs into env:
// (one block, aliased by the second job), without the caller's workflow env.
const CONNECTION_CALLED = `on:
  workflow_call:
    inputs:
      client-id: { type: string, required: true }
      resource-group: { type: string, required: true }
permissions: {}
env:
  ALC_DEPLOY_CLOUD: Custom
jobs:
  first:
    runs-on: ubuntu-latest
    permissions: {}
    env: &connection
      AZURE_CLIENT_ID: \${{ inputs.client-id }}
      ALC_DEPLOY_RESOURCE_GROUP: \${{ inputs.resource-group }}
    steps:
      - id: probe
        uses: ./probe
  second:
    needs: first
    runs-on: ubuntu-latest
    permissions: {}
    env: *connection
    steps:
      - id: probe
        uses: ./probe
      - id: own
        uses: ./probe
        env:
          SHADOWED: step
        with:
          client-id: from-input
`;
const CONNECTION_CALLER = `on: push
permissions: {}
env:
  SHADOWED: caller
  ALC_DEPLOY_RESOURCE_GROUP: rg-caller
jobs:
  call:
    uses: ./connection-called.yml
    permissions: {}
    with:
      client-id: \${{ vars.CLIENT }}
      resource-group: rg-called
  other:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - id: probe
        uses: ./probe
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'alc-run-workflow-'));
  mkdirSync(join(dir, 'probe'));
  writeFileSync(join(dir, 'probe', 'action.yml'), PROBE_ACTION);
  writeFileSync(join(dir, 'probe', 'index.js'), PROBE_MAIN);
  writeFileSync(join(dir, 'connection-called.yml'), CONNECTION_CALLED);
  writeFileSync(join(dir, 'connection-caller.yml'), CONNECTION_CALLER);
  writeFileSync(join(dir, 'wf.yml'), WORKFLOW);
  writeFileSync(join(dir, 'called.yml'), CALLED);
  writeFileSync(join(dir, 'caller.yml'), CALLER);
  writeFileSync(
    join(dir, 'capped.yml'),
    CALLER.replace('{ contents: read, id-token: write }', '{ contents: read }'),
  );
  writeFileSync(
    join(dir, 'missing.yml'),
    CALLER.replace('      times: 3\n', '      times: 3\n      colour: red\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runWorkflow', () => {
  it('runs jobs and steps as GitHub would', async () => {
    const subjects: Array<string | undefined> = [];
    const seen: string[] = [];
    const run = await runWorkflow({
      workflow: join(dir, 'wf.yml'),
      workspace: dir,
      event: pushEvent('refs/tags/v1.2.3'),
      vars: { GREETING: 'hi' },
      oidc: { url: 'http://127.0.0.1:9/token', token: 't' },
      beforeJob: ({ oidcSubject }) => {
        subjects.push(oidcSubject);
      },
      handlers: {
        'some/thing': async (ctx) => {
          seen.push(ctx.with.word);
          return { outcome: 'success', outputs: { ok: 'yes' } };
        },
      },
    });
    const byId = Object.fromEntries(run.jobs.map((j) => [j.id, j]));
    expect(run.result).toBe('failure');
    expect(byId.one.result).toBe('success');
    expect(byId.one.outputs).toEqual({ word: 'hi-v1.2.3' });
    expect(byId.two.result).toBe('failure');
    expect(byId.two.environment).toEqual({ name: 'production', url: 'https://example.test/hi-v1.2.3' });
    expect(byId.two.steps.map((s) => [s.id, s.outcome])).toEqual([
      ['fail', 'failure'],
      ['after', 'success'],
      ['never', 'skipped'],
    ]);
    expect(byId.two.steps[1].outputs).toEqual({ saw: 'failure' });
    expect(byId.three.result).toBe('skipped');
    expect(byId.four.result).toBe('success');
    expect(seen).toEqual(['hi-v1.2.3']);
    expect(subjects).toEqual(['repo:local/repository:ref:refs/tags/v1.2.3', undefined, undefined]);
  });

  it('gives each job its own DOCKER_CONFIG (removed after it) and the token endpoint beforeJob answers', async () => {
    const file = join(dir, 'machines.yml');
    const job = (id: string) =>
      [
        `  ${id}:`,
        '    runs-on: ubuntu-latest',
        '    permissions: { id-token: write }',
        '    steps:',
        `      - run: echo "$DOCKER_CONFIG $ACTIONS_ID_TOKEN_REQUEST_TOKEN" > ${id}.txt; test -d "$DOCKER_CONFIG"`,
      ].join('\n');
    writeFileSync(file, ['on: push', 'jobs:', job('a'), job('b'), ''].join('\n'));
    const run = await runWorkflow({
      workflow: file,
      workspace: dir,
      event: pushEvent('refs/heads/main'),
      oidc: { url: 'http://127.0.0.1:9/token', token: 'shared' },
      beforeJob: ({ id }) =>
        id === 'b' ? { oidc: { url: 'http://127.0.0.1:9/token', token: 'own' } } : undefined,
    });
    expect(run.result).toBe('success');
    const [a, b] = ['a', 'b'].map((id) =>
      readFileSync(join(dir, `${id}.txt`), 'utf8')
        .trim()
        .split(' '),
    );
    expect(a[0]).not.toBe(b[0]);
    expect([a[1], b[1]]).toEqual(['shared', 'own']);
    expect(existsSync(a[0])).toBe(false);
  });

  it('refuses an event the workflow does not run on', async () => {
    await expect(
      runWorkflow({ workflow: join(dir, 'wf.yml'), workspace: dir, event: pushEvent('refs/heads/main') }),
    ).rejects.toThrow(/does not run on push refs\/heads\/main/);
  });
});

describe('runWorkflow with a reusable workflow', () => {
  const run = (file: string, seen?: Array<{ id: string; oidcSubject?: string; jobWorkflowRef?: string }>) =>
    runWorkflow({
      workflow: join(dir, file),
      workspace: dir,
      event: pushEvent('refs/tags/v2.0.0'),
      vars: { LOUD: 'yes' },
      secrets: { token: 's3cret' },
      oidc: { url: 'http://127.0.0.1:9/token', token: 't' },
      beforeJob: (job) => {
        seen?.push(job);
      },
    });

  it('runs the called jobs with typed inputs, inherited secrets, its outputs read through needs', async () => {
    const seen: Array<{ id: string; oidcSubject?: string; jobWorkflowRef?: string }> = [];
    const result = await run('caller.yml', seen);
    const byId = Object.fromEntries(flatJobs(result.jobs).map((j) => [j.id, j]));
    expect(Object.keys(byId)).toEqual(['first', 'call/say', 'call/check', 'after']);
    expect(result.jobs.map((j) => j.id)).toEqual(['first', 'call', 'after']);
    expect(result.jobs[1]).toMatchObject({
      workflow: 'called.yml',
      result: 'success',
      outputs: { said: 'hello-v2.0.0', kind: 'success-v2.0.0' },
    });
    expect(byId['call/say'].result).toBe('success');
    expect(byId['call/check'].result).toBe('success');
    expect(byId.after.outputs).toEqual({ got: 'hello-v2.0.0/success-v2.0.0' });
    expect(result.result).toBe('success');
    // The called job's token: the caller's subject (its environment), the called workflow's job_workflow_ref.
    expect(seen.find((j) => j.id === 'call/say')).toEqual({
      id: 'call/say',
      oidcSubject: 'repo:local/repository:environment:production',
      environment: 'production',
      jobWorkflowRef: 'local/repository/called.yml@refs/tags/v2.0.0',
      workflowRef: 'local/repository/caller.yml@refs/tags/v2.0.0',
    });
  });

  it("refuses a called job asking for id-token: write beyond the caller's permissions, as GitHub does", async () => {
    await expect(run('capped.yml')).rejects.toThrow(
      "the nested job 'say' is requesting 'id-token: write', but is only allowed 'id-token: none'",
    );
  });

  it('refuses an input the called workflow does not declare', async () => {
    await expect(run('missing.yml')).rejects.toThrow(
      'Invalid input, colour is not defined in the referenced workflow.',
    );
  });
});

describe('runWorkflow: workflow and job env: reach uses: steps', () => {
  it('gives a local action the env: of its workflow and job, under its own env: and with:, and not to other jobs', async () => {
    const run = await runWorkflow({
      workflow: join(dir, 'connection-caller.yml'),
      workspace: dir,
      event: pushEvent('refs/heads/main'),
      vars: { CLIENT: 'from-caller-vars' },
      // The runner machine's own environment: a job's env: overrides it.
      env: { AZURE_CLIENT_ID: 'runner-machine' },
    });
    const outputs = Object.fromEntries(
      flatJobs(run.jobs).flatMap((j) => j.steps.map((s) => [`${j.id}.${s.id}`, s.outputs])),
    );
    const connection = {
      'azure-client-id': 'from-caller-vars',
      'alc-deploy-cloud': 'Custom',
      'alc-deploy-resource-group': 'rg-called',
      shadowed: '<unset>',
      'input-client-id': '<unset>',
    };
    expect(run.result).toBe('success');
    expect(outputs).toEqual({
      'call/first.probe': connection,
      'call/second.probe': connection,
      'call/second.own': { ...connection, shadowed: 'step', 'input-client-id': 'from-input' },
      'other.probe': {
        'azure-client-id': 'runner-machine',
        'alc-deploy-cloud': '<unset>',
        'alc-deploy-resource-group': 'rg-caller',
        shadowed: 'caller',
        'input-client-id': '<unset>',
      },
    });
  });
});

describe('callInputs', () => {
  const declared = {
    name: { type: 'string' as const, required: true },
    loud: { type: 'boolean' as const, default: false },
    times: { type: 'number' as const },
    mode: { type: 'string' as const, default: 'fast' },
  };
  it.each([
    [{ name: 'n' }, { name: 'n', loud: false, times: 0, mode: 'fast' }],
    [
      { name: 'n', loud: 'TRUE', times: '3', mode: 'slow' },
      { name: 'n', loud: true, times: 3, mode: 'slow' },
    ],
    [
      { name: true, loud: true, times: 1.5 },
      { name: 'true', loud: true, times: 1.5, mode: 'fast' },
    ],
  ])('%j -> %j', (given, inputs) => {
    expect(callInputs('c.yml', declared, given)).toEqual(inputs);
  });

  it.each([
    [{}, 'Input name is required, but not provided while calling.'],
    [{ name: 'n', loud: 'yes' }, 'Input loud is a boolean: got "yes".'],
    [{ name: 'n', times: 'many' }, 'Input times is a number: got "many".'],
    [{ name: 'n', extra: 1 }, 'Invalid input, extra is not defined in the referenced workflow.'],
  ])('refuses %j', (given, message) => {
    expect(() => callInputs('c.yml', declared, given)).toThrow(message);
  });
});

describe('callSecrets', () => {
  const declared = { token: { required: true }, other: {} };
  it.each([
    ['inherit' as const, { token: 't', unrelated: 'u' }],
    [{ token: 't' }, { token: 't' }],
  ])('%j', (passed, secrets) => {
    expect(callSecrets('c.yml', declared, passed, { token: 't', unrelated: 'u' })).toEqual(secrets);
  });

  it.each([
    [undefined, 'Secret token is required, but not provided while calling.'],
    [{ token: 't', nope: 'x' }, 'Invalid secret, nope is not defined in the referenced workflow.'],
  ])('refuses %j', (passed, message) => {
    expect(() => callSecrets('c.yml', declared, passed, {})).toThrow(message);
  });
});

describe('withValue', () => {
  const state = { contexts: { vars: { A: 'yes' } }, failed: false };
  it.each([
    ["${{ vars.A == 'yes' }}", true],
    ['${{ 3 }}', 3],
    ['x-${{ vars.A }}', 'x-yes'],
    [false, false],
    ['plain', 'plain'],
    // Every '' in a string literal is one ' (release.yml's prepare command has two).
    ["${{ vars.A == 'yes' && 'a ''b'' c ''d''' || '' }}", "a 'b' c 'd'"],
  ])('%j -> %j', (value, expected) => {
    expect(withValue(value, state)).toEqual(expected);
  });
});

describe('triggers', () => {
  it.each([
    [{ push: { tags: ['v*.*.*'] } }, pushEvent('refs/tags/v1.0.0'), true],
    [{ push: { tags: ['v*.*.*'] } }, pushEvent('refs/tags/v1.0'), false],
    [{ push: { tags: ['v*.*.*'] } }, pushEvent('refs/heads/main'), false],
    [{ push: { branches: ['main'] } }, pushEvent('refs/heads/main'), true],
    [
      { pull_request: { types: ['opened', 'closed'] } },
      pullRequestEvent({ number: 1, action: 'closed' }),
      true,
    ],
    [{ pull_request: { types: ['opened'] } }, pullRequestEvent({ number: 1, action: 'synchronize' }), false],
    ['pull_request', pullRequestEvent({ number: 1 }), true],
    [['push', 'pull_request'], pullRequestEvent({ number: 1 }), true],
  ])('%j with %#', (on, event, expected) => {
    expect(triggers(on, event)).toBe(expected);
  });
});

describe('condition', () => {
  const state = (failed: boolean) => ({
    contexts: { steps: { p: { outcome: 'success' } }, vars: {} },
    failed,
  });
  it.each([
    [undefined, false, true],
    [undefined, true, false],
    ["steps.p.outcome == 'success'", false, true],
    ["steps.p.outcome == 'success'", true, false],
    ["failure() && steps.p.outcome == 'success'", true, true],
    ['${{ always() }}', true, true],
    ["${{ vars.X != 'false' }}", false, true],
  ])('%s (failed before: %s) -> %s', (raw, failed, expected) => {
    expect(condition(raw, state(failed))).toBe(expected);
  });
});

// The release refuses a tag whose commit is not on the default branch, before the build: this repository's own
// release.yml (and through it reusable-release.yml) in a git checkout whose main holds one commit and a side branch
// another, as actions/checkout with fetch-depth: 0 leaves it. The check is scripts/check-on-branch.sh, which
// publish.yml runs too.
describe('release.yml: a tag off the default branch builds nothing', () => {
  let ws: string;
  const commits: Record<string, string> = {};
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: ws,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@alc-deploy.invalid',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@alc-deploy.invalid',
      },
    }).trim();
  beforeAll(() => {
    ws = mkdtempSync(join(tmpdir(), 'alc-tag-branch-'));
    symlinkSync(join(REPO_ROOT, '.github'), join(ws, '.github'));
    git('init', '--quiet', '--initial-branch=main');
    writeFileSync(join(ws, 'app.txt'), 'reviewed\n');
    git('add', 'app.txt');
    git('commit', '--quiet', '--no-gpg-sign', '-m', 'merged');
    commits.main = git('rev-parse', 'HEAD');
    git('checkout', '--quiet', '-b', 'side');
    writeFileSync(join(ws, 'app.txt'), 'nobody reviewed this\n');
    git('commit', '--quiet', '--no-gpg-sign', '-am', 'unmerged');
    commits.side = git('rev-parse', 'HEAD');
    git('checkout', '--quiet', 'main');
    git('remote', 'add', 'origin', ws);
    git('fetch', '--quiet', '--no-tags', 'origin');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  const release = async (sha: string) => {
    const subjects: string[] = [];
    const run = await runWorkflow({
      workflow: join(ws, '.github', 'workflows', 'release.yml'),
      workspace: ws,
      event: pushEvent('refs/tags/v9.9.9', sha),
      // A build context that does not exist: a build that starts fails at once, on its input.
      vars: { BUILD_CONTEXT: 'no-such-context' },
      oidc: { url: 'http://127.0.0.1:9/token', token: 't' },
      handlers: standIns({ 'local/repository': REPO_ROOT }),
      beforeJob: ({ oidcSubject }) => {
        if (oidcSubject) subjects.push(oidcSubject);
      },
    });
    const jobs = Object.fromEntries(flatJobs(run.jobs).map((j) => [j.id, j]));
    return { run, jobs, subjects };
  };

  it('a tag on a commit nobody merged: the check fails with one error, no build, no token for anyone', async () => {
    const { run, jobs, subjects } = await release(commits.side);
    expect(run.result).toBe('failure');
    expect(jobs['release/on-default-branch'].result).toBe('failure');
    const errors = jobs['release/on-default-branch'].steps.flatMap((s) => s.errors);
    expect(errors).toEqual([
      `the tag points at ${commits.side}, which is not on main: merge first, then tag`,
    ]);
    expect([jobs['release/build'].result, jobs['release/release'].result]).toEqual(['skipped', 'skipped']);
    expect(subjects).toEqual([]);
  }, 60_000);

  it('a tag on main: the check passes and the build starts (with its own identity)', async () => {
    const { jobs, subjects } = await release(commits.main);
    expect(jobs['release/on-default-branch'].result).toBe('success');
    expect(jobs['release/build'].steps.some((s) => s.id === 'build' && s.outcome === 'failure')).toBe(true);
    expect(subjects).toEqual(['repo:local/repository:environment:production-build']);
  }, 120_000);

  it.each([
    ['a commit of main', () => commits.main, 0, /is on main/],
    [
      'a commit only on a side branch',
      () => commits.side,
      1,
      /::error title=Tag not on main::the tag points at/,
    ],
    ['a commit the repository does not have', () => 'a'.repeat(40), 1, /is not in this repository's history/],
    ['no commit at all', () => 'main', 1, /::error title=Not a commit::/],
  ])('scripts/check-on-branch.sh, %s: exit %s', (_what, sha, code, out) => {
    const result = spawnSync(join(REPO_ROOT, 'scripts', 'check-on-branch.sh'), [sha(), 'main'], {
      cwd: ws,
      encoding: 'utf8',
    });
    expect(result.status).toBe(code);
    expect(result.stdout).toMatch(out);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(code);
  });
});
