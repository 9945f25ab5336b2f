/**
 * The gossip policy port: given the adapters a peer offers that the library would accept (already
 * filtered for trust, supersede, completeness and budget), a policy orders them, most wanted first,
 * and may drop some. Policies are pure and deterministic (ties broken by the peer's advertised
 * order). They know nothing about stores, sessions or the storage budget (the library enforces it).
 */
import type { AdapterId, InventoryEntry, Micros } from '../types.ts';

export interface Candidate {
  /** The adapter as the peer advertises it (with the peer's chunk bitmap). */
  readonly entry: InventoryEntry;
  /** Position in the peer's inventory: its FIFO order, oldest received first. */
  readonly peerRank: number;
  /** Chunks of this adapter already held locally (0 = not held; > 0 = a partial to resume). */
  readonly localChunks: number;
}

export interface DemandRecord {
  readonly domain: string;
  /** Questions noted for this domain (since it was first noted). */
  readonly count: number;
  readonly firstAt: Micros;
  readonly lastAt: Micros;
}

export interface PolicyContext {
  readonly at: Micros;
  /** Recently observed peers (the library's window) that advertised at least one chunk of `id`. */
  holders(id: AdapterId): number;
  /** Recent demand for a domain that no complete local adapter serves; undefined if none. */
  unservedDemand(domain: string): DemandRecord | undefined;
}

export interface GossipPolicy {
  readonly name: string;
  /** Candidates to fetch, most wanted first; may drop candidates. Must not mutate its input. */
  rank(candidates: readonly Candidate[], ctx: PolicyContext): Candidate[];
}
