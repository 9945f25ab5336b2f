/**
 * Policy lookup by the names scenarios use (`epidemic`, `rarest-first`, `demand-driven`,
 * `demand-driven+fill`). Knows the catalogue only.
 */
import { demandDriven } from './demand-driven.ts';
import { epidemic } from './epidemic.ts';
import { rarestFirst } from './rarest-first.ts';
import type { GossipPolicy } from './types.ts';

export const POLICY_NAMES = ['epidemic', 'rarest-first', 'demand-driven', 'demand-driven+fill'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export function policyByName(name: PolicyName): GossipPolicy {
  switch (name) {
    case 'epidemic': return epidemic();
    case 'rarest-first': return rarestFirst();
    case 'demand-driven': return demandDriven();
    case 'demand-driven+fill': return demandDriven({ fill: true });
  }
}
