import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countBits, emptyBitmap, fullBitmap, hasAnyNotIn, hasBit, missingIndices, presentIndices, setBit } from './bitmap.ts';

describe('chunk bitmaps (LSB first)', () => {
  it('lays bits out least significant first and never sets bits past the count', () => {
    expect(Array.from(fullBitmap(11))).toEqual([0xff, 0b111]);
    expect(Array.from(fullBitmap(16))).toEqual([0xff, 0xff]);
    expect(fullBitmap(0).length).toBe(0);
    const b = emptyBitmap(11);
    setBit(b, 0); setBit(b, 9);
    expect(Array.from(b)).toEqual([0b1, 0b10]);
  });

  it('agrees with a set of indices for counts, missing/present lists and "has something I lack"', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 70 }), fc.array(fc.nat(69)), fc.array(fc.nat(69)), (n, xs, ys) => {
      const a = emptyBitmap(n); const b = emptyBitmap(n);
      const sa = new Set(xs.filter((x) => x < n)); const sb = new Set(ys.filter((y) => y < n));
      sa.forEach((i) => setBit(a, i)); sb.forEach((i) => setBit(b, i));
      expect(countBits(a)).toBe(sa.size);
      expect(presentIndices(a, n)).toEqual([...sa].sort((p, q) => p - q));
      expect(missingIndices(a, n)).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => !sa.has(i)));
      expect(hasAnyNotIn(a, b, n)).toBe([...sa].some((i) => !sb.has(i)));
      for (let i = 0; i < n; i++) expect(hasBit(a, i)).toBe(sa.has(i));
    }));
  });
});
