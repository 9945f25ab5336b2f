import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../src/sim/engine/index.ts';
import { deterministicSummary } from '../../src/report/index.ts';
import { fixture, simulate } from './helpers.ts';

const view = (sim: ReturnType<typeof simulate>['sim']) => {
  const r = sim.result();
  return JSON.stringify({
    summary: deterministicSummary(buildSummary(r, 0)),
    spread: r.spread.rows,
    quality: r.quality.rows(r.scenario.duration),
    traffic: r.traffic,
    transfers: r.transfers.records,
    nodes: r.nodes,
  });
};

describe('simulation', () => {
  it('resumes a transfer cut by a lost contact from the verified chunks at the next encounter', () => {
    const r = simulate(fixture('two-encounters.yaml')).sim.result();
    const t = r.transfers.records;
    expect(t).toHaveLength(2);
    expect(t[0]).toMatchObject({ outcome: 'interrupted', resumed: false });
    expect(t[0]!.chunks).toBeGreaterThan(0);
    expect(t[1]).toMatchObject({ outcome: 'completed', resumed: true });
    // Nothing fetched twice: the two transfers together carry exactly the adapter's 62 chunks (4 MB in 64 KiB).
    expect(t[0]!.chunks + t[1]!.chunks).toBe(62);
    expect(t[0]!.bytes + t[1]!.bytes).toBe(4_000_000);
    const [a] = r.spread.results();
    expect(a!.finalCoverage).toBe(1);
    expect(a!.t100).toBeGreaterThan(30 * 60);
  });

  it('gives identical results for the same seed, also when two simulations run interleaved', () => {
    const alone = view(simulate(fixture('tiny-village.yaml')).sim);
    const a = simulate(fixture('tiny-village.yaml')).sim;
    const b = simulate(fixture('tiny-village.yaml')).sim;
    const other = simulate(fixture('tiny-village.yaml'), [], 99).sim;
    const end = a.scenario.duration;
    for (let k = 1; k <= 40; k++) {
      const t = Math.round((end * k) / 40);
      a.run(t);
      other.run(Math.round(t / 2));
      b.run(t);
    }
    expect(view(a)).toBe(alone);
    expect(view(b)).toBe(alone);
    expect(view(other)).not.toBe(alone);
  });

  it('spreads adapters, answers better by routing than merging, and supersedes old versions', () => {
    const r = simulate(fixture('tiny-village.yaml')).sim.result();
    const byLabel = new Map(r.spread.results().map((s) => [s.label, s]));
    expect(byLabel.get('agronomy-expert')!.finalCoverage).toBeGreaterThan(0.5);
    expect(byLabel.get('veterinary-expert@v2')!.finalCoverage).toBeGreaterThan(0.5);
    // v1 is superseded by v2 on every node that completed v2.
    expect(byLabel.get('veterinary-expert')!.finalCoverage).toBeLessThan(byLabel.get('veterinary-expert@v2')!.finalCoverage);
    const q = (s: 'route' | 'merge' | 'none') => { const t = r.quality.totals.get(s)!; return t.sum / t.total; };
    expect(q('route')).toBeGreaterThan(q('merge'));
    expect(q('route')).toBeGreaterThan(q('none'));
    const c = r.transfers.counters();
    expect(c.completed).toBeGreaterThan(0);
    // Storage budget (40 MB) never exceeded: at most 40 MB of adapters per node at the end.
    for (const n of r.nodes) expect(n.adapters * 4_000_000).toBeLessThanOrEqual(40_000_000);
  });
});
