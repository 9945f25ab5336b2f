/**
 * Merkle tree over chunk hashes, so each chunk is verifiable on its own and can come from any
 * peer. Leaves are tagged hashes of chunk bytes; inner nodes hash (left || right); an unpaired
 * node at the end of a level is promoted unchanged. A proof is the sibling hashes from leaf to root
 * (levels where the node was promoted contribute nothing), so its length follows from (index, count).
 */
import { HashTag, taggedHash } from './hash.ts';

export const HASH_BYTES = 32;

export function leafHash(chunk: Uint8Array): Uint8Array {
  return taggedHash(HashTag.chunkLeaf, chunk);
}

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return taggedHash(HashTag.merkleNode, left, right);
}

/** All levels, leaves first, root last. */
export function merkleLevels(leaves: readonly Uint8Array[]): Uint8Array[][] {
  if (leaves.length === 0) return [[taggedHash(HashTag.merkleNode)]];
  const levels: Uint8Array[][] = [leaves.slice()];
  while (levels[levels.length - 1]!.length > 1) {
    const prev = levels[levels.length - 1]!;
    const next: Uint8Array[] = [];
    for (let i = 0; i < prev.length; i += 2) next.push(i + 1 < prev.length ? nodeHash(prev[i]!, prev[i + 1]!) : prev[i]!);
    levels.push(next);
  }
  return levels;
}

export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  const levels = merkleLevels(leaves);
  return levels[levels.length - 1]![0]!;
}

/** Number of sibling hashes in the proof of leaf `index` among `count` leaves. */
export function proofLength(index: number, count: number): number {
  let n = 0;
  for (let i = index, c = count; c > 1; i >>= 1, c = Math.ceil(c / 2)) if ((i ^ 1) < c) n++;
  return n;
}

export function merkleProof(levels: readonly (readonly Uint8Array[])[], index: number): Uint8Array {
  const sibs: Uint8Array[] = [];
  let i = index;
  for (let l = 0; l < levels.length - 1; l++) {
    const level = levels[l]!;
    const s = i ^ 1;
    if (s < level.length) sibs.push(level[s]!);
    i >>= 1;
  }
  const out = new Uint8Array(sibs.length * HASH_BYTES);
  sibs.forEach((h, k) => out.set(h, k * HASH_BYTES));
  return out;
}

/** True when `leaf` at `index` of `count` leaves hashes up to `root` through `proof`. */
export function verifyProof(root: Uint8Array, count: number, index: number, leaf: Uint8Array, proof: Uint8Array): boolean {
  if (index < 0 || index >= count || proof.length !== proofLength(index, count) * HASH_BYTES) return false;
  let h = leaf;
  let k = 0;
  for (let i = index, c = count; c > 1; i >>= 1, c = Math.ceil(c / 2)) {
    const s = i ^ 1;
    if (s < c) {
      const sib = proof.subarray(k * HASH_BYTES, (k + 1) * HASH_BYTES);
      k++;
      h = (i & 1) === 0 ? nodeHash(h, sib) : nodeHash(sib, h);
    }
  }
  return equalBytes(h, root);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}
