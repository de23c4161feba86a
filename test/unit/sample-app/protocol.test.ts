// The sample agent's decisions (sample-app/rootfs/app/agent/protocol.py) are tested by Python table tests
// (protocol_test.py, unittest); this runs them under jest so that `npm test` covers them.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

describe('sample agent: protocol v1 decisions (Python unittest)', () => {
  it('passes its table tests', () => {
    const run = spawnSync(
      process.env.AGENT_PYTHON ?? 'python3',
      ['-m', 'unittest', 'discover', '-s', here, '-p', '*_test.py', '-v'],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    if (run.error) throw run.error;
    const out = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, out }).toEqual({ status: 0, out: expect.stringMatching(/\nOK\s*$/) });
    expect(out).toMatch(/Ran [1-9]\d* tests?/);
  });
});
