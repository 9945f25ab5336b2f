/**
 * `gossip compare <simDir|sweepDir> <measured>`: simulated vs measured propagation; writes
 * comparison.json, charts and comparison.html, and prints the per-adapter verdict.
 */
import type { Argv, CommandModule } from 'yargs';
import { resolve } from 'node:path';

export const compareCommand: CommandModule = {
  command: 'compare <simulated> <measured>',
  describe: 'Compare simulated runs (a run or a sweep directory) with measured propagation (trial.jsonl, a run directory, or an arrivals CSV)',
  builder: (y: Argv) =>
    y
      .positional('simulated', { type: 'string', demandOption: true, describe: 'a run directory of gossip sim, or a sweep directory of gossip sweep (all seeds of one grid point)' })
      .positional('measured', { type: 'string', demandOption: true, describe: 'a trial directory (trial.jsonl), a run directory (summary.json + spread.csv), or a CSV adapter,node,arrival_s (docs/trial-log.md)' })
      .option('out', { type: 'string', describe: 'output directory (default results/compare/<scenario>/)' })
      .option('point', { type: 'string', describe: 'grid point of a sweep with several (as named by its folder, e.g. "groups.phones.count=8")' })
      .option('charts', { type: 'boolean', default: true, describe: 'render charts (--no-charts to skip)' })
      .option('check', { type: 'boolean', default: false, describe: 'exit with status 3 when a measured t50/t90 is outside the simulated interval or tolerance' })
      .example('$0 compare results/validation/sweep results/validation/trial', 'a sweep of 20 seeds against an emulated trial')
      .example('$0 compare results/village/sweep testbed-arrivals.csv --point base', 'another testbed\'s arrivals'),
  handler: async (argv) => {
    const { runComparison } = await import('../../compare/index.ts');
    const simulated = String(argv.simulated);
    const measured = String(argv.measured);
    const r = await runComparison({
      simulated, measured, outDir: argv.out === undefined ? undefined : resolve(String(argv.out)),
      point: argv.point === undefined ? undefined : String(argv.point), charts: Boolean(argv.charts),
    });
    const c = r.comparison;
    const time = (x: number | null) => (x === null ? 'never' : x < 600 ? `${x.toFixed(1)} s` : x < 172_800 ? `${(x / 3600).toFixed(2)} h` : `${(x / 86_400).toFixed(2)} d`);
    const pct = (x: number | null) => (x === null ? '   –   ' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`);
    const fig = (name: string, f: (typeof c.adapters)[number]['t50']) =>
      `${name} ${time(f.measured)} vs ${time(f.simulated.median)} [${time(f.simulated.lo)} – ${time(f.simulated.hi)}] ${pct(f.relativeError).padStart(8)} ${f.pass ? 'ok ' : 'OUT'}`;
    const lines = [
      `${c.simulated.scenario}: ${c.simulated.runs} simulated seed${c.simulated.runs === 1 ? '' : 's'} (${c.simulated.nodes} nodes) vs measured ${c.measured.kind} (${c.measured.nodes} nodes)`,
      `measured vs simulated median [central ${Math.round(c.criteria.level * 100)} % of seeds], relative error; pass = inside and within ${Math.round(c.criteria.tolerance * 100)} %`,
      ...c.adapters.map((a) => `  ${a.adapter.padEnd(20)} ${fig('t50', a.t50)}  ${fig('t90', a.t90)}  KS ${a.arrivals.distance === null ? '–' : a.arrivals.distance.toFixed(3)}`),
      ...c.warnings.map((w) => `warning: ${w}`),
      `${c.pass ? 'PASS' : 'FAIL'}: ${c.adapters.filter((a) => a.pass).length}/${c.adapters.length} adapters inside the simulated interval and tolerance`,
      `wrote ${r.outDir}`,
      `report ${r.htmlPath}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (argv.check && !c.pass) process.exitCode = 3;
  },
};
