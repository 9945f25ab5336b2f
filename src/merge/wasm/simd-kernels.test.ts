import { describe, expect, it } from 'vitest';
import { jsKernels, type MergeKernels } from '../merge-kernels.ts';
import { maxAbs, maxAbsDiff, randomFactors, randomMatrix } from '../test-kit.ts';
import { simdKernels, simdSupported } from './simd-kernels.ts';

const simd = simdKernels();

describe.skipIf(!simdSupported())('WebAssembly SIMD kernels (skipped where the runtime has no wasm SIMD)', () => {
  const k = simd as MergeKernels;
  const js = jsKernels();
  const spec = (count: number, m: number, n: number) => ({ count, length: m * n, vectorLength: Math.max(m, n), vectors: 12, factorFloats: 16 * (m + n) });

  it('delta matches the JavaScript kernel (16-wide body and 4-wide tail, several ranks)', () => {
    for (const [r, m, n] of [[16, 7, 36], [3, 5, 64], [1, 2, 4], [13, 9, 20]] as const) {
      const f = randomFactors(r, n, m, `d${r}`, 1.5);
      const b = k.moduleBuffers(spec(1, m, n));
      k.delta(f, b.tasks[0] as Float32Array);
      const ref = new Float32Array(m * n);
      js.delta(f, ref);
      expect(maxAbsDiff(b.tasks[0] as Float32Array, ref)).toBeLessThan(1e-5 * Math.max(1, maxAbs(ref)));
    }
  });

  it('rowDots matches (groups of 4 and single vectors)', () => {
    const rows = 9, kk = 24;
    const b = k.moduleBuffers(spec(0, rows, kk));
    b.merged.set(randomMatrix(rows, kk, 'x'));
    for (const count of [1, 4, 7, 12]) {
      const v = randomMatrix(count, kk, `v${count}`);
      const out = new Float64Array(rows * count);
      const ref = new Float64Array(rows * count);
      k.rowDots(b.merged, rows, kk, v, count, out);
      js.rowDots(b.merged, rows, kk, v, count, ref);
      expect(maxAbsDiff(out, ref)).toBeLessThan(1e-5);
    }
  });

  it('trimToTopK keeps exactly the same entries, including ties at the threshold', () => {
    const n = 4000;
    const b = k.moduleBuffers(spec(1, 1, n));
    const x = b.tasks[0] as Float32Array;
    const values = Float32Array.from(randomMatrix(1, n, 't'), (v, i) => (i % 10 === 0 ? 0.5 : i % 13 === 0 ? -0.5 : v));
    for (const keep of [0, 1, 150, 2000, 3999, 4000]) {
      x.set(values);
      k.trimToTopK(x, keep);
      const ref = Float32Array.from(values);
      js.trimToTopK(ref, keep);
      expect(Array.from(x)).toEqual(Array.from(ref));
    }
  });

  it('disjointMerge matches (signs, zeros, weights)', () => {
    const n = 1000, K = 5;
    const b = k.moduleBuffers(spec(K, 1, n));
    const tasks = b.tasks.map((t, i) => {
      t.set(randomMatrix(1, n, `task${i}`).map((v, j) => ((i + j) % 3 === 0 ? 0 : v)));
      return t;
    });
    const weights = [1, 0.5, 2, 1, 1.5];
    k.disjointMerge(tasks, weights, b.merged);
    const ref = new Float32Array(n);
    js.disjointMerge(tasks.map((t) => Float32Array.from(t)), weights, ref);
    expect(maxAbsDiff(b.merged, ref)).toBeLessThan(1e-5);
  });

  it('falls back to JavaScript for arrays outside its memory', () => {
    const x = Float32Array.from([3, -1, 2, 0.5]);
    k.trimToTopK(x, 2);
    expect(Array.from(x)).toEqual([3, 0, 2, 0]);
  });
});
