import { describe, it, expect } from 'vitest';
import { coverageBand, fractionAt, timeGrid } from './coverage-band.ts';
import type { SpreadRow } from './rows.ts';

const curve = (adapter: string, points: Array<[number, number]>): SpreadRow[] =>
  points.map(([time_s, fraction]) => ({ time_s, adapter, holders: Math.round(fraction * 10), fraction }));

describe('coverage bands across runs', () => {
  it('reads a step curve at any time (0 before the first sample)', () => {
    const c = curve('a', [[10, 0.1], [20, 0.5], [30, 1]]);
    expect([5, 10, 15, 20, 29, 30, 99].map((t) => fractionAt(c, t))).toEqual([0, 0.1, 0.1, 0.5, 0.5, 1, 1]);
  });

  it('has zero width when all runs agree, and a 95 % t interval clamped to 0..1 otherwise', () => {
    const same = coverageBand([curve('a', [[0, 0.5]]), curve('a', [[0, 0.5]])], [0, 10]);
    expect(same.every((r) => r.lo === 0.5 && r.hi === 0.5 && r.mean === 0.5)).toBe(true);
    const differ = coverageBand([curve('a', [[0, 0]]), curve('a', [[0, 1]])], [5]);
    expect(differ[0]).toMatchObject({ mean: 0.5, lo: 0, hi: 1, runs: 2 });
  });

  it('counts an adapter missing from a run as 0 coverage in that run', () => {
    const band = coverageBand([curve('a', [[0, 1]]), curve('b', [[0, 1]])], [1]);
    expect(band.map((r) => [r.adapter, r.mean])).toEqual([['a', 0.5], ['b', 0.5]]);
  });

  it('builds an evenly spaced grid that ends at the run end', () => {
    expect(timeGrid(100, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(timeGrid(0)).toEqual([0]);
  });
});
