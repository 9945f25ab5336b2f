/** `gossip library list|add`: inspect an on-device adapter library folder; import a packet into it. */
import type { Argv, CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { UserError } from '../user-error.ts';

async function openExisting(dir: string) {
  const { openFsStore } = await import('../../hw/store/index.ts');
  if (!existsSync(dir)) throw new UserError(`${dir}: no such library folder (a node creates it on first run; \`gossip library add\` creates it too)`);
  return openFsStore(dir);
}

const list: CommandModule = {
  command: 'list <dir>',
  describe: 'List the adapters in a library folder (complete and partial), after re-verifying every chunk',
  builder: (y: Argv) => y.positional('dir', { type: 'string', demandOption: true }).option('json', { type: 'boolean', default: false }),
  handler: async (argv) => {
    const { chunkCount } = await import('../../core/types.ts');
    const store = await openExisting(String(argv.dir));
    const rows = store.list().map((a) => ({
      id: a.id,
      name: a.manifest.name,
      version: a.manifest.version,
      domain: a.manifest.domain,
      size: a.manifest.size,
      chunks: chunkCount(a.manifest),
      have: a.haveCount,
      complete: a.haveCount === chunkCount(a.manifest),
      publisher: a.manifest.publisher,
    }));
    if (argv.json) {
      process.stdout.write(JSON.stringify({ adapters: rows, recovery: store.recovery }, null, 2) + '\n');
      return;
    }
    if (rows.length === 0) process.stdout.write(`${argv.dir}: empty library\n`);
    for (const r of rows) {
      const pct = r.chunks === 0 ? 100 : Math.floor((100 * r.have) / r.chunks);
      process.stdout.write(`${r.id.slice(0, 16)}  ${r.name} v${r.version}  ${r.domain}  ${(r.size / 1e6).toFixed(1)} MB  ${r.complete ? 'complete' : `partial ${r.have}/${r.chunks} chunks (${pct} %)`}\n`);
    }
    const rec = store.recovery;
    if (rec.chunksDropped || rec.adaptersDropped || rec.tempRemoved) {
      process.stdout.write(`recovered: dropped ${rec.chunksDropped} bad chunk files and ${rec.adaptersDropped} bad adapter folders, removed ${rec.tempRemoved} temporary files\n`);
    }
  },
};

const add: CommandModule = {
  command: 'add <dir> <packet>',
  describe: 'Verify a packet file and store it in a library folder (created if missing)',
  builder: (y: Argv) => y.positional('dir', { type: 'string', demandOption: true }).positional('packet', { type: 'string', demandOption: true }),
  handler: async (argv) => {
    const { openPacket } = await import('../../core/packet/index.ts');
    const { chunkCount } = await import('../../core/types.ts');
    const { openFsStore } = await import('../../hw/store/index.ts');
    const { verifyPacketFile } = await import('../../hw/packet-files.ts');
    const p = verifyPacketFile(String(argv.packet));
    const opened = openPacket(p.manifest, p.payload);
    if (!opened.ok) throw new UserError(`${argv.packet}: ${opened.error.message}`);
    const store = openFsStore(String(argv.dir));
    store.putManifest(p.id, p.manifest);
    const n = chunkCount(p.manifest);
    for (let i = 0; i < n; i++) store.putChunk(p.id, i, opened.value.chunk(i));
    process.stdout.write(`added ${p.manifest.name} v${p.manifest.version} (${p.id.slice(0, 16)}…) to ${argv.dir}\n`);
  },
};

export const libraryCommand: CommandModule = {
  command: 'library <command>',
  describe: 'On-device adapter libraries: list, add',
  builder: (y: Argv) => y.command(list).command(add).demandCommand(1),
  handler: () => {},
};
