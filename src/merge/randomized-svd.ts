/**
 * Truncated SVD of a dense matrix W [m × n] (float32, row-major) by the randomized range finder
 * of Halko, Martinsson & Tropp (2011): Y = W·Ω for a seeded Gaussian Ω with l = rank + oversample
 * columns, `powerIterations` rounds of Y ← W·(Wᵀ·Q) with re-orthonormalisation in between, then
 * the exact SVD of the projection Q·(Qᵀ·W) (see factored-svd.ts). The captured energy it reports
 * is exact for the returned factors: Σ σ_i² of the kept triplets over ‖W‖_F², both computed.
 * If W has rank ≤ l the result reproduces W to rounding. Small matrices (min(m, n) ≤ l) take an
 * exact path. Cost: (2 + 2 · powerIterations) products of W with l vectors.
 * Knows nothing about LoRA files or merge methods.
 */
import { energyOf, svdOfSum, type Svd } from './factored-svd.ts';
import { rowDots, sumSquares, transpose } from './kernels.ts';
import { orthonormalize } from './orthonormalize.ts';
import type { SeededStream } from './seeded-stream.ts';

export interface RandomizedSvdOptions {
  readonly rank: number;
  /** Extra random vectors beyond `rank` (default 8). */
  readonly oversample?: number;
  /** Power iterations (default 1). */
  readonly powerIterations?: number;
  /** Source of the Gaussian test matrix. */
  readonly stream: SeededStream;
  /** Wᵀ [n × m] if the caller already has it (else it is computed here). */
  readonly transposed?: Float32Array;
  /** The matrix-times-vectors kernel (default: the JavaScript one; see merge-kernels.ts). */
  readonly rowDots?: typeof rowDots;
}

export interface TruncatedSvd extends Svd {
  /** ‖W‖_F². */
  readonly totalEnergy: number;
  /** Σ σ_i² over the first `rank` triplets. */
  readonly keptEnergy: number;
}

/** Truncated SVD of w [m × n]; returns at most `rank` triplets. */
export function randomizedSvd(w: Float32Array, m: number, n: number, o: RandomizedSvdOptions): TruncatedSvd {
  if (!Number.isInteger(o.rank) || o.rank < 1) throw new RangeError(`rank must be a positive integer, got ${o.rank}`);
  const totalEnergy = sumSquares(w, m * n);
  const l = Math.min(o.rank + (o.oversample ?? 8), m, n);
  const full = l >= Math.min(m, n) ? exactSvd(w, m, n, o.transposed) : rangeSvd(w, m, n, l, o);
  return truncate(full, o.rank, totalEnergy);
}

function truncate(svd: Svd, rank: number, totalEnergy: number): TruncatedSvd {
  const k = Math.min(rank, svd.k);
  return {
    k,
    s: svd.s.slice(0, k),
    u: svd.u.slice(0, k * svd.m),
    v: svd.v.slice(0, k * svd.n),
    m: svd.m,
    n: svd.n,
    totalEnergy,
    keptEnergy: energyOf(svd.s, k),
  };
}

/** Exact SVD through the smaller side: W = Σ_i e_i ⊗ W[i,:] (m ≤ n) or Σ_j W[:,j] ⊗ e_j. */
function exactSvd(w: Float32Array, m: number, n: number, transposed: Float32Array | undefined): Svd {
  if (m <= n) {
    const x = new Float64Array(m * m);
    for (let i = 0; i < m; i++) x[i * m + i] = 1;
    return svdOfSum(x, Float64Array.from(w.subarray(0, m * n)), m, m, n, true);
  }
  let wt = transposed;
  if (!wt) {
    wt = new Float32Array(m * n);
    transpose(w, m, n, wt);
  }
  const y = new Float64Array(n * n);
  for (let j = 0; j < n; j++) y[j * n + j] = 1;
  return svdOfSum(Float64Array.from(wt.subarray(0, m * n)), y, n, m, n);
}

function rangeSvd(w: Float32Array, m: number, n: number, l: number, o: RandomizedSvdOptions): Svd {
  let wt = o.transposed;
  if (!wt) {
    wt = new Float32Array(m * n);
    transpose(w, m, n, wt);
  }
  const dots = o.rowDots ?? rowDots;
  const omega = new Float32Array(l * n);
  for (let i = 0; i < omega.length; i++) omega[i] = o.stream.normal();
  const yt = new Float64Array(l * Math.max(m, n));
  // Y = W Ω: rows of Yᵀ are W·ω_c.
  dots(w, m, n, omega, l, yt);
  let q = orthonormalize(yt, l, m);
  for (let it = 0; it < (o.powerIterations ?? 1); it++) {
    dots(wt, n, m, Float32Array.from(q.q), q.count, yt); // Z = Wᵀ Q
    const z = orthonormalize(yt, q.count, n);
    dots(w, m, n, Float32Array.from(z.q), z.count, yt); // Y = W Z
    q = orthonormalize(yt, z.count, m);
  }
  // B = Qᵀ W: its rows are Wᵀ q_c.
  const b = new Float64Array(q.count * n);
  dots(wt, n, m, Float32Array.from(q.q), q.count, b);
  return svdOfSum(q.q.slice(), b, q.count, m, n, true);
}
