/**
 * Order-independent per-pair randomness: a normal deviate that depends only on a seed and the
 * unordered pair {a, b}, so a pair's fixed traits do not shift when other draws are added or the
 * simulator visits pairs in another order. Knows nothing of radios.
 */

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Uniform in (0, 1) from (seed, unordered pair, salt). */
export function pairUniform(seed: number, a: number, b: number, salt: number): number {
  const lo = Math.min(a, b), hi = Math.max(a, b);
  const h = mix32(seed ^ mix32(Math.imul(lo, 0x9e3779b1) ^ mix32(hi + Math.imul(salt, 0x85ebca6b))));
  return (h + 0.5) / 4294967296;
}

/** Standard normal deviate for the unordered pair (Box-Muller on two pair uniforms). */
export function pairNormal(seed: number, a: number, b: number): number {
  const u1 = pairUniform(seed, a, b, 1);
  const u2 = pairUniform(seed, a, b, 2);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
