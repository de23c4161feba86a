// A small typed wrapper over the docker CLI. Every call runs `docker` with DOCKER_HOST from the
// options (or the environment) and, when given, its own DOCKER_CONFIG so that logins stay private.
import { spawn, type ChildProcess } from 'node:child_process';

export interface DockerOptions {
  /** DOCKER_HOST to use; default: the environment's. */
  host?: string;
  /** DOCKER_CONFIG directory (credentials of `docker login`); default: the environment's. */
  configDir?: string;
}

export class DockerError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`docker ${args[0] ?? ''} failed (exit ${exitCode ?? 'signal'}): ${stderr.trim() || 'no output'}`);
    this.name = 'DockerError';
  }
}

export interface RunOptions {
  image: string;
  name?: string;
  network?: string;
  /** Network aliases on `network`. */
  aliases?: string[];
  labels?: Record<string, string>;
  env?: Record<string, string>;
  /** Container ports to publish on 127.0.0.1 with an ephemeral host port. */
  publish?: number[];
  /** Replaces the image's entrypoint with its first element; the rest go before `args`. */
  command?: string[];
  args?: string[];
  /** Read-only bind mounts: host file or directory -> path in the container. */
  mounts?: Array<{ source: string; target: string }>;
  /** Extra /etc/hosts entries: host name -> IP (`--add-host`). */
  hosts?: Record<string, string>;
}

export interface ContainerState {
  id: string;
  name: string;
  running: boolean;
  status: string;
  exitCode: number;
  error: string;
  labels: Record<string, string>;
  /** Container port (e.g. 8080) -> host port on 127.0.0.1. */
  ports: Record<number, number>;
}

export interface ImageInfo {
  id: string;
  repoDigests: string[];
  repoTags: string[];
  /** Bytes (the image's uncompressed size, as the engine reports it). */
  size: number;
}

/** One line of `docker events --format '{{json .}}'`. */
export interface DockerEvent {
  status?: string;
  Action?: string;
  id?: string;
  timeNano?: number;
  Actor?: { ID: string; Attributes: Record<string, string> };
}

export type Filters = Record<string, string | string[]>;

export class DockerCli {
  readonly env: NodeJS.ProcessEnv;

  constructor(options: DockerOptions = {}) {
    this.env = { ...process.env };
    if (options.host) this.env.DOCKER_HOST = options.host;
    if (options.configDir) this.env.DOCKER_CONFIG = options.configDir;
  }

  /** Runs `docker <args>` and returns its stdout; rejects with a DockerError on a non-zero exit. */
  exec(args: string[], input?: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn('docker', args, {
        env: { ...this.env, ...extraEnv },
        stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on('data', (d: Buffer) => out.push(d));
      child.stderr?.on('data', (d: Buffer) => err.push(d));
      child.on('error', (e) => reject(new DockerError(args, null, e.message)));
      child.on('close', (code) => {
        const stdout = Buffer.concat(out).toString('utf8');
        if (code === 0) resolve(stdout);
        else reject(new DockerError(args, code, Buffer.concat(err).toString('utf8') || stdout));
      });
      if (child.stdin) {
        // docker may exit before it reads its input (a refused login): that is its answer, not an error here.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
      }
    });
  }

  async serverVersion(): Promise<string> {
    return (await this.exec(['version', '--format', '{{.Server.Version}}'])).trim();
  }

  /** `docker run -d`; returns the container ID. */
  async run(o: RunOptions): Promise<string> {
    const args = ['run', '-d'];
    if (o.name) args.push('--name', o.name);
    if (o.network) args.push('--network', o.network);
    for (const a of o.aliases ?? []) args.push('--network-alias', a);
    for (const [k, v] of Object.entries(o.labels ?? {})) args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(o.env ?? {})) args.push('--env', `${k}=${v}`);
    for (const p of o.publish ?? []) args.push('--publish', `127.0.0.1::${p}`);
    for (const m of o.mounts ?? [])
      args.push('--mount', `type=bind,source=${m.source},target=${m.target},readonly`);
    for (const [name, ip] of Object.entries(o.hosts ?? {})) args.push('--add-host', `${name}:${ip}`);
    const [entrypoint, ...cmd] = o.command ?? [];
    if (entrypoint !== undefined) args.push('--entrypoint', entrypoint);
    args.push(o.image, ...cmd, ...(o.args ?? []));
    return (await this.exec(args)).trim();
  }

  /** Removes containers (forced); missing ones are ignored. */
  async rm(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await this.exec(['rm', '-f', '-v', ...ids]);
    } catch (e) {
      if (!(e instanceof DockerError) || !/No such container/i.test(e.stderr)) throw e;
      // Some were gone already: remove the rest one by one.
      await Promise.all(ids.map((id) => this.exec(['rm', '-f', '-v', id]).catch(() => undefined)));
    }
  }

  /** IDs of the containers (running or not) matching the filters, e.g. { label: 'a=b' }. */
  async ps(filters: Filters): Promise<string[]> {
    const out = await this.exec(['ps', '-a', '-q', '--no-trunc', ...filterArgs(filters)]);
    return out.split('\n').filter(Boolean);
  }

  async inspect(id: string): Promise<ContainerState | undefined> {
    try {
      const [raw] = JSON.parse(await this.exec(['container', 'inspect', id])) as RawContainer[];
      return raw && toContainerState(raw);
    } catch (e) {
      if (e instanceof DockerError && /No such (container|object)/i.test(e.stderr)) return undefined;
      throw e;
    }
  }

  /** The last lines of a container's output (stdout and stderr). */
  async logs(id: string, tail = 50): Promise<string> {
    return new Promise((resolve) => {
      const child = spawn('docker', ['logs', '--tail', String(tail), id], { env: this.env });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.stderr.on('data', (d: Buffer) => chunks.push(d));
      child.on('error', () => resolve(''));
      child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  }

  /** Creates a user-defined bridge network unless it exists; true when this call created it. */
  async networkCreate(name: string, labels: Record<string, string> = {}): Promise<boolean> {
    if (await this.networkExists(name)) return false;
    const args = ['network', 'create'];
    for (const [k, v] of Object.entries(labels)) args.push('--label', `${k}=${v}`);
    try {
      await this.exec([...args, name]);
      return true;
    } catch (e) {
      if (e instanceof DockerError && /already exists/i.test(e.stderr)) return false;
      throw e;
    }
  }

  /** The gateway IP of a network's first IPv4 subnet (the host's address on that bridge). */
  async networkGateway(name: string): Promise<string | undefined> {
    const [raw] = JSON.parse(await this.exec(['network', 'inspect', name])) as Array<{
      IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string }> | null };
    }>;
    return raw?.IPAM?.Config?.map((c) => c.Gateway).find((g): g is string => !!g && !g.includes(':'));
  }

  async networkExists(name: string): Promise<boolean> {
    return this.exec(['network', 'inspect', name]).then(
      () => true,
      () => false,
    );
  }

  async networkRm(name: string): Promise<void> {
    await this.exec(['network', 'rm', name]).catch((e: unknown) => {
      if (!(e instanceof DockerError) || !/not found|No such network/i.test(e.stderr)) throw e;
    });
  }

  async imageInspect(ref: string): Promise<ImageInfo | undefined> {
    try {
      const [raw] = JSON.parse(await this.exec(['image', 'inspect', ref])) as RawImage[];
      return (
        raw && {
          id: raw.Id,
          repoDigests: raw.RepoDigests ?? [],
          repoTags: raw.RepoTags ?? [],
          size: raw.Size ?? 0,
        }
      );
    } catch (e) {
      if (e instanceof DockerError && /No such (image|object)/i.test(e.stderr)) return undefined;
      throw e;
    }
  }

  /** `docker pause`: the processes freeze (a hung process); their TCP connections stay open. */
  /** Memory in use of running containers, bytes (`docker stats --no-stream`: Docker's working set). */
  async memoryStats(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (ids.length === 0) return out;
    const text = await this.exec(['stats', '--no-stream', '--format', '{{.ID}} {{.MemUsage}}', ...ids]);
    for (const line of text.split('\n')) {
      const m = /^(\S+)\s+([\d.]+)\s*([kKMGT]?i?B)\s*\//.exec(line.trim());
      if (m) out.set(m[1], parseBytes(Number(m[2]), m[3]));
    }
    return out;
  }

  async pause(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.exec(['pause', ...ids]);
  }

  async unpause(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.exec(['unpause', ...ids]);
  }

  /** `docker stop`: SIGTERM, then SIGKILL after `timeoutSeconds` (a paused container is thawed by the engine). */
  async stop(ids: string[], timeoutSeconds: number): Promise<void> {
    if (ids.length === 0) return;
    await this.exec(['stop', '-t', String(timeoutSeconds), ...ids]);
  }

  async restart(id: string, timeoutSeconds = 1): Promise<void> {
    await this.exec(['restart', '--time', String(timeoutSeconds), id]);
  }

  async pull(ref: string): Promise<void> {
    await this.exec(['pull', '-q', ref]);
  }

  async push(ref: string): Promise<void> {
    await this.exec(['push', ref]);
  }

  async tag(source: string, target: string): Promise<void> {
    await this.exec(['tag', source, target]);
  }

  async rmi(refs: string[]): Promise<void> {
    if (refs.length > 0) await this.exec(['rmi', '-f', ...refs]).catch(() => undefined);
  }

  /** `docker login` with the password on stdin (never on the command line). */
  async login(server: string, username: string, password: string): Promise<void> {
    await this.exec(['login', server, '--username', username, '--password-stdin'], password);
  }

  /** Classic builder (`DOCKER_BUILDKIT=0`); returns the image ID. */
  async build(
    context: string,
    o: { tag: string; buildArgs?: Record<string, string>; file?: string },
  ): Promise<string> {
    const args = ['build', '-q', '-t', o.tag];
    if (o.file) args.push('-f', o.file);
    for (const [k, v] of Object.entries(o.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
    return (await this.exec([...args, context], undefined, { DOCKER_BUILDKIT: '0' })).trim();
  }

  /**
   * Streams container events matching the filters, starting at `since` (unix seconds) so that
   * nothing between a container's creation and the subscription is missed. Kill the child to stop.
   */
  events(filters: Filters, since: number, onEvent: (e: DockerEvent) => void): ChildProcess {
    const args = ['events', '--since', String(since), '--format', '{{json .}}', ...filterArgs(filters)];
    const child = spawn('docker', args, { env: this.env, stdio: ['ignore', 'pipe', 'ignore'] });
    let buffered = '';
    child.stdout?.on('data', (d: Buffer) => {
      buffered += d.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.trim()) onEvent(JSON.parse(line) as DockerEvent);
      }
    });
    return child;
  }
}

function filterArgs(filters: Filters): string[] {
  return Object.entries(filters).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).flatMap((x) => ['--filter', `${k}=${x}`]),
  );
}

interface RawContainer {
  Id: string;
  Name: string;
  State: { Running: boolean; Status: string; ExitCode: number; Error: string };
  Config: { Labels: Record<string, string> | null };
  NetworkSettings: { Ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> | null };
}

interface RawImage {
  Id: string;
  Size?: number;
  RepoDigests?: string[];
  RepoTags?: string[];
}

function toContainerState(raw: RawContainer): ContainerState {
  const ports: Record<number, number> = {};
  for (const [key, bindings] of Object.entries(raw.NetworkSettings.Ports ?? {})) {
    const hostPort = bindings?.find((b) => b.HostIp === '127.0.0.1' || b.HostIp === '')?.HostPort;
    if (hostPort) ports[Number(key.split('/')[0])] = Number(hostPort);
  }
  return {
    id: raw.Id,
    name: raw.Name.replace(/^\//, ''),
    running: raw.State.Running,
    status: raw.State.Status,
    exitCode: raw.State.ExitCode,
    error: raw.State.Error,
    labels: raw.Config.Labels ?? {},
    ports,
  };
}

/** `12.5MiB` -> bytes (Docker prints binary units with `i`, decimal ones without). Pure. */
export function parseBytes(value: number, unit: string): number {
  const power = { B: 0, K: 1, M: 2, G: 3, T: 4 }[unit[0].toUpperCase() as 'B' | 'K' | 'M' | 'G' | 'T'] ?? 0;
  return Math.round(value * (unit.includes('i') ? 1024 : 1000) ** power);
}
