import { describe, expect, it } from 'vitest';
import { manifestId, signManifest } from '../../src/core/packet/manifest.ts';
import { chunkCount, isVirtualBody } from '../../src/core/types.ts';
import { encounter, keyOf, nodeIdOf, packetOf, virtualPacketOf } from './fixtures.ts';
import { SimpleLibrary } from './simple-library.ts';

const node = (name: string, library: SimpleLibrary) => ({ nodeId: nodeIdOf(name), library });

describe('integrity: nothing unverified is stored, liars are flagged', () => {
  it('a tampered chunk closes the session with chunk/bad-proof, flags the peer and is not stored', () => {
    const { packet } = packetOf(500_000, 16 * 1024, 'tampered');
    const A = new SimpleLibrary().add(packet);
    A.tamper(packet.id, 3);
    const B = new SimpleLibrary();
    const p = encounter(node('mallory', A), node('b', B), { bandwidth: 200_000 });
    expect(p.closedEvent('b')!.error).toMatchObject({ code: 'chunk/bad-proof', origin: 'remote' });
    expect(p.eventsOf('b', 'peer-misbehaved')).toMatchObject([{ error: { code: 'chunk/bad-proof' }, flagged: true }]);
    expect(B.isFlagged(nodeIdOf('mallory'))).toBe(true);
    expect(B.readChunk(packet.id, 3)).toBeUndefined();
    expect(B.storeLog.some((s) => s.index === 3)).toBe(false);
    expect(p.closedEvent('a')!.peer?.reasonName).toBe('bad-chunk');
    // the next encounter is refused before anything is exchanged
    const again = encounter(node('mallory', A), node('b', B));
    expect(again.closedEvent('b')!.error).toMatchObject({ code: 'session/peer-misbehaving' });
    expect(again.eventsOf('b', 'chunk-stored')).toEqual([]);
  });

  it('a manifest that does not hash to the advertised id is rejected (manifest/id-mismatch) and the peer flagged', () => {
    const { packet } = packetOf(100_000, 4096, 'genuine');
    const A = new SimpleLibrary();
    A.forgeManifest(packet.id, { ...packet.manifest, domain: 'veterinary' });
    const B = new SimpleLibrary();
    const p = encounter(node('mallory', A), node('b', B));
    expect(p.closedEvent('b')!.error).toMatchObject({ code: 'manifest/id-mismatch', origin: 'remote' });
    expect(B.isFlagged(nodeIdOf('mallory'))).toBe(true);
    expect(B.manifest(packet.id)).toBeUndefined();
  });

  it('a forged manifest under its own id fails the signature check in the library and the peer is flagged', () => {
    const { packet } = packetOf(100_000, 4096, 'genuine');
    const forged = { ...packet.manifest, domain: 'veterinary' };
    const A = new SimpleLibrary();
    A.forgeManifest(manifestId(forged), forged);
    const B = new SimpleLibrary();
    const p = encounter(node('mallory', A), node('b', B));
    expect(p.closedEvent('b')!.error).toMatchObject({ code: 'manifest/bad-signature', origin: 'remote' });
    expect(B.isFlagged(nodeIdOf('mallory'))).toBe(true);
    expect(B.inventory()).toEqual([]);
  });

  it('a local decline skips the adapter without blaming the peer, and the session ends cleanly', () => {
    const wanted = packetOf(50_000, 4096, 'wanted').packet;
    const unwanted = packetOf(50_000, 4096, 'unwanted').packet;
    const A = new SimpleLibrary().add(unwanted).add(wanted);
    const B = new SimpleLibrary({ decline: (m) => (m.name === 'unwanted' ? { code: 'manifest/untrusted-publisher', origin: 'local', message: 'not for us' } : undefined) });
    const p = encounter(node('a', A), node('b', B));
    expect(p.eventsOf('b', 'manifest-declined')).toMatchObject([{ id: unwanted.id, error: { code: 'manifest/untrusted-publisher', origin: 'local' } }]);
    expect(p.eventsOf('b', 'adapter-complete')).toEqual([{ type: 'adapter-complete', id: wanted.id }]);
    expect(p.closedEvent('b')!.error).toBeUndefined();
    expect(B.flagged.size).toBe(0);
  });

  it('an unsigned manifest is declined locally (trust-all-signed), not treated as an attack', () => {
    const { packet } = packetOf(20_000, 4096, 'unsigned');
    const unsigned = { ...packet.manifest, signature: '' };
    const A = new SimpleLibrary();
    A.forgeManifest(manifestId(unsigned), unsigned);
    const B = new SimpleLibrary();
    const p = encounter(node('a', A), node('b', B));
    expect(p.eventsOf('b', 'manifest-declined')).toMatchObject([{ error: { code: 'manifest/unsigned' } }]);
    expect(B.flagged.size).toBe(0);
  });

  it('a properly re-signed newer manifest from another publisher is just another adapter', () => {
    const { packet } = packetOf(20_000, 4096, 'copy');
    const other = signManifest({ ...packet.manifest, publisher: keyOf('other').publicKey }, keyOf('other'));
    const A = new SimpleLibrary();
    A.forgeManifest(manifestId(other), other);
    const B = new SimpleLibrary();
    const p = encounter(node('a', A), node('b', B));
    expect(p.closedEvent('b')!.error).toBeUndefined();
    expect(B.manifest(manifestId(other))).toEqual(other);
    expect(B.flagged.size).toBe(0);
  });
});

describe('virtual payloads (simulation)', () => {
  it('two virtual libraries move a 35 MB adapter without materialising it; the link still counts its bytes', () => {
    const packet = virtualPacketOf(35_000_000, 256 * 1024);
    const A = new SimpleLibrary({ payload: 'virtual' }).add(packet);
    const B = new SimpleLibrary({ payload: 'virtual' });
    const p = encounter(node('a', A), node('b', B), { bandwidth: 50_000 });
    expect(B.heldCount(packet.id)).toBe(chunkCount(packet.manifest));
    expect(isVirtualBody(B.readChunk(packet.id, 0)!.body)).toBe(true);
    expect(p.eventsOf('b', 'adapter-complete')).toHaveLength(1);
    expect(p.linkBytes).toBeGreaterThan(35_000_000);
    expect(p.linkBytes / 35_000_000).toBeLessThan(1.05);
    expect(p.clock.now / 1e6).toBeGreaterThan(35_000_000 / 50_000); // virtual bytes take link time
  });

  it('a bytes library rejects virtual chunks with chunk/virtual-not-allowed and stores nothing', () => {
    const packet = virtualPacketOf(1_000_000, 64 * 1024);
    const A = new SimpleLibrary({ payload: 'virtual' }).add(packet);
    const B = new SimpleLibrary();
    const p = encounter(node('sim', A), node('real', B));
    expect(p.closedEvent('b')!.error).toMatchObject({ code: 'chunk/virtual-not-allowed', origin: 'remote' });
    expect(B.storeLog).toEqual([]);
    expect(B.heldCount(packet.id)).toBe(0);
  });
});
