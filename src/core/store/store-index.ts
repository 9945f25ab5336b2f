/**
 * The bookkeeping shared by every `AdapterStore`: registered manifests, chunk bitmaps, chunk and
 * byte counts, deterministic listing (by adapter id). Holds no payload; each store keeps its
 * bytes (or none) beside it. Knows nothing about trust, budgets or policies.
 */
import { GossipFault, gossipError } from '../errors.ts';
import { manifestId } from '../packet/manifest.ts';
import type { StoredAdapter } from '../ports.ts';
import type { AdapterId, Manifest } from '../types.ts';
import { chunkCount } from '../types.ts';
import { emptyBitmap, fullBitmap, hasBit, setBit } from './bitmap.ts';
import { unknownAdapter } from './check-chunk.ts';

interface Entry {
  readonly manifest: Manifest;
  /** Null once complete: a full bitmap is implied, saving memory where most adapters are complete. */
  have: Uint8Array | null;
  haveCount: number;
  bytesHeld: number;
}

export class StoreIndex {
  private readonly entries = new Map<AdapterId, Entry>();
  private total = 0;
  private sortedIds: AdapterId[] | undefined;

  has(id: AdapterId): boolean {
    return this.entries.has(id);
  }

  manifest(id: AdapterId): Manifest | undefined {
    return this.entries.get(id)?.manifest;
  }

  /** The manifest of a registered adapter, or a `library/unknown-adapter` fault. */
  require(id: AdapterId): Manifest {
    const e = this.entries.get(id);
    if (!e) throw unknownAdapter(id);
    return e.manifest;
  }

  hasChunk(id: AdapterId, index: number): boolean {
    const e = this.entries.get(id);
    if (e === undefined || index < 0 || index >= chunkCount(e.manifest)) return false;
    return e.have === null || hasBit(e.have, index);
  }

  isComplete(id: AdapterId): boolean {
    const e = this.entries.get(id);
    return e !== undefined && e.haveCount === chunkCount(e.manifest);
  }

  get(id: AdapterId): StoredAdapter | undefined {
    const e = this.entries.get(id);
    return e && { id, manifest: e.manifest, have: e.have ? e.have.slice() : fullBitmap(e.haveCount), haveCount: e.haveCount, bytesHeld: e.bytesHeld };
  }

  list(): StoredAdapter[] {
    this.sortedIds ??= [...this.entries.keys()].sort();
    return this.sortedIds.map((id) => this.get(id)!);
  }

  /** Registers a manifest (checking that `id` is its content address); false if already present. */
  register(id: AdapterId, manifest: Manifest): boolean {
    if (this.entries.has(id)) return false;
    if (manifestId(manifest) !== id) throw new GossipFault(gossipError('manifest/id-mismatch', `manifest ${manifest.name} v${manifest.version} does not hash to ${id.slice(0, 12)}…`));
    const n = chunkCount(manifest);
    this.entries.set(id, { manifest, have: n === 0 ? null : emptyBitmap(n), haveCount: 0, bytesHeld: 0 });
    this.sortedIds = undefined;
    return true;
  }

  /** Marks a chunk present; false if it already was. */
  mark(id: AdapterId, index: number, length: number): boolean {
    const e = this.entries.get(id);
    if (!e) throw unknownAdapter(id);
    if (e.have === null || hasBit(e.have, index)) return false;
    setBit(e.have, index);
    e.haveCount++;
    if (e.haveCount === chunkCount(e.manifest)) e.have = null;
    e.bytesHeld += length;
    this.total += length;
    return true;
  }

  remove(id: AdapterId): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    this.total -= e.bytesHeld;
    this.entries.delete(id);
    this.sortedIds = undefined;
    return true;
  }

  bytesUsed(): number {
    return this.total;
  }
}
