// What a production deploy-app run reports to the notifications and the audit trail (src/core/change-control.ts):
// pure functions of its settings and its result or error. A preview is no production change: nothing.
import type { ChangeReport } from '../core/change-control.js';
import { describeError } from '../core/run-entry.js';
import type { DeployResult } from './run.js';
import type { DeploySettings } from './settings.js';

const digestOf = (image: string) => (image.includes('@') ? image.slice(image.indexOf('@') + 1) : undefined);

/** A deploy of production: a release (the first deploy goes live, a later one stands by as the candidate). */
export function deployChange(s: DeploySettings, r: DeployResult): ChangeReport | undefined {
  if (s.mode !== 'production') return undefined;
  const live = r.created || r.productionRevision === r.revision;
  const digest = digestOf(r.image);
  const before = r.trafficBefore.find((t) => (t.weight ?? 0) === 100)?.revisionName ?? undefined;
  return {
    app: s.app,
    action: 'deploy-app',
    change: 'release',
    outcome: 'succeeded',
    // A completed release is a first deploy (it serves at once); a standby candidate is announced by its promote.
    ...(live ? { notice: 'released' as const } : {}),
    changed: !r.reused,
    target: r.revision,
    what: live
      ? `${r.revision} deployed and serving ${r.appUrl}` +
        (r.trading?.designation ? `; trading at epoch ${r.trading.designation.epoch}` : '')
      : `${r.revision} deployed as the ${r.label} candidate (no production traffic)`,
    reason: '',
    version: s.suffix,
    revision: r.revision,
    ...(digest ? { digest } : {}),
    ...(before ? { from: before } : {}),
    to: r.productionRevision ?? r.revision,
    ...(r.trading?.designation ? { epoch: r.trading.designation.epoch } : {}),
    window: live ? 'first deploy' : 'any time (standby)',
  };
}

export function deployFailureChange(s: DeploySettings, error: unknown): ChangeReport | undefined {
  if (s.mode !== 'production') return undefined;
  const why = describeError(error);
  const digest = digestOf(s.image);
  return {
    app: s.app,
    action: 'deploy-app',
    change: 'release',
    outcome: 'failed',
    notice: 'failed',
    changed: true,
    target: s.revision,
    what: `${s.revision} failed: ${why}`,
    reason: why,
    version: s.suffix,
    revision: s.revision,
    ...(digest ? { digest } : {}),
    window: 'any time (standby)',
  };
}
