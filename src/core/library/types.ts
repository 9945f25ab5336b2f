/**
 * Shapes of the adapter library beyond the session contract: its options (store, identity, trust,
 * accepted base models, budget, gossip and eviction policies), what it reports (entries, events,
 * flags) and the full `Library` interface the simulator, hw node and router use. Shapes only.
 */
import type { GossipError, Result } from '../errors.ts';
import type { BuiltPacket } from '../packet/packet.ts';
import type { DemandRecord, GossipPolicy } from '../policy/types.ts';
import type { AdapterStore } from '../ports.ts';
import type { AdapterId, Hex, Manifest, Micros, NodeId } from '../types.ts';
import type { SessionLibrary } from './contract.ts';
import type { EvictionPolicy } from './eviction.ts';

export interface TrustOptions {
  /** Publisher keys always accepted. */
  readonly publishers: readonly Hex[];
  /**
   * Trust on first use: an adapter name not yet bound is accepted from any publisher, and the
   * publisher of the first adapter admitted under that name is bound to it; later adapters of that
   * name from another publisher (not in `publishers`) are refused.
   */
  readonly tofu: boolean;
}

export interface PeerWindow {
  /** Most peers remembered for rarest-first (oldest observation dropped first). Default 32. */
  readonly maxPeers: number;
  /** Observations older than this are ignored. Default 6 h. */
  readonly horizon: Micros;
}

export interface LibraryOptions {
  readonly store: AdapterStore;
  readonly self: NodeId;
  readonly trust: TrustOptions;
  /** Accepted base-model ids; undefined accepts any. */
  readonly baseModels?: readonly Hex[] | undefined;
  /** Sum of the full sizes of all held adapters (complete or partial) never exceeds this. */
  readonly budgetBytes: number;
  readonly policy: GossipPolicy;
  /** Default: `supersededThenLru()`. */
  readonly eviction?: EvictionPolicy | undefined;
  readonly peers?: Partial<PeerWindow> | undefined;
  /** Demand older than this no longer counts (policy and eviction). Default 7 days. */
  readonly demandHorizon?: Micros | undefined;
  /** Time of creation, for evictions needed to fit a preloaded store into the budget. Default 0. */
  readonly at?: Micros | undefined;
  /** Observer of library decisions (metrics); must not call back into the library. */
  readonly onEvent?: ((event: LibraryEvent) => void) | undefined;
  /**
   * Structure + signature check of a manifest (default `verifyManifest`). A simulation of
   * thousands of nodes passes one memoising verifier shared by all its libraries, so each distinct
   * manifest is verified once instead of once per node; it must behave exactly like the default.
   */
  readonly verifyManifest?: ((m: Manifest) => Result<AdapterId>) | undefined;
}

export type RemovalReason = 'evicted' | 'superseded' | 'explicit';

export type LibraryEvent =
  | { readonly kind: 'admitted'; readonly id: AdapterId; readonly at: Micros; readonly from: NodeId }
  | { readonly kind: 'completed'; readonly id: AdapterId; readonly at: Micros }
  | { readonly kind: 'removed'; readonly id: AdapterId; readonly at: Micros; readonly reason: RemovalReason }
  | { readonly kind: 'declined'; readonly id: AdapterId; readonly at: Micros; readonly from: NodeId; readonly error: GossipError };

export interface LibraryEntry {
  readonly id: AdapterId;
  readonly manifest: Manifest;
  readonly complete: boolean;
  readonly haveCount: number;
  readonly bytesHeld: number;
  /** Published locally: never evicted. */
  readonly pinned: boolean;
  /** Last `touch`, or completion time if later. */
  readonly lastUsed: Micros;
}

export interface FlaggedPeer {
  readonly nodeId: NodeId;
  readonly error: GossipError;
  readonly at: Micros;
  readonly count: number;
}

export interface Library extends SessionLibrary {
  readonly self: NodeId;
  readonly budgetBytes: number;
  readonly policy: GossipPolicy;
  /** Adds a locally built packet (this node is its origin); pinned against eviction. */
  publish(packet: BuiltPacket, at: Micros): Result<AdapterId>;
  /** A local user's question found no local expert for `domain`. */
  noteDemand(domain: string, at: Micros): void;
  /** The router used adapter `id` (for least-recently-used eviction). */
  touch(id: AdapterId, at: Micros): void;
  /** Removes an adapter on request (e.g. `gossip library rm`). */
  remove(id: AdapterId, at: Micros): void;
  has(id: AdapterId): boolean;
  /** Held adapters, oldest admitted first (the inventory's FIFO order). */
  entries(): LibraryEntry[];
  /** Full sizes of held adapters (partials count in full). Never above `budgetBytes`. */
  reservedBytes(): number;
  /** Demand noted within the horizon, by domain. */
  demand(at: Micros): DemandRecord[];
  flaggedPeers(): FlaggedPeer[];
  unflagPeer(nodeId: NodeId): void;
}
