/**
 * Turning a peer's inventory into a fetch list. The library filters first (never what is complete
 * locally, permanently declined, from an untrusted publisher, superseded by a version held or by a
 * newer one the same peer offers, larger than the whole budget, or a partial the peer cannot
 * advance), the gossip policy orders what is left, and a final pass keeps the list under the
 * budget cumulatively: resumed partials are already reserved; each new adapter must fit in free
 * space plus what eviction could reclaim, minus the adapters listed before it. Admission re-checks.
 */
import type { Candidate, GossipPolicy, PolicyContext } from '../policy/types.ts';
import { anyBit, hasAnyNotIn } from '../store/bitmap.ts';
import type { AdapterStore } from '../ports.ts';
import type { AdapterId, InventoryEntry, Micros } from '../types.ts';
import { chunkCount } from '../types.ts';
import type { DemandBook } from './demand.ts';
import type { Holdings } from './holdings.ts';
import type { PeerBook } from './peers.ts';
import { SeriesMax } from './series.ts';
import type { TrustBook } from './trust.ts';

export interface PlanDeps {
  readonly store: AdapterStore;
  readonly holdings: Holdings;
  readonly trust: TrustBook;
  readonly peers: PeerBook;
  readonly demandBook: DemandBook;
  readonly declined: ReadonlyMap<AdapterId, unknown> | undefined;
  readonly policy: GossipPolicy;
}

export function candidatesFrom(inventory: readonly InventoryEntry[], d: PlanDeps): Candidate[] {
  const offered = new SeriesMax();
  for (const e of inventory) offered.add(e.publisher, e.name, e.version);
  let held: SeriesMax | undefined;
  const out: Candidate[] = [];
  for (let peerRank = 0; peerRank < inventory.length; peerRank++) {
    const e = inventory[peerRank]!;
    if (d.declined?.has(e.id) || offered.get(e.publisher, e.name)! > e.version) continue;
    const local = d.holdings.get(e.id);
    if (local) {
      if (local.complete) continue;
      const s = d.store.get(e.id)!;
      if (hasAnyNotIn(e.have, s.have, chunkCount(local.manifest))) out.push({ entry: e, peerRank, localChunks: s.haveCount });
      continue;
    }
    if (!anyBit(e.have) || e.size > d.holdings.budgetBytes || !d.trust.allows(e.publisher, e.name)) continue;
    held ??= d.holdings.seriesMax();
    const v = held.get(e.publisher, e.name);
    if (v !== undefined && v >= e.version) continue;
    out.push({ entry: e, peerRank, localChunks: 0 });
  }
  return out;
}

export function plan(inventory: readonly InventoryEntry[], at: Micros, d: PlanDeps): AdapterId[] {
  const candidates = candidatesFrom(inventory, d);
  if (candidates.length === 0) return [];
  let holders: Map<AdapterId, number> | undefined;
  let served: Set<string> | undefined;
  const ctx: PolicyContext = {
    at,
    holders: (id) => {
      holders ??= d.peers.holders(new Set(candidates.map((c) => c.entry.id)), at);
      return holders.get(id) ?? 0;
    },
    unservedDemand: (domain) => {
      const rec = d.demandBook.active(domain, at);
      if (!rec) return undefined;
      served ??= new Set([...d.holdings.values()].filter((h) => h.complete).map((h) => h.manifest.domain));
      return served.has(domain) ? undefined : rec;
    },
  };
  const ranked = d.policy.rank(candidates, ctx);
  let room: number | undefined;
  const out: AdapterId[] = [];
  for (const c of ranked) {
    if (c.localChunks > 0 || d.holdings.get(c.entry.id)) { out.push(c.entry.id); continue; }
    room ??= d.holdings.free() + d.holdings.reclaimable(at);
    if (c.entry.size > room) continue;
    room -= c.entry.size;
    out.push(c.entry.id);
  }
  return out;
}
