/**
 * SVD of a small dense matrix by one-sided (Hestenes) Jacobi rotations in float64: accurate to
 * machine precision, simple, and fast enough for the k × k cores (k ≤ a few hundred) that the
 * factored and randomized SVDs reduce every merge to. Singular values come out sorted, largest
 * first. Knows nothing about LoRA.
 */

export interface SmallSvd {
  /** min(rows, cols) */
  readonly k: number;
  /** Singular values, descending. */
  readonly s: Float64Array;
  /** Left singular vectors as rows: [k × rows]. */
  readonly u: Float64Array;
  /** Right singular vectors as rows: [k × cols]. */
  readonly v: Float64Array;
}

const MAX_SWEEPS = 60;
const EPS = 1e-15;

/** SVD of `m` [rows × cols] row-major. */
export function jacobiSvd(m: Float64Array, rows: number, cols: number): SmallSvd {
  if (m.length < rows * cols) throw new RangeError('jacobiSvd: matrix shorter than rows × cols');
  if (rows < cols) {
    const t = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = m[i * cols + j] as number;
    const r = jacobiSvd(t, cols, rows);
    return { k: r.k, s: r.s, u: r.v, v: r.u };
  }
  // rows ≥ cols: rotate the columns g_j (stored as rows of g, length `rows`) until orthogonal.
  const n = cols;
  const len = rows;
  const g = new Float64Array(n * len);
  for (let i = 0; i < len; i++) for (let j = 0; j < n; j++) g[j * len + i] = m[i * cols + j] as number;
  const vt = new Float64Array(n * n); // rows = columns of V
  for (let j = 0; j < n; j++) vt[j * n + j] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const po = p * len, qo = q * len;
        let alpha = 0, beta = 0, gamma = 0;
        for (let i = 0; i < len; i++) {
          const x = g[po + i] as number, y = g[qo + i] as number;
          alpha += x * x; beta += y * y; gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < len; i++) {
          const x = g[po + i] as number, y = g[qo + i] as number;
          g[po + i] = c * x - s * y;
          g[qo + i] = s * x + c * y;
        }
        const pv = p * n, qv = q * n;
        for (let i = 0; i < n; i++) {
          const x = vt[pv + i] as number, y = vt[qv + i] as number;
          vt[pv + i] = c * x - s * y;
          vt[qv + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < len; i++) s += (g[j * len + i] as number) ** 2;
    sigma[j] = Math.sqrt(s);
  }
  const order = [...Array(n).keys()].sort((a, b) => (sigma[b] as number) - (sigma[a] as number) || a - b);
  const s = new Float64Array(n);
  const u = new Float64Array(n * len);
  const v = new Float64Array(n * n);
  order.forEach((j, r) => {
    const sj = sigma[j] as number;
    s[r] = sj;
    for (let i = 0; i < len; i++) u[r * len + i] = sj > 0 ? (g[j * len + i] as number) / sj : 0;
    // V's column j is the row j of vt (rotations were applied to vt's rows as V's columns).
    for (let i = 0; i < n; i++) v[r * n + i] = vt[j * n + i] as number;
  });
  return { k: n, s, u, v };
}
