import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { javaDoubleToString, javaFixed } from './java-format.ts';

describe('javaDoubleToString', () => {
  it('prints whole numbers with a trailing .0, as the event log does', () => {
    expect(javaDoubleToString(605)).toBe('605.0');
    expect(javaDoubleToString(0)).toBe('0.0');
  });
  it('keeps the drift of repeated 0.1 additions visible', () => {
    let t = 0;
    for (let i = 0; i < 6224; i++) t += 0.1;
    expect(javaDoubleToString(t)).toBe('622.400000000073');
  });
  it('agrees with the shortest round-trip form for decimals with few places', () => {
    for (const x of [0.1, 0.25, 0.001, 1.5, 38125.8, 9999999.999, 1234.05, 0.3, 605.123, -2.5]) {
      const js = String(x);
      expect(javaDoubleToString(x)).toBe(js.includes('.') ? js : `${js}.0`);
    }
    fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), fc.integer({ min: 0, max: 4 }), (k, d) => {
      const x = k / 10 ** d;
      fc.pre(x >= 1e-3 && x < 1e7);
      const js = String(x);
      expect(javaDoubleToString(x)).toBe(js.includes('.') ? js : `${js}.0`);
    }));
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 9_999_999, noNaN: true }), (x) => {
      const js = String(x);
      expect(javaDoubleToString(x)).toBe(js.includes('.') ? js : `${js}.0`);
    }));
  });
  it('switches to computerized scientific notation outside [1e-3, 1e7)', () => {
    expect(javaDoubleToString(1e-4)).toBe('1.0E-4');
    expect(javaDoubleToString(12345678)).toBe('1.2345678E7');
    expect(javaDoubleToString(1e7)).toBe('1.0E7');
  });
});

describe('javaFixed', () => {
  it('formats with 4 decimals like %.4f', () => {
    expect(javaFixed(43200.09999999, 4)).toBe('43200.1000');
    expect(javaFixed(97.96969696969697, 4)).toBe('97.9697');
    expect(javaFixed(2, 4)).toBe('2.0000');
    expect(javaFixed(0.825, 4)).toBe('0.8250');
  });
  it('rounds half up from the shortest decimal form', () => {
    // 1.00005 is stored as 1.0000499999999999..., Java still rounds it up.
    expect(javaFixed(1.00005, 4)).toBe('1.0001');
    expect(javaFixed(0.99995, 4)).toBe('1.0000');
    expect(javaFixed(9.99995, 4)).toBe('10.0000');
    expect(javaFixed(0.00004, 4)).toBe('0.0000');
  });
  it('prints NaN and handles large and negative values', () => {
    expect(javaFixed(NaN, 4)).toBe('NaN');
    expect(javaFixed(-3.5, 4)).toBe('-3.5000');
    expect(javaFixed(1.5e21, 2)).toBe('1500000000000000000000.00');
  });
});
