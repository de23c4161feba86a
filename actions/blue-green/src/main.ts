// blue-green: inputs -> state machine -> outputs + summary.
import * as core from '@actions/core';
import { Aca } from '../../../src/aca.js';
import { actionInputs, runAction, withFailureSummary } from '../../../src/action.js';
import { createContainerAppsClient, createCredential } from '../../../src/azure.js';
import { readBlueGreenSettings, runBlueGreen } from '../../../src/bluegreen.js';
import { proveServing } from '../../../src/deploy.js';
import { blueGreenOutputs, blueGreenSummary } from './report.js';
import { findVersionImage } from '../../../src/version-image.js';

await runAction(async () => {
  const settings = readBlueGreenSettings(actionInputs, { mask: core.setSecret });
  const credential = createCredential(settings.azure);
  const aca = new Aca(createContainerAppsClient(settings.azure, credential), {
    resourceGroup: settings.resourceGroup,
    log: core.info,
  });
  const result = await withFailureSummary(
    `blue-green: ❌ ${settings.command} failed on ${settings.app}`,
    runBlueGreen(settings, {
      aca,
      prove: proveServing(core.info),
      findVersionImage: findVersionImage(settings.azure, credential, core.info, core.setSecret),
      log: core.info,
    }),
  );
  for (const [name, value] of Object.entries(blueGreenOutputs(result))) core.setOutput(name, value);
  await core.summary.addRaw(blueGreenSummary(result)).write();
});
