/**
 * Rarest-first (BitTorrent's rule at adapter granularity): fetch the adapters the fewest recently
 * observed peers hold, so rare knowledge is copied before it can vanish with its last holder.
 * Ties: partials already started (more local chunks first), then the peer's FIFO order.
 * A holder is a peer that advertised at least one chunk; the window is the library's.
 */
import { byPeerRank } from './epidemic.ts';
import type { GossipPolicy } from './types.ts';

export function rarestFirst(): GossipPolicy {
  return {
    name: 'rarest-first',
    rank(candidates, ctx) {
      const holders = new Map(candidates.map((c) => [c.entry.id, ctx.holders(c.entry.id)]));
      return [...candidates].sort((a, b) =>
        holders.get(a.entry.id)! - holders.get(b.entry.id)! || b.localChunks - a.localChunks || byPeerRank(a, b));
    },
  };
}
