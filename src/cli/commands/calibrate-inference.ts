/**
 * The model part of `gossip hw calibrate --model X.gguf [--adapters DIR] --out profile.yaml`:
 * options, and a runner that measures local inference and writes the `inference:` section of the
 * profile. The `hw` command group wires `calibrateInferenceOptions` + `runCalibrateInference` into
 * its `calibrate` subcommand; `calibrateInferenceCommand` is the same as a standalone module.
 */
import type { Argv, CommandModule } from 'yargs';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { calibrateInference, type InferenceCalibration } from '../../hw/calibrate/inference.ts';
import { summarise, writeInferenceProfile } from '../../hw/calibrate/inference-profile.ts';
import { UserError } from '../user-error.ts';

export interface CalibrateInferenceArgs {
  readonly model: string;
  readonly adapters?: string | undefined;
  readonly out: string;
  readonly threads?: number;
  readonly repeats?: number;
  readonly 'prompt-tokens'?: number;
  readonly 'base-profile'?: string;
  readonly clock?: 'wall' | 'cpu';
  readonly name?: string;
}

/** Adds the model-calibration options to a yargs builder. */
export function calibrateInferenceOptions<T>(y: Argv<T>) {
  return y
    .option('model', { type: 'string', describe: 'base model GGUF to measure' })
    .option('adapters', { type: 'string', describe: 'folder of adapter GGUFs for the model (default: two synthetic rank-16 adapters)' })
    .option('threads', { type: 'number', default: 1, describe: 'CPU threads' })
    .option('repeats', { type: 'number', default: 5, describe: 'repeats of each slow measurement' })
    .option('prompt-tokens', { type: 'number', default: 64, describe: 'prompt length for prompt tokens/s' })
    .option('clock', { choices: ['wall', 'cpu'] as const, default: 'wall' as const, describe: 'wall time, or CPU time of the one thread (for a shared machine; needs --threads 1)' })
    .option('base-profile', { type: 'string', default: 'conservative', describe: 'shipped profile a new --out copies link/energy from' })
    .option('name', { type: 'string', describe: 'profile name written into a new --out file' })
    .option('out', { type: 'string', describe: 'profile YAML to write (an existing one gets its inference section replaced)' });
}

function adapterFiles(dir: string | undefined): string[] {
  if (dir === undefined) return [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserError(`--adapters ${dir}: no such folder`);
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.gguf')).sort().map((f) => join(dir, f));
  if (files.length === 0) throw new UserError(`--adapters ${dir}: no .gguf adapter files in the folder`);
  return files;
}

const fmt = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(1) : x.toFixed(0));

/** Measures, writes the profile, prints a summary; returns the measurement. */
export async function runCalibrateInference(argv: CalibrateInferenceArgs, out: NodeJS.WritableStream = process.stdout): Promise<InferenceCalibration> {
  const threads = argv.threads ?? 1;
  const repeats = argv.repeats ?? 5;
  if (!Number.isInteger(threads) || threads < 1) throw new UserError(`--threads: expected a positive integer, got ${threads}`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new UserError(`--repeats: expected a positive integer, got ${repeats}`);
  if (argv.clock === 'cpu' && threads !== 1) throw new UserError('--clock cpu measures one thread: use --threads 1');
  const c = await calibrateInference({
    modelPath: argv.model, adapterPaths: adapterFiles(argv.adapters), threads, repeats, promptTokens: argv['prompt-tokens'] ?? 64, clock: argv.clock ?? 'wall',
    log: (l) => out.write(`… ${l}\n`),
  });
  writeInferenceProfile(argv.out, c, { baseProfile: argv['base-profile'], name: argv.name });
  const s = c.samples;
  const med = (xs: number[]) => fmt(summarise(xs).median);
  out.write(
    `wrote ${argv.out} (inference section)\n` +
      `model load ${med(s.modelLoadMs)} ms · adapter load ${med(s.adapterLoadMs)} ms · swap ${med(s.adapterSwapMs)} ms (${c.swapMode}) · embedding ${med(s.embeddingMs)} ms\n` +
      `prompt ${med(s.promptTokensPerSecond)} tok/s · generation ${med(s.generationMsPerToken)} ms/token with an adapter; ` +
      `${med(s.basePromptTokensPerSecond)} tok/s · ${med(s.baseGenerationMsPerToken)} ms/token without\n`,
  );
  return c;
}

/** Standalone module: `calibrate-model --model X.gguf --out profile.yaml` (the lead mounts it under `hw calibrate`). */
export const calibrateInferenceCommand: CommandModule = {
  command: 'calibrate-model',
  describe: 'Measure local inference timings and write the inference section of a calibration profile',
  builder: (y: Argv) => calibrateInferenceOptions(y).demandOption(['model', 'out']),
  handler: async (argv) => {
    await runCalibrateInference(argv as unknown as CalibrateInferenceArgs);
  },
};
