/** Public API of adapter packets: hashes, Merkle proofs, keys, manifests, packets. */
export * from './hash.ts';
export * from './merkle.ts';
export * from './keys.ts';
export * from './manifest.ts';
export * from './packet.ts';
