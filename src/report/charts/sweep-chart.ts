/**
 * Sweep charts: a metric (e.g. t50 per adapter, in hours) against a swept scenario parameter, one
 * series per group (adapter, strategy, ...), showing the mean over seeds with 95 % Student-t
 * confidence-interval error bars. Aggregation uses stats.ts; samples with a null value (threshold
 * never reached) are left out and counted in the subtitle. Pure: samples in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { summarize } from '../stats.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartConfig, chartTitle, distinct } from './theme.ts';

export interface SweepSample {
  /** Value of the swept parameter (numbers give a quantitative axis, strings an ordinal one). */
  readonly x: number | string;
  /** Series name (e.g. adapter label); use one constant for a single series. */
  readonly series: string;
  /** Metric value of one run (one seed); null when the run never reached it. */
  readonly value: number | null;
}

export interface SweepPoint {
  readonly x: number | string;
  readonly series: string;
  readonly mean: number;
  readonly lo: number;
  readonly hi: number;
  readonly n: number;
}

export interface SweepChartOptions {
  /** Swept parameter, e.g. "nodes" or "ble.range_m". */
  readonly parameter: string;
  readonly parameterUnit?: string;
  /** Metric name, e.g. "t50". */
  readonly metric: string;
  readonly metricUnit?: string;
  readonly seriesTitle?: string;
  readonly title?: string;
  readonly subtitle?: string;
}

/** Mean and 95 % CI per (x, series); a single sample gives lo = hi = mean. */
export function aggregateSweep(samples: readonly SweepSample[]): { points: SweepPoint[]; missing: number } {
  const groups = new Map<string, { x: number | string; series: string; values: number[] }>();
  let missing = 0;
  for (const s of samples) {
    if (s.value === null) { missing++; continue; }
    const key = `${typeof s.x}\u0000${String(s.x)}\u0000${s.series}`;
    const g = groups.get(key) ?? { x: s.x, series: s.series, values: [] };
    g.values.push(s.value);
    groups.set(key, g);
  }
  const points = [...groups.values()].map((g) => {
    const s = summarize(g.values);
    const m = s.mean as number;
    return { x: g.x, series: g.series, mean: m, lo: s.ciLo ?? m, hi: s.ciHi ?? m, n: s.n };
  });
  return { points, missing };
}

function withUnit(name: string, unit: string | undefined): string {
  return unit ? `${name} (${unit})` : name;
}

export function sweepChartSpec(samples: readonly SweepSample[], options: SweepChartOptions): TopLevelSpec {
  const { points, missing } = aggregateSweep(samples);
  const numeric = points.every((p) => typeof p.x === 'number');
  const xOrder = distinct(samples.map((s) => s.x));
  const seriesOrder = distinct(samples.map((s) => s.series));
  const runs = Math.max(0, ...points.map((p) => p.n));
  const x = numeric
    ? { field: 'x', type: 'quantitative' as const, title: withUnit(options.parameter, options.parameterUnit), scale: { zero: false, padding: 24 } }
    : { field: 'x', type: 'ordinal' as const, title: withUnit(options.parameter, options.parameterUnit), sort: xOrder.map(String), axis: { labelAngle: 0 } };
  const y = { field: 'mean', type: 'quantitative' as const, title: withUnit(`${options.metric}, mean over seeds`, options.metricUnit), scale: { zero: false } };
  const color = { field: 'series', type: 'nominal' as const, title: options.seriesTitle ?? 'series', scale: { domain: seriesOrder } };
  const missingNote = missing > 0 ? `; ${missing} run(s) never reached the ${options.metric} threshold and are left out` : '';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      options.title ?? `${options.metric} vs ${options.parameter}`,
      options.subtitle ?? `Mean of up to ${runs} seeds per point; bars show the 95 % confidence interval of the mean (Student t)${missingNote}`,
    ),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: chartConfig(),
    data: { values: points.map((p) => ({ ...p, x: numeric ? p.x : String(p.x) })) },
    encoding: { x, color },
    layer: [
      { mark: { type: 'errorbar', ticks: { size: 10 }, thickness: 1.6 }, encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
      { mark: { type: 'line', strokeWidth: 1.6, opacity: 0.85 }, encoding: { y } },
      { mark: { type: 'point', filled: true, size: 55, opacity: 1 }, encoding: { y } },
    ],
  };
}
