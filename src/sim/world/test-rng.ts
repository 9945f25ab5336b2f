/**
 * A tiny deterministic `Rng` for tests and benchmarks of the world models (mulberry32 per stream,
 * forks keyed by a string hash of the seed path). It stands in for the simulator's seedrandom-based
 * Rng, which these modules must not import; it makes no claim of statistical quality beyond tests.
 */
import type { Rng } from '../../core/ports.ts';

/** xmur3-style 32-bit string hash. */
function hashString(s: string): number {
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A deterministic Rng; the same seed (and the same fork path) always gives the same stream. */
export function createTestRng(seed: number | string): Rng {
  const path = String(seed);
  let state = hashString(path);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    fork: (purpose) => createTestRng(`${path}/${purpose}`),
  };
}
