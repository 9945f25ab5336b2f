import { describe, expect, it } from 'vitest';
import { verifyPayload } from '../../src/core/packet/packet.ts';
import { chunkCount } from '../../src/core/types.ts';
import { encounter, nodeIdOf, packetOf } from './fixtures.ts';
import { Pair, driveAll } from './pair.ts';
import { SimpleLibrary } from './simple-library.ts';
import { VirtualClock } from './virtual-clock.ts';

const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
const node = (name: string, library: SimpleLibrary) => ({ nodeId: nodeIdOf(name), library });

describe('pair transfers', () => {
  it('swaps adapters both ways in one encounter and both sides end cleanly with matching summaries', () => {
    const one = packetOf(300_000, 16 * 1024, 'agronomy');
    const two = packetOf(200_000, 8 * 1024, 'veterinary');
    const A = new SimpleLibrary().add(one.packet);
    const B = new SimpleLibrary().add(two.packet);
    const p = encounter(node('a', A), node('b', B), { latency: 30_000, mtu: 185, bandwidth: 80_000 });
    expect(same(B.assemble(one.packet.id), one.payload)).toBe(true);
    expect(same(A.assemble(two.packet.id), two.payload)).toBe(true);
    const ca = p.closedEvent('a')!;
    const cb = p.closedEvent('b')!;
    expect(ca.error).toBeUndefined();
    expect(cb.error).toBeUndefined();
    expect(ca).toMatchObject({ sent: chunkCount(one.packet.manifest), received: chunkCount(two.packet.manifest) });
    expect(cb.peer).toMatchObject({ reasonName: 'done', sent: ca.sent, received: ca.received });
    expect(p.eventsOf('b', 'adapter-complete')).toEqual([{ type: 'adapter-complete', id: one.packet.id }]);
  });

  it('a 35 MB adapter crosses a link that breaks every ~5 MB, resuming each encounter, byte-identical', () => {
    const { packet, payload } = packetOf(35_000_000, 256 * 1024, 'big-agronomy');
    const n = chunkCount(packet.manifest);
    const A = new SimpleLibrary().add(packet);
    const B = new SimpleLibrary();
    let encounters = 0;
    let stored = 0;
    while (B.heldCount(packet.id) < n && encounters < 20) {
      encounters++;
      const p = new Pair(node('a', A), node('b', B), { latency: 20_000, mtu: 244, bandwidth: 1_000_000, breakAt: 5_000_000 + encounters * 1009 }).start().drive();
      stored += p.eventsOf('b', 'chunk-stored').length;
      const closed = p.closedEvent('b')!;
      if (B.heldCount(packet.id) < n) {
        expect(closed.error).toMatchObject({ code: 'session/link-lost' });
        expect(closed.inFlight.length).toBeGreaterThan(0);
        for (const c of closed.inFlight) expect(B.readChunk(c.id, c.index)).toBeUndefined();
      }
    }
    expect(encounters).toBeGreaterThanOrEqual(4);
    expect(stored).toBe(n); // resumed: no chunk was fetched twice
    expect(new Set(B.storeLog.map((s) => s.index)).size).toBe(n);
    const got = B.assemble(packet.id)!;
    expect(same(got, payload)).toBe(true);
    expect(verifyPayload(packet.manifest, got)).toEqual({ ok: true, value: undefined });
  });

  it('assembles one adapter from 3 peers holding different chunks, over 3 encounters', () => {
    const { packet, payload } = packetOf(3_000_000, 64 * 1024, 'clinic');
    const n = chunkCount(packet.manifest);
    const third = Math.ceil(n / 3);
    const range = (a: number, b: number) => Array.from({ length: Math.max(0, Math.min(b, n) - a) }, (_, i) => a + i);
    const peers = [0, 1, 2].map((k) => new SimpleLibrary().add(packet, range(k * third, (k + 1) * third)));
    const X = new SimpleLibrary();
    const got: number[] = [];
    peers.forEach((lib, k) => {
      const p = encounter(node('x', X), node(`p${k}`, lib), { bandwidth: 500_000 });
      got.push(p.eventsOf('a', 'chunk-stored').length);
      expect(p.closedEvent('a')!.error).toBeUndefined();
    });
    expect(got).toEqual([third, third, n - 2 * third]);
    expect(same(X.assemble(packet.id), payload)).toBe(true);
    expect(X.flagged.size).toBe(0);
  });

  it('fills one adapter from two complete peers at once with few duplicate chunks (announce across sessions)', () => {
    const { packet, payload } = packetOf(4_000_000, 64 * 1024, 'market');
    const n = chunkCount(packet.manifest);
    const X = new SimpleLibrary().add(packet, []);
    const clock = new VirtualClock();
    const pairs = ['a', 'b'].map((name) => new Pair(node('x', X), node(name, new SimpleLibrary().add(packet)), { bandwidth: 200_000 }, clock));
    pairs.forEach((p, k) => {
      p.onEvent = (side, e) => {
        if (side !== 'a' || e.type !== 'chunk-stored') return;
        const otherPair = pairs[1 - k]!;
        otherPair.input('a', { kind: 'command', at: clock.now, command: 'announce', id: e.id, index: e.index });
      };
    });
    pairs.forEach((p) => p.start());
    driveAll(clock, pairs);
    expect(same(X.assemble(packet.id), payload)).toBe(true);
    const fromEach = pairs.map((p) => p.eventsOf('a', 'chunk-stored').length);
    expect(Math.min(...fromEach)).toBeGreaterThan(n / 4); // both links carried a real share
    expect(X.storeLog.length).toBeLessThanOrEqual(n + 8); // at most one window of overlap per meeting point
  });

  it('relays through HAVE: chunks a node gets from one peer flow on to another peer in the same encounter', () => {
    const { packet, payload } = packetOf(2_000_000, 64 * 1024, 'relay');
    const n = chunkCount(packet.manifest);
    const half = Math.floor(n / 2);
    const X = new SimpleLibrary().add(packet, Array.from({ length: half }, (_, i) => i));
    const Y = new SimpleLibrary().add(packet, []);
    const A = new SimpleLibrary().add(packet);
    const clock = new VirtualClock();
    const xy = new Pair(node('x', X), node('y', Y), { bandwidth: 100_000 }, clock);
    const xa = new Pair(node('x', X), node('a', A), { bandwidth: 5_000_000 }, clock);
    xa.onEvent = (side, e) => {
      if (side === 'a' && e.type === 'chunk-stored') xy.input('a', { kind: 'command', at: clock.now, command: 'announce', id: e.id, index: e.index });
    };
    xy.start();
    xa.start();
    driveAll(clock, [xy, xa]);
    expect(xy.eventsOf('b', 'chunk-stored')).toHaveLength(n);
    expect(same(Y.assemble(packet.id), payload)).toBe(true);
  });

  it('is deterministic: two encounters interleaved step by step produce identical event logs and link bytes', () => {
    const { packet } = packetOf(1_500_000, 32 * 1024, 'determinism');
    const make = () => new Pair(node('a', new SimpleLibrary().add(packet, [0, 1, 2, 3, 4, 5, 6, 7])), node('b', new SimpleLibrary().add(packet, [30, 31, 32, 33])), { bandwidth: 70_000, mtu: 100, breakAt: 900_000 }).start();
    const solo = make().drive();
    const [x, y] = [make(), make()];
    for (let guard = 0; !(x.done && y.done) && guard < 100_000; guard++) {
      x.clock.runSteps(3);
      y.clock.runSteps(5);
    }
    for (const p of [x, y]) {
      expect(p.events).toEqual(solo.events);
      expect(p.linkBytes).toBe(solo.linkBytes);
      expect(p.clock.now).toBe(solo.clock.now);
    }
  });
});
