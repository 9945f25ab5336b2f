/**
 * What a handshake session needs from a node's adapter library. The session owns the protocol
 * (messages, verification of chunks, timers); the library owns every decision about what to keep
 * (policy, trust, base model, storage budget, eviction, supersede) and the store behind it.
 * This file holds the contract only.
 */
import type { GossipError, Result } from '../errors.ts';
import type { StoredChunk } from '../ports.ts';
import type { AdapterId, InventoryEntry, Manifest, Micros, NodeId } from '../types.ts';

/** What we learnt about a peer from its hello. */
export interface PeerView {
  readonly nodeId: NodeId;
  readonly inventory: readonly InventoryEntry[];
}

export interface SessionLibrary {
  /** 'virtual' libraries (simulation) accept payload-less chunks; 'bytes' libraries never do. */
  readonly payload: 'bytes' | 'virtual';
  /** Our own inventory as advertised in a hello (complete and partial adapters). */
  inventory(): InventoryEntry[];
  manifest(id: AdapterId): Manifest | undefined;
  /** Remembers a peer's inventory (for rarest-first) at time `at`. */
  observePeer(peer: PeerView, at: Micros): void;
  /**
   * Adapters to fetch from this peer, most wanted first, by the gossip policy under the storage
   * budget and trust policy. Adapters already complete locally are never listed.
   */
  plan(peer: PeerView, at: Micros): AdapterId[];
  /**
   * Admits a manifest received from `from` (structure, id, signature, trust, base model,
   * supersede, budget with eviction). Errors with origin 'remote' mean the peer lied (forged or
   * tampered manifest); 'local' means we simply decline it (untrusted, over budget, superseded).
   */
  admitManifest(expectedId: AdapterId, m: Manifest, from: NodeId, at: Micros): Result<AdapterId>;
  /** Chunk indices not yet held, ascending. Empty for unknown adapters. */
  missing(id: AdapterId): number[];
  readChunk(id: AdapterId, index: number): StoredChunk | undefined;
  /** Stores a chunk the session has verified; reports whether the adapter is now complete. */
  storeChunk(id: AdapterId, index: number, chunk: StoredChunk, at: Micros): Result<{ complete: boolean }>;
  /** Remembers a misbehaving peer (sessions with flagged peers are refused). */
  flagPeer(nodeId: NodeId, error: GossipError, at: Micros): void;
  isFlagged(nodeId: NodeId): boolean;
}
