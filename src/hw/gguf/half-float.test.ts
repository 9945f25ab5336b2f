import { describe, it, expect } from 'vitest';
import { bf16ToF32, f32ToHalf, fromHalfBits, halfToF32, toHalfBits } from './half-float.ts';

describe('half floats', () => {
  it('convert known values both ways', () => {
    expect(toHalfBits(1)).toBe(0x3c00);
    expect(toHalfBits(-2)).toBe(0xc000);
    expect(toHalfBits(65504)).toBe(0x7bff);
    expect(toHalfBits(1e6)).toBe(0x7c00); // overflow → inf
    expect(toHalfBits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toHalfBits(2 ** -26)).toBe(0); // underflow
    expect(fromHalfBits(0x3555)).toBeCloseTo(1 / 3, 3);
    expect(fromHalfBits(0xfc00)).toBe(-Infinity);
  });

  it('round to nearest even at exact ties', () => {
    // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties to the even mantissa (1)
    expect(toHalfBits(1 + 2 ** -11)).toBe(0x3c00);
    // 1 + 3·2^-11 lies halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even)
    expect(toHalfBits(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });

  it('survive f16 → f32 → f16 for every non-NaN bit pattern', () => {
    const all = new Uint16Array(65536).map((_, i) => i);
    const f = new Float32Array(65536);
    halfToF32(all, f);
    const back = new Uint16Array(65536);
    f32ToHalf(f, back);
    const wrong: number[] = [];
    for (let i = 0; i < 65536; i++) if (!Number.isNaN(f[i]) && back[i] !== i) wrong.push(i);
    expect(wrong).toEqual([]);
  });

  it('read bfloat16 exactly', () => {
    const out = new Float32Array(3);
    bf16ToF32(new Uint16Array([0x3f80, 0xc040, 0x3e20]), out);
    expect([...out]).toEqual([1, -3, 0.15625]);
  });
});
