/**
 * Vega-lite spec builders: pure functions from run data to chart specs, plus the shared theme.
 */
export { spreadChartSpec, compactSteps } from './spread-chart.ts';
export type { SpreadChartOptions } from './spread-chart.ts';
export { qualityChartSpec, binQuality } from './quality-chart.ts';
export type { QualityChartOptions, QualityBin } from './quality-chart.ts';
export { trafficChartSpec } from './traffic-chart.ts';
export type { TrafficChartOptions } from './traffic-chart.ts';
export { coverageMapSpec, mapFrame, countColours } from './coverage-map.ts';
export type { CoverageMapOptions } from './coverage-map.ts';
export { sweepChartSpec, aggregateSweep } from './sweep-chart.ts';
export type { SweepSample, SweepPoint, SweepChartOptions } from './sweep-chart.ts';
export { comparisonChartSpec } from './comparison-chart.ts';
export type { ComparisonChartOptions } from './comparison-chart.ts';
export {
  CHART_FONT, CHART_WIDTH, CHART_HEIGHT, PALETTE, STRATEGY_COLOURS, STRATEGY_LABELS, STRATEGY_ORDER,
  chartConfig, chartTitle, timeUnitFor, wrapLines,
} from './theme.ts';
export type { TimeUnit } from './theme.ts';
