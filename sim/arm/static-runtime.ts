// The runtime of the ARM-only mode (docker: false): no containers run. A revision is reported
// Provisioned, Running and Healthy as soon as it is ensured, and has no endpoints, so the ingress
// answers 503 for it. For ARM tests and machines without Docker.
import type { Endpoint, Runtime, RuntimeRevisionSpec, RuntimeRevisionStatus } from '../types.js';

export class StaticRuntime implements Runtime {
  private readonly revisions = new Map<string, RuntimeRevisionStatus>();

  async ensureRevision(spec: RuntimeRevisionSpec): Promise<void> {
    this.revisions.set(spec.revisionName, {
      provisioningState: 'Provisioned',
      runningState: 'Running',
      healthState: 'Healthy',
      readyReplicas: spec.replicas,
    });
  }

  async stopRevision(revisionName: string): Promise<void> {
    this.revisions.delete(revisionName);
  }

  status(revisionName: string): RuntimeRevisionStatus | undefined {
    return this.revisions.get(revisionName);
  }

  endpoints(_revisionName: string): Endpoint[] {
    return [];
  }

  async close(): Promise<void> {
    this.revisions.clear();
  }
}
