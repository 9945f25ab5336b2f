import { describe, expect, it } from 'vitest';
import { crossings, firstArrivals, spreadFromArrivals } from './run-data.ts';

describe('crossings', () => {
  it('uses the simulator rule: a share is reached when holders / nodes >= share, origin included', () => {
    // 8 nodes: origin at publication (10 s), then arrivals.
    const c = crossings([10, 70, 130, 190, 250, 310, 370, 430], 8, 10);
    expect(c.t50).toBe(180); // 4th holder
    expect(c.t90).toBe(420); // 0.9 × 8 = 7.2 → 8th holder
    expect(c.t100).toBe(420);
    expect(c.finalCoverage).toBe(1);
  });

  it('leaves shares never reached as null and counts final coverage of the population', () => {
    const c = crossings([0, 50], 10, 0);
    expect(c).toEqual({ t50: null, t90: null, t100: null, finalCoverage: 0.2 });
  });
});

describe('firstArrivals', () => {
  it('keeps the earliest arrival per adapter and node, in time order', () => {
    const a = firstArrivals([
      { adapter: 'x', node: 'b', t: 9 }, { adapter: 'x', node: 'b', t: 3 }, { adapter: 'x', node: 'a', t: 5 }, { adapter: 'y', node: 'b', t: 1 },
    ]);
    expect(a).toEqual([{ adapter: 'y', node: 'b', t: 1 }, { adapter: 'x', node: 'b', t: 3 }, { adapter: 'x', node: 'a', t: 5 }]);
  });
});

describe('spreadFromArrivals', () => {
  it('is a step curve from publication to the end, one row per distinct arrival time', () => {
    const rows = spreadFromArrivals('x', [0, 60, 60, 120], 4, 0, 300);
    expect(rows.map((r) => [r.time_s, r.holders, r.fraction])).toEqual([[0, 1, 0.25], [60, 3, 0.75], [120, 4, 1], [300, 4, 1]]);
  });
});
