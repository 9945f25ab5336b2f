/**
 * Public API of src/report: the run-output contract (summary.json schema, CSV rows and file names),
 * deterministic CSV, statistics, chart specs, SVG/PNG rendering, the HTML report, and the one-call
 * writers used by `gossip sim`, `gossip emulate` and `gossip compare`.
 */
export {
  RunSummarySchema, AdapterSummarySchema, ModeSchema, StrategySchema, SUMMARY_SCHEMA_VERSION, WALL_CLOCK_FIELDS,
  adapterLabel, deterministicSummary, parseSummary, readSummary, serializeSummary, summaryJsonSchemaText,
  writeJsonSchema, writeSummary,
} from './summary-schema.ts';
export type { RunSummary, AdapterSummary, Mode, Strategy, WallClockField } from './summary-schema.ts';
export { toCsv, parseCsv, formatCsvNumber, CsvSyntaxError, DEFAULT_CSV_DECIMALS } from './csv.ts';
export type { CsvRow, CsvValue, CsvOptions, ParsedCsv } from './csv.ts';
export {
  RUN_FILES, TABLES, SPREAD_COLUMNS, QUALITY_COLUMNS, TRAFFIC_COLUMNS, COVERAGE_COLUMNS, PLACE_COLUMNS,
  SpreadRowSchema, QualityRowSchema, TrafficRowSchema, CoverageRowSchema, PlaceRowSchema,
  parseRows, readRows, rowsToCsv, writeRows,
} from './rows.ts';
export type { SpreadRow, QualityRow, TrafficRow, CoverageRow, PlaceRow, RowTable } from './rows.ts';
export {
  mean, sampleSd, quantile, confidenceInterval, summarize, ksDistance, ksPValue,
  studentTCdf, studentTQuantile, regularizedIncompleteBeta, normalQuantile,
} from './stats.ts';
export type { ConfidenceInterval, SampleSummary } from './stats.ts';
export { coverageBand, fractionAt, timeGrid } from './coverage-band.ts';
export type { CoverageBandRow } from './coverage-band.ts';
export * from './charts/index.ts';
export { renderChart, chartToSvg, chartToSvgWithWarnings, compileChart, svgToPng, chartFontFiles, PNG_SCALE } from './render.ts';
export type { RenderedChart, CompiledChart, SvgResult } from './render.ts';
export { canonicalizeSvgIds } from './svg-ids.ts';
export { escapeHtml, inlineSvg, safeHref } from './html.ts';
export { renderReportHtml } from './html-report.ts';
export type { ReportInput, ReportChart, ReportFile, StrategyQuality } from './html-report.ts';
export { formatBytes, formatCount, formatDuration, formatFixed, formatJoules, formatPercent, formatShare } from './format.ts';
export { writeRunReport, writeRunData, writeRunOutputs, qualityByStrategy, runHighlights } from './run-report.ts';
export type { RunReportInput, RunReportResult } from './run-report.ts';
export { exampleRun } from './example-run.ts';
export type { ExampleRun } from './example-run.ts';
