/**
 * In-memory `AdapterStore` holding real chunk bytes and proofs (tests, emulation, small
 * simulations that need payloads). Bodies are copied on the way in, so a caller reusing its
 * buffer cannot change what was stored. Knows nothing about trust, budgets or policies.
 */
import type { AdapterStore, StoredAdapter, StoredChunk } from '../ports.ts';
import type { AdapterId, Manifest } from '../types.ts';
import { checkChunkShape } from './check-chunk.ts';
import { StoreIndex } from './store-index.ts';

export class MemoryStore implements AdapterStore {
  readonly payload = 'bytes' as const;
  private readonly index = new StoreIndex();
  private readonly chunks = new Map<AdapterId, Map<number, StoredChunk>>();

  list(): StoredAdapter[] { return this.index.list(); }
  get(id: AdapterId): StoredAdapter | undefined { return this.index.get(id); }
  bytesUsed(): number { return this.index.bytesUsed(); }
  readChunk(id: AdapterId, i: number): StoredChunk | undefined { return this.chunks.get(id)?.get(i); }

  putManifest(id: AdapterId, manifest: Manifest): void {
    if (this.index.register(id, manifest)) this.chunks.set(id, new Map());
  }

  putChunk(id: AdapterId, i: number, chunk: StoredChunk): void {
    const m = this.index.require(id);
    if (this.index.hasChunk(id, i)) return;
    checkChunkShape(id, m, i, chunk, 'bytes');
    const body = new Uint8Array(chunk.body as Uint8Array);
    this.chunks.get(id)!.set(i, { body, proof: new Uint8Array(chunk.proof) });
    this.index.mark(id, i, body.length);
  }

  remove(id: AdapterId): void {
    this.index.remove(id);
    this.chunks.delete(id);
  }
}

export function createMemoryStore(): AdapterStore {
  return new MemoryStore();
}
