/**
 * Samplers shared by the world models (mobility, link, churn): uniform, normal, lognormal,
 * exponential, over an injected `Rng`. Owns only the maths; knows nothing of nodes or time units.
 */
import type { Rng } from '../../core/ports.ts';

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** Standard normal draw (Box-Muller, one value per call, two uniforms consumed). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: log is finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Lognormal with the given median (= exp(mu)) and log-space standard deviation. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return sigma === 0 ? median : median * Math.exp(sigma * standardNormal(rng));
}

/** Exponential with the given mean (mean 0 gives 0). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Uniform in [centre - spread, centre + spread]. */
export function jittered(rng: Rng, centre: number, spread: number): number {
  return spread === 0 ? centre : centre + spread * (2 * rng.next() - 1);
}
