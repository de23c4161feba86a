// blue-green's long messages (errors, notes, allowed values), built from values so that the control flow
// stays short. Pure: text only.
import { describeTraffic, type TrafficEntry } from '../revisions/traffic.js';

type Traffic = readonly TrafficEntry[];

// Settings and freeze windows.

export const TO_ALLOWED = 'allowed: previous, a revision name (<app>--<suffix>), or a version such as v1.4.0';

export const FREEZE_ALLOWED =
  "allowed: windows such as 'Mon-Fri 09:25-16:05 America/New_York', one per line or separated by ';': " +
  'days (Mon..Sun, ranges and lists such as Mon,Wed or Sat-Sun), start-end as HH:MM in 24h ' +
  '(end may be 24:00; a window may cross midnight), an IANA time zone';

export const zoneNotIana = (zone: string): string =>
  `'${zone}' is not an IANA Area/Location time zone (abbreviations such as EST or CET ignore daylight ` +
  'saving time; use America/New_York, Europe/Berlin or UTC)';

export const freezeOverridden = (window: string, reason: string): string =>
  `Freeze window '${window}' is in force; overridden with the reason: ${reason}`;

export const freezeRefused = (window: string, notReason: string): string =>
  `Promotion refused: freeze window '${window}' is in force. Rollback is always allowed. ` +
  `To promote anyway, set the input override-freeze to the reason${notReason}, ` +
  "e.g. override-freeze: 'hotfix for incident 1234'.";

export const ANALYSIS_FILE_ALLOWED =
  'allowed: inline YAML or the path of a YAML file in the workspace; no such file';

export const WATCH_ALLOWED =
  'allowed only with analysis: the watch measures the metrics of the analysis input';

// Plans.

export const nothingToPromote = (traffic: Traffic): string =>
  `Nothing to promote: the app has no candidate slot [${describeTraffic(traffic)}]; deploy a release first`;

export const candidateInactive = (revision: string, label: string): string =>
  `The candidate ${revision} (label '${label}') is inactive; deploy it again before promoting`;

export const resumingPromotion = (weight: number | undefined, restoreTo: Traffic): string =>
  `resuming a promotion at ${weight}%; a failure puts the traffic back where it started ` +
  `[${describeTraffic(restoreTo)}]`;

export const alreadyRolledBack = (production: string, other: string | undefined): string =>
  `Production ${production} is older than the other slot (${other}): already rolled back, nothing to do; ` +
  "to go further back, name a version in 'to'";

export const revisionAllowed = (known: readonly string[]): string =>
  `allowed: a revision the app has (${known.join(', ') || 'none'}), previous, or a version`;

export const versionAllowed = (revision: string, version: string): string =>
  'allowed: a version the app ran or the registry still holds; ' +
  `no revision ${revision} and no image for ${version}`;

export const latestSpared = (revision: string): string =>
  `${revision} stays active: it is the latest revision and serves the app URL ` +
  'now that no preview label remains';

// The run and its recovery.

export const trafficChanged = (command: string, app: string, expected: Traffic, live: Traffic): string =>
  `${command} stopped: the traffic of ${app} changed while this run was working (another run or a manual ` +
  `change): expected [${describeTraffic(expected)}], found [${describeTraffic(live)}]. Nothing was written ` +
  `over it; check the other run, then run ${command} again`;

export const analysisMeasuring = (
  phase: string,
  candidate: string,
  intervalMs: number,
  ms: number,
  dryRun: boolean,
): string =>
  `analysis ${phase}: measuring ${candidate} every ${intervalMs / 1000}s for ` +
  `${Math.max(ms, intervalMs) / 1000}s${dryRun ? ' (dry-run: reports only)' : ''}`;

export const watchRolledBack = (
  command: string,
  previous: string | undefined,
  restore: Traffic,
  why: string,
): string =>
  `${command} reached 100% but the watch failed; rolled back to the previous revision ${previous} ` +
  `[${describeTraffic(restore)}]: ${why}`;

export const trafficRestored = (command: string, restore: Traffic, why: string): string =>
  `${command} failed and the traffic was restored to [${describeTraffic(restore)}]: ${why}`;

export const restoreFailed = (
  command: string,
  why: string,
  before: Traffic,
  restoreError: string,
  now: string,
  byHand: string,
): string =>
  `${command} failed: ${why}; restoring the traffic [${describeTraffic(before)}] ` +
  `FAILED too: ${restoreError}. ` +
  `The traffic now in force: ${now}. Put it back by hand: ${byHand}`;

export const housekeepingFailed = (
  command: string,
  current: Traffic,
  revisions: readonly string[],
  error: string,
): string =>
  `${command} finished and the traffic stays [${describeTraffic(current)}], but deactivating ` +
  `${revisions.join(', ')} failed: ${error}; it carries no traffic; run the ${command} again: ` +
  'it retries the deactivation';

export const retiredAgain = (error: string, retired: readonly string[]): string =>
  `${error}; no traffic moved, and ${retired.join(', ')} was deactivated again`;

export const gatePassed = (what: string, url: string, checks: number): string =>
  `${what} passed on ${url} (${checks} check${checks === 1 ? '' : 's'})`;
