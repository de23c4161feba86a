// Each bundled action, started the way a runner starts it, fails clearly on a missing required input,
// under the machine's Node and under Node 24 (the actions' runtime on GitHub).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const actions = readdirSync('actions').filter((name) =>
  readdirSync(join('actions', name)).includes('action.yml'),
);
let node24 = '';

beforeAll(() => {
  node24 = execFileSync('bash', ['scripts/ensure-node24.sh'], { encoding: 'utf8' }).trim();
}, 120_000);

function runAsRunner(node: string, action: string) {
  const dir = mkdtempSync(join(tmpdir(), 'alc-entry-'));
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
  };
  const result = spawnSync(node, [join('actions', action, 'dist', 'index.js')], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...result, outputs: readFileSync(output, 'utf8') };
}

it('finds the four actions', () => {
  expect(actions.sort()).toEqual(['blue-green', 'build-push', 'deploy-app', 'smoke-test']);
});

describe.each(actions)('actions/%s/dist/index.js', (action) => {
  it.each([
    ['node 20', () => process.execPath],
    ['node 24', () => node24],
  ])('under %s fails with one ::error:: naming a required input, exit code 1', (_label, node) => {
    const result = runAsRunner(node(), action);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect({ status: result.status, errors: errors.length, stderr: result.stderr }).toEqual({
      status: 1,
      errors: 1,
      stderr: '',
    });
    expect(errors[0]).toMatch(/^::error::Input '[a-z-]+' has the invalid value '': /);
    expect(result.outputs).toBe('');
  });
});
