// The Docker CLI, run through @actions/exec: one small interface so that the build steps can be
// composed and the argument lists stay pure.
import { getExecOutput } from '@actions/exec';

export interface DockerResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface DockerRunOptions {
  /** Written to stdin (docker login --password-stdin). */
  input?: string;
  /** Keep the command's output out of the log (it is still returned). */
  silent?: boolean;
  /** Extra environment (merged over the process environment). */
  env?: Record<string, string>;
}

/** Runs `docker <args>`; never throws for a non-zero exit code, only when docker cannot be started. */
export type DockerCli = (args: string[], options?: DockerRunOptions) => Promise<DockerResult>;

export function execDocker(binary = 'docker'): DockerCli {
  return async (args, options = {}) => {
    // Always hand the environment over: the one this module sees may differ from the process's own (test
    // runners).
    const env = Object.fromEntries(
      Object.entries({ ...process.env, ...options.env }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    );
    try {
      return await getExecOutput(binary, args, {
        ignoreReturnCode: true,
        silent: options.silent,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        env,
      });
    } catch (error) {
      return { exitCode: 127, stdout: '', stderr: (error as Error).message };
    }
  };
}

/** Throws with the command's last lines of output when it failed. */
export function check(result: DockerResult, what: string): DockerResult {
  if (result.exitCode === 0) return result;
  throw new DockerError(what, result);
}

export class DockerError extends Error {
  constructor(
    what: string,
    readonly result: DockerResult,
  ) {
    const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-5).join(' | ');
    super(`${what} failed (exit code ${result.exitCode})${tail ? `: ${tail}` : ''}`);
    this.name = 'DockerError';
  }
}

export interface BuilderInfo {
  /** `docker buildx` works. */
  buildx: boolean;
  /** Driver of the current buildx builder (docker, docker-container, kubernetes, remote). */
  driver?: string;
}

/** The builder here: buildx (and its driver) when `docker buildx version` works, else the classic one. */
export async function detectBuilder(docker: DockerCli): Promise<BuilderInfo> {
  const version = await docker(['buildx', 'version'], { silent: true });
  if (version.exitCode !== 0) return { buildx: false };
  const inspect = await docker(['buildx', 'inspect'], { silent: true });
  const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1];
  return { buildx: true, driver };
}
