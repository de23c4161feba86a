// deploy-app as a runner runs it: the Container Apps client from the settings, and the run's GitHub reports.
import type { RunReport } from '../core/run-entry.js';
import { Aca } from '../azure/aca.js';
import { createContainerAppsClient, createCredential } from '../azure/connection.js';
import { type GitHubFromRunner, safeReport } from '../core/github/reporter.js';
import { deployReporting } from './github.js';
import { proveServing } from '../revisions/lifecycle.js';
import { type DeployResult, deployApp, type DeploySettings } from './run.js';
import { registryVerifier } from './verify.js';

/**
 * Deploys over the Container Apps API the Azure inputs name, after verifying the image in its registry with the
 * same identity (`mask` hides the registry tokens in the job log).
 */
export function deployOnAzure(
  s: DeploySettings,
  log: (line: string) => void,
  mask: (secret: string) => void,
): Promise<DeployResult> {
  const credential = createCredential(s.azure);
  const aca = new Aca(createContainerAppsClient(s.azure, credential), {
    resourceGroup: s.resourceGroup,
    log,
  });
  const verifyImage = registryVerifier(s.azure, credential, { log, mask });
  return deployApp(s, { aca, prove: proveServing(log), verifyImage, log });
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
