import { describe, expect, it } from '@jest/globals';
import { cell, factsTable, markdownTable } from '../../../src/core/markdown.js';

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
