/**
 * The content of the filesystem-store fixtures: which adapters and chunks they hold. Shared by the
 * regenerate script (fixtures/make-fs-layout-v1.ts) and the tests that open old-format copies.
 */
import type { StoredChunk } from '../../src/core/ports.ts';
import type { AdapterStore } from '../../src/core/ports.ts';
import { bytesPacket } from './packets.ts';

export const fixtureAdapters = {
  /** Partial: 11 chunks, holds 0, 3 and 10. */
  partial: { packet: bytesPacket({ name: 'fixture-partial', domain: 'agronomy', seed: 11, size: 700 }), chunks: [0, 3, 10] },
  /** Complete: 3 chunks of 64, 64 and 2 bytes. */
  complete: { packet: bytesPacket({ name: 'fixture-complete', domain: 'veterinary', seed: 12, size: 130 }), chunks: [0, 1, 2] },
};

export function fillFixture(store: AdapterStore): void {
  for (const { packet, chunks } of Object.values(fixtureAdapters)) {
    store.putManifest(packet.id, packet.manifest);
    for (const i of chunks) store.putChunk(packet.id, i, packet.chunk(i) as StoredChunk);
  }
}
