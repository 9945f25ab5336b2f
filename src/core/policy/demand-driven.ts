/**
 * Demand-driven gossip: fetch only adapters whose domain local users recently asked about and that
 * no complete local adapter serves (the router reported "no local expert"). Most-asked domain
 * first, then most recently asked, then the peer's FIFO order. With `fill: true` the remaining
 * candidates follow in epidemic order, so idle contact time still relays knowledge onwards; with
 * the default `fill: false` the node is a pure consumer and never carries adapters for others.
 */
import { byPeerRank } from './epidemic.ts';
import type { Candidate, DemandRecord, GossipPolicy } from './types.ts';

export interface DemandDrivenOptions {
  /** Append non-demanded candidates in epidemic order (default false). */
  readonly fill?: boolean;
}

export function demandDriven(options: DemandDrivenOptions = {}): GossipPolicy {
  const fill = options.fill ?? false;
  return {
    name: fill ? 'demand-driven+fill' : 'demand-driven',
    rank(candidates, ctx) {
      const wanted: { c: Candidate; d: DemandRecord }[] = [];
      const rest: Candidate[] = [];
      for (const c of candidates) {
        const d = ctx.unservedDemand(c.entry.domain);
        if (d) wanted.push({ c, d }); else rest.push(c);
      }
      wanted.sort((x, y) => y.d.count - x.d.count || y.d.lastAt - x.d.lastAt || byPeerRank(x.c, y.c));
      const out = wanted.map((w) => w.c);
      return fill ? out.concat(rest.sort(byPeerRank)) : out;
    },
  };
}
