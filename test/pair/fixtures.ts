/**
 * Shared fixtures for session and pair tests: deterministic node identities, payloads and signed
 * packets (real and virtual), and a helper that runs one encounter to the end.
 */
import { createHash } from 'node:crypto';
import { signingKeyFromSeed, type SigningKey } from '../../src/core/packet/keys.ts';
import { buildPacket, buildVirtualPacket, type BuiltPacket } from '../../src/core/packet/packet.ts';
import type { NodeId } from '../../src/core/types.ts';
import { Pair, type EndOptions, type LinkOptions } from './pair.ts';
import type { VirtualClock } from './virtual-clock.ts';

export function keyOf(name: string): SigningKey {
  return signingKeyFromSeed(new Uint8Array(createHash('sha256').update(name).digest()));
}

export function nodeIdOf(name: string): NodeId {
  return keyOf(`node/${name}`).publicKey;
}

/** Deterministic pseudo-random bytes (xorshift32), fast enough for tens of MB. */
export function payloadOf(size: number, seed = 1): Uint8Array {
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, size >>> 2);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    words[i] = x;
  }
  for (let i = words.length * 4; i < size; i++) out[i] = i & 0xff;
  return out;
}

export const BASE_MODEL = 'ba'.repeat(32);
export const publisher = keyOf('publisher/agronomy-lab');

export function packetOf(size: number, chunkSize: number, name = 'agronomy-expert', version = 1): { packet: BuiltPacket; payload: Uint8Array } {
  const payload = payloadOf(size, size ^ chunkSize ^ version);
  const packet = buildPacket(payload, { name, version, baseModel: BASE_MODEL, domain: 'agronomy', keywords: ['maize'], chunkSize }, publisher);
  return { packet, payload };
}

export function virtualPacketOf(size: number, chunkSize: number, name = 'veterinary-expert'): BuiltPacket {
  return buildVirtualPacket(size, { name, version: 1, baseModel: BASE_MODEL, domain: 'veterinary', chunkSize }, publisher);
}

/** One encounter from start to both sessions closed. */
export function encounter(a: EndOptions, b: EndOptions, link: LinkOptions = {}, clock?: VirtualClock): Pair {
  return new Pair(a, b, link, clock).start().drive();
}
