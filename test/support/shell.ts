// Suggested shell commands (the OIDC doctor's) run for real: bash parses the line with `az` a function that prints
// its arguments, in an empty directory where a marker file shows that anything else ran.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Branch names git accepts (and a few it does not) that a careless quote would run. */
export const HOSTILE = [
  "x';touch${IFS}pwned;'",
  "x'$(touch${IFS}pwned)'",
  '$(touch pwned)',
  '`touch pwned`',
  'x\ntouch pwned\n',
  "x'\ntouch pwned\n'",
  '${IFS}&&touch pwned||"\\',
  "'''",
  '',
];

/**
 * Runs `line` (a suggested command) with a real bash in an empty directory, `az` a function that prints its
 * arguments: the arguments bash passed, and whether anything else ran (the marker file `pwned`).
 */
export function runSuggested(line: string): { args: string[]; pwned: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'doctor-'));
  try {
    // No startup file: bash reads ~/.bashrc when its stdin is a socket (node's pipes are), as under rsh.
    const out = execFileSync(
      'bash',
      ['--norc', '--noprofile', '-c', `az() { printf '%s\\0' "$@"; }\n${line}`],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH },
      },
    );
    return { args: out.split('\0').slice(0, -1), pwned: existsSync(join(dir, 'pwned')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The doctor's `az ad app federated-credential create` line of a message (an error when there is none). */
export function suggestedCommand(message: string): string {
  const line = message.split('\n').find((l) => l.startsWith('  az ad app federated-credential create '));
  if (!line) throw new Error(`no suggested command on a line of its own in: ${message}`);
  return line;
}
