import { describe, expect, it } from '@jest/globals';
import { cell, factsTable, markdownTable, trafficMermaid, trafficTable } from '../../../src/core/markdown.js';

describe('markdown', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['x\ny', 'x<br>y'],
    ['', '—'],
    [undefined, '—'],
    [0, '0'],
  ])('cell(%p) -> %p', (raw, want) => expect(cell(raw)).toBe(want));
  it('builds a table', () =>
    expect(markdownTable(['a', 'b'], [[1, 'x|y']])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |'));
  it('builds a facts table', () =>
    expect(factsTable([['image', 'r/x@sha256:1']])).toContain('| **image** | r/x@sha256:1 |'));
});

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
