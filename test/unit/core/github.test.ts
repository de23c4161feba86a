import { describe, expect, it } from '@jest/globals';
import {
  gitHubFromRunner,
  findStickyComment,
  previewWrites,
  productionWrites,
  readGitHubSettings,
  STICKY_MARKER,
  stickyCommentBody,
  type KnownDeployment,
  type PreviewReport,
  type ProductionEvent,
  type StatusWrite,
} from '../../../src/core/github.js';
import { InputError } from '../../../src/core/inputs.js';
import { errorOf } from '../../support/errors.js';

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
      },
      [
        /is up at abcdef0\n/,
        /\| URL \| https:\/\/app---pr-42\.x \|/,
        /`app--pr-42-abc`/,
        /`r\/i@sha256:1`/,
        /Paper trading only/,
      ],
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

describe('productionWrites', () => {
  const url = 'https://app.x';
  const pending: KnownDeployment = { id: 9, states: ['in_progress', 'queued'] };
  const active: KnownDeployment = { id: 8, states: ['success', 'in_progress', 'queued'] };
  const failed: KnownDeployment = { id: 7, states: ['failure'] };
  const old: KnownDeployment = { id: 5, states: ['inactive', 'success'] };
  it.each<[string, ProductionEvent, KnownDeployment[], StatusWrite[]]>([
    ['deployed', { kind: 'deployed' }, [], [{ deployment: 'new', state: 'in_progress' }]],
    [
      'serving at once (a first deploy): success, active -> inactive',
      { kind: 'serving', appUrl: url },
      [{ id: 10, states: ['queued'] }, active],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 'new', state: 'success', environmentUrl: url },
      ],
    ],
    ['deploy failed', { kind: 'deploy-failed' }, [active], [{ deployment: 'new', state: 'failure' }]],
    [
      'promoted: pending -> success, active -> inactive',
      { kind: 'promoted', appUrl: url },
      [pending, active, old],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 9, state: 'success', environmentUrl: url },
      ],
    ],
    [
      'promoted with nothing pending: a new deployment',
      { kind: 'promoted', appUrl: url },
      [failed, active],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 'new', state: 'success', environmentUrl: url },
      ],
    ],
    [
      'promoted, first ever',
      { kind: 'promoted', appUrl: url },
      [pending],
      [{ deployment: 9, state: 'success', environmentUrl: url }],
    ],
    [
      'promote failed: pending -> failure',
      { kind: 'promote-failed' },
      [pending, active],
      [{ deployment: 9, state: 'failure' }],
    ],
    ['promote failed, nothing pending: nothing', { kind: 'promote-failed' }, [active], []],
    ['promote failed: only the newest counts as pending', { kind: 'promote-failed' }, [failed, pending], []],
    [
      'rolled back: active -> inactive, new success',
      { kind: 'rolled-back', appUrl: url },
      [active, old],
      [
        { deployment: 8, state: 'inactive' },
        { deployment: 'new', state: 'success', environmentUrl: url },
      ],
    ],
    [
      'rolled back, none active',
      { kind: 'rolled-back', appUrl: url },
      [old],
      [{ deployment: 'new', state: 'success', environmentUrl: url }],
    ],
  ])('%s', (_what, event, deployments, want) => expect(productionWrites(event, deployments)).toEqual(want));
});

describe('previewWrites', () => {
  it.each<[Parameters<typeof previewWrites>[0], KnownDeployment[], StatusWrite[]]>([
    ['started', [], [{ deployment: 'new', state: 'in_progress' }]],
    ['up', [], [{ deployment: 'new', state: 'success', environmentUrl: 'https://l' }]],
    ['failed', [], [{ deployment: 'new', state: 'failure' }]],
    [
      'torn-down',
      [
        { id: 3, states: ['success'] },
        { id: 2, states: ['inactive', 'success'] },
        { id: 1, states: ['failure'] },
      ],
      [
        { deployment: 3, state: 'inactive' },
        { deployment: 1, state: 'inactive' },
      ],
    ],
  ])('%s', (event, deployments, want) =>
    expect(previewWrites(event, deployments, 'https://l')).toEqual(want),
  );
});

describe('readGitHubSettings', () => {
  const env = {
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '7',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_API_URL: 'http://127.0.0.1:1/',
  };
  const source = (token: string) => (name: string) => (name === 'github-token' ? token : '');
  it('an empty token reports nothing', () =>
    expect(readGitHubSettings(source(' '), env, () => undefined)).toBeUndefined());
  it('masks the token and reads the run', () => {
    const masked: string[] = [];
    const s = readGitHubSettings(
      source('ghs_x'),
      env,
      (t) => masked.push(t),
      () => ({ pull_request: { head: { sha: 'a'.repeat(40) } } }),
    );
    expect(masked).toEqual(['ghs_x']);
    expect(s).toEqual({
      token: 'ghs_x',
      apiUrl: 'http://127.0.0.1:1',
      owner: 'o',
      repo: 'r',
      runUrl: run,
      sha: 'a'.repeat(40),
    });
  });
  it('the commit is GITHUB_SHA outside pull requests', () =>
    expect(readGitHubSettings(source('t'), env, () => undefined)?.sha).toBe('f'.repeat(40)));
  it.each(['', 'o', 'o/r/x'])(
    'GITHUB_REPOSITORY %p is refused, naming the input but not the token',
    (repo) => {
      const masked: string[] = [];
      const error = errorOf(InputError, () =>
        readGitHubSettings(source('secret-token'), { ...env, GITHUB_REPOSITORY: repo }, (t) =>
          masked.push(t),
        ),
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/'github-token'.*owner\/name/);
      expect((error as Error).message).not.toContain('secret-token');
      expect(masked).toEqual(['secret-token']);
    },
  );
});

describe('gitHubFromRunner', () => {
  const env = { GITHUB_REPOSITORY: 'alc-algo/alc-algo', GITHUB_RUN_ID: '7', GITHUB_SHA: 'abc' };
  const io = () => {
    const seen = { secrets: [] as string[], warnings: [] as string[] };
    return {
      seen,
      io: {
        setSecret: (s: string) => void seen.secrets.push(s),
        info: () => undefined,
        warning: (m: string) => void seen.warnings.push(m),
      },
    };
  };
  const noFile = () => {
    throw new Error('no event file');
  };
  it('without a token: no reporter, nothing masked', () => {
    const { seen, io: runner } = io();
    expect(gitHubFromRunner(() => '', env, runner, noFile)).toBeUndefined();
    expect(seen.secrets).toEqual([]);
  });
  it('with a token: masks it, and a report that fails becomes one warning', async () => {
    const { seen, io: runner } = io();
    const github = gitHubFromRunner((n) => (n === 'github-token' ? 'ghs_secret' : ''), env, runner, noFile);
    expect(seen.secrets).toEqual(['ghs_secret']);
    await github!.safely('the deployment', async () => {
      throw Object.assign(new Error('Bad credentials'), { status: 401 });
    });
    expect(seen.warnings).toEqual(['Could not report the deployment to GitHub: Bad credentials (HTTP 401)']);
  });
});
