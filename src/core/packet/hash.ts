/**
 * Domain-separated SHA-256: every hash role has its own tag, so a value hashed for one purpose
 * (a chunk leaf, a Merkle node, an adapter id, a signature message) can never be confused with
 * another. node:crypto hashing is a pure function and allowed in the core.
 */
import { createHash } from 'node:crypto';

export const HashTag = {
  adapterId: 'gossip-handshake/v1/adapter-id',
  manifestSignature: 'gossip-handshake/v1/manifest-signature',
  chunkLeaf: 'gossip-handshake/v1/chunk-leaf',
  merkleNode: 'gossip-handshake/v1/merkle-node',
  baseModel: 'gossip-handshake/v1/base-model',
  inventoryDigest: 'gossip-handshake/v1/inventory-digest',
  simulatedPayload: 'gossip-handshake/v1/simulated-payload',
} as const;
export type HashTag = (typeof HashTag)[keyof typeof HashTag];

const tagPrefixes = new Map<string, Buffer>();

function prefix(tag: HashTag): Buffer {
  let p = tagPrefixes.get(tag);
  if (!p) {
    const t = Buffer.from(tag, 'utf8');
    p = Buffer.concat([Buffer.from([t.length]), t]);
    tagPrefixes.set(tag, p);
  }
  return p;
}

/** SHA-256(len(tag) || tag || parts...). */
export function taggedHash(tag: HashTag, ...parts: readonly Uint8Array[]): Uint8Array {
  const h = createHash('sha256').update(prefix(tag));
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}
