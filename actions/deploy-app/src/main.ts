// deploy-app: settings -> deploy -> outputs + summary (src/core/run-entry.ts runs it).
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { actionInputs, runEntry } from '../../../src/core/run-entry.js';
import { deployFailureSummary, deployOnAzure, deployReport } from '../../../src/deploy/entry.js';
import { readDeploySettings } from '../../../src/deploy/settings.js';
import { deployFailureOutputs, deployOutputs, deploySummary } from '../../../src/deploy/summary.js';
import { gitHubFromRunner } from '../../../src/core/github/reporter.js';
import { readChangeControl } from '../../../src/core/change-control.js';
import { gitContextFromEnv } from '../../../src/core/versions.js';

const read = (p: string) => readFileSync(p, 'utf8');

await runEntry({
  // GitHub's settings first: the token is masked even when another input is wrong.
  settings: () => ({
    // The notify webhook is a secret: masked before any other input is read.
    changeControl: readChangeControl(actionInputs, core.setSecret),
    github: gitHubFromRunner(actionInputs, process.env, core, read),
    deploy: readDeploySettings(actionInputs, { git: gitContextFromEnv(process.env, read) }),
  }),
  report: (s) => deployReport(s.github, s.deploy),
  run: (s) => deployOnAzure(s.deploy, core, s.changeControl),
  outputs: (r) => deployOutputs(r),
  summary: (r, s) => deploySummary(r, s.deploy.stopTheLine),
  failureSummary: (e, s) => deployFailureSummary(e, s.deploy),
  failureOutputs: (e) => deployFailureOutputs(e),
});
