/**
 * Where one measured figure falls among the simulated seeds. The simulated 95 % interval is the
 * central 95 % of the seeds' values (2.5th to 97.5th percentile, simple-statistics' quantile rule:
 * with 20 seeds, the smallest and largest value): a single measured trial is one draw, so it is
 * checked against the spread of single runs, not against the confidence interval of their mean
 * (which narrows with more seeds and would reject a correct model); that interval of the mean is
 * reported beside it. "Never reached" (null) counts as later than any time. A figure passes when
 * it lies inside the interval and within the tolerance (15 %) of the simulated median.
 * Pure; knows nothing about runs or files.
 */
import { summarize } from '../report/index.ts';

export const DEFAULT_LEVEL = 0.95;
export const DEFAULT_TOLERANCE = 0.15;

export interface FigureStats {
  /** Seeds. */
  readonly n: number;
  /** Seeds with a finite value (a time that was reached). */
  readonly reached: number;
  /** Median over seeds; null when the median seed never reached it. */
  readonly median: number | null;
  /** Mean over seeds that reached it; null when none did. */
  readonly mean: number | null;
  /** Central `level` share of the seeds (percentiles); null = never reached (unbounded). */
  readonly lo: number | null;
  readonly hi: number | null;
  /** Student-t interval of the mean over seeds that reached it (n >= 2). */
  readonly meanCiLo: number | null;
  readonly meanCiHi: number | null;
}

export interface FigureCheck {
  readonly measured: number | null;
  readonly simulated: FigureStats;
  /** (measured − median) / median; 0 when both are 0; null when either never reached or the median is 0. */
  readonly relativeError: number | null;
  readonly insideInterval: boolean;
  readonly withinTolerance: boolean;
  readonly pass: boolean;
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Statistics of one figure over seeds (null = never reached). */
export function figureStats(values: readonly (number | null)[], level = DEFAULT_LEVEL): FigureStats {
  const n = values.length;
  if (n === 0) return { n, reached: 0, median: null, mean: null, lo: null, hi: null, meanCiLo: null, meanCiHi: null };
  const all = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  const finite = all.filter(Number.isFinite);
  const s = summarize(finite);
  const tail = (1 - level) / 2;
  const q = (p: number) => quantileSorted(all, p);
  return {
    n, reached: finite.length,
    median: finiteOrNull(median(all)),
    mean: s.mean, lo: finiteOrNull(q(tail)), hi: finiteOrNull(q(1 - tail)),
    meanCiLo: s.ciLo, meanCiHi: s.ciHi,
  };
}

/**
 * The quantile of the project's statistics (simple-statistics: linear interpolation between order
 * statistics, R/numpy type 7) on sorted values that may hold Infinity, which its own function
 * refuses: an interpolation towards Infinity is Infinity.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty sample');
  if (p <= 0) return sorted[0] as number;
  if (p >= 1) return sorted[n - 1] as number;
  const idx = (n - 1) * p;
  const lower = Math.floor(idx);
  const a = sorted[lower] as number;
  const fraction = idx - lower;
  if (fraction === 0) return a;
  const b = sorted[lower + 1] as number;
  if (!Number.isFinite(b) || !Number.isFinite(a)) return b;
  return a + fraction * (b - a);
}

function median(sorted: readonly number[]): number {
  return quantileSorted(sorted, 0.5);
}

export function checkFigure(measured: number | null, simulated: readonly (number | null)[], tolerance = DEFAULT_TOLERANCE, level = DEFAULT_LEVEL): FigureCheck {
  const stats = figureStats(simulated, level);
  const m = measured ?? Infinity;
  const lo = stats.lo ?? Infinity;
  const hi = stats.hi ?? Infinity;
  const insideInterval = stats.n > 0 && m >= lo && m <= hi;
  const med = stats.median ?? (stats.n > 0 ? Infinity : NaN);
  let relativeError: number | null = null;
  let withinTolerance: boolean;
  if (Number.isFinite(m) && Number.isFinite(med)) {
    relativeError = med === 0 ? (m === 0 ? 0 : null) : (m - med) / med;
    withinTolerance = relativeError !== null && Math.abs(relativeError) <= tolerance + 1e-12;
  } else {
    withinTolerance = !Number.isFinite(m) && med === Infinity; // both never reached
  }
  return { measured, simulated: stats, relativeError, insideInterval, withinTolerance, pass: insideInterval && withinTolerance };
}
