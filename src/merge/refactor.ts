/**
 * Turning an SVD of a weight delta back into LoRA factors of a fixed rank r: B = U_r·√Σ_r and
 * A = √Σ_r·V_rᵀ (the singular values split evenly, which keeps both factors in a comfortable
 * float16 range), with scale 1 (the adapter's alpha is written equal to r). Triplets missing
 * because ΔW has rank < r are zero rows/columns, so every module of an adapter has the same rank
 * and llama.cpp's alpha / rank scaling is the same everywhere. Knows nothing about files.
 */
import type { Svd } from './factored-svd.ts';
import type { LoraFactors } from './layout.ts';

export function svdToLora(svd: Svd, rank: number): LoraFactors {
  const m = svd.m;
  const n = svd.n;
  const a = new Float32Array(rank * n);
  const b = new Float32Array(m * rank);
  const k = Math.min(rank, svd.k);
  for (let c = 0; c < k; c++) {
    const root = Math.sqrt(svd.s[c] as number);
    for (let j = 0; j < n; j++) a[c * n + j] = root * (svd.v[c * n + j] as number);
    for (let i = 0; i < m; i++) b[i * rank + c] = root * (svd.u[c * m + i] as number);
  }
  return { a, b, rank, inDim: n, outDim: m, scale: 1 };
}
