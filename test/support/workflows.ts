// Static checks of the GitHub workflows: GitHub's own parser, a script-injection lint, the consistency of
// every local action call with its action.yml, pinned third-party actions and least permissions.
// Each check returns findings (strings); an empty list means the workflow passes.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  workflowCallOf,
  type InputDoc,
  type JobDoc,
  type StepDoc,
  type WorkflowDoc,
} from '../../runner/workflow.js';
import { AZURE_INPUT_FALLBACKS } from '../../src/core/inputs.js';

export interface Workflow {
  file: string;
  text: string;
  doc: WorkflowDoc;
}

export interface ActionMeta {
  inputs: Record<string, { required: boolean; hasDefault: boolean }>;
  outputs: string[];
}

export function parseWorkflowText(file: string, text: string): Workflow {
  return { file, text, doc: parse(text) as WorkflowDoc };
}

export function loadWorkflows(root: string): Workflow[] {
  const dir = join(root, '.github', 'workflows');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => parseWorkflowText(f, readFileSync(join(dir, f), 'utf8')));
}

export function parseActionMeta(text: string): ActionMeta {
  const doc = parse(text) as {
    inputs?: Record<string, { required?: boolean; default?: unknown } | null>;
    outputs?: Record<string, unknown>;
  };
  const inputs: ActionMeta['inputs'] = {};
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    inputs[name] = { required: spec?.required === true, hasDefault: spec?.default !== undefined };
  }
  return { inputs, outputs: Object.keys(doc.outputs ?? {}) };
}

/** Metadata of the local actions, by the path a workflow uses them with (`./actions/<name>`). */
export function loadLocalActions(root: string): Map<string, ActionMeta> {
  const actions = new Map<string, ActionMeta>();
  for (const name of readdirSync(join(root, 'actions'))) {
    const file = join(root, 'actions', name, 'action.yml');
    if (existsSync(file)) actions.set(`./actions/${name}`, parseActionMeta(readFileSync(file, 'utf8')));
  }
  return actions;
}

// ---------------------------------------------------------------------------------------------------
// GitHub's parser

/**
 * Errors GitHub's own workflow parser reports (schema, expressions, job graph). With `root`, a job-level
 * `uses: ./.github/workflows/x.yml` is loaded from there, so the parser also checks the call against the called
 * workflow (its inputs, their types, its outputs), as GitHub does when the run starts.
 */
export async function githubParserErrors(file: string, text: string, root?: string): Promise<string[]> {
  const result = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  if (result.value && result.context.errors.count === 0) {
    const files = root
      ? {
          getFileContent: async (ref: FileReference) => {
            if (!('path' in ref) || 'repository' in ref)
              throw new Error(`only local reusable workflows here`);
            return { name: ref.path, content: readFileSync(join(root, ref.path), 'utf8') };
          },
        }
      : undefined;
    await convertWorkflowTemplate(
      result.context,
      result.value,
      files,
      root ? { fetchReusableWorkflowDepth: 1 } : undefined,
    );
  }
  return result.context.errors.getErrors().map((e) => e.message);
}

/** Errors GitHub's own action-metadata parser reports for an action.yml. */
export function githubActionErrors(file: string, text: string): string[] {
  const result = parseAction({ name: file, content: text }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

// ---------------------------------------------------------------------------------------------------
// Expressions

/** The `${{ ... }}` bodies in a text. */
export function expressionsIn(text: string): string[] {
  return [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1].trim());
}

const CONTEXTS = 'github|env|vars|secrets|inputs|steps|needs|matrix|strategy|runner|jobs|job';
const REFERENCE = new RegExp(`(?<![\\w.-])(?:${CONTEXTS})(?:\\.[A-Za-z_*][\\w-]*|\\[[^\\]]*\\])*`, 'g');

/** Context paths an expression reads (`github.event.pull_request.title`, `steps.x.outputs.y`); string literals ignored. */
export function contextReferences(expression: string): string[] {
  const code = expression.replace(/\[\s*'([\w-]+)'\s*\]/g, '.$1').replace(/'(?:[^']|'')*'/g, "''");
  return [...code.matchAll(REFERENCE)].map((m) => m[0]);
}

/** Data a workflow may interpolate into a script: set by the repository or the runner, never by an event's author. */
const TRUSTED: RegExp[] = [
  /^github\.(sha|run_id|run_number|run_attempt|repository|repository_id|repository_owner|workspace|server_url|api_url|graphql_url|job|event_name|actor|actor_id|workflow|ref_type|action_path|retention_days)$/,
  /^github\.event\.(number|after|before|pull_request\.(number|head\.sha|base\.sha|head\.repo\.fork))$/,
  /^(vars|secrets|runner|matrix|strategy)(\..+)?$/,
  /^job\.status$/,
  /^steps\.[\w-]+\.(outcome|conclusion)$/,
  /^needs\.[\w-]+\.result$/,
];

function whyUntrusted(reference: string): string | undefined {
  if (TRUSTED.some((re) => re.test(reference))) return undefined;
  if (/^github\.(event|head_ref|ref|ref_name|base_ref)\b/.test(reference)) {
    return 'the event or whoever pushed the branch or tag controls it';
  }
  if (/^(inputs|github\.event\.inputs)\b/.test(reference)) return 'whoever runs the workflow types it';
  if (/^(steps|needs)\./.test(reference)) return 'a step may have copied untrusted text into it';
  if (/^env\./.test(reference)) return 'an environment variable may carry untrusted text';
  return 'it is not on the list of trusted contexts';
}

interface ScriptSink {
  where: string;
  script: string;
}

function scriptSinks(wf: Workflow): ScriptSink[] {
  const sinks: ScriptSink[] = [];
  for (const [jobId, job] of Object.entries(wf.doc.jobs ?? {})) {
    (job.steps ?? []).forEach((step, i) => {
      const where = `${wf.file} jobs.${jobId}.steps[${i}]${step.id ? ` (${step.id})` : ''}`;
      if (typeof step.run === 'string') sinks.push({ where: `${where} run`, script: step.run });
      if (step.uses?.startsWith('actions/github-script@') && typeof step.with?.script === 'string') {
        sinks.push({ where: `${where} github-script`, script: step.with.script });
      }
    });
  }
  return sinks;
}

/** Untrusted data interpolated into a `run:` script or a github-script `script:` (code injection). */
export function injectionFindings(wf: Workflow): string[] {
  const findings: string[] = [];
  for (const { where, script } of scriptSinks(wf)) {
    for (const expression of expressionsIn(script)) {
      for (const reference of contextReferences(expression)) {
        const why = whyUntrusted(reference);
        if (why) {
          findings.push(
            `${where}: \${{ ${expression} }} reads ${reference}, and ${why}; pass it through env: and use "$NAME"`,
          );
        }
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Consistency of local actions, step and job outputs

function needsOf(job: JobDoc): string[] {
  if (job.needs === undefined) return [];
  return Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Expressions in a value; an `if:` is an expression even without `${{ }}`. */
function expressionsOf(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const inside = expressionsIn(value);
    return key === 'if' && inside.length === 0 ? [value] : inside;
  }
  if (Array.isArray(value)) return value.flatMap((v) => expressionsOf(v));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'steps' ? [] : expressionsOf(v, k)));
  }
  return [];
}

function stepOutputs(step: StepDoc, actions: Map<string, ActionMeta>): string[] | undefined {
  const local = step.uses ? localAction(step.uses) : undefined;
  if (local && actions.has(local.key)) return actions.get(local.key)!.outputs;
  if (step.uses?.startsWith('actions/github-script@')) return ['result'];
  if (typeof step.run === 'string' && step.run.includes('GITHUB_OUTPUT')) {
    return [...step.run.matchAll(/([A-Za-z_][\w-]*)(?:=|<<)/g)].map((m) => m[1]);
  }
  return undefined;
}

function referenceFindings(
  where: string,
  expressions: string[],
  job: JobDoc,
  jobs: Record<string, JobDoc>,
  earlierSteps: StepDoc[],
  actions: Map<string, ActionMeta>,
): string[] {
  const findings: string[] = [];
  for (const expression of expressions) {
    for (const ref of contextReferences(expression)) {
      const step = /^steps\.([\w-]+)(?:\.(outputs|outcome|conclusion)(?:\.([\w-]+))?)?$/.exec(ref);
      if (step) {
        const [, id, kind, name] = step;
        const target = earlierSteps.find((s) => s.id === id);
        if (!target) {
          findings.push(`${where}: ${ref}: no earlier step has id '${id}'`);
        } else if (kind === 'outputs' && name) {
          const outputs = stepOutputs(target, actions);
          if (!outputs) findings.push(`${where}: ${ref}: cannot tell which outputs step '${id}' has`);
          else if (!outputs.includes(name)) {
            findings.push(
              `${where}: ${ref}: step '${id}' has no output '${name}' (it has: ${outputs.join(', ')})`,
            );
          }
        }
        continue;
      }
      const need = /^needs\.([\w-]+)(?:\.(outputs|result)(?:\.([\w-]+))?)?$/.exec(ref);
      if (need) {
        const [, id, kind, name] = need;
        if (!needsOf(job).includes(id))
          findings.push(`${where}: ${ref}: job '${id}' is not in this job's needs`);
        else if (!jobs[id]) findings.push(`${where}: ${ref}: there is no job '${id}'`);
        else if (kind === 'outputs' && name && !Object.keys(jobs[id].outputs ?? {}).includes(name)) {
          findings.push(`${where}: ${ref}: job '${id}' declares no output '${name}'`);
        }
      }
    }
  }
  return findings;
}

/**
 * A local action path as the actions map knows it: `./actions/<name>`, or `./<dir>/actions/<name>` for this
 * project's actions checked out into `<dir>` (a reusable workflow checks alc-deploy out beside the caller's tree).
 */
export function localAction(uses: string): { key: string; dir: string } | undefined {
  const m = /^\.\/(?:([\w.-]+)\/)?(actions\/[\w.-]+)$/.exec(uses);
  return m ? { key: `./${m[2]}`, dir: m[1] ?? '' } : undefined;
}

function localActionFindings(
  where: string,
  step: StepDoc,
  meta: ActionMeta | undefined,
  checkedOut: boolean,
): string[] {
  if (!meta) return [`${where}: ${step.uses} has no action.yml`];
  const findings: string[] = [];
  if (!checkedOut) findings.push(`${where}: ${step.uses} is used before actions/checkout in this job`);
  const given = Object.keys(step.with ?? {});
  for (const key of given) {
    if (!meta.inputs[key]) findings.push(`${where}: ${step.uses} has no input '${key}'`);
  }
  for (const [name, input] of Object.entries(meta.inputs)) {
    if (input.required && !input.hasDefault && !given.includes(name)) {
      findings.push(`${where}: ${step.uses} requires input '${name}'`);
    }
  }
  return findings;
}

/** The reusable workflow a job calls (`uses: ./.github/workflows/<file>`), by its file name. */
export function calledFile(job: JobDoc): string | undefined {
  const m = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(job.uses ?? '');
  return m?.[1];
}

/** The inputs a workflow declares: `on.workflow_call.inputs` and `on.workflow_dispatch.inputs`. */
export function declaredInputs(wf: Workflow): Record<string, InputDoc> {
  const on = wf.doc.on;
  if (!on || typeof on !== 'object' || Array.isArray(on)) return {};
  const inputs: Record<string, InputDoc> = {};
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    const spec = (on as Record<string, { inputs?: Record<string, InputDoc | null> } | null>)[trigger];
    for (const [name, input] of Object.entries(spec?.inputs ?? {})) inputs[name] = input ?? {};
  }
  return inputs;
}

/** A job-level call of a reusable workflow against what that workflow declares (inputs, types, required). */
function callFindings(where: string, job: JobDoc, workflows: Map<string, Workflow>): string[] {
  const file = calledFile(job);
  if (!file)
    return [
      `${where}: ${job.uses} is not a reusable workflow of this repository (./.github/workflows/<file>.yml)`,
    ];
  const called = workflows.get(file);
  if (!called) return [`${where}: ${job.uses} does not exist`];
  const call = workflowCallOf(called.doc.on);
  if (!call) return [`${where}: ${file} has no on: workflow_call`];
  const findings: string[] = [];
  const declared = call.inputs ?? {};
  for (const [name, value] of Object.entries(job.with ?? {})) {
    const input = declared[name];
    if (!(name in declared)) {
      findings.push(`${where}: ${file} has no input '${name}'`);
      continue;
    }
    const type = input?.type ?? 'string';
    const literal = typeof value !== 'string' || expressionsIn(value).length === 0;
    if (literal && type === 'boolean' && typeof value !== 'boolean')
      findings.push(`${where}: input '${name}' of ${file} is a boolean, given ${JSON.stringify(value)}`);
    if (literal && type === 'number' && typeof value !== 'number')
      findings.push(`${where}: input '${name}' of ${file} is a number, given ${JSON.stringify(value)}`);
  }
  for (const [name, input] of Object.entries(declared)) {
    if (input?.required === true && input.default === undefined && !(name in (job.with ?? {})))
      findings.push(`${where}: ${file} requires input '${name}'`);
  }
  if (job.steps) findings.push(`${where}: a job that calls a reusable workflow has no steps`);
  return findings;
}

/** `inputs.X` read where X is not declared, and workflow_call outputs mapped from jobs or outputs that are not there. */
function workflowInterfaceFindings(wf: Workflow): string[] {
  const findings: string[] = [];
  const inputs = declaredInputs(wf);
  const inputRefs = new Set(
    expressionsOf(wf.doc.jobs).flatMap((e) =>
      contextReferences(e).flatMap((r) => /^inputs\.([\w-]+)/.exec(r)?.[1] ?? []),
    ),
  );
  const steps = Object.values(wf.doc.jobs ?? {}).flatMap((j) => j.steps ?? []);
  for (const e of steps.flatMap((st) => expressionsOf(st)))
    for (const r of contextReferences(e)) {
      const m = /^inputs\.([\w-]+)/.exec(r);
      if (m) inputRefs.add(m[1]);
    }
  for (const name of inputRefs) {
    if (!(name in inputs)) findings.push(`${wf.file}: reads inputs.${name}, which no trigger declares`);
  }
  const call = workflowCallOf(wf.doc.on);
  for (const [name, output] of Object.entries(call?.outputs ?? {})) {
    for (const ref of expressionsIn(output?.value ?? '').flatMap(contextReferences)) {
      const m = /^jobs\.([\w-]+)\.outputs\.([\w-]+)$/.exec(ref);
      if (!m) {
        findings.push(
          `${wf.file}: output '${name}' reads ${ref}; a workflow_call output maps jobs.<job>.outputs.<name>`,
        );
        continue;
      }
      const job = wf.doc.jobs?.[m[1]];
      if (!job) findings.push(`${wf.file}: output '${name}' reads ${ref}: there is no job '${m[1]}'`);
      else if (!Object.keys(job.outputs ?? {}).includes(m[2]))
        findings.push(
          `${wf.file}: output '${name}' reads ${ref}: job '${m[1]}' declares no output '${m[2]}'`,
        );
    }
  }
  return findings;
}

/**
 * Local action calls against their action.yml, reusable-workflow calls against the called workflow's inputs and
 * outputs, every input read against the triggers' declarations, and every step and job output a workflow reads.
 */
export function consistencyFindings(
  wf: Workflow,
  actions: Map<string, ActionMeta>,
  workflows: Map<string, Workflow> = new Map(),
): string[] {
  const findings: string[] = workflowInterfaceFindings(wf);
  // A job that calls a reusable workflow has the called workflow's outputs.
  const jobs: Record<string, JobDoc> = Object.fromEntries(
    Object.entries(wf.doc.jobs ?? {}).map(([id, job]) => {
      if (!job.uses) return [id, job];
      const called = workflows.get(calledFile(job) ?? '');
      const outputs = workflowCallOf(called?.doc.on)?.outputs ?? {};
      return [id, { ...job, outputs: Object.fromEntries(Object.keys(outputs).map((k) => [k, ''])) }];
    }),
  );
  for (const [jobId, job] of Object.entries(jobs)) {
    if (job.uses) findings.push(...callFindings(`${wf.file} jobs.${jobId}`, wf.doc.jobs[jobId], workflows));
    for (const need of needsOf(job)) {
      if (!jobs[need]) findings.push(`${wf.file} jobs.${jobId}: needs unknown job '${need}'`);
    }
    const steps = job.steps ?? [];
    const checkedOut = new Set<string>();
    steps.forEach((step, i) => {
      const where = `${wf.file} jobs.${jobId}.steps[${i}]${step.id ? ` (${step.id})` : ''}`;
      const local = step.uses ? localAction(step.uses) : undefined;
      if (local) {
        findings.push(...localActionFindings(where, step, actions.get(local.key), checkedOut.has(local.dir)));
      } else if (step.uses?.startsWith('./')) {
        findings.push(`${where}: ${step.uses} has no action.yml`);
      }
      if (step.uses?.startsWith('actions/checkout@')) {
        checkedOut.add(String(step.with?.path ?? '').replace(/^\.\/|\/$/g, ''));
      }
      findings.push(...referenceFindings(where, expressionsOf(step), job, jobs, steps.slice(0, i), actions));
    });
    const jobLevel = expressionsOf({ ...wf.doc.jobs[jobId], steps: undefined });
    findings.push(...referenceFindings(`${wf.file} jobs.${jobId}`, jobLevel, job, jobs, steps, actions));
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Pinned third-party actions and permissions

/** Every third-party `uses:` pinned to a full commit SHA, with the version in a comment. */
export function pinningFindings(wf: Workflow): string[] {
  const findings: string[] = [];
  wf.text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/.exec(line);
    if (!m || m[2].startsWith('./')) return;
    const [, , ref, comment] = m;
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref))
        findings.push(`${wf.file}:${i + 1}: ${ref} is not pinned by digest`);
    } else if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(ref)) {
      findings.push(`${wf.file}:${i + 1}: ${ref} is not pinned to a full 40-hex commit SHA`);
    } else if (!comment || !/v\d/.test(comment)) {
      findings.push(`${wf.file}:${i + 1}: ${ref} has no '# vX.Y.Z' comment naming its version`);
    }
  });
  return findings;
}

function grants(permissions: unknown, scope: string, level: string): boolean {
  if (permissions === `${level}-all`) return true;
  return (
    !!permissions &&
    typeof permissions === 'object' &&
    (permissions as Record<string, string>)[scope] === level
  );
}

function jobCallsAzure(
  job: JobDoc,
  actions: Map<string, ActionMeta>,
  workflows: Map<string, Workflow>,
): boolean {
  if (job.uses) {
    const called = workflows.get(calledFile(job) ?? '');
    return Object.values(called?.doc.jobs ?? {}).some((j) => jobCallsAzure(j, actions, workflows));
  }
  return (job.steps ?? []).some((s) => {
    const local = s.uses ? localAction(s.uses) : undefined;
    return !!local && !!actions.get(local.key)?.inputs['client-id'];
  });
}

/**
 * Least privilege: the workflow grants nothing by default, every job says what it needs, id-token: write goes
 * exactly to the jobs that call Azure (a local action taking client-id, or a reusable workflow one of whose jobs
 * does), and no call passes secrets (OIDC only: `secrets: inherit` would hand every repository secret over).
 */
export function permissionFindings(
  wf: Workflow,
  actions: Map<string, ActionMeta>,
  workflows: Map<string, Workflow> = new Map(),
): string[] {
  const findings: string[] = [];
  const top = wf.doc.permissions;
  if (top === 'write-all' || grants(top, 'id-token', 'write')) {
    findings.push(`${wf.file}: workflow-level permissions grant writes; grant them per job`);
  }
  for (const [jobId, job] of Object.entries(wf.doc.jobs ?? {})) {
    const callsAzure = jobCallsAzure(job, actions, workflows);
    const permissions = job.permissions ?? top;
    if (permissions === undefined)
      findings.push(`${wf.file} jobs.${jobId}: no permissions (the default token is broad)`);
    if (permissions === 'write-all') findings.push(`${wf.file} jobs.${jobId}: write-all`);
    const idToken = grants(permissions, 'id-token', 'write');
    if (callsAzure && !idToken)
      findings.push(`${wf.file} jobs.${jobId}: calls Azure without id-token: write`);
    if (!callsAzure && idToken) findings.push(`${wf.file} jobs.${jobId}: id-token: write but no Azure call`);
    if (job.secrets !== undefined)
      findings.push(
        `${wf.file} jobs.${jobId}: passes secrets (${job.secrets === 'inherit' ? 'inherit' : 'a mapping'}); the pipeline is OIDC only`,
      );
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Identities: pull-request code and unreviewed tag code never hold production rights

/** What marks production in a workflow: its identity, and its resources (by variable or by name). */
export const PRODUCTION = {
  /** The repository variable holding the production identity's client id. */
  clientId: 'AZURE_CLIENT_ID',
  /** Repository variables naming production resources. */
  variables: [
    'AZURE_CLIENT_ID',
    // The release build's identity pushes to the production repository.
    'AZURE_BUILD_CLIENT_ID',
    'AZURE_RESOURCE_GROUP',
    'ACR_REGISTRY',
    'IMAGE_REPOSITORY',
    'APP_NAME',
    'APP_URL',
  ],
  /** Production resources by name (the seed values of deploy/containerapp.yaml). */
  names: [/\balc-algo-production\b/, /\balcalgoregistry\.azurecr\.io\b/, /\balc-algo-agents\b(?!-preview)/],
};

/** GitHub environments whose protection rules (reviewers, deployment refs v* only) the docs prescribe. */
export const PROTECTED_ENVIRONMENTS = ['production', 'production-build'];

/**
 * The workflows' Azure identities, by the repository variable of their client id (docs/pipeline.md, "Identities"):
 * the one GitHub environment (or event) whose subject each is federated to, and the local actions its jobs may run.
 * What each may do in Azure is its roles (the docs' table); here, what the workflows give it to do.
 */
export const IDENTITIES: Record<
  string,
  { name: string; subject: string; environment?: string; actions: string[] }
> = {
  AZURE_BUILD_CLIENT_ID: {
    name: 'build',
    subject: 'environment:production-build',
    environment: 'production-build',
    actions: ['build-push'],
  },
  AZURE_CLIENT_ID: {
    name: 'production',
    subject: 'environment:production',
    environment: 'production',
    actions: ['deploy-app', 'smoke-test', 'blue-green'],
  },
  AZURE_PREVIEW_BUILD_CLIENT_ID: {
    name: 'preview build',
    subject: 'environment:preview-build',
    environment: 'preview-build',
    actions: ['build-push'],
  },
  AZURE_PREVIEW_CLIENT_ID: {
    name: 'preview',
    subject: 'pull_request',
    actions: ['deploy-app', 'smoke-test', 'blue-green'],
  },
};

/** A job as its caller runs it, with its identity: what the identity table checks. */
export interface JobIdentity {
  where: string;
  environment: string;
  /** The repository variable the job's AZURE_CLIENT_ID comes from ('none' without one). */
  clientId: string;
  /** The local actions the job runs. */
  actions: string[];
}

/** Every job of a workflow (reusable ones through their callers) with its environment, identity and actions. */
export function jobIdentities(wf: Workflow, workflows: Map<string, Workflow>): JobIdentity[] {
  return resolveJobs(wf, workflows).map(({ where, job, env }) => ({
    where,
    environment: environmentName(job) ?? 'none',
    clientId: /\bvars\.([A-Z_]+)/.exec(env.AZURE_CLIENT_ID ?? '')?.[1] ?? 'none',
    actions: (job.steps ?? []).flatMap((st) => {
      const local = st.uses ? localAction(st.uses) : undefined;
      return local ? [local.key.replace('./actions/', '')] : [];
    }),
  }));
}

/**
 * Each identity only where it is federated, doing only what it is for: a job with a client id runs in that
 * identity's environment (none for the preview's pull_request subject) and runs only that identity's actions; a
 * job that runs an Azure action has an identity; no client id is read outside the table.
 */
export function identityTableFindings(wf: Workflow, workflows: Map<string, Workflow>): string[] {
  if (workflowCallOf(wf.doc.on) && events(wf.doc.on).length === 1) return [];
  const findings: string[] = [];
  for (const { where, environment, clientId, actions } of jobIdentities(wf, workflows)) {
    const identity = IDENTITIES[clientId];
    if (clientId !== 'none' && !identity) {
      findings.push(
        `${where}: AZURE_CLIENT_ID from vars.${clientId}, which is no identity of docs/pipeline.md`,
      );
      continue;
    }
    if (!identity) continue;
    if ((identity.environment ?? 'none') !== environment)
      findings.push(
        `${where}: the ${identity.name} identity (vars.${clientId}, federated to ${identity.subject} only) in environment ${environment}`,
      );
    const beyond = actions.filter((a) => !identity.actions.includes(a));
    if (beyond.length)
      findings.push(
        `${where}: the ${identity.name} identity runs ${beyond.join(', ')} (it may run ${identity.actions.join(', ')})`,
      );
  }
  return findings;
}

/** The events under which a workflow file and the code it checks out come from a pull request. */
const PULL_REQUEST_EVENTS = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
];

function events(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return Object.keys((on ?? {}) as Record<string, unknown>);
}

function environmentName(job: JobDoc): string | undefined {
  return typeof job.environment === 'string' ? job.environment : job.environment?.name;
}

/** A job as it runs: its text, with the inputs a reusable workflow reads replaced by what the caller passes. */
export interface ResolvedJob {
  where: string;
  job: JobDoc;
  /** The job's own YAML values, the workflow env it can read, and the caller's values for the inputs it reads. */
  texts: string[];
  /** The workflow's and the job's env:, each `${{ inputs.NAME }}` replaced by what the caller passes (or its default). */
  env: Record<string, string>;
}

function resolveJobs(
  wf: Workflow,
  workflows: Map<string, Workflow>,
  passed?: { where: string; with: Record<string, unknown> },
): ResolvedJob[] {
  const resolved: ResolvedJob[] = [];
  const inputs = declaredInputs(wf);
  const workflowEnv = JSON.stringify(wf.doc.env ?? {});
  for (const [jobId, job] of Object.entries(wf.doc.jobs ?? {})) {
    const where = `${passed ? `${passed.where} → ` : ''}${wf.file} jobs.${jobId}`;
    if (job.uses) {
      const called = workflows.get(calledFile(job) ?? '');
      if (called) resolved.push(...resolveJobs(called, workflows, { where, with: job.with ?? {} }));
      continue;
    }
    const own = JSON.stringify(job);
    const texts = [own, workflowEnv];
    const input = (name: string): unknown =>
      passed && name in passed.with ? passed.with[name] : inputs[name]?.default;
    if (passed) {
      for (const name of new Set([...own.matchAll(/\binputs\.([\w-]+)/g)].map((m) => m[1]))) {
        texts.push(`inputs.${name} = ${JSON.stringify(input(name) ?? '')}`);
      }
    }
    const env = Object.fromEntries(
      Object.entries({ ...wf.doc.env, ...job.env }).map(([key, value]) => [
        key,
        String(value ?? '').replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (whole, name: string) =>
          passed ? String(input(name) ?? '') : whole,
        ),
      ]),
    );
    resolved.push({ where, job, texts, env });
  }
  return resolved;
}

/** Every job that runs steps, reusable workflows' jobs through their callers (`caller jobs.x → called jobs.y`). */
export function resolvedJobs(wf: Workflow, workflows: Map<string, Workflow> = new Map()): ResolvedJob[] {
  return resolveJobs(wf, workflows);
}

/** Production identity or resources a text names: `vars.AZURE_CLIENT_ID`, production variables and names. */
export function productionReferences(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g))
    if (PRODUCTION.variables.includes(m[1])) found.add(`vars.${m[1]}`);
  for (const re of PRODUCTION.names) {
    const m = new RegExp(re.source, 'g').exec(text);
    if (m) found.add(m[0]);
  }
  return [...found].sort();
}

/**
 * Two identities. A job that runs code nobody reviewed (every job of a workflow triggered by a pull request,
 * whose workflow file itself comes from the pull request; and any job outside a protected environment, which runs
 * whatever a pushed tag or branch holds) must not name the production identity or any production resource, not
 * in its own text, not in the workflow env it reads, not through the inputs a caller passes it. A job that uses
 * the production identity runs in a protected environment, which also holds its id-token: write.
 * Reusable workflows are checked through each of their callers.
 */
export function identityFindings(wf: Workflow, workflows: Map<string, Workflow> = new Map()): string[] {
  if (workflowCallOf(wf.doc.on) && events(wf.doc.on).length === 1) return [];
  const findings: string[] = [];
  const fromPullRequest = events(wf.doc.on).some((e) => PULL_REQUEST_EVENTS.includes(e));
  for (const { where, job, texts } of resolveJobs(wf, workflows)) {
    const environment = environmentName(job);
    const isProtected = !!environment && PROTECTED_ENVIRONMENTS.includes(environment);
    const refs = [...new Set(texts.flatMap(productionReferences))].sort();
    if (fromPullRequest && refs.length > 0) {
      findings.push(
        `${where}: runs pull-request code (the workflow runs on ${events(wf.doc.on).join(', ')}) and names production: ${refs.join(', ')}`,
      );
    } else if (!isProtected && refs.length > 0) {
      findings.push(
        `${where}: runs outside a protected environment (${environment ?? 'none'}; protected: ${PROTECTED_ENVIRONMENTS.join(', ')}) and names production: ${refs.join(', ')}`,
      );
    }
    const usesProductionIdentity = texts.some((t) => t.includes(`vars.${PRODUCTION.clientId}`));
    if (
      usesProductionIdentity &&
      grants(job.permissions, 'id-token', 'write') &&
      (!isProtected || fromPullRequest)
    ) {
      findings.push(`${where}: id-token: write with the production identity outside a protected environment`);
    }
    if (fromPullRequest && isProtected) {
      findings.push(`${where}: a pull-request workflow names the protected environment ${environment}`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// The Azure connection, stated once

/** The variables the actions read for an empty connection input. */
const FALLBACK_VARIABLES = new Set(Object.values(AZURE_INPUT_FALLBACKS));

/** Names an Azure connection input's variable could be mistaken for (ALC_X, ALC_DEPLOY_X, AZURE_X), but not its own. */
function misnamedVariables(): Map<string, { input: string; variable: string }> {
  const misnamed = new Map<string, { input: string; variable: string }>();
  for (const [input, variable] of Object.entries(AZURE_INPUT_FALLBACKS)) {
    const name = input.toUpperCase().replace(/-/g, '_');
    for (const candidate of [`ALC_${name}`, `ALC_DEPLOY_${name}`, `AZURE_${name}`]) {
      if (!FALLBACK_VARIABLES.has(candidate)) misnamed.set(candidate, { input, variable });
    }
  }
  return misnamed;
}

/**
 * The Azure connection stated once, in env: (docs/contract.md, "Environment fallbacks"): a step of a local Azure
 * action passes no connection input that the workflow's, the job's or its own env: provides; no connection input is
 * passed by two steps of one job; two jobs of a workflow do not each spell out the same connection variable with the
 * same value for the same identity (one block per identity, aliased with a YAML anchor); and no env: names a variable the actions do not read
 * (ALC_RESOURCE_GROUP for ALC_DEPLOY_RESOURCE_GROUP, AZURE_CLOUD for ALC_DEPLOY_CLOUD, ...).
 */
export function connectionFindings(wf: Workflow, actions: Map<string, ActionMeta>): string[] {
  const findings: string[] = [];
  const misnamed = misnamedVariables();
  const names = (where: string, env: Record<string, unknown> | undefined) => {
    for (const key of Object.keys(env ?? {})) {
      const m = misnamed.get(key);
      if (m)
        findings.push(
          `${where} env: no action reads ${key}; an empty ${m.input} falls back to ${m.variable}`,
        );
    }
  };
  names(wf.file, wf.doc.env);
  const stated = new Map<string, string>();
  const blocks = new Set<object>();
  for (const [jobId, job] of Object.entries(wf.doc.jobs ?? {})) {
    const where = `${wf.file} jobs.${jobId}`;
    names(where, job.env);
    if (job.env && !blocks.has(job.env)) {
      blocks.add(job.env);
      // One block per identity: two jobs of two identities each state their own connection.
      const identity = String(job.env.AZURE_CLIENT_ID ?? '');
      for (const [key, value] of Object.entries(job.env).filter(([k]) => FALLBACK_VARIABLES.has(k))) {
        const line = `${key}: ${String(value)}`;
        const first = stated.get(`${identity}\n${line}`);
        if (first)
          findings.push(
            `${where} env: ${line} is spelled out again (first in ${first}); alias that job's env: (a YAML anchor)`,
          );
        else stated.set(`${identity}\n${line}`, where);
      }
    }
    const passedBy = new Map<string, string[]>();
    (job.steps ?? []).forEach((step, i) => {
      const local = step.uses ? localAction(step.uses) : undefined;
      if (!local || !actions.get(local.key)?.inputs['client-id']) return;
      const stepWhere = `${where}.steps[${i}]${step.id ? ` (${step.id})` : ''}`;
      names(stepWhere, step.env);
      const provided = { ...wf.doc.env, ...job.env, ...step.env };
      for (const input of Object.keys(step.with ?? {}).filter((k) => k in AZURE_INPUT_FALLBACKS)) {
        const variable = AZURE_INPUT_FALLBACKS[input];
        if (variable in provided)
          findings.push(
            `${stepWhere}: passes ${input}, which env: provides as ${variable}; drop it from with:`,
          );
        passedBy.set(input, [...(passedBy.get(input) ?? []), `steps[${i}]`]);
      }
    });
    for (const [input, steps] of passedBy) {
      if (steps.length > 1)
        findings.push(
          `${where}: ${steps.join(', ')} each pass ${input}; state it once in the job's env: as ${AZURE_INPUT_FALLBACKS[input]}`,
        );
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// Dispatch inputs: checked before anything prints them

/** The id of the step that checks dispatch inputs (scripts/check-input.sh), first of every job that reads them. */
export const VALIDATE_STEP = 'validate';

/**
 * Every workflow_dispatch input (typed by whoever runs the workflow, any text through the API) is checked by a
 * step `validate` before any other step of the job reads it (env, with, run), and a step that runs after a
 * failure (if: failure() / always()) reads it only when `validate` succeeded. Followed into reusable workflows:
 * the called workflow's inputs fed by a dispatch input are held to the same rule.
 */
export function dispatchInputFindings(wf: Workflow, workflows: Map<string, Workflow> = new Map()): string[] {
  const on = wf.doc.on as Record<string, { inputs?: Record<string, unknown> } | null> | undefined;
  const dispatched =
    on && typeof on === 'object' && !Array.isArray(on) ? Object.keys(on.workflow_dispatch?.inputs ?? {}) : [];
  return dispatched.length ? inputFlowFindings(wf, new Set(dispatched), workflows) : [];
}

function readsOf(value: unknown, names: Set<string>): string[] {
  return [
    ...new Set(
      expressionsOf(value)
        .flatMap(contextReferences)
        .flatMap((r) => /^(?:inputs|github\.event\.inputs)\.([\w-]+)/.exec(r)?.[1] ?? [])
        .filter((n) => names.has(n)),
    ),
  ];
}

function inputFlowFindings(wf: Workflow, names: Set<string>, workflows: Map<string, Workflow>): string[] {
  const findings: string[] = [];
  for (const [jobId, job] of Object.entries(wf.doc.jobs ?? {})) {
    const where = `${wf.file} jobs.${jobId}`;
    if (job.uses) {
      const called = workflows.get(calledFile(job) ?? '');
      const fed = new Set(
        Object.entries(job.with ?? {})
          .filter(([, v]) => readsOf({ v }, names).length > 0)
          .map(([k]) => k),
      );
      if (called && fed.size) findings.push(...inputFlowFindings(called, fed, workflows));
      continue;
    }
    const steps = job.steps ?? [];
    const validate = steps.findIndex((st) => st.id === VALIDATE_STEP);
    const validated = validate >= 0 ? readsOf(steps[validate].env, names) : [];
    steps.forEach((step, i) => {
      if (i === validate) {
        if (typeof step.run === 'string' && readsOf(step.run, names).length)
          findings.push(
            `${where}.steps[${i}]: the validate step reads an input in its script; pass it through env:`,
          );
        return;
      }
      const reads = readsOf({ ...step, if: undefined }, names);
      if (reads.length === 0) return;
      const stepWhere = `${where}.steps[${i}]${step.id ? ` (${step.id})` : ''}`;
      for (const name of reads) {
        if (validate < 0 || validate > i || !validated.includes(name)) {
          findings.push(
            `${stepWhere}: reads the dispatch input '${name}' before a '${VALIDATE_STEP}' step checked it`,
          );
        }
      }
      const cond = step.if ?? '';
      if (
        /\b(failure|always|cancelled)\s*\(/.test(cond) &&
        !new RegExp(`steps\\.${VALIDATE_STEP}\\.outcome\\s*==\\s*'success'`).test(cond)
      ) {
        findings.push(
          `${stepWhere}: runs after a failure and reads ${reads.join(', ')} without requiring steps.${VALIDATE_STEP}.outcome == 'success'`,
        );
      }
    });
  }
  return findings;
}

/** Repository variables (`vars.NAME`) a workflow reads. */
export function repositoryVariables(wf: Workflow): string[] {
  return [...new Set([...wf.text.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
}
