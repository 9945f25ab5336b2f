import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { buildPacket, buildVirtualPacket, decodeManifest, decodePacketFile, encodeManifest, encodePacketFile, manifestId, signingKeyFromSeed, verifyChunk, verifyManifest, verifyPayload, merkleLevels, merkleProof, verifyProof, proofLength, leafHash, merkleRoot } from './index.ts';

const seed = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());
const key = signingKeyFromSeed(seed('publisher'));
const base = 'ab'.repeat(32);
const opts = { name: 'agronomy-expert', version: 1, baseModel: base, domain: 'agronomy', keywords: ['maize', 'pest'], referenceTexts: ['How do I stop stemborers?'], chunkSize: 1024, centroid: [0.1, -0.2, 0.3] };
function payload(n: number) { const p = new Uint8Array(n); let x = 12345; for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; p[i] = x >>> 24; } return p; }

describe('merkle', () => {
  it('every leaf verifies with its proof for many tree sizes, and a flipped leaf does not', () => {
    for (let count = 1; count <= 33; count++) {
      const leaves = Array.from({ length: count }, (_, i) => leafHash(new Uint8Array([i, count])));
      const levels = merkleLevels(leaves);
      const root = merkleRoot(leaves);
      for (let i = 0; i < count; i++) {
        const proof = merkleProof(levels, i);
        expect(proof.length).toBe(proofLength(i, count) * 32);
        expect(verifyProof(root, count, i, leaves[i]!, proof)).toBe(true);
        expect(verifyProof(root, count, i, leafHash(new Uint8Array([99])), proof)).toBe(false);
        if (count > 1) expect(verifyProof(root, count, (i + 1) % count, leaves[i]!, proof)).toBe(false);
      }
    }
  });
});

describe('manifest', () => {
  it('round-trips through the canonical encoding with the same id and a valid signature', () => {
    const p = buildPacket(payload(5000), opts, key);
    const back = decodeManifest(encodeManifest(p.manifest));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value).toEqual(p.manifest);
    expect(manifestId(back.value)).toBe(p.id);
    expect(verifyManifest(back.value)).toEqual({ ok: true, value: p.id });
  });

  it('a changed field breaks the signature; an empty signature is reported as unsigned', () => {
    const p = buildPacket(payload(5000), opts, key);
    const forged = { ...p.manifest, domain: 'veterinary' };
    expect(verifyManifest(forged)).toMatchObject({ ok: false, error: { code: 'manifest/bad-signature' } });
    expect(verifyManifest({ ...p.manifest, signature: '' })).toMatchObject({ ok: false, error: { code: 'manifest/unsigned' } });
    const other = signingKeyFromSeed(seed('mallory'));
    expect(verifyManifest({ ...p.manifest, publisher: other.publicKey })).toMatchObject({ ok: false, error: { code: 'manifest/bad-signature' } });
  });

  it('random and mutated bytes never throw', () => {
    const good = encodeManifest(buildPacket(payload(3000), opts, key).manifest);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => { decodeManifest(b); }), { numRuns: 2000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.nat(good.length), (i, v, cut) => {
      const m = good.slice(); m[i] = v;
      const r = decodeManifest(m.subarray(0, Math.max(cut, i)));
      if (r.ok) verifyManifest(r.value);
    }), { numRuns: 3000 });
  });
});

describe('chunks', () => {
  it('each chunk verifies on its own; tampering is caught with chunk/bad-proof', () => {
    const data = payload(10_500);
    const p = buildPacket(data, opts, key);
    for (let i = 0; i < 11; i++) {
      const c = p.chunk(i);
      expect(verifyChunk(p.manifest, i, c.body, c.proof, false).ok).toBe(true);
    }
    const c = p.chunk(3);
    const bad = Uint8Array.from(c.body as Uint8Array); bad[10]! ^= 1;
    expect(verifyChunk(p.manifest, 3, bad, c.proof, false)).toMatchObject({ ok: false, error: { code: 'chunk/bad-proof' } });
    expect(verifyChunk(p.manifest, 4, c.body, c.proof, false).ok).toBe(false);
    expect(verifyChunk(p.manifest, 11, c.body, c.proof, false)).toMatchObject({ ok: false, error: { code: 'chunk/unexpected' } });
    expect(verifyChunk(p.manifest, 3, { virtual: true, length: 1024 }, new Uint8Array(0), false)).toMatchObject({ ok: false, error: { code: 'chunk/virtual-not-allowed' } });
  });

  it('virtual packets have virtual chunks accepted only by metadata-only stores', () => {
    const v = buildVirtualPacket(17_600_000, { ...opts, chunkSize: 256 * 1024 }, key);
    expect(v.manifest.size).toBe(17_600_000);
    const last = v.chunk(67);
    expect(verifyChunk(v.manifest, 67, last.body, last.proof, true).ok).toBe(true);
    expect(verifyChunk(v.manifest, 67, last.body, last.proof, false).ok).toBe(false);
  });

  it('packet files round-trip and a truncated file is refused', () => {
    const data = payload(4000);
    const p = buildPacket(data, opts, key);
    const file = encodePacketFile(p.manifest, data);
    const back = decodePacketFile(file);
    expect(back.ok && verifyPayload(back.value.manifest, back.value.payload).ok).toBe(true);
    expect(decodePacketFile(file.subarray(0, file.length - 1))).toMatchObject({ ok: false, error: { code: 'chunk/bad-length' } });
  });
});
