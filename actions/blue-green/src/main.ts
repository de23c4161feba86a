// blue-green: inputs -> state machine -> outputs + summary.
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
import { azureMonitorProvider, containerAppId } from '../../../src/analysis/azure-monitor.js';
import { analysisJson, analysisSection } from '../../../src/analysis/report.js';
import {
  createContainerAppsClient,
  createCredential,
  createMonitorClient,
} from '../../../src/azure/connection.js';
import { blueGreenReporting, gitHubFromRunner } from '../../../src/github.js';
import { measurementsOf, readBlueGreenSettings, runBlueGreen } from '../../../src/bluegreen/run.js';
import { proveServing } from '../../../src/revisions/lifecycle.js';
import { blueGreenOutputs, blueGreenSummary } from '../../../src/bluegreen/summary.js';
import { findVersionImage } from '../../../src/version-image.js';

await runAction(async () => {
  const github = gitHubFromRunner(actionInputs, process.env, core, (p) => readFileSync(p, 'utf8'));
  const settings = readBlueGreenSettings(actionInputs, { mask: core.setSecret });
  // Reports only after every input is valid; a failure to report is a warning.
  const report = github
    ? blueGreenReporting(github.reporter, {
        command: settings.command,
        app: settings.app,
        label: settings.label,
        prNumber: settings.prNumber,
      })
    : undefined;
  const credential = createCredential(settings.azure);
  const aca = new Aca(createContainerAppsClient(settings.azure, credential), {
    resourceGroup: settings.resourceGroup,
    log: core.info,
  });
  const monitor = settings.analysis
    ? azureMonitorProvider(
        await createMonitorClient(settings.azure, credential),
        containerAppId(settings.azure.subscriptionId, settings.resourceGroup, settings.app),
        settings.analysis.timeGrain,
      )
    : undefined;
  const result = await withFailureSummary(
    `blue-green: ❌ ${settings.command} failed on ${settings.app}`,
    runBlueGreen(settings, {
      aca,
      prove: proveServing(core.info),
      findVersionImage: findVersionImage(settings.azure, credential, core.info, core.setSecret),
      monitor,
      log: core.info,
    }),
  ).catch(async (error: unknown) => {
    if (report)
      await github!.safely(`the failed ${settings.command}`, () => report.failed(describeError(error)));
    // A failed run still reports what it measured: the output, and the table under the failure.
    const measured = measurementsOf(error);
    if (measured.length) {
      core.setOutput('analysis', analysisJson(measured));
      await writeSummary(analysisSection(measured, settings.analysisMode));
    }
    throw error;
  });
  if (report) await github!.safely(`the ${settings.command}`, () => report.succeeded(result));
  for (const [name, value] of Object.entries(blueGreenOutputs(result))) core.setOutput(name, value);
  await writeSummary(blueGreenSummary(result, settings.analysisMode));
});
