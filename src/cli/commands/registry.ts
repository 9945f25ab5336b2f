/**
 * Command names → loaders. `gossip <name> ...` imports only that command's module, so a command
 * never pays for loading the others (the simulator, noble/bleno, node-llama-cpp); `--help` and
 * unknown names load the full list in commands/index.ts. A test keeps both lists in step.
 */
import type { CommandModule } from 'yargs';

type Loader = () => Promise<CommandModule>;

export const COMMAND_LOADERS: Readonly<Record<string, Loader>> = {
  sim: async () => (await import('./sim.ts')).simCommand,
  sweep: async () => (await import('./sweep.ts')).sweepCommand,
  bench: async () => (await import('./bench.ts')).benchCommand,
  one: async () => (await import('./one.ts')).oneCommand,
  emulate: async () => (await import('./emulate.ts')).emulateCommand,
  hw: async () => (await import('./hw.ts')).hwCommand,
  compare: async () => (await import('./compare.ts')).compareCommand,
  keys: async () => (await import('./keys.ts')).keysCommand,
  adapter: async () => (await import('./adapter.ts')).adapterCommand,
  library: async () => (await import('./library.ts')).libraryCommand,
  model: async () => (await import('./model.ts')).modelCommand,
  ask: async () => (await import('./ask.ts')).askCommand,
  eval: async () => (await import('./merge-eval.ts')).evalCommand as CommandModule,
};

/** The command modules needed to parse `argv`: just the named one when it is known, else all. */
export async function commandsFor(argv: readonly string[]): Promise<CommandModule[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  const load = first === undefined ? undefined : COMMAND_LOADERS[first];
  if (load && !argv.includes('--help') && !argv.includes('-h')) return [await load()];
  return (await import('./index.ts')).commands as CommandModule[];
}
