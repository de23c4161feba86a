import { describe, expect, it } from '@jest/globals';
import {
  findStickyComment,
  STICKY_MARKER,
  stickyCommentBody,
  type PreviewReport,
} from '../../../../src/core/github/comment.js';

const run = 'https://github.com/o/r/actions/runs/7';

describe('stickyCommentBody', () => {
  it.each<[PreviewReport, RegExp[]]>([
    [
      {
        kind: 'up',
        label: 'pr-42',
        sha: 'abcdef0123',
        url: 'https://app---pr-42.x',
        revision: 'app--pr-42-abc',
        image: 'r/i@sha256:1',
        runUrl: run,
        note: 'Paper trading only (IBKR port 7497).',
      },
      [
        /is up at abcdef0\n/,
        /\| URL \| https:\/\/app---pr-42\.x \|/,
        /`app--pr-42-abc`/,
        /`r\/i@sha256:1`/,
        /\nPaper trading only \(IBKR port 7497\)\. Smoke test and details in the run summary/,
      ],
    ],
    [
      {
        kind: 'up',
        label: 'pr-7',
        sha: 'abcdef0123',
        url: 'https://quotes---pr-7.x',
        revision: 'quotes--pr-7-abc',
        image: 'r/q@sha256:1',
        runUrl: run,
        note: '',
      },
      [/is up at abcdef0\n/, /\nSmoke test and details in the run summary/],
    ],
    [
      { kind: 'failed', label: 'pr-42', sha: 'abcdef0123', error: 'never healthy\n  (probe)', runUrl: run },
      [/failed at abcdef0/, /deploy-app: never healthy \(probe\)/],
    ],
    [{ kind: 'torn-down', label: 'pr-42', runUrl: run }, [/`pr-42` torn down/, /deactivated/]],
    [
      { kind: 'teardown-failed', label: 'pr-42', error: 'HTTP 500', runUrl: run },
      [/teardown failed/, /re-run it/],
    ],
  ])('%o', (report, patterns) => {
    const body = stickyCommentBody(report);
    expect(body.split('\n')[0]).toBe(STICKY_MARKER);
    expect(body).toContain(`(${run})`);
    for (const p of patterns) expect(body).toMatch(p);
    if (report.kind === 'up' && !report.note) expect(body).not.toMatch(/trading|IBKR/);
  });
});

describe('findStickyComment', () => {
  const bot = 'github-actions[bot]';
  const c = (id: number, login: string | undefined, body: string | null) => ({
    id,
    body,
    user: login ? { login } : null,
  });
  it.each([
    ['ours', [c(1, 'alice', 'hi'), c(2, bot, `${STICKY_MARKER}\nx`)], bot, 2],
    ['the marker by another author is not ours', [c(1, 'mallory', `${STICKY_MARKER}\nfake`)], bot, undefined],
    ['our author without the marker is not ours', [c(1, bot, 'another bot comment')], bot, undefined],
    ['the first of ours when there are two', [c(3, bot, STICKY_MARKER), c(4, bot, STICKY_MARKER)], bot, 3],
    ['a deleted user or empty body', [c(1, undefined, STICKY_MARKER), c(2, bot, null)], bot, undefined],
    ['a PAT author', [c(1, bot, STICKY_MARKER), c(2, 'deployer', STICKY_MARKER)], 'deployer', 2],
  ])('%s', (_what, comments, author, want) => expect(findStickyComment(comments, author)).toBe(want));
});
