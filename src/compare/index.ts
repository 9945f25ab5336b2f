/**
 * Public API of src/compare: simulated vs measured propagation (`gossip compare`), the readers of
 * simulated runs and of measured data (trial logs, arrivals CSVs, run directories), the comparison
 * and its outputs, and the calibration helpers that bring measured timings into the simulator
 * (answer time from a profile's inference part, discovery latency from a measured distribution).
 */
export type { AdapterRun, Arrival, RunData, RunKind, TransferCounts, Crossings } from './run-data.ts';
export { arrivalTimesOf, crossings, firstArrivals, spreadFromArrivals } from './run-data.ts';
export { loadSimRun, scenarioFacts } from './sim-run.ts';
export { findRunDirs, loadSimRuns } from './sim-source.ts';
export type { SimSelection } from './sim-source.ts';
export { parseTrialLog } from './trial-log.ts';
export type { TrialLog } from './trial-log.ts';
export { ARRIVALS_CSV, TRIAL_LOG, loadMeasured } from './measured-source.ts';
export { ARRIVALS_TABLE, ArrivalRowSchema, TRANSFERS_TABLE, TransferRowSchema } from './tables.ts';
export type { ArrivalRow, TransferRow } from './tables.ts';
export { alignAdapters, alignNodes } from './align.ts';
export type { AdapterAlignment, AdapterPair, NodeAlignment, NodeMatchMethod } from './align.ts';
export { DEFAULT_LEVEL, DEFAULT_TOLERANCE, checkFigure, figureStats, quantileSorted } from './interval.ts';
export type { FigureCheck, FigureStats } from './interval.ts';
export { COMPARISON_SCHEMA, arrivalSample, compareRuns } from './comparison.ts';
export type { AdapterComparison, Comparison, CompareOptions, KsResult, NodeArrival } from './comparison.ts';
export { percentileBand, stepGrid } from './band.ts';
export { arrivalChartSpec, ecdfPoints, nodeChartSpec, transfersChartSpec } from './charts.ts';
export { renderComparisonHtml } from './comparison-html.ts';
export { runComparison } from './write-comparison.ts';
export type { CompareRequest, CompareResult } from './write-comparison.ts';
export { answerTime, medianAnswerTime, TYPICAL_REQUEST } from './answer-time.ts';
export type { AdapterState, AnswerRequest, AnswerTime } from './answer-time.ts';
export { withMeasuredDiscovery } from '../sim/build/measured-discovery.ts';
export { calibrateProfileFromTrial, fitLink, trialLinkSamples } from './trial-calibration.ts';
export type { FittedLink, TrialLinkSamples } from './trial-calibration.ts';
