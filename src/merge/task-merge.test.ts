import { describe, expect, it } from 'vitest';
import { dareMask, mergeTasks } from './task-merge.ts';
import { seededStream, type SeededStream } from './seeded-stream.ts';

const tasks = () => [
  Float32Array.from([1.0, -2.0, 0.5, 3.0, -0.1, 0.2]),
  Float32Array.from([-1.5, 1.0, 0.4, 2.0, -0.3, -4.0]),
  Float32Array.from([0.5, 0.6, -0.7, -0.2, 0.9, 0.1]),
];

function closeTo(actual: Float32Array, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 6));
}

/** A stream that returns scripted 32-bit values (to hand-compute DARE masks). */
function scripted(values: readonly number[]): SeededStream {
  let i = 0;
  const nextU32 = () => values[i++ % values.length] as number;
  return { nextU32, fillU32: (out) => out.forEach((_, j) => (out[j] = nextU32())), next: () => nextU32() / 2 ** 32, normal: () => 0 };
}

describe('TIES (hand-computed)', () => {
  // density 0.5 of 6 → keep 3 per task:
  //   t1 → [1, -2, 0, 3, 0, 0]; t2 → [-1.5, 0, 0, 2, 0, -4]; t3 → [0, 0.6, -0.7, 0, 0.9, 0]
  // sum → [-0.5, -1.4, -0.7, 5, 0.9, -4]: elected signs - - - + + -
  it('trims, elects the sign of the sum and averages the agreeing entries', () => {
    const out = new Float32Array(6);
    mergeTasks(tasks(), { method: 'ties', density: 0.5, weights: [1, 1, 1] }, out);
    closeTo(out, [-1.5, -2, -0.7, 2.5, 0.9, -4]);
  });

  it('weights scale the agreeing entries; the divisor stays the count (PEFT disjoint_merge)', () => {
    const out = new Float32Array(6);
    mergeTasks(tasks(), { method: 'ties', density: 0.5, weights: [2, 1, 1] }, out);
    closeTo(out, [-1.5, -4, -0.7, 4, 0.9, -4]);
  });

  it('a zero sum elects + and entries nobody keeps merge to 0', () => {
    const out = new Float32Array(3);
    mergeTasks([Float32Array.from([2, 0, 0]), Float32Array.from([-2, 0, 0])], { method: 'ties', density: 1, weights: [1, 1] }, out);
    closeTo(out, [2, 0, 0]);
  });

  it('density 1 with one task gives the weighted task back', () => {
    const out = new Float32Array(3);
    mergeTasks([Float32Array.from([1, -2, 3])], { method: 'ties', density: 1, weights: [0.5] }, out);
    closeTo(out, [0.5, -1, 1.5]);
  });
});

describe('linear', () => {
  it('weighted sum, or weighted average when normalized', () => {
    const sum = new Float32Array(6);
    mergeTasks(tasks(), { method: 'linear', density: 1, weights: [1, 2, 1] }, sum);
    closeTo(sum, [-1.5, 0.6, 0.6, 6.8, 0.2, -7.7]);
    const avg = new Float32Array(6);
    mergeTasks(tasks(), { method: 'linear', density: 1, weights: [1, 1, 1], normalize: true }, avg);
    closeTo(avg, [0, -0.4 / 3, 0.2 / 3, 1.6, 0.5 / 3, -3.7 / 3]);
  });
});

describe('DARE', () => {
  it('keeps an entry when the draw is below d · 2^32 and rescales it by 1/d (hand example)', () => {
    const t = Float32Array.from([1, 2, 3, 4]);
    // density 0.25: limit 2^30; draws: keep, drop, keep, drop
    dareMask(t, 0.25, scripted([0, 2 ** 31, 2 ** 30 - 1, 2 ** 30]));
    closeTo(t, [4, 0, 12, 0]);
  });

  it('dare-ties = mask, then the TIES sign election and disjoint mean', () => {
    const a = Float32Array.from([1, -2, 3]);
    const b = Float32Array.from([-1, 4, 1]);
    const out = new Float32Array(3);
    const keepAll = scripted([0]);
    const dropMiddle = scripted([0, 2 ** 32 - 1, 0]);
    mergeTasks([a, b], { method: 'dare-ties', density: 0.5, weights: [1, 1], random: (k) => (k === 0 ? keepAll : dropMiddle) }, out);
    // a → [2, -4, 6]; b → [-2, 0, 2]; signs + - + → [2, -4, 4]
    closeTo(out, [2, -4, 4]);
  });

  it('is deterministic for a seed and keeps about d of the entries, exactly rescaled', () => {
    const n = 20000;
    const base = Float32Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const x = Float32Array.from(base);
    const y = Float32Array.from(base);
    dareMask(x, 0.3, seededStream('s', 'p'));
    dareMask(y, 0.3, seededStream('s', 'p'));
    expect(Array.from(x)).toEqual(Array.from(y));
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (x[i] !== 0) {
        kept++;
        expect(x[i]).toBeCloseTo((base[i] as number) / 0.3, 4);
      }
    }
    expect(kept / n).toBeGreaterThan(0.28);
    expect(kept / n).toBeLessThan(0.32);
    const z = Float32Array.from(base);
    dareMask(z, 0.3, seededStream('s', 'another purpose'));
    expect(Array.from(z)).not.toEqual(Array.from(x));
  });

  it('requires a random stream', () => {
    expect(() => mergeTasks(tasks(), { method: 'dare-ties', density: 0.5, weights: [1, 1, 1] }, new Float32Array(6))).toThrow(/random/);
  });
});

describe('TIES properties', () => {
  it('every merged entry is 0 or lies between the agreeing inputs, with the elected sign', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 5 * 12, maxLength: 5 * 12 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (K, pool, density) => {
        const n = 12;
        const ts = Array.from({ length: K }, (_, k) => Float32Array.from(pool.slice(k * n, (k + 1) * n)));
        const trimmed = ts.map((t) => Float32Array.from(t));
        const out = new Float32Array(n);
        mergeTasks(ts, { method: 'ties', density, weights: ts.map(() => 1) }, out);
        const k = Math.floor(density * n + 1e-9);
        for (const t of trimmed) {
          const order = [...t.keys()].sort((a, b) => Math.abs(t[b] as number) - Math.abs(t[a] as number) || a - b);
          for (const i of order.slice(k)) t[i] = 0;
        }
        for (let i = 0; i < n; i++) {
          const sum = trimmed.reduce((s, t) => Math.fround(s + (t[i] as number)), 0); // float32, in task order, as merged
          const agreeing = trimmed.map((t) => t[i] as number).filter((v) => v !== 0 && v > 0 === sum >= 0);
          const v = out[i] as number;
          if (agreeing.length === 0) expect(v).toBe(0);
          else {
            expect(v).toBeGreaterThanOrEqual(Math.min(...agreeing) - 1e-5);
            expect(v).toBeLessThanOrEqual(Math.max(...agreeing) + 1e-5);
          }
        }
        expect(ts.every((t, j) => t.every((x, i) => x === Math.fround(pool[j * n + i] as number)))).toBe(true); // inputs untouched
      }),
      { numRuns: 300 },
    );
  });
});
