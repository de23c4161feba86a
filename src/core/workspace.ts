// The workspace: the one root that path inputs resolve against and stay in (GITHUB_WORKSPACE, else the current
// directory; an empty value is the current directory), and the confinement of a path input to it.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { InputError } from './inputs.js';

/** The workspace paths resolve against and stay in: GITHUB_WORKSPACE, else the current directory. */
export function workspaceOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolvePath(env.GITHUB_WORKSPACE || process.cwd());
}

/** The real path of `path` (symlinks resolved); for a path that does not exist, of its nearest existing ancestor. */
export function realPathOf(path: string): string {
  let existing = resolvePath(path);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(existing.slice(parent.length).replace(/^[\\/]+/, ''));
    existing = parent;
  }
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // a path that cannot be read is judged as written
  }
  return rest.length ? resolvePath(real, ...rest) : real;
}

/** Whether `path` is `root` or inside it (both absolute). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * A path input resolved against the workspace and confined to it: `..`, absolute paths outside it and symlinks
 * (anywhere on the path) that lead out of it are one InputError naming the input. Returns the absolute path as
 * written (resolved against the workspace), so that messages and outputs keep the user's spelling; the file is
 * never read by this check.
 */
export function workspacePath(
  input: string,
  raw: string,
  o: { env?: NodeJS.ProcessEnv; workspace?: string; what?: string } = {},
): string {
  const root = o.workspace ? resolvePath(o.workspace) : workspaceOf(o.env);
  const path = resolvePath(root, raw.trim());
  const realRoot = realPathOf(root);
  if (!isInside(root, path) || !isInside(realRoot, realPathOf(path))) {
    throw new InputError(
      input,
      raw,
      `allowed: ${o.what ?? 'a path'} inside the workspace (${root}); absolute paths elsewhere, '..' out of it and symlinks that lead out of it are refused`,
    );
  }
  return path;
}

/**
 * The `ca-file` input of deploy-app, smoke-test and blue-green: empty, none; else an existing PEM file inside the
 * workspace (its CAs are trusted beside NODE_EXTRA_CA_CERTS and the built-in roots). Its path, as workspacePath.
 */
export function caFileInput(
  raw: string,
  d: { env?: NodeJS.ProcessEnv; fileExists: (path: string) => boolean },
): string | undefined {
  const caRaw = raw.trim();
  if (caRaw === '') return undefined;
  const caFile = workspacePath('ca-file', caRaw, { env: d.env, what: 'a PEM file' });
  if (!d.fileExists(caFile))
    throw new InputError('ca-file', caRaw, 'allowed: the path of an existing PEM file');
  return caFile;
}
