/**
 * The decoded shape of every wire message, as a tagged union on `type`. Shapes only: the byte
 * layouts live in one codec file per message, the meaning in docs/protocol.md.
 */
import type { AdapterId, ChunkBody, InventoryEntry, NodeId } from '../../types.ts';

/** What a node can take: its link MTU, the largest chunk it accepts, requests it allows in flight. */
export interface Capabilities {
  readonly mtu: number;
  readonly maxChunk: number;
  readonly maxInFlight: number;
}

export interface HelloMessage {
  readonly type: 'hello';
  /** Protocol versions the sender speaks, ascending. */
  readonly versions: readonly number[];
  readonly nodeId: NodeId;
  readonly capabilities: Capabilities;
  readonly inventory: readonly InventoryEntry[];
}

export interface ManifestRequestMessage { readonly type: 'manifest-request'; readonly id: AdapterId }

/** A manifest in its canonical encoding; empty bytes mean "I no longer hold it". */
export interface ManifestMessage { readonly type: 'manifest'; readonly id: AdapterId; readonly manifest: Uint8Array }

export interface ChunkRequestMessage { readonly type: 'chunk-request'; readonly id: AdapterId; readonly index: number }

/** A chunk with its Merkle proof; a virtual body (simulation) carries only its length. */
export interface ChunkMessage {
  readonly type: 'chunk';
  readonly id: AdapterId;
  readonly index: number;
  /** Concatenated sibling hashes, leaf to root (32 bytes each). */
  readonly proof: Uint8Array;
  readonly body: ChunkBody;
}

/** Negative answer to a CHUNK_REQUEST: the sender does not hold that chunk (any more). */
export interface ChunkMissingMessage { readonly type: 'chunk-missing'; readonly id: AdapterId; readonly index: number }

/** The sender has just verified and stored this chunk (mid-session inventory update). */
export interface HaveMessage { readonly type: 'have'; readonly id: AdapterId; readonly index: number }

/** The sender wants nothing more from this peer in this session. */
export interface DoneMessage { readonly type: 'done' }

/** Why a session ends (BYE reason byte). */
export const ByeReason = {
  DONE: 0,
  CLOSED: 1,
  PROTOCOL_VIOLATION: 2,
  INCOMPATIBLE_VERSION: 3,
  TIMEOUT: 4,
  BAD_CHUNK: 5,
  BAD_MANIFEST: 6,
  REFUSED: 7,
  SELF_CONNECTION: 8,
  LOCAL_ERROR: 9,
} as const;
export type ByeReason = (typeof ByeReason)[keyof typeof ByeReason];
export const BYE_REASON_NAMES: Readonly<Record<ByeReason, string>> = {
  0: 'done', 1: 'closed', 2: 'protocol-violation', 3: 'incompatible-version', 4: 'timeout',
  5: 'bad-chunk', 6: 'bad-manifest', 7: 'refused', 8: 'self-connection', 9: 'local-error',
};

/** Last message of a session: why, and how many chunks the sender sent and received. */
export interface ByeMessage { readonly type: 'bye'; readonly reason: ByeReason; readonly sent: number; readonly received: number }

export type Message =
  | HelloMessage | ManifestRequestMessage | ManifestMessage | ChunkRequestMessage | ChunkMessage
  | ChunkMissingMessage | HaveMessage | DoneMessage | ByeMessage;

export type MessageName = Message['type'];
export const MESSAGE_NAMES: readonly MessageName[] = [
  'hello', 'manifest-request', 'manifest', 'chunk-request', 'chunk', 'chunk-missing', 'have', 'done', 'bye',
];
