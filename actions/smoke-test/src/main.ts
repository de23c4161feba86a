// smoke-test: settings -> smoke core and report file -> outputs + summary (src/core/run-entry.ts runs it).
import * as core from '@actions/core';
import { failureSection, runEntry } from '../../../src/core/run-entry.js';
import {
  readSmokeSettings,
  reportOutputs,
  runSmoke,
  summaryMarkdown,
  writeReport,
} from '../../../src/smoke/run.js';

await runEntry({
  settings: () => readSmokeSettings((name) => core.getInput(name), { mask: core.setSecret }),
  run: async (s) => {
    const report = await runSmoke(s, { log: (line) => core.info(line) });
    await writeReport(s.reportPath, report, s.reportRoot);
    return report;
  },
  outputs: (r, s) => reportOutputs(r, s.reportPath),
  summary: (r) => summaryMarkdown(r),
  verdict: (r) => (r.passed ? undefined : `Smoke test of ${r.url} failed: ${r.failures.join(' | ')}`),
  done: (r, s) => `Smoke test of ${r.url} passed; report: ${s.reportPath}`,
  failureSummary: (e) => failureSection('smoke-test: ❌ failed', e),
});
