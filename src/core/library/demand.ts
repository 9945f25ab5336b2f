/**
 * Demand bookkeeping: per domain, how often and when local users asked a question no local expert
 * could answer. Demand within the horizon is "active": demand-driven gossip fetches for it and
 * eviction spares complete adapters of its domain. Knows nothing about adapters or policies.
 */
import type { DemandRecord } from '../policy/types.ts';
import type { Micros } from '../types.ts';

export const DEFAULT_DEMAND_HORIZON: Micros = 7 * 24 * 3600 * 1_000_000;

export class DemandBook {
  /** Created on first note (memory matters with thousands of simulated nodes). */
  private byDomain: Map<string, DemandRecord> | undefined;

  constructor(private readonly horizon: Micros) {}

  note(domain: string, at: Micros): void {
    this.byDomain ??= new Map();
    const d = this.byDomain.get(domain);
    this.byDomain.set(domain, d ? { domain, count: d.count + 1, firstAt: d.firstAt, lastAt: Math.max(d.lastAt, at) } : { domain, count: 1, firstAt: at, lastAt: at });
  }

  /** The record for `domain` if asked about within the horizon. */
  active(domain: string, at: Micros): DemandRecord | undefined {
    const d = this.byDomain?.get(domain);
    return d && at - d.lastAt <= this.horizon ? d : undefined;
  }

  list(at: Micros): DemandRecord[] {
    return [...(this.byDomain?.values() ?? [])].filter((d) => at - d.lastAt <= this.horizon).sort((a, b) => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0));
  }
}
