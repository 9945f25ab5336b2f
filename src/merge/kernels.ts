/**
 * The dense inner loops of merging, written for V8: Float32Array storage, float64 accumulation in
 * locals, contiguous inner loops, several outputs per pass over the data (so each stored value is
 * loaded once per 8 outputs), no allocation. Row-major document layout (see layout.ts).
 * - `lowRankProduct`: ΔW = s · B · A from B [m × r] and Aᵀ [n × r];
 * - `rowDots`: out[c][i] = X[i,:] · V[c,:] — a matrix times a block of vectors, the product every
 *   randomized-SVD step reduces to (X = W or Wᵀ);
 * - `transpose`, `sumSquares`.
 * Knows nothing about LoRA files or merge methods.
 */

/** out [m × n] = scale · B [m × r] · A where `at` is Aᵀ [n × r]. */
export function lowRankProduct(b: Float32Array, at: Float32Array, scale: number, m: number, n: number, r: number, out: Float32Array): void {
  if (b.length < m * r || at.length < n * r || out.length < m * n) throw new RangeError('lowRankProduct: arrays too short for the dimensions');
  const r8 = r - (r % 8);
  for (let i = 0; i < m; i++) {
    const o = i * n;
    const bi = i * r;
    let first = true;
    for (let t = 0; t < r8; t += 8) {
      const b0 = scale * (b[bi + t] as number), b1 = scale * (b[bi + t + 1] as number), b2 = scale * (b[bi + t + 2] as number), b3 = scale * (b[bi + t + 3] as number);
      const b4 = scale * (b[bi + t + 4] as number), b5 = scale * (b[bi + t + 5] as number), b6 = scale * (b[bi + t + 6] as number), b7 = scale * (b[bi + t + 7] as number);
      if (first) {
        for (let j = 0, a = t; j < n; j++, a += r) {
          out[o + j] = b0 * (at[a] as number) + b1 * (at[a + 1] as number) + b2 * (at[a + 2] as number) + b3 * (at[a + 3] as number)
            + b4 * (at[a + 4] as number) + b5 * (at[a + 5] as number) + b6 * (at[a + 6] as number) + b7 * (at[a + 7] as number);
        }
        first = false;
      } else {
        for (let j = 0, a = t; j < n; j++, a += r) {
          out[o + j] = (out[o + j] as number) + b0 * (at[a] as number) + b1 * (at[a + 1] as number) + b2 * (at[a + 2] as number) + b3 * (at[a + 3] as number)
            + b4 * (at[a + 4] as number) + b5 * (at[a + 5] as number) + b6 * (at[a + 6] as number) + b7 * (at[a + 7] as number);
        }
      }
    }
    for (let t = r8; t < r; t++) {
      const bt = scale * (b[bi + t] as number);
      if (first) {
        for (let j = 0, a = t; j < n; j++, a += r) out[o + j] = bt * (at[a] as number);
        first = false;
      } else {
        for (let j = 0, a = t; j < n; j++, a += r) out[o + j] = (out[o + j] as number) + bt * (at[a] as number);
      }
    }
    if (first) out.fill(0, o, o + n); // r = 0
  }
}

/**
 * out[c · rows + i] = X[i, :] · V[c, :] for X [rows × k] and V [count × k]. Rows of X are the outer
 * loop, so X (the big matrix) is read from memory once while the vectors stay in cache.
 */
export function rowDots(x: Float32Array, rows: number, k: number, v: Float32Array, count: number, out: Float64Array): void {
  if (x.length < rows * k || v.length < count * k || out.length < rows * count) throw new RangeError('rowDots: arrays too short for the dimensions');
  const c8 = count - (count % 8);
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    for (let c = 0; c < c8; c += 8) {
      const v0 = c * k, v1 = v0 + k, v2 = v1 + k, v3 = v2 + k, v4 = v3 + k, v5 = v4 + k, v6 = v5 + k, v7 = v6 + k;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (let j = 0; j < k; j++) {
        const w = x[o + j] as number;
        s0 += w * (v[v0 + j] as number); s1 += w * (v[v1 + j] as number); s2 += w * (v[v2 + j] as number); s3 += w * (v[v3 + j] as number);
        s4 += w * (v[v4 + j] as number); s5 += w * (v[v5 + j] as number); s6 += w * (v[v6 + j] as number); s7 += w * (v[v7 + j] as number);
      }
      out[c * rows + i] = s0; out[(c + 1) * rows + i] = s1; out[(c + 2) * rows + i] = s2; out[(c + 3) * rows + i] = s3;
      out[(c + 4) * rows + i] = s4; out[(c + 5) * rows + i] = s5; out[(c + 6) * rows + i] = s6; out[(c + 7) * rows + i] = s7;
    }
    for (let c = c8; c < count; c++) {
      const v0 = c * k;
      let s = 0;
      for (let j = 0; j < k; j++) s += (x[o + j] as number) * (v[v0 + j] as number);
      out[c * rows + i] = s;
    }
  }
}

/** out [cols × rows] = transpose of x [rows × cols] (cache-blocked). */
export function transpose(x: Float32Array, rows: number, cols: number, out: Float32Array): void {
  if (x.length < rows * cols || out.length < rows * cols) throw new RangeError('transpose: arrays too short for the dimensions');
  const B = 32;
  for (let i0 = 0; i0 < rows; i0 += B) {
    const i1 = Math.min(rows, i0 + B);
    for (let j0 = 0; j0 < cols; j0 += B) {
      const j1 = Math.min(cols, j0 + B);
      for (let i = i0; i < i1; i++) {
        const o = i * cols;
        for (let j = j0; j < j1; j++) out[j * rows + i] = x[o + j] as number;
      }
    }
  }
}

/** Σ x² in float64. */
export function sumSquares(x: Float32Array | Float64Array, n = x.length): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const a = x[i] as number, b = x[i + 1] as number, c = x[i + 2] as number, d = x[i + 3] as number;
    s0 += a * a; s1 += b * b; s2 += c * c; s3 += d * d;
  }
  for (; i < n; i++) s0 += (x[i] as number) * (x[i] as number);
  return s0 + s1 + s2 + s3;
}
