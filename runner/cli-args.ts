// The command line of runner/cli.ts, parsed without side effects: which command, its flags (each known, each with
// the values it allows), its help text. One UsageError names the flag or value and what is allowed.
import { pullRequestEvent, pushEvent, randomSha, workflowDispatchEvent, type RunnerEvent } from './events.js';

/** A command line that cannot run: the message says what was wrong and what is allowed. */
export class UsageError extends Error {}

type FlagKind = 'value' | 'bool' | 'list';

interface FlagSpec {
  kind: FlagKind;
  /** Placeholder in the help (`R`, `NAME=value`). */
  arg?: string;
  /** The only values allowed. */
  values?: string[];
  /** `NAME=value` pairs (for list flags). */
  pairs?: boolean;
  help: string;
}

const WORKFLOW_FLAGS: Record<string, FlagSpec> = {
  event: {
    kind: 'value',
    arg: 'E',
    values: ['push', 'pull_request', 'workflow_dispatch'],
    help: 'the event that starts the run (default push)',
  },
  ref: {
    kind: 'value',
    arg: 'R',
    help: 'the ref of a push or workflow_dispatch: refs/tags/v1.0.0, refs/heads/main (default refs/heads/main)',
  },
  sha: {
    kind: 'value',
    arg: 'S',
    help: "the run's commit (default: the workspace's HEAD, else a random one)",
  },
  pr: { kind: 'value', arg: 'N', help: 'pull_request: the pull request number (default 1)' },
  'head-sha': {
    kind: 'value',
    arg: 'S',
    help: "pull_request: the head commit (default: the workspace's HEAD)",
  },
  'pr-action': {
    kind: 'value',
    arg: 'A',
    values: ['opened', 'synchronize', 'reopened', 'closed'],
    help: 'pull_request: the activity (default opened)',
  },
  merged: { kind: 'bool', help: 'pull_request closed: it was merged' },
  input: { kind: 'list', arg: 'name=value', pairs: true, help: 'workflow_dispatch: an input (repeatable)' },
  var: {
    kind: 'list',
    arg: 'NAME=value',
    pairs: true,
    help: 'a repository variable, over --sim-env (repeatable)',
  },
  secret: { kind: 'list', arg: 'NAME=value', pairs: true, help: 'a repository secret (repeatable)' },
  env: {
    kind: 'list',
    arg: 'NAME=value',
    pairs: true,
    help: "the runner machine's environment (repeatable)",
  },
  'sim-env': {
    kind: 'value',
    arg: 'FILE',
    help: 'the env file of a running simulator (npm run sim -- --sim-env FILE): its variables, CA, OIDC endpoint',
  },
  workspace: {
    kind: 'value',
    arg: 'DIR',
    help: "the checkout of the repository to run (its .github/workflows, deploy/, Dockerfile); default '.'",
  },
  repository: { kind: 'value', arg: 'owner/name', help: "the run's repository (default local/repository)" },
  actor: { kind: 'value', arg: 'NAME', help: 'who starts the run (default local-user)' },
  'action-repo': {
    kind: 'list',
    arg: 'owner/name=DIR',
    pairs: true,
    help: 'a local checkout for uses: owner/name/...@ref (repeatable; default: */alc-deploy is this checkout)',
  },
  out: {
    kind: 'value',
    arg: 'DIR',
    help: 'where the step summaries are written (default: a new temporary dir)',
  },
  src: { kind: 'bool', help: "run the actions' TypeScript sources (src/main.ts) instead of their bundles" },
  verbose: { kind: 'bool', help: 'print every line the steps print' },
  json: { kind: 'bool', help: 'print the whole run as JSON at the end' },
};

const ACTION_FLAGS: Record<string, FlagSpec> = {
  event: { ...WORKFLOW_FLAGS.event, values: ['push', 'pull_request'] },
  ref: WORKFLOW_FLAGS.ref,
  pr: WORKFLOW_FLAGS.pr,
  'head-sha': WORKFLOW_FLAGS['head-sha'],
  workspace: WORKFLOW_FLAGS.workspace,
  repository: WORKFLOW_FLAGS.repository,
  actor: WORKFLOW_FLAGS.actor,
  src: WORKFLOW_FLAGS.src,
};

export const COMMANDS = ['workflow', 'action', 'help'] as const;

function flagLines(flags: Record<string, FlagSpec>): string[] {
  return Object.entries(flags).map(([name, f]) => {
    const left = `  --${name}${f.arg ? ` ${f.arg}` : ''}`;
    const allowed = f.values ? ` (${f.values.join('|')})` : '';
    return `${left.padEnd(30)} ${f.help}${allowed}`;
  });
}

export const HELP = {
  top: [
    'usage: npx tsx runner/cli.ts <command> ...',
    '',
    'Runs the pipeline on this machine, the way a GitHub runner runs it.',
    '',
    'commands:',
    '  workflow <file>     run a workflow file of a repository checkout (jobs, reusable workflows, actions)',
    '  action <dir>        run one action (a directory holding action.yml) with name=value inputs',
    "  help [command]      this help, or a command's",
    '',
    'npx tsx runner/cli.ts <action dir> ... (no command) is the action command.',
  ].join('\n'),
  workflow: [
    'usage: npx tsx runner/cli.ts workflow <file> [flags]',
    '',
    'Runs <file> (relative to --workspace, e.g. .github/workflows/release.yml) as GitHub would run it for the event.',
    "Prints each job's result and outputs and the step summaries' paths; exits 0 when the run succeeds, 1 when it",
    'fails, 2 on a wrong command line.',
    '',
    'flags:',
    ...flagLines(WORKFLOW_FLAGS),
    '',
    'example (a simulator running: npm run sim -- --sim-env .sim/env):',
    '  npx tsx runner/cli.ts workflow .github/workflows/release.yml --workspace ../quotes-svc \\',
    '    --repository acme/quotes-svc --event push --ref refs/tags/v1.0.0 --sim-env .sim/env',
  ].join('\n'),
  action: [
    'usage: npx tsx runner/cli.ts action <dir> [flags] [name=value ...]',
    '',
    'Runs one action and prints its log, then its exit code, outputs and errors as JSON. Its OIDC token endpoint is',
    "this shell's ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, if set.",
    '',
    'flags:',
    ...flagLines(ACTION_FLAGS),
  ].join('\n'),
};

export type Parsed =
  | { command: 'help'; topic: keyof typeof HELP }
  | { command: 'workflow'; file: string; flags: Flags }
  | { command: 'action'; dir: string; flags: Flags; inputs: Record<string, string> };

export interface Flags {
  values: Record<string, string>;
  bools: Set<string>;
  lists: Record<string, Record<string, string>>;
}

const isHelp = (a: string | undefined) => a === '--help' || a === '-h' || a === 'help';

/** Parses `NAME=value`; the error names the flag. */
function pair(flag: string, raw: string, arg: string): [string, string] {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`--${flag} ${raw}: not ${arg}`);
  return [raw.slice(0, eq), raw.slice(eq + 1)];
}

function parseFlags(
  command: string,
  args: string[],
  spec: Record<string, FlagSpec>,
  positional: (arg: string) => void,
): Flags {
  const flags: Flags = { values: {}, bools: new Set(), lists: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    const f = spec[name];
    if (!f) {
      throw new UsageError(
        `${command}: unknown flag --${name}; allowed: ${Object.keys(spec)
          .map((k) => `--${k}`)
          .join(', ')}, --help`,
      );
    }
    if (f.kind === 'bool') {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags.bools.add(name);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value: --${name} ${f.arg ?? 'VALUE'}`);
    }
    if (f.values && !f.values.includes(value)) {
      throw new UsageError(`--${name} ${value}: allowed: ${f.values.join(', ')}`);
    }
    if (f.kind === 'list') {
      const [k, v] = pair(name, value, f.arg ?? 'NAME=value');
      flags.lists[name] = { ...flags.lists[name], [k]: v };
    } else {
      flags.values[name] = value;
    }
  }
  return flags;
}

/** The command line of runner/cli.ts (argv without node and the script). */
export function parseCommandLine(argv: string[]): Parsed {
  const [first, ...rest] = argv;
  if (first === undefined || isHelp(first)) {
    const topic = first === 'help' ? rest[0] : undefined;
    if (topic === undefined) return { command: 'help', topic: 'top' };
    if (topic === 'workflow' || topic === 'action') return { command: 'help', topic };
    throw new UsageError(`help ${topic}: no such command; commands: ${COMMANDS.join(', ')}`);
  }
  if (first === 'workflow') {
    if (rest.some(isHelp)) return { command: 'help', topic: 'workflow' };
    const files: string[] = [];
    const flags = parseFlags('workflow', rest, WORKFLOW_FLAGS, (a) => files.push(a));
    if (files.length !== 1) {
      throw new UsageError(
        files.length
          ? `workflow: one workflow file, not ${files.join(' ')}`
          : 'workflow: which workflow file? (e.g. .github/workflows/release.yml)',
      );
    }
    return { command: 'workflow', file: files[0], flags };
  }
  // `action <dir>`, or the older `<dir>` alone.
  const args = first === 'action' ? rest : argv;
  if (args.some(isHelp)) return { command: 'help', topic: 'action' };
  if (first.startsWith('--')) {
    throw new UsageError(`${first}: a command first; commands: ${COMMANDS.join(', ')} (see --help)`);
  }
  const [dir, ...more] = args;
  if (dir === undefined || dir.startsWith('--')) throw new UsageError('action: which action directory?');
  const inputs: Record<string, string> = {};
  const flags = parseFlags('action', more, ACTION_FLAGS, (a) => {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new UsageError(`action: not an input: ${a} (inputs are name=value)`);
    inputs[a.slice(0, eq)] = a.slice(eq + 1);
  });
  return { command: 'action', dir, flags, inputs };
}

/**
 * The event of the command line, `head` the workspace's commit (a `--ref` or `--input` that does not fit the event
 * is a usage error).
 */
export function eventOf(flags: Flags, head: string | undefined, repository?: string): RunnerEvent {
  const v = flags.values;
  const name = v.event ?? 'push';
  const inputs = flags.lists.input ?? {};
  if (name !== 'workflow_dispatch' && Object.keys(inputs).length) {
    throw new UsageError(`--input is for --event workflow_dispatch, not ${name}`);
  }
  if (name === 'pull_request') {
    if (v.ref)
      throw new UsageError(
        `--ref is for push and workflow_dispatch: a pull request's is refs/pull/<N>/merge`,
      );
    const number = Number(v.pr ?? 1);
    if (!Number.isInteger(number) || number < 1)
      throw new UsageError(`--pr ${v.pr}: a pull request number (1, 2, ...)`);
    return pullRequestEvent({
      number,
      headSha: v['head-sha'] ?? head,
      action: v['pr-action'] as 'opened' | undefined,
      merged: flags.bools.has('merged'),
      repository,
    });
  }
  for (const f of ['pr', 'head-sha', 'pr-action']) {
    if (v[f]) throw new UsageError(`--${f} is for --event pull_request, not ${name}`);
  }
  const ref = v.ref ?? 'refs/heads/main';
  if (!/^refs\/(heads|tags)\/.+/.test(ref)) {
    throw new UsageError(`--ref ${ref}: a full ref, refs/tags/<tag> or refs/heads/<branch>`);
  }
  const sha = v.sha ?? head ?? randomSha();
  return name === 'workflow_dispatch'
    ? workflowDispatchEvent(ref, inputs, sha, repository)
    : pushEvent(ref, sha, repository);
}
