// GitHub as code: the sticky pull-request comment and the GitHub deployments that deploy-app and blue-green record
// with their optional `github-token` input, on @actions/github's Octokit. The decisions (the comment's body, which
// comment is ours, which statuses to write) are pure functions; GitHubReporter does the HTTP. Reporting is never the
// work: a failure to report is a warning, never a failed deploy (reportSafely).
//
// What is recorded (docs: actions/deploy-app/README.md and actions/blue-green/README.md, "GitHub reporting"):
//   deploy-app, mode preview:    deployment `preview/pr-<N>` (transient, ref = the pull request's head SHA):
//                                in_progress, then success (environment_url = label URL) or failure; the sticky
//                                comment says the preview is up (URL, revision, image) or failed.
//   deploy-app, mode production: deployment `production` (ref = the commit SHA, payload = app, revision, version):
//                                queued, then in_progress once the revision is running (failure when it is not);
//                                success (environment_url = app URL) when it carries production already (a first
//                                deploy), the one that was active becoming inactive.
//   blue-green promote:          the pending production deployment of the app (its newest, queued/in_progress)
//                                becomes success (environment_url = app URL) and the one that was active inactive;
//                                a failed promote makes the pending one failure.
//   blue-green rollback:         a new production deployment of the revision rolled back to: success; the one that
//                                was active becomes inactive.
//   blue-green teardown:         every deployment of `preview/pr-<N>` becomes inactive; the sticky comment says torn
//                                down (or that the teardown failed).
// Every status carries log_url = the run ($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID).
import type { getOctokit } from '@actions/github';
import type { RunReport } from './run-entry.js';
import { InputError, type InputSource } from './inputs.js';

/** The hidden first line of the sticky comment: with its author, how a run finds the comment again. */
export const STICKY_MARKER = '<!-- alc-deploy:preview -->';

/** Who wrote the comments of a GITHUB_TOKEN (whose token cannot read GET /user). */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

export const PRODUCTION_ENVIRONMENT = 'production';

/** How many of an app's newest production deployments a promote or rollback reads the statuses of. */
export const PRODUCTION_SCAN = 10;

export type DeploymentState = 'queued' | 'in_progress' | 'success' | 'failure' | 'inactive' | 'error';

export interface GitHubSettings {
  token: string;
  apiUrl: string;
  owner: string;
  repo: string;
  /** The run's page, the log_url of every status and the link of the comment. */
  runUrl: string;
  /** The commit deployed: the pull request's head SHA on pull_request events, else GITHUB_SHA. */
  sha: string;
}

/**
 * The `github-token` input and the runner's variables. Empty token: undefined, nothing is reported. The token is
 * masked before anything else can print it.
 */
export function readGitHubSettings(
  get: InputSource,
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void,
  eventPayload: () => unknown = () => undefined,
): GitHubSettings | undefined {
  const token = get('github-token').trim();
  if (!token) return undefined;
  mask(token);
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo || rest.length) {
    throw new InputError(
      'github-token',
      '***',
      `reporting to GitHub needs GITHUB_REPOSITORY as owner/name (it is '${env.GITHUB_REPOSITORY ?? ''}')`,
    );
  }
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const payload = eventPayload() as { pull_request?: { head?: { sha?: unknown } } } | undefined;
  const head = payload?.pull_request?.head?.sha;
  return {
    token,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    owner,
    repo,
    runUrl: `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    sha: typeof head === 'string' && head ? head : (env.GITHUB_SHA ?? ''),
  };
}

/** The environment of a pull request's preview. */
export function previewEnvironment(label: string): string {
  return `preview/${label}`;
}

// ---- the sticky comment (pure) ----

export type PreviewReport =
  | { kind: 'up'; label: string; sha: string; url: string; revision: string; image: string; runUrl: string }
  | { kind: 'failed'; label: string; sha: string; error: string; runUrl: string }
  | { kind: 'torn-down'; label: string; runUrl: string }
  | { kind: 'teardown-failed'; label: string; error: string; runUrl: string };

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sticky comment's body: the marker, then what the preview is now. */
export function stickyCommentBody(r: PreviewReport): string {
  const run = `([run](${r.runUrl}))`;
  const lines: string[] = (() => {
    switch (r.kind) {
      case 'up':
        return [
          `### Preview \`${r.label}\` is up at ${r.sha.slice(0, 7)}`,
          '',
          '| | |',
          '|---|---|',
          `| URL | ${r.url} |`,
          `| revision | \`${r.revision}\` |`,
          `| image | \`${r.image}\` |`,
          '',
          `Paper trading only (IBKR port 7497). Smoke test and details in the run summary ${run}.`,
        ];
      case 'failed':
        return [
          `### Preview \`${r.label}\` failed at ${r.sha.slice(0, 7)}`,
          '',
          `deploy-app: ${oneLine(r.error)} ${run}`,
        ];
      case 'torn-down':
        return [
          `### Preview \`${r.label}\` torn down`,
          '',
          `The label was removed and its revisions deactivated ${run}.`,
        ];
      case 'teardown-failed':
        return [`### Preview \`${r.label}\`: teardown failed`, '', `${oneLine(r.error)} ${run}; re-run it.`];
    }
  })();
  return [STICKY_MARKER, ...lines].join('\n');
}

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
}

/** Our earlier comment: the first with the marker written by `author`; another author's copy is never ours. */
export function findStickyComment(comments: readonly IssueComment[], author: string): number | undefined {
  return comments.find((c) => c.user?.login === author && (c.body ?? '').includes(STICKY_MARKER))?.id;
}

// ---- deployments (pure) ----

export interface KnownDeployment {
  id: number;
  /** Statuses newest first, as GitHub lists them. */
  states: DeploymentState[];
}

/** One status write: to a deployment by id, or to the deployment this run creates ('new'). */
export interface StatusWrite {
  deployment: number | 'new';
  state: DeploymentState;
  environmentUrl?: string;
}

export type ProductionEvent =
  | { kind: 'deployed' }
  /** deploy-app's revision carries production already (the first deploy): nothing is left to promote. */
  | { kind: 'serving'; appUrl: string }
  | { kind: 'deploy-failed' }
  | { kind: 'promoted'; appUrl: string }
  | { kind: 'promote-failed' }
  | { kind: 'rolled-back'; appUrl: string };

const PENDING: readonly DeploymentState[] = ['queued', 'in_progress'];

/**
 * The status writes of a production event, given the app's production deployments newest first. `deployed`
 * concerns the deployment deploy-app just created ('new'); promote the newest when it is pending (else a new one);
 * the active deployment is the newest whose latest status is success.
 */
export function productionWrites(
  event: ProductionEvent,
  deployments: readonly KnownDeployment[],
): StatusWrite[] {
  const newest = deployments[0];
  const pending = newest && PENDING.includes(newest.states[0]) ? newest.id : undefined;
  const active = deployments.find((d) => d.id !== pending && d.states[0] === 'success')?.id;
  const retire = (): StatusWrite[] =>
    active === undefined ? [] : [{ deployment: active, state: 'inactive' }];
  switch (event.kind) {
    case 'deployed':
      return [{ deployment: 'new', state: 'in_progress' }];
    case 'serving':
      return [...retire(), { deployment: 'new', state: 'success', environmentUrl: event.appUrl }];
    case 'deploy-failed':
      return [{ deployment: 'new', state: 'failure' }];
    case 'promoted':
      return [...retire(), { deployment: pending ?? 'new', state: 'success', environmentUrl: event.appUrl }];
    case 'promote-failed':
      return pending === undefined ? [] : [{ deployment: pending, state: 'failure' }];
    case 'rolled-back':
      return [...retire(), { deployment: 'new', state: 'success', environmentUrl: event.appUrl }];
  }
}

/** The status writes of a preview: in_progress then success/failure on this run's deployment; teardown: inactive. */
export function previewWrites(
  event: 'started' | 'up' | 'failed' | 'torn-down',
  deployments: readonly KnownDeployment[],
  labelUrl = '',
): StatusWrite[] {
  switch (event) {
    case 'started':
      return [{ deployment: 'new', state: 'in_progress' }];
    case 'up':
      return [{ deployment: 'new', state: 'success', environmentUrl: labelUrl }];
    case 'failed':
      return [{ deployment: 'new', state: 'failure' }];
    case 'torn-down':
      return deployments
        .filter((d) => d.states[0] !== 'inactive')
        .map((d) => ({ deployment: d.id, state: 'inactive' as const }));
  }
}

// ---- the HTTP part ----

export interface NewDeployment {
  environment: string;
  ref: string;
  description: string;
  payload?: Record<string, string>;
  production: boolean;
}

/**
 * GitHub's REST API for the reports, with the real Octokit of @actions/github, imported at the first request (a run
 * without a github-token never loads it).
 */
export class GitHubReporter {
  private octokitLoaded?: Promise<ReturnType<typeof getOctokit>>;
  private readonly repoParams: { owner: string; repo: string };
  private created?: number;

  constructor(
    readonly settings: GitHubSettings,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.repoParams = { owner: settings.owner, repo: settings.repo };
  }

  private octokit(): Promise<ReturnType<typeof getOctokit>> {
    return (this.octokitLoaded ??= import('@actions/github').then(({ getOctokit }) =>
      getOctokit(this.settings.token, { baseUrl: this.settings.apiUrl }),
    ));
  }

  /** The login the token writes as: GET /user, or github-actions[bot] for a GITHUB_TOKEN (which cannot read it). */
  async author(): Promise<string> {
    const octokit = await this.octokit();
    try {
      return (await octokit.rest.users.getAuthenticated()).data.login;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 401 || status === 403) return GITHUB_ACTIONS_BOT;
      throw error;
    }
  }

  /** Creates or updates the sticky comment of pull request `issue`; returns the comment id. */
  async upsertStickyComment(issue: number, body: string): Promise<number> {
    const octokit = await this.octokit();
    const author = await this.author();
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...this.repoParams,
      issue_number: issue,
      per_page: 100,
    });
    const id = findStickyComment(comments, author);
    if (id !== undefined) {
      await octokit.rest.issues.updateComment({ ...this.repoParams, comment_id: id, body });
      this.log(`GitHub: updated the comment ${id} on #${issue}`);
      return id;
    }
    const { data } = await octokit.rest.issues.createComment({
      ...this.repoParams,
      issue_number: issue,
      body,
    });
    this.log(`GitHub: commented on #${issue} (${data.id})`);
    return data.id;
  }

  /**
   * Deployments of `environment`, newest first, with their statuses; `app` keeps only the payload's app. `limit`
   * reads only the newest page and the statuses of that many (production: the decisions need the newest pending
   * and the newest active one); without it, every page (a preview's teardown retires them all).
   */
  async deployments(environment: string, app?: string, limit?: number): Promise<KnownDeployment[]> {
    const octokit = await this.octokit();
    const params = { ...this.repoParams, environment, per_page: 100 };
    const list =
      limit === undefined
        ? await octokit.paginate(octokit.rest.repos.listDeployments, params)
        : (await octokit.rest.repos.listDeployments(params)).data;
    const mine = list.filter(
      (d) => app === undefined || (d.payload as { app?: unknown } | null)?.app === app,
    );
    const known: KnownDeployment[] = [];
    for (const d of mine.slice(0, limit ?? mine.length)) {
      const { data } = await octokit.rest.repos.listDeploymentStatuses({
        ...this.repoParams,
        deployment_id: d.id,
        per_page: 100,
      });
      known.push({ id: d.id, states: data.map((s) => s.state as DeploymentState) });
    }
    return known;
  }

  /** Writes `writes` in order; 'new' creates `create` once (the first time this reporter needs it). */
  async write(writes: readonly StatusWrite[], create?: NewDeployment): Promise<void> {
    const octokit = await this.octokit();
    for (const w of writes) {
      let id: number;
      if (w.deployment === 'new') {
        if (!create) throw new Error('a new deployment was needed but none was described');
        id = this.created ?? (this.created = await this.createDeployment(create));
      } else id = w.deployment;
      await octokit.rest.repos.createDeploymentStatus({
        ...this.repoParams,
        deployment_id: id,
        state: w.state,
        log_url: this.settings.runUrl,
        ...(w.environmentUrl ? { environment_url: w.environmentUrl } : {}),
        auto_inactive: false,
      });
      this.log(`GitHub: deployment ${id} ${w.state}`);
    }
  }

  private async createDeployment(d: NewDeployment): Promise<number> {
    const octokit = await this.octokit();
    const { data, status } = await octokit.rest.repos.createDeployment({
      ...this.repoParams,
      ref: d.ref,
      environment: d.environment,
      description: d.description,
      payload: d.payload ?? {},
      auto_merge: false,
      required_contexts: [],
      transient_environment: !d.production,
      production_environment: d.production,
    });
    if (status !== 201 || !('id' in data)) throw new Error(`GitHub created no deployment (HTTP ${status})`);
    return data.id;
  }
}

/** Runs a report; a failure is a warning (the work it reports is done), never an error. */
export async function reportSafely(
  what: string,
  report: () => Promise<void>,
  warn: (message: string) => void,
): Promise<void> {
  try {
    await report();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    warn(
      `Could not report ${what} to GitHub: ${(error as Error).message ?? String(error)}${typeof status === 'number' ? ` (HTTP ${status})` : ''}`,
    );
  }
}

/** The event payload of this run (GITHUB_EVENT_PATH), or undefined when there is none to read. */
export function eventPayloadFromEnv(env: NodeJS.ProcessEnv, readFile: (path: string) => string): unknown {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFile(env.GITHUB_EVENT_PATH));
  } catch {
    return undefined;
  }
}

/** What an action entry gives the runner-facing reporter: masking, the log, and warnings. */
export interface RunnerIo {
  setSecret: (secret: string) => void;
  info: (line: string) => void;
  warning: (message: string) => void;
}

export interface GitHubFromRunner {
  reporter: GitHubReporter;
  safely: (what: string, report: () => Promise<void>) => Promise<void>;
}

/**
 * The reporter of an action run, from its `github-token` input and the runner's variables (the event payload at
 * GITHUB_EVENT_PATH); undefined without a token. `safely` runs one report whose failure is only a warning.
 */
export function gitHubFromRunner(
  get: InputSource,
  env: NodeJS.ProcessEnv,
  io: RunnerIo,
  readFile: (path: string) => string,
): GitHubFromRunner | undefined {
  const settings = readGitHubSettings(get, env, io.setSecret, () => eventPayloadFromEnv(env, readFile));
  if (!settings) return undefined;
  return {
    reporter: new GitHubReporter(settings, io.info),
    safely: (what, report) => reportSafely(what, report, io.warning),
  };
}

/**
 * A run's reports as the entry shell makes them (none without a token), each under `safely`: a failure to report is
 * a warning. `what` names each report in that warning.
 */
export function safeReport<R>(
  github: GitHubFromRunner | undefined,
  what: { started?: string; succeeded: string; failed: string },
  reporting: (reporter: GitHubReporter) => {
    started?: () => Promise<void>;
    succeeded(r: R): Promise<void>;
    failed(why: string): Promise<void>;
  },
): RunReport<R> | undefined {
  if (!github) return undefined;
  const report = reporting(github.reporter);
  const { started } = report;
  return {
    ...(started && what.started ? { started: () => github.safely(what.started!, started) } : {}),
    succeeded: (r) => github.safely(what.succeeded, () => report.succeeded(r)),
    failed: (why) => github.safely(what.failed, () => report.failed(why)),
  };
}

// ---- what each action records ----

export interface DeployFacts {
  mode: 'production' | 'preview';
  app: string;
  revision: string;
  image: string;
  /** Preview: pr-<N>. */
  label?: string;
  prNumber?: number;
}

/** deploy-app's reports: started (after input validation), then succeeded or failed. */
export function deployReporting(r: GitHubReporter, d: DeployFacts) {
  const preview = d.mode === 'preview';
  const label = d.label ?? '';
  const create: NewDeployment = {
    environment: preview ? previewEnvironment(label) : PRODUCTION_ENVIRONMENT,
    ref: r.settings.sha,
    description: preview ? `Preview of pull request #${d.prNumber}` : `${d.revision} (${d.image})`,
    payload: { app: d.app, revision: d.revision, image: d.image },
    production: !preview,
  };
  const comment = async (report: PreviewReport) => {
    if (preview && d.prNumber !== undefined)
      await r.upsertStickyComment(d.prNumber, stickyCommentBody(report));
  };
  return {
    started: () =>
      r.write(preview ? previewWrites('started', []) : [{ deployment: 'new', state: 'queued' }], create),
    succeeded: async (result: {
      labelUrl: string;
      revision: string;
      image: string;
      appUrl: string;
      productionRevision?: string;
    }) => {
      if (!preview) {
        const serving = result.productionRevision === result.revision;
        const event: ProductionEvent = serving
          ? { kind: 'serving', appUrl: result.appUrl }
          : { kind: 'deployed' };
        const known = serving ? await r.deployments(PRODUCTION_ENVIRONMENT, d.app, PRODUCTION_SCAN) : [];
        return r.write(productionWrites(event, known), create);
      }
      await r.write(previewWrites('up', [], result.labelUrl), create);
      await comment({
        kind: 'up',
        label,
        sha: r.settings.sha,
        url: result.labelUrl,
        revision: result.revision,
        image: result.image,
        runUrl: r.settings.runUrl,
      });
    },
    failed: async (error: string) => {
      await r.write(
        preview ? previewWrites('failed', []) : productionWrites({ kind: 'deploy-failed' }, []),
        create,
      );
      await comment({ kind: 'failed', label, sha: r.settings.sha, error, runUrl: r.settings.runUrl });
    },
  };
}

export interface BlueGreenFacts {
  command: string;
  app: string;
  /** teardown: pr-<N>. */
  label?: string;
  prNumber?: number;
}

/** blue-green's reports: promote, rollback and teardown record; the other commands record nothing. */
export function blueGreenReporting(r: GitHubReporter, b: BlueGreenFacts) {
  const production = () => r.deployments(PRODUCTION_ENVIRONMENT, b.app, PRODUCTION_SCAN);
  const label = b.label ?? '';
  const comment = async (report: PreviewReport) => {
    if (b.prNumber !== undefined) await r.upsertStickyComment(b.prNumber, stickyCommentBody(report));
  };
  return {
    succeeded: async (result: { appUrl?: string; productionRevision?: string }) => {
      const appUrl = result.appUrl ?? '';
      const create: NewDeployment = {
        environment: PRODUCTION_ENVIRONMENT,
        ref: r.settings.sha,
        description: `${b.command} to ${result.productionRevision ?? b.app}`,
        payload: { app: b.app, revision: result.productionRevision ?? '' },
        production: true,
      };
      if (b.command === 'promote')
        await r.write(productionWrites({ kind: 'promoted', appUrl }, await production()), create);
      else if (b.command === 'rollback')
        await r.write(productionWrites({ kind: 'rolled-back', appUrl }, await production()), create);
      else if (b.command === 'teardown') {
        await r.write(previewWrites('torn-down', await r.deployments(previewEnvironment(label))));
        await comment({ kind: 'torn-down', label, runUrl: r.settings.runUrl });
      }
    },
    failed: async (error: string) => {
      if (b.command === 'promote')
        await r.write(productionWrites({ kind: 'promote-failed' }, await production()));
      else if (b.command === 'teardown')
        await comment({ kind: 'teardown-failed', label, error, runUrl: r.settings.runUrl });
    },
  };
}
