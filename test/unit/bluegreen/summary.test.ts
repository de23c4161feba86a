// blue-green's outputs and job summary (pure functions of a run's result).
import { describe, expect, it } from '@jest/globals';
import { blueGreenOutputs, blueGreenSummary, trafficJson } from '../../../src/bluegreen/summary.js';
import type { TrafficEntry } from '../../../src/revisions/traffic.js';

const A = 'app';
const r = (s: string) => `${A}--${s}`;
const e = (suffix: string, label: string | undefined, weight: number): TrafficEntry => ({
  revisionName: r(suffix),
  ...(label ? { label } : {}),
  weight,
});

describe('outputs and summary', () => {
  const result = {
    command: 'promote' as const,
    app: A,
    before: [e('v1', 'blue', 100), e('v2', 'green', 0)],
    after: [e('v1', 'blue', 0), e('v2', 'green', 100)],
    productionRevision: r('v2'),
    previousRevision: r('v1'),
    log: ['traffic: green at 100%'],
    deactivated: [],
  };
  it('traffic JSON is {revisionName, label, weight}', () => {
    expect(JSON.parse(trafficJson([...result.after, { latestRevision: true, weight: 0 }]))).toEqual([
      { revisionName: r('v1'), label: 'blue', weight: 0 },
      { revisionName: r('v2'), label: 'green', weight: 100 },
      { latestRevision: true, weight: 0 },
    ]);
  });
  it('outputs', () => {
    expect(blueGreenOutputs(result)).toEqual({
      'production-revision': r('v2'),
      'previous-revision': r('v1'),
      traffic: trafficJson(result.after),
      analysis: '[]',
      'trading-revision': '',
      'trading-epoch': '',
      handover: '',
    });
  });
  it('outputs and summarises trading: designation, epoch, handover JSON in kebab case, the gap', () => {
    const trading = {
      designation: { revision: r('v2'), epoch: 8, etag: '"e"' },
      lease: {
        leaseState: 'leased',
        leaseStatus: 'locked',
        leased: true,
        holder: 'app--v2-abc',
        revision: r('v2'),
        epoch: 8,
        state: 'trading' as const,
        since: '2026-12-07T23:00:01.250Z',
      },
      handover: {
        from: r('v1'),
        to: r('v2'),
        epoch: 8,
        releasedAt: '2026-12-07T23:00:00.000Z',
        acquiredAt: '2026-12-07T23:00:01.250Z',
        gapMs: 1250,
      },
    };
    const out = blueGreenOutputs({ ...result, trading });
    expect(out['trading-revision']).toBe(r('v2'));
    expect(out['trading-epoch']).toBe('8');
    expect(JSON.parse(out.handover)).toEqual({
      from: r('v1'),
      to: r('v2'),
      epoch: 8,
      'released-at': '2026-12-07T23:00:00.000Z',
      'acquired-at': '2026-12-07T23:00:01.250Z',
      'gap-ms': 1250,
    });
    const md = blueGreenSummary({ ...result, trading });
    expect(md).toContain('### Trading');
    expect(md).toContain(`| **designation** | ${r('v2')} |`);
    expect(md).toContain('| **epoch** | 8 |');
    expect(md).toContain(`| **holder** | app--v2-abc of ${r('v2')} (epoch 8) |`);
    expect(md).toContain('| **state** | trading since 2026-12-07T23:00:01.250Z |');
    expect(md).toContain('| **lease** | leased (locked) |');
    expect(md).toContain('| **handover gap** | 1250 ms |');
  });
  it('no trading section without a managed lease', () => {
    expect(blueGreenSummary(result)).not.toContain('### Trading');
  });
  it('summary: tables before and after and a mermaid picture', () => {
    const md = blueGreenSummary(result);
    expect(md).toContain('### Traffic before');
    expect(md).toContain('### Traffic after');
    expect(md).toContain('```mermaid');
  });
});

describe('status with the audit trail', () => {
  const status = {
    command: 'status' as const,
    app: A,
    before: [e('v1', 'blue', 100)],
    after: [e('v1', 'blue', 100)],
    log: [],
    deactivated: [],
  };
  it('shows the last records as a table, or says there are none; nothing without audit', () => {
    const record = {
      time: '2026-12-08T00:00:00.000Z',
      key: '1.1.promote.green',
      app: A,
      action: 'blue-green promote',
      change: 'promote' as const,
      outcome: 'succeeded' as const,
      actor: 'octocat',
      trigger: 'push',
      reason: '',
      window: 'allowed',
      runId: '1',
      attempt: 1,
      target: 'green',
      from: r('v0'),
      to: r('v1'),
    };
    const md = blueGreenSummary({ ...status, audit: [record] });
    expect(md).toContain('### Audit trail (last records)');
    expect(md).toContain(`| promote | succeeded | ${r('v0')} | ${r('v1')} |`);
    expect(blueGreenSummary({ ...status, audit: [] })).toContain('_No records yet._');
    expect(blueGreenSummary(status)).not.toContain('Audit trail');
  });
});
