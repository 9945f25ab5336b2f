/**
 * Writes an emulated trial's run directory in the layout `gossip sim` uses: summary.json,
 * spread.csv, traffic.csv, resolved-scenario.yaml (the resolved trial), transfers.csv, and — unless
 * disabled — charts and report.html (trial.jsonl, packets/ and nodes/ are already there).
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { toCsv } from '../../report/csv.ts';
import { writeRunData, writeRunOutputs, type RunSummary } from '../../report/index.ts';
import { resolvedTrialYaml, type Trial } from './load-trial.ts';
import type { TrialRun } from './runner.ts';
import { TRANSFER_COLUMNS, trialOutputs } from './trial-summary.ts';

export const PACKAGE_VERSION: string = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;

export interface WrittenTrial {
  readonly summary: RunSummary;
  readonly reportPath: string | undefined;
}

export async function writeTrialRun(trial: Trial, run: TrialRun, outDir: string, charts = true): Promise<WrittenTrial> {
  const out = trialOutputs({
    name: trial.name, seed: trial.seed, packageVersion: PACKAGE_VERSION, nodes: trial.nodes, adapters: run.prepared.adapters,
    records: run.records, seconds: run.seconds, wallSeconds: run.wallSeconds,
  });
  const input = { outDir, summary: out.summary, spread: out.spread, traffic: out.traffic, scenarioYaml: resolvedTrialYaml(trial, PACKAGE_VERSION) };
  let reportPath: string | undefined;
  if (charts) reportPath = (await writeRunOutputs(input)).reportPath;
  else await writeRunData(input);
  await writeFile(join(outDir, 'transfers.csv'), toCsv([...TRANSFER_COLUMNS], out.transfers));
  return { summary: out.summary, reportPath };
}
