import { describe, expect, it } from 'vitest';
import { lowRankProduct, rowDots, sumSquares, transpose } from './kernels.ts';
import { matmul, maxAbsDiff, randomMatrix } from './test-kit.ts';

describe('kernels', () => {
  it('lowRankProduct = scale · B · A for ranks around the unroll width', () => {
    for (const r of [1, 3, 8, 13, 16]) {
      const m = 11, n = 9;
      const a = randomMatrix(r, n, `a${r}`);
      const b = randomMatrix(m, r, `b${r}`);
      const at = new Float32Array(n * r);
      transpose(a, r, n, at);
      const out = new Float32Array(m * n).fill(99);
      lowRankProduct(b, at, 0.5, m, n, r, out);
      const ref = matmul(b, a, m, r, n).map((x) => 0.5 * x);
      expect(maxAbsDiff(out, ref)).toBeLessThan(1e-5);
    }
  });

  it('rowDots computes X·vᵀ for block sizes around 8 and 4', () => {
    for (const count of [1, 3, 4, 7, 8, 13]) {
      const rows = 6, k = 10;
      const x = randomMatrix(rows, k, 'x');
      const v = randomMatrix(count, k, `v${count}`);
      const out = new Float64Array(rows * count);
      rowDots(x, rows, k, v, count, out);
      for (let c = 0; c < count; c++) for (let i = 0; i < rows; i++) {
        let d = 0;
        for (let j = 0; j < k; j++) d += (x[i * k + j] as number) * (v[c * k + j] as number);
        expect(out[c * rows + i]).toBeCloseTo(d, 9);
      }
    }
  });

  it('transpose and sumSquares', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const t = new Float32Array(6);
    transpose(x, 2, 3, t);
    expect(Array.from(t)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(sumSquares(x)).toBe(91);
  });
});
