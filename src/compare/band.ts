/**
 * Coverage band of the simulated seeds for the comparison chart: per adapter and grid time, the
 * mean share of nodes holding it and the central 95 % of the seeds (percentiles, the same interval
 * the pass criteria use; src/report's coverageBand gives the narrower interval of the mean).
 * Pure; knows nothing of files or charts.
 */
import { fractionAt } from '../report/index.ts';
import type { CoverageBandRow, SpreadRow } from '../report/index.ts';
import { quantileSorted } from './interval.ts';

export function percentileBand(runs: ReadonlyArray<readonly SpreadRow[]>, adapters: readonly string[], grid: readonly number[], level = 0.95): CoverageBandRow[] {
  const tail = (1 - level) / 2;
  const curves = runs.map((rows) => {
    const m = new Map<string, SpreadRow[]>();
    for (const r of rows) m.set(r.adapter, [...(m.get(r.adapter) ?? []), r]);
    for (const list of m.values()) list.sort((a, b) => a.time_s - b.time_s);
    return m;
  });
  const out: CoverageBandRow[] = [];
  for (const adapter of adapters) {
    for (const t of grid) {
      const values = curves.map((m) => fractionAt(m.get(adapter) ?? [], t)).sort((a, b) => a - b);
      if (values.length === 0) continue;
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      out.push({ time_s: t, adapter, mean, lo: quantileSorted(values, tail), hi: quantileSorted(values, 1 - tail), runs: values.length });
    }
  }
  return out;
}

/** A time grid over [0, end] that also holds every step time of the given curves (so steps stay sharp), or just the even grid when there are too many steps. */
export function stepGrid(end: number, steps: readonly number[], points = 240): number[] {
  const base = end > 0 ? Array.from({ length: points }, (_, i) => (end * i) / (points - 1)) : [0];
  const inside = steps.filter((t) => t >= 0 && t <= end);
  const extra = inside.length > 4 * points ? [] : inside.flatMap((t) => [Math.max(0, t - 1e-6), t]);
  return [...new Set([...base, ...extra])].sort((a, b) => a - b);
}
