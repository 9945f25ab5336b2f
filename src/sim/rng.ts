/**
 * Seeded randomness for the simulator: the core's `Rng` port implemented with seedrandom's `alea`,
 * plus sampling helpers (exponential, normal, lognormal, choice, weighted choice, shuffle) that work
 * on any `Rng`. A stream's seed is derived from its parent's seed and a purpose name only, never from
 * draws: `fork('x')` twice gives two identical streams, and drawing from one stream never shifts
 * another (so adding a metric or a node never changes anyone else's randomness).
 * Knows nothing about nodes, scenarios or the kernel.
 */
import seedrandom from 'seedrandom';
import type { Rng } from '../core/ports.ts';

/** An `Rng` that also exposes the seed it was derived from (for logs and debugging). */
export interface SeededRng extends Rng {
  readonly seed: string;
  fork(purpose: string): SeededRng;
}

class AleaRng implements SeededRng {
  private readonly prng: () => number;

  constructor(readonly seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  next(): number {
    return this.prng();
  }

  int(lo: number, hi: number): number {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi < lo) {
      throw new RangeError(`rng.int(${lo}, ${hi}): bounds must be integers with lo <= hi`);
    }
    return lo + Math.floor(this.prng() * (hi - lo + 1));
  }

  fork(purpose: string): SeededRng {
    // JSON keeps the derivation unambiguous: fork('a/b') differs from fork('a').fork('b').
    return new AleaRng(JSON.stringify([this.seed, purpose]));
  }
}

/** The root stream of a simulation. Equal seeds give equal streams; `1` and `'1'` are the same seed. */
export function createRng(seed: string | number): SeededRng {
  return new AleaRng(String(seed));
}

/** Uniform in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** Exponential with the given mean (> 0). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}

/** Normal(mean, sd) by Box–Muller (two uniforms per draw, no hidden cached state). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng.next(); // (0, 1]
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal: exp(Normal(mu, sigma)). The median is exp(mu). */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}

/** Bernoulli trial: true with probability p. */
export function chance(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** One element chosen uniformly. Throws on an empty array. */
export function choice<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('choice from an empty array');
  return items[Math.floor(rng.next() * items.length)] as T;
}

/** Index chosen with probability proportional to its weight (weights ≥ 0, not all 0). */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weights must be finite and >= 0, got ${w}`);
    total += w;
  }
  if (total <= 0) throw new RangeError('weighted choice needs at least one positive weight');
  let x = rng.next() * total;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w === 0) continue;
    last = i;
    if (x < w) return i;
    x -= w;
  }
  return last; // floating-point leftovers land on the last positive weight
}

/** One element chosen with probability proportional to its weight. */
export function weightedChoice<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  if (items.length !== weights.length) throw new RangeError(`weighted choice: ${items.length} items but ${weights.length} weights`);
  return items[weightedIndex(rng, weights)] as T;
}

/** A shuffled copy (Fisher–Yates); the input is left untouched. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
