/**
 * The `gossip` command line reduced to this commands (emulate, hw), with the same error
 * handling as src/cli/main.ts, so tests can run them as child processes whether or not the lead
 * has registered the modules in src/cli/commands/index.ts yet:
 *   node bin/run-ts.mjs test/ble/cli.ts hw node --config node.yaml
 */
import yargs from 'yargs';
import type { CommandModule } from 'yargs';
import { emulateCommand } from '../../src/cli/commands/emulate.ts';
import { hwCommand } from '../../src/cli/commands/hw.ts';
import { UserError } from '../../src/cli/user-error.ts';

try {
  await yargs(process.argv.slice(2))
    .scriptName('gossip')
    .strict()
    .demandCommand(1)
    .fail((msg, error) => { throw error ?? new UserError(msg, 2); })
    .command(emulateCommand as CommandModule)
    .command(hwCommand as CommandModule)
    .parseAsync();
} catch (e) {
  if (!(e instanceof UserError)) throw e;
  process.stderr.write(`error: ${e.message}\n`);
  process.exitCode = e.exitCode;
}
