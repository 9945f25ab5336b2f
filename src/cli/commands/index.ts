/** The list of command modules the CLI registers (one file per command group). */
import type { CommandModule } from 'yargs';
import { adapterCommand } from './adapter.ts';
import { benchCommand } from './bench.ts';
import { keysCommand } from './keys.ts';
import { libraryCommand } from './library.ts';
import { oneCommand } from './one.ts';
import { simCommand } from './sim.ts';
import { sweepCommand } from './sweep.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [simCommand, sweepCommand, benchCommand, keysCommand, adapterCommand, libraryCommand, oneCommand];
