/**
 * Sampling the distributions of calibration profiles. Every form is reduced to a (shifted)
 * lognormal: a single value has sigma 0; `{median, p10, p90}` is fitted through the median with
 * sigma = ln(p90 / p10) / (2 · 1.2816) (the p10/p90 z-score; an asymmetric spread is averaged, and a
 * missing side mirrors the other); `{lognormal: {median, sigma, offset}}` is taken as is.
 * Knows nothing about what the values measure.
 */
import type { Rng } from '../../core/ports.ts';
import { lognormal as drawLognormal } from '../rng.ts';
import type { Distribution } from './unit-schemas.ts';

/** z-score of the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

export interface ShiftedLognormal {
  readonly mu: number;
  readonly sigma: number;
  readonly offset: number;
}

export function toLognormal(d: Distribution): ShiftedLognormal {
  if (typeof d === 'number') return { mu: Math.log(d), sigma: 0, offset: 0 };
  if ('lognormal' in d) return { mu: Math.log(d.lognormal.median), sigma: d.lognormal.sigma, offset: d.lognormal.offset ?? 0 };
  const { median } = d;
  const lo = d.p10 ?? (d.p90 !== undefined ? (median * median) / d.p90 : median);
  const hi = d.p90 ?? (d.p10 !== undefined ? (median * median) / d.p10 : median);
  const sigma = lo > 0 && hi > 0 ? Math.log(hi / lo) / (2 * Z90) : 0;
  return { mu: Math.log(median), sigma, offset: 0 };
}

/** The median of a distribution (in its own units). */
export function medianOf(d: Distribution): number {
  const l = toLognormal(d);
  return l.offset + Math.exp(l.mu);
}

/** One draw (in the distribution's units; round it if the caller needs integer µs). */
export function sampleDistribution(d: Distribution, rng: Rng): number {
  const l = toLognormal(d);
  if (l.sigma === 0) return l.offset + Math.exp(l.mu);
  return l.offset + drawLognormal(rng, l.mu, l.sigma);
}
