/**
 * The shape checks every store applies before accepting a chunk: the adapter is registered, the
 * index is in range, the length matches the manifest, a bytes store gets bytes with a proof of the
 * right length. Stores receive only verified data, so a failure here is a local programming error
 * and throws `GossipFault`. Does not verify Merkle proofs (the session did).
 */
import { GossipFault, gossipError } from '../errors.ts';
import { proofLength, HASH_BYTES } from '../packet/merkle.ts';
import type { StoredChunk } from '../ports.ts';
import type { AdapterId, Manifest } from '../types.ts';
import { bodyLength, chunkCount, chunkLength, isVirtualBody } from '../types.ts';

export function unknownAdapter(id: AdapterId): GossipFault {
  return new GossipFault(gossipError('library/unknown-adapter', `adapter ${id.slice(0, 12)}… is not registered in this store`));
}

export function checkChunkShape(id: AdapterId, m: Manifest, index: number, chunk: StoredChunk, payload: 'bytes' | 'virtual'): void {
  const n = chunkCount(m);
  const fault = (code: 'chunk/unexpected' | 'chunk/bad-length' | 'chunk/virtual-not-allowed' | 'chunk/bad-proof', msg: string) =>
    new GossipFault(gossipError(code, `adapter ${id.slice(0, 12)}… chunk ${index}: ${msg}`));
  if (!Number.isInteger(index) || index < 0 || index >= n) throw fault('chunk/unexpected', `index outside 0..${n - 1}`);
  const len = bodyLength(chunk.body);
  if (len !== chunkLength(m, index)) throw fault('chunk/bad-length', `${len} bytes, manifest says ${chunkLength(m, index)}`);
  if (payload === 'bytes') {
    if (isVirtualBody(chunk.body)) throw fault('chunk/virtual-not-allowed', 'a bytes store cannot hold a payload-less chunk');
    if (chunk.proof.length !== proofLength(index, n) * HASH_BYTES) throw fault('chunk/bad-proof', `proof of ${chunk.proof.length} bytes, expected ${proofLength(index, n) * HASH_BYTES}`);
  }
}
