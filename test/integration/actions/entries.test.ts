// Each bundled action, started the way a runner starts it, fails clearly on a missing required input,
// under the machine's Node and under Node 24 (the actions' runtime on GitHub).
import { beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorLines, runEntry } from '../../support/entry.js';

const actions = readdirSync('actions').filter((name) =>
  readdirSync(join('actions', name)).includes('action.yml'),
);
let node24 = '';

beforeAll(() => {
  node24 = execFileSync('bash', ['scripts/ensure-node24.sh'], { encoding: 'utf8' }).trim();
}, 120_000);

it('finds the four actions', () => {
  expect(actions.sort()).toEqual(['blue-green', 'build-push', 'deploy-app', 'smoke-test']);
});

describe.each(actions)('actions/%s/dist/index.js', (action) => {
  it.each([
    ['node 20', () => process.execPath],
    ['node 24', () => node24],
  ])('under %s fails with one ::error:: naming a required input, exit code 1', async (_label, node) => {
    const result = await runEntry({ action, source: 'dist', node: node(), timeoutMs: 60_000 });
    const errors = errorLines(result.stdout);
    expect({ status: result.status, errors: errors.length, stderr: result.stderr }).toEqual({
      status: 1,
      errors: 1,
      stderr: '',
    });
    expect(errors[0]).toMatch(/^::error::Input '[a-z-]+' has the invalid value '': /);
    expect(result.outputs).toEqual({});
  });
});
