import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jacobiSvd } from './jacobi-svd.ts';
import { maxAbs, maxAbsDiff, reconstruct } from './test-kit.ts';

function orthonormalRows(x: Float64Array, k: number, len: number): number {
  let worst = 0;
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) {
    let d = 0;
    for (let i = 0; i < len; i++) d += (x[a * len + i] as number) * (x[b * len + i] as number);
    worst = Math.max(worst, Math.abs(d - (a === b ? 1 : 0)));
  }
  return worst;
}

describe('jacobiSvd', () => {
  it('finds the singular values of a hand example', () => {
    // [[2, 2], [0, -2]]: MᵀM has eigenvalues 6 ± √20
    const r = jacobiSvd(Float64Array.from([2, 2, 0, -2]), 2, 2);
    expect(r.s[0]).toBeCloseTo(Math.sqrt(6 + Math.sqrt(20)), 12);
    expect(r.s[1]).toBeCloseTo(Math.sqrt(6 - Math.sqrt(20)), 12);
  });

  it('reconstructs random matrices of any shape with orthonormal factors and sorted values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 49, maxLength: 49 }), (rows, cols, pool) => {
        const m = Float64Array.from(pool.slice(0, rows * cols));
        const r = jacobiSvd(m, rows, cols);
        expect(r.k).toBe(Math.min(rows, cols));
        const back = reconstruct({ ...r, m: rows, n: cols });
        expect(maxAbsDiff(back, m)).toBeLessThan(1e-9 * Math.max(1, maxAbs(m)));
        for (let i = 1; i < r.k; i++) expect(r.s[i] as number).toBeLessThanOrEqual(r.s[i - 1] as number);
        const nonzero = Array.from(r.s).filter((s) => s > 1e-9 * Math.max(1, maxAbs(m))).length;
        expect(orthonormalRows(r.u, nonzero, rows)).toBeLessThan(1e-9);
        expect(orthonormalRows(r.v, nonzero, cols)).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });
});
