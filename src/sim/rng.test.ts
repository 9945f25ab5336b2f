import { describe, it, expect } from 'vitest';
import { mean, standardDeviation, median } from 'simple-statistics';
import { chance, choice, createRng, exponential, lognormal, normal, shuffle, uniform, weightedChoice, weightedIndex } from './rng.ts';

const draws = (r: { next(): number }, n: number) => Array.from({ length: n }, () => r.next());

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    expect(draws(createRng(42), 5)).toEqual(draws(createRng(42), 5));
    expect(draws(createRng(42), 5)).toEqual(draws(createRng('42'), 5));
    expect(draws(createRng(42), 5)).not.toEqual(draws(createRng(43), 5));
  });

  it('draws uniform values in [0, 1) and integers in [lo, hi]', () => {
    const r = createRng('u');
    const xs = draws(r, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 1);
    const ints = Array.from({ length: 6_000 }, () => r.int(1, 6));
    for (let face = 1; face <= 6; face++) {
      const count = ints.filter((x) => x === face).length;
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
    expect(() => r.int(3, 2)).toThrow(/lo <= hi/);
  });
});

describe('fork', () => {
  it('forking the same purpose twice gives the same stream', () => {
    const root = createRng(1);
    expect(draws(root.fork('mobility'), 10)).toEqual(draws(root.fork('mobility'), 10));
  });

  it('does not depend on how much the parent or a sibling has drawn', () => {
    const a = createRng(1);
    const b = createRng(1);
    draws(b, 1000);
    const sibling = b.fork('churn');
    draws(sibling, 1000);
    expect(draws(a.fork('mobility'), 10)).toEqual(draws(b.fork('mobility'), 10));
  });

  it('drawing from one stream never shifts another', () => {
    const root = createRng('village');
    const x1 = root.fork('node:1');
    const y1 = root.fork('node:2');
    const reference = draws(y1, 20);
    const x2 = root.fork('node:1');
    const y2 = root.fork('node:2');
    for (let i = 0; i < 20; i++) {
      x2.next();
      x2.next();
    }
    draws(x1, 3);
    expect(draws(y2, 20)).toEqual(reference);
  });

  it('gives distinct streams for distinct purposes, parents and nesting', () => {
    const root = createRng(1);
    const seqs = [
      draws(root.fork('a'), 4),
      draws(root.fork('b'), 4),
      draws(createRng(2).fork('a'), 4),
      draws(root.fork('a').fork('b'), 4),
      draws(root.fork('a/b'), 4),
      draws(root, 4),
    ].map((s) => s.join(','));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});

describe('sampling helpers', () => {
  const r = createRng('helpers');
  const n = 20_000;

  it('exponential has the requested mean', () => {
    const xs = Array.from({ length: n }, () => exponential(r, 30));
    expect(mean(xs)).toBeGreaterThan(28.5);
    expect(mean(xs)).toBeLessThan(31.5);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('normal has the requested mean and standard deviation', () => {
    const xs = Array.from({ length: n }, () => normal(r, 10, 2));
    expect(mean(xs)).toBeCloseTo(10, 1);
    expect(standardDeviation(xs)).toBeCloseTo(2, 1);
  });

  it('lognormal has median exp(mu)', () => {
    const xs = Array.from({ length: n }, () => lognormal(r, Math.log(500), 0.5));
    expect(median(xs)).toBeGreaterThan(480);
    expect(median(xs)).toBeLessThan(520);
    expect(Math.min(...xs)).toBeGreaterThan(0);
  });

  it('uniform and chance', () => {
    const xs = Array.from({ length: n }, () => uniform(r, -2, 2));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...xs)).toBeLessThan(2);
    const hits = Array.from({ length: n }, () => chance(r, 0.25)).filter(Boolean).length;
    expect(hits / n).toBeCloseTo(0.25, 1);
  });

  it('choice picks every element and rejects an empty list', () => {
    const seen = new Set(Array.from({ length: 200 }, () => choice(r, ['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => choice(r, [])).toThrow(/empty/);
  });

  it('weighted choice follows the weights and never picks a zero weight', () => {
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < n; i++) counts[weightedChoice(r, ['a', 'b', 'c'] as const, [1, 0, 3])]++;
    expect(counts.b).toBe(0);
    expect(counts.c / n).toBeCloseTo(0.75, 1);
    expect(() => weightedIndex(r, [0, 0])).toThrow(/positive/);
    expect(() => weightedIndex(r, [1, -1])).toThrow(/>= 0/);
  });

  it('shuffle returns a permutation and leaves the input alone', () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffle(r, input);
    expect(out).not.toEqual(input);
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input[0]).toBe(0);
    expect(shuffle(createRng(5), input)).toEqual(shuffle(createRng(5), input));
  });
});
