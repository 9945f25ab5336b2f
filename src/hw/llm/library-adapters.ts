/**
 * The adapters of an on-device library (filesystem store) that a base model can run: complete
 * adapters whose manifest names this base-model id; partial ones and those for another base are
 * listed as skipped with the reason. llama.cpp loads adapters from files, so a routed adapter's
 * payload is exported once into a cache folder as `<adapter id>.gguf` (content-addressed: the
 * name fixes the content), after checking it against the manifest's Merkle root; a cached file
 * of the right size is reused. Knows nothing about routing or llama.cpp.
 */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyPayload } from '../../core/packet/index.ts';
import type { AdapterId, Manifest } from '../../core/types.ts';
import { chunkCount } from '../../core/types.ts';
import { UserError } from '../../cli/user-error.ts';
import type { FsStore } from '../store/index.ts';

export interface LibraryAdapter {
  readonly id: AdapterId;
  readonly manifest: Manifest;
}

export interface SkippedAdapter {
  readonly id: AdapterId;
  readonly name: string;
  readonly reason: string;
}

export function adaptersForBase(store: FsStore, baseModel: string): { usable: LibraryAdapter[]; skipped: SkippedAdapter[] } {
  const usable: LibraryAdapter[] = [];
  const skipped: SkippedAdapter[] = [];
  for (const a of store.list()) {
    const m = a.manifest;
    if (a.haveCount !== chunkCount(m)) skipped.push({ id: a.id, name: m.name, reason: `partial (${a.haveCount}/${chunkCount(m)} chunks)` });
    else if (m.baseModel !== baseModel) skipped.push({ id: a.id, name: m.name, reason: `for another base model (${m.baseModel.slice(0, 12)}…)` });
    else usable.push({ id: a.id, manifest: m });
  }
  return { usable, skipped };
}

/** The path of the adapter's GGUF in `cacheDir`, exporting and checking it on first use. */
export function adapterFile(store: FsStore, adapter: LibraryAdapter, cacheDir: string): string {
  const path = join(cacheDir, `${adapter.id}.gguf`);
  if (existsSync(path) && statSync(path).size === adapter.manifest.size) return path;
  const payload = store.exportPayload(adapter.id);
  if (!payload) throw new UserError(`${store.root}: adapter ${adapter.id} (${adapter.manifest.name}) is not complete in the library`);
  const v = verifyPayload(adapter.manifest, payload);
  if (!v.ok) throw new UserError(`${store.root}: adapter ${adapter.id} (${adapter.manifest.name}) does not match its manifest: ${v.error.message}`);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, payload);
  renameSync(tmp, path);
  return path;
}
