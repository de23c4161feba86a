// Contracts between the simulator's parts. The control plane (ARM, identity, state, composition)
// and the data plane (runtime on Docker, registry + ACR facade, ingress) meet only here.

/** What the runtime needs to run one revision as real containers. */
export interface RuntimeRevisionSpec {
  /** Full revision name, `<app>--<suffix>`. */
  revisionName: string;
  appName: string;
  /** Image reference as the template gives it (registry/repo:tag or registry/repo@sha256:...). */
  image: string;
  /** Registry host:port the image comes from, with credentials the runtime may use to pull. */
  registryAuth?: { server: string; username: string; password: string };
  /** Environment for the container: template env plus resolved secret values. */
  env: Record<string, string>;
  /** The port the container listens on (ingress targetPort). */
  targetPort: number;
  /** Readiness probe path (HTTP GET); default '/'. */
  readinessPath?: string;
  /** Liveness probe path (HTTP GET); optional. */
  livenessPath?: string;
  /** The template's timing of those probes (used by a runtime that follows the template's probe timing). */
  readinessTiming?: ProbeTiming;
  livenessTiming?: ProbeTiming;
  /** The template's name of the container (the replica API reports it); default the app name. */
  containerName?: string;
  /** Replicas to run (scale.minReplicas, at least 1 while active). */
  replicas: number;
  command?: string[];
  args?: string[];
}

/** A probe's timing as the template gives it (ACA's ContainerAppProbe fields). */
export interface ProbeTiming {
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
}

/** Observed state of a revision's containers, as the runtime sees it. */
export interface RuntimeRevisionStatus {
  /** 'Provisioning' while pulling/creating, 'Provisioned' once containers exist, 'Failed' if they cannot. */
  provisioningState: 'Provisioning' | 'Provisioned' | 'Failed';
  /** ACA runningState values the simulator uses. */
  runningState:
    'Running' | 'Processing' | 'Degraded' | 'Failed' | 'Stopped' | 'Activating' | 'Deprovisioning';
  healthState: 'Healthy' | 'Unhealthy' | 'None';
  /** Replicas whose readiness probe passes. */
  readyReplicas: number;
  /** A human-readable reason when Failed/Unhealthy (pull error, exit code, probe status). */
  message?: string;
  /** What Azure shows as the revision's runningStateDetails (e.g. `The TargetPort 8080 does not match the listening port 80.`). */
  details?: string;
}

/** One replica and its container as the runtime observes them (the replica API's view). */
export interface RuntimeReplicaStatus {
  /** Replica name, `<revision>-<random>` as ACA names its pods. */
  name: string;
  createdTime: string;
  container: {
    name: string;
    /** The engine's container id (`docker://<id>`). */
    containerId: string;
    ready: boolean;
    started: boolean;
    /** Restarts of this container (liveness failures; the runtime's own restart loop). */
    restartCount: number;
    runningState: 'Running' | 'Waiting' | 'Terminated';
    /** Why the container is in that state, or what its last probe or restart said. */
    runningStateDetails?: string;
  };
}

export interface Endpoint {
  host: string;
  port: number;
}

export interface Runtime {
  /** Start (or converge) the containers of a revision; idempotent. Resolves once containers were created. */
  ensureRevision(spec: RuntimeRevisionSpec): Promise<void>;
  /**
   * Stop and remove the containers of a revision; idempotent. With `graceSeconds` (ACA's revision restart): SIGTERM
   * first, SIGKILL after that many seconds; without: at once.
   */
  stopRevision(revisionName: string, options?: { graceSeconds?: number }): Promise<void>;
  status(revisionName: string): RuntimeRevisionStatus | undefined;
  /** The replicas of an active revision and their containers (empty while none exists). */
  replicaStatus(revisionName: string): RuntimeReplicaStatus[];
  /** Loopback endpoints of the ready replicas of a revision (empty when none is ready). */
  endpoints(revisionName: string): Endpoint[];
  /** Freeze a revision's containers (docker pause; their connections stay open); the ids paused. Optional. */
  hang?(revisionName: string): Promise<string[]>;
  /** Remove every container this simulator started (on shutdown). */
  close(): Promise<void>;
}

/** One routing decision of the ingress. */
export type Route =
  | { kind: 'revision'; revisionName: string }
  | { kind: 'weighted'; entries: Array<{ revisionName: string; weight: number }> };

/** The control plane answers the ingress: which revision(s) serve this host name? */
export interface RouteTable {
  /** Host without port, lower-case. Undefined when no app/label/revision has that FQDN. */
  route(host: string): Route | undefined;
}

/** Verifies bearer tokens the simulator's Entra ID endpoint issued. */
export interface TokenVerifier {
  /** Returns the token's claims when it is valid (signature, expiry, issuer), else undefined. */
  verify(token: string): Record<string, unknown> | undefined;
}

/** A fault to inject, matched per route. */
export interface FaultRule {
  /**
   * Which service the rule applies to (default 'arm': the control plane, ARM, operation polling, token endpoints);
   * 'storage': the blob service's proxy in front of Azurite (path e.g. `/devstoreaccount1/trading/<app>/designation`).
   */
  service?: 'arm' | 'storage';
  /**
   * Which requests: HTTP method (or '*') and a RegExp source matched against the URL path. For 'unreachable' both
   * default to everything ('*', '').
   */
  method: string;
  path: string;
  /**
   * What to do. 'kill': the request is served as usual, but its answer is held until `kill` has run: a test's
   * SIGKILL of the client's process while the write is in flight (applied by the simulator, never answered).
   * 'unreachable' (storage only): while the rule lasts, every connection to the service is reset as it arrives and
   * open ones are dropped (bound it with `durationMs`, or remove it).
   */
  kind: 'status' | 'latency' | 'reset' | 'lro-fail' | 'kill' | 'unreachable';
  /** For 'status': the status code (429, 500, 503...). */
  status?: number;
  /** For 429: Retry-After seconds. */
  retryAfter?: number;
  /** For 'latency': added milliseconds. */
  latencyMs?: number;
  /** How many matching requests it applies to (default: unlimited). */
  times?: number;
  /** Matching requests let through untouched before the rule applies (default 0): the n+1-th is the first hit. */
  skip?: number;
  /** The rule ends this many milliseconds after it was added (default: never; e.g. a 429 storm for 10 s). */
  durationMs?: number;
  /** For 'kill': called and awaited before the answer leaves (in-process rules only; JSON cannot carry it). */
  kill?: () => void | Promise<void>;
}
