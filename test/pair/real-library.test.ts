import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../src/core/library/index.ts';
import { epidemic } from '../../src/core/policy/epidemic.ts';
import { createMemoryStore } from '../../src/core/store/memory-store.ts';
import { createMetadataStore } from '../../src/core/store/metadata-store.ts';
import { verifyPayload } from '../../src/core/packet/packet.ts';
import { chunkCount, isVirtualBody } from '../../src/core/types.ts';
import { encounter, nodeIdOf, packetOf, publisher, virtualPacketOf } from './fixtures.ts';
import { Pair } from './pair.ts';

// The session against the real library (src/core/library), not the harness's SimpleLibrary.
const library = (name: string, virtual = false) => createLibrary({
  store: virtual ? createMetadataStore() : createMemoryStore(), self: nodeIdOf(name),
  trust: { publishers: [publisher.publicKey], tofu: false }, budgetBytes: 100_000_000, policy: epidemic(),
});

describe('sessions over the real library', () => {
  it('resumes a transfer across broken encounters and ends with a verified, complete adapter', () => {
    const { packet } = packetOf(3_000_000, 64 * 1024, 'real-library');
    const A = library('a');
    expect(A.publish(packet, 0).ok).toBe(true);
    const B = library('b');
    let encounters = 0;
    while (!B.entries().find((e) => e.id === packet.id)?.complete && encounters < 10) {
      encounters++;
      new Pair({ nodeId: nodeIdOf('a'), library: A }, { nodeId: nodeIdOf('b'), library: B }, { bandwidth: 200_000, breakAt: 1_000_000 }).start().drive();
    }
    expect(encounters).toBeGreaterThanOrEqual(3);
    const n = chunkCount(packet.manifest);
    const parts = Array.from({ length: n }, (_, i) => B.readChunk(packet.id, i)!.body as Uint8Array);
    expect(verifyPayload(packet.manifest, Buffer.concat(parts))).toEqual({ ok: true, value: undefined });
  });

  it('moves a virtual adapter between two metadata-only libraries', () => {
    const packet = virtualPacketOf(5_000_000, 256 * 1024);
    const A = library('a', true);
    expect(A.publish(packet, 0).ok).toBe(true);
    const B = library('b', true);
    const p = encounter({ nodeId: nodeIdOf('a'), library: A }, { nodeId: nodeIdOf('b'), library: B });
    expect(p.closedEvent('b')!.error).toBeUndefined();
    expect(B.entries()[0]).toMatchObject({ id: packet.id, complete: true });
    expect(isVirtualBody(B.readChunk(packet.id, 0)!.body)).toBe(true);
  });

  it('a tampered chunk gets the peer flagged in the real library and the next session refused', () => {
    const { packet } = packetOf(500_000, 16 * 1024, 'real-tamper');
    const A = library('mallory');
    A.publish(packet, 0);
    const original = A.readChunk;
    A.readChunk = (id, index) => {
      const c = original.call(A, id, index);
      if (!c || index !== 2 || isVirtualBody(c.body)) return c;
      const body = c.body.slice();
      body[0] = body[0]! ^ 1;
      return { body, proof: c.proof };
    };
    const B = library('b');
    const p = encounter({ nodeId: nodeIdOf('mallory'), library: A }, { nodeId: nodeIdOf('b'), library: B });
    expect(p.closedEvent('b')!.error?.code).toBe('chunk/bad-proof');
    expect(B.isFlagged(nodeIdOf('mallory'))).toBe(true);
    expect(B.readChunk(packet.id, 2)).toBeUndefined();
    const again = encounter({ nodeId: nodeIdOf('mallory'), library: A }, { nodeId: nodeIdOf('b'), library: B });
    expect(again.closedEvent('b')!.error?.code).toBe('session/peer-misbehaving');
  });
});
