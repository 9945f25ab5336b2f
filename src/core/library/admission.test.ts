import { describe, expect, it } from 'vitest';
import { buildVirtualPacket } from '../packet/packet.ts';
import type { StoredChunk } from '../ports.ts';
import { bytesPacket, keyFor, virtualPacket } from '../../../test/store-compliance/packets.ts';
import { ALICE, PEER, admit, fill, testLibrary } from './test-kit.ts';

const mallory = keyFor('mallory').publicKey;
const bob = keyFor('bob').publicKey;
const offer = (p: { id: string; manifest: { publisher: string; name: string; version: number; domain: string; size: number; chunkSize: number } }) => ({
  nodeId: PEER,
  inventory: [{ id: p.id, publisher: p.manifest.publisher, name: p.manifest.name, version: p.manifest.version, domain: p.manifest.domain, size: p.manifest.size, chunkSize: p.manifest.chunkSize, have: new Uint8Array([0xff, 0xff]) }],
});

describe('admission: signatures, ids, trust, base model', () => {
  it('admits a signed manifest from a trusted publisher as an empty partial', () => {
    const lib = testLibrary();
    const p = bytesPacket();
    expect(admit(lib, p, 5)).toEqual({ ok: true, value: p.id });
    expect(lib.inventory()).toEqual([{ id: p.id, publisher: ALICE, name: p.manifest.name, version: 1, domain: 'agronomy', size: 700, chunkSize: 64, have: new Uint8Array(2) }]);
    expect(lib.missing(p.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lib.events).toEqual([{ kind: 'admitted', id: p.id, at: 5, from: PEER }]);
  });

  it('rejects unsigned, forged and mislabelled manifests as remote violations', () => {
    const lib = testLibrary();
    const p = bytesPacket();
    const other = bytesPacket({ name: 'other' });
    expect(lib.admitManifest(p.id, { ...p.manifest, signature: '' }, PEER, 0)).toMatchObject({ ok: false, error: { code: 'manifest/unsigned', origin: 'remote' } });
    // a signature lifted from another manifest: same id (the id excludes the signature), bad signature
    expect(lib.admitManifest(p.id, { ...p.manifest, signature: other.manifest.signature }, PEER, 0)).toMatchObject({ ok: false, error: { code: 'manifest/bad-signature', origin: 'remote' } });
    // a tampered field changes the content address
    expect(lib.admitManifest(p.id, { ...p.manifest, domain: 'veterinary' }, PEER, 0)).toMatchObject({ ok: false, error: { code: 'manifest/id-mismatch', origin: 'remote' } });
    expect(lib.admitManifest(other.id, p.manifest, PEER, 0)).toMatchObject({ ok: false, error: { code: 'manifest/id-mismatch', origin: 'remote' } });
    expect(lib.admitManifest(p.id, { ...p.manifest, chunkSize: 3 }, PEER, 0)).toMatchObject({ ok: false, error: { code: 'manifest/invalid', origin: 'remote' } });
    expect(lib.entries()).toEqual([]);
    expect(lib.events.map((e) => e.kind)).toEqual(['declined', 'declined', 'declined', 'declined', 'declined']);
    // the genuine manifest is still accepted afterwards (forgeries are not remembered against its id)
    expect(admit(lib, p).ok).toBe(true);
  });

  it('declines publishers outside the trust list, and stops planning their adapters', () => {
    const lib = testLibrary();
    const p = bytesPacket({ publisher: 'mallory' });
    expect(lib.plan(offer(p), 0)).toEqual([]);
    expect(admit(lib, p)).toMatchObject({ ok: false, error: { code: 'manifest/untrusted-publisher', origin: 'local' } });
  });

  it('trust on first use binds a name to the first admitted publisher; listed publishers always pass', () => {
    const lib = testLibrary({ trust: { publishers: [ALICE], tofu: true } });
    const m1 = bytesPacket({ publisher: 'mallory', name: 'maize-doctor' });
    const b1 = bytesPacket({ publisher: 'bob', name: 'maize-doctor' });
    const b2 = bytesPacket({ publisher: 'bob', name: 'goat-health' });
    const a1 = bytesPacket({ publisher: 'alice', name: 'maize-doctor' });
    expect(lib.plan(offer(b1), 0)).toEqual([b1.id]); // name not bound yet
    expect(admit(lib, m1).ok).toBe(true);
    expect(lib.plan(offer(b1), 0)).toEqual([]);
    expect(admit(lib, b1)).toMatchObject({ ok: false, error: { code: 'manifest/untrusted-publisher', origin: 'local' } });
    expect(admit(lib, b2).ok).toBe(true);
    expect(admit(lib, a1).ok).toBe(true);
    expect(lib.entries().map((e) => e.manifest.publisher)).toEqual([mallory, bob, ALICE]);
  });

  it('declines adapters for another base model and remembers the decline', () => {
    const lib = testLibrary({ baseModels: ['ab'.repeat(32)] });
    const wrong = bytesPacket({ baseModel: 'cd'.repeat(32) });
    expect(lib.plan(offer(wrong), 0)).toEqual([wrong.id]); // inventories carry no base model
    expect(admit(lib, wrong)).toMatchObject({ ok: false, error: { code: 'manifest/wrong-base-model', origin: 'local' } });
    expect(lib.plan(offer(wrong), 0)).toEqual([]);
    expect(admit(lib, bytesPacket()).ok).toBe(true);
  });

  it('resumes a held adapter without re-admitting it, but still catches a mislabelled manifest', () => {
    const lib = testLibrary();
    const p = bytesPacket();
    admit(lib, p);
    expect(admit(lib, p, 9)).toEqual({ ok: true, value: p.id });
    expect(lib.events.filter((e) => e.kind === 'admitted')).toHaveLength(1);
    expect(lib.admitManifest(p.id, bytesPacket({ name: 'x' }).manifest, PEER, 0)).toMatchObject({ ok: false, error: { code: 'manifest/id-mismatch' } });
  });
});

describe('chunks', () => {
  it('stores chunks, reports completion once, and serves them back', () => {
    const lib = testLibrary();
    const p = bytesPacket({ size: 200 }); // 4 chunks
    admit(lib, p);
    expect(fill(lib, p, 1, [3, 0])).toEqual({ ok: true, value: { complete: false } });
    expect(lib.missing(p.id)).toEqual([1, 2]);
    expect(fill(lib, p, 2, [1, 2])).toEqual({ ok: true, value: { complete: true } });
    expect(fill(lib, p, 3, [2])).toEqual({ ok: true, value: { complete: true } });
    expect(lib.events.filter((e) => e.kind === 'completed')).toEqual([{ kind: 'completed', id: p.id, at: 2 }]);
    expect(lib.readChunk(p.id, 3)!.body).toEqual(p.chunk(3).body);
    expect(lib.inventory()[0]!.have).toEqual(new Uint8Array([0b1111]));
  });

  it('refuses chunks of unknown adapters and payload-less chunks in a bytes library (local errors)', () => {
    const lib = testLibrary();
    const p = bytesPacket();
    expect(lib.storeChunk(p.id, 0, p.chunk(0) as StoredChunk, 0)).toMatchObject({ ok: false, error: { code: 'library/unknown-adapter', origin: 'local' } });
    admit(lib, p);
    expect(lib.storeChunk(p.id, 0, { body: { virtual: true, length: 64 }, proof: new Uint8Array(0) }, 0)).toMatchObject({ ok: false, error: { code: 'chunk/virtual-not-allowed', origin: 'local' } });
    expect(lib.missing(p.id)).toHaveLength(11);
  });

  it('a virtual library holds payload-less chunks', () => {
    const lib = testLibrary({ virtual: true, budgetBytes: 200_000_000 });
    const p = virtualPacket({ size: 35_000_000, chunkSize: 256 * 1024 });
    expect(lib.payload).toBe('virtual');
    expect(fill(lib, p)).toEqual({ ok: true, value: { complete: true } });
    expect(lib.entries()[0]).toMatchObject({ complete: true, haveCount: 134, bytesHeld: 35_000_000 });
  });
});

describe('publishing, flags', () => {
  it('publishes a local packet as a complete, pinned adapter', () => {
    const lib = testLibrary({ trust: { publishers: [], tofu: false } });
    const p = bytesPacket({ publisher: 'self' });
    expect(lib.publish(p, 4)).toEqual({ ok: true, value: p.id });
    expect(lib.entries()[0]).toMatchObject({ id: p.id, complete: true, pinned: true, bytesHeld: 700 });
    expect(lib.events.map((e) => e.kind)).toEqual(['admitted', 'completed']);
    expect(lib.publish(p, 5)).toEqual({ ok: true, value: p.id });
  });

  it('refuses to publish a virtual packet into bytes, a foreign base model or an unsigned manifest', () => {
    const lib = testLibrary({ baseModels: ['ab'.repeat(32)] });
    const v = buildVirtualPacket(1000, { name: 'v', version: 1, baseModel: 'ab'.repeat(32), domain: 'd', chunkSize: 64 }, keyFor('self'));
    expect(lib.publish(v, 0)).toMatchObject({ ok: false, error: { code: 'chunk/virtual-not-allowed', origin: 'local' } });
    expect(lib.publish(bytesPacket({ baseModel: 'cd'.repeat(32) }), 0)).toMatchObject({ ok: false, error: { code: 'manifest/wrong-base-model' } });
    const p = bytesPacket();
    expect(lib.publish({ ...p, manifest: { ...p.manifest, signature: '' } }, 0)).toMatchObject({ ok: false, error: { code: 'manifest/unsigned', origin: 'local' } });
    expect(lib.entries()).toEqual([]);
  });

  it('remembers flagged peers, plans nothing with them, and can forgive', () => {
    const lib = testLibrary();
    const p = bytesPacket();
    const error = { code: 'chunk/bad-proof' as const, origin: 'remote' as const, message: 'x' };
    lib.flagPeer(PEER, error, 7);
    lib.flagPeer(PEER, error, 9);
    expect(lib.isFlagged(PEER)).toBe(true);
    expect(lib.flaggedPeers()).toEqual([{ nodeId: PEER, error, at: 9, count: 2 }]);
    expect(lib.plan(offer(p), 10)).toEqual([]);
    lib.unflagPeer(PEER);
    expect(lib.isFlagged(PEER)).toBe(false);
    expect(lib.plan(offer(p), 10)).toEqual([p.id]);
  });
});
