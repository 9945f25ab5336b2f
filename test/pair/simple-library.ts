/**
 * A minimal, honest `SessionLibrary` over Maps for the pair harness (the real library lives in
 * src/core/library): no storage budget, trusts every correctly signed manifest, plans everything
 * the peer holds that we lack, stores exactly what the session hands it. Knobs for tests: seed
 * packets (all or some chunks), decline manifests locally, tamper with a stored chunk.
 */
import { err, ok, type GossipError, type Result } from '../../src/core/errors.ts';
import type { PeerView, SessionLibrary } from '../../src/core/library/contract.ts';
import type { BuiltPacket } from '../../src/core/packet/packet.ts';
import { verifyManifest } from '../../src/core/packet/manifest.ts';
import type { StoredChunk } from '../../src/core/ports.ts';
import type { AdapterId, InventoryEntry, Manifest, Micros, NodeId } from '../../src/core/types.ts';
import { chunkCount, isVirtualBody } from '../../src/core/types.ts';

export interface SimpleLibraryOptions {
  readonly payload?: 'bytes' | 'virtual';
  /** Return an error to decline a (valid) manifest locally. */
  readonly decline?: (m: Manifest) => GossipError | undefined;
}

export class SimpleLibrary implements SessionLibrary {
  readonly payload: 'bytes' | 'virtual';
  readonly flagged = new Map<NodeId, GossipError>();
  readonly observed: PeerView[] = [];
  /** Every chunk stored through `storeChunk`, in order (to assert nothing unverified got in). */
  readonly storeLog: { id: AdapterId; index: number }[] = [];
  private readonly manifests = new Map<AdapterId, Manifest>();
  private readonly chunks = new Map<AdapterId, Map<number, StoredChunk>>();

  constructor(private readonly options: SimpleLibraryOptions = {}) {
    this.payload = options.payload ?? 'bytes';
  }

  /** Seeds a packet's manifest and the given chunks (default: all). */
  add(packet: BuiltPacket, indices?: Iterable<number>): this {
    this.manifests.set(packet.id, packet.manifest);
    const map = this.chunks.get(packet.id) ?? new Map<number, StoredChunk>();
    this.chunks.set(packet.id, map);
    const all = indices ?? Array.from({ length: chunkCount(packet.manifest) }, (_, i) => i);
    for (const i of all) map.set(i, packet.chunk(i));
    return this;
  }

  /** Replaces a stored chunk's payload with a copy that has one byte flipped. */
  tamper(id: AdapterId, index: number): void {
    const c = this.chunks.get(id)?.get(index);
    if (!c || isVirtualBody(c.body)) throw new Error('nothing to tamper with');
    const body = c.body.slice();
    body[0] = body[0]! ^ 0xff;
    this.chunks.get(id)!.set(index, { body, proof: c.proof });
  }

  /** Serves `manifest` under `id` (for forged-manifest tests). */
  forgeManifest(id: AdapterId, manifest: Manifest): void {
    this.manifests.set(id, manifest);
    if (!this.chunks.has(id)) this.chunks.set(id, new Map());
  }

  heldCount(id: AdapterId): number {
    return this.chunks.get(id)?.size ?? 0;
  }

  /** The payload, when every chunk is held as bytes. */
  assemble(id: AdapterId): Uint8Array | undefined {
    const m = this.manifests.get(id);
    const map = this.chunks.get(id);
    if (!m || !map || map.size !== chunkCount(m)) return undefined;
    const out = new Uint8Array(m.size);
    for (let i = 0; i < chunkCount(m); i++) {
      const b = map.get(i)!.body;
      if (isVirtualBody(b)) return undefined;
      out.set(b, i * m.chunkSize);
    }
    return out;
  }

  inventory(): InventoryEntry[] {
    const out: InventoryEntry[] = [];
    for (const [id, m] of this.manifests) {
      const have = new Uint8Array(Math.ceil(chunkCount(m) / 8));
      for (const i of this.chunks.get(id)?.keys() ?? []) have[i >> 3]! |= 1 << (i & 7);
      out.push({ id, publisher: m.publisher, name: m.name, version: m.version, domain: m.domain, size: m.size, chunkSize: m.chunkSize, have });
    }
    return out;
  }

  manifest(id: AdapterId): Manifest | undefined {
    return this.manifests.get(id);
  }

  observePeer(peer: PeerView, _at: Micros): void {
    this.observed.push(peer);
  }

  plan(peer: PeerView, _at: Micros): AdapterId[] {
    return peer.inventory
      .filter((e) => {
        const n = chunkCount(e);
        const held = this.chunks.get(e.id);
        if (!this.manifests.has(e.id)) return true;
        for (let i = 0; i < n; i++) if ((e.have[i >> 3]! >> (i & 7)) & 1 && !held?.has(i)) return true;
        return false;
      })
      .map((e) => e.id);
  }

  admitManifest(expectedId: AdapterId, m: Manifest, _from: NodeId, _at: Micros): Result<AdapterId> {
    if (!m.signature) return err('manifest/unsigned', 'unsigned manifests are declined', 'local');
    const v = verifyManifest(m);
    if (!v.ok) return v;
    if (v.value !== expectedId) return err('manifest/id-mismatch', 'manifest id differs from the requested one');
    const declined = this.options.decline?.(m);
    if (declined) return { ok: false, error: declined };
    this.manifests.set(v.value, m);
    if (!this.chunks.has(v.value)) this.chunks.set(v.value, new Map());
    return ok(v.value);
  }

  missing(id: AdapterId): number[] {
    const m = this.manifests.get(id);
    if (!m) return [];
    const held = this.chunks.get(id);
    const out: number[] = [];
    for (let i = 0; i < chunkCount(m); i++) if (!held?.has(i)) out.push(i);
    return out;
  }

  readChunk(id: AdapterId, index: number): StoredChunk | undefined {
    return this.chunks.get(id)?.get(index);
  }

  storeChunk(id: AdapterId, index: number, chunk: StoredChunk, _at: Micros): Result<{ complete: boolean }> {
    const m = this.manifests.get(id);
    const map = this.chunks.get(id);
    if (!m || !map) return err('library/unknown-adapter', `no manifest for ${id.slice(0, 12)}`, 'local');
    map.set(index, chunk);
    this.storeLog.push({ id, index });
    return ok({ complete: map.size === chunkCount(m) });
  }

  flagPeer(nodeId: NodeId, error: GossipError, _at: Micros): void {
    this.flagged.set(nodeId, error);
  }

  isFlagged(nodeId: NodeId): boolean {
    return this.flagged.has(nodeId);
  }
}
