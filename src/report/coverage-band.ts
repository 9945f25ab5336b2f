/**
 * Coverage bands across runs: samples every run's step-shaped spread curve on a common time grid
 * and summarises the runs at each grid time (mean and 95 % Student-t interval clamped to 0..1).
 * Feeds the sim-vs-measured comparison chart. Pure; knows nothing of files or charts.
 */
import type { SpreadRow } from './rows.ts';
import { summarize } from './stats.ts';

export interface CoverageBandRow {
  readonly time_s: number;
  readonly adapter: string;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  readonly runs: number;
}

/** Fraction of one adapter at time t in a step curve sorted by time (0 before the first sample). */
export function fractionAt(sorted: readonly SpreadRow[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as SpreadRow).time_s <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : (sorted[lo - 1] as SpreadRow).fraction;
}

/** Evenly spaced grid 0, step, ..., up to and including end. */
export function timeGrid(endSeconds: number, points = 200): number[] {
  if (!(endSeconds > 0) || points < 2) return [0];
  return Array.from({ length: points }, (_, i) => (endSeconds * i) / (points - 1));
}

/** Mean coverage and 95 % band per (adapter, grid time) over the given runs' spread rows. */
export function coverageBand(runs: ReadonlyArray<readonly SpreadRow[]>, grid: readonly number[]): CoverageBandRow[] {
  const perRun = runs.map((rows) => {
    const m = new Map<string, SpreadRow[]>();
    for (const r of rows) m.set(r.adapter, [...(m.get(r.adapter) ?? []), r]);
    for (const list of m.values()) list.sort((a, b) => a.time_s - b.time_s);
    return m;
  });
  const adapters = [...new Set(runs.flatMap((rows) => rows.map((r) => r.adapter)))];
  const out: CoverageBandRow[] = [];
  for (const adapter of adapters) {
    for (const t of grid) {
      const values = perRun.map((m) => fractionAt(m.get(adapter) ?? [], t));
      const s = summarize(values);
      const mean = s.mean ?? 0;
      out.push({ time_s: t, adapter, mean, lo: Math.max(0, s.ciLo ?? mean), hi: Math.min(1, s.ciHi ?? mean), runs: s.n });
    }
  }
  return out;
}
