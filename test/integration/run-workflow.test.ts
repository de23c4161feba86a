// The local workflow runner on a crafted workflow: triggers, needs order, if: with status functions,
// expressions over vars/github/steps/needs, job outputs, environment URLs, OIDC only with id-token: write,
// and third-party stand-ins. Runs real bash steps, hence integration.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullRequestEvent, pushEvent } from '../../scripts/run-action.js';
import { condition, oidcSubject, runWorkflow, triggers } from '../../scripts/run-workflow.js';

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

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'alc-run-workflow-'));
  writeFileSync(join(dir, 'wf.yml'), WORKFLOW);
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
    expect(subjects).toEqual(['repo:alc-algo/alc-algo:ref:refs/tags/v1.2.3', undefined, undefined]);
  });

  it('refuses an event the workflow does not run on', async () => {
    await expect(
      runWorkflow({ workflow: join(dir, 'wf.yml'), workspace: dir, event: pushEvent('refs/heads/main') }),
    ).rejects.toThrow(/does not run on push refs\/heads\/main/);
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

describe('oidcSubject', () => {
  it.each([
    [pushEvent('refs/tags/v1.0.0'), undefined, 'repo:o/r:ref:refs/tags/v1.0.0'],
    [pushEvent('refs/tags/v1.0.0'), 'production', 'repo:o/r:environment:production'],
    [pullRequestEvent({ number: 4 }), undefined, 'repo:o/r:pull_request'],
  ])('%#', (event, environment, subject) => {
    expect(oidcSubject('o/r', event, environment)).toBe(subject);
  });
});
