/** `gossip sim <scenario.yaml>`: run one seeded simulation and write its run directory. */
import type { Argv, CommandModule } from 'yargs';
import { join, resolve } from 'node:path';
import { progressBar } from '../progress.ts';
import { UserError } from '../user-error.ts';

export function seedOption(value: unknown): number | string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^-?\d+$/.test(s)) throw new UserError(`--seed: expected an integer, got "${s}"`);
  return Number(s);
}

export const simCommand: CommandModule = {
  command: 'sim <scenario>',
  describe: 'Simulate a scenario: adapters gossiped across a village of BLE devices; writes results, charts and report.html',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario YAML (see docs/scenario.md)' })
      .option('seed', { type: 'string', describe: 'seed (default: the scenario\'s seed)' })
      .option('out', { type: 'string', describe: 'run directory (default results/<scenario>/<seed>/)' })
      .option('set', { type: 'string', array: true, default: [], describe: 'override a scenario field: key=value (repeatable)' })
      .option('charts', { type: 'boolean', default: true, describe: 'render charts and report.html (--no-charts to skip)' })
      .example('$0 sim scenarios/village.yaml', 'the default village')
      .example('$0 sim scenarios/village.yaml --seed 7 --set duration=2d --set groups.farmers.count=50', 'overrides'),
  handler: async (argv) => {
    // Loaded on use: keeps `gossip --help` and the other commands fast to start.
    const { resolveScenario } = await import('../../sim/scenario/index.ts');
    const { Simulation, writeSimRun } = await import('../../sim/engine/index.ts');
    const { scenario, resolvedYaml } = resolveScenario(String(argv.scenario), argv.set as string[], seedOption(argv.seed));
    const t0 = performance.now();
    const sim = new Simulation(scenario);
    const bar = progressBar(`sim ${scenario.name}`);
    const slices = 200;
    for (let k = 1; k <= slices; k++) {
      sim.run(Math.round((scenario.duration * k) / slices));
      bar.update(sim.progress, `${(sim.kernel.now / 86_400e6).toFixed(1)} d simulated, ${sim.kernel.eventsProcessed.toLocaleString('en')} events`);
    }
    const result = sim.result();
    bar.stop();
    const wall = (performance.now() - t0) / 1000;
    const outDir = resolve(String(argv.out ?? join('results', scenario.name, String(result.seed))));
    const written = await writeSimRun(outDir, result, resolvedYaml, wall, Boolean(argv.charts));
    const s = written.summary;
    const fmt = (x: number | null) => (x === null ? 'never' : x < 3600 ? `${(x / 60).toFixed(0)} min` : x < 172800 ? `${(x / 3600).toFixed(1)} h` : `${(x / 86400).toFixed(1)} d`);
    const lines = [
      `${s.scenario} (seed ${s.seed}): ${s.nodes} nodes, ${(s.simulatedSeconds / 86400).toFixed(1)} days simulated in ${wall.toFixed(1)} s (${s.events.toLocaleString('en')} events, ${Math.round(s.eventsPerSecond).toLocaleString('en')}/s)`,
      `transfers: ${s.transfers.started} started, ${s.transfers.completed} completed, ${s.transfers.interrupted} interrupted, ${s.transfers.resumed} resumed; ${s.bytesTransferred >= 1e9 ? `${(s.bytesTransferred / 1e9).toFixed(2)} GB` : `${(s.bytesTransferred / 1e6).toFixed(1)} MB`} moved`,
      ...s.adapters.map((a) => `  ${a.id.padEnd(22)} t50 ${fmt(a.t50).padStart(8)}  t90 ${fmt(a.t90).padStart(8)}  t100 ${fmt(a.t100).padStart(8)}  coverage ${(a.finalCoverage * 100).toFixed(0)} %`),
      `questions: ${s.queries.total} (${s.queries.bySpecialist} by a specialist, ${s.queries.byBase} by the base model), mean quality ${s.queries.meanQuality === null ? 'n/a' : s.queries.meanQuality.toFixed(3)}`,
      `wrote ${outDir}${argv.charts ? `\nreport ${written.reportPath}` : ''}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  },
};
