// Runs a workflow file on this machine the way GitHub runs it, closely enough to drive the pipeline end to end:
// the trigger is checked against `on:`, jobs run in `needs` order with their `if:` (status functions
// included), expressions are evaluated by GitHub's own expression library over github, vars, inputs, env,
// steps, needs and job contexts, local actions run through scripts/run-action.ts, `run:` scripts run in
// bash, job outputs and environment URLs are evaluated, and only jobs granted `id-token: write` see the
// OIDC token endpoint. Third-party actions are stood in for by handlers the caller supplies.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { ExpressionData } from '@actions/expressions/data/expressiondata';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { runAction, runScript, type RunActionResult, type RunnerEvent } from './run-action.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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
  outputs?: Record<string, string>;
  env?: Record<string, unknown>;
  steps: StepDoc[];
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
  id: string;
  name: string;
  result: Result;
  outputs: Record<string, string>;
  environment?: { name: string; url: string };
  /** The `sub` claim GitHub puts in this job's OIDC token, when it may ask for one. */
  oidcSubject?: string;
  steps: StepRun[];
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
  oidc?: { url: string; token: string };
  /** Environment of the runner machine (NODE_EXTRA_CA_CERTS, DOCKER_HOST, ...). */
  env?: Record<string, string>;
  source?: 'dist' | 'src';
  /** Stand-ins for third-party actions, by `owner/repo` (the part of `uses:` before '@'). */
  handlers?: Record<string, ActionHandler>;
  /** Called before a job that may request an OIDC token, with the subject GitHub would put in it. */
  beforeJob?: (job: { id: string; oidcSubject?: string }) => Promise<void> | void;
  log?: (line: string) => void;
  /** Print every line the steps print (default: only workflow commands and the step results). */
  verbose?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Expressions

const CONTEXTS = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'steps',
  'needs',
  'job',
  'runner',
  'matrix',
  'strategy',
];
const STATUS = /\b(success|failure|always|cancelled)\s*\(/;

export interface ExpressionState {
  contexts: Record<string, Json>;
  /** Did an earlier step of the job (or a needed job) fail? */
  failed: boolean;
}

function statusFunctions(state: ExpressionState): Map<string, FunctionDefinition> {
  const fn = (name: string, value: () => boolean): [string, FunctionDefinition] => [
    name,
    { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) },
  ];
  return new Map([
    fn('success', () => !state.failed),
    fn('failure', () => state.failed),
    fn('always', () => true),
    fn('cancelled', () => false),
  ]);
}

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, state: ExpressionState): ExpressionData {
  const functions = statusFunctions(state);
  const tokens = new Lexer(expression).lex().tokens;
  const ast = new Parser(tokens, CONTEXTS, [...functions.values()]).parse();
  const contexts = JSON.parse(JSON.stringify(state.contexts), data.reviver) as data.Dictionary;
  return new Evaluator(ast, contexts, functions).evaluate();
}

/** A value with `${{ }}` interpolated, as GitHub renders `with:`, `env:` and `run:` values. */
export function interpolate(value: unknown, state: ExpressionState): string {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => evaluate(expr, state).coerceString());
}

/** An `if:` condition: `${{ }}` optional, and `success() && (...)` unless it calls a status function. */
export function condition(raw: string | undefined, state: ExpressionState): boolean {
  if (raw === undefined || raw === '') return !state.failed;
  const whole = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(raw);
  const expression = whole ? whole[1] : raw;
  const full = STATUS.test(expression) ? expression : `success() && (${expression})`;
  return truthy(evaluate(full, state));
}

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

/** The `sub` claim of a job's GitHub OIDC token. */
export function oidcSubject(repository: string, event: RunnerEvent, environment?: string): string {
  if (environment) return `repo:${repository}:environment:${environment}`;
  if (event.name === 'pull_request' || event.name === 'pull_request_target')
    return `repo:${repository}:pull_request`;
  return `repo:${repository}:ref:${event.ref}`;
}

// ---------------------------------------------------------------------------------------------------
// Running

function githubContext(o: RunWorkflowOptions, repository: string, runId: string, jobId: string): Json {
  const { event } = o;
  return {
    event: event.payload as Json,
    event_name: event.name,
    ref: event.ref,
    ref_name: event.ref.replace(/^refs\/(heads|tags)\//, ''),
    ref_type: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    sha: event.sha,
    head_ref: event.headRef ?? '',
    base_ref: event.baseRef ?? '',
    repository,
    repository_owner: repository.split('/')[0],
    actor: 'alc-demo',
    run_id: runId,
    run_number: '1',
    run_attempt: '1',
    job: jobId,
    workflow: basename(o.workflow),
    workspace: o.workspace,
    server_url: 'https://github.com',
    api_url: 'https://api.github.com',
  };
}

function mapValues(
  values: Record<string, unknown> | undefined,
  state: ExpressionState,
): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, interpolate(v, state)]));
}

export async function runWorkflow(o: RunWorkflowOptions): Promise<WorkflowRun> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const doc = parse(readFileSync(o.workflow, 'utf8')) as WorkflowDoc;
  const file = basename(o.workflow);
  if (!triggers(doc.on, o.event)) throw new Error(`${file} does not run on ${o.event.name} ${o.event.ref}`);
  const repository = o.repository ?? 'alc-algo/alc-algo';
  const runId = String(Date.now());
  const inputs = (o.event.payload.inputs ?? {}) as Json;
  const jobs: JobRun[] = [];
  const needsContext: Record<string, Json> = {};

  for (const jobId of jobOrder(doc.jobs)) {
    const job = doc.jobs[jobId];
    const needed = needsOf(job);
    const base: Record<string, Json> = {
      github: githubContext(o, repository, runId, jobId),
      vars: o.vars ?? {},
      inputs,
      secrets: {},
      matrix: {},
      strategy: {},
      runner: { os: 'Linux', arch: 'X64', temp: '/tmp' },
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
      jobs.push({ id: jobId, name, result: 'skipped', outputs: {}, steps: [] });
      needsContext[jobId] = { result: 'skipped', outputs: {} };
      continue;
    }
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
    const idToken = grantsIdToken(job.permissions ?? doc.permissions);
    const subject = idToken ? oidcSubject(repository, o.event, envName) : undefined;
    log(`  job ${name}${envName ? ` (environment ${envName})` : ''}`);
    await o.beforeJob?.({ id: jobId, oidcSubject: subject });

    const steps: StepRun[] = [];
    const stepsContext: Record<string, Json> = {};
    let exported: Record<string, string> = {};
    let failed = false;
    for (const [index, step] of job.steps.entries()) {
      const id = step.id ?? `__step${index}`;
      const label = step.name ?? step.id ?? step.uses?.split('@')[0] ?? (step.run ?? '').split('\n')[0];
      const contexts = {
        ...base,
        env: { ...jobEnv, ...exported },
        steps: stepsContext,
        job: { status: failed ? 'failure' : 'success' },
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
        job: jobId,
        repository,
        runId,
        oidc: idToken ? o.oidc : undefined,
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
    const endState: ExpressionState = {
      contexts: {
        ...base,
        env: jobEnv,
        steps: stepsContext,
        job: { status: failed ? 'failure' : 'success' },
      },
      failed,
    };
    const outputs = mapValues(job.outputs, endState);
    const result: Result = failed ? 'failure' : 'success';
    const url =
      typeof job.environment === 'object' && job.environment.url
        ? interpolate(job.environment.url, endState)
        : '';
    jobs.push({
      id: jobId,
      name,
      result,
      outputs,
      environment: envName ? { name: envName, url } : undefined,
      oidcSubject: subject,
      steps,
    });
    needsContext[jobId] = { result, outputs };
  }
  const result: Result = jobs.some((j) => j.result === 'failure') ? 'failure' : 'success';
  return { workflow: file, event: o.event.name, result, jobs, durationMs: Date.now() - started };
}

interface StepRunner {
  job: string;
  repository: string;
  runId: string;
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
    event: o.event,
    env,
    workspace: o.workspace,
    repository: r.repository,
    job: r.job,
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
  if (!handler) throw new Error(`no stand-in for the third-party action ${step.uses}`);
  const started = Date.now();
  const res = await handler({
    with: inputs,
    env,
    event: o.event,
    repository: r.repository,
    runId: r.runId,
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

/** Every step summary of a run, in order, as one markdown document. */
export function runSummary(run: WorkflowRun): string {
  const parts: string[] = [];
  for (const job of run.jobs) {
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
