import { describe, expect, it } from 'vitest';
import { seededStream } from './seeded-stream.ts';

describe('seededStream', () => {
  it('fillU32 continues exactly the nextU32 sequence', () => {
    const a = seededStream('s', 'p');
    const b = seededStream('s', 'p');
    const bulk = new Uint32Array(1000);
    a.nextU32();
    a.fillU32(bulk.subarray(0, 10));
    a.fillU32(bulk.subarray(10));
    b.nextU32();
    const one = Uint32Array.from({ length: 1000 }, () => b.nextU32());
    expect(Array.from(bulk)).toEqual(Array.from(one));
    expect(a.nextU32()).toBe(b.nextU32());
  });

  it('streams are fixed by (seed, purpose) and independent of each other', () => {
    const draw = (seed: string, purpose: string) => {
      const s = seededStream(seed, purpose);
      return Array.from({ length: 5 }, () => s.nextU32());
    };
    expect(draw('1', 'a')).toEqual(draw('1', 'a'));
    expect(draw('1', 'a')).not.toEqual(draw('1', 'b'));
    expect(draw('1', 'a')).not.toEqual(draw('2', 'a'));
    const s = seededStream('1', 'n');
    const xs = Array.from({ length: 20000 }, () => s.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeGreaterThan(0.97);
    expect(sd).toBeLessThan(1.03);
  });
});
