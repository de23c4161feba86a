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
    });
  });
  it('summary: tables before and after and a mermaid picture', () => {
    const md = blueGreenSummary(result);
    expect(md).toContain('### Traffic before');
    expect(md).toContain('### Traffic after');
    expect(md).toContain('```mermaid');
  });
});
