// build-push: settings -> build, push, retention -> outputs + summary (src/core/run-entry.ts runs it).
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { actionInputs, failureSection, runEntry } from '../../../src/core/run-entry.js';
import { buildPushOnRunner } from '../../../src/build/entry.js';
import { readBuildPushSettings } from '../../../src/build/settings.js';
import { buildDoneLine, buildOutputs, buildSummary } from '../../../src/build/summary.js';
import { gitContextFromEnv, sourceUrlFromEnv } from '../../../src/core/versions.js';
import { workspaceOf } from '../../../src/core/workspace.js';

await runEntry({
  settings: () =>
    readBuildPushSettings(actionInputs, {
      git: gitContextFromEnv(process.env, (p) => readFileSync(p, 'utf8')),
      workspace: workspaceOf(process.env),
      source: sourceUrlFromEnv(process.env),
    }),
  run: (s) => buildPushOnRunner(s, core),
  outputs: (r) => buildOutputs(r),
  summary: (r) => buildSummary(r),
  done: (r) => buildDoneLine(r),
  failureSummary: (e, s) => failureSection(`build-push: ❌ ${s.registry}/${s.repository} failed`, e),
});
