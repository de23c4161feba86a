// Running a workflow of any repository on this machine, against a simulator: the one function the workflow CLI
// (runner/cli.ts workflow ...) and the demo (demo/run.ts) call. It adds to runWorkflow (runner/workflow.ts) what a
// local run needs: the stand-ins of the third-party actions the pipeline's workflows use (checkout, setup-buildx),
// local checkouts for `uses: <owner>/alc-deploy/...@ref` (this checkout unless told otherwise), and for each job
// that may ask for an OIDC token its own token request endpoint, whose tokens carry that job's claims (registered
// with the simulator's GitHub OIDC stand-in, in process or over its admin endpoint).
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { isRunnerEnvName } from '../sim/env-file.js';
import { registerGithubJobAt } from '../sim/github-jobs.js';
import type { RunnerJob } from '../sim/identity.js';
import { REPO_ROOT } from './action.js';
import { runContext } from './context.js';
import { runWorkflow, type ActionHandler, type RunWorkflowOptions, type WorkflowRun } from './workflow.js';

/** Registers a job with the GitHub OIDC stand-in; answers the job's token request endpoint. */
export type RegisterJob = (
  job: RunnerJob,
) => Promise<{ url: string; token: string }> | { url: string; token: string };

export interface LocalRunOptions extends Omit<
  RunWorkflowOptions,
  'beforeJob' | 'workflow' | 'workspace' | 'actionRepos'
> {
  /** The workflow file: absolute, or relative to the workspace (`.github/workflows/release.yml`). */
  workflow: string;
  /** The checkout of the repository being run (its .github/workflows, deploy/ spec, Dockerfile). */
  workspace: string;
  /** Local checkouts by `owner/repo` (`*` for any owner); `*\/alc-deploy` defaults to this checkout. */
  actionRepos?: Record<string, string>;
  /** Each job that may ask for an OIDC token gets its own endpoint from here (else the shared `oidc`). */
  registerJob?: RegisterJob;
}

/** The repositories `uses:` may name: `*\/alc-deploy` is this checkout unless one is mapped. */
export function withDefaultActionRepos(actionRepos: Record<string, string> = {}): Record<string, string> {
  if (Object.keys(actionRepos).some((k) => k.split('/')[1] === 'alc-deploy')) return actionRepos;
  return { ...actionRepos, '*/alc-deploy': REPO_ROOT };
}

/** Runs a workflow of `workspace` the way GitHub would, with the local stand-ins and per-job OIDC endpoints. */
export async function runLocalWorkflow(o: LocalRunOptions): Promise<WorkflowRun> {
  const workspace = resolve(o.workspace);
  const workflow = isAbsolute(o.workflow) ? o.workflow : join(workspace, o.workflow);
  const actionRepos = withDefaultActionRepos(o.actionRepos);
  const repository = runContext({ workspace, repository: o.repository }).repository;
  const { registerJob, ...rest } = o;
  return runWorkflow({
    ...rest,
    workflow,
    workspace,
    actionRepos,
    handlers: { ...standIns(actionRepos), ...o.handlers },
    beforeJob: async ({ oidcSubject, jobWorkflowRef, workflowRef, environment }) =>
      oidcSubject && registerJob
        ? {
            oidc: await registerJob({
              repository,
              eventName: o.event.name,
              ref: o.event.ref,
              sha: o.event.sha,
              ...(o.actor ? { actor: o.actor } : {}),
              ...(environment ? { environment } : {}),
              ...(jobWorkflowRef ? { jobWorkflowRef } : {}),
              ...(workflowRef ? { workflowRef } : {}),
            }),
          }
        : undefined,
  });
}

/**
 * The third-party actions of the pipeline's workflows, stood in for. The workspace is the run's checkout; a
 * checkout of a repository into a path (alc-deploy beside the caller's tree, as the reusable workflows do) links the
 * local checkout `actionRepos` maps it to (the run's own repository, unmapped: the workspace).
 */
export function standIns(actionRepos: Record<string, string>): Record<string, ActionHandler> {
  return {
    'actions/checkout': async (ctx) => {
      const repository = ctx.with.repository || ctx.repository;
      const path = ctx.with.path?.replace(/^\.\//, '');
      const root =
        actionRepos[repository] ??
        actionRepos[`*/${repository.split('/')[1]}`] ??
        (repository === ctx.repository ? ctx.workspace : undefined);
      if (!root) {
        return {
          outcome: 'failure',
          errors: [
            `actions/checkout of ${repository}: no local checkout of it: map it with --action-repo ${repository}=<path>`,
          ],
        };
      }
      if (!path) {
        return root === ctx.workspace || repository === ctx.repository
          ? { outcome: 'success' }
          : {
              outcome: 'failure',
              errors: [
                `actions/checkout of ${repository} into the workspace itself: only the run's own repository`,
              ],
            };
      }
      if (!existsSync(join(ctx.workspace, path))) symlinkSync(root, join(ctx.workspace, path));
      return { outcome: 'success' };
    },
    'docker/setup-buildx-action': async () => ({ outcome: 'success' }),
  };
}

// ---------------------------------------------------------------------------------------------------
// A running simulator: its env file (`npm run sim -- --sim-env FILE`) and its job registration endpoint

export interface SimEnv {
  /** Repository variables (the `vars` context). */
  vars: Record<string, string>;
  /** The runner machine's environment (CA, Docker, the OIDC endpoint, the simulator's admin endpoint). */
  env: Record<string, string>;
}

/** Parses a simulator env file: `NAME=value` lines, `#` comments, matching quotes around a value stripped. */
export function parseSimEnv(text: string, file = 'env file'): SimEnv {
  const out: SimEnv = { vars: {}, env: {} };
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m) throw new Error(`${file}:${i + 1}: not NAME=value: ${line}`);
    const quoted = /^(['"])(.*)\1$/.exec(m[2]);
    const value = quoted ? quoted[2] : m[2];
    (isRunnerEnvName(m[1]) ? out.env : out.vars)[m[1]] = value;
  }
  return out;
}

export function readSimEnv(file: string): SimEnv {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`--sim-env ${file}: no such file (npm run sim -- --sim-env ${file} writes it)`);
  }
  return parseSimEnv(text, file);
}

/**
 * Registers jobs over a running simulator's admin endpoint (sim/github-jobs.ts, POST <ALC_SIM_ADMIN_URL>/github/jobs),
 * trusting its CA: what `--sim-env` gives the CLI. Undefined when the env lacks the admin endpoint or the CA.
 */
export function simJobRegistrar(env: Record<string, string>): RegisterJob | undefined {
  const caPath = env.NODE_EXTRA_CA_CERTS;
  if (!env.ALC_SIM_ADMIN_URL || !env.ALC_SIM_ADMIN_TOKEN || !caPath) return undefined;
  const ca = readFileSync(caPath, 'utf8');
  return (job) => registerGithubJobAt(env, ca, job);
}
