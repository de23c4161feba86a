// The runtime of the ARM-only mode (docker: false): no containers run. A revision is reported
// Provisioned, Running and Healthy as soon as it is ensured, and has no endpoints, so the ingress
// answers 503 for it. For ARM tests and machines without Docker.
import type {
  Endpoint,
  Runtime,
  RuntimeReplicaStatus,
  RuntimeRevisionSpec,
  RuntimeRevisionStatus,
} from '../types.js';

export class StaticRuntime implements Runtime {
  private readonly revisions = new Map<string, RuntimeRevisionStatus>();
  private readonly replicas = new Map<string, RuntimeReplicaStatus[]>();

  async ensureRevision(spec: RuntimeRevisionSpec): Promise<void> {
    this.revisions.set(spec.revisionName, {
      provisioningState: 'Provisioned',
      runningState: 'Running',
      healthState: 'Healthy',
      readyReplicas: spec.replicas,
    });
    const createdTime = new Date().toISOString();
    this.replicas.set(
      spec.revisionName,
      Array.from({ length: Math.max(1, spec.replicas) }, (_, i) => ({
        name: `${spec.revisionName}-static-${i}`,
        createdTime,
        container: {
          name: spec.containerName ?? spec.appName,
          containerId: `static://${spec.revisionName}-${i}`,
          ready: true,
          started: true,
          restartCount: 0,
          runningState: 'Running' as const,
        },
      })),
    );
  }

  replicaStatus(revisionName: string): RuntimeReplicaStatus[] {
    return this.replicas.get(revisionName) ?? [];
  }

  async stopRevision(revisionName: string): Promise<void> {
    this.revisions.delete(revisionName);
    this.replicas.delete(revisionName);
  }

  status(revisionName: string): RuntimeRevisionStatus | undefined {
    return this.revisions.get(revisionName);
  }

  endpoints(_revisionName: string): Endpoint[] {
    return [];
  }

  async close(): Promise<void> {
    this.revisions.clear();
    this.replicas.clear();
  }
}
