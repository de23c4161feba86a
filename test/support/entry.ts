// An action entry started the way a runner starts it, for tests: INPUT_<NAME> variables (hyphens kept, so
// node is started directly, never through a shell), the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, an
// optional event payload (GITHUB_EVENT_PATH), one child process; outputs read as the runner reads them
// (runner/action.ts). Unlike runAction, the entry sees only PATH, HOME and what the test gives, and
// the child can be killed half way. No jest import here.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputVariable, REPO_ROOT } from '../../runner/action.js';
import { parseFileCommands } from '../../runner/commands.js';

export interface EntryOptions {
  /** The action's directory under actions/. */
  action: string;
  inputs?: Record<string, string>;
  /** src: src/main.ts through tsx's loader (default); dist: dist/index.js. */
  source?: 'src' | 'dist';
  /** The bundle's directory with source dist (default actions/<action>/dist), e.g. a bundle built aside. */
  distDir?: string;
  /** The Node binary (default: this one). */
  node?: string;
  /** A command node is started through, e.g. ['/usr/bin/time', '-f', '%M'] (default: none). */
  wrapper?: string[];
  /** Over PATH, HOME and RUNNER_TEMP (both the run's own directory) and the file commands. */
  env?: NodeJS.ProcessEnv;
  /** The event payload, written to the file GITHUB_EVENT_PATH names. */
  event?: object;
  /** Killed (SIGKILL) after this long. */
  timeoutMs?: number;
}

export interface EntryRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr, as they came. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Starts an entry; `child` can be killed half way. */
export function startEntry(o: EntryOptions): { child: ChildProcess; done: Promise<EntryRun> } {
  const dir = mkdtempSync(join(tmpdir(), 'alc-entry-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  if (o.event) {
    env.GITHUB_EVENT_PATH = join(dir, 'event.json');
    writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(o.event));
  }
  Object.assign(env, o.env);
  for (const [name, value] of Object.entries(o.inputs ?? {})) env[inputVariable(name)] = value;
  const main =
    o.source === 'dist'
      ? [join(o.distDir ?? join(REPO_ROOT, 'actions', o.action, 'dist'), 'index.js')]
      : ['--import', 'tsx', join(REPO_ROOT, 'actions', o.action, 'src', 'main.ts')];
  // One process (node, with tsx's loader for src), so that a SIGKILL ends the action itself, as a cancelled runner does.
  const node = o.node ?? process.execPath;
  const [command, ...args] = [...(o.wrapper ?? []), node, ...main];
  const child = spawn(command, args, { env, cwd: REPO_ROOT });
  const killer = o.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), o.timeoutMs) : undefined;
  const done = new Promise<EntryRun>((resolve, reject) => {
    const text = { stdout: '', stderr: '', log: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream].on('data', (d: Buffer) => {
        text[stream] += d.toString();
        text.log += d.toString();
      });
    }
    let finished = false;
    const finish = (status: number | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(killer);
      try {
        resolve({
          status,
          ...text,
          outputs: parseFileCommands(readFileSync(output, 'utf8')),
          summary: readFileSync(summary, 'utf8'),
        });
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    child.on('error', reject);
    child.on('close', finish);
    // A killed action's helper processes may hold its pipes open for a while: the action itself has ended.
    child.on('exit', (status, signal) => {
      if (signal) setTimeout(() => finish(status), 500);
    });
  });
  return { child, done };
}

/** Runs an entry to its end. */
export function runEntry(o: EntryOptions): Promise<EntryRun> {
  return startEntry(o).done;
}

/** The `::error::` lines of a run's output. */
export function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('::error::'));
}
