// The runner harness's pure parts: input variables, file commands (with heredocs), workflow commands, masking,
// the job's facts as the github context and as GITHUB_* variables.
import { describe, expect, it } from '@jest/globals';
import { inputEnvironment, inputVariable } from '../../../runner/action.js';
import { maskText, parseFileCommands, parseWorkflowCommand } from '../../../runner/commands.js';
import { contextVariables, githubContext, runContext } from '../../../runner/context.js';
import { pullRequestEvent, pushEvent, workflowDispatchEvent } from '../../../runner/events.js';

describe('inputVariable', () => {
  it.each([
    ['client-id', 'INPUT_CLIENT-ID'],
    ['resource group', 'INPUT_RESOURCE_GROUP'],
    ['max-p95-ms', 'INPUT_MAX-P95-MS'],
    ['url', 'INPUT_URL'],
  ])('%s -> %s', (name, variable) => {
    expect(inputVariable(name)).toBe(variable);
  });
});

describe('inputEnvironment', () => {
  const meta = { inputs: { a: { default: '1' }, b: {}, 'c-d': { default: 'x' } } };

  it('applies action.yml defaults under the given values and reports unknown inputs', () => {
    expect(inputEnvironment(meta, { b: 'B', 'c-d': 'y', zz: 'z', a: undefined })).toEqual({
      env: { INPUT_A: '1', INPUT_B: 'B', 'INPUT_C-D': 'y', INPUT_ZZ: 'z' },
      unexpected: ['zz'],
    });
  });
});

describe('parseFileCommands', () => {
  it.each([
    ['name=value lines', 'a=1\nb=two words\n', { a: '1', b: 'two words' }],
    ['a value holding =', 'url=https://x/?a=b\n', { url: 'https://x/?a=b' }],
    ['an empty value', 'a=\n', { a: '' }],
    [
      'a heredoc (the format of @actions/core)',
      'traffic<<ghadelimiter_1f2e\n[{"weight": 100}]\nsecond line\nghadelimiter_1f2e\nnext=1\n',
      { traffic: '[{"weight": 100}]\nsecond line', next: '1' },
    ],
    ['an empty heredoc', 'x<<EOF\nEOF\n', { x: '' }],
    ['CRLF lines', 'a=1\r\nb<<E\r\nv\r\nE\r\n', { a: '1', b: 'v' }],
    ['the last value winning', 'a=1\na=2\n', { a: '2' }],
  ])('reads %s', (_what, text, values) => {
    expect(parseFileCommands(text)).toEqual(values);
  });

  it.each([
    ['an unclosed heredoc', 'a<<EOF\nvalue\n', /never closed/],
    ['a line that is neither', 'garbage\n', /cannot parse line 1/],
  ])('refuses %s', (_what, text, message) => {
    expect(() => parseFileCommands(text)).toThrow(message);
  });
});

describe('parseWorkflowCommand', () => {
  it.each([
    ['::error::plain', { command: 'error', properties: {}, message: 'plain' }],
    [
      '::error title=Bad input,file=a.ts::line one%0Aline two',
      { command: 'error', properties: { title: 'Bad input', file: 'a.ts' }, message: 'line one\nline two' },
    ],
    ['::add-mask::s3cret', { command: 'add-mask', properties: {}, message: 's3cret' }],
    [
      '::warning title=a%3Ab%2Cc::100%25',
      { command: 'warning', properties: { title: 'a:b,c' }, message: '100%' },
    ],
  ])('%s', (line, parsed) => {
    expect(parseWorkflowCommand(line)).toEqual(parsed);
  });

  it('ignores ordinary lines', () => {
    expect(parseWorkflowCommand('deploying alc-algo-agents::v1')).toBeUndefined();
  });
});

describe('maskText', () => {
  it.each([
    ['token abc and abcdef', ['abc', 'abcdef'], 'token *** and ***'],
    ['nothing here', ['zzz'], 'nothing here'],
    ['empty masks change nothing', [''], 'empty masks change nothing'],
  ])('%s', (text, secrets, masked) => {
    expect(maskText(text, secrets)).toBe(masked);
  });
});

describe('pullRequestEvent', () => {
  it('carries the head SHA apart from the merge commit, and marks forks', () => {
    const own = pullRequestEvent({ number: 12, headSha: 'a'.repeat(40) });
    const pr = own.payload.pull_request as { head: { sha: string; repo: { fork: boolean } } };
    expect(own.ref).toBe('refs/pull/12/merge');
    expect(pr.head.sha).toBe('a'.repeat(40));
    expect(own.sha).not.toBe(pr.head.sha);
    expect(pr.head.repo.fork).toBe(false);
    const fork = pullRequestEvent({ number: 3, headRepository: 'someone/alc-algo' });
    expect((fork.payload.pull_request as typeof pr).head.repo.fork).toBe(true);
  });
});

describe('the run context', () => {
  const tag = pushEvent('refs/tags/v1.2.0', 'c'.repeat(40));
  const pr = pullRequestEvent({ number: 9, headRef: 'feature/x', baseRef: 'main' });
  it.each([
    ['a tag push', tag, { ref_name: 'v1.2.0', ref_type: 'tag', head_ref: '', sha: 'c'.repeat(40) }],
    [
      'a dispatch on a branch',
      workflowDispatchEvent('refs/heads/main', {}),
      { ref_name: 'main', ref_type: 'branch', event_name: 'workflow_dispatch' },
    ],
    [
      'a pull request',
      pr,
      { ref_name: 'refs/pull/9/merge', head_ref: 'feature/x', base_ref: 'main', sha: pr.sha },
    ],
  ])('%s', (_what, event, facts) => {
    const c = runContext({ event, repository: 'o/r', runId: '42', job: 'deploy', workspace: '/ws' });
    expect(githubContext(c)).toMatchObject({
      ...facts,
      repository: 'o/r',
      repository_owner: 'o',
      run_id: '42',
      job: 'deploy',
      workflow: 'local',
      workspace: '/ws',
      event: event.payload,
    });
  });

  it('gives the steps the same facts as the expressions, as GITHUB_<NAME>, without the token', () => {
    const c = runContext({ event: tag, workspace: '/ws', token: 'ghs_x', apiUrl: 'http://127.0.0.1:1' });
    const { event: _event, token, ...facts } = githubContext(c);
    expect(token).toBe('ghs_x');
    const variables = contextVariables(c);
    expect(
      Object.fromEntries(Object.keys(facts).map((k) => [k, variables[`GITHUB_${k.toUpperCase()}`]])),
    ).toEqual(facts);
    expect(Object.values(variables)).not.toContain('ghs_x');
    expect(variables).toMatchObject({ GITHUB_API_URL: 'http://127.0.0.1:1', RUNNER_OS: 'Linux' });
  });
});
