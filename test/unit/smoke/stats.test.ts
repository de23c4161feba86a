import { describe, expect, it } from '@jest/globals';
import {
  histogram,
  histogramChart,
  judgeThresholds,
  niceWidth,
  percentile,
  summarize,
} from '../../../src/smoke/stats.js';

const oneTo100 = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it.each([
    [oneTo100, 50, 50],
    [oneTo100, 95, 95],
    [oneTo100, 99, 99],
    [oneTo100, 100, 100],
    [oneTo100, 0, 1],
    [[7], 50, 7],
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4], 51, 3],
    [[10, 20], 95, 20],
  ])('%#: p%p', (values, p, want) => expect(percentile(values, p)).toBe(want));
  it('is NaN with no values', () => expect(percentile([], 50)).toBeNaN());
});

describe('summarize', () => {
  it('sorts, rounds and summarizes', () => {
    const values = [...oneTo100].reverse().map((v) => v + 0.123);
    expect(summarize(values)).toEqual({
      count: 100,
      min: 1.12,
      mean: 50.62,
      p50: 50.12,
      p95: 95.12,
      p99: 99.12,
      max: 100.12,
    });
  });
  it('is NaN everywhere with no values', () => {
    const s = summarize([]);
    expect(s.count).toBe(0);
    expect([s.p50, s.p95, s.p99, s.min, s.max, s.mean].every(Number.isNaN)).toBe(true);
  });
});

describe('niceWidth', () => {
  it.each([
    [0.3, 0.5],
    [1, 1],
    [1.1, 2],
    [3, 5],
    [7, 10],
    [12, 20],
    [240, 500],
    [0, 1],
    [-4, 1],
  ])('%p -> %p', (raw, want) => expect(niceWidth(raw)).toBeCloseTo(want, 9));
});

describe('histogram', () => {
  it('puts every value in one band of equal 1-2-5 width', () => {
    const values = [20.5, 21, 22.2, 23.9, 24, 25.5, 27, 29.9];
    const b = histogram(values, 5);
    expect(b.map((x) => [x.from, x.to, x.count])).toEqual([
      [20, 22, 2],
      [22, 24, 2],
      [24, 26, 2],
      [26, 28, 1],
      [28, 30, 1],
    ]);
  });
  it('keeps the slow tail in one overflow band', () => {
    const values = [...oneTo100.map((v) => 10 + (v % 10)), 5000];
    const b = histogram(values);
    expect(b.reduce((a, x) => a + x.count, 0)).toBe(values.length);
    expect(b[b.length - 1]).toEqual({ from: expect.any(Number), to: Infinity, count: 1 });
    expect(b.length).toBeLessThanOrEqual(11);
  });
  it('handles one value and no values', () => {
    expect(histogram([12])).toEqual([{ from: 12, to: 13, count: 1 }]);
    expect(histogram([])).toEqual([]);
  });
  it('charts bands with bars proportional to the counts', () => {
    const chart = histogramChart(
      [
        { from: 0, to: 10, count: 10 },
        { from: 10, to: 20, count: 5 },
        { from: 20, to: Infinity, count: 0 },
      ],
      10,
    );
    expect(chart.split('\n')).toEqual([
      ' 0–10 ms │██████████ 10 (66.7%)',
      '10–20 ms │█████ 5 (33.3%)',
      ' ≥ 20 ms │ 0 (0.0%)',
    ]);
  });
});

describe('judgeThresholds', () => {
  it.each([
    [0, 100, true, true],
    [0.01, 5000, true, true],
    [0.02, 5000, false, true],
    [0, 5001, true, false],
    [NaN, NaN, false, false],
  ])('error rate %p, p95 %p', (rate, p95, rateOk, p95Ok) => {
    const r = judgeThresholds({ maxErrorRate: 0.01, maxP95Ms: 5000 }, rate, p95);
    expect(r.map((t) => [t.name, t.passed])).toEqual([
      ['error-rate', rateOk],
      ['p95-ms', p95Ok],
    ]);
  });
});
