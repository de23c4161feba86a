// deploy-app as a runner runs it: the Container Apps client from the settings, and the run's GitHub reports.
import type { RunReport } from '../action.js';
import { Aca } from '../azure/aca.js';
import { createContainerAppsClient } from '../azure/connection.js';
import { deployReporting, type GitHubFromRunner, safeReport } from '../github.js';
import { proveServing } from '../revisions/lifecycle.js';
import { type DeployResult, deployApp, type DeploySettings } from './run.js';

/** Deploys over the Container Apps API the Azure inputs name. */
export function deployOnAzure(s: DeploySettings, log: (line: string) => void): Promise<DeployResult> {
  const aca = new Aca(createContainerAppsClient(s.azure), { resourceGroup: s.resourceGroup, log });
  return deployApp(s, { aca, prove: proveServing(log), log });
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
