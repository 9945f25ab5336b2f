/**
 * Observes adapter spread: how many nodes hold each complete adapter, over time. Fed only by
 * events (an adapter became complete at a node, or left it through eviction/supersede); computes
 * exact t50/t90/t100 crossing times and samples rows for spread.csv. Never influences the run.
 */
import type { Micros } from '../../core/types.ts';
import { MICROS_PER_SECOND } from '../../core/types.ts';
import type { SpreadRow } from '../../report/rows.ts';

interface Tracked {
  readonly label: string;
  readonly publishedAt: Micros;
  holders: number;
  t50: Micros | null;
  t90: Micros | null;
  t100: Micros | null;
}

export class SpreadObserver {
  private readonly tracked = new Map<string, Tracked>();
  readonly rows: SpreadRow[] = [];

  constructor(private readonly nodes: number) {}

  /** Declares an adapter (in publication order, which is the column order of outputs). */
  declare(label: string, publishedAt: Micros): void {
    if (!this.tracked.has(label)) this.tracked.set(label, { label, publishedAt, holders: 0, t50: null, t90: null, t100: null });
  }

  change(label: string, delta: 1 | -1, at: Micros): void {
    const t = this.tracked.get(label);
    if (!t) return;
    t.holders += delta;
    if (delta < 0) return;
    const f = t.holders / this.nodes;
    if (t.t50 === null && f >= 0.5) t.t50 = at;
    if (t.t90 === null && f >= 0.9) t.t90 = at;
    if (t.t100 === null && t.holders >= this.nodes) t.t100 = at;
  }

  holders(label: string): number {
    return this.tracked.get(label)?.holders ?? 0;
  }

  sample(at: Micros): void {
    for (const t of this.tracked.values()) {
      if (at < t.publishedAt) continue;
      this.rows.push({ time_s: at / MICROS_PER_SECOND, adapter: t.label, holders: t.holders, fraction: t.holders / this.nodes });
    }
  }

  /** Crossing times in seconds after publication (null if never reached) and final coverage. */
  results(): { label: string; publishedAt: number; t50: number | null; t90: number | null; t100: number | null; finalCoverage: number }[] {
    const since = (t: Tracked, x: Micros | null) => (x === null ? null : (x - t.publishedAt) / MICROS_PER_SECOND);
    return [...this.tracked.values()].map((t) => ({
      label: t.label,
      publishedAt: t.publishedAt / MICROS_PER_SECOND,
      t50: since(t, t.t50),
      t90: since(t, t.t90),
      t100: since(t, t.t100),
      finalCoverage: t.holders / this.nodes,
    }));
  }
}
