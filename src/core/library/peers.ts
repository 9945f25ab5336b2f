/**
 * What a library remembers about other nodes: a bounded window of recent peer inventories (which
 * adapters each advertised, for rarest-first holder counts) and the peers flagged as misbehaving.
 * Knows nothing about policies or stores.
 */
import type { GossipError } from '../errors.ts';
import { anyBit } from '../store/bitmap.ts';
import type { AdapterId, InventoryEntry, Micros, NodeId } from '../types.ts';
import type { FlaggedPeer, PeerWindow } from './types.ts';

export const DEFAULT_PEER_WINDOW: PeerWindow = { maxPeers: 32, horizon: 6 * 3600 * 1_000_000 };


export class PeerBook {
  /** Insertion order = observation order (re-observing moves a peer to the end). */
  private seen: Map<NodeId, { at: Micros; ids: readonly AdapterId[] }> | undefined;
  /** Created on the first flag (most nodes never flag anyone). */
  private flags: Map<NodeId, FlaggedPeer> | undefined;

  constructor(private readonly window: PeerWindow) {}

  observe(nodeId: NodeId, inventory: readonly InventoryEntry[], at: Micros): void {
    this.seen ??= new Map();
    this.seen.delete(nodeId);
    this.seen.set(nodeId, { at, ids: inventory.filter((e) => anyBit(e.have)).map((e) => e.id) });
    while (this.seen.size > this.window.maxPeers) this.seen.delete(this.seen.keys().next().value!);
  }

  /** Holder counts over the peers observed within the horizon, for the ids in `wanted`. */
  holders(wanted: ReadonlySet<AdapterId>, at: Micros): Map<AdapterId, number> {
    const counts = new Map<AdapterId, number>();
    for (const { at: seenAt, ids } of this.seen?.values() ?? []) {
      if (at - seenAt > this.window.horizon) continue;
      for (const id of ids) if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  flag(nodeId: NodeId, error: GossipError, at: Micros): void {
    this.flags ??= new Map();
    const prev = this.flags.get(nodeId);
    this.flags.set(nodeId, { nodeId, error, at, count: (prev?.count ?? 0) + 1 });
  }

  isFlagged(nodeId: NodeId): boolean {
    return this.flags?.has(nodeId) ?? false;
  }

  unflag(nodeId: NodeId): void {
    this.flags?.delete(nodeId);
  }

  flagged(): FlaggedPeer[] {
    return [...(this.flags?.values() ?? [])].sort((a, b) => (a.nodeId < b.nodeId ? -1 : a.nodeId > b.nodeId ? 1 : 0));
  }
}
