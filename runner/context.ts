// The facts GitHub gives a job of a run, computed once: the `github` and `runner` contexts of its expressions and
// the GITHUB_* and RUNNER_* variables of its steps are the same facts under two spellings (github.ref_name is
// GITHUB_REF_NAME), so both come from one table.
import { DEFAULT_ACTOR, DEFAULT_REPOSITORY, pushEvent, type RunnerEvent } from './events.js';

/** What decides the facts of a job; every field has a local default. */
export interface RunFacts {
  /** Default: a push to main. */
  event?: RunnerEvent;
  repository?: string;
  /** github.actor, GITHUB_ACTOR (default DEFAULT_ACTOR). */
  actor?: string;
  /** GITHUB_RUN_ID, the same for every job and step of a run (default: now, in ms). */
  runId?: string;
  /** GITHUB_WORKFLOW, github.workflow (default `local`). */
  workflow?: string;
  /** The job id (default `run-action`). */
  job?: string;
  /** GITHUB_WORKSPACE, the checkout (absolute). */
  workspace: string;
  /** GITHUB_API_URL (default https://api.github.com): a stand-in GitHub API. */
  apiUrl?: string;
  /** github.token, the job's GITHUB_TOKEN (no variable: a step gets it only through its inputs or env). */
  token?: string;
}

export type RunContext = Required<RunFacts>;

export function runContext(o: RunFacts): RunContext {
  return {
    event: o.event ?? pushEvent('refs/heads/main', '0'.repeat(40)),
    repository: o.repository ?? DEFAULT_REPOSITORY,
    actor: o.actor ?? DEFAULT_ACTOR,
    runId: o.runId ?? String(Date.now()),
    workflow: o.workflow ?? 'local',
    job: o.job ?? 'run-action',
    workspace: o.workspace,
    apiUrl: o.apiUrl ?? 'https://api.github.com',
    token: o.token ?? '',
  };
}

/** The facts by their name in the `github` context; each is also the variable GITHUB_<NAME>. */
function githubFacts(c: RunContext): Record<string, string> {
  const { event } = c;
  return {
    event_name: event.name,
    ref: event.ref,
    ref_name: event.ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    sha: event.sha,
    head_ref: event.headRef ?? '',
    base_ref: event.baseRef ?? '',
    repository: c.repository,
    repository_owner: c.repository.split('/')[0],
    actor: c.actor,
    run_id: c.runId,
    run_number: '1',
    run_attempt: '1',
    job: c.job,
    workflow: c.workflow,
    workspace: c.workspace,
    server_url: 'https://github.com',
    api_url: c.apiUrl,
    graphql_url: 'https://api.github.com/graphql',
  };
}

/** The machine, by its name in the `runner` context; each is also the variable RUNNER_<NAME>. */
const RUNNER = { os: 'Linux', arch: 'X64', name: 'alc-local', environment: 'self-hosted' };

/** The `github` context of the job's expressions: the facts, the event payload and the token. */
export function githubContext(c: RunContext): Record<string, unknown> {
  return { ...githubFacts(c), event: c.event.payload, token: c.token };
}

/** The `runner` context of the job's expressions (a step's own RUNNER_TEMP is made when it starts). */
export function runnerContext(): Record<string, string> {
  return { ...RUNNER, temp: '/tmp' };
}

/** The GITHUB_* and RUNNER_* variables of a step of the job (the file commands and temp dirs are the step's). */
export function contextVariables(c: RunContext): Record<string, string> {
  const spell = (prefix: string, facts: Record<string, string>) =>
    Object.entries(facts).map(([name, value]) => [`${prefix}_${name.toUpperCase()}`, value]);
  return Object.fromEntries([...spell('GITHUB', githubFacts(c)), ...spell('RUNNER', RUNNER)]);
}
