import { describe, it, expect } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { coverageBand, timeGrid } from '../coverage-band.ts';
import { exampleRun } from '../example-run.ts';
import { chartToSvgWithWarnings, svgToPng } from '../render.ts';
import type { QualityRow, SpreadRow } from '../rows.ts';
import { comparisonChartSpec } from './comparison-chart.ts';
import { coverageMapSpec, mapFrame } from './coverage-map.ts';
import { binQuality, qualityChartSpec } from './quality-chart.ts';
import { compactSteps, spreadChartSpec } from './spread-chart.ts';
import { aggregateSweep, sweepChartSpec } from './sweep-chart.ts';
import type { SweepSample } from './sweep-chart.ts';
import { timeUnitFor, wrapLines } from './theme.ts';
import { trafficChartSpec } from './traffic-chart.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const run = exampleRun();

function titleOf(spec: TopLevelSpec): string {
  const t = (spec as { title?: { text?: string } }).title;
  return t?.text ?? '';
}

function textsOf(svg: string): string {
  // Multi-line texts (wrapped subtitles) are <tspan>s inside one <text>.
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => (m[1] ?? '').replace(/<tspan[^>]*>/g, '\n').replace(/<[^>]+>/g, '')).join('\n');
}

/** Compiles without warnings and renders to an SVG with the title and a PNG of real size. */
async function expectRenders(spec: TopLevelSpec, mustShow: readonly string[] = []): Promise<string> {
  const { svg, warnings } = await chartToSvgWithWarnings(spec);
  expect(warnings).toEqual([]);
  expect(svg.startsWith('<svg')).toBe(true);
  const texts = textsOf(svg);
  for (const s of [titleOf(spec), ...mustShow]) expect(texts).toContain(s);
  const png = await svgToPng(svg);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.length).toBeGreaterThan(30_000);
  // 2× scale: the PNG is twice the SVG's width (IHDR width at byte 16).
  const svgWidth = Number(/width="(\d+)"/.exec(svg)?.[1]);
  expect(png.readUInt32BE(16)).toBe(2 * svgWidth);
  return svg;
}

describe('spread chart', () => {
  it('renders one curve per adapter with the 50 % / 90 % guides, days on the time axis', async () => {
    const svg = await expectRenders(spreadChartSpec(run.spread), ['agronomy', 'water-repair', '50 % of nodes', '90 % of nodes', 'time since start (days)']);
    expect(svg).toContain('stroke-dasharray');
  });

  it('drops repeated samples but keeps each step and both ends', () => {
    const rows: SpreadRow[] = [0, 10, 20, 30, 40].map((t, i) => ({ time_s: t, adapter: 'a', holders: i < 3 ? 1 : 2, fraction: i < 3 ? 0.5 : 1 }));
    expect(compactSteps(rows).map((r) => r.time_s)).toEqual([0, 30, 40]);
  });
});

describe('quality chart', () => {
  it('shows route, merge and none with descriptive legend labels', async () => {
    await expectRenders(qualityChartSpec(run.quality), ['route (specialist adapter)', 'merge (TIES merged model)', 'none (base model only)']);
  });

  it('works with one strategy only', async () => {
    const svg = await expectRenders(qualityChartSpec(run.quality.filter((r) => r.strategy === 'route')), ['route (specialist adapter)']);
    expect(textsOf(svg)).not.toContain('merge (TIES');
  });

  it('re-bins to days weighting each bin by its questions and skips empty bins', () => {
    const rows: QualityRow[] = [
      { time_s: 0, strategy: 'route', quality: 1, queries: 3 },
      { time_s: 3600, strategy: 'route', quality: 0, queries: 1 },
      { time_s: 90_000, strategy: 'route', quality: null, queries: 0 },
    ];
    expect(binQuality(rows, timeUnitFor(3 * 86_400))).toEqual([{ bin: 0, t: 0.5, strategy: 'route', quality: 0.75, queries: 4 }]);
  });
});

describe('traffic chart', () => {
  it('draws data and energy panels with units', async () => {
    await expectRenders(trafficChartSpec(run.traffic), ['data moved (GB)', 'energy used (kJ)']);
  });

  it('leaves the energy panel out when the run has no energy model', async () => {
    const svg = await expectRenders(trafficChartSpec(run.traffic.map((r) => ({ ...r, joules: null }))), ['data moved (GB)']);
    expect(textsOf(svg)).not.toContain('energy used (');
    expect(textsOf(svg)).toContain('no energy model');
  });

  it('switches the time axis to hours or minutes for short trials', async () => {
    const short = run.traffic.filter((r) => r.time_s <= 3 * 3600);
    await expectRenders(trafficChartSpec(short), ['time since start (hours)']);
    expect(timeUnitFor(600).name).toBe('minutes');
  });
});

describe('coverage map', () => {
  it('labels the shared places (not the many homes) and colours nodes by adapters held', async () => {
    const svg = await expectRenders(coverageMapSpec(run.coverage, run.places, { totalAdapters: 4 }), ['market', 'clinic', 'adapters held', 'east (m)']);
    expect(svg).not.toContain('homes north');
  });

  it('uses the same metres per pixel on both axes', () => {
    const f = mapFrame(run.coverage, run.places);
    expect((f.x[1] - f.x[0]) * f.pxPerMetre).toBeCloseTo(f.width, 6);
    expect((f.y[1] - f.y[0]) * f.pxPerMetre).toBeCloseTo(f.height, 6);
  });
});

describe('sweep chart', () => {
  const samples: SweepSample[] = [];
  for (const x of [20, 40, 80]) for (let seed = 0; seed < 5; seed++) {
    samples.push({ x, series: 'agronomy', value: x / 10 + seed });
    samples.push({ x, series: 'veterinary', value: seed === 0 ? null : x / 5 + seed });
  }

  it('aggregates mean and a Student-t 95 % interval per point', () => {
    const { points, missing } = aggregateSweep(samples);
    expect(missing).toBe(3);
    const p = points.find((q) => q.x === 20 && q.series === 'agronomy');
    // values 2..6: mean 4, sd √2.5, t(0.975, 4) = 2.776 → half-width 1.963
    expect(p?.mean).toBe(4);
    expect(p?.hi).toBeCloseTo(4 + 2.7764 * Math.sqrt(2.5) / Math.sqrt(5), 3);
  });

  it('renders with axis titles carrying units and notes runs left out', async () => {
    const svg = await expectRenders(sweepChartSpec(samples, { parameter: 'nodes', metric: 't50', metricUnit: 'hours', seriesTitle: 'adapter' }),
      ['nodes', 't50, mean over seeds (hours)', 'veterinary']);
    expect(textsOf(svg)).toContain('never reached');
  });

  it('accepts a categorical parameter', async () => {
    await expectRenders(sweepChartSpec(samples.map((s) => ({ ...s, x: `policy-${s.x}` })), { parameter: 'policy', metric: 't50' }), ['policy-40']);
  });
});

describe('comparison chart', () => {
  it('overlays the simulated band and the measured curve per adapter', async () => {
    const band = coverageBand([0, 1, 2].map((seed) => exampleRun({ seed }).spread), timeGrid(7 * 86_400, 60));
    await expectRenders(comparisonChartSpec(band, exampleRun({ seed: 9 }).spread), ['agronomy', 'measured', 'simulated mean (95 % band)']);
  });
});

describe('subtitle wrapping', () => {
  it('keeps every line within the estimated chart width', () => {
    const lines = wrapLines('word '.repeat(60), 720, 12.5);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length * 0.8 * 12.5).toBeLessThanOrEqual(720);
  });
});
