// Runs a workflow file on this machine the way GitHub runs it, closely enough to drive the pipeline end to end:
// the trigger is checked against `on:`, jobs run in `needs` order with their `if:` (status functions
// included), expressions are evaluated by GitHub's own expression library (runner/expressions.ts) over github,
// vars, inputs, env, steps, needs and job contexts, local actions and `run:` scripts run as a runner runs them
// (runner/action.ts) with the job's facts computed once (runner/context.ts), job outputs and environment URLs
// are evaluated, and only jobs granted `id-token: write` see the OIDC token endpoint. A job-level `uses:` of a
// local reusable workflow (`on: workflow_call`) runs that workflow's jobs with `with:` as typed `inputs`
// (defaults, required, types), `secrets:` passed or inherited, the caller's permissions as the ceiling, and the
// called workflow's `outputs` as the calling job's outputs. Third-party actions are stood in for by handlers
// the caller supplies.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { parse } from 'yaml';
import { githubSubject } from '../src/azure/oidc.js';
import { runAction, runScript, type RunActionResult } from './action.js';
import { githubContext, runContext, runnerContext, type RunContext } from './context.js';
import type { RunnerEvent } from './events.js';
import {
  condition,
  interpolate,
  mapValues,
  STATUS,
  withValue,
  type ExpressionState,
  type Json,
} from './expressions.js';

/** A workflow file as YAML gives it (the parts the runner and the workflow checks read). */
export interface StepDoc {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

export interface JobDoc {
  name?: string;
  needs?: string | string[];
  if?: string;
  permissions?: unknown;
  environment?: string | { name: string; url?: string };
  concurrency?: unknown;
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  /** A job that calls a reusable workflow has `uses` (and `with`, `secrets`) instead of steps. */
  steps?: StepDoc[];
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: 'inherit' | Record<string, unknown>;
}

/** One input of `on.workflow_call.inputs` (or `on.workflow_dispatch.inputs`). */
export interface InputDoc {
  description?: string;
  required?: boolean;
  type?: 'string' | 'boolean' | 'number' | 'choice' | 'environment';
  default?: unknown;
  options?: string[];
}

/** `on.workflow_call` of a reusable workflow. */
export interface WorkflowCallDoc {
  inputs?: Record<string, InputDoc | null>;
  outputs?: Record<string, { description?: string; value: string }>;
  secrets?: Record<string, { description?: string; required?: boolean } | null>;
}

export interface WorkflowDoc {
  name?: string;
  on: unknown;
  permissions?: unknown;
  env?: Record<string, unknown>;
  jobs: Record<string, JobDoc>;
}

export type Result = 'success' | 'failure' | 'skipped' | 'cancelled';

export interface StepRun {
  id: string;
  name: string;
  outcome: Result;
  conclusion: Result;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
  durationMs: number;
}

export interface JobRun {
  /** The job id; a job of a called workflow is `<calling job>/<job>`, as GitHub shows it. */
  id: string;
  name: string;
  result: Result;
  outputs: Record<string, string>;
  environment?: { name: string; url: string };
  /** The `sub` claim GitHub puts in this job's OIDC token, when it may ask for one. */
  oidcSubject?: string;
  /** The `job_workflow_ref` claim: the workflow file that defines this job, `<repo>/<path>@<ref>`. */
  jobWorkflowRef?: string;
  steps: StepRun[];
  /** A job that called a reusable workflow: that workflow's file and jobs. */
  workflow?: string;
  jobs?: JobRun[];
}

export interface WorkflowRun {
  workflow: string;
  event: string;
  result: Result;
  jobs: JobRun[];
  durationMs: number;
}

/** What a third-party action handler gets, and gives back instead of running the action. */
export interface HandlerContext {
  with: Record<string, string>;
  /** GITHUB_WORKSPACE of the job (a checkout stand-in may place files there). */
  workspace: string;
  env: Record<string, string>;
  event: RunnerEvent;
  repository: string;
  runId: string;
  log: (line: string) => void;
}

export type ActionHandler = (ctx: HandlerContext) => Promise<{
  outcome: 'success' | 'failure';
  outputs?: Record<string, string>;
  summary?: string;
  errors?: string[];
}>;

export interface RunWorkflowOptions {
  workflow: string;
  event: RunnerEvent;
  vars?: Record<string, string>;
  /** The checkout: GITHUB_WORKSPACE, where `./actions/<name>` and scripts are found. */
  workspace: string;
  repository?: string;
  /** github.actor (default: a neutral local user). */
  actor?: string;
  /**
   * Local checkouts of the repositories a `uses: <owner>/<repo>/<path>@<ref>` names (a reusable workflow or an
   * action), by `owner/repo`; the owner `*` matches any owner (`*\/alc-deploy`). Anything else is refused.
   */
  actionRepos?: Record<string, string>;
  oidc?: { url: string; token: string };
  /** The GitHub API the steps see (GITHUB_API_URL, github.api_url) and the job's token (github.token). */
  github?: { apiUrl: string; token: string };
  /** Environment of the runner machine (NODE_EXTRA_CA_CERTS, DOCKER_HOST, ...). */
  env?: Record<string, string>;
  source?: 'dist' | 'src';
  /** Stand-ins for third-party actions, by `owner/repo` (the part of `uses:` before '@'). */
  handlers?: Record<string, ActionHandler>;
  /** Secrets of the repository (the `secrets` context; a called workflow gets them only as GitHub passes them). */
  secrets?: Record<string, string>;
  /**
   * Called before a job that may request an OIDC token, with the subject and job_workflow_ref GitHub would put in it
   * (and its environment); may answer the job's own token request endpoint (runs played side by side each get theirs).
   */
  beforeJob?: (job: BeforeJob) => Promise<JobOidc | void> | JobOidc | void;
  log?: (line: string) => void;
  /** Print every line the steps print (default: only workflow commands and the step results). */
  verbose?: boolean;
}

/** What beforeJob learns of a job about to start: the claims GitHub would put in its OIDC token. */
export interface BeforeJob {
  id: string;
  oidcSubject?: string;
  /** `<repo>/<path>@<ref>` of the file that defines the job (a called workflow's, when called). */
  jobWorkflowRef?: string;
  /** `<repo>/<path>@<ref>` of the workflow the run started from. */
  workflowRef?: string;
  environment?: string;
}

// ---------------------------------------------------------------------------------------------------
// Remote `uses:`: another repository's reusable workflow or action, from a local checkout

/** A `uses: <owner>/<repo>/<path>@<ref>` resolved to a local checkout. */
export interface RemoteUses {
  /** owner/repo as written. */
  repository: string;
  /** The path inside it (`.github/workflows/reusable-release.yml`, `actions/deploy-app`). */
  path: string;
  /** The ref as written after '@'. */
  ref: string;
  /** The local checkout it maps to. */
  root: string;
}

/** The local checkout mapped to `owner/repo` (an exact key first, then `*\/repo`), if any. */
function checkoutOf(repository: string, actionRepos: Record<string, string>): string | undefined {
  const name = repository.split('/')[1];
  return actionRepos[repository] ?? actionRepos[`*/${name}`];
}

/**
 * Resolves `<owner>/<repo>/<path>@<ref>` to a local checkout of `actionRepos`; throws naming the `--action-repo`
 * mapping that would make it run, for a repository with none. Undefined when `uses` is not of that form.
 */
export function resolveRemoteUses(
  uses: string,
  actionRepos: Record<string, string> = {},
): RemoteUses | undefined {
  const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)\/([^@]+)@(.+)$/.exec(uses);
  if (!m) return undefined;
  const [, repository, path, ref] = m;
  const root = checkoutOf(repository, actionRepos);
  if (!root) {
    const mapped = Object.entries(actionRepos).map(([k, v]) => `${k}=${v}`);
    throw new Error(
      `${uses}: no local checkout of ${repository}: map it with --action-repo ${repository}=<path of a checkout>` +
        ` (mapped: ${mapped.length ? mapped.join(', ') : 'none'})`,
    );
  }
  return { repository, path: path.replace(/\/$/, ''), ref, root };
}

/** A `uses:` ref as GitHub writes it in job_workflow_ref: a sha or full ref as is, else a tag (`v1`: refs/tags/v1). */
export const fullRef = (ref: string) =>
  /^[0-9a-f]{40}$/.test(ref) || ref.startsWith('refs/') ? ref : `refs/tags/${ref}`;

// ---------------------------------------------------------------------------------------------------
// Triggers, job order, permissions

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*|\*|\?)/)
    .map((part) =>
      part === '**'
        ? '.*'
        : part === '*'
          ? '[^/]*'
          : part === '?'
            ? '.'
            : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/** Does this event trigger the workflow's `on:`? */
export function triggers(on: unknown, event: RunnerEvent): boolean {
  const spec: Record<string, unknown> =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((e: string) => [e, null]))
        : ((on ?? {}) as Record<string, unknown>);
  if (!(event.name in spec)) return false;
  const filter = (spec[event.name] ?? {}) as Record<string, string[] | undefined>;
  const action = event.payload.action as string | undefined;
  if (filter.types && action && !filter.types.includes(action)) return false;
  if (event.name === 'push') {
    const tag = event.ref.startsWith('refs/tags/') ? event.ref.slice('refs/tags/'.length) : undefined;
    const branch = event.ref.startsWith('refs/heads/') ? event.ref.slice('refs/heads/'.length) : undefined;
    if (filter.tags && !(tag && filter.tags.some((g) => globToRegExp(g).test(tag)))) {
      return !!(filter.branches && branch && filter.branches.some((g) => globToRegExp(g).test(branch)));
    }
    if (filter.branches && !(branch && filter.branches.some((g) => globToRegExp(g).test(branch)))) {
      return !!(filter.tags && tag && filter.tags.some((g) => globToRegExp(g).test(tag)));
    }
  }
  return true;
}

const needsOf = (job: JobDoc) =>
  job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];

/** Job ids in an order where every job comes after the jobs it needs. */
export function jobOrder(jobs: Record<string, JobDoc>): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (id: string) => {
    if (order.includes(id)) return;
    if (visiting.has(id)) throw new Error(`jobs form a cycle through '${id}'`);
    if (!jobs[id]) throw new Error(`unknown job '${id}' in needs`);
    visiting.add(id);
    for (const need of needsOf(jobs[id])) visit(need);
    visiting.delete(id);
    order.push(id);
  };
  for (const id of Object.keys(jobs)) visit(id);
  return order;
}

function grantsIdToken(permissions: unknown): boolean {
  if (permissions === 'write-all') return true;
  return (
    !!permissions &&
    typeof permissions === 'object' &&
    (permissions as Record<string, string>)['id-token'] === 'write'
  );
}

// ---------------------------------------------------------------------------------------------------
// Reusable workflows

/** `on.workflow_call` of a workflow, or undefined when it cannot be called. */
export function workflowCallOf(on: unknown): WorkflowCallDoc | undefined {
  if (on === 'workflow_call') return {};
  if (Array.isArray(on)) return on.includes('workflow_call') ? {} : undefined;
  if (on && typeof on === 'object' && 'workflow_call' in on) {
    return ((on as Record<string, unknown>).workflow_call ?? {}) as WorkflowCallDoc;
  }
  return undefined;
}

/**
 * The `inputs` context of a called workflow, from the caller's `with:` values (already evaluated), as GitHub
 * builds it: every key must be a declared input, a required input without a default must be given, defaults fill
 * the rest, and each value must fit its type (boolean, number, string). Throws one error listing every problem.
 */
export function callInputs(
  file: string,
  declared: WorkflowCallDoc['inputs'],
  given: Record<string, Json>,
): Record<string, Json> {
  const problems: string[] = [];
  const inputs: Record<string, Json> = {};
  const specs = declared ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in specs)) problems.push(`Invalid input, ${name} is not defined in the referenced workflow.`);
  }
  for (const [name, spec] of Object.entries(specs)) {
    const type = spec?.type ?? 'string';
    const has = name in given;
    if (!has && spec?.required === true && spec.default === undefined) {
      problems.push(`Input ${name} is required, but not provided while calling.`);
      continue;
    }
    const raw: Json = has ? given[name] : ((spec?.default as Json | undefined) ?? null);
    if (raw === null) {
      inputs[name] = type === 'boolean' ? false : type === 'number' ? 0 : '';
      continue;
    }
    if (type === 'boolean') {
      if (typeof raw === 'boolean') inputs[name] = raw;
      else if (typeof raw === 'string' && /^(true|false)$/i.test(raw))
        inputs[name] = raw.toLowerCase() === 'true';
      else problems.push(`Input ${name} is a boolean: got ${JSON.stringify(raw)}.`);
    } else if (type === 'number') {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (Number.isFinite(n)) inputs[name] = n;
      else problems.push(`Input ${name} is a number: got ${JSON.stringify(raw)}.`);
    } else {
      inputs[name] =
        typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    }
  }
  if (problems.length) throw new Error(`${file}: ${problems.join(' ')}`);
  return inputs;
}

/**
 * The `secrets` context of a called workflow: `secrets: inherit` passes every secret of the caller (GitHub allows
 * it within one organisation, as here: the called workflow is in the same repository); a mapping passes the named
 * ones, each declared by the called workflow; a required secret left out is an error.
 */
export function callSecrets(
  file: string,
  declared: WorkflowCallDoc['secrets'],
  passed: 'inherit' | Record<string, string> | undefined,
  callerSecrets: Record<string, string>,
): Record<string, string> {
  if (passed === 'inherit') return { ...callerSecrets };
  const specs = declared ?? {};
  const problems: string[] = [];
  const given = passed ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in specs)) problems.push(`Invalid secret, ${name} is not defined in the referenced workflow.`);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec?.required === true && !(name in given)) {
      problems.push(`Secret ${name} is required, but not provided while calling.`);
    }
  }
  if (problems.length) throw new Error(`${file}: ${problems.join(' ')}`);
  return { ...given };
}

// ---------------------------------------------------------------------------------------------------
// Running

interface Scope {
  o: RunWorkflowOptions;
  /** The facts of the run, the same for every job (runner/context.ts): each job adds its id. */
  run: Omit<RunContext, 'job'>;
  log: (line: string) => void;
  /** The workflow file being run, relative to its repository's root (for job_workflow_ref). */
  path: string;
  /** The repository that holds that file (job.workflow_repository), its ref and commit (job.workflow_sha). */
  workflowRepo: string;
  workflowRef: string;
  workflowSha: string;
  /** `<repo>/<path>@<ref>` of the workflow the run started from (the workflow_ref claim). */
  runWorkflowRef: string;
  inputs: Json;
  secrets: Record<string, string>;
  /** A called workflow's jobs get at most the permissions of the job that called it. */
  ceiling?: unknown;
  /** `<calling job>/` for the jobs of a called workflow. */
  prefix: string;
  depth: number;
}

/** A job's own OIDC token request endpoint (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN). */
export interface JobOidc {
  oidc?: { url: string; token: string };
}

export async function runWorkflow(o: RunWorkflowOptions): Promise<WorkflowRun> {
  const started = Date.now();
  const doc = parse(readFileSync(o.workflow, 'utf8')) as WorkflowDoc;
  const file = basename(o.workflow);
  if (!triggers(doc.on, o.event)) throw new Error(`${file} does not run on ${o.event.name} ${o.event.ref}`);
  const path = relative(o.workspace, o.workflow);
  const repository = runContext({ workspace: o.workspace, repository: o.repository }).repository;
  const scope: Scope = {
    o,
    run: runContext({
      event: o.event,
      repository: o.repository,
      actor: o.actor,
      workflow: file,
      workspace: o.workspace,
      apiUrl: o.github?.apiUrl,
      token: o.github?.token,
    }),
    log: o.log ?? (() => undefined),
    path,
    workflowRepo: repository,
    workflowRef: o.event.ref,
    workflowSha: o.event.sha,
    runWorkflowRef: `${repository}/${path}@${o.event.ref}`,
    inputs: (o.event.payload.inputs ?? {}) as Json,
    secrets: o.secrets ?? {},
    prefix: '',
    depth: 0,
  };
  const jobs = await runJobs(doc, scope);
  const result: Result = jobs.some((j) => j.result === 'failure') ? 'failure' : 'success';
  return { workflow: file, event: o.event.name, result, jobs, durationMs: Date.now() - started };
}

async function runJobs(doc: WorkflowDoc, scope: Scope): Promise<JobRun[]> {
  const { o } = scope;
  const jobs: JobRun[] = [];
  const needsContext: Record<string, Json> = {};

  for (const jobId of jobOrder(doc.jobs)) {
    const job = doc.jobs[jobId];
    const id = `${scope.prefix}${jobId}`;
    const needed = needsOf(job);
    const context = runContext({ ...scope.run, job: jobId });
    const base: Record<string, Json> = {
      github: githubContext(context) as Json,
      vars: o.vars ?? {},
      inputs: scope.inputs,
      secrets: scope.secrets,
      matrix: {},
      strategy: {},
      runner: runnerContext(),
      needs: Object.fromEntries(
        needed.map((n) => [n, needsContext[n] ?? { result: 'skipped', outputs: {} }]),
      ),
    };
    const upstreamFailed = needed.some((n) =>
      ['failure', 'cancelled'].includes(String((needsContext[n] as { result: string }).result)),
    );
    const upstreamSkipped = needed.some((n) => (needsContext[n] as { result: string }).result === 'skipped');
    const jobState: ExpressionState = { contexts: base, failed: upstreamFailed };
    // GitHub skips a job whose needs did not all succeed unless its if: calls a status function.
    const run =
      job.if === undefined || !STATUS.test(job.if)
        ? !upstreamFailed && !upstreamSkipped && condition(job.if, jobState)
        : condition(job.if, jobState);
    const name = job.name ?? jobId;
    if (!run) {
      jobs.push({ id, name, result: 'skipped', outputs: {}, steps: [] });
      needsContext[jobId] = { result: 'skipped', outputs: {} };
      continue;
    }
    const done = job.uses
      ? await callWorkflow(jobId, job, doc, base, scope)
      : await runStepsJob(jobId, job, doc, base, scope, context);
    jobs.push(done);
    needsContext[jobId] = { result: done.result, outputs: done.outputs };
  }
  return jobs;
}

/** A job-level `uses:` of a local reusable workflow: its jobs run here, its outputs become this job's. */
async function callWorkflow(
  jobId: string,
  job: JobDoc,
  doc: WorkflowDoc,
  base: Record<string, Json>,
  scope: Scope,
): Promise<JobRun> {
  const uses = job.uses!;
  const where = `${basename(scope.path)} jobs.${jobId}`;
  const local = /^\.\/.+\.ya?ml$/.test(uses);
  let remote: RemoteUses | undefined;
  try {
    remote = local ? undefined : resolveRemoteUses(uses, scope.o.actionRepos);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
  }
  if (!local && !(remote && /^\.github\/workflows\/[^/]+\.ya?ml$/.test(remote.path))) {
    throw new Error(
      `${where}: a reusable workflow is ./.github/workflows/<file>.yml or <owner>/<repo>/.github/workflows/<file>.yml@<ref>, not ${uses}`,
    );
  }
  if (scope.depth >= 4) throw new Error(`${where}: reusable workflows nest deeper than GitHub's 4 levels`);
  if (job.steps) throw new Error(`${where}: a job that calls a reusable workflow has no steps`);
  const path = remote ? remote.path : uses.slice(2);
  const root = remote ? remote.root : scope.o.workspace;
  const called = parse(readFileSync(join(root, path), 'utf8')) as WorkflowDoc;
  const file = basename(path);
  const call = workflowCallOf(called.on);
  if (!call) throw new Error(`${where}: ${file} does not run on workflow_call`);
  const state: ExpressionState = { contexts: base, failed: false };
  const given = Object.fromEntries(Object.entries(job.with ?? {}).map(([k, v]) => [k, withValue(v, state)]));
  const inputs = callInputs(file, call.inputs, given);
  const passed =
    job.secrets === 'inherit'
      ? 'inherit'
      : job.secrets
        ? Object.fromEntries(Object.entries(job.secrets).map(([k, v]) => [k, interpolate(v, state)]))
        : undefined;
  const secrets = callSecrets(file, call.secrets, passed, scope.secrets);
  const ceiling = job.permissions ?? doc.permissions ?? scope.ceiling;
  if (!grantsIdToken(ceiling)) {
    for (const [nestedId, nested] of Object.entries(called.jobs)) {
      if (grantsIdToken(nested.permissions ?? called.permissions)) {
        throw new Error(
          `${where}: the nested job '${nestedId}' is requesting 'id-token: write', but is only allowed 'id-token: none'`,
        );
      }
    }
  }
  const name = job.name ?? jobId;
  scope.log(
    `  job ${name} calls ${remote ? `${file} of ${remote.repository}@${remote.ref} (${root})` : file}`,
  );
  const nested = await runJobs(called, {
    ...scope,
    path,
    ...(remote
      ? { workflowRepo: remote.repository, workflowRef: fullRef(remote.ref), workflowSha: headSha(root) }
      : {}),
    inputs,
    secrets,
    ceiling,
    prefix: `${scope.prefix}${jobId}/`,
    depth: scope.depth + 1,
  });
  const prefix = `${scope.prefix}${jobId}/`;
  const jobsContext: Record<string, Json> = Object.fromEntries(
    nested.map((n) => [n.id.slice(prefix.length), { result: n.result, outputs: n.outputs }]),
  );
  const outState: ExpressionState = { contexts: { ...base, inputs, jobs: jobsContext }, failed: false };
  const outputs = Object.fromEntries(
    Object.entries(call.outputs ?? {}).map(([k, v]) => [k, interpolate(v?.value, outState)]),
  );
  const result: Result = nested.some((n) => n.result === 'failure' || n.result === 'cancelled')
    ? 'failure'
    : 'success';
  return { id: `${scope.prefix}${jobId}`, name, result, outputs, steps: [], workflow: file, jobs: nested };
}

async function runStepsJob(
  jobId: string,
  job: JobDoc,
  doc: WorkflowDoc,
  base: Record<string, Json>,
  scope: Scope,
  context: RunContext,
): Promise<JobRun> {
  const { o, log } = scope;
  const { repository, event } = context;
  const name = job.name ?? jobId;
  const workflowEnv = mapValues(doc.env, { contexts: base, failed: false });
  const jobEnv = {
    ...workflowEnv,
    ...mapValues(job.env, { contexts: { ...base, env: workflowEnv }, failed: false }),
  };
  const environmentName =
    typeof job.environment === 'string' ? job.environment : (job.environment?.name ?? undefined);
  const envName = environmentName
    ? interpolate(environmentName, { contexts: { ...base, env: jobEnv }, failed: false })
    : undefined;
  const permissions = job.permissions ?? doc.permissions ?? scope.ceiling;
  const idToken = grantsIdToken(permissions) && (scope.ceiling === undefined || grantsIdToken(scope.ceiling));
  const subject = idToken
    ? githubSubject({ repository, eventName: event.name, ref: event.ref, environment: envName })
    : undefined;
  const jobWorkflowRef = `${scope.workflowRepo}/${scope.path}@${scope.workflowRef}`;
  const workflowJob = {
    workflow_repository: scope.workflowRepo,
    workflow_sha: scope.workflowSha,
    workflow_ref: jobWorkflowRef,
    workflow_file_path: scope.path,
  };
  log(`  job ${scope.prefix}${name}${envName ? ` (environment ${envName})` : ''}`);
  const own = await o.beforeJob?.({
    id: `${scope.prefix}${jobId}`,
    oidcSubject: subject,
    jobWorkflowRef,
    workflowRef: scope.runWorkflowRef,
    ...(envName ? { environment: envName } : {}),
  });
  const oidc = own?.oidc ?? o.oidc;

  const steps: StepRun[] = [];
  const stepsContext: Record<string, Json> = {};
  // Each job on its own machine, as on GitHub: its own docker credentials (a `docker login` of one job never
  // reaches another's pushes, even when runs play side by side).
  const dockerConfig = mkdtempSync(join(tmpdir(), 'alc-job-docker-'));
  let exported: Record<string, string> = { DOCKER_CONFIG: dockerConfig };
  let failed = false;
  try {
    for (const [index, step] of (job.steps ?? []).entries()) {
      const id = step.id ?? `__step${index}`;
      const label = step.name ?? step.id ?? step.uses?.split('@')[0] ?? (step.run ?? '').split('\n')[0];
      const contexts = {
        ...base,
        env: { ...jobEnv, ...exported },
        steps: stepsContext,
        job: { status: failed ? 'failure' : 'success', ...workflowJob },
      };
      const state: ExpressionState = { contexts, failed };
      if (!condition(step.if, state)) {
        steps.push({
          id,
          name: label,
          outcome: 'skipped',
          conclusion: 'skipped',
          outputs: {},
          summary: '',
          errors: [],
          durationMs: 0,
        });
        stepsContext[id] = { outcome: 'skipped', conclusion: 'skipped', outputs: {} };
        continue;
      }
      const env = { ...(o.env ?? {}), ...jobEnv, ...exported, ...mapValues(step.env, state) };
      const script = typeof step.run === 'string' ? interpolate(step.run, state) : undefined;
      const result = await runStep(o, step, script, env, mapValues(step.with, state), {
        context,
        oidc: idToken ? oidc : undefined,
        log,
      });
      exported = { ...exported, ...result.exportedEnv };
      const outcome: Result = result.exitCode === 0 ? 'success' : 'failure';
      const conclusion: Result =
        outcome === 'failure' && step['continue-on-error'] === true ? 'success' : outcome;
      if (conclusion === 'failure') failed = true;
      steps.push({
        id,
        name: label,
        outcome,
        conclusion,
        outputs: result.outputs,
        summary: result.summary,
        errors: result.errors,
        durationMs: result.durationMs,
      });
      stepsContext[id] = { outcome, conclusion, outputs: result.outputs };
      log(
        `    ${outcome === 'success' ? 'ok  ' : 'FAIL'} ${label} (${(result.durationMs / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    rmSync(dockerConfig, { recursive: true, force: true });
  }
  const endState: ExpressionState = {
    contexts: {
      ...base,
      env: jobEnv,
      steps: stepsContext,
      job: { status: failed ? 'failure' : 'success', ...workflowJob },
    },
    failed,
  };
  const outputs = mapValues(job.outputs, endState);
  const result: Result = failed ? 'failure' : 'success';
  const url =
    typeof job.environment === 'object' && job.environment.url
      ? interpolate(job.environment.url, endState)
      : '';
  return {
    id: `${scope.prefix}${jobId}`,
    name,
    result,
    outputs,
    environment: envName ? { name: envName, url } : undefined,
    oidcSubject: subject,
    jobWorkflowRef: subject ? jobWorkflowRef : undefined,
    steps,
  };
}

/** Every job that ran steps, called workflows' jobs in place of the job that called them (ids `caller/job`). */
export function flatJobs(jobs: JobRun[]): JobRun[] {
  return jobs.flatMap((j) => (j.jobs ? flatJobs(j.jobs) : [j]));
}

interface StepRunner {
  context: RunContext;
  oidc?: { url: string; token: string };
  log: (line: string) => void;
}

async function runStep(
  o: RunWorkflowOptions,
  step: StepDoc,
  script: string | undefined,
  env: Record<string, string>,
  inputs: Record<string, string>,
  r: StepRunner,
): Promise<RunActionResult> {
  const common = {
    ...r.context,
    env,
    oidc: r.oidc,
    onLine: (line: string) => {
      if (o.verbose || /^::(error|warning)/.test(line)) r.log(`         ${line}`);
    },
  };
  if (script !== undefined) return runScript({ ...common, script });
  if (!step.uses) throw new Error(`a step has neither run nor uses`);
  if (step.uses.startsWith('./')) {
    return runAction({ ...common, action: join(o.workspace, step.uses), inputs, source: o.source });
  }
  const key = step.uses.split('@')[0];
  const handler = o.handlers?.[key];
  if (!handler) {
    const remote = resolveRemoteUses(step.uses, o.actionRepos);
    if (remote) {
      r.log(`         ${step.uses} is ${join(remote.root, remote.path)}`);
      return runAction({ ...common, action: join(remote.root, remote.path), inputs, source: o.source });
    }
    throw new Error(`no stand-in for the third-party action ${step.uses}`);
  }
  const started = Date.now();
  const res = await handler({
    with: inputs,
    workspace: r.context.workspace,
    env,
    event: r.context.event,
    repository: r.context.repository,
    runId: r.context.runId,
    log: r.log,
  });
  return {
    exitCode: res.outcome === 'success' ? 0 : 1,
    outputs: res.outputs ?? {},
    droppedOutputs: [],
    summary: res.summary ?? '',
    stdout: '',
    stderr: '',
    annotations: (res.errors ?? []).map((message) => ({ level: 'error' as const, message, properties: {} })),
    errors: res.errors ?? [],
    exportedEnv: {},
    durationMs: Date.now() - started,
  };
}

/** The commit a local checkout is at (job.workflow_sha of a called workflow), or zeros when it is not a git one. */
function headSha(root: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '0'.repeat(40);
  }
}

/** Every step summary of a run, in order, as one markdown document. */
export function runSummary(run: WorkflowRun): string {
  const parts: string[] = [];
  for (const job of flatJobs(run.jobs)) {
    if (job.result === 'skipped') continue;
    parts.push(
      `### ${run.workflow} › ${job.name}: ${job.result}${job.environment?.url ? ` — ${job.environment.url}` : ''}`,
    );
    parts.push('', '| step | outcome | time |', '|---|---|---|');
    for (const s of job.steps)
      parts.push(
        `| ${s.name.replace(/\|/g, '\\|')} | ${s.outcome} | ${(s.durationMs / 1000).toFixed(1)} s |`,
      );
    parts.push('');
    for (const s of job.steps) {
      if (s.summary.trim()) parts.push(s.summary.trim(), '');
      for (const e of s.errors) parts.push(`> **error** (${s.name}): ${e}`, '');
    }
  }
  return parts.join('\n');
}
