/**
 * Test helpers for src/merge: seeded random matrices, dense products and reconstruction from SVD
 * triplets (plain loops, the slow obvious way, to check the fast code against). Used by tests and
 * benches only.
 */
import type { LoraFactors } from './layout.ts';
import { seededStream } from './seeded-stream.ts';

export function randomMatrix(rows: number, cols: number, seed: string, sigma = 1): Float32Array {
  const s = seededStream(seed, `matrix ${rows}x${cols}`);
  return Float32Array.from({ length: rows * cols }, () => sigma * s.normal());
}

/** Dense C [m × n] = A [m × k] · B [k × n] in float64. */
export function matmul(a: ArrayLike<number>, b: ArrayLike<number>, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let t = 0; t < k; t++) {
    const x = a[i * k + t] as number;
    for (let j = 0; j < n; j++) c[i * n + j] = (c[i * n + j] as number) + x * (b[t * n + j] as number);
  }
  return c;
}

/** Σ_c s_c · u_c ⊗ v_c for triplets stored as rows. */
export function reconstruct(svd: { k: number; s: Float64Array; u: Float64Array; v: Float64Array; m: number; n: number }, rank = svd.k): Float64Array {
  const out = new Float64Array(svd.m * svd.n);
  for (let c = 0; c < Math.min(rank, svd.k); c++) {
    const s = svd.s[c] as number;
    for (let i = 0; i < svd.m; i++) {
      const ui = s * (svd.u[c * svd.m + i] as number);
      for (let j = 0; j < svd.n; j++) out[i * svd.n + j] = (out[i * svd.n + j] as number) + ui * (svd.v[c * svd.n + j] as number);
    }
  }
  return out;
}

/** ΔW = scale · B · A of LoRA factors, dense float64. */
export function deltaOf(f: LoraFactors): Float64Array {
  const d = matmul(f.b, f.a, f.outDim, f.rank, f.inDim);
  for (let i = 0; i < d.length; i++) d[i] = (d[i] as number) * f.scale;
  return d;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}

export function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] as number));
  return m;
}

/** Random LoRA factors with the given shape and scale. */
export function randomFactors(rank: number, inDim: number, outDim: number, seed: string, scale = 1): LoraFactors {
  return { a: randomMatrix(rank, inDim, `${seed}/a`), b: randomMatrix(outDim, rank, `${seed}/b`), rank, inDim, outDim, scale };
}
