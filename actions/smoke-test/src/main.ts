// smoke-test: settings -> smoke core and report file -> outputs + summary (src/core/run-entry.ts runs it).
import * as core from '@actions/core';
import { runEntry } from '../../../src/core/run-entry.js';
import { smokeDone, smokeFailureSummary, smokeOnRunner, smokeVerdict } from '../../../src/smoke/entry.js';
import { readSmokeSettings } from '../../../src/smoke/settings.js';
import { smokeOutputs, smokeSummary } from '../../../src/smoke/summary.js';

await runEntry({
  settings: () => readSmokeSettings((name) => core.getInput(name), { mask: core.setSecret }),
  run: (s) => smokeOnRunner(s, (line) => core.info(line)),
  outputs: (r, s) => smokeOutputs(r, s.reportPath),
  summary: (r) => smokeSummary(r),
  verdict: (r) => smokeVerdict(r),
  done: (r, s) => smokeDone(r, s),
  failureSummary: (e) => smokeFailureSummary(e),
});
