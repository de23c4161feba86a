// The demo's audit trail (docs/audit.md): the workflows run with the repository variable ALC_AUDIT pointing at an
// append blob in the simulator's storage (its container created at the start); after the scenarios the demo reads
// the trail, gives each release scenario its window decision, and checks that each production change the scenarios'
// runs made is there exactly once.
import type { TokenCredential } from '@azure/core-auth';
import { parseAuditTail, type AuditChange, type AuditRecord } from '../src/audit/record.js';
import { blobService, STORAGE_SCOPE } from '../src/azure/blob.js';
import type { Simulator } from '../sim/index.js';
import { flatJobs } from '../runner/workflow.js';
import { APP, appOfWorkflow, type Check, type Scenario } from './scenarios.js';

const AUDIT_CONTAINER = 'audit';

/** The trail's blob URL (path style on the simulator's Azurite). */
export const auditUrl = (sim: Simulator) =>
  `${sim.endpoints.storage!.replace(/\/+$/, '')}/${AUDIT_CONTAINER}/${APP}.jsonl`;

/** The simulator's Entra token for storage, as the demo's own reader. */
function storageCredential(sim: Simulator): TokenCredential {
  return {
    getToken: async () => ({
      token: sim.identity.issueAccessToken(STORAGE_SCOPE.replace('/.default', '')),
      expiresOnTimestamp: Date.now() + 30 * 60_000,
    }),
  };
}

const containerOf = (sim: Simulator) =>
  blobService(sim.endpoints.storage!, storageCredential(sim), {
    tlsOptions: { ca: sim.ca },
  }).getContainerClient(AUDIT_CONTAINER);

/** The trail's container, as the firm creates it once (docs/audit.md, "Setting it up"). */
export async function createAuditContainer(sim: Simulator): Promise<void> {
  await containerOf(sim).createIfNotExists();
}

/** Every record of the trail, read as a person would (the whole blob); [] when nothing was written. */
export async function readAuditTrail(sim: Simulator): Promise<AuditRecord[]> {
  const blob = containerOf(sim).getBlobClient(`${APP}.jsonl`);
  if (!(await blob.exists())) return [];
  return parseAuditTail((await blob.downloadToBuffer()).toString('utf8'), true);
}

/** The production change each step of the release and rollback workflows makes (their step ids). */
const STEP_CHANGES: Readonly<Record<string, AuditChange>> = {
  deploy: 'release',
  promote: 'promote',
  rollback: 'rollback',
  abort: 'abort',
};

/** A change a scenario's run made, as its steps say: which, and whether the step succeeded. */
export interface ExpectedChange {
  scenario: string;
  step: string;
  change: AuditChange;
  succeeded: boolean;
  /**
   * An abort that succeeded may find production already back (the promote's own recovery restored it): it changed
   * nothing and records nothing. Every other step that ran is a change of production.
   */
  optional: boolean;
}

/** The changes of the production scenarios, from their runs' steps that ran (not skipped). */
export function expectedChanges(scenarios: readonly Scenario[]): ExpectedChange[] {
  return scenarios
    .filter((s) => appOfWorkflow(s.workflow).app === APP && s.run)
    .flatMap((s) =>
      flatJobs(s.run!.jobs).flatMap((j) =>
        j.steps.flatMap((st) => {
          const change = STEP_CHANGES[st.id];
          if (!change || st.outcome === 'skipped') return [];
          const succeeded = st.outcome === 'success';
          return [
            {
              scenario: s.title,
              step: `${j.id}/${st.id}`,
              change,
              succeeded,
              optional: change === 'abort' && succeeded,
            },
          ];
        }),
      ),
    );
}

/** The records of a scenario: written while its run ran. */
export function recordsOf(s: Scenario, records: readonly AuditRecord[]): AuditRecord[] {
  if (s.startedAt === undefined || s.endedAt === undefined) return [];
  return records.filter((r) => {
    const at = Date.parse(r.time);
    return at >= s.startedAt! && at <= s.endedAt!;
  });
}

/**
 * The checks on the trail: each change of each scenario exactly once (a failed step's with an outcome other than
 * succeeded), no record that no change explains, no key twice.
 */
export function auditChecks(scenarios: readonly Scenario[], records: readonly AuditRecord[]): Check[] {
  const expected = expectedChanges(scenarios);
  const checks: Check[] = [];
  const keys = records.map((r) => r.key);
  const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
  checks.push({
    what: 'no record is in the trail twice (one key per change)',
    ok: twice.length === 0,
    detail: twice.length ? twice.join(', ') : `${records.length} records`,
  });
  const explained = new Set<AuditRecord>();
  for (const s of scenarios) {
    const mine = recordsOf(s, records).filter((r) => r.change !== 'override' && r.change !== 'stop');
    for (const e of expected.filter((x) => x.scenario === s.title)) {
      const found = mine.filter(
        (r) => r.change === e.change && !explained.has(r) && (r.outcome === 'succeeded') === e.succeeded,
      );
      const ok = e.optional ? found.length <= 1 : found.length === 1;
      found.slice(0, 1).forEach((r) => explained.add(r));
      checks.push({
        what: `${s.title}: ${e.step} (${e.change}, ${e.succeeded ? 'succeeded' : 'failed'}) is in the trail ${e.optional ? 'at most' : 'exactly'} once`,
        ok,
        detail: found.length ? found.map((r) => `${r.key} ${r.outcome}`).join(', ') : 'no record',
      });
    }
  }
  // The decisions beside a change (override, stop) are explained by the change they stand beside.
  const unexplained = records.filter(
    (r) => !explained.has(r) && r.change !== 'override' && r.change !== 'stop',
  );
  checks.push({
    what: 'every record is a change of a scenario (none lost, none doubled)',
    ok: unexplained.length === 0,
    detail: unexplained.length
      ? unexplained.map((r) => `${r.key} ${r.outcome}`).join(', ')
      : `${explained.size} changes`,
  });
  return checks;
}

/** The window decision of a release: allowed, override, refused or none, as the promote's record states it. */
export function windowDecision(records: readonly AuditRecord[]): 'allowed' | 'override' | 'refused' | 'none' {
  const promote = records.find((r) => r.change === 'promote');
  const w = promote?.window ?? '';
  if (w === 'allowed') return 'allowed';
  if (w.startsWith('override')) return 'override';
  if (w === 'refused' || w.startsWith('stop')) return 'refused';
  return 'none';
}
