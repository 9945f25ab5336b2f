/**
 * Frame layout shared by every wire message: one version byte, one type byte, then the body.
 * Owns the protocol version numbers, the message type bytes and the wire limits the decoders
 * enforce. Knows no message bodies (those live in messages/*.ts) and nothing about sessions.
 */
import { ManifestLimits } from '../packet/manifest.ts';

/** The protocol version this code speaks; HELLO frames are always framed as version 1. */
export const PROTOCOL_VERSION = 1;
/** Versions this code can decode and negotiate, ascending. */
export const SUPPORTED_VERSIONS: readonly number[] = [1];

/** Bytes before the body: version + type. */
export const FRAME_HEADER_BYTES = 2;

/** Type byte of each message. */
export const MessageType = {
  HELLO: 0x01,
  MANIFEST_REQUEST: 0x02,
  MANIFEST: 0x03,
  CHUNK_REQUEST: 0x04,
  CHUNK: 0x05,
  CHUNK_MISSING: 0x06,
  HAVE: 0x07,
  DONE: 0x08,
  BYE: 0x09,
} as const;
export type MessageTypeByte = (typeof MessageType)[keyof typeof MessageType];

/** Bounds every decoder enforces, so hostile lengths never allocate or loop unboundedly. */
export const WireLimits = {
  /** Protocol versions listed in a HELLO. */
  versions: 16,
  /** Adapters in a HELLO inventory. */
  inventory: 4096,
  /** Link MTU range a HELLO may declare. */
  minMtu: 20,
  maxMtu: 512,
  /** Requests a HELLO may allow in flight. */
  maxInFlight: 256,
  /** Sibling hashes in a chunk proof (a tree of 2^32 leaves). */
  proofHashes: 32,
  /** Chunk payload bytes (= ManifestLimits.maxChunk). */
  chunkPayload: ManifestLimits.maxChunk,
  /** Chunk indices (= ManifestLimits.maxChunks). */
  chunkIndex: ManifestLimits.maxChunks - 1,
  /** Encoded manifest bytes. */
  manifest: ManifestLimits.maxEncoded,
} as const;

/**
 * Largest frame a CHUNK of `maxChunk` payload bytes produces, rounded up with room for every other
 * message (a full HELLO is far smaller than a MiB in practice): the reassembler's bound.
 */
export function maxFrameLength(maxChunk: number): number {
  const chunkOverhead = FRAME_HEADER_BYTES + 32 + 8 + 1 + 1 + WireLimits.proofHashes * 32 + 8;
  return Math.max(maxChunk + chunkOverhead, 1024 * 1024);
}
