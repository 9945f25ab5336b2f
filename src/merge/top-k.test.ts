import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keepCount, trimToTopK } from './top-k.ts';

/** Reference: indices of the k largest |x|, ties by lower index, via a full sort. */
function referenceKeep(values: readonly number[], k: number): Set<number> {
  const idx = values.map((v, i) => ({ a: Math.abs(Math.fround(v)), i }));
  idx.sort((p, q) => q.a - p.a || p.i - q.i);
  return new Set(idx.slice(0, k).map((e) => e.i));
}

describe('trimToTopK', () => {
  it('keeps the k largest magnitudes and zeroes the rest (hand example)', () => {
    const x = Float32Array.from([1, -2, 0.5, 3, -0.1, 0.2]);
    trimToTopK(x, 3);
    expect(Array.from(x)).toEqual([1, -2, 0, 3, 0, 0]);
  });

  it('keeps exactly k of several equal magnitudes, lowest index first', () => {
    const x = Float32Array.from([1, -1, 1, -1, 0.5]);
    trimToTopK(x, 2);
    expect(Array.from(x)).toEqual([1, -1, 0, 0, 0]);
  });

  it('k = 0 zeroes everything and k ≥ n keeps everything', () => {
    const x = Float32Array.from([3, -4]);
    trimToTopK(x, 2);
    expect(Array.from(x)).toEqual([3, -4]);
    trimToTopK(x, 0);
    expect(Array.from(x)).toEqual([0, 0]);
  });

  it('matches a sort-based reference on random inputs (including ties and zeros)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 1, -1, 0.5)), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (values, kRaw) => {
          const k = kRaw % (values.length + 1);
          const x = Float32Array.from(values);
          const original = Float32Array.from(values);
          trimToTopK(x, k);
          const keep = referenceKeep(values, k);
          for (let i = 0; i < x.length; i++) expect(x[i] === (keep.has(i) ? original[i] : 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keepCount is floor(d · n) like PEFT', () => {
    expect(keepCount(10, 0.5)).toBe(5);
    expect(keepCount(7, 0.5)).toBe(3);
    expect(keepCount(10, 0.3)).toBe(3);
    expect(keepCount(10, 1)).toBe(10);
    expect(() => keepCount(10, 1.5)).toThrow(RangeError);
  });
});
