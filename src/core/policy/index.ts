/** Public API of gossip policies: the port and the epidemic, rarest-first and demand-driven policies. */
export type { Candidate, DemandRecord, GossipPolicy, PolicyContext } from './types.ts';
export { epidemic, byPeerRank } from './epidemic.ts';
export { rarestFirst } from './rarest-first.ts';
export { demandDriven, type DemandDrivenOptions } from './demand-driven.ts';
export { POLICY_NAMES, policyByName, type PolicyName } from './by-name.ts';
