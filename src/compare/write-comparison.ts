/**
 * `gossip compare` end to end: loads the simulated runs and the measured data, compares them, and
 * writes the output directory: comparison.json, coverage-band.csv, measured-spread.csv,
 * arrivals.csv, charts/*.svg + *.png and the self-contained comparison.html. Owns which charts the
 * comparison holds and their captions. Output depends only on the inputs (no clock).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { SPREAD_COLUMNS, comparisonChartSpec, renderChart, toCsv } from '../report/index.ts';
import type { SpreadRow } from '../report/index.ts';
import { percentileBand, stepGrid } from './band.ts';
import { arrivalChartSpec, nodeChartSpec, transfersChartSpec } from './charts.ts';
import { arrivalSample, compareRuns } from './comparison.ts';
import type { Comparison, CompareOptions } from './comparison.ts';
import { renderComparisonHtml } from './comparison-html.ts';
import type { ComparisonChart } from './comparison-html.ts';
import { loadMeasured } from './measured-source.ts';
import type { RunData } from './run-data.ts';
import { loadSimRuns } from './sim-source.ts';

export interface CompareRequest {
  readonly simulated: string;
  readonly measured: string;
  /** Output directory; default results/compare/<scenario>/ (relative to the working directory). */
  readonly outDir?: string;
  readonly point?: string;
  readonly charts?: boolean;
  readonly options?: Omit<CompareOptions, 'point' | 'simulatedSource'>;
}

export interface CompareResult {
  readonly comparison: Comparison;
  readonly outDir: string;
  readonly htmlPath: string;
  readonly jsonPath: string;
  readonly charts: readonly string[];
}

const CAPTIONS = {
  coverage: 'The measured curve (dashed) should run inside the shaded band, which holds the central 95 % of the simulated seeds; '
    + 'where it leaves the band, the model is too fast (curve left of the band) or too slow (right of it) at that stage of the spread.',
  arrivals: 'Curves that coincide mean the simulator predicts when nodes receive the adapter; a horizontal offset is a systematic '
    + 'delay (discovery, setup or goodput), a different slope a different spread mechanism.',
  nodes: 'Dots outside their bar point at the nodes (and so the encounters) the model gets wrong.',
  transfers: 'More measured interruptions than simulated ones means contacts end mid-transfer more often than the model thinks '
    + '(goodput too optimistic, or drops not modelled).',
} as const;

/** Measured spread with adapter names mapped to the simulated names. */
function measuredSpread(c: Comparison, measured: RunData): SpreadRow[] {
  const byMeasured = new Map(c.alignment.adapters.map((p) => [p.measured, p.adapter]));
  return measured.spread.filter((r) => byMeasured.has(r.adapter)).map((r) => ({ ...r, adapter: byMeasured.get(r.adapter)! }));
}

function arrivalRows(c: Comparison, sims: readonly RunData[], measured: RunData) {
  const rows: Array<Record<string, string | number | null>> = [];
  const add = (source: string, run: RunData, adapterName: string, key: string) => {
    const a = run.adapters.find((x) => x.key === key);
    if (!a) return;
    for (const x of run.arrivals.filter((y) => y.adapter === key)) {
      rows.push({ source, seed: run.seed, adapter: adapterName, node: x.node, arrival_s: x.t, after_publication_s: Math.max(0, x.t - a.publishedAt) });
    }
  };
  for (const p of c.alignment.adapters) {
    for (const r of sims) add('simulated', r, p.adapter, p.simulated);
    add('measured', measured, p.adapter, p.measured);
  }
  return rows;
}

export async function runComparison(req: CompareRequest): Promise<CompareResult> {
  const selection = await loadSimRuns(req.simulated, req.point);
  const measured = await loadMeasured(req.measured);
  const comparison = compareRuns(selection.runs, measured, { ...req.options, simulatedSource: req.simulated, point: selection.point });
  const outDir = req.outDir ?? join('results', 'compare', comparison.simulated.scenario.replace(/[^\w.-]+/g, '_'));
  await mkdir(outDir, { recursive: true });

  const adapters = comparison.adapters.map((a) => a.adapter);
  const end = Math.max(comparison.simulated.endSeconds, measured.endSeconds);
  const mSpread = measuredSpread(comparison, measured);
  const steps = selection.runs.flatMap((r) => r.spread.map((s) => s.time_s));
  const band = percentileBand(selection.runs.map((r) => r.spread), adapters, stepGrid(end, [...steps, ...mSpread.map((s) => s.time_s)]), comparison.criteria.level);

  const jsonPath = join(outDir, 'comparison.json');
  await writeFile(jsonPath, `${JSON.stringify(comparison, null, 2)}\n`);
  await writeFile(join(outDir, 'coverage-band.csv'), toCsv(['time_s', 'adapter', 'mean', 'lo', 'hi', 'runs'], band.map((b) => ({ ...b }))));
  await writeFile(join(outDir, 'measured-spread.csv'), toCsv(SPREAD_COLUMNS, mSpread));
  await writeFile(join(outDir, 'arrivals.csv'), toCsv(['source', 'seed', 'adapter', 'node', 'arrival_s', 'after_publication_s'], arrivalRows(comparison, selection.runs, measured)));

  const charts: ComparisonChart[] = [];
  const htmlPath = join(outDir, 'comparison.html');
  if (req.charts !== false) {
    // Arrival samples after publication, per adapter, for the ECDF chart.
    const samples = comparison.alignment.adapters.map((p) => ({
      adapter: p.adapter,
      simulated: selection.runs.flatMap((r) => {
        const a = r.adapters.find((x) => x.key === p.simulated);
        return a ? arrivalSample(r, a) : [];
      }),
      measured: arrivalSample(measured, measured.adapters.find((x) => x.key === p.measured)!),
    }));
    const maxAfter = Math.max(1, ...samples.flatMap((s) => [...s.simulated, ...s.measured]).filter((x): x is number => x !== null));
    const plans: Array<{ name: string; title: string; caption: string; spec: TopLevelSpec | null }> = [
      {
        name: 'coverage', title: 'Coverage over time', caption: CAPTIONS.coverage,
        spec: comparisonChartSpec(band, mSpread, {
          endSeconds: end,
          subtitle: 'Per adapter: share of nodes holding it; simulated mean over seeds with the central 95 % of seeds shaded, against the measured run (dashed)',
        }),
      },
      { name: 'arrivals', title: 'Arrival-time distributions', caption: CAPTIONS.arrivals, spec: arrivalChartSpec(samples, maxAfter * 1.05) },
      { name: 'nodes', title: 'Arrival per node', caption: CAPTIONS.nodes, spec: comparison.nodes.length > 0 && comparison.nodes.length <= 600 ? nodeChartSpec(comparison, maxAfter * 1.05) : null },
      { name: 'transfers', title: 'Transfers and interruptions', caption: CAPTIONS.transfers, spec: transfersChartSpec(comparison) },
    ];
    for (const p of plans) {
      if (!p.spec) continue;
      const out = await renderChart(p.spec, join(outDir, 'charts'), p.name);
      charts.push({ name: p.name, title: p.title, caption: p.caption, svg: out.svg });
    }
  }
  await writeFile(htmlPath, renderComparisonHtml(comparison, charts));
  return { comparison, outDir, htmlPath, jsonPath, charts: charts.map((c) => c.name) };
}
