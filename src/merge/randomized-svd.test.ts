import { describe, expect, it } from 'vitest';
import { svdOfSum } from './factored-svd.ts';
import { jacobiSvd } from './jacobi-svd.ts';
import { orthonormalize } from './orthonormalize.ts';
import { randomizedSvd } from './randomized-svd.ts';
import { seededStream } from './seeded-stream.ts';
import { matmul, maxAbs, maxAbsDiff, randomMatrix, reconstruct } from './test-kit.ts';

describe('randomizedSvd', () => {
  it('reproduces a low-rank matrix exactly (to float tolerance) and keeps all of its energy', () => {
    const m = 120, n = 70, r = 6;
    const w = Float32Array.from(matmul(randomMatrix(m, r, 'b'), randomMatrix(r, n, 'a'), m, r, n));
    const svd = randomizedSvd(w, m, n, { rank: r, oversample: 4, stream: seededStream('1', 'svd') });
    expect(svd.k).toBe(r);
    expect(maxAbsDiff(reconstruct(svd), w)).toBeLessThan(2e-5 * maxAbs(w));
    expect(svd.keptEnergy / svd.totalEnergy).toBeGreaterThan(1 - 1e-6);
  });

  it('matches the exact leading singular values of a low-rank matrix asked for a smaller rank', () => {
    const m = 90, n = 64, r = 8;
    const w = Float32Array.from(matmul(randomMatrix(m, r, 'b2'), randomMatrix(r, n, 'a2'), m, r, n));
    const exact = jacobiSvd(Float64Array.from(w), m, n);
    const svd = randomizedSvd(w, m, n, { rank: 3, stream: seededStream('1', 'svd') });
    for (let i = 0; i < 3; i++) expect(svd.s[i] as number).toBeCloseTo(exact.s[i] as number, 3);
    let top = 0;
    for (let i = 0; i < 3; i++) top += (exact.s[i] as number) ** 2;
    expect(svd.keptEnergy).toBeCloseTo(top, 1);
  });

  it('on a full-rank matrix with a decaying spectrum, captures close to the optimal energy and never more', () => {
    const m = 200, n = 150, k = 150;
    const u = orthonormalize(randomMatrix(k, m, 'u'), k, m);
    const v = orthonormalize(randomMatrix(k, n, 'v'), k, n);
    const s = Float64Array.from({ length: k }, (_, i) => Math.pow(0.8, i));
    const w = Float32Array.from(reconstruct({ k, s, u: u.q, v: v.q, m, n }));
    const rank = 10;
    let optimal = 0;
    for (let i = 0; i < rank; i++) optimal += (s[i] as number) ** 2;
    const svd = randomizedSvd(w, m, n, { rank, powerIterations: 1, stream: seededStream('1', 'svd') });
    expect(svd.keptEnergy).toBeLessThanOrEqual(optimal * (1 + 1e-5));
    expect(svd.keptEnergy).toBeGreaterThan(optimal * 0.99);
    // the returned factors really hold the energy they report
    const approx = reconstruct(svd);
    let e = 0;
    for (const x of approx) e += x * x;
    expect(e).toBeCloseTo(svd.keptEnergy, 4);
  });

  it('is deterministic for a seed', () => {
    const w = randomMatrix(50, 40, 'w');
    const a = randomizedSvd(w, 50, 40, { rank: 4, oversample: 2, stream: seededStream('7', 'x') });
    const b = randomizedSvd(w, 50, 40, { rank: 4, oversample: 2, stream: seededStream('7', 'x') });
    expect(Array.from(a.s)).toEqual(Array.from(b.s));
  });

  it('takes an exact path for small matrices, tall or wide', () => {
    for (const [m, n] of [[4, 3], [3, 5]] as const) {
      const w = randomMatrix(m, n, `small${m}${n}`);
      const svd = randomizedSvd(w, m, n, { rank: 3, stream: seededStream('1', 'svd') });
      expect(maxAbsDiff(reconstruct(svd), w)).toBeLessThan(1e-6);
      expect(svd.keptEnergy / svd.totalEnergy).toBeCloseTo(1, 9);
    }
  });
});

describe('svdOfSum', () => {
  it('is the exact SVD of a sum of outer products, also when the terms are rank deficient', () => {
    const m = 30, n = 20, terms = 5;
    const x = Float64Array.from(randomMatrix(terms, m, 'x'));
    const y = Float64Array.from(randomMatrix(terms, n, 'y'));
    // make term 4 a copy of term 0 (so the sum has rank 4)
    x.copyWithin(4 * m, 0, m);
    y.copyWithin(4 * n, 0, n);
    const dense = new Float64Array(m * n);
    for (let t = 0; t < terms; t++) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) dense[i * n + j] = (dense[i * n + j] as number) + (x[t * m + i] as number) * (y[t * n + j] as number);
    const svd = svdOfSum(x, y, terms, m, n);
    expect(svd.k).toBe(4);
    expect(maxAbsDiff(reconstruct(svd), dense)).toBeLessThan(1e-9 * maxAbs(dense));
  });
});
