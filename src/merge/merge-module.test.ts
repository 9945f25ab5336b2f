import { describe, expect, it } from 'vitest';
import type { LoraFactors } from './layout.ts';
import { mergeModule } from './merge-module.ts';
import { deltaOf, maxAbs, maxAbsDiff, randomFactors } from './test-kit.ts';

const lora = (a: number[], b: number[], rank: number, inDim: number, outDim: number, scale = 1): LoraFactors =>
  ({ a: Float32Array.from(a), b: Float32Array.from(b), rank, inDim, outDim, scale });

// ΔW1 = [1 -1]ᵀ · [1 2] = [[1, 2], [-1, -2]];  ΔW2 = [2 1]ᵀ · [1 -1] = [[2, -2], [1, -1]]
const one = lora([1, 2], [1, -1], 1, 2, 2);
const two = lora([1, -1], [2, 1], 1, 2, 2);

describe('weight-delta merges (hand-computed)', () => {
  it('TIES on ΔW: trim to 2 of 4 entries, elect signs, disjoint mean → [[2, 2], [0, -2]]', () => {
    // trimmed: ΔW1 → [[0, 2], [0, -2]], ΔW2 → [[2, -2], [0, 0]]; sum [[2, 0], [0, -2]] → signs + + + -
    const r = mergeModule('w', [one, two], { method: 'ties', density: 0.5, rank: 2 });
    expect(maxAbsDiff(deltaOf(r), [2, 2, 0, -2])).toBeLessThan(1e-6);
    expect(r.totalEnergy).toBeCloseTo(12, 5);
    expect(r.keptEnergy).toBeCloseTo(12, 5);
    expect(r.scale).toBe(1);
  });

  it('re-factoring the TIES result at rank 1 keeps σ₁² = 6 + √20 of the energy 12', () => {
    const r = mergeModule('w', [one, two], { method: 'ties', density: 0.5, rank: 1 });
    expect(r.rank).toBe(1);
    expect(r.keptEnergy).toBeCloseTo(6 + Math.sqrt(20), 5);
    expect(r.totalEnergy).toBeCloseTo(12, 5);
  });

  it('linear is the weighted average of the scaled deltas, exact at rank Σ r_k', () => {
    const scaled = { ...two, scale: 3 }; // alpha / r = 3
    const r = mergeModule('w', [one, scaled], { method: 'linear', density: 1, weights: [1, 3], rank: 2 });
    // (1·ΔW1 + 3·3·ΔW2) / 4
    const expected = [(1 + 18) / 4, (2 - 18) / 4, (-1 + 9) / 4, (-2 - 9) / 4];
    expect(maxAbsDiff(deltaOf(r), expected)).toBeLessThan(1e-5);
    expect(r.keptEnergy / r.totalEnergy).toBeCloseTo(1, 9);
  });

  it('an adapter without the module is a zero delta (linear averages over all adapters)', () => {
    const r = mergeModule('w', [one, undefined], { method: 'linear', density: 1, rank: 1 });
    expect(maxAbsDiff(deltaOf(r), [0.5, 1, -0.5, -1])).toBeLessThan(1e-6);
  });

  it('linear of random rank-16 adapters is exact when the output rank is Σ r_k', () => {
    const inputs = [0, 1, 2].map((k) => randomFactors(16, 40, 50, `f${k}`, 2));
    const r = mergeModule('w', inputs, { method: 'linear', density: 1, rank: 48 });
    const expected = new Float64Array(50 * 40);
    for (const f of inputs) deltaOf(f).forEach((x, i) => (expected[i] = (expected[i] as number) + x / 3));
    expect(maxAbsDiff(deltaOf(r), expected)).toBeLessThan(1e-5 * maxAbs(expected));
  });

  it('dare-ties is deterministic for a seed and changes with it', () => {
    const inputs = [0, 1].map((k) => randomFactors(4, 30, 20, `d${k}`));
    const a = mergeModule('w', inputs, { method: 'dare-ties', density: 0.5, seed: 's1' });
    const b = mergeModule('w', inputs, { method: 'dare-ties', density: 0.5, seed: 's1' });
    const c = mergeModule('w', inputs, { method: 'dare-ties', density: 0.5, seed: 's2' });
    expect(Array.from(a.a)).toEqual(Array.from(b.a));
    expect(Array.from(a.a)).not.toEqual(Array.from(c.a));
  });

  it('rejects modules of different shapes', () => {
    expect(() => mergeModule('blk.0.attn_q.weight', [one, lora([1, 2, 3], [1, 1], 1, 3, 2)], { method: 'ties', density: 0.5 })).toThrow(/blk\.0\.attn_q\.weight: adapter 2/);
  });
});

describe('factor-wise (published PEFT) merges', () => {
  it('peft-ties merges A and B separately, so the product has cross terms', () => {
    // weights √(1·1) = 1; keep 1 of 2 per factor. A1 → [0, 2], A2 → [1, 0] (tie: lower index);
    // A' = [1, 2]. B1 → [1, 0], B2 → [2, 0]; B' = [1.5, 0]. B'A' = [[1.5, 3], [0, 0]].
    const r = mergeModule('w', [one, two], { method: 'peft-ties', density: 0.5 });
    expect(Array.from(r.a)).toEqual([1, 2]);
    expect(Array.from(r.b)).toEqual([1.5, 0]);
    expect(Array.from(deltaOf(r))).toEqual([1.5, 3, 0, 0]);
    expect(Number.isNaN(r.keptEnergy)).toBe(true);
  });

  it('peft-linear sums √(w·s)-weighted factors (the published "average" is a weighted sum)', () => {
    const r = mergeModule('w', [{ ...one, scale: 4 }, { ...two, scale: 4 }], { method: 'peft-linear', density: 1 });
    expect(Array.from(r.a)).toEqual([4, 2]); // 2·[1, 2] + 2·[1, -1]
    expect(Array.from(r.b)).toEqual([6, 0]); // 2·[1, -1] + 2·[2, 1]
    expect(r.scale).toBe(1);
  });

  it('needs equal ranks', () => {
    expect(() => mergeModule('w', [one, lora([1, 2, 3, 4], [1, 1, 1, 1], 2, 2, 2)], { method: 'peft-ties', density: 0.5 })).toThrow(/equal ranks/);
  });
});

describe('kernels and properties', () => {
  it('WebAssembly SIMD and JavaScript kernels give the same merge (to float32 rounding)', async () => {
    const { simdKernels } = await import('./wasm/simd-kernels.ts');
    const { jsKernels } = await import('./merge-kernels.ts');
    const simd = simdKernels();
    if (!simd) return; // runtime without wasm SIMD: the JS path is what runs
    const inputs = [0, 1, 2].map((k) => randomFactors(8, 96, 64, `sj${k}`, 2));
    for (const method of ['ties', 'dare-ties'] as const) {
      const a = mergeModule('blk.0.ffn_up.weight', inputs, { method, density: 0.4, rank: 8, seed: 'x' }, jsKernels());
      const b = mergeModule('blk.0.ffn_up.weight', inputs, { method, density: 0.4, rank: 8, seed: 'x' }, simd);
      expect(maxAbsDiff(deltaOf(a), deltaOf(b))).toBeLessThan(1e-4 * maxAbs(deltaOf(a)));
      expect(b.keptEnergy / b.totalEnergy).toBeCloseTo(a.keptEnergy / a.totalEnergy, 4);
    }
  });

  it('adapters of different ranks merge in weight-delta space', () => {
    const r = mergeModule('w', [randomFactors(2, 20, 30, 'r2'), randomFactors(6, 20, 30, 'r6')], { method: 'linear', density: 1, rank: 8 });
    expect(r.rank).toBe(8);
    expect(r.keptEnergy / r.totalEnergy).toBeCloseTo(1, 9);
  });
});
