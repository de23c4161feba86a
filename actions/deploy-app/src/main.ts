// deploy-app: inputs -> deploy core -> outputs + summary.
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { Aca } from '../../../src/aca.js';
import { actionInputs, runAction, withFailureSummary, writeSummary } from '../../../src/action.js';
import { createContainerAppsClient } from '../../../src/azure.js';
import { deployApp, proveServing, readDeploySettings } from '../../../src/deploy.js';
import { gitContextFromEnv } from '../../../src/versions.js';
import { deployOutputs, deploySummary } from './report.js';

await runAction(async () => {
  const git = gitContextFromEnv(process.env, (p) => readFileSync(p, 'utf8'));
  const settings = readDeploySettings(actionInputs, { git });
  const aca = new Aca(createContainerAppsClient(settings.azure), {
    resourceGroup: settings.resourceGroup,
    log: core.info,
  });
  const result = await withFailureSummary(
    `deploy-app: ❌ ${settings.revision} failed`,
    deployApp(settings, { aca, prove: proveServing(core.info), log: core.info }),
  );
  for (const [name, value] of Object.entries(deployOutputs(result))) core.setOutput(name, value);
  await writeSummary(deploySummary(result));
});
