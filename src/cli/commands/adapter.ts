/**
 * `gossip adapter pack|verify|synth|import-peft`: sign an adapter file into a packet (GGUF
 * adapters are checked against their base and carry its base-model id, plus an embedding
 * centroid of the reference texts computed with the base model); check a packet end to end;
 * write a random LoRA adapter for a base; convert a PEFT folder to a GGUF adapter.
 */
import type { Argv, CommandModule } from 'yargs';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { HashTag, taggedHash } from '../../core/packet/index.ts';
import { bytesToHex, isHex } from '../../core/codec/bytes.ts';
import { chunkCount } from '../../core/types.ts';
import {
  ALL_LORA_TARGETS, baseModelId, checkAdapterAgainstBase, GGUF_MAGIC, importPeft, LORA_TARGETS, readGguf, synthAdapter, type LoraTarget,
} from '../../hw/gguf/index.ts';
import { readKeyFile } from '../../hw/keys/key-file.ts';
import { readReferenceTextFile, referenceCentroid } from '../../hw/llm/reference-centroid.ts';
import { packAdapterFile, verifyPacketFile } from '../../hw/packet-files.ts';
import { UserError } from '../user-error.ts';
import { mergeCommand } from './merge-eval.ts';
import { parseByteSize } from '../parse-size.ts';

/** Base-model id used for non-GGUF files when none is given. */
export const UNSPECIFIED_BASE_MODEL = bytesToHex(taggedHash(HashTag.baseModel, new TextEncoder().encode('unspecified')));

function isGgufFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 && b.readUInt32LE(0) === GGUF_MAGIC;
  } catch {
    return false; // unreadable files are reported by the packer, naming the file
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `--reference` values: a readable file contributes its lines, anything else is a text itself. */
function referenceTexts(values: readonly string[]): string[] {
  return values.flatMap((v) => (existsSync(v) && statSync(v).isFile() ? readReferenceTextFile(v) : [v]));
}

const pack: CommandModule = {
  command: 'pack <file>',
  describe: 'Sign an adapter file into a packet (manifest + payload); GGUF adapters are checked against --base',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'adapter file (a GGUF LoRA adapter, or any file)' })
      .option('domain', { type: 'string', demandOption: true, describe: 'knowledge domain, e.g. agronomy' })
      .option('keywords', { type: 'string', array: true, default: [], describe: 'router keywords (space or comma separated)' })
      .option('reference', { type: 'string', array: true, default: [], describe: 'reference texts for the embedding router, or files of them (one per line)' })
      .option('base', { type: 'string', describe: 'base model GGUF the adapter is for (gives the base-model id and the centroid)' })
      .option('centroid', { type: 'boolean', default: true, describe: 'with --base and reference texts: embed them with the base model and ship their centroid' })
      .option('threads', { type: 'number', default: 1, describe: 'CPU threads for the centroid embeddings' })
      .option('name', { type: 'string', describe: 'lineage name (default: the file name without extension)' })
      .option('adapter-version', { type: 'number', default: 1, describe: 'adapter version (newer supersedes older from the same publisher)' })
      .option('chunk-size', { type: 'string', default: '256KiB', describe: 'chunk size (e.g. 64KiB, 262144)' })
      .option('base-model', { type: 'string', describe: 'base-model id (64 hex chars), for files without --base' })
      .option('key', { type: 'string', demandOption: true, describe: 'publisher key file (gossip keys new)' })
      .option('out', { type: 'string', demandOption: true, describe: 'packet file to write' }),
  handler: async (argv) => {
    const file = String(argv.file);
    const keywords = (argv.keywords as string[]).flatMap((k) => k.split(',')).map((k) => k.trim().toLowerCase()).filter(Boolean);
    const texts = referenceTexts(argv.reference as string[]);
    let baseModel = argv['base-model'] === undefined ? UNSPECIFIED_BASE_MODEL : String(argv['base-model']).toLowerCase();
    if (!isHex(baseModel, 32)) throw new UserError(`--base-model: expected 64 hex characters, got "${String(argv['base-model'])}"`);
    let centroid: number[] | undefined;
    if (isGgufFile(file)) {
      if (argv.base === undefined && argv['base-model'] === undefined) {
        throw new UserError(`${file}: a GGUF adapter is packed for a base model: pass --base <base model .gguf>`);
      }
      if (argv.base !== undefined) {
        const basePath = String(argv.base);
        const base = readGguf(basePath);
        checkAdapterAgainstBase(readGguf(file), base);
        const id = baseModelId(base);
        if (argv['base-model'] !== undefined && id !== baseModel) throw new UserError(`--base-model ${baseModel} is not the id of ${basePath} (${id})`);
        baseModel = id;
        if (texts.length > 0 && argv.centroid) centroid = await referenceCentroid(basePath, texts, Number(argv.threads));
      }
    } else if (argv.base !== undefined) {
      throw new UserError(`${file}: --base applies to GGUF adapters, and this file is not GGUF`);
    }
    const chunkSize = parseByteSize(String(argv['chunk-size']), '--chunk-size');
    const version = Number(argv['adapter-version']);
    if (!Number.isInteger(version) || version < 0 || version > 0xffffffff) throw new UserError(`--adapter-version: expected an integer 0..4294967295, got ${argv['adapter-version']}`);
    const key = readKeyFile(String(argv.key));
    const name = String(argv.name ?? basename(file).replace(/\.[^.]*$/, ''));
    let result;
    try {
      result = packAdapterFile(file, String(argv.out), { name, version, baseModel, domain: String(argv.domain), keywords, referenceTexts: texts, centroid, chunkSize }, key);
    } catch (e) {
      if (e instanceof RangeError) throw new UserError(`${file}: cannot pack: ${e.message}`);
      throw e;
    }
    const m = result.manifest;
    process.stdout.write(
      `wrote ${argv.out}\nadapter ${result.id}\n${m.name} v${m.version} · ${m.domain} · ${m.size} bytes in ${chunkCount(m)} chunks of ${m.chunkSize}\n` +
        `base model ${m.baseModel}${m.centroid ? ` · centroid of ${texts.length} reference texts (${m.centroid.length} dims)` : ''}\n`,
    );
  },
};

const verify: CommandModule = {
  command: 'verify <packet>',
  describe: 'Verify a packet: manifest signature and every chunk against the Merkle root',
  builder: (y: Argv) => y.positional('packet', { type: 'string', demandOption: true }),
  handler: (argv) => {
    const p = verifyPacketFile(String(argv.packet));
    const m = p.manifest;
    process.stdout.write(
      `OK ${argv.packet}\nadapter   ${p.id}\nname      ${m.name} v${m.version}\ndomain    ${m.domain}\npublisher ${m.publisher}\nbase      ${m.baseModel}\n` +
        `size      ${m.size} bytes, ${chunkCount(m)} chunks of ${m.chunkSize}\nkeywords  ${m.keywords.join(', ') || '(none)'}\n`,
    );
  },
};

function parseTargets(values: readonly string[]): LoraTarget[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const n of names) if (!(n in LORA_TARGETS)) throw new UserError(`--targets: unknown target "${n}"; use some of ${ALL_LORA_TARGETS.join(',')}`);
  if (names.length === 0) throw new UserError('--targets: name at least one of q,k,v,o,gate,up,down');
  return [...new Set(names)] as LoraTarget[];
}

const synth: CommandModule = {
  command: 'synth',
  describe: 'Write a random LoRA adapter GGUF for a base model (for timings and plumbing tests)',
  builder: (y: Argv) =>
    y
      .option('base', { type: 'string', demandOption: true, describe: 'base model GGUF' })
      .option('rank', { type: 'number', default: 16, describe: 'LoRA rank' })
      .option('alpha', { type: 'number', describe: 'LoRA alpha (default 2 × rank)' })
      .option('targets', { type: 'string', array: true, default: [ALL_LORA_TARGETS.join(',')], describe: 'weights to adapt: q,k,v,o,gate,up,down' })
      .option('type', { choices: ['f16', 'f32'] as const, default: 'f16' as const, describe: 'storage type of the LoRA matrices' })
      .option('seed', { type: 'string', default: '1', describe: 'seed of the random values' })
      .option('out', { type: 'string', demandOption: true, describe: 'adapter GGUF to write' }),
  handler: (argv) => {
    const rank = Number(argv.rank);
    if (!Number.isInteger(rank) || rank < 1 || rank > 4096) throw new UserError(`--rank: expected an integer 1..4096, got ${argv.rank}`);
    const alpha = argv.alpha === undefined ? 2 * rank : Number(argv.alpha);
    if (!Number.isFinite(alpha)) throw new UserError(`--alpha: expected a number, got ${argv.alpha}`);
    const base = readGguf(String(argv.base));
    const r = synthAdapter({ base, rank, alpha, targets: parseTargets(argv.targets as string[]), seed: String(argv.seed), out: String(argv.out), type: argv.type as 'f16' | 'f32' });
    process.stdout.write(`wrote ${argv.out}: rank ${rank}, alpha ${alpha}, ${r.pairs} A/B pairs, ${r.parameters.toLocaleString('en-US')} parameters, ${(r.bytes / 1e6).toFixed(1)} MB (${argv.type})\n`);
  },
};

const importPeftCommand: CommandModule = {
  command: 'import-peft <dir>',
  describe: 'Convert a PEFT LoRA folder (adapter_config.json + adapter_model.safetensors) into a GGUF adapter for a base',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', demandOption: true, describe: 'PEFT adapter folder' })
      .option('base', { type: 'string', demandOption: true, describe: 'base model GGUF the adapter was trained on' })
      .option('out', { type: 'string', demandOption: true, describe: 'adapter GGUF to write' }),
  handler: (argv) => {
    const base = readGguf(String(argv.base));
    const r = importPeft(String(argv.dir), base, String(argv.out));
    checkAdapterAgainstBase(readGguf(String(argv.out)), base);
    process.stdout.write(`wrote ${argv.out}: ${r.pairs} A/B pairs, rank ${r.rank}, alpha ${r.alpha}, ${r.parameters.toLocaleString('en-US')} parameters, ${(r.bytes / 1e6).toFixed(1)} MB\n`);
  },
};

export const adapterCommand: CommandModule = {
  command: 'adapter <command>',
  describe: 'Adapters: pack, verify, synth, import-peft, merge',
  builder: (y: Argv) => y.command(pack).command(verify).command(synth).command(importPeftCommand).command(mergeCommand as CommandModule).demandCommand(1),
  handler: () => {},
};
