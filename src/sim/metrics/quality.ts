/**
 * Observes answer quality: every question answered, under each strategy (route, merge, none),
 * binned by time for quality.csv, plus totals for summary.json. Never influences the run.
 */
import type { Micros } from '../../core/types.ts';
import { MICROS_PER_SECOND } from '../../core/types.ts';
import type { QualityRow } from '../../report/rows.ts';

export type Strategy = 'route' | 'merge' | 'none';
export type AnsweredBy = 'specialist' | 'base' | 'merged';

interface Bin { sum: number; n: number }

export class QualityObserver {
  private readonly bins = new Map<Strategy, Map<number, Bin>>();
  readonly totals = new Map<Strategy, { total: number; specialist: number; base: number; merged: number; sum: number }>();

  constructor(private readonly strategies: readonly Strategy[], private readonly binWidth: Micros) {
    for (const s of strategies) {
      this.bins.set(s, new Map());
      this.totals.set(s, { total: 0, specialist: 0, base: 0, merged: 0, sum: 0 });
    }
  }

  record(strategy: Strategy, at: Micros, quality: number, by: AnsweredBy): void {
    const bins = this.bins.get(strategy);
    const tot = this.totals.get(strategy);
    if (!bins || !tot) return;
    const k = Math.floor(at / this.binWidth);
    const b = bins.get(k) ?? { sum: 0, n: 0 };
    b.sum += quality;
    b.n++;
    bins.set(k, b);
    tot.total++;
    tot.sum += quality;
    tot[by]++;
  }

  /** One row per (bin, strategy) from time 0 to `end`, empty bins included (quality null). */
  rows(end: Micros): QualityRow[] {
    const out: QualityRow[] = [];
    const nb = Math.max(1, Math.ceil(end / this.binWidth));
    for (let k = 0; k < nb; k++) {
      for (const s of this.strategies) {
        const b = this.bins.get(s)!.get(k);
        out.push({ time_s: (k * this.binWidth) / MICROS_PER_SECOND, strategy: s, quality: b ? b.sum / b.n : null, queries: b?.n ?? 0 });
      }
    }
    return out;
  }
}
