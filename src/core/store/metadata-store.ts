/**
 * Metadata-only `AdapterStore` (payload 'virtual') for simulations of thousands of nodes: per
 * adapter it keeps a reference to the (shared) manifest, a chunk bitmap (dropped once complete)
 * and two counters, never a payload byte or proof. Byte bodies handed to it are reduced to their
 * length; reads return virtual bodies with empty proofs. A class, so its methods live once on the
 * prototype rather than once per node. Knows nothing about trust, budgets or policies.
 */
import type { AdapterStore, StoredAdapter, StoredChunk } from '../ports.ts';
import type { AdapterId, Manifest } from '../types.ts';
import { bodyLength, chunkLength } from '../types.ts';
import { checkChunkShape } from './check-chunk.ts';
import { StoreIndex } from './store-index.ts';

const NO_PROOF = new Uint8Array(0);

export class MetadataStore implements AdapterStore {
  readonly payload = 'virtual' as const;
  private readonly index = new StoreIndex();

  list(): StoredAdapter[] { return this.index.list(); }
  get(id: AdapterId): StoredAdapter | undefined { return this.index.get(id); }
  bytesUsed(): number { return this.index.bytesUsed(); }
  putManifest(id: AdapterId, manifest: Manifest): void { this.index.register(id, manifest); }
  remove(id: AdapterId): void { this.index.remove(id); }

  putChunk(id: AdapterId, i: number, chunk: StoredChunk): void {
    const m = this.index.require(id);
    if (this.index.hasChunk(id, i)) return;
    checkChunkShape(id, m, i, chunk, 'virtual');
    this.index.mark(id, i, bodyLength(chunk.body));
  }

  readChunk(id: AdapterId, i: number): StoredChunk | undefined {
    if (!this.index.hasChunk(id, i)) return undefined;
    return { body: { virtual: true, length: chunkLength(this.index.manifest(id)!, i) }, proof: NO_PROOF };
  }
}

export function createMetadataStore(): AdapterStore {
  return new MetadataStore();
}
