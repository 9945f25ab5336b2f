/**
 * fast-check arbitraries for every wire message, shared by the codec round-trip properties and the
 * session state × message properties. Values are always valid under the wire limits.
 */
import fc from 'fast-check';
import { bytesToHex } from '../../src/core/codec/bytes.ts';
import { ByeReason, type Message } from '../../src/core/codec/messages/types.ts';
import type { InventoryEntry } from '../../src/core/types.ts';
import { chunkCount } from '../../src/core/types.ts';

const utf8 = new TextEncoder();

export const hex32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex);
const shortText = fc.string({ maxLength: 16, unit: 'grapheme' }).filter((s) => utf8.encode(s).length <= 64);
const index = fc.integer({ min: 0, max: (1 << 20) - 1 });

export const inventoryEntry: fc.Arbitrary<InventoryEntry> = fc
  .record({
    id: hex32, publisher: hex32, name: shortText, version: fc.nat(0xffffffff), domain: shortText,
    size: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1 << 22 })),
    chunkSize: fc.integer({ min: 64, max: 1 << 16 }),
    mode: fc.constantFrom('none', 'all', 'random'),
    seed: fc.uint8Array({ maxLength: 64 }),
  })
  .map(({ mode, seed, ...e }) => {
    const n = chunkCount(e);
    const have = new Uint8Array(Math.ceil(n / 8));
    for (let i = 0; i < n; i++) {
      const on = mode === 'all' || (mode === 'random' && seed.length > 0 && ((seed[i % seed.length]! >> (i % 8)) & 1) === 1);
      if (on) have[i >> 3]! |= 1 << (i & 7);
    }
    return { ...e, have };
  });

const proof = fc.integer({ min: 0, max: 32 }).chain((n) => fc.uint8Array({ minLength: n * 32, maxLength: n * 32 }));
const body = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.integer({ min: 0, max: 16 * 1024 * 1024 }).map((length) => ({ virtual: true as const, length })),
);

export const message: fc.Arbitrary<Message> = fc.oneof(
  fc.record({
    type: fc.constant('hello' as const),
    versions: fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }).map((v) => v.sort((a, b) => a - b)),
    nodeId: hex32,
    capabilities: fc.record({ mtu: fc.integer({ min: 20, max: 512 }), maxChunk: fc.integer({ min: 64, max: 16 * 1024 * 1024 }), maxInFlight: fc.integer({ min: 1, max: 256 }) }),
    inventory: fc.uniqueArray(inventoryEntry, { maxLength: 6, selector: (e) => e.id }),
  }),
  fc.record({ type: fc.constant('manifest-request' as const), id: hex32 }),
  fc.record({ type: fc.constant('manifest' as const), id: hex32, manifest: fc.uint8Array({ maxLength: 1024 }) }),
  fc.record({ type: fc.constant('chunk-request' as const), id: hex32, index }),
  fc.record({ type: fc.constant('chunk' as const), id: hex32, index, proof, body }),
  fc.record({ type: fc.constant('chunk-missing' as const), id: hex32, index }),
  fc.record({ type: fc.constant('have' as const), id: hex32, index }),
  fc.constant({ type: 'done' as const }),
  fc.record({
    type: fc.constant('bye' as const),
    reason: fc.constantFrom(...Object.values(ByeReason)),
    sent: fc.nat(0xffffffff), received: fc.nat(0xffffffff),
  }),
);
