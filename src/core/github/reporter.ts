// GitHub as code, the HTTP part: GitHubReporter writes the sticky comment and the deployment statuses the pure
// modules decide (comment.ts, deployments.ts), on @actions/github's Octokit. Reporting is never the work: a failure
// to report is a warning, never a failed deploy (reportSafely, safeReport). What each action records is in its
// feature: src/deploy/github.ts, src/bluegreen/github.ts (docs: the actions' READMEs, "GitHub reporting").
import type { getOctokit } from '@actions/github';
import type { RunReport } from '../run-entry.js';
import type { InputSource } from '../inputs.js';
import { findStickyComment, GITHUB_ACTIONS_BOT } from './comment.js';
import type { DeploymentState, KnownDeployment, NewDeployment, StatusWrite } from './deployments.js';
import { eventPayloadFromEnv, readGitHubSettings, type GitHubSettings } from './settings.js';

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
