/**
 * Statistics for sweeps and sim-vs-measured comparisons: mean, sample standard deviation, Student-t
 * confidence intervals, quantiles and the two-sample Kolmogorov–Smirnov distance (with its asymptotic
 * p-value). Uses simple-statistics where it has the function; the t quantile lives in student-t.ts.
 * Pure functions over number arrays; knows nothing of runs, files or charts.
 */
import { mean as ssMean, quantile as ssQuantile, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.ts';

export { studentTCdf, studentTQuantile, regularizedIncompleteBeta } from './student-t.ts';
export { normalQuantile } from './normal-quantile.ts';

function finite(values: readonly number[], what: string): void {
  for (const v of values) if (!Number.isFinite(v)) throw new RangeError(`${what}: values must be finite numbers (got ${v})`);
}

/** Arithmetic mean; throws on an empty sample. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of an empty sample');
  finite(values, 'mean');
  return ssMean(values as number[]);
}

/** Sample standard deviation (n − 1 denominator); throws when n < 2. */
export function sampleSd(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError('sample standard deviation needs at least 2 values');
  finite(values, 'sampleSd');
  return sampleStandardDeviation(values as number[]);
}

/**
 * Quantile at probability p (0..1) with simple-statistics' method: sorted index n·p, averaging the
 * two neighbours when n·p is a whole number, otherwise taking the next order statistic.
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1] (got ${p})`);
  finite(values, 'quantile');
  return ssQuantile(values as number[], p);
}

export interface ConfidenceInterval {
  readonly lo: number;
  readonly hi: number;
  /** Half-width: t(1 − α/2, n − 1) · sd / √n. */
  readonly halfWidth: number;
  readonly level: number;
}

/** Two-sided Student-t confidence interval for the mean (default 95 %); needs n ≥ 2. */
export function confidenceInterval(values: readonly number[], level = 0.95): ConfidenceInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1) (got ${level})`);
  const m = mean(values);
  const sd = sampleSd(values);
  const t = studentTQuantile(1 - (1 - level) / 2, values.length - 1);
  const halfWidth = (t * sd) / Math.sqrt(values.length);
  return { lo: m - halfWidth, hi: m + halfWidth, halfWidth, level };
}

/** Everything a sweep chart or table needs about one sample. Fields are null where undefined (n < 1 or < 2). */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly ciLo: number | null;
  readonly ciHi: number | null;
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
}

/** Summary with a 95 % t interval; n = 1 gives a mean but no sd or interval. */
export function summarize(values: readonly number[], level = 0.95): SampleSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ciLo: null, ciHi: null, min: null, median: null, max: null };
  const m = mean(values);
  const sorted = [...values].sort((a, b) => a - b);
  const base = { n, mean: m, min: sorted[0] ?? null, median: quantile(sorted, 0.5), max: sorted[n - 1] ?? null };
  if (n < 2) return { ...base, sd: null, ciLo: null, ciHi: null };
  const ci = confidenceInterval(values, level);
  return { ...base, sd: sampleSd(values), ciLo: ci.lo, ciHi: ci.hi };
}

/**
 * Two-sample Kolmogorov–Smirnov statistic D = sup_x |F_a(x) − F_b(x)| of the empirical CDFs
 * (ties handled by stepping past every equal value in both samples before comparing).
 */
export function ksDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) throw new RangeError('Kolmogorov–Smirnov distance needs two non-empty samples');
  finite(a, 'ksDistance');
  finite(b, 'ksDistance');
  const xs = [...a].sort((p, q) => p - q);
  const ys = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < xs.length && j < ys.length) {
    const x = Math.min(xs[i] as number, ys[j] as number);
    while (i < xs.length && xs[i] === x) i++;
    while (j < ys.length && ys[j] === x) j++;
    d = Math.max(d, Math.abs(i / xs.length - j / ys.length));
  }
  return d;
}

/**
 * Asymptotic p-value of a two-sample KS distance d for sample sizes n and m (Kolmogorov distribution
 * with the Stephens small-sample correction, as in Numerical Recipes `kstwo`). Approximate for small n.
 */
export function ksPValue(d: number, n: number, m: number): number {
  if (!(d >= 0 && d <= 1)) throw new RangeError(`KS distance must be in [0, 1] (got ${d})`);
  const ne = Math.sqrt((n * m) / (n + m));
  const lambda = (ne + 0.12 + 0.11 / ne) * d;
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  let previous = 0;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-10 * previous || Math.abs(term) <= 1e-16 * Math.abs(sum)) return clamp01(2 * sum);
    sign = -sign;
    previous = Math.abs(term);
  }
  return 1; // series failed to converge: only happens for tiny lambda, where p → 1
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
