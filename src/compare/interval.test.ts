import { describe, expect, it } from 'vitest';
import { quantile } from '../report/index.ts';
import { checkFigure, figureStats, quantileSorted } from './interval.ts';

const twenty = Array.from({ length: 20 }, (_, i) => 100 + i); // 100 … 119

describe('figureStats', () => {
  it('takes the central 95 % of 20 seeds (just inside the extremes), and reports the interval of the mean beside it', () => {
    const s = figureStats(twenty);
    expect(s.lo).toBeCloseTo(100.475, 10);
    expect(s.hi).toBeCloseTo(118.525, 10);
    expect(s.median).toBe(109.5);
    expect(s.meanCiLo!).toBeGreaterThan(105);
    expect(s.meanCiHi!).toBeLessThan(114);
  });

  it('counts never reached (null) as later than any time', () => {
    const s = figureStats([10, 20, null, null, null]);
    expect(s.reached).toBe(2);
    expect(s.median).toBeNull();
    expect(s.hi).toBeNull();
    expect(s.lo).toBe(11); // 0.1 of the way from 10 to 20
    expect(s.mean).toBe(15);
  });
});

describe('quantileSorted', () => {
  it('agrees with simple-statistics on finite samples', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5].sort((a, b) => a - b);
    for (const p of [0, 0.025, 0.1, 0.25, 0.5, 0.75, 0.975, 1]) expect(quantileSorted(xs, p)).toBe(quantile(xs, p));
  });
});

describe('checkFigure', () => {
  it('passes a measured value inside the interval and within 15 % of the median', () => {
    const c = checkFigure(112, twenty);
    expect(c.insideInterval).toBe(true);
    expect(c.relativeError!).toBeCloseTo(2.5 / 109.5, 10);
    expect(c.pass).toBe(true);
  });

  it('fails a value outside the interval even when within the tolerance', () => {
    const c = checkFigure(119, twenty);
    expect(c.withinTolerance).toBe(true);
    expect(c.insideInterval).toBe(false);
    expect(c.pass).toBe(false);
  });

  it('fails a value inside a wide interval but far from the median', () => {
    const wide = [10, 50, 60, 100, 100, 100, 100, 140, 150, 400];
    const c = checkFigure(300, wide);
    expect(c.insideInterval).toBe(true);
    expect(c.withinTolerance).toBe(false);
    expect(c.pass).toBe(false);
  });

  it('agrees when both never reached, and disagrees when only one did', () => {
    expect(checkFigure(null, [null, null, null]).pass).toBe(true);
    expect(checkFigure(null, [5, 6, 7]).pass).toBe(false);
    expect(checkFigure(5, [null, null, null]).pass).toBe(false);
  });

  it('has no interval without seeds', () => {
    expect(checkFigure(5, []).insideInterval).toBe(false);
  });
});
