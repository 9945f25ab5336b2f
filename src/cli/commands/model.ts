/** `gossip model synth|info`: write a synthetic qwen2 GGUF; show a GGUF's identity and tensors. */
import type { Argv, CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import {
  asNumber, asString, baseModelId, ggmlTypeName, QUANT_NAMES, readGguf, SHAPE_NAMES, synthModel, type QuantName, type ShapeName,
} from '../../hw/gguf/index.ts';
import { UserError } from '../user-error.ts';

const synth: CommandModule = {
  command: 'synth',
  describe: 'Write a qwen2 GGUF with random weights and a byte-level vocabulary (qwen2.5 shapes are exact, so timings are real)',
  builder: (y: Argv) =>
    y
      .option('shape', { choices: SHAPE_NAMES as ShapeName[], demandOption: true, describe: 'tiny (tests) or an exact Qwen2.5 shape' })
      .option('quant', { choices: QUANT_NAMES as QuantName[], default: 'q8_0' as QuantName, describe: 'weight type of the matrices' })
      .option('seed', { type: 'string', default: '1', describe: 'seed of the random weights' })
      .option('out', { type: 'string', demandOption: true, describe: 'GGUF file to write' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing file' }),
  handler: (argv) => {
    const out = String(argv.out);
    if (existsSync(out) && !argv.force) throw new UserError(`${out}: already exists (pass --force to overwrite)`);
    const t0 = performance.now();
    const r = synthModel({ shape: argv.shape as ShapeName, quant: argv.quant as QuantName, seed: String(argv.seed), out });
    const id = baseModelId(readGguf(out));
    process.stdout.write(
      `wrote ${out}: ${argv.shape} ${argv.quant}, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.tensors} tensors, ${r.parameters.toLocaleString('en-US')} parameters in ${((performance.now() - t0) / 1000).toFixed(1)} s\n` +
        `base model ${id}\n(random weights: use for timings and plumbing, never for answer quality)\n`,
    );
  },
};

const info: CommandModule = {
  command: 'info <file>',
  describe: 'Show a GGUF file: architecture, type, base-model id (for base models) and tensors',
  builder: (y: Argv) => y.positional('file', { type: 'string', demandOption: true }).option('tensors', { type: 'boolean', default: false, describe: 'list every tensor' }),
  handler: (argv) => {
    const f = readGguf(String(argv.file));
    const arch = asString(f.metadata.get('general.architecture')) ?? '(none)';
    const type = asString(f.metadata.get('general.type')) ?? 'model';
    const lines = [`${f.path}: GGUF v${f.version}, ${(f.fileSize / 1e6).toFixed(1)} MB, ${f.tensors.length} tensors, ${f.metadata.size} metadata keys`, `architecture ${arch} · type ${type}`];
    const name = asString(f.metadata.get('general.name'));
    if (name) lines.push(`name ${name}`);
    if (type === 'adapter') lines.push(`adapter ${asString(f.metadata.get('adapter.type')) ?? '?'} · alpha ${asNumber(f.metadata.get('adapter.lora.alpha')) ?? '?'}`);
    else lines.push(`base model ${baseModelId(f)}`);
    if (argv.tensors) for (const t of f.tensors) lines.push(`  ${t.name}  ${ggmlTypeName(t.type)} [${t.ne.join(', ')}]`);
    process.stdout.write(lines.join('\n') + '\n');
  },
};

export const modelCommand: CommandModule = {
  command: 'model <command>',
  describe: 'Model files: synth (random-weight qwen2 GGUF), info',
  builder: (y: Argv) => y.command(synth).command(info).demandCommand(1),
  handler: () => {},
};
