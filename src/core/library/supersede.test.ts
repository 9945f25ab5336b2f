import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../store/memory-store.ts';
import { bytesPacket } from '../../../test/store-compliance/packets.ts';
import { PEER, admit, fill, ids, testLibrary } from './test-kit.ts';
import type { InventoryEntry } from '../types.ts';
import type { BuiltPacket } from '../packet/packet.ts';

const v1 = bytesPacket({ version: 1, seed: 1, size: 200 });
const v2 = bytesPacket({ version: 2, seed: 2, size: 200 });
const v3 = bytesPacket({ version: 3, seed: 3, size: 200 });

const entry = (p: BuiltPacket): InventoryEntry => ({ id: p.id, publisher: p.manifest.publisher, name: p.manifest.name, version: p.manifest.version, domain: p.manifest.domain, size: p.manifest.size, chunkSize: p.manifest.chunkSize, have: new Uint8Array([0b1111]) });

describe('supersede: a newer version from the same publisher and name replaces older ones', () => {
  it('keeps the older complete version usable until the newer one completes', () => {
    const lib = testLibrary();
    fill(lib, v1, 1);
    expect(admit(lib, v2, 2).ok).toBe(true);
    expect(ids(lib)).toEqual([v1.id, v2.id]);
    fill(lib, v2, 3, [0, 1, 2]);
    expect(ids(lib)).toEqual([v1.id, v2.id]);
    fill(lib, v2, 4, [3]);
    expect(ids(lib)).toEqual([v2.id]);
    expect(lib.events.at(-1)).toEqual({ kind: 'removed', id: v1.id, at: 4, reason: 'superseded' });
  });

  it('drops an older partial as soon as a newer version is admitted', () => {
    const lib = testLibrary();
    fill(lib, v1, 1, [0]);
    admit(lib, v2, 2);
    expect(ids(lib)).toEqual([v2.id]);
  });

  it('never admits a version older than or equal to one held, and never plans one', () => {
    const lib = testLibrary();
    admit(lib, v2, 1);
    expect(admit(lib, v1)).toMatchObject({ ok: false, error: { code: 'manifest/superseded', origin: 'local' } });
    const twin = bytesPacket({ version: 2, seed: 99, size: 200 }); // same version, other content
    expect(admit(lib, twin)).toMatchObject({ ok: false, error: { code: 'manifest/superseded', origin: 'local' } });
    expect(lib.plan({ nodeId: PEER, inventory: [entry(v1), entry(twin), entry(v3)] }, 0)).toEqual([v3.id]);
  });

  it('plans only the newest version a peer offers in a series', () => {
    const lib = testLibrary();
    expect(lib.plan({ nodeId: PEER, inventory: [entry(v1), entry(v3), entry(v2)] }, 0)).toEqual([v3.id]);
  });

  it('cleans up superseded versions found in a reopened store', () => {
    const store = createMemoryStore();
    const first = testLibrary({ store });
    fill(first, v1);
    fill(first, v2);
    // a store written by older code, or edited by hand, may hold both
    store.putManifest(v1.id, v1.manifest);
    for (let i = 0; i < 4; i++) store.putChunk(v1.id, i, v1.chunk(i) as never);
    const again = testLibrary({ store });
    expect(ids(again)).toEqual([v2.id]);
    expect(store.list().map((s) => s.id)).toEqual([v2.id]);
  });
});
