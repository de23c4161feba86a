// blue-green: settings -> state machine -> outputs + summary (src/core/run-entry.ts runs it).
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { actionInputs, runEntry } from '../../../src/core/run-entry.js';
import {
  blueGreenFailureOutputs,
  blueGreenFailureSummary,
  blueGreenOnAzure,
  blueGreenReport,
} from '../../../src/bluegreen/entry.js';
import { readBlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { blueGreenOutputs, blueGreenSummary } from '../../../src/bluegreen/summary.js';
import { gitHubFromRunner } from '../../../src/core/github/reporter.js';
import { readChangeControl } from '../../../src/core/change-control.js';

await runEntry({
  // GitHub's settings first: the token is masked even when another input is wrong.
  settings: () => ({
    // The notify webhook is a secret: masked before any other input is read.
    changeControl: readChangeControl(actionInputs, core.setSecret),
    github: gitHubFromRunner(actionInputs, process.env, core, (p) => readFileSync(p, 'utf8')),
    blueGreen: readBlueGreenSettings(actionInputs, { mask: core.setSecret }),
  }),
  report: (s) => blueGreenReport(s.github, s.blueGreen),
  run: (s) => blueGreenOnAzure(s.blueGreen, core, s.changeControl),
  outputs: (r) => blueGreenOutputs(r),
  summary: (r, s) => blueGreenSummary(r, s.blueGreen.analysisMode),
  failureSummary: (e, s) => blueGreenFailureSummary(e, s.blueGreen),
  failureOutputs: (e) => blueGreenFailureOutputs(e),
});
