/**
 * Runs a ONE-compatible scenario with its reports attached and writes the report files
 * (`<Scenario.name>_<Report>.txt`) to an output folder (default `results/one/<Scenario.name>/`).
 * The glue between scenario loading, the engine and the reports; no formatting rules of its own.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OneReportName } from './config.ts';
import { simulateOne } from './engine.ts';
import type { OneEngineOptions } from './engine.ts';
import { DeliveredMessagesReport } from './reports/delivered-messages-report.ts';
import { EventLogReport } from './reports/event-log-report.ts';
import { MessageStatsReport } from './reports/message-stats-report.ts';
import type { OneMessageStats } from './reports/message-stats-report.ts';
import { ReportSet } from './reports/report-set.ts';
import { loadOneScenario } from './scenario.ts';
import type { OneScenario } from './scenario.ts';

export interface OneRunResult {
  readonly scenarioName: string;
  readonly stats: OneMessageStats;
  /** Report file name → contents (text or UTF-8 bytes), for the reports the settings asked for. */
  readonly reports: ReadonlyMap<string, string | Uint8Array>;
  readonly hostUpdates: number;
  readonly rounds: number;
}

/** Simulates `scn` and renders its reports (no file I/O). */
export function runOneScenario(scn: OneScenario, options: OneEngineOptions = {}): OneRunResult {
  const stats = new MessageStatsReport(scn.name, scn.messages.ids.length);
  const delivered = new DeliveredMessagesReport(scn.hostNames, scn.messages);
  const log = new EventLogReport(scn.hostNames, scn.messages.ids);
  const engine = simulateOne(scn, new ReportSet(log, stats, delivered), options);
  const renderers: Record<OneReportName, () => string | Uint8Array> = {
    MessageStatsReport: () => stats.render(),
    DeliveredMessagesReport: () => delivered.render(),
    EventLogReport: () => log.bytes(),
  };
  const reports = new Map<string, string | Uint8Array>();
  for (const r of scn.reports) reports.set(`${scn.name}_${r}.txt`, renderers[r]());
  return { scenarioName: scn.name, stats: stats.stats(), reports, hostUpdates: engine.hostUpdates, rounds: engine.rounds };
}

/** Writes every report into `outDir` (created if needed); returns the paths written. */
export function writeOneReports(result: OneRunResult, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const paths: string[] = [];
  for (const [name, text] of result.reports) {
    const p = join(outDir, name);
    writeFileSync(p, text);
    paths.push(p);
  }
  return paths;
}

/** A report's contents as text. */
export function reportText(result: OneRunResult, reportName: OneReportName): string | undefined {
  const r = result.reports.get(`${result.scenarioName}_${reportName}.txt`);
  return r === undefined || typeof r === 'string' ? r : Buffer.from(r.buffer, r.byteOffset, r.byteLength).toString('utf8');
}

export interface OneRunOptions extends OneEngineOptions {
  /** Output folder; default `results/one/<Scenario.name>/`. */
  readonly outDir?: string;
}

/** `gossip one run`: settings files in, report files out. */
export function runOne(settingsPaths: readonly string[], options: OneRunOptions = {}): OneRunResult & { outDir: string; files: string[] } {
  const scn = loadOneScenario(settingsPaths);
  const result = runOneScenario(scn, options);
  const outDir = options.outDir ?? join('results', 'one', scn.name);
  return { ...result, outDir, files: writeOneReports(result, outDir) };
}
