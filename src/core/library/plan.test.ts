import { describe, expect, it } from 'vitest';
import type { BuiltPacket } from '../packet/packet.ts';
import { demandDriven } from '../policy/demand-driven.ts';
import { rarestFirst } from '../policy/rarest-first.ts';
import type { InventoryEntry, NodeId } from '../types.ts';
import { virtualPacket, keyFor } from '../../../test/store-compliance/packets.ts';
import { PEER, admit, fill, testLibrary } from './test-kit.ts';

const pk = (name: string, size = 4000, domain = name) => virtualPacket({ name, size, chunkSize: 1000, domain });
const entry = (p: BuiltPacket, have = 0b1111): InventoryEntry => ({ id: p.id, publisher: p.manifest.publisher, name: p.manifest.name, version: p.manifest.version, domain: p.manifest.domain, size: p.manifest.size, chunkSize: p.manifest.chunkSize, have: new Uint8Array([have]) });
const peer = (inventory: InventoryEntry[], nodeId: NodeId = PEER) => ({ nodeId, inventory });
const [a, b, c, d] = [pk('a'), pk('b'), pk('c'), pk('d')];

describe('plan: what a library asks a peer for', () => {
  it('skips what is complete locally, what the peer has no chunk of, and partials the peer cannot advance', () => {
    const lib = testLibrary({ virtual: true });
    fill(lib, a);
    fill(lib, b, 0, [0, 1]);
    fill(lib, c, 0, [0, 1]);
    const offered = [entry(a), entry(b, 0b0011), entry(c, 0b0110), entry(d, 0)];
    expect(lib.plan(peer(offered), 0)).toEqual([c.id]);
  });

  it('epidemic follows the peer advertised order, which is its admission (FIFO) order', () => {
    const sender = testLibrary({ virtual: true });
    for (const p of [c, a, d, b]) fill(sender, p);
    const receiver = testLibrary({ virtual: true });
    expect(receiver.plan(peer(sender.inventory()), 0)).toEqual([c.id, a.id, d.id, b.id]);
  });

  it('keeps the list under the budget cumulatively, counting held partials as already reserved', () => {
    const lib = testLibrary({ virtual: true, budgetBytes: 10_000 });
    admit(lib, pk('held', 3000));
    const big = [pk('x', 4000), pk('y', 4000), pk('z', 2500)];
    expect(lib.plan(peer([entry(pk('held', 3000), 0b111), ...big.map((p) => entry(p))]), 0)).toEqual([pk('held', 3000).id, big[0]!.id, big[2]!.id]);
    expect(lib.plan(peer([entry(pk('huge', 20_000))]), 0)).toEqual([]);
  });

  it('rarest-first asks for the adapters fewest recent peers hold', () => {
    const lib = testLibrary({ virtual: true, policy: rarestFirst(), peers: { horizon: 100 } });
    const others = ['p1', 'p2', 'p3'].map((n) => keyFor(n).publicKey);
    lib.observePeer(peer([entry(a), entry(b), entry(c)], others[0]), 0);
    lib.observePeer(peer([entry(a), entry(b)], others[1]), 0);
    lib.observePeer(peer([entry(a), entry(d, 0)], others[2]), 0); // an empty bitmap is not holding
    const offer = peer([entry(a), entry(b), entry(c), entry(d)]);
    lib.observePeer(offer, 0);
    expect(lib.plan(offer, 50)).toEqual([d.id, c.id, b.id, a.id]);
    // observations past the horizon no longer count: only the offering peer's own (at 150) remains
    lib.observePeer(offer, 150);
    expect(lib.plan(offer, 200)).toEqual([a.id, b.id, c.id, d.id]);
  });

  it('rarest-first forgets the oldest peers beyond the window', () => {
    const lib = testLibrary({ virtual: true, policy: rarestFirst(), peers: { maxPeers: 2 } });
    lib.observePeer(peer([entry(b)], keyFor('p1').publicKey), 0);
    lib.observePeer(peer([entry(b)], keyFor('p2').publicKey), 1);
    lib.observePeer(peer([entry(a), entry(b)], PEER), 2); // p1 forgotten: a has 1 holder, b has 2
    expect(lib.plan(peer([entry(b), entry(a)]), 3)).toEqual([a.id, b.id]);
  });

  it('demand-driven asks only for domains local users asked about and no complete adapter serves', () => {
    const lib = testLibrary({ virtual: true, policy: demandDriven() });
    const vet1 = pk('vet1', 4000, 'veterinary');
    const vet2 = pk('vet2', 4000, 'veterinary');
    const offer = peer([entry(a), entry(vet1), entry(b), entry(vet2)]);
    expect(lib.plan(offer, 0)).toEqual([]);
    lib.noteDemand('veterinary', 1);
    lib.noteDemand('b', 2);
    lib.noteDemand('veterinary', 3);
    expect(lib.plan(offer, 4)).toEqual([vet1.id, vet2.id, b.id]);
    fill(lib, vet1, 5);
    expect(lib.plan(offer, 6)).toEqual([b.id]);
    const filling = testLibrary({ virtual: true, policy: demandDriven({ fill: true }) });
    filling.noteDemand('b', 0);
    expect(filling.plan(offer, 1)).toEqual([b.id, a.id, vet1.id, vet2.id]);
  });

  it('plans nothing with itself', () => {
    const lib = testLibrary({ virtual: true });
    expect(lib.plan(peer([entry(a)], lib.self), 0)).toEqual([]);
  });
});
