// deploy-app's entry: the summary of a failed deployment names the revision that failed, then the error as the
// `::error::` line gives it.
import { describe, expect, it } from '@jest/globals';
import { deployFailureSummary } from '../../../src/deploy/entry.js';
import { readPreviewSettings } from '../../support/deploy-inputs.js';

describe('deployFailureSummary', () => {
  it('is the failed revision and the error with its Azure code', () => {
    const s = readPreviewSettings();
    const error = Object.assign(new Error('revision never turned healthy'), { code: 'Timeout' });
    expect(deployFailureSummary(error, s)).toBe(
      `## deploy-app: ❌ ${s.revision} failed\n\nrevision never turned healthy (Timeout)\n`,
    );
    expect(s.revision).toMatch(/--/);
  });
});
