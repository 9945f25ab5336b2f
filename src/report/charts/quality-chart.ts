/**
 * Answer quality over time: mean keyword recall per day (per hour/minute for short runs) for the
 * answering strategies present (route vs merge vs none; one strategy works too), re-binned from
 * quality.csv and weighted by the number of questions in each bin. Pure: rows in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { QualityRow } from '../rows.ts';
import type { Strategy } from '../summary-schema.ts';
import {
  CHART_HEIGHT, CHART_WIDTH, STRATEGY_COLOURS, STRATEGY_LABELS, STRATEGY_ORDER, ceilToUnit, chartConfig, chartTitle, maxTime, timeUnitFor,
} from './theme.ts';
import type { TimeUnit } from './theme.ts';

export interface QualityChartOptions {
  readonly title?: string;
  readonly subtitle?: string;
  readonly endSeconds?: number;
}

export interface QualityBin {
  /** Bin index in the time unit (day 0, 1, ...). */
  readonly bin: number;
  /** Bin centre in the time unit (0.5 for day 0). */
  readonly t: number;
  readonly strategy: Strategy;
  readonly quality: number;
  readonly queries: number;
}

/** Weighted mean quality per (bin, strategy); bins without questions are left out. */
export function binQuality(rows: readonly QualityRow[], unit: TimeUnit): QualityBin[] {
  const acc = new Map<string, { bin: number; strategy: Strategy; sum: number; n: number }>();
  for (const r of rows) {
    if (r.quality === null || r.queries <= 0) continue;
    const bin = Math.floor(r.time_s / unit.seconds);
    const key = `${r.strategy}\u0000${bin}`;
    const a = acc.get(key) ?? { bin, strategy: r.strategy, sum: 0, n: 0 };
    a.sum += r.quality * r.queries;
    a.n += r.queries;
    acc.set(key, a);
  }
  return [...acc.values()]
    .sort((a, b) => STRATEGY_ORDER.indexOf(a.strategy) - STRATEGY_ORDER.indexOf(b.strategy) || a.bin - b.bin)
    .map((a) => ({ bin: a.bin, t: a.bin + 0.5, strategy: a.strategy, quality: a.sum / a.n, queries: a.n }));
}

export function qualityChartSpec(rows: readonly QualityRow[], options: QualityChartOptions = {}): TopLevelSpec {
  const last = maxTime(rows);
  const unit = timeUnitFor(options.endSeconds ?? last);
  // Rows are bins starting at time_s, so by default the axis runs to the end of the last bin.
  const end = options.endSeconds ?? ceilToUnit(last + 1, unit);
  const bins = binQuality(rows, unit);
  const present = STRATEGY_ORDER.filter((s) => bins.some((b) => b.strategy === s));
  const per = unit.name.replace(/s$/, '');
  const strategyNames = present.length > 0 ? present.join(' vs ') : 'no questions asked';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      options.title ?? 'Answer quality over time',
      options.subtitle ?? `Mean keyword recall of the answers given each ${per} (${strategyNames}); higher is better`,
    ),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: chartConfig(),
    data: { values: bins },
    encoding: {
      x: {
        field: 't', type: 'quantitative', title: unit.title,
        scale: { domain: [0, Math.max(end / unit.seconds, 1e-9)], nice: false }, axis: { tickMinStep: 1, format: '~g' },
      },
      y: { field: 'quality', type: 'quantitative', title: 'answer quality (keyword recall)', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: {
        field: 'strategy', type: 'nominal', title: 'answering strategy',
        scale: { domain: [...present], range: present.map((s) => STRATEGY_COLOURS[s]) },
        legend: { labelExpr: labelExpr(present) },
      },
    },
    layer: [{ mark: { type: 'line' } }, { mark: { type: 'point', filled: true, size: 40, opacity: 1 } }],
  };
}

/** Vega expression mapping strategy codes to descriptive legend labels. */
function labelExpr(present: readonly Strategy[]): string {
  return present.reduceRight((acc, s) => `datum.label === '${s}' ? '${STRATEGY_LABELS[s]}' : ${acc}`, 'datum.label');
}
