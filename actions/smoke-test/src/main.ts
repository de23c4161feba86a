// smoke-test entry: inputs -> smoke core -> outputs, report file and job summary.
import * as core from '@actions/core';
import { runAction, writeSummary } from '../../../src/action.js';
import {
  readSmokeSettings,
  reportOutputs,
  runSmoke,
  summaryMarkdown,
  writeReport,
} from '../../../src/smoke/run.js';

await runAction(async () => {
  const settings = readSmokeSettings((name) => core.getInput(name), { mask: core.setSecret });
  const report = await runSmoke(settings, { log: (line) => core.info(line) });
  await writeReport(settings.reportPath, report, settings.reportRoot);
  for (const [name, value] of Object.entries(reportOutputs(report, settings.reportPath)))
    core.setOutput(name, value);
  await writeSummary(summaryMarkdown(report));
  if (!report.passed) {
    throw new Error(`Smoke test of ${report.url} failed: ${report.failures.join(' | ')}`);
  }
  core.info(`Smoke test of ${report.url} passed; report: ${settings.reportPath}`);
});
