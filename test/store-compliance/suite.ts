/**
 * The one compliance suite of the `AdapterStore` port. Every implementation (memory, metadata-only,
 * filesystem) runs it with a factory; persistent stores also pass `reopen`, which must give a new
 * instance over the same storage. Includes a model-based property test: random registrations,
 * chunk writes, removals (and reopens) must behave like a plain map.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GossipFault } from '../../src/core/errors.ts';
import { verifyChunk } from '../../src/core/packet/packet.ts';
import type { AdapterStore, StoredChunk } from '../../src/core/ports.ts';
import { bodyLength, chunkCount, chunkLength, isVirtualBody } from '../../src/core/types.ts';
import { bytesPacket } from './packets.ts';

export interface StoreFixture {
  readonly store: AdapterStore;
  /** A new store instance over the same storage (persistent stores only). */
  readonly reopen?: () => AdapterStore;
  readonly dispose?: () => void;
}

export interface ComplianceOptions {
  /** The store keeps its state across instances; the fixture must provide `reopen`. */
  readonly persistent?: boolean;
  /** Runs of the model-based property test (slow stores use fewer). */
  readonly propertyRuns?: number;
}

function faultCode(fn: () => void): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof GossipFault) return e.error.code;
    throw e;
  }
  return undefined;
}

export function describeStoreCompliance(name: string, open: () => StoreFixture, options: ComplianceOptions = {}): void {
  const withStore = (fn: (f: StoreFixture) => void) => () => {
    const f = open();
    try { fn(f); } finally { f.dispose?.(); }
  };
  // 700 bytes in 64-byte chunks: 11 chunks, the last one 60 bytes.
  const a = bytesPacket({ name: 'a', seed: 1 });
  const b = bytesPacket({ name: 'b', seed: 2, size: 300 });
  const put = (s: AdapterStore, p: typeof a, i: number) => s.putChunk(p.id, i, p.chunk(i) as StoredChunk);

  function expectChunk(s: AdapterStore, p: typeof a, i: number): void {
    const c = s.readChunk(p.id, i);
    expect(c).toBeDefined();
    expect(bodyLength(c!.body)).toBe(chunkLength(p.manifest, i));
    if (s.payload === 'bytes') {
      expect(isVirtualBody(c!.body)).toBe(false);
      expect(Buffer.from(c!.body as Uint8Array).equals(Buffer.from(p.chunk(i).body as Uint8Array))).toBe(true);
      expect(verifyChunk(p.manifest, i, c!.body, c!.proof, false).ok).toBe(true);
    } else {
      expect(isVirtualBody(c!.body)).toBe(true);
      expect(c!.proof.length).toBe(0);
    }
  }

  describe(`AdapterStore compliance: ${name}`, () => {
    it('starts empty and treats unknown ids as absent', withStore(({ store }) => {
      expect(store.list()).toEqual([]);
      expect(store.get(a.id)).toBeUndefined();
      expect(store.readChunk(a.id, 0)).toBeUndefined();
      expect(store.bytesUsed()).toBe(0);
      store.remove(a.id);
      expect(store.list()).toEqual([]);
    }));

    it('registers a manifest with an empty bitmap; registering again keeps the chunks', withStore(({ store }) => {
      store.putManifest(a.id, a.manifest);
      const got = store.get(a.id)!;
      expect(got.id).toBe(a.id);
      expect(got.manifest).toEqual(a.manifest);
      expect(Array.from(got.have)).toEqual([0, 0]);
      expect(got.haveCount).toBe(0);
      expect(got.bytesHeld).toBe(0);
      put(store, a, 4);
      store.putManifest(a.id, a.manifest);
      expect(store.get(a.id)!.haveCount).toBe(1);
    }));

    it('stores and reads back chunks, counting the short last chunk exactly', withStore(({ store }) => {
      store.putManifest(a.id, a.manifest);
      put(store, a, 0);
      put(store, a, 10);
      expectChunk(store, a, 0);
      expectChunk(store, a, 10);
      expect(store.readChunk(a.id, 1)).toBeUndefined();
      expect(store.get(a.id)!.bytesHeld).toBe(64 + 60);
      expect(store.bytesUsed()).toBe(124);
    }));

    it('is idempotent: the same chunk twice changes nothing', withStore(({ store }) => {
      store.putManifest(a.id, a.manifest);
      put(store, a, 3);
      put(store, a, 3);
      expect(store.get(a.id)!.haveCount).toBe(1);
      expect(store.bytesUsed()).toBe(64);
      expectChunk(store, a, 3);
    }));

    it('keeps bitmaps LSB first and hands out copies', withStore(({ store }) => {
      store.putManifest(a.id, a.manifest);
      for (const i of [0, 3, 9]) put(store, a, i);
      const got = store.get(a.id)!;
      expect(Array.from(got.have)).toEqual([0b0000_1001, 0b0000_0010]);
      expect(got.haveCount).toBe(3);
      got.have[0] = 0xff;
      expect(store.get(a.id)!.have[0]).toBe(0b0000_1001);
    }));

    it('sums bytesUsed over adapters and lists them by id whatever the insertion order', withStore(({ store }) => {
      const [first, second] = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1));
      store.putManifest(second!.id, second!.manifest);
      store.putManifest(first!.id, first!.manifest);
      for (let i = 0; i < chunkCount(b.manifest); i++) put(store, b, i);
      put(store, a, 1);
      expect(store.list().map((s) => s.id)).toEqual([first!.id, second!.id]);
      expect(store.bytesUsed()).toBe(300 + 64);
      expect(store.get(b.id)!.haveCount).toBe(chunkCount(b.manifest));
    }));

    it('removes an adapter with all its chunks and leaves others alone', withStore(({ store }) => {
      store.putManifest(a.id, a.manifest);
      store.putManifest(b.id, b.manifest);
      put(store, a, 2);
      put(store, b, 0);
      store.remove(a.id);
      expect(store.get(a.id)).toBeUndefined();
      expect(store.readChunk(a.id, 2)).toBeUndefined();
      expect(store.list().map((s) => s.id)).toEqual([b.id]);
      expect(store.bytesUsed()).toBe(64);
      expectChunk(store, b, 0);
      store.putManifest(a.id, a.manifest);
      expect(store.get(a.id)!.haveCount).toBe(0);
      expect(store.readChunk(a.id, 2)).toBeUndefined();
    }));

    it('holds a zero-byte adapter as complete with an empty bitmap', withStore(({ store }) => {
      const z = bytesPacket({ name: 'zero', size: 0 });
      store.putManifest(z.id, z.manifest);
      expect(store.get(z.id)).toMatchObject({ haveCount: 0, bytesHeld: 0 });
      expect(store.get(z.id)!.have.length).toBe(0);
    }));

    it('refuses misuse with stable fault codes', withStore(({ store }) => {
      expect(faultCode(() => put(store, a, 0))).toBe('library/unknown-adapter');
      expect(faultCode(() => store.putManifest(b.id, a.manifest))).toBe('manifest/id-mismatch');
      expect(store.get(b.id)).toBeUndefined();
      store.putManifest(a.id, a.manifest);
      expect(faultCode(() => store.putChunk(a.id, 11, a.chunk(10) as StoredChunk))).toBe('chunk/unexpected');
      expect(faultCode(() => store.putChunk(a.id, 10, a.chunk(9) as StoredChunk))).toBe('chunk/bad-length');
      const virtual = { body: { virtual: true as const, length: 64 }, proof: new Uint8Array(0) };
      if (store.payload === 'bytes') {
        expect(faultCode(() => store.putChunk(a.id, 0, virtual))).toBe('chunk/virtual-not-allowed');
      } else {
        store.putChunk(a.id, 0, virtual);
        expectChunk(store, a, 0);
      }
      expect(store.get(a.id)!.haveCount).toBe(store.payload === 'bytes' ? 0 : 1);
    }));

    it('survives a model-based random sequence of operations', () => {
      const packets = [a, b, bytesPacket({ name: 'c', seed: 3, size: 130 })];
      const op = fc.oneof(
        { arbitrary: fc.record({ kind: fc.constant('manifest' as const), p: fc.nat(2) }), weight: 2 },
        { arbitrary: fc.record({ kind: fc.constant('chunk' as const), p: fc.nat(2), i: fc.nat(4) }), weight: 6 },
        { arbitrary: fc.record({ kind: fc.constant('remove' as const), p: fc.nat(2) }), weight: 1 },
        { arbitrary: fc.record({ kind: fc.constant('reopen' as const) }), weight: 1 },
      );
      fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const f = open();
        try {
          let store = f.store;
          const model = new Map<string, Set<number>>();
          for (const o of ops) {
            if (o.kind === 'reopen') {
              if (f.reopen) store = f.reopen();
              continue;
            }
            const p = packets[o.p]!;
            if (o.kind === 'manifest') {
              store.putManifest(p.id, p.manifest);
              if (!model.has(p.id)) model.set(p.id, new Set());
            } else if (o.kind === 'remove') {
              store.remove(p.id);
              model.delete(p.id);
            } else if (model.has(p.id) && o.i < chunkCount(p.manifest)) {
              put(store, p, o.i);
              model.get(p.id)!.add(o.i);
            }
          }
          expect(store.list().map((s) => s.id)).toEqual([...model.keys()].sort());
          let total = 0;
          for (const [id, held] of model) {
            const p = packets.find((x) => x.id === id)!;
            const s = store.get(id)!;
            expect(s.haveCount).toBe(held.size);
            for (let i = 0; i < chunkCount(p.manifest); i++) {
              expect(((s.have[i >> 3]! >> (i & 7)) & 1) === 1).toBe(held.has(i));
              if (held.has(i)) { expectChunk(store, p, i); total += chunkLength(p.manifest, i); }
            }
          }
          expect(store.bytesUsed()).toBe(total);
        } finally {
          f.dispose?.();
        }
      }), { numRuns: options.propertyRuns ?? 100 });
    });

    // Volatile stores keep their state in memory only: the reopen tests exist for persistent stores.
    if (options.persistent) describe('persistence', () => {
      it('reopening gives the same adapters, bitmaps, bytes and chunks (persistent stores only)', withStore((f) => {
        if (!f.reopen) throw new Error('a persistent store fixture must provide reopen()');
        f.store.putManifest(a.id, a.manifest);
        f.store.putManifest(b.id, b.manifest);
        for (const i of [0, 5, 10]) put(f.store, a, i);
        put(f.store, b, 4);
        const before = f.store.list();
        const again = f.reopen();
        expect(again.list()).toEqual(before);
        expect(again.bytesUsed()).toBe(f.store.bytesUsed());
        for (const i of [0, 5, 10]) expectChunk(again, a, i);
        expectChunk(again, b, 4);
        again.remove(b.id);
        put(again, a, 1);
        const third = f.reopen();
        expect(third.list().map((s) => s.id)).toEqual([a.id]);
        expect(third.get(a.id)!.haveCount).toBe(4);
      }));
    });
  });
}
