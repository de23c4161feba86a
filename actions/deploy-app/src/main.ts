// deploy-app: inputs -> deploy core -> outputs + summary.
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { Aca } from '../../../src/azure/aca.js';
import {
  actionInputs,
  describeError,
  runAction,
  withFailureSummary,
  writeSummary,
} from '../../../src/action.js';
import { createContainerAppsClient } from '../../../src/azure/connection.js';
import { deployApp, readDeploySettings } from '../../../src/deploy/run.js';
import { proveServing } from '../../../src/revisions/lifecycle.js';
import { deployReporting, gitHubFromRunner } from '../../../src/github.js';
import { gitContextFromEnv } from '../../../src/versions.js';
import { deployOutputs, deploySummary } from '../../../src/deploy/summary.js';

await runAction(async () => {
  const read = (p: string) => readFileSync(p, 'utf8');
  const git = gitContextFromEnv(process.env, read);
  const github = gitHubFromRunner(actionInputs, process.env, core, read);
  const settings = readDeploySettings(actionInputs, { git });
  // Reports start only once every input is valid; a failure to report is a warning.
  const report = github
    ? deployReporting(github.reporter, {
        mode: settings.mode,
        app: settings.app,
        revision: settings.revision,
        image: settings.image,
        label: settings.label,
        prNumber: settings.prNumber,
      })
    : undefined;
  if (report) await github!.safely('the deployment start', report.started);
  const aca = new Aca(createContainerAppsClient(settings.azure), {
    resourceGroup: settings.resourceGroup,
    log: core.info,
  });
  const result = await withFailureSummary(
    `deploy-app: ❌ ${settings.revision} failed`,
    deployApp(settings, { aca, prove: proveServing(core.info), log: core.info }),
  ).catch(async (error: unknown) => {
    if (report) await github!.safely('the failed deployment', () => report.failed(describeError(error)));
    throw error;
  });
  if (report) await github!.safely('the deployment', () => report.succeeded(result));
  for (const [name, value] of Object.entries(deployOutputs(result))) core.setOutput(name, value);
  await writeSummary(deploySummary(result));
});
