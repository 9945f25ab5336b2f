/**
 * What one session knows about its peer: identity, capabilities, negotiated version, and a
 * mutable copy of each advertised adapter's chunk bitmap, kept current by HAVE, CHUNK_MISSING and
 * the chunks we serve. The library gets the HELLO snapshot (`view`); this copy never leaks out.
 */
import type { Capabilities, HelloMessage } from '../codec/messages/types.ts';
import type { PeerView } from '../library/contract.ts';
import type { AdapterId, InventoryEntry, NodeId } from '../types.ts';
import { chunkCount } from '../types.ts';

interface Holding {
  readonly entry: InventoryEntry;
  readonly count: number;
  readonly have: Uint8Array;
}

export class PeerState {
  readonly nodeId: NodeId;
  readonly capabilities: Capabilities;
  readonly view: PeerView;
  /** The peer sent DONE: it wants nothing more from us. */
  done = false;
  private readonly holdings = new Map<AdapterId, Holding>();

  constructor(hello: HelloMessage, readonly version: number) {
    this.nodeId = hello.nodeId;
    this.capabilities = hello.capabilities;
    this.view = { nodeId: hello.nodeId, inventory: hello.inventory };
    for (const entry of hello.inventory) this.holdings.set(entry.id, { entry, count: chunkCount(entry), have: entry.have.slice() });
  }

  entry(id: AdapterId): InventoryEntry | undefined {
    return this.holdings.get(id)?.entry;
  }

  chunkCount(id: AdapterId): number {
    return this.holdings.get(id)?.count ?? 0;
  }

  has(id: AdapterId, index: number): boolean {
    const h = this.holdings.get(id);
    return h !== undefined && index >= 0 && index < h.count && ((h.have[index >> 3]! >> (index & 7)) & 1) === 1;
  }

  set(id: AdapterId, index: number): void {
    const h = this.holdings.get(id);
    if (h && index >= 0 && index < h.count) h.have[index >> 3]! |= 1 << (index & 7);
  }

  clear(id: AdapterId, index: number): void {
    const h = this.holdings.get(id);
    if (h && index >= 0 && index < h.count) h.have[index >> 3]! &= ~(1 << (index & 7));
  }

  /** The peer no longer holds the adapter at all (it answered a manifest request with nothing). */
  forget(id: AdapterId): void {
    this.holdings.delete(id);
  }
}
