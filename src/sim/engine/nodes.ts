/**
 * Builds the simulated devices of a scenario: identity, library (metadata-only store, trust list
 * of the scenario's publishers, storage budget, gossip policy), churn, mobility, radio range and
 * a question stream, each from its own seeded stream forked per node and per purpose.
 * Knows nothing of encounters or metrics.
 */
import { createHash } from 'node:crypto';
import { bytesToHex } from '../../core/codec/bytes.ts';
import { createLibrary, type Library, type LibraryEvent } from '../../core/library/index.ts';
import { signingKeyFromSeed, type SigningKey } from '../../core/packet/index.ts';
import { policyByName, type GossipPolicy, type PolicyName } from '../../core/policy/index.ts';
import { createMetadataStore } from '../../core/store/index.ts';
import type { AdapterId, Manifest, Micros, NodeId } from '../../core/types.ts';
import type { Result } from '../../core/errors.ts';
import { createDeviceChurn, type DeviceChurn } from '../churn/index.ts';
import type { Mobility, Place } from '../mobility/index.ts';
import type { SeededRng } from '../rng.ts';
import type { ResolvedGroup, Scenario } from '../scenario/index.ts';
import { churnParamsOf } from '../build/churn.ts';
import { mobilityOf } from '../build/mobility.ts';
import type { Encounter } from './encounter.ts';
import type { NodeAnswerer } from '../workload/answers.ts';

export interface SimNode {
  readonly index: number;
  readonly name: string;
  readonly id: NodeId;
  readonly group: ResolvedGroup;
  readonly library: Library;
  readonly churn: DeviceChurn;
  readonly mobility: Mobility;
  readonly range: number;
  readonly rng: { questions: SeededRng };
  on: boolean;
  /** Nodes in radio range now. */
  readonly neighbours: Set<number>;
  /** Open encounters by peer index, and the side this node plays in each. */
  readonly encounters: Map<number, { enc: Encounter; side: 0 | 1 }>;
  /** Peers with a connection attempt under way. */
  readonly connecting: Set<number>;
  /** Complete adapters held (ids). */
  readonly complete: Set<string>;
  /** Adapters held, complete or partial (ids). */
  readonly held: Set<string>;
  /** Sorted complete ids, or null when stale (for the quick "nothing to exchange" check). */
  completeKey: string | null;
  /** Adapters published by this node. */
  readonly own: Set<string>;
  /** Cached answer model; null when the complete set changed. */
  answerer: NodeAnswerer | null;
  chunksSinceAnnounce: number;
}

const POLICY: Record<ResolvedGroup['policy'], PolicyName> = {
  epidemic: 'epidemic',
  'rarest-first': 'rarest-first',
  demand: 'demand-driven+fill',
};

function seedBytes(seed: string, ...parts: string[]): Uint8Array {
  return new Uint8Array(createHash('sha256').update(JSON.stringify([seed, ...parts])).digest());
}

export function publisherKey(seed: string, node: number): SigningKey {
  return signingKeyFromSeed(seedBytes(seed, 'publisher-key', String(node)));
}

export interface BuildNodesOptions {
  readonly scenario: Scenario;
  readonly rng: SeededRng;
  readonly places: readonly Place[];
  readonly publishers: ReadonlyMap<number, SigningKey>;
  readonly onLibraryEvent: (node: number, e: LibraryEvent) => void;
  /** One memoising manifest verifier shared by every library of the simulation. */
  readonly verifyManifest: (m: Manifest) => Result<AdapterId>;
}

export function buildNodes(o: BuildNodesOptions): SimNode[] {
  const { scenario } = o;
  const trusted = [...o.publishers.values()].map((k) => k.publicKey).sort();
  const policies = new Map<PolicyName, GossipPolicy>();
  const policy = (name: PolicyName) => {
    let p = policies.get(name);
    if (!p) policies.set(name, (p = policyByName(name)));
    return p;
  };
  const nodes: SimNode[] = [];
  for (const g of scenario.groups) {
    const profile = scenario.profiles[g.device]!;
    for (let k = 0; k < g.count; k++) {
      const index = g.firstNode + k;
      const rng = o.rng.fork(`node/${index}`);
      const id = o.publishers.get(index)?.publicKey ?? bytesToHex(seedBytes(o.rng.seed, 'node-id', String(index)));
      const library = createLibrary({
        store: createMetadataStore(),
        self: id,
        trust: { publishers: trusted, tofu: false },
        budgetBytes: g.storage,
        policy: policy(POLICY[g.policy]),
        onEvent: (e) => o.onLibraryEvent(index, e),
        verifyManifest: o.verifyManifest,
      });
      nodes.push({
        index,
        name: `${g.name}-${k}`,
        id,
        group: g,
        library,
        churn: createDeviceChurn(churnParamsOf(g.churn, profile), rng.fork('churn')),
        mobility: mobilityOf(g.mobility, scenario.world, o.places, rng.fork('mobility')),
        range: profile.link.range,
        rng: { questions: rng.fork('questions') },
        on: false,
        neighbours: new Set(),
        encounters: new Map(),
        connecting: new Set(),
        complete: new Set(),
        held: new Set(),
        completeKey: '',
        own: new Set(),
        answerer: null,
        chunksSinceAnnounce: 0,
      });
    }
  }
  return nodes;
}

export const START: Micros = 0;

/**
 * A verifier that checks each distinct manifest (content id + signature) once per simulation and
 * replays the result afterwards: exactly `verifyManifest`, without thousands of identical Ed25519
 * checks. Lives in the Simulation value, never at module level.
 */
export function memoisedVerifier(verify: (m: Manifest) => Result<AdapterId>, id: (m: Manifest) => AdapterId): (m: Manifest) => Result<AdapterId> {
  const seen = new Map<string, Result<AdapterId>>();
  return (m) => {
    const key = `${id(m)}/${m.signature}`;
    let r = seen.get(key);
    if (!r) seen.set(key, (r = verify(m)));
    return r;
  };
}