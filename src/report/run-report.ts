/**
 * One call for producers (`gossip sim`, `gossip emulate`, trial import) to turn a run's data into
 * its output directory: `writeRunData` (summary.json, CSVs, resolved-scenario.yaml),
 * `writeRunReport` (charts/*.svg + *.png and report.html) or both with `writeRunOutputs`.
 * Owns which charts a run report holds, their captions and the highlight sentences.
 * Knows nothing about how the run was produced.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { coverageMapSpec } from './charts/coverage-map.ts';
import { qualityChartSpec } from './charts/quality-chart.ts';
import { spreadChartSpec } from './charts/spread-chart.ts';
import { STRATEGY_ORDER } from './charts/theme.ts';
import { trafficChartSpec } from './charts/traffic-chart.ts';
import { formatDuration, formatPercent } from './format.ts';
import { renderReportHtml } from './html-report.ts';
import type { ReportChart, ReportFile, StrategyQuality } from './html-report.ts';
import { renderChart } from './render.ts';
import { RUN_FILES, TABLES, rowsToCsv } from './rows.ts';
import type { CoverageRow, PlaceRow, QualityRow, SpreadRow, TrafficRow } from './rows.ts';
import { adapterLabel, serializeSummary } from './summary-schema.ts';
import type { RunSummary } from './summary-schema.ts';

export interface RunReportInput {
  readonly outDir: string;
  readonly summary: RunSummary;
  readonly spread: readonly SpreadRow[];
  readonly quality?: readonly QualityRow[];
  readonly traffic?: readonly TrafficRow[];
  readonly coverage?: readonly CoverageRow[];
  readonly places?: readonly PlaceRow[];
  /** The resolved scenario YAML (shown in the report, written by writeRunData). */
  readonly scenarioYaml?: string;
}

export interface RunReportResult {
  readonly reportPath: string;
  readonly charts: ReadonlyArray<{ readonly name: string; readonly svgPath: string; readonly pngPath: string }>;
  /** Vega-lite / vega warnings while rendering (expected empty). */
  readonly warnings: readonly string[];
}

interface ChartPlan {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

const CAPTIONS = {
  spread: 'Steep curves mean fast spread. Where a curve crosses the dashed 50 % and 90 % lines gives t50 and t90 '
    + '(in the adapter table, counted from publication); a curve that levels off below 100 % means some nodes never '
    + 'got that adapter (churn, full storage or isolated nodes).',
  quality: 'The gap between routing to specialist adapters and the merged model is the benefit of routing; quality '
    + 'should rise as adapters spread, and the base-model line is the floor. Early days are noisy when few questions were asked.',
  traffic: 'Steep stretches are the days adapters were spreading; flat stretches mean no contacts or nothing new to '
    + 'exchange. Energy grows with the data moved plus a steady cost of scanning and advertising.',
  coverage: 'Dark dots are nodes that missed adapters. Look for a place, or outlying nodes, that stay dark: they are '
    + 'poorly connected and would gain most from a kiosk or a courier.',
} as const;

/** Mean quality per strategy over the whole run, weighted by questions, in route/merge/none order. */
export function qualityByStrategy(rows: readonly QualityRow[]): StrategyQuality[] {
  return STRATEGY_ORDER.flatMap((strategy) => {
    const mine = rows.filter((r) => r.strategy === strategy && r.queries > 0 && r.quality !== null);
    const queries = rows.filter((r) => r.strategy === strategy).reduce((n, r) => n + r.queries, 0);
    if (queries === 0) return [];
    const n = mine.reduce((s, r) => s + r.queries, 0);
    const meanQuality = n === 0 ? null : mine.reduce((s, r) => s + (r.quality as number) * r.queries, 0) / n;
    return [{ strategy, queries, meanQuality }];
  });
}

/** A few plain sentences on what happened, derived from the summary only. */
export function runHighlights(summary: RunSummary, byStrategy: readonly StrategyQuality[]): string[] {
  const out: string[] = [];
  const adapters = summary.adapters;
  if (adapters.length > 0) {
    const reached = adapters.filter((a) => a.t90 !== null).sort((a, b) => (a.t90 as number) - (b.t90 as number));
    const fastest = reached[0];
    let s = `${reached.length} of ${adapters.length} adapters reached 90 % of the ${summary.nodes} nodes`;
    if (fastest) s += `; fastest: ${adapterLabel(fastest)} in ${formatDuration(fastest.t90)} after publication`;
    out.push(`${s}.`);
    const missed = adapters.filter((a) => a.t90 === null);
    if (missed.length > 0)
      out.push(`Never reached 90 %: ${missed.map((a) => `${adapterLabel(a)} (final coverage ${formatPercent(a.finalCoverage)})`).join(', ')}.`);
  }
  if (byStrategy.length > 1)
    out.push(`Mean answer quality: ${byStrategy.map((b) => `${b.strategy} ${formatPercent(b.meanQuality)}`).join(', ')}.`);
  const t = summary.transfers;
  if (t.started > 0)
    out.push(`${formatPercent(t.interrupted / t.started)} of started transfers were interrupted; ${t.resumed} resumed from chunks already held.`);
  return out;
}

function chartPlans(input: RunReportInput): ChartPlan[] {
  const { summary } = input;
  const end = summary.simulatedSeconds > 0 ? summary.simulatedSeconds : undefined;
  const plans: ChartPlan[] = [];
  const present = new Set(input.spread.map((r) => r.adapter));
  if (input.spread.length > 0) {
    const order = [...summary.adapters.map(adapterLabel).filter((l) => present.has(l)), ...present];
    plans.push({ name: 'spread', title: 'Adapter spread', caption: CAPTIONS.spread, spec: spreadChartSpec(input.spread, { adapterOrder: [...new Set(order)], endSeconds: end }) });
  }
  if ((input.quality ?? []).some((r) => r.queries > 0))
    plans.push({ name: 'quality', title: 'Answer quality over time', caption: CAPTIONS.quality, spec: qualityChartSpec(input.quality ?? [], { endSeconds: end }) });
  if ((input.traffic ?? []).length > 0)
    plans.push({ name: 'traffic', title: 'Data moved and energy used', caption: CAPTIONS.traffic, spec: trafficChartSpec(input.traffic ?? [], { endSeconds: end }) });
  if ((input.coverage ?? []).length > 0)
    plans.push({ name: 'coverage-map', title: 'Coverage map', caption: CAPTIONS.coverage, spec: coverageMapSpec(input.coverage ?? [], input.places ?? [], { totalAdapters: summary.adapters.length }) });
  return plans;
}

const FILE_DESCRIPTIONS: ReadonlyArray<readonly [string, string]> = [
  [RUN_FILES.summary, 'run summary (schema: docs/summary.schema.json)'],
  [RUN_FILES.scenario, 'every setting this run used, with seed and package version'],
  [RUN_FILES.spread, 'nodes holding each adapter over time'],
  [RUN_FILES.quality, 'answer quality per time bin and strategy'],
  [RUN_FILES.traffic, 'cumulative bytes and energy over time'],
  [RUN_FILES.coverage, 'final position and adapter count of every node'],
  [RUN_FILES.places, 'named places of the village map'],
];

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Render the charts into `<outDir>/charts/` and write `<outDir>/report.html` (links only files that exist). */
export async function writeRunReport(input: RunReportInput): Promise<RunReportResult> {
  const chartsDir = join(input.outDir, RUN_FILES.chartsDir);
  const plans = chartPlans(input);
  const rendered = await Promise.all(plans.map((p) => renderChart(p.spec, chartsDir, p.name)));
  const charts: ReportChart[] = plans.map((p, i) => ({
    name: p.name, title: p.title, caption: p.caption, svg: rendered[i]?.svg ?? '',
    pngHref: `${RUN_FILES.chartsDir}/${p.name}.png`, svgHref: `${RUN_FILES.chartsDir}/${p.name}.svg`,
  }));
  const files: ReportFile[] = [];
  for (const [file, description] of FILE_DESCRIPTIONS)
    if (await exists(join(input.outDir, file))) files.push({ href: file, description });
  const byStrategy = qualityByStrategy(input.quality ?? []);
  const html = renderReportHtml({
    summary: input.summary, charts, files, qualityByStrategy: byStrategy,
    highlights: runHighlights(input.summary, byStrategy), scenarioYaml: input.scenarioYaml,
  });
  const reportPath = join(input.outDir, RUN_FILES.report);
  await writeFile(reportPath, html);
  return {
    reportPath,
    charts: plans.map((p, i) => ({ name: p.name, svgPath: rendered[i]?.svgPath ?? '', pngPath: rendered[i]?.pngPath ?? '' })),
    warnings: rendered.flatMap((r) => r.warnings),
  };
}

/** Write summary.json, spread.csv and each other CSV whose rows are given, and resolved-scenario.yaml when given. */
export async function writeRunData(input: RunReportInput): Promise<string[]> {
  await mkdir(input.outDir, { recursive: true });
  const writes: Array<[string, string]> = [
    [RUN_FILES.summary, serializeSummary(input.summary)],
    [RUN_FILES.spread, rowsToCsv(TABLES.spread, input.spread)],
  ];
  if (input.quality) writes.push([RUN_FILES.quality, rowsToCsv(TABLES.quality, input.quality)]);
  if (input.traffic) writes.push([RUN_FILES.traffic, rowsToCsv(TABLES.traffic, input.traffic)]);
  if (input.coverage) writes.push([RUN_FILES.coverage, rowsToCsv(TABLES.coverage, input.coverage)]);
  if (input.places) writes.push([RUN_FILES.places, rowsToCsv(TABLES.places, input.places)]);
  if (input.scenarioYaml !== undefined) writes.push([RUN_FILES.scenario, input.scenarioYaml]);
  await Promise.all(writes.map(([file, text]) => writeFile(join(input.outDir, file), text)));
  return writes.map(([file]) => join(input.outDir, file));
}

/** writeRunData then writeRunReport: everything a run directory holds. */
export async function writeRunOutputs(input: RunReportInput): Promise<RunReportResult & { readonly dataFiles: readonly string[] }> {
  const dataFiles = await writeRunData(input);
  const report = await writeRunReport(input);
  return { ...report, dataFiles };
}
