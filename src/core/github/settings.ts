// The runner's side of GitHub reporting: the optional `github-token` input and the runner's variables
// (GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_API_URL, GITHUB_RUN_ID, GITHUB_SHA, the event payload at
// GITHUB_EVENT_PATH) as the settings every report uses.
import { InputError, type InputSource } from '../inputs.js';

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

/** The event payload of this run (GITHUB_EVENT_PATH), or undefined when there is none to read. */
export function eventPayloadFromEnv(env: NodeJS.ProcessEnv, readFile: (path: string) => string): unknown {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    return JSON.parse(readFile(env.GITHUB_EVENT_PATH));
  } catch {
    return undefined;
  }
}
