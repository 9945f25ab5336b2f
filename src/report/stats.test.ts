import { describe, it, expect } from 'vitest';
import {
  confidenceInterval, ksDistance, ksPValue, mean, normalQuantile, quantile, regularizedIncompleteBeta,
  sampleSd, studentTCdf, studentTQuantile, summarize,
} from './stats.ts';

describe('Student t quantile', () => {
  it('matches the printed t table at 97.5 %', () => {
    const table: Array<[number, number]> = [[1, 12.706], [2, 4.303], [3, 3.182], [5, 2.571], [10, 2.228], [20, 2.086], [30, 2.042], [120, 1.980]];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
    expect(studentTQuantile(0.975, Infinity)).toBeCloseTo(1.96, 3);
  });

  it('matches other table columns (90 %, 99.5 %) and is antisymmetric', () => {
    expect(studentTQuantile(0.95, 4)).toBeCloseTo(2.132, 3);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.250, 3);
    expect(studentTQuantile(0.9995, 1)).toBeCloseTo(636.619, 2);
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.6, 0.75, 0.9, 0.99, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
    }
  });

  it('is the inverse of the CDF, also for fractional degrees of freedom', () => {
    for (const df of [1.5, 3.7, 12.25, 250])
      for (const p of [0.01, 0.3, 0.8, 0.975]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
  });

  it('rejects probabilities outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
  });
});

describe('normal quantile and incomplete beta', () => {
  it('matches known normal quantiles to many digits', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  });

  it('gives I_x(1, 1) = x and I_x(a, 1) = x^a', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 12);
  });
});

describe('descriptive statistics', () => {
  const sample = [2, 4, 4, 4, 5, 5, 7, 9];

  it('computes mean, sample sd and quantiles', () => {
    expect(mean(sample)).toBe(5);
    expect(sampleSd(sample)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(quantile(sample, 0.5)).toBe(4.5);
    expect(quantile(sample, 0)).toBe(2);
    expect(quantile(sample, 1)).toBe(9);
  });

  it('builds a 95 % interval from the t quantile with n − 1 degrees of freedom', () => {
    const ci = confidenceInterval([1, 2, 3]);
    // mean 2, sd 1, t(0.975, 2) = 4.3027 → half-width 4.3027 / √3 = 2.4841
    expect(ci.lo).toBeCloseTo(2 - 2.48414, 4);
    expect(ci.hi).toBeCloseTo(2 + 2.48414, 4);
    expect(ci.level).toBe(0.95);
  });

  it('summarizes small samples without inventing a spread', () => {
    expect(summarize([]).mean).toBeNull();
    const one = summarize([3]);
    expect(one).toMatchObject({ n: 1, mean: 3, sd: null, ciLo: null, ciHi: null, median: 3 });
    const many = summarize(sample);
    expect(many.ciLo! < 5 && many.ciHi! > 5).toBe(true);
    expect([many.min, many.max]).toEqual([2, 9]);
  });

  it('refuses empty samples and non-finite values instead of returning NaN', () => {
    expect(() => mean([])).toThrow(RangeError);
    expect(() => sampleSd([1])).toThrow(RangeError);
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('Kolmogorov–Smirnov', () => {
  it('is 0 for identical samples and 1 for disjoint ones', () => {
    expect(ksDistance([1, 2, 3], [3, 2, 1])).toBe(0);
    expect(ksDistance([1, 2, 3], [10, 11])).toBe(1);
  });

  it('computes the largest CDF gap, handling ties', () => {
    // F_a jumps to 0.5 at 1 and 1 at 2; F_b reaches 0.25 at 1, 0.5 at 2, 1 at 3 → D = 0.5 at x = 2
    expect(ksDistance([1, 2], [1, 2, 3, 3])).toBe(0.5);
    expect(ksDistance([0, 0, 1], [0, 1, 1])).toBeCloseTo(1 / 3, 12);
  });

  it('gives small p-values for clearly different samples and large ones for similar samples', () => {
    const a = Array.from({ length: 200 }, (_, i) => i / 200);
    const shifted = a.map((x) => x + 0.5);
    expect(ksPValue(ksDistance(a, shifted), 200, 200)).toBeLessThan(1e-10);
    const interleaved = a.map((x) => x + 0.0025);
    expect(ksPValue(ksDistance(a, interleaved), 200, 200)).toBeGreaterThan(0.99);
    // Critical value at α = 0.05 for n = m = 200 is ≈ 1.358·√(2/200) = 0.1358
    expect(ksPValue(0.1358, 200, 200)).toBeCloseTo(0.05, 2);
  });
});
