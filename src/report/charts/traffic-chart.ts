/**
 * Bytes and energy over time: two stacked panels sharing the time axis, cumulative payload data
 * moved (MB/GB) and cumulative energy (kJ) from traffic.csv. The energy panel is left out when the
 * run has no energy model (all joules empty). Pure: rows in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TrafficRow } from '../rows.ts';
import { CHART_WIDTH, PALETTE, byteUnit, chartConfig, chartTitle, energyUnit, maxTime, timeTransform, timeUnitFor, timeX } from './theme.ts';

export interface TrafficChartOptions {
  readonly title?: string;
  readonly subtitle?: string;
  readonly endSeconds?: number;
}

const PANEL_HEIGHT = 180;

export function trafficChartSpec(rows: readonly TrafficRow[], options: TrafficChartOptions = {}): TopLevelSpec {
  const end = options.endSeconds ?? maxTime(rows);
  const unit = timeUnitFor(end);
  const sorted = [...rows].sort((a, b) => a.time_s - b.time_s);
  const bytes = byteUnit(Math.max(0, ...sorted.map((r) => r.bytes)));
  const energyRows = sorted.filter((r): r is TrafficRow & { joules: number } => r.joules !== null);
  const energy = energyUnit(Math.max(0, ...energyRows.map((r) => r.joules)));

  const panel = (field: 'value', title: string, colour: string, values: Array<{ time_s: number; value: number }>, showX: boolean) => ({
    width: CHART_WIDTH,
    height: PANEL_HEIGHT,
    data: { values },
    transform: [timeTransform(unit)],
    encoding: {
      x: { ...timeX(unit, end), ...(showX ? {} : { axis: { tickMinStep: 1, format: '~g', title: null, labels: false } }) },
      y: { field, type: 'quantitative' as const, title, axis: { format: '~s', tickCount: 4 } },
    },
    layer: [
      { mark: { type: 'area' as const, interpolate: 'step-after' as const, color: colour, opacity: 0.15 } },
      { mark: { type: 'line' as const, interpolate: 'step-after' as const, color: colour } },
    ],
  });

  const bytePanel = panel('value', `data moved (${bytes.name})`, PALETTE[0],
    sorted.map((r) => ({ time_s: r.time_s, value: r.bytes / bytes.divisor })), energyRows.length === 0);
  const panels = energyRows.length === 0 ? [bytePanel] : [
    bytePanel,
    panel('value', `energy used (${energy.name})`, PALETTE[3],
      energyRows.map((r) => ({ time_s: r.time_s, value: r.joules / energy.divisor })), true),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      options.title ?? 'Data moved and energy used',
      options.subtitle ?? (energyRows.length === 0
        ? 'Running totals since the start: adapter payload received by all nodes (no energy model in this run)'
        : 'Running totals since the start: adapter payload received by all nodes (top), radio + inference energy of all nodes (bottom)'),
    ),
    config: chartConfig(),
    spacing: 18,
    vconcat: panels,
  };
}
