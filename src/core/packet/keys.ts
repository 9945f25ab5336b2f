/**
 * Ed25519 keys as raw bytes, through node:crypto (10× faster than pure-JS libraries). A private
 * key is its 32-byte seed; generating one needs randomness, which the core never has, so seeds
 * come in from drivers (`gossip keys new`) or from the simulator's seeded streams.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { bytesToHex, hexToBytes } from '../codec/bytes.ts';
import type { Hex } from '../types.ts';

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKey {
  /** 32-byte seed. */
  readonly seed: Uint8Array;
  /** Raw public key, 64 hex chars. */
  readonly publicKey: Hex;
  readonly keyObject: KeyObject;
}

export function signingKeyFromSeed(seed: Uint8Array): SigningKey {
  if (seed.length !== 32) throw new RangeError(`an Ed25519 seed is 32 bytes, got ${seed.length}`);
  const keyObject = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(keyObject).export({ format: 'der', type: 'spki' });
  return { seed: Uint8Array.from(seed), publicKey: bytesToHex(new Uint8Array(spki.subarray(SPKI_ED25519.length))), keyObject };
}

export function signBytes(key: SigningKey, message: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, message, key.keyObject));
}


/** Verifies an Ed25519 signature by a raw public key; false (never a throw) on malformed input. */
export function verifyBytes(publicKey: Hex, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519, hexToBytes(publicKey, 32)]), format: 'der', type: 'spki' });
    return signature.length === 64 && verify(null, message, key, signature);
  } catch {
    return false;
  }
}
