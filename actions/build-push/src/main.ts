// build-push entry: inputs -> build, push, retention -> outputs and job summary.
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { actionInputs, runAction, writeSummary } from '../../../src/action.js';
import { execDocker } from '../../../src/build/docker.js';
import { buildAndPush } from '../../../src/build/run.js';
import { readBuildPushSettings } from '../../../src/build/settings.js';
import { renderSummary } from '../../../src/build/summary.js';
import { gitContextFromEnv } from '../../../src/versions.js';

await runAction(async () => {
  const repository = process.env.GITHUB_REPOSITORY;
  const settings = readBuildPushSettings(actionInputs, {
    git: gitContextFromEnv(process.env, (p) => readFileSync(p, 'utf8')),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    source: repository ? `${process.env.GITHUB_SERVER_URL || 'https://github.com'}/${repository}` : undefined,
  });
  const result = await buildAndPush(settings, {
    docker: execDocker(),
    log: { info: core.info, warning: core.warning, setSecret: core.setSecret },
  });
  core.setOutput('image', result.image);
  core.setOutput('digest', result.digest);
  core.setOutput('tags', result.refs.join('\n'));
  core.setOutput('version', result.version);
  await writeSummary(renderSummary(result));
  core.info(result.image ? `Pushed ${result.image}` : `Built ${result.refs.join(', ')} (not pushed)`);
});
