/**
 * The real `gossip` CLI (src/cli/main.ts, yargs, UserError handling) with the commands the
 * validation loop needs — compare, emulate, hw — added when the command list does not register
 * them (yet), so tests and scripts/validate.ts run the same code path as `gossip` before and after
 * the lead registers them. A no-op wrapper once they are registered.
 */
import type { CommandModule } from 'yargs';
import { commands } from '../../src/cli/commands/index.ts';
import { compareCommand } from '../../src/cli/commands/compare.ts';
import { main } from '../../src/cli/main.ts';

const has = (name: string) => commands.some((c) => String(c.command).split(' ')[0] === name);
if (!has('compare')) commands.push(compareCommand);
const needed = process.argv[2];
if (needed === 'emulate' && !has('emulate')) commands.push((await import('../../src/cli/commands/emulate.ts')).emulateCommand as CommandModule);
if (needed === 'hw' && !has('hw')) commands.push((await import('../../src/cli/commands/hw.ts')).hwCommand as CommandModule);
await main(process.argv.slice(2));
