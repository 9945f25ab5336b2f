/**
 * Runs one sweep job (scenario + overrides + seed) to its run directory and returns the figures
 * the sweep aggregates. Used both in worker threads and in-process (--workers 1).
 */
import { join } from 'node:path';
import { resolveScenario } from '../scenario/index.ts';
import { Simulation, writeSimRun } from '../engine/index.ts';
import type { RunSummary } from '../../report/index.ts';
import type { SweepJob } from './grid.ts';

export interface JobRequest {
  readonly scenarioFile: string;
  readonly baseOverrides: readonly string[];
  readonly job: SweepJob;
  readonly outDir: string;
}

export interface JobResult {
  readonly job: SweepJob;
  readonly runDir: string;
  readonly summary: RunSummary;
}

export function runDirName(job: SweepJob): string {
  const point = job.point ? job.point.replace(/[^A-Za-z0-9._=-]+/g, '_') : 'base';
  return join(point, `seed-${job.seed}`);
}

export async function runJob(req: JobRequest): Promise<JobResult> {
  const { scenario, resolvedYaml } = resolveScenario(req.scenarioFile, [...req.baseOverrides, ...req.job.overrides], req.job.seed);
  const t0 = performance.now();
  const result = new Simulation(scenario).result();
  const wall = (performance.now() - t0) / 1000;
  const runDir = join(req.outDir, runDirName(req.job));
  const { summary } = await writeSimRun(runDir, result, resolvedYaml, wall, false);
  return { job: req.job, runDir, summary };
}
