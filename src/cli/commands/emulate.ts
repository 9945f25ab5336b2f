/** `gossip emulate <trial.yaml>`: N node processes with real noble/bleno stacks on one virtual air; writes the run directory. */
import type { Argv, CommandModule } from 'yargs';
import { join, resolve } from 'node:path';

const fmt = (x: number | null) => (x === null ? 'never' : `${x.toFixed(1)} s`);

export const emulateCommand: CommandModule = {
  command: 'emulate <trial>',
  describe: 'Run an emulated trial: one process per node, real noble/bleno stacks over the virtual air, a contact schedule, wall-clock time; writes trial.jsonl, summary.json, charts and report.html',
  builder: (y: Argv) =>
    y
      .positional('trial', { type: 'string', demandOption: true, describe: 'trial YAML (see docs/ble.md)' })
      .option('out', { type: 'string', describe: 'run directory (default results/<trial>/emulate/)' })
      .option('charts', { type: 'boolean', default: true, describe: 'render charts and report.html (--no-charts to skip)' })
      .example('$0 emulate scenarios/trials/three-hop.yaml', 'an adapter hops A -> B -> C'),
  handler: async (argv) => {
    const { loadTrial, runTrial, writeTrialRun } = await import('../../hw/trial/index.ts');
    const trial = loadTrial(String(argv.trial));
    const outDir = resolve(String(argv.out ?? join('results', trial.name, 'emulate')));
    const run = await runTrial(trial, { outDir, onLine: (l) => process.stderr.write(`${l}\n`) });
    const { summary: s, reportPath } = await writeTrialRun(trial, run, outDir, Boolean(argv.charts));
    const lines = [
      `${s.scenario} (emulated, seed ${s.seed}): ${s.nodes} nodes, ${s.simulatedSeconds.toFixed(1)} s trial, ${run.wallSeconds.toFixed(1)} s wall, `
        + `CPU ${run.cpu.runner.toFixed(1)} s runner + ${run.cpu.nodes.toFixed(1)} s nodes; ended: ${run.endReason}`,
      `transfers: ${s.transfers.started} started, ${s.transfers.completed} completed, ${s.transfers.interrupted} interrupted, ${s.transfers.resumed} resumed; ${(s.bytesTransferred / 1e6).toFixed(2)} MB moved`,
      ...s.adapters.map((a) => `  ${a.id.padEnd(22)} t50 ${fmt(a.t50).padStart(8)}  t90 ${fmt(a.t90).padStart(8)}  t100 ${fmt(a.t100).padStart(8)}  coverage ${(a.finalCoverage * 100).toFixed(0)} %`),
      `wrote ${outDir} (trial.jsonl, summary.json${reportPath ? `, report ${reportPath}` : ''})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (run.endReason === 'node-failed') process.exitCode = 1;
  },
};
