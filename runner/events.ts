// The events that start a run, as GitHub delivers them: the event name, ref and sha of the run, and the payload a
// step reads from GITHUB_EVENT_PATH (push, pull_request with its head and base, workflow_dispatch with its inputs).
import { randomBytes } from 'node:crypto';

/** The repository the runs are for, unless told otherwise (`--repository`): a neutral name. */
export const DEFAULT_REPOSITORY = 'local/repository';

/** Who started the run (github.actor), unless told otherwise (`--actor`). */
export const DEFAULT_ACTOR = 'local-user';

/** The event that triggered the run. */
export interface RunnerEvent {
  name: string;
  ref: string;
  sha: string;
  payload: Record<string, unknown>;
  headRef?: string;
  baseRef?: string;
}

/** A commit sha nobody has seen (40 hex digits). */
export const randomSha = () => randomBytes(20).toString('hex');

export function pushEvent(
  ref: string,
  sha: string = randomSha(),
  repository = DEFAULT_REPOSITORY,
): RunnerEvent {
  return {
    name: 'push',
    ref,
    sha,
    payload: {
      ref,
      after: sha,
      before: '0'.repeat(40),
      repository: repositoryPayload(repository),
      created: true,
    },
  };
}

export interface PullRequestEventOptions {
  number: number;
  action?: 'opened' | 'synchronize' | 'reopened' | 'closed';
  headSha?: string;
  headRef?: string;
  baseRef?: string;
  title?: string;
  merged?: boolean;
  /** The head repository; a different one than `repository` makes it a fork. */
  headRepository?: string;
  repository?: string;
}

export function pullRequestEvent(o: PullRequestEventOptions): RunnerEvent {
  const repository = o.repository ?? DEFAULT_REPOSITORY;
  const headRepo = o.headRepository ?? repository;
  const headSha = o.headSha ?? randomSha();
  const mergeSha = randomSha();
  const headRef = o.headRef ?? `feature/pr-${o.number}`;
  const baseRef = o.baseRef ?? 'main';
  return {
    name: 'pull_request',
    ref: `refs/pull/${o.number}/merge`,
    sha: mergeSha,
    headRef,
    baseRef,
    payload: {
      action: o.action ?? 'opened',
      number: o.number,
      pull_request: {
        number: o.number,
        title: o.title ?? `Pull request ${o.number}`,
        state: o.action === 'closed' ? 'closed' : 'open',
        merged: o.merged ?? false,
        merge_commit_sha: mergeSha,
        head: {
          ref: headRef,
          sha: headSha,
          repo: { ...repositoryPayload(headRepo), fork: headRepo !== repository },
        },
        base: { ref: baseRef, sha: randomSha(), repo: repositoryPayload(repository) },
      },
      repository: repositoryPayload(repository),
    },
  };
}

export function workflowDispatchEvent(
  ref: string,
  inputs: Record<string, string>,
  sha: string = randomSha(),
  repository = DEFAULT_REPOSITORY,
): RunnerEvent {
  return {
    name: 'workflow_dispatch',
    ref,
    sha,
    payload: { ref, inputs, repository: repositoryPayload(repository) },
  };
}

function repositoryPayload(fullName: string): Record<string, unknown> {
  const [owner, name] = fullName.split('/');
  return { full_name: fullName, name, owner: { login: owner }, fork: false, default_branch: 'main' };
}
