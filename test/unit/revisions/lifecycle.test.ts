// The revision lifecycle's retirement: which active revisions it deactivates, from what the run knows.
import { expect, it } from '@jest/globals';
import { deactivateIdle } from '../../../src/revisions/lifecycle.js';
import { newAcaFixture } from '../../support/aca-fixture.js';

it('deactivateIdle works from the active revisions the run knows, without reading the list', async () => {
  const fx = newAcaFixture({ name: 'a', revisions: ['a--v0', 'a--v1', 'a--v2', 'a--pr-3-x'] });
  fx.fail('listRevisions', new Error('not read'));
  const done: string[] = [];
  fx.after('deactivate', (c) => void done.push(c.args[1] as string));
  const aca = fx.aca;
  const traffic = [
    { revisionName: 'a--v2', label: 'blue', weight: 100 },
    { revisionName: 'a--v1', label: 'green', weight: 0 },
  ];
  const idle = await deactivateIdle(aca, { name: 'a', location: 'eastus' }, traffic, {
    active: ['a--v0', 'a--v1', 'a--v2', 'a--pr-3-x'],
    keep: ['a--pr-3-x'],
  });
  expect(idle).toEqual(['a--v0']);
  expect(done).toEqual(['a--v0']);
});
