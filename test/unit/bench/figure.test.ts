// The BENCH line of the benches and the runner's reading of it (bench/figure.ts).
import { describe, expect, it, jest } from '@jest/globals';
import { type BenchFigure, benchFigure, meetsGoal, parseBenchLines } from '../../../bench/figure.js';

const figure = (f: Partial<BenchFigure>): BenchFigure => ({ operation: 'op', figure: 1, unit: 's', ...f });

describe('meetsGoal', () => {
  it.each([
    ['ratio within', figure({ ratio: 1.1, goal: '<= 1.2x' }), true],
    ['ratio at the bound', figure({ ratio: 1.2, goal: '<= 1.2x' }), true],
    ['ratio past', figure({ ratio: 1.3, goal: '<= 1.2x' }), false],
    ['ratio goal without a floor', figure({ goal: '<= 1.2x' }), false],
    ['figure within, with unit', figure({ figure: 0.11, goal: '<= 0.12 s' }), true],
    ['figure past', figure({ figure: 0.19, goal: '<= 0.12 s' }), false],
    ['strict bound', figure({ figure: 60, goal: '< 60 s' }), false],
    ['count goal, no unit', figure({ figure: 0, goal: '<= 0' }), true],
    ['a figure that is not a number', figure({ figure: NaN, goal: '<= 2x', ratio: NaN }), false],
    ['no goal', figure({}), undefined],
    ['a goal it cannot read', figure({ goal: 'fast' }), undefined],
  ])('%s', (_name, f, expected) => {
    expect(meetsGoal(f)).toBe(expected);
  });
});

describe('benchFigure and parseBenchLines', () => {
  it('prints the ratio from the floor, and the runner reads the line back among other output', () => {
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    try {
      benchFigure({ operation: 'whole path', figure: 44.23456, unit: 's', floor: 27.5, goal: '<= 1.2x' });
      benchFigure({ operation: 'calls', figure: 3, unit: '' });
    } finally {
      log.mockRestore();
    }
    expect(parseBenchLines(['| a table |', ...printed, 'BENCHMARK is not a line'].join('\n'))).toEqual([
      { operation: 'whole path', figure: 44.23, unit: 's', floor: 27.5, ratio: 1.609, goal: '<= 1.2x' },
      { operation: 'calls', figure: 3, unit: '' },
    ]);
  });
});
