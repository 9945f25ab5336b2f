/** `gossip sweep <scenario.yaml>`: seeds × parameter grids in worker threads, aggregated with 95 % CIs. */
import type { Argv, CommandModule } from 'yargs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { progressBar } from '../progress.ts';
import { UserError } from '../user-error.ts';

export const sweepCommand: CommandModule = {
  command: 'sweep <scenario>',
  describe: 'Run a scenario over seeds and parameter grids in parallel; aggregate means and 95 % confidence intervals',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true })
      .option('seeds', { type: 'string', default: '1..10', describe: 'seeds: A..B or a,b,c' })
      .option('set', { type: 'string', array: true, default: [], describe: 'key=v1,v2,... sweeps a field (Cartesian product over several --set); key=value fixes one' })
      .option('workers', { type: 'number', describe: 'worker threads (default: cores)' })
      .option('shard', { type: 'string', describe: 'run only shard i of N (i/N) of the job list' })
      .option('out', { type: 'string', describe: 'sweep directory (default results/<scenario>/sweep/)' })
      .example('$0 sweep scenarios/village.yaml --seeds 1..20 --set groups.farmers.policy=epidemic,rarest-first', 'policy comparison'),
  handler: async (argv) => {
    const { resolveScenario } = await import('../../sim/scenario/index.ts');
    const { buildJobs, parseAxes, parseSeeds, parseShard, runSweep } = await import('../../sim/sweep/index.ts');
    const file = String(argv.scenario);
    const seeds = parseSeeds(String(argv.seeds));
    const axes = parseAxes(argv.set as string[]);
    const swept = axes.filter((a) => a.values.length > 1);
    const fixed = axes.filter((a) => a.values.length === 1).map((a) => `${a.key}=${a.values[0]}`);
    // Validate every grid point once up front, so a bad value fails before any worker starts.
    const jobs = buildJobs(seeds, swept, parseShard(argv.shard as string | undefined));
    const checked = new Set<string>();
    let name = basename(file).replace(/\.ya?ml$/, '');
    for (const j of jobs) {
      if (checked.has(j.point)) continue;
      checked.add(j.point);
      name = resolveScenario(file, [...fixed, ...j.overrides]).scenario.name;
    }
    const workers = Math.max(1, Math.min(Number(argv.workers ?? availableParallelism()), jobs.length));
    if (!Number.isInteger(workers)) throw new UserError(`--workers: expected an integer, got ${argv.workers}`);
    const outDir = resolve(String(argv.out ?? join('results', name, 'sweep')));
    const bar = progressBar(`sweep ${name}`);
    const t0 = performance.now();
    const { results, reportPath } = await runSweep({
      scenarioFile: resolve(file), baseOverrides: fixed, jobs, axes: swept, outDir, workers,
      onProgress: (done, total) => bar.update(done / total, `${done}/${total} runs`),
    });
    bar.stop();
    process.stdout.write(`${results.length} runs (${swept.length ? swept.map((a) => `${a.key} × ${a.values.length}`).join(', ') + ', ' : ''}${seeds.length} seeds) on ${workers} workers in ${((performance.now() - t0) / 1000).toFixed(1)} s\nwrote ${outDir}\nreport ${reportPath}\n`);
  },
};
