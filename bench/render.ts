/**
 * Benchmark of the report pipeline on the synthetic example run: time to build + render each chart
 * (vega-lite → SVG → 2× PNG) and to write a complete run directory. Prints numbers; asserts nothing.
 * Usage: node bin/run-ts.mjs bench/render.ts [--out DIR] [--nodes N] [--days D]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coverageMapSpec, exampleRun, qualityChartSpec, renderChart, spreadChartSpec, trafficChartSpec, writeRunOutputs } from '../src/report/index.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scratch = await mkdtemp(join(tmpdir(), 'gossip-render-'));
const out = arg('out') ?? join(scratch, 'run');
const run = exampleRun({ nodes: Number(arg('nodes') ?? 60), days: Number(arg('days') ?? 7) });
const charts = {
  spread: () => spreadChartSpec(run.spread),
  quality: () => qualityChartSpec(run.quality),
  traffic: () => trafficChartSpec(run.traffic),
  'coverage-map': () => coverageMapSpec(run.coverage, run.places, { totalAdapters: run.summary.adapters.length }),
};
for (const [name, build] of Object.entries(charts)) {
  const t0 = performance.now();
  const r = await renderChart(build(), join(scratch, 'charts'), name);
  console.log(`${name.padEnd(14)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms  svg ${r.svg.length} chars`);
}
const t0 = performance.now();
const result = await writeRunOutputs({ outDir: out, ...run });
console.log(`run directory  ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${result.reportPath}`);
