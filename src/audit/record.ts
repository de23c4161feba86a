// The audit trail (DESIGN "Change control for a trading firm"; docs/audit.md): one JSON line per production change,
// appended to an append blob the firm keeps. The `audit` input, the record, its idempotency key and the rule that
// decides, from the last records of the blob, whether this run appends. Pure.
import { InputError } from '../core/inputs.js';
import { parseTradingLease } from '../trading/lease-url.js';

export interface AuditSetting {
  /** The blob's URL as given (no query string: the run signs in with its own identity). */
  url: string;
  serviceUrl: string;
  container: string;
  blob: string;
}

const AUDIT_ALLOWED =
  "allowed: '' (no audit trail) or an append blob URL https://<account>.blob.core.windows.net/<container>/<blob> " +
  '(path style https://<host>:<port>/<account>/<container>/<blob> for an emulator), e.g. ' +
  'https://<account>.blob.core.windows.net/audit/<app>.jsonl, without a query string or SAS token';

export function parseAudit(raw: string, input = 'audit'): AuditSetting | undefined {
  let parsed;
  try {
    parsed = parseTradingLease(raw, input);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const why = error.message.match(/: ([^;]*);/)?.[1] ?? 'not a blob URL';
    throw new InputError(input, raw, `${why}; ${AUDIT_ALLOWED}`);
  }
  if (parsed.kind === 'none') return undefined;
  if (parsed.kind !== 'managed') throw new InputError(input, raw, AUDIT_ALLOWED);
  return { url: parsed.url, serviceUrl: parsed.serviceUrl, container: parsed.container, blob: parsed.prefix };
}

/** The production changes the trail records. */
export type AuditChange = 'release' | 'promote' | 'rollback' | 'abort' | 'override' | 'stop';
export type AuditOutcome = 'succeeded' | 'failed' | 'rolled-back' | 'refused';

export interface AuditRecord {
  /** ISO time the record was written. */
  time: string;
  /** run id + attempt + change + target: the same change of the same attempt is recorded once. */
  key: string;
  app: string;
  /** The action that made the change (deploy-app, blue-green). */
  action: string;
  change: AuditChange;
  outcome: AuditOutcome;
  /** Who and what started the run: GITHUB_ACTOR, GITHUB_EVENT_NAME. */
  actor: string;
  trigger: string;
  /** Why: the override's reason, the stop's reason, or the error of a failed change. */
  reason: string;
  /** The image digest released, when the run knows it. */
  digest?: string;
  /** Production revision before and after. */
  from?: string;
  to?: string;
  /** The trading designation's epoch after the change (with a managed lease). */
  epoch?: number;
  /** The window decision: allowed, override (with its reason), refused (freeze, stop), or none. */
  window: string;
  runUrl?: string;
  runId: string;
  attempt: number;
  /** What the change was aimed at (a label, a revision, a version). */
  target: string;
}

export interface RunIdentity {
  runId: string;
  attempt: number;
  actor: string;
  trigger: string;
  runUrl?: string;
}

/** The run as the runner's environment names it (a run by hand: run id `local`, attempt 1). */
export function runIdentityOf(env: NodeJS.ProcessEnv): RunIdentity {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return {
    runId: id || 'local',
    attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1,
    actor: env.GITHUB_ACTOR || 'unknown',
    trigger: env.GITHUB_EVENT_NAME || 'unknown',
    ...(server && repo && id ? { runUrl: `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${id}` } : {}),
  };
}

/** The idempotency key: run id, attempt, change and target. */
export const auditKey = (runId: string, attempt: number, change: string, target: string) =>
  `${runId}.${attempt}.${change}.${target}`;

/** One record as one line of the blob (JSON, no newline inside, then `\n`). */
export const auditLine = (r: AuditRecord) => `${JSON.stringify(r)}\n`;

/**
 * The records of a tail of the blob: whole lines only (a tail read from the middle of the blob drops its first,
 * partial line), lines that are not a record skipped.
 */
export function parseAuditTail(text: string, fromStart: boolean): AuditRecord[] {
  const lines = text.split('\n');
  if (!fromStart) lines.shift();
  const records: AuditRecord[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const r = JSON.parse(line) as AuditRecord;
      if (r && typeof r.key === 'string') records.push(r);
    } catch {
      // Not a record (a torn line cannot happen with appendBlock, but a person may have appended by hand).
    }
  }
  return records;
}

export type AppendDecision =
  { append: true } | { append: false; why: 'recorded' | 'earlier-attempt' | 'no-change' };

/**
 * Whether this run appends its record, given the blob's last records.
 * - The same key is there: this attempt already recorded this change (it was killed after the append and runs
 *   again): nothing more.
 * - The run changed nothing (it found the change done): a first attempt records nothing (another run made the
 *   change and recorded it); a re-run (attempt > 1) records the change once if no earlier attempt of this run did
 *   (that attempt made the change and died before its append), with outcome succeeded.
 * - Otherwise (a change made, or a failed or refused one): append.
 */
export function appendDecision(
  tail: readonly AuditRecord[],
  record: AuditRecord,
  changed: boolean,
): AppendDecision {
  if (tail.some((r) => r.key === record.key)) return { append: false, why: 'recorded' };
  if (changed || record.outcome !== 'succeeded') return { append: true };
  if (record.attempt <= 1) return { append: false, why: 'no-change' };
  const earlier = tail.some(
    (r) => r.runId === record.runId && r.change === record.change && r.target === record.target,
  );
  return earlier ? { append: false, why: 'earlier-attempt' } : { append: true };
}

/** The last records as a Markdown table (status). */
export function auditTable(records: readonly AuditRecord[]): string {
  const cell = (s: string | number | undefined) =>
    String(s ?? '')
      .replace(/\|/g, '\\|')
      .replace(/\n/g, ' ');
  return [
    '| time | change | outcome | from | to | epoch | window | actor | trigger | reason |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...records.map(
      (r) =>
        `| ${[r.time, r.change, r.outcome, r.from, r.to, r.epoch, r.window, r.actor, r.trigger, r.reason]
          .map(cell)
          .join(' | ')} |`,
    ),
  ].join('\n');
}
