import { describe, expect, it } from 'vitest';
import type { InventoryEntry } from '../types.ts';
import { POLICY_NAMES, demandDriven, epidemic, policyByName, rarestFirst, type Candidate, type DemandRecord, type PolicyContext } from './index.ts';

const cand = (id: string, peerRank: number, domain = 'agronomy', localChunks = 0): Candidate => ({
  entry: { id, publisher: 'p', name: id, version: 1, domain, size: 10, chunkSize: 64, have: new Uint8Array([1]) } satisfies InventoryEntry,
  peerRank,
  localChunks,
});
const ctx = (holders: Record<string, number> = {}, demand: Record<string, Omit<DemandRecord, 'domain'>> = {}): PolicyContext => ({
  at: 0,
  holders: (id) => holders[id] ?? 0,
  unservedDemand: (domain) => (demand[domain] ? { domain, ...demand[domain] } : undefined),
});
const order = (cs: Candidate[]) => cs.map((c) => c.entry.id);

describe('gossip policies', () => {
  const input = [cand('c', 2), cand('a', 0), cand('d', 3, 'veterinary', 5), cand('b', 1, 'water')];

  it('epidemic: everything, in the peer FIFO order, without mutating its input', () => {
    const copy = [...input];
    expect(order(epidemic().rank(input, ctx()))).toEqual(['a', 'b', 'c', 'd']);
    expect(input).toEqual(copy);
  });

  it('rarest-first: fewest holders first, then partials already started, then peer order', () => {
    expect(order(rarestFirst().rank(input, ctx({ a: 3, b: 1, c: 1, d: 1 })))).toEqual(['d', 'b', 'c', 'a']);
    expect(order(rarestFirst().rank(input, ctx({ a: 0, b: 2, c: 2, d: 9 })))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('demand-driven: most asked domain first, then most recent, dropping the rest unless filling', () => {
    const demand = { veterinary: { count: 2, firstAt: 0, lastAt: 5 }, water: { count: 2, firstAt: 0, lastAt: 9 }, agronomy: { count: 1, firstAt: 0, lastAt: 1 } };
    expect(order(demandDriven().rank(input, ctx({}, demand)))).toEqual(['b', 'd', 'a', 'c']);
    expect(order(demandDriven().rank(input, ctx({}, { water: demand.water })))).toEqual(['b']);
    expect(order(demandDriven({ fill: true }).rank(input, ctx({}, { water: demand.water })))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('is available by scenario name', () => {
    for (const n of POLICY_NAMES) expect(policyByName(n).name).toBe(n);
  });
});
