/**
 * Simulated vs measured propagation: per adapter, the simulated mean coverage with its 95 % band
 * across seeds (coverage-band.ts) overlaid with the measured coverage curve from a trial, one small
 * panel per adapter. Pure: rows in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CoverageBandRow } from '../coverage-band.ts';
import type { SpreadRow } from '../rows.ts';
import { CHART_HEIGHT, CHART_WIDTH, PALETTE, chartConfig, chartTitle, distinct, timeUnitFor } from './theme.ts';

export interface ComparisonChartOptions {
  readonly title?: string;
  readonly subtitle?: string;
  readonly endSeconds?: number;
  /** Panels per row (default: up to 3). */
  readonly columns?: number;
}

const SIMULATED = 'simulated mean (95 % band)';
const MEASURED = 'measured';

export function comparisonChartSpec(simulated: readonly CoverageBandRow[], measured: readonly SpreadRow[], options: ComparisonChartOptions = {}): TopLevelSpec {
  const end = options.endSeconds ?? Math.max(0, ...simulated.map((r) => r.time_s), ...measured.map((r) => r.time_s));
  const unit = timeUnitFor(end);
  const adapters = distinct([...simulated.map((r) => r.adapter), ...measured.map((r) => r.adapter)]);
  const columns = options.columns ?? Math.min(3, Math.max(1, adapters.length));
  const panelWidth = columns === 1 ? CHART_WIDTH : Math.floor((CHART_WIDTH - 30 * (columns - 1)) / columns);
  const panelHeight = columns === 1 ? CHART_HEIGHT : Math.round(panelWidth * 0.75);
  const values = [
    ...simulated.map((r) => ({ source: SIMULATED, adapter: r.adapter, t: r.time_s / unit.seconds, mean: r.mean, lo: r.lo, hi: r.hi })),
    ...[...measured].sort((a, b) => a.time_s - b.time_s)
      .map((r) => ({ source: MEASURED, adapter: r.adapter, t: r.time_s / unit.seconds, mean: r.fraction, lo: null, hi: null })),
  ];
  const x = { field: 't', type: 'quantitative' as const, title: unit.title, scale: { domain: [0, Math.max(end / unit.seconds, 1e-9)], nice: false }, axis: { tickMinStep: 1, format: '~g' } };
  const y = { field: 'mean', type: 'quantitative' as const, title: columns === 1 ? 'nodes holding the adapter (%)' : 'nodes holding it (%)', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } };
  const color = { field: 'source', type: 'nominal' as const, title: null, scale: { domain: [SIMULATED, MEASURED], range: [PALETTE[0], PALETTE[3]] } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(
      options.title ?? 'Simulated vs measured spread',
      options.subtitle ?? 'Per adapter: share of nodes holding it, simulated (mean over seeds, shaded 95 % band) against the measured trial (dashed)',
    ),
    config: { ...chartConfig(), legend: { ...chartConfig().legend, orient: 'top' } },
    data: { values },
    facet: { field: 'adapter', type: 'nominal', title: null, sort: adapters },
    columns,
    spec: {
      width: panelWidth,
      height: panelHeight,
      layer: [
        {
          transform: [{ filter: `datum.source === '${SIMULATED}'` }],
          mark: { type: 'area', opacity: 0.22, color: PALETTE[0] },
          encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
        },
        { transform: [{ filter: `datum.source === '${SIMULATED}'` }], mark: { type: 'line' }, encoding: { x, y, color } },
        {
          transform: [{ filter: `datum.source === '${MEASURED}'` }],
          mark: { type: 'line', interpolate: 'step-after', strokeDash: [7, 3] },
          encoding: { x, y, color },
        },
      ],
    },
  };
}
