/**
 * Vega-lite specs of the comparison charts besides the coverage overlay (src/report's
 * comparisonChartSpec): arrival-time distributions per adapter (empirical CDFs, simulated pooled
 * over seeds vs measured, where the KS distance is the largest vertical gap), per-node arrival
 * times (simulated central 95 % and median vs measured), and transfer counters. Shared theme from
 * src/report. Pure: values in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_HEIGHT, CHART_WIDTH, PALETTE, chartConfig, chartTitle, timeUnitFor } from '../report/index.ts';
import type { Comparison } from './comparison.ts';

const SIMULATED = 'simulated (all seeds)';
const MEASURED = 'measured';
const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function panels(n: number): { columns: number; width: number; height: number } {
  const columns = Math.min(3, Math.max(1, n));
  const width = columns === 1 ? CHART_WIDTH : Math.floor((CHART_WIDTH - 30 * (columns - 1)) / columns);
  return { columns, width, height: columns === 1 ? CHART_HEIGHT : Math.round(width * 0.75) };
}

/** ECDF step points of a sample with nulls (never) counted in the denominator. */
export function ecdfPoints(sample: readonly (number | null)[]): Array<{ t: number; f: number }> {
  const finite = sample.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const n = sample.length;
  const out = [{ t: 0, f: 0 }];
  finite.forEach((t, i) => {
    if (i + 1 < finite.length && finite[i + 1] === t) return;
    out.push({ t, f: (i + 1) / n });
  });
  return out;
}

export interface ArrivalSamples {
  readonly adapter: string;
  readonly simulated: readonly (number | null)[];
  readonly measured: readonly (number | null)[];
}

export function arrivalChartSpec(samples: readonly ArrivalSamples[], endSeconds: number): TopLevelSpec {
  const unit = timeUnitFor(endSeconds);
  const { columns, width, height } = panels(samples.length);
  const values = samples.flatMap((s) => [
    ...ecdfPoints(s.simulated).map((p) => ({ adapter: s.adapter, source: SIMULATED, t: p.t / unit.seconds, f: p.f })),
    { adapter: s.adapter, source: SIMULATED, t: endSeconds / unit.seconds, f: ecdfPoints(s.simulated).at(-1)!.f },
    ...ecdfPoints(s.measured).map((p) => ({ adapter: s.adapter, source: MEASURED, t: p.t / unit.seconds, f: p.f })),
    { adapter: s.adapter, source: MEASURED, t: endSeconds / unit.seconds, f: ecdfPoints(s.measured).at(-1)!.f },
  ]);
  return {
    $schema: SCHEMA,
    title: chartTitle('Arrival times: simulated vs measured', 'Per adapter: share of the other nodes that had received it, by time after publication (empirical CDF; simulated pooled over seeds). The KS distance is the largest vertical gap.'),
    config: { ...chartConfig(), legend: { ...chartConfig().legend, orient: 'top' } },
    data: { values },
    facet: { field: 'adapter', type: 'nominal', title: null, sort: samples.map((s) => s.adapter) },
    columns,
    spec: {
      width, height,
      mark: { type: 'line', interpolate: 'step-after' },
      encoding: {
        x: { field: 't', type: 'quantitative', title: unit.title.replace('since start', 'after publication'), scale: { domain: [0, Math.max(endSeconds / unit.seconds, 1e-9)], nice: false }, axis: { format: '~g' } },
        y: { field: 'f', type: 'quantitative', title: 'nodes reached', scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 } },
        color: { field: 'source', type: 'nominal', title: null, scale: { domain: [SIMULATED, MEASURED], range: [PALETTE[0], PALETTE[3]] } },
        strokeDash: { field: 'source', type: 'nominal', legend: null, scale: { domain: [SIMULATED, MEASURED], range: [[1, 0], [7, 3]] } },
      },
    },
  };
}

export function nodeChartSpec(c: Comparison, endSeconds: number): TopLevelSpec {
  const unit = timeUnitFor(endSeconds);
  const cap = (x: number | null) => (x === null ? endSeconds / unit.seconds : x / unit.seconds);
  const values = c.nodes.map((n) => ({
    adapter: n.adapter, node: n.measuredNode,
    lo: cap(n.simulated.lo), hi: cap(n.simulated.hi), median: cap(n.simulated.median), measured: cap(n.measured),
    verdict: n.insideInterval ? 'measured, inside' : 'measured, outside',
  }));
  const nodeOrder = [...new Set(c.nodes.map((n) => n.measuredNode))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const x = { field: 'node', type: 'nominal' as const, title: 'node', sort: nodeOrder, axis: { labelAngle: -45 } };
  const y = { type: 'quantitative' as const, title: `${unit.name} after publication`, scale: { domain: [0, endSeconds / unit.seconds] } };
  return {
    $schema: SCHEMA,
    title: chartTitle('Arrival per node', 'Bars: central 95 % of simulated seeds, tick: simulated median; dot: measured (orange when outside the bar). Times at the top edge mean never reached.'),
    config: { ...chartConfig(), legend: { ...chartConfig().legend, orient: 'top' } },
    data: { values },
    facet: { row: { field: 'adapter', type: 'nominal', title: null, sort: c.adapters.map((a) => a.adapter) } },
    spec: {
      width: CHART_WIDTH, height: 160,
      layer: [
        { mark: { type: 'bar', opacity: 0.3, color: PALETTE[0], size: 12 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
        { mark: { type: 'tick', color: PALETTE[0], thickness: 2, size: 20 }, encoding: { x, y: { ...y, field: 'median' } } },
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x, y: { ...y, field: 'measured' },
            color: { field: 'verdict', type: 'nominal', title: null, scale: { domain: ['measured, inside', 'measured, outside'], range: [PALETTE[6], PALETTE[3]] } },
          },
        },
      ],
    },
    resolve: { scale: { x: 'shared' } },
  };
}

export function transfersChartSpec(c: Comparison): TopLevelSpec | null {
  if (!c.transfers) return null;
  const values = Object.entries(c.transfers).map(([metric, f]) => ({
    metric, lo: f.simulated.lo, hi: f.simulated.hi, median: f.simulated.median, measured: f.measured,
    verdict: f.insideInterval ? 'measured, inside' : 'measured, outside',
  }));
  const x = { field: 'metric', type: 'nominal' as const, title: null, sort: ['started', 'completed', 'interrupted', 'resumed'], axis: { labelAngle: 0 } };
  const y = { type: 'quantitative' as const, title: 'transfers in the run' };
  return {
    $schema: SCHEMA,
    title: chartTitle('Transfers and interruptions', 'Bars: central 95 % of simulated seeds, tick: simulated median; dot: measured.'),
    config: { ...chartConfig(), legend: { ...chartConfig().legend, orient: 'top' } },
    width: Math.round(CHART_WIDTH * 0.7), height: Math.round(CHART_HEIGHT * 0.8),
    data: { values },
    layer: [
      { mark: { type: 'bar', opacity: 0.3, color: PALETTE[0], size: 40 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' } } },
      { mark: { type: 'tick', color: PALETTE[0], thickness: 2, size: 56 }, encoding: { x, y: { ...y, field: 'median' } } },
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: { x, y: { ...y, field: 'measured' }, color: { field: 'verdict', type: 'nominal', title: null, scale: { domain: ['measured, inside', 'measured, outside'], range: [PALETTE[6], PALETTE[3]] } } },
      },
    ],
  };
}

