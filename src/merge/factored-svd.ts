/**
 * SVD of a matrix given as a sum of outer products, M = Σ_t x_t ⊗ y_t (M [m × n], x_t of length
 * m, y_t of length n), without ever forming M: thin QR of the x's and of the y's, SVD of the small
 * core C = Rx · Ryᵀ, then rotate the bases. Exact up to rounding; cost O((m + n) · R²) for R
 * terms. Used for the exact SVD of a weighted sum of LoRA adapters (x_t = columns of B, y_t = rows
 * of A) and for the last step of the randomized SVD (x_t = range basis, y_t = its projection).
 * Knows nothing about LoRA files or merge methods.
 */
import { jacobiSvd } from './jacobi-svd.ts';
import { orthonormalize, type Orthonormal } from './orthonormalize.ts';

export interface Svd {
  /** Number of singular triplets (≤ the number of terms and ≤ min(m, n)). */
  readonly k: number;
  /** Singular values, descending. */
  readonly s: Float64Array;
  /** Left singular vectors as rows: [k × m]. */
  readonly u: Float64Array;
  /** Right singular vectors as rows: [k × n]. */
  readonly v: Float64Array;
  readonly m: number;
  readonly n: number;
}

/**
 * SVD of Σ_t x_t ⊗ y_t for `terms` pairs (x rows of length m, y rows of length n).
 * `xOrthonormal`: the x's are already orthonormal (skips their QR). `keep`: return only the
 * leading `keep` triplets (rotating the bases is the costly step); `totalEnergy` is Σ σ² over
 * all of them, i.e. ‖M‖_F².
 */
export function svdOfSum(x: Float64Array, y: Float64Array, terms: number, m: number, n: number, xOrthonormal = false, keep = Infinity): Svd & { readonly totalEnergy: number } {
  const qx: Orthonormal = xOrthonormal ? identityBasis(x, terms, m) : orthonormalize(x, terms, m);
  const qy = orthonormalize(y, terms, n);
  const p = qx.count;
  const q = qy.count;
  if (p === 0 || q === 0) return { k: 0, s: new Float64Array(0), u: new Float64Array(0), v: new Float64Array(0), m, n, totalEnergy: 0 };
  // C[s][u] = Σ_t Rx[s][t] · Ry[u][t]
  const c = new Float64Array(p * q);
  for (let s = 0; s < p; s++) {
    for (let u = 0; u < q; u++) {
      let d = 0;
      for (let t = 0; t < terms; t++) d += (qx.coef[s * terms + t] as number) * (qy.coef[u * terms + t] as number);
      c[s * q + u] = d;
    }
  }
  const core = jacobiSvd(c, p, q);
  const totalEnergy = energyOf(core.s, core.k);
  const k = Math.min(core.k, keep);
  const u = rotate(core.u, k, p, qx.q, m);
  const v = rotate(core.v, k, q, qy.q, n);
  return { k, s: core.s.slice(0, k), u, v, m, n, totalEnergy };
}

/** out_c = Σ_s coef[c][s] · basis_s for k combinations of `count` basis vectors of `length`. */
function rotate(coef: Float64Array, k: number, count: number, basis: Float64Array, length: number): Float64Array {
  const out = new Float64Array(k * length);
  for (let c = 0; c < k; c++) {
    const o = c * length;
    for (let s = 0; s < count; s++) {
      const f = coef[c * count + s] as number;
      if (f === 0) continue;
      const b = s * length;
      for (let j = 0; j < length; j++) out[o + j] = (out[o + j] as number) + f * (basis[b + j] as number);
    }
  }
  return out;
}

function identityBasis(x: Float64Array, terms: number, length: number): Orthonormal {
  const coef = new Float64Array(terms * terms);
  for (let t = 0; t < terms; t++) coef[t * terms + t] = 1;
  return { q: x.subarray(0, terms * length), count: terms, coef };
}

/** Σ of the squared singular values of the first `rank` triplets. */
export function energyOf(s: Float64Array, rank: number): number {
  let e = 0;
  for (let i = 0; i < Math.min(rank, s.length); i++) e += (s[i] as number) ** 2;
  return e;
}
