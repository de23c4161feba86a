// The runtime: each revision runs as N real containers on the simulator's own Docker network, their
// target port published on 127.0.0.1. Provisioning, running and health states come from what the
// containers do: the pull, `docker events` (a container that dies), and one cheap readiness-probe loop.
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli, DockerError, type RunOptions } from './docker.js';
import type {
  Endpoint,
  ProbeTiming,
  Runtime,
  RuntimeReplicaStatus,
  RuntimeRevisionSpec,
  RuntimeRevisionStatus,
} from './types.js';

export const LABEL_INSTANCE = 'alc-sim.instance';
export const LABEL_REVISION = 'alc-sim.revision';
export const LABEL_APP = 'alc-sim.app';

export interface DockerRuntimeOptions {
  /** Labels every container so that a simulator removes only its own; default: random. */
  instanceId?: string;
  /** DOCKER_HOST; default: the environment's. */
  dockerHost?: string;
  /** User-defined network for the containers; default `alc-sim-<instanceId>` (created and removed here). */
  network?: string;
  /** 'always' (default, as Azure does) or 'missing' (use a local image when present). */
  pullPolicy?: 'always' | 'missing';
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  /** Consecutive failed probes that make a replica not ready (ACA's default is 3). */
  failureThreshold?: number;
  /** Failed probes without any HTTP answer after which a starting replica counts as unhealthy. */
  startupFailureThreshold?: number;
  /**
   * 'fixed' (default): every probe at each probeIntervalMs with the thresholds above (fast, for tests);
   * 'template': each probe as ACA runs it, at the template's initialDelaySeconds (again after a restart),
   * periodSeconds and failureThreshold (0, 10 and 3 when the template leaves them out).
   */
  probeTiming?: 'fixed' | 'template';
  /**
   * Extra time every image pull takes, on top of the real `docker pull` from the registry: the replicas show
   * `Waiting` / `PullingImage` meanwhile. Default 0. ALC-Algo's real image takes minutes to pull on ACA.
   */
  pullDelayMs?: number;
  /**
   * Simulated download speed in bytes per second: a pull lasts at least the image's size / this (the real pull's
   * time counts towards it). Default: none (as fast as the local registry answers).
   */
  pullBandwidth?: number;
  /**
   * How long a revision whose replicas never answer on the target port stays Activating (healthState None,
   * runningStateDetails naming the port they listen on) before it is Failed. Azure: about 4 minutes
   * (test_containerapp_debug.yaml); default here 30 s.
   */
  activationTimeoutMs?: number;
  /** The node name Azure's waiting reasons end with (`... PullingImage on legion.`); default 'legion'. */
  node?: string;
}

/**
 * What the platform gives every container besides its template: environment (the managed-identity endpoint and its
 * per-container header), read-only bind mounts (the simulator's CA as the trust store) and /etc/hosts entries.
 */
export interface ContainerContext {
  env?: Record<string, string>;
  mounts?: RunOptions['mounts'];
  hosts?: Record<string, string>;
}

/** The platform's part of one replica's container (called when the container is created). */
export type ContainerContextFn = (
  spec: RuntimeRevisionSpec,
  replicaName: string,
) => ContainerContext | Promise<ContainerContext>;

/** Azure's node name in the recorded waiting reason (test_containerapp_replica_commands.yaml). */
export const DEFAULT_NODE = 'legion';

/** What the runtime knows of one replica (container). */
export interface ReplicaState {
  id: string;
  /** The Docker container's name. */
  name: string;
  /** The replica's name as the replica API shows it: `<revision>-<random>`. */
  replicaName?: string;
  /** When the container was created (ms since epoch). */
  createdAt?: number;
  /** probeTiming 'template': when the container last started, and when each probe is due next. */
  startedAt?: number;
  nextReadinessAt?: number;
  nextLivenessAt?: number;
  /** Host port on 127.0.0.1 of the target port. */
  port?: number;
  ready: boolean;
  /** Consecutive failed probes. */
  failures: number;
  /** Whether any probe got an HTTP answer. */
  answered: boolean;
  lastProblem?: string;
  /** Consecutive failed liveness probes, and restarts they caused (as ACA restarts a replica). */
  livenessFailures: number;
  restarts: number;
  /** What the failed liveness probe said when the container was last restarted. */
  lastRestartReason?: string;
  /** While a restart runs (ms since epoch): `die` events from before its end are the restart's own. */
  restartingUntil?: number;
  exitCode?: number;
  exitLog?: string;
  /** Ports the container listens on, other than the target port (read while nothing answers there). */
  listening?: number[];
  /** When `listening` was last read (ms since epoch). */
  listeningReadAt?: number;
  /** Paused by hang(): its processes are frozen, its TCP connections open. */
  hung?: boolean;
}

type Phase = 'provisioning' | 'pulling' | 'failed' | 'created' | 'removing';

interface RevisionRecord {
  spec: RuntimeRevisionSpec;
  key: string;
  phase: Phase;
  message?: string;
  replicas: ReplicaState[];
  /** While pulling: since when, and the names the replicas will have (`<revision>-<random>`). */
  pullingSince?: number;
  pending?: string[];
}

/** How deriveStatus judges replicas: probe thresholds, the activation time, the container's name. */
export interface StatusContext {
  failureThreshold: number;
  startupFailureThreshold: number;
  /** Default 30 s (Azure: about 4 minutes, test_containerapp_debug.yaml). */
  activationTimeoutMs?: number;
  /** The template's container name (Azure's `Container crashing: <name>`); default 'app'. */
  containerName?: string;
  targetPort?: number;
  now?: number;
}

/** Azure's runningStateDetails for a target port nothing listens on (test_containerapp_debug.yaml). */
export const portMismatch = (targetPort: number, listening: number) =>
  `The TargetPort ${targetPort} does not match the listening port ${listening}.`;

/** The TCP ports in LISTEN state in /proc/net/tcp or /proc/net/tcp6 text. Pure. */
export function listeningPorts(procNetTcp: string): number[] {
  const ports = procNetTcp
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((f) => f[3] === '0A' && /:[0-9A-F]{4}$/i.test(f[1] ?? ''))
    .map((f) => parseInt(f[1].slice(-4), 16));
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** The revision's state from its replicas: a pure decision. */
export function deriveStatus(
  phase: Phase,
  replicas: readonly ReplicaState[],
  context: StatusContext,
  message?: string,
): RuntimeRevisionStatus {
  if (phase === 'provisioning') {
    return {
      provisioningState: 'Provisioning',
      runningState: 'Processing',
      healthState: 'None',
      readyReplicas: 0,
    };
  }
  // Pulling: provisioned (the write's operation can end), its replicas waiting for the image
  // (test_containerapp_replica_commands.yaml: operation Succeeded, every replica NotRunning).
  if (phase === 'pulling') {
    return {
      provisioningState: 'Provisioned',
      runningState: 'Activating',
      healthState: 'None',
      readyReplicas: 0,
    };
  }
  if (phase === 'failed') {
    return {
      provisioningState: 'Failed',
      runningState: 'Failed',
      healthState: 'None',
      readyReplicas: 0,
      message,
    };
  }
  if (phase === 'removing') {
    return {
      provisioningState: 'Provisioned',
      runningState: 'Deprovisioning',
      healthState: 'None',
      readyReplicas: 0,
    };
  }
  const now = context.now ?? Date.now();
  const exited = replicas.filter((r) => r.exitCode !== undefined);
  const live = replicas.filter((r) => r.exitCode === undefined);
  const ready = live.filter((r) => r.ready).length;
  // Answering with errors, or restarted by its liveness probe: Degraded. Never answering on the target port is
  // Activating until the activation time runs out (Azure keeps such a revision Activating for minutes).
  const unhealthy = live.filter(
    (r) => !r.ready && (r.restarts > 0 || (r.failures >= context.failureThreshold && r.answered)),
  );
  const silent = live.filter((r) => !r.ready && !r.answered && r.restarts === 0);
  const mismatch = silent.find((r) => r.listening?.length && context.targetPort !== undefined);
  const details = mismatch
    ? portMismatch(context.targetPort as number, (mismatch.listening as number[])[0])
    : undefined;
  const activation = context.activationTimeoutMs ?? 30_000;
  const expired = silent.filter(
    (r) => r.failures >= context.failureThreshold && now - (r.startedAt ?? r.createdAt ?? now) >= activation,
  );
  const problems = [
    ...exited.map(
      (r) => `replica ${r.name} exited with code ${r.exitCode}${r.exitLog ? `: ${r.exitLog}` : ''}`,
    ),
    ...unhealthy.map(
      (r) =>
        `replica ${r.name} is not ready: ${r.lastProblem ?? 'no answer'}` +
        (r.restarts > 0 ? ` (restarted ${r.restarts} times after failing its liveness probe)` : ''),
    ),
  ];
  const base = { provisioningState: 'Provisioned' as const, readyReplicas: ready };
  const withDetails = details ? { details } : {};
  // Every replica crashed: Failed/Failed/Unhealthy with Azure's provisioningError
  // (test_container_app_mount_nfsazurefile_e2e.yaml: "Container crashing: <container>").
  if (replicas.length > 0 && exited.length === replicas.length) {
    return {
      provisioningState: 'Failed',
      runningState: 'Failed',
      healthState: 'Unhealthy',
      readyReplicas: 0,
      message: `Container crashing: ${context.containerName ?? 'app'}`,
    };
  }
  if (problems.length > 0) {
    return { ...base, runningState: 'Degraded', healthState: 'Unhealthy', message: problems.join('; ') };
  }
  if (ready > 0) return { ...base, runningState: 'Running', healthState: 'Healthy' };
  if (live.length > 0 && expired.length === live.length) {
    const why =
      details ??
      `replica ${expired[0].name} never answered its readiness probe: ${expired[0].lastProblem ?? 'no answer'}`;
    return { ...base, runningState: 'Failed', healthState: 'Unhealthy', message: why, ...withDetails };
  }
  return { ...base, runningState: 'Activating', healthState: 'None', ...withDetails };
}

/** One replica as the replica API shows it: its container's state, readiness and restarts. Pure. */
export function replicaView(
  r: ReplicaState,
  revisionName: string,
  containerName: string,
  node = DEFAULT_NODE,
): RuntimeReplicaStatus {
  const restart = r.lastRestartReason ? `; last restart: ${r.lastRestartReason}` : '';
  let runningState: RuntimeReplicaStatus['container']['runningState'] = 'Running';
  let details: string | undefined;
  if (r.exitCode !== undefined) {
    // A crashed container waits in CrashLoopBackOff with restartCount 0
    // (test_container_app_mount_nfsazurefile_e2e.yaml, the replica list of the Failed revision).
    runningState = 'Waiting';
    details = `Container is waiting with reason: CrashLoopBackOff on ${node}. Exited with code ${r.exitCode}${r.exitLog ? `: ${r.exitLog}` : ''}`;
  } else if (r.restartingUntil === Number.MAX_SAFE_INTEGER) {
    runningState = 'Waiting';
    details = `Container is restarting after failing its liveness probe: ${r.lastRestartReason ?? 'no answer'}`;
  } else if (!r.ready) {
    details = r.lastProblem
      ? `Container is running but not ready: ${r.lastProblem}${restart}`
      : `Container is running; its readiness probe has not passed yet${restart}`;
  } else if (restart) {
    details = `Container is running and ready${restart}`;
  }
  return {
    name: r.replicaName ?? `${revisionName}-${r.id.slice(0, 5)}`,
    createdTime: new Date(r.createdAt ?? 0).toISOString(),
    container: {
      name: containerName,
      containerId: `docker://${r.id}`,
      ready: runningState === 'Running' && r.ready,
      started: runningState === 'Running',
      restartCount: r.restarts,
      runningState,
      ...(details ? { runningStateDetails: details } : {}),
    },
  };
}

/**
 * The replicas of a revision whose image is being pulled: NotRunning, the container Waiting with Azure's reason
 * (test_containerapp_replica_commands.yaml: "Container is waiting with reason: PullingImage on legion.",
 * ready false, restartCount 0). Pure.
 */
export function pullingView(
  names: readonly string[],
  since: number,
  containerName: string,
  node = DEFAULT_NODE,
): RuntimeReplicaStatus[] {
  return names.map((name) => ({
    name,
    createdTime: new Date(since).toISOString(),
    container: {
      name: containerName,
      containerId: '',
      ready: false,
      started: false,
      restartCount: 0,
      runningState: 'Waiting',
      runningStateDetails: `Container is waiting with reason: PullingImage on ${node}.`,
    },
  }));
}

/** A revision the runtime does not run. */
export class UnknownRevisionError extends Error {
  constructor(readonly revisionName: string) {
    super(`no revision ${revisionName} runs here`);
    this.name = 'UnknownRevisionError';
  }
}

export class DockerRuntime implements Runtime {
  readonly instanceId: string;
  private readonly ownsNetwork: boolean;
  readonly network: string;
  private readonly docker: DockerCli;
  private readonly configDir: string;
  private readonly records = new Map<string, RevisionRecord>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly logins = new Set<string>();
  private readonly o: Required<
    Omit<DockerRuntimeOptions, 'instanceId' | 'dockerHost' | 'network' | 'pullBandwidth'>
  > & { pullBandwidth?: number };
  private initialized?: Promise<void>;
  private createdNetwork = false;
  private events?: ChildProcess;
  private timer?: NodeJS.Timeout;
  private probing = false;
  private closed = false;
  /** The platform's part of every container created from now on (set by the simulator once its services run). */
  containerContext?: ContainerContextFn;

  constructor(options: DockerRuntimeOptions = {}) {
    this.instanceId = options.instanceId ?? randomBytes(4).toString('hex');
    this.network = options.network ?? `alc-sim-${this.instanceId}`;
    this.ownsNetwork = options.network === undefined;
    // Logins stay in a private config directory: the user's ~/.docker is never touched.
    this.configDir = mkdtempSync(join(tmpdir(), `alc-sim-docker-${this.instanceId}-`));
    this.docker = new DockerCli({ host: options.dockerHost, configDir: this.configDir });
    this.o = {
      pullPolicy: options.pullPolicy ?? 'always',
      probeIntervalMs: options.probeIntervalMs ?? 1000,
      probeTimeoutMs: options.probeTimeoutMs ?? 1000,
      failureThreshold: options.failureThreshold ?? 3,
      startupFailureThreshold: options.startupFailureThreshold ?? 30,
      probeTiming: options.probeTiming ?? 'fixed',
      pullDelayMs: options.pullDelayMs ?? 0,
      pullBandwidth: options.pullBandwidth,
      activationTimeoutMs: options.activationTimeoutMs ?? 30_000,
      node: options.node ?? DEFAULT_NODE,
    };
  }

  /**
   * Never rejects for what the engine does (a failed pull, a container that cannot start, an engine
   * that is down): those show in status() as provisioning Failed with the reason.
   */
  ensureRevision(spec: RuntimeRevisionSpec): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the runtime is closed'));
    // Visible at once, so that a caller polling status() never sees a revision it just asked for missing.
    if (!this.records.has(spec.revisionName)) {
      this.records.set(spec.revisionName, { spec, key: '', phase: 'provisioning', replicas: [] });
    }
    return this.serial(spec.revisionName, async () => {
      const key = specKey(spec);
      const current = this.records.get(spec.revisionName);
      const record: RevisionRecord = { spec, key, phase: 'provisioning', replicas: [] };
      try {
        await this.init();
        if (current && current.key === key && current.phase === 'created') {
          current.spec = spec;
          await this.scale(current);
          return;
        }
        this.records.set(spec.revisionName, record);
        if (current) await this.removeContainers(current);
      } catch (e) {
        this.records.set(spec.revisionName, {
          ...record,
          phase: 'failed',
          message: `Docker engine: ${problem(e)}`,
        });
        return;
      }
      await this.provision(record);
    });
  }

  /**
   * The Docker network's gateway IP: the host's address on the containers' network, where the simulator's services
   * for containers listen (storage, managed identity, broker). Creates the network when needed.
   */
  async gateway(): Promise<string> {
    await this.init();
    const ip = await this.docker.networkGateway(this.network);
    if (!ip) throw new Error(`the Docker network ${this.network} has no IPv4 gateway`);
    return ip;
  }

  stopRevision(revisionName: string, options: { graceSeconds?: number } = {}): Promise<void> {
    return this.serial(revisionName, async () => {
      const record = this.records.get(revisionName);
      if (record) {
        record.phase = 'removing';
        const ids = record.replicas.map((r) => r.id);
        record.replicas = [];
        if (options.graceSeconds !== undefined) await this.terminate(ids, options.graceSeconds);
        await this.docker.rm(ids);
        this.records.delete(revisionName);
      }
      if (this.initialized) {
        // Containers of this revision the records do not know (an interrupted start) go too.
        const ids = await this.docker.ps({
          label: [`${LABEL_INSTANCE}=${this.instanceId}`, `${LABEL_REVISION}=${revisionName}`],
        });
        await this.docker.rm(ids);
      }
    });
  }

  status(revisionName: string): RuntimeRevisionStatus | undefined {
    const r = this.records.get(revisionName);
    return (
      r &&
      deriveStatus(
        r.phase,
        r.replicas,
        {
          ...this.o,
          containerName: r.spec.containerName ?? r.spec.appName,
          targetPort: r.spec.targetPort,
        },
        r.message,
      )
    );
  }

  endpoints(revisionName: string): Endpoint[] {
    const r = this.records.get(revisionName);
    if (!r || r.phase !== 'created') return [];
    return r.replicas
      .filter((x) => x.ready && x.exitCode === undefined && x.port !== undefined)
      .map((x) => ({ host: '127.0.0.1', port: x.port as number }));
  }

  replicaStatus(revisionName: string): RuntimeReplicaStatus[] {
    const r = this.records.get(revisionName);
    const container = r?.spec.containerName ?? r?.spec.appName ?? '';
    if (r?.phase === 'pulling')
      return pullingView(r.pending ?? [], r.pullingSince ?? Date.now(), container, this.o.node);
    if (!r || r.phase !== 'created') return [];
    return r.replicas.map((x) => replicaView(x, revisionName, container, this.o.node));
  }

  /**
   * Hangs a revision: `docker pause` of its running containers (the processes freeze, their TCP connections, e.g.
   * a broker session, stay open; they answer no probe). Returns the paused containers' ids; throws when the
   * runtime knows no such revision.
   */
  async hang(revisionName: string): Promise<string[]> {
    const r = this.records.get(revisionName);
    if (!r) throw new UnknownRevisionError(revisionName);
    const live = r.replicas.filter((x) => x.exitCode === undefined && !x.hung);
    await this.docker.pause(live.map((x) => x.id));
    for (const x of live) x.hung = true;
    return r.replicas.filter((x) => x.hung).map((x) => x.id);
  }

  /** The replicas of a revision as the runtime sees them (for diagnostics and tests). */
  replicas(revisionName: string): readonly ReplicaState[] {
    return this.records.get(revisionName)?.replicas ?? [];
  }

  /** Memory in use of every running replica (Docker's stats), with its revision and replica name. */
  async memory(): Promise<Array<{ revision: string; replica: string; bytes: number }>> {
    const live = [...this.records.entries()].flatMap(([revision, r]) =>
      r.replicas.filter((x) => x.exitCode === undefined).map((x) => ({ revision, x })),
    );
    const stats = await this.docker.memoryStats(live.map(({ x }) => x.id));
    return live.flatMap(({ revision, x }) => {
      const bytes = stats.get(x.id) ?? stats.get(x.id.slice(0, 12));
      return bytes === undefined ? [] : [{ revision, replica: x.replicaName ?? x.name, bytes }];
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.events?.kill();
    await Promise.allSettled([...this.queues.values()]);
    if (this.initialized) {
      await this.initialized.catch(() => undefined);
      await this.docker.rm(await this.docker.ps({ label: `${LABEL_INSTANCE}=${this.instanceId}` }));
      if (this.createdNetwork) await this.docker.networkRm(this.network);
    }
    this.records.clear();
    rmSync(this.configDir, { recursive: true, force: true });
  }

  // -------------------------------------------------------------------------------------------

  /** Runs operations on one revision one after another. */
  private serial<T>(revisionName: string, op: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(revisionName) ?? Promise.resolve();
    const next = previous.then(op, op);
    const settled = next.catch(() => undefined);
    this.queues.set(revisionName, settled);
    void settled.then(() => {
      if (this.queues.get(revisionName) === settled) this.queues.delete(revisionName);
    });
    return next;
  }

  private init(): Promise<void> {
    this.initialized ??= (async () => {
      await this.docker.serverVersion();
      const since = Math.floor(Date.now() / 1000) - 1;
      const created = await this.docker.networkCreate(this.network, {
        [LABEL_INSTANCE]: this.instanceId,
      });
      // The default network is named after this instance: one left by a killed run is ours to remove too.
      this.createdNetwork = created || this.ownsNetwork;
      // Leftovers of an earlier run with the same instance id: the control plane re-creates what is active.
      await this.docker.rm(await this.docker.ps({ label: `${LABEL_INSTANCE}=${this.instanceId}` }));
      this.watchEvents(since);
      this.timer = setInterval(() => void this.probeAll(), this.o.probeIntervalMs);
      this.timer.unref();
    })();
    // An engine that was down may be up next time: do not keep the failure.
    this.initialized.catch(() => (this.initialized = undefined));
    return this.initialized;
  }

  private watchEvents(since: number): void {
    const filters = { type: 'container', event: 'die', label: `${LABEL_INSTANCE}=${this.instanceId}` };
    const child = this.docker.events(filters, since, (e) => {
      const id = e.Actor?.ID ?? e.id ?? '';
      const code = Number(e.Actor?.Attributes.exitCode ?? NaN);
      const atMs = e.timeNano ? e.timeNano / 1e6 : Date.now();
      void this.onExit(id, Number.isNaN(code) ? -1 : code, atMs);
    });
    child.unref();
    child.on('exit', () => {
      // The event stream ended on its own (engine restart): pick it up again, replaying the last seconds.
      if (!this.closed)
        setTimeout(() => !this.closed && this.watchEvents(Math.floor(Date.now() / 1000) - 5), 1000);
    });
    this.events = child;
  }

  private async onExit(id: string, exitCode: number, atMs: number): Promise<void> {
    const replica = [...this.records.values()].flatMap((r) => r.replicas).find((x) => x.id === id);
    if (!replica || replica.exitCode !== undefined) return;
    if (replica.restartingUntil !== undefined && atMs <= replica.restartingUntil) return;
    replica.exitCode = exitCode;
    replica.ready = false;
    const log = (await this.docker.logs(id, 3)).trim().split('\n').pop();
    if (log) replica.exitLog = log.slice(0, 300);
  }

  private async provision(record: RevisionRecord): Promise<void> {
    const { spec } = record;
    Object.assign(record, {
      phase: 'pulling',
      pullingSince: Date.now(),
      pending: Array.from(
        { length: Math.max(1, spec.replicas) },
        () => `${spec.revisionName}-${randomBytes(3).toString('hex')}`,
      ),
    });
    try {
      await this.pull(spec);
    } catch (e) {
      record.phase = 'failed';
      record.message = `Failed to pull image "${spec.image}": ${problem(e)}`;
      return;
    }
    try {
      await this.scale(record);
      record.phase = 'created';
    } catch (e) {
      record.phase = 'failed';
      record.message = `Failed to create the containers of ${spec.revisionName}: ${problem(e)}`;
      await this.removeContainers(record);
    }
  }

  private async pull(spec: RuntimeRevisionSpec): Promise<void> {
    const auth = spec.registryAuth;
    if (auth) {
      const login = `${auth.server}\n${auth.username}\n${createHash('sha256').update(auth.password).digest('hex')}`;
      if (!this.logins.has(login)) {
        await this.docker.login(auth.server, auth.username, auth.password);
        this.logins.add(login);
      }
    }
    if (this.o.pullPolicy === 'missing' && (await this.docker.imageInspect(spec.image))) return;
    const started = Date.now();
    await this.docker.pull(spec.image);
    // The simulated transfer: the image's size at pullBandwidth (the real pull's time counts), plus pullDelayMs.
    const { pullBandwidth: bandwidth, pullDelayMs } = this.o;
    const size = bandwidth ? ((await this.docker.imageInspect(spec.image))?.size ?? 0) : 0;
    const transfer = bandwidth ? (size / bandwidth) * 1000 - (Date.now() - started) : 0;
    const wait = Math.max(0, transfer) + pullDelayMs;
    if (wait > 0 && !this.closed) await new Promise((r) => setTimeout(r, wait));
  }

  /** Starts or removes containers until the revision has spec.replicas of them. */
  private async scale(record: RevisionRecord): Promise<void> {
    const want = Math.max(1, record.spec.replicas);
    const extra = record.replicas.splice(want);
    await this.docker.rm(extra.map((r) => r.id));
    const missing = want - record.replicas.length;
    const names = record.pending?.splice(0) ?? [];
    const started = await Promise.all(
      Array.from({ length: missing }, (_, i) => this.startReplica(record.spec, names[i])),
    );
    record.replicas.push(...started);
  }

  private async startReplica(spec: RuntimeRevisionSpec, replicaName?: string): Promise<ReplicaState> {
    const random = replicaName?.slice(spec.revisionName.length + 1) || randomBytes(3).toString('hex');
    const name = `alc-sim-${this.instanceId}-${spec.revisionName}-${random}`;
    const createdAt = Date.now();
    const platform = (await this.containerContext?.(spec, `${spec.revisionName}-${random}`)) ?? {};
    const id = await this.docker.run({
      image: spec.image,
      name,
      network: this.network,
      labels: {
        [LABEL_INSTANCE]: this.instanceId,
        [LABEL_REVISION]: spec.revisionName,
        [LABEL_APP]: spec.appName,
      },
      env: {
        ...spec.env,
        ...platform.env,
        CONTAINER_APP_NAME: spec.appName,
        CONTAINER_APP_REVISION: spec.revisionName,
        CONTAINER_APP_REPLICA_NAME: `${spec.revisionName}-${random}`,
        CONTAINER_APP_PORT: String(spec.targetPort),
      },
      publish: [spec.targetPort],
      command: spec.command,
      args: spec.args,
      mounts: platform.mounts,
      hosts: platform.hosts,
    });
    const state = await this.docker.inspect(id);
    const replica: ReplicaState = {
      id,
      name,
      replicaName: `${spec.revisionName}-${random}`,
      createdAt,
      port: state?.ports[spec.targetPort],
      ready: false,
      failures: 0,
      answered: false,
      livenessFailures: 0,
      restarts: 0,
    };
    if (state && !state.running) replica.exitCode = state.exitCode;
    return replica;
  }

  /**
   * Ends containers as ACA ends a replica: SIGTERM, then SIGKILL after the grace period. A paused container (a hung
   * process) cannot act on SIGTERM: it is not thawed (`docker stop` would thaw it), it is killed after the grace.
   */
  private async terminate(ids: string[], graceSeconds: number): Promise<void> {
    const states = await Promise.all(ids.map((id) => this.docker.inspect(id).catch(() => undefined)));
    const paused = states.filter((s) => s?.status === 'paused').map((s) => s!.id);
    const running = states.filter((s) => s?.running && s.status !== 'paused').map((s) => s!.id);
    const grace = Math.max(0, graceSeconds);
    await Promise.all([
      this.docker.stop(running, grace).catch(() => undefined),
      paused.length > 0 && !this.closed ? new Promise((r) => setTimeout(r, grace * 1000)) : Promise.resolve(),
    ]);
  }

  private async removeContainers(record: RevisionRecord): Promise<void> {
    const ids = record.replicas.map((r) => r.id);
    record.replicas = [];
    await this.docker.rm(ids);
  }

  /** One probe per live replica; a tick is skipped while the previous one still runs. */
  private async probeAll(): Promise<void> {
    if (this.probing || this.closed) return;
    this.probing = true;
    try {
      const work = [...this.records.values()]
        .filter((r) => r.phase === 'created')
        .flatMap((r) =>
          r.replicas
            .filter((x) => x.exitCode === undefined && x.port !== undefined)
            .map((x) => this.probeOne(x, r.spec)),
        );
      await Promise.all(work);
    } finally {
      this.probing = false;
    }
  }

  private async probeOne(replica: ReplicaState, spec: RuntimeRevisionSpec): Promise<void> {
    const timed = this.o.probeTiming === 'template';
    if (timed ? replica.restartingUntil === Number.MAX_SAFE_INTEGER : replica.restartingUntil !== undefined)
      return;
    if (spec.livenessPath && (!timed || due(replica, 'nextLivenessAt', spec.livenessTiming))) {
      if (!(await this.live(replica, spec))) return;
    }
    if (timed && !due(replica, 'nextReadinessAt', spec.readinessTiming)) return;
    const threshold = timed
      ? (spec.readinessTiming?.failureThreshold ?? PROBE_DEFAULTS.failureThreshold)
      : this.o.failureThreshold;
    const path = spec.readinessPath ?? '/';
    const result = await httpProbe(replica.port as number, path, this.o.probeTimeoutMs, 'readiness');
    if (result.ok) {
      replica.ready = true;
      replica.failures = 0;
      replica.answered = true;
      replica.lastProblem = undefined;
      return;
    }
    replica.failures += 1;
    replica.answered ||= result.status !== undefined;
    replica.lastProblem = result.problem;
    if (replica.failures >= threshold) replica.ready = false;
    if (!replica.answered && Date.now() - (replica.listeningReadAt ?? 0) >= 5000) {
      replica.listeningReadAt = Date.now();
      void this.readListening(replica, spec.targetPort);
    }
  }

  /** What the container listens on, from its /proc/net/tcp{,6} (Azure names that port when it is not the target). */
  private async readListening(replica: ReplicaState, targetPort: number): Promise<void> {
    const read = (file: string) => this.docker.exec(['exec', replica.id, 'cat', file]).catch(() => '');
    const text = (await read('/proc/net/tcp')) + (await read('/proc/net/tcp6'));
    const ports = listeningPorts(text);
    replica.listening = ports.includes(targetPort) ? [] : ports;
  }

  /** The liveness probe; a replica that keeps failing it is restarted (false while that happens). */
  private async live(replica: ReplicaState, spec: RuntimeRevisionSpec): Promise<boolean> {
    const path = spec.livenessPath as string;
    const result = await httpProbe(replica.port as number, path, this.o.probeTimeoutMs, 'liveness');
    if (result.ok) {
      replica.livenessFailures = 0;
      return true;
    }
    replica.livenessFailures += 1;
    const answered = replica.answered || result.status !== undefined;
    const limit =
      this.o.probeTiming === 'template'
        ? (spec.livenessTiming?.failureThreshold ?? PROBE_DEFAULTS.failureThreshold)
        : answered
          ? this.o.failureThreshold
          : this.o.startupFailureThreshold;
    if (replica.livenessFailures < limit) return true;
    replica.restartingUntil = Number.MAX_SAFE_INTEGER;
    // Readiness counters carry on: a replica that keeps failing stays Unhealthy across its restarts.
    Object.assign(replica, {
      ready: false,
      livenessFailures: 0,
      lastProblem: result.problem,
      lastRestartReason: result.problem,
    });
    try {
      await this.docker.restart(replica.id);
      replica.port = (await this.docker.inspect(replica.id))?.ports[spec.targetPort];
      replica.restarts += 1;
      // Started again (a hung, paused container too): the probes' initial delay applies again.
      Object.assign(replica, {
        hung: false,
        startedAt: Date.now(),
        nextLivenessAt: undefined,
        nextReadinessAt: undefined,
      });
    } catch {
      // The container went away while being restarted (its revision was deactivated): nothing to restart.
    } finally {
      replica.restartingUntil = Date.now();
      setTimeout(() => (replica.restartingUntil = undefined), 5000).unref();
    }
    return false;
  }
}

/** ACA's (Kubernetes') probe defaults for the fields a template leaves out. */
const PROBE_DEFAULTS = { initialDelaySeconds: 0, periodSeconds: 10, failureThreshold: 3 };

/** probeTiming 'template': whether a probe is due (initial delay from the last start, then every period). */
function due(
  replica: ReplicaState,
  key: 'nextLivenessAt' | 'nextReadinessAt',
  timing: ProbeTiming | undefined,
  now = Date.now(),
): boolean {
  const start = replica.startedAt ?? replica.createdAt ?? now;
  const next =
    replica[key] ?? start + (timing?.initialDelaySeconds ?? PROBE_DEFAULTS.initialDelaySeconds) * 1000;
  if (now < next) return false;
  replica[key] = now + (timing?.periodSeconds ?? PROBE_DEFAULTS.periodSeconds) * 1000;
  return true;
}

/** HTTP GET on 127.0.0.1:port; 200-399 passes, as in ACA's HTTP probes. */
export function httpProbe(
  port: number,
  path: string,
  timeoutMs: number,
  kind: 'readiness' | 'liveness' = 'readiness',
): Promise<{ ok: boolean; status?: number; problem?: string }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 400;
      resolve({
        ok,
        status,
        problem: ok ? undefined : `${kind} probe GET ${path} returned HTTP ${status}`,
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, problem: `${kind} probe GET ${path} failed: ${e.message}` }));
  });
}

/** What makes a revision's containers different: anything but the replica count and probe paths. */
function specKey(spec: RuntimeRevisionSpec): string {
  const { image, env, targetPort, command, args, registryAuth, appName } = spec;
  const material = JSON.stringify({
    image,
    env,
    targetPort,
    command,
    args,
    server: registryAuth?.server,
    appName,
  });
  return createHash('sha256').update(material).digest('hex');
}

function problem(e: unknown): string {
  if (e instanceof DockerError) return e.stderr.trim().replace(/\s+/g, ' ') || e.message;
  return e instanceof Error ? e.message : String(e);
}
