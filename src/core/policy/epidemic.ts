/**
 * Epidemic gossip: fetch everything new, in the peer's FIFO order. Our libraries advertise their
 * inventory oldest-admitted first, so this is The ONE's epidemic router with a FIFO queue: the
 * adapter the peer received first is sent first. Knows nothing about holders or demand.
 */
import type { Candidate, GossipPolicy } from './types.ts';

export const byPeerRank = (a: Candidate, b: Candidate): number => a.peerRank - b.peerRank;

export function epidemic(): GossipPolicy {
  return { name: 'epidemic', rank: (candidates) => [...candidates].sort(byPeerRank) };
}
