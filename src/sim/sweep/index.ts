/** Public API of sweeps: job grids, one job, the worker pool with aggregation. */
export { buildJobs, parseAxes, parseSeeds, parseShard, type GridAxis, type SweepJob } from './grid.ts';
export { runJob, type JobResult } from './job.ts';
export { runSweep, type SweepOptions } from './run-sweep.ts';
