// deploy-app as a runner runs it: the Container Apps client and the registry verifier from the settings, and the
// run's GitHub reports. The only place deploy-app's clients are built.
import { stopTheLineNotice } from '../core/stop-the-line.js';
import { failureSection, type RunnerLog, type RunReport } from '../core/run-entry.js';
import { Aca } from '../azure/aca.js';
import { createContainerAppsClient, createCredential } from '../azure/connection.js';
import { deployReporting } from './github.js';
import { type GitHubFromRunner, safeReport } from '../core/github/reporter.js';
import { proveServing } from '../smoke/prove.js';
import { type DeployResult, runDeploy } from './run.js';
import type { DeploySettings } from './settings.js';
import { registryVerifier } from './verify.js';
import { deployFailureTrading } from './summary.js';
import * as core from '@actions/core';
import { reportChange, type ChangeControlSettings } from '../core/change-control.js';
import { deployChange, deployFailureChange } from './change.js';

/**
 * Deploys over the Container Apps API the Azure inputs name, after verifying the image in its registry with
 * the same identity.
 */
export async function deployOnAzure(
  s: DeploySettings,
  log: RunnerLog,
  cc: ChangeControlSettings = {},
): Promise<DeployResult> {
  const info = (line: string) => log.info(line);
  const credential = createCredential(s.azure);
  const aca = new Aca(createContainerAppsClient(s.azure, credential), {
    resourceGroup: s.resourceGroup,
    log: info,
  });
  const verifyImage = registryVerifier(s.azure, credential, {
    log: info,
    mask: (secret) => log.setSecret(secret),
  });
  // The trading lease's blobs, with the same identity as ARM (scope https://storage.azure.com/.default); extra CAs
  // from NODE_EXTRA_CA_CERTS, as for every other request of the run.
  const lease = s.trading.lease;
  const trading =
    s.mode === 'production' && lease.kind === 'managed'
      ? (await import('../trading/store.js')).tradingStore(lease, credential) // its SDK loaded only when used
      : undefined;
  const control = { credential, info, warning: (line: string) => core.warning(line) };
  let result: DeployResult;
  try {
    result = await runDeploy(s, {
      aca,
      ...(trading ? { trading } : {}),
      prove: proveServing(info),
      verifyImage,
      log: info,
      trace: (step) => log.debug(`deploy-app step: ${step}`),
    });
  } catch (error) {
    // The notification and the audit record of a failed release; neither changes how the run fails.
    const failed = deployFailureChange(s, error);
    if (failed) await reportChange(cc, failed, control);
    throw error;
  }
  const change = deployChange(s, result);
  if (change) await reportChange(cc, change, control);
  return result;
}

/** The deployment's GitHub reports (none without a token); a failure to report is a warning. */
export function deployReport(
  github: GitHubFromRunner | undefined,
  s: DeploySettings,
): RunReport<DeployResult> | undefined {
  const what = {
    started: 'the deployment start',
    succeeded: 'the deployment',
    failed: 'the failed deployment',
  };
  return safeReport(github, what, (reporter) => deployReporting(reporter, s));
}

/** A failed deployment's summary: the revision that failed, then the error. */
export function deployFailureSummary(error: unknown, s: DeploySettings): string {
  return (
    failureSection(`deploy-app: ❌ ${s.revision} failed`, error) +
    (s.stopTheLine ? `\n> ${stopTheLineNotice(s.stopTheLine)}\n\n` : '') +
    deployFailureTrading(error)
  );
}
