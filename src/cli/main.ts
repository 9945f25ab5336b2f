/**
 * The `gossip` command line: builds the yargs parser from the command modules and turns
 * UserErrors into one clean line and a non-zero exit. Commands stay thin (parse, call, print).
 */
import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { commandsFor } from './commands/registry.ts';
import { UserError } from './user-error.ts';

export async function main(argv: string[]): Promise<void> {
  const parser = yargs(argv)
    .scriptName('gossip')
    .usage('$0 <command> [options]\n\nGossip LoRA adapters between local AI models over Bluetooth LE: simulate, emulate, measure.')
    .strict()
    .demandCommand(1, 'Name a command (see --help).')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, error) => {
      throw error ?? new UserError(msg, 2);
    })
    .help()
    .version();
  for (const c of await commandsFor(argv)) parser.command(c as CommandModule);
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`error: ${e.message}\n`);
      if (e.exitCode === 2) process.stderr.write('Run `gossip --help` for usage.\n');
      process.exitCode = e.exitCode;
      return;
    }
    throw e;
  }
}
