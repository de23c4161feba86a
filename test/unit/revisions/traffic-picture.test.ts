import { describe, expect, it } from '@jest/globals';
import { trafficMermaid, trafficTable } from '../../../src/revisions/traffic-picture.js';

describe('traffic', () => {
  const before = [{ revisionName: 'app--v1-0-0', label: 'blue', weight: 100 }];
  const after = [
    { revisionName: 'app--v1-0-0', label: 'blue', weight: 0 },
    { revisionName: 'app--v1-1-0', label: 'green', weight: 100 },
  ];
  it('tabulates traffic', () => {
    expect(trafficTable(after)).toContain('| app--v1-1-0 | green | 100% |');
    expect(trafficTable([{ latestRevision: true, weight: 100 }])).toContain('(latest revision)');
    expect(trafficTable([])).toMatch(/no traffic/);
  });
  it('draws before and after with weights, dotted at 0%', () => {
    const m = trafficMermaid(before, after);
    expect(m.startsWith('```mermaid\nflowchart LR')).toBe(true);
    expect(m).toContain('bapp -- 100% --> b0');
    expect(m).toContain('aapp -. 0% .-> a0');
    expect(m).toContain('aapp -- 100% --> a1');
    expect(m).toContain('a1["app--v1-1-0<br/>label green"]');
    expect(m.endsWith('```')).toBe(true);
  });
});
