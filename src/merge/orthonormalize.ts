/**
 * Modified Gram–Schmidt with a re-orthogonalisation pass where needed ("twice is enough"), on vectors stored
 * as the rows of a Float64Array. Returns the orthonormal basis and the coefficients that rebuild
 * every input from it (a thin QR: input_t = Σ_s coef[s][t] · q_s). Inputs that are (numerically)
 * in the span of earlier ones add no basis vector, so rank-deficient inputs give fewer vectors.
 * Knows nothing about matrices' meaning.
 */

export interface Orthonormal {
  /** Basis vectors, [count × length] row-major. */
  readonly q: Float64Array;
  readonly count: number;
  /** Coefficients, [count × inputs] row-major: input_t = Σ_s coef[s · inputs + t] · q_s. */
  readonly coef: Float64Array;
}

/** Relative size below which a residual is treated as zero (inputs are float32 data). */
export const RANK_TOLERANCE = 1e-9;

/** Orthonormalises `inputs` vectors of `length` stored as rows of `x` (x is not modified). */
export function orthonormalize(x: Float64Array | Float32Array, inputs: number, length: number): Orthonormal {
  const q = new Float64Array(inputs * length);
  const coef = new Float64Array(inputs * inputs);
  const w = new Float64Array(length);
  let maxNorm = 0;
  for (let t = 0; t < inputs; t++) {
    let s = 0;
    for (let j = 0, o = t * length; j < length; j++) s += (x[o + j] as number) ** 2;
    maxNorm = Math.max(maxNorm, Math.sqrt(s));
  }
  let count = 0;
  for (let t = 0; t < inputs; t++) {
    const o = t * length;
    let before = 0;
    for (let j = 0; j < length; j++) {
      const v = x[o + j] as number;
      w[j] = v;
      before += v * v;
    }
    let nrm = Math.sqrt(before);
    // A second pass only when the first one cancelled much of the vector (Kahan–Parlett: below
    // 1/√2 of its norm), the case where one pass leaves it measurably non-orthogonal.
    for (let pass = 0; pass < 2 && count > 0; pass++) {
      for (let s = 0; s < count; s++) {
        const qo = s * length;
        let d = 0;
        for (let j = 0; j < length; j++) d += (q[qo + j] as number) * (w[j] as number);
        for (let j = 0; j < length; j++) w[j] = (w[j] as number) - d * (q[qo + j] as number);
        coef[s * inputs + t] = (coef[s * inputs + t] as number) + d;
      }
      let after = 0;
      for (let j = 0; j < length; j++) after += (w[j] as number) ** 2;
      const previous = nrm;
      nrm = Math.sqrt(after);
      if (nrm >= Math.SQRT1_2 * previous) break;
    }
    if (nrm > RANK_TOLERANCE * maxNorm && nrm > 0) {
      const qo = count * length;
      for (let j = 0; j < length; j++) q[qo + j] = (w[j] as number) / nrm;
      coef[count * inputs + t] = nrm;
      count += 1;
    }
  }
  return { q: q.subarray(0, count * length), count, coef: coef.subarray(0, count * inputs) };
}
