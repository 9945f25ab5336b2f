/** `gossip bench`: simulator throughput (kernel events/s and end-to-end events/s on a scenario). */
import type { Argv, CommandModule } from 'yargs';

export const benchCommand: CommandModule = {
  command: 'bench',
  describe: 'Measure simulator throughput: kernel events/s and end-to-end events/s (medians)',
  builder: (y: Argv) =>
    y
      .option('scenario', { type: 'string', default: 'scenarios/village.yaml', describe: 'scenario for the end-to-end figure' })
      .option('set', { type: 'string', array: true, default: [], describe: 'scenario overrides key=value' })
      .option('runs', { type: 'number', default: 3, describe: 'repetitions (median reported)' }),
  handler: async (argv) => {
    const { kernelHold, endToEnd, median } = await import('../../sim/bench/throughput.ts');
    const runs = Math.max(1, Number(argv.runs));
    const out = (s: string) => process.stdout.write(s + '\n');
    kernelHold(1000, 200_000);
    const k = Array.from({ length: Math.max(3, runs) }, () => kernelHold(1000, 2_000_000));
    out(`kernel: ${(median(k) / 1e6).toFixed(2)} M events/s median (hold model, queue 1k, ${k.length} runs; min ${(Math.min(...k) / 1e6).toFixed(2)}, max ${(Math.max(...k) / 1e6).toFixed(2)})`);
    const e = Array.from({ length: runs }, () => endToEnd(String(argv.scenario), argv.set as string[]));
    const wall = median(e.map((x) => x.wallSeconds));
    const eps = median(e.map((x) => x.eventsPerSecond));
    const first = e[0]!;
    out(`end to end: ${first.scenario}, ${first.nodes} nodes × ${first.simulatedDays.toFixed(1)} days: ${wall.toFixed(2)} s wall median (${runs} runs), ${first.events.toLocaleString('en')} events, ${Math.round(eps).toLocaleString('en')} events/s, RSS ${Math.round(Math.max(...e.map((x) => x.rssMB)))} MB`);
  },
};
