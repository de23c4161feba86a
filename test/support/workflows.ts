// Static checks of the GitHub workflows: GitHub's own parser, a script-injection lint, the consistency of
// every local action call with its action.yml, pinned third-party actions and least permissions.
// Each check returns findings (strings); an empty list means the workflow passes.
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JobDoc, StepDoc, WorkflowDoc } from '../../scripts/run-workflow.js';

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

/** Errors GitHub's own workflow parser reports (schema, expressions, job graph). */
export async function githubParserErrors(file: string, text: string): Promise<string[]> {
  const result = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
  if (result.value && result.context.errors.count === 0) {
    await convertWorkflowTemplate(result.context, result.value);
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

const CONTEXTS = 'github|env|vars|secrets|inputs|steps|needs|matrix|strategy|runner|job|jobs';
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
  if (step.uses && actions.has(step.uses)) return actions.get(step.uses)!.outputs;
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

/** Local action calls against their action.yml, and every step and job output a workflow reads. */
export function consistencyFindings(wf: Workflow, actions: Map<string, ActionMeta>): string[] {
  const findings: string[] = [];
  const jobs = wf.doc.jobs ?? {};
  for (const [jobId, job] of Object.entries(jobs)) {
    for (const need of needsOf(job)) {
      if (!jobs[need]) findings.push(`${wf.file} jobs.${jobId}: needs unknown job '${need}'`);
    }
    const steps = job.steps ?? [];
    let checkedOut = false;
    steps.forEach((step, i) => {
      const where = `${wf.file} jobs.${jobId}.steps[${i}]${step.id ? ` (${step.id})` : ''}`;
      if (step.uses?.startsWith('./')) {
        findings.push(...localActionFindings(where, step, actions.get(step.uses), checkedOut));
      }
      if (step.uses?.startsWith('actions/checkout@')) checkedOut = true;
      findings.push(...referenceFindings(where, expressionsOf(step), job, jobs, steps.slice(0, i), actions));
    });
    const jobLevel = expressionsOf({ ...job, steps: undefined });
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

/**
 * Least privilege: the workflow grants nothing by default, every job says what it needs,
 * and id-token: write goes exactly to the jobs that call Azure (a local action taking client-id).
 */
export function permissionFindings(wf: Workflow, actions: Map<string, ActionMeta>): string[] {
  const findings: string[] = [];
  const top = wf.doc.permissions;
  if (top === 'write-all' || grants(top, 'id-token', 'write')) {
    findings.push(`${wf.file}: workflow-level permissions grant writes; grant them per job`);
  }
  for (const [jobId, job] of Object.entries(wf.doc.jobs ?? {})) {
    const callsAzure = (job.steps ?? []).some((s) => !!s.uses && !!actions.get(s.uses)?.inputs['client-id']);
    const permissions = job.permissions ?? top;
    if (permissions === undefined)
      findings.push(`${wf.file} jobs.${jobId}: no permissions (the default token is broad)`);
    if (permissions === 'write-all') findings.push(`${wf.file} jobs.${jobId}: write-all`);
    const idToken = grants(permissions, 'id-token', 'write');
    if (callsAzure && !idToken)
      findings.push(`${wf.file} jobs.${jobId}: calls Azure without id-token: write`);
    if (!callsAzure && idToken) findings.push(`${wf.file} jobs.${jobId}: id-token: write but no Azure call`);
  }
  return findings;
}

/** Repository variables (`vars.NAME`) a workflow reads. */
export function repositoryVariables(wf: Workflow): string[] {
  return [...new Set([...wf.text.matchAll(/\bvars\.([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
}
