// blue-green as a runner runs it: the Azure clients from the settings (Azure Monitor with the analysis
// input), the run's GitHub reports, and what a failed run still shows (the analysis it measured).
import { stopTheLineNotice } from '../core/stop-the-line.js';
import { failureSection, type RunnerLog, type RunReport } from '../core/run-entry.js';
import { containerAppId } from '../analysis/azure-monitor.js';
import { monitorProvider } from '../analysis/app-insights.js';
import { analysisJson, analysisSection } from '../analysis/report.js';
import { Aca } from '../azure/aca.js';
import { createContainerAppsClient, createCredential, createMonitorClient } from '../azure/connection.js';
import { blueGreenReporting } from './github.js';
import { type GitHubFromRunner, safeReport } from '../core/github/reporter.js';
import { proveServing } from '../smoke/prove.js';
import { findVersionImage } from '../registry/version-image.js';
import { type BlueGreenResult, measurementsOf } from './context.js';
import { runBlueGreen } from './run.js';
import type { BlueGreenSettings } from './settings.js';
import { tradingOutputs, tradingSection, type TradingFacts } from '../core/trading-summary.js';
import * as core from '@actions/core';
import { auditStoreOf, reportChange, type ChangeControlSettings } from '../core/change-control.js';
import { blueGreenChange, blueGreenFailureChange } from './change.js';

/** How many audit records status shows. */
export const STATUS_AUDIT_RECORDS = 10;

/**
 * Runs the command over the Container Apps API (and Azure Monitor for the analysis) the Azure inputs name.
 */
export async function blueGreenOnAzure(
  s: BlueGreenSettings,
  log: RunnerLog,
  cc: ChangeControlSettings = {},
): Promise<BlueGreenResult> {
  const credential = createCredential(s.azure);
  const aca = new Aca(createContainerAppsClient(s.azure, credential), {
    resourceGroup: s.resourceGroup,
    log: log.info,
  });
  const monitor = s.analysis
    ? monitorProvider(
        await createMonitorClient(s.azure, credential),
        containerAppId(s.azure.subscriptionId, s.resourceGroup, s.app),
        s.analysis.timeGrain,
        s.appInsightsId ? { componentId: s.appInsightsId, heartbeat: s.analysis.heartbeat } : undefined,
      )
    : undefined;
  // The trading lease's blobs with the same identity as ARM (scope https://storage.azure.com/.default); extra CAs
  // from NODE_EXTRA_CA_CERTS as for every other request. Teardown acts on a preview app: never on a lease.
  const lease = s.trading.lease;
  const trading =
    lease.kind === 'managed' && s.command !== 'teardown'
      ? (await import('../trading/store.js')).tradingStore(lease, credential) // its SDK loaded only when used
      : undefined;
  const control = { credential, info: log.info, warning: (line: string) => core.warning(line) };
  let result: BlueGreenResult;
  try {
    result = await runBlueGreen(s, {
      aca,
      ...(trading ? { trading } : {}),
      prove: proveServing(log.info),
      findVersionImage: findVersionImage(s.azure, credential, log.info, log.setSecret),
      monitor,
      log: log.info,
      trace: (step) => log.debug(`blue-green step: ${step}`),
    });
  } catch (error) {
    // The notification and the audit record of a failed change; neither changes how the run fails.
    const failed = blueGreenFailureChange(s, error);
    if (failed) await reportChange(cc, failed, control);
    throw error;
  }
  const change = blueGreenChange(s, result);
  if (change) await reportChange(cc, change, control);
  if (s.command === 'status' && cc.audit) {
    try {
      const store = await auditStoreOf(cc.audit, credential); // its SDK loaded only when `audit` is set
      result.audit = await store.last(STATUS_AUDIT_RECORDS);
    } catch (error) {
      core.warning(`The audit trail ${cc.audit.url} could not be read: ${(error as Error).message}`);
    }
  }
  return result;
}

/** The command's GitHub reports (none without a token); a failure to report is a warning. */
export function blueGreenReport(
  github: GitHubFromRunner | undefined,
  s: BlueGreenSettings,
): RunReport<BlueGreenResult> | undefined {
  const what = { succeeded: `the ${s.command}`, failed: `the failed ${s.command}` };
  return safeReport(github, what, (reporter) => blueGreenReporting(reporter, s));
}

/** A failed run's summary: the failure, then the table of what it measured, if anything. */
export function blueGreenFailureSummary(error: unknown, s: BlueGreenSettings): string {
  const measured = measurementsOf(error);
  return (
    failureSection(`blue-green: ❌ ${s.command} failed on ${s.app}`, error) +
    (s.stopTheLine ? `\n> ${stopTheLineNotice(s.stopTheLine)}\n\n` : '') +
    (measured.length ? analysisSection(measured, s.analysisMode) : '') +
    tradingSection(tradingOf(error))
  );
}

/**
 * A failed run still outputs what it measured, the designation it left and its last handover (even one that did
 * not complete); the trading outputs are always written, '' where unknown or without a managed lease.
 */
export function blueGreenFailureOutputs(error: unknown): Record<string, string> {
  const measured = measurementsOf(error);
  return {
    ...(measured.length ? { analysis: analysisJson(measured) } : {}),
    ...tradingOutputs(tradingOf(error)),
  };
}

/** What a failed run knew of trading (attached by runBlueGreen), if the lease is managed. */
const tradingOf = (error: unknown): TradingFacts | undefined =>
  (error as { trading?: TradingFacts } | undefined)?.trading;
