/**
 * `gossip one run <settings..> [--out DIR]`: replays a The ONE settings file in the
 * ONE-compatible mode and writes The ONE's reports. Thin: parse, call, print. The engine is
 * loaded only when the command runs, so other commands do not pay for it.
 */
import type { Argv, CommandModule } from 'yargs';

interface RunArgs {
  settings: string[];
  out?: string;
}

const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <settings..>',
  describe: 'Run The ONE settings file(s) (later files override earlier ones) and write MessageStats, EventLog and DeliveredMessages reports',
  builder: (y: Argv<object>) =>
    y
      .positional('settings', { type: 'string', array: true, demandOption: true, describe: 'The ONE settings file(s)' })
      .option('out', { type: 'string', describe: 'output folder (default results/one/<Scenario.name>/)' }) as unknown as Argv<RunArgs>,
  handler: async (argv) => {
    const started = performance.now();
    const { runOne } = await import('../../sim/one/index.ts');
    const r = runOne(argv.settings, argv.out === undefined ? {} : { outDir: argv.out });
    const wallMs = performance.now() - started;
    const s = r.stats;
    process.stdout.write(
      `${r.scenarioName}: created ${s.created}, started ${s.started}, relayed ${s.relayed}, aborted ${s.aborted}, delivered ${s.delivered}\n` +
        `sim time ${s.simTime.toFixed(1)} s, wall ${wallMs.toFixed(0)} ms; reports in ${r.outDir}\n`,
    );
  },
};

export const oneCommand: CommandModule<object, object> = {
  command: 'one',
  describe: 'The ONE-compatible mode (checks our engine against The ONE simulator)',
  builder: (y: Argv<object>) => y.command(runCommand as unknown as CommandModule<object, object>).demandCommand(1, 'Name a subcommand: one run <settings..>'),
  handler: () => {},
};
