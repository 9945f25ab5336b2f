/** `gossip adapter pack|verify`: sign an adapter file into a packet; check a packet end to end. */
import type { Argv, CommandModule } from 'yargs';
import { basename } from 'node:path';
import { HashTag, taggedHash } from '../../core/packet/index.ts';
import { bytesToHex, isHex } from '../../core/codec/bytes.ts';
import { chunkCount } from '../../core/types.ts';
import { readKeyFile } from '../../hw/keys/key-file.ts';
import { packAdapterFile, verifyPacketFile } from '../../hw/packet-files.ts';
import { UserError } from '../user-error.ts';
import { parseByteSize } from '../parse-size.ts';

/** Base-model id used when none is given (GGUF-derived ids come with the inference work). */
export const UNSPECIFIED_BASE_MODEL = bytesToHex(taggedHash(HashTag.baseModel, new TextEncoder().encode('unspecified')));

const pack: CommandModule = {
  command: 'pack <file>',
  describe: 'Sign an adapter file into a packet (manifest + payload)',
  builder: (y: Argv) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'adapter file (any file for now; GGUF later)' })
      .option('domain', { type: 'string', demandOption: true, describe: 'knowledge domain, e.g. agronomy' })
      .option('keywords', { type: 'string', array: true, default: [], describe: 'router keywords (space or comma separated)' })
      .option('reference', { type: 'string', array: true, default: [], describe: 'reference texts for the embedding router' })
      .option('name', { type: 'string', describe: 'lineage name (default: the file name without extension)' })
      .option('adapter-version', { type: 'number', default: 1, describe: 'adapter version (newer supersedes older from the same publisher)' })
      .option('chunk-size', { type: 'string', default: '256KiB', describe: 'chunk size (e.g. 64KiB, 262144)' })
      .option('base-model', { type: 'string', describe: 'base-model id (64 hex chars)' })
      .option('key', { type: 'string', demandOption: true, describe: 'publisher key file (gossip keys new)' })
      .option('out', { type: 'string', demandOption: true, describe: 'packet file to write' }),
  handler: (argv) => {
    const file = String(argv.file);
    const keywords = (argv.keywords as string[]).flatMap((k) => k.split(',')).map((k) => k.trim().toLowerCase()).filter(Boolean);
    const baseModel = argv['base-model'] === undefined ? UNSPECIFIED_BASE_MODEL : String(argv['base-model']).toLowerCase();
    if (!isHex(baseModel, 32)) throw new UserError(`--base-model: expected 64 hex characters, got "${String(argv['base-model'])}"`);
    const chunkSize = parseByteSize(String(argv['chunk-size']), '--chunk-size');
    const version = Number(argv['adapter-version']);
    if (!Number.isInteger(version) || version < 0 || version > 0xffffffff) throw new UserError(`--adapter-version: expected an integer 0..4294967295, got ${argv['adapter-version']}`);
    const key = readKeyFile(String(argv.key));
    const name = String(argv.name ?? basename(file).replace(/\.[^.]*$/, ''));
    let result;
    try {
      result = packAdapterFile(file, String(argv.out), { name, version, baseModel, domain: String(argv.domain), keywords, referenceTexts: argv.reference as string[], chunkSize }, key);
    } catch (e) {
      if (e instanceof RangeError) throw new UserError(`${file}: cannot pack: ${e.message}`);
      throw e;
    }
    const m = result.manifest;
    process.stdout.write(`wrote ${argv.out}\nadapter ${result.id}\n${m.name} v${m.version} · ${m.domain} · ${m.size} bytes in ${chunkCount(m)} chunks of ${m.chunkSize}\n`);
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

export const adapterCommand: CommandModule = {
  command: 'adapter <command>',
  describe: 'Adapter packets: pack, verify',
  builder: (y: Argv) => y.command(pack).command(verify).demandCommand(1),
  handler: () => {},
};
