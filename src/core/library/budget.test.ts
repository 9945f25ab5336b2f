import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StoredChunk } from '../ports.ts';
import { createMetadataStore } from '../store/metadata-store.ts';
import { chunkCount } from '../types.ts';
import { virtualPacket } from '../../../test/store-compliance/packets.ts';
import { supersededThenLru } from './eviction.ts';
import { PEER, admit, fill, ids, testLibrary } from './test-kit.ts';

const H = 3600 * 1_000_000;
const kb = (n: number) => n * 1000;
const pk = (name: string, size: number, extra: { version?: number; domain?: string; publisher?: string } = {}) => virtualPacket({ name, size, chunkSize: 1000, domain: extra.domain ?? name, ...extra });

describe('storage budget and eviction', () => {
  it('reserves the full size of partial adapters at admission', () => {
    const lib = testLibrary({ virtual: true, budgetBytes: kb(100) });
    admit(lib, pk('a', kb(60)));
    expect(lib.reservedBytes()).toBe(kb(60));
    expect(admit(lib, pk('b', kb(50)))).toMatchObject({ ok: false, error: { code: 'library/over-budget', origin: 'local' } });
    expect(admit(lib, pk('c', kb(101)))).toMatchObject({ ok: false, error: { code: 'library/over-budget' } });
    expect(ids(lib)).toHaveLength(1);
  });

  it('evicts superseded first, then stale partials, then least recently used complete adapters', () => {
    const lib = testLibrary({ virtual: true, budgetBytes: kb(100), eviction: supersededThenLru({ stalePartialAfter: 10 * H }) });
    const old = pk('s', kb(20), { version: 1 });
    const used = pk('used', kb(20));
    const idle = pk('idle', kb(20));
    const stale = pk('stale', kb(20));
    fill(lib, old, 0);
    fill(lib, used, 0);
    fill(lib, idle, 0);
    fill(lib, stale, 0, [0]);
    admit(lib, pk('s', kb(20), { version: 2 }), 2 * H); // budget now full; v1 is superseded; v2 stays fresh
    lib.touch(used.id, 5 * H);
    const order: string[] = [];
    for (const [name, at] of [['x1', 11 * H], ['x2', 11 * H], ['x3', 11 * H]] as const) {
      const before = new Set(ids(lib));
      expect(admit(lib, pk(name, kb(20)), at).ok).toBe(true);
      order.push(...[...before].filter((id) => !ids(lib).includes(id)));
    }
    expect(order).toEqual([old.id, stale.id, idle.id]);
    expect(lib.events.filter((e) => e.kind === 'removed').map((e) => e.kind === 'removed' && e.reason)).toEqual(['evicted', 'evicted', 'evicted']);
  });

  it('spares pinned publications, adapters in local demand and fresh partials, and then declines without evicting', () => {
    const lib = testLibrary({ virtual: true, budgetBytes: kb(60), trust: { publishers: [], tofu: true } });
    lib.publish(pk('mine', kb(20), { publisher: 'self' }), 0);
    fill(lib, pk('asked', kb(20), { domain: 'veterinary' }), 0);
    fill(lib, pk('fresh', kb(20)), 0, [0]);
    lib.noteDemand('veterinary', 1);
    const before = ids(lib);
    expect(admit(lib, pk('new', kb(20)), 2)).toMatchObject({ ok: false, error: { code: 'library/over-budget', origin: 'local' } });
    expect(ids(lib)).toEqual(before);
    // once the demand is older than the horizon, the complete adapter becomes evictable
    expect(admit(lib, pk('new', kb(20)), 8 * 24 * H).ok).toBe(true);
  });

  it('evicts only as many adapters as needed', () => {
    const lib = testLibrary({ virtual: true, budgetBytes: kb(100) });
    for (const n of ['a', 'b', 'c', 'd', 'e']) fill(lib, pk(n, kb(20)), 0);
    admit(lib, pk('f', kb(30)), 1);
    expect(ids(lib)).toHaveLength(4);
    expect(lib.reservedBytes()).toBe(kb(90));
  });

  it('shrinks a preloaded store that exceeds a smaller budget at creation', () => {
    const store = createMetadataStore();
    const big = testLibrary({ store, budgetBytes: kb(100) });
    for (const n of ['a', 'b', 'c']) fill(big, pk(n, kb(30)), 0);
    const small = testLibrary({ store, budgetBytes: kb(50) });
    expect(small.reservedBytes()).toBeLessThanOrEqual(kb(50));
    expect(store.bytesUsed()).toBeLessThanOrEqual(kb(50));
  });

  it('a custom eviction policy that repeats ids or names pinned adapters cannot break the budget', () => {
    const sloppy = { name: 'sloppy', order: (held: readonly { id: string }[]) => [...held, ...held].map((h) => h.id).concat(['ff'.repeat(32)]) };
    const lib = testLibrary({ virtual: true, budgetBytes: kb(50), eviction: sloppy, trust: { publishers: [], tofu: true } });
    const mine = pk('mine', kb(20), { publisher: 'self' });
    lib.publish(mine, 0);
    fill(lib, pk('a', kb(20)), 0);
    expect(admit(lib, pk('b', kb(40)), 1)).toMatchObject({ ok: false, error: { code: 'library/over-budget' } });
    expect(admit(lib, pk('c', kb(30)), 1).ok).toBe(true);
    expect(lib.has(mine.id)).toBe(true);
    expect(lib.reservedBytes()).toBe(kb(50));
  });

  it('never exceeds the budget under random admissions, chunks, publications, uses, demand and removals', () => {
    const pool = [
      pk('a', kb(30)), pk('b', kb(45)), pk('c', kb(12)), pk('d', kb(70)), pk('e', kb(101)),
      pk('s', kb(25), { version: 1 }), pk('s', kb(35), { version: 2 }), pk('s', kb(20), { version: 3 }),
      pk('t', kb(40), { version: 4, domain: 'a' }), pk('t', kb(40), { version: 2, domain: 'a' }),
    ];
    const mine = [pk('m1', kb(15), { publisher: 'self' }), pk('m2', kb(28), { publisher: 'self' })];
    const op = fc.oneof(
      fc.record({ k: fc.constant('admit' as const), p: fc.nat(pool.length - 1) }),
      fc.record({ k: fc.constant('chunks' as const), p: fc.nat(pool.length - 1), from: fc.nat(100), n: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ k: fc.constant('publish' as const), p: fc.nat(1) }),
      fc.record({ k: fc.constant('touch' as const), p: fc.nat(pool.length - 1) }),
      fc.record({ k: fc.constant('demand' as const), p: fc.nat(pool.length - 1) }),
      fc.record({ k: fc.constant('remove' as const), p: fc.nat(pool.length - 1) }),
      fc.record({ k: fc.constant('wait' as const), h: fc.integer({ min: 1, max: 48 }) }),
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: kb(40), max: kb(150) }), (ops, budget) => {
      const store = createMetadataStore();
      const lib = testLibrary({ store, budgetBytes: budget, trust: { publishers: [], tofu: true } });
      let at = 0;
      for (const o of ops) {
        if (o.k === 'wait') at += o.h * H;
        else if (o.k === 'publish') lib.publish(mine[o.p]!, at);
        else {
          const p = pool[o.p]!;
          if (o.k === 'admit') lib.admitManifest(p.id, p.manifest, PEER, at);
          else if (o.k === 'touch') lib.touch(p.id, at);
          else if (o.k === 'demand') lib.noteDemand(p.manifest.domain, at);
          else if (o.k === 'remove') lib.remove(p.id, at);
          else if (lib.has(p.id)) {
            const n = chunkCount(p.manifest);
            for (let i = 0; i < o.n; i++) {
              const r = lib.storeChunk(p.id, (o.from + i) % n, p.chunk((o.from + i) % n) as StoredChunk, at);
              if (!r.ok) throw new Error(r.error.message);
            }
          }
        }
        // the invariants, after every single operation
        expect(lib.reservedBytes()).toBeLessThanOrEqual(budget);
        expect(store.bytesUsed()).toBeLessThanOrEqual(lib.reservedBytes());
        const held = store.list();
        expect(held.reduce((s, a) => s + a.manifest.size, 0)).toBe(lib.reservedBytes());
        expect(new Set(ids(lib))).toEqual(new Set(held.map((a) => a.id)));
        for (const e of lib.entries()) {
          expect(e.complete).toBe(e.haveCount === chunkCount(e.manifest));
          // an older version is only ever held next to a newer one that is still partial
          for (const o2 of lib.entries()) {
            if (o2.manifest.publisher === e.manifest.publisher && o2.manifest.name === e.manifest.name && o2.manifest.version > e.manifest.version) {
              expect(e.complete && !o2.complete).toBe(true);
            }
          }
        }
      }
    }), { numRuns: 300 });
  });
});
