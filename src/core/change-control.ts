// Notifications and the audit trail of deploy-app and blue-green (DESIGN "Change control for a trading firm";
// docs/audit.md): the `notify`, `notify-format` and `audit` inputs, and what a run reports once it has ended. Neither
// fails the run: the release is what it is; a webhook or storage that does not answer is a warning.
import type { TokenCredential } from '@azure/core-auth';
import type { PipelineRequest } from '@azure/core-rest-pipeline';
import {
  auditKey,
  parseAudit,
  runIdentityOf,
  type AuditChange,
  type AuditOutcome,
  type AuditRecord,
  type AuditSetting,
} from '../audit/record.js';
import type { AuditStore } from '../audit/store.js';
import { parseNotify, type Notice, type NoticeKind, type NotifySetting } from '../notify/message.js';
import { sendNotification } from '../notify/send.js';
import type { InputSource } from './inputs.js';

/** The environment variables these inputs fall back to (a workflow states them once, from secrets and vars). */
export const CHANGE_CONTROL_FALLBACKS: Readonly<Record<string, string>> = {
  notify: 'ALC_DEPLOY_NOTIFY',
  'notify-format': 'ALC_DEPLOY_NOTIFY_FORMAT',
  audit: 'ALC_DEPLOY_AUDIT',
};

export interface ChangeControlSettings {
  notify?: NotifySetting;
  audit?: AuditSetting;
}

/** Reads `notify` (a secret, masked first), `notify-format` and `audit`; an empty input reads its variable. */
export function readChangeControl(
  get: InputSource,
  mask: (secret: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): ChangeControlSettings {
  const read = (name: string) => {
    const v = get(name);
    return v.trim() !== '' ? v : (env[CHANGE_CONTROL_FALLBACKS[name]] ?? '');
  };
  const notify = parseNotify(read('notify'), read('notify-format'), mask);
  const audit = parseAudit(read('audit'));
  return { ...(notify ? { notify } : {}), ...(audit ? { audit } : {}) };
}

/** What a run reports of one production change. */
export interface ChangeReport {
  app: string;
  /** e.g. `blue-green promote`, `deploy-app`. */
  action: string;
  /** undefined: the run changed nothing production would notice (status, a preview): no record. */
  change?: AuditChange;
  outcome: AuditOutcome;
  /** The notice's kind; undefined: no message (e.g. a standby candidate deployed). */
  notice?: NoticeKind;
  /** The run changed production itself (false: it found the change done). */
  changed: boolean;
  target: string;
  what: string;
  reason: string;
  version?: string;
  revision?: string;
  digest?: string;
  from?: string;
  to?: string;
  epoch?: number;
  window: string;
  /** The window decisions recorded beside the change: an override used, a stop that refused it. */
  decisions?: { change: 'override' | 'stop'; outcome: AuditOutcome; reason: string }[];
}

/**
 * The records of a change (pure): the report, the run's identity and the time. The decisions that let the change
 * run or refused it (an override, a stop) come first, each its own record with its own key, then the change.
 */
export function auditRecordsOf(r: ChangeReport, env: NodeJS.ProcessEnv, now: Date): AuditRecord[] {
  if (!r.change) return [];
  const id = runIdentityOf(env);
  const recordOf = (change: AuditChange, outcome: AuditOutcome, reason: string): AuditRecord => {
    const record: AuditRecord = {
      time: now.toISOString(),
      key: auditKey(id.runId, id.attempt, change, r.target),
      app: r.app,
      action: r.action,
      change,
      outcome,
      actor: id.actor,
      trigger: id.trigger,
      reason,
      window: r.window,
      runId: id.runId,
      attempt: id.attempt,
      target: r.target,
    };
    if (r.digest) record.digest = r.digest;
    if (r.from) record.from = r.from;
    if (r.to) record.to = r.to;
    if (r.epoch !== undefined) record.epoch = r.epoch;
    if (id.runUrl) record.runUrl = id.runUrl;
    return record;
  };
  return [
    ...(r.decisions ?? []).map((d) => recordOf(d.change, d.outcome, d.reason)),
    recordOf(r.change, r.outcome, r.reason),
  ];
}

/** The notice of a change (pure), when it has one. */
export function noticeOf(r: ChangeReport, env: NodeJS.ProcessEnv): Notice | undefined {
  if (!r.notice) return undefined;
  const runUrl = runIdentityOf(env).runUrl;
  return {
    kind: r.notice,
    action: r.action,
    app: r.app,
    what: r.what,
    ...(r.version ? { version: r.version } : {}),
    ...(r.revision ? { revision: r.revision } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

export interface ChangeControlDeps {
  credential?: TokenCredential;
  info: (line: string) => void;
  warning: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** TLS of the storage requests (tests: the emulator's CA). */
  tlsOptions?: PipelineRequest['tlsSettings'];
  notifyTimeoutMs?: number;
  /** A store built elsewhere (tests). */
  store?: AuditStore;
}

/** The audit store of the setting; its SDK is loaded only here, i.e. only when `audit` is set. */
export async function auditStoreOf(
  audit: AuditSetting,
  credential: TokenCredential,
  tlsOptions?: PipelineRequest['tlsSettings'],
): Promise<AuditStore> {
  const { auditStore } = await import('../audit/store.js');
  return auditStore(audit, credential, tlsOptions ? { tlsOptions } : {});
}

/**
 * Appends the change's record and sends its notice. Never throws: a failure is a warning (the change stands; a
 * re-run of the run records a change it finds done, see appendDecision). Resolves to the warnings given.
 */
export async function reportChange(
  cc: ChangeControlSettings,
  report: ChangeReport,
  deps: ChangeControlDeps,
): Promise<string[]> {
  const env = deps.env ?? process.env;
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    deps.warning(line);
  };
  const records = cc.audit ? auditRecordsOf(report, env, deps.now?.() ?? new Date()) : [];
  if (cc.audit && records.length) {
    let store: AuditStore | undefined;
    for (const record of records) {
      try {
        store ??=
          deps.store ??
          (deps.credential ? await auditStoreOf(cc.audit, deps.credential, deps.tlsOptions) : undefined);
        if (!store) throw new Error('no credential for the storage account');
        const decision = await store.append(record, report.changed);
        deps.info(
          decision.append
            ? `audit: appended ${record.change} ${record.outcome} (${record.key}) to ${cc.audit.url}`
            : `audit: ${record.key} not appended (${decision.why === 'no-change' ? 'the run changed nothing' : 'already recorded'})`,
        );
      } catch (error) {
        warn(
          `The audit record of this ${record.change} (${record.key}) could not be appended to ${cc.audit.url}: ` +
            `${firstLine(error)}. Run the workflow again to record it`,
        );
      }
    }
  }
  // A run that found its change done says nothing on a first attempt (another run made and announced it); a re-run
  // says it again, as its earlier attempt may have died before its message.
  const quiet = !report.changed && report.outcome === 'succeeded' && runIdentityOf(env).attempt <= 1;
  const notice = quiet ? undefined : noticeOf(report, env);
  if (cc.notify && notice) {
    const problem = await sendNotification(cc.notify, notice, {
      ...(deps.notifyTimeoutMs ? { timeoutMs: deps.notifyTimeoutMs } : {}),
    });
    if (problem) warn(problem);
    else deps.info(`notify: ${cc.notify.format} message sent (${notice.kind})`);
  }
  return warnings;
}

/** The window decision of a promote as the record states it. Pure. */
export function windowOf(
  freeze: { allowed: boolean; overridden: boolean } | undefined,
  overrideReason: string,
) {
  if (!freeze) return 'none';
  if (freeze.overridden) return `override: ${overrideReason.trim()}`;
  return freeze.allowed ? 'allowed' : 'refused';
}

/** An error's first line (storage errors append a request id and a time on later lines). */
const firstLine = (error: unknown) =>
  String((error as Error).message ?? error)
    .split('\n')[0]
    .replace(/\.+$/, '');
