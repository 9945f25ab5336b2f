/**
 * Adapter spread curves: fraction of nodes holding each complete adapter over time (spread.csv),
 * step-shaped, with dashed guides at 50 % and 90 % (the t50/t90 thresholds of the summary).
 * Pure: rows in, vega-lite spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SpreadRow } from '../rows.ts';
import { CHART_HEIGHT, CHART_WIDTH, GUIDE_COLOUR, chartConfig, chartTitle, distinct, maxTime, timeTransform, timeUnitFor, timeX } from './theme.ts';

export interface SpreadChartOptions {
  readonly title?: string;
  readonly subtitle?: string;
  /** Legend order (default: order of first appearance in the rows). */
  readonly adapterOrder?: readonly string[];
  /** Run length in seconds (default: last sample time). */
  readonly endSeconds?: number;
}

/**
 * Drop samples that repeat the previous value of the same adapter (the curve is a step function),
 * keeping each adapter's first and last sample so the line spans the run.
 */
export function compactSteps(rows: readonly SpreadRow[]): SpreadRow[] {
  const byAdapter = new Map<string, SpreadRow[]>();
  for (const r of rows) {
    const list = byAdapter.get(r.adapter) ?? [];
    list.push(r);
    byAdapter.set(r.adapter, list);
  }
  const out: SpreadRow[] = [];
  for (const list of byAdapter.values()) {
    const sorted = [...list].sort((a, b) => a.time_s - b.time_s);
    sorted.forEach((r, i) => {
      const prev = sorted[i - 1];
      if (i === 0 || i === sorted.length - 1 || prev === undefined || prev.fraction !== r.fraction) out.push(r);
    });
  }
  return out;
}

/** Repeat each adapter's last value at `end` so step lines run to the end of the run. */
function extendTo(rows: readonly SpreadRow[], end: number): SpreadRow[] {
  const last = new Map<string, SpreadRow>();
  for (const r of rows) {
    const l = last.get(r.adapter);
    if (!l || r.time_s >= l.time_s) last.set(r.adapter, r);
  }
  const tails = [...last.values()].filter((r) => r.time_s < end).map((r) => ({ ...r, time_s: end }));
  return [...rows, ...tails];
}

export function spreadChartSpec(rows: readonly SpreadRow[], options: SpreadChartOptions = {}): TopLevelSpec {
  const end = options.endSeconds ?? maxTime(rows);
  const unit = timeUnitFor(end);
  const order = options.adapterOrder ?? distinct(rows.map((r) => r.adapter));
  const values = extendTo(compactSteps(rows), end).map((r) => ({ time_s: r.time_s, adapter: r.adapter, fraction: r.fraction }));
  const guides = [
    { level: 0.5, label: '50 % of nodes' },
    { level: 0.9, label: '90 % of nodes' },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      options.title ?? 'Adapter spread through the village',
      options.subtitle ?? 'Share of nodes holding each complete adapter; dashed lines mark the 50 % and 90 % thresholds (t50, t90)',
    ),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: chartConfig(),
    layer: [
      {
        data: { values: guides },
        mark: { type: 'rule', strokeDash: [6, 4], color: GUIDE_COLOUR, strokeWidth: 1.2 },
        encoding: { y: { field: 'level', type: 'quantitative' } },
      },
      {
        data: { values: guides },
        mark: { type: 'text', align: 'left', dx: 4, dy: -7, color: GUIDE_COLOUR, fontSize: 11 },
        encoding: { y: { field: 'level', type: 'quantitative' }, x: { value: 0 }, text: { field: 'label' } },
      },
      {
        data: { values },
        transform: [timeTransform(unit)],
        mark: { type: 'line', interpolate: 'step-after', clip: true },
        encoding: {
          x: timeX(unit, end),
          y: {
            field: 'fraction', type: 'quantitative', title: 'nodes holding the adapter (%)',
            scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 },
          },
          color: { field: 'adapter', type: 'nominal', title: 'adapter', scale: { domain: [...order] }, legend: { symbolType: 'stroke' } },
        },
      },
    ],
  };
}
