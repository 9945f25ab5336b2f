/** Every command module the CLI offers, in help order (registry.ts loads them one at a time). */
import type { CommandModule } from 'yargs';
import { adapterCommand } from './adapter.ts';
import { askCommand } from './ask.ts';
import { benchCommand } from './bench.ts';
import { compareCommand } from './compare.ts';
import { emulateCommand } from './emulate.ts';
import { hwCommand } from './hw.ts';
import { keysCommand } from './keys.ts';
import { libraryCommand } from './library.ts';
import { evalCommand } from './merge-eval.ts';
import { modelCommand } from './model.ts';
import { oneCommand } from './one.ts';
import { simCommand } from './sim.ts';
import { sweepCommand } from './sweep.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [
  simCommand, sweepCommand, benchCommand, oneCommand, emulateCommand, hwCommand, compareCommand,
  keysCommand, adapterCommand, libraryCommand, modelCommand, askCommand, evalCommand,
];
