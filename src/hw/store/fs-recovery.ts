/**
 * Opening a filesystem store after any crash: empties the trash, deletes temporaries and staging
 * folders, drops adapters whose manifest is missing, undecodable or not their content address,
 * and re-verifies every chunk file (exact length, then Merkle proof against the manifest) before
 * it is counted. What survives is exactly the set of verified chunks. Reports what it dropped.
 * Knows the layout, not the store API.
 */
import { readFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { decodeManifest, manifestId } from '../../core/packet/manifest.ts';
import { HASH_BYTES, proofLength } from '../../core/packet/merkle.ts';
import { verifyChunk } from '../../core/packet/packet.ts';
import type { StoreIndex } from '../../core/store/store-index.ts';
import { chunkCount, chunkLength } from '../../core/types.ts';
import type { Manifest } from '../../core/types.ts';
import { TEMP_SUFFIX, ensureDir, io, removeTree } from './fs-durable.ts';
import { ADAPTER_DIR, CHUNK_FILE, type LayoutPaths } from './fs-layout.ts';

export interface RecoveryReport {
  /** Adapters loaded (complete or partial). */
  readonly adapters: number;
  /** Chunk files that verified. */
  readonly chunks: number;
  /** Temporary files and staging folders deleted. */
  readonly tempRemoved: number;
  /** Trash entries (interrupted removals) deleted. */
  readonly trashRemoved: number;
  /** Adapter folders dropped (no or bad manifest). */
  readonly adaptersDropped: number;
  /** Chunk files dropped (wrong length, bad proof, index out of range). */
  readonly chunksDropped: number;
}

export type VerifyMode = 'full' | 'length';

const list = (dir: string): string[] => io('list', dir, () => readdirSync(dir)).sort();

export function chunkFileLength(m: Manifest, index: number): number {
  return chunkLength(m, index) + proofLength(index, chunkCount(m)) * HASH_BYTES;
}

function loadManifest(paths: LayoutPaths, id: string): Manifest | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(paths.manifest(id));
  } catch {
    return undefined;
  }
  const m = decodeManifest(bytes);
  return m.ok && manifestId(m.value) === id ? m.value : undefined;
}

/** Scans `paths` into `index` (which must be empty); returns what was kept and dropped. */
export function recover(paths: LayoutPaths, index: StoreIndex, verify: VerifyMode): RecoveryReport {
  const r = { adapters: 0, chunks: 0, tempRemoved: 0, trashRemoved: 0, adaptersDropped: 0, chunksDropped: 0 };
  for (const name of list(paths.trash)) {
    removeTree(join(paths.trash, name));
    r.trashRemoved++;
  }
  for (const name of list(paths.adapters)) {
    if (name.endsWith(TEMP_SUFFIX)) {
      removeTree(join(paths.adapters, name));
      r.tempRemoved++;
      continue;
    }
    if (!ADAPTER_DIR.test(name)) continue; // not ours: leave it alone
    const m = loadManifest(paths, name);
    if (!m) {
      removeTree(paths.adapter(name));
      r.adaptersDropped++;
      continue;
    }
    index.register(name, m);
    r.adapters++;
    const dir = paths.chunks(name);
    ensureDir(dir);
    const files = list(dir);
    const n = chunkCount(m);
    for (const file of files) {
      const path = join(dir, file);
      const match = CHUNK_FILE.exec(file);
      const i = match ? Number(match[1]) : -1;
      if (file.endsWith(TEMP_SUFFIX) || !match || i >= n) {
        io('remove', path, () => unlinkSync(path));
        if (file.endsWith(TEMP_SUFFIX)) r.tempRemoved++; else r.chunksDropped++;
        continue;
      }
      const expected = chunkFileLength(m, i);
      const size = io('stat', path, () => statSync(path).size);
      let good = size === expected;
      if (good && verify === 'full') {
        const data = io('read', path, () => readFileSync(path));
        const len = chunkLength(m, i);
        good = verifyChunk(m, i, data.subarray(0, len), data.subarray(len), false).ok;
      }
      if (!good) {
        io('remove', path, () => unlinkSync(path));
        r.chunksDropped++;
        continue;
      }
      index.mark(name, i, chunkLength(m, i));
      r.chunks++;
    }
  }
  return r;
}
