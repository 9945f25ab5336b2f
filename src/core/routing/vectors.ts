/**
 * Vector helpers for embedding routing: finiteness/norm checks, unit normalisation and the
 * centroid of a set of embeddings. Pure arithmetic in float64; knows nothing about adapters,
 * embedders or decisions.
 */
import { err, ok, type Result } from '../errors.ts';

export type Vector = Float32Array | Float64Array | readonly number[];

/** Euclidean norm, or NaN if any component is not finite. */
export function norm(v: Vector): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (!Number.isFinite(x)) return Number.NaN;
    sum += x * x;
  }
  return Math.sqrt(sum);
}

/** A unit-length float64 copy, or undefined for a zero-length, zero or non-finite vector. */
export function unit(v: Vector): Float64Array | undefined {
  const n = norm(v);
  if (v.length === 0 || !(n > 0)) return undefined;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) / n;
  return out;
}

/**
 * Centroid of a domain's embeddings: the mean of the unit-normalised vectors, returned
 * unit-normalised (so a long or loud text does not outweigh the others, and cosine against the
 * centroid is a dot product). Errors (code `decode/bad-value`, origin local): no vectors,
 * differing dimensions, a zero or non-finite vector, or vectors that cancel out exactly.
 */
export function centroidOf(vectors: readonly Vector[]): Result<number[]> {
  const first = vectors[0];
  if (first === undefined) return err('decode/bad-value', 'centroidOf: no vectors given', 'local');
  const dims = first.length;
  const sum = new Float64Array(dims);
  for (let k = 0; k < vectors.length; k++) {
    const v = vectors[k] as Vector;
    if (v.length !== dims) {
      return err('decode/bad-value', `centroidOf: vector ${k} has ${v.length} dimensions, expected ${dims}`, 'local');
    }
    const u = unit(v);
    if (u === undefined) return err('decode/bad-value', `centroidOf: vector ${k} is zero, empty or not finite`, 'local');
    for (let i = 0; i < dims; i++) sum[i] = (sum[i] as number) + (u[i] as number);
  }
  const c = unit(sum);
  if (c === undefined) return err('decode/bad-value', 'centroidOf: the vectors cancel out (zero mean)', 'local');
  return ok(Array.from(c));
}
