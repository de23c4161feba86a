// Stop the line is said in every run's summary (blue-green and deploy-app, succeeded or failed) and in the pull
// request's comment; its input takes a reason or nothing.
import { describe, expect, it } from '@jest/globals';
import { blueGreenSummary } from '../../../src/bluegreen/summary.js';
import { blueGreenFailureSummary } from '../../../src/bluegreen/entry.js';
import type { BlueGreenSettings } from '../../../src/bluegreen/settings.js';
import { stickyCommentBody } from '../../../src/core/github/comment.js';
import { InputError } from '../../../src/core/inputs.js';
import { parseStopTheLine, stopTheLineNotice } from '../../../src/core/stop-the-line.js';
import { deployFailureSummary } from '../../../src/deploy/entry.js';
import type { DeploySettings } from '../../../src/deploy/settings.js';
import { deploySummary } from '../../../src/deploy/summary.js';
import type { DeployResult } from '../../../src/deploy/run.js';

const REASON = 'incident 1234: broker outage';
const NOTICE = `> ⛔ The line is stopped: ${REASON}. Every promote and trading handover is refused; rollback and abort run.`;

describe('stop the line in summaries and comments', () => {
  const bg = {
    command: 'rollback' as const,
    app: 'app',
    before: [],
    after: [],
    log: [],
    deactivated: [],
  };
  it('blue-green: the notice under the title, and nothing without it', () => {
    expect(
      blueGreenSummary({ ...bg, stopTheLine: REASON })
        .split('\n')
        .slice(0, 3),
    ).toEqual(['## blue-green: ✅ rollback on app', '', NOTICE]);
    expect(blueGreenSummary(bg)).not.toContain('line is stopped');
  });
  it('blue-green: a refused promote says it too', () => {
    const s = {
      command: 'promote',
      app: 'app',
      stopTheLine: REASON,
      analysisMode: 'enforce',
    } as BlueGreenSettings;
    expect(blueGreenFailureSummary(new Error('Promotion refused'), s)).toContain(NOTICE);
  });
  it('blue-green status: the next allowed window', () => {
    expect(blueGreenSummary({ ...bg, command: 'status', nextWindow: 'from 2026-12-28 06:00' })).toContain(
      '| **next allowed window** | from 2026-12-28 06:00 |',
    );
  });
  it('deploy-app: succeeded and failed', () => {
    const r = {
      app: 'app',
      revision: 'app--v2',
      label: 'green',
      labelUrl: 'https://l',
      revisionUrl: 'https://r',
      appUrl: 'https://a',
      created: false,
      reused: false,
      image: 'reg.io/a@sha256:1',
      trafficBefore: [],
      trafficAfter: [],
      deactivated: [],
      forced: [],
      proof: 'ok',
      verified: 'ok',
    } as DeployResult;
    expect(deploySummary(r, REASON)).toContain(NOTICE);
    expect(deploySummary(r)).not.toContain('line is stopped');
    const s = { revision: 'app--v2', stopTheLine: REASON } as DeploySettings;
    expect(deployFailureSummary(new Error('boom'), s)).toContain(NOTICE);
  });
  it.each([
    {
      kind: 'up' as const,
      label: 'pr-1',
      sha: 'abcdef0123',
      url: 'https://u',
      revision: 'r',
      image: 'i',
      runUrl: 'https://run',
    },
    { kind: 'torn-down' as const, label: 'pr-1', runUrl: 'https://run' },
  ])('the pull request comment ($kind)', (report) => {
    expect(
      stickyCommentBody({ ...report, stopTheLine: REASON })
        .split('\n')
        .at(-1),
    ).toBe(NOTICE);
    expect(stickyCommentBody(report)).not.toContain('line is stopped');
  });
  it('the notice', () => expect(`> ${stopTheLineNotice(REASON)}`).toBe(NOTICE));
  it('bad input: one clear error', () => {
    expect(() => parseStopTheLine('stop-the-line', 'true')).toThrow(InputError);
    expect(() => parseStopTheLine('stop-the-line', 'true')).toThrow(/stop-the-line/);
  });
});
