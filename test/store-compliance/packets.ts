/**
 * Deterministic test packets for store and library tests: small real packets (bytes) with tiny
 * chunks, and virtual ones. Seeds are strings hashed to keys, payloads come from an LCG, so every
 * run builds identical manifests, ids and chunks.
 */
import { createHash } from 'node:crypto';
import { buildPacket, buildVirtualPacket, signingKeyFromSeed, type BuiltPacket, type PacketOptions, type SigningKey } from '../../src/core/packet/index.ts';

export const BASE_MODEL = 'ab'.repeat(32);

export function keyFor(name: string): SigningKey {
  return signingKeyFromSeed(new Uint8Array(createHash('sha256').update(`key:${name}`).digest()));
}

export function lcgPayload(size: number, seed: number): Uint8Array {
  const p = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; p[i] = x >>> 24; }
  return p;
}

export interface TestPacketSpec {
  name?: string;
  version?: number;
  domain?: string;
  size?: number;
  chunkSize?: number;
  publisher?: string;
  baseModel?: string;
  seed?: number;
}

function options(s: TestPacketSpec): PacketOptions {
  return { name: s.name ?? 'agronomy-expert', version: s.version ?? 1, baseModel: s.baseModel ?? BASE_MODEL, domain: s.domain ?? 'agronomy', keywords: ['maize'], chunkSize: s.chunkSize ?? 64 };
}

export function bytesPacket(s: TestPacketSpec = {}): BuiltPacket & { payload: Uint8Array } {
  const payload = lcgPayload(s.size ?? 700, s.seed ?? 7);
  return { ...buildPacket(payload, options(s), keyFor(s.publisher ?? 'alice')), payload };
}

export function virtualPacket(s: TestPacketSpec = {}): BuiltPacket {
  return buildVirtualPacket(s.size ?? 700, options(s), keyFor(s.publisher ?? 'alice'));
}
