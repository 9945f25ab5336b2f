/**
 * Filesystem `AdapterStore` (payload 'bytes'), crash-safe: a process killed at any instant leaves
 * every verified chunk usable and never exposes an unverified or torn adapter. Registration builds
 * the adapter folder under a staging name and renames it into place; each chunk is written to a
 * temporary, fsynced and renamed; removal renames the folder into the trash before deleting it.
 * Opening re-verifies everything (fs-recovery.ts), so partial adapters resume where they stopped.
 * Synchronous, like the port. Layout: fs-layout.ts. Knows nothing about trust, budgets or policies.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { encodeManifest } from '../../core/packet/manifest.ts';
import type { AdapterStore, StoredChunk } from '../../core/ports.ts';
import { checkChunkShape } from '../../core/store/check-chunk.ts';
import { StoreIndex } from '../../core/store/store-index.ts';
import type { AdapterId, Manifest } from '../../core/types.ts';
import { chunkCount, chunkLength } from '../../core/types.ts';
import { fsyncDir, io, removeTree, writeFileAtomic } from './fs-durable.ts';
import { ensureLayout } from './fs-layout.ts';
import { chunkFileLength, recover, type RecoveryReport, type VerifyMode } from './fs-recovery.ts';

export interface FsStoreOptions {
  /** 'full' (default) re-hashes every chunk on open; 'length' checks only file lengths. */
  readonly verify?: VerifyMode;
  /** fsync files and folders (default true). Off only for throwaway stores where speed matters. */
  readonly durable?: boolean;
}

export interface FsStore extends AdapterStore {
  readonly payload: 'bytes';
  readonly root: string;
  /** What opening found and cleaned up. */
  readonly recovery: RecoveryReport;
  /** The whole payload of a complete adapter; undefined when unknown or partial. */
  exportPayload(id: AdapterId): Uint8Array | undefined;
}

export function openFsStore(root: string, options: FsStoreOptions = {}): FsStore {
  const durable = options.durable ?? true;
  const paths = ensureLayout(root, durable);
  const index = new StoreIndex();
  const recovery = recover(paths, index, options.verify ?? 'full');
  let trashSeq = 0;

  function readChunk(id: AdapterId, i: number): StoredChunk | undefined {
    if (!index.hasChunk(id, i)) return undefined;
    const m = index.manifest(id)!;
    let data: Buffer;
    try {
      data = readFileSync(paths.chunk(id, i));
    } catch {
      return undefined;
    }
    if (data.length !== chunkFileLength(m, i)) return undefined;
    const len = chunkLength(m, i);
    return { body: new Uint8Array(data.buffer, data.byteOffset, len), proof: new Uint8Array(data.buffer, data.byteOffset + len, data.length - len) };
  }

  return {
    payload: 'bytes',
    root,
    recovery,
    list: () => index.list(),
    get: (id) => index.get(id),

    putManifest(id: AdapterId, manifest: Manifest): void {
      if (!index.register(id, manifest)) return; // checks the id before anything touches the disk
      try {
        const stage = paths.staging(id);
        removeTree(stage);
        io('create directory', stage, () => mkdirSync(join(stage, 'chunks'), { recursive: true }));
        writeFileAtomic(join(stage, 'manifest.bin'), [encodeManifest(manifest)], durable);
        fsyncDir(stage, durable);
        io('rename', stage, () => renameSync(stage, paths.adapter(id)));
        fsyncDir(paths.adapters, durable);
      } catch (e) {
        index.remove(id);
        throw e;
      }
    },

    putChunk(id, i, chunk) {
      const m = index.require(id);
      if (index.hasChunk(id, i)) return;
      checkChunkShape(id, m, i, chunk, 'bytes');
      writeFileAtomic(paths.chunk(id, i), [chunk.body as Uint8Array, chunk.proof], durable);
      index.mark(id, i, chunkLength(m, i));
    },

    readChunk,

    remove(id) {
      if (!index.has(id)) return;
      let target = join(paths.trash, `${id}.${trashSeq++}`);
      while (existsSync(target)) target = join(paths.trash, `${id}.${trashSeq++}`);
      io('rename', paths.adapter(id), () => renameSync(paths.adapter(id), target));
      index.remove(id);
      fsyncDir(paths.adapters, durable);
      removeTree(target);
    },

    bytesUsed: () => index.bytesUsed(),

    exportPayload(id) {
      const m = index.manifest(id);
      if (!m || !index.isComplete(id)) return undefined;
      const out = new Uint8Array(m.size);
      for (let i = 0; i < chunkCount(m); i++) {
        const c = readChunk(id, i);
        if (!c) return undefined;
        out.set(c.body as Uint8Array, i * m.chunkSize);
      }
      return out;
    },
  };
}
