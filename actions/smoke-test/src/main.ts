// smoke-test entry: inputs -> smoke core -> outputs, report file and job summary.
import * as core from '@actions/core';
import { runAction } from '../../../src/action.js';
import {
  readSmokeSettings,
  reportOutputs,
  runSmoke,
  summaryMarkdown,
  writeReport,
} from '../../../src/smoke/index.js';

await runAction(async () => {
  const settings = readSmokeSettings((name) => core.getInput(name), { mask: core.setSecret });
  const report = await runSmoke(settings, { log: (line) => core.info(line) });
  await writeReport(settings.reportPath, report, settings.reportRoot);
  for (const [name, value] of Object.entries(reportOutputs(report, settings.reportPath)))
    core.setOutput(name, value);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryMarkdown(report)).write();
  if (!report.passed) {
    throw new Error(`Smoke test of ${report.url} failed: ${report.failures.join(' | ')}`);
  }
  core.info(`Smoke test of ${report.url} passed; report: ${settings.reportPath}`);
});
